//! Number rules (N).

use super::RuleEntry;

/// The numbers rules, one entry per rule file in this folder.
pub static RULES: &[RuleEntry] = &[];
