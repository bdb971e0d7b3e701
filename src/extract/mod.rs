//! Mentions extracted once per article and shared by every rule.

pub mod quotes;
