//! The dates family end to end: the article date and the cost of date extraction.

#![allow(clippy::unwrap_used)] // a test that cannot unwrap has failed

mod shared_files;

use std::time::Instant;

use factlint::extract::dates;
use factlint::parse::{Syntax, parse};
use factlint::{Settings, lint_source};

fn extract(text: &str) -> dates::Dates {
    let (parsed, _) = parse(text, Syntax::Plain);
    let (tokens, sentences) = factlint::text::Tokens::build(text, &parsed.blocks);
    dates::extract(&tokens, &sentences, dates::DateOrder::Auto, None)
}

#[test]
fn the_dateline_gives_the_article_date() {
    let mut settings = Settings::default();
    settings.default_date = None;
    // The dateline says Nov. 27, 2026, a Friday: yesterday was a Thursday.
    let text =
        "LONDON, Nov. 27, 2026 (Reuters) - The bank said yesterday (Tuesday) it would cut jobs.\n";
    let (diagnostics, errors) = lint_source("story.txt", text, &settings);
    assert!(errors.is_empty(), "internal errors: {errors:?}");
    assert!(diagnostics.iter().any(|d| d.code == "D006"));
    // Front matter wins over the dateline.
    let text = "---\ndate: 2026-11-25\n---\nLONDON, Nov. 27, 2026 (Reuters) - The bank said yesterday (Tuesday) it would cut jobs.\n";
    // (A D006 that failed internally would raise nothing too: the errors must be empty.)
    let (diagnostics, errors) = lint_source("story.md", text, &settings);
    assert!(errors.is_empty(), "internal errors: {errors:?}");
    assert!(!diagnostics.iter().any(|d| d.code == "D006"));
}

#[test]
fn the_seed_raises_no_date_findings() {
    let Some(text) = shared_files::seed() else {
        return;
    };
    let (diagnostics, errors) = lint_source("seed.txt", &text, &Settings::default());
    assert!(errors.is_empty(), "internal errors: {errors:?}");
    let dates: Vec<_> = diagnostics
        .iter()
        .filter(|d| d.code.starts_with('D'))
        .collect();
    assert!(dates.is_empty(), "{dates:?}");
}

/// Extraction cost grows linearly: an article repeated 1,000 times takes about 1,000 times as
/// long as the article once. Run with `cargo test --release --test dates -- --ignored --nocapture`.
#[test]
#[ignore = "a timing, not a check"]
fn extraction_is_near_linear() {
    let article = "Taoxichuan, which opened in 2016, drew crowds on Thursday, Nov. 26, 2026. \
        The Ming Dynasty (1368-1644) built kilns; in 1404, an emperor of the Ming Dynasty \
        ordered more. The two-day forum, Nov. 27-28, marked the 10th anniversary of \
        Taoxichuan. Li Wei, 30, was born in 1996. The museum was founded in 2000, 26 years \
        ago. The council voted yesterday (Friday), and the fair opened last Saturday.\n\n";
    let once = article.repeat(10);
    let many = article.repeat(10_000);
    let time = |text: &str, rounds: u32| {
        let start = Instant::now();
        for _ in 0..rounds {
            std::hint::black_box(extract(text));
        }
        start.elapsed().as_secs_f64() / f64::from(rounds)
    };
    let small = time(&once, 200);
    let large = time(&many, 1);
    println!(
        "once: {:.3} ms, 1000x: {:.1} ms, ratio {:.0}",
        small * 1e3,
        large * 1e3,
        large / small
    );
}

proptest::proptest! {
    /// Date-heavy random copy, with and without an article date, never makes a rule fail.
    #[test]
    fn date_rules_never_fail(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "Thursday,", "Nov.", "28,", "2026", "(1644-1368)", "Ming", "Dynasty", "in",
                "1404,", "of", "the", "two-day", "Nov. 27-29", "Feb. 30", "31", "April",
                "yesterday", "(Friday)", "last", "Saturday,", "next", "Dec.", "1-5", "BC",
                "25", "years", "ago", "Li", "Wei,", "30,", "was", "born", "opened", "founded",
                "10th", "anniversary", "Taoxichuan's", "2026-13-01", "2000", "GMT", "1987/88",
                "9/11", "from", "to", "between", "and", "-", "–", ".", "\n\n", "é", "’s",
            ]),
            0..60,
        ),
        dated in proptest::bool::ANY,
    ) {
        let text = words.join(" ");
        let mut settings = Settings::default();
        settings.default_date = dated.then(|| jiff::civil::date(2026, 11, 28));
        let (diagnostics, errors) = lint_source("random.txt", &text, &settings);
        proptest::prop_assert!(errors.is_empty(), "{errors:?}");
        for d in diagnostics {
            proptest::prop_assert!(d.span.end as usize <= text.len());
            proptest::prop_assert!(text.is_char_boundary(d.span.start as usize));
            proptest::prop_assert!(text.is_char_boundary(d.span.end as usize));
        }
    }
}
