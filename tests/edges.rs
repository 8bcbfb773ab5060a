//! Issue 16 part 3, no silent wrong result: limits at u64::MAX, bounds outside 0–100,
//! pace from too little speech, unclosed or bodiless front matter, UTF-16/32 byte-order
//! marks, JSON Lines ids echoed as written, and control characters escaped on a terminal.

mod common;

use common::{grade, grade_in_with_stdin, root, stderr, stdout};

const STRONG: &str = "fixtures/product-pitch/strong-commute-packs.md";

#[test]
fn max_bytes_at_u64_max_grades_the_file() {
    let output = grade(&[
        STRONG,
        "--rubric",
        "product-pitch",
        "--max-bytes",
        "18446744073709551615",
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(!stderr(&output).contains("empty"), "{}", stderr(&output));
}

#[test]
fn stdin_jsonl_with_a_huge_max_bytes_takes_a_6_kb_record() {
    let text = "Members who travel give up on downloads because storage runs out. ".repeat(90);
    let record = format!(
        "{{\"id\": 1, \"text\": {:?}, \"rubric\": \"product-pitch\"}}\n",
        text
    );
    for limit in ["3074457345618258602", "18446744073709551615"] {
        let args = ["--stdin-jsonl", "--max-bytes", limit];
        let output = grade_in_with_stdin(root(), &args, record.as_bytes());
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        let out = stdout(&output);
        assert!(!out.contains("\"error\""), "{out}");
    }
}
