//! Deterministic benchmark corpus: realistic PM interview answers (prose, Markdown, speaker
//! transcripts, SRT and WebVTT captions) composed from template sentences and slot fillers
//! with a small seeded PRNG, so every run on every machine writes the same bytes.
//! Shared by `examples/gen-corpus.rs`, `benches/` and `tests/corpus.rs` through `#[path]`.

// Each includer uses a different part of this module.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::io;
use std::path::Path;

/// SplitMix64: tiny, fast, and the same sequence on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (n > 0); the modulo bias is irrelevant here.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn range(&mut self, low: usize, high_inclusive: usize) -> usize {
        low + self.below(high_inclusive - low + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// The written forms an answer comes in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Form {
    Markdown,
    Prose,
    Transcript,
    Srt,
    Vtt,
}

impl Form {
    pub fn extension(self) -> &'static str {
        match self {
            Form::Markdown => "md",
            Form::Prose | Form::Transcript => "txt",
            Form::Srt => "srt",
            Form::Vtt => "vtt",
        }
    }
}

/// Answers have this many words (before fillers), inclusive.
pub const MIN_WORDS: usize = 200;
pub const MAX_WORDS: usize = 800;

/// One generated answer: its file name, its text, and how many words the candidate says.
pub struct Answer {
    pub name: String,
    pub topic: &'static str,
    pub form: Form,
    pub text: String,
    pub candidate_words: usize,
}

/// The answer at `index` of the corpus for `seed`. Each answer depends only on (seed,
/// index), so a corpus of 2N starts with the corpus of N.
pub fn answer(seed: u64, index: usize) -> Answer {
    let mut rng = Rng::new(seed ^ (index as u64).wrapping_mul(0xD1B5_4A32_D192_ED03));
    rng.next_u64();
    let topic = &TOPICS[rng.below(TOPICS.len())];
    let form = match rng.below(100) {
        0..=39 => Form::Markdown,
        40..=69 => Form::Prose,
        70..=84 => Form::Transcript,
        85..=92 => Form::Srt,
        _ => Form::Vtt,
    };
    let target_words = rng.range(MIN_WORDS, MAX_WORDS);
    let sections = compose(&mut rng, topic, target_words);
    let candidate_words = sections
        .iter()
        .flat_map(|s| &s.sentences)
        .map(|s| s.split_whitespace().count())
        .sum();
    let spoken = matches!(form, Form::Transcript | Form::Srt | Form::Vtt);
    let sections = if spoken {
        sections
            .into_iter()
            .map(|s| Composed {
                sentences: s
                    .sentences
                    .iter()
                    .map(|t| add_fillers(&mut rng, t))
                    .collect(),
                ..s
            })
            .collect()
    } else {
        sections
    };
    let text = match form {
        Form::Markdown => markdown(&mut rng, topic, &sections),
        Form::Prose => prose(&mut rng, &sections),
        Form::Transcript => transcript(&mut rng, topic, &sections),
        Form::Srt => captions(&mut rng, &sections, false),
        Form::Vtt => captions(&mut rng, &sections, true),
    };
    let suffix = if form == Form::Transcript {
        "-transcript"
    } else {
        ""
    };
    Answer {
        name: format!("{index:05}-{}{suffix}.{}", topic.id, form.extension()),
        topic: topic.id,
        form,
        text,
        candidate_words,
    }
}

/// The first `n` answers for `seed`.
pub fn generate(n: usize, seed: u64) -> Vec<Answer> {
    (0..n).map(|i| answer(seed, i)).collect()
}

/// Writes the first `n` answers for `seed` into `dir` (created if missing), one file each,
/// generating as it goes so memory stays flat for large corpora.
pub fn write_corpus(dir: &Path, n: usize, seed: u64) -> io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let mut bytes = 0;
    for i in 0..n {
        let answer = answer(seed, i);
        bytes += answer.text.len() as u64;
        std::fs::write(dir.join(&answer.name), answer.text)?;
    }
    Ok(bytes)
}

/// FNV-1a over names and contents: a fingerprint that changes with any generated byte.
pub fn fingerprint(answers: &[Answer]) -> u64 {
    let mut hash: u64 = 0xCBF2_9CE4_8422_2325;
    for answer in answers {
        for &b in answer.name.as_bytes().iter().chain([0u8].iter()) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3);
        }
        for &b in answer.text.as_bytes().iter().chain([0u8].iter()) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3);
        }
    }
    hash
}

// ---------------------------------------------------------------------------------------
// Pathological inputs for the linearity benches.

/// One line with no space in it, `bytes` bytes long with its newline.
pub fn long_line(bytes: usize) -> String {
    let unit = "retention-churn_members/42%";
    let mut text = unit.repeat(bytes / unit.len() + 1);
    text.truncate(bytes.saturating_sub(1));
    text.push('\n');
    text
}

