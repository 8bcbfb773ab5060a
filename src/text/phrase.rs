//! One Aho-Corasick automaton per view for many phrase lists: a text is scanned once per
//! view, whatever the number of phrases. Phrases match on word boundaries, case and
//! typography folded, and compare Snowball English stems ("cancel" finds "cancelled" and
//! "cancellation"); a trailing `*` marks an explicit prefix of the words as written
//! ("retain*" finds "retain", "retained", "retention"); a phrase in double quotes
//! (`'"on the house"'`) matches its words exactly, unstemmed.

use super::fold::Folded;
use super::normal;
pub use super::normal::PhraseKind;
use super::stem::with_cached_stem;
use super::subject::starts_with_subject;
use crate::text::span::Span;
use rustc_hash::FxHashMap;
use view::View;

/// What a matcher's automata are built for: the texts it will scan. The choice changes
/// what building and scanning cost, never what is found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Scans {
    /// A text or a few (one answer graded as a process, a stated question): each view's
    /// patterns sorted, no automaton, never compiled.
    Few,
    /// Many texts (a batch, a server): each view sorted for its first few texts, then
    /// compiled as a DFA, which costs more to build and scans faster.
    #[default]
    Many,
}

/// Which list a phrase belongs to and how it matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Entry {
    list: u32,
    kind: PhraseKind,
}

/// A phrase found in a text: the list it belongs to and its span in the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseHit {
    /// Which of the matcher's lists the phrase is in.
    pub list: u32,
    /// Where it is in the original text.
    pub span: Span,
}

/// Every phrase of several lists in two automata, one over the folded text (prefixes and
/// exact phrases), one over its stemmed view (every other phrase), each found in one pass.
#[derive(Clone, Debug)]
pub struct PhraseMatcher {
    surface: View,
    stems: View,
    list_count: usize,
    /// An exact matcher counts words as written: never matched on the subject-close view.
    exact: bool,
}

/// How `phrase` matches and the pattern it is compared as: folded as text is folded,
/// quotes and `*` taken off, and stemmed word by word unless it is a prefix or exact.
/// Two phrases of a list with the same result are the same phrase.
pub fn normalize_phrase(phrase: &str) -> (String, PhraseKind) {
    normal::normalize(phrase, PhraseKind::Stem, &mut cached_stem)
}

/// Every pattern `phrase` is matched as: [`normalize_phrase`] of each of its spellings
/// with contractions said in full or long forms contracted ("i'd ask", "i would ask"), the
/// phrase's own first. A quoted phrase is matched as written, so it has one; an empty
/// phrase has none.
pub fn phrase_patterns(phrase: &str) -> Vec<(String, PhraseKind)> {
    patterns(phrase, PhraseKind::Stem)
}

/// [`phrase_patterns`] with `plain` the kind of a phrase neither quoted nor a prefix; an
/// exact matcher's words (`plain` exact) are matched as written too. A built-in phrase's
/// patterns come from build.rs's table.
fn patterns(phrase: &str, plain: PhraseKind) -> Vec<(String, PhraseKind)> {
    // Folding, spelling and stemming a rubric's phrases cost as much as building its
    // automata: build.rs computes the built-in ones' with this crate's own `normal`,
    // `contractions` and `snowball` (a test holds every entry to what the crate computes).
    if plain == PhraseKind::Stem
        && let Some(found) = table::patterns(phrase)
    {
        return found.map(|(text, kind)| (text.to_owned(), kind)).collect();
    }
    normal::patterns(phrase, plain, &mut cached_stem)
}

/// Whether build.rs's table holds `phrase`: every phrase of the built-in rubrics should.
#[cfg(test)]
pub(crate) fn precomputed(phrase: &str) -> bool {
    table::patterns(phrase).is_some()
}

/// Pushes a folded word's stem, from the thread's cache of stems.
fn cached_stem(word: &str, out: &mut String) {
    with_cached_stem(word, |stem| out.push_str(stem));
}

/// True when a phrase has no words to match once its marks (`*`, quotes) and spaces are
/// taken off: the check a rubric's lists get, without the stemming matching needs
/// (stemming never empties a word).
pub fn is_empty_phrase(phrase: &str) -> bool {
    normal::is_empty_phrase(phrase)
}

impl PhraseMatcher {
    /// Builds the automata over every list: phrases stemmed unless written as a prefix or
    /// in quotes. Empty phrases are skipped (the rubric loader reports them); duplicate
    /// phrases share one pattern.
    pub fn new<'a, L, P, S>(lists: L) -> Self
    where
        L: IntoIterator<Item = P>,
        P: IntoIterator<Item = &'a S>,
        S: AsRef<str> + ?Sized + 'a,
    {
        Self::build(lists, false, Scans::Many)
    }

    /// [`PhraseMatcher::new`] for matchers that scan a line or two (a stated question).
    pub fn for_lines<'a, L, P, S>(lists: L) -> Self
    where
        L: IntoIterator<Item = P>,
        P: IntoIterator<Item = &'a S>,
        S: AsRef<str> + ?Sized + 'a,
    {
        Self::build(lists, false, Scans::Few)
    }

