//! Fixture runner: each `testdata/rules/<CODE>-<name>/` folder is linted with only its rule
//! selected. A `fail-*` fixture must raise exactly the findings its markers name, each on the
//! text its marker names; a `pass-*` fixture must raise nothing. Every finding's message follows
//! the house convention (lower-case start, no trailing period), the rule reports the same with
//! every other rule on, and the rendered findings of a fail fixture match its blessed insta
//! snapshot. Every failing fixture is listed, and the test fails once at the end.
//!
//! A marker is an HTML comment on the line after the paragraph (or list) that holds the finding:
//!
//! ```markdown
//! The exhibition runs until June 31, 2026, the museum said.
//! <!-- expect: D002 "June 31, 2026" -->
//! ```
//!
//! The quoted text is the finding's primary span, exactly; the span is its last occurrence before
//! the marker (marker comments themselves are not searched). When that occurrence is not the one
//! meant, `in "…"` names a longer piece of text that starts the search instead: the span is the
//! first occurrence of the text inside the last occurrence of that piece before the marker
//! (`<!-- expect: Q001 "\"" in "\"The harbour" -->`). Strings take `\"`, `\\` and `\n` escapes.
//! Markdown skips HTML comments, and the runner checks that the rule reports the same with the
//! markers cut out. Plain-text fixtures (`.txt`), where a comment would be prose, put the same
//! `expect:` lines in a sidecar `<fixture>.txt.expect`, read as if it stood at the end of the file.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use factlint::config::Overrides;
use factlint::config::settings::ActiveRule;
use factlint::document::Article;
use factlint::parse::{Syntax, parse};
use factlint::report::render_diagnostic;
use factlint::rules::{Context, Rule, RuleMeta, registry};
use factlint::source::{LineIndex, Span};
use factlint::{Diagnostic, Settings, Severity, lint_source};

/// The suffix of a plain-text fixture's sidecar of markers.
const SIDECAR: &str = ".expect";

/// One `expect:` marker: where a finding must be.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Marker {
    /// The rule code the finding must have.
    code: String,
    /// The exact text of the finding's primary span.
    text: String,
    /// A longer piece of text whose last occurrence holds the span (`in "…"`).
    context: Option<String>,
    /// Where the marker stands: the search for its text ends here.
    at: usize,
    /// The marker's line in its file, for messages.
    line: u32,
}

/// One quoted string at the start of `rest`: its value and what follows it.
fn quoted(rest: &str) -> Result<(String, &str), String> {
    let Some(body) = rest.strip_prefix('"') else {
        return Err(format!("expected a quoted string at `{rest}`"));
    };
    let mut value = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Ok((value, &body[i + 1..])),
            '\\' => match chars.next() {
                Some((_, '"')) => value.push('"'),
                Some((_, '\\')) => value.push('\\'),
                Some((_, 'n')) => value.push('\n'),
                other => {
                    return Err(format!(
                        "unknown escape `\\{}`",
                        other.map_or(String::new(), |(_, c)| c.to_string())
                    ));
                }
            },
            c => value.push(c),
        }
    }
    Err(format!("unclosed string `\"{body}`"))
}

/// Parse the text of one marker (`expect: CODE "TEXT"` or `expect: CODE "TEXT" in "CONTEXT"`).
fn parse_marker(body: &str, at: usize, line: u32) -> Result<Marker, String> {
    let shown = body.trim();
    let fail = |why: String| format!("line {line}: unreadable marker `{shown}`: {why}");
    let rest = shown
        .strip_prefix("expect:")
        .ok_or_else(|| fail("it must start with `expect:`".to_owned()))?
        .trim_start();
    let code_len = rest
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    let code = &rest[..code_len];
    if code.is_empty() {
        return Err(fail("no rule code".to_owned()));
    }
    let (text, rest) = quoted(rest[code_len..].trim_start()).map_err(fail)?;
    let rest = rest.trim_start();
    let (context, rest) = match rest.strip_prefix("in ") {
        Some(after) => {
            let (context, rest) = quoted(after.trim_start()).map_err(fail)?;
            (Some(context), rest)
        }
        None => (None, rest),
    };
    if !rest.trim().is_empty() {
        return Err(fail(format!("unexpected `{}` after the text", rest.trim())));
    }
    if text.is_empty() {
        return Err(fail("the text is empty".to_owned()));
    }
    if let Some(context) = &context
        && !context.contains(&text)
    {
        return Err(fail(format!("`{context}` does not contain `{text}`")));
    }
    Ok(Marker {
        code: code.to_owned(),
        text,
        context,
        at,
        line,
    })
}

