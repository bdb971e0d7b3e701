//! Helpers for unit tests.

use crate::config::Settings;
use crate::parse::{Block, Syntax, parse};
use crate::source::Span;

/// The codes the default rules report on `text`, read as plain text.
pub(crate) fn codes_in(text: &str) -> Vec<&'static str> {
    let settings = Settings::default();
    let (diagnostics, errors) = crate::lint_source("test.txt", text, &settings);
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
