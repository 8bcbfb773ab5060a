//! A graded document as diagnostics: the summary on the first line (score, band, the
//! weakest criterion); each named mistake as a Warning on the sentence that makes it (the
//! first line for an absence), with its advice; each flag as a Warning on its evidence;
//! the missing signals of the highest-weighted criteria as Information on the first line;
//! optionally each evidence sentence as a Hint. Codes are the mistake, flag and signal
//! ids; `codeDescription` links into grade's docs (see [`Links`]).

use super::documents::file_url;
use super::grading::{Graded, Outcome};
use super::position::Lines;
use super::settings::Settings;
use crate::report::missing_high_weight;
use crate::scoring::Evidence;
use lsp_types::{CodeDescription, Diagnostic, DiagnosticSeverity, NumberOrString, Range, Uri};

/// Every diagnostic's `source`.
pub const SOURCE: &str = "grade";

/// Where each code's `codeDescription` points, under the settings' `docsUrl`: flags to
/// the README's flag table, the summary to how a score is computed, mistakes and signals to
/// their rubric (a built-in one's `rubrics/<id>.toml`, or the rubric file itself).
pub struct Links<'a> {
    base: &'a str,
    rubric: String,
}

impl<'a> Links<'a> {
    fn new(base: &'a str, graded: Option<&Graded>) -> Self {
        let base = base.trim_end_matches('/');
        let rubric = match graded {
            Some(g) => match &g.rubric_file {
                Some(file) => file_url(file),
                None => format!("{base}/rubrics/{}.toml", g.grade.rubric.id),
            },
            None => format!("{base}/docs/editors.md#choosing-a-rubric"),
        };
        Links { base, rubric }
    }

    fn href(&self, url: &str) -> Option<CodeDescription> {
        url.parse::<Uri>().ok().map(|href| CodeDescription { href })
    }

    fn readme(&self, anchor: &str) -> Option<CodeDescription> {
        self.href(&format!("{}/README.md#{anchor}", self.base))
    }

    fn rubric(&self) -> Option<CodeDescription> {
        self.href(&self.rubric)
    }
}

/// Everything to publish for one graded (or ungraded) document.
pub fn diagnostics(text: &str, outcome: &Outcome, settings: &Settings) -> Vec<Diagnostic> {
    let graded = outcome.graded.as_deref();
    let links = Links::new(&settings.docs_url, graded);
    let mut out: Vec<Diagnostic> = outcome
        .notes
        .iter()
        .map(|note| {
            let range = line_range(&outcome.lines, text, note.line);
            let mut d = diagnostic(range, note.severity, note.code, note.message.clone());
            d.code_description = match note.code {
                "no-rubric" | "rubric-refused" => {
                    links.href(&format!("{}/docs/editors.md#choosing-a-rubric", links.base))
                }
                _ => None,
            };
            d
        })
        .collect();
    if let Some(graded) = graded {
        Builder {
            graded,
            lines: &outcome.lines,
            links: &links,
            settings,
            out: &mut out,
        }
        .build();
    }
    out
}

/// The whole of a zero-based line.
fn line_range(lines: &Lines, text: &str, line: u32) -> Range {
    let start = lines.offset(text, lsp_types::Position::new(line, 0));
    let end = text[start..]
        .find(['\r', '\n'])
        .map_or(text.len(), |i| start + i);
    lines.range(text, start, end)
}

fn diagnostic(
    range: Range,
    severity: DiagnosticSeverity,
    code: &str,
    message: String,
) -> Diagnostic {
    Diagnostic {
        range,
        severity: Some(severity),
        code: Some(NumberOrString::String(code.to_owned())),
        source: Some(SOURCE.to_owned()),
        message,
        ..Diagnostic::default()
    }
}

struct Builder<'a> {
    graded: &'a Graded,
    lines: &'a Lines,
    links: &'a Links<'a>,
    settings: &'a Settings,
    out: &'a mut Vec<Diagnostic>,
}

