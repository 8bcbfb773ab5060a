//! YAML-style front matter (`---` … `---`) at the top of an answer: read, never graded.
//! Only flat `key: value` lines are understood; that is all an answer file needs.

use crate::text::span::Span;
use serde::Serialize;

/// What an answer's front matter says of it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FrontMatter {
    /// The interview question the answer responds to.
    pub question: Option<String>,
    /// The rubric to grade it with, when the command line names none.
    pub rubric: Option<String>,
    /// Where the front matter is, fences included.
    #[serde(skip)]
    pub span: Span,
}

/// Splits off front matter; returns it and the byte offset where the body starts.
pub fn split(text: &str) -> (Option<FrontMatter>, usize) {
    let Some(first) = text.lines().next() else {
        return (None, 0);
    };
    if first.trim_end() != "---" {
        return (None, 0);
    }
    let mut offset = first.len() + usize::from(text.as_bytes().get(first.len()) == Some(&b'\n'));
    let mut front = FrontMatter::default();
    for line in text[offset..].split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        offset += line.len();
        if matches!(content.trim_end(), "---" | "...") {
            front.span = Span::new(0, offset);
            return (Some(front), offset);
        }
        if let Some((key, value)) = content.split_once(':') {
            let value = unquote(value.trim());
            if value.is_empty() {
                continue;
            }
            match key.trim() {
                "question" => front.question = Some(value.to_owned()),
                "rubric" => front.rubric = Some(value.to_owned()),
                _ => {}
            }
        }
    }
    // No closing fence: this was a horizontal rule, not front matter.
    (None, 0)
}

/// Whether `text` opens front matter (`---` on its first line) that never closes; such
/// text is graded whole, as written, and its document carries a warning on line 1.
pub fn unclosed(text: &str) -> bool {
    text.lines()
        .next()
        .is_some_and(|first| first.trim_end() == "---")
        && split(text).0.is_none()
}

fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_question_and_rubric() {
        let text =
            "---\nquestion: \"Pitch a feature.\"\nrubric: product-pitch\nauthor: x\n---\nBody";
        let (front, body) = split(text);
        let front = front.unwrap();
        assert_eq!(front.question.as_deref(), Some("Pitch a feature."));
        assert_eq!(front.rubric.as_deref(), Some("product-pitch"));
        assert_eq!(&text[body..], "Body");
    }

    #[test]
    fn unclosed_fence_is_not_front_matter() {
        assert_eq!(split("---\nquestion: x\nno end"), (None, 0));
        assert!(unclosed("---\nquestion: x\nno end"));
        assert!(!unclosed("---\nrubric: x\n---\nbody"));
        assert!(!unclosed("body\n---\n"));
    }
}
