//! The human format: miette's graphical reports, kept behind our own `Diagnostic`.

use std::fmt;
use std::io::{self, Write};

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteSpanContents, SourceCode,
    SourceSpan, SpanContents,
};

use super::{Reporter, Style, summary_line};
use crate::diagnostic::{Diagnostic, Severity};
use crate::runner::{FileReport, Summary};
use crate::source::{LineIndex, Span};

pub(super) struct Human {
    handler: GraphicalReportHandler,
    style: Style,
}

impl Human {
    pub(super) fn new(style: Style) -> Self {
        Self {
            handler: handler(style),
            style,
        }
    }
}

fn handler(style: Style) -> GraphicalReportHandler {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_context_lines(1)
}

impl Reporter for Human {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let text = report.text.as_deref().unwrap_or_default();
        let lines = LineIndex::new(text);
        for diagnostic in &report.diagnostics {
            let rendered = render_with(&self.handler, &report.path, text, &lines, diagnostic);
            out.write_all(rendered.as_bytes())?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if !self.style.quiet {
            writeln!(out, "{}", summary_line(summary))?;
        }
        Ok(())
    }
}

/// Render one diagnostic the way the human format does, without colors, at `width` columns
/// (used by the fixture snapshots too).
pub fn render_diagnostic(path: &str, text: &str, diagnostic: &Diagnostic, width: usize) -> String {
    let style = Style {
        color: false,
        width,
        quiet: true,
    };
    render_with(
        &handler(style),
        path,
        text,
        &LineIndex::new(text),
        diagnostic,
    )
}

fn render_with(
    handler: &GraphicalReportHandler,
    path: &str,
    text: &str,
    lines: &LineIndex,
    diagnostic: &Diagnostic,
) -> String {
    // Related spans near the primary one share its snippet; distant ones get their own.
    let primary_line = lines.line_of(diagnostic.span.start as usize);
    let (near, far): (Vec<_>, Vec<_>) = diagnostic
        .related
        .iter()
        .partition(|r| lines.line_of(r.span.start as usize).abs_diff(primary_line) <= NEAR_LINES);
    let has_source = !text.is_empty();
    let near_spans: Vec<Span> = near.iter().map(|r| r.span).collect();
    let snippet = has_source.then(|| Snippet::new(path, text, lines, diagnostic.span, &near_spans));
    let related = far
        .into_iter()
        .map(|r| RelatedView {
            message: &r.message,
            snippet: has_source.then(|| Snippet::new(path, text, lines, r.span, &[])),
        })
        .collect();
    let report = MietteView {
        diagnostic,
        snippet,
        path,
        near,
        related,
    };
    let mut rendered = String::new();
    if handler.render_report(&mut rendered, &report).is_err() {
        rendered = format!("{}: {} {}\n", path, diagnostic.code, diagnostic.message);
    }
    if report.snippet.is_none() {
        rendered = rendered.replacen('\n', &format!("\n  at {path}\n"), 1);
    }
    // Distant related spans follow as notes with snippets of their own.
    for related in &report.related {
        let mut note = String::new();
        if handler.render_report(&mut note, related).is_ok() {
            rendered.push('\n');
            rendered.push_str(&note);
        }
    }
    rendered.push('\n');
    rendered
}

/// How many lines apart a related span may be and still share the primary span's snippet.
const NEAR_LINES: usize = 3;
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
struct Snippet {
    name: String,
    text: String,
    /// The file's 0-based line number of the snippet's first line.
    first_line: usize,
    /// The primary span, in snippet offsets.
    primary: SourceSpan,
    /// The primary span's 0-based column in the file, in characters.
    primary_column: usize,
    /// Every other span, in snippet offsets, in the order given.
    others: Vec<SourceSpan>,
}

/// One line of a snippet: which bytes of the file line it keeps, and where they start in the
/// snippet text.
struct KeptLine {
    file: std::ops::Range<usize>,
    snippet_start: usize,
}

impl Snippet {
    fn new(name: &str, text: &str, lines: &LineIndex, primary: Span, others: &[Span]) -> Self {
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

impl SourceCode for Snippet {
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

/// Our diagnostic as miette sees it.
struct MietteView<'a> {
    diagnostic: &'a Diagnostic,
    snippet: Option<Snippet>,
    path: &'a str,
    /// Related spans close to the primary one, labelled in its snippet.
    near: Vec<&'a crate::diagnostic::Related>,
    /// Related spans far from it, each shown with a snippet of its own.
    related: Vec<RelatedView<'a>>,
}

/// A related span ("first stated here") as miette shows it: a note with its own snippet.
struct RelatedView<'a> {
    message: &'a str,
    snippet: Option<Snippet>,
}

impl fmt::Debug for RelatedView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message)
    }
}

impl fmt::Display for RelatedView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message)
    }
}

impl std::error::Error for RelatedView<'_> {}

impl miette::Diagnostic for RelatedView<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.snippet.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let snippet = self.snippet.as_ref()?;
        Some(Box::new(std::iter::once(
            LabeledSpan::new_primary_with_span(None, snippet.primary),
        )))
    }
}

impl fmt::Debug for MietteView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {:?}", self.path, self.diagnostic)
    }
}

impl fmt::Display for MietteView<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for MietteView<'_> {}

impl miette::Diagnostic for MietteView<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(format!(
            "{} {}",
            self.diagnostic.code, self.diagnostic.name
        )))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diagnostic
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.snippet.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let snippet = self.snippet.as_ref()?;
        let primary = LabeledSpan::new_primary_with_span(None, snippet.primary);
        let near = self
            .near
            .iter()
            .zip(&snippet.others)
            .map(|(r, &span)| LabeledSpan::new_with_span(Some(r.message.clone()), span));
        Some(Box::new(std::iter::once(primary).chain(near)))
    }
}
