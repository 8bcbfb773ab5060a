//! Timestamps as transcripts write them: `1:23`, `01:23.5`, `00:01:23,450`, `[00:01:23]`,
//! `(1:23)`, and Whisper's ranges `[00:00.000 --> 00:04.500]`. Times are milliseconds.

/// Parses `H:MM:SS`, `M:SS` or `MM:SS` with an optional `.mmm` or `,mmm` fraction.
pub fn parse(text: &str) -> Option<u64> {
    let text = text.trim();
    let (whole, fraction) = match text.find(['.', ',']) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    let parts: Vec<&str> = whole.split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || p.len() > 3 || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let numbers: Vec<u64> = parts
        .iter()
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    // Every part after the first counts minutes or seconds.
    if numbers[1..].iter().any(|&n| n >= 60) || parts[1..].iter().any(|p| p.len() != 2) {
        return None;
    }
    let seconds = numbers.iter().fold(0, |total, &n| total * 60 + n);
    let millis = match fraction {
        None => 0,
        Some(f) if !f.is_empty() && f.len() <= 3 && f.bytes().all(|b| b.is_ascii_digit()) => {
            f.parse::<u64>().ok()? * 10u64.pow(3 - f.len() as u32)
        }
        Some(_) => return None,
    };
    Some(seconds * 1000 + millis)
}

/// A bracketed time or range at the start of `text`: `[1:23]`, `(00:01:23)` or
/// `[00:00.000 --> 00:04.500]`. Returns (start, end, bytes taken including the bracket).
pub fn bracketed(text: &str) -> Option<(u64, Option<u64>, usize)> {
    let close = match text.as_bytes().first()? {
        b'[' => ']',
        b'(' => ')',
        _ => return None,
    };
    let end = text.find(close)?;
    let inside = &text[1..end];
    let (start, stop) = match inside.split_once("-->") {
        Some((a, b)) => (parse(a)?, Some(parse(b)?)),
        None => (parse(inside)?, None),
    };
    Some((start, stop, end + 1))
}

/// A cue timing line, `start --> end` with optional settings after the end time. `None`
/// when the line has no arrow at all; `Some(Err(()))` when it has one but a time is broken.
pub fn cue_timing(line: &str) -> Option<Result<(u64, u64), ()>> {
    let (start, rest) = line.split_once("-->")?;
    let end = rest.split_whitespace().next().unwrap_or("");
    Some(match (parse(start), parse(end)) {
        (Some(a), Some(b)) => Ok((a, b)),
        _ => Err(()),
    })
}

/// `1:23`-style text for a number of milliseconds, as reports show times.
pub fn format(ms: u64) -> String {
    let seconds = ms / 1000;
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_usual_shapes() {
        assert_eq!(parse("1:23"), Some(83_000));
        assert_eq!(parse("00:01:23,450"), Some(83_450));
        assert_eq!(parse("01:02:03.5"), Some(3_723_500));
        assert_eq!(parse("1:75"), None);
        assert_eq!(parse("00:00:6,000"), None);
        assert_eq!(parse("00:00:06,5OO"), None);
        assert_eq!(
            bracketed("[00:00.000 --> 00:04.500] hi"),
            Some((0, Some(4_500), 25))
        );
        assert_eq!(bracketed("(1:23) x"), Some((83_000, None, 6)));
        assert_eq!(
            cue_timing("00:00:01,000 --> 00:00:02,000 align:start"),
            Some(Ok((1000, 2000)))
        );
        assert_eq!(cue_timing("00:00:01,000 --> 00:0x:02,000"), Some(Err(())));
        assert_eq!(cue_timing("no arrow"), None);
        assert_eq!(format(83_450), "1:23");
        assert_eq!(format(3_723_000), "1:02:03");
    }
}
