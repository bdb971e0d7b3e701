//! Meta-tests: generated files are current, the registry is sound, every rule is documented and
//! has fixtures, and each documented example does what its docs claim.
//!
//! `UPDATE_GENERATED=1 cargo test --test meta` rewrites the generated files.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use std::path::{Path, PathBuf};

use factlint::rules::registry;
use factlint::schema::{self, SchemaKind};
use factlint::{Settings, lint_source};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Compare a generated file with what is on disk, or rewrite it under `UPDATE_GENERATED`.
fn check_generated(path: &Path, expected: &str) {
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(path, expected).unwrap();
        return;
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "{} is stale: run `UPDATE_GENERATED=1 cargo test --test meta` and commit the result",
        path.display()
    );
}

#[test]
fn schemas_are_current() {
    for (kind, file) in SchemaKind::ALL {
        check_generated(&root().join("schemas").join(file), &schema::render(kind));
    }
}

fn rules_table() -> String {
    let mut table = String::from(
        "| Code | Name | Category | Default | What it finds |\n|---|---|---|---|---|\n",
    );
    for entry in registry() {
        let m = entry.meta;
        table.push_str(&format!(
            "| {} | `{}` | {} | {} | {} |\n",
            m.code,
            m.name,
            m.category.as_str(),
            m.default_severity,
            m.summary
        ));
    }
    table
}

#[test]
fn readme_rule_table_is_current() {
    let path = root().join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let (start, end) = ("<!-- rules:start -->\n", "<!-- rules:end -->");
    let from = readme.find(start).expect("README has a rules:start marker") + start.len();
    let to = readme.find(end).expect("README has a rules:end marker");
    let expected = format!("{}{}{}", &readme[..from], rules_table(), &readme[to..]);
    check_generated(&path, &expected);
}

#[test]
fn registry_is_sorted_and_unique() {
    let codes: Vec<&str> = registry().iter().map(|e| e.meta.code).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    sorted.dedup();
    assert_eq!(codes, sorted, "codes must be sorted and unique");
    let mut names: Vec<&str> = registry().iter().map(|e| e.meta.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), registry().len(), "names must be unique");
    for entry in registry() {
        let m = entry.meta;
        let letter = m.code.chars().next().unwrap();
        let expected = match m.category.as_str() {
            "numbers" => 'N',
            "dates" => 'D',
            "names" => 'P',
            "quotes" => 'Q',
            "facts" => 'F',
            _ => 'E',
        };
        assert_eq!(
            letter,
            expected,
            "{} is in category {}",
            m.code,
            m.category.as_str()
        );
        assert!(
            m.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{} is not kebab-case",
            m.name
        );
    }
}

/// The fenced blocks of a section of the docs, in order, with their info strings.
fn code_blocks(docs: &str) -> Vec<(String, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in docs.lines() {
        if let Some(info) = line.strip_prefix("```") {
            match current.take() {
                Some(block) => blocks.push(block),
                None => current = Some((info.trim().to_owned(), String::new())),
            }
        } else if let Some((_, body)) = current.as_mut() {
            body.push_str(line);
            body.push('\n');
        }
    }
    blocks
}

#[test]
fn every_rule_is_documented_and_its_examples_are_true() {
    let settings = Settings::default();
    for entry in registry() {
        let m = entry.meta;
        let docs = m.docs();
        for heading in ["## What it checks", "## Why it matters", "## Example"] {
            assert!(docs.contains(heading), "{} docs lack `{heading}`", m.code);
        }
        assert!(
            docs.contains("Use instead"),
            "{} docs lack a `Use instead` part",
            m.code
        );
        assert!(
            !m.summary.ends_with('.'),
            "{} summary ends with a period",
            m.code
        );
        if entry.build.is_none() {
            continue; // input diagnostics are raised by the runner; their examples are transcripts
        }
        let (example, fixed) = docs.split_once("Use instead").unwrap();
        let bad = code_blocks(example);
        let good = code_blocks(fixed);
        assert_eq!(
            bad.first().map(|b| b.0.as_str()),
            Some("markdown"),
            "{}: failing example",
            m.code
        );
        assert_eq!(
            good.first().map(|b| b.0.as_str()),
            Some("markdown"),
            "{}: passing example",
            m.code
        );
        let codes = |text: &str| -> Vec<&'static str> {
            let (diagnostics, errors) = lint_source("example.md", text, &settings);
            assert!(errors.is_empty());
            diagnostics
                .iter()
                .map(|d| d.code)
                .filter(|c| *c == m.code)
                .collect()
        };
        assert!(
            !codes(&bad[0].1).is_empty(),
            "{}: the failing example does not fail",
            m.code
        );
        assert!(
            codes(&good[0].1).is_empty(),
            "{}: the passing example fails",
            m.code
        );
    }
}

