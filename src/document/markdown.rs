//! Block structure of plain text and Markdown: headings, list items and paragraphs, in one
//! pass over the lines. Fenced code, horizontal rules and table rules are not graded.

use super::{Block, BlockKind};
use crate::text::span::Span;

/// The graded blocks of the body (from `body_start`), in order; none is blank.
pub fn blocks(text: &str, body_start: usize) -> Vec<Block> {
    let mut blocks = Vec::new();
    // The open block (a paragraph or list item) that further lines may extend.
    let mut open: Option<Block> = None;
    let mut fence: Option<(u8, usize)> = None;
    let mut line_start = body_start;

    for raw in text[body_start..].split_inclusive('\n') {
        let start = line_start;
        line_start += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let indent = line.len() - line.trim_start().len();
        let content = line.trim_start();
        let content_start = start + indent;
        let line_end = start + line.len();

        if let Some((marker, count)) = fence {
            if fence_marker(content).is_some_and(|(m, c)| m == marker && c >= count) {
                fence = None;
            }
            continue;
        }
        if content.trim_end().is_empty() {
            blocks.extend(open.take());
            continue;
        }
        if let Some(marker) = fence_marker(content) {
            blocks.extend(open.take());
            fence = Some(marker);
            continue;
        }
        if is_rule(content) {
            blocks.extend(open.take());
            continue;
        }
        if indent < 4 {
            if let Some((level, offset)) = heading(content) {
                blocks.extend(open.take());
                blocks.extend(heading_block(content, content_start, level, offset));
                continue;
            }
            if let Some(offset) = list_marker(content) {
                blocks.extend(open.take());
                let s = content_start + offset;
                open = Some(Block {
                    kind: BlockKind::ListItem,
                    span: Span::new(s, line_end.max(s)),
                });
                continue;
            }
        }
        // A blockquote line grades as the text after its markers.
        let quoted = content.trim_start_matches(['>', ' ']);
        let quoted_start = line_end - quoted.len();
        match &mut open {
            Some(o) => o.span.end = line_end,
            None if quoted.trim().is_empty() => {}
            None => {
                open = Some(Block {
                    kind: BlockKind::Paragraph,
                    span: Span::new(quoted_start, line_end),
                })
            }
        }
    }
    blocks.extend(open.take());
    blocks.retain(|b| !text[b.span.start..b.span.end].trim().is_empty());
    blocks
}

/// The block of a heading line whose text starts at `offset` in `content` (closing `#`s
/// dropped); none when the heading is empty.
fn heading_block(content: &str, content_start: usize, level: u8, offset: usize) -> Option<Block> {
    let heading_text = content[offset..]
        .trim_end()
        .trim_end_matches('#')
        .trim_end();
    let s = content_start + offset;
    (!heading_text.is_empty()).then(|| Block {
        kind: BlockKind::Heading { level },
        span: Span::new(s, s + heading_text.len()),
    })
}

/// "```" or "~~~" (three or more) opens or closes a fence.
fn fence_marker(content: &str) -> Option<(u8, usize)> {
    let first = *content.as_bytes().first()?;
    if first != b'`' && first != b'~' {
        return None;
    }
    let count = content.bytes().take_while(|&b| b == first).count();
    (count >= 3).then_some((first, count))
}

/// `---`, `***`, `___` (spaces allowed between) on their own.
fn is_rule(content: &str) -> bool {
    let mut chars = content.chars().filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return false;
    };
    matches!(first, '-' | '*' | '_') && {
        let rest: Vec<char> = chars.collect();
        rest.len() >= 2 && rest.iter().all(|&c| c == first)
    } || is_table_rule(content)
}

/// `|---|:---:|` separates a table's header from its rows.
fn is_table_rule(content: &str) -> bool {
    content.starts_with('|')
        && content.contains('-')
        && content
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// `#`–`######` then a space: the heading level and where its text starts.
fn heading(content: &str) -> Option<(u8, usize)> {
    let level = content.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&level) {
        return None;
    }
    match content.as_bytes().get(level) {
        None => Some((level as u8, level)),
        Some(b' ' | b'\t') => {
            let rest = &content[level..];
            Some((level as u8, level + rest.len() - rest.trim_start().len()))
        }
        _ => None,
    }
}

/// `- `, `* `, `+ `, `1. `, `1) `: where the item's text starts.
fn list_marker(content: &str) -> Option<usize> {
    let bytes = content.as_bytes();
    let marker_len = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 9 || !matches!(bytes.get(digits), Some(b'.' | b')')) {
                return None;
            }
            digits + 1
        }
        _ => return None,
    };
    match bytes.get(marker_len) {
        Some(b' ' | b'\t') => {
            let rest = &content[marker_len..];
            Some(marker_len + rest.len() - rest.trim_start().len())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds_and_text(text: &str) -> Vec<(BlockKind, &str)> {
        blocks(text, 0)
            .into_iter()
            .map(|b| (b.kind, b.span.text(text)))
            .collect()
    }

    #[test]
    fn finds_headings_lists_and_paragraphs() {
        let text = "# Title #\n\nFirst line\nsecond line.\n\n- item one\n  continued\n2. two\n\n```\ncode here\n```\n---\n> quoted text\n";
        assert_eq!(
            kinds_and_text(text),
            vec![
                (BlockKind::Heading { level: 1 }, "Title"),
                (BlockKind::Paragraph, "First line\nsecond line."),
                (BlockKind::ListItem, "item one\n  continued"),
                (BlockKind::ListItem, "two"),
                (BlockKind::Paragraph, "quoted text"),
            ]
        );
    }

    #[test]
    fn hashtags_and_numbers_are_not_markers() {
        let text = "#hashtag and 3.5% growth\n-5 degrees";
        assert_eq!(
            kinds_and_text(text),
            vec![(BlockKind::Paragraph, "#hashtag and 3.5% growth\n-5 degrees")]
        );
    }

    #[test]
    fn unclosed_fence_hides_the_rest() {
        assert!(kinds_and_text("```\nnot graded").is_empty());
    }
}
