//! Dates, years, weekdays, ranges, durations, relative days, anniversaries and ages.

use crate::parse::Block;
use crate::source::Span;

/// Every date mention in an article.
#[derive(Debug, Clone, Default)]
pub struct Dates {}

/// Find the date mentions in an article's blocks.
pub fn extract(
    _text: &str,
    _blocks: &[Block],
    _sentences: &[Vec<Span>],
    _article_date: Option<jiff::civil::Date>,
) -> Dates {
    Dates::default()
}

/// The article date: front matter first, then a dateline at the start of the body, then the
/// configured default (SPEC §5).
pub fn article_date(
    _text: &str,
    _blocks: &[Block],
    front_matter: Option<jiff::civil::Date>,
    default: Option<jiff::civil::Date>,
) -> Option<jiff::civil::Date> {
    front_matter.or(default)
}
