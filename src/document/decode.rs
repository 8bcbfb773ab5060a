//! Bytes to text: UTF-8 only, a leading BOM dropped, binary and empty input refused.

use crate::error::DecodeError;
use crate::text::span::LineCol;

/// Files above this size are refused unless the caller raises the limit.
pub const DEFAULT_MAX_BYTES: usize = 1024 * 1024;

/// Turns raw bytes into the answer's text.
pub fn decode(bytes: Vec<u8>, max_bytes: usize) -> Result<String, DecodeError> {
    if bytes.len() > max_bytes {
        return Err(DecodeError::TooLarge {
            size: bytes.len(),
            limit: max_bytes,
        });
    }
    if let Some(encoding) = other_encoding(&bytes) {
        return Err(DecodeError::OtherEncoding { encoding });
    }
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        let position = position_of(&bytes, offset);
        return Err(DecodeError::Binary { offset, position });
    }
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        DecodeError::InvalidUtf8 {
            offset,
            position: position_of(e.as_bytes(), offset),
        }
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    if let (Some(_), body) = super::front_matter::split(&text)
        && text[body..].trim().is_empty()
    {
        return Err(DecodeError::OnlyFrontMatter);
    }
    Ok(text)
}

/// The encoding a UTF-16 or UTF-32 byte-order mark names; UTF-32 first, since its
/// little-endian mark starts with UTF-16's.
fn other_encoding(bytes: &[u8]) -> Option<&'static str> {
    const MARKS: [(&[u8], &str); 4] = [
        (b"\xFF\xFE\0\0", "UTF-32 (little-endian)"),
        (b"\0\0\xFE\xFF", "UTF-32 (big-endian)"),
        (b"\xFF\xFE", "UTF-16 (little-endian)"),
        (b"\xFE\xFF", "UTF-16 (big-endian)"),
    ];
    MARKS
        .iter()
        .find(|(mark, _)| bytes.starts_with(mark))
        .map(|&(_, encoding)| encoding)
}

/// Line and column of a bad byte, counting characters on its line as far as they decode.
fn position_of(bytes: &[u8], offset: usize) -> LineCol {
    let before = &bytes[..offset];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    LineCol {
        line: before.iter().filter(|&&b| b == b'\n').count() + 1,
        column: String::from_utf8_lossy(&before[line_start..])
            .chars()
            .count()
            + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_with_no_body_is_empty() {
        let only = b"---\nrubric: product-pitch\n---\n  \n".to_vec();
        assert_eq!(decode(only, 100), Err(DecodeError::OnlyFrontMatter));
        assert!(decode(b"---\nrubric: x\n---\nBody.".to_vec(), 100).is_ok());
    }

    #[test]
    fn names_utf16_and_utf32_byte_order_marks() {
        let cases: [(&[u8], &str); 4] = [
            (b"\xFF\xFEh\0i\0", "UTF-16 (little-endian)"),
            (b"\xFE\xFF\0h\0i", "UTF-16 (big-endian)"),
            (b"\xFF\xFE\0\0h\0\0\0", "UTF-32 (little-endian)"),
            (b"\0\0\xFE\xFF\0\0\0h", "UTF-32 (big-endian)"),
        ];
        for (bytes, encoding) in cases {
            assert_eq!(
                decode(bytes.to_vec(), 100),
                Err(DecodeError::OtherEncoding { encoding })
            );
        }
    }

    #[test]
    fn drops_bom_and_refuses_bad_input() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi".to_vec(), 100).unwrap(), "hi");
        assert_eq!(decode(b" \n\t ".to_vec(), 100), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"ab\0c".to_vec(), 100),
            Err(DecodeError::Binary {
                offset: 2,
                position: LineCol { line: 1, column: 3 }
            })
        );
        assert_eq!(
            decode(b"a\nbc\xFFd".to_vec(), 100),
            Err(DecodeError::InvalidUtf8 {
                offset: 4,
                position: LineCol { line: 2, column: 3 }
            })
        );
        assert_eq!(
            decode(vec![b'a'; 11], 10),
            Err(DecodeError::TooLarge {
                size: 11,
                limit: 10
            })
        );
    }
}
