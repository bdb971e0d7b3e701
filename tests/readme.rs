//! Every example in the README is real: each ```` ```console ```` block holds `$ factlint …`
//! commands, each followed by exactly what it prints (standard output, then standard error), run
//! from the repository root. The test runs each command and compares.
//!
//! `UPDATE_GENERATED=1 cargo test --test readme` rewrites the blocks with the real output.
//! `FACTLINT_BIN=/path/to/factlint` runs another build (`.ci/run` runs the wheel's binary).

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use std::path::{Path, PathBuf};
use std::process::Command;

const FENCE_OPEN: &str = "```console\n";
const FENCE_CLOSE: &str = "```\n";

/// One `$ …` command of a console block, with the output the README shows for it.
struct Example {
    command: String,
    shown: String,
}

/// A console block: where its body is in the README, and its examples.
struct Block {
    body: std::ops::Range<usize>,
    examples: Vec<Example>,
}

fn blocks(readme: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut from = 0;
    while let Some(at) = readme[from..].find(FENCE_OPEN) {
        let start = from + at + FENCE_OPEN.len();
        let len = readme[start..]
            .match_indices(FENCE_CLOSE)
            .map(|(i, _)| i)
            .find(|&i| i == 0 || readme.as_bytes()[start + i - 1] == b'\n')
            .expect("every console block is closed");
        let body = start..start + len;
        let mut examples: Vec<Example> = Vec::new();
        for line in readme[body.clone()].split_inclusive('\n') {
            if let Some(command) = line.strip_prefix("$ ") {
                examples.push(Example {
                    command: command.trim_end().to_owned(),
                    shown: String::new(),
                });
            } else {
                let example = examples
                    .last_mut()
                    .expect("a console block starts with a `$ ` command");
                example.shown.push_str(line);
            }
        }
        blocks.push(Block { body, examples });
        from = start + len + FENCE_CLOSE.len();
    }
    blocks
}

/// Split a command line on spaces, honouring single quotes (all the README needs).
fn words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in command.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                started = true;
            }
            ' ' if !quoted => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            _ => {
                word.push(c);
                started = true;
            }
        }
    }
    assert!(!quoted, "unbalanced quote in `{command}`");
    if started {
        words.push(word);
    }
    words
}

fn binary() -> PathBuf {
    std::env::var_os("FACTLINT_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_factlint")))
}

fn output_of(command: &str) -> String {
    let words = words(command);
    assert_eq!(
        words.first().map(String::as_str),
        Some("factlint"),
        "README console examples run factlint only: `{command}`"
    );
    let output = Command::new(binary())
        .args(&words[1..])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("COLUMNS", "100")
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

#[test]
fn readme_examples_are_real_output() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let blocks = blocks(&readme);
    assert!(
        blocks.iter().map(|b| b.examples.len()).sum::<usize>() >= 3,
        "the README shows its examples in console blocks"
    );
    let mut updated = String::new();
    let mut copied = 0;
    let mut stale = Vec::new();
    for block in &blocks {
        updated.push_str(&readme[copied..block.body.start]);
        for example in &block.examples {
            let actual = output_of(&example.command);
            if actual != example.shown {
                stale.push(format!(
                    "$ {}\n--- README ---\n{}--- actual ---\n{}",
                    example.command, example.shown, actual
                ));
            }
            updated.push_str(&format!("$ {}\n{actual}", example.command));
        }
        copied = block.body.end;
    }
    updated.push_str(&readme[copied..]);
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert!(
        stale.is_empty(),
        "README examples differ from real output (run `UPDATE_GENERATED=1 cargo test --test \
         readme` and commit the result):\n{}",
        stale.join("\n")
    );
}

#[test]
fn words_split_like_a_shell_for_the_readme() {
    assert_eq!(
        words("factlint lint 'stories/**/*.md' --quiet"),
        ["factlint", "lint", "stories/**/*.md", "--quiet"]
    );
}

/// The 40-hex-digit commits the README pins (`rev: …`, `@…`).
fn pinned_commits(readme: &str) -> Vec<&str> {
    let mut commits = Vec::new();
    for (at, _) in readme.match_indices(['@', ' ']) {
        let rest = &readme[at + 1..];
        let hex = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
        let ends = rest
            .as_bytes()
            .get(hex)
            .is_none_or(|b| !b.is_ascii_alphanumeric());
        if hex == 40 && ends {
            commits.push(&rest[..40]);
        }
    }
    commits.sort_unstable();
    commits.dedup();
    commits
}

fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

/// The commit the README's pre-commit and Actions snippets pin exists in this repository's
/// history and has what the snippets use: the `factlint` python hook and the `sarif-file` input.
#[test]
fn readme_pins_a_commit_that_exists() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let commits = pinned_commits(&readme);
    assert!(
        !commits.is_empty(),
        "the README pins a commit until a release exists"
    );
    if git(&["rev-parse", "--verify", "HEAD"]).is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI runs in a git checkout and must check the pinned commits"
        );
        eprintln!("skipping: not a git checkout");
        return;
    }
    for commit in commits {
        assert!(
            git(&["merge-base", "--is-ancestor", commit, "HEAD"]).is_some(),
            "the README pins {commit}, which is not in the history of HEAD"
        );
        let hooks = git(&["show", &format!("{commit}:.pre-commit-hooks.yaml")]).unwrap();
        assert!(
            hooks.contains("- id: factlint\n") && hooks.contains("language: python"),
            "{commit} has the python `factlint` hook"
        );
        let action = git(&["show", &format!("{commit}:action.yml")]).unwrap();
        assert!(
            action.contains("\n  sarif-file:\n"),
            "{commit}'s action takes sarif-file"
        );
    }
}
