//! Every fixture graded under its rubric: snapshots of the text and JSON reports, and the
//! order an expert would give them (strong > medium > weak; adversarial and off-topic
//! answers below every medium one).

mod common;

use common::{Fixture, Tier, fixtures};
use grade::report::{json, text};
use grade::rubric::builtin;
use grade::{CompiledRubric, Grade, grade_text};
use std::collections::BTreeMap;

fn graded(fixture: &Fixture, rubric: &CompiledRubric) -> Grade {
    let mut grade = grade_text(&fixture.text, rubric);
    grade.file = Some(fixture.path.display().to_string());
    grade
}

fn rubrics() -> BTreeMap<String, CompiledRubric> {
    builtin::ids()
        .map(|id| (id.to_owned(), builtin::load_builtin(id).unwrap()))
        .collect()
}

#[test]
fn reports_match_their_snapshots() {
    let rubrics = rubrics();
    for fixture in fixtures() {
        let grade = graded(&fixture, &rubrics[&fixture.rubric]);
        let name = format!("{}__{}", fixture.rubric, fixture.stem);
        insta::assert_snapshot!(format!("{name}__text"), text::render(&grade, false));
        insta::assert_snapshot!(format!("{name}__json"), json::render(&grade));
    }
}

#[test]
fn tiers_keep_their_order_under_every_rubric() {
    let rubrics = rubrics();
    let mut by_rubric: BTreeMap<String, Vec<(Tier, f64, String)>> = BTreeMap::new();
    for fixture in fixtures() {
        let grade = graded(&fixture, &rubrics[&fixture.rubric]);
        by_rubric.entry(fixture.rubric.clone()).or_default().push((
            fixture.tier,
            grade.score,
            fixture.stem.clone(),
        ));
    }
    assert!(!by_rubric.is_empty(), "no fixtures found");
    let mut failures = Vec::new();
    for (rubric, scores) in &by_rubric {
        for tier in [Tier::Strong, Tier::Medium, Tier::Weak] {
            assert!(
                scores.iter().filter(|s| s.0 == tier).count() >= 2,
                "{rubric}: fewer than two {tier:?} fixtures"
            );
        }
        for (ta, sa, na) in scores {
            for (tb, sb, nb) in scores {
                // Strong > medium > weak; adversarial and off-topic < medium.
                let must_beat = matches!(
                    (ta, tb),
                    (
                        Tier::Strong,
                        Tier::Medium | Tier::Weak | Tier::Adversarial | Tier::OffTopic
                    ) | (
                        Tier::Medium,
                        Tier::Weak | Tier::Adversarial | Tier::OffTopic
                    )
                );
                if must_beat && sa <= sb {
                    failures.push(format!(
                        "{rubric}: {na} ({sa}) should score above {nb} ({sb})"
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "misordered:\n{}", failures.join("\n"));
}

#[test]
fn the_rubric_pasted_as_a_list_scores_below_every_medium_answer() {
    let rubrics = rubrics();
    for (id, rubric) in &rubrics {
        let mut pasted = String::from("## Answer\n\n");
        for list in &rubric.lists {
            for phrase in list {
                pasted.push_str(&format!("- {}\n", phrase.trim_end_matches('*')));
            }
            pasted.push_str(&format!("- {}\n", list.join(", ").replace('*', "")));
        }
        let pasted_score = grade_text(&pasted, rubric).score;
        for fixture in fixtures()
            .iter()
            .filter(|f| &f.rubric == id && f.tier == Tier::Medium)
        {
            let medium = graded(fixture, rubric).score;
            assert!(
                pasted_score < medium,
                "{id}: pasted phrases score {pasted_score}, above {} ({medium})",
                fixture.stem
            );
        }
    }
}

#[test]
fn built_in_rubrics_pass_their_own_examples() {
    for (id, rubric) in rubrics() {
        let (failures, ran) = grade::scoring::examples::check(&rubric);
        assert!(ran > 0, "{id} has no examples");
        let listed: Vec<String> = failures.iter().map(|f| f.to_string()).collect();
        assert!(failures.is_empty(), "{id}:\n{}", listed.join("\n"));
    }
}

#[test]
fn every_signal_of_a_built_in_rubric_has_examples_both_ways() {
    for (id, rubric) in rubrics() {
        for criterion in &rubric.criteria {
            for signal in &criterion.signals {
                let whole_answer = matches!(
                    signal.kind,
                    grade::rubric::SignalKind::Length { .. }
                        | grade::rubric::SignalKind::Ratio { .. }
                        | grade::rubric::SignalKind::Sequence { .. }
                );
                assert!(
                    !signal.examples.hit.is_empty()
                        && (whole_answer || !signal.examples.miss.is_empty()),
                    "{id}: {}.{} needs examples.hit and examples.miss",
                    criterion.id,
                    signal.id
                );
            }
        }
    }
}

#[test]
fn same_input_same_bytes() {
    let rubrics = rubrics();
    for fixture in fixtures().iter().take(6) {
        let rubric = &rubrics[&fixture.rubric];
        assert_eq!(
            json::render(&graded(fixture, rubric)),
            json::render(&graded(fixture, rubric))
        );
    }
}
