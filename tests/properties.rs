//! Property tests: the parser, the extractors and the whole lint never panic and never fail
//! internally, every span is in bounds and on character boundaries, line and column agree with
//! the span, two runs give the same result, every report format renders, and the prose pieces of
//! generated Markdown slice back to exactly the words that were written. The invariants are the
//! fuzz targets' (`tests/invariants/mod.rs`); `fuzz/` runs them for hours, this suite in seconds.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

mod invariants;

use std::panic::{AssertUnwindSafe, catch_unwind};

use factlint::config::settings::ActiveRule;
use factlint::document::Article;
use factlint::parse::{Syntax, parse};
use factlint::rules::{Context, Rule, RuleMeta, registry};
use factlint::{Settings, Severity};
use proptest::prelude::*;

/// Text built from the characters that make parsers stumble.
fn tricky_text() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "a",
        "Mr.",
        " ",
        "\n",
        "\r\n",
        "\n\n",
        "\t",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "'",
        "`",
        "```",
        "#",
        "## ",
        "> ",
        "- ",
        "1. ",
        "|",
        "---",
        "+++",
        "<!--",
        "-->",
        "<b>",
        "[x](",
        ")",
        "é",
        "—",
        "…",
        "\u{feff}",
        "\u{2009}",
        ".",
        "U.S.",
        "Nov. ",
        "\\",
        "*",
        "!",
        "[",
        "]",
        "0",
        "![",
        "](",
        "\u{0}",
        "\u{200b}",
        "\u{202e}",
        "\r",
        "136,000",
        "1.1 million",
        " percent",
        "2026",
        "(1368-1644)",
        "Thursday",
        "Nov. 28, 2026",
        " said ",
        "Xu Hui",
        "Xu",
        "Dr. ",
        "according to ",
        ": ",
        "&amp;",
        "<!-- factlint-disable-next-line N001 -->",
        "\"I",
        "years ago",
        "titled ",
        "Work Together",
        "Work together",
    ]);
    prop::collection::vec(atoms, 0..80).prop_map(|parts| parts.concat())
}

/// The shapes that once made the rules super-linear (see `benches/pathological.rs`), small:
/// they must keep every invariant too.
#[test]
fn pathological_shapes_keep_every_invariant() {
    let settings = Settings::default();
    let shapes = [
        format!("{} x\"", " \"I".repeat(300)),
        format!("\"{}", "the council said the plan works ".repeat(100)),
        "He said “we will go.\n\n".repeat(200),
        "He said “yes. ".repeat(200),
        "“".repeat(500),
        "‘".repeat(500),
        "«".repeat(500),
        "«a ".repeat(300),
        format!(
            "{}\"Dear a b c d e, {}",
            "\"a ".repeat(7),
            "\"q, ".repeat(300)
        ),
        "![".repeat(1000),
        "](".repeat(1000),
        "![x](".repeat(500),
        (1..200)
            .map(|n| format!("{} x ", "`".repeat(n % 20)))
            .collect(),
        "<!--".repeat(500),
        "The city had a net population inflow of 136,000 last year.\n".repeat(100),
        (0..300)
            .map(|i| format!("“We will go,” said Name{i} Surname{i}. "))
            .collect(),
    ];
    for text in &shapes {
        invariants::check_parse(text);
        invariants::check_article(text);
        for path in ["a.md", "a.txt"] {
            invariants::check_lint(path, text, &settings);
            invariants::check_reports(path, text.as_bytes(), &settings);
        }
    }
}

/// A rule that panics on every article: the kind of bug the invariants exist to catch. It lives
/// here, in the test, so no build of factlint ships it.
#[derive(Debug)]
struct Panicking;

impl Rule for Panicking {
    fn meta(&self) -> &'static RuleMeta {
        registry()[0].meta
    }

    fn check(&self, _article: &Article, _cx: &mut Context) {
        panic!("a rule bug injected by the test");
    }
}

/// The message of the panic `check` raised, or `None` when it returned.
fn failure_of(check: impl FnOnce()) -> Option<String> {
    let payload = catch_unwind(AssertUnwindSafe(check)).err()?;
    Some(
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default(),
    )
}

