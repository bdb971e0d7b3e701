//! D002: a date that does not exist.

use jiff::civil::Date;

use crate::document::Article;
use crate::extract::dates::{DateForm, month_name};
use crate::rules::dates::{exists, most_days_in, written};
use crate::rules::{Check, Context, declare_rule};

/// D002 invalid-date.
#[derive(Debug, Default)]
pub struct InvalidDate;

declare_rule! {
    /// ## What it checks
    /// A date that is not on any calendar: `Feb. 30`, `31 April`, `June 31` (a dateline too:
    /// `OSLO, June 31 - Shares fell`), a day 0 or 32-39 written with a year (`June 32, 2014`,
    /// `32 June 2014`; `in June 32 people` is a count, and so is `in June 31 people`), a month
    /// 13 or day 32 in an ISO date (`2026-13-01`), a
    /// numeric date impossible in either month-day order (`2/30/2014`, `31/13/2014`; see the
    /// `date-order` setting) or, written with dots, day first (`31.11.2014`; `2.30.2014` is a
    /// version number), `Feb. 29` in a year that is not a leap year (the stated year, else
    /// the article's year; without either, Feb. 29 is let be), and a year of five digits where a
    /// date expects one (`May 20014`, `May 5, 20014,`; `In May 20000 people marched` is a
    /// quantity).
    ///
    /// Photo captions and explainer boxes are checked too; embedded posts are not.
    ///
    /// ## Why it matters
    /// An impossible date is always a typo, and the reader cannot guess the intended day.
    ///
    /// ## Example
    /// ```markdown
    /// The results will be announced on April 31, 2026.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// The results will be announced on April 30, 2026.
    /// ```
    ///
    /// ## Options
    /// None.
    InvalidDate {
        code: "D002",
        name: "invalid-date",
        category: Dates,
        severity: Error,
        summary: "a date that does not exist, such as Feb. 30 or 31 April",
        layers: [Dates, ArticleDate],
        roles: crate::rules::dates::WRITTEN_HERE,
    }
}

impl Check for InvalidDate {
    fn check(&self, article: &Article, cx: &mut Context) {
        for date in &article.dates.calendar {
            let year = date.year.or(article.date.map(|d| d.year()));
            // A numeric date the article leaves open is impossible only under both readings.
            if exists(year, (date.month, date.day))
                || date.other_reading.is_some_and(|other| exists(year, other))
            {
                continue;
            }
            let shown = written(article.text, date.span);
            if !(1..=12).contains(&date.month) {
                let help = match date.form {
                    DateForm::Iso => {
                        "an ISO date reads year-month-day; check the order and the digits"
                    }
                    _ => "check the order of month and day and the digits",
                };
                cx.report(
                    date.span,
                    format!("`{shown}` has month {}, and there are only 12", date.month),
                )
                .help(help);
                continue;
            }
            let month = month_name(date.month);
            let day = date.day;
            let message = match year {
                Some(year) if date.month == 2 && day == 29 => format!(
                    "the date {month} {day} does not exist in {year}, which is not a leap year"
                ),
                Some(year) => {
                    let last = Date::new(year, date.month, 1).map_or(31, |d| d.days_in_month());
                    format!("the date {month} {day} does not exist: {month} has {last} days")
                }
                None if date.month == 2 => {
                    format!("the date {month} {day} does not exist: {month} has at most 29 days")
                }
                None => format!(
                    "the date {month} {day} does not exist: {month} has {} days",
                    most_days_in(date.month)
                ),
            };
            cx.report(date.span, message)
                .help("check the day against the source; the date may be off by one");
        }
        for typo in &article.dates.long_years {
            cx.report(
                *typo,
                format!(
                    "the year `{}` has five digits",
                    written(article.text, *typo)
                ),
            )
            .help("a digit was typed twice or the year is cut from a longer number");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::codes_in;

    #[test]
    fn quick_cases() {
        let fails = [
            "The vote is on Feb. 30.",
            "It happened on 31 April 2025.",
            "Filed on 2026-13-01, the report was late.",
            "Trading resumed on Feb. 29, 2026.",
        ];
        let passes = [
            "The vote is on Feb. 28.",
            "It happened on 30 April 2025.",
            "Trading resumed on Feb. 29, 2024.",
            "The 2000 GMT deadline passed on Feb 26.",
        ];
        for text in fails {
            assert!(codes_in(text).contains(&"D002"), "{text}");
        }
        for text in passes {
            assert!(!codes_in(text).contains(&"D002"), "{text}");
        }
    }
}
