//! Shared concepts: the built-in ones load and pass their own examples, references expand
//! (and show their expansion), unknown references and nested concepts are errors with a
//! line:column, and a custom rubric can define its own.

mod common;

use grade::rubric::{concepts, load};
use grade::scoring::examples;

const HEAD: &str = r#"id = "mini"
title = "Mini"

[[criterion]]
id = "outcome"
name = "Outcome"
weight = 1
max = 2
advice = "Name an outcome."
"#;

fn with_signal(phrases: &str, tail: &str) -> String {
    format!(
        "{HEAD}\n  [[criterion.signal]]\n  id = \"named\"\n  kind = \"phrases\"\n  phrases = {phrases}\n{tail}"
    )
}

fn problems(source: &str) -> Vec<String> {
    common::rubric_problems(source)
}

#[test]
fn the_table_build_rs_writes_is_what_the_loader_reads() {
    let parsed: std::collections::BTreeMap<String, Vec<String>> = concepts::builtin()
        .unwrap()
        .iter()
        .map(|c| (c.id.clone(), c.phrases.clone()))
        .collect();
    assert_eq!(concepts::builtin_map(), parsed);
    assert_eq!(
        concepts::builtin_map().len(),
        concepts::builtin().unwrap().len()
    );
}

#[test]
fn every_built_in_concept_loads_and_passes_its_examples() {
    let builtin = concepts::builtin().unwrap_or_else(|p| panic!("{p:?}"));
    assert!(builtin.len() >= 8, "{} concepts", builtin.len());
    for concept in builtin {
        assert!(
            concept
                .description
                .as_deref()
                .is_some_and(|d| !d.is_empty()),
            "@{} has no description",
            concept.id
        );
        assert!(
            !concept.examples.hit.is_empty() && !concept.examples.miss.is_empty(),
            "@{} needs examples both ways",
            concept.id
        );
        let (failures, ran) = examples::check_concept(concept);
        assert_eq!(
            ran,
            concept.examples.hit.len() + concept.examples.miss.len()
        );
        let listed: Vec<String> = failures.iter().map(|f| f.to_string()).collect();
        assert!(failures.is_empty(), "{}", listed.join("\n"));
    }
}

#[test]
fn a_reference_expands_to_the_concepts_phrases_and_show_prints_them() {
    let rubric = load(&with_signal(
        r#"["@retention", "watch time", "churn*"]"#,
        "",
    ))
    .unwrap();
    let retention = &concepts::builtin().unwrap()[1];
    assert_eq!(retention.id, "retention");
    let list = &rubric.lists[0];
    assert_eq!(&list[..retention.phrases.len()], &retention.phrases[..]);
    assert_eq!(list.last().map(String::as_str), Some("watch time"));
    assert_eq!(
        list.iter().filter(|p| *p == "churn*").count(),
        1,
        "{list:?}"
    );
    assert!(
        rubric.shown[0][0].starts_with("@retention (retention, retain*, churn*"),
        "{:?}",
        rubric.shown[0]
    );
    let shown = grade::report::text::render_rubric(&rubric);
    assert!(
        shown.contains("phrases: @retention (retention, "),
        "{shown}"
    );
    let answer = "Most members who cancelled in the spring came back by the autumn.";
    let grade = grade::grade_text(answer, &rubric);
    assert!(grade.criteria[0].signals[0].earned > 0.0);
}

#[test]
fn references_work_in_every_phrase_list() {
    let tail = r#"
  [[criterion.signal]]
  id = "steps"
  kind = "sequence"
  steps = [["@members"], ["@retention"]]

  [[criterion.signal]]
  id = "sized"
  kind = "quantity"
  near = ["@retention"]

[[mistake]]
id = "only-team"
message = "Only the team acts."
penalty = 5
when = { present = ["@we-did"], absent = ["@i-did"] }
"#;
    let source = with_signal(r#"["@members"]"#, tail).replace(
        "title = \"Mini\"\n",
        "title = \"Mini\"\ntopic = [\"@members\", \"plan\"]\n",
    );
    let rubric = load(&source).unwrap();
    assert!(
        rubric
            .lists
            .iter()
            .all(|l| !l.iter().any(|p| p.starts_with('@')))
    );
    let grade = grade::grade_text("Later that month we decided to pause the launch.", &rubric);
    assert_eq!(grade.mistakes.len(), 1, "{:?}", grade.mistakes);
}

