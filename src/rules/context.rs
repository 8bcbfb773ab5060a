//! What every signal reads: the rubric's phrase hits with their stance, grouped by list and
//! by sentence, and which sentences may earn points at all (not repeated, not headings, not
//! keyword-packed).

use crate::analysis::{Analysis, Sentence, Stance};
use crate::document::BlockKind;
use crate::rules::compile::{ListId, ListReading};
use crate::text::phrase::PhraseHit;
use crate::text::phrase::PhraseMatcher;
use crate::text::span::Span;

/// Why a sentence that mentions the rubric's vocabulary earns nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Discount {
    /// It repeats an earlier sentence.
    Repeated,
    /// Rubric phrases make up most of it, or it has almost no words that join ideas.
    KeywordPacked,
    /// Too short to carry an argument (fewer than `MIN_WORDS` words).
    Fragment,
}

/// Fewer words than this cannot carry an argument on their own.
pub const MIN_WORDS: usize = 4;
/// A sentence made (almost) only of rubric phrases is a pasted list, whatever its grammar.
const PASTED_PHRASE_SHARE: f64 = 0.9;
/// At least this share of function words makes a one-clause sentence prose, not a list.
const PLAIN_CLAUSE_FUNCTION_SHARE: f64 = 0.5;
/// Mostly rubric phrases with little grammar between them: keywords strung together.
const PACKED_PHRASE_SHARE: f64 = 0.75;
const PACKED_FUNCTION_SHARE: f64 = 0.3;
/// Below this share of function words, a longer sentence has no grammar joining its words.
const MIN_FUNCTION_SHARE: f64 = 0.2;
/// ...when rubric phrases make up at least this share of it: a dense sentence of names and
/// numbers ("Prime Video shipped recaps in X-Ray") with one phrase in it is still prose.
const THIN_PHRASE_SHARE: f64 = 0.3;

/// One rubric phrase hit and what the answer does with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The list it belongs to.
    pub list: ListId,
    /// The sentence holding it.
    pub sentence: usize,
    /// Where it is.
    pub span: Span,
    /// Asserted, negated, rejected, or a problem the answer fixes.
    pub stance: Stance,
    /// Negated, but its list is a `negation-tolerant` signal's, so it counts all the same.
    pub tolerated: bool,
}

/// One answer as every signal and condition reads it: the analysis, and the rubric's phrase
/// hits sorted by list and by sentence, with the sentences that may not earn points.
pub struct Context<'a> {
    /// The answer's analysis.
    pub analysis: &'a Analysis,
    /// The graded text the spans point into.
    pub text: &'a str,
    /// Hits that are content (asserted, or a problem the answer fixes), per list, in
    /// document order, with their sentence: what signals read.
    pub by_list: Vec<Vec<(usize, Span)>>,
    /// Per sentence: `None` when it may earn points, else why not.
    pub discount: Vec<Option<Discount>>,
    /// Every hit with its stance, in document order.
    pub hits: Vec<Hit>,
    /// Per list: asserted hits outside repeated sentences, what mistakes count.
    committed: Vec<usize>,
    /// Per list: committed hits in sentences that say something (not a bare noun
    /// fragment such as "Ultimatums.", not a heading): what `present` asks about.
    claimed: Vec<usize>,
    /// Per list: hits outside negations and repeated sentences, rejected ones included.
    mentioned: Vec<usize>,
}

