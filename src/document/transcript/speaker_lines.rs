//! Speaker-labelled lines: `Interviewer: …`, `Candidate: …`, `Speaker 1: …`, with optional
//! `[00:01:23]` or `(1:23)` timestamps before the name or before the colon. Lines without a
//! label continue the turn above; Whisper-style lines `[00:00.000 --> 00:04.500] text`
//! (a time range, no label) are cues of the speaker above, or of one unnamed speaker.

use super::{Cue, Parsed, TranscriptError, header_cues, pieces, time};

/// A speaker label at the start of a line.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Label<'a> {
    pub name: Option<&'a str>,
    pub start_ms: Option<u64>,
    pub end_ms: Option<u64>,
    /// Where the spoken text starts, as an offset into the line.
    pub text_offset: usize,
}

/// True for a plausible speaker name: one to four capitalised words (or numbers) of
/// letters, digits, `_`, `-`, `.` or `'`, at most 32 bytes, starting with a letter; or a
/// role word in any case ("interviewer", "q").
pub(crate) fn is_name(name: &str) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    let role = super::candidate::is_interviewer(name) || super::candidate::is_candidate_role(name);
    !name.is_empty()
        && name.len() <= 32
        && words.len() <= 4
        && name.chars().next().is_some_and(char::is_alphabetic)
        && words.iter().all(|w| {
            !w.is_empty()
                && (role || w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
                && w.chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '\''))
        })
}

/// The first `:` outside brackets: "Interviewer (1:23): …" labels at the second colon.
fn label_colon(text: &str) -> Option<usize> {
    let mut depth = 0i32;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ':' if depth <= 0 => return Some(i),
            _ => {}
        }
    }
    None
}

/// Reads `[time] Name [time]: text` (each part optional but the name-and-colon, unless a
/// Whisper-style time range stands alone before the text).
pub(crate) fn label(line: &str) -> Option<Label<'_>> {
    let mut rest = line.trim_start();
    let mut offset = line.len() - rest.len();
    let mut start_ms = None;
    let mut end_ms = None;
    if let Some((start, end, taken)) = time::bracketed(rest) {
        start_ms = Some(start);
        end_ms = end;
        let after = &rest[taken..];
        offset += taken + (after.len() - after.trim_start().len());
        rest = after.trim_start();
    }
    let labelled = label_colon(rest).and_then(|colon| {
        let before = rest[..colon].trim_end();
        // "Name (1:23):" or "Name [1:23]:" put the time before the colon.
        let (name, time) = match before.rfind(['[', '(']) {
            Some(open) if start_ms.is_none() => match time::bracketed(&before[open..]) {
                Some((s, e, taken)) if open + taken == before.len() => {
                    (before[..open].trim_end(), Some((s, e)))
                }
                _ => (before, None),
            },
            _ => (before, None),
        };
        // A time's own colon ("at 10:30") is no label.
        let after = &rest[colon + 1..];
        (is_name(name) && !after.starts_with(|c: char| c.is_ascii_digit()))
            .then_some((name, time, colon))
    });
    match labelled {
        Some((name, time, colon)) => {
            if let Some((s, e)) = time {
                start_ms = Some(s);
                end_ms = e;
            }
            let after = &rest[colon + 1..];
            let text_offset = offset + colon + 1 + (after.len() - after.trim_start().len());
            Some(Label {
                name: Some(name),
                start_ms,
                end_ms,
                text_offset,
            })
        }
        None if end_ms.is_some() => Some(Label {
            name: None,
            start_ms,
            end_ms,
            text_offset: offset,
        }),
        None => None,
    }
}

/// Reads the lines: each label opens a cue; a line without a label continues the cue
/// above, and before any label it is a title or a note, not speech.
pub(crate) fn parse(text: &str, body_start: usize) -> Result<Parsed, TranscriptError> {
    let cues = header_cues(text, body_start, |line| {
        label(line.text).map(|found| Cue {
            speaker: found.name.map(str::to_owned),
            pieces: pieces(line, &line.text[found.text_offset..]),
            start_ms: found.start_ms,
            end_ms: found.end_ms,
            line: line.number,
        })
    });
    let ranges = cues.iter().filter(|c| c.end_ms.is_some()).count();
    let mut parsed = Parsed {
        has_end_times: ranges > 0 && ranges == cues.len(),
        cues,
        warnings: Vec::new(),
    };
    if parsed.has_end_times {
        super::check_order(&mut parsed.cues, &mut parsed.warnings);
    }
    Ok(parsed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_with_and_without_times() {
        let l = label("Candidate: So the idea").unwrap();
        assert_eq!(
            (l.name, l.start_ms, l.text_offset),
            (Some("Candidate"), None, 11)
        );
        let l = label("[00:01:23] Speaker 1: Right").unwrap();
        assert_eq!((l.name, l.start_ms), (Some("Speaker 1"), Some(83_000)));
        let l = label("Interviewer (1:23): Tell me").unwrap();
        assert_eq!((l.name, l.start_ms), (Some("Interviewer"), Some(83_000)));
        let l = label("[00:00.000 --> 00:04.500]  so the product").unwrap();
        assert_eq!((l.name, l.end_ms, l.text_offset), (None, Some(4_500), 27));
        assert_eq!(label("We met at 10:30 to decide."), None);
        assert_eq!(label("This is a long sentence with a colon: here"), None);
        assert_eq!(label("Result:3x"), None);
    }
}
