//! One answer's report as page sections: the header with score and band, the answer with
//! its marks beside the criteria bars and next steps, then what is missing, the mistakes
//! and flags, the evidence by criterion, what was not counted, the delivery of a
//! transcript and the answer's statistics. The cohort page reuses it for each file.

use super::answer::{self, Highlights};
use super::{COLOURS, Ids, heading, number, svg};
use crate::scoring::{CriterionGrade, Evidence, Grade};
use maud::{Markup, html};

/// The report of `grade`, its title a heading of `level`.
pub(super) fn report(grade: &Grade, ids: &Ids, level: u8) -> Markup {
    let highlights = Highlights::of(grade);
    let sub = level + 1;
    let part = |id: &str, title: &str, body: Markup| {
        let heading_id = ids.id(id);
        html! {
            section.part aria-labelledby=(heading_id) {
                (heading(sub, Some(heading_id.clone()), html! { (title) }))
                (body)
            }
        }
    };
    html! {
        (header(grade, level))
        div.layout {
            (part("answer", "The answer", html! {
                (legend(grade, &highlights))
                (answer::answer(grade, &highlights, ids))
            }))
            div.side {
                (part("criteria", "Criteria", criteria_table(grade)))
                @if !grade.next_steps.is_empty() {
                    (part("next", "Next steps", next_steps(grade)))
                }
            }
        }
        @if grade.criteria.iter().any(|c| c.advice.is_some()) {
            (part("missing", "What is missing", missing(grade)))
        }
        @if !grade.mistakes.is_empty() || !grade.flags.is_empty() {
            (part("mistakes", "Mistakes and flags", mistakes(grade, &highlights, ids)))
        }
        (part("evidence", "Evidence by criterion", evidence(grade, &highlights, ids, sub + 1)))
        @if !grade.discounted.is_empty() {
            (part("discounted", "Not counted", discounted(grade, &highlights, ids)))
        }
        @if let Some(delivery) = &grade.delivery {
            (part("delivery", "Delivery", super::delivery::panel(delivery)))
        }
        (stats(grade))
    }
}

/// The file, rubric, question, how the rubric was picked, the transcript, warnings, and the
/// score with its band.
fn header(grade: &Grade, level: u8) -> Markup {
    let file = grade.file.as_deref().unwrap_or("answer");
    let band_class = if grade.flags.is_empty() { "band" } else { "band review" };
    html! {
        header.report-head {
            div.title {
                (heading(level, None, html! { (file) }))
                p.rubric { (grade.rubric.title) " " span.muted { "(" (grade.rubric.id) ", version " (grade.rubric.version) ")" } }
                @if let Some(selected) = &grade.selected {
                    p.muted { "Rubric picked from the " (selected.source) " (matched: " (selected.words.join(", ")) ")" }
                }
                @if let Some(question) = &grade.question {
                    p.question { span.muted { "Question: " } (question) }
                }
                @if let Some(t) = &grade.transcript {
                    p.muted { (t.form.name()) " transcript; graded: " (t.speaker) " (" (t.chosen_by) "); speakers: " (t.speakers.join(", ")) "; " (t.turns) " turns" }
                }
                @for warning in &grade.warnings {
                    p.warning { "Warning, line " (warning.line) ": " (warning.message) }
                }
            }
            div.score-card {
                p.score { span.value { (format!("{:.1}", grade.score)) } span.of { "/100" } }
                p class=(band_class) { (grade.band) }
                @if grade.penalties > 0.0 {
                    p.muted { (format!("{:.1}", grade.points)) " from criteria, −" (format!("{:.1}", grade.penalties)) " for mistakes" }
                }
                @if grade.repetition_factor < 1.0 {
                    p.muted { "× " (format!("{:.2}", grade.repetition_factor)) ": most sentences repeat earlier ones" }
                }
            }
        }
    }
}

/// What each colour in the answer means, and how many sentences are marked.
fn legend(grade: &Grade, highlights: &Highlights) -> Markup {
    html! {
        p.legend {
            (highlights.len()) (if highlights.len() == 1 { " sentence" } else { " sentences" })
            " earned points; hover over or tab to one to see what it showed. "
            @for (i, criterion) in grade.criteria.iter().enumerate().filter(|(_, c)| c.left_out.is_none()) {
                span.key { span class=(format!("sw c{}", i % COLOURS)) {} (criterion.name) }
                " "
            }
        }
    }
}

/// One row and one bar per criterion.
fn criteria_table(grade: &Grade) -> Markup {
    html! {
        table.criteria {
            thead { tr { th scope="col" { "Criterion" } th scope="col" { "Points" } th scope="col" { "Share of max" } } }
            tbody {
                @for (i, c) in grade.criteria.iter().enumerate() {
                    tr {
                        th scope="row" { span class=(format!("sw c{}", i % COLOURS)) {} (c.name) }
                        @if let Some(reason) = &c.left_out {
                            td colspan="2" .muted { "not scored: " (reason) }
                        } @else {
                            td.num { (number(c.score)) " / " (number(c.max)) }
                            td { (svg::bar(c.fraction(), &format!("c{}", i % COLOURS), &format!("{:.0}% of max", 100.0 * c.fraction()))) }
                        }
                    }
                }
            }
        }
    }
}

