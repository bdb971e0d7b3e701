//! Output formats. Reporters receive file reports in order and a summary at the end.

mod concise;
mod github;
mod human;
pub mod json;
mod sarif;

use std::io::{self, Write};
use std::panic::{AssertUnwindSafe, catch_unwind};

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
    /// Internal failures of the reporter itself so far (a panic while rendering a file), each
    /// naming the file; the run exits 2 when there are any.
    fn failures(&mut self) -> Vec<String> {
        Vec::new()
    }
}

/// The reporter for a format, guarded: a panic while rendering is caught like a rule's.
pub fn reporter(format: Format, style: Style) -> Box<dyn Reporter> {
    let inner: Box<dyn Reporter> = match format {
        Format::Human => Box::new(human::Human::new(style)),
        Format::Concise => Box::new(concise::Concise { quiet: style.quiet }),
        Format::Json => Box::new(json::Json::default()),
        Format::Sarif => Box::new(sarif::Sarif::default()),
        Format::Github => Box::new(github::Github),
    };
    Box::new(Guarded {
        inner,
        quiet: style.quiet,
        failures: Vec::new(),
    })
}

/// A reporter whose panics are caught: the file's output is buffered, and when rendering it
/// panics its diagnostics are written one per line instead (nothing is lost) and the failure is
/// recorded, so the files after it and the summary still come out.
struct Guarded {
    inner: Box<dyn Reporter>,
    quiet: bool,
    failures: Vec<String>,
}

impl Reporter for Guarded {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let mut buffer = Vec::new();
        let inner = &mut self.inner;
        match catch_unwind(AssertUnwindSafe(|| inner.file(&mut buffer, report))) {
            Ok(written) => {
                written?;
                out.write_all(&buffer)
            }
            Err(payload) => {
                self.failures.push(format!(
                    "{}: the report of this file failed: {}",
                    report.path,
                    crate::runner::panic_message(payload.as_ref())
                ));
                concise::Concise { quiet: true }.file(out, report)
            }
        }
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let mut buffer = Vec::new();
        let inner = &mut self.inner;
        match catch_unwind(AssertUnwindSafe(|| inner.finish(&mut buffer, summary))) {
            Ok(written) => {
                written?;
                out.write_all(&buffer)
            }
            Err(payload) => {
                self.failures.push(format!(
                    "the end of the report failed: {}",
                    crate::runner::panic_message(payload.as_ref())
                ));
                if self.quiet {
                    Ok(())
                } else {
                    writeln!(out, "{}", summary_line(summary))
                }
            }
        }
    }

    fn failures(&mut self) -> Vec<String> {
        std::mem::take(&mut self.failures)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Category, Diagnostic, Severity};
    use crate::source::Span;

    /// Panics on the file named `boom.md`.
    struct Fragile;

    impl Reporter for Fragile {
        fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
            assert_ne!(report.path, "boom.md", "cannot render");
            writeln!(out, "rendered {}", report.path)
        }

        fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
            writeln!(out, "end")
        }
    }

    fn report(path: &str) -> FileReport {
        FileReport {
            path: path.to_owned(),
            text: Some("He said “x.\n".to_owned()),
            diagnostics: vec![Diagnostic {
                code: "Q001",
                name: "unbalanced-quote",
                category: Category::Quotes,
                severity: Severity::Error,
                message: "quotation opened and not closed".to_owned(),
                span: Span::new(8, 11),
                related: Vec::new(),
                help: None,
            }],
            internal_errors: Vec::new(),
        }
    }

    #[test]
    fn a_panicking_reporter_loses_no_file_and_reports_the_failure() {
        let mut guarded = Guarded {
            inner: Box::new(Fragile),
            quiet: false,
            failures: Vec::new(),
        };
        let mut out = Vec::new();
        for path in ["a.md", "boom.md", "c.md"] {
            guarded.file(&mut out, &report(path)).unwrap();
        }
        guarded.finish(&mut out, &Summary::default()).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "rendered a.md\nboom.md:1:9: Q001 quotation opened and not closed\nrendered c.md\nend\n"
        );
        let failures = guarded.failures();
        assert_eq!(failures.len(), 1);
        assert!(
            failures[0].starts_with("boom.md: the report of this file failed: "),
            "{failures:?}"
        );
        assert!(guarded.failures().is_empty(), "taken once");
    }
}