    /// [`PhraseMatcher::new`] with automata built for `scans` texts.
    pub fn for_scans<'a, L, P, S>(lists: L, scans: Scans) -> Self
    where
        L: IntoIterator<Item = P>,
        P: IntoIterator<Item = &'a S>,
        S: AsRef<str> + ?Sized + 'a,
    {
        Self::build(lists, false, scans)
    }

    /// [`PhraseMatcher::new`] with every phrase that is not a prefix matched exactly, never
    /// stemmed: for word lists where each form means something of its own (fillers, hedges).
    pub fn exact<'a, L, P, S>(lists: L) -> Self
    where
        L: IntoIterator<Item = P>,
        P: IntoIterator<Item = &'a S>,
        S: AsRef<str> + ?Sized + 'a,
    {
        Self::build(lists, true, Scans::Many)
    }

    fn build<'a, L, P, S>(lists: L, exact: bool, scans: Scans) -> Self
    where
        L: IntoIterator<Item = P>,
        P: IntoIterator<Item = &'a S>,
        S: AsRef<str> + ?Sized + 'a,
    {
        let mut surface = View::default();
        let mut stems = View::default();
        let mut list_count = 0;
        let plain = if exact {
            PhraseKind::Exact
        } else {
            PhraseKind::Stem
        };
        // A concept's phrases recur in every list that references it: each distinct
        // phrase is normalized once, and again only finds its patterns' places.
        let mut seen: FxHashMap<&str, Vec<(PhraseKind, usize)>> = FxHashMap::default();
        for (list, phrases) in lists.into_iter().enumerate() {
            list_count = list + 1;
            for phrase in phrases {
                let phrase = phrase.as_ref();
                let places = match seen.get(phrase) {
                    Some(places) => places,
                    None => {
                        let places = patterns(phrase, plain)
                            .into_iter()
                            .map(|(text, kind)| {
                                let view = match kind {
                                    PhraseKind::Stem => &mut stems,
                                    _ => &mut surface,
                                };
                                view.subject_led |= starts_with_subject(&text);
                                (kind, view.pattern(text))
                            })
                            .collect();
                        seen.entry(phrase).or_insert(places)
                    }
                };
                for &(kind, pattern) in places {
                    let view = match kind {
                        PhraseKind::Stem => &mut stems,
                        _ => &mut surface,
                    };
                    view.add(
                        pattern,
                        Entry {
                            list: list as u32,
                            kind,
                        },
                    );
                }
            }
        }
        surface.build(scans);
        stems.build(scans);
        PhraseMatcher {
            surface,
            stems,
            list_count,
            exact,
        }
    }

    /// How many lists it was built from.
    pub fn list_count(&self) -> usize {
        self.list_count
    }

    /// Every phrase occurrence on word boundaries, in order of position. A phrase that is in
    /// several lists yields one hit per list. The stemmed view is built (once per text) only
    /// when the matcher has stemmed phrases.
    pub fn find(&self, folded: &Folded) -> Vec<PhraseHit> {
        let mut hits = Vec::new();
        self.surface.find(&folded.text, |list, span| {
            hits.push(PhraseHit {
                list,
                span: folded.original(span),
            })
        });
        // Phrases that start with a subject ("I decided") also match with an adverb or
        // filler after it ("I then decided") or after a join ("I asked and said"): only
        // a phrase with a subject in it can span what that view changes, unless a spoken
        // filler was taken out. Hits it shares with the text are deduplicated.
        let close = (!self.exact).then(|| folded.subject_close()).flatten();
        if let Some(close) = close
            && (self.surface.subject_led || close.spoken)
        {
            self.surface.find(&close.text, |list, span| {
                hits.push(PhraseHit {
                    list,
                    span: folded.original(close.folded(span)),
                })
            });
        }
        if self.stems.has_patterns() {
            let stemmed = folded.stemmed();
            self.stems.find(&stemmed.text, |list, span| {
                hits.push(PhraseHit {
                    list,
                    span: folded.original(stemmed.folded(span)),
                })
            });
        }
        if self.stems.has_patterns()
            && let Some(close) = close
            && (self.stems.subject_led || close.spoken)
        {
            let stemmed = close.stemmed();
            self.stems.find(&stemmed.text, |list, span| {
                hits.push(PhraseHit {
                    list,
                    span: folded.original(close.folded(stemmed.folded(span))),
                })
            });
        }
        // One hit per list and start: "I'd" is one first-person word, not "I" and "I'd".
        // The longest phrase stands for the others.
        hits.sort_by_key(|h| (h.span.start, h.list, std::cmp::Reverse(h.span.end)));
        hits.dedup_by_key(|h| (h.span.start, h.list));
        hits
    }
}

mod scan;
mod sorted;
mod table;
#[cfg(test)]
mod tests;
mod view;