/// A fixture's markers, the byte ranges of its marker comments, and what is wrong with them.
/// Markdown markers are HTML comments as the parser finds them; a plain-text fixture's come from
/// its sidecar.
fn markers(
    text: &str,
    syntax: Syntax,
    sidecar: Option<&str>,
) -> (Vec<Marker>, Vec<Range<usize>>, Vec<String>) {
    let mut found = Vec::new();
    let mut comments = Vec::new();
    let mut problems = Vec::new();
    let lines = LineIndex::new(text);
    match syntax {
        Syntax::Markdown => {
            if sidecar.is_some() {
                problems.push(format!(
                    "a Markdown fixture has a `{SIDECAR}` sidecar; put its markers in the file"
                ));
            }
            let (parsed, _) = parse(text, syntax);
            for comment in &parsed.comments {
                let body = &text[comment.body.range()];
                if !body.trim_start().starts_with("expect") {
                    continue;
                }
                let at = comment.span.start as usize;
                let line = lines.line_column(text, at).line;
                comments.push(comment.span.range());
                match parse_marker(body, at, line) {
                    Ok(marker) => found.push(marker),
                    Err(problem) => problems.push(problem),
                }
            }
        }
        Syntax::Plain => {
            if text.contains("<!-- expect") {
                problems.push(format!(
                    "an `expect:` comment in plain text is prose the rule reads; move it to the \
                     `{SIDECAR}` sidecar"
                ));
            }
            for (i, entry) in sidecar.unwrap_or_default().lines().enumerate() {
                if entry.trim().is_empty() || entry.trim_start().starts_with('#') {
                    continue;
                }
                match parse_marker(entry, text.len(), i as u32 + 1) {
                    Ok(marker) => found.push(marker),
                    Err(problem) => problems.push(format!("{SIDECAR} sidecar, {problem}")),
                }
            }
        }
    }
    (found, comments, problems)
}

/// The start of the last occurrence of `needle` that ends by `before` and overlaps no marker
/// comment.
fn last_before(text: &str, needle: &str, before: usize, skip: &[Range<usize>]) -> Option<usize> {
    text[..before]
        .rmatch_indices(needle)
        .map(|(start, _)| start)
        .find(|&start| {
            let end = start + needle.len();
            !skip.iter().any(|c| start < c.end && c.start < end)
        })
}

/// The byte range a marker points at, or why it points nowhere.
fn resolve(text: &str, marker: &Marker, comments: &[Range<usize>]) -> Result<Range<usize>, String> {
    let search = marker.context.as_deref().unwrap_or(&marker.text);
    let start = last_before(text, search, marker.at, comments).ok_or_else(|| {
        format!(
            "line {}: marker for {}: `{search}` does not occur before the marker",
            marker.line, marker.code
        )
    })?;
    let offset = search.find(&marker.text).unwrap_or(0);
    Ok(start + offset..start + offset + marker.text.len())
}

