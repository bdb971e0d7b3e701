//! Throughput of each stage of the pipeline on one news story written for this project
//! (`benches/articles/water-board-budget.md`, 2.9 KB of figures, dates, names and quotations),
//! in bytes of the article per second.
//!
//! - `parse`: front matter, Markdown blocks, entities, block roles.
//! - `extract/<family>`: one extractor over the parsed article (sentences first, as the
//!   extractors read them; `quotes+speakers` with quote attribution); `extract/article` is all of them, as [`Article::build`] runs them.
//! - `lint`: [`lint_source`] with the default rule set, as the command line runs one file; once
//!   for the story and once for its body repeated 32 times (90 KB), to show per-byte cost on
//!   a long file.
//!
//! Run with `cargo bench --bench lint`; `cargo bench --bench lint -- extract/` runs one group.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use factlint::document::Article;
use factlint::extract::{dates, names, numbers, quotes};
use factlint::parse::{self, Syntax};
use factlint::text::Tokens;
use factlint::{Settings, lint_source};

const ARTICLE: &str = include_str!("articles/water-board-budget.md");
const PATH: &str = "water-board-budget.md";

fn parse_article(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    group.bench_function("markdown", |b| {
        b.iter(|| parse::parse(black_box(ARTICLE), Syntax::Markdown))
    });
    group.finish();
}

fn extract_families(c: &mut Criterion) {
    let (parsed, _) = parse::parse(ARTICLE, Syntax::Markdown);
    let text = parsed.analysis_text(ARTICLE);
    let blocks: Vec<parse::Block> = parsed
        .blocks
        .iter()
        .filter(|block| parse::RoleSet::ARTICLE.contains(block.role))
        .cloned()
        .collect();
    let (tokens, sentences) = Tokens::build(text, &blocks);

    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes(ARTICLE.len() as u64));
    group.bench_function("tokens and sentences", |b| {
        b.iter(|| Tokens::build(black_box(text), &blocks))
    });
    group.bench_function("quotes", |b| {
        b.iter(|| quotes::extract(black_box(text), &blocks, &Tokens::default(), false))
    });
    group.bench_function("quotes+speakers", |b| {
        b.iter(|| quotes::extract(black_box(text), &blocks, &tokens, true))
    });
    group.bench_function("names", |b| {
        b.iter(|| names::extract(black_box(text), &blocks, &tokens))
    });
    group.bench_function("dates", |b| {
        b.iter(|| dates::extract(black_box(&tokens), &sentences, dates::DateOrder::Auto, None))
    });
    group.bench_function("numbers", |b| {
        b.iter(|| numbers::extract(black_box(text), &tokens, &sentences))
    });
    group.bench_function("article", |b| {
        b.iter(|| {
            Article::build(
                PATH,
                black_box(text),
                Syntax::Markdown,
                parsed.clone(),
                None,
                dates::DateOrder::Auto,
            )
        })
    });
    group.finish();
}

fn lint_whole(c: &mut Criterion) {
    let settings = Settings::default();
    let mut group = c.benchmark_group("lint");
    // The long file is the front matter once and the story's body 32 times.
    let body_start = ARTICLE[4..].find("---\n").map_or(0, |i| i + 8);
    let (front_matter, body) = ARTICLE.split_at(body_start);
    for repeat in [1usize, 32] {
        let text = format!("{front_matter}{}", body.repeat(repeat));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("article x{repeat}"), |b| {
            b.iter(|| lint_source(PATH, black_box(&text), &settings))
        });
    }
    group.finish();
}

criterion_group!(benches, parse_article, extract_families, lint_whole);
criterion_main!(benches);
