//! Name rules (P): people, organizations and acronyms.

use super::RuleEntry;

/// The names rules, one entry per rule file in this folder.
pub static RULES: &[RuleEntry] = &[];
