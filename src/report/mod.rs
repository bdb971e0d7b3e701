//! Output formats. Reporters receive file reports in order and a summary at the end.

mod concise;
mod github;
mod human;
pub mod json;
mod sarif;

use std::io::{self, Write};

use crate::runner::{FileReport, Summary};

pub use human::render_diagnostic;

/// The output formats of `factlint lint`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Source snippets with labels and help (miette).
    Human,
    /// One line per diagnostic: `path:line:col: CODE message`.
    Concise,
    /// One JSON object (schemas/report.schema.json).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

/// How human output looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Use colors.
    pub color: bool,
    /// Terminal width for wrapping.
    pub width: usize,
    /// Print diagnostics only: no summary line.
    pub quiet: bool,
}

/// Receives each file's report, in order, then the run's summary.
pub trait Reporter {
    /// Write what this format shows for one file.
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()>;
    /// Write what this format shows at the end.
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

/// The reporter for a format.
pub fn reporter(format: Format, style: Style) -> Box<dyn Reporter> {
    match format {
        Format::Human => Box::new(human::Human::new(style)),
        Format::Concise => Box::new(concise::Concise { quiet: style.quiet }),
        Format::Json => Box::new(json::Json::default()),
        Format::Sarif => Box::new(sarif::Sarif::default()),
        Format::Github => Box::new(github::Github),
    }
}

/// `Found 3 problems (2 errors, 1 warning) in 2 of 140 files.`
pub fn summary_line(summary: &Summary) -> String {
    let files = plural(summary.files_checked, "file", "files");
    if summary.problems() == 0 {
        return format!("No problems found in {files}.");
    }
    let mut parts = Vec::new();
    for (count, one, many) in [
        (summary.errors, "error", "errors"),
        (summary.warnings, "warning", "warnings"),
        (summary.infos, "info", "infos"),
    ] {
        if count > 0 {
            parts.push(plural(count, one, many));
        }
    }
    format!(
        "Found {} ({}) in {} of {files}.",
        plural(summary.problems(), "problem", "problems"),
        parts.join(", "),
        summary.files_with_problems,
    )
}

fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

/// Line and column (1-based, columns in Unicode scalar values) of each end of a span.
pub(crate) struct Located {
    pub start: crate::source::LineColumn,
    pub end: crate::source::LineColumn,
}

pub(crate) fn locate(
    text: &str,
    lines: &crate::source::LineIndex,
    span: crate::source::Span,
) -> Located {
    Located {
        start: lines.line_column(text, span.start as usize),
        end: lines.line_column(text, span.end as usize),
    }
}
