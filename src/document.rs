//! The article: metadata, prose blocks and every extracted mention, built once per file and read
//! by all rules.

use crate::extract::dates::{self, Dates};
use crate::extract::names::{self, Names};
use crate::extract::numbers::{self, Numbers};
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
    /// The article date: front matter, else a dateline, else the configured default; `None`
    /// when unknown.
    pub date: Option<jiff::civil::Date>,
    /// Prose blocks in order.
    pub blocks: Vec<Block>,
    /// Sentence spans of each block (same indices as `blocks`).
    pub sentences: Vec<Vec<Span>>,
    /// Quotations and unpaired quote marks.
    pub quotes: Quotes,
    /// People, organizations, places and acronyms.
    pub names: Names,
    /// Dates, years, ranges and relative days.
    pub dates: Dates,
    /// Quantities.
    pub numbers: Numbers,
}

impl<'a> Article<'a> {
    /// Run every extractor over a parsed file.
    pub fn build(
        path: &'a str,
        text: &'a str,
        syntax: Syntax,
        parsed: ParsedText,
        default_date: Option<jiff::civil::Date>,
        date_order: dates::DateOrder,
    ) -> Self {
        let sentences: Vec<Vec<Span>> = parsed
            .blocks
            .iter()
            .map(|block| sentences::split(text, block))
            .collect();
        let quotes = quotes::extract(text, &parsed.blocks);
        let date = dates::article_date(text, &parsed.blocks, parsed.metadata.date, default_date);
        let names = names::extract(text, &parsed.blocks, &sentences);
        let dates = dates::extract(text, &parsed.blocks, &sentences, date_order, None);
        let numbers = numbers::extract(text, &parsed.blocks, &sentences);
        Self {
            path,
            text,
            syntax,
            date,
            names,
            dates,
            numbers,
            metadata: parsed.metadata,
            blocks: parsed.blocks,
            sentences,
            quotes,
        }
    }
}
