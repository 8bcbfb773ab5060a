//! Fillers and hedges: the lexicon's phrases found in the graded sentences, with "like",
//! "kind of" and "sort of" counted only where they are fillers and not words doing a job.

use super::lexicon;
use crate::text::phrase::PhraseHit;
use crate::text::span::Span;

/// The fillers and the hedges among the lexicon matcher's `hits` of `text` that lie inside
/// a sentence (`inside`); `spoken` for a transcript, where punctuation is not to be relied
/// on.
pub(crate) fn find(
    text: &str,
    hits: &[PhraseHit],
    spoken: bool,
    inside: impl Fn(Span) -> bool,
) -> (Vec<Span>, Vec<Span>) {
    let mut fillers = Vec::new();
    let mut hedges = Vec::new();
    for hit in hits {
        if !inside(hit.span) {
            continue;
        }
        match hit.list as usize {
            lexicon::FILLERS if is_filler_use(text, hit.span, spoken) => fillers.push(hit.span),
            lexicon::HEDGES => hedges.push(hit.span),
            _ => {}
        }
    }
    (fillers, hedges)
}

/// "like" is a filler only when set off by commas ("it's, like, cheap"); "I'd like to" and
/// "looks like" are words doing their job. Other fillers always count.
///
/// Speech transcripts are often unpunctuated, so there "like" also counts right after a
/// hesitation or a word that starts a clause ("so like we", "um like"), and "kind of" /
/// "sort of" do not count after a determiner ("what kind of content").
fn is_filler_use(text: &str, span: Span, spoken: bool) -> bool {
    let phrase = span.text(text);
    let before = text[..span.start].trim_end();
    if spoken && (phrase.eq_ignore_ascii_case("kind of") || phrase.eq_ignore_ascii_case("sort of"))
    {
        return !lexicon::is_kind_of_determiner(previous_word(before));
    }
    if !phrase.eq_ignore_ascii_case("like") {
        return true;
    }
    let comma_before = before.ends_with(',');
    let after = text[span.end..].trim_start();
    let comma_after = after.starts_with(',');
    if comma_before || comma_after {
        return true;
    }
    spoken
        && !after.to_ascii_lowercase().starts_with("to ")
        && lexicon::opens_spoken_like(previous_word(before))
}

/// The word that ends `before` (letters, digits, apostrophes), or "" at a sentence end.
fn previous_word(before: &str) -> &str {
    if before.ends_with(['.', '!', '?']) {
        return "";
    }
    let start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '\'' || c == '\u{2019}')
        .last()
        .map_or(before.len(), |(i, _)| i);
    &before[start..]
}

#[cfg(test)]
mod tests {
    use super::previous_word;
    use crate::analysis::analyze;
    use crate::document::parse;

    #[test]
    fn fillers_hedges_and_quantities() {
        let text = "Um, it's, like, maybe 20% cheaper. I'd like to test it in 2 weeks.";
        let analysis = analyze(&parse(text));
        let fillers: Vec<&str> = analysis.fillers.iter().map(|s| s.text(text)).collect();
        assert_eq!(fillers, vec!["Um", "like"]);
        assert_eq!(analysis.hedges.len(), 1);
        assert_eq!(analysis.quantities.len(), 2);
    }

    #[test]
    fn spoken_like_counts_after_a_hesitation_but_not_as_a_verb() {
        let text = "Interviewer: Go on.\nCandidate: so like we looked at it and it looks like churn um like I'd like to test what kind of plan works\n";
        let document = parse(text);
        assert!(document.transcript.is_some());
        let analysis = analyze(&document);
        let fillers: Vec<usize> = analysis.fillers.iter().map(|s| s.start).collect();
        let so_like = text.find("so like").unwrap() + 3;
        let um_like = text.find("um like").unwrap();
        assert_eq!(fillers, vec![so_like, um_like, um_like + 3]);
    }

    #[test]
    fn previous_word_stops_at_a_sentence_end() {
        assert_eq!(previous_word("we said so"), "so");
        assert_eq!(previous_word("it’s that’s"), "that’s");
        assert_eq!(previous_word("Done."), "");
    }
}