/// A Markdown list of `items` bullet items.
pub fn many_bullets(items: usize) -> String {
    let mut text = String::from("## Risks\n\n");
    for i in 0..items {
        let _ = writeln!(text, "- risk {i}: members churn by {}%", i % 97);
    }
    text
}

/// A transcript with `speakers` different speakers, each taking one turn.
pub fn many_speakers(speakers: usize) -> String {
    let mut text = String::new();
    for i in 0..speakers {
        let _ = writeln!(
            text,
            "Speaker {i}: I think members would churn less, by {}%, if we tested it first.",
            i % 53
        );
    }
    text
}

/// Markdown nested `depth` levels deep: blockquotes inside list items inside blockquotes.
pub fn deeply_nested(depth: usize) -> String {
    let mut text = String::new();
    for level in 0..depth {
        let indent = "  ".repeat(level % 64);
        let quotes = "> ".repeat(level % 32);
        let _ = writeln!(
            text,
            "{indent}{quotes}- level {level}: members churn less when we test"
        );
    }
    text
}

/// A single sentence of `words` words, no full stop until the end.
pub fn long_sentence(words: usize) -> String {
    const WORDS: &[&str] = &[
        "and",
        "members",
        "who",
        "commute",
        "would",
        "not",
        "churn",
        "because",
        "the",
        "catalogue",
        "grows",
        "by",
        "12%",
        "while",
        "retention",
        "improves",
        "for",
        "families",
    ];
    let mut text = String::with_capacity(words * 8);
    for i in 0..words {
        if i > 0 {
            text.push(' ');
        }
        text.push_str(WORDS[i % WORDS.len()]);
    }
    text.push_str(".\n");
    text
}

// ---------------------------------------------------------------------------------------
// Composition.

struct Composed {
    heading: &'static str,
    follow_up: &'static str,
    sentences: Vec<String>,
}

/// Sentences for every section of the topic, round-robin until the target is reached.
/// Each template is used once; then shared general sentences, once each; then templates
/// with slots again (their fillers make them new sentences), so that answers do not repeat
/// sentences verbatim.
fn compose(rng: &mut Rng, topic: &Topic, target_words: usize) -> Vec<Composed> {
    let mut orders: Vec<Vec<usize>> = topic
        .sections
        .iter()
        .map(|s| {
            let mut order: Vec<usize> = (0..s.sentences.len()).collect();
            rng.shuffle(&mut order);
            order
        })
        .collect();
    let mut general: Vec<usize> = (0..GENERAL.len()).collect();
    rng.shuffle(&mut general);
    let mut out: Vec<Composed> = topic
        .sections
        .iter()
        .map(|s| Composed {
            heading: s.heading,
            follow_up: s.follow_up,
            sentences: Vec::new(),
        })
        .collect();
    let mut words = 0;
    'outer: loop {
        let before = words;
        for (i, section) in topic.sections.iter().enumerate() {
            if words >= target_words {
                break 'outer;
            }
            let template = if let Some(t) = orders[i].pop() {
                section.sentences[t]
            } else if let Some(g) = general.pop() {
                GENERAL[g]
            } else {
                let slotted: Vec<&str> = section
                    .sentences
                    .iter()
                    .copied()
                    .filter(|t| t.contains('{'))
                    .collect();
                if slotted.is_empty() {
                    continue;
                }
                rng.pick(&slotted)
            };
            let mut sentence = fill(rng, template);
            // Stop short of the target rather than overshoot the upper bound.
            let count = sentence.split_whitespace().count();
            if words + count > MAX_WORDS {
                break 'outer;
            }
            capitalise_first(&mut sentence);
            words += count;
            out[i].sentences.push(sentence);
        }
        if words == before {
            break;
        }
    }
    out.retain(|s| !s.sentences.is_empty());
    out
}

fn capitalise_first(sentence: &mut String) {
    if let Some(first) = sentence.chars().next()
        && first.is_lowercase()
    {
        let upper: String = first.to_uppercase().collect();
        sentence.replace_range(..first.len_utf8(), &upper);
    }
}

/// Replaces each `{slot}` with a filler from its pool.
fn fill(rng: &mut Rng, template: &str) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let close = open + rest[open..].find('}').expect("slot closes");
        out.push_str(&slot(rng, &rest[open + 1..close]));
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

fn slot(rng: &mut Rng, name: &str) -> String {
    match name {
        "pct" => percent(rng),
        "small_pct" => format!("{}%", rng.range(1, 9)),
        "num" => count(rng),
        "money" => money(rng),
        "salary" => format!("${},000", rng.range(120, 260)),
        "weeks" => weeks(rng),
        "first" => rng
            .pick(NAMES)
            .split(' ')
            .next()
            .unwrap_or("Sam")
            .to_owned(),
        "year" => rng.range(2016, 2025).to_string(),
        "millis" => format!("{},{:03}", rng.range(2, 9), rng.range(0, 999)),
        "range" => {
            let low = rng.range(2, 6);
            format!("{low}–{} weeks", low + rng.range(1, 4))
        }
        other => {
            let pool = POOLS
                .iter()
                .find(|(n, _)| *n == other)
                .unwrap_or_else(|| panic!("unknown slot {other}"))
                .1;
            rng.pick(pool).to_owned()
        }
    }
}