/// `lint_source` turns a rule's panic into an internal error rather than unwinding, so the
/// invariants must fail on the internal error itself, or "never panics" could never fail.
#[test]
fn an_internal_error_breaks_the_invariants() {
    let mut settings = Settings::default();
    settings.rules.push(ActiveRule {
        rule: Box::new(Panicking),
        severity: Severity::Error,
    });
    let text = "He said \"the plan works.\"\n";
    for path in ["a.md", "a.txt"] {
        let lint = failure_of(|| {
            invariants::check_lint(path, text, &settings);
        });
        let reports = failure_of(|| {
            invariants::check_reports(path, text.as_bytes(), &settings);
        });
        for (check, failure) in [("check_lint", lint), ("check_reports", reports)] {
            let message = failure.unwrap_or_else(|| panic!("{check} passed a panicking rule"));
            assert!(
                message.starts_with("internal errors: ")
                    && message.contains("a rule bug injected by the test"),
                "{check} failed for another reason: {message}"
            );
        }
    }
    // The same text without the injected rule keeps every invariant.
    let settings = Settings::default();
    invariants::check_lint("a.md", text, &settings);
    invariants::check_reports("a.md", text.as_bytes(), &settings);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parsing_never_panics_and_spans_are_sound(text in tricky_text()) {
        invariants::check_parse(&text);
        invariants::check_article(&text);
    }

    #[test]
    fn linting_keeps_every_invariant(text in tricky_text()) {
        let settings = Settings::default();
        for path in ["a.md", "a.txt"] {
            invariants::check_lint(path, &text, &settings);
            invariants::check_reports(path, text.as_bytes(), &settings);
        }
    }

    #[test]
    fn arbitrary_unicode_keeps_every_invariant(text in "\\PC{0,200}") {
        let settings = Settings::default();
        invariants::check_parse(&text);
        for path in ["a.md", "a.txt"] {
            invariants::check_lint(path, &text, &settings);
        }
    }

    /// Paragraphs of words, decorated as Markdown blocks, parse back to exactly those words.
    #[test]
    fn markdown_prose_slices_back_to_the_words_written(
        paragraphs in prop::collection::vec(
            (prop::collection::vec("[A-Za-zéü“”«»][A-Za-zéü“”«»0-9,.]{0,7}", 1..12), 0..5usize, 1..4usize),
            1..6,
        ),
        crlf in any::<bool>(),
        bom in any::<bool>(),
    ) {
        // A block that opens with a typed bullet (`»`) or a lettered label (`a.`, `ii.`) is a
        // list item whose marker is not prose.
        let marker = |w: &str| {
            w == "»" || w.strip_suffix('.').is_some_and(|l| {
                l.len() == 1 && l.bytes().all(|b| b.is_ascii_lowercase())
                    || !l.is_empty() && l.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'))
            })
        };
        prop_assume!(paragraphs.iter().all(|(words, _, _)| !marker(&words[0])));
        let newline = if crlf { "\r\n" } else { "\n" };
        let mut text = String::from(if bom { "\u{feff}" } else { "" });
        let mut expected = Vec::new();
        for (words, decoration, lines) in &paragraphs {
            let prefix = ["", "> ", "- ", "## ", "1. "][*decoration];
            let per_line = words.len().div_ceil(*lines).max(1);
            let chunks: Vec<String> = words.chunks(per_line).map(|c| c.join(" ")).collect();
            let chunks = if prefix == "## " { vec![words.join(" ")] } else { chunks };
            for (i, chunk) in chunks.iter().enumerate() {
                let line_prefix = if i == 0 || prefix == "> " { prefix } else { "" };
                text.push_str(line_prefix);
                text.push_str(chunk);
                text.push_str(newline);
            }
            text.push_str(newline);
            expected.push(words.join(" "));
        }
        let (parsed, error) = parse(&text, Syntax::Markdown);
        prop_assert!(error.is_none());
        let got: Vec<String> = parsed
            .blocks
            .iter()
            .map(|b| b.pieces.iter().map(|p| &text[p.range()]).collect::<Vec<_>>().join(" "))
            .collect();
        prop_assert_eq!(got, expected, "text: {:?}", text);
    }
}
