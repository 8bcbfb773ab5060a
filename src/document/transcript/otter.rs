//! Otter- and Whisper-style blocks: a header line with the speaker and the time
//! (`Maya Chen  0:05`, `Speaker 1  01:23`, `SPEAKER_00 [00:00:03.120]`, `[0:05] Host`),
//! then the text on the lines below until the next header.

use super::speaker_lines::is_name;
use super::{Cue, Parsed, TranscriptError, Warning, header_cues, time};

/// A header line: the speaker's name and the start time, nothing else on the line.
pub(crate) fn header(line: &str) -> Option<(&str, u64, Option<u64>)> {
    let line = line.trim();
    if let Some((start, end, taken)) = time::bracketed(line) {
        let name = line[taken..].trim().trim_end_matches(':');
        return is_name(name).then_some((name, start, end));
    }
    // The time is the last word, bare or bracketed.
    let split = line.rfind([' ', '\t'])?;
    let (name, stamp) = (
        line[..split].trim().trim_end_matches(':'),
        line[split..].trim(),
    );
    let (start, end) = match time::bracketed(stamp) {
        Some((start, end, taken)) if taken == stamp.len() => (start, end),
        _ => (time::parse(stamp)?, None),
    };
    // "Name (0:05)" splits before the bracket.
    is_name(name).then_some((name, start, end))
}

/// Reads the blocks: each header opens a cue, the lines below it are its text.
pub(crate) fn parse(text: &str, body_start: usize) -> Result<Parsed, TranscriptError> {
    let cues = header_cues(text, body_start, |line| {
        header(line.text).map(|(name, start, end)| Cue {
            speaker: Some(name.to_owned()),
            pieces: Vec::new(),
            start_ms: Some(start),
            end_ms: end,
            line: line.number,
        })
    });
    let mut warnings: Vec<Warning> = cues
        .iter()
        .filter(|c| c.pieces.is_empty())
        .map(|cue| {
            Warning::new(
                cue.line,
                format!(
                    "`{}` has no text under this header; skipped",
                    cue.speaker.as_deref().unwrap_or_default()
                ),
            )
        })
        .collect();
    let has_end_times = cues.iter().all(|c| c.end_ms.is_some());
    let mut starts = cues.iter().filter_map(|c| c.start_ms.map(|s| (s, c.line)));
    if let Some((mut previous, _)) = starts.next() {
        for (start, line) in starts {
            if start < previous {
                warnings.push(Warning::new(
                    line,
                    format!(
                        "timestamps out of order: {} comes after {}",
                        time::format(start),
                        time::format(previous)
                    ),
                ));
            }
            previous = start;
        }
    }
    warnings.sort_by_key(|w| w.line);
    Ok(Parsed {
        cues,
        warnings,
        has_end_times,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_hold_a_name_and_a_time() {
        assert_eq!(header("Maya Chen  0:05"), Some(("Maya Chen", 5_000, None)));
        assert_eq!(
            header("SPEAKER_00 [00:00:03.120]"),
            Some(("SPEAKER_00", 3_120, None))
        );
        assert_eq!(header("[0:05] Host"), Some(("Host", 5_000, None)));
        assert_eq!(
            header("Interviewer (1:02)"),
            Some(("Interviewer", 62_000, None))
        );
        assert_eq!(header("We shipped it at 10:30"), None);
        assert_eq!(header("so the idea was"), None);
    }
}
