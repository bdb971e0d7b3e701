//! Quantities: values with their unit, hedge and what they count.

use crate::parse::Block;
use crate::source::Span;

/// Every quantity in an article.
#[derive(Debug, Clone, Default)]
pub struct Numbers {}

/// Find the quantities in an article's blocks.
pub fn extract(_text: &str, _blocks: &[Block], _sentences: &[Vec<Span>]) -> Numbers {
    Numbers::default()
}
