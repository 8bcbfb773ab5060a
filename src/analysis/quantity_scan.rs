//! The quantity patterns of [`quantities`](super::quantities) as a small backtracking
//! matcher tried only where a quantity can start (a digit, a currency sign, a word start),
//! so that grading one answer does not first compile five regexes. A backtracker reports
//! what the regex crate's leftmost-first search reports; the tests hold it to the regexes.

use super::lexicon::{DURATION_UNITS, NUMBER_WORDS};
use std::sync::OnceLock;

/// One piece of a pattern, matched against the original text: ASCII case ignored, ASCII
/// word boundaries with every non-ASCII word character counted as a word character —
/// what the regexes saw in their prepared (lower-cased, masked) copy of the text.
enum Node {
    /// These bytes, ASCII case ignored (lower-case ASCII).
    Lit(&'static str),
    /// One character of a class.
    Char(fn(char) -> bool),
    /// A word boundary.
    Boundary,
    /// Each in turn.
    Seq(Vec<Node>),
    /// The first alternative that lets the rest of the pattern match.
    Alt(Vec<Node>),
    /// The first of these literals (lower-case ASCII, optional last letter: `(?:a|bs?)`)
    /// that lets the rest match: an alternation that skips at once the words starting with
    /// another letter.
    Words(Vec<(u8, Node)>),
    /// Greedy `?`.
    Opt(Box<Node>),
    /// Greedy `{min,max}` of a node with one way to match, `width` bytes long.
    Repeat {
        node: Box<Node>,
        width: usize,
        min: usize,
        max: usize,
    },
}

/// Where the rest of a pattern goes on from an end position; `Some(end)` accepts.
type Rest<'a> = dyn FnMut(usize) -> Option<usize> + 'a;

/// True for a character of regex's Unicode `\w`, as word boundaries see it.
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        regex_syntax::is_word_character(c)
    }
}

fn is_word_boundary(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back().is_some_and(is_word_char);
    let after = text[at..].chars().next().is_some_and(is_word_char);
    before != after
}

impl Node {
    /// The end of the first way (in the pattern's priority order) that this node matches
    /// at `at` and `rest` then accepts.
    fn at(&self, text: &str, at: usize, rest: &mut Rest<'_>) -> Option<usize> {
        match self {
            Node::Lit(lit) => {
                let bytes = text.as_bytes().get(at..at + lit.len())?;
                bytes
                    .eq_ignore_ascii_case(lit.as_bytes())
                    .then(|| rest(at + lit.len()))?
            }
            Node::Char(class) => {
                let c = text[at..].chars().next().filter(|&c| class(c))?;
                rest(at + c.len_utf8())
            }
            Node::Boundary => is_word_boundary(text, at).then(|| rest(at))?,
            Node::Seq(nodes) => seq(nodes, text, at, rest),
            Node::Alt(nodes) => nodes.iter().find_map(|node| node.at(text, at, rest)),
            Node::Words(words) => {
                let first = text.as_bytes().get(at)?.to_ascii_lowercase();
                words
                    .iter()
                    .filter(|(letter, _)| *letter == first)
                    .find_map(|(_, word)| word.at(text, at, rest))
            }
            Node::Opt(node) => node.at(text, at, rest).or_else(|| rest(at)),
            Node::Repeat {
                node,
                width,
                min,
                max,
            } => {
                // One way to match, fixed width: count the repeats, then back off from the
                // most, without recursing once per repeat.
                let mut count = 0;
                while count < *max
                    && node
                        .at(text, at + count * width, &mut Some)
                        .is_some_and(|end| {
                            debug_assert_eq!(end, at + (count + 1) * width);
                            true
                        })
                {
                    count += 1;
                }
                (*min..=count)
                    .rev()
                    .find_map(|count| rest(at + count * width))
            }
        }
    }
}

