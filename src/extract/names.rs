//! People, organizations, places and acronyms, with every mention of each.

use crate::parse::Block;
use crate::source::Span;

/// Every name the article mentions.
#[derive(Debug, Clone, Default)]
pub struct Names {}

/// Find the names in an article's blocks.
pub fn extract(_text: &str, _blocks: &[Block], _sentences: &[Vec<Span>]) -> Names {
    Names::default()
}
