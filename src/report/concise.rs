//! `path:line:col: CODE message`, one line per diagnostic.

use std::io::{self, Write};

use super::{Reporter, locate, summary_line};
use crate::runner::{FileReport, Summary};
use crate::source::LineIndex;

pub(super) struct Concise {
    pub quiet: bool,
}

impl Reporter for Concise {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport) -> io::Result<()> {
        if report.diagnostics.is_empty() {
            return Ok(());
        }
        let text = report.text.as_deref().unwrap_or_default();
        let lines = LineIndex::new(text);
        for d in &report.diagnostics {
            let at = locate(text, &lines, d.span).start;
            writeln!(
                out,
                "{}:{}:{}: {} {}",
                report.path, at.line, at.column, d.code, d.message
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if !self.quiet {
            writeln!(out, "{}", summary_line(summary))?;
        }
        Ok(())
    }
}
