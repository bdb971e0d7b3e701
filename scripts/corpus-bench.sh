#!/usr/bin/env bash
# factlint beside cat, wc -w and typos over the same copy of a folder of articles.
#
# Usage: scripts/corpus-bench.sh [DIR] [SIZE_MB]
#   DIR      folder of articles (default: ../shared/corpus next to the checkout, when it exists)
#   SIZE_MB  replicate DIR's articles into a working copy of about this size (default: 500)
#
# The working copy lives in $TMPDIR (default /tmp) and is removed on exit. It holds only the
# files factlint reads in a directory walk (*.md, *.markdown, *.txt, no README/SOURCE/... project
# files, nothing hidden), so every tool reads the same bytes. The page cache is warmed first, then
# each tool runs once; wall time, CPU time and peak RSS come from /usr/bin/time. The load average
# before the first run is printed with the table: on a busy machine, compare CPU seconds (the
# MB/CPU s column: megabytes per second of user and system time).
#
# FACTLINT=path/to/factlint measures that binary instead of building this checkout's release.
set -euo pipefail

usage() {
  sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
}
die() {
  echo "corpus-bench: $*" >&2
  exit 2
}

case "${1:-}" in -h | --help) usage ;; esac
[ $# -le 2 ] || usage

root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ge 1 ]; then
  dir=$1
else
  dir=$root/../shared/corpus
  [ -d "$dir" ] || die "no default corpus at $dir: pass a folder of articles (scripts/corpus-bench.sh DIR [SIZE_MB])"
fi
size_mb=${2:-500}
[ -d "$dir" ] || die "not a folder: $dir"
[[ $size_mb =~ ^[0-9]+$ ]] && [ "$size_mb" -ge 1 ] || die "SIZE_MB must be a whole number of megabytes, at least 1 (got '$size_mb')"
[ -x /usr/bin/time ] || die "needs GNU time at /usr/bin/time (apt-get install time)"
dir=$(cd "$dir" && pwd)

if [ -n "${FACTLINT:-}" ]; then
  factlint=$(realpath "$FACTLINT")
  [ -x "$factlint" ] || die "FACTLINT is not an executable: $FACTLINT"
else
  echo "building factlint (release)..." >&2
  (cd "$root" && cargo build --release --locked --quiet)
  factlint=$root/target/release/factlint
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/factlint-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The article files of DIR, as factlint's walk would pick them.
(cd "$dir" && find . -path '*/.*' -prune -o -type f \
  \( -name '*.md' -o -name '*.markdown' -o -name '*.txt' \) -print0 |
  grep -zviE '/(readme|changelog|changes|history|license|licence|copying|contributing|code_of_conduct|code-of-conduct|security|authors|notice|source|sources)(\.[^/]*)?$' \
    > "$work/list") || true
one_bytes=$( (cd "$dir" && du -cb --files0-from="$work/list" 2> /dev/null) | tail -1 | cut -f1)
[ "${one_bytes:-0}" -gt 0 ] || die "no articles (*.md, *.markdown, *.txt) under $dir"

copies=$(((size_mb * 1000000 + one_bytes - 1) / one_bytes))
need_kb=$((one_bytes * copies / 1024 + 1024))
free_kb=$(df -Pk "$work" | awk 'NR == 2 { print $4 }')
[ "$free_kb" -gt "$need_kb" ] || die "needs $((need_kb / 1024)) MB free in ${TMPDIR:-/tmp}, has $((free_kb / 1024)) MB (pass a smaller SIZE_MB or set TMPDIR)"

echo "copying $dir x$copies into $work..." >&2
mkdir "$work/copy" "$work/copy/1"
(cd "$dir" && tar --null -T "$work/list" -cf - | tar -C "$work/copy/1" -xf -)
for i in $(seq 2 "$copies"); do cp -r "$work/copy/1" "$work/copy/$i"; done
corpus=$work/copy
(cd "$corpus" && find . -type f -print0 > "$work/files")
files=$(tr -cd '\0' < "$work/files" | wc -c)
bytes=$((one_bytes * copies))

