//! Bytes → decode → parse (form detected) → analyze → score under every built-in rubric:
//! nothing may panic, and every score stays within 0–100.
#![no_main]

use grade::rubric::builtin::{ids, load_builtin};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn rubrics() -> &'static Vec<grade::CompiledRubric> {
    static RUBRICS: OnceLock<Vec<grade::CompiledRubric>> = OnceLock::new();
    RUBRICS.get_or_init(|| ids().map(|id| load_builtin(id).unwrap()).collect())
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = grade::decode(data.to_vec(), 1 << 20) else {
        return;
    };
    let document = grade::parse(&text);
    let analysis = grade::analyze(&document);
    let rubric = &rubrics()[data.len() % rubrics().len()];
    let grade = grade::score(&document, &analysis, rubric);
    assert!((0.0..=100.0).contains(&grade.score));
});
