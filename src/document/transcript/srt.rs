//! SRT captions: numbered cues, a `00:00:01,000 --> 00:00:04,000` timing line, text lines,
//! a blank line between cues. A speaker may be named at the start of a cue's text
//! (`Interviewer: …`) or with a WebVTT-style `<v Name>` tag; unnamed cues continue the
//! speaker before them.

use super::{Cue, Line, Parsed, TranscriptError, Warning, lines, time};

/// Splits lines into blank-line-separated blocks.
pub(crate) fn blocks<'a>(lines: &[Line<'a>]) -> Vec<Vec<Line<'a>>> {
    let mut out: Vec<Vec<Line>> = Vec::new();
    let mut current = Vec::new();
    for line in lines {
        if line.is_blank() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(*line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// Reads one cue's timing line and text lines; shared with WebVTT.
pub(crate) fn cue(timing: &Line, text_lines: &[Line], warnings: &mut Vec<Warning>) -> Option<Cue> {
    let (start_ms, end_ms) = match time::cue_timing(timing.text) {
        Some(Ok((start, end))) => (Some(start), Some(end)),
        _ => {
            warnings.push(Warning::new(
                timing.number,
                format!(
                    "broken timestamp `{}`; the cue's text is graded without its timing",
                    timing.text.trim()
                ),
            ));
            (None, None)
        }
    };
    if text_lines.is_empty() {
        warnings.push(Warning::new(timing.number, "cue has no text; skipped"));
        return None;
    }
    let mut speaker = None;
    let mut pieces = Vec::new();
    for (i, line) in text_lines.iter().enumerate() {
        let mut content = line.text;
        if i == 0 {
            if let Some((name, rest)) = voice(content) {
                speaker = Some(name.to_owned());
                content = rest;
            } else if let Some(label) = super::speaker_lines::label(content)
                && label.name.is_some()
            {
                speaker = label.name.map(str::to_owned);
                content = &content[label.text_offset..];
            }
        }
        pieces.extend(super::pieces(line, content));
    }
    Some(Cue {
        speaker,
        pieces,
        start_ms,
        end_ms,
        line: timing.number,
    })
}

/// A `<v Name>` or `<v.class Name>` voice tag at the start: the name and the rest.
pub(crate) fn voice(content: &str) -> Option<(&str, &str)> {
    let rest = content.trim_start().strip_prefix("<v")?;
    if !rest.starts_with([' ', '.']) {
        return None;
    }
    let close = rest.find('>')?;
    let inside = &rest[..close];
    let name = inside.split_once(' ').map_or("", |(_, name)| name).trim();
    (!name.is_empty()).then(|| (name, &rest[close + 1..]))
}

pub(crate) fn parse(text: &str, body_start: usize) -> Result<Parsed, TranscriptError> {
    read_cues(
        blocks(&lines(text, body_start)),
        |block| usize::from(block[0].text.trim().bytes().all(|b| b.is_ascii_digit())),
        "`00:00:01,000 --> 00:00:04,000`",
        "cue numbers",
    )
}

/// Reads caption blocks (SRT's, or WebVTT's once its header and notes are set aside): the
/// timing line sits at `timing_at(block)`, after a cue number or identifier, and the text
/// follows. A block without a timing line is an error naming the line where it should be.
pub(crate) fn read_cues<'a>(
    blocks: impl IntoIterator<Item = Vec<Line<'a>>>,
    timing_at: impl Fn(&[Line<'a>]) -> usize,
    example: &str,
    identifiers: &str,
) -> Result<Parsed, TranscriptError> {
    let mut cues = Vec::new();
    let mut warnings = Vec::new();
    for block in blocks {
        let at = timing_at(&block);
        let Some(timing) = block.get(at).filter(|l| l.text.contains("-->")) else {
            let line = block.get(at).unwrap_or(&block[0]);
            return Err(TranscriptError::at(
                line.number,
                1,
                format!(
                    "expected a cue timing line ({example}); without it the caption text cannot be told from {identifiers}"
                ),
            ));
        };
        if let Some(cue) = cue(timing, &block[at + 1..], &mut warnings) {
            cues.push(cue);
        }
    }
    super::check_order(&mut cues, &mut warnings);
    warnings.sort_by_key(|w| w.line);
    Ok(Parsed {
        cues,
        warnings,
        has_end_times: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_cues_and_warns_about_bad_ones() {
        let text = "1\n00:00:01,000 --> 00:00:03,000\nInterviewer: Tell me.\n\n2\n00:00:04,000 --> 00:00:06,000\n\n3\n00:00:02,000 --> 00:00:05,000\nCandidate: Sure.\n";
        let parsed = parse(text, 0).unwrap();
        assert_eq!(parsed.cues.len(), 2);
        assert_eq!(parsed.cues[1].speaker.as_deref(), Some("Candidate"));
        let lines: Vec<usize> = parsed.warnings.iter().map(|w| w.line).collect();
        assert_eq!(lines, vec![6, 9]);
        let error = parse("1\nno timing here\n", 0).unwrap_err();
        assert_eq!(error.position.line, 2);
    }
}
