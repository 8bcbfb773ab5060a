//! What the text renderers share: ANSI styling (or none), a quoted sentence with its
//! line:column, a transcript's turns line and a list of the most frequent phrases. Text
//! from the input goes through `text::escape` on its way to the terminal.

use crate::document::TranscriptInfo;
use crate::scoring::Evidence;
use crate::text::escape;

/// ANSI styling, or none.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    color: bool,
}

impl Style {
    /// ANSI styles when `color`, plain text otherwise.
    pub(crate) fn new(color: bool) -> Self {
        Style { color }
    }

    /// `text` in the SGR style `code` ("1" bold, "31" red), reset after.
    pub(crate) fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    /// Bold: headings and the score.
    pub(crate) fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    /// Green: what was earned.
    pub(crate) fn good(self, text: &str) -> String {
        self.paint("32", text)
    }

    /// Red: what is missing or wrong.
    pub(crate) fn bad(self, text: &str) -> String {
        self.paint("31", text)
    }

    /// Dim: secondary information.
    pub(crate) fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }

    /// A whole dimmed line of secondary information.
    pub(crate) fn dim_line(self, out: &mut String, text: &str) {
        out.push_str(&self.dim(text));
        out.push('\n');
    }
}

/// One quoted sentence: its line:column right-aligned in `width`, the quote, and `after`.
pub(crate) fn quote_line(indent: &str, width: usize, evidence: &Evidence, after: &str) -> String {
    let at = format!("{}:{}", evidence.line, evidence.column);
    let quote = escape::line(&evidence.quote);
    format!("{indent}{at:>width$}  \"{quote}\"{after}\n")
}

/// A transcript's turns and whose words were graded: `3 turns (Ana, Ben){separator}
/// graded Ben's words, <how chosen>`.
pub(crate) fn transcript_turns(transcript: &TranscriptInfo, separator: &str) -> String {
    format!(
        "{} turn{} ({}){separator} graded {}'s words, {}",
        transcript.turns,
        if transcript.turns == 1 { "" } else { "s" },
        escape::line(&transcript.speakers.join(", ")),
        escape::line(&transcript.speaker),
        transcript.chosen_by
    )
}

/// The most frequent phrases with their counts: `um 3, like 2`.
pub(crate) fn top_phrases(top: &[(String, usize)]) -> String {
    top.iter()
        .map(|(phrase, n)| format!("{} {n}", escape::line(phrase)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::InputForm;

    #[test]
    fn plain_style_adds_nothing() {
        let plain = Style::new(false);
        assert_eq!(plain.bold("score"), "score");
        assert_eq!(plain.bad("✗"), "✗");
        let mut out = String::new();
        plain.dim_line(&mut out, "words 3");
        assert_eq!(out, "words 3\n");
    }

    #[test]
    fn colour_wraps_in_sgr_codes_and_resets() {
        let color = Style::new(true);
        assert_eq!(color.bold("a"), "\x1b[1ma\x1b[0m");
        assert_eq!(color.good("a"), "\x1b[32ma\x1b[0m");
        assert_eq!(color.bad("a"), "\x1b[31ma\x1b[0m");
        assert_eq!(color.dim("a"), "\x1b[2ma\x1b[0m");
        assert_eq!(color.paint("4", "a"), "\x1b[4ma\x1b[0m");
    }

    #[test]
    fn quote_line_right_aligns_the_position() {
        let evidence = Evidence {
            line: 3,
            column: 12,
            quote: "We cut churn.".to_owned(),
            matched: Vec::new(),
        };
        assert_eq!(
            quote_line("  ", 6, &evidence, " — why"),
            "    3:12  \"We cut churn.\" — why\n"
        );
        assert_eq!(
            quote_line("", 2, &evidence, ""),
            "3:12  \"We cut churn.\"\n"
        );
    }

    #[test]
    fn transcript_turns_counts_turns_in_words() {
        let mut info = TranscriptInfo {
            form: InputForm::Speakers,
            speaker: "Ben".to_owned(),
            chosen_by: "named with --speaker",
            speakers: vec!["Ana".to_owned(), "Ben".to_owned()],
            turns: 1,
        };
        assert_eq!(
            transcript_turns(&info, ";"),
            "1 turn (Ana, Ben); graded Ben's words, named with --speaker"
        );
        info.turns = 4;
        assert_eq!(
            transcript_turns(&info, ":"),
            "4 turns (Ana, Ben): graded Ben's words, named with --speaker"
        );
    }

    #[test]
    fn top_phrases_lists_each_with_its_count() {
        let top = vec![("um".to_owned(), 3), ("you know".to_owned(), 1)];
        assert_eq!(top_phrases(&top), "um 3, you know 1");
        assert_eq!(top_phrases(&[]), "");
    }
}
