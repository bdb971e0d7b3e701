//! Checks over the user's sample (`../shared/seed/`): what the spec says the default rules must
//! find there, and the speakers found for its quotations. Skipped, saying why, when `../shared/`
//! is not beside the repository (a user's clone); CI has it and must run them.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use std::path::PathBuf;

use factlint::document::Article;
use factlint::extract::quotes::QuoteKind;
use factlint::parse::{Syntax, parse};
use factlint::{Settings, lint_source};

const SEED: &str = "../shared/seed/000_e47d695e4b51f17f.txt";

fn seed() -> Option<String> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(SEED);
    match std::fs::read_to_string(&path) {
        Ok(text) => Some(text),
        Err(_) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "CI must run the seed checks: {} is missing",
                path.display()
            );
            eprintln!(
                "skipping: {} is absent (no ../shared beside the repo)",
                path.display()
            );
            None
        }
    }
}

#[test]
fn every_seed_speech_quotation_has_a_speaker() {
    let Some(text) = seed() else { return };
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
    let Some(text) = seed() else { return };
    let (diagnostics, errors) = lint_source("seed.txt", &text, &Settings::default());
    assert!(errors.is_empty());
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
