//! The open documents: each buffer's text and version, its file and grade.toml, its last
//! grading, and when a change is due to be regraded (changes arriving before then are
//! coalesced into one regrade).

use super::grading::Outcome;
use super::position::Lines;
use super::rubric::Found;
use lsp_types::{TextDocumentContentChangeEvent, Uri};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One open buffer.
#[derive(Debug)]
pub struct Open {
    /// Its URI as the client sent it.
    pub uri: Uri,
    /// Its whole text.
    pub text: String,
    /// The client's version of it.
    pub version: i32,
    /// Its file, for a `file:` URI.
    pub file: Option<PathBuf>,
    /// grade.toml found upward from the file.
    pub config: Found,
    /// The last grading of `text`; `None` until the next regrade after a change.
    pub outcome: Option<Outcome>,
    /// When a changed buffer is regraded.
    pub due: Option<Instant>,
}

impl Open {
    /// Applies the client's changes in order: a change without a range replaces the text;
    /// one with a range replaces that range (UTF-16 positions).
    pub fn apply(&mut self, changes: Vec<TextDocumentContentChangeEvent>) {
        for change in changes {
            match change.range {
                None => self.text = change.text,
                Some(range) => {
                    let lines = Lines::new(&self.text);
                    let start = lines.offset(&self.text, range.start);
                    let end = lines.offset(&self.text, range.end).max(start);
                    self.text.replace_range(start..end, &change.text);
                }
            }
        }
        self.outcome = None;
    }

    /// The name the report gives it: its path, else its URI.
    pub fn name(&self) -> String {
        match &self.file {
            Some(file) => file.display().to_string(),
            None => self.uri.as_str().to_owned(),
        }
    }
}

/// The open buffers by URI, in URI order (so that every pass over them is deterministic).
#[derive(Debug, Default)]
pub struct Documents {
    open: BTreeMap<String, Open>,
}

impl Documents {
    /// Adds (or replaces) a buffer.
    pub fn insert(&mut self, open: Open) {
        self.open.insert(open.uri.as_str().to_owned(), open);
    }

    /// A buffer by URI.
    pub fn get_mut(&mut self, uri: &Uri) -> Option<&mut Open> {
        self.open.get_mut(uri.as_str())
    }

    /// Forgets a buffer.
    pub fn remove(&mut self, uri: &Uri) -> Option<Open> {
        self.open.remove(uri.as_str())
    }

    /// Every buffer.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Open> {
        self.open.values_mut()
    }

    /// The earliest time a changed buffer is due.
    pub fn next_due(&self) -> Option<Instant> {
        self.open.values().filter_map(|o| o.due).min()
    }
}

/// The path of a `file:` URI (percent-escapes decoded); none for any other scheme, or a
/// URI naming another host.
pub fn file_path(uri: &Uri) -> Option<PathBuf> {
    let rest = uri.as_str().strip_prefix("file://")?;
    let path = match rest.strip_prefix("localhost") {
        Some(path) => path,
        None => rest,
    };
    if !path.starts_with('/') {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = path.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).and_then(|&b| hex(b)),
            bytes.get(i + 2).and_then(|&b| hex(b)),
        ) {
            (b'%', Some(high), Some(low)) => {
                decoded.push((high * 16 + low) as u8);
                i += 3;
            }
            (byte, _, _) => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    let path = String::from_utf8(decoded).ok()?;
    Some(PathBuf::from(path))
}

/// A path as a `file://` URL, links resolved where they can be, percent-encoding what a
/// URL may not hold: the inverse of [`file_path`].
pub fn file_url(path: &Path) -> String {
    let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
    let mut url = String::from("file://");
    for byte in path.to_string_lossy().bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'_' | b'.' | b'~' => {
                url.push(byte as char);
            }
            _ => url.push_str(&format!("%{byte:02X}")),
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(uri: &str) -> Option<PathBuf> {
        file_path(&uri.parse().unwrap())
    }

    #[test]
    fn file_uris_decode_to_paths() {
        assert_eq!(
            path("file:///home/z/a%20b/Zo%C3%AB.md"),
            Some("/home/z/a b/Zoë.md".into())
        );
        assert_eq!(path("file://localhost/x.md"), Some("/x.md".into()));
        assert_eq!(path("untitled:Untitled-1"), None);
        assert_eq!(path("file://server/share/x.md"), None);
        let spaced = Path::new("/no such/Zoë 1.md");
        assert_eq!(file_url(spaced), "file:///no%20such/Zo%C3%AB%201.md");
        assert_eq!(
            file_path(&file_url(spaced).parse().unwrap()).as_deref(),
            Some(spaced)
        );
    }

    #[test]
    fn ranged_changes_use_utf16_positions() {
        let mut open = Open {
            uri: "untitled:a".parse().unwrap(),
            text: "Zoë 🚀 wins\n".to_owned(),
            version: 1,
            file: None,
            config: None,
            outcome: None,
            due: None,
        };
        // "wins" starts at UTF-16 column 7 (Z o ë space, rocket 2, space).
        let at = |c| lsp_types::Position::new(0, c);
        open.apply(vec![TextDocumentContentChangeEvent {
            range: Some(lsp_types::Range::new(at(7), at(11))),
            range_length: None,
            text: "ships".to_owned(),
        }]);
        assert_eq!(open.text, "Zoë 🚀 ships\n");
        open.apply(vec![TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: "new".to_owned(),
        }]);
        assert_eq!(open.text, "new");
    }
}
