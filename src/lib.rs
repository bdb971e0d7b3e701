//! factlint: a linter that fact-checks editorial articles against themselves.
//!
//! The pipeline runs one way: read → [`parse`] → [`document::Article`] (with the mentions of
//! [`extract`]) → [`rules`] → [`suppress`] → [`report`].
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod config;
pub mod diagnostic;
pub mod document;
pub mod excerpt;
pub mod extract;
pub mod facts;
pub mod lexicon;
pub mod parse;
pub mod report;
pub mod rules;
pub mod runner;
pub mod schema;
pub mod source;
pub mod suppress;
pub mod text;

#[cfg(test)]
pub(crate) mod testing;

pub use config::Settings;
pub use diagnostic::{Category, Diagnostic, Severity};
pub use runner::{FileReport, Input, Summary, lint_source};