fn percent(rng: &mut Rng) -> String {
    let n = rng.range(2, 64);
    match rng.below(6) {
        0 => format!("{n} percent"),
        1 => format!("{n}.{}%", rng.range(1, 9)),
        2 => format!("about {n}%"),
        _ => format!("{n}%"),
    }
}

fn count(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 => rng.range(12, 950).to_string(),
        1 => format!("{},{:03}", rng.range(1, 99), rng.range(0, 999)),
        2 => format!("{} million", rng.range(2, 40)),
        3 => format!("{}.{} million", rng.range(1, 9), rng.range(1, 9)),
        _ => format!("{},000", rng.range(3, 400)),
    }
}

fn money(rng: &mut Rng) -> String {
    match rng.below(5) {
        0 => format!("${}M", rng.range(1, 60)),
        1 => format!("€{},000", rng.range(20, 900)),
        2 => format!("£{}k", rng.range(15, 400)),
        3 => format!("${}.{} million", rng.range(1, 20), rng.range(1, 9)),
        _ => format!("${},{:03}", rng.range(1, 500), rng.range(0, 999)),
    }
}

fn weeks(rng: &mut Rng) -> String {
    match rng.below(6) {
        0 => "two weeks".to_owned(),
        1 => "a quarter".to_owned(),
        2 => format!("{} days", rng.range(10, 90)),
        3 => "three months".to_owned(),
        _ => format!("{} weeks", rng.range(2, 12)),
    }
}

/// Spoken answers: fillers before some words, and a hesitant start now and then.
fn add_fillers(rng: &mut Rng, mut sentence: &str) -> String {
    let mut out = String::with_capacity(sentence.len() + 24);
    let first_word = sentence.split([' ', '’']).next().unwrap_or_default();
    let keeps_capital = first_word == "I"
        || first_word == "Netflix"
        || NAMES.iter().any(|n| n.starts_with(first_word));
    if rng.chance(25) && !keeps_capital {
        out.push_str(rng.pick(OPENERS));
        let mut chars = sentence.chars();
        out.extend(chars.next().map(|c| c.to_ascii_lowercase()));
        sentence = chars.as_str();
    }
    for (i, word) in sentence.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
            if rng.chance(6) {
                out.push_str(rng.pick(FILLERS));
                out.push(' ');
            }
        }
        out.push_str(word);
    }
    out
}

const OPENERS: &[&str] = &["So, ", "And, um, ", "Yeah, so ", "Okay — ", "Honestly, "];

const FILLERS: &[&str] = &[
    "um,",
    "uh,",
    "um",
    "uh",
    "you know,",
    "like,",
    "I mean,",
    "sort of",
    "kind of",
    "basically",
];

// ---------------------------------------------------------------------------------------
// Rendering per form.

fn markdown(rng: &mut Rng, topic: &Topic, sections: &[Composed]) -> String {
    let mut out = String::new();
    if rng.chance(40) {
        let _ = writeln!(out, "---\nquestion: \"{}\"\n---\n", topic.question);
    }
    if rng.chance(50) {
        let template = rng.pick(topic.titles);
        let title = fill(rng, template);
        let _ = writeln!(out, "# {title}\n");
    }
    for section in sections {
        let level = if rng.chance(80) { "##" } else { "###" };
        let _ = writeln!(out, "{level} {}\n", section.heading);
        let as_list = section.sentences.len() >= 3 && rng.chance(35);
        if as_list {
            let numbered = rng.chance(30);
            let marker = if rng.chance(80) { '-' } else { '*' };
            let (intro, items) = section.sentences.split_first().expect("non-empty");
            let _ = writeln!(out, "{intro}\n");
            for (i, item) in items.iter().enumerate() {
                if numbered {
                    let _ = writeln!(out, "{}. {item}", i + 1);
                } else {
                    let _ = writeln!(out, "{marker} {item}");
                }
            }
            out.push('\n');
        } else {
            paragraphs(rng, &section.sentences, &mut out, false);
        }
    }
    out
}

fn prose(rng: &mut Rng, sections: &[Composed]) -> String {
    let mut out = String::new();
    let wrap = rng.chance(50);
    for section in sections {
        paragraphs(rng, &section.sentences, &mut out, wrap);
    }
    out
}

/// Groups sentences into paragraphs of 2–5, optionally hard-wrapped at about 80 columns.
fn paragraphs(rng: &mut Rng, sentences: &[String], out: &mut String, wrap: bool) {
    let mut i = 0;
    while i < sentences.len() {
        let take = rng.range(2, 5).min(sentences.len() - i);
        let paragraph = sentences[i..i + take].join(" ");
        if wrap {
            wrap_into(&paragraph, 78, out);
        } else {
            out.push_str(&paragraph);
            out.push('\n');
        }
        out.push('\n');
        i += take;
    }
}

