//! Quote rules (Q).

pub mod attribution_conflict;
pub mod mixed_quote_style;
pub mod quote_drift;
pub mod unbalanced_quote;

use super::RuleEntry;

/// The quote rules.
pub static RULES: &[RuleEntry] = &[
    RuleEntry {
        meta: &unbalanced_quote::UnbalancedQuote::META,
        build: Some(unbalanced_quote::UnbalancedQuote::build),
    },
    RuleEntry {
        meta: &quote_drift::QuoteDrift::META,
        build: Some(quote_drift::QuoteDrift::build),
    },
    RuleEntry {
        meta: &attribution_conflict::AttributionConflict::META,
        build: Some(attribution_conflict::AttributionConflict::build),
    },
    RuleEntry {
        meta: &mixed_quote_style::MixedQuoteStyle::META,
        build: Some(mixed_quote_style::MixedQuoteStyle::build),
    },
];
