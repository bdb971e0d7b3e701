//! Quote rules (Q).

pub mod unbalanced_quote;

use super::RuleEntry;

/// The quote rules.
pub static RULES: &[RuleEntry] = &[RuleEntry {
    meta: &unbalanced_quote::UnbalancedQuote::META,
    build: Some(unbalanced_quote::UnbalancedQuote::build),
}];
