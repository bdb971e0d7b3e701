//! Name rules (P): people, organizations and acronyms.

pub mod acronym_mismatch;
pub mod ambiguous_surname;
pub mod attribute_conflict;
pub mod name_variant;
pub mod unintroduced_name;

use super::RuleEntry;
use crate::document::Article;

/// The names rules, one entry per rule file in this folder.
pub static RULES: &[RuleEntry] = &[
    name_variant::NameVariant::ENTRY,
    ambiguous_surname::AmbiguousSurname::ENTRY,
    unintroduced_name::UnintroducedName::ENTRY,
    attribute_conflict::AttributeConflict::ENTRY,
    acronym_mismatch::AcronymMismatch::ENTRY,
];

/// Answers "is this offset inside a quotation?" for offsets asked in increasing order: a
/// speaker may call someone by surname before the reporter introduces them.
pub(crate) struct QuotationSweep {
    /// Quotation contents sorted by start.
    contents: Vec<(u32, u32)>,
    next: usize,
    furthest_end: u32,
}

impl QuotationSweep {
    pub(crate) fn new(article: &Article) -> Self {
        Self::of(article, |_| true)
    }

    /// Only quotations that read as the title of a work (`« Sui Sui Duck »`, `"The Emperor's
    /// New Clothes"`): a dozen words or fewer, every word of four letters or more capitalized.
    pub(crate) fn titles(article: &Article) -> Self {
        Self::of(article, |content| {
            // Thirteen words are enough to tell a title of twelve or fewer from a longer text.
            let words: Vec<&str> = content.split_whitespace().take(13).collect();
            !words.is_empty()
                && words.len() <= 12
                && words
                    .iter()
                    .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
                    .filter(|w| w.chars().count() >= 4)
                    .all(|w| w.starts_with(char::is_uppercase))
        })
    }

    fn of(article: &Article, keep: impl Fn(&str) -> bool) -> Self {
        let mut contents: Vec<(u32, u32)> = article
            .quotes
            .quotations
            .iter()
            .filter(|q| article.text.get(q.content.range()).is_some_and(&keep))
            .map(|q| (q.content.start, q.content.end))
            .collect();
        contents.sort_unstable();
        Self {
            contents,
            next: 0,
            furthest_end: 0,
        }
    }

    pub(crate) fn contains(&mut self, offset: u32) -> bool {
        while let Some(&(start, end)) = self.contents.get(self.next) {
            if start > offset {
                break;
            }
            self.furthest_end = self.furthest_end.max(end);
            self.next += 1;
        }
        offset < self.furthest_end
    }
}
