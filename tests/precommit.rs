//! The pre-commit hooks (`.pre-commit-hooks.yaml`), end to end: a scratch git repository uses
//! this repository as a hook repo, and the `pre-commit` tool installs factlint and runs it.
//!
//! - `factlint` (language: python) must install from a prebuilt wheel without compiling: the
//!   wheel built by `.ci/run` (`maturin build --release`, in `target/wheels`) is served to pip
//!   from that folder (`PIP_FIND_LINKS`, no index), and neither cargo nor rustc is on the hook
//!   environment's `PATH`. Then it blocks a bad article and passes a good one.
//! - `factlint-rust` (language: rust) builds factlint with `cargo install` and runs both with
//!   `pre-commit run` and as an installed git hook. The build (several minutes) is cached in
//!   `PRE_COMMIT_HOME` inside the target directory and reused while `HEAD` stays the same.
//!
//! pre-commit installs a hook from a commit, so these test the committed `HEAD` of this
//! repository, not the work tree. Without a `pre-commit` executable on `PATH` (or, for the wheel
//! test, without a wheel of `HEAD`) a test is skipped with a note on stderr, except when `CI` is
//! set: CI must run them.

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

/// Skip a test with a note, or fail it under CI, which must run it.
fn skip(test: &str, reason: &str) {
    assert!(
        !in_ci(),
        "{test} cannot run: {reason}. CI (CI is set) must run this test."
    );
    eprintln!("skipping {test}: {reason}");
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
        // Keep the hook's cargo build between commits of this repository: only factlint itself
        // is rebuilt when HEAD moves.
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("pre-commit-cargo-target"),
        )
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

/// The committed HEAD of this repository when pre-commit can install hooks from it: its hash.
fn hook_rev(test: &str) -> Option<String> {
    let repo = Path::new(REPO);
    // pre-commit clones the hook repository at `rev`: the committed HEAD, not the work tree.
    let head = run(&mut git(repo, &["rev-parse", "--verify", "HEAD"]));
    if !head.status.success() {
        skip(
            test,
            &format!(
                "{REPO} is not a git checkout with a commit: {}",
                describe(&head)
            ),
        );
        return None;
    }
    let rev = String::from_utf8_lossy(&head.stdout).trim().to_owned();
    let committed_hooks = run(&mut git(
        repo,
        &["cat-file", "-e", &format!("{rev}:.pre-commit-hooks.yaml")],
    ));
    if !committed_hooks.status.success() {
        skip(
            test,
            &format!(
                "HEAD ({rev}) has no .pre-commit-hooks.yaml, and pre-commit installs the hook \
                 from HEAD: commit .pre-commit-hooks.yaml first"
            ),
        );
        return None;
    }
    let dirty = run(&mut git(
        repo,
        &[
            "status",
            "--porcelain",
            "--untracked-files=no",
            "--",
            "src",
            "build.rs",
            "Cargo.toml",
            "Cargo.lock",
            "pyproject.toml",
            "pep517",
            ".pre-commit-hooks.yaml",
        ],
    ));
    if !dirty.stdout.is_empty() {
        eprintln!(
            "note: {test} tests the committed HEAD ({rev}); uncommitted changes to the hook or \
             the sources are not part of it"
        );
    }
    Some(rev)
}

/// A new git repository `newsroom` in `parent` whose .pre-commit-config.yaml uses hook `id` of
/// this repository at `rev`.
fn newsroom(parent: &Path, rev: &str, id: &str) -> PathBuf {
    let scratch = parent.join("newsroom");
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
        "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: {id}\n",
        yaml_scalar(REPO)
    );
    std::fs::write(scratch.join(".pre-commit-config.yaml"), config).expect("write the config");
    scratch
}

/// A wheel of this version in `dir` whose binary was built from `commit` (its `--version`
/// string, as the build backend in pep517/ checks it).
fn wheel_of(dir: &Path, commit: &str) -> Option<PathBuf> {
    let version = env!("CARGO_PKG_VERSION");
    let stamp = format!("{version} ({} ", &commit[..9]);
    let prefix = format!("factlint-{version}-");
    let mut wheels: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| {
            path.file_name()
                .and_then(OsStr::to_str)
                .is_some_and(|name| name.starts_with(&prefix) && name.ends_with(".whl"))
        })
        .collect();
    wheels.sort();
    wheels.into_iter().find(|wheel| {
        // A wheel is a zip archive and the binary in it is deflated: let Python (which
        // pre-commit needs anyway) read it out.
        let binary = Command::new("python3")
            .args([
                "-c",
                "import sys, zipfile; \
                 sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))",
            ])
            .arg(wheel)
            .arg(format!("factlint-{version}.data/scripts/factlint"))
            .output();
        binary.is_ok_and(|out| {
            out.status.success()
                && out
                    .stdout
                    .windows(stamp.len())
                    .any(|window| window == stamp.as_bytes())
        })
    })
}