impl<'a> Context<'a> {
    /// Finds the matcher's hits in the analysed text and judges which sentences may earn.
    /// Each list's hits are read as its entry in `readings` says.
    pub fn new(
        analysis: &'a Analysis,
        text: &'a str,
        matcher: &PhraseMatcher,
        readings: &[ListReading],
    ) -> Self {
        let mut by_list = vec![Vec::new(); matcher.list_count()];
        let mut per_sentence: Vec<Vec<Span>> = vec![Vec::new(); analysis.sentences.len()];
        let mut hits = Vec::new();
        for PhraseHit { list, span } in matcher.find(&analysis.folded) {
            let Some(sentence) = analysis.sentence_at(span.start) else {
                continue;
            };
            let reading = readings.get(list as usize).copied().unwrap_or_default();
            let mut stance = analysis.stance(span);
            if reading.problems_commit && matches!(stance, Stance::Problem { .. }) {
                stance = Stance::Asserted;
            }
            let tolerated = stance == Stance::Negated && reading.negation_tolerant;
            hits.push(Hit {
                list,
                sentence,
                span,
                stance,
                tolerated,
            });
            if stance.is_content() || tolerated {
                by_list[list as usize].push((sentence, span));
                per_sentence[sentence].push(span);
            }
        }
        let discount: Vec<Option<Discount>> = analysis
            .sentences
            .iter()
            .zip(&per_sentence)
            .map(|(sentence, spans)| {
                if sentence.duplicate_of.is_some() {
                    return Some(Discount::Repeated);
                }
                let words = sentence.word_count();
                if words < MIN_WORDS {
                    return Some(Discount::Fragment);
                }
                let covered = covered_words(&analysis.words[sentence.words.clone()], spans);
                let function_share = sentence.function_words as f64 / words as f64;
                let phrase_share = covered as f64 / words as f64;
                let packed = (phrase_share >= PASTED_PHRASE_SHARE
                    && !one_plain_clause(sentence, text, function_share))
                    || (phrase_share > PACKED_PHRASE_SHARE
                        && function_share < PACKED_FUNCTION_SHARE)
                    || (words >= 8
                        && function_share < MIN_FUNCTION_SHARE
                        && phrase_share >= THIN_PHRASE_SHARE)
                    || (words >= 5 && sentence.function_words == 0 && covered >= 1);
                packed.then_some(Discount::KeywordPacked)
            })
            .collect();
        label_sections(analysis, &hits, &discount, &mut by_list);
        let (mut committed, mut mentioned) = (vec![0; by_list.len()], vec![0; by_list.len()]);
        let mut claimed = vec![0; by_list.len()];
        for hit in hits
            .iter()
            .filter(|h| discount[h.sentence] != Some(Discount::Repeated))
        {
            let list = hit.list as usize;
            committed[list] += usize::from(commits(hit, &discount));
            claimed[list] += usize::from(claims(hit, &discount, analysis));
            mentioned[list] += usize::from(hit.stance != Stance::Negated);
        }
        Context {
            analysis,
            text,
            by_list,
            discount,
            hits,
            committed,
            claimed,
            mentioned,
        }
    }

    /// True when a sentence may earn points for content.
    pub fn counts(&self, sentence: usize) -> bool {
        self.discount[sentence].is_none() && !self.analysis.sentences[sentence].is_heading()
    }

    /// Hits of a list in sentences that may earn points.
    pub fn counted(&self, list: ListId) -> impl Iterator<Item = (usize, Span)> + '_ {
        self.by_list[list as usize]
            .iter()
            .copied()
            .filter(|&(s, _)| self.counts(s))
    }

    /// Every content hit of a list in a sentence, in order.
    pub fn hits_in(&self, list: ListId, sentence: usize) -> impl Iterator<Item = Span> + '_ {
        let hits = &self.by_list[list as usize];
        let i = hits.partition_point(|&(s, _)| s < sentence);
        hits[i..]
            .iter()
            .take_while(move |&&(s, _)| s == sentence)
            .map(|&(_, span)| span)
    }

    /// The first hit of a list in a sentence, if any.
    pub fn hit_in(&self, list: ListId, sentence: usize) -> Option<Span> {
        let hits = &self.by_list[list as usize];
        let i = hits.partition_point(|&(s, _)| s < sentence);
        hits.get(i)
            .filter(|&&(s, _)| s == sentence)
            .map(|&(_, span)| span)
    }

    /// Asserted hits of a list outside repeated sentences: what a mistake counts, so that a
    /// negated, rejected or fixed-problem mention never commits it.
    pub fn committed(&self, list: ListId) -> usize {
        self.committed[list as usize]
    }

    /// Committed hits of a list in sentences that say something: a bare noun ("Ultimatums."
    /// in a list of what not to do) or a heading names a thing but commits to nothing.
    pub fn claimed(&self, list: ListId) -> usize {
        self.claimed[list as usize]
    }

    /// The hits [`Context::committed`] counts, in document order: where the answer says
    /// what a mistake counts.
    pub fn committed_hits(&self, list: ListId) -> impl Iterator<Item = &Hit> + '_ {
        self.hits
            .iter()
            .filter(move |h| h.list == list && commits(h, &self.discount))
    }

    /// The hits [`Context::claimed`] counts, in document order.
    pub fn claimed_hits(&self, list: ListId) -> impl Iterator<Item = &Hit> + '_ {
        self.hits
            .iter()
            .filter(move |h| h.list == list && claims(h, &self.discount, self.analysis))
    }

    /// Hits of a list outside negations and repeated sentences, rejected ones included:
    /// what `absent` asks about, since naming an idea to reject it still brings it up.
    pub fn mentioned(&self, list: ListId) -> usize {
        self.mentioned[list as usize]
    }

    /// Content hits of a list anywhere outside repeated sentences (for ratio signals).
    pub fn occurrences(&self, list: ListId) -> usize {
        self.by_list[list as usize]
            .iter()
            .filter(|&&(s, _)| self.discount[s] != Some(Discount::Repeated))
            .count()
    }
}

