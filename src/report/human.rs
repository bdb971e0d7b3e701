//! The human format: miette's graphical reports, kept behind our own `Diagnostic`.

use std::fmt;
use std::io::{self, Write};

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, SourceCode};

use super::{Reporter, Style, summary_line};
use crate::diagnostic::{Diagnostic, Severity};
use crate::excerpt::Excerpt;
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
    let snippet = has_source.then(|| Excerpt::new(path, text, lines, diagnostic.span, &near_spans));
    let related = far
        .into_iter()
        .map(|r| RelatedView {
            message: &r.message,
            snippet: has_source.then(|| Excerpt::new(path, text, lines, r.span, &[])),
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
/// Our diagnostic as miette sees it.
struct MietteView<'a> {
    diagnostic: &'a Diagnostic,
    snippet: Option<Excerpt>,
    path: &'a str,
    /// Related spans close to the primary one, labelled in its snippet.
    near: Vec<&'a crate::diagnostic::Related>,
    /// Related spans far from it, each shown with a snippet of its own.
    related: Vec<RelatedView<'a>>,
}

/// A related span ("first stated here") as miette shows it: a note with its own snippet.
struct RelatedView<'a> {
    message: &'a str,
    snippet: Option<Excerpt>,
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
