//! Quote rules (Q).

pub mod attribution_conflict;
pub mod mixed_quote_style;
pub mod quote_drift;
pub mod unbalanced_quote;

use super::RuleEntry;

/// The quote rules.
pub static RULES: &[RuleEntry] = &[
    unbalanced_quote::UnbalancedQuote::ENTRY,
    quote_drift::QuoteDrift::ENTRY,
    attribution_conflict::AttributionConflict::ENTRY,
    mixed_quote_style::MixedQuoteStyle::ENTRY,
];
