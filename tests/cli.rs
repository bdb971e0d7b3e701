//! The command line end to end: every format, exit codes, input errors, config errors,
//! suppression, stdin, globs and directory walking.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

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
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/schemas-ext/sarif-schema-2.1.0.json");
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
    if !schema_path.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must validate SARIF: {} is missing",
            schema_path.display()
        );
        eprintln!(
            "skipping SARIF schema validation: {} is absent (no ../shared beside the repo)",
            schema_path.display()
        );
        return;
    }
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
    let readable_anyway = std::fs::read_dir(&locked).is_ok(); // root reads everything
    let out = run(dir.path(), &["lint", "--format", "concise"]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    if readable_anyway {
        eprintln!("skipping the permission check: this user can read a mode-000 directory");
        return;
    }
    assert!(
        out.stdout.contains("locked: Permission denied") || out.stdout.contains("E001"),
        "{}",
        out.stdout
    );
    assert_eq!(out.code, 1);
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
