//! The article: metadata, prose blocks and every extracted mention, built once per file and read
//! by all rules.

use crate::extract::dates::{self, Dates};
use crate::extract::names::{self, Names};
use crate::extract::numbers::{self, Numbers};
use crate::extract::quotes::{self, Quotes};
use crate::parse::{Block, Metadata, ParsedText, RoleSet, Syntax, sentences};
use crate::source::Span;

/// One parsed article with its extracted mentions.
#[derive(Debug)]
pub struct Article<'a> {
    /// The path as given or found (for messages only).
    pub path: &'a str,
    /// The text analysed: the file's text, or the same bytes with HTML entities and Markdown
    /// escapes decoded in place ([`ParsedText::analysis`]). Every span indexes into it and into
    /// the file alike.
    pub text: &'a str,
    /// How the body was read.
    pub syntax: Syntax,
    /// Front matter metadata.
    pub metadata: Metadata,
    /// The article date: front matter, else a Jekyll-style file name (`2021-06-22-slug.md`),
    /// else a dateline, else the configured default; `None` when unknown.
    pub date: Option<jiff::civil::Date>,
    /// The roles of the blocks read (see [`crate::parse::Role`]).
    pub roles: RoleSet,
    /// Prose blocks in order: those whose role is in `roles`.
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
    /// Run every extractor over the article's own prose ([`RoleSet::ARTICLE`]) of a parsed file.
    /// `text` should be [`ParsedText::analysis_text`] so entities read as what they stand for.
    pub fn build(
        path: &'a str,
        text: &'a str,
        syntax: Syntax,
        parsed: ParsedText,
        default_date: Option<jiff::civil::Date>,
        date_order: dates::DateOrder,
    ) -> Self {
        Self::build_for(
            path,
            text,
            syntax,
            parsed,
            default_date,
            date_order,
            RoleSet::ARTICLE,
        )
    }

    /// Run every extractor over the blocks of a parsed file whose role is in `roles`.
    pub fn build_for(
        path: &'a str,
        text: &'a str,
        syntax: Syntax,
        mut parsed: ParsedText,
        default_date: Option<jiff::civil::Date>,
        date_order: dates::DateOrder,
        roles: RoleSet,
    ) -> Self {
        parsed.blocks.retain(|b| roles.contains(b.role));
        let front_matter_date = parsed.metadata.date.or_else(|| date_from_file_name(path));
        let sentences: Vec<Vec<Span>> = parsed
            .blocks
            .iter()
            .map(|block| sentences::split(text, block))
            .collect();
        let quotes = quotes::extract(text, &parsed.blocks);
        let date = dates::article_date(text, &parsed.blocks, front_matter_date, default_date);
        let names = names::extract(text, &parsed.blocks, &sentences);
        let dates = dates::extract(
            text,
            &parsed.blocks,
            &sentences,
            date_order,
            parsed.metadata.locale.as_deref(),
        );
        let numbers = numbers::extract(text, &parsed.blocks, &sentences);
        Self {
            path,
            text,
            syntax,
            date,
            roles,
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

/// The date at the start of a Jekyll-style post's file name: `_posts/2021-06-22-slug.md`.
pub fn date_from_file_name(path: &str) -> Option<jiff::civil::Date> {
    let name = path.rsplit(['/', '\\']).next()?;
    let prefix = name.get(..10)?;
    let rest = &name[10..];
    let bytes = prefix.as_bytes();
    let shaped = bytes.iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    });
    if !shaped || !rest.starts_with(['-', '_', '.']) {
        return None;
    }
    prefix.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jekyll_file_names_give_a_date() {
        let date = |p| date_from_file_name(p);
        assert_eq!(
            date("site/_posts/2021-06-22-bridge-opens.md"),
            Some(jiff::civil::date(2021, 6, 22))
        );
        assert_eq!(date("2021-06-22.md"), Some(jiff::civil::date(2021, 6, 22)));
        assert_eq!(date("2021-02-30-not-a-day.md"), None);
        assert_eq!(date("notes/20210622-slug.md"), None);
        assert_eq!(date("2021-06-22slug.md"), None);
        assert_eq!(date("a/2021-06-22-x/readme.md"), None);
    }
}