/// `text` with its marker comments cut out (with their line when a comment stands alone on
/// it), and the cut byte ranges in order.
fn without_markers(text: &str, comments: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    let mut cuts: Vec<Range<usize>> = Vec::new();
    for comment in comments {
        let line_start = text[..comment.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[comment.end..]
            .find('\n')
            .map_or(text.len(), |i| comment.end + i + 1);
        let alone = text[line_start..comment.start].trim().is_empty()
            && text[comment.end..line_end].trim().is_empty();
        let cut = if alone {
            line_start..line_end
        } else {
            comment.clone()
        };
        match cuts.last_mut() {
            Some(last) if last.end >= cut.start => last.end = last.end.max(cut.end),
            _ => cuts.push(cut),
        }
    }
    let mut kept = String::with_capacity(text.len());
    let mut from = 0;
    for cut in &cuts {
        kept.push_str(&text[from..cut.start]);
        from = cut.end;
    }
    kept.push_str(&text[from..]);
    (kept, cuts)
}

/// Move a span of the text without markers back onto the text with them.
fn restore(span: Span, cuts: &[Range<usize>]) -> Span {
    let map = |offset: usize, is_end: bool| {
        let mut removed = 0;
        for cut in cuts {
            let at = cut.start - removed;
            if offset > at || (offset == at && !is_end) {
                removed += cut.len();
            } else {
                break;
            }
        }
        u32::try_from(offset + removed).unwrap()
    };
    let empty = span.start == span.end;
    let start = map(span.start as usize, false);
    Span {
        start,
        end: if empty {
            start
        } else {
            map(span.end as usize, true)
        },
    }
}

/// Where an offset is, as `line:column`.
fn place(text: &str, offset: usize) -> String {
    let at = LineIndex::new(text).line_column(text, offset);
    format!("{}:{}", at.line, at.column)
}

/// A finding in one line, for messages.
fn describe(text: &str, d: &Diagnostic) -> String {
    format!(
        "{} at {} on `{}`: {}",
        d.code,
        place(text, d.span.start as usize),
        &text[d.span.range()],
        d.message
    )
}

/// The settings that run only the rule `code`.
fn only(code: &str) -> Result<Settings, String> {
    let overrides = Overrides {
        select: vec![code.to_owned()],
        ..Overrides::default()
    };
    Settings::resolve(None, &overrides).map_err(|error| format!("cannot select {code}: {error:?}"))
}

/// What checking one fixture found.
#[derive(Debug, Default)]
struct Checked {
    /// Everything wrong with the fixture, one line each.
    problems: Vec<String>,
    /// The rendered findings to compare with the snapshot (fail fixtures with findings only).
    snapshot: Option<String>,
}

/// Check one fixture: `shown` is its path as reports show it (`<folder>/<name>`), `code` its
/// folder's rule, `alone` the settings running only that rule, `all` the default settings.
fn check_fixture(
    shown: &str,
    code: &str,
    text: &str,
    sidecar: Option<&str>,
    alone: &Settings,
    all: &Settings,
) -> Checked {
    let name = shown.rsplit('/').next().unwrap_or(shown);
    let failing = name.starts_with("fail-");
    let syntax = Syntax::for_path(shown);
    let mut checked = Checked::default();
    let problems = &mut checked.problems;
    let (markers, comments, marker_problems) = markers(text, syntax, sidecar);
    problems.extend(marker_problems);

    let (findings, errors) = lint_source(shown, text, alone);
    if !errors.is_empty() {
        problems.push(format!("internal errors: {errors:?}"));
    }
    for d in &findings {
        if d.message.is_empty()
            || d.message.starts_with(char::is_uppercase)
            || d.message.ends_with('.')
        {
            problems.push(format!(
                "message breaks the convention (lower-case start, no trailing period): {}",
                describe(text, d)
            ));
        }
    }

    // Every marker matched by a finding on its text, and every finding by a marker.
    if failing && markers.is_empty() {
        problems.push("a fail fixture without an `expect:` marker".to_owned());
    }
    if !failing && !markers.is_empty() {
        problems.push("a pass fixture with an `expect:` marker".to_owned());
    }
    let mut wanted: Vec<(&Marker, Range<usize>)> = Vec::new();
    for marker in &markers {
        match resolve(text, marker, &comments) {
            Ok(range) => wanted.push((marker, range)),
            Err(problem) => problems.push(problem),
        }
    }
    let mut unmatched: Vec<&Diagnostic> = Vec::new();
    for d in &findings {
        match wanted
            .iter()
            .position(|(m, range)| m.code == d.code && *range == d.span.range())
        {
            Some(i) => {
                wanted.remove(i);
            }
            None => unmatched.push(d),
        }
    }
    for (marker, range) in wanted {
        let expected = format!(
            "marker on line {} wants {} at {} on `{}`",
            marker.line,
            marker.code,
            place(text, range.start),
            marker.text
        );
        match unmatched.iter().position(|d| d.code == marker.code) {
            Some(i) => {
                let d = unmatched.remove(i);
                problems.push(format!(
                    "wrong span: {expected}; the finding is {}",
                    describe(text, d)
                ));
            }
            None => problems.push(format!("missing finding: {expected}")),
        }
    }
    for d in unmatched {
        problems.push(format!(
            "unexpected finding (no marker): {}",
            describe(text, d)
        ));
    }

    // The markers change nothing the rule sees.
    if !comments.is_empty() {
        let (kept, cuts) = without_markers(text, &comments);
        let (bare, _) = lint_source(shown, &kept, alone);
        let restored: Vec<Diagnostic> = bare
            .into_iter()
            .map(|mut d| {
                d.span = restore(d.span, &cuts);
                for related in &mut d.related {
                    related.span = restore(related.span, &cuts);
                }
                d
            })
            .collect();
        if restored != findings {
            let listed = |ds: &[Diagnostic]| {
                ds.iter()
                    .map(|d| describe(text, d))
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            problems.push(format!(
                "the markers change what the rule sees: with them [{}], without them [{}]",
                listed(&findings),
                listed(&restored)
            ));
        }
    }

    // The rule reports the same with every other rule on.
    let (everything, _) = lint_source(shown, text, all);
    let among_all: Vec<Diagnostic> = everything.into_iter().filter(|d| d.code == code).collect();
    if among_all != findings {
        problems.push(format!(
            "{code} reports differently with every rule on: alone {} finding(s), with all {}: [{}]",
            findings.len(),
            among_all.len(),
            among_all
                .iter()
                .map(|d| describe(text, d))
                .collect::<Vec<_>>()
                .join("; ")
        ));
    }

    if failing && !findings.is_empty() {
        checked.snapshot = Some(
            findings
                .iter()
                .map(|d| render_diagnostic(shown, text, d, 80))
                .collect(),
        );
    }
    checked
}

/// Compare a fail fixture's rendered findings with its snapshot; `Err` when they differ (insta
/// prints the diff).
fn check_snapshot(dir: &Path, file: &Path, stem: &str, snapshot: &str) -> Result<(), String> {
    catch_unwind(AssertUnwindSafe(|| {
        insta::with_settings!({
            snapshot_path => dir.join("snapshots"),
            prepend_module_to_snapshot => false,
            input_file => file,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(stem, snapshot);
        });
    }))
    .map_err(|_| {
        "snapshot mismatch (diff above; `INSTA_UPDATE=always cargo test --test rules` rewrites it, \
         then read the diff)"
            .to_owned()
    })
}

/// The sorted entries of a directory.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths
}

fn file_name(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().into_owned()
}

#[test]
fn rule_fixtures() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/rules");
    let all = Settings::default();
    let mut failures: Vec<String> = Vec::new();
    let mut checked = 0;
    for dir in entries(&root).into_iter().filter(|p| p.is_dir()) {
        let folder = file_name(&dir);
        let code = folder.split('-').next().unwrap().to_owned();
        let alone = match only(&code) {
            Ok(settings) => settings,
            Err(problem) => {
                failures.push(format!("{folder}: {problem}"));
                continue;
            }
        };
        let files: Vec<String> = entries(&dir)
            .iter()
            .filter(|p| p.is_file())
            .map(|p| file_name(p))
            .collect();
        let is_fixture = |name: &str| {
            (name.starts_with("pass-") || name.starts_with("fail-"))
                && [".md", ".txt"].iter().any(|ext| name.ends_with(ext))
        };
        let fixtures: Vec<String> = files.iter().filter(|n| is_fixture(n)).cloned().collect();
        for name in &files {
            let fixture = name.strip_suffix(SIDECAR).unwrap_or(name);
            if !is_fixture(fixture) {
                failures.push(format!(
                    "{folder}/{name}: not a fixture (`pass-*` or `fail-*`, `.md` or `.txt`), so never run"
                ));
            } else if name.ends_with(SIDECAR) && !fixtures.contains(&fixture.to_owned()) {
                failures.push(format!("{folder}/{name}: a sidecar without its fixture"));
            }
        }
        for snapshot in entries(&dir.join("snapshots")) {
            let snap = file_name(&snapshot);
            let stem = snap.strip_suffix(".snap").unwrap_or(&snap);
            if snap.ends_with(".snap.new") {
                failures.push(format!(
                    "{folder}/snapshots/{snap}: a pending snapshot; review it (`cargo insta review`) or delete it"
                ));
            } else if !fixtures.iter().any(|f| {
                f.starts_with("fail-") && f.rsplit_once('.').is_some_and(|(s, _)| s == stem)
            }) {
                failures.push(format!(
                    "{folder}/snapshots/{snap}: a snapshot of no fail fixture"
                ));
            }
        }
        for name in &fixtures {
            let file = dir.join(name);
            let shown = format!("{folder}/{name}");
            let text = std::fs::read_to_string(&file).unwrap();
            let sidecar = std::fs::read_to_string(dir.join(format!("{name}{SIDECAR}"))).ok();
            let result = check_fixture(&shown, &code, &text, sidecar.as_deref(), &alone, &all);
            let mut problems = result.problems;
            if let Some(snapshot) = result.snapshot {
                let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
                if let Err(problem) = check_snapshot(&dir, &file, stem, &snapshot) {
                    problems.push(problem);
                }
            }
            if !problems.is_empty() {
                failures.push(format!("{shown}:\n    {}", problems.join("\n    ")));
            }
            checked += 1;
        }
    }
    assert!(checked > 0, "no fixtures found under {}", root.display());
    assert!(
        failures.is_empty(),
        "{} of {checked} rule fixtures fail (each folder linted with only its rule):\n\n{}\n",
        failures.len(),
        failures.join("\n")
    );
}

