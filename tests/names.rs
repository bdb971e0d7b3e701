//! The names family end to end: the seed article's expectations, and a timing check that the
//! name layer and the P rules stay near-linear in article size.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

mod shared_files;

use std::time::Instant;

use factlint::document::Article;
use factlint::parse::{Syntax, parse};
use factlint::rules::{Context, names};
use factlint::{Settings, lint_source};

#[test]
fn seed_raises_p002_for_xu_and_lyu_and_no_other_name_finding() {
    let Some(text) = shared_files::seed() else {
        return;
    };
    let (diagnostics, errors) = lint_source("seed.txt", &text, &Settings::default());
    assert!(errors.is_empty(), "internal errors: {errors:?}");
    let names: Vec<(&str, &str)> = diagnostics
        .iter()
        .filter(|d| d.code.starts_with('P'))
        .map(|d| (d.code, &text[d.span.start as usize..d.span.end as usize]))
        .collect();
    assert_eq!(names, [("P002", "Xu"), ("P002", "Xu"), ("P002", "Lyu")]);
}

/// Parse, extract and run the P rules once; the number of findings.
fn run_names_family(text: &str) -> usize {
    let (parsed, _) = parse(text, Syntax::Plain);
    let article = Article::build(
        "timing.txt",
        text,
        Syntax::Plain,
        parsed,
        None,
        Default::default(),
    );
    let mut found = 0;
    for entry in names::RULES {
        let rule = (entry.build.unwrap())(&Default::default()).unwrap();
        let mut cx = Context::new(entry.meta, entry.meta.default_severity);
        rule.check(&article, &mut cx);
        found += cx.into_diagnostics().len();
    }
    found
}

#[test]
#[ignore = "timing: cargo test --release --test names -- --ignored --nocapture"]
fn names_family_is_near_linear() {
    let text = shared_files::seed().unwrap_or_else(|| {
        "Xu Hui, vice mayor of the city, spoke. « Good, » said Xu Wan, a manager. Xu said the African Union (AU) agreed.\n\n".repeat(20)
    });
    let big = format!("{text}\n\n").repeat(1000);
    let start = Instant::now();
    for _ in 0..10 {
        run_names_family(&text);
    }
    let once = start.elapsed().as_secs_f64() / 10.0;
    let start = Instant::now();
    run_names_family(&big);
    let many = start.elapsed().as_secs_f64();
    println!(
        "once {:.2} ms, 1000x {:.0} ms, ratio {:.0}",
        once * 1e3,
        many * 1e3,
        many / once
    );
    assert!(
        many / once < 3000.0,
        "not near-linear: ratio {}",
        many / once
    );
}
