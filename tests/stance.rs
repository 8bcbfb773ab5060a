//! Stance fixtures (fixtures/stance/<rubric>.<name>.md): answers that reject a mistake in a
//! section or with a frame, tell a problem-then-fix story, name how members feel, or really commit the mistake.
//! Snapshots of their reports, and each mechanism checked both ways: the mistake stays
//! away while the stance holds and fires once the text asserts it.

mod common;

use grade::report::{json, text};
use grade::rubric::builtin;
use grade::{Grade, grade_text};

/// The fixture's text and the rubric its name starts with, graded.
fn fixture(name: &str) -> (String, String) {
    let path = common::root()
        .join("fixtures/stance")
        .join(format!("{name}.md"));
    let text = std::fs::read_to_string(&path).unwrap();
    (name.split('.').next().unwrap().to_owned(), text)
}

fn graded(rubric: &str, text: &str) -> Grade {
    grade_text(text, &builtin::load_builtin(rubric).unwrap())
}

fn fires(grade: &Grade, mistake: &str) -> bool {
    grade.mistakes.iter().any(|m| m.id == mistake)
}

#[test]
fn reports_match_their_snapshots() {
    let dir = common::root().join("fixtures/stance");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| p.file_stem().unwrap().to_str().unwrap().to_owned())
        .collect();
    names.sort();
    assert!(names.len() >= 5, "stance fixtures missing");
    for name in names {
        let (rubric, text) = fixture(&name);
        let mut grade = graded(&rubric, &text);
        grade.file = Some(format!("fixtures/stance/{name}.md"));
        insta::assert_snapshot!(format!("{name}__text"), text::render(&grade, false));
        insta::assert_snapshot!(format!("{name}__json"), json::render(&grade));
    }
}

#[test]
fn a_rejection_section_keeps_its_moves_from_counting_as_mistakes() {
    let (rubric, text) = fixture("salary-negotiation.rejection-section");
    let grade = graded(&rubric, &text);
    assert!(!fires(&grade, "ultimatum"), "{:?}", grade.mistakes);
    let reasons: Vec<&str> = grade.discounted.iter().map(|d| d.reason.as_str()).collect();
    assert!(
        reasons
            .iter()
            .any(|r| r.starts_with("rejected under 'What I wouldn't do' at ")),
        "{reasons:?}"
    );
    // The same moves under a heading that does not reject them are an ultimatum.
    let asserted = text.replace("## What I wouldn't do", "## What I'd also do");
    assert!(fires(&graded(&rubric, &asserted), "ultimatum"));
}

#[test]
fn an_answer_that_issues_an_ultimatum_is_still_charged() {
    let (rubric, text) = fixture("salary-negotiation.issues-an-ultimatum");
    assert!(fires(&graded(&rubric, &text), "ultimatum"));
    let weak = std::fs::read_to_string(
        common::root().join("fixtures/salary-negotiation/weak-ultimatum.md"),
    )
    .unwrap();
    assert!(fires(&graded(&rubric, &weak), "ultimatum"));
}

#[test]
fn a_feeling_named_as_a_consequence_is_not_the_candidates_move() {
    let (rubric, text) = fixture("ux-vs-business.consequence-felt");
    assert!(!fires(&graded(&rubric, &text), "dark-patterns"));
    // The same trick done by the speaker is the mistake.
    let committed = text.replace(
        "Members who feel tricked by a renewal",
        "We trick them with a renewal, and members",
    );
    assert!(fires(&graded(&rubric, &committed), "dark-patterns"));
}

#[test]
fn contrast_frames_keep_the_alternative_from_counting_as_a_mistake() {
    let (rubric, text) = fixture("salary-negotiation.contrast-frames");
    assert!(!fires(&graded(&rubric, &text), "ultimatum"));
    let asserted = text
        .replace("Rather than bluff", "I'd bluff")
        .replace("Instead of a take it", "I'd use a take it");
    assert!(fires(&graded(&rubric, &asserted), "ultimatum"));
}

#[test]
fn a_problem_the_answer_fixes_is_not_its_proposal() {
    let (rubric, text) = fixture("ux-vs-business.problem-then-fix");
    let grade = graded(&rubric, &text);
    assert!(!fires(&grade, "dark-patterns"), "{:?}", grade.mistakes);
    // Without the fix that follows, the buried option is what the answer describes.
    let unfixed = &text[..text.find("I proposed").unwrap()];
    assert!(fires(&graded(&rubric, unfixed), "dark-patterns"));
    let weak = std::fs::read_to_string(
        common::root().join("fixtures/ux-vs-business/weak-hard-to-cancel.md"),
    )
    .unwrap();
    assert!(fires(&graded(&rubric, &weak), "dark-patterns"));
}

#[test]
fn a_negated_outcome_still_names_the_outcome() {
    let (rubric, text) = fixture("product-pitch.negated-outcome");
    let on_line_8 = |grade: &Grade| {
        grade
            .criteria
            .iter()
            .flat_map(|c| &c.signals)
            .find(|s| s.id == "member-to-business")
            .unwrap()
            .evidence
            .iter()
            .any(|e| e.line == 8)
    };
    // "those households don't come back to it … the one that doesn't renew": the outcome,
    // negated, and the reason the idea matters.
    assert!(on_line_8(&graded(&rubric, &text)));
    // The same signal without its declaration loses that sentence to the negation.
    let source = builtin::source(&rubric).unwrap();
    let block = source.find("id = \"member-to-business\"").unwrap();
    let at = block + source[block..].find("negation-tolerant = true\n").unwrap();
    let undeclared = format!("{}{}", &source[..at], &source[at + 25..]);
    let undeclared = grade::rubric::load(&undeclared).unwrap();
    assert!(!on_line_8(&grade_text(&text, &undeclared)));
}

