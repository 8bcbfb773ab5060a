//! Bytes to text: UTF-8 only, a leading BOM dropped, binary and empty input refused.

use crate::error::DecodeError;

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
    if let Some(offset) = bytes.iter().position(|&b| b == 0) {
        return Err(DecodeError::Binary { offset });
    }
    let mut text = String::from_utf8(bytes).map_err(|e| DecodeError::InvalidUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_bom_and_refuses_bad_input() {
        assert_eq!(decode(b"\xEF\xBB\xBFhi".to_vec(), 100).unwrap(), "hi");
        assert_eq!(decode(b" \n\t ".to_vec(), 100), Err(DecodeError::Empty));
        assert_eq!(
            decode(b"ab\0c".to_vec(), 100),
            Err(DecodeError::Binary { offset: 2 })
        );
        assert_eq!(
            decode(b"abc\xFFd".to_vec(), 100),
            Err(DecodeError::InvalidUtf8 { offset: 3 })
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
