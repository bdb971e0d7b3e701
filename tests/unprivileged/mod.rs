//! Running factlint where file permissions bind. Root reads a mode-000 folder anyway, so a test
//! of what factlint does with an unreadable folder runs it through `setpriv` as `nobody` when
//! the tests run as root (as they do on this project's CI machines), rather than skipping.

#![allow(dead_code)] // each includer uses what it needs

use std::path::Path;
use std::process::Command;

/// The uid and gid of `nobody`.
const NOBODY: &str = "65534";

fn as_nobody() -> Command {
    let mut command = Command::new("setpriv");
    command.args([
        &format!("--reuid={NOBODY}"),
        &format!("--regid={NOBODY}"),
        "--clear-groups",
        "--",
    ]);
    command
}

/// A command that runs the factlint binary in `scratch` so that `locked` (a folder inside it
/// with mode 000) cannot be read: as this user when permissions bind it, else as `nobody`
/// (which needs `scratch` and the way to it traversable; `scratch` is opened to everyone).
/// `Err` says why neither works.
pub fn factlint_bound_by(scratch: &Path, locked: &Path) -> Result<Command, String> {
    use std::os::unix::fs::PermissionsExt;
    let binary = assert_cmd::cargo::cargo_bin("factlint");
    if std::fs::read_dir(locked).is_err() {
        let mut command = Command::new(binary);
        command.current_dir(scratch);
        return Ok(command);
    }
    std::fs::set_permissions(scratch, std::fs::Permissions::from_mode(0o755))
        .map_err(|e| format!("cannot open {} to other users: {e}", scratch.display()))?;
    let dropped = as_nobody()
        .arg("true")
        .status()
        .is_ok_and(|status| status.success());
    if !dropped {
        return Err(
            "this process reads folders whatever their permissions (root) and cannot drop to \
             `nobody` with `setpriv`"
                .to_owned(),
        );
    }
    let blocked = !as_nobody()
        .args(["test", "-r"])
        .arg(locked)
        .status()
        .is_ok_and(|status| status.success());
    if !blocked {
        return Err(format!(
            "{} stays readable even as `nobody`",
            locked.display()
        ));
    }
    let mut command = as_nobody();
    command.arg(binary).current_dir(scratch);
    Ok(command)
}
