//! Invariants every input must keep, shared by the property suite (`tests/properties.rs`) and the
//! fuzz targets (`fuzz/fuzz_targets/*.rs`, which include this file by path).
//!
//! Each check panics with a message naming the broken invariant, so a fuzzer records the input and
//! a property test shrinks it.

#![allow(dead_code)] // each includer uses the checks it needs

use factlint::document::Article;
use factlint::extract::dates::DateOrder;
use factlint::parse::{Block, Syntax, parse};
use factlint::report::{Format, Style, reporter};
use factlint::runner::{FileReport, Summary, lint_bytes};
use factlint::source::{LineIndex, Span};
use factlint::{Diagnostic, Settings, lint_source};

/// Every `Span { start: .., end: .. }` in a value's `Debug` output: a way to reach every span an
/// extractor returns, whatever struct holds it.
pub fn debug_spans(debug: &str) -> Vec<(usize, usize)> {
    const OPEN: &str = "Span { start: ";
    let mut spans = Vec::new();
    let mut rest = debug;
    while let Some(at) = rest.find(OPEN) {
        rest = &rest[at + OPEN.len()..];
        let number = |s: &str| -> Option<(usize, usize)> {
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            Some((s.get(..digits)?.parse().ok()?, digits))
        };
        let Some((start, used)) = number(rest) else {
            continue;
        };
        let Some(after) = rest[used..].strip_prefix(", end: ") else {
            continue;
        };
        let Some((end, _)) = number(after) else {
            continue;
        };
        spans.push((start, end));
    }
    spans
}

/// A span lies inside `text`, runs forwards and starts and ends on character boundaries.
pub fn assert_span(text: &str, start: usize, end: usize, what: &str) {
    assert!(start <= end, "{what}: span {start}..{end} runs backwards");
    assert!(
        end <= text.len(),
        "{what}: span {start}..{end} past the end ({})",
        text.len()
    );
    assert!(
        text.is_char_boundary(start) && text.is_char_boundary(end),
        "{what}: span {start}..{end} splits a character"
    );
}

/// Every span in the `Debug` output of `value` is sound.
pub fn assert_debug_spans(text: &str, value: &impl std::fmt::Debug, what: &str) {
    for (start, end) in debug_spans(&format!("{value:?}")) {
        assert_span(text, start, end, what);
    }
}

/// Run `extract` over the blocks and sentences of `text` read both ways, and check every span of
/// what it returns: the whole of an extractor fuzz target.
pub fn check_extractor<T: std::fmt::Debug>(
    text: &str,
    what: &str,
    extract: impl Fn(&[Block], &[Vec<Span>]) -> T,
) {
    for syntax in [Syntax::Markdown, Syntax::Plain] {
        let (parsed, _) = parse(text, syntax);
        let sentences: Vec<Vec<Span>> = parsed
            .blocks
            .iter()
            .map(|block| factlint::text::sentences_of(text, block))
            .collect();
        assert_debug_spans(text, &extract(&parsed.blocks, &sentences), what);
    }
}

/// The parser's blocks, pieces, comments and sentences are sound for both syntaxes.
pub fn check_parse(text: &str) {
    for syntax in [Syntax::Markdown, Syntax::Plain] {
        let (parsed, error) = parse(text, syntax);
        if let Some(error) = &error {
            assert_span(
                text,
                error.span.start as usize,
                error.span.end as usize,
                "front matter error",
            );
        }
        assert_debug_spans(text, &parsed, "parsed text");
        for block in &parsed.blocks {
            let mut previous_end = 0;
            for piece in &block.pieces {
                let (start, end) = (piece.start as usize, piece.end as usize);
                assert_span(text, start, end, "prose piece");
                assert!(start < end, "empty prose piece at {start}");
                assert!(
                    start >= previous_end,
                    "prose pieces overlap or run backwards"
                );
                assert!(
                    !text[start..end].contains('\n'),
                    "a prose piece spans a line break"
                );
                previous_end = end;
            }
            for sentence in factlint::text::sentences_of(text, block) {
                assert_span(
                    text,
                    sentence.start as usize,
                    sentence.end as usize,
                    "sentence",
                );
            }
        }
    }
}

