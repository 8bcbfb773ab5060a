//! One view's patterns (the folded text's or the stemmed view's) as an automaton, built
//! for the texts it will scan ([`Scans`]), and the word-boundary checks every hit gets.

use super::sorted::Sorted;
use super::{PhraseKind, Scans, scan};
use crate::text::span::Span;
use crate::text::stem::is_word_char;
use aho_corasick::dfa::DFA;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;
use std::collections::hash_map::Entry;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

/// The patterns of one view and, for each, the lists it belongs to.
#[derive(Clone, Debug, Default)]
pub(super) struct View {
    automaton: Option<Automaton>,
    /// The same patterns as a DFA, for a view of [`DFA_PATTERNS`] patterns or fewer that
    /// scans many texts.
    pub(super) dfa: Upgrade,
    patterns: Vec<String>,
    entries: Vec<Vec<super::Entry>>,
    /// Each pattern's index in `patterns`, while the view is being built.
    index: FxHashMap<String, usize>,
    /// True when a pattern starts with a subject ("i decided", "she told me"): the view is
    /// then also matched on the text with fillers after subjects taken out.
    pub(super) subject_led: bool,
}

/// What a view scans with until it has a DFA (and for good when it gets none).
#[derive(Clone, Debug)]
enum Automaton {
    /// The patterns sorted, no automaton: the cheapest to build, for a few texts.
    Sorted(Sorted),
    /// For a view too large for a DFA: the crate's contiguous NFA (or its own choice when
    /// that cannot be built), faster to scan, by the crate's overlapping iterator.
    Crate(AhoCorasick),
}

impl View {
    /// True when the view has patterns (and so an automaton once built).
    pub(super) fn has_patterns(&self) -> bool {
        !self.patterns.is_empty()
    }

    /// The index of pattern `text`, added if the view does not have it yet.
    pub(super) fn pattern(&mut self, text: String) -> usize {
        let next = self.patterns.len();
        match self.index.entry(text) {
            Entry::Occupied(found) => *found.get(),
            Entry::Vacant(place) => {
                self.patterns.push(place.key().clone());
                self.entries.push(Vec::new());
                *place.insert(next)
            }
        }
    }

    /// Records that pattern `pattern` (from [`View::pattern`]) stands for `entry`.
    pub(super) fn add(&mut self, pattern: usize, entry: super::Entry) {
        if !self.entries[pattern].contains(&entry) {
            self.entries[pattern].push(entry);
        }
    }

    /// Compiles the patterns for `scans`. [`Scans::Few`]: sorted ([`Sorted`]), never
    /// compiled. [`Scans::Many`]: for a view of [`DFA_PATTERNS`] patterns or fewer, sorted
    /// until it has scanned [`UPGRADE_AFTER`] texts, and then a DFA, faster to scan (an
    /// NFA costs more to build than those few texts repay); for a larger view, the crate's
    /// contiguous NFA. Each finds every occurrence that does not start inside a word, the
    /// only ones [`View::report`] keeps.
    pub(super) fn build(&mut self, scans: Scans) {
        // The index only serves the build.
        self.index = FxHashMap::default();
        self.dfa.wanted = scans == Scans::Many && self.patterns.len() <= DFA_PATTERNS;
        if self.patterns.is_empty() {
            return;
        }
        let sorted = scans == Scans::Few || self.dfa.wanted;
        self.automaton = Some(if sorted {
            Automaton::Sorted(Sorted::new(&self.patterns))
        } else {
            Automaton::Crate(
                compile(&self.patterns, Some(AhoCorasickKind::ContiguousNFA))
                    .or_else(|_| compile(&self.patterns, None))
                    .expect("phrase patterns are plain strings"),
            )
        });
    }

    /// The DFA to scan with, once the view has earned it; `None` while the NFA scans.
    fn dfa(&self) -> Option<&DFA> {
        if !self.dfa.wanted {
            return None;
        }
        if let Some(dfa) = self.dfa.automaton.get() {
            return dfa.as_ref();
        }
        if self.dfa.scans.fetch_add(1, Ordering::Relaxed) < UPGRADE_AFTER {
            return None;
        }
        self.dfa
            .automaton
            .get_or_init(|| scan::build(&self.patterns))
            .as_ref()
    }

