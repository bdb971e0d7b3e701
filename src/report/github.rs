//! GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.

use std::io::{self, Write};

use super::{Reporter, locate};
use crate::diagnostic::Severity;
use crate::runner::{FileReport, Summary};
use crate::source::LineIndex;

pub(super) struct Github;

impl Reporter for Github {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        if report.diagnostics.is_empty() {
            return Ok(());
        }
        let text = report.text.as_deref().unwrap_or_default();
        let lines = LineIndex::new(text);
        for d in &report.diagnostics {
            let at = locate(text, &lines, d.span);
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&report.path),
                at.start.line,
                at.start.column,
                at.end.line,
                at.end.column,
                escape_property(&format!("{} {}", d.code, d.name)),
                escape_data(&d.message),
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

/// Escaping for the message part of a workflow command.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping for a property value of a workflow command.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_what_workflow_commands_reserve() {
        assert_eq!(super::escape_data("100%\nnext"), "100%25%0Anext");
        assert_eq!(super::escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
