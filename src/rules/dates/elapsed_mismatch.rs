//! D005: elapsed years, ages and anniversaries that disagree with the years they count from.

use std::collections::HashMap;

use jiff::civil::Date;

use crate::document::Article;
use crate::extract::dates::{EventKind, index_by};
use crate::rules::dates::written;
use crate::rules::{Check, Context, declare_rule};

/// D005 elapsed-mismatch.
#[derive(Debug, Default)]
pub struct ElapsedMismatch;

declare_rule! {
    /// ## What it checks
    /// Counts of years that disagree with the years they count from, given the article date:
    /// `N years ago` tied to a year (`in 2000, 26 years ago`) or to an event the article dates
    /// (`Taoxichuan opened in 2016` … `Taoxichuan opened 12 years ago`); a person's age against
    /// the year they were born (`Li, 30,` … `Li was born in 1990`), which may be one less before
    /// the birthday; and `the Nth anniversary` of an event the article dates. Hedged counts
    /// (`nearly`, `about`, `more than`) and anniversaries may be off by one. Without an article
    /// date (front matter, dateline, `--date` or the config) the rule stays silent.
    ///
    /// ## Why it matters
    /// Elapsed years are computed by the writer, often from an old draft; a story republished a
    /// year later keeps its "25 years ago" while the years move on.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// date: 2026-11-28
    /// ---
    /// The museum was founded in 2000, 25 years ago.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ---
    /// date: 2026-11-28
    /// ---
    /// The museum was founded in 2000, 26 years ago.
    /// ```
    ///
    /// ## Options
    /// None.
    ElapsedMismatch {
        code: "D005",
        name: "elapsed-mismatch",
        category: Dates,
        severity: Error,
        summary: "years ago, an age or an anniversary that disagrees with its year",
        layers: [Dates, ArticleDate],
    }
}

fn last_word(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

impl Check for ElapsedMismatch {
    fn check(&self, article: &Article, cx: &mut Context) {
        let Some(today) = article.date else {
            return;
        };
        years_ago(article, today, cx);
        ages_against_births(article, today, cx);
        anniversaries(article, today, cx);
    }
}

/// `N years ago` against the year it counts from.
fn years_ago(article: &Article, today: Date, cx: &mut Context) {
    let now = i64::from(today.year());
    let dates = &article.dates;
    let text = article.text;
    let mut first_event = HashMap::new();
    for event in &dates.events {
        first_event.entry(&event.key).or_insert(event);
    }
    for ago in &dates.ago {
        let from = ago.year.or_else(|| {
            let event = first_event.get(ago.event.as_ref()?)?;
            Some((event.year, event.year_span))
        });
        let Some((year, year_span)) = from else {
            continue;
        };
        let expected = now - i64::from(year);
        let said = i64::from(ago.years);
        let tolerance = i64::from(ago.hedged);
        if expected >= 0 && (said - expected).abs() > tolerance {
            cx.report(
                ago.span,
                format!(
                    "`{}` does not fit {year}: in {now} that was {expected} years ago",
                    written(text, ago.span)
                ),
            )
            .label(year_span, "the year")
            .help("recount from the year, or check the year");
        }
    }
}

/// A person's age against the birth year the article gives.
fn ages_against_births(article: &Article, today: Date, cx: &mut Context) {
    let now = i64::from(today.year());
    let dates = &article.dates;
    let births = index_by(&dates.events, |e: &crate::extract::dates::Event| {
        (e.key.kind == EventKind::Born).then(|| e.key.entity.clone())
    });
    for age in &dates.ages {
        // The full name, else the surname, else a family name written first (`Li Wei`).
        let first_word = age.person.split(' ').next().unwrap_or(&age.person);
        let Some(born) = [age.person.as_str(), last_word(&age.person), first_word]
            .iter()
            .find_map(|key| births.get(*key))
            .and_then(|list| list.first())
            .and_then(|&i| dates.events.get(i))
        else {
            continue;
        };
        let full = i64::from(today.year()) - i64::from(born.year);
        let allowed: Vec<i64> = match born.day {
            Some((month, day)) => {
                let before_birthday = (today.month(), today.day()) < (month, day);
                vec![full - i64::from(before_birthday)]
            }
            None => vec![full - 1, full],
        };
        let said = i64::from(age.years);
        if !allowed.contains(&said) && full > 0 {
            let expected = match allowed.as_slice() {
                [one] => one.to_string(),
                _ => format!("{} or {}", full - 1, full),
            };
            cx.report(
                age.span,
                format!(
                    "the age of {} is given as {said} here, but someone born in {} is {expected} in {now}",
                    age.person, born.year
                ),
            )
            .label(born.year_span, "born here")
            .help("check the age and the birth year against the source");
        }
    }
}

/// `the 50th anniversary` against the year of the event.
fn anniversaries(article: &Article, today: Date, cx: &mut Context) {
    let now = i64::from(today.year());
    let dates = &article.dates;
    let text = article.text;
    let mut starts = HashMap::new();
    for event in dates
        .events
        .iter()
        .filter(|e| e.key.kind.starts_anniversaries())
    {
        starts.entry(event.key.entity.as_str()).or_insert(event);
    }
    for anniversary in &dates.anniversaries {
        let from = anniversary.year.or_else(|| {
            let event = starts.get(anniversary.entity.as_deref()?)?;
            Some((event.year, event.year_span))
        });
        let Some((year, year_span)) = from else {
            continue;
        };
        let expected = now - i64::from(year);
        let said = i64::from(anniversary.ordinal);
        if expected > 0 && (said - expected).abs() > 1 {
            cx.report(
                anniversary.span,
                format!(
                    "`{}` does not fit {year}: {now} is the {} year since",
                    written(text, anniversary.span),
                    ordinal(expected)
                ),
            )
            .label(year_span, "the year")
            .help("recount the anniversary from the year of the event");
        }
    }
}

fn ordinal(n: i64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    fn codes(text: &str) -> Vec<&'static str> {
        crate::testing::codes_dated(text, jiff::civil::date(2026, 11, 28))
    }

    #[test]
    fn quick_cases() {
        let fails = [
            "The museum was founded in 2000, 25 years ago.",
            "Li Wei, 35, spoke. Li was born in 1996 in Wuhan.",
            "Taoxichuan opened in 2016. It marks Taoxichuan's 12th anniversary.",
        ];
        let passes = [
            "The museum was founded in 2000, 26 years ago.",
            "Li Wei, 30, spoke. Li was born in 1996 in Wuhan.",
            "Li Wei, 30, spoke. Li was born in 1995 in Wuhan.",
            "Taoxichuan opened in 2016. It marks Taoxichuan's 10th anniversary.",
            "The museum was founded in 2000, nearly 27 years ago.",
        ];
        for text in fails {
            assert!(codes(text).contains(&"D005"), "{text}");
        }
        for text in passes {
            assert!(!codes(text).contains(&"D005"), "{text}");
        }
    }
}
