//! Helpers for unit tests.

use crate::config::Settings;
use crate::parse::{Block, Syntax, parse};
use crate::source::Span;

/// The codes the default rules report on `text`, read as plain text.
pub(crate) fn codes_in(text: &str) -> Vec<&'static str> {
    lint_codes(text, &Settings::default())
}

/// The codes the default rules report on `text`, read as plain text, for an article dated `date`.
pub(crate) fn codes_dated(text: &str, date: jiff::civil::Date) -> Vec<&'static str> {
    let mut settings = Settings::default();
    settings.default_date = Some(date);
    lint_codes(text, &settings)
}

fn lint_codes(text: &str, settings: &Settings) -> Vec<&'static str> {
    // A rule that failed internally raises nothing, which a pass case would accept.
    let (diagnostics, errors) = crate::lint_source("test.txt", text, settings);
    assert!(errors.is_empty(), "{errors:?}");
    diagnostics.iter().map(|d| d.code).collect()
}

/// `text` parsed as plain text: its blocks and each block's sentences, what the extractors take.
pub(crate) fn plain_blocks(text: &str) -> (Vec<Block>, Vec<Vec<Span>>) {
    let (parsed, _) = parse(text, Syntax::Plain);
    let sentences = parsed
        .blocks
        .iter()
        .map(|b| crate::text::sentences_of(text, b))
        .collect();
    (parsed.blocks, sentences)
}
