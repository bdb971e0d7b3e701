//! The JSON Schemas factlint publishes, generated from its Rust types.

use crate::config::Config;
use crate::facts::FactBook;
use crate::report::json::JsonReport;

/// Which schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SchemaKind {
    /// `factlint.toml`.
    Config,
    /// The `--format json` report.
    Report,
    /// The fact book.
    Facts,
}

impl SchemaKind {
    /// Every schema, with the file it is kept in under `schemas/`.
    pub const ALL: [(SchemaKind, &'static str); 3] = [
        (SchemaKind::Config, "config.schema.json"),
        (SchemaKind::Report, "report.schema.json"),
        (SchemaKind::Facts, "facts.schema.json"),
    ];
}

/// The schema as pretty JSON with a trailing newline.
pub fn render(kind: SchemaKind) -> String {
    let schema = match kind {
        SchemaKind::Config => schemars::schema_for!(Config),
        SchemaKind::Report => schemars::schema_for!(JsonReport),
        SchemaKind::Facts => schemars::schema_for!(FactBook),
    };
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
