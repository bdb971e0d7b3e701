//! Source text, byte spans and line/column lookup.

use serde::Serialize;

/// A half-open byte range `[start, end)` into the whole file as read, front matter included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    /// First byte of the range.
    pub start: u32,
    /// One past the last byte of the range.
    pub end: u32,
}

impl Span {
    /// A span from two byte offsets.
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} runs backwards");
        Self {
            start: to_u32(start),
            end: to_u32(end),
        }
    }

    /// An empty span at one offset.
    pub fn empty(at: usize) -> Self {
        Self::new(at, at)
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The span as a `usize` range, for slicing.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The same span shifted right by `offset` bytes.
    pub fn shifted(self, offset: usize) -> Self {
        Self::new(self.start as usize + offset, self.end as usize + offset)
    }

    /// Whether `offset` lies inside the span.
    pub fn contains(self, offset: usize) -> bool {
        self.range().contains(&offset)
    }
}

/// Files are capped far below 4 GiB (see `max-file-size`), so offsets always fit.
fn to_u32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// Characters that start in `bytes` (every byte that is not a UTF-8 continuation byte).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// A 1-based line and a 1-based column counted in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct LineColumn {
    /// 1-based line number.
    pub line: u32,
    /// 1-based column, in Unicode scalar values.
    pub column: u32,
}

/// Bytes between two character-count checkpoints of a [`LineIndex`].
const CHECKPOINT_STRIDE: usize = 1024;

/// The byte offset of every line start, for turning offsets into line and column, with a
/// character count every kilobyte so that a column on a line megabytes long costs no more than
/// one on a short line.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<u32>,
    /// `(offset, characters before it)` at the first character boundary of every
    /// [`CHECKPOINT_STRIDE`] bytes, the first at 0.
    checkpoints: Vec<(u32, u32)>,
}

impl LineIndex {
    /// Index the line starts of `text`: a line ends at `\n` (a `\r` before it stays on the line)
    /// or at a lone `\r`.
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut line_starts = Vec::with_capacity(text.len() / 64 + 1);
        line_starts.push(0);
        line_starts.extend(
            memchr::memchr2_iter(b'\n', b'\r', bytes)
                .filter(|&i| bytes[i] == b'\n' || bytes.get(i + 1) != Some(&b'\n'))
                .map(|i| to_u32(i + 1)),
        );
        let mut checkpoints = vec![(0, 0)];
        let mut chars = 0;
        let mut from = 0;
        while from + CHECKPOINT_STRIDE < text.len() {
            let mut to = from + CHECKPOINT_STRIDE;
            while !text.is_char_boundary(to) {
                to += 1;
            }
            chars += count_chars(&text.as_bytes()[from..to]);
            checkpoints.push((to_u32(to), to_u32(chars)));
            from = to;
        }
        Self {
            line_starts,
            checkpoints,
        }
    }

    /// The offset in Unicode scalar values of byte `offset` (clamped to the text): how many
    /// characters start before it. SARIF counts offsets this way.
    pub fn char_offset(&self, text: &str, offset: usize) -> usize {
        self.chars_before(text, offset.min(text.len()))
    }

    /// Characters that start before byte `offset` (at most `text.len()`).
    fn chars_before(&self, text: &str, offset: usize) -> usize {
        let at = self
            .checkpoints
            .partition_point(|&(start, _)| start as usize <= offset)
            .saturating_sub(1);
        let (start, before) = self.checkpoints.get(at).copied().unwrap_or((0, 0));
        let start = (start as usize).min(offset);
        before as usize + count_chars(&text.as_bytes()[start..offset])
    }

    /// Line and column of a byte offset. Offsets past the end map to the end; offsets inside a
    /// multi-byte character count that character.
    pub fn line_column(&self, text: &str, offset: usize) -> LineColumn {
        let offset = offset.min(text.len());
        let line = self
            .line_starts
            .partition_point(|&start| start as usize <= offset)
            .saturating_sub(1);
        let line_start = (self.line_starts[line] as usize).min(offset);
        let column = self.chars_before(text, offset) - self.chars_before(text, line_start);
        LineColumn {
            line: to_u32(line + 1),
            column: to_u32(column + 1),
        }
    }

    /// The 0-based line that byte `offset` is on.
    pub fn line_of(&self, offset: usize) -> usize {
        self.line_starts
            .partition_point(|&start| start as usize <= offset)
            .saturating_sub(1)
    }

    /// The byte range of 0-based line `line` of `text`, without its `\n` (nor a `\r` before it).
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let start = self
            .line_starts
            .get(line)
            .map_or(text.len(), |&s| s as usize);
        let mut end = self
            .line_starts
            .get(line + 1)
            .map_or(text.len(), |&next| next as usize - 1);
        if end > start && text.as_bytes().get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
        start.min(text.len())..end.min(text.len()).max(start.min(text.len()))
    }

    /// How many lines the text has (a text ending in `\n` has an empty last line).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The byte offset where 1-based `line` starts, if the text has that line.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        line.checked_sub(1)
            .and_then(|i| self.line_starts.get(i))
            .map(|&s| s as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_columns_count_scalar_values() {
        let text = "ab\r\n« c »\nd";
        let index = LineIndex::new(text);
        assert_eq!(
            index.line_column(text, 0),
            LineColumn { line: 1, column: 1 }
        );
        let c = text.find('c').unwrap();
        assert_eq!(
            index.line_column(text, c),
            LineColumn { line: 2, column: 3 }
        );
        let d = text.find('d').unwrap();
        assert_eq!(
            index.line_column(text, d),
            LineColumn { line: 3, column: 1 }
        );
        assert_eq!(
            index.line_column(text, 999),
            LineColumn { line: 3, column: 2 }
        );
        let text = "a\rb\r\nc";
        let index = LineIndex::new(text);
        assert_eq!(
            index.line_column(text, 2),
            LineColumn { line: 2, column: 1 }
        );
        assert_eq!(
            index.line_column(text, 5),
            LineColumn { line: 3, column: 1 }
        );
    }

    #[test]
    fn columns_on_long_lines_match_a_plain_count() {
        let text = format!("intro\n{}\nend", "aé“b".repeat(3000));
        let index = LineIndex::new(&text);
        for offset in (0..=text.len()).step_by(97).chain([text.len()]) {
            let before = &text.as_bytes()[..offset];
            let line = before.iter().filter(|&&b| b == b'\n').count() as u32 + 1;
            let line_start = before
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            let column = count_chars(&before[line_start..]) as u32 + 1;
            assert_eq!(
                index.line_column(&text, offset),
                LineColumn { line, column },
                "{offset}"
            );
        }
    }
}