/// Every span of every mention the extractors find (quotations, names, dates, numbers) is sound,
/// for both syntaxes.
pub fn check_article(text: &str) {
    for (path, syntax) in [("a.md", Syntax::Markdown), ("a.txt", Syntax::Plain)] {
        let (parsed, _) = parse(text, syntax);
        let article = Article::build(path, text, syntax, parsed, None, DateOrder::default());
        assert_debug_spans(text, &article, "extracted mentions");
    }
}

/// Line and column of a byte offset, counted the slow and obvious way: a line ends at `\n` or
/// at a `\r` not followed by `\n`.
fn naive_line_column(text: &str, offset: usize) -> (u32, u32) {
    let bytes = text.as_bytes();
    let breaks: Vec<usize> = (0..offset)
        .filter(|&i| bytes[i] == b'\n' || (bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .collect();
    let line_start = breaks.last().map_or(0, |&i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (breaks.len() as u32 + 1, column as u32)
}

/// The diagnostics of one file: spans sound, line and column as the slow count gives them.
pub fn check_diagnostics(text: &str, diagnostics: &[Diagnostic]) {
    let lines = LineIndex::new(text);
    for diagnostic in diagnostics {
        let spans =
            std::iter::once(diagnostic.span).chain(diagnostic.related.iter().map(|r| r.span));
        for span in spans {
            let (start, end) = (span.start as usize, span.end as usize);
            assert_span(text, start, end, diagnostic.code);
            for offset in [start, end] {
                let found = lines.line_column(text, offset);
                assert_eq!(
                    (found.line, found.column),
                    naive_line_column(text, offset),
                    "{}: line and column of offset {offset}",
                    diagnostic.code
                );
            }
        }
        assert!(
            !diagnostic.message.is_empty()
                && !diagnostic.message.starts_with(char::is_uppercase)
                && !diagnostic.message.ends_with('.'),
            "{}: message breaks the convention: {:?}",
            diagnostic.code,
            diagnostic.message
        );
    }
}

/// Lint `text` under `path` twice: no internal error, sound diagnostics, the same output both
/// times. Returns the diagnostics.
///
/// `lint_source` catches a panicking rule (or parser) and hands it back as an internal error
/// instead of unwinding, so "no internal error" is what "never panics" means here; the property
/// suite's `an_internal_error_breaks_the_invariants` proves this check fails on one.
pub fn check_lint(path: &str, text: &str, settings: &Settings) -> Vec<Diagnostic> {
    let (diagnostics, errors) = lint_source(path, text, settings);
    assert!(errors.is_empty(), "internal errors: {errors:?}");
    check_diagnostics(text, &diagnostics);
    let (again, errors_again) = lint_source(path, text, settings);
    assert!(
        errors_again.is_empty(),
        "internal errors on the second run: {errors_again:?}"
    );
    assert_eq!(diagnostics, again, "two runs on the same text differ");
    diagnostics
}

/// Lint raw bytes the way a file is linted and render the report in every format: nothing panics
/// and every format writes something for a file with findings.
pub fn check_reports(path: &str, bytes: &[u8], settings: &Settings) -> FileReport {
    let report = lint_bytes(path, bytes.to_vec(), settings);
    assert!(
        report.internal_errors.is_empty(),
        "internal errors: {:?}",
        report.internal_errors
    );
    let mut summary = Summary::default();
    summary.add(&report);
    for format in [
        Format::Human,
        Format::Concise,
        Format::Json,
        Format::Sarif,
        Format::Github,
    ] {
        let style = Style {
            color: false,
            width: 80,
            quiet: false,
        };
        let mut out = Vec::new();
        let mut reporter = reporter(format, style);
        let wrote = reporter
            .file(&mut out, &report)
            .and_then(|()| reporter.finish(&mut out, &summary));
        assert!(wrote.is_ok(), "{format:?} failed to write");
        assert!(
            report.diagnostics.is_empty() || !out.is_empty(),
            "{format:?} wrote nothing for {} diagnostics",
            report.diagnostics.len()
        );
        assert!(
            std::str::from_utf8(&out).is_ok(),
            "{format:?} wrote invalid UTF-8"
        );
    }
    report
}
