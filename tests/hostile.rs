//! Hostile files and folders: each test builds one in a scratch folder and asserts exactly what
//! factlint reports for it. Nothing may block, crash, expand without bound, or write to an
//! article.
//!
//! Two shapes are too big for every `cargo test` and are `#[ignore]`d: a 50 MB line and 100,000
//! empty files (`cargo test --test hostile -- --ignored` runs them). Smaller versions of both run
//! always.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

#[cfg(unix)]
mod unprivileged;

use std::path::Path;

use assert_cmd::Command;
use factlint::Settings;
use factlint::runner::{Input, collect_inputs, lint_inputs};
use tempfile::TempDir;

/// A line with one Q001 finding.
const OPEN_QUOTE: &str = "He said “we will go.\n\nThe next paragraph.\n";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// A config with nothing but a per-file budget no machine outruns: these tests check what
/// factlint reports on hostile input, and a debug build on a loaded CI runner must not turn that
/// into E007 (the budget itself is tested in `runner`).
fn patient_config() -> &'static Path {
    static CONFIG: std::sync::OnceLock<(TempDir, std::path::PathBuf)> = std::sync::OnceLock::new();
    let (_, path) = CONFIG.get_or_init(|| {
        let dir = scratch();
        let path = dir.path().join("factlint.toml");
        std::fs::write(&path, "analysis-budget = 3600\n").unwrap();
        (dir, path)
    });
    path
}

