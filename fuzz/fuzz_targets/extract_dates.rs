//! The dates extractor on any text, parsed both ways: every span it returns is sound.
#![no_main]

use factlint::parse::{Syntax, parse, sentences};
use factlint::source::Span;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for syntax in [Syntax::Markdown, Syntax::Plain] {
        let (parsed, _) = parse(&text, syntax);
        let sentences: Vec<Vec<Span>> = parsed
            .blocks
            .iter()
            .map(|block| sentences::split(&text, block))
            .collect();
        let found = factlint::extract::dates::extract(
            &text,
            &parsed.blocks,
            &sentences,
            factlint::extract::dates::DateOrder::Auto,
            None,
        );
        invariants::assert_debug_spans(&text, &found, "dates");
    }
});
