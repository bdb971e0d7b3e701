//! Date rules (D).

use super::RuleEntry;

/// The dates rules, one entry per rule file in this folder.
pub static RULES: &[RuleEntry] = &[];
