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
        // One buffer per sentence; lower-casing word by word keeps `to_lowercase`'s
        // final-sigma rule at word ends.
        let mut key = String::with_capacity(raw.len());
        for word in raw.split_whitespace() {
            if !key.is_empty() {
                key.push(' ');
            }
            if word.is_ascii() {
                key.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                key.push_str(&word.to_lowercase());
            }
        }
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

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;
    use crate::document::parse;

    #[test]
    fn repeated_sentences_are_marked() {
        let text = "Members churn. Members   CHURN! Something else.";
        let analysis = analyze(&parse(text));
        assert_eq!(analysis.repeated_sentences, 1);
        assert_eq!(analysis.sentences[1].duplicate_of, Some(0));
        assert_eq!(analysis.sentences[2].duplicate_of, None);
    }
}
