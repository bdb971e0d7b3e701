//! Real editorial copy end to end: front matter as site generators write it, file-name dates,
//! HTML entities, quote-only paragraphs, block roles, files that are not articles, UTF-16 and
//! `--explain-blocks`. Fixtures live in `testdata/editorial/`.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/editorial")
}

struct Run {
    code: i32,
    stdout: String,
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let output = Command::cargo_bin("factlint")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
    }
}

/// `lint --format concise` on one fixture: the codes found, in order.
fn codes(fixture: &str) -> Vec<String> {
    let out = run(
        &fixtures(),
        &["lint", "--no-config", "--format", "concise", fixture],
    );
    out.stdout
        .lines()
        .filter_map(|line| line.split(": ").nth(1))
        .filter_map(|rest| rest.split(' ').next())
        .map(str::to_owned)
        .collect()
}

fn scratch(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

#[test]
fn published_false_is_a_draft_flag_not_a_date() {
    // The date is still read (so D005 can judge "N years ago"), and no E003.
    assert_eq!(
        codes("front-matter/jekyll-published-false.md"),
        Vec::<String>::new()
    );
    assert_eq!(
        codes("front-matter/jekyll-published-false-wrong-age.md"),
        vec!["D005"]
    );
}

#[test]
fn a_jekyll_file_name_gives_the_article_date() {
    assert_eq!(
        codes("front-matter/_posts/2021-06-22-bridge-reopens.md"),
        vec!["D005"]
    );
    assert_eq!(
        codes("front-matter/_posts/2021-06-22-bridge-reopens-right.md"),
        Vec::<String>::new()
    );
    // The same text under a name without a date: no article date, so D005 stays silent.
    let text =
        std::fs::read(fixtures().join("front-matter/_posts/2021-06-22-bridge-reopens.md")).unwrap();
    let dir = scratch(&[("bridge-reopens.md", &text)]);
    let out = run(dir.path(), &["lint", "--no-config", "bridge-reopens.md"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
}

#[test]
fn site_generator_front_matter_is_read_and_bad_values_name_their_key() {
    // Hugo TOML: offset date-times, authors, [params], and `[factlint] ignore` honoured.
    assert_eq!(codes("front-matter/hugo-toml.md"), Vec::<String>::new());
    assert_eq!(
        codes("front-matter/astro-unknown-keys.md"),
        Vec::<String>::new()
    );
    let out = run(
        &fixtures(),
        &[
            "lint",
            "--no-config",
            "--format",
            "concise",
            "front-matter/invalid-date.md",
        ],
    );
    assert!(
        out.stdout.starts_with(
            "front-matter/invalid-date.md:3:1: E003 front matter `published` is someday soon"
        ),
        "{}",
        out.stdout
    );
}

#[test]
fn toml_factlint_ignore_is_honoured_and_unused_ones_reported() {
    let dir = scratch(&[(
        "a.md",
        b"+++\ntitle = \"A\"\n[factlint]\nignore = [\"Q001\", \"N001\"]\n+++\nHe said \"we will go.\n",
    )]);
    let out = run(
        dir.path(),
        &["lint", "--no-config", "--format", "concise", "a.md"],
    );
    assert!(!out.stdout.contains("Q001"), "{}", out.stdout);
    assert!(out.stdout.contains("E006"), "{}", out.stdout);
}

#[test]
fn entity_written_quotes_are_quote_marks_at_the_entity_bytes() {
    let out = run(
        &fixtures(),
        &[
            "lint",
            "--no-config",
            "--format",
            "json",
            "markup/entity-quotes.md",
        ],
    );
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 1, "{}", out.stdout);
    assert_eq!(diagnostics[0]["code"], "Q001");
    let text = std::fs::read_to_string(fixtures().join("markup/entity-quotes.md")).unwrap();
    let start = diagnostics[0]["span"]["start"].as_u64().unwrap() as usize;
    assert!(text[start..].starts_with("&quot;the bridge"), "{start}");
    assert_eq!(diagnostics[0]["span"]["column"], 16);
    assert_eq!(
        codes("markup/entity-quotes-balanced.md"),
        Vec::<String>::new()
    );
}

#[test]
fn quote_only_paragraphs_frame_an_excerpt_without_errors() {
    assert_eq!(
        codes("roles/quote-only-paragraphs.txt"),
        Vec::<String>::new()
    );
    assert_eq!(
        codes("roles/quote-only-paragraphs.md"),
        Vec::<String>::new()
    );
    // Without the framing marks on lines of their own, the same quote is an error.
    let dir = scratch(&[(
        "a.txt",
        "It said: “The deck is sound.\n\nThe end.\n".as_bytes(),
    )]);
    assert_eq!(run(dir.path(), &["lint", "--no-config", "a.txt"]).code, 1);
}

#[test]
fn files_that_are_not_articles_are_skipped_and_exclude_applies_to_named_files() {
    let bad = "He said “we will go.\n".as_bytes();
    let dir = scratch(&[
        ("README.md", bad),
        ("docs/CHANGELOG.md", bad),
        ("corpus/SOURCE.md", bad),
        ("LICENSE.txt", bad),
        ("drafts/wip.md", bad),
        ("news/story.md", bad),
        ("factlint.toml", b"exclude = [\"drafts/**\"]\n"),
    ]);
    let out = run(dir.path(), &["lint", "--format", "concise"]);
    assert_eq!(out.stdout.matches("Q001").count(), 1, "{}", out.stdout);
    assert!(out.stdout.contains("news/story.md"), "{}", out.stdout);
    // Named on the command line, as pre-commit passes them, from another folder too.
    let out = run(
        &dir.path().join("news"),
        &[
            "lint",
            "--format",
            "concise",
            "../drafts/wip.md",
            "../README.md",
            "story.md",
        ],
    );
    assert_eq!(out.stdout.matches("Q001").count(), 1, "{}", out.stdout);
    assert!(out.stdout.contains("story.md"), "{}", out.stdout);
    // The switch turns the skip off.
    std::fs::write(
        dir.path().join("factlint.toml"),
        "skip-project-files = false\n",
    )
    .unwrap();
    let out = run(dir.path(), &["lint", "--format", "concise"]);
    assert_eq!(out.stdout.matches("Q001").count(), 6, "{}", out.stdout);
}

#[test]
fn utf16_with_a_bom_and_cr_only_lines_are_linted() {
    let text = "Title\r\rHe said “we will go.\r\rThe end.\r";
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let dir = scratch(&[
        ("le.txt", &le),
        ("be.txt", &be),
        ("cr.txt", text.as_bytes()),
    ]);
    let out = run(dir.path(), &["lint", "--no-config", "--format", "concise"]);
    for name in ["be.txt", "cr.txt", "le.txt"] {
        assert!(
            out.stdout.contains(&format!("{name}:3:9: Q001")),
            "{name}: {}",
            out.stdout
        );
    }
}

#[test]
fn explain_blocks_shows_roles_and_spans() {
    let out = run(
        &fixtures(),
        &[
            "lint",
            "--no-config",
            "--explain-blocks",
            "roles/quote-only-paragraphs.txt",
        ],
    );
    assert_eq!(out.code, 0);
    let roles: Vec<&str> = out
        .stdout
        .lines()
        .map(|l| l.split("] ").nth(1).unwrap().split(' ').next().unwrap())
        .collect();
    assert_eq!(
        roles,
        vec![
            "title",
            "lead",
            "delimiter",
            "body",
            "delimiter",
            "delimiter",
            "body"
        ]
    );
    assert!(
        out.stdout
            .starts_with("roles/quote-only-paragraphs.txt:1:1-1:36 [0..35] title Paragraph:"),
        "{}",
        out.stdout
    );
}

#[test]
fn shortcodes_templates_html_and_escapes_are_markup_not_prose() {
    // Quoted parameters of multi-line Hugo shortcodes, Liquid tags and comments, code
    // shortcodes, script/style/iframe and a WordPress caption raise nothing.
    for fixture in [
        "markup/hugo-shortcodes.md",
        "markup/liquid-and-wordpress.md",
        "markup/html-and-escapes.md",
    ] {
        assert_eq!(codes(fixture), Vec::<String>::new(), "{fixture}");
    }
    // The inner content of a paired shortcode is prose, and is checked.
    assert_eq!(codes("markup/hugo-shortcodes-inner-prose.md"), vec!["Q001"]);
    let out = run(
        &fixtures(),
        &[
            "lint",
            "--no-config",
            "--explain-blocks",
            "markup/liquid-and-wordpress.md",
            "markup/html-and-escapes.md",
        ],
    );
    assert!(
        out.stdout
            .contains("caption Paragraph: Engineers on the deck. (Photo: Jane Roe)"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("lead Paragraph: The harbour bridge reopened on Tuesday. Engineers said"),
        "{}",
        out.stdout
    );
    // `2\.` numbers the paragraph: the number is not prose.
    assert!(
        out.stdout
            .contains("body Paragraph: The council said the cables"),
        "{}",
        out.stdout
    );
    assert!(!out.stdout.contains("include hero"), "{}", out.stdout);
}
