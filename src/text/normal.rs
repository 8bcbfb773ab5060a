//! Normal forms, std only: a text folded for matching, the word runs of a folded text and
//! its stemmed form, and the patterns a rubric phrase is matched as. `fold` and `stem`
//! build their views with these pieces; build.rs includes this file (with `contractions`
//! and `snowball`) to compute the built-in rubrics' patterns ahead of time with the very
//! code that computes them at run time.

use super::contractions;

/// A byte of an all-ASCII text, folded: ASCII white space a space, letters lower case.
#[inline]
pub fn fold_ascii_byte(b: u8) -> char {
    if b.is_ascii_whitespace() {
        ' '
    } else {
        b.to_ascii_lowercase() as char
    }
}

/// An ASCII character of a text that is not all ASCII, folded: there white space is
/// `char::is_whitespace`, which also takes U+000B.
#[inline]
pub fn fold_ascii_char(c: char) -> char {
    if c.is_whitespace() {
        ' '
    } else {
        c.to_ascii_lowercase()
    }
}

/// Pushes the folded form of a character that is not ASCII: curly quotes straight, dashes
/// hyphens, white space a space, anything else lower case.
#[inline]
pub fn push_folded(c: char, text: &mut String) {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{2032}' => text.push('\''),
        '\u{201c}' | '\u{201d}' | '\u{2033}' => text.push('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => text.push('-'),
        c if c.is_whitespace() => text.push(' '),
        c => text.extend(c.to_lowercase()),
    }
}

/// The folded text of `original`, as `Folded::new` folds it, without its byte map.
pub fn fold_text(original: &str) -> String {
    if original.is_ascii() {
        return original.bytes().map(fold_ascii_byte).collect();
    }
    let mut text = String::with_capacity(original.len());
    for c in original.chars() {
        if c.is_ascii() {
            text.push(fold_ascii_char(c));
        } else {
            push_folded(c, &mut text);
        }
    }
    text
}

/// True for the characters words are made of.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// For each byte, whether it is an ASCII word character (one load rather than three range
/// tests: the scan reads every byte of every text). Non-ASCII bytes are decoded instead.
static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'_';
        b += 1;
    }
    table
};

/// True for an ASCII byte that is a word character (false for every non-ASCII byte).
#[inline]
pub fn is_word_byte(b: u8) -> bool {
    WORD_BYTES[b as usize]
}

/// Length in bytes of the word at the start of `rest`: word characters, and apostrophes
/// inside the word or closing a plural ("don't", "member's", "members'"), so that Snowball
/// sees the possessive it knows how to remove. Bytes are read as bytes while ASCII, which
/// answers nearly always are.
#[inline]
pub fn word_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let mut end = 0;
    while let Some(&b) = bytes.get(end) {
        if is_word_byte(b) {
            end += 1;
        } else if b == b'\'' {
            let next = rest[end + 1..].chars().next();
            if end > 0 && (next.is_some_and(is_word_char) || bytes[end - 1] == b's') {
                end += 1;
            } else {
                break;
            }
        } else if b.is_ascii() {
            break;
        } else {
            let c = rest[end..].chars().next().expect("end is on a boundary");
            if !is_word_char(c) {
                break;
            }
            end += c.len_utf8();
        }
    }
    end
}

/// Length in bytes of the characters at the start of `rest` that start no word.
#[inline]
pub fn gap_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let mut end = 0;
    while let Some(&b) = bytes.get(end) {
        if b.is_ascii() {
            if is_word_byte(b) {
                break;
            }
            end += 1;
        } else {
            let c = rest[end..].chars().next().expect("end is on a boundary");
            if is_word_char(c) {
                break;
            }
            end += c.len_utf8();
        }
    }
    end
}

/// The stemmed text of `folded`, as `Stemmed::new` builds it, without its byte maps: each
/// word replaced by what `stem` pushes for it, the gaps between words kept.
pub fn stem_text(folded: &str, stem: &mut impl FnMut(&str, &mut String)) -> String {
    let mut text = String::with_capacity(folded.len());
    // Words and gaps alternate, as in `Stemmed::new`.
    let mut offset = 0;
    let mut in_word = true;
    while offset < folded.len() {
        let rest = &folded[offset..];
        if in_word {
            let len = word_len(rest);
            if len > 0 {
                stem(&rest[..len], &mut text);
                offset += len;
            }
        } else {
            let gap = gap_len(rest);
            text.push_str(&rest[..gap]);
            offset += gap;
        }
        in_word = !in_word;
    }
    text
}

/// How a phrase is compared with the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum PhraseKind {
    /// Word by word on stems: the default.
    Stem,
    /// A prefix of the words as written: a trailing `*`.
    Prefix,
    /// The words as written, whole: a phrase in double quotes, or any phrase of an exact
    /// matcher (`PhraseMatcher::exact`).
    Exact,
}

