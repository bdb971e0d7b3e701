//! The one way tests read the project's shared files (`../shared/` beside the repository: the
//! user's seed article, the corpus). A user's clone has no `../shared/`, so a test that needs it
//! is skipped there, saying so on stderr. Our CI has it and must run every such test:
//! `.ci/run` sets `FACTLINT_SHARED_REQUIRED=1`, and then a missing file fails the test. (GitHub
//! Actions runs `.ci/run` on a bare clone and sets the variable to `0`.)

#![allow(dead_code)] // each includer uses the files it needs

use std::path::PathBuf;

/// Set to `1` where `../shared/` must be present (our CI); unset or `0` elsewhere.
pub const REQUIRED: &str = "FACTLINT_SHARED_REQUIRED";

/// The user's seed article, relative to `../shared/`.
pub const SEED: &str = "seed/000_e47d695e4b51f17f.txt";

/// Whether this run must have `../shared/`.
pub fn required() -> bool {
    std::env::var(REQUIRED).is_ok_and(|value| !value.is_empty() && value != "0")
}

/// The text of `relative` under `../shared/`, or `None` (with a note on stderr saying why the
/// calling test is skipped) when it is absent and not required. Panics when it cannot be read
/// and [`REQUIRED`] is set, or when it exists but cannot be read at all.
pub fn read(relative: &str) -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(relative);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound && !required() => {
            let test = std::thread::current()
                .name()
                .unwrap_or("this test")
                .to_owned();
            eprintln!(
                "skipping {test}: {} is absent (no ../shared beside the repository; \
                 {REQUIRED}=1 makes this a failure)",
                path.display()
            );
            None
        }
        Err(error) => panic!(
            "cannot read {}: {error}{}",
            path.display(),
            if required() {
                format!(" ({REQUIRED} is set: this run must have ../shared)")
            } else {
                String::new()
            }
        ),
    }
}

/// The user's seed article (see [`read`]).
pub fn seed() -> Option<String> {
    read(SEED)
}
