//! Text for `grade compare`: the score before and after, each criterion that moved with the
//! evidence gained and lost, and the mistakes and flags that came or went.

use super::text::quote_line;
use crate::compare::Comparison;
use std::fmt::Write;

/// What a rewrite changed, for people: the scores, then evidence gained and lost, mistakes and flags.
pub fn render(c: &Comparison) -> String {
    let mut out = String::new();
    let name = |f: &Option<String>, fallback: &str| {
        crate::text::escape::line(f.as_deref().unwrap_or(fallback)).into_owned()
    };
    let verdict = if c.change > 0.0 {
        "better"
    } else if c.change < 0.0 {
        "worse"
    } else {
        "no change in score"
    };
    let _ = writeln!(
        out,
        "{} → {}  ({})",
        name(&c.before.file, "before"),
        name(&c.after.file, "after"),
        c.rubric
    );
    let _ = writeln!(
        out,
        "score {:.1} {} → {:.1} {}  ({:+.1}, {verdict}); words {} → {}\n",
        c.before.score,
        c.before.band,
        c.after.score,
        c.after.band,
        c.change,
        c.before.words,
        c.after.words
    );
    for criterion in &c.criteria {
        let moved = criterion.after != criterion.before;
        if !moved && criterion.gained.is_empty() && criterion.lost.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "{}  {:.1} → {:.1} of {:.0}  [{}]",
            criterion.name, criterion.before, criterion.after, criterion.max, criterion.id
        );
        for e in &criterion.gained {
            out.push_str(&quote_line("  + ", 5, e, ""));
        }
        for e in &criterion.lost {
            out.push_str(&quote_line("  − ", 5, e, ""));
        }
    }
    let lists = [
        ("mistakes fixed", &c.mistakes_fixed),
        ("mistakes introduced", &c.mistakes_introduced),
        ("flags cleared", &c.flags_cleared),
        ("flags raised", &c.flags_raised),
    ];
    let mut any = false;
    for (label, ids) in lists {
        if !ids.is_empty() {
            if !any {
                out.push('\n');
                any = true;
            }
            let _ = writeln!(out, "{label}: {}", ids.join(", "));
        }
    }
    if c.criteria
        .iter()
        .all(|x| x.after == x.before && x.gained.is_empty() && x.lost.is_empty())
        && !any
    {
        let _ = writeln!(out, "No criterion, mistake or flag changed.");
    }
    out
}