impl Builder<'_> {
    fn build(self) {
        let s = self.settings;
        let mut this = self;
        if s.summary {
            this.summary();
        }
        if s.mistakes {
            this.mistakes();
        }
        if s.flags {
            this.flags();
        }
        if s.missing_signals {
            this.missing();
        }
        if s.evidence_hints {
            this.hints();
        }
    }

    fn text(&self) -> &str {
        &self.graded.document.text
    }

    fn first_line(&self) -> Range {
        self.lines.first_line(self.text())
    }

    /// The range of the sentence an evidence quote starts, or its first line.
    fn sentence(&self, evidence: &Evidence) -> Range {
        let document = &self.graded.document;
        let offset = document
            .line_index
            .offset(&document.text, evidence.line, evidence.column);
        match self.graded.analysis.sentence_at(offset) {
            Some(i) => {
                let span = self.graded.analysis.sentences[i].span;
                self.lines.range(self.text(), span.start, span.end)
            }
            None => self.lines.range(self.text(), offset, offset),
        }
    }

    fn summary(&mut self) {
        let grade = &self.graded.grade;
        let weakest = grade
            .criteria
            .iter()
            .filter(|c| c.left_out.is_none())
            .min_by(|a, b| a.fraction().total_cmp(&b.fraction()));
        let weakest = weakest.map_or(String::new(), |c| {
            format!(
                "; weakest: {} {}/{}",
                c.name,
                number(c.score),
                number(c.max)
            )
        });
        let from = match &grade.selected {
            Some(selected) => format!("auto, on “{}”", selected.words.join("”, “")),
            None => self.graded.choice.origin.describe(),
        };
        let message = format!(
            "{:.1}/100 {} under {} (from {from}){weakest}",
            grade.score, grade.band, grade.rubric.id
        );
        let mut d = diagnostic(
            self.first_line(),
            DiagnosticSeverity::INFORMATION,
            "score",
            message,
        );
        d.code_description = self.links.readme("how-a-score-is-computed");
        self.out.push(d);
    }

    fn mistakes(&mut self) {
        for mistake in &self.graded.grade.mistakes {
            let advice = mistake
                .advice
                .as_deref()
                .map_or(String::new(), |a| format!(" {a}"));
            let said = mistake.message.trim_end_matches('.');
            let message = format!("{said} (−{} points).{advice}", number(mistake.penalty));
            let ranges: Vec<Range> = match mistake.said_in.is_empty() {
                true => vec![self.first_line()],
                false => mistake.said_in.iter().map(|e| self.sentence(e)).collect(),
            };
            for range in ranges {
                let mut d = diagnostic(
                    range,
                    DiagnosticSeverity::WARNING,
                    &mistake.id,
                    message.clone(),
                );
                d.code_description = self.links.rubric();
                self.out.push(d);
            }
        }
    }

    fn flags(&mut self) {
        for flag in &self.graded.grade.flags {
            let message = format!("{} — the band is “Needs review”", flag.message);
            let ranges: Vec<Range> = match flag.evidence.is_empty() {
                true => vec![self.first_line()],
                false => flag
                    .evidence
                    .iter()
                    .take(5)
                    .map(|e| self.sentence(e))
                    .collect(),
            };
            for range in ranges {
                let mut d =
                    diagnostic(range, DiagnosticSeverity::WARNING, flag.id, message.clone());
                d.code_description = self.links.readme("flags-what-a-heuristic-cannot-judge");
                self.out.push(d);
            }
        }
    }

    fn missing(&mut self) {
        let range = self.first_line();
        let missing: Vec<_> = missing_high_weight(&self.graded.grade)
            .map(|(c, s, m)| (c.name.clone(), s.id.clone(), m.to_owned()))
            .collect();
        for (criterion, signal, advice) in missing {
            let message = format!("{criterion} — {advice}");
            let mut d = diagnostic(range, DiagnosticSeverity::INFORMATION, &signal, message);
            d.code_description = self.links.rubric();
            self.out.push(d);
        }
    }

    fn hints(&mut self) {
        let grade = &self.graded.grade;
        for criterion in grade.criteria.iter().filter(|c| c.left_out.is_none()) {
            for signal in &criterion.signals {
                for evidence in &signal.evidence {
                    let mut message = format!("earns {} ({})", criterion.name, signal.id);
                    if !evidence.matched.is_empty() {
                        message = format!("{message}: {}", evidence.matched.join(", "));
                    }
                    let range = self.sentence(evidence);
                    let mut d = diagnostic(range, DiagnosticSeverity::HINT, &signal.id, message);
                    d.code_description = self.links.rubric();
                    self.out.push(d);
                }
            }
        }
    }
}

/// A number as short as it reads: `2`, `1.5`.
pub fn number(x: f64) -> String {
    format!("{}", (x * 100.0).round() / 100.0 + 0.0)
}
