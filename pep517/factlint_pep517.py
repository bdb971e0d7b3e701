"""The PEP 517 build backend of `pip install .`: the released wheel of this commit, or maturin.

pre-commit installs a `language: python` hook with `pip install .` in a clone of the hook's
repository, and `pip install .` of a maturin project compiles factlint: minutes, and a Rust
toolchain on every editor's machine. This backend first asks pip for a prebuilt wheel of the
same version (`pip download`, so the index, `PIP_FIND_LINKS` and `PIP_INDEX_URL` all apply) and
uses it only if its binary was built from exactly the commit checked out here (with no local
edits), which the binary's `--version` string records. A release tag therefore installs in seconds; any other
commit, an sdist (no git), or `FACTLINT_BUILD_FROM_SOURCE=1` builds from source with maturin,
so what is installed is always the code of the checkout.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path
from typing import Any, Mapping, Optional

ROOT = Path(__file__).resolve().parent.parent

#: What a build from source needs; keep in step with .ci/run's MATURIN_VERSION.
MATURIN = "maturin>=1.16,<2"


def _version() -> str:
    text = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    package = text.split("[package]", 1)[-1].split("\n[", 1)[0]
    match = re.search(r'^version\s*=\s*"([^"]+)"', package, re.MULTILINE)
    if match is None:
        raise RuntimeError("Cargo.toml has no [package] version")
    return match.group(1)


def _git(*args: str) -> Optional[str]:
    try:
        done = subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    out = done.stdout.strip()
    return out if done.returncode == 0 and out else None


def _commit() -> Optional[str]:
    """The short hash of the checked-out commit, as build.rs writes it into `--version`."""
    top = _git("rev-parse", "--show-toplevel")
    if top is None or Path(top).resolve() != ROOT:
        return None
    # Local edits are not in any released wheel: build them.
    if _git("status", "--porcelain", "--untracked-files=no") is not None:
        return None
    full = _git("rev-parse", "HEAD")
    return full[:9] if full else None


def _built_from(wheel: Path, version: str, commit: str) -> bool:
    """Whether the wheel's binary says `<version> (<commit> ...)` in its version string."""
    stamp = f"{version} ({commit} ".encode()
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if re.fullmatch(r"[^/]+\.data/scripts/factlint(\.exe)?", name):
                return stamp in archive.read(name)
    return False


def _prebuilt() -> Optional[Path]:
    if os.environ.get("FACTLINT_BUILD_FROM_SOURCE", "") not in ("", "0"):
        return None
    commit = _commit()
    if commit is None:
        return None
    version = _version()
    # pip calls each hook in a new process: keep the download for the next one.
    cache = Path(tempfile.gettempdir()) / f"factlint-prebuilt-{version}-{commit}"
    wheels = sorted(cache.glob("factlint-*.whl"))
    if not wheels:
        cache.mkdir(parents=True, exist_ok=True)
        download = [
            sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
            "--disable-pip-version-check", "--retries", "1", "--timeout", "20",
            "--dest", str(cache), f"factlint=={version}",
        ]
        # pip runs this backend with PYTHONPATH set to hide the environment's packages, pip
        # among them; the download needs the environment's pip.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        subprocess.run(download, capture_output=True, check=False, env=env)
        wheels = sorted(cache.glob("factlint-*.whl"))
    for wheel in wheels:
        if _built_from(wheel, version, commit):
            return wheel
    return None


def get_requires_for_build_wheel(config_settings: Optional[Mapping[str, Any]] = None) -> list:
    return [] if _prebuilt() else [MATURIN]


def build_wheel(
    wheel_directory: str,
    config_settings: Optional[Mapping[str, Any]] = None,
    metadata_directory: Optional[str] = None,
) -> str:
    wheel = _prebuilt()
    if wheel is not None:
        print(f"factlint: using the prebuilt {wheel.name}", file=sys.stderr)
        shutil.copy2(wheel, Path(wheel_directory) / wheel.name)
        return wheel.name
    import maturin

    return maturin.build_wheel(wheel_directory, config_settings, metadata_directory)


def get_requires_for_build_sdist(config_settings: Optional[Mapping[str, Any]] = None) -> list:
    return [MATURIN]


def build_sdist(sdist_directory: str, config_settings: Optional[Mapping[str, Any]] = None) -> str:
    import maturin

    return maturin.build_sdist(sdist_directory, config_settings)


def get_requires_for_build_editable(
    config_settings: Optional[Mapping[str, Any]] = None,
) -> list:
    return [MATURIN]


def build_editable(
    wheel_directory: str,
    config_settings: Optional[Mapping[str, Any]] = None,
    metadata_directory: Optional[str] = None,
) -> str:
    import maturin

    return maturin.build_editable(wheel_directory, config_settings, metadata_directory)
