//! Fixture discovery shared by the integration tests: fixtures/<rubric>/<tier>-<name>.md.
#![allow(dead_code)]

use grade::rubric::builtin;
use std::path::{Path, PathBuf};

/// A fixture's tier, read from its file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Adversarial,
    OffTopic,
    Weak,
    Medium,
    Strong,
}

impl Tier {
    fn of(stem: &str) -> Option<Tier> {
        let prefixes = [
            ("strong-", Tier::Strong),
            ("medium-", Tier::Medium),
            ("weak-", Tier::Weak),
            ("adversarial-", Tier::Adversarial),
            ("off-topic-", Tier::OffTopic),
        ];
        prefixes
            .into_iter()
            .find(|(p, _)| stem.starts_with(p))
            .map(|(_, t)| t)
    }
}

pub struct Fixture {
    pub rubric: String,
    pub stem: String,
    pub tier: Tier,
    /// Relative to the package root, as reports show it.
    pub path: PathBuf,
    pub text: String,
}

/// Every file under `dir` whose extension is one of `extensions`, walked in sorted order
/// so that tests read the same files in the same order on every machine.
pub fn files_under(dir: &Path, extensions: &[&str]) -> Vec<PathBuf> {
    fn walk(dir: &Path, extensions: &[&str], out: &mut Vec<PathBuf>) {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, extensions, out);
            } else if path
                .extension()
                .is_some_and(|e| extensions.iter().any(|x| e == *x))
            {
                out.push(path);
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, extensions, &mut out);
    out
}

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every fixture of every built-in rubric, sorted by rubric and file name.
pub fn fixtures() -> Vec<Fixture> {
    let mut out = Vec::new();
    for rubric in builtin::ids() {
        let dir = root().join("fixtures").join(rubric);
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
        paths.sort();
        for path in paths {
            if path.extension().and_then(|e| e.to_str()) != Some("md") {
                continue;
            }
            let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
            let tier =
                Tier::of(&stem).unwrap_or_else(|| panic!("{} has no tier prefix", path.display()));
            let text = std::fs::read_to_string(&path).unwrap();
            out.push(Fixture {
                rubric: rubric.to_owned(),
                tier,
                path: Path::new("fixtures")
                    .join(rubric)
                    .join(format!("{stem}.md")),
                stem,
                text,
            });
        }
    }
    out
}

/// `n` varied sentences with no interview vocabulary: padding that says nothing, for the
/// tests that show length alone buys nothing. Deterministic; few words repeat nearby.
pub fn neutral_sentences(n: usize) -> Vec<String> {
    const WHO: [&str; 11] = [
        "The old harbour",
        "A quiet lane",
        "My aunt's garden",
        "The river path",
        "An early ferry",
        "Our village bakery",
        "The north meadow",
        "A narrow bridge",
        "The church tower",
        "Grandfather's orchard",
        "The town square",
    ];
    const DID: [&str; 7] = [
        "looked calm",
        "stayed busy",
        "felt colder",
        "seemed brighter",
        "grew louder",
        "smelled of pine",
        "caught the light",
    ];
    const WHEN: [&str; 13] = [
        "that morning",
        "by evening",
        "after heavy rain",
        "before lunch",
        "on Sunday",
        "in late autumn",
        "during the fair",
        "at dawn",
        "past midnight",
        "around noon",
        "through winter",
        "under grey skies",
        "as swallows returned",
    ];
    const THEN: [&str; 5] = [
        "while gulls circled overhead",
        "and nobody minded",
        "as usual",
        "like every year",
        "despite the wind",
    ];
    (0..n)
        .map(|i| {
            format!(
                "{} {} {}, {}.",
                WHO[i % WHO.len()],
                DID[i % DID.len()],
                WHEN[i % WHEN.len()],
                THEN[i % THEN.len()]
            )
        })
        .collect()
}

/// Words in a text, as a reader counts them.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Runs the `grade` binary in `dir` (NO_COLOR set) with `stdin` as its input. The input is
/// written from a thread, so that a large one cannot block on a full output pipe; grade may
/// exit before reading it all (a bad argument), and a closed pipe is then no error.
pub fn grade_in_with_stdin(dir: &Path, args: &[&str], stdin: &[u8]) -> std::process::Output {
    grade_within(dir, args, stdin, None)
}

