#!/usr/bin/env bash
# Instructions per input byte of one factlint run (valgrind --tool=callgrind), on a fixed sample
# of a folder of articles, and the ten functions with the highest inclusive cost.
#
# Usage: scripts/callgrind.sh [BINARY] [DIR]
#   BINARY  the factlint to measure (default: target/release/factlint, built first)
#   DIR     folder of articles (default: ../shared/corpus next to the checkout)
#
# The sample is every 11th article file of DIR in byte order of their paths (LC_ALL=C sort of
# `find -printf '%P'`; *.md, *.markdown, *.txt, no SOURCE/README project files), linted with all
# default rules, `--format json`, `--jobs 1`. On the shared corpus that is 626 files and
# 1,997,785 bytes, an eleventh of each folder; the script checks the count, the size
# and the sha256 of the file list, so two runs compare like with like. The callgrind output is
# kept in target/callgrind/ for `callgrind_annotate --inclusive=yes FILE`.
set -euo pipefail

die() {
  echo "callgrind: $*" >&2
  exit 2
}
case "${1:-}" in -h | --help)
  sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
  ;;
esac
[ $# -le 2 ] || die "usage: scripts/callgrind.sh [BINARY] [DIR]"
command -v valgrind > /dev/null || die "needs valgrind (apt-get install valgrind)"

root=$(cd "$(dirname "$0")/.." && pwd)
if [ -n "${1:-}" ]; then
  bin=$(realpath "$1")
  [ -x "$bin" ] || die "not an executable: $1"
else
  echo "building factlint (release)..." >&2
  (cd "$root" && cargo build --release --locked --quiet)
  bin=$root/target/release/factlint
fi
dir=${2:-$root/../shared/corpus}
[ -d "$dir" ] || die "not a folder: $dir (pass a folder of articles)"
dir=$(cd "$dir" && pwd)

# The fixed sample of the shared corpus, to check it has not changed.
expect_files=626
expect_bytes=1997785
expect_list_sha=debbdaa916259cb9a51675e39636b1e0ce899942ae922d33c9dd0af869deeadd

mapfile -d '' files < <(cd "$dir" && find . -path '*/.*' -prune -o -type f \
  \( -name '*.md' -o -name '*.markdown' -o -name '*.txt' \) -printf '%P\0' |
  grep -zviE '(^|/)(readme|changelog|changes|history|license|licence|copying|contributing|code_of_conduct|code-of-conduct|security|authors|notice|source|sources)(\.[^/]*)?$' |
  LC_ALL=C sort -z | awk 'BEGIN { RS = ORS = "\0" } NR % 11 == 1')
[ "${#files[@]}" -gt 0 ] || die "no articles (*.md, *.markdown, *.txt) under $dir"
bytes=$( (cd "$dir" && printf '%s\0' "${files[@]}" | du -cb --files0-from=-) | tail -1 | cut -f1)
list_sha=$(printf '%s\n' "${files[@]}" | sha256sum | cut -d' ' -f1)
if [ "$dir" = "$(cd "$root/../shared/corpus" 2> /dev/null && pwd)" ] &&
  [ "${#files[@]} $bytes $list_sha" != "$expect_files $expect_bytes $expect_list_sha" ]; then
  echo "warning: the corpus sample changed (${#files[@]} files, $bytes bytes, list $list_sha);" \
    "figures are not comparable with earlier runs" >&2
fi

mkdir -p "$root/target/callgrind"
out=$root/target/callgrind/$(basename "$bin").$(date -u +%Y%m%dT%H%M%S).out
echo "callgrind over ${#files[@]} files ($bytes bytes) of $dir..." >&2
(cd "$dir" && valgrind --tool=callgrind --callgrind-out-file="$out" \
  "$bin" lint --no-config --no-progress --format json --jobs 1 "${files[@]}" > /dev/null 2> "$out.log") ||
  [ $? -eq 1 ] || die "factlint failed under valgrind: see $out.log"

ir=$(grep -m1 '^summary:' "$out" | awk '{ print $2 }')
echo "binary:        $bin"
echo "sample:        ${#files[@]} files, $bytes bytes (list sha256 ${list_sha:0:12})"
echo "instructions:  $ir Ir"
python3 -c "import sys; print(f'per byte:      {int(sys.argv[1]) / int(sys.argv[2]):.0f} Ir/byte')" "$ir" "$bytes"
echo "profile:       $out"
echo
echo "top 10 functions by inclusive cost (factlint's own, below the per-file entry point):"
# Real function entries only (callgrind_annotate tags them with the object file), not recursion
# cycles or inlined copies, and not the runner and thread frames every run goes through.
callgrind_annotate --inclusive=yes "$out" 2> /dev/null |
  grep -E ' \[[^]]*\]$' | grep -vE "'[0-9]" | grep -E ':[^ ]*factlint::' |
  grep -vE 'factlint::runner::lint_source|factlint::main' | head -10 |
  sed -E 's/ \[[^]]*\]$//; s#[^ ]*/src/#src/#'
