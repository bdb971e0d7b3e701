#!/usr/bin/env bash
# Wall time, throughput and peak memory of a full factlint run over a folder of articles.
# Usage: scripts/corpus-bench.sh [DIR] (default: ../shared/corpus, when it exists)
set -euo pipefail
dir=${1:-../shared/corpus}
if [ ! -d "$dir" ]; then
  echo "no corpus at $dir: pass a folder of articles" >&2
  exit 2
fi
cargo build --release --quiet
bin=target/release/factlint
bytes=$(find "$dir" -type f \( -name '*.md' -o -name '*.markdown' -o -name '*.txt' \) -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
files=$(find "$dir" -type f \( -name '*.md' -o -name '*.markdown' -o -name '*.txt' \) | wc -l)
"$bin" lint --no-config --format json "$dir" > /dev/null || true   # warm the page cache
for jobs in "" 1; do
  args=(lint --no-config --format json)
  if [ -n "$jobs" ]; then args+=(--jobs "$jobs"); fi
  out=$( { /usr/bin/time -f '%e %M' "$bin" "${args[@]}" "$dir" > /dev/null || true; } 2>&1 | tail -1)
  secs=${out% *}
  rss_kb=${out#* }
  mbps=$(python3 -c "print(f'{$bytes / 1e6 / max($secs, 0.01):.0f}')")
  echo "jobs=${jobs:-all} files=$files bytes=$bytes wall=${secs}s throughput=${mbps}MB/s peak_rss=$((rss_kb / 1024))MB"
done