fn seq(nodes: &[Node], text: &str, at: usize, rest: &mut Rest<'_>) -> Option<usize> {
    match nodes.split_first() {
        None => rest(at),
        Some((first, others)) => first.at(text, at, &mut |end| seq(others, text, end, rest)),
    }
}

fn lit(s: &'static str) -> Node {
    Node::Lit(s)
}

fn opt(node: Node) -> Node {
    Node::Opt(Box::new(node))
}

fn digits(min: usize, max: usize) -> Node {
    Node::Repeat {
        node: Box::new(Node::Char(|c| c.is_ascii_digit())),
        width: 1,
        min,
        max,
    }
}

fn space() -> Node {
    // regex's `\s` is White_Space, as is `char::is_whitespace` (a test checks each char).
    Node::Char(char::is_whitespace)
}

fn space_or_hyphen() -> Node {
    Node::Alt(vec![space(), lit("-")])
}

/// An alternation of the regex fragment `list` (`a|b|cs?`: literals, a trailing `?` on
/// one letter), in its order.
fn words(list: &'static str) -> Node {
    Node::Words(
        list.split('|')
            .map(|word| {
                let node = match word.strip_suffix('?') {
                    Some(stem) => {
                        let (head, last) = stem.split_at(stem.len() - 1);
                        Node::Seq(vec![lit(head), opt(lit(last))])
                    }
                    None => lit(word),
                };
                (word.as_bytes()[0], node)
            })
            .collect(),
    )
}

/// `(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?`
fn num() -> Node {
    let group = Node::Seq(vec![lit(","), digits(3, 3)]);
    let grouped = Node::Seq(vec![
        digits(1, 3),
        Node::Repeat {
            node: Box::new(group),
            width: 4,
            min: 1,
            max: usize::MAX,
        },
    ]);
    Node::Seq(vec![
        Node::Alt(vec![grouped, digits(1, usize::MAX)]),
        opt(Node::Seq(vec![lit("."), digits(1, usize::MAX)])),
    ])
}

/// `(?:\s?(?:k|m|mm|b|bn|million|billion|thousand|trillion)\b)`
fn scale() -> Node {
    Node::Seq(vec![
        opt(space()),
        words("k|m|mm|b|bn|million|billion|thousand|trillion"),
        Node::Boundary,
    ])
}

fn then_boundary(node: Node) -> Node {
    Node::Seq(vec![node, Node::Boundary])
}

/// `\b(?:NUMBER_WORDS)`
fn number_word() -> Node {
    Node::Seq(vec![Node::Boundary, words(NUMBER_WORDS)])
}

/// The five kinds' patterns, in the order of `quantities::KINDS`, each the regex of
/// `quantities::sources` it is written beside.
fn patterns() -> &'static [Node; 5] {
    static PATTERNS: OnceLock<[Node; 5]> = OnceLock::new();
    PATTERNS.get_or_init(|| {
        use Node::{Alt, Boundary, Seq};
        let currency = Node::Char(|c| matches!(c, '$' | '€' | '£'));
        let money = Alt(vec![
            Seq(vec![currency, opt(space()), num(), opt(scale())]),
            Seq(vec![
                num(),
                opt(scale()),
                opt(space()),
                then_boundary(words("dollars|usd|euros|eur|pounds")),
            ]),
        ]);
        let percent_units = Alt(vec![
            lit("%"),
            then_boundary(lit("percent")),
            then_boundary(lit("per cent")),
            then_boundary(lit("pct")),
            then_boundary(words("percentage points?")),
            then_boundary(lit("pp")),
            then_boundary(lit("basis points")),
            then_boundary(lit("bps")),
        ]);
        let percent = Alt(vec![
            Seq(vec![num(), opt(space()), percent_units]),
            Seq(vec![
                number_word(),
                space(),
                then_boundary(words("percent|per cent|percentage points?")),
            ]),
            Seq(vec![
                Alt(vec![num(), number_word()]),
                space_or_hyphen(),
                then_boundary(words("points?")),
            ]),
        ]);
        let multiplier = Alt(vec![
            Seq(vec![num(), opt(space()), then_boundary(lit("x"))]),
            Seq(vec![num(), space(), then_boundary(words("times|fold"))]),
            Seq(vec![
                Boundary,
                words("two|three|four|five|ten"),
                space_or_hyphen(),
                then_boundary(words("fold|times")),
            ]),
            Seq(vec![
                Boundary,
                words("doubl|tripl|quadrupl|halv"),
                then_boundary(words("ed|ing")),
            ]),
            Seq(vec![
                Boundary,
                words("twice|half"),
                space(),
                then_boundary(lit("as")),
            ]),
            Seq(vec![
                Boundary,
                lit("in"),
                space(),
                then_boundary(lit("half")),
            ]),
        ]);
        let duration = Alt(vec![
            Seq(vec![
                num(),
                opt(space_or_hyphen()),
                then_boundary(words(DURATION_UNITS)),
            ]),
            Seq(vec![
                number_word(),
                space_or_hyphen(),
                then_boundary(words(DURATION_UNITS)),
            ]),
        ]);
        let count = Seq(vec![num(), opt(scale())]);
        [money, percent, multiplier, duration, count]
    })
}