    /// Every hit of the view's patterns in `text` on word boundaries, as spans of `text`.
    pub(super) fn find(&self, text: &str, mut push: impl FnMut(u32, Span)) {
        let Some(automaton) = &self.automaton else {
            return;
        };
        // One closure per scan, each called from one place and inlined into its loop.
        match (self.dfa(), automaton) {
            (Some(dfa), _) => {
                let bytes = text.as_bytes();
                scan::overlapping(dfa, bytes, |s, e, p| self.report(text, s, e, p, &mut push));
            }
            (None, Automaton::Sorted(sorted)) => {
                sorted.find(&self.patterns, text, |s, e, p| {
                    self.report(text, s, e, p, &mut push)
                });
            }
            (None, Automaton::Crate(nfa)) => {
                for found in nfa.find_overlapping_iter(text) {
                    let (s, e) = (found.start(), found.end());
                    self.report(text, s, e, found.pattern().as_usize(), &mut push);
                }
            }
        }
    }

    /// Pushes the hits of `pattern`, found at `start..end` of `text`, that sit on word
    /// boundaries: one per entry, a prefix entry's taken to the end of its word. Never
    /// inlined: inside the DFA's loop it cost the loop an instruction a byte (4.6 M in
    /// 200 answers), more than a call per match does.
    #[inline(never)]
    fn report(
        &self,
        text: &str,
        start: usize,
        end: usize,
        pattern: usize,
        push: &mut impl FnMut(u32, Span),
    ) {
        if starts_inside_word(text, start) {
            return;
        }
        let whole_word = !continues_word(text, end);
        for entry in &self.entries[pattern] {
            let end = match (entry.kind, whole_word) {
                (PhraseKind::Prefix, _) => end + word_rest(&text[end..]),
                (_, true) => end,
                (_, false) => continue,
            };
            push(entry.list, Span::new(start, end));
        }
    }
}

/// The most patterns a view is compiled for as a DFA. The aho-corasick crate's own
/// threshold is 100, which left every built-in rubric's views (78–622 patterns) on the
/// slower NFA; as DFAs they take 0.14–1.0 MB each and 0.3–3 ms to build, once per batch,
/// and the scoring stage scans with them in less than half the instructions.
const DFA_PATTERNS: usize = 1000;

/// How many texts a view scans with its NFA before it is compiled as a DFA: a batch
/// soon pays for the DFA, one answer never does.
pub(super) const UPGRADE_AFTER: u32 = 4;

/// A view's DFA, compiled when the view has scanned enough texts to repay it.
#[derive(Debug, Default)]
pub(super) struct Upgrade {
    /// Whether the view is to get one at all.
    wanted: bool,
    /// Texts scanned so far (counted until the DFA is built).
    scans: AtomicU32,
    /// `None` inside when the crate could not build the DFA: the NFA scans on.
    pub(super) automaton: OnceLock<Option<DFA>>,
}

impl Clone for Upgrade {
    fn clone(&self) -> Self {
        Upgrade {
            wanted: self.wanted,
            scans: AtomicU32::new(self.scans.load(Ordering::Relaxed)),
            automaton: self.automaton.clone(),
        }
    }
}

/// The view's patterns as an automaton of `kind` (the crate's choice for `None`).
fn compile(
    patterns: &[String],
    kind: Option<AhoCorasickKind>,
) -> Result<AhoCorasick, aho_corasick::BuildError> {
    AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(kind)
        .build(patterns)
}

/// True when the match starts in the middle of a word (only checked for word-like starts).
fn starts_inside_word(text: &str, start: usize) -> bool {
    let first = text[start..].chars().next();
    let before = text[..start].chars().next_back();
    matches!((before, first), (Some(b), Some(f)) if is_word_char(b) && is_word_char(f))
}

/// True when the character after the match continues the word the match ended in.
fn continues_word(text: &str, end: usize) -> bool {
    let last = text[..end].chars().next_back();
    let after = text[end..].chars().next();
    matches!((last, after), (Some(l), Some(a)) if is_word_char(l) && is_word_char(a))
}

/// Length in bytes of the word characters at the start of `rest`.
fn word_rest(rest: &str) -> usize {
    rest.char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(rest.len(), |(i, _)| i)
}
