//! Transcribed answers: the same practised pitch in every input form grades the same,
//! only the candidate's words are graded and quoted at their own line, malformed captions
//! warn or fail at the right line, and the reports and analyses keep their snapshots.

use grade::analysis::summary::Summary;
use grade::document::{InputForm, ParseOptions, parse_with};
use grade::report::{analyze_json, analyze_text, json, text};
use grade::rubric::builtin;
use grade::{Grade, analyze, score};
use std::path::Path;

/// (fixture, rubric, form it must be detected as)
const FIXTURES: &[(&str, &str, InputForm)] = &[
    ("pitch-catch-up.txt", "product-pitch", InputForm::Speakers),
    ("pitch-catch-up.srt", "product-pitch", InputForm::Srt),
    ("pitch-catch-up.vtt", "product-pitch", InputForm::Vtt),
    (
        "pitch-catch-up.otter.txt",
        "product-pitch",
        InputForm::Otter,
    ),
    (
        "whisper-solo-practice.txt",
        "product-pitch",
        InputForm::Speakers,
    ),
    (
        "failure-interviewer-talks-more.txt",
        "failure-story",
        InputForm::Speakers,
    ),
    (
        "pitch-malformed-captions.srt",
        "product-pitch",
        InputForm::Srt,
    ),
];

fn read(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/transcripts")
        .join(name);
    std::fs::read_to_string(path).unwrap()
}

fn graded(name: &str, rubric: &str, options: &ParseOptions) -> Grade {
    let text = read(name);
    let document = parse_with(&text, options).unwrap();
    let analysis = analyze(&document);
    let mut grade = score(
        &document,
        &analysis,
        &builtin::load_builtin(rubric).unwrap(),
    );
    grade.file = Some(format!("fixtures/transcripts/{name}"));
    grade
}

#[test]
fn reports_and_analyses_match_their_snapshots() {
    for &(name, rubric, form) in FIXTURES {
        let text = read(name);
        let document = parse_with(&text, &ParseOptions::default()).unwrap();
        assert_eq!(document.form, form, "{name}");
        let grade = graded(name, rubric, &ParseOptions::default());
        insta::assert_snapshot!(format!("{name}__report_text"), text::render(&grade, false));
        insta::assert_snapshot!(format!("{name}__report_json"), json::render(&grade));
        let analysis = analyze(&document);
        let mut summary = Summary::new(&document, &analysis);
        summary.file = grade.file.clone();
        insta::assert_snapshot!(
            format!("{name}__analysis_text"),
            analyze_text::render(&summary)
        );
        insta::assert_snapshot!(
            format!("{name}__analysis_json"),
            analyze_json::render(&summary)
        );
    }
}

#[test]
fn a_written_answer_has_an_analysis_too() {
    let path = "fixtures/product-pitch/strong-commute-packs.md";
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
    let document = parse_with(&text, &ParseOptions::default()).unwrap();
    let analysis = analyze(&document);
    let mut summary = Summary::new(&document, &analysis);
    summary.file = Some(path.to_owned());
    assert!(summary.delivery.is_none() && summary.transcript.is_none());
    assert!(
        summary
            .metrics
            .iter()
            .any(|m| m.name == "pace-wpm" && m.value.is_none())
    );
    insta::assert_snapshot!("written__analysis_text", analyze_text::render(&summary));
    insta::assert_snapshot!("written__analysis_json", analyze_json::render(&summary));
}

#[test]
fn the_same_answer_grades_the_same_in_every_form() {
    let forms = [
        "pitch-catch-up.txt",
        "pitch-catch-up.srt",
        "pitch-catch-up.vtt",
        "pitch-catch-up.otter.txt",
    ];
    let grades: Vec<Grade> = forms
        .iter()
        .map(|f| graded(f, "product-pitch", &ParseOptions::default()))
        .collect();
    for (name, grade) in forms.iter().zip(&grades) {
        assert_eq!(grade.score, grades[0].score, "{name}");
        assert_eq!(grade.stats.words, grades[0].stats.words, "{name}");
        // Only the candidate's words: the interviewer's question is never graded.
        assert!(grade.stats.words > 150 && grade.stats.words < 230, "{name}");
        let delivery = grade.delivery.as_ref().unwrap();
        assert!(delivery.checks.iter().any(|c| c.metric == "pace-wpm"));
        let criterion = grade.criteria.iter().find(|c| c.id == "delivery").unwrap();
        assert!(
            criterion.left_out.is_none(),
            "{name}: delivery counts for a transcript"
        );
    }
}

