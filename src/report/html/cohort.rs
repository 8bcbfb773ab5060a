//! The coach's cohort page, written as the batch runs: the page's head first, then each
//! file's own report as it is graded (so no report is kept), then the cohort summary,
//! which the style sheet shows first (`order` in a flex column) without any script. The
//! renderer keeps only the summary's small rows and, per flagged file, its flag ids.

use super::{Ids, head, page, svg};
use crate::cohort::{FileReport, Row, Summary};
use crate::report::BatchRenderer;
use maud::{Markup, html};

/// The cohort page as a batch renderer.
#[derive(Default)]
pub struct HtmlBatch {
    /// Files written so far: the next file's number.
    files: usize,
    /// Files with flags or broken bounds, for the summary's list.
    flagged: Vec<Flagged>,
}

/// What the summary lists of a flagged file.
struct Flagged {
    number: usize,
    file: String,
    why: Vec<String>,
}

impl BatchRenderer for HtmlBatch {
    fn begin(&mut self) -> String {
        let top = html! {
            header.top {
                h1 { "Cohort report" }
                p { a href="#summary" { "Go to the cohort summary" } " · " a href="#files" { "Go to each answer's report" } }
            }
        };
        format!(
            "{}<body>{}<main class=\"stack\"><h2 id=\"files\" class=\"files-h\">Each answer's report</h2>",
            head("cohort report").into_string(),
            top.into_string()
        )
    }

    fn file(&mut self, report: &FileReport) -> String {
        self.files += 1;
        let n = self.files;
        let ids = Ids::file(n);
        let mut why: Vec<String> = report.violations.iter().map(|v| v.to_string()).collect();
        if let Ok(grade) = report.outcome {
            why.splice(0..0, grade.flags.iter().map(|f| format!("flag {}", f.id)));
        }
        if !why.is_empty() {
            self.flagged.push(Flagged {
                number: n,
                file: report.name.to_owned(),
                why,
            });
        }
        let section = html! {
            section.file id=(format!("f{n}")) {
                @match report.outcome {
                    Ok(grade) => (page::report(grade, &ids, 3)),
                    Err(error) => {
                        h3 { (report.name) }
                        p.warning { "Not graded: " (error.describe(report.name)) }
                    }
                }
                p.back { a href="#summary" { "Back to the cohort summary" } }
            }
        };
        section.into_string()
    }

    fn finish(&mut self, summary: &Summary) -> String {
        let page = html! {
            section.summary id="summary" aria-labelledby="summary-h" {
                h2 #summary-h { "Cohort summary" }
                (figures(summary))
                div.charts {
                    figure { h3 { "Scores" } (svg::histogram(&histogram(&summary.rows))) figcaption { "Files per ten points of score." } }
                    figure { h3 { "Files per band" } (bands(summary)) }
                    figure { h3 { "Criterion means, weakest first" } (means(summary)) }
                }
                h3 { "Flagged answers" }
                (flagged(&self.flagged))
                h3 { "Files × criteria (share of max), weakest criterion first" }
                (heat_map(summary))
            }
        };
        // Appended in place: the summary of a large batch is megabytes, not copied again.
        let mut out = page.into_string();
        out.push_str("</main></body></html>\n");
        out
    }

    fn needs_source(&self) -> bool {
        true
    }
}

/// Count, graded, failed, out of bounds, and the score's mean, median, min and max.
fn figures(summary: &Summary) -> Markup {
    let c = &summary.cohort;
    html! {
        p.figures {
            strong { (c.files) } " files: " (c.graded) " graded, " (c.failed) " could not be graded, "
            (c.out_of_bounds) " out of bounds."
            @if let Some(s) = &c.score {
                " Score mean " strong { (format!("{:.1}", s.mean)) } ", median " (format!("{:.1}", s.median))
                ", min " (format!("{:.1}", s.min)) ", max " (format!("{:.1}", s.max)) "."
            }
        }
    }
}

/// Files per tenth of the score range.
fn histogram(rows: &[Row]) -> [usize; 10] {
    let mut counts = [0; 10];
    for score in rows.iter().filter_map(|r| r.score) {
        counts[((score / 10.0) as usize).min(9)] += 1;
    }
    counts
}

