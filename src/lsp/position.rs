//! Positions as the protocol counts them: a zero-based line and a column in UTF-16 code
//! units (the default `positionEncoding`), to and from byte offsets into a document's text.
//! An emoji is two units and one to four bytes; a curly quote or an accented letter one
//! unit and two or three bytes.

use lsp_types::{Position, Range};

/// Line starts of one text, for converting offsets and positions both ways.
#[derive(Clone, Debug)]
pub struct Lines {
    starts: Vec<usize>,
}

impl Lines {
    /// The line starts of `text`: after every `\n` (a `\r\n` ends a line at its `\n`).
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter_map(|(i, b)| (b == b'\n').then_some(i + 1)),
        );
        Lines { starts }
    }

    /// The position of a byte offset (clamped to the text, and moved back to the start of
    /// a character it falls inside).
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let character: usize = text[start..offset].chars().map(char::len_utf16).sum();
        Position::new(to_u32(line), to_u32(character))
    }

    /// The byte offset of a position: a column past the line's end (or inside a character
    /// that takes two units) stops at the end (or the start) of that character; a line past
    /// the text's end is the text's end.
    pub fn offset(&self, text: &str, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return text.len();
        };
        let end = self
            .starts
            .get(position.line as usize + 1)
            .map_or(text.len(), |&next| next);
        let line = text[start..end].trim_end_matches(['\n', '\r']);
        let mut units = 0;
        for (i, c) in line.char_indices() {
            units += c.len_utf16();
            if units > position.character as usize {
                return start + i;
            }
        }
        start + line.len()
    }

    /// The range of a byte span.
    pub fn range(&self, text: &str, start: usize, end: usize) -> Range {
        Range::new(self.position(text, start), self.position(text, end))
    }

    /// The whole first line (without its line break): where the summary and every
    /// whole-answer diagnostic go.
    pub fn first_line(&self, text: &str) -> Range {
        let end = text.find(['\r', '\n']).unwrap_or(text.len());
        self.range(text, 0, end)
    }
}

/// A count as the protocol's `u32`, saturating (a document is at most `--max-bytes`).
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(line: u32, character: u32) -> Position {
        Position::new(line, character)
    }

    #[test]
    fn emoji_count_two_units_and_four_bytes() {
        let text = "Launch 🚀 day\nnext";
        let lines = Lines::new(text);
        // "Launch " is 7 bytes and 7 units; the rocket is 4 bytes and 2 units.
        let day = text.find("day").unwrap();
        assert_eq!(day, 12);
        assert_eq!(lines.position(text, day), at(0, 10));
        assert_eq!(lines.offset(text, at(0, 10)), day);
        // Inside the surrogate pair: the start of the emoji.
        assert_eq!(lines.offset(text, at(0, 8)), 7);
        // A byte inside the emoji moves back to its start.
        assert_eq!(lines.position(text, 9), at(0, 7));
        assert_eq!(lines.position(text, text.find("next").unwrap()), at(1, 0));
    }

    #[test]
    fn curly_quotes_and_accents_count_one_unit_each() {
        let text = "“Zoë’s” café — Ünal said";
        let lines = Lines::new(text);
        let said = text.find("said").unwrap();
        // “ Z o ë ’ s ” space c a f é space — space Ü n a l space = 20 units.
        assert_eq!(lines.position(text, said), at(0, 20));
        assert_eq!(lines.offset(text, at(0, 20)), said);
        assert!(said > 20, "bytes outnumber units: {said}");
    }

    #[test]
    fn round_trips_on_every_character_boundary() {
        let text = "a🎉b\r\n“é”\n\nÅsa 👩‍💻 ok\n";
        let lines = Lines::new(text);
        for (offset, _) in text.char_indices().filter(|&(i, _)| {
            let rest = &text[i..];
            !rest.starts_with('\n') && !rest.starts_with('\r')
        }) {
            let position = lines.position(text, offset);
            assert_eq!(
                lines.offset(text, position),
                offset,
                "{offset} {position:?}"
            );
        }
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let text = "one\r\ntwo";
        let lines = Lines::new(text);
        assert_eq!(lines.offset(text, at(0, 99)), 3, "stops before the \\r\\n");
        assert_eq!(lines.offset(text, at(7, 0)), text.len());
        assert_eq!(lines.position(text, 999), at(1, 3));
        assert_eq!(lines.first_line(text), Range::new(at(0, 0), at(0, 3)));
        assert_eq!(
            Lines::new("").first_line(""),
            Range::new(at(0, 0), at(0, 0))
        );
    }
}
