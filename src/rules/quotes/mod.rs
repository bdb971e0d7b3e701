//! Quote rules (Q).

pub mod unbalanced_quote;
