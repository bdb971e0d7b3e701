//! SARIF 2.1.0, as GitHub code scanning accepts it.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{Reporter, locate};
use crate::diagnostic::Severity;
use crate::rules::registry;
use crate::runner::{FileReport, Summary};
use crate::source::{LineIndex, Span};

#[derive(Debug, Default)]
pub(super) struct Sarif {
    results: Vec<Value>,
    notifications: Vec<Value>,
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A relative URI reference for a path: forward slashes, with the characters URIs reserve
/// percent-encoded.
fn uri(path: &str) -> String {
    let mut encoded = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                encoded.push(byte as char)
            }
            _ => encoded.push_str(&format!("%{byte:02X}")),
        }
    }
    encoded
}

fn region(text: &str, lines: &LineIndex, span: Span) -> Value {
    let at = locate(text, lines, span);
    let mut region = json!({
        "startLine": at.start.line,
        "startColumn": at.start.column,
        "endLine": at.end.line,
        "endColumn": at.end.column,
        // The run declares `unicodeCodePoints`: offsets count characters, not bytes.
        "charOffset": lines.char_offset(text, span.start as usize),
        "charLength": lines.char_offset(text, span.end as usize)
            - lines.char_offset(text, span.start as usize),
    });
    if text.is_empty() {
        region = json!({ "startLine": 1, "startColumn": 1 });
    }
    region
}

impl Reporter for Sarif {
    fn file(&mut self, _out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        let text = report.text.as_deref().unwrap_or_default();
        let lines = LineIndex::new(text);
        let artifact = json!({ "uri": uri(&report.path) });
        for d in &report.diagnostics {
            let rule_index = registry().iter().position(|e| e.meta.code == d.code);
            let related: Vec<Value> = d
                .related
                .iter()
                .enumerate()
                .map(|(id, r)| {
                    json!({
                        "id": id,
                        "message": { "text": r.message },
                        "physicalLocation": {
                            "artifactLocation": artifact,
                            "region": region(text, &lines, r.span),
                        }
                    })
                })
                .collect();
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message = format!("{message} (help: {help})");
            }
            let mut result = json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact,
                        "region": region(text, &lines, d.span),
                    }
                }],
            });
            if let Some(index) = rule_index {
                result["ruleIndex"] = json!(index);
            }
            if !related.is_empty() {
                result["relatedLocations"] = Value::Array(related);
            }
            self.results.push(result);
        }
        for error in &report.internal_errors {
            self.notifications.push(json!({
                "level": "error",
                "message": { "text": error },
                "locations": [{ "physicalLocation": { "artifactLocation": artifact } }],
            }));
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        let rules: Vec<Value> = registry()
            .iter()
            .map(|entry| {
                let meta = entry.meta;
                json!({
                    "id": meta.code,
                    "name": meta.name,
                    "shortDescription": { "text": meta.summary },
                    "fullDescription": { "text": meta.summary },
                    "help": { "text": meta.docs(), "markdown": meta.docs() },
                    "defaultConfiguration": { "level": level(meta.default_severity) },
                    "properties": { "category": meta.category.as_str() },
                })
            })
            .collect();
        let log = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {
                    "driver": {
                        "name": "factlint",
                        "version": env!("CARGO_PKG_VERSION"),
                        "semanticVersion": env!("CARGO_PKG_VERSION"),
                        "rules": rules,
                    }
                },
                "invocations": [{
                    "executionSuccessful": self.notifications.is_empty(),
                    "toolExecutionNotifications": std::mem::take(&mut self.notifications),
                }],
                "columnKind": "unicodeCodePoints",
                "results": std::mem::take(&mut self.results),
            }]
        });
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(super::uri("a b/ç.md"), "a%20b/%C3%A7.md");
    }

    #[test]
    fn offsets_and_lengths_count_code_points() {
        let text = "« Ça » va\n“oui”";
        let lines = crate::source::LineIndex::new(text);
        let start = text.find('“').unwrap_or_default();
        let end = text.len();
        let region = super::region(text, &lines, crate::source::Span::new(start, end));
        assert_eq!(region["charOffset"], 10);
        assert_eq!(region["charLength"], 5);
        assert_eq!(region["startLine"], 2);
        assert_eq!(region["startColumn"], 1);
        assert_eq!(region["endColumn"], 6);
    }
}
