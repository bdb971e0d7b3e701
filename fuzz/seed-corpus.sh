#!/bin/sh
# Build the seed corpus of every fuzz target from the project's own fixtures (testdata/), so the
# fuzzer starts from real article shapes. Run from anywhere; writes fuzz/corpus/<target>/.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
for target in lint_file parse extract_quotes extract_names extract_numbers extract_dates; do
    mkdir -p "$here/corpus/$target"
done
find "$here/../testdata" -type f \( -name '*.md' -o -name '*.txt' \) | while read -r fixture; do
    name=$(printf '%s' "$fixture" | sed "s|$here/../testdata/||; s|/|_|g")
    for target in parse extract_quotes extract_names extract_numbers extract_dates; do
        cp "$fixture" "$here/corpus/$target/$name"
    done
    # lint_file reads its first byte as the syntax: even for Markdown, odd for plain text.
    { printf 'b'; cat "$fixture"; } > "$here/corpus/lint_file/md-$name"
    { printf 'a'; cat "$fixture"; } > "$here/corpus/lint_file/txt-$name"
done
echo "seeded $(ls "$here/corpus/lint_file" | wc -l) inputs per target (lint_file: both syntaxes)"