#[test]
fn an_unknown_concept_is_an_error_at_the_reference() {
    let source = with_signal(r#"["watch time", "@retension"]"#, "");
    let found = problems(&source);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with(
            "14:28: `outcome.named`: unknown concept `@retension`; the concepts are: "
        ),
        "{found:?}"
    );
    assert!(found[0].contains("retention"), "{found:?}");
    let in_mistake = format!(
        "{}\n[[mistake]]\nid = \"m\"\nmessage = \"M\"\npenalty = 1\nwhen = {{ present = [\"@nope\"] }}\n",
        with_signal(r#"["@members"]"#, "")
    );
    let found = problems(&in_mistake);
    assert!(
        found[0].starts_with("20:21: `m`: unknown concept `@nope`"),
        "{found:?}"
    );
}

const CUSTOM: &str = r#"
[[concept]]
id = "pricing"
description = "Talk of what the plan costs."
phrases = ["price*", "pricing", "discount*"]
examples.hit = ["The price went up by two dollars."]
examples.miss = ["The catalogue grew by a third."]
"#;

#[test]
fn a_custom_rubric_defines_its_own_concept_and_check_runs_its_examples() {
    let source = format!(
        "{}{CUSTOM}",
        with_signal(r#"["@pricing", "@retention"]"#, "")
    );
    let rubric = load(&source).unwrap();
    assert_eq!(rubric.concepts.len(), 1);
    assert!(rubric.lists[0].contains(&"discount*".to_owned()));
    assert!(rubric.lists[0].contains(&"churn*".to_owned()));
    let (failures, ran) = examples::check(&rubric);
    assert_eq!((failures.len(), ran), (0, 2));

    let broken = source.replace("The catalogue grew", "A discount grew");
    let (failures, _) = examples::check(&load(&broken).unwrap());
    let listed: Vec<String> = failures.iter().map(|f| f.to_string()).collect();
    assert_eq!(
        listed,
        ["@pricing: should not hold one of the concept's phrases: \"A discount grew by a third.\""]
    );
}

#[test]
fn concepts_do_not_nest_nor_shadow_built_ins() {
    let nested = format!(
        "{}{}",
        with_signal(r#"["@pricing"]"#, ""),
        CUSTOM.replace(r#"["price*", "#, r#"["@retention", "#)
    );
    let found = problems(&nested);
    assert!(
        found.iter().any(|m| m.starts_with(
            "19:11: `pricing`: a concept cannot reference another concept (`@retention`)"
        )),
        "{found:?}"
    );
    let shadow = format!(
        "{}{}",
        with_signal(r#"["@retention"]"#, ""),
        CUSTOM.replace("\"pricing\"", "\"retention\"")
    );
    let found = problems(&shadow);
    assert!(
        found
            .iter()
            .any(|m| m.contains("`retention`: a built-in concept has this id")),
        "{found:?}"
    );
    for concept in concepts::builtin().unwrap() {
        assert!(
            concept.phrases.iter().all(|p| !p.trim().starts_with('@')),
            "@{} references another concept",
            concept.id
        );
    }
}

#[test]
fn docs_list_every_built_in_concept() {
    let docs = include_str!("../docs/rubrics.md");
    for concept in concepts::builtin().unwrap() {
        assert!(
            docs.contains(&format!("`@{}`", concept.id)),
            "docs/rubrics.md does not list @{}",
            concept.id
        );
    }
}
