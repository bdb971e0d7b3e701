//! `scripts/install-release.sh`, the download-and-verify path of the GitHub Action, against a
//! release-shaped folder served as `file://`: archives named as the release workflow names them,
//! and the `SHA256SUMS` it writes.

#![cfg(unix)]
#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The targets the release workflow builds for Unix-like runners.
const UNIX_TARGETS: [&str; 5] = [
    "x86_64-unknown-linux-gnu",
    "x86_64-unknown-linux-musl",
    "aarch64-unknown-linux-gnu",
    "x86_64-apple-darwin",
    "aarch64-apple-darwin",
];

fn ok(command: &mut Command) -> Output {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{command:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// `<root>/v<VERSION>/` with one archive per target, each holding a stand-in `factlint` (a
/// small script that prints a version, so the archives stay small), and SHA256SUMS; returns
/// `<root>`.
fn release_folder(root: &Path) -> PathBuf {
    let release = root.join(format!("v{VERSION}"));
    std::fs::create_dir_all(&release).unwrap();
    for target in UNIX_TARGETS {
        let name = format!("factlint-{VERSION}-{target}");
        let staging = root.join("staging").join(&name);
        std::fs::create_dir_all(&staging).unwrap();
        std::fs::write(
            staging.join("factlint"),
            format!("#!/bin/sh\necho 'factlint {VERSION} ({target})'\n"),
        )
        .unwrap();
        ok(Command::new("tar")
            .arg("-czf")
            .arg(release.join(format!("{name}.tar.gz")))
            .arg("-C")
            .arg(root.join("staging"))
            .arg(&name));
    }
    let sums = ok(Command::new("sh")
        .arg("-c")
        .arg("sha256sum *.tar.gz")
        .current_dir(&release));
    std::fs::write(release.join("SHA256SUMS"), sums.stdout).unwrap();
    root.to_path_buf()
}

fn install(base: &Path, dest: &Path, extra: &[&str]) -> Output {
    Command::new("bash")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/install-release.sh"))
        .args(["--version", VERSION, "--base-url"])
        .arg(format!("file://{}", base.display()))
        .arg("--dest")
        .arg(dest)
        .args(extra)
        .env_remove("FACTLINT_RELEASE_BASE_URL")
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn have_tools() -> bool {
    ["curl", "sha256sum", "tar", "bash"].iter().all(|tool| {
        Command::new("sh")
            .arg("-c")
            .arg(format!("command -v {tool}"))
            .output()
            .is_ok_and(|o| o.status.success())
    })
}

#[test]
fn installs_the_verified_binary_for_this_platform() {
    if !have_tools() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI needs curl, sha256sum, tar and bash"
        );
        eprintln!("skipping: curl, sha256sum, tar or bash is missing");
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let base = release_folder(&work.path().join("releases"));
    let dest = work.path().join("bin");

    // This machine's platform, picked by the script itself.
    let output = install(&base, &dest, &[]);
    let detected = Command::new("uname").arg("-s").output().unwrap();
    let os = String::from_utf8_lossy(&detected.stdout).trim().to_owned();
    if os == "Linux" || os == "Darwin" {
        assert!(output.status.success(), "{}", stderr(&output));
        let installed = dest.join("factlint");
        assert_eq!(
            String::from_utf8_lossy(&output.stdout).trim(),
            installed.display().to_string()
        );
        let version = ok(Command::new(&installed).arg("--version"));
        assert!(
            String::from_utf8_lossy(&version.stdout).starts_with(&format!("factlint {VERSION}")),
            "the installed binary runs"
        );
    }

    // A named target.
    let output = install(
        &base,
        &work.path().join("musl"),
        &["--target", "x86_64-unknown-linux-musl"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let version = ok(&mut Command::new(work.path().join("musl/factlint")));
    assert_eq!(
        String::from_utf8_lossy(&version.stdout),
        format!("factlint {VERSION} (x86_64-unknown-linux-musl)\n")
    );
}

#[test]
fn refuses_a_tampered_archive_and_reports_a_missing_one() {
    if !have_tools() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI needs curl, sha256sum, tar and bash"
        );
        eprintln!("skipping: curl, sha256sum, tar or bash is missing");
        return;
    }
    let work = tempfile::tempdir().unwrap();
    let base = release_folder(&work.path().join("releases"));
    let target = "aarch64-apple-darwin";
    let archive = base.join(format!("v{VERSION}/factlint-{VERSION}-{target}.tar.gz"));
    let mut bytes = std::fs::read(&archive).unwrap();
    bytes.extend_from_slice(b"tampered");
    std::fs::write(&archive, bytes).unwrap();

    let dest = work.path().join("bin");
    let output = install(&base, &dest, &["--target", target]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("checksum mismatch") && stderr(&output).contains(target),
        "{}",
        stderr(&output)
    );
    assert!(
        !dest.join("factlint").exists(),
        "a tampered binary is never installed"
    );

    // No build for the platform, and no such release: status 3, so the Action may build instead.
    let output = install(&base, &dest, &["--target", "x86_64-pc-windows-msvc"]);
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(stderr(&output).contains(".zip"), "{}", stderr(&output));
    let output = Command::new("bash")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/install-release.sh"))
        .args(["--version", "0.0.0-none", "--base-url"])
        .arg(format!("file://{}", base.display()))
        .arg("--dest")
        .arg(&dest)
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("is v0.0.0-none released?"),
        "{}",
        stderr(&output)
    );
}
