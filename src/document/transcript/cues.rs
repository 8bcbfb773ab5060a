//! What every transcript form's parser shares: the input's lines, the cues read from them
//! (one loop for the forms where a header line opens a cue), the text pieces of a line
//! with markup left out, and the check of cue timing.

use super::{Warning, time};
use crate::text::span::Span;

/// One line of the input: 1-based number, offset of its start, text without the line end.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line<'a> {
    pub number: usize,
    pub start: usize,
    pub text: &'a str,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The span of `part`, a subslice of this line's text.
    pub fn span_of(&self, part: &str) -> Span {
        let offset = part.as_ptr() as usize - self.text.as_ptr() as usize;
        Span::new(self.start + offset, self.start + offset + part.len())
    }
}

/// The lines of `text` from `from` (a line start) on.
pub(crate) fn lines(text: &str, from: usize) -> Vec<Line<'_>> {
    let first = text[..from].matches('\n').count() + 1;
    let mut start = from;
    let mut out = Vec::new();
    for (number, raw) in (first..).zip(text[from..].split_inclusive('\n')) {
        out.push(Line {
            number,
            start,
            text: raw.trim_end_matches(['\n', '\r']),
        });
        start += raw.len();
    }
    out
}

/// A cue as a form's parser reads it, before speakers are resolved.
#[derive(Debug)]
pub(crate) struct Cue {
    pub speaker: Option<String>,
    pub pieces: Vec<Span>,
    pub start_ms: Option<u64>,
    pub end_ms: Option<u64>,
    pub line: usize,
}

/// What a form's parser reads: the cues in order, the warnings, and whether every cue has
/// its own end time.
#[derive(Debug)]
pub(crate) struct Parsed {
    pub cues: Vec<Cue>,
    pub warnings: Vec<Warning>,
    pub has_end_times: bool,
}

/// The cues of a form where a header line opens each cue and the lines below continue it.
/// `header` reads a line as a cue's header (holding the pieces of the header line, if any)
/// or says it is none; a line that is no header adds its pieces to the cue above, and before
/// any header it is a title or a note, not speech. Blank lines are skipped.
pub(crate) fn header_cues(
    text: &str,
    body_start: usize,
    mut header: impl FnMut(&Line) -> Option<Cue>,
) -> Vec<Cue> {
    let mut cues: Vec<Cue> = Vec::new();
    for line in lines(text, body_start) {
        if line.is_blank() {
            continue;
        }
        match header(&line) {
            Some(cue) => cues.push(cue),
            None => {
                if let Some(cue) = cues.last_mut() {
                    cue.pieces.extend(pieces(&line, line.text));
                }
            }
        }
    }
    cues
}

/// The text pieces of `part` (a subslice of `line`) with `<…>` tags and `{…}` codes left
/// out, each trimmed; empty pieces are dropped.
pub(crate) fn pieces(line: &Line, part: &str) -> Vec<Span> {
    let base = line.span_of(part).start;
    let mut out = Vec::new();
    let mut piece_start = 0;
    let mut i = 0;
    let bytes = part.as_bytes();
    let push = |from: usize, to: usize, out: &mut Vec<Span>| {
        let piece = &part[from..to];
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            let s = base + from + (piece.len() - piece.trim_start().len());
            out.push(Span::new(s, s + trimmed.len()));
        }
    };
    while i < bytes.len() {
        let close = match bytes[i] {
            b'<' => Some(b'>'),
            b'{' => Some(b'}'),
            _ => None,
        };
        if let Some(close) = close
            && let Some(len) = bytes[i..].iter().position(|&b| b == close)
        {
            push(piece_start, i, &mut out);
            i += len + 1;
            piece_start = i;
            continue;
        }
        i += 1;
    }
    push(piece_start, bytes.len(), &mut out);
    out
}

/// A cue shorter than this cannot hold a spoken word (a short word takes about 150 ms):
/// its timing is broken, and taken at its word it gives paces of millions of words a minute.
pub const SHORTEST_CUE_MS: u64 = 100;

/// Checks each timed cue: too short to be speech, or against the one before it: out of
/// order, overlapping. A cue with broken timing keeps its words, untimed.
pub(crate) fn check_order(cues: &mut [Cue], warnings: &mut Vec<Warning>) {
    let mut previous: Option<(u64, u64)> = None;
    for cue in cues {
        let (Some(start), Some(end)) = (cue.start_ms, cue.end_ms) else {
            continue;
        };
        // A cue with no text is skipped with its own warning.
        if end >= start && end - start < SHORTEST_CUE_MS && !cue.pieces.is_empty() {
            warnings.push(Warning::new(
                cue.line,
                format!(
                    "cue lasts {} ms, under the {SHORTEST_CUE_MS} ms a spoken word takes; its timing is ignored and its words are estimated at 150 words per minute",
                    end - start
                ),
            ));
            cue.start_ms = None;
            cue.end_ms = None;
            continue;
        }
        if end < start {
            warnings.push(Warning::new(
                cue.line,
                format!(
                    "cue ends ({}) before it starts ({}); its timing is ignored",
                    time::format(end),
                    time::format(start)
                ),
            ));
            cue.start_ms = None;
            cue.end_ms = None;
            continue;
        }
        if let Some((previous_start, previous_end)) = previous {
            let message = if start < previous_start {
                Some(format!(
                    "timestamps out of order: this cue starts at {}, before the cue above ({})",
                    time::format(start),
                    time::format(previous_start)
                ))
            } else if start < previous_end {
                Some(format!(
                    "overlapping cues: this cue starts {:.1} s before the cue above ends",
                    (previous_end - start) as f64 / 1000.0
                ))
            } else {
                None
            };
            warnings.extend(message.map(|message| Warning::new(cue.line, message)));
        }
        previous = Some((start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_leave_tags_out() {
        let text = "<v Ana>Hello <i>there</i>, friend</v>";
        let line = lines(text, 0)[0];
        let spans = pieces(&line, line.text);
        let words: Vec<&str> = spans.iter().map(|s| s.text(text)).collect();
        assert_eq!(words, vec!["Hello", "there", ", friend"]);
    }
}
