//! Each charged mistake quotes where the answer committed it (`said_in`), in the text and
//! JSON reports of the binary: the sentence that says it, never one that rejects it, and,
//! for a lesson left hanging, the lesson and not what should have followed it.

mod common;

use common::{grade_in_with_stdin, root, stdout};
use serde_json::Value;

/// Grades `answer` on stdin under a built-in rubric, in `format`.
fn report(answer: &str, rubric: &str, format: &str) -> String {
    let args = [
        "-", "--rubric", rubric, "--format", format, "--color", "never",
    ];
    let output = grade_in_with_stdin(root(), &args, answer.as_bytes());
    assert_ne!(output.status.code(), Some(2), "{}", common::stderr(&output));
    stdout(&output)
}

/// The JSON report's mistake `id`, if it was charged.
fn mistake(answer: &str, rubric: &str, id: &str) -> Option<Value> {
    let json: Value = serde_json::from_str(&report(answer, rubric, "json")).unwrap();
    json["mistakes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == id)
        .cloned()
}

/// `(line, column, quote)` of each sentence a mistake quotes.
fn said_in(mistake: &Value) -> Vec<(u64, u64, String)> {
    mistake["said_in"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().unwrap(),
                e["column"].as_u64().unwrap(),
                e["quote"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The lines of the text report's Mistakes section.
fn mistakes_section(text: &str) -> Vec<&str> {
    text.lines()
        .skip_while(|l| *l != "Mistakes")
        .skip(1)
        .take_while(|l| !l.is_empty())
        .collect()
}

/// The index in `section` of mistake `id`'s line; panics with the report when it is not
/// there.
fn mistake_line(section: &[&str], id: &str, text: &str) -> usize {
    let head = format!("✗ {id} (−");
    section
        .iter()
        .position(|l| l.contains(&head))
        .unwrap_or_else(|| panic!("no {id} line in:\n{text}"))
}

const THREAT: &str = "\
I was glad to get the offer and I thanked the recruiter for the call.
Then I told them they have until Friday to raise the base, or I walk.
I'd also bring the market data I gathered for the role in my city.
";

#[test]
fn a_committed_mistake_quotes_its_sentence_in_json_and_text() {
    let ultimatum = mistake(THREAT, "salary-negotiation", "ultimatum").expect("charged");
    let quoted = said_in(&ultimatum);
    assert_eq!(
        quoted,
        [(
            2,
            1,
            "Then I told them they have until Friday to raise the base, or I walk.".to_owned()
        )]
    );
    let matched = &ultimatum["said_in"][0]["matched"];
    assert!(
        matched
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m == "until Friday"),
        "{matched}"
    );

    let text = report(THREAT, "salary-negotiation", "text");
    let section = mistakes_section(&text);
    let at = mistake_line(&section, "ultimatum", &text);
    assert_eq!(
        section[at + 1],
        "         2:1  \"Then I told them they have until Friday to raise the base, or I walk.\""
    );
}

#[test]
fn the_html_report_quotes_it_under_the_mistake() {
    let html = report(THREAT, "salary-negotiation", "html");
    let mistakes = &html[html
        .find("<ul class=\"mistakes\">")
        .expect("a mistakes list")..];
    let item = &mistakes[mistakes.find("<strong>ultimatum</strong>").unwrap()..];
    let item = &item[..item.find("</li></ul></li>").unwrap()];
    assert!(
        item.contains(
            "<ul class=\"quotes\"><li><span class=\"pos\">2:1</span> <q>Then I told them they have until Friday to raise the base, or I walk.</q>"
        ),
        "{item}"
    );
}

#[test]
fn a_rejected_mistake_is_not_charged_and_nothing_is_quoted() {
    let answer = "\
I'd thank them for the offer and ask how the base was set for this level.
I'd bring two salary figures for the role in my city and ask to meet in the middle.

What I wouldn't do: issue an ultimatum, or tell them they have until Friday.
";
    assert_eq!(mistake(answer, "salary-negotiation", "ultimatum"), None);
    let text = report(answer, "salary-negotiation", "text");
    assert!(!text.contains("✗ ultimatum"), "{text}");
    // No mistake anywhere quotes the rejecting line.
    for line in mistakes_section(&text) {
        assert!(!line.contains("What I wouldn't do"), "{text}");
    }
}

const LESSON: &str = "\
Last spring I shipped a new sign-up form without asking anyone to try it first.
Half the people who opened it gave up on the second page, and I had to pull it.
The lesson I took is that a clean form means nothing if nobody has tried it.
Next time I'd sit down with three people before a single line is built.
";

#[test]
fn an_unfollowed_mistake_quotes_the_lesson_not_the_follow_up() {
    // "I shipped" (line 1) and "I had to pull it" (line 2) are of the follow-up list, said
    // before the lesson: they neither count nor are quoted.
    let vague = mistake(LESSON, "failure-story", "vague-lesson").expect("charged");
    let lines: Vec<u64> = said_in(&vague).iter().map(|(line, _, _)| *line).collect();
    assert_eq!(lines, [3, 4], "{vague}");
    assert!(said_in(&vague)[0].2.starts_with("The lesson I took"));

    let text = report(LESSON, "failure-story", "text");
    let section = mistakes_section(&text);
    let at = mistake_line(&section, "vague-lesson", &text);
    assert!(
        section[at + 1]
            .trim_start()
            .starts_with("3:1  \"The lesson I took")
    );
    assert!(
        !section
            .iter()
            .any(|l| l.contains("Last spring") || l.contains("Half the people")),
        "{text}"
    );
}

#[test]
fn a_whole_answer_mistake_quotes_nothing() {
    // Too short for culture-fit: a measure of the whole answer, which no sentence commits.
    let answer = "I like the way the team gives feedback in the open.";
    let short = mistake(answer, "culture-fit", "too-short").expect("charged");
    assert_eq!(said_in(&short), []);
    let text = report(answer, "culture-fit", "text");
    let section = mistakes_section(&text);
    let at = mistake_line(&section, "too-short", &text);
    assert!(
        section.get(at + 1).is_none_or(|l| l.starts_with("  ✗ ")),
        "{text}"
    );
}

#[test]
fn a_list_counted_past_three_is_a_pile_and_one_of_three_is_not() {
    let pile = "I'd pitch a hub for the games. First, a leaderboard for each game. Second, \
                badges across the games. Third, a chat with friends. Fourth, avatars from the \
                shows. Fifth, a game picker on the home row. Sixth, cloud play on the TV.";
    let charged = mistake(pile, "product-pitch", "feature-pile").expect("a pile of six");
    let quoted: Vec<String> = said_in(&charged).into_iter().map(|(_, _, q)| q).collect();
    assert!(quoted[0].starts_with("Fourth, avatars"), "{quoted:?}");
    let argued = "I'd pitch a hub for the games. First, who it is for: families who play on \
                  the TV. Second, why now: games sit three rows down. Third, how I'd know: \
                  hub visits per household in the first month.";
    assert!(mistake(argued, "product-pitch", "feature-pile").is_none());
}

#[test]
fn a_long_list_of_features_is_a_pile_and_a_long_test_plan_is_not() {
    let pile = "I'd pitch a party mode for families.\n\nThe features:\n\n1. Shared queue.\n\
                2. Voting on the next title.\n3. Reactions.\n4. A kids' lock.\n5. Polls.\n\
                6. Snack reminders.\n";
    let charged = mistake(pile, "product-pitch", "feature-pile").expect("a list of six");
    assert_eq!(said_in(&charged), [(3, 1, "The features:".to_string())]);
    let plan = pile.replace("The features:", "How I'd test it:");
    assert!(mistake(&plan, "product-pitch", "feature-pile").is_none());
}

#[test]
fn a_pitch_that_only_says_netflix_is_generic_and_one_with_a_members_problem_is_not() {
    let generic = "I think Netflix should launch a fitness app. Fitness is huge right now and \
                   Netflix is a big brand, so it would be popular. It would have workouts, a \
                   clean design and a weekly plan.";
    let charged = mistake(generic, "product-pitch", "generic-pitch").expect("nothing of Netflix");
    assert!(said_in(&charged).is_empty(), "an absence quotes nothing");
    let anchored = generic.replace(
        "Fitness is huge right now",
        "Parents who watch after the kids are asleep give up on workouts because they can't \
         find one short enough",
    );
    assert!(mistake(&anchored, "product-pitch", "generic-pitch").is_none());
}