/// `PATH` without any folder that holds cargo or rustc: what the wheel hook runs with.
fn path_without_rust() -> std::ffi::OsString {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let kept: Vec<PathBuf> = std::env::split_paths(&path)
        .filter(|dir| {
            ["cargo", "rustc", "rustup"].iter().all(|tool| {
                !dir.join(format!("{tool}{}", std::env::consts::EXE_SUFFIX))
                    .exists()
            })
        })
        .collect();
    std::env::join_paths(kept).expect("PATH entries join again")
}

#[test]
fn wheel_hook_installs_without_compiling() {
    const TEST: &str = "wheel_hook_installs_without_compiling";
    let Some(pre_commit) = find_on_path("pre-commit") else {
        skip(
            TEST,
            "no `pre-commit` executable on PATH (install it with `python3 -m pip install pre-commit`)",
        );
        return;
    };
    let Some(rev) = hook_rev(TEST) else {
        return;
    };
    let wheels = std::env::var_os("FACTLINT_WHEEL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(REPO).join("target/wheels"));
    let Some(wheel) = wheel_of(&wheels, &rev) else {
        skip(
            TEST,
            &format!(
                "no wheel of HEAD ({}) in {}: build one with `maturin build --release` \
                 (.ci/run does)",
                &rev[..9],
                wheels.display()
            ),
        );
        return;
    };
    let served = tempfile::tempdir().expect("a temporary directory");
    std::fs::copy(
        &wheel,
        served.path().join(wheel.file_name().expect("a file name")),
    )
    .expect("copy the wheel");

    let scratch_dir = tempfile::tempdir().expect("a temporary directory");
    let scratch = newsroom(scratch_dir.path(), &rev, "factlint");
    let home = scratch_dir.path().join("pre-commit-home");
    let isolated = |program: &Path| {
        let mut command = command(program, &scratch);
        command
            .env("PRE_COMMIT_HOME", &home)
            .env("PATH", path_without_rust())
            .env("CARGO_HOME", scratch_dir.path().join("no-cargo-home"))
            .env("RUSTUP_HOME", scratch_dir.path().join("no-rustup-home"))
            .env("TMPDIR", scratch_dir.path())
            .env("PIP_FIND_LINKS", served.path())
            .env("PIP_NO_INDEX", "1")
            .env("PIP_DISABLE_PIP_VERSION_CHECK", "1")
            .env_remove("FACTLINT_BUILD_FROM_SOURCE");
        command
    };

    // Installing the hook needs no compiler: cargo is not on PATH, and pip has no index to
    // fetch maturin from, so a build from source could not even start.
    let started = std::time::Instant::now();
    let output = run(isolated(&pre_commit).arg("install-hooks"));
    assert!(
        output.status.success(),
        "the wheel hook must install from the prebuilt wheel: {}",
        describe(&output)
    );
    eprintln!(
        "{TEST}: pre-commit install-hooks took {:.1} s with {}",
        started.elapsed().as_secs_f64(),
        wheel.display()
    );
    // `<home>/repo…/py_env-<python>/bin/factlint`.
    let children = |dir: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default()
    };
    let installed: Vec<PathBuf> = children(&home)
        .iter()
        .flat_map(|repo| children(repo))
        .filter(|env| {
            env.file_name()
                .and_then(OsStr::to_str)
                .is_some_and(|name| name.starts_with("py_env-"))
        })
        .map(|env| env.join("bin/factlint"))
        .filter(|binary| binary.exists())
        .collect();
    let installed = installed
        .first()
        .expect("a factlint in the hook's environment");
    let version = ok(Command::new(installed).arg("--version"));
    assert!(
        version.starts_with(&format!(
            "factlint {} ({} ",
            env!("CARGO_PKG_VERSION"),
            &rev[..9]
        )),
        "the hook runs the binary of HEAD: {version}"
    );

    // A bad article is blocked...
    let story = scratch.join("story.md");
    std::fs::write(&story, OPEN_QUOTE).expect("write story.md");
    ok(&mut git(&scratch, &["add", "--all"]));
    let output = run(isolated(&pre_commit).args(["run", "--all-files"]));
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
    // ...and a good one passes.
    std::fs::write(&story, CLOSED_QUOTE).expect("write story.md");
    ok(&mut git(&scratch, &["add", "--all"]));
    let output = run(isolated(&pre_commit).args(["run", "--all-files"]));
    assert!(
        output.status.success() && text(&output).contains("factlint"),
        "pre-commit must pass once the quotation is closed: {}",
        describe(&output)
    );
}

#[test]
fn rust_hook_round_trip() {
    const TEST: &str = "rust_hook_round_trip";
    let Some(pre_commit) = find_on_path("pre-commit") else {
        skip(
            TEST,
            "no `pre-commit` executable on PATH (install it with `python3 -m pip install pre-commit`)",
        );
        return;
    };
    let Some(rev) = hook_rev(TEST) else {
        return;
    };
    let scratch_dir = tempfile::tempdir().expect("a temporary directory");
    let scratch = newsroom(scratch_dir.path(), &rev, "factlint-rust");

    // Installing the hook builds factlint with cargo.
    let started = std::time::Instant::now();
    ok(command(&pre_commit, &scratch).arg("install-hooks"));
    eprintln!(
        "{TEST}: pre-commit install-hooks took {:.1} s",
        started.elapsed().as_secs_f64()
    );

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