fn wrap_into(text: &str, width: usize, out: &mut String) {
    let mut column = 0;
    for word in text.split(' ') {
        let len = word.chars().count();
        if column > 0 && column + 1 + len > width {
            out.push('\n');
            column = 0;
        } else if column > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += len;
    }
    out.push('\n');
}

fn transcript(rng: &mut Rng, topic: &Topic, sections: &[Composed]) -> String {
    let interviewer = if rng.chance(70) {
        "Interviewer"
    } else {
        "INTERVIEWER"
    };
    let candidate = if rng.chance(70) {
        "Candidate".to_owned()
    } else {
        rng.pick(NAMES).to_owned()
    };
    let mut out = String::new();
    let _ = writeln!(out, "{interviewer}: {}\n", topic.question);
    for (i, section) in sections.iter().enumerate() {
        if i > 0 && rng.chance(60) {
            let _ = writeln!(out, "{interviewer}: {}\n", section.follow_up);
        }
        let mut turn = 0;
        while turn < section.sentences.len() {
            let take = rng.range(2, 6).min(section.sentences.len() - turn);
            let _ = writeln!(
                out,
                "{candidate}: {}\n",
                section.sentences[turn..turn + take].join(" ")
            );
            turn += take;
            if turn < section.sentences.len() && rng.chance(25) {
                let _ = writeln!(out, "{interviewer}: {}\n", rng.pick(NUDGES));
            }
        }
    }
    out
}

/// SRT or WebVTT cues of 6–14 words, timed at speaking pace with an occasional pause.
fn captions(rng: &mut Rng, sections: &[Composed], vtt: bool) -> String {
    let mut out = String::new();
    if vtt {
        out.push_str("WEBVTT\n\n");
    }
    let voice = vtt && rng.chance(50);
    let words: Vec<&str> = sections
        .iter()
        .flat_map(|s| &s.sentences)
        .flat_map(|s| s.split(' '))
        .collect();
    let mut at_ms: u64 = rng.range(200, 1500) as u64;
    let mut cue = 1;
    let mut i = 0;
    while i < words.len() {
        let take = rng.range(6, 14).min(words.len() - i);
        let duration = take as u64 * rng.range(280, 460) as u64;
        let (start, end) = (at_ms, at_ms + duration);
        let text = words[i..i + take].join(" ");
        if vtt {
            let _ = writeln!(out, "{} --> {}", timestamp(start, '.'), timestamp(end, '.'));
        } else {
            let _ = writeln!(
                out,
                "{cue}\n{} --> {}",
                timestamp(start, ','),
                timestamp(end, ',')
            );
        }
        if voice {
            let _ = writeln!(out, "<v Candidate>{text}\n");
        } else if take > 9 {
            // Long cues wrap onto two lines, as caption files do.
            let split = take / 2;
            let _ = writeln!(
                out,
                "{}\n{}\n",
                words[i..i + split].join(" "),
                words[i + split..i + take].join(" ")
            );
        } else {
            let _ = writeln!(out, "{text}\n");
        }
        at_ms = end
            + if rng.chance(12) {
                rng.range(1200, 4000)
            } else {
                rng.range(40, 400)
            } as u64;
        i += take;
        cue += 1;
    }
    out
}