// The runner's own failure modes: each must bite.

/// The problems the runner finds in one Q001 fixture given inline.
fn q001_problems(name: &str, text: &str, sidecar: Option<&str>) -> Vec<String> {
    let shown = format!("Q001-unbalanced-quote/{name}");
    let alone = only("Q001").unwrap();
    check_fixture(&shown, "Q001", text, sidecar, &alone, &Settings::default()).problems
}

/// Whether one of `problems` starts with `start`.
fn has(problems: &[String], start: &str) -> bool {
    problems.iter().any(|p| p.starts_with(start))
}

#[test]
fn a_fail_fixture_marked_on_its_finding_passes() {
    let text = "He said “open.\n<!-- expect: Q001 \"“\" -->\n";
    assert_eq!(q001_problems("fail-x.md", text, None), Vec::<String>::new());
    let two = "“One” and “two.\n<!-- expect: Q001 \"“\" in \"“two\" -->\n";
    assert_eq!(q001_problems("fail-x.md", two, None), Vec::<String>::new());
}

#[test]
fn a_marker_on_other_text_is_a_wrong_span() {
    let text = "He said “open.\n<!-- expect: Q001 \"open\" -->\n";
    assert_eq!(
        q001_problems("fail-x.md", text, None),
        [
            "wrong span: marker on line 2 wants Q001 at 1:10 on `open`; the finding is Q001 at \
             1:9 on `“`: quotation opened with `“` is not closed before the paragraph ends"
        ]
    );
}

