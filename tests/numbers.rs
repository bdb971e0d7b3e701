//! The number layer end to end: the sample article stays clean, and the extractor stays
//! near-linear in the article's length.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

mod shared_files;

use std::time::Instant;

use factlint::extract::numbers;
use factlint::parse::{Syntax, parse};
use factlint::text::Tokens;
use factlint::{Settings, lint_source};

const ARTICLE: &str = "\
Over the past decade, the river town registered a net population inflow of 136,000.

Their number has tripled from 20,000 in 2012 to 60,000, and more than 11 million tourists came \
last year. The ambassador named three keywords — partnership, practicality and prospects.

Revenue reached 10 million yuan (about 1.4 million U.S. dollars), and 20 of the 22 factory \
buildings were restored. The trail runs 100 km (62 miles).
";

#[test]
fn a_consistent_article_raises_no_number_rule() {
    let (diagnostics, errors) = lint_source("clean.txt", ARTICLE, &Settings::default());
    assert!(errors.is_empty());
    let own: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.code.starts_with('N'))
        .collect();
    assert!(own.is_empty(), "{own:#?}");
}

#[test]
fn the_seed_article_raises_no_number_rule() {
    let Some(text) = shared_files::seed() else {
        return;
    };
    let (diagnostics, errors) = lint_source("seed.txt", &text, &Settings::default());
    assert!(errors.is_empty(), "internal errors: {errors:?}");
    let own: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.code.starts_with('N'))
        .collect();
    assert!(own.is_empty(), "{own:#?}");
}

fn extract_seconds(text: &str) -> f64 {
    let (parsed, _) = parse(text, Syntax::Plain);
    let (tokens, sentences) = Tokens::build(text, &parsed.blocks);
    let start = Instant::now();
    let found = numbers::extract(text, &tokens, &sentences);
    let seconds = start.elapsed().as_secs_f64();
    assert!(!found.quantities.is_empty());
    seconds
}

/// A measurement, not a timed test: `cargo test --release --test numbers -- --ignored
/// --nocapture` prints how much slower the extractor is on an article 1,000 times longer.
#[test]
#[ignore = "a measurement; run by hand with --release"]
fn extraction_is_near_linear() {
    let once = ARTICLE.to_owned();
    let many = format!("{ARTICLE}\n\n").repeat(1000);
    let runs = 20;
    let one: f64 = (0..runs).map(|_| extract_seconds(&once)).sum::<f64>() / f64::from(runs);
    let thousand = extract_seconds(&many);
    println!(
        "numbers::extract: 1x {:.1} µs, 1000x {:.1} ms, ratio {:.0}",
        one * 1e6,
        thousand * 1e3,
        thousand / one
    );
    assert!(thousand / one < 3000.0);
}
