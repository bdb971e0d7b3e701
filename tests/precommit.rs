//! The pre-commit hook (`.pre-commit-hooks.yaml`), end to end: a scratch git repository uses
//! this repository as a hook repo, and the `pre-commit` tool builds factlint and runs it, both with
//! `pre-commit run` and as an installed git hook.
//!
//! pre-commit builds the hook from a commit, so this tests the committed `HEAD` of this
//! repository, not the work tree. The build (`cargo install`, several minutes) is cached in
//! `PRE_COMMIT_HOME` inside the target directory and reused while `HEAD` stays the same.
//!
//! Without a `pre-commit` executable on `PATH` the test is skipped with a note on stderr, except
//! when `CI` is set: CI must run it.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The repository under test.
const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// Environment variables that would point git or pre-commit somewhere else when the tests run
/// from inside a git hook or under a customized pre-commit.
const INHERITED_ENV: &[&str] = &[
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_INDEX_FILE",
    "GIT_OBJECT_DIRECTORY",
    "GIT_ALTERNATE_OBJECT_DIRECTORIES",
    "GIT_COMMON_DIR",
    "GIT_PREFIX",
    "SKIP",
    "PRE_COMMIT_ALLOW_NO_CONFIG",
    "PRE_COMMIT_NO_CONCURRENCY",
];

fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|value| !value.is_empty())
}

/// Skip the test with a note, or fail it under CI, which must run it.
fn skip(reason: &str) {
    assert!(
        !in_ci(),
        "pre_commit_hook_round_trip cannot run: {reason}. CI (CI is set) must run this test."
    );
    eprintln!("skipping pre_commit_hook_round_trip: {reason}");
}

/// The first executable named `name` on `PATH`.
fn find_on_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    let file = format!("{name}{}", std::env::consts::EXE_SUFFIX);
    std::env::split_paths(&path)
        .map(|dir| dir.join(&file))
        .find(|candidate| is_executable(candidate))
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.is_file()
}

/// Where pre-commit keeps its clones and built hooks: inside the target directory, so the slow
/// `cargo install` of the hook happens once per commit of this repository, not once per run.
fn pre_commit_home() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("pre-commit-home")
}

/// A command run in `dir`, isolated from the environment of an enclosing git hook.
fn command(program: impl AsRef<OsStr>, dir: &Path) -> Command {
    let mut command = Command::new(program);
    command
        .current_dir(dir)
        .env("PRE_COMMIT_HOME", pre_commit_home())
        .env("PRE_COMMIT_COLOR", "never")
        .env("NO_COLOR", "1");
    for name in INHERITED_ENV {
        command.env_remove(name);
    }
    command
}

/// Run a command to completion, capturing its output.
fn run(command: &mut Command) -> Output {
    command
        .output()
        .unwrap_or_else(|error| panic!("cannot run {command:?}: {error}"))
}

