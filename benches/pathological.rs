//! The shapes of text that used to make factlint super-linear (issue 14), each at 10 KB, 100 KB
//! and 1 MB through the whole default rule set. Linear growth shows as a flat bytes-per-second
//! figure across the three sizes; the worst shape should stay under 100 ms per 100 KB.
//!
//! Run with `cargo bench --bench pathological`; `cargo bench --bench pathological -- quote_i`
//! runs one shape.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use factlint::{Settings, lint_source};

/// A distinct capitalized word for every `i` (`Bababa`, `Cababa`, …).
fn name(mut i: usize) -> String {
    const CONSONANTS: &[u8] = b"bcdfghjklmnprstvz";
    const VOWELS: &[u8] = b"aeiou";
    let mut word = String::new();
    for _ in 0..3 {
        word.push(CONSONANTS[i % CONSONANTS.len()] as char);
        word.push(VOWELS[(i / CONSONANTS.len()) % VOWELS.len()] as char);
        i /= CONSONANTS.len() * VOWELS.len();
    }
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The `i`-th repeat of a shape.
type Repeat = fn(usize) -> String;

/// The pathological shapes: a name, the file name it is linted under, and the `i`-th repeat.
const SHAPES: &[(&str, &str, Repeat)] = &[
    // ` "I` repeated, then ` x"` (Q002 compared every nested quotation with every other).
    ("quote_i", "a.md", |_| " \"I".to_owned()),
    // One paragraph repeating a phrase after one straight quote (Q002 `is_run_of` windows).
    ("phrase_one_quote", "a.md", |i| {
        format!(
            "{}the council said the plan works ",
            if i == 0 { "\"" } else { "" }
        )
    }),
    // Short paragraphs, each with an unclosed quote.
    ("unclosed_paragraphs", "a.md", |_| {
        "He said “we will go.\n\n".to_owned()
    }),
    // One paragraph of `He said “yes. ` (nested quotations to the end of the block).
    ("said_yes", "a.md", |_| "He said “yes. ".to_owned()),
    // Runs of one opening mark (Q001, P001's quotation titles).
    ("open_curly", "a.md", |_| "“".to_owned()),
    ("open_single", "a.md", |_| "‘".to_owned()),
    ("open_guillemet", "a.md", |_| "«".to_owned()),
    // Distinct capitalized names, one per sentence (P001's one-letter-slip index).
    ("distinct_names", "a.md", |i| {
        format!("Ann {} spoke. ", name(i))
    }),
    // Many quotations attributed to distinct speakers (Q002, Q003 candidate pairs).
    ("distinct_speakers", "a.md", |i| {
        format!("“We will go,” said {} {}. ", name(i), name(i * 7 + 3))
    }),
    // The same figure sentence, one per line of one paragraph (N001 sentence words).
    ("figure_lines", "a.md", |_| {
        "The city had a net population inflow of 136,000 last year.\n".to_owned()
    }),
    // The same figure sentence, one per paragraph.
    ("figure_paragraphs", "a.md", |_| {
        "The city had a net population inflow of 136,000 last year.\n\n".to_owned()
    }),
    // A run of `![` (the Markdown inline scan looked for `](` from every one).
    ("image_run", "a.md", |_| "![".to_owned()),
    // A run of `](` and of backtick runs of growing length (link targets, code spans).
    ("link_close_run", "a.md", |_| "](".to_owned()),
    ("backtick_runs", "a.md", |i| {
        format!("{} x ", "`".repeat(i % 64 + 1))
    }),
];

/// The text of `shape` repeated up to `size` bytes.
fn text_of(repeat: Repeat, size: usize, name: &str) -> String {
    let mut text = String::with_capacity(size + 64);
    let mut i = 0;
    while text.len() < size {
        text.push_str(&repeat(i));
        i += 1;
    }
    if name == "quote_i" {
        text.push_str(" x\"");
    }
    text
}

fn pathological(c: &mut Criterion) {
    let settings = Settings::default();
    let mut group = c.benchmark_group("pathological");
    group.sample_size(10);
    for &(name, path, repeat) in SHAPES {
        for size in [10_000, 100_000, 1_000_000] {
            let text = text_of(repeat, size, name);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(name, size), &text, |b, text| {
                b.iter(|| lint_source(path, text, &settings))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, pathological);
criterion_main!(benches);
