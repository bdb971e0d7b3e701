//! Checks over the user's sample (`../shared/seed/`): what the spec says the default rules must
//! find there, and the speakers found for its quotations. Skipped, saying why, when `../shared/`
//! is not beside the repository (a user's clone); under `.ci/run` a missing seed fails them (see
//! `tests/shared_files/mod.rs`).

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

mod shared_files;

use factlint::document::Article;
use factlint::extract::quotes::QuoteKind;
use factlint::parse::{Syntax, parse};
use factlint::{Settings, lint_source};

#[test]
fn every_seed_speech_quotation_has_a_speaker() {
    let Some(text) = shared_files::seed() else {
        return;
    };
    let (parsed, _) = parse(&text, Syntax::Plain);
    let article = Article::build(
        "seed.txt",
        &text,
        Syntax::Plain,
        parsed,
        None,
        Default::default(),
    );
    let mut missing = Vec::new();
    let mut table = String::new();
    for q in article.quotes.quotations.iter().filter(|q| q.depth == 0) {
        let content = text[q.content.range()].trim();
        let short: String = content.chars().take(50).collect();
        let speaker = q.speaker.as_ref().map_or("-".to_owned(), |s| {
            format!(
                "{}{}{}",
                s.name,
                if s.by_pronoun { " (pronoun)" } else { "" },
                if s.inherited { " (inherited)" } else { "" }
            )
        });
        table.push_str(&format!("{:?}\t{speaker}\t{short}\n", q.kind));
        if q.kind == QuoteKind::Speech && q.speaker.is_none() {
            missing.push(short);
        }
    }
    eprintln!("{table}");
    assert!(
        missing.is_empty(),
        "speech without a speaker: {missing:#?}\n{table}"
    );
}

#[test]
fn seed_findings_are_the_ones_the_spec_names() {
    let Some(text) = shared_files::seed() else {
        return;
    };
    let (diagnostics, errors) = lint_source("seed.txt", &text, &Settings::default());
    assert!(errors.is_empty(), "internal errors: {errors:?}");
    let errors: Vec<String> = diagnostics
        .iter()
        .filter(|d| d.severity == factlint::Severity::Error)
        .map(|d| format!("{} {}", d.code, d.message))
        .collect();
    let q002 = errors.iter().filter(|e| e.starts_with("Q002")).count();
    assert_eq!(q002, 1, "{errors:#?}");
    let allowed = |e: &&String| e.starts_with("Q002") || e.starts_with("P002");
    let unexpected: Vec<&String> = errors.iter().filter(|e| !allowed(e)).collect();
    assert!(unexpected.is_empty(), "{unexpected:#?}");
}
