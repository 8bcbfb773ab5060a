//! Sentence boundaries without unicode-segmentation's per-character table search: the same
//! state machine as its `split_sentence_bound_indices` (UAX #29, version 1.13), fed from
//! tables filled at compile time for the scripts answers are written in (ASCII, Latin-1,
//! Latin Extended-A/B and Additional, General Punctuation, currency). A text holding any
//! other character returns `None` and is split by unicode-segmentation itself, so the
//! boundaries are the crate's in every case (`tests/sentence_bounds.rs` compares them).

/// Sentence_Break categories, as unicode-segmentation names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cat {
    Any,
    OLetter,
    Lower,
    Upper,
    Numeric,
    ATerm,
    STerm,
    Close,
    Sp,
    SContinue,
    Sep,
    Cr,
    Lf,
    Extend,
    Format,
}

/// The categories of one block of code points, one letter each (see [`letter`]), copied
/// from unicode-segmentation 1.13.3's `sentence_cat_table`.
const LATIN: &[u8] = concat!(
    "ooooooooosfssroooooooooooooooooostcoooocccooSSaonnnnnnnnnnSSooot",
    "ouuuuuuuuuuuuuuuuuuuuuuuuuucocooollllllllllllllllllllllllllcocoo",
    "ooooopoooooooooooooooooooooooooosooooooooolcoFoooooooloooolcoooo",
    "uuuuuuuuuuuuuuuuuuuuuuuouuuuuuullllllllllllllllllllllllollllllll",
    "ulululululululululululululululululululululululululululullulululu",
    "lulululullulululululululululululululululululululululululuululull",
    "luululuuluuulluuuuluuluuullluuluulululuululluluuluuululuullOulll",
    "OOOOuuluuluululululululululullulululululululululluululuuulululul",
    "ulululululululululululululululululululululululululullllllluuluul",
    "luluuuululululul",
)
.as_bytes();
const LATIN_ADDITIONAL_START: u32 = 0x1e00;
const LATIN_ADDITIONAL: &[u8] = concat!(
    "ulululululululululululululululululululululululululululululululul",
    "ulululululululululululululululululululululululululululululululul",
    "ulululululululululululllllllllululululululululululululululululul",
    "ulululululululululululululululululululululululululululululululul",
)
.as_bytes();
const PUNCTUATION_START: u32 = 0x2000;
const PUNCTUATION: &[u8] = concat!(
    "sssssssssssFeeFFoooSSoooccccccccooooaoooppFFFFFsoooooooooccottoo",
    "ooooocctttooooooooooooooooooooosFFFFFoFFFFFFFFFFoloooooooooooccl",
    "oooooooooooooccolllllllllllllooooooooooooooooooooooooooooooooooo",
    "oooooooooooooooo",
)
.as_bytes();

/// The category a table letter stands for.
const fn letter(b: u8) -> Cat {
    match b {
        b'O' => Cat::OLetter,
        b'l' => Cat::Lower,
        b'u' => Cat::Upper,
        b'n' => Cat::Numeric,
        b'a' => Cat::ATerm,
        b't' => Cat::STerm,
        b'c' => Cat::Close,
        b's' => Cat::Sp,
        b'S' => Cat::SContinue,
        b'p' => Cat::Sep,
        b'r' => Cat::Cr,
        b'f' => Cat::Lf,
        b'e' => Cat::Extend,
        b'F' => Cat::Format,
        _ => Cat::Any,
    }
}

/// The category of `c`, or `None` outside the tables.
#[inline]
fn category(c: char) -> Option<Cat> {
    let c = c as u32;
    let (table, start) = if c < 0x1e00 {
        (LATIN, 0)
    } else if c < PUNCTUATION_START {
        (LATIN_ADDITIONAL, LATIN_ADDITIONAL_START)
    } else {
        (PUNCTUATION, PUNCTUATION_START)
    };
    let i = c.checked_sub(start)? as usize;
    table.get(i).map(|&b| letter(b))
}

/// Bytes that can neither break a sentence nor start a terminator: ASCII whose category is
/// not ATerm, STerm, CR or LF. A run of them after a state holding no terminator leaves no
/// break, so [`bounds`] skips it whole.
const QUIET: [bool; 256] = {
    let mut quiet = [false; 256];
    let mut b = 0;
    while b < 0x80 {
        quiet[b] = !matches!(
            letter(LATIN[b]),
            Cat::ATerm | Cat::STerm | Cat::Cr | Cat::Lf
        );
        b += 1;
    }
    quiet
};

/// One collapsed part of the text before a position (unicode-segmentation's `StatePart`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Sot,
    Other,
    Cr,
    Lf,
    Sep,
    ATerm,
    UpperLower,
    ClosePlus,
    SpPlus,
    STerm,
}

/// The last four parts, a run of Close or of Sp being one part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct State([Part; 4]);