#[test]
fn every_article_rule_has_pass_and_fail_fixtures() {
    for entry in registry().iter().filter(|e| e.build.is_some()) {
        let m = entry.meta;
        let dir = root()
            .join("testdata/rules")
            .join(format!("{}-{}", m.code, m.name));
        let names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap_or_else(|_| panic!("{} has no fixture folder {}", m.code, dir.display()))
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().any(|n| n.starts_with("pass-")),
            "{} has no pass fixture",
            m.code
        );
        assert!(
            names.iter().any(|n| n.starts_with("fail-")),
            "{} has no fail fixture",
            m.code
        );
    }
}

/// The lower-case words compared by name in `source`: `.is("from")`, `word_is(j, "the")`,
/// `lower == "to"`, `text == "of"` and `matches!(lower, "a" | "b")`.
fn words_compared_by_name(source: &str) -> Vec<String> {
    fn literal(rest: &str) -> Option<&str> {
        let rest = rest.trim_start().strip_prefix('"')?;
        Some(&rest[..rest.find('"')?])
    }
    let mut words = Vec::new();
    let mut push = |word: &str| {
        if word.len() > 1 && word.bytes().all(|b| b.is_ascii_lowercase()) {
            words.push(word.to_string());
        }
    };
    for line in source.lines() {
        for (at, _) in line.match_indices(".is(") {
            if let Some(word) = literal(&line[at + 4..]) {
                push(word);
            }
        }
        for (at, _) in line.match_indices("word_is(") {
            if let Some(comma) = line[at..].find(',') {
                if let Some(word) = literal(&line[at + comma + 1..]) {
                    push(word);
                }
            }
        }
        for (at, _) in line.match_indices(" == \"") {
            let before = line[..at].trim_end_matches("()");
            let named = ["lower", "text", "word", " w"]
                .iter()
                .any(|name| before.ends_with(name));
            if named {
                if let Some(word) = literal(&line[at + 4..]) {
                    push(word);
                }
            }
        }
        for (at, _) in line.match_indices("matches!(") {
            let args = &line[at + 9..];
            let subject = args.split(',').next().unwrap_or("");
            let word_subject = ["lower", "word", "text"]
                .iter()
                .any(|name| subject.trim_end_matches("()").trim_end().ends_with(name));
            if !word_subject {
                continue;
            }
            for alternative in args[subject.len()..].split('|') {
                if let Some(word) = literal(alternative.trim_start_matches(',')) {
                    push(word);
                }
            }
        }
    }
    words
}

#[test]
fn every_word_compared_by_name_is_in_the_lexicon() {
    // A word an extractor or a rule compares with by name must be a word of the lexicon, so
    // that what it means is written once (its classes) and a misspelt comparison cannot pass
    // silently; this reads the sources, as a reviewer would.
    let mut missing = Vec::new();
    let mut seen = 0;
    for folder in ["src/extract", "src/rules", "src/text", "src/parse"] {
        let mut stack = vec![root().join(folder)];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                let is_test = path.file_name().is_some_and(|n| n == "tests.rs");
                if path.extension().is_none_or(|e| e != "rs") || is_test {
                    continue;
                }
                let source = std::fs::read_to_string(&path).unwrap();
                let code = source.split("#[cfg(test)]").next().unwrap_or_default();
                for word in words_compared_by_name(code) {
                    seen += 1;
                    if factlint::lexicon::lookup(&word).is_none() {
                        missing.push(format!("{} in {}", word, path.display()));
                    }
                }
            }
        }
    }
    assert!(
        seen > 10,
        "the scan found only {seen} words: is it still reading the sources?"
    );
    assert!(missing.is_empty(), "not in the lexicon: {missing:#?}");
}

#[test]
fn the_word_scan_reads_each_form() {
    let source = r#"
        if t.is("from") && self.word_is(j, "the") || lower == "to" || w.text() == "of" {}
        let x = matches!(lower, "alpha" | "beta");
        let y = matches!(c, '-' | '"');
        if name == "skip" {}
    "#;
    assert_eq!(
        words_compared_by_name(source),
        ["from", "the", "to", "of", "alpha", "beta"]
    );
}
