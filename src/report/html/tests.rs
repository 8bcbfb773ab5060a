//! The page's colours against WCAG AA, its marks and ids, and the cohort page's streaming.

use super::{HtmlBatch, STYLE, render};
use crate::report::BatchRenderer;
use crate::rubric::builtin::load_builtin;

/// The `#rrggbb` value of `property` in the rule for `selector` in the style sheet.
fn colour(selector: &str, property: &str) -> [f64; 3] {
    let rule = STYLE
        .find(&format!("\n{selector} {{"))
        .unwrap_or_else(|| panic!("no rule {selector}"));
    let body = &STYLE[rule..rule + STYLE[rule..].find('}').unwrap()];
    let at = body
        .find(&format!("{property}:"))
        .unwrap_or_else(|| panic!("{selector} has no {property}"));
    let hex = body[at..].split('#').nth(1).unwrap();
    let channel = |i: usize| f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap());
    [channel(0), channel(2), channel(4)]
}

/// WCAG 2 contrast ratio of two colours.
fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let luminance = |c: [f64; 3]| {
        let linear = |v: f64| {
            let v = v / 255.0;
            if v <= 0.03928 { v / 12.92 } else { ((v + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2])
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

const WHITE: [f64; 3] = [255.0, 255.0, 255.0];

#[test]
fn text_colours_meet_wcag_aa_and_graphics_three_to_one() {
    let root = |p| colour(":root", p);
    let text = root("--text");
    let mut pairs = vec![
        ("text on white", text, WHITE),
        ("text on the page", text, root("--page")),
        ("muted on white", root("--muted"), WHITE),
        ("muted on the page", root("--muted"), root("--page")),
        ("links", root("--accent"), WHITE),
        ("gains and ✓", root("--good"), WHITE),
        ("penalties and ✗", root("--bad"), WHITE),
        ("band", colour(".band", "color"), colour(".band", "background")),
        ("review band", colour(".band.review", "color"), colour(".band.review", "background")),
        ("tooltip", colour(".tip", "color"), colour(".tip", "background")),
    ];
    for step in 0..5 {
        let class = format!(".h{step}");
        pairs.push(("heat cell", colour(&class, "color"), colour(&class, "background")));
    }
    for i in 0..super::COLOURS {
        pairs.push(("marked text", text, colour(&format!(".c{i}"), "--tint")));
    }
    for (what, fg, bg) in pairs {
        let ratio = contrast(fg, bg);
        assert!(ratio >= 4.5, "{what}: {fg:?} on {bg:?} is {ratio:.2}:1");
    }
    let mut graphics: Vec<[f64; 3]> = (0..super::COLOURS)
        .map(|i| colour(&format!(".c{i}"), "--ink"))
        .collect();
    graphics.push(colour(".fill.talk-other", "fill"));
    for ink in graphics {
        let ratio = contrast(ink, WHITE);
        assert!(ratio >= 3.0, "bar {ink:?} on white is {ratio:.2}:1");
    }
}

#[test]
fn a_sentence_that_earns_for_two_criteria_is_one_mark_naming_both() {
    let rubric = load_builtin("product-pitch").unwrap();
    let text = "Members on the mobile plan in India struggle to stream on the train, and 40% \
        of them churn by month three, while YouTube is free on their phones.";
    let grade = crate::grade_text(text, &rubric);
    let page = render(&grade);
    assert_eq!(page.matches("<mark ").count(), 1, "{page}");
    let tip = &page[page.find("role=\"tooltip\"").unwrap()..];
    let tip = &tip[..tip.find("</mark>").unwrap()];
    assert!(tip.matches("class=\"credit\"").count() >= 2, "{tip}");
    assert!(tip.contains("A real problem for named members · problem"), "{tip}");
}

#[test]
fn a_grade_without_its_text_says_so() {
    let rubric = load_builtin("product-pitch").unwrap();
    let mut grade = crate::grade_text("Members churn in month three. We fix it.", &rubric);
    grade.source = None;
    let page = render(&grade);
    assert!(page.contains("The answer's text was not kept"));
    assert!(!page.contains("<mark"));
}

#[test]
fn the_cohort_page_streams_each_file_then_the_summary() {
    let mut batch = HtmlBatch::default();
    assert!(batch.needs_source() && batch.needs_rows());
    let page = super::super::sample::render(&mut batch);
    let files = page.matches("<section class=\"file\"").count();
    assert_eq!(files, 3, "the good, the weak and the unreadable file");
    assert!(page.contains("Not graded: answers/latin1.md:2:9"));
    assert!(page.contains("<td class=\"muted\" colspan=\"8\">not graded"));
    // The weak answer broke the bound and is listed with it, linked to its section.
    assert!(page.contains("<a href=\"#f2\">answers/weak.md</a>: flag too-short; score 0.0 is below"));
    assert!(page.find("<section class=\"summary\"") > page.find("id=\"f3\""));
}
