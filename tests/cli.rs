//! The command line end to end: every format, exit codes, input errors, config errors,
//! suppression, stdin, globs and directory walking.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

#[cfg(unix)]
mod unprivileged;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use tempfile::TempDir;

const OPEN_QUOTE: &str = "He said “we will go.\n\nThe next paragraph.\n";
const CLEAN: &str = "“We will go,” he said.\n";

fn factlint(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("factlint").unwrap();
    cmd.current_dir(dir)
        .env_remove("NO_COLOR")
        .env("COLUMNS", "80");
    cmd
}

fn scratch(files: &[(&str, &[u8])]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    }
    dir
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let output = factlint(dir).args(args).output().unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn exit_codes_and_summary() {
    let dir = scratch(&[
        ("bad.md", OPEN_QUOTE.as_bytes()),
        ("good.md", CLEAN.as_bytes()),
    ]);
    let clean = run(dir.path(), &["lint", "good.md"]);
    assert_eq!(clean.code, 0, "{}", clean.stdout);
    assert_eq!(clean.stdout, "No problems found in 1 file.\n");
    let bad = run(dir.path(), &["lint"]);
    assert_eq!(bad.code, 1);
    assert!(
        bad.stdout
            .ends_with("Found 1 problem (1 error) in 1 of 2 files.\n"),
        "{}",
        bad.stdout
    );
    let quiet = run(dir.path(), &["lint", "--quiet", "--format", "concise"]);
    assert_eq!(
        quiet.stdout,
        "bad.md:1:9: Q001 quotation opened with `“` is not closed before the paragraph ends\n"
    );
    let usage = run(dir.path(), &["lint", "--select", "Z999"]);
    assert_eq!(usage.code, 2);
    assert!(
        usage.stderr.contains("`Z999` names no rule"),
        "{}",
        usage.stderr
    );
}

