//! Mentions extracted once per article and shared by every rule.

mod attribution;
pub mod dates;
pub mod entities;
pub mod names;
pub mod numbers;
pub mod quotes;
