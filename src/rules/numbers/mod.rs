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
    figure_mismatch::FigureMismatch::ENTRY,
    change_mismatch::ChangeMismatch::ENTRY,
    count_mismatch::CountMismatch::ENTRY,
    conversion_mismatch::ConversionMismatch::ENTRY,
    part_exceeds_whole::PartExceedsWhole::ENTRY,
    number_style::NumberStyle::ENTRY,
];