# Warm the page cache: every file read once before anything is timed.
(cd "$corpus" && xargs -0 -a "$work/files" cat > /dev/null)

load=$(cut -d' ' -f1-3 /proc/loadavg 2> /dev/null || echo unknown)

# run NAME COMMAND...: time COMMAND once from inside the copy, output discarded.
results=()
run() {
  local name=$1
  shift
  local out status
  status=0
  (cd "$corpus" && /usr/bin/time -o "$work/time" -f '%e %U %S %M' "$@" > /dev/null 2> "$work/stderr") || status=$?
  out=$(tail -1 "$work/time")
  case "$out" in
    *[!0-9.\ ]* | "") die "$name failed (exit $status): $(head -3 "$work/stderr")" ;;
  esac
  results+=("$name|$out|$status")
}

lint=("$factlint" lint --no-config --no-progress --format json .)
run "factlint (all rules)" "${lint[@]}"
run "factlint --jobs 1" "${lint[@]}" --jobs 1
run "factlint --select Q001" "${lint[@]}" --select Q001
run "cat" xargs -0 -a "$work/files" cat
# One wc process over every file, counting UTF-8 words.
run "wc -w" env LC_ALL=C.UTF-8 wc -w --files0-from="$work/files"
if command -v typos > /dev/null; then
  run "typos" typos --format brief .
else
  typos_note="typos: not installed, row skipped (cargo install typos-cli)"
fi

wc_wall=$(for r in "${results[@]}"; do if [ "${r%%|*}" = "wc -w" ]; then echo "$r" | cut -d'|' -f2 | cut -d' ' -f1; fi; done)
all_wall=$(echo "${results[0]}" | cut -d'|' -f2 | cut -d' ' -f1)

echo
echo "$files files, $((bytes / 1000000)) MB ($copies copies of $dir), $(nproc) cores, load average $load, $(date -u +%Y-%m-%d)"
echo "factlint: $factlint ($("$factlint" --version))"
echo
printf '| %-22s | %7s | %7s | %7s | %7s | %9s | %7s | %8s | %7s |\n' \
  tool "wall s" "user s" "sys s" "MB/s" "MB/CPU s" "files/s" "peak RSS" "x wc -w"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' \
  "------------------------" "--------:" "--------:" "--------:" "--------:" "----------:" "--------:" "---------:" "--------:"
for r in "${results[@]}"; do
  IFS='|' read -r name times status <<< "$r"
  read -r wall user sys rss_kb <<< "$times"
  python3 - "$name" "$wall" "$user" "$sys" "$rss_kb" "$bytes" "$files" "$wc_wall" << 'EOF'
import sys
name, wall, user, sys_, rss_kb, size, files, wc = sys.argv[1:]
wall, user, sys_, wc = float(wall), float(user), float(sys_), float(wc)
w = max(wall, 0.01)
mb = int(size) / 1e6
print(f"| {name:<22} | {wall:7.2f} | {user:7.2f} | {sys_:7.2f} | {mb / w:7.1f} "
      f"| {mb / max(user + sys_, 0.01):9.1f} | {int(files) / w:7.0f} | {int(rss_kb) / 1024:5.0f} MB "
      f"| {wall / max(wc, 0.01):7.1f} |")
EOF
done
echo
if [ -n "${typos_note:-}" ]; then echo "$typos_note"; fi
python3 -c "import sys; print(f'factlint (all rules) / wc -w wall: {float(sys.argv[1]) / max(float(sys.argv[2]), 0.01):.1f}x')" "$all_wall" "$wc_wall"
for r in "${results[@]}"; do
  IFS='|' read -r name _ status <<< "$r"
  case "$name:$status" in
    factlint*:0 | factlint*:1 | typos:0 | typos:2 | cat:0 | "wc -w:0") ;;
    *) echo "note: $name exited with status $status" ;;
  esac
done
