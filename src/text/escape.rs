//! Text from the input (file names, quotes, front matter values, speaker names) made safe
//! for a terminal: every control and bidirectional-formatting character is written as a
//! visible Rust-style escape, `\u{1b}` for ESC and `\u{202e}` for RIGHT-TO-LEFT OVERRIDE, so
//! that an answer cannot move the cursor, recolour the report, or reorder what it shows.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal raw: C0 controls and DEL, C1 controls, and the
/// bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E, U+200F,
/// U+202A–U+202E, U+2066–U+2069). Line feed and tab are judged by the caller.
fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

fn escape(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| unsafe_char(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) && !keep(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` for the terminal, line feeds and tabs kept: for messages of several lines.
pub fn terminal(text: &str) -> Cow<'_, str> {
    escape(text, |c| c == '\n' || c == '\t')
}

/// `text` for one line of the terminal (a file name, a quote, a table cell): line feeds
/// and tabs are escaped too, so a name cannot break the line it is on.
pub fn line(text: &str) -> Cow<'_, str> {
    escape(text, |_| false)
}

/// A value as it displays, for the terminal ([`terminal`]): an error message that may
/// echo a file name or an input line.
pub fn shown(value: &impl std::fmt::Display) -> String {
    terminal(&value.to_string()).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_become_visible_escapes() {
        assert_eq!(line("a\u{1b}[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(line("evil\u{202e}dm.exe"), "evil\\u{202e}dm.exe");
        assert_eq!(
            line("\u{85}\u{7f}\u{200f}\u{2066}\u{61c}"),
            "\\u{85}\\u{7f}\\u{200f}\\u{2066}\\u{61c}"
        );
        assert_eq!(line("two\nlines\t"), "two\\u{a}lines\\u{9}");
        assert_eq!(terminal("two\nlines\t\u{7}"), "two\nlines\t\\u{7}");
    }

    #[test]
    fn clean_text_is_borrowed_unchanged() {
        let text = "Café — “members” 100% ✓ 日本語";
        assert!(matches!(line(text), Cow::Borrowed(t) if t == text));
    }
}
