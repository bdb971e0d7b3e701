//! Excerpts of a file for miette: the lines around some spans, long lines cut around them, with
//! the file's own line numbers and character columns. miette reads only the excerpt, so a
//! diagnostic costs the size of its excerpt rather than of the file, and never sees a column
//! too wide for it to format (it panics past 65,535).

use miette::{MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use crate::source::{LineIndex, Span};

/// Most lines of one span that a snippet shows; a longer span is cut after them.
const MAX_SPAN_LINES: usize = 8;
/// Most characters of one line that a snippet shows; longer lines are cut around the span with
/// `…` at either end, which also keeps miette clear of columns it cannot format.
const MAX_LINE_CHARS: usize = 160;
/// Characters kept before a span on a line that is cut.
const LEAD_CHARS: usize = 40;

/// The part of a file one diagnostic shows: its lines (with a line of context on either side),
/// each cut to [`MAX_LINE_CHARS`] around the spans on it, and the spans moved into it. Built
/// from the shared line index, so a diagnostic costs the size of its snippet, not of the file.
#[derive(Debug)]
pub struct Excerpt {
    name: String,
    text: String,
    /// The file's 0-based line number of the snippet's first line.
    first_line: usize,
    /// The primary span, in snippet offsets.
    pub primary: SourceSpan,
    /// The primary span's 0-based column in the file, in characters.
    primary_column: usize,
    /// Every other span, in snippet offsets, in the order given.
    pub others: Vec<SourceSpan>,
}

/// One line of a snippet: which bytes of the file line it keeps, and where they start in the
/// snippet text.
struct KeptLine {
    file: std::ops::Range<usize>,
    snippet_start: usize,
}

impl Excerpt {
    /// The excerpt of `text` (named `name`) that shows `primary` and `others`.
    pub fn new(name: &str, text: &str, lines: &LineIndex, primary: Span, others: &[Span]) -> Self {
        let clamp = |offset: u32| floor_boundary(text, (offset as usize).min(text.len()));
        // Each span as a byte range, cut after MAX_SPAN_LINES lines.
        let ranges: Vec<(usize, usize)> = std::iter::once(primary)
            .chain(others.iter().copied())
            .map(|span| {
                let start = clamp(span.start);
                let mut end = clamp(span.end).max(start);
                let last_line = lines.line_of(start) + MAX_SPAN_LINES - 1;
                if lines.line_of(end.saturating_sub(1).max(start)) > last_line {
                    end = lines.line_range(text, last_line).end;
                }
                (start, end)
            })
            .collect();
        let first_line = ranges
            .iter()
            .map(|&(start, _)| lines.line_of(start))
            .min()
            .unwrap_or(0)
            .saturating_sub(1);
        let last_line = ranges
            .iter()
            .map(|&(start, end)| lines.line_of(end.saturating_sub(1).max(start)))
            .max()
            .unwrap_or(0)
            .saturating_add(1)
            .min(lines.line_count().saturating_sub(1));
        let mut snippet = String::new();
        let mut kept = Vec::new();
        for line in first_line..=last_line {
            if line > first_line {
                snippet.push('\n');
            }
            let whole = lines.line_range(text, line);
            // The spans' parts on this line decide which characters stay.
            let focus = ranges
                .iter()
                .filter(|&&(start, end)| start <= whole.end && end >= whole.start)
                .map(|&(start, _)| start.max(whole.start))
                .min();
            let file = keep_around(text, whole.clone(), focus);
            if file.start > whole.start {
                snippet.push('…');
            }
            let snippet_start = snippet.len();
            // A lone `\r` would start a new line for miette: show it as a space.
            snippet.extend(
                text[file.clone()]
                    .chars()
                    .map(|c| if c == '\r' { ' ' } else { c }),
            );
            if file.end < whole.end {
                snippet.push('…');
            }
            kept.push(KeptLine {
                file,
                snippet_start,
            });
        }
        if last_line + 1 < lines.line_count() {
            // The file goes on: end the last line as the file does.
            snippet.push('\n');
        }
        let to_snippet = |offset: usize| {
            let line = lines.line_of(offset).clamp(first_line, last_line);
            let Some(kept) = kept.get(line - first_line) else {
                return snippet.len();
            };
            let inside = offset.clamp(kept.file.start, kept.file.end);
            kept.snippet_start + (inside - kept.file.start)
        };
        let mut spans = ranges.iter().map(|&(start, end)| {
            let (start, end) = (to_snippet(start), to_snippet(end));
            SourceSpan::new(start.into(), end.max(start) - start)
        });
        let primary_span = spans.next().unwrap_or_else(|| SourceSpan::new(0.into(), 0));
        let others = spans.collect();
        let primary_start = ranges.first().map_or(0, |&(start, _)| start);
        Self {
            name: name.to_owned(),
            primary_column: lines.line_column(text, primary_start).column as usize - 1,
            text: snippet,
            first_line,
            primary: primary_span,
            others,
        }
    }
}

/// The bytes of the line `whole` to show: all of it when short, otherwise at most
/// [`MAX_LINE_CHARS`] characters starting [`LEAD_CHARS`] before `focus` (or at the line start).
fn keep_around(
    text: &str,
    whole: std::ops::Range<usize>,
    focus: Option<usize>,
) -> std::ops::Range<usize> {
    if text[whole.clone()].chars().nth(MAX_LINE_CHARS).is_none() {
        return whole;
    }
    let focus = focus.unwrap_or(whole.start).clamp(whole.start, whole.end);
    let before = &text[whole.start..focus];
    let start = before
        .char_indices()
        .rev()
        .nth(LEAD_CHARS - 1)
        .map_or(whole.start, |(i, _)| whole.start + i);
    let end = text[start..whole.end]
        .char_indices()
        .nth(MAX_LINE_CHARS)
        .map_or(whole.end, |(i, _)| start + i);
    start..end
}

/// The last character boundary of `text` at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

impl SourceCode for Excerpt {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, miette::MietteError> {
        let contents =
            self.text
                .as_str()
                .read_span(span, context_lines_before, context_lines_after)?;
        // The header shows where the primary span starts: the file's line and character column.
        let column = if *span == self.primary && context_lines_before == 0 {
            self.primary_column
        } else {
            contents.column()
        };
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.clone(),
            contents.data(),
            *contents.span(),
            contents.line() + self.first_line,
            column,
            contents.line_count(),
        )))
    }
}
