//! The whole lint of one file, from raw bytes to every report format: no panic, no internal
//! error, sound spans and line/column, the same result twice.
#![no_main]

use std::sync::OnceLock;

use factlint::Settings;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fn settings() -> &'static Settings {
    static SETTINGS: OnceLock<Settings> = OnceLock::new();
    SETTINGS.get_or_init(Settings::default)
}

fuzz_target!(|data: &[u8]| {
    // The first byte picks the syntax, so both readers see every shape.
    let (path, bytes) = match data.split_first() {
        Some((first, rest)) if first % 2 == 1 => ("fuzz.txt", rest),
        Some((_, rest)) => ("fuzz.md", rest),
        None => ("fuzz.md", data),
    };
    let report = invariants::check_reports(path, bytes, settings());
    if let Ok(text) = std::str::from_utf8(bytes) {
        if !text.as_bytes().contains(&0) {
            let diagnostics = invariants::check_lint(path, text, settings());
            assert_eq!(
                diagnostics, report.diagnostics,
                "lint_bytes and lint_source differ"
            );
        }
    }
});