/// Waits for `child` up to `limit`: true when it finished, false when it ran past and was
/// killed (the caller fails the test, saying what it was running).
pub fn wait_within(child: &mut std::process::Child, limit: std::time::Duration) -> bool {
    let started = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > limit {
            child.kill().unwrap();
            return false;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    true
}

/// For a test whose outside program (chromium, node, nvim) is missing: fails it when `CI`
/// is set, where .ci/run should have installed the program; else prints a note, and the
/// test returns without checking anything.
pub fn skip_unless_ci(missing: &str) {
    assert!(
        std::env::var_os("CI").is_none(),
        "CI is set but the test cannot run: {missing}"
    );
    println!("note: test skipped: {missing}");
}

/// [`grade_in_with_stdin`], killing grade and failing the test when it runs past `timeout`:
/// for inputs that could make it hang.
pub fn grade_within(
    dir: &Path,
    args: &[&str],
    stdin: &[u8],
    timeout: Option<std::time::Duration>,
) -> std::process::Output {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_grade"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&bytes));
    if let Some(timeout) = timeout
        && !wait_within(&mut child, timeout)
    {
        let output = child.wait_with_output().unwrap();
        panic!(
            "grade {args:?} did not finish in {timeout:?}; stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let output = child.wait_with_output().unwrap();
    if let Err(e) = writer.join().unwrap() {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    output
}

/// A rubric source's problems as `line:column: message` strings; panics if it loads.
pub fn rubric_problems(source: &str) -> Vec<String> {
    match grade::rubric::load(source) {
        Err(grade::RubricError::Invalid { problems }) => {
            problems.iter().map(|p| p.to_string()).collect()
        }
        Ok(_) => panic!("the rubric loaded, but it should not have"),
        Err(other) => panic!("unexpected error {other}"),
    }
}

/// Runs `grade` in `dir` with empty standard input.
pub fn grade_in(dir: &Path, args: &[&str]) -> std::process::Output {
    grade_in_with_stdin(dir, args, &[])
}

/// Runs `grade` in the package root, where fixture paths resolve.
pub fn grade(args: &[&str]) -> std::process::Output {
    grade_in(root(), args)
}

pub fn stdout(output: &std::process::Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

pub fn stderr(output: &std::process::Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

/// A fresh folder under the system temp dir, one per test binary and name: outside this
/// repository, so that its .gitignore (which ignores target/) cannot hide a test's files
/// from a walk.
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("grade-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub mod devset;
pub mod server;

/// Markup an answer or a rubric might carry to attack a page that shows it.
pub const HOSTILE: [&str; 3] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "javascript:alert(1)",
];

/// Writes into `dir` an answer and a rubric whose texts hold every [`HOSTILE`] string (in
/// the question, in sentences that earn points, in the title, criterion names, advice and
/// mistake message) and returns their paths.
pub fn hostile_answer_and_rubric(dir: &Path) -> (PathBuf, PathBuf) {
    let [script, img, link] = HOSTILE;
    let answer = format!(
        "---\nquestion: pitch {script}\n---\nWe would measure retention of members {script} every week.\n\n\
         The retention goal {img} is a two-point lift for members.\n\n\
         Members who click {link} would show retention in the weekly data.\n"
    );
    let rubric = format!(
        "id = \"hostile\"\ntitle = {title:?}\n\n\
         [[criterion]]\nid = \"measure\"\nname = {name:?}\nweight = 2\nmax = 2\nadvice = {advice:?}\n\n\
         \x20 [[criterion.signal]]\n  id = \"retention\"\n  kind = \"phrases\"\n  phrases = [\"retention\"]\n\
         \x20 missing = {missing:?}\n\n\
         [[criterion]]\nid = \"absent\"\nname = {name:?}\nweight = 1\nmax = 1\nadvice = {advice:?}\n\n\
         \x20 [[criterion.signal]]\n  id = \"pricing\"\n  kind = \"phrases\"\n  phrases = [\"pricing\"]\n\n\
         [[mistake]]\nid = \"no-price\"\nmessage = {message:?}\npenalty = 1\nwhen = {{ absent = [\"pricing\"] }}\n",
        title = format!("Hostile {script} rubric"),
        name = format!("Measure {img}"),
        advice = format!("Read {link} and {script}"),
        missing = format!("Say {img}"),
        message = format!("No price {script}"),
    );
    let (answer_path, rubric_path) = (dir.join("hostile.md"), dir.join("hostile.toml"));
    std::fs::write(&answer_path, answer).unwrap();
    std::fs::write(&rubric_path, rubric).unwrap();
    (answer_path, rubric_path)
}
