#!/usr/bin/env bash
# Run the default rules over a corpus of real articles and print every hit with hits per 20
# articles, for reading false positives. Usage: scripts/corpus-check.sh [DIR] [--select RULES]
set -euo pipefail
dir=${1:-../shared/corpus}
shift || true
if [ ! -d "$dir" ]; then
  echo "no corpus at $dir: pass a folder of articles" >&2
  exit 2
fi
cargo build --release --quiet
out=$(target/release/factlint lint --no-config --no-progress --format concise "$@" "$dir" || true)
printf '%s\n' "$out" | grep -v '^Found \|^No problems' || true
articles=$(find "$dir" -type f \( -name '*.md' -o -name '*.markdown' -o -name '*.txt' \) ! -name SOURCE.md | wc -l)
hits=$(printf '%s\n' "$out" | grep -v '/SOURCE.md:' | grep -c ': [A-Z][0-9][0-9][0-9] ' || true)
python3 -c "print(f'{$hits} hits in {$articles} articles: {$hits * 20 / $articles:.2f} per 20, {$hits * 50 / $articles:.2f} per 50')"