/// Files per band, as bars.
fn bands(summary: &Summary) -> Markup {
    let c = &summary.cohort;
    let items: Vec<_> = c
        .bands
        .iter()
        .map(|b| {
            let files = b.files as f64;
            let class = if b.band == crate::scoring::NEEDS_REVIEW { "review" } else { "accent" };
            (b.band.clone(), files, c.graded as f64, b.files.to_string(), class.to_owned())
        })
        .collect();
    let aria: Vec<String> = c.bands.iter().map(|b| format!("{} {}", b.band, b.files)).collect();
    svg::bars(&items, &format!("Files per band: {}", aria.join(", ")))
}

/// Each criterion's mean share of its max, weakest first.
fn means(summary: &Summary) -> Markup {
    let several = several_rubrics(summary);
    let items: Vec<_> = summary
        .cohort
        .criteria
        .iter()
        .map(|c| {
            let text = format!("{}/{}", super::number(c.mean), super::number(c.max));
            (criterion_label(&c.name, &c.rubric, several), c.mean, c.max, text, "accent".to_owned())
        })
        .collect();
    let aria: Vec<String> = summary
        .cohort
        .criteria
        .iter()
        .map(|c| format!("{} {:.0}%", c.name, 100.0 * c.share))
        .collect();
    svg::bars(&items, &format!("Mean share of max: {}", aria.join(", ")))
}

/// Whether the batch mixes rubrics, so that criteria are named with theirs.
fn several_rubrics(summary: &Summary) -> bool {
    let criteria = &summary.cohort.criteria;
    criteria.iter().any(|c| c.rubric != criteria[0].rubric)
}

/// A criterion's name, with its rubric when the batch has several.
fn criterion_label(name: &str, rubric: &str, several: bool) -> String {
    if several { format!("{name} ({rubric})") } else { name.to_owned() }
}

/// The flagged files, linked to their reports.
fn flagged(flagged: &[Flagged]) -> Markup {
    html! {
        @if flagged.is_empty() {
            p.muted { "No answer raised a flag or broke a bound." }
        } @else {
            ul.flagged {
                @for f in flagged {
                    li { a href=(format!("#f{}", f.number)) { (f.file) } ": " (f.why.join("; ")) }
                }
            }
        }
    }
}

/// A row per file, a column per criterion (weakest first), each cell its share of max.
fn heat_map(summary: &Summary) -> Markup {
    let criteria = &summary.cohort.criteria;
    let several = several_rubrics(summary);
    html! {
        div.scroll {
            table.heat {
                thead {
                    tr {
                        th scope="col" { "File" } th scope="col" { "Score" } th scope="col" { "Band" }
                        @for c in criteria { th scope="col" { (criterion_label(&c.name, &c.rubric, several)) } }
                    }
                }
                tbody {
                    @for (i, row) in summary.rows.iter().enumerate() {
                        tr {
                            th scope="row" { a href=(format!("#f{}", i + 1)) { (row.file) } }
                            @match (row.score, &row.error) {
                                (Some(score), _) => {
                                    td.num { (format!("{score:.1}")) }
                                    td { (row.band.as_deref().unwrap_or("")) }
                                    @for c in criteria { (cell(row, &c.rubric, &c.id)) }
                                }
                                (None, error) => {
                                    td colspan=(criteria.len() + 2) .muted {
                                        "not graded: " (error.as_ref().map_or("", |e| e.message.as_str()))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One heat cell: the row's share of the criterion's max, shaded in five steps.
fn cell(row: &Row, rubric: &str, id: &str) -> Markup {
    let found = (row.rubric.as_deref() == Some(rubric))
        .then(|| row.criteria.iter().find(|c| c.id == id))
        .flatten();
    match found {
        Some(c) if c.max > 0.0 => {
            let share = (c.score / c.max).clamp(0.0, 1.0);
            let step = ((share * 5.0) as usize).min(4);
            html! { td class=(format!("h{step}")) { (format!("{:.0}%", 100.0 * share)) } }
        }
        _ => html! { td.na { "—" } },
    }
}
