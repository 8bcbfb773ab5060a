//! `--format html` as a user meets it: the binary writes one answer's page or a cohort
//! page; untrusted answer and rubric text is escaped; the bytes are the same on one thread
//! and on four. Snapshots keep the pages' markup under review (the style sheet, a file of
//! its own, is replaced by a placeholder, and lines are broken after block elements).

mod common;

use common::{HOSTILE, grade, hostile_answer_and_rubric, scratch, stderr, stdout};

/// The page's markup with the style sheet left out and a line break after each block
/// element, so that a snapshot diff shows what changed.
fn reviewable(html: &str) -> String {
    let start = html.find("<style>").expect("a style sheet") + "<style>".len();
    let end = html.find("</style>").expect("a closed style sheet");
    let mut out = format!("{}[style.css]{}", &html[..start], &html[end..]);
    for tag in [
        "</style>",
        "</head>",
        "</header>",
        "</section>",
        "</div>",
        "</p>",
        "</li>",
        "</ul>",
        "</ol>",
        "</tr>",
        "</table>",
        "</h1>",
        "</h2>",
        "</h3>",
        "</h4>",
        "</figure>",
        "</svg>",
    ] {
        out = out.replace(tag, &format!("{tag}\n"));
    }
    out
}

fn html(args: &[&str]) -> String {
    let output = grade(args);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        stderr(&output)
    );
    let page = stdout(&output);
    assert!(
        page.starts_with("<!DOCTYPE html><html lang=\"en\">"),
        "{page:.200}"
    );
    assert!(page.ends_with("</html>\n"));
    page
}

#[test]
fn one_answer_is_a_self_contained_page() {
    let page = html(&[
        "fixtures/transcripts/pitch-catch-up.srt",
        "--rubric",
        "product-pitch",
        "--format",
        "html",
    ]);
    for part in [
        "The answer",
        "Criteria",
        "Next steps",
        "What is missing",
        "Evidence by criterion",
        "Delivery",
        "Talk share",
        "per minute",
    ] {
        assert!(page.contains(part), "no {part}");
    }
    assert!(
        page.contains("<mark class=\"ev c0\" id=\"s1\" tabindex=\"0\" aria-describedby=\"t1\">")
    );
    assert!(page.contains("role=\"tooltip\""));
    assert!(page.contains("<svg"), "charts are inline SVG");
    assert!(
        !page.contains("<script") && !page.contains("<link"),
        "no script, no outside sheet"
    );
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "no other host"
    );
    insta::assert_snapshot!("single_transcript", reviewable(&page));
}

#[test]
fn a_folder_is_one_cohort_page_with_each_files_report() {
    let page = html(&[
        "fixtures/compare",
        "--rubric",
        "product-pitch",
        "--format",
        "html",
    ]);
    assert!(page.contains("<section class=\"summary\" id=\"summary\""));
    assert_eq!(page.matches("<section class=\"file\"").count(), 2);
    assert!(page.contains("href=\"#f1\"") && page.contains("id=\"f2\""));
    assert!(
        page.contains("f2-s1"),
        "ids in a file's report are prefixed with its number"
    );
    // The summary comes last in the bytes (it needs every file) and first on screen.
    assert!(page.find("id=\"summary\"") > page.find("id=\"f2\""));
    insta::assert_snapshot!("cohort_compare", reviewable(&page));
}

#[test]
fn the_cohort_page_is_the_same_bytes_on_one_thread_and_on_four() {
    let args = |jobs| {
        [
            "fixtures",
            "--rubric",
            "product-pitch",
            "--format",
            "html",
            jobs,
        ]
    };
    let one = grade(&args("-j1"));
    let four = grade(&args("-j4"));
    assert_eq!(one.status.code(), four.status.code());
    assert!(
        one.stdout.len() > 100_000,
        "every fixture's report is in the page"
    );
    assert!(one.stdout == four.stdout, "-j1 and -j4 differ");
}

#[test]
fn answer_and_rubric_text_render_as_text() {
    let dir = scratch("hostile");
    let (answer, rubric) = hostile_answer_and_rubric(&dir);
    let (answer, rubric) = (answer.to_str().unwrap(), rubric.to_str().unwrap());
    let single = html(&[answer, "--rubric", rubric, "--format", "html"]);
    let cohort = html(&[
        dir.to_str().unwrap(),
        "--rubric",
        rubric,
        "--format",
        "html",
    ]);
    for page in [&single, &cohort] {
        let lower = page.to_lowercase();
        assert!(!lower.contains("<script"), "a <script> from the input");
        assert!(!lower.contains("<img"), "an <img> from the input");
        assert!(!lower.contains("href=\"javascript"), "a javascript: link");
        assert!(
            !lower.contains("onerror=alert(1)>"),
            "unescaped attribute text"
        );
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assert!(
            page.contains(HOSTILE[2]),
            "javascript: text is kept as text"
        );
        // Where each came from: the answer (marked), the rubric's title, name and advice.
        assert!(page.contains("Hostile &lt;script&gt;"));
        assert!(page.contains("Measure &quot;&gt;&lt;img"));
        assert!(page.contains("Read javascript:alert(1) and &lt;script&gt;"));
        assert!(page.contains("No price &lt;script&gt;"));
        assert!(
            page.contains("members &lt;script&gt;alert(1)&lt;/script&gt; every week.</mark>")
                || page.contains(
                    "members &lt;script&gt;alert(1)&lt;/script&gt; every week.<span class=\"tip\""
                )
        );
    }
}
