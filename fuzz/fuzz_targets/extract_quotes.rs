//! The quotes extractor on any text, parsed both ways: every span it returns is sound.
#![no_main]

use factlint::parse::{Syntax, parse};
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for syntax in [Syntax::Markdown, Syntax::Plain] {
        let (parsed, _) = parse(&text, syntax);
        let found = factlint::extract::quotes::extract(&text, &parsed.blocks);
        invariants::assert_debug_spans(&text, &found, "quotes");
    }
});
