//! D003: a range that runs backwards, or a duration word that disagrees with its dates.

use jiff::civil::Date;

use crate::document::Article;
use crate::extract::dates::{RangeForm, TimeUnit, index_by};
use crate::lexicon::{self, Class};
use crate::rules::dates::{days_between, most_days_in, written};
use crate::rules::{Check, Context, declare_rule};
use crate::source::Span;

/// D003 range-mismatch.
#[derive(Debug, Default)]
pub struct RangeMismatch;

declare_rule! {
    /// ## What it checks
    /// A range of years or days that runs backwards, and a duration word that disagrees with the
    /// dates it describes in the same sentence (`the two-day forum, Nov. 27-29` lasts three
    /// days). The forms read:
    /// - years with a dash: `(1644-1368)`, `475-221 BC` (BC ranges count down);
    /// - seasons and fiscal years with two-digit ends: `the 2016-15 season` runs backwards,
    ///   `1999-00` turns the century, `2016-05` may be a year and its month and is let be;
    /// - seasons with a word that makes them one: `the 2009-08 season`, `fiscal 2009-08` and
    ///   `the 2019/18 season` run backwards (without such a word `2009-08` and `1987/88` are
    ///   let be);
    /// - `between 2016 and 2012`, and `from 2016 to 2012` (also `until`, `till`, `through`);
    ///   a sentence with a verb that changes a date (`moved`, `postponed`, `brought forward`,
    ///   `cut`, `raised`) holds a change of a `from` range, not a range; in a sentence that names a moment a plan
    ///   sets (`an end to sales from 2040 to 2035`, `the deadline`, `the ban`) a `from` range
    ///   counts only after a verb of lasting (`ruled`, `served`) or when it ends before the
    ///   article's year; right after a word of a fall (`the count dropped from 2016 to 2012`)
    ///   the two numbers may be quantities and are let be, and an end year that modifies a noun
    ///   of comparison (`between 2015 and 2012 levels`, `2012 dollars`) compares two years;
    /// - days with a dash: `Nov. 29-27`, `January 10 – 1, 2016`, `Nov. 30-Dec. 2`, `10-12
    ///   July`, `30 January – 2 February 2016`, `February 2 – January 30, 2016`;
    /// - days in words: `from May 14 to May 10`, `from May 14 to 10`, `from 14 to 10 June`,
    ///   `between 22 October 2020 and 2 November 2018`; such a range may run round the year
    ///   (`from October 1 to March 31`), so without two years it runs backwards only within
    ///   one month, and a verb that moves a date (`moved from May 12 to May 5`) makes it a
    ///   change.
    ///
    /// A duration of years may count its end year or not (`a five-year plan, 2021-2025`), and
    /// trade statistics' ten-day periods end with the month (`the ten-day March 21-31 period`).
    /// Without a year, a range of days across the end of February is not counted.
    ///
    /// Photo captions and explainer boxes are checked too; embedded posts are not.
    ///
    /// ## Why it matters
    /// A backwards range is a transposed digit or a swapped pair; a duration that disagrees with
    /// its dates leaves the reader unsure which one to trust.
    ///
    /// ## Example
    /// ```markdown
    /// The two-day forum, Nov. 27-29, drew 300 delegates.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// The three-day forum, Nov. 27-29, drew 300 delegates.
    /// ```
    ///
    /// ## Options
    /// None.
    RangeMismatch {
        code: "D003",
        name: "range-mismatch",
        category: Dates,
        severity: Error,
        summary: "a date range that runs backwards, or a duration that disagrees with its dates",
        layers: [Dates, ArticleDate],
        roles: crate::rules::dates::WRITTEN_HERE,
    }
}

/// Whether the range stands next to the duration (`the two-day forum, Nov. 27-29`, `the
/// five-year plan (2021-2025)`), with a few words at most between them and no clause break.
fn in_apposition(text: &str, duration: Span, range: Span) -> bool {
    let gap = if duration.end <= range.start {
        text.get(duration.end as usize..range.start as usize)
    } else if range.end <= duration.start {
        text.get(range.end as usize..duration.start as usize)
    } else {
        None
    };
    let Some(gap) = gap else {
        return false;
    };
    gap.len() <= 30
        && !gap.contains(['.', ';', ':'])
        && !gap
            .split(|c: char| !c.is_alphabetic())
            .any(|w| lexicon::is(w, Class::CLAUSE_WORD))
}

