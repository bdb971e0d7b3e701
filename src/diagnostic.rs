//! What a rule reports: one `Diagnostic` per finding, with a primary span, related spans and help.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::source::Span;

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// Fails a run only with `--deny-warnings`.
    Warning,
    /// Fails the run (exit status 1).
    Error,
}

impl Severity {
    /// The lower-case name, as in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The family a rule belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Figures and quantities (N).
    Numbers,
    /// Dates, weekdays, spans (D).
    Dates,
    /// People, organizations, acronyms (P).
    Names,
    /// Quotations (Q).
    Quotes,
    /// The newsroom's fact book (F).
    Facts,
    /// Files that cannot be read or parsed, and suppression bookkeeping (E).
    Input,
}

impl Category {
    /// Every category, in the order of the rule codes' letters in the docs.
    pub const ALL: [Category; 6] = [
        Category::Numbers,
        Category::Dates,
        Category::Names,
        Category::Quotes,
        Category::Facts,
        Category::Input,
    ];

    /// The lower-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Numbers => "numbers",
            Category::Dates => "dates",
            Category::Names => "names",
            Category::Quotes => "quotes",
            Category::Facts => "facts",
            Category::Input => "input",
        }
    }
}

/// A secondary location that explains the finding ("first stated here").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    /// What this location is.
    pub message: String,
    /// Where it is.
    pub span: Span,
}

/// One finding in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Stable rule code, e.g. `Q001`.
    pub code: &'static str,
    /// Kebab-case rule name, e.g. `unbalanced-quote`.
    pub name: &'static str,
    /// The rule's family.
    pub category: Category,
    /// Severity after configuration.
    pub severity: Severity,
    /// One sentence naming the values in conflict; lower-case start, no trailing period.
    pub message: String,
    /// The characters at fault.
    pub span: Span,
    /// Other places that explain the finding.
    pub related: Vec<Related>,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// Add a related location.
    pub fn label(&mut self, span: Span, message: impl Into<String>) -> &mut Self {
        self.related.push(Related {
            message: message.into(),
            span,
        });
        self
    }

    /// Set the help text.
    pub fn help(&mut self, help: impl Into<String>) -> &mut Self {
        self.help = Some(help.into());
        self
    }
}
