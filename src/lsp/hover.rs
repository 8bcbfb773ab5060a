//! Hover: on the first line, the whole score breakdown; on a sentence, the signals it
//! earned, the mistakes it makes, and why any rubric words in it were not counted (its
//! stance and the cue that set it aside, from the report's `discounted` list).

use super::diagnostics::number;
use super::grading::Graded;
use super::position::Lines;
use crate::scoring::{Evidence, Grade};
use lsp_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};
use std::fmt::Write;

/// The hover at `position`, if it is on the first line or on a graded sentence.
pub fn hover(graded: &Graded, lines: &Lines, position: Position) -> Option<Hover> {
    let text = &graded.document.text;
    if position.line == 0 {
        let range = lines.first_line(text);
        return Some(markdown(breakdown(graded), range));
    }
    let offset = lines.offset(text, position);
    let index = graded.analysis.sentence_at(offset)?;
    let span = graded.analysis.sentences[index].span;
    let at = graded.document.line_index.line_col(text, span.start);
    let here = |e: &Evidence| e.line == at.line && e.column == at.column;
    let value = sentence(&graded.grade, &here);
    Some(markdown(value, lines.range(text, span.start, span.end)))
}

fn markdown(value: String, range: lsp_types::Range) -> Hover {
    Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value,
        }),
        range: Some(range),
    }
}

/// What one sentence earned, the mistakes it makes and what in it was not counted.
fn sentence(grade: &Grade, here: &dyn Fn(&Evidence) -> bool) -> String {
    let mut out = String::new();
    for criterion in grade.criteria.iter().filter(|c| c.left_out.is_none()) {
        for signal in &criterion.signals {
            for evidence in signal.evidence.iter().filter(|e| here(e)) {
                let matched = match evidence.matched.is_empty() {
                    true => String::new(),
                    false => format!(" on “{}”", evidence.matched.join("”, “")),
                };
                let _ = writeln!(
                    out,
                    "- earns **{}** `{}`{matched} ({}/{} points)",
                    criterion.name,
                    signal.id,
                    number(signal.earned),
                    number(signal.max_points)
                );
            }
        }
    }
    for mistake in &grade.mistakes {
        if mistake.said_in.iter().any(here) {
            let _ = writeln!(
                out,
                "- makes the mistake `{}`: {} (−{})",
                mistake.id,
                mistake.message,
                number(mistake.penalty)
            );
        }
    }
    for flag in &grade.flags {
        if flag.evidence.iter().any(here) {
            let _ = writeln!(out, "- raises the flag `{}`: {}", flag.id, flag.message);
        }
    }
    for discounted in grade.discounted.iter().filter(|d| here(&d.evidence)) {
        let _ = write!(out, "- not counted: {}", discounted.reason);
        if let Some(stance) = discounted.stance {
            let _ = write!(out, " (stance: {stance}");
            if let Some(cue) = &discounted.cue {
                let _ = write!(out, "; cue “{}” at {}:{}", cue.text, cue.line, cue.column);
            }
            out.push(')');
        }
        out.push('\n');
    }
    if out.is_empty() {
        out.push_str("This sentence earns nothing under this rubric.\n");
    }
    out
}

/// The whole grade: score, points and penalties, each criterion, mistakes, flags and the
/// next steps.
fn breakdown(graded: &Graded) -> String {
    let grade = &graded.grade;
    let mut out = String::new();
    let from = match &grade.selected {
        Some(selected) => format!("auto, on “{}”", selected.words.join("”, “")),
        None => graded.choice.origin.describe(),
    };
    let _ = writeln!(
        out,
        "**{:.1}/100 {}** — {} (`{}`), from {from}\n",
        grade.score, grade.band, grade.rubric.title, grade.rubric.id
    );
    let _ = writeln!(
        out,
        "points {:.1} − penalties {:.1}, × repetition {}\n",
        grade.points,
        grade.penalties,
        number(grade.repetition_factor)
    );
    out.push_str("| criterion | weight | score |\n| --- | --- | --- |\n");
    for c in &grade.criteria {
        let score = match &c.left_out {
            Some(_) => "left out".to_owned(),
            None => format!("{}/{}", number(c.score), number(c.max)),
        };
        let _ = writeln!(out, "| {} | {} | {score} |", c.name, number(c.weight));
    }
    if !(grade.mistakes.is_empty() && grade.flags.is_empty()) {
        out.push('\n');
    }
    for m in &grade.mistakes {
        let (id, penalty) = (&m.id, number(m.penalty));
        let _ = writeln!(out, "- mistake `{id}` −{penalty}: {}", m.message);
    }
    for f in &grade.flags {
        let _ = writeln!(out, "- flag `{}`: {}", f.id, f.message);
    }
    if !grade.next_steps.is_empty() {
        out.push_str("\n**Next steps**\n");
        for (i, step) in grade.next_steps.iter().enumerate() {
            let _ = writeln!(out, "{}. (+{:.1}) {}", i + 1, step.gain, step.action);
        }
    }
    out
}
