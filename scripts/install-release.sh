#!/usr/bin/env bash
# Install a released factlint binary: download the archive for this platform, verify it against
# the release's SHA256SUMS, unpack the binary into a folder. Used by the GitHub Action
# (action.yml) and usable by hand:
#
#   scripts/install-release.sh --version 0.1.0 --dest ~/.local/bin
#
# Options:
#   --version V     the release, without the leading `v` (required)
#   --dest DIR      where to put the binary (default: ~/.local/bin)
#   --target T      a Rust target triple instead of this machine's (see `release_target`)
#   --base-url URL  where releases live (default: $FACTLINT_RELEASE_BASE_URL, else
#                   https://github.com/$FACTLINT_REPOSITORY/releases/download); the files are
#                   read from URL/vV/. Any URL curl reads works, file:// included.
#
# Exit status: 0 installed; 1 the download does not match its checksum or the archive is bad
# (never install it, never fall back silently); 2 usage; 3 no such release or asset for this
# platform, or no way to download (a caller may fall back to building from source).
set -euo pipefail

version=""
dest="${HOME:-.}/.local/bin"
target=""
base_url="${FACTLINT_RELEASE_BASE_URL:-https://github.com/${FACTLINT_REPOSITORY:-factlint/factlint}/releases/download}"

fail() {
    local status=$1
    shift
    printf 'install-release: %s\n' "$*" >&2
    exit "$status"
}

while [ $# -gt 0 ]; do
    case "$1" in
        --version) version="${2:-}"; shift 2 ;;
        --dest) dest="${2:-}"; shift 2 ;;
        --target) target="${2:-}"; shift 2 ;;
        --base-url) base_url="${2:-}"; shift 2 ;;
        *) fail 2 "unknown argument \`$1\` (see the comment at the top of this script)" ;;
    esac
done
version="${version#v}"
[ -n "$version" ] || fail 2 "--version is required"
[ -n "$dest" ] || fail 2 "--dest must not be empty"

# The release's target triple for this machine. Linux x86_64 takes the static musl build, which
# runs on every distribution.
release_target() {
    local os arch
    os="$(uname -s)"
    arch="$(uname -m)"
    case "$os/$arch" in
        Linux/x86_64 | Linux/amd64) echo x86_64-unknown-linux-musl ;;
        Linux/aarch64 | Linux/arm64) echo aarch64-unknown-linux-gnu ;;
        Darwin/x86_64) echo x86_64-apple-darwin ;;
        Darwin/arm64 | Darwin/aarch64) echo aarch64-apple-darwin ;;
        MINGW*/x86_64 | MSYS*/x86_64 | CYGWIN*/x86_64) echo x86_64-pc-windows-msvc ;;
        *) return 1 ;;
    esac
}

if [ -z "$target" ]; then
    target="$(release_target)" || fail 3 "no prebuilt factlint for $(uname -s) $(uname -m)"
fi
case "$target" in
    *-windows-*) archive="factlint-$version-$target.zip"; exe="factlint.exe" ;;
    *) archive="factlint-$version-$target.tar.gz"; exe="factlint" ;;
esac

command -v curl >/dev/null 2>&1 || fail 3 "curl is needed to download a release"
if command -v sha256sum >/dev/null 2>&1; then
    sha256() { sha256sum "$1" | cut -d ' ' -f 1; }
elif command -v shasum >/dev/null 2>&1; then
    sha256() { shasum -a 256 "$1" | cut -d ' ' -f 1; }
else
    fail 3 "sha256sum or shasum is needed to verify a release"
fi

work="$(mktemp -d)"
trap 'rm -rf -- "$work"' EXIT

url="${base_url%/}/v$version"
fetch() {
    curl --fail --silent --show-error --location --retry 3 --output "$work/$1" "$url/$1"
}
fetch SHA256SUMS || fail 3 "cannot download $url/SHA256SUMS (is v$version released?)"
fetch "$archive" || fail 3 "cannot download $url/$archive (no build for $target?)"

expected="$(awk -v name="$archive" '$2 == name || $2 == "*" name { print $1 }' "$work/SHA256SUMS")"
[ -n "$expected" ] || fail 1 "SHA256SUMS of v$version lists no $archive"
actual="$(sha256 "$work/$archive")"
[ "$actual" = "$expected" ] ||
    fail 1 "checksum mismatch for $archive: expected $expected, got $actual; not installed"

mkdir -p "$work/unpacked"
case "$archive" in
    *.zip)
        if command -v unzip >/dev/null 2>&1; then
            unzip -q "$work/$archive" -d "$work/unpacked" || fail 1 "cannot unpack $archive"
        else
            7z x -y -o"$work/unpacked" "$work/$archive" >/dev/null || fail 1 "cannot unpack $archive"
        fi
        ;;
    *) tar -xzf "$work/$archive" -C "$work/unpacked" || fail 1 "cannot unpack $archive" ;;
esac
binary="$work/unpacked/factlint-$version-$target/$exe"
[ -f "$binary" ] || fail 1 "$archive has no factlint-$version-$target/$exe"

mkdir -p "$dest"
# Replace atomically: a running factlint keeps its file.
cp "$binary" "$dest/.$exe.new"
chmod 755 "$dest/.$exe.new"
mv -f "$dest/.$exe.new" "$dest/$exe"
printf '%s\n' "$dest/$exe"