/// How many days a range of days covers, both ends counted, in `year` (the year of its first
/// day; a range from December to January ends in the next one). Without a year, only when
/// leap and common years agree: a range across the end of February is left alone.
fn days_spanned(start: (i8, i8), end: (i8, i8), year: Option<i16>) -> Option<i64> {
    let in_year = |year: i16| -> Option<i64> {
        let end_year = if start.0 == 12 && end.0 == 1 {
            year + 1
        } else {
            year
        };
        let first = Date::new(year, start.0, start.1).ok()?;
        let last = Date::new(end_year, end.0, end.1).ok()?;
        Some(days_between(first, last) + 1)
    };
    match year {
        Some(year) => in_year(year),
        None => {
            // Day counts within the year, for a common and a leap year.
            let day_of_year = |(month, day): (i8, i8), leap: bool| -> Option<i64> {
                if !(1..=12).contains(&month) || day < 1 || day > most_days_in(month) {
                    return None;
                }
                let before: i64 = (1..month)
                    .map(|m| i64::from(most_days_in(m)) - i64::from(m == 2 && !leap))
                    .sum();
                Some(before + i64::from(day))
            };
            let span = |leap: bool| -> Option<i64> {
                let first = day_of_year(start, leap)?;
                let last = day_of_year(end, leap)?;
                let length = if leap { 366 } else { 365 };
                let last = if start.0 == 12 && end.0 == 1 {
                    last + length
                } else {
                    last
                };
                Some(last - first + 1)
            };
            let common = span(false)?;
            (span(true)? == common).then_some(common)
        }
    }
}

/// Whether a day is the last of its month (in `year`; without one, in some year).
fn ends_month((month, day): (i8, i8), year: Option<i16>) -> bool {
    match year.and_then(|y| Date::new(y, month, 1).ok()) {
        Some(first) => day == first.days_in_month(),
        None => day == most_days_in(month) || (month == 2 && day == 28),
    }
}

impl Check for RangeMismatch {
    fn check(&self, article: &Article, cx: &mut Context) {
        backwards_year_ranges(article, cx);
        backwards_day_ranges(article, cx);
        durations_against_ranges(article, cx);
    }
}

/// Year ranges that end before they start.
fn backwards_year_ranges(article: &Article, cx: &mut Context) {
    let text = article.text;
    for range in &article.dates.year_ranges {
        // `from 2040 to 2035` is often a date moved without a verb that says so (`an end to
        // sales from 2040 to 2035`): a range read with `from` in a sentence that names such
        // a moment counts only after a verb of lasting, or when it ends in the past of the
        // article. After a word of a fall (`dropped from 2016 to 2012`) the two numbers may
        // be quantities.
        let past = article
            .date
            .is_some_and(|d| range.end <= i32::from(d.year()));
        let counts = match range.form {
            RangeForm::Dash | RangeForm::Season => true,
            // `between … and …` is a span even beside a verb of change (`a cut of 20,000
            // jobs between 1986 and 1989`).
            RangeForm::Between => true,
            RangeForm::FromTo => {
                !range.changed && !range.falls && (range.governed || past || !range.point_in_time)
            }
        };
        if counts && range.start > range.end {
            cx.report(
                range.span,
                format!("the range `{}` runs backwards", written(text, range.span)),
            )
            .help("put the earlier year first; for years BC, write the era (`475-221 BC`)");
        }
    }
}

/// Day ranges that end before they start.
fn backwards_day_ranges(article: &Article, cx: &mut Context) {
    let text = article.text;
    for range in &article.dates.day_ranges {
        let wraps_year = range.start.0 == 12 && range.end.0 == 1;
        // A range in words may run round the year (`from October 1 to March 31`): only one
        // that ends before it starts within its month runs backwards.
        let backwards = if range.spelled {
            !range.changed
                && match (range.start_year, range.year) {
                    (Some(first), Some(last)) => first > last,
                    (Some(_), None) => false,
                    _ => range.start.0 == range.end.0 && range.start.1 > range.end.1,
                }
        } else {
            range.start > range.end && !wraps_year
        };
        if backwards {
            cx.report(
                range.span,
                format!("the range `{}` runs backwards", written(text, range.span)),
            )
            .help("put the earlier day first");
        }
    }
}