#[test]
fn human_format_snapshot() {
    let dir = scratch(&[("story.md", OPEN_QUOTE.as_bytes())]);
    let out = run(dir.path(), &["lint", "--color", "never"]);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn concise_and_github_formats() {
    let dir = scratch(&[("a b.md", OPEN_QUOTE.as_bytes())]);
    let concise = run(dir.path(), &["lint", "--format", "concise"]);
    insta::assert_snapshot!("concise", concise.stdout);
    let github = run(dir.path(), &["lint", "--format", "github"]);
    insta::assert_snapshot!("github", github.stdout);
}

fn validate(schema: &serde_json::Value, instance: &serde_json::Value) {
    let validator = jsonschema::validator_for(schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}\n{instance:#}");
}

#[test]
fn json_report_matches_its_schema_and_snapshot() {
    let dir = scratch(&[
        (
            "story.md",
            "---\ntitle: x\n---\nA « ducks » line.\n\nShe said “no.\n".as_bytes(),
        ),
        ("clean.txt", CLEAN.as_bytes()),
    ]);
    let out = run(dir.path(), &["lint", "--format", "json"]);
    assert_eq!(out.code, 1);
    let report: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/report.schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    validate(&schema, &report);
    assert_eq!(report["files_checked"], 2);
    let d = &report["diagnostics"][0];
    assert_eq!(d["span"]["line"], 6);
    assert_eq!(d["span"]["column"], 10);
    let start = d["span"]["start"].as_u64().unwrap() as usize;
    let text = std::fs::read_to_string(dir.path().join("story.md")).unwrap();
    assert!(text[start..].starts_with('“'));
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn sarif_matches_the_published_schema() {
    let schema_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-schema-2.1.0.json");
    let dir = scratch(&[
        ("story.md", OPEN_QUOTE.as_bytes()),
        ("missing-link.md", b"ok\n"),
    ]);
    let out = run(
        dir.path(),
        &["lint", "--format", "sarif", "story.md", "nowhere.md"],
    );
    assert_eq!(out.code, 1);
    let log: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let results = log["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2, "{log:#}");
    assert_eq!(results[1]["ruleId"], "Q001");
    assert_eq!(
        results[1]["locations"][0]["physicalLocation"]["region"]["startLine"],
        1
    );
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    validate(&schema, &log);
}

#[test]
fn input_errors_are_reported_and_other_files_still_linted() {
    let dir = scratch(&[
        ("a-bad-utf8.txt", b"caf\xe9 \xff\n"),
        ("b-binary.txt", b"GIF89a\x00\x01\x02"),
        ("c-front.md", b"---\ntitle: [oops\n---\nShe said \"yes.\n"),
        ("d-open.md", OPEN_QUOTE.as_bytes()),
    ]);
    #[cfg(unix)]
    std::os::unix::fs::symlink(dir.path().join("gone.md"), dir.path().join("e-dangling.md"))
        .unwrap();
    let out = run(
        dir.path(),
        &["lint", "--format", "concise", ".", "no-such-file.md"],
    );
    assert_eq!(out.code, 1);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(
        lines.contains(
            &"a-bad-utf8.txt:1:4: E002 the file is not valid UTF-8: byte 0xE9 at offset 3"
        ),
        "{}",
        out.stdout
    );
    assert!(
        lines.contains(&"b-binary.txt:1:1: E004 skipped a binary file (a NUL byte at offset 6)"),
        "{}",
        out.stdout
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("c-front.md:2:")
                && l.contains("E003 front matter is not valid YAML")),
        "{}",
        out.stdout
    );
    assert!(
        lines.iter().any(|l| l.starts_with("c-front.md:4:10: Q001")),
        "the body is still linted: {}",
        out.stdout
    );
    assert!(
        lines.iter().any(|l| l.starts_with("d-open.md:1:9: Q001")),
        "{}",
        out.stdout
    );
    assert!(
        lines.contains(
            &"no-such-file.md:1:1: E001 cannot read no-such-file.md: No such file or directory"
        ),
        "{}",
        out.stdout
    );
    #[cfg(unix)]
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("e-dangling.md:1:1: E001")),
        "{}",
        out.stdout
    );
}

#[cfg(unix)]
#[test]
fn unreadable_directory_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch(&[
        ("locked/story.md", OPEN_QUOTE.as_bytes()),
        ("open.md", CLEAN.as_bytes()),
    ]);
    let locked = dir.path().join("locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let out = unprivileged::factlint_bound_by(dir.path(), &locked).map(|mut command| {
        command
            .env("COLUMNS", "80")
            .args(["lint", "--format", "concise"])
            .output()
            .unwrap()
    });
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = match out {
        Ok(out) => out,
        Err(why) => {
            eprintln!("skipping unreadable_directory_is_reported: {why}");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("locked:1:1: E001 cannot read locked: Permission denied"),
        "{stdout}"
    );
    assert_eq!(out.status.code(), Some(1), "{stdout}");
}

#[test]
fn too_large_is_a_warning_and_deny_warnings_fails() {
    let dir = scratch(&[
        ("factlint.toml", b"max-file-size = 10\n"),
        ("big.md", CLEAN.as_bytes()),
    ]);
    let out = run(dir.path(), &["lint", "--format", "concise"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout
            .contains("E005 skipped a file of 27 bytes (max-file-size is 10)"),
        "{}",
        out.stdout
    );
    assert_eq!(run(dir.path(), &["lint", "--deny-warnings"]).code, 1);
}

#[test]
fn config_errors_name_the_key_and_position() {
    let dir = scratch(&[
        ("factlint.toml", b"date = \"2026-11-27\"\ncolour = true\n"),
        ("a.md", CLEAN.as_bytes()),
    ]);
    let out = run(dir.path(), &["lint"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unknown field `colour`"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("factlint.toml:2:1"), "{}", out.stderr);

    let dir = scratch(&[
        (
            "factlint.toml",
            b"[rules]\nQ001 = \"warning\"\nQ999 = \"off\"\n",
        ),
        ("a.md", CLEAN.as_bytes()),
    ]);
    let out = run(dir.path(), &["lint"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unknown rule `Q999`") && out.stderr.contains("factlint.toml:3:1"),
        "{}",
        out.stderr
    );

    let dir = scratch(&[(
        "factlint.toml",
        b"[rules.unbalanced-quote]\nseverity = \"warning\"\nstrict = true\n",
    )]);
    let out = run(dir.path(), &["lint"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("unknown option `strict`"),
        "{}",
        out.stderr
    );

    let dir = scratch(&[("factlint.toml", b"date = \"soon\"\n")]);
    let out = run(dir.path(), &["lint"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("`date` must be a date"),
        "{}",
        out.stderr
    );
}

#[test]
fn config_changes_severity_and_is_found_upward() {
    let dir = scratch(&[
        (
            "factlint.toml",
            b"[rules]\nunbalanced-quote = \"warning\"\n",
        ),
        ("desk/story.md", OPEN_QUOTE.as_bytes()),
    ]);
    let out = run(&dir.path().join("desk"), &["lint", "--format", "concise"]);
    assert_eq!(out.code, 0, "a warning does not fail: {}", out.stdout);
    assert!(out.stdout.contains("(1 warning)"), "{}", out.stdout);
    let off = run(&dir.path().join("desk"), &["lint", "--ignore", "quotes"]);
    assert_eq!(off.stdout, "No problems found in 1 file.\n");
    let no_config = run(&dir.path().join("desk"), &["lint", "--no-config"]);
    assert_eq!(no_config.code, 1);
}

#[test]
fn suppression_comments_and_front_matter() {
    let text = "<!-- factlint-disable-next-line Q001 -->\nHe said “one.\n\nShe said “two.\n\n<!-- factlint-disable unbalanced-quote -->\nThey said “three.\n\n<!-- factlint-enable unbalanced-quote -->\nWe said “four.\n\n<!-- factlint-disable-next-line Q001 -->\nNothing to hide here.\n\n<!-- factlint-disable-next-line X123 -->\nText.\n";
    let dir = scratch(&[("s.md", text.as_bytes())]);
    let out = run(dir.path(), &["lint", "--format", "concise", "--quiet"]);
    insta::assert_snapshot!(out.stdout);

    let dir = scratch(&[(
        "f.md",
        b"---\nfactlint:\n  ignore: [Q001]\n---\nHe said \xe2\x80\x9cone.\n",
    )]);
    assert_eq!(run(dir.path(), &["lint"]).code, 0);
    let dir = scratch(&[(
        "f.md",
        b"<!-- factlint-disable-file -->\nHe said \xe2\x80\x9cone.\n",
    )]);
    assert_eq!(
        run(dir.path(), &["lint"]).stdout,
        "No problems found in 1 file.\n"
    );
}

#[test]
fn stdin_globs_and_walking() {
    let out = factlint(Path::new("."))
        .args([
            "lint",
            "-",
            "--stdin-filename",
            "desk/story.md",
            "--format",
            "concise",
        ])
        .write_stdin("```\n“code\n```\nHe said “x.\n")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "desk/story.md:4:9: Q001 quotation opened with `“` is not closed before the paragraph ends\nFound 1 problem (1 error) in 1 of 1 file.\n"
    );

    let dir = scratch(&[
        ("stories/a.md", OPEN_QUOTE.as_bytes()),
        ("stories/deep/b.txt", OPEN_QUOTE.as_bytes()),
        ("stories/skip.json", OPEN_QUOTE.as_bytes()),
        ("stories/.hidden/c.md", OPEN_QUOTE.as_bytes()),
        ("stories/ignored/d.md", OPEN_QUOTE.as_bytes()),
        (".gitignore", b"ignored/\n"),
    ]);
    let walked = run(dir.path(), &["lint", "--format", "concise", "--quiet"]);
    let files: Vec<&str> = walked
        .stdout
        .lines()
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(files, vec!["stories/a.md", "stories/deep/b.txt"]);
    let globbed = run(
        dir.path(),
        &["lint", "--format", "concise", "--quiet", "stories/**/*.txt"],
    );
    assert_eq!(globbed.stdout.lines().count(), 1, "{}", globbed.stdout);
    assert!(globbed.stdout.starts_with("stories/deep/b.txt:"));
    let nothing = run(dir.path(), &["lint", "--format", "concise", "nope/*.md"]);
    assert!(
        nothing
            .stdout
            .contains("E001 cannot read nope/*.md: no file matches this pattern"),
        "{}",
        nothing.stdout
    );
}

#[test]
fn rules_explain_init_schema() {
    let dir = tempfile::tempdir().unwrap();
    let rules = run(dir.path(), &["rules"]);
    assert!(
        rules.stdout.contains("Q001  unbalanced-quote"),
        "{}",
        rules.stdout
    );
    let explain = run(dir.path(), &["explain", "unbalanced-quote"]);
    assert!(explain.stdout.starts_with("# Q001 unbalanced-quote"));
    assert!(explain.stdout.contains("## Why it matters"));
    assert_eq!(run(dir.path(), &["explain", "nope"]).code, 2);
    let init = run(dir.path(), &["init"]);
    assert_eq!(init.code, 0);
    let written: PathBuf = dir.path().join("factlint.toml");
    assert!(written.exists());
    assert_eq!(
        run(dir.path(), &["init"]).code,
        2,
        "init never overwrites without --force"
    );
    assert_eq!(
        run(dir.path(), &["lint"]).code,
        0,
        "the starter config is valid"
    );
    for kind in ["config", "report", "facts"] {
        let schema = run(dir.path(), &["schema", kind]);
        let expected = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("schemas/{kind}.schema.json")),
        )
        .unwrap();
        assert_eq!(schema.stdout, expected);
    }
}

#[test]
fn stdin_filename_alone_reads_standard_input() {
    let out = factlint(Path::new("."))
        .args([
            "lint",
            "--stdin-filename",
            "desk/story.md",
            "--format",
            "concise",
        ])
        .write_stdin("He said “x.\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "desk/story.md:1:9: Q001 quotation opened with `“` is not closed before the paragraph ends\nFound 1 problem (1 error) in 1 of 1 file.\n"
    );
    let dir = scratch(&[("a.md", CLEAN.as_bytes())]);
    let both = run(dir.path(), &["lint", "a.md", "--stdin-filename", "x.md"]);
    assert_eq!(
        both.code, 2,
        "paths without `-` leave stdin unread: {}",
        both.stderr
    );
    assert!(
        both.stderr.contains("`-` is one of them"),
        "{}",
        both.stderr
    );
}

#[test]
fn misspelled_directives_and_each_unused_code_are_reported() {
    let text = "<!-- factlint-disable-nextline Q001 -->\nHe said “one.\n\n<!-- factlint-ignore -->\nText.\n\n<!-- factlint-disable-next-line Q001 N001, P001 -->\nShe said “two.\n";
    let dir = scratch(&[("s.md", text.as_bytes())]);
    let out = run(dir.path(), &["lint", "--format", "concise", "--quiet"]);
    let lines: Vec<&str> = out.stdout.lines().collect();
    let valid = "use `factlint-disable-next-line`, `factlint-disable`, `factlint-enable` or `factlint-disable-file`";
    assert_eq!(
        lines,
        [
            format!("s.md:1:1: E006 `factlint-disable-nextline` is not a suppression directive, so it suppresses nothing; {valid}").as_str(),
            "s.md:2:9: Q001 quotation opened with `“` is not closed before the paragraph ends",
            format!("s.md:4:1: E006 `factlint-ignore` is not a suppression directive, so it suppresses nothing; {valid}").as_str(),
            "s.md:7:38: E006 suppression of N001 suppresses nothing",
            "s.md:7:44: E006 suppression of P001 suppresses nothing",
        ],
        "{}",
        out.stdout
    );
    let json = run(dir.path(), &["lint", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let helps: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "E006")
        .map(|d| d["help"].as_str().unwrap())
        .collect();
    assert_eq!(
        helps,
        [
            "did you mean `factlint-disable-next-line`?",
            "did you mean `factlint-disable-next-line`?",
            "remove `N001` from the list `Q001 N001 P001`",
            "remove `P001` from the list `Q001 N001 P001`",
        ]
    );
}

#[test]
fn a_bad_severity_lists_the_valid_ones() {
    for config in [
        "[rules]\nQ001 = \"warn\"\n",
        "[rules.Q001]\nseverity = \"warn\"\n",
    ] {
        let dir = scratch(&[
            ("factlint.toml", config.as_bytes()),
            ("a.md", CLEAN.as_bytes()),
        ]);
        let out = run(dir.path(), &["lint"]);
        assert_eq!(out.code, 2, "{}", out.stderr);
        assert!(
            out.stderr
                .contains(r#""error", "warning", "info" or "off""#)
                && out.stderr.contains("factlint.toml:"),
            "{config}: {}",
            out.stderr
        );
        assert!(!out.stderr.contains("untagged"), "{}", out.stderr);
    }
    let dir = scratch(&[("factlint.toml", b"[rules]\nQ001 = 3\n")]);
    let out = run(dir.path(), &["lint"]);
    assert!(
        out.stderr.contains("a rule takes a severity (\"error\""),
        "{}",
        out.stderr
    );
}

#[test]
fn a_bare_toml_date_is_the_article_date() {
    // D006 needs the article date: a Friday that is not the article's "yesterday".
    let story = "The fair closed yesterday, Friday.\n";
    for date in ["date = 2026-11-27", "date = \"2026-11-27\""] {
        let dir = scratch(&[
            ("factlint.toml", format!("{date}\n").as_bytes()),
            ("a.md", story.as_bytes()),
        ]);
        let config = run(dir.path(), &["config"]);
        assert_eq!(config.code, 0, "{}", config.stderr);
        assert!(
            config.stdout.contains("\ndate = 2026-11-27\n"),
            "{}",
            config.stdout
        );
        let out = run(dir.path(), &["lint", "--format", "concise", "--quiet"]);
        assert_eq!(
            out.stdout,
            "a.md:1:28: D006 in a story dated 2026-11-27, yesterday is a Thursday, not a Friday\n",
            "{date}"
        );
    }
    let dir = scratch(&[("factlint.toml", b"date = 2026-11-27T10:00:00\n")]);
    let out = run(dir.path(), &["config"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("without a time"), "{}", out.stderr);
}

#[test]
fn explain_and_config_suggest_the_nearest_rule() {
    let dir = tempfile::tempdir().unwrap();
    let out = run(dir.path(), &["explain", "unbalanced-quotes"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("did you mean `unbalanced-quote`?"),
        "{}",
        out.stderr
    );
    let out = run(dir.path(), &["explain", "Q009"]);
    assert!(
        out.stderr.contains("see `factlint rules`") && !out.stderr.contains("did you mean"),
        "no guess among codes: {}",
        out.stderr
    );
    let dir = scratch(&[("factlint.toml", b"[rules]\nfigure-mismach = \"off\"\n")]);
    let out = run(dir.path(), &["lint"]);
    assert!(
        out.stderr.contains("did you mean `figure-mismatch`?"),
        "{}",
        out.stderr
    );
}

#[test]
fn config_prints_the_effective_configuration_and_its_file() {
    let dir = scratch(&[(
        "factlint.toml",
        b"exclude = [\"drafts/**\"]\n[rules]\nQ001 = \"warning\"\nnumber-style = \"off\"\n",
    )]);
    std::fs::create_dir(dir.path().join("desk")).unwrap();
    let out = run(&dir.path().join("desk"), &["config"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let found = dir.path().join("factlint.toml");
    assert!(
        out.stdout
            .contains(&format!("# from {}\n", found.display())),
        "{}",
        out.stdout
    );
    for line in [
        "include = [\"**/*.md\", \"**/*.markdown\", \"**/*.txt\"]",
        "exclude = [\"drafts/**\"]",
        "max-file-size = 16777216",
        "Q001 = \"warning\"  # unbalanced-quote",
        "N006 = \"off\"  # number-style",
        "N001 = \"error\"  # figure-mismatch",
    ] {
        assert!(
            out.stdout.lines().any(|l| l == line),
            "{line}\n{}",
            out.stdout
        );
    }
    // The output is itself a valid configuration with the same effect.
    std::fs::write(dir.path().join("effective.toml"), &out.stdout).unwrap();
    let again = run(dir.path(), &["config", "--config", "effective.toml"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    let body = |text: &str| text.lines().skip(2).collect::<Vec<_>>().join("\n");
    assert_eq!(body(&again.stdout), body(&out.stdout));

    let defaults = run(dir.path(), &["config", "--no-config"]);
    assert!(
        defaults
            .stdout
            .contains("# --no-config: the built-in defaults\n")
            && defaults.stdout.contains("Q001 = \"error\""),
        "{}",
        defaults.stdout
    );
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let files: Vec<(String, &[u8])> = (0..120)
        .map(|i| (format!("s{i:03}.md"), OPEN_QUOTE.as_bytes()))
        .collect();
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, c)| (n.as_str(), *c)).collect();
    let dir = scratch(&refs);
    let out = run(dir.path(), &["lint", "--format", "concise"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stderr, "", "a piped stderr gets no progress bar");
    assert_eq!(out.stdout.lines().count(), 121);
}

#[cfg(unix)]
#[test]
fn summary_counts_articles_not_directories() {
    let dir = scratch(&[
        ("desk/a.md", OPEN_QUOTE.as_bytes()),
        ("archive/b.md", CLEAN.as_bytes()),
    ]);
    // A link to a directory, even one named like an article, is not an article.
    std::os::unix::fs::symlink(dir.path().join("archive"), dir.path().join("desk/old.md")).unwrap();
    std::os::unix::fs::symlink(dir.path().join("archive"), dir.path().join("desk/archive"))
        .unwrap();
    let out = run(dir.path(), &["lint", "--format", "concise", "desk"]);
    assert_eq!(
        out.stdout.lines().last(),
        Some("Found 1 problem (1 error) in 1 of 1 file."),
        "{}",
        out.stdout
    );
}

#[test]
fn a_folder_without_articles_says_so() {
    let dir = scratch(&[("notes/readme.json", b"{}")]);
    let out = run(dir.path(), &["lint", "notes"]);
    assert_eq!(out.code, 0);
    assert_eq!(
        out.stderr,
        "warning: no articles found in notes (factlint looks for **/*.md, **/*.markdown, **/*.txt)\n"
    );
    let out = run(dir.path(), &["lint"]);
    assert!(
        out.stderr
            .contains("no articles found in the current directory"),
        "{}",
        out.stderr
    );
}

#[test]
fn one_run_prints_annotations_and_writes_sarif() {
    let dir = scratch(&[("a.md", OPEN_QUOTE.as_bytes()), ("b.md", CLEAN.as_bytes())]);
    let out = run(
        dir.path(),
        &[
            "lint",
            "--format",
            "github",
            "--sarif-file",
            "out/factlint.sarif",
        ],
    );
    assert_eq!(out.code, 2, "a missing folder is reported: {}", out.stderr);
    assert!(
        out.stderr.contains("cannot write out/factlint.sarif"),
        "{}",
        out.stderr
    );
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = run(
        dir.path(),
        &[
            "lint",
            "--format",
            "github",
            "--sarif-file",
            "out/factlint.sarif",
        ],
    );
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.starts_with("::error file=a.md,line=1,col=9,"),
        "{}",
        out.stdout
    );
    let sarif: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("out/factlint.sarif")).unwrap(),
    )
    .unwrap();
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), out.stdout.lines().count(), "{sarif:#}");
    assert_eq!(results[0]["ruleId"], "Q001");
    let standalone = run(dir.path(), &["lint", "--format", "sarif"]);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&standalone.stdout).unwrap(),
        sarif,
        "the SARIF file is what --format sarif prints"
    );
}

#[test]
fn version_names_the_commit() {
    let out = run(Path::new(env!("CARGO_MANIFEST_DIR")), &["--version"]);
    let version = concat!("factlint ", env!("CARGO_PKG_VERSION"));
    let head = std::process::Command::new("git")
        .args(["log", "-1", "--format=%H %cs"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output();
    match head {
        Ok(head) if head.status.success() => {
            let line = String::from_utf8_lossy(&head.stdout).trim().to_owned();
            let (hash, date) = line.split_once(' ').unwrap();
            assert_eq!(out.stdout, format!("{version} ({} {date})\n", &hash[..9]));
        }
        _ => assert_eq!(out.stdout, format!("{version}\n")),
    }
}

/// build.rs outside a git checkout (an unpacked tarball): the version alone, or the commit that
/// `cargo package` recorded.
#[test]
fn version_without_git_falls_back() {
    let work = tempfile::tempdir().unwrap();
    let script = work.path().join("build-script");
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let compiled = std::process::Command::new(rustc)
        .args(["--edition", "2024", "-o"])
        .arg(&script)
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("build.rs"))
        .output()
        .unwrap();
    assert!(
        compiled.status.success(),
        "{}",
        String::from_utf8_lossy(&compiled.stderr)
    );
    let tarball = work.path().join("factlint-0.1.0");
    std::fs::create_dir(&tarball).unwrap();
    let build = |dir: &Path| {
        let out = std::process::Command::new(&script)
            .current_dir(dir)
            .env("CARGO_MANIFEST_DIR", dir)
            .env("CARGO_PKG_VERSION", "0.1.0")
            .env_remove("FACTLINT_COMMIT")
            .env("GIT_CEILING_DIRECTORIES", work.path())
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("cargo::rustc-env=FACTLINT_VERSION="))
            .map(str::to_owned)
    };
    assert_eq!(build(&tarball).as_deref(), Some("0.1.0"));
    std::fs::write(
        tarball.join(".cargo_vcs_info.json"),
        "{\n  \"git\": {\n    \"sha1\": \"0123456789abcdef0123456789abcdef01234567\"\n  },\n  \"path_in_vcs\": \"\"\n}",
    )
    .unwrap();
    assert_eq!(build(&tarball).as_deref(), Some("0.1.0 (012345678)"));
}
