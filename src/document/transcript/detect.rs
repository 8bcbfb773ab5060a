//! Which form an input is in, from its first lines: WebVTT by its header, SRT by a cue
//! number over a timing line, Otter-style by speaker-and-time headers, speaker lines by
//! labels that look like a conversation; else Markdown when it has headings or lists,
//! else plain text.

use super::candidate::{is_candidate_role, is_interviewer};
use super::{lines, otter, speaker_lines, time};
use crate::document::{Block, BlockKind, InputForm};

/// The form of `text` from its body's first lines (`blocks` are its Markdown blocks).
pub fn detect(text: &str, body_start: usize, blocks: &[Block]) -> InputForm {
    let all = lines(text, body_start);
    let mut content = all.iter().filter(|l| !l.is_blank());
    let (Some(first), second) = (content.next(), content.next()) else {
        return InputForm::Text;
    };
    let first_text = first.text.trim();
    if first_text.starts_with("WEBVTT") {
        return InputForm::Vtt;
    }
    let is_timing = |t: &str| matches!(time::cue_timing(t), Some(Ok(_)));
    if is_timing(first_text)
        || (first_text.bytes().all(|b| b.is_ascii_digit())
            && second.is_some_and(|l| l.text.contains("-->")))
    {
        return InputForm::Srt;
    }
    let headers = all
        .iter()
        .filter(|l| otter::header(l.text).is_some())
        .count();
    if headers >= 2 && otter::header(first.text).is_some() {
        return InputForm::Otter;
    }
    if looks_like_conversation(all.iter().map(|l| l.text)) {
        return InputForm::Speakers;
    }
    if blocks.iter().any(|b| b.kind != BlockKind::Paragraph) {
        InputForm::Markdown
    } else {
        InputForm::Text
    }
}

/// Labels that make a conversation: two or more speakers, and either a known role
/// (Interviewer, Candidate, Speaker 1, Q, …) or a speaker who comes back after another.
/// "Situation: … Task: … Result: …" in a written answer is neither.
fn looks_like_conversation<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    let mut names: Vec<String> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    let mut returns = false;
    let mut ranges = 0;
    for line in lines {
        let Some(label) = speaker_lines::label(line) else {
            continue;
        };
        ranges += usize::from(label.end_ms.is_some());
        let Some(name) = label.name else { continue };
        let name = name.to_lowercase();
        if names.last() != Some(&name) && seen.contains(&name) {
            returns = true;
        }
        seen.insert(name.clone());
        names.push(name);
    }
    let mut distinct = names.clone();
    distinct.sort();
    distinct.dedup();
    let known_role = distinct
        .iter()
        .any(|n| is_interviewer(n) || is_candidate_role(n) || n.starts_with("speaker"));
    ranges >= 2 || (distinct.len() >= 2 && (known_role || returns))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(text: &str) -> InputForm {
        let blocks = crate::document::markdown::blocks(text, 0);
        detect(text, 0, &blocks)
    }

    #[test]
    fn tells_the_forms_apart() {
        assert_eq!(
            form("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n"),
            InputForm::Vtt
        );
        assert_eq!(
            form("1\n00:00:01,000 --> 00:00:02,000\nHi\n"),
            InputForm::Srt
        );
        assert_eq!(
            form("Host  0:00\nHi\n\nDana  0:04\nHello\n"),
            InputForm::Otter
        );
        assert_eq!(
            form("Interviewer: Hi.\nDana: Hello.\n"),
            InputForm::Speakers
        );
        assert_eq!(
            form("Situation: churn rose.\nTask: fix it.\nResult: it fell.\n"),
            InputForm::Text
        );
        assert_eq!(form("# Pitch\n\n- one\n"), InputForm::Markdown);
    }
}
