//! The human format: miette's graphical reports, kept behind our own `Diagnostic`.

use std::fmt;
use std::io::{self, Write};

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode, SourceSpan,
};

use super::{Reporter, Style, summary_line};
use crate::diagnostic::{Diagnostic, Severity};
use crate::runner::{FileReport, Summary};

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
        for diagnostic in &report.diagnostics {
            let rendered = render_with(&self.handler, &report.path, text, diagnostic);
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
    render_with(&handler(style), path, text, diagnostic)
}

fn render_with(
    handler: &GraphicalReportHandler,
    path: &str,
    text: &str,
    diagnostic: &Diagnostic,
) -> String {
    let report = MietteView {
        diagnostic,
        source: (!text.is_empty()).then(|| NamedSource::new(path, text.to_owned())),
        path,
    };
    let mut rendered = String::new();
    if handler.render_report(&mut rendered, &report).is_err() {
        rendered = format!("{}: {} {}\n", path, diagnostic.code, diagnostic.message);
    }
    if report.source.is_none() {
        rendered = rendered.replacen('\n', &format!("\n  at {path}\n"), 1);
    }
    rendered.push('\n');
    rendered
}

/// Our diagnostic as miette sees it.
struct MietteView<'a> {
    diagnostic: &'a Diagnostic,
    source: Option<NamedSource<String>>,
    path: &'a str,
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

fn source_span(span: crate::source::Span) -> SourceSpan {
    SourceSpan::new((span.start as usize).into(), span.len())
}

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
        self.source.as_ref().map(|s| s as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        self.source.as_ref()?;
        let primary = LabeledSpan::new_primary_with_span(None, source_span(self.diagnostic.span));
        let related = self
            .diagnostic
            .related
            .iter()
            .map(|r| LabeledSpan::new_with_span(Some(r.message.clone()), source_span(r.span)));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}
