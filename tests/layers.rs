//! Every rule declares the article layers it reads, and the runner builds no other. A rule that
//! reads a layer it did not declare would silently lose findings (an empty layer finds nothing),
//! so every rule runs on every rule fixture twice, on an article with all layers and on one with
//! only the layers it declared, and must report the same both times.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use std::path::{Path, PathBuf};

use factlint::document::{Article, Layers, Scope};
use factlint::extract::dates::DateOrder;
use factlint::parse::{Syntax, parse};
use factlint::report::render_diagnostic;
use factlint::rules::{Context, Rule, RuleOptions, registry};

/// Every `fail-*` and `pass-*` fixture under `testdata/rules`, sorted.
fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/rules");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .flat_map(|dir| std::fs::read_dir(dir.unwrap().path()).unwrap())
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("fail-") || n.starts_with("pass-"))
        })
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no fixtures under {}", root.display());
    files
}

/// `rule`'s findings on `text`, on an article of its roles built with `layers`, rendered.
fn findings(rule: &dyn Rule, shown: &str, text: &str, layers: Layers) -> Vec<String> {
    let syntax = Syntax::for_path(shown);
    let (mut parsed, _) = parse(text, syntax);
    let analysis = parsed.analysis.take();
    let analysis_text = analysis.as_deref().unwrap_or(text);
    let article = Article::build_for(
        shown,
        analysis_text,
        syntax,
        parsed,
        Some(jiff::civil::date(2026, 11, 28)),
        DateOrder::default(),
        Scope {
            roles: rule.roles(),
            layers,
        },
    );
    let mut cx = Context::new(rule.meta(), rule.meta().default_severity);
    rule.check(&article, &mut cx);
    cx.into_diagnostics()
        .iter()
        .map(|d| render_diagnostic(shown, text, d, 80))
        .collect()
}

#[test]
fn every_rule_reads_only_the_layers_it_declares() {
    let rules: Vec<Box<dyn Rule>> = registry()
        .iter()
        .filter_map(|entry| entry.build)
        .map(|build| build(&RuleOptions::new()).unwrap())
        .collect();
    let mut reporting = vec![0_usize; rules.len()];
    let mut failures = Vec::new();
    for file in fixtures() {
        let text = std::fs::read_to_string(&file).unwrap();
        let shown = file.to_string_lossy().into_owned();
        for (rule, reported) in rules.iter().zip(&mut reporting) {
            let declared = rule.layers();
            let all = findings(rule.as_ref(), &shown, &text, Layers::ALL);
            let own = findings(rule.as_ref(), &shown, &text, declared);
            if all != own {
                failures.push(format!(
                    "{} with only {:?} on {shown}:\nall layers:\n{}\ndeclared layers:\n{}",
                    rule.meta().code,
                    declared.iter().map(|l| l.as_str()).collect::<Vec<_>>(),
                    all.join("\n"),
                    own.join("\n")
                ));
            }
            *reported += usize::from(!all.is_empty());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    for (rule, reported) in rules.iter().zip(&reporting) {
        assert!(
            *reported > 0,
            "{} found nothing to compare",
            rule.meta().code
        );
    }
}

#[test]
fn a_rule_alone_builds_its_layers_and_what_they_read() {
    use factlint::document::Layer;
    let layers = |code: &str| {
        let entry = registry().iter().find(|e| e.meta.code == code).unwrap();
        entry.meta.layers.with_dependencies()
    };
    assert_eq!(layers("Q001"), Layers::of(&[Layer::Quotes]));
    // Speakers are read from the tokens around each quotation.
    assert_eq!(
        layers("Q002"),
        Layers::of(&[
            Layer::Sentences,
            Layer::Tokens,
            Layer::Quotes,
            Layer::Speakers
        ])
    );
    assert_eq!(
        layers("P001"),
        Layers::of(&[Layer::Sentences, Layer::Tokens, Layer::Quotes, Layer::Names])
    );
    assert_eq!(
        layers("D001"),
        Layers::of(&[
            Layer::Sentences,
            Layer::Tokens,
            Layer::Dates,
            Layer::ArticleDate
        ])
    );
    // The entity registry reads the names and who each quotation is attributed to.
    assert_eq!(
        layers("P002"),
        Layers::of(&[
            Layer::Sentences,
            Layer::Tokens,
            Layer::Quotes,
            Layer::Speakers,
            Layer::Names,
            Layer::Entities
        ])
    );
    assert_eq!(layers("E001"), Layers::NONE);
}