/// A duration against the one range of its sentence (`the three-day festival, May 2-6`).
fn durations_against_ranges(article: &Article, cx: &mut Context) {
    let dates = &article.dates;
    let text = article.text;
    let durations = index_by(&dates.durations, |d| {
        (d.modifier && !d.hedged && d.amount >= 1).then_some(d.sentence)
    });
    let day_ranges = index_by(&dates.day_ranges, |r| Some(r.sentence));
    let year_ranges = index_by(&dates.year_ranges, |r| {
        matches!(r.form, RangeForm::Dash | RangeForm::Between).then_some(r.sentence)
    });
    let mut sentences: Vec<&usize> = durations.keys().collect();
    sentences.sort_unstable();
    for sentence in sentences {
        let Some([only]) = durations.get(sentence).map(Vec::as_slice) else {
            continue;
        };
        let Some(duration) = dates.durations.get(*only) else {
            continue;
        };
        match duration.unit {
            TimeUnit::Day => {
                let Some([r]) = day_ranges.get(sentence).map(Vec::as_slice) else {
                    continue;
                };
                let Some(range) = dates.day_ranges.get(*r) else {
                    continue;
                };
                if range.start_year.is_some() || !in_apposition(text, duration.span, range.span) {
                    continue;
                }
                let year = range.year.or(article.date.map(|d| d.year()));
                let Some(days) = days_spanned(range.start, range.end, year) else {
                    continue;
                };
                // Trade statistics count months in ten-day periods, the last running from
                // the 21st to the month's end (`the ten-day March 21-31 period`).
                let dekad = duration.amount == 10
                    && range.start.0 == range.end.0
                    && range.start.1 == 21
                    && ends_month(range.end, year);
                if days >= 1 && days != i64::from(duration.amount) && !dekad {
                    cx.report(
                        duration.span,
                        format!(
                            "`{}` does not fit `{}`, which spans {days} days",
                            written(text, duration.span),
                            written(text, range.span)
                        ),
                    )
                    .label(range.span, "the dates")
                    .help("count both the first and the last day, or fix the dates");
                }
            }
            TimeUnit::Year if duration.amount >= 2 => {
                let Some([r]) = year_ranges.get(sentence).map(Vec::as_slice) else {
                    continue;
                };
                let Some(range) = dates.year_ranges.get(*r) else {
                    continue;
                };
                if !in_apposition(text, duration.span, range.span) || range.start > range.end {
                    continue;
                }
                let years = i64::from(range.end) - i64::from(range.start);
                let amount = i64::from(duration.amount);
                if amount != years && amount != years + 1 {
                    cx.report(
                        duration.span,
                        format!(
                            "`{}` does not fit `{}`, which spans {} years",
                            written(text, duration.span),
                            written(text, range.span),
                            years + 1
                        ),
                    )
                    .label(range.span, "the years")
                    .help("make the duration agree with the years");
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::codes_in;

    #[test]
    fn quick_cases() {
        let fails = [
            "The Ming Dynasty (1644-1368) built the walls.",
            "The two-day forum, Nov. 27-29, drew crowds.",
            "The meetings run Nov. 29-27 in Beijing.",
            "Prices rose between 2016 and 2012.",
        ];
        let passes = [
            "The Ming Dynasty (1368-1644) built the walls.",
            "The three-day forum, Nov. 27-29, drew crowds.",
            "The Warring States period (475-221 BC) ended.",
            "The budget for fiscal 2025-26 was passed.",
            "The launch was moved from 2029 to 2021.",
            "The five-year plan (2021-2025) was adopted.",
        ];
        for text in fails {
            assert!(codes_in(text).contains(&"D003"), "{text}");
        }
        for text in passes {
            assert!(!codes_in(text).contains(&"D003"), "{text}");
        }
    }
}