/// True where a match may start: every pattern begins with a digit, a currency sign or a
/// word boundary before a number word or a word of a multiple ("doubled", "in half").
fn may_start(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    match bytes[at] {
        b'0'..=b'9' | b'$' => true,
        b if b.is_ascii_alphabetic() => {
            let word_before = at > 0
                && match bytes[at - 1] {
                    b if b.is_ascii() => b.is_ascii_alphanumeric() || b == b'_',
                    _ => text[..at].chars().next_back().is_some_and(is_word_char),
                };
            !word_before && (starts_number_word(&bytes[at..]) || starts_multiple_word(&bytes[at..]))
        }
        0xC2 | 0xE2 => text[at..].starts_with(['€', '£']),
        _ => false,
    }
}

/// The words a change said as a multiple starts with ("doubled", "twice as", "in half").
const MULTIPLE_WORDS: [&[u8]; 7] = [
    b"doubl",
    b"tripl",
    b"quadrupl",
    b"halv",
    b"twice",
    b"half",
    b"in",
];

/// True when `bytes` start with one of [`MULTIPLE_WORDS`], ASCII case ignored.
fn starts_multiple_word(bytes: &[u8]) -> bool {
    MULTIPLE_WORDS.iter().any(|word| {
        bytes
            .get(..word.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(word))
    })
}

/// True when `bytes` start with one of [`NUMBER_WORDS`], ASCII case ignored.
fn starts_number_word(bytes: &[u8]) -> bool {
    /// The number words by first letter, and which second bytes follow each first letter.
    struct Table {
        words: [Vec<&'static [u8]>; 26],
        seconds: [u128; 26],
    }
    static TABLE: OnceLock<Table> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut table = Table {
            words: Default::default(),
            seconds: [0; 26],
        };
        for word in NUMBER_WORDS.split('|').map(str::as_bytes) {
            let letter = usize::from(word[0] - b'a');
            table.seconds[letter] |= 1 << word[1];
            table.words[letter].push(word);
        }
        table
    });
    // Most words are ruled out by their first two letters, before any comparison.
    let (Some(&first), Some(&second)) = (bytes.first(), bytes.get(1)) else {
        return false;
    };
    let (first, second) = (first.to_ascii_lowercase(), second.to_ascii_lowercase());
    if !first.is_ascii_lowercase() || !second.is_ascii() {
        return false;
    }
    let letter = usize::from(first - b'a');
    table.seconds[letter] & (1 << second) != 0
        && table.words[letter].iter().any(|word| {
            word[1] == second
                && bytes
                    .get(..word.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(word))
        })
}