impl State {
    /// True when no rule but SB998 can fire on a quiet byte: not at the start, and no
    /// terminator or paragraph separator among the parts.
    fn is_quiet(self) -> bool {
        self.0[3] != Part::Sot
            && !self.0.iter().any(|p| {
                matches!(
                    p,
                    Part::ATerm | Part::STerm | Part::Sep | Part::Cr | Part::Lf
                )
            })
    }

    fn next(self, cat: Cat) -> State {
        let p = self.0;
        match (p[3], cat) {
            (Part::ClosePlus, Cat::Close) | (Part::SpPlus, Cat::Sp) => self,
            _ => State([
                p[1],
                p[2],
                p[3],
                match cat {
                    Cat::Cr => Part::Cr,
                    Cat::Lf => Part::Lf,
                    Cat::Sep => Part::Sep,
                    Cat::ATerm => Part::ATerm,
                    Cat::Upper | Cat::Lower => Part::UpperLower,
                    Cat::Close => Part::ClosePlus,
                    Cat::Sp => Part::SpPlus,
                    Cat::STerm => Part::STerm,
                    _ => Part::Other,
                },
            ]),
        }
    }

    fn is_saterm(part: Part) -> bool {
        matches!(part, Part::STerm | Part::ATerm)
    }

    /// The part before a trailing `Close* Sp*`.
    fn before_close_sp(self) -> Part {
        let mut idx = if self.0[3] == Part::SpPlus { 2 } else { 3 };
        if self.0[idx] == Part::ClosePlus {
            idx -= 1;
        }
        self.0[idx]
    }

    /// SB8a's (and SB10's) `SATerm Close* Sp*`.
    fn sb8a(self) -> bool {
        Self::is_saterm(self.before_close_sp())
    }

    /// SB9's `SATerm Close*`.
    fn sb9(self) -> bool {
        let idx = if self.0[3] == Part::ClosePlus { 2 } else { 3 };
        Self::is_saterm(self.0[idx])
    }

    /// SB11's `SATerm Close* Sp* ParaSep?`.
    fn sb11(self) -> bool {
        let mut idx = if matches!(self.0[3], Part::Sep | Part::Cr | Part::Lf) {
            2
        } else {
            3
        };
        if self.0[idx] == Part::SpPlus {
            idx -= 1;
        }
        if self.0[idx] == Part::ClosePlus {
            idx -= 1;
        }
        Self::is_saterm(self.0[idx])
    }
}

/// SB8: `ATerm Close* Sp* × ( ¬(OLetter | Upper | Lower | ParaSep | SATerm) )* Lower`;
/// `None` when the look-ahead meets a character outside the tables.
fn sb8(state: State, ahead: &str) -> Option<bool> {
    if state.before_close_sp() != Part::ATerm {
        return Some(false);
    }
    for c in ahead.chars() {
        match category(c)? {
            Cat::Lower => return Some(true),
            Cat::OLetter | Cat::Upper | Cat::Sep | Cat::Cr | Cat::Lf | Cat::STerm | Cat::ATerm => {
                return Some(false);
            }
            _ => {}
        }
    }
    Some(false)
}

/// Whether a break falls before the character of category `cat` at `pos`, given the state
/// before it; `None` when the text must go to unicode-segmentation.
fn breaks_before(state: State, cat: Cat, text: &str, pos: usize) -> Option<bool> {
    let last = state.0[3];
    Some(match cat {
        _ if last == Part::Sot => true,                               // SB1
        Cat::Lf if last == Part::Cr => false,                         // SB3
        _ if matches!(last, Part::Sep | Part::Cr | Part::Lf) => true, // SB4
        Cat::Extend | Cat::Format => false,                           // SB5
        Cat::Numeric if last == Part::ATerm => false,                 // SB6
        Cat::Upper if state.0[2] == Part::UpperLower && last == Part::ATerm => false, // SB7
        _ if sb8(state, &text[pos..])? => false,
        Cat::SContinue | Cat::STerm | Cat::ATerm if state.sb8a() => false,
        Cat::Close | Cat::Sp | Cat::Sep | Cat::Cr | Cat::Lf if state.sb9() => false,
        Cat::Sp | Cat::Sep | Cat::Cr | Cat::Lf if state.sb8a() => false, // SB10
        _ => state.sb11(),                                               // SB11, else SB998
    })
}

