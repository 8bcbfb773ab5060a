//! The grade report for the terminal: the score and band, the flags, each criterion with
//! its quoted evidence and what is missing, the mistakes, the next steps, what was not
//! counted, the delivery of a transcript, and the answer's statistics.

use super::style::{Style, quote_line, transcript_turns};
use crate::scoring::{CriterionGrade, Grade};
use crate::text::escape::line as esc;
use std::fmt::Write;

/// Renders one grade; `color` adds ANSI styles.
pub fn render(grade: &Grade, color: bool) -> String {
    let style = Style::new(color);
    let mut out = String::new();
    header(&mut out, grade, style);
    score_line(&mut out, grade, style);
    let flags_title = "Flags — read this answer before trusting the score";
    section(&mut out, style, flags_title, grade.flags.len(), |out| {
        flags(out, grade, style);
    });
    for criterion in &grade.criteria {
        render_criterion(&mut out, criterion, style);
    }
    section(&mut out, style, "Mistakes", grade.mistakes.len(), |out| {
        mistakes(out, grade, style);
    });
    section(
        &mut out,
        style,
        "Next steps",
        grade.next_steps.len(),
        |out| {
            next_steps(out, grade);
        },
    );
    section(
        &mut out,
        style,
        "Not counted",
        grade.discounted.len(),
        |out| {
            discounted(out, grade);
        },
    );
    if let Some(delivery) = &grade.delivery {
        section(&mut out, style, "Delivery", 1, |out| {
            out.push_str(&super::render_delivery(delivery));
        });
    }
    stats(&mut out, grade, style);
    out
}

/// A titled part of the report: its bold title, what `body` writes, a blank line; nothing
/// at all when it has no `items`.
fn section(
    out: &mut String,
    style: Style,
    title: &str,
    items: usize,
    body: impl FnOnce(&mut String),
) {
    if items == 0 {
        return;
    }
    let _ = writeln!(out, "{}", style.bold(title));
    body(out);
    out.push('\n');
}

/// The file and rubric, how the rubric was picked, the question, the transcript and the
/// input's warnings.
fn header(out: &mut String, grade: &Grade, style: Style) {
    let file = grade.file.as_deref().unwrap_or("answer");
    let _ = writeln!(
        out,
        "{}  {} — {}",
        style.bold(&esc(file)),
        esc(&grade.rubric.title),
        esc(&grade.rubric.id)
    );
    if let Some(selected) = &grade.selected {
        let line = match &selected.runner_up {
            Some(next) => format!(
                "picked from the body: it fits {} better than {} (its own words here: {})",
                selected.rubric,
                next,
                esc(&selected.words.join(", "))
            ),
            None => format!(
                "rubric picked from the {} (matched: {})",
                selected.source,
                esc(&selected.words.join(", "))
            ),
        };
        style.dim_line(out, &line);
    }
    if let Some(question) = &grade.question {
        style.dim_line(out, &format!("question: {}", esc(question)));
    }
    if let Some(transcript) = &grade.transcript {
        style.dim_line(
            out,
            &format!(
                "{} transcript, {}",
                transcript.form.name(),
                transcript_turns(transcript, ":")
            ),
        );
    }
    for warning in &grade.warnings {
        let _ = writeln!(
            out,
            "{} line {}: {}",
            style.bad("warning:"),
            warning.line,
            esc(&warning.message)
        );
    }
}

/// The score and band, what the mistakes took off and the repetition factor.
fn score_line(out: &mut String, grade: &Grade, style: Style) {
    let headline = format!("{:.1}/100  {}", grade.score, grade.band);
    let _ = write!(out, "score {}", style.bold(&headline));
    if grade.penalties > 0.0 {
        let _ = write!(
            out,
            "  ({:.1} from criteria, −{:.1} for mistakes)",
            grade.points, grade.penalties
        );
    }
    if grade.repetition_factor < 1.0 {
        let _ = write!(
            out,
            "\n  × {:.2}: most sentences repeat earlier ones, so only the share that does not counts",
            grade.repetition_factor
        );
    }
    out.push_str("\n\n");
}