/// The next steps, numbered, with what each would gain.
fn next_steps(grade: &Grade) -> Markup {
    html! {
        ol.steps {
            @for step in &grade.next_steps {
                li { span.gain { "+" (format!("{:.1}", step.gain)) } " " (step.action) }
            }
        }
    }
}

/// Each criterion short of its max: its advice and the signals still missing.
fn missing(grade: &Grade) -> Markup {
    html! {
        ul.missing {
            @for (i, c) in grade.criteria.iter().enumerate() {
                @if let Some(advice) = &c.advice {
                    li {
                        strong { span class=(format!("sw c{}", i % COLOURS)) {} (c.name) } ": " (advice)
                        // A signal whose line is the advice itself is not said twice.
                        @let short: Vec<_> = c.signals.iter()
                            .filter(|s| s.earned < s.max_points && s.missing.as_deref() != Some(advice.as_str()))
                            .collect();
                        @if !short.is_empty() {
                            ul {
                                @for s in short {
                                    li { code { (s.id) } " " span.muted { (number(s.earned)) "/" (number(s.max_points)) } " — " (s.missing.as_deref().unwrap_or("")) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The mistakes with what they cost, how to fix them and the sentences that said them,
/// then the flags with the sentences that raised them.
fn mistakes(grade: &Grade, highlights: &Highlights, ids: &Ids) -> Markup {
    html! {
        ul.mistakes {
            @for m in &grade.mistakes {
                li {
                    strong { (m.id) } " " span.penalty { "−" (format!("{:.1}", m.penalty)) } ": " (m.message)
                    @if let Some(advice) = &m.advice { br; span.muted { "Fix: " } (advice) }
                    @if !m.said_in.is_empty() {
                        ul.quotes { @for e in &m.said_in { li { (quote(grade, e, highlights, ids)) } } }
                    }
                }
            }
            @for flag in &grade.flags {
                li.flag {
                    strong { "Flag: " (flag.id) } ": " (flag.message)
                    @if !flag.evidence.is_empty() {
                        ul.quotes { @for e in &flag.evidence { li { (quote(grade, e, highlights, ids)) } } }
                    }
                }
            }
        }
    }
}

/// Each criterion's signals with their points, notes and quoted sentences.
fn evidence(grade: &Grade, highlights: &Highlights, ids: &Ids, level: u8) -> Markup {
    html! {
        @for (i, c) in grade.criteria.iter().enumerate() {
            (criterion(grade, i, c, highlights, ids, level))
        }
    }
}

/// One criterion's signals, each with its evidence linked to its mark in the answer.
fn criterion(
    grade: &Grade,
    i: usize,
    c: &CriterionGrade,
    highlights: &Highlights,
    ids: &Ids,
    level: u8,
) -> Markup {
    html! {
        div.criterion {
            (heading(level, None, html! {
                span class=(format!("sw c{}", i % COLOURS)) {} (c.name) " "
                span.muted { (number(c.score)) " / " (number(c.max)) " · weight " (number(c.weight)) }
            }))
            @if let Some(reason) = &c.left_out {
                p.muted { (reason) }
            }
            @if !c.signals.is_empty() { ul.signals {
                @for s in &c.signals {
                    li {
                        span class=(if s.earned > 0.0 { "ok" } else { "no" }) { (if s.earned > 0.0 { "✓" } else { "✗" }) }
                        " " code { (s.id) } " " span.muted { (number(s.earned)) "/" (number(s.max_points)) }
                        @if let Some(note) = &s.note { " " span.muted { "(" (note) ")" } }
                        @if !s.evidence.is_empty() {
                            ul.quotes { @for e in &s.evidence { li { (quote(grade, e, highlights, ids)) } } }
                        }
                    }
                }
            } }
        }
    }
}

/// A quoted sentence with its line:column, linked to its mark when it has one.
fn quote(grade: &Grade, e: &Evidence, highlights: &Highlights, ids: &Ids) -> Markup {
    let position = format!("{}:{}", e.line, e.column);
    html! {
        @if let Some(n) = highlights.number_of(grade, e) {
            a.pos href=(format!("#{}", ids.id(&format!("s{n}")))) { (position) }
        } @else {
            span.pos { (position) }
        }
        " " q { (e.quote) }
    }
}

/// The sentences with rubric words that earned nothing, and why.
fn discounted(grade: &Grade, highlights: &Highlights, ids: &Ids) -> Markup {
    html! {
        ul.quotes {
            @for d in &grade.discounted {
                li { (quote(grade, &d.evidence, highlights, ids)) " — " span.muted { (d.reason) } }
            }
        }
    }
}

/// The answer's statistics.
fn stats(grade: &Grade) -> Markup {
    let s = &grade.stats;
    html! {
        p.stats {
            "Words " (s.words) ", sentences " (s.sentences) ", numbers " (s.quantities)
            ", fillers " (s.fillers) ", hedges " (s.hedges) "; reading ease "
            (format!("{:.1}", s.flesch_reading_ease)) ", grade level " (format!("{:.1}", s.flesch_kincaid_grade))
        }
    }
}
