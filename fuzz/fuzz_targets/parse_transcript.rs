//! Text parsed as each transcript form (speaker lines, SRT, WebVTT, Otter), forced: a typed
//! error or a document, never a panic; a document must analyse and grade.
#![no_main]

use grade::document::{InputForm, ParseOptions, parse_with};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let rubric = grade::rubric::builtin::load_builtin("product-pitch").unwrap();
    for form in [
        None,
        Some(InputForm::Speakers),
        Some(InputForm::Srt),
        Some(InputForm::Vtt),
        Some(InputForm::Otter),
    ] {
        let options = ParseOptions {
            form,
            speaker: None,
        };
        if let Ok(document) = parse_with(text, &options) {
            let analysis = grade::analyze(&document);
            let grade = grade::score(&document, &analysis, &rubric);
            assert!((0.0..=100.0).contains(&grade.score));
        }
    }
});
