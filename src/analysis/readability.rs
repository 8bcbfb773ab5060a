//! Readability figures: Flesch reading ease and Flesch–Kincaid grade, from a syllable
//! estimate (vowel groups, silent final e), and average sentence length.

use serde::Serialize;

/// Readability of the graded text (all zero for a text without words).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Readability {
    /// Flesch reading ease: higher is easier, 60–70 plain English.
    pub flesch_reading_ease: f64,
    /// Flesch–Kincaid grade: the school grade that reads it.
    pub flesch_kincaid_grade: f64,
    /// Words per sentence, headings left out.
    pub average_sentence_words: f64,
    /// Estimated syllables of all the words.
    pub syllables: usize,
}

impl Readability {
    /// The figures for a text of `words` words in `sentences` sentences with `syllables` syllables.
    pub fn new(words: usize, sentences: usize, syllables: usize) -> Self {
        if words == 0 || sentences == 0 {
            return Readability::default();
        }
        let words_per_sentence = words as f64 / sentences as f64;
        let syllables_per_word = syllables as f64 / words as f64;
        Readability {
            flesch_reading_ease: 206.835 - 1.015 * words_per_sentence - 84.6 * syllables_per_word,
            flesch_kincaid_grade: 0.39 * words_per_sentence + 11.8 * syllables_per_word - 15.59,
            average_sentence_words: words_per_sentence,
            syllables,
        }
    }
}

/// Estimated syllables of one word: groups of vowels, less a silent final "e"; at least 1.
pub fn syllables(word: &str) -> usize {
    if word.is_ascii() {
        ascii_syllables(word.as_bytes())
    } else {
        char_syllables(word)
    }
}

/// [`syllables`] by characters: the rules as stated, for words with a non-ASCII letter.
fn char_syllables(word: &str) -> usize {
    let mut count = 0;
    let mut previous_vowel = false;
    let mut last = '\0';
    let mut before_last = '\0';
    let mut letters = 0;
    for c in word.chars() {
        if !c.is_alphabetic() {
            previous_vowel = false;
            continue;
        }
        let c = c.to_ascii_lowercase();
        let vowel = matches!(
            c,
            'a' | 'e' | 'i' | 'o' | 'u' | 'y' | 'é' | 'è' | 'à' | 'ö' | 'ü'
        );
        if vowel && !previous_vowel {
            count += 1;
        }
        previous_vowel = vowel;
        before_last = last;
        last = c;
        letters += 1;
    }
    if letters > 2 && last == 'e' && before_last != 'l' && count > 1 {
        count -= 1;
    }
    count.max(1)
}

/// [`syllables`] of an ASCII word, byte by byte: the same rules without decoding, an ASCII
/// letter being what `char::is_alphabetic` calls alphabetic among ASCII characters.
fn ascii_syllables(word: &[u8]) -> usize {
    let mut count = 0;
    let mut previous_vowel = false;
    let (mut last, mut before_last) = (0u8, 0u8);
    let mut letters = 0;
    for &b in word {
        if !b.is_ascii_alphabetic() {
            previous_vowel = false;
            continue;
        }
        let c = b.to_ascii_lowercase();
        let vowel = matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y');
        if vowel && !previous_vowel {
            count += 1;
        }
        previous_vowel = vowel;
        before_last = last;
        last = c;
        letters += 1;
    }
    if letters > 2 && last == b'e' && before_last != b'l' && count > 1 {
        count -= 1;
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn the_ascii_path_counts_as_the_char_rules(word in "[ -~]{0,12}") {
            proptest::prop_assert_eq!(syllables(&word), char_syllables(&word));
        }
    }

    #[test]
    fn non_ascii_words_keep_the_char_rules() {
        assert_eq!(syllables("café"), 2);
        assert_eq!(syllables("naïve"), char_syllables("naïve"));
    }

    #[test]
    fn syllable_estimates() {
        assert_eq!(syllables("cat"), 1);
        assert_eq!(syllables("make"), 1);
        assert_eq!(syllables("table"), 2);
        assert_eq!(syllables("retention"), 3);
        assert_eq!(syllables("42"), 1);
    }

    #[test]
    fn flesch_formulas() {
        // 10 words, 1 sentence, 15 syllables.
        let r = Readability::new(10, 1, 15);
        assert!((r.flesch_reading_ease - (206.835 - 10.15 - 126.9)).abs() < 1e-9);
        assert!((r.flesch_kincaid_grade - (3.9 + 17.7 - 15.59)).abs() < 1e-9);
    }
}
