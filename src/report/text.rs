//! Text for the terminal: the score and band, each criterion with its quoted evidence and
//! what is missing, the mistakes, the next steps, and what was not counted.

use crate::analysis::Delivery;
use crate::scoring::{CriterionGrade, Grade};
use std::fmt::Write;

/// ANSI styling, or none.
#[derive(Clone, Copy)]
struct Style {
    color: bool,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }
    fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }
    fn good(self, text: &str) -> String {
        self.paint("32", text)
    }
    fn bad(self, text: &str) -> String {
        self.paint("31", text)
    }
    fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }
    /// A whole dimmed line of secondary information.
    fn dim_line(self, out: &mut String, text: &str) {
        out.push_str(&self.dim(text));
        out.push('\n');
    }
}

/// Renders one grade; `color` adds ANSI styles.
pub fn render(grade: &Grade, color: bool) -> String {
    let style = Style { color };
    let mut out = String::new();
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
            &mut out,
            &format!(
                "rubric picked from the {} (matched: {})",
                selected.source,
                selected.words.join(", ")
            ),
        );
    }
    if let Some(question) = &grade.question {
        style.dim_line(&mut out, &format!("question: {question}"));
    }
    if let Some(transcript) = &grade.transcript {
        style.dim_line(
            &mut out,
            &format!(
                "{} transcript, {} turn{} ({}): graded {}'s words, {}",
                transcript.form.name(),
                transcript.turns,
                if transcript.turns == 1 { "" } else { "s" },
                transcript.speakers.join(", "),
                transcript.speaker,
                transcript.chosen_by
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

    if !grade.flags.is_empty() {
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

    for criterion in &grade.criteria {
        render_criterion(&mut out, criterion, style);
    }

    if !grade.mistakes.is_empty() {
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

    if !grade.next_steps.is_empty() {
        let _ = writeln!(out, "{}", style.bold("Next steps"));
        for (i, step) in grade.next_steps.iter().enumerate() {
            let _ = writeln!(out, "  {}. (+{:.1}) {}", i + 1, step.gain, step.action);
        }
        out.push('\n');
    }

    if !grade.discounted.is_empty() {
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

    if let Some(delivery) = &grade.delivery {
        let _ = writeln!(out, "{}", style.bold("Delivery"));
        out.push_str(&render_delivery(delivery));
        out.push('\n');
    }

    let s = &grade.stats;
    style.dim_line(
        &mut out,
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
    out
}

fn render_criterion(out: &mut String, criterion: &CriterionGrade, style: Style) {
    if let Some(reason) = &criterion.left_out {
        let _ = writeln!(
            out,
            "{}  {}  {}",
            style.bold(&criterion.name),
            style.dim("not scored"),
            style.dim(&format!("[{}, weight {}]", criterion.id, criterion.weight))
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
    let _ = writeln!(
        out,
        "{}  {}  {}",
        style.bold(&criterion.name),
        score,
        style.dim(&format!("[{}, weight {}]", criterion.id, criterion.weight))
    );
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

/// A rubric laid out for reading: criteria, weights, signals with their phrases, advice,
/// mistakes and bands.
pub fn render_rubric(rubric: &crate::rubric::CompiledRubric) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} (version {})",
        rubric.id, rubric.title, rubric.version
    );
    if let Some(question) = &rubric.question {
        let _ = writeln!(out, "question: {question}");
    }
    if let Some(summary) = &rubric.summary {
        let _ = writeln!(out, "{summary}");
    }
    let total = rubric.total_weighted_max();
    for criterion in &rubric.criteria {
        let share = 100.0 * criterion.weight * criterion.max / total;
        let applies = match criterion.applies_to {
            crate::rubric::AppliesTo::Any => String::new(),
            other => format!("; {} answers only", other.name()),
        };
        let _ = writeln!(
            out,
            "\n{} [{}]  weight {}, max {} ({share:.0}% of the score{applies})",
            criterion.name, criterion.id, criterion.weight, criterion.max
        );
        let _ = writeln!(out, "  advice: {}", criterion.advice);
        for signal in &criterion.signals {
            let _ = writeln!(
                out,
                "  - {} ({}, {} point(s) a sentence, up to {})",
                signal.id,
                signal.kind.name(),
                signal.points,
                signal.cap
            );
            let detail = signal.kind.describe(&rubric.lists);
            let _ = writeln!(out, "      {detail}");
        }
    }
    if !rubric.mistakes.is_empty() {
        let _ = writeln!(out, "\nMistakes");
        for mistake in &rubric.mistakes {
            let _ = writeln!(
                out,
                "  - {} (−{}): {}",
                mistake.id, mistake.penalty, mistake.message
            );
        }
    }
    let _ = writeln!(out, "\nBands");
    for band in &rubric.bands {
        let _ = writeln!(out, "  {:>5.1}+  {}", band.min, band.label);
    }
    out
}

/// Seconds as `m:ss`.
fn clock(seconds: f64) -> String {
    let total = seconds.round() as u64;
    format!("{}:{:02}", total / 60, total % 60)
}

/// The delivery section, indented two spaces: checks against targets, then the detail.
/// Shared by the grade report and `grade analyze`.
pub fn render_delivery(delivery: &Delivery) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  {} words by {} ({}) in {}{}",
        delivery.words,
        delivery.speaker,
        delivery.chosen_by,
        clock(delivery.speaking_seconds),
        if delivery.speaking_time_estimated {
            " (estimated at 150 words per minute where there are no timestamps)"
        } else {
            ""
        }
    );
    for check in &delivery.checks {
        let mark = if check.within { "✓" } else { "✗" };
        let _ = write!(
            out,
            "  {mark} {} {:.1} ({})",
            check.metric, check.value, check.target
        );
        if let Some(note) = &check.note {
            let _ = write!(out, " — {note}");
        }
        out.push('\n');
    }
    let top = |rate: &crate::analysis::delivery::Rate| {
        rate.top
            .iter()
            .map(|(phrase, n)| format!("{phrase} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if delivery.pace_wpm.is_none() {
        out.push_str("  pace not measured: no timestamps\n");
    }
    let _ = writeln!(
        out,
        "  fillers {} ({:.1} per 100 words, {:.1} per minute){}",
        delivery.fillers.count,
        delivery.fillers.per_100_words,
        delivery.fillers.per_minute,
        if delivery.fillers.count > 0 {
            format!(": {}", top(&delivery.fillers))
        } else {
            String::new()
        }
    );
    let _ = writeln!(
        out,
        "  hedges {} ({:.1} per 100 words){}",
        delivery.hedges.count,
        delivery.hedges.per_100_words,
        if delivery.hedges.count > 0 {
            format!(": {}", top(&delivery.hedges))
        } else {
            String::new()
        }
    );
    match &delivery.pauses {
        None => out.push_str("  pauses not measured: the cues have no end times\n"),
        Some(pauses) if pauses.is_empty() => out.push_str("  no pause over 3 s between cues\n"),
        Some(pauses) => {
            let _ = writeln!(out, "  {} pause(s) over 3 s:", pauses.len());
            for pause in pauses {
                let _ = writeln!(
                    out,
                    "    line {:>4}  {:.1} s ({} → {})",
                    pause.line, pause.seconds, pause.before, pause.after
                );
            }
        }
    }
    let shares: Vec<String> = delivery
        .talk_share
        .iter()
        .map(|s| format!("{} {:.1}% ({} words)", s.speaker, s.share, s.words))
        .collect();
    let _ = writeln!(out, "  talk share: {}", shares.join(", "));
    let _ = write!(
        out,
        "  {} turn(s), {:.1} words per turn",
        delivery.turns.len(),
        delivery.words_per_turn
    );
    if let Some(longest) = &delivery.longest_monologue {
        let _ = write!(
            out,
            "; longest at line {} ({} words, {})",
            longest.line,
            longest.words,
            clock(longest.seconds)
        );
    }
    out.push('\n');
    let paces: Vec<String> = delivery
        .turns
        .iter()
        .map(|t| {
            format!(
                "line {} {:.0}{}",
                t.line,
                t.wpm,
                if t.estimated { "*" } else { "" }
            )
        })
        .collect();
    let legend = if delivery.turns.iter().any(|t| t.estimated) {
        " (* estimated)"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "  pace per turn, words per minute{legend}: {}",
        paces.join(", ")
    );
    out
}

/// One quoted sentence: its line:column right-aligned in `width`, the quote, and `after`.
pub(crate) fn quote_line(
    indent: &str,
    width: usize,
    evidence: &crate::scoring::Evidence,
    after: &str,
) -> String {
    let at = format!("{}:{}", evidence.line, evidence.column);
    format!("{indent}{at:>width$}  \"{}\"{after}\n", evidence.quote)
}
