//! Property tests: the parser and extractors never panic, every span is in bounds and on
//! character boundaries, and the prose pieces of generated Markdown slice back to exactly the
//! words that were written.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use factlint::parse::{Syntax, parse, sentences};
use factlint::{Settings, lint_source};
use proptest::prelude::*;

/// Text built from the characters that make parsers stumble.
fn tricky_text() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "a", "Mr.", " ", "\n", "\r\n", "\n\n", "\t", "\"", "“", "”", "‘", "’", "«", "»", "'", "`",
        "```", "#", "## ", "> ", "- ", "1. ", "|", "---", "+++", "<!--", "-->", "<b>", "[x](", ")",
        "é", "—", "…", "\u{feff}", "\u{2009}", ".", "U.S.", "Nov. ", "\\", "*", "!", "[", "]", "0",
    ]);
    prop::collection::vec(atoms, 0..80).prop_map(|parts| parts.concat())
}

fn check_spans(text: &str, syntax: Syntax) {
    let (parsed, error) = parse(text, syntax);
    if let Some(error) = error {
        assert!(error.span.end as usize <= text.len());
        assert!(text.is_char_boundary(error.span.start as usize));
    }
    for block in &parsed.blocks {
        let mut previous_end = 0;
        for piece in &block.pieces {
            let (start, end) = (piece.start as usize, piece.end as usize);
            assert!(start < end && end <= text.len(), "{piece:?} out of bounds");
            assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
            assert!(start >= previous_end, "pieces overlap or run backwards");
            assert!(
                !text[start..end].contains('\n'),
                "a piece spans a line break"
            );
            previous_end = end;
        }
        for sentence in sentences::split(text, block) {
            assert!(sentence.end as usize <= text.len());
            assert!(
                text.is_char_boundary(sentence.start as usize)
                    && text.is_char_boundary(sentence.end as usize)
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parsing_never_panics_and_spans_are_sound(text in tricky_text()) {
        check_spans(&text, Syntax::Markdown);
        check_spans(&text, Syntax::Plain);
    }

    #[test]
    fn linting_never_panics_and_diagnostics_point_into_the_file(text in tricky_text()) {
        let settings = Settings::default();
        for path in ["a.md", "a.txt"] {
            let (diagnostics, errors) = lint_source(path, &text, &settings);
            prop_assert!(errors.is_empty(), "{errors:?}");
            for d in diagnostics {
                for span in std::iter::once(d.span).chain(d.related.iter().map(|r| r.span)) {
                    prop_assert!(span.end as usize <= text.len());
                    prop_assert!(text.is_char_boundary(span.start as usize) && text.is_char_boundary(span.end as usize));
                }
            }
        }
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in "\\PC{0,200}") {
        let settings = Settings::default();
        let _ = lint_source("a.md", &text, &settings);
        let _ = lint_source("a.txt", &text, &settings);
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
