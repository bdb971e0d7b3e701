//! The article: metadata, prose blocks and every extracted mention, built once per file and read
//! by all rules.

use crate::extract::quotes::{self, Quotes};
use crate::parse::{Block, Metadata, ParsedText, Syntax, sentences};
use crate::source::Span;

/// One parsed article with its extracted mentions.
#[derive(Debug)]
pub struct Article<'a> {
    /// The path as given or found (for messages only).
    pub path: &'a str,
    /// The whole file text; every span indexes into it.
    pub text: &'a str,
    /// How the body was read.
    pub syntax: Syntax,
    /// Front matter metadata.
    pub metadata: Metadata,
    /// The article date: front matter, else the configured default; `None` when unknown.
    pub date: Option<jiff::civil::Date>,
    /// Prose blocks in order.
    pub blocks: Vec<Block>,
    /// Sentence spans of each block (same indices as `blocks`).
    pub sentences: Vec<Vec<Span>>,
    /// Quotations and unpaired quote marks.
    pub quotes: Quotes,
}

impl<'a> Article<'a> {
    /// Run every extractor over a parsed file.
    pub fn build(
        path: &'a str,
        text: &'a str,
        syntax: Syntax,
        parsed: ParsedText,
        default_date: Option<jiff::civil::Date>,
    ) -> Self {
        let sentences = parsed
            .blocks
            .iter()
            .map(|block| sentences::split(text, block))
            .collect();
        let quotes = quotes::extract(text, &parsed.blocks);
        Self {
            path,
            text,
            syntax,
            date: parsed.metadata.date.or(default_date),
            metadata: parsed.metadata,
            blocks: parsed.blocks,
            sentences,
            quotes,
        }
    }
}
