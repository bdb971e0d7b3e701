//! Number rules (N).

pub mod change_mismatch;
pub mod conversion_mismatch;
pub mod count_mismatch;
pub mod figure_mismatch;
pub mod number_style;
pub mod part_exceeds_whole;

use super::RuleEntry;

/// The numbers rules, one entry per rule file in this folder.
pub static RULES: &[RuleEntry] = &[
    RuleEntry {
        meta: &figure_mismatch::FigureMismatch::META,
        build: Some(figure_mismatch::FigureMismatch::build),
    },
    RuleEntry {
        meta: &change_mismatch::ChangeMismatch::META,
        build: Some(change_mismatch::ChangeMismatch::build),
    },
    RuleEntry {
        meta: &count_mismatch::CountMismatch::META,
        build: Some(count_mismatch::CountMismatch::build),
    },
    RuleEntry {
        meta: &conversion_mismatch::ConversionMismatch::META,
        build: Some(conversion_mismatch::ConversionMismatch::build),
    },
    RuleEntry {
        meta: &part_exceeds_whole::PartExceedsWhole::META,
        build: Some(part_exceeds_whole::PartExceedsWhole::build),
    },
    RuleEntry {
        meta: &number_style::NumberStyle::META,
        build: Some(number_style::NumberStyle::build),
    },
];