/// True when a hit commits the answer to its phrase: asserted (not negated, rejected,
/// contrasted, felt or a problem the answer fixes), outside a repeated sentence.
fn commits(hit: &Hit, discount: &[Option<Discount>]) -> bool {
    hit.stance == Stance::Asserted && discount[hit.sentence] != Some(Discount::Repeated)
}

/// True when a hit commits the answer in a sentence that says something: not a bare noun
/// fragment ("Ultimatums.") nor a heading.
fn claims(hit: &Hit, discount: &[Option<Discount>], analysis: &Analysis) -> bool {
    commits(hit, discount)
        && discount[hit.sentence] != Some(Discount::Fragment)
        && !analysis.sentences[hit.sentence].is_heading()
}

/// A heading labels its section: "The one number I'd steer by" says what the sentence
/// under it is. For a list that no sentence that may earn shows in words, the heading's
/// asserted hits count for the sentence right after it, when that one may earn and rejects
/// nothing ("I wouldn't …"). Only then: the label never displaces a
/// sentence that says the thing, and the heading itself still earns nothing.
fn label_sections(
    analysis: &Analysis,
    hits: &[Hit],
    discount: &[Option<Discount>],
    by_list: &mut [Vec<(usize, Span)>],
) {
    let sentences = &analysis.sentences;
    let counts = |s: usize| discount[s].is_none() && !sentences[s].is_heading();
    for hit in hits {
        let heading = &sentences[hit.sentence];
        let body = hit.sentence + 1;
        if hit.stance != Stance::Asserted
            || !heading.is_heading()
            || discount[hit.sentence] == Some(Discount::Repeated)
            || body >= sentences.len()
            || !counts(body)
        {
            continue;
        }
        // The section: up to the next heading. A sentence in it that shows the list in
        // words is the evidence already.
        let end = (body..sentences.len())
            .find(|&s| sentences[s].is_heading())
            .unwrap_or(sentences.len());
        let list = &mut by_list[hit.list as usize];
        if list
            .iter()
            .any(|&(s, _)| (body..end).contains(&s) && counts(s))
        {
            continue;
        }
        let rejected = analysis.words[sentences[body].words.clone()]
            .iter()
            .any(|&word| matches!(analysis.stance(word), Stance::Rejected { .. }));
        if rejected {
            continue;
        }
        let at = list.partition_point(|&(s, span)| (s, span.start) < (body, hit.span.start));
        list.insert(at, (body, hit.span));
    }
}

/// Words of a sentence that start inside one of the (sorted) phrase spans.
/// Whether a sentence is one plain clause of prose ("The mistake was mine."): a paragraph's
/// sentence, not a list item or heading, with no comma, colon or semicolon to string
/// phrases on, and glued by function words. Its phrases say one thing, so rubric words
/// covering it is no sign of a pasted list.
fn one_plain_clause(sentence: &Sentence, text: &str, function_share: f64) -> bool {
    sentence.kind == BlockKind::Paragraph
        && function_share >= PLAIN_CLAUSE_FUNCTION_SHARE
        && !sentence.span.text(text).contains([',', ';', ':'])
}

fn covered_words(words: &[Span], spans: &[Span]) -> usize {
    let mut covered = 0;
    let mut j = 0;
    for word in words {
        while j < spans.len() && spans[j].end <= word.start {
            j += 1;
        }
        // Spans may overlap; any span from j on that contains the word's start covers it.
        if spans[j..]
            .iter()
            .take_while(|s| s.start <= word.start)
            .any(|s| s.contains(word.start))
        {
            covered += 1;
        }
    }
    covered
}

#[cfg(test)]
mod tests {
    use crate::rules::signals::test::assert_signal;

    const SIGNAL: &str = "kind = \"phrases\"\nphrases = [\"the mistake was\", \"was mine\"]";

    #[test]
    fn one_plain_clause_covered_by_phrases_is_prose() {
        assert_signal(SIGNAL, "The mistake was mine.", 1);
    }

    #[test]
    fn the_same_words_as_a_list_item_or_strung_with_commas_are_pasted() {
        assert_signal(SIGNAL, "- The mistake was mine.", 0);
        assert_signal(SIGNAL, "The mistake was, was mine.", 0);
    }
}