#[test]
fn a_marker_without_its_finding_is_a_missing_finding() {
    let text = "He said “open.”\n<!-- expect: Q001 \"“\" -->\n";
    assert_eq!(
        q001_problems("fail-x.md", text, None),
        ["missing finding: marker on line 2 wants Q001 at 1:9 on `“`"]
    );
}

#[test]
fn a_finding_without_a_marker_is_unexpected() {
    let text = "He said “open.\n\nShe said “shut.\n<!-- expect: Q001 \"“\" -->\n";
    let problems = q001_problems("fail-x.md", text, None);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        has(
            &problems,
            "unexpected finding (no marker): Q001 at 1:9 on `“`"
        ),
        "{problems:?}"
    );
    let pass = q001_problems("pass-x.md", "He said “open.\n", None);
    assert!(
        has(&pass, "unexpected finding (no marker): Q001 at 1:9"),
        "{pass:?}"
    );
}

#[test]
fn markers_must_be_there_readable_and_only_in_fail_fixtures() {
    let text = "He said “open.\n";
    assert!(has(
        &q001_problems("fail-x.md", text, None),
        "a fail fixture without an `expect:` marker"
    ));
    let clean = "He said “open.”\n<!-- expect: Q001 \"“\" -->\n";
    assert!(has(
        &q001_problems("pass-x.md", clean, None),
        "a pass fixture with an `expect:` marker"
    ));
    for marker in [
        "expect Q001 \"“\"",
        "expect: Q001 “",
        "expect: Q001 \"“",
        "expect: Q001 \"“\" near \"He\"",
        "expect: Q001 \"“\" in \"said\"",
        "expect: \"“\"",
    ] {
        let text = format!("He said “open.\n<!-- {marker} -->\n");
        let problems = q001_problems("fail-x.md", &text, None);
        assert!(
            has(&problems, "line 2: unreadable marker"),
            "{marker}: {problems:?}"
        );
    }
    let nowhere = "He said “open.\n<!-- expect: Q001 \"«\" -->\n";
    assert!(has(
        &q001_problems("fail-x.md", nowhere, None),
        "line 2: marker for Q001: `«` does not occur before the marker"
    ));
}