/// False when the pattern of `kind` cannot match at `at` (where [`may_start`] holds), told
/// from a byte or two, so that most starts try one pattern, not five. At a currency sign
/// only money starts; at a letter neither money nor a count (they start with a sign or a
/// digit). At a digit every kind but a count goes on from its number with white space, a
/// letter, `%` or `-`, and its number ends where the run of digits, commas and points
/// does (an end inside the run is followed by one of those, which nothing accepts), on a
/// digit.
fn may_match(kind: usize, bytes: &[u8], at: usize) -> bool {
    match bytes[at] {
        b'0'..=b'9' => {
            if kind == 4 {
                return true;
            }
            let run = bytes[at..]
                .iter()
                .position(|b| !matches!(b, b'0'..=b'9' | b',' | b'.'))
                .map_or(bytes.len(), |n| at + n);
            // A non-ASCII byte may start Unicode white space (`\s`).
            bytes[run - 1].is_ascii_digit()
                && bytes.get(run).is_some_and(|&b| {
                    matches!(b, b'\t'..=b'\r' | b' ' | b'%' | b'-')
                        || b.is_ascii_alphabetic()
                        || !b.is_ascii()
                })
        }
        b if b.is_ascii_alphabetic() => matches!(kind, 1..=3),
        _ => kind == 0,
    }
}

/// The next match at or after `from`, as `(start, kind index, end)`: the earliest start,
/// ties to the earlier kind — what one alternation of the kinds would find.
pub(super) fn next(text: &str, from: usize) -> Option<(usize, usize, usize)> {
    let patterns = patterns();
    let bytes = text.as_bytes();
    let mut at = from;
    while at < bytes.len() {
        if may_start(text, at) {
            let found = patterns.iter().enumerate().find_map(|(kind, pattern)| {
                if !may_match(kind, bytes, at) {
                    return None;
                }
                let end = pattern.at(text, at, &mut Some)?;
                Some((at, kind, end))
            });
            if found.is_some() {
                return found;
            }
        }
        // A letter after a letter is inside a word, where no pattern starts.
        let letter = bytes[at].is_ascii_alphabetic();
        at += 1;
        while letter && bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
            at += 1;
        }
    }
    None
}

#[cfg(test)]
mod equivalence_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;
    #[test]
    fn space_is_regex_white_space_and_words_are_regex_word_characters() {
        let space = Regex::new(r"^\s$").unwrap();
        let word = Regex::new(r"^\w$").unwrap();
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = c.encode_utf8(&mut buf);
            assert_eq!(c.is_whitespace(), space.is_match(s), "{c:?}");
            assert_eq!(is_word_char(c), word.is_match(s), "{c:?}");
        }
    }

    #[test]
    fn the_word_lists_are_what_words_and_starts_number_word_read() {
        let plain = |b: u8| b.is_ascii_lowercase() || b == b' ' || b == b'|';
        assert!(NUMBER_WORDS.bytes().all(plain));
        assert!(DURATION_UNITS.bytes().all(|b| plain(b) || b == b'?'));
        assert!(starts_number_word(b"A Couple of"));
        assert!(!starts_number_word(b"a couple"));
    }

    #[test]
    fn backs_off_like_a_backtracker() {
        let count = &patterns()[4];
        // "1,2345": the grouped form takes "1,234"; the count ends there.
        assert_eq!(count.at("1,2345", 0, &mut Some), Some(5));
        // "5mm": `m` then no boundary, so `mm`.
        assert_eq!(count.at("5mm.", 0, &mut Some), Some(3));
        let money = &patterns()[0];
        // The digits back off so that nothing follows them... and fail: no unit.
        assert_eq!(money.at("12345 apples", 0, &mut Some), None);
        assert_eq!(money.at("1,234 Dollars", 0, &mut Some), Some(13));
    }

    #[test]
    fn a_long_digit_run_is_linear() {
        let text = "7".repeat(200_000) + " weeks";
        assert_eq!(next(&text, 0), Some((0, 3, text.len())));
        let grouped = "1".to_string() + &",234".repeat(50_000);
        assert_eq!(next(&grouped, 0), Some((0, 4, grouped.len())));
    }
}
