//! WebVTT captions: a `WEBVTT` header, then cues (an optional identifier, a
//! `00:01.000 --> 00:04.000` timing line with optional settings, text lines). `<v Name>`
//! voice tags name the speaker; other tags are not graded; NOTE, STYLE and REGION blocks
//! are skipped.

use super::srt::{blocks, read_cues};
use super::{Parsed, TranscriptError, lines};

pub(crate) fn parse(text: &str, body_start: usize) -> Result<Parsed, TranscriptError> {
    let all = lines(text, body_start);
    let Some(header) = all.iter().find(|l| !l.is_blank()) else {
        return Err(TranscriptError::at(1, 1, "empty WebVTT file"));
    };
    if !header
        .text
        .trim_start_matches('\u{feff}')
        .starts_with("WEBVTT")
    {
        return Err(TranscriptError::at(
            header.number,
            1,
            "a WebVTT file starts with a `WEBVTT` line",
        ));
    }
    let cue_blocks = blocks(&all).into_iter().filter(|block| {
        let first = block[0].text.trim_start();
        block[0].number != header.number
            && !["NOTE", "STYLE", "REGION"]
                .iter()
                .any(|k| first == *k || first.starts_with(&format!("{k} ")))
    });
    read_cues(
        cue_blocks,
        |block| usize::from(!block[0].text.contains("-->")),
        "`00:01.000 --> 00:04.000`",
        "cue identifiers",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn voices_name_speakers_and_notes_are_skipped() {
        let text = "WEBVTT\n\nNOTE recorded at home\n\nintro\n00:00.000 --> 00:02.000 align:start\n<v Interviewer>Pitch me something.</v>\n\n00:02.500 --> 00:06.000\n<v.loud Maya Chen>A <i>shared</i> watchlist.\n";
        let parsed = parse(text, 0).unwrap();
        let speakers: Vec<_> = parsed.cues.iter().map(|c| c.speaker.clone()).collect();
        assert_eq!(
            speakers,
            vec![Some("Interviewer".into()), Some("Maya Chen".into())]
        );
        let words: Vec<&str> = parsed.cues[1].pieces.iter().map(|p| p.text(text)).collect();
        assert_eq!(words, vec!["A", "shared", "watchlist."]);
        assert!(parsed.warnings.is_empty());
        assert_eq!(parse("Hello\n", 0).unwrap_err().position.line, 1);
    }
}