fn run(dir: &Path, args: &[&str]) -> Run {
    let output = Command::cargo_bin("factlint")
        .unwrap()
        .current_dir(dir)
        .env("COLUMNS", "80")
        .env("NO_COLOR", "1")
        .args(["lint", "--no-progress", "--config"])
        .arg(patient_config())
        .args(args)
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn scratch() -> TempDir {
    tempfile::tempdir().unwrap()
}

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

#[cfg(unix)]
#[test]
fn a_fifo_in_the_tree_is_skipped_with_a_diagnostic_and_never_read() {
    let dir = scratch();
    write(dir.path(), "a.md", OPEN_QUOTE);
    let fifo = dir.path().join("pipe.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // Walked into, and named on the command line: neither may block on the pipe.
    for args in [
        &["--format", "concise"][..],
        &["--format", "concise", "pipe.md", "a.md"],
    ] {
        let out = run(dir.path(), args);
        assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
        assert_eq!(
            out.stdout,
            "a.md:1:9: Q001 quotation opened with `“` is not closed before the paragraph ends\n\
             pipe.md:1:1: E001 cannot read pipe.md: not a regular file (a named pipe)\n\
             Found 2 problems (2 errors) in 2 of 2 files.\n"
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_unreadable_and_a_symlink_out_of_the_tree_is_followed() {
    let dir = scratch();
    let outside = scratch();
    write(outside.path(), "elsewhere.md", OPEN_QUOTE);
    std::os::unix::fs::symlink("loop-b.md", dir.path().join("loop-a.md")).unwrap();
    std::os::unix::fs::symlink("loop-a.md", dir.path().join("loop-b.md")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("self")).unwrap();
    std::os::unix::fs::symlink(
        outside.path().join("elsewhere.md"),
        dir.path().join("linked.md"),
    )
    .unwrap();
    let out = run(dir.path(), &["--format", "concise"]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert_eq!(
        out.stdout,
        "linked.md:1:9: Q001 quotation opened with `“` is not closed before the paragraph ends\n\
         loop-a.md:1:1: E001 cannot read loop-a.md: Too many levels of symbolic links\n\
         loop-b.md:1:1: E001 cannot read loop-b.md: Too many levels of symbolic links\n\
         Found 3 problems (3 errors) in 3 of 3 files.\n",
        "the folder link `self` is not followed, so nothing is walked twice"
    );
}

#[test]
fn a_file_deleted_between_the_walk_and_the_read_is_unreadable_and_the_rest_are_linted() {
    let dir = scratch();
    write(dir.path(), "a.md", OPEN_QUOTE);
    write(dir.path(), "b.md", OPEN_QUOTE);
    let settings = Settings::default();
    let root = dir.path().display().to_string();
    let inputs = collect_inputs(&[root], "-", &settings);
    assert_eq!(inputs.len(), 2);
    std::fs::remove_file(dir.path().join("a.md")).unwrap();
    let mut reports = Vec::new();
    lint_inputs(&inputs, None, &settings.into(), &|| {}, |r| reports.push(r));
    let codes: Vec<Vec<&str>> = reports
        .iter()
        .map(|r| r.diagnostics.iter().map(|d| d.code).collect())
        .collect();
    assert_eq!(codes, vec![vec!["E001"], vec!["Q001"]]);
    assert!(
        reports[0].diagnostics[0]
            .message
            .ends_with("a.md: No such file or directory"),
        "{}",
        reports[0].diagnostics[0].message
    );
}

#[cfg(unix)]
#[test]
fn a_folder_without_read_permission_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = scratch();
    write(dir.path(), "a.md", OPEN_QUOTE);
    write(dir.path(), "locked/b.md", OPEN_QUOTE);
    let locked = dir.path().join("locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let command = unprivileged::factlint_bound_by(dir.path(), &locked);
    let out = command.map(|mut command| {
        let output = command
            .env("COLUMNS", "80")
            .env("NO_COLOR", "1")
            .args([
                "lint",
                "--no-config",
                "--no-progress",
                "--format",
                "concise",
            ])
            .output()
            .unwrap();
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    });
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    let out = match out {
        Ok(out) => out,
        Err(why) => {
            eprintln!("skipping a_folder_without_read_permission_is_reported: {why}");
            return;
        }
    };
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert_eq!(
        out.stdout,
        "a.md:1:9: Q001 quotation opened with `“` is not closed before the paragraph ends\n\
         locked:1:1: E001 cannot read locked: Permission denied\n\
         Found 2 problems (2 errors) in 2 of 2 files.\n"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_path_that_is_not_utf8_is_shown_with_a_replacement_character() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    std::fs::write(dir.path().join(name), OPEN_QUOTE).unwrap();
    let out = run(dir.path(), &["--format", "concise"]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert_eq!(
        out.stdout,
        "caf\u{fffd}.md:1:9: Q001 quotation opened with `“` is not closed before the paragraph ends\n\
         Found 1 problem (1 error) in 1 of 1 file.\n"
    );
}

#[test]
fn a_200_mb_file_is_skipped_above_the_cap_without_being_read() {
    let dir = scratch();
    // Sparse: no 200 MB are written, and none may be read.
    let file = std::fs::File::create(dir.path().join("huge.md")).unwrap();
    file.set_len(200 * 1024 * 1024).unwrap();
    drop(file);
    let out = run(dir.path(), &["--format", "concise"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert_eq!(
        out.stdout,
        "huge.md:1:1: E005 skipped a file of 209715200 bytes (max-file-size is 16777216)\n\
         Found 1 problem (1 warning) in 1 of 1 file.\n"
    );
}

/// A file of one line of `words` bytes of prose with an unclosed quotation near its end, linted
/// in the human format: the snippet is cut around the mark and the header gives its character
/// column.
fn long_line(bytes: usize) {
    let dir = scratch();
    let filler = "Talks went on for hours é ";
    let mut line = filler.repeat(bytes / filler.len());
    line.push_str("and he said “we will go.\n");
    write(dir.path(), "long.md", &line);
    std::fs::write(
        dir.path().join("factlint.toml"),
        format!("max-file-size = {}\n", bytes * 2),
    )
    .unwrap();
    let output = Command::cargo_bin("factlint")
        .unwrap()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .args(["lint", "--no-progress", "long.md"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    let column = line[..line.find('“').unwrap()].chars().count() + 1;
    assert!(
        stdout.contains(&format!("[long.md:1:{column}]")),
        "header with the character column {column}: {stdout}"
    );
    assert!(
        stdout.contains(" 1 │ …é Talks went on for hours é and he said “we will go.\n"),
        "snippet cut before the mark: {stdout}"
    );
    assert!(
        stdout.lines().all(|l| l.chars().count() < 250),
        "no line of the report is long: {stdout}"
    );
    assert!(stdout.ends_with("Found 1 problem (1 error) in 1 of 1 file.\n"));
}

#[test]
fn a_long_line_is_reported_with_a_cut_snippet_and_a_character_column() {
    long_line(1024 * 1024);
}

#[test]
#[ignore = "writes and lints a 50 MB file; run with --ignored"]
fn a_50_mb_line_is_reported_with_a_cut_snippet_and_a_character_column() {
    long_line(50 * 1024 * 1024);
}

/// `count` empty files in a few folders: all checked, nothing found.
fn empty_files(count: usize) {
    let dir = scratch();
    for i in 0..count {
        let folder = dir.path().join(format!("d{:03}", i % 100));
        if i < 100 {
            std::fs::create_dir(&folder).unwrap();
        }
        std::fs::File::create(folder.join(format!("{i:06}.md"))).unwrap();
    }
    let out = run(dir.path(), &["--format", "concise"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert_eq!(out.stdout, format!("No problems found in {count} files.\n"));
}

#[test]
fn many_empty_files_are_all_checked() {
    empty_files(2_000);
}

#[test]
#[ignore = "creates 100,000 files; run with --ignored"]
fn a_hundred_thousand_empty_files_are_all_checked() {
    empty_files(100_000);
}

#[test]
fn yaml_front_matter_with_exponential_aliases_is_refused_not_expanded() {
    let dir = scratch();
    let mut yaml = String::from("---\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        let aliases = vec![format!("*a{}", i - 1); 9].join(", ");
        yaml.push_str(&format!("a{i}: &a{i} [{aliases}]\n"));
    }
    yaml.push_str("---\n\n");
    yaml.push_str(OPEN_QUOTE);
    write(dir.path(), "laughs.md", &yaml);
    let out = run(dir.path(), &["--format", "concise"]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{}", out.stdout);
    assert!(
        lines[0].starts_with("laughs.md:")
            && lines[0].contains(": E003 front matter is not valid YAML: "),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains("budget"),
        "refused by the parser's budget: {}",
        lines[0]
    );
    assert_eq!(
        lines[1],
        "laughs.md:16:9: Q001 quotation opened with `“` is not closed before the paragraph ends",
        "the body is still checked"
    );
    assert_eq!(lines[2], "Found 2 problems (2 errors) in 1 of 1 file.");
}

fn with_config(config: &[u8]) -> Run {
    let dir = scratch();
    write(dir.path(), "a.md", OPEN_QUOTE);
    write(dir.path(), "factlint.toml", config);
    let output = Command::cargo_bin("factlint")
        .unwrap()
        .current_dir(dir.path())
        .env("NO_COLOR", "1")
        .env("COLUMNS", "80")
        .args(["lint", "--no-progress", "a.md"])
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

#[test]
fn a_binary_config_file_is_a_config_error() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(10_000).collect();
    let out = with_config(&bytes);
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("× cannot read config ")
            && out
                .stderr
                .contains("factlint.toml: stream did not contain valid UTF-8"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_config_of_deeply_nested_tables_is_a_config_error() {
    let depth = 1_000_000;
    let mut config = String::from("x = ");
    config.push_str(&"{a = ".repeat(depth));
    config.push('1');
    config.push_str(&"}".repeat(depth));
    config.push('\n');
    assert!(config.len() > 5_000_000);
    let out = with_config(config.as_bytes());
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("factlint.toml: cannot recurse further"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.lines().all(|l| l.chars().count() < 250),
        "the snippet of a long config line is cut: {}",
        out.stderr.len()
    );
}

#[test]
fn a_config_error_far_along_a_long_line_does_not_crash_the_report() {
    let config = format!("max-file-size = 1{}oops = 3\n", " ".repeat(70_000));
    let out = with_config(config.as_bytes());
    assert_eq!(out.code, 2, "{}{}", out.stdout, out.stderr);
    assert!(!out.stderr.contains("panicked"), "{}", out.stderr);
    assert!(out.stderr.contains("factlint.toml"), "{}", out.stderr);
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded_and_linted() {
    let dir = scratch();
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(OPEN_QUOTE.encode_utf16().flat_map(u16::to_le_bytes));
    write(dir.path(), "wide.md", &bytes);
    let out = run(dir.path(), &["--format", "concise"]);
    assert_eq!(out.code, 1, "{}{}", out.stdout, out.stderr);
    assert_eq!(
        out.stdout,
        "wide.md:1:9: Q001 quotation opened with `“` is not closed before the paragraph ends\n\
         Found 1 problem (1 error) in 1 of 1 file.\n"
    );
}

#[test]
fn articles_are_left_exactly_as_they_were() {
    let dir = scratch();
    write(dir.path(), "a.md", OPEN_QUOTE);
    write(
        dir.path(),
        "b.md",
        "<!-- factlint-disable-next-line N001 -->\nA clean line.\n",
    );
    let before: Vec<(Vec<u8>, std::time::SystemTime)> = ["a.md", "b.md"]
        .iter()
        .map(|name| {
            let path = dir.path().join(name);
            (
                std::fs::read(&path).unwrap(),
                std::fs::metadata(&path).unwrap().modified().unwrap(),
            )
        })
        .collect();
    for format in ["human", "concise", "json", "sarif", "github"] {
        run(dir.path(), &["--format", format]);
    }
    let after: Vec<(Vec<u8>, std::time::SystemTime)> = ["a.md", "b.md"]
        .iter()
        .map(|name| {
            let path = dir.path().join(name);
            (
                std::fs::read(&path).unwrap(),
                std::fs::metadata(&path).unwrap().modified().unwrap(),
            )
        })
        .collect();
    assert_eq!(before, after);
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        names.len(),
        2,
        "no file was created next to the articles: {names:?}"
    );
}

#[test]
fn an_unreadable_input_never_hides_the_others() {
    let inputs = vec![
        Input::Unreadable("gone.md".to_owned(), "No such file or directory".to_owned()),
        Input::Stdin("stdin.md".to_owned()),
    ];
    let settings = Settings::default();
    let mut codes = Vec::new();
    lint_inputs(
        &inputs,
        Some(OPEN_QUOTE.as_bytes()),
        &settings.into(),
        &|| {},
        |r| codes.push(r.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>()),
    );
    assert_eq!(codes, vec![vec!["E001"], vec!["Q001"]]);
}