/// Each flag with the sentences that raised it.
fn flags(out: &mut String, grade: &Grade, style: Style) {
    for flag in &grade.flags {
        let _ = writeln!(
            out,
            "  {} {}: {}",
            style.bad("⚑"),
            flag.id,
            esc(&flag.message)
        );
        for evidence in &flag.evidence {
            out.push_str(&quote_line("      ", 5, evidence, ""));
        }
    }
}

/// A criterion: its score (or why it was not scored), each signal with its evidence and
/// what is missing, and its advice.
fn render_criterion(out: &mut String, criterion: &CriterionGrade, style: Style) {
    let tag = style.dim(&format!("[{}, weight {}]", criterion.id, criterion.weight));
    if let Some(reason) = &criterion.left_out {
        let _ = writeln!(
            out,
            "{}  {}  {tag}",
            style.bold(&esc(&criterion.name)),
            style.dim("not scored"),
        );
        let _ = writeln!(out, "  {}\n", style.dim(reason));
        return;
    }
    let score = format!("{:.1}/{}", criterion.score, criterion.max);
    let score = if criterion.score >= criterion.max {
        style.good(&score)
    } else if criterion.score == 0.0 {
        style.bad(&score)
    } else {
        score
    };
    let _ = writeln!(out, "{}  {score}  {tag}", style.bold(&esc(&criterion.name)));
    for signal in &criterion.signals {
        let mark = if signal.earned > 0.0 {
            style.good("✓")
        } else {
            style.bad("✗")
        };
        let _ = write!(
            out,
            "  {mark} {} {}",
            signal.id,
            style.dim(&format!("{:.1}/{:.1}", signal.earned, signal.max_points))
        );
        if let Some(note) = &signal.note {
            let _ = write!(out, " {}", style.dim(&format!("({})", esc(note))));
        }
        out.push('\n');
        for evidence in &signal.evidence {
            out.push_str(&quote_line("      ", 6, evidence, ""));
        }
        if signal.earned == 0.0
            && let Some(missing) = &signal.missing
        {
            let _ = writeln!(
                out,
                "      {}",
                style.dim(&format!("missing: {}", esc(missing)))
            );
        }
    }
    if let Some(advice) = &criterion.advice {
        let _ = writeln!(out, "  → {}", esc(advice));
    }
    out.push('\n');
}

/// Each mistake found, with what it cost and the sentences that said it, quoted as a
/// criterion's evidence is.
fn mistakes(out: &mut String, grade: &Grade, style: Style) {
    for mistake in &grade.mistakes {
        let _ = writeln!(
            out,
            "  {} {} (−{:.1}): {}",
            style.bad("✗"),
            mistake.id,
            mistake.penalty,
            esc(&mistake.message)
        );
        for evidence in &mistake.said_in {
            out.push_str(&quote_line("      ", 6, evidence, ""));
        }
    }
}

/// The next steps, numbered, with what each would gain.
fn next_steps(out: &mut String, grade: &Grade) {
    for (i, step) in grade.next_steps.iter().enumerate() {
        let _ = writeln!(
            out,
            "  {}. (+{:.1}) {}",
            i + 1,
            step.gain,
            esc(&step.action)
        );
    }
}

/// The sentences not counted, each with why.
fn discounted(out: &mut String, grade: &Grade) {
    for d in &grade.discounted {
        let after = format!(" — {}", esc(&d.reason));
        out.push_str(&quote_line("  ", 5, &d.evidence, &after));
    }
}

/// The answer's statistics, dimmed, as the last line.
fn stats(out: &mut String, grade: &Grade, style: Style) {
    let s = &grade.stats;
    style.dim_line(
        out,
        &format!(
            "words {}, sentences {}, numbers {}, fillers {}, hedges {}; reading ease {:.1}, grade level {:.1}",
            s.words,
            s.sentences,
            s.quantities,
            s.fillers,
            s.hedges,
            s.flesch_reading_ease,
            s.flesch_kincaid_grade
        ),
    );
}
