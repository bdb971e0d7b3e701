//! Helpers for unit tests.

use crate::config::Settings;

/// The codes the default rules report on `text`, read as plain text.
pub(crate) fn codes_in(text: &str) -> Vec<&'static str> {
    let settings = Settings::default();
    let (diagnostics, errors) = crate::lint_source("test.txt", text, &settings);
    assert!(errors.is_empty(), "{errors:?}");
    diagnostics.iter().map(|d| d.code).collect()
}
