//! The JSON report: one object on stdout, a stable contract (schemas/report.schema.json).

use std::io::{self, Write};

use schemars::JsonSchema;
use serde::Serialize;

use super::{Reporter, locate};
use crate::diagnostic::{Category, Severity};
use crate::runner::{FileReport, Summary};
use crate::source::LineIndex;

/// The whole report.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "factlint report", deny_unknown_fields)]
pub struct JsonReport {
    /// The report format version; 1 for this layout.
    pub version: u32,
    /// How many files were looked at.
    pub files_checked: usize,
    /// Every diagnostic, ordered by path and then position.
    pub diagnostics: Vec<JsonDiagnostic>,
    /// Internal failures (a rule that crashed on a file). Present only when there are some; the
    /// exit status is then 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub internal_errors: Vec<JsonInternalError>,
}

/// One diagnostic.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct JsonDiagnostic {
    /// The file, as given on the command line or found while walking.
    pub path: String,
    /// Stable rule code, e.g. `N001`.
    #[schemars(regex(pattern = r"^[A-Z][0-9]{3}$"))]
    pub code: String,
    /// Kebab-case rule name.
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub name: String,
    /// The rule family.
    pub category: Category,
    /// The severity after configuration.
    pub severity: Severity,
    /// One sentence naming the values in conflict.
    pub message: String,
    /// The characters at fault.
    pub span: JsonSpan,
    /// Other places that explain the finding.
    pub related: Vec<JsonRelated>,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<String>,
}

/// A location: byte offsets into the file as read, and the 1-based line and column (in Unicode
/// scalar values) of the start.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct JsonSpan {
    /// First byte.
    pub start: u32,
    /// One past the last byte.
    pub end: u32,
    /// 1-based line of `start`.
    #[schemars(range(min = 1))]
    pub line: u32,
    /// 1-based column of `start`, in Unicode scalar values.
    #[schemars(range(min = 1))]
    pub column: u32,
}

/// A related location.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct JsonRelated {
    /// What this location is ("first stated here").
    pub message: String,
    /// Where it is.
    pub span: JsonSpan,
}

/// A rule or parser that failed on a file.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct JsonInternalError {
    /// The file.
    pub path: String,
    /// What failed.
    pub message: String,
}

/// Collects the report and prints it at the end.
#[derive(Debug, Default)]
pub(super) struct Json {
    diagnostics: Vec<JsonDiagnostic>,
    internal_errors: Vec<JsonInternalError>,
}

impl Reporter for Json {
    fn file(&mut self, _out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let text = report.text.as_deref().unwrap_or_default();
        // Built on the first finding: a clean file's lines are never indexed.
        let lines = std::cell::OnceCell::new();
        let span = |s: crate::source::Span| {
            let at = locate(text, lines.get_or_init(|| LineIndex::new(text)), s).start;
            JsonSpan {
                start: s.start,
                end: s.end,
                line: at.line,
                column: at.column,
            }
        };
        for d in &report.diagnostics {
            self.diagnostics.push(JsonDiagnostic {
                path: report.path.clone(),
                code: d.code.to_owned(),
                name: d.name.to_owned(),
                category: d.category,
                severity: d.severity,
                message: d.message.clone(),
                span: span(d.span),
                related: d
                    .related
                    .iter()
                    .map(|r| JsonRelated {
                        message: r.message.clone(),
                        span: span(r.span),
                    })
                    .collect(),
                help: d.help.clone(),
            });
        }
        self.internal_errors
            .extend(
                report
                    .internal_errors
                    .iter()
                    .map(|message| JsonInternalError {
                        path: report.path.clone(),
                        message: message.clone(),
                    }),
            );
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let report = JsonReport {
            version: 1,
            files_checked: summary.files_checked,
            diagnostics: std::mem::take(&mut self.diagnostics),
            internal_errors: std::mem::take(&mut self.internal_errors),
        };
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)
    }
}
