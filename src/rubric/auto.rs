//! `--rubric auto`: picks the built-in rubric whose `match` phrases best fit the question,
//! read from the front matter's `question:` or else the answer's first line. An answer
//! with neither is routed by its body (`scoring::route`, which scores it).

use super::builtin;
use crate::document::Document;
use crate::error::RubricError;
use crate::text::fold::Folded;
use crate::text::phrase::PhraseMatcher;
use serde::Serialize;
use std::sync::OnceLock;

/// Which rubric was picked, from what text, on which words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Selection {
    /// The rubric picked.
    pub rubric: String,
    /// "front matter", "first line", or "body" when the answer states no question.
    pub source: &'static str,
    /// The question's words that matched it; for "body", the answer's words that only
    /// this rubric's vocabulary holds, most frequent first.
    pub words: Vec<String>,
    /// For "body": the rubric that fit next best.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runner_up: Option<String>,
}

/// Whether the answer states its question in the front matter (then `select` judges that
/// question alone, and no fit of the body overrides it).
pub fn states_question(document: &Document) -> bool {
    document
        .front_matter
        .as_ref()
        .is_some_and(|f| f.question.is_some())
}

/// Picks a rubric for the document; an error lists the rubrics when none fits.
pub fn select(document: &Document) -> Result<Selection, RubricError> {
    let (source, question) = match document
        .front_matter
        .as_ref()
        .and_then(|f| f.question.as_deref())
    {
        Some(question) => ("front matter", question),
        // An answer's first line is often its own opening claim, whose words may belong to
        // any rubric ("I'd measure…" in a pitch): only a line that asks is the question.
        None => (
            "first line",
            document
                .first_line()
                .filter(|line| reads_as_question(line))
                .unwrap_or_default(),
        ),
    };
    let hits = builtin_matcher().find(&Folded::new(question));
    let mut best: Option<Selection> = None;
    for (list, (id, _)) in builtin::SOURCES.iter().enumerate() {
        let mut words: Vec<String> = hits
            .iter()
            .filter(|hit| hit.list as usize == list)
            .map(|hit| hit.span.text(question).to_lowercase())
            .collect();
        words.sort();
        words.dedup();
        if !words.is_empty() && best.as_ref().is_none_or(|b| words.len() > b.words.len()) {
            best = Some(Selection {
                rubric: (*id).to_owned(),
                source,
                words,
                runner_up: None,
            });
        }
    }
    best.ok_or_else(|| RubricError::NoMatch {
        question: question.trim().to_owned(),
        available: builtin::ids().map(str::to_owned).collect(),
    })
}

/// A line that asks: it ends with a question mark (closing quotes and emphasis aside) or
/// says it is the question (`Q:`, `Question:`).
fn reads_as_question(line: &str) -> bool {
    let line = line.trim();
    let lower = line.to_lowercase();
    line.trim_end_matches(['"', '\'', '\u{201d}', '*', '_', ')'])
        .ends_with('?')
        || lower.starts_with("q:")
        || lower.starts_with("question:")
}

/// Each built-in rubric's `match` phrases as one list of one matcher (list `i` is
/// [`builtin::SOURCES`]`[i]`), compiled once per process: a batch asks for them once per
/// answer (for `--rubric auto` and the off-topic flag). One automaton over all the lists
/// finds per list what one matcher per rubric found; it scans questions, so it is built for
/// lines.
fn builtin_matcher() -> &'static PhraseMatcher {
    static MATCHER: OnceLock<PhraseMatcher> = OnceLock::new();
    MATCHER.get_or_init(|| {
        let lists: Vec<Vec<String>> = builtin::SOURCES
            .iter()
            .map(|(_, source)| match_phrases(source))
            .collect();
        PhraseMatcher::for_lines(lists.iter())
    })
}

/// The `match` list of a built-in rubric, read without compiling the whole rubric. Our
/// sources write it on one line, so only that line is parsed (parsing all seven files would
/// cost more than grading an answer); the whole file is the fallback.
fn match_phrases(source: &str) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct OnlyMatch {
        #[serde(default, rename = "match")]
        phrases: Vec<String>,
    }
    let parse = |text: &str| toml::from_str::<OnlyMatch>(text).map(|m| m.phrases);
    source
        .lines()
        .find(|line| line.starts_with("match ") || line.starts_with("match="))
        .and_then(|line| parse(line).ok())
        .or_else(|| parse(source).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::parse;

    #[test]
    fn picks_from_the_front_matter_question() {
        let doc = parse("---\nquestion: Pitch a new feature for Netflix.\n---\nMy idea is …");
        let selection = select(&doc).unwrap();
        assert_eq!(selection.rubric, "product-pitch");
        assert_eq!(selection.source, "front matter");
        assert!(selection.words.contains(&"pitch".to_owned()));
    }

    #[test]
    fn a_first_line_is_the_question_only_when_it_asks() {
        let asked = parse("How would you measure the success of a new row?\nI'd track…");
        assert_eq!(select(&asked).unwrap().source, "first line");
        assert!(select(&parse("Question: Pitch a feature for Netflix.\nMy idea…")).is_ok());
        let claim = parse("I would pitch my ask at the top of the band.\nThen I'd wait.");
        assert!(matches!(select(&claim), Err(RubricError::NoMatch { .. })));
    }

    #[test]
    fn every_built_in_match_list_is_read_from_its_line() {
        for (id, source) in builtin::SOURCES {
            let full: Vec<String> = toml::from_str::<toml::Value>(source).unwrap()["match"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect();
            assert_eq!(match_phrases(source), full, "{id}");
        }
    }

    #[test]
    fn no_fit_lists_the_rubrics() {
        let doc = parse("Sourdough needs a healthy starter.");
        match select(&doc) {
            Err(RubricError::NoMatch { available, .. }) => assert!(!available.is_empty()),
            other => panic!("{other:?}"),
        }
    }
}
