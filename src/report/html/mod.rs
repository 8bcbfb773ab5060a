//! The HTML report: one self-contained page (inline CSS, no script, no request to any
//! other host) for one answer, or the coach's cohort page for a batch. Pages are maud
//! templates, so every piece of answer and rubric text is escaped where it is written.

mod answer;
mod cohort;
mod delivery;
mod page;
mod svg;

pub use cohort::HtmlBatch;

use crate::scoring::Grade;
use maud::{DOCTYPE, Markup, PreEscaped, html};

/// The page's style sheet, inlined in every page.
const STYLE: &str = include_str!("style.css");

/// Criterion colours in the style sheet (`.c0` … `.c7`); criterion `i` takes `i % COLOURS`.
const COLOURS: usize = 8;

/// One answer's report as a whole page.
pub fn render(grade: &Grade) -> String {
    let file = grade.file.as_deref().unwrap_or("answer");
    let title = format!("{file}: {:.1} {}", grade.score, grade.band);
    let body = html! {
        main.single { (page::report(grade, &Ids::default(), 1)) }
    };
    page_of(&title, body).into_string()
}

/// A whole page around `body`.
fn page_of(title: &str, body: Markup) -> Markup {
    html! {
        (head(title))
        body { (body) }
        (PreEscaped("</html>\n"))
    }
}

/// Everything before `<body>`: the doctype, the title and the inline style sheet.
fn head(title: &str) -> Markup {
    html! {
        (DOCTYPE)
        (PreEscaped("<html lang=\"en\">"))
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { "grade — " (title) }
            style { (PreEscaped(STYLE)) }
        }
    }
}

/// Element ids of one report: unique on a cohort page, where each file's ids take its
/// number as a prefix.
#[derive(Default)]
struct Ids {
    prefix: String,
}

impl Ids {
    /// The ids of the `n`th file of a cohort page.
    fn file(n: usize) -> Ids {
        Ids {
            prefix: format!("f{n}-"),
        }
    }

    /// The page-wide id of `local`.
    fn id(&self, local: &str) -> String {
        format!("{}{local}", self.prefix)
    }
}

/// A heading of `level` (1–6; deeper is 6) holding `content`.
fn heading(level: u8, id: Option<String>, content: Markup) -> Markup {
    match level {
        1 => html! { h1 id=[id] { (content) } },
        2 => html! { h2 id=[id] { (content) } },
        3 => html! { h3 id=[id] { (content) } },
        4 => html! { h4 id=[id] { (content) } },
        5 => html! { h5 id=[id] { (content) } },
        _ => html! { h6 id=[id] { (content) } },
    }
}

/// A number as short as it reads: `2`, `1.5`, `0.33`.
fn number(x: f64) -> String {
    super::number(x)
}

#[cfg(test)]
mod tests;
