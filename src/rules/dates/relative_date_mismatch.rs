//! D006: a relative day that contradicts the date next to it or the article date.

use jiff::ToSpan;
use jiff::civil::Date;

use crate::document::Article;
use crate::extract::dates::{RelativeKind, weekday_name};
use crate::rules::dates::{candidates, days_between, written};
use crate::rules::{Check, Context, declare_rule};

/// D006 relative-date-mismatch.
#[derive(Debug, Default)]
pub struct RelativeDateMismatch;

declare_rule! {
    /// ## What it checks
    /// A relative day written next to an explicit weekday or date that it contradicts, given
    /// the article date: `yesterday (Thursday)` in a story dated Saturday, `yesterday, Nov. 25`
    /// in a story dated Nov. 28, `last Saturday, Nov. 14` in a story dated Monday, Nov. 30 (not
    /// in the week before it; a weekday that does not fit its date is D001's), `next Monday, Nov. 23` in a story dated Nov. 28. A dateline
    /// without a year (`BEIJING, Nov. 28 (Xinhua) --`) is enough for `yesterday, Nov. 27`.
    /// A bare `on Thursday` or `last Saturday` always fits some day and is let be. Without an
    /// article date the rule stays silent.
    ///
    /// ## Why it matters
    /// Wire copy is rewritten as it ages: "today" becomes "yesterday" and the weekday must move
    /// with it. A stale relative day puts the event on the wrong day.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// date: 2026-11-28
    /// ---
    /// The council voted yesterday (Thursday) to close the bridge.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ---
    /// date: 2026-11-28
    /// ---
    /// The council voted yesterday (Friday) to close the bridge.
    /// ```
    ///
    /// ## Options
    /// None.
    RelativeDateMismatch {
        code: "D006",
        name: "relative-date-mismatch",
        category: Dates,
        severity: Error,
        summary: "a relative day that contradicts the date next to it or the article date",
        layers: [Dates, ArticleDate],
    }
}

fn relative_word(offset: i8) -> &'static str {
    match offset {
        -1 => "yesterday",
        0 => "today",
        _ => "tomorrow",
    }
}

impl Check for RelativeDateMismatch {
    fn check(&self, article: &Article, cx: &mut Context) {
        let dates = &article.dates;
        let text = article.text;
        for relative in &dates.relatives {
            let said = written(text, relative.span);
            match relative.kind {
                RelativeKind::Offset(offset) => {
                    if let (Some((weekday, span)), Some(today)) = (relative.weekday, article.date) {
                        let Ok(day) = today.checked_add(i64::from(offset).days()) else {
                            continue;
                        };
                        if day.weekday() != weekday {
                            cx.report(
                                span,
                                format!(
                                    "in a story dated {today}, {} is a {}, not a {}",
                                    relative_word(offset),
                                    weekday_name(day.weekday()),
                                    weekday_name(weekday)
                                ),
                            )
                            .label(relative.span, "the relative day")
                            .help("update the weekday, or the relative day, to match the article date");
                        }
                    }
                    let Some(date) = relative.date.and_then(|i| dates.calendar.get(i)) else {
                        continue;
                    };
                    let expected = match article.date {
                        Some(today) => today
                            .checked_add(i64::from(offset).days())
                            .ok()
                            .map(|d| (d.month(), d.day(), Some(d))),
                        None => dates.dateline_day.and_then(|(m, d)| {
                            let day = d + offset;
                            (1..=28).contains(&day).then_some((m, day, None))
                        }),
                    };
                    let Some((month, day, full)) = expected else {
                        continue;
                    };
                    let year_fits = match (date.year, full) {
                        (Some(y), Some(f)) => y == f.year(),
                        _ => true,
                    };
                    if (date.month, date.day) != (month, day) || !year_fits {
                        cx.report(
                            date.span,
                            format!(
                                "`{said}` is {} {day} by the article date, not `{}`",
                                crate::extract::dates::month_name(month),
                                written(text, date.span)
                            ),
                        )
                        .label(relative.span, "the relative day")
                        .help("update the date, or the relative day, to match the article date");
                    }
                }
                RelativeKind::Last(weekday) | RelativeKind::Next(weekday) => {
                    let Some(date) = relative.date.and_then(|i| dates.calendar.get(i)) else {
                        continue;
                    };
                    let Some(today) = article.date else {
                        continue;
                    };
                    let days: Vec<Date> = candidates(date, Some(today));
                    let Some(day) = days.first().copied() else {
                        continue;
                    };
                    let past = matches!(relative.kind, RelativeKind::Last(_));
                    let fits = |d: &Date| {
                        let gap = days_between(today, *d);
                        d.weekday() == weekday
                            && if past {
                                (-8..=-1).contains(&gap)
                            } else {
                                (1..=14).contains(&gap)
                            }
                    };
                    if days.iter().any(fits) {
                        continue;
                    }
                    if !days.iter().any(|d| d.weekday() == weekday) {
                        // A wrong weekday is D001's to report.
                        continue;
                    }
                    let problem = if past {
                        format!("{day} is not in the week before the article date {today}")
                    } else {
                        format!("{day} is not in the two weeks after the article date {today}")
                    };
                    cx.report(
                        date.span,
                        format!(
                            "`{said}` does not fit `{}`: {problem}",
                            written(text, date.span)
                        ),
                    )
                    .label(relative.span, "the relative day")
                    .help("check the date and the relative day against the article date");
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    fn codes(text: &str) -> Vec<&'static str> {
        crate::testing::codes_dated(text, jiff::civil::date(2026, 11, 30))
    }

    #[test]
    fn quick_cases() {
        // Nov. 30, 2026 is a Monday.
        let fails = [
            "The council voted yesterday (Saturday) to close the bridge.",
            "The council voted yesterday, Nov. 27, to close the bridge.",
            "The fair opened last Saturday, Nov. 21, downtown.",
            "The fair opens next Monday, Nov. 23, downtown.",
        ];
        let passes = [
            "The council voted yesterday (Sunday) to close the bridge.",
            "The council voted yesterday, Nov. 29, to close the bridge.",
            "The fair opened last Saturday, Nov. 28, downtown.",
            "The fair opened last Saturday downtown.",
            "The fair opens next Monday, Dec. 7, downtown.",
        ];
        for text in fails {
            assert!(codes(text).contains(&"D006"), "{text}");
        }
        for text in passes {
            assert!(!codes(text).contains(&"D006"), "{text}");
        }
    }
}
