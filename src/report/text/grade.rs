//! The grade report for the terminal: the score and band, the flags, each criterion with
//! its quoted evidence and what is missing, the mistakes, the next steps, what was not
//! counted, the delivery of a transcript, and the answer's statistics.

use super::style::{Style, quote_line, transcript_turns};
use crate::scoring::{CriterionGrade, Grade};
use std::fmt::Write;

/// Renders one grade; `color` adds ANSI styles.
pub fn render(grade: &Grade, color: bool) -> String {
    let style = Style::new(color);
    let mut out = String::new();
    header(&mut out, grade, style);
    score_line(&mut out, grade, style);
    flags(&mut out, grade, style);
    for criterion in &grade.criteria {
        render_criterion(&mut out, criterion, style);
    }
    mistakes(&mut out, grade, style);
    next_steps(&mut out, grade, style);
    discounted(&mut out, grade, style);
    if let Some(delivery) = &grade.delivery {
        let _ = writeln!(out, "{}", style.bold("Delivery"));
        out.push_str(&super::render_delivery(delivery));
        out.push('\n');
    }
    stats(&mut out, grade, style);
    out
}

/// The file and rubric, how the rubric was picked, the question, the transcript and the
/// input's warnings.
fn header(out: &mut String, grade: &Grade, style: Style) {
    let file = grade.file.as_deref().unwrap_or("answer");
    let _ = writeln!(
        out,
        "{}  {} — {}",
        style.bold(file),
        grade.rubric.title,
        grade.rubric.id
    );
    if let Some(selected) = &grade.selected {
        style.dim_line(
            out,
            &format!(
                "rubric picked from the {} (matched: {})",
                selected.source,
                selected.words.join(", ")
            ),
        );
    }
    if let Some(question) = &grade.question {
        style.dim_line(out, &format!("question: {question}"));
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
            warning.message
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

fn flags(out: &mut String, grade: &Grade, style: Style) {
    if grade.flags.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "{}",
        style.bold("Flags — read this answer before trusting the score")
    );
    for flag in &grade.flags {
        let _ = writeln!(out, "  {} {}: {}", style.bad("⚑"), flag.id, flag.message);
        for evidence in &flag.evidence {
            out.push_str(&quote_line("      ", 5, evidence, ""));
        }
    }
    out.push('\n');
}

fn render_criterion(out: &mut String, criterion: &CriterionGrade, style: Style) {
    let tag = style.dim(&format!("[{}, weight {}]", criterion.id, criterion.weight));
    if let Some(reason) = &criterion.left_out {
        let _ = writeln!(
            out,
            "{}  {}  {tag}",
            style.bold(&criterion.name),
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
    let _ = writeln!(out, "{}  {score}  {tag}", style.bold(&criterion.name));
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
            let _ = write!(out, " {}", style.dim(&format!("({note})")));
        }
        out.push('\n');
        for evidence in &signal.evidence {
            out.push_str(&quote_line("      ", 6, evidence, ""));
        }
        if signal.earned == 0.0
            && let Some(missing) = &signal.missing
        {
            let _ = writeln!(out, "      {}", style.dim(&format!("missing: {missing}")));
        }
    }
    if let Some(advice) = &criterion.advice {
        let _ = writeln!(out, "  → {advice}");
    }
    out.push('\n');
}

fn mistakes(out: &mut String, grade: &Grade, style: Style) {
    if grade.mistakes.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", style.bold("Mistakes"));
    for mistake in &grade.mistakes {
        let _ = writeln!(
            out,
            "  {} {} (−{:.1}): {}",
            style.bad("✗"),
            mistake.id,
            mistake.penalty,
            mistake.message
        );
    }
    out.push('\n');
}

fn next_steps(out: &mut String, grade: &Grade, style: Style) {
    if grade.next_steps.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", style.bold("Next steps"));
    for (i, step) in grade.next_steps.iter().enumerate() {
        let _ = writeln!(out, "  {}. (+{:.1}) {}", i + 1, step.gain, step.action);
    }
    out.push('\n');
}

fn discounted(out: &mut String, grade: &Grade, style: Style) {
    if grade.discounted.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", style.bold("Not counted"));
    for d in &grade.discounted {
        out.push_str(&quote_line(
            "  ",
            5,
            &d.evidence,
            &format!(" — {}", d.reason),
        ));
    }
    out.push('\n');
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
