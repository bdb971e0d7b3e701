//! The numbers extractor on any text, parsed both ways: every span it returns is sound.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    invariants::check_extractor(&text, "numbers", |blocks, sentences| {
        factlint::extract::numbers::extract(&text, blocks, sentences)
    });
});