#[test]
fn evidence_keeps_the_line_and_column_of_the_original_file() {
    for name in [
        "pitch-catch-up.srt",
        "pitch-catch-up.vtt",
        "pitch-catch-up.otter.txt",
    ] {
        let text = read(name);
        let lines: Vec<&str> = text.lines().collect();
        let grade = graded(name, "product-pitch", &ParseOptions::default());
        let mut checked = 0;
        for signal in grade.criteria.iter().flat_map(|c| &c.signals) {
            for evidence in &signal.evidence {
                let line = lines[evidence.line - 1];
                let at: String = line.chars().skip(evidence.column - 1).collect();
                let first_word = evidence.quote.split(' ').next().unwrap();
                assert!(at.starts_with(first_word), "{name}: {evidence:?} vs {at}");
                checked += 1;
            }
        }
        assert!(checked >= 5, "{name}: only {checked} quotes");
    }
}

#[test]
fn the_interviewer_talking_more_is_flagged_and_not_graded() {
    let grade = graded(
        "failure-interviewer-talks-more.txt",
        "failure-story",
        &ParseOptions::default(),
    );
    let transcript = grade.transcript.as_ref().unwrap();
    assert_eq!(transcript.speaker, "Priya");
    let delivery = grade.delivery.as_ref().unwrap();
    let share = delivery
        .checks
        .iter()
        .find(|c| c.metric == "talk-share")
        .unwrap();
    assert!(!share.within && share.value < 30.0, "{share:?}");
    assert!(share.note.is_some());
    // Priya's six short answers, not the interviewer's long questions.
    assert_eq!(grade.stats.words, delivery.talk_share[1].words);
    assert!(grade.stats.words < 80, "{}", grade.stats.words);
}

#[test]
fn speaker_can_be_named_and_an_unknown_one_is_an_error() {
    let options = ParseOptions {
        form: None,
        speaker: Some("interviewer".into()),
    };
    let grade = graded(
        "failure-interviewer-talks-more.txt",
        "failure-story",
        &options,
    );
    assert_eq!(grade.transcript.as_ref().unwrap().speaker, "Interviewer");
    assert!(grade.stats.words > 150);
    let error = parse_with(
        &read("pitch-catch-up.srt"),
        &ParseOptions {
            form: None,
            speaker: Some("Bob".into()),
        },
    )
    .unwrap_err();
    assert!(
        error.message.contains("`Interviewer`, `Candidate`"),
        "{error}"
    );
}

#[test]
fn malformed_captions_warn_where_usable_and_fail_where_not() {
    let grade = graded(
        "pitch-malformed-captions.srt",
        "product-pitch",
        &ParseOptions::default(),
    );
    let warnings: Vec<(usize, &str)> = grade
        .warnings
        .iter()
        .map(|w| (w.line, w.message.split(' ').next().unwrap()))
        .collect();
    assert_eq!(
        warnings,
        vec![
            (10, "overlapping"),
            (14, "cue"),
            (17, "broken"),
            (21, "timestamps")
        ]
    );
    // The text of the broken-timestamp cue is still graded.
    assert!(
        grade
            .criteria
            .iter()
            .flat_map(|c| &c.signals)
            .flat_map(|s| &s.evidence)
            .any(|e| e.line == 18)
    );

    let error = parse_with(&read("pitch-broken-cue.srt"), &ParseOptions::default()).unwrap_err();
    assert_eq!((error.position.line, error.position.column), (10, 1));
    assert!(error.message.contains("timing line"), "{error}");
}

#[test]
fn a_forced_form_that_does_not_fit_is_an_error() {
    let error = parse_with(
        "Just a written answer about churn.\n",
        &ParseOptions {
            form: Some(InputForm::Vtt),
            speaker: None,
        },
    )
    .unwrap_err();
    assert_eq!(error.position.line, 1);
    assert!(error.message.contains("WEBVTT"));
}

#[test]
fn written_fixtures_are_never_taken_for_transcripts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    for rubric in builtin::ids() {
        for entry in std::fs::read_dir(root.join(rubric)).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            let document = parse_with(&text, &ParseOptions::default()).unwrap();
            assert!(!document.form.is_transcript(), "{}", path.display());
        }
    }
}