fn timestamp(ms: u64, separator: char) -> String {
    let (h, m, s, milli) = (ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    format!("{h:02}:{m:02}:{s:02}{separator}{milli:03}")
}

// ---------------------------------------------------------------------------------------
// Vocabulary: every sentence below was written for this corpus.

const NAMES: &[&str] = &[
    "José Álvarez",
    "Zoë Martin",
    "Chloé Dubois",
    "Björn Lindqvist",
    "Ngozi Okafor",
    "Ana María Gómez",
    "François Lefèvre",
    "Søren Nielsen",
    "Łukasz Nowak",
    "Priya Raman",
    "Mei Chen",
    "Tomás Ortega",
    "Aoife Ní Bhriain",
    "Renée Laurent",
    "Jürgen Weiß",
    "Océane Bernard",
    "Kwame Mensah",
    "Dilnoza Rashidova",
    "Hana Kovačević",
    "Nguyễn Thị Lan",
];

const NUDGES: &[&str] = &[
    "Mm-hm.",
    "Go on.",
    "Can you say more about that?",
    "Why that group in particular?",
    "How confident are you in that number?",
    "Okay, and then?",
];

const POOLS: &[(&str, &[&str])] = &[
    ("name", NAMES),
    (
        "segment",
        &[
            "members who commute by train",
            "families sharing one account",
            "students on the mobile plan",
            "new members in their first month",
            "viewers in Brazil who watch dubbed titles",
            "parents with kids under ten",
            "members who only watch on a phone",
            "heavy viewers of Korean dramas",
            "travellers with patchy Wi‑Fi",
            "roommates splitting one plan",
            "older viewers on smart TVs",
            "casual viewers who binge on weekends",
        ],
    ),
    (
        "feature",
        &[
            "offline “commute packs”",
            "a shared watchlist for households",
            "a “continue together” mode for couples",
            "a ten-minute “short on time” row",
            "smart downloads of the next episode",
            "a mood picker on the home screen",
            "live trivia after season finales",
            "a lock for kids’ profiles",
            "subtitles in regional languages",
            "a watch-party mode with reactions",
            "a “because you finished” recap card",
            "audio-only mode for stand-up specials",
        ],
    ),
    (
        "metric",
        &[
            "month-two retention",
            "weekly active members",
            "hours watched per member",
            "churn",
            "click-through rate on the row",
            "time to first play",
            "series completion rate",
            "search abandonment",
            "trial-to-paid conversion",
            "plays per session",
        ],
    ),
    (
        "guardrail",
        &[
            "cancellations",
            "support tickets",
            "app uninstalls",
            "streaming errors",
            "time spent browsing without playing",
            "complaints about storage",
        ],
    ),
    (
        "market",
        &[
            "India",
            "Brazil",
            "Nigeria",
            "Indonesia",
            "Mexico",
            "Poland",
            "Việt Nam",
            "Côte d’Ivoire",
            "Türkiye",
            "the Philippines",
        ],
    ),
    (
        "title",
        &[
            "“Stranger Things”",
            "“La Casa de Papel”",
            "“Squid Game”",
            "“Dark”",
            "“Sacred Games”",
            "“Élite”",
            "a Korean thriller",
            "a Nigerian romantic comedy",
            "a Danish crime series",
        ],
    ),
    (
        "team",
        &[
            "the growth team",
            "the search squad",
            "our design partners",
            "the content team",
            "data science",
            "the platform team",
            "customer support",
            "legal",
        ],
    ),
    (
        "company",
        &[
            "a fintech start-up in Lagos",
            "a B2B SaaS company",
            "a food-delivery marketplace",
            "a travel-booking site",
            "a mid-sized e-commerce company",
            "an ed-tech company in São Paulo",
        ],
    ),
    (
        "value",
        &[
            "candour",
            "freedom and responsibility",
            "context, not control",
            "disagreeing and then committing",
            "owning the outcome",
            "curiosity",
        ],
    ),
];

/// Sentences that fit any answer, used once each when a section runs out of its own.
const GENERAL: &[&str] = &[
    "I’d want to talk to a dozen members before trusting my own instincts here.",
    "Let me be concrete about that, because it’s easy to stay abstract.",
    "The way I think about it is who benefits, who pays, and how we’d know.",
    "I’m making an assumption there, and I’d want to check it with data.",
    "That’s the part of the job I enjoy most, honestly.",
    "I’d write this down in a short memo so the whole team can argue with it.",
    "To be fair, I could be wrong about the size of the effect.",
    "What matters is the behaviour we change, not the feature we ship.",
    "In my experience the first version always teaches you something you didn’t plan for.",
    "I’d also ask {first}, who knows this area far better than I do.",
    "I try not to fall in love with my own solution.",
    "We spent about {weeks} on discovery before writing a line of code.",
    "It’s a trade-off, and I’d rather name it than hide it.",
    "The numbers were rough, but good enough to make a decision.",
    "Engineering estimated {range} for the first version.",
    "I kept a weekly update going so that nobody was surprised.",
    "There’s a version of this that is too clever, and I’d avoid it.",
    "I’d check the same thing with {team} before we went further.",
    "That is roughly {pct} of the people we care about here.",
    "Looking back, the simplest option was usually the right one.",
    "It’s worth saying that none of this happens without a great team.",
    "I asked myself what a member would say if they saw the plan.",
    "The data told one story and the interviews told another, so we looked closer.",
    "We agreed on what “good” looks like before anyone saw results.",
    "I’d keep the scope small enough to ship within {weeks}.",
    "Our dashboards showed {num} sessions a day in that flow alone.",
    "My manager at the time, {name}, taught me to start from the customer.",
    "Sometimes the right answer is not to build anything at all.",
];

struct Section {
    heading: &'static str,
    follow_up: &'static str,
    sentences: &'static [&'static str],
}

struct Topic {
    id: &'static str,
    question: &'static str,
    titles: &'static [&'static str],
    sections: &'static [Section],
}

