//! D003: a range that runs backwards, or a duration word that disagrees with its dates.

use jiff::civil::Date;

use crate::document::Article;
use crate::extract::dates::{RangeForm, TimeUnit, index_by};
use crate::rules::dates::{days_between, written};
use crate::rules::{Context, Rule, RuleMeta, RuleOptions, declare_rule, no_options};
use crate::source::Span;

/// D003 range-mismatch.
#[derive(Debug, Default)]
pub struct RangeMismatch;

declare_rule! {
    /// ## What it checks
    /// A range of years or days that runs backwards (`(1644-1368)`, `between 2016 and 2012`,
    /// `Nov. 29-27`), and a duration word that disagrees with the dates it describes in the same
    /// sentence (`the two-day forum, Nov. 27-29` lasts three days). BC ranges count down
    /// (`475-221 BC`), seasons and fiscal years (`2025-26`) are not ranges of two years, and
    /// `moved from 2029 to 2021` is a change, not a range: `from … to …` is read as a range only
    /// after verbs such as `ruled`, `lasted` or `served`. A duration of years may count its end
    /// year or not (`a five-year plan, 2021-2025`), and trade statistics' ten-day periods end
    /// with the month (`the ten-day March 21-31 period`).
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
    }
}

impl RangeMismatch {
    /// Build the rule; it takes no options.
    pub fn build(options: &RuleOptions) -> Result<Box<dyn Rule>, String> {
        no_options(options)?;
        Ok(Box::new(Self))
    }
}

/// Words that put a duration and a range in different clauses: `the two-day visit comes after
/// talks Nov. 20-25`.
const CLAUSE_WORDS: &[&str] = &[
    "after",
    "before",
    "following",
    "since",
    "until",
    "than",
    "and",
    "but",
    "while",
    "when",
    "comes",
    "came",
    "follows",
    "followed",
    "preceded",
    "ahead",
    "from",
    "between",
];

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
            .any(|w| CLAUSE_WORDS.contains(&w.to_ascii_lowercase().as_str()))
}

impl Rule for RangeMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, article: &Article, cx: &mut Context) {
        let dates = &article.dates;
        let text = article.text;
        for range in &dates.year_ranges {
            let counts = match range.form {
                RangeForm::Dash | RangeForm::Between => true,
                RangeForm::FromTo => range.governed,
                RangeForm::Season => false,
            };
            if counts && range.start > range.end {
                cx.report(
                    range.span,
                    format!("the range `{}` runs backwards", written(text, range.span)),
                )
                .help("put the earlier year first; for years BC, write the era (`475-221 BC`)");
            }
        }
        for range in &dates.day_ranges {
            let wraps_year = range.start.0 == 12 && range.end.0 == 1;
            if range.start > range.end && !wraps_year {
                cx.report(
                    range.span,
                    format!("the range `{}` runs backwards", written(text, range.span)),
                )
                .help("put the earlier day first");
            }
        }
        // Durations against the one range of their sentence.
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
                    if !in_apposition(text, duration.span, range.span) {
                        continue;
                    }
                    let year = range
                        .year
                        .or(article.date.map(|d| d.year()))
                        .unwrap_or(2023);
                    let end_year = if range.start.0 == 12 && range.end.0 == 1 {
                        year + 1
                    } else {
                        year
                    };
                    let (Ok(first), Ok(last)) = (
                        Date::new(year, range.start.0, range.start.1),
                        Date::new(end_year, range.end.0, range.end.1),
                    ) else {
                        continue;
                    };
                    let days = days_between(first, last) + 1;
                    // Trade statistics count months in ten-day periods, the last running from
                    // the 21st to the month's end (`the ten-day March 21-31 period`).
                    let dekad = duration.amount == 10
                        && range.start.0 == range.end.0
                        && range.start.1 == 21
                        && i64::from(range.end.1) == i64::from(first.days_in_month());
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
