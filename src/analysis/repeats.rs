//! Repeated sentences: each sentence that says again, word for word, what an earlier one
//! said (case and white space folded, final punctuation ignored).

use super::Sentence;
use std::collections::HashMap;

/// Marks each sentence that repeats an earlier one (case and white space folded, final
/// punctuation ignored); returns how many do.
pub(crate) fn mark_duplicates(text: &str, sentences: &mut [Sentence]) -> usize {
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    let mut repeated = 0;
    for (i, sentence) in sentences.iter_mut().enumerate() {
        let raw = sentence
            .span
            .text(text)
            .trim_end_matches(['.', '!', '?', ';', ':']);
        let key = key(raw);
        match first_seen.get(&key) {
            Some(&first) => {
                sentence.duplicate_of = Some(first);
                repeated += 1;
            }
            None => {
                first_seen.insert(key, i);
            }
        }
    }
    repeated
}

/// A sentence's words lower-cased and joined by one space. One buffer per sentence;
/// lower-casing word by word keeps `to_lowercase`'s final-sigma rule at word ends.
fn key(raw: &str) -> String {
    if raw.is_ascii() {
        // `split_whitespace` on ASCII: tab, line feed, vertical tab, form feed, carriage
        // return and space.
        let mut key = Vec::with_capacity(raw.len());
        let words = raw.as_bytes().split(|b| matches!(b, b'\t'..=b'\r' | b' '));
        for word in words.filter(|word| !word.is_empty()) {
            if !key.is_empty() {
                key.push(b' ');
            }
            key.extend(word.iter().map(u8::to_ascii_lowercase));
        }
        return String::from_utf8(key).expect("ASCII stays UTF-8");
    }
    let mut key = String::with_capacity(raw.len());
    for word in raw.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        if word.is_ascii() {
            let start = key.len();
            key.push_str(word);
            key[start..].make_ascii_lowercase();
        } else {
            key.push_str(&word.to_lowercase());
        }
    }
    key
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;
    use crate::document::parse;

    /// The key as `split_whitespace` and `to_lowercase` make it, word by word.
    fn reference(raw: &str) -> String {
        let words: Vec<String> = raw.split_whitespace().map(str::to_lowercase).collect();
        words.join(" ")
    }

    #[test]
    fn keys_fold_case_and_white_space_as_the_standard_library_does() {
        for raw in [
            "  Members\tCHURN \x0b\x0c here\r\n ",
            "a\x1cb \x1f c",
            "ΟΔΟΣ  Straße\u{a0}x\u{2003}Y",
            "",
            " \t ",
        ] {
            assert_eq!(super::key(raw), reference(raw), "{raw:?}");
        }
        for b in 0..=0x7Fu8 {
            let raw = format!("Ab{}Cd", char::from(b));
            assert_eq!(super::key(&raw), reference(&raw), "{b:#x}");
        }
    }

    #[test]
    fn repeated_sentences_are_marked() {
        let text = "Members churn. Members   CHURN! Something else.";
        let analysis = analyze(&parse(text));
        assert_eq!(analysis.repeated_sentences, 1);
        assert_eq!(analysis.sentences[1].duplicate_of, Some(0));
        assert_eq!(analysis.sentences[2].duplicate_of, None);
    }
}
