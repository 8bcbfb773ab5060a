//! `grade analyze` for people: the answer's facts, its structure, the delivery section of
//! a transcript, and the table of metrics a rubric's `metric` signal can bound.

use super::text::{top_phrases, transcript_turns};
use crate::analysis::summary::Summary;
use crate::text::escape::line as esc;
use std::fmt::Write;

/// Renders the analysis of one answer for people.
pub fn render(summary: &Summary) -> String {
    let mut out = String::new();
    let file = summary.file.as_deref().unwrap_or("answer");
    let _ = writeln!(out, "{}  ({})", esc(file), summary.form.name());
    if let Some(t) = &summary.transcript {
        let _ = writeln!(out, "{}", transcript_turns(t, ";"));
    }
    for warning in &summary.warnings {
        let _ = writeln!(
            out,
            "warning: line {}: {}",
            warning.line,
            esc(&warning.message)
        );
    }
    let _ = writeln!(
        out,
        "\nwords {}, sentences {} ({} repeated), {:.1} words per sentence (longest {})",
        summary.words,
        summary.sentences,
        summary.repeated_sentences,
        summary.average_sentence_words,
        summary.longest_sentence_words
    );
    let _ = writeln!(
        out,
        "reading ease {:.1}, grade level {:.1}",
        summary.flesch_reading_ease, summary.flesch_kincaid_grade
    );
    let s = &summary.structure;
    let _ = write!(
        out,
        "structure: {} heading(s), {} list item(s), {} paragraph(s)",
        s.headings.len(),
        s.list_items,
        s.paragraphs
    );
    if !s.headings.is_empty() {
        let _ = write!(out, " — {}", esc(&s.headings.join(" / ")));
    }
    out.push('\n');
    for (name, counted) in [("fillers", &summary.fillers), ("hedges", &summary.hedges)] {
        let _ = write!(
            out,
            "{name} {} ({:.1} per 100 words)",
            counted.count, counted.per_100_words
        );
        if !counted.top.is_empty() {
            let _ = write!(out, ": {}", top_phrases(&counted.top));
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "\nNumbers and quantities ({})",
        summary.quantities.len()
    );
    for q in &summary.quantities {
        let _ = writeln!(
            out,
            "  {:>6}  {:<10} {}",
            format!("{}:{}", q.line, q.column),
            q.kind.name(),
            esc(&q.text)
        );
    }
    if let Some(delivery) = &summary.delivery {
        let _ = writeln!(out, "\nDelivery");
        out.push_str(&super::text::render_delivery(delivery));
    }
    let _ = writeln!(out, "\nMetrics (for a rubric's `metric` signal)");
    for m in &summary.metrics {
        let value = m
            .value
            .map_or_else(|| "not measured".to_owned(), |v| format!("{v:.2}"));
        let _ = writeln!(out, "  {:<27} {:>18}  {}", m.name, value, m.description);
    }
    out
}