#[test]
fn a_why_section_gives_the_reasons_its_sentences_do_not_name() {
    let (rubric, text) = fixture("product-pitch.why-section");
    assert!(!fires(&graded(&rubric, &text), "features-without-why"));
    // The same list under a label that names no reason is features without a why.
    let unlabelled = text.replace("**Why:**", "**Notes:**");
    assert_ne!(unlabelled, text);
    assert!(fires(&graded(&rubric, &unlabelled), "features-without-why"));
}

#[test]
fn a_lesson_only_planned_is_vague_and_one_put_into_practice_is_not() {
    let (rubric, text) = fixture("failure-story.lesson-never-applied");
    assert!(fires(&graded(&rubric, &text), "vague-lesson"));
    // The same plan said as what the candidate did since.
    let practised = text.replace(
        "Next time I'd put a rough version in front of a few customers first",
        "Since then I put a rough version in front of a few customers first",
    );
    assert_ne!(practised, text);
    assert!(!fires(&graded(&rubric, &practised), "vague-lesson"));
    // Followed only by talking more is no practice.
    let talk = text.replace(
        "Next time I'd put a rough version in front of a few customers first",
        "Since then I try to over-communicate and keep everyone aligned",
    );
    assert_ne!(talk, text);
    assert!(fires(&graded(&rubric, &talk), "vague-lesson"));
}

#[test]
fn stock_named_in_passing_is_no_move_on_the_package() {
    let (rubric, text) = fixture("salary-negotiation.stock-in-passing");
    assert!(fires(&graded(&rubric, &text), "base-only"));
    // One sentence that asks about the stock is a move on the package.
    let asked = text.replace(
        "So the base is the one thing I would push on",
        "So I'd ask for a sign-on to cover the stock I leave, and push on the base",
    );
    assert_ne!(asked, text);
    assert!(!fires(&graded(&rubric, &asked), "base-only"));
}

#[test]
fn blame_told_plainly_is_charged_however_the_story_ends() {
    let (rubric, text) = fixture("failure-story.blame-then-fix");
    assert!(fires(&graded(&rubric, &text), "blames-others"));
    // The fix at the end does not take the blame back: a mistake of the telling.
    let (story, _fix) = text.split_once("We fixed").unwrap();
    assert!(fires(&graded(&rubric, story), "blames-others"));
}

#[test]
fn blame_shared_with_ones_own_call_is_not_charged() {
    let (rubric, text) = fixture("failure-story.blame-shared-and-owned");
    let grade = graded(&rubric, &text);
    assert!(!fires(&grade, "blames-others"), "{:?}", grade.mistakes);
    // Without the candidate's own call, the late vendor is all the story blames.
    let unowned = text
        .replace(
            ", but the bigger mistake was mine: I chose to launch on the busiest weekend of \
             the year anyway, because I had promised the date to my director and did not \
             want to move it. I skipped the small pilot I would normally run.",
            ", so the launch slipped into the busiest weekend of the year.",
        )
        .replace(", and told my director the call had been wrong.", ".");
    assert_ne!(unowned, text);
    assert!(fires(&graded(&rubric, &unowned), "blames-others"));
}

#[test]
fn a_refusing_lead_in_of_any_length_rejects_what_follows_its_colon() {
    let (rubric, text) = fixture("ux-vs-business.refusal-lead-in");
    let grade = graded(&rubric, &text);
    assert!(!fires(&grade, "dark-patterns"), "{:?}", grade.mistakes);
    // The same list after a lead-in that asks for it is the mistake.
    let asserted = text.replace("I will never do", "I would push for");
    assert_ne!(asserted, text);
    assert!(fires(&graded(&rubric, &asserted), "dark-patterns"));
}

#[test]
fn a_refusal_with_a_purpose_before_its_colon_rejects_what_follows() {
    let (rubric, text) = fixture("ux-vs-business.refusal-with-purpose");
    let grade = graded(&rubric, &text);
    assert!(!fires(&grade, "dark-patterns"), "{:?}", grade.mistakes);
    let asserted = text.replace("I just won't do to get", "I would do to get");
    assert_ne!(asserted, text);
    assert!(fires(&graded(&rubric, &asserted), "dark-patterns"));
}

#[test]
fn a_verdict_after_a_phrase_rejects_it() {
    let (rubric, text) = fixture("salary-negotiation.verdict");
    let grade = graded(&rubric, &text);
    assert!(!fires(&grade, "ultimatum"), "{:?}", grade.mistakes);
    // Without the verdicts the bluff and the deadline are the candidate's plan.
    let asserted = text
        .replace(
            "bluffing about one would be a mistake",
            "I'd bluff about one",
        )
        .replace(
            "Setting a deadline isn't how I'd want to start either",
            "I'd set a deadline",
        );
    assert_ne!(asserted, text);
    assert!(fires(&graded(&rubric, &asserted), "ultimatum"));
}