/// The exit status and both output streams, for assertion messages.
fn describe(output: &Output) -> String {
    format!(
        "{}\n--- stdout ---\n{}\n--- stderr ---\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Stdout and stderr together.
fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Run a command that must succeed; returns its stdout.
fn ok(command: &mut Command) -> String {
    let output = run(command);
    assert!(
        output.status.success(),
        "{command:?} failed: {}",
        describe(&output)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn git(dir: &Path, args: &[&str]) -> Command {
    let mut command = command("git", dir);
    command.args(args);
    command
}

/// A YAML scalar for a path: plain when that is safe, otherwise double-quoted (JSON is YAML).
fn yaml_scalar(value: &str) -> String {
    let plain = !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/_.-+".contains(c));
    if plain {
        value.to_owned()
    } else {
        serde_json::to_string(value).expect("a string serializes")
    }
}

const OPEN_QUOTE: &str = "# Harbor festival\n\n\
    The mayor said, \u{201c}We will rebuild the pier before the festival.\n\n\
    The festival opens on Saturday.\n";

const CLOSED_QUOTE: &str = "# Harbor festival\n\n\
    The mayor said, \u{201c}We will rebuild the pier before the festival.\u{201d}\n\n\
    The festival opens on Saturday.\n";

#[test]
fn pre_commit_hook_round_trip() {
    let Some(pre_commit) = find_on_path("pre-commit") else {
        skip(
            "no `pre-commit` executable on PATH (install it with `python3 -m pip install pre-commit`)",
        );
        return;
    };
    let repo = Path::new(REPO);

    // pre-commit clones the hook repository at `rev`: the committed HEAD, not the work tree.
    let head = run(&mut git(repo, &["rev-parse", "--verify", "HEAD"]));
    if !head.status.success() {
        skip(&format!(
            "{REPO} is not a git checkout with a commit: {}",
            describe(&head)
        ));
        return;
    }
    let rev = String::from_utf8_lossy(&head.stdout).trim().to_owned();
    let committed_hooks = run(&mut git(
        repo,
        &["cat-file", "-e", &format!("{rev}:.pre-commit-hooks.yaml")],
    ));
    if !committed_hooks.status.success() {
        skip(&format!(
            "HEAD ({rev}) has no .pre-commit-hooks.yaml, and pre-commit builds the hook from \
             HEAD: commit .pre-commit-hooks.yaml first"
        ));
        return;
    }
    let dirty = run(&mut git(
        repo,
        &[
            "status",
            "--porcelain",
            "--untracked-files=no",
            "--",
            "src",
            "Cargo.toml",
            "Cargo.lock",
            ".pre-commit-hooks.yaml",
        ],
    ));
    if !dirty.stdout.is_empty() {
        eprintln!(
            "note: pre_commit_hook_round_trip tests the committed HEAD ({rev}); uncommitted \
             changes to the hook or the sources are not part of it"
        );
    }

    let scratch_dir = tempfile::tempdir().expect("a temporary directory");
    let scratch = scratch_dir.path().join("newsroom");
    std::fs::create_dir(&scratch).expect("create the scratch repository");
    ok(&mut git(&scratch, &["init", "--quiet"]));
    ok(&mut git(
        &scratch,
        &["config", "user.name", "factlint tests"],
    ));
    ok(&mut git(
        &scratch,
        &["config", "user.email", "tests@factlint.invalid"],
    ));
    ok(&mut git(&scratch, &["config", "commit.gpgsign", "false"]));

    let config = format!(
        "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: factlint\n",
        yaml_scalar(REPO)
    );
    std::fs::write(scratch.join(".pre-commit-config.yaml"), config).expect("write the config");

    // `pre-commit run`: an opening quotation mark that is never closed fails the hook...
    let story = scratch.join("story.md");
    std::fs::write(&story, OPEN_QUOTE).expect("write story.md");
    ok(&mut git(&scratch, &["add", "--all"]));
    let output = run(command(&pre_commit, &scratch).args(["run", "--all-files"]));
    assert!(
        !output.status.success(),
        "pre-commit must fail on an unclosed quotation: {}",
        describe(&output)
    );
    let all = text(&output);
    assert!(
        all.contains("Q001") && all.contains("story.md"),
        "the hook output must report Q001 in story.md: {}",
        describe(&output)
    );

    // ...and passes once the quotation is closed.
    std::fs::write(&story, CLOSED_QUOTE).expect("write story.md");
    ok(&mut git(&scratch, &["add", "--all"]));
    let output = run(command(&pre_commit, &scratch).args(["run", "--all-files"]));
    assert!(
        output.status.success(),
        "pre-commit must pass once the quotation is closed: {}",
        describe(&output)
    );
    assert!(
        text(&output).contains("factlint"),
        "the factlint hook must have run: {}",
        describe(&output)
    );

    // As an installed git hook: a commit with an unclosed quotation is rejected...
    ok(command(&pre_commit, &scratch).arg("install"));
    let draft = scratch.join("draft.md");
    std::fs::write(&draft, OPEN_QUOTE).expect("write draft.md");
    ok(&mut git(&scratch, &["add", "--all"]));
    let output = run(&mut git(&scratch, &["commit", "--message", "Add a draft"]));
    assert!(
        !output.status.success(),
        "git commit must be rejected by the hook: {}",
        describe(&output)
    );
    let all = text(&output);
    assert!(
        all.contains("Q001") && all.contains("draft.md"),
        "the rejected commit must report Q001 in draft.md: {}",
        describe(&output)
    );
    let no_commit = run(&mut git(
        &scratch,
        &["rev-parse", "--verify", "--quiet", "HEAD"],
    ));
    assert!(
        !no_commit.status.success(),
        "the rejected commit must not exist: {}",
        describe(&no_commit)
    );

    // ...and a clean one is accepted.
    std::fs::write(&draft, CLOSED_QUOTE).expect("write draft.md");
    ok(&mut git(&scratch, &["add", "--all"]));
    let output = run(&mut git(&scratch, &["commit", "--message", "Add a draft"]));
    assert!(
        output.status.success(),
        "git commit of clean articles must be accepted: {}",
        describe(&output)
    );
    let committed = ok(&mut git(
        &scratch,
        &["ls-tree", "-r", "--name-only", "HEAD"],
    ));
    assert!(
        committed.lines().any(|line| line == "draft.md"),
        "draft.md must be committed: {committed}"
    );
}
