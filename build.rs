//! Records the commit factlint is built from, for `factlint --version`.
//!
//! Sets `FACTLINT_VERSION` for the binary: `0.1.0 (1a2b3c4d5 2026-12-01)`, the package version
//! with the short hash and date of the commit, when the sources are a git checkout and `git` is
//! on `PATH`. A build from a tarball (a crate from crates.io, an sdist, a wheel built from an
//! sdist) has no git: then the commit is the one `cargo package` recorded in
//! `.cargo_vcs_info.json`, or `FACTLINT_COMMIT` from the environment if a packager set it, or
//! left out, so that `--version` prints the version alone.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let full = match commit() {
        Some(commit) => format!("{version} ({commit})"),
        None => version,
    };
    println!("cargo::rustc-env=FACTLINT_VERSION={full}");
}

/// The commit the sources come from, if anything says.
fn commit() -> Option<String> {
    println!("cargo::rerun-if-env-changed=FACTLINT_COMMIT");
    if let Ok(commit) = std::env::var("FACTLINT_COMMIT") {
        let commit = commit.trim();
        return (!commit.is_empty()).then(|| commit.to_owned());
    }
    if !is_own_checkout() {
        // `cargo package` records the commit a crate was packaged from.
        if Path::new(".cargo_vcs_info.json").exists() {
            println!("cargo::rerun-if-changed=.cargo_vcs_info.json");
        }
        return packaged_commit();
    }
    // Rebuild when HEAD moves: HEAD itself (a branch switch or a detached checkout) and the ref
    // it points at (a new commit), wherever a worktree keeps them.
    for path in git_paths() {
        println!("cargo::rerun-if-changed={}", path.display());
    }
    // A fixed nine hex digits (not `%h`, whose length depends on the repository), so that the
    // same commit reads the same in a shallow clone and a full one.
    let line = git(&["log", "-1", "--format=%H %cs"])?;
    let (hash, date) = line.split_once(' ')?;
    Some(format!("{} {date}", hash.get(..9)?))
}

/// Run git in the package directory; its trimmed output when it succeeds.
fn git(args: &[&str]) -> Option<String> {
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")?;
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?;
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

/// Whether the package directory is the top of a git work tree. An unpacked tarball inside some
/// other repository is not: that repository's commit says nothing about these sources.
fn is_own_checkout() -> bool {
    let (Some(top), Some(dir)) = (
        git(&["rev-parse", "--show-toplevel"]),
        std::env::var_os("CARGO_MANIFEST_DIR"),
    ) else {
        return false;
    };
    match (
        std::fs::canonicalize(top),
        std::fs::canonicalize(PathBuf::from(dir)),
    ) {
        (Ok(top), Ok(dir)) => top == dir,
        _ => false,
    }
}

/// The short commit hash in `.cargo_vcs_info.json`, which `cargo package` writes.
fn packaged_commit() -> Option<String> {
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR")?);
    let text = std::fs::read_to_string(dir.join(".cargo_vcs_info.json")).ok()?;
    let after = &text[text.find("\"sha1\"")? + "\"sha1\"".len()..];
    let start = after.find('"')? + 1;
    let sha: String = after[start..]
        .chars()
        .take_while(char::is_ascii_hexdigit)
        .take(9)
        .collect();
    (sha.len() == 9).then_some(sha)
}

/// The files whose change means a new HEAD commit.
fn git_paths() -> Vec<PathBuf> {
    let mut paths = Vec::new();
    if let Some(head) = git(&["rev-parse", "--path-format=absolute", "--git-path", "HEAD"]) {
        paths.push(PathBuf::from(head));
    }
    if let Some(reference) = git(&["symbolic-ref", "--quiet", "HEAD"]) {
        if let Some(path) = git(&[
            "rev-parse",
            "--path-format=absolute",
            "--git-path",
            &reference,
        ]) {
            paths.push(PathBuf::from(path));
        }
        // A ref that was packed by `git gc` lives in packed-refs.
        if let Some(packed) = git(&[
            "rev-parse",
            "--path-format=absolute",
            "--git-path",
            "packed-refs",
        ]) {
            paths.push(PathBuf::from(packed));
        }
    }
    paths.retain(|path| path.exists());
    paths
}