#[test]
fn plain_text_fixtures_take_their_markers_from_a_sidecar() {
    let text = "He said “open.\n";
    let sidecar = "# the open quote\nexpect: Q001 \"“\"\n";
    assert_eq!(
        q001_problems("fail-x.txt", text, Some(sidecar)),
        Vec::<String>::new()
    );
    let inline = "He said “open.\n<!-- expect: Q001 \"“\" -->\n";
    assert!(has(
        &q001_problems("fail-x.txt", inline, Some(sidecar)),
        "an `expect:` comment in plain text is prose"
    ));
    assert!(has(
        &q001_problems("fail-x.md", inline, Some(sidecar)),
        "a Markdown fixture has a `.expect` sidecar"
    ));
}

/// A rule for the runner's own tests: reports the first HTML comment of the raw text, with a
/// message that breaks the house convention.
#[derive(Debug)]
struct SeesComments;

impl Rule for SeesComments {
    fn meta(&self) -> &'static RuleMeta {
        registry()
            .iter()
            .find(|entry| entry.meta.code == "Q001")
            .unwrap()
            .meta
    }

    fn check(&self, article: &Article, cx: &mut Context) {
        if let Some(at) = article.text.find("<!--") {
            let start = u32::try_from(at).unwrap();
            cx.report(
                Span {
                    start,
                    end: start + 4,
                },
                "A comment is here.",
            );
        }
    }
}

#[test]
fn a_rule_that_sees_the_markers_breaks_the_message_convention_or_needs_other_rules_is_caught() {
    let mut alone = only("Q001").unwrap();
    alone.rules.push(ActiveRule {
        rule: Box::new(SeesComments),
        severity: Severity::Error,
    });
    let text = "He said “open.\n<!-- expect: Q001 \"“\" -->\n";
    let problems = check_fixture(
        "Q001-unbalanced-quote/fail-x.md",
        "Q001",
        text,
        None,
        &alone,
        &Settings::default(),
    )
    .problems;
    for start in [
        "message breaks the convention (lower-case start, no trailing period): Q001 at 2:1",
        "unexpected finding (no marker): Q001 at 2:1 on `<!--`",
        "the markers change what the rule sees",
        "Q001 reports differently with every rule on: alone 2 finding(s), with all 1",
    ] {
        assert!(has(&problems, start), "no `{start}` in {problems:#?}");
    }
}

#[test]
fn cutting_markers_keeps_every_other_offset() {
    let text = "ab\n<!-- expect: X \"a\" -->\ncd <!-- expect: X \"c\" --> ef\n";
    let comment = |from: usize| from..from + text[from..].find("-->").unwrap() + 3;
    let comments = [
        comment(text.find("<!--").unwrap()),
        comment(text.rfind("<!--").unwrap()),
    ];
    let (kept, cuts) = without_markers(text, &comments);
    assert_eq!(kept, "ab\ncd  ef\n");
    for word in ["ab", "cd", "ef"] {
        let start = u32::try_from(kept.find(word).unwrap()).unwrap();
        let back = restore(
            Span {
                start,
                end: start + 2,
            },
            &cuts,
        );
        assert_eq!(&text[back.range()], word);
    }
}
