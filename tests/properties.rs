//! No input breaks it: arbitrary bytes, text, Markdown and captions are decoded, parsed and
//! graded under every built-in rubric without a panic, every score stays within its bounds,
//! and the same input always gives the same report.

use grade::document::{InputForm, ParseOptions, decode, parse_with};
use grade::rubric::builtin::{ids, load_builtin};
use grade::{CompiledRubric, Grade, analyze, score};
use proptest::prelude::*;
use std::sync::OnceLock;

fn rubrics() -> &'static Vec<CompiledRubric> {
    static RUBRICS: OnceLock<Vec<CompiledRubric>> = OnceLock::new();
    RUBRICS.get_or_init(|| ids().map(|id| load_builtin(id).unwrap()).collect())
}

fn grade(text: &str, rubric: usize, form: Option<InputForm>) -> Option<Grade> {
    let options = ParseOptions {
        form,
        speaker: None,
    };
    // A forced form that does not fit is a typed error, which is fine; a panic is not.
    let document = parse_with(text, &options).ok()?;
    let analysis = analyze(&document);
    Some(score(
        &document,
        &analysis,
        &rubrics()[rubric % rubrics().len()],
    ))
}

/// Every figure of a grade within its bounds, and the same report a second time.
fn check(text: &str, rubric: usize, form: Option<InputForm>) -> Result<(), TestCaseError> {
    let Some(first) = grade(text, rubric, form) else {
        return Ok(());
    };
    prop_assert!(
        (0.0..=100.0).contains(&first.score),
        "score {}",
        first.score
    );
    prop_assert!(
        (0.0..=100.0).contains(&first.points),
        "points {}",
        first.points
    );
    prop_assert!(first.penalties >= 0.0);
    prop_assert!((0.0..=1.0).contains(&first.repetition_factor));
    for c in &first.criteria {
        prop_assert!(
            c.score >= 0.0 && c.score <= c.max,
            "{} {}/{}",
            c.id,
            c.score,
            c.max
        );
        for s in &c.signals {
            prop_assert!(
                s.earned >= 0.0 && s.earned <= s.max_points,
                "{}.{}",
                c.id,
                s.id
            );
        }
    }
    for e in first
        .criteria
        .iter()
        .flat_map(|c| &c.signals)
        .flat_map(|s| &s.evidence)
    {
        prop_assert!(e.line >= 1 && e.column >= 1);
    }
    let second = grade(text, rubric, form).unwrap();
    prop_assert_eq!(
        serde_json::to_string(&first).unwrap(),
        serde_json::to_string(&second).unwrap()
    );
    Ok(())
}

/// A line of Markdown-ish text from the shapes the parser knows, with words that the
/// rubrics look for mixed with noise.
fn markdown_line() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "members",
        "retention",
        "churn",
        "I",
        "we",
        "decided",
        "because",
        "not",
        "never",
        "40%",
        "$2M",
        "3x",
        "two-point",
        "A/B",
        "test",
        "guardrail",
        "Netflix",
        "offer",
        "feedback",
        "latency",
        "um",
        "like,",
        "you know",
        "é",
        "—",
        "“quoted”",
        "?",
        "!",
        ".",
        "per",
        "week",
        "**bold**",
        "`code`",
        "[link](x)",
        "🙂",
        "\u{200b}",
        "\t",
    ]);
    let sentence = prop::collection::vec(words, 0..14).prop_map(|w| w.join(" "));
    let prefix = prop::sample::select(vec![
        "",
        "# ",
        "## ",
        "###### ",
        "- ",
        "* ",
        "1. ",
        "10) ",
        "> ",
        "```",
        "---",
        "    ",
        "Interviewer: ",
        "Candidate: ",
        "Speaker 1: ",
        "[00:01:23] Candidate: ",
        "   - ",
    ]);
    (prefix, sentence).prop_map(|(p, s)| format!("{p}{s}"))
}

/// A caption file: SRT or WebVTT cues with timestamps in any order, some broken.
fn captions() -> impl Strategy<Value = (String, InputForm)> {
    let cue = (
        0u32..4000,
        0u32..4000,
        prop::sample::select(vec!["", "<v Ana>", "<v Interviewer>", "Ana: "]),
        prop::collection::vec(markdown_line(), 0..3),
        prop::bool::weighted(0.1),
    );
    (prop::collection::vec(cue, 0..12), prop::bool::ANY).prop_map(|(cues, vtt)| {
        let stamp = |s: u32, sep: char| {
            format!(
                "{:02}:{:02}:{:02}{sep}{:03}",
                s / 3600,
                (s / 60) % 60,
                s % 60,
                s % 1000
            )
        };
        let mut out = if vtt {
            "WEBVTT\n\n".to_owned()
        } else {
            String::new()
        };
        for (i, (start, end, voice, lines, broken)) in cues.into_iter().enumerate() {
            let sep = if vtt { '.' } else { ',' };
            if !vtt {
                out.push_str(&format!("{}\n", i + 1));
            }
            if broken {
                out.push_str("00:0x:12 --> nonsense\n");
            } else {
                out.push_str(&format!("{} --> {}\n", stamp(start, sep), stamp(end, sep)));
            }
            out.push_str(voice);
            out.push_str(&lines.join("\n"));
            out.push_str("\n\n");
        }
        (out, if vtt { InputForm::Vtt } else { InputForm::Srt })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_decode_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(text) = decode(bytes, 1 << 20) {
            check(&text, 0, None)?;
        }
    }

    #[test]
    fn any_text_grades_within_bounds(text in "\\PC{0,400}", rubric in 0usize..7) {
        check(&text, rubric, None)?;
    }

    #[test]
    fn any_markdown_grades_within_bounds(
        lines in prop::collection::vec(markdown_line(), 0..40),
        front_matter in prop::bool::ANY,
        rubric in 0usize..7,
    ) {
        let mut text = if front_matter { "---\nquestion: Pitch a feature?\n---\n".to_owned() } else { String::new() };
        text.push_str(&lines.join("\n"));
        check(&text, rubric, None)?;
        check(&text, rubric, Some(InputForm::Markdown))?;
    }

    #[test]
    fn any_captions_grade_within_bounds((text, form) in captions(), rubric in 0usize..7) {
        check(&text, rubric, None)?;
        check(&text, rubric, Some(form))?;
    }

    #[test]
    fn any_rubric_source_loads_or_fails_cleanly(
        source in "\\PC{0,300}",
        pick in 0usize..7,
        cut in 0usize..4000,
    ) {
        let _ = grade::rubric::load(&source);
        // A real rubric cut short anywhere: an error, never a panic.
        let real = grade::rubric::builtin::source(ids().nth(pick).unwrap()).unwrap();
        let mut end = cut.min(real.len());
        while !real.is_char_boundary(end) {
            end -= 1;
        }
        let _ = grade::rubric::load(&real[..end]);
    }
}
