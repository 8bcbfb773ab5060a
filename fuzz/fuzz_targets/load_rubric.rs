//! Rubric TOML → load: a compiled rubric or a list of problems with line:column, never a
//! panic; a rubric that loads must run its own examples.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    match grade::rubric::load(source) {
        Ok(rubric) => {
            let _ = grade::scoring::examples::check(&rubric);
            let _ = grade::grade_text(
                "We would measure retention, because members churn.",
                &rubric,
            );
        }
        Err(error) => {
            let _ = error.describe(Some("fuzz.toml"));
        }
    }
});