/// Appends to `out` the offset of every sentence start in `text` and, last, `text.len()`:
/// the bounds unicode-segmentation's `split_sentence_bound_indices` cuts at. `None` (with
/// `out` in any state) when `text` holds a character outside the tables.
pub(crate) fn bounds(text: &str, out: &mut Vec<usize>) -> Option<()> {
    let mut state = State([Part::Sot; 4]);
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        if state.is_quiet() {
            let run = bytes[pos..]
                .iter()
                .take_while(|&&b| QUIET[b as usize])
                .count();
            if run > 0 {
                // The rules read the parts before a run only through the last one (SB7,
                // and the Close and Sp runs that collapse); the others cannot be
                // terminators, so they may stand as Other.
                pos += run;
                let last = State([Part::Other; 4]).next(letter(LATIN[bytes[pos - 1] as usize]));
                state = State([Part::Other, Part::Other, Part::Other, last.0[3]]);
                continue;
            }
        }
        let (c, len) = if bytes[pos] < 0x80 {
            (bytes[pos] as char, 1)
        } else {
            let c = text[pos..].chars().next()?;
            (c, c.len_utf8())
        };
        let cat = category(c)?;
        if breaks_before(state, cat, text, pos)? {
            out.push(pos);
        }
        // SB5: Extend and Format take the state of the character before, except at the
        // start and after a paragraph separator, where SB1 and SB4 broke before them.
        let extends = matches!(cat, Cat::Extend | Cat::Format);
        if !extends || matches!(state.0[3], Part::Sot | Part::Sep | Part::Cr | Part::Lf) {
            state = state.next(cat);
        }
        pos += len;
    }
    if !text.is_empty() {
        out.push(text.len());
    }
    Some(())
}

/// The benchmark corpus, for the equivalence test.
#[cfg(test)]
#[path = "../../benches/corpus/mod.rs"]
#[allow(missing_docs)]
pub(super) mod corpus;

#[cfg(test)]
mod tests {
    //! The boundaries are unicode-segmentation's: compared on every character of the
    //! tables in many contexts, on the fixtures, on the generated corpus and on random text.

    use super::{bounds, corpus};
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn expected(text: &str) -> Vec<usize> {
        let mut v: Vec<usize> = text
            .split_sentence_bound_indices()
            .map(|(o, _)| o)
            .collect();
        if !text.is_empty() {
            v.push(text.len());
        }
        v
    }

    /// Compares on `text`; true when the fast path took it.
    fn same(text: &str) -> bool {
        let mut fast = Vec::new();
        let taken = bounds(text, &mut fast).is_some();
        if taken {
            assert_eq!(fast, expected(text), "{text:?}");
        }
        taken
    }

    fn table_chars() -> impl Iterator<Item = char> {
        (0..0x250)
            .chain(0x1e00..0x1f00)
            .chain(0x2000..0x20d0)
            .filter_map(char::from_u32)
    }

    #[test]
    fn every_table_character_in_context() {
        // Contexts that tell each category from the others (SB3–SB11).
        const CONTEXTS: &[&str] = &[
            "#",
            "a#",
            "#a",
            "a. #b",
            "a.#b",
            "A.#B",
            "a.# b",
            "a. #B",
            "a? #b",
            "a?#",
            "a. # A",
            "a.)#b",
            "a.) #b",
            "\"a.#\" b",
            "a.# # x",
            "1.#2",
            "x.#1",
            "a#. B",
            "a #. b",
            "\r#\n",
            "a.\u{2019}#b",
            "a. #",
            "#.#",
            "a.#c. d",
            "A #.#x",
        ];
        for c in table_chars() {
            for context in CONTEXTS {
                assert!(same(&context.replace('#', &c.to_string())), "{c:?}");
            }
        }
    }

    #[test]
    fn characters_outside_the_tables_go_to_unicode_segmentation() {
        let mut out = Vec::new();
        assert!(bounds("Ni hao. 你好。 Bye.", &mut out).is_none());
        assert!(bounds("Ok. \u{10000}", &mut out).is_none());
    }

    #[test]
    fn fixtures_and_the_corpus() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut stack = vec![root];
        let mut files = 0;
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    files += 1;
                    same(&text);
                    for paragraph in text.split("\n\n") {
                        same(&paragraph.replace('\n', " "));
                    }
                }
            }
        }
        assert!(files > 50, "{files} fixtures");
        for answer in corpus::generate(300, 1) {
            assert!(same(&answer.text), "the corpus stays in the tables");
            for line in answer.text.lines() {
                assert!(same(line));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        #[test]
        fn random_text(text in "[a-cA-C1 .?!,;:'\"()\u{2019}\u{201c}\u{201d}\u{2014}\u{2026}\u{a0}\u{ad}\u{200d}\u{2028}\r\n\t\u{e9}\u{c9}#-]{0,24}") {
            same(&text);
        }

        #[test]
        fn random_words(words in proptest::collection::vec("(Mr|e\\.g|U\\.S|i\\.e|No|3\\.5|\\$2|[a-z]{1,5}|[A-Z][a-z]{0,4})[.!?]{0,2}[\"')\u{201d}\u{2019}]{0,2}", 0..12)) {
            same(&words.join(" "));
        }
    }
}
