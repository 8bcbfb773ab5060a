//! Reading what the person running grade names (an answer, a rubric, grade.toml) safely:
//! only regular files, each within a size limit, so that a FIFO, a device or an endless
//! file is an error and never a blocking or unbounded read.

use std::io::Read;
use std::path::Path;

/// The most bytes a rubric file or grade.toml may hold: 1 MiB. The largest built-in
/// rubric is under 40 KiB, so this leaves room without letting `/dev/zero` fill memory.
pub const MAX_SOURCE_BYTES: u64 = 1 << 20;

/// Why a file was not read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SourceError {
    /// Nothing at the path.
    #[error("no such file")]
    NotFound,
    /// Something that is not a regular file: never opened, since reading a FIFO or a
    /// device may block or never end.
    #[error("{0}; grade reads regular files only")]
    NotRegular(&'static str),
    /// Over the size limit.
    #[error("the file is {size} bytes, over the {limit}-byte limit")]
    TooLarge {
        /// Its size (or the bytes read before the limit was passed).
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The system refused to read it.
    #[error("{0}")]
    Io(String),
}

/// What kind of file system object `file_type` is, for a file that is not regular.
fn kind(file_type: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else {
        "not a regular file"
    }
}

/// Checks that `path` (links followed) is a regular file of at most `limit` bytes, without
/// opening it; returns its size.
pub fn check_regular(path: &Path, limit: u64) -> Result<u64, SourceError> {
    let metadata = std::fs::metadata(path).map_err(io_error)?;
    if !metadata.file_type().is_file() {
        return Err(SourceError::NotRegular(kind(metadata.file_type())));
    }
    if metadata.len() > limit {
        return Err(SourceError::TooLarge {
            size: metadata.len(),
            limit,
        });
    }
    Ok(metadata.len())
}

/// The bytes of the regular file at `path`, at most `limit` of them; a file that grows
/// past the limit while it is read is refused too.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, SourceError> {
    let size = check_regular(path, limit)?;
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    std::fs::File::open(path)
        .and_then(|file| file.take(limit.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(io_error)?;
    if bytes.len() as u64 > limit {
        return Err(SourceError::TooLarge {
            size: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// The text of the regular file at `path`, at most [`MAX_SOURCE_BYTES`], as UTF-8.
pub fn read_source(path: &Path) -> Result<String, SourceError> {
    let bytes = read_bytes(path, MAX_SOURCE_BYTES)?;
    String::from_utf8(bytes)
        .map_err(|_| SourceError::Io("stream did not contain valid UTF-8".into()))
}

fn io_error(e: std::io::Error) -> SourceError {
    match e.kind() {
        std::io::ErrorKind::NotFound => SourceError::NotFound,
        _ => SourceError::Io(e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_what_is_not_a_small_regular_file() {
        assert_eq!(
            read_source(Path::new("/no/such/file")),
            Err(SourceError::NotFound)
        );
        assert!(matches!(
            read_source(Path::new("src")),
            Err(SourceError::NotRegular("a folder"))
        ));
        #[cfg(unix)]
        assert!(matches!(
            read_source(Path::new("/dev/zero")),
            Err(SourceError::NotRegular("a device"))
        ));
        assert!(matches!(
            read_bytes(Path::new("Cargo.toml"), 10),
            Err(SourceError::TooLarge { limit: 10, .. })
        ));
        assert!(read_source(Path::new("Cargo.toml")).is_ok());
    }
}