const TOPICS: &[Topic] = &[
    Topic {
        id: "product-pitch",
        question: "Pitch a new product or feature for Netflix.",
        titles: &["My pitch: {feature}", "Pitch", "A feature for Netflix"],
        sections: &[
            Section {
                heading: "The problem",
                follow_up: "Who has this problem, and how do you know?",
                sentences: &[
                    "The feature I’d pitch is {feature}, and it starts from a real pain point for {segment}.",
                    "Today {segment} open the app, scroll for a while and give up before anything plays.",
                    "In our research about {pct} of evening sessions for {segment} end without a single play.",
                    "When I sat with {num} members last spring, the word that kept coming up was “overwhelmed”.",
                    "The frustrating part is that the right title is usually in the catalogue — they just can’t find it.",
                    "My friend {first} put it best: “I spend more time choosing than watching.”",
                    "Roughly {num} members in {market} hit this every week, which is far from a niche.",
                    "People who drop off in the first month rarely come back, so this is where churn starts.",
                ],
            },
            Section {
                heading: "The idea",
                follow_up: "What exactly would members see?",
                sentences: &[
                    "The idea is simple: {feature}, shown only to members who would use it.",
                    "It would sit on the home screen next to “Continue Watching”, not buried in a menu.",
                    "For {segment} it means a play button within seconds instead of a wall of artwork.",
                    "We’d start with titles like {title}, where we know completion is already high.",
                    "It also surfaces local originals from {market} that members haven’t found yet.",
                    "The first version needs no new content, only better use of the library we already license.",
                    "I would keep the settings to one toggle, because every extra choice is friction.",
                ],
            },
            Section {
                heading: "Why it matters for the business",
                follow_up: "Why should Netflix invest in this rather than something else?",
                sentences: &[
                    "For the business, a {small_pct} drop in churn among {segment} is worth about {money} a year.",
                    "It supports growth in {market}, where the mobile plan is how most people join.",
                    "Better discovery means more hours on titles we already paid for, which lowers content cost per hour.",
                    "If it lifts {metric} by {pct}, it pays for the engineering time within {weeks}.",
                    "Competitors like YouTube and Disney+ win on the phone, so this is where we have to be better.",
                    "It strengthens the ad tier too, because members who watch more see more ads.",
                ],
            },
            Section {
                heading: "How I would test it",
                follow_up: "How would you know it worked?",
                sentences: &[
                    "I’d run an A/B test with {pct} of new members in {market} for {weeks}.",
                    "The primary metric is {metric}; the guardrail is {guardrail}.",
                    "Success means a lift of at least {small_pct} on {metric} with no rise in {guardrail}.",
                    "Before any code, we could fake it with a curated row and measure click-through.",
                    "I’d partner with {team} to size the opportunity before we commit a full team.",
                    "If the test shows nothing after {weeks}, we stop and write down what we learned.",
                ],
            },
            Section {
                heading: "Risks",
                follow_up: "What could go wrong?",
                sentences: &[
                    "The main risk is that it cannibalises time from the main rows instead of adding viewing.",
                    "Downloads fill up phones, so storage complaints are something I’d watch closely.",
                    "There’s a privacy question too, and I’d involve {team} early rather than late.",
                    "If it only works for {segment}, that is still fine — it doesn’t have to work for everyone.",
                    "The trade-off is more complexity on the home screen, which the design team will rightly push back on.",
                ],
            },
        ],
    },
    Topic {
        id: "ux-vs-business",
        question: "Tell me about a time user experience and business goals were in conflict.",
        titles: &[
            "UX versus revenue",
            "When the user and the business disagree",
        ],
        sections: &[
            Section {
                heading: "Situation",
                follow_up: "What was at stake?",
                sentences: &[
                    "At {company}, the business wanted to add a second upsell screen to the checkout.",
                    "Revenue was {pct} behind plan, and leadership was looking for a quick win.",
                    "The design team, led by {first}, thought the extra screen would annoy people and hurt trust.",
                    "Our data showed {pct} of users already abandoned the flow at the payment step.",
                    "I owned the checkout, so the decision landed on my desk.",
                ],
            },
            Section {
                heading: "The tension",
                follow_up: "How did you weigh the two sides?",
                sentences: &[
                    "Short-term, the upsell would bring in around {money} a quarter.",
                    "Long-term, every point of conversion we lost would cost more than that.",
                    "I didn’t want it to be “design versus sales”, so I framed it as one question: what do users value enough to pay for?",
                    "We looked at support tickets and found {num} complaints about hidden fees in a single month.",
                    "The honest answer was that both sides were partly right.",
                    "I mapped every step of the flow and where people dropped off — the second screen sat exactly on the worst step.",
                ],
            },
            Section {
                heading: "What I did",
                follow_up: "What did you actually decide?",
                sentences: &[
                    "I proposed a test: the upsell as an optional card after payment, not a blocking screen.",
                    "We ran it for {weeks} with {pct} of traffic and agreed the success criteria up front.",
                    "I aligned with {team} on guardrails: conversion, refunds and {guardrail}.",
                    "I wrote a one-page memo so that everyone saw the same numbers before the meeting.",
                    "When the VP pushed back, I walked through the trade-off in dollars rather than opinions.",
                ],
            },
            Section {
                heading: "Result",
                follow_up: "And what happened?",
                sentences: &[
                    "The optional card made {money} in its first month with no drop in conversion.",
                    "Refund requests fell by {pct}, which nobody had expected.",
                    "We shipped it to everyone after {weeks}, and it’s still live today.",
                    "The bigger result was that design and sales now write test plans together.",
                    "If I did it again, I’d bring finance in on day one, not week three.",
                ],
            },
        ],
    },
    Topic {
        id: "failure-story",
        question: "Tell me about a product failure you owned.",
        titles: &["A launch that failed", "What I learned from a failure"],
        sections: &[
            Section {
                heading: "What happened",
                follow_up: "What was the project?",
                sentences: &[
                    "In {year} I led the launch of push notifications for {company}.",
                    "We shipped in {weeks}, which in hindsight was far too fast.",
                    "Within days opt-outs rose by {pct} and app uninstalls doubled.",
                    "I had pushed the team to skip the beta because a competitor had just launched something similar.",
                    "It was my call, and it was the wrong one.",
                ],
            },
            Section {
                heading: "My part in it",
                follow_up: "What would you say was your mistake?",
                sentences: &[
                    "I owned the decision to send the same message to every user, whatever their history.",
                    "I didn’t listen when {name} from {team} warned me about frequency.",
                    "I measured opens, not what people did afterwards — the wrong metric entirely.",
                    "I should have set a guardrail on {guardrail} before we sent a single message.",
                    "Looking back, I confused shipping fast with learning fast.",
                ],
            },
            Section {
                heading: "What I did next",
                follow_up: "How did you recover?",
                sentences: &[
                    "I paused the campaign the next morning and told my manager before she heard it from anyone else.",
                    "We wrote a blameless post-mortem and shared it with {num} people across the company.",
                    "I rebuilt the plan around a {pct} holdout group and a weekly cap of two messages.",
                    "We relaunched after {weeks}, this time with a proper beta in {market}.",
                    "The second version lifted {metric} by {pct} with opt-outs back to normal.",
                ],
            },
            Section {
                heading: "What I learned",
                follow_up: "What do you do differently now?",
                sentences: &[
                    "I learned to agree the guardrails before the launch, not after the damage.",
                    "Now every launch I run has a kill switch and a named owner for it.",
                    "I also learned that a loud warning from one engineer is data, not noise.",
                    "It changed how I think about speed: a slower launch that we can trust is faster overall.",
                    "I still keep that post-mortem in my notes and reread it before big launches.",
                ],
            },
        ],
    },
    Topic {
        id: "metrics",
        question: "How would you measure the success of the Downloads for You feature?",
        titles: &["Measuring Downloads for You", "Metrics"],
        sections: &[
            Section {
                heading: "Goal",
                follow_up: "What is the feature for, in one sentence?",
                sentences: &[
                    "The goal of Downloads for You is that {segment} always have something good to watch offline.",
                    "Before picking metrics, I’d agree on that goal with {team}.",
                    "Success isn’t downloads themselves; it’s watching that would not have happened otherwise.",
                    "The feature exists to reduce churn among {segment}, so the metrics should say whether it does.",
                ],
            },
            Section {
                heading: "North-star and supporting metrics",
                follow_up: "What would be your primary metric?",
                sentences: &[
                    "My north-star metric would be hours watched offline per member per week.",
                    "Supporting that, I’d track {metric} and the share of downloads that get played.",
                    "A good early signal is whether {pct} of auto-downloaded episodes are started within {weeks}.",
                    "I’d split every number by market, because {market} behaves very differently from the US.",
                    "The counter-metric is {guardrail}, since silent downloads can annoy people.",
                    "Over a quarter, I’d expect month-two retention to move by {small_pct} if the feature works.",
                ],
            },
            Section {
                heading: "How I’d read the numbers",
                follow_up: "How would you know the change was caused by the feature?",
                sentences: &[
                    "I’d use a holdout of {pct} of eligible members so that we can compare like with like.",
                    "The test needs about {num} members per arm to detect a {small_pct} lift.",
                    "If downloads go up but plays don’t, the feature is filling phones, not helping anyone.",
                    "I’d look at novelty effects by comparing the first {weeks} with the period after.",
                    "Data science would help me check that the result holds across devices and plans.",
                ],
            },
            Section {
                heading: "Decision",
                follow_up: "What result would make you roll it back?",
                sentences: &[
                    "If {metric} improves and {guardrail} stays flat, we roll it out to every market.",
                    "If it only works on Android, we ship there first and investigate iOS separately.",
                    "If nothing moves after {weeks}, I would rather stop than keep tuning forever.",
                    "Either way, I’d write up the result so the next team doesn’t start from zero.",
                ],
            },
        ],
    },
    Topic {
        id: "salary-negotiation",
        question: "We’d like to make you an offer. What are your salary expectations?",
        titles: &["Negotiating the offer", "Salary conversation"],
        sections: &[
            Section {
                heading: "Research",
                follow_up: "How did you arrive at that?",
                sentences: &[
                    "I’ve done my research on the market for a senior product manager in this city.",
                    "Based on offers I’ve seen and conversations with {num} peers, the range is {salary} to {salary} base.",
                    "I also know Netflix pays top of market and keeps most of it in cash, which I value.",
                    "My current package is {salary} base plus a bonus of about {small_pct}.",
                ],
            },
            Section {
                heading: "The ask",
                follow_up: "What number would you need?",
                sentences: &[
                    "Given the scope of the role, I’m looking for {salary} in base salary.",
                    "I’d like to anchor around {salary}, and I’m open to how we structure it.",
                    "That figure reflects the {pct} growth I drove in my last role, not just my current pay.",
                    "I’d rather be transparent than play games, so that is the number I’d be happy with.",
                ],
            },
            Section {
                heading: "Beyond the base",
                follow_up: "Is there anything else that matters to you?",
                sentences: &[
                    "Beyond base, I’d like to talk about the start date, because I owe my team a proper handover of {weeks}.",
                    "Relocation to the new office would cost me roughly {money}, so support there would matter.",
                    "I’m flexible on the mix of stock and cash if the total lands in that range.",
                    "Learning budget and time for a conference each year also matter to me.",
                ],
            },
            Section {
                heading: "Closing",
                follow_up: "Where does that leave us?",
                sentences: &[
                    "I’m genuinely excited about this role, and I want us to get to a yes.",
                    "If {salary} is a stretch, could you tell me what flexibility there is?",
                    "I’d appreciate the offer in writing so I can review it properly within {weeks}.",
                    "Thank you — I’m confident we can find something that works for both of us.",
                ],
            },
        ],
    },
    Topic {
        id: "culture-fit",
        question: "Tell me about a time you disagreed with a senior leader.",
        titles: &["Disagreeing with a VP", "Candour in practice"],
        sections: &[
            Section {
                heading: "Context",
                follow_up: "What was the disagreement about?",
                sentences: &[
                    "At {company}, our VP wanted to cut the free trial to three days to improve conversion.",
                    "I disagreed, because our data showed {pct} of paying users converted on day five or later.",
                    "The decision was already on the roadmap, and most people in the room stayed quiet.",
                    "For me, {value} means saying what you think even when it’s uncomfortable.",
                ],
            },
            Section {
                heading: "How I raised it",
                follow_up: "How did you raise it with them?",
                sentences: &[
                    "I asked for thirty minutes one-on-one rather than challenging her in front of the team.",
                    "I brought the cohort data and said plainly: “I think this will cost us {money} a year.”",
                    "I also told her what I could be wrong about, which made the conversation easier.",
                    "She pushed back hard, and I listened before answering.",
                    "We agreed to test it with {pct} of sign-ups in {market} instead of everywhere.",
                ],
            },
            Section {
                heading: "Outcome",
                follow_up: "What happened in the end?",
                sentences: &[
                    "The test showed conversion up {small_pct} but retention down {pct}, so we kept the longer trial.",
                    "Afterwards she asked me to review two other pricing decisions, which I took as trust.",
                    "I didn’t win every argument that year, and when I lost, I committed fully.",
                    "{first} told me later that the one-on-one made it easier for others to speak up.",
                ],
            },
            Section {
                heading: "Why it matters to me",
                follow_up: "How does that connect to how you like to work?",
                sentences: &[
                    "I give feedback early and in private, and I ask for it back just as often.",
                    "I’d rather hear bad news in week one than in week ten.",
                    "I like teams where context flows freely and people own their decisions.",
                    "That is a big part of why Netflix’s culture memo resonates with me.",
                ],
            },
        ],
    },
    Topic {
        id: "technical-design",
        question: "How would you make the home page load faster on low-end phones?",
        titles: &["A faster home page", "Startup latency"],
        sections: &[
            Section {
                heading: "Understanding the problem",
                follow_up: "Where is the time going today?",
                sentences: &[
                    "On low-end Android phones in {market}, the home page takes about {millis} milliseconds to become usable.",
                    "Members who wait more than four seconds are {pct} more likely to close the app.",
                    "I’d start with traces from real devices, not the flagship phones in our office.",
                    "Most of the time goes to artwork, not to the API — that changes what we should fix.",
                ],
            },
            Section {
                heading: "Options",
                follow_up: "What are the options?",
                sentences: &[
                    "One option is to render the first row from a cached response while the rest loads.",
                    "Another is to send smaller artwork to devices with less memory.",
                    "We could also prefetch the home page overnight on Wi‑Fi, like we do for downloads.",
                    "Server-side, {team} could trim the payload by {pct} by dropping fields the app never reads.",
                    "Each option trades freshness against speed, and I’d make that trade-off explicit.",
                ],
            },
            Section {
                heading: "Plan and trade-offs",
                follow_up: "Which would you do first, and why?",
                sentences: &[
                    "I’d ship the cached first row first, because it’s cheap and measurable within {weeks}.",
                    "The risk is showing a stale row, so we cap the cache age at a few hours.",
                    "I’d work with engineering to set a budget: home page usable in under two seconds at p90.",
                    "We’d measure time to first play and {guardrail} before and after each change.",
                    "The heavier work, like a lighter image format, goes on the roadmap for next quarter.",
                ],
            },
        ],
    },
];