/// Every pattern `phrase` is matched as, `plain` the kind of a phrase neither quoted nor a
/// prefix: [`normalize`] of each of its spellings with contractions said in full or long
/// forms contracted, the phrase's own first; a quoted phrase, or any of an exact matcher,
/// has one; an empty phrase none. `stem` pushes a folded word's stem.
pub fn patterns(
    phrase: &str,
    plain: PhraseKind,
    stem: &mut impl FnMut(&str, &mut String),
) -> Vec<(String, PhraseKind)> {
    let spellings = if plain == PhraseKind::Exact || quoted(phrase.trim()).is_some() {
        vec![phrase.to_owned()]
    } else {
        contractions::spellings(phrase)
    };
    let mut patterns: Vec<(String, PhraseKind)> = Vec::with_capacity(spellings.len());
    for spelling in &spellings {
        let pattern = normalize(spelling, plain, stem);
        if !pattern.0.is_empty() && !patterns.contains(&pattern) {
            patterns.push(pattern);
        }
    }
    patterns
}

/// How `phrase` matches and the pattern it is compared as: folded as text is folded,
/// quotes and `*` taken off, single-spaced, and stemmed word by word unless it is a
/// prefix or exact.
pub fn normalize(
    phrase: &str,
    plain: PhraseKind,
    stem: &mut impl FnMut(&str, &mut String),
) -> (String, PhraseKind) {
    let (body, kind) = body(phrase, plain);
    let folded = fold_text(body);
    let mut collapsed = String::with_capacity(folded.len());
    for word in folded.split_whitespace() {
        if !collapsed.is_empty() {
            collapsed.push(' ');
        }
        collapsed.push_str(word);
    }
    match kind {
        PhraseKind::Stem => (stem_text(&collapsed, stem), kind),
        _ => (collapsed, kind),
    }
}

/// True when a phrase has no words to match once its marks (`*`, quotes) and spaces are
/// taken off (stemming never empties a word).
pub fn is_empty_phrase(phrase: &str) -> bool {
    // Folding turns white space into spaces and every other character into characters
    // that are not white space, so the folded words are empty when the body is blank.
    body(phrase, PhraseKind::Exact).0.trim().is_empty()
}

/// A phrase's words as written, marks taken off, and how they match.
fn body(phrase: &str, plain: PhraseKind) -> (&str, PhraseKind) {
    let trimmed = phrase.trim();
    if let Some(body) = trimmed.strip_suffix('*') {
        (body.trim_end(), PhraseKind::Prefix)
    } else if let Some(body) = quoted(trimmed) {
        (body.trim(), PhraseKind::Exact)
    } else if plain == PhraseKind::Stem && starts_first_person(trimmed) {
        // "I asked" is a story, "I ask" a habit: a first-person phrase's tense is what it
        // says, so it keeps its form without being quoted.
        (trimmed, PhraseKind::Exact)
    } else {
        (trimmed, plain)
    }
}

/// Pronouns that make a phrase first person when it starts with one (folded forms).
const FIRST_PERSON: &[&str] = &[
    "i", "i'd", "i'm", "i've", "i'll", "we", "we'd", "we're", "we've", "we'll", "my", "our",
];

/// True when the phrase's first word is a first-person pronoun and more words follow.
/// Folding maps white space to spaces and nothing else to white space, so the folded
/// phrase's words are its words folded: only the first is folded.
fn starts_first_person(phrase: &str) -> bool {
    let mut words = phrase.split_whitespace();
    let first = words.next().unwrap_or("");
    words.next().is_some() && FIRST_PERSON.contains(&fold_text(first).as_str())
}

/// The inside of a phrase written in straight or curly double quotes.
pub fn quoted(phrase: &str) -> Option<&str> {
    ['"', '\u{201c}']
        .iter()
        .zip(['"', '\u{201d}'])
        .find_map(|(&open, close)| phrase.strip_prefix(open)?.strip_suffix(close))
}

#[cfg(test)]
mod tests {
    use super::{fold_text, stem_text};
    use crate::text::fold::Folded;
    use crate::text::stem::{Stemmed, with_cached_stem};

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn fold_text_is_the_folded_views_text(
            text in "(a|B|I|'|\u{2019}|\u{201c}|\u{2014}| |\t|\u{b}|\u{a0}|\u{130}|é|Σ|\n|x|-){0,40}"
        ) {
            proptest::prop_assert_eq!(fold_text(&text), Folded::new(&text).text);
        }

        #[test]
        fn stem_text_is_the_stemmed_views_text(
            text in "(members|member's|members'|cancelled|don't|i|'|q3|é|Σ| |-|/|experiences|_|ok){0,30}"
        ) {
            let folded = fold_text(&text);
            let mut stem = |word: &str, out: &mut String| with_cached_stem(word, |s| out.push_str(s));
            proptest::prop_assert_eq!(stem_text(&folded, &mut stem), Stemmed::new(&folded).text);
        }
    }
}
