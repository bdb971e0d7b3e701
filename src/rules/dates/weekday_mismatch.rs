//! D001: a weekday that does not fall on the date written next to it.

use crate::document::Article;
use crate::extract::dates::weekday_name;
use crate::rules::dates::candidates;
use crate::rules::{Check, Context, declare_rule};
use crate::source::Span;

/// D001 weekday-mismatch.
#[derive(Debug, Default)]
pub struct WeekdayMismatch;

declare_rule! {
    /// ## What it checks
    /// A weekday written next to a date that is not the weekday of that date. The forms read:
    /// - the weekday before the date, in full (in lower case too) or abbreviated (`Mon`,
    ///   `Tue.`, `Tues`, `Wed`, `Thu`, `Thur`, `Thurs`, `Fri`, `Sat`, `Sun`), with or without a
    ///   comma: `Thursday, Nov. 28, 2026`, `Thu. Nov. 28`, `Tues, 24 November 2026`, `Monday,
    ///   7th October 2014`, `Monday, the 7th of October, 2014`, `Monday, October, 7, 2014`,
    ///   `Friday, 7 October, 2014`;
    /// - the weekday in a bracket after the date, two-letter abbreviations (`Mo` … `Su`)
    ///   included: `Nov. 28 (Thursday)`, `2021-07-02 (Thu)`, `4/23 (Fri)`, `28 November (Sa)`;
    /// - the weekday in apposition after the date, closing its phrase: `Oct. 7, 2014, a
    ///   Monday`, `7 October 2014, which was a Monday`, `7 October 2014 – a Monday –`,
    ///   `2021-07-02, Thursday.`;
    /// - ISO dates (`Friday, 2021-07-02`) and numeric dates (`10/31/2014`, `31/10/2014`,
    ///   `31.10.2014`, `2014/10/31`; a month and day without a year only beside a weekday).
    ///
    /// Numeric dates with slashes are read in the month-day order of the `date-order` setting
    /// (dotted ones are always day first, and year-first ones year-month-day); with `auto`
    /// (the default) the article's own unambiguous dates decide (`31/10/2014` is day first),
    /// else its front-matter locale, and a date still ambiguous is reported only when the
    /// weekday fits neither reading. When the date has no year, the article's year is used (from
    /// front matter, a dateline, `--date` or the config), trying the year before and after for
    /// dates near the turn of the year; without any year the rule stays silent.
    ///
    /// Photo captions and explainer boxes are checked too; embedded posts are not.
    ///
    /// ## Why it matters
    /// Readers plan around dates and weekdays. When the two disagree, one of them is wrong, and
    /// the reader cannot tell which.
    ///
    /// ## Example
    /// ```markdown
    /// The forum opens on Thursday, Nov. 28, 2026, in Jingdezhen.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// The forum opens on Saturday, Nov. 28, 2026, in Jingdezhen.
    /// ```
    ///
    /// ## Options
    /// None.
    WeekdayMismatch {
        code: "D001",
        name: "weekday-mismatch",
        category: Dates,
        severity: Error,
        summary: "a weekday that is not the weekday of the date next to it",
        layers: [Dates, ArticleDate],
        roles: crate::rules::dates::WRITTEN_HERE,
    }
}

impl Check for WeekdayMismatch {
    fn check(&self, article: &Article, cx: &mut Context) {
        for date in &article.dates.calendar {
            let Some((weekday, weekday_span)) = date.weekday else {
                continue;
            };
            let days = candidates(date, article.date);
            let Some(nearest) = days.first() else {
                continue;
            };
            if days.iter().any(|d| d.weekday() == weekday) {
                continue;
            }
            let readings: Vec<_> = days
                .iter()
                .filter(|d| d.year() == nearest.year())
                .map(|d| d.weekday())
                .collect();
            if let [month_first, day_first] = readings[..] {
                cx.report(
                    date.span,
                    format!(
                        "the weekday is given as {} but `{}` is a {} read month first and a {} read day first",
                        weekday_name(weekday),
                        without_weekday(article.text, date.span, weekday_span),
                        weekday_name(month_first),
                        weekday_name(day_first)
                    ),
                )
                .label(weekday_span, "the weekday as written")
                .help("check the date against the source, and write it with the month's name");
                continue;
            }
            let shown = format!(
                "{} {}, {}",
                crate::extract::dates::month_name(nearest.month()),
                nearest.day(),
                nearest.year()
            );
            let diagnostic = cx.report(
                date.span,
                format!(
                    "the weekday is given as {} but {shown} is a {}",
                    weekday_name(weekday),
                    weekday_name(nearest.weekday())
                ),
            );
            diagnostic.label(weekday_span, "the weekday as written");
            diagnostic.help(format!(
                "if the date is right, write {}; otherwise correct the date",
                weekday_name(nearest.weekday())
            ));
        }
    }
}

/// The date as written without the weekday beside it (`4/5/2021` of `Friday, 4/5/2021`).
fn without_weekday(text: &str, date: Span, weekday: Span) -> &str {
    let range = if weekday.start == date.start {
        weekday.end as usize..date.end as usize
    } else if weekday.start >= date.end {
        // `Oct. 7, 2014, a Monday`: the weekday stands outside the date.
        date.start as usize..date.end as usize
    } else {
        date.start as usize..weekday.start as usize
    };
    let trim = |c: char| c.is_whitespace() || matches!(c, ',' | '.' | '(' | ')');
    text.get(range).unwrap_or("").trim_matches(trim)
}

#[cfg(test)]
mod tests {
    use crate::testing::codes_in;

    #[test]
    fn quick_cases() {
        let fails = [
            "The forum opens Thursday, Nov. 28, 2026, in the city.",
            "It ended on Monday, 27 November 2026.",
            "The vote is set for Nov. 28, 2026 (Friday).",
        ];
        let passes = [
            "The forum opens Saturday, Nov. 28, 2026, in the city.",
            "The forum opens Thursday, Nov. 28, in the city.",
            "It ended on Friday, 27 November 2026.",
        ];
        for text in fails {
            assert!(codes_in(text).contains(&"D001"), "{text}");
        }
        for text in passes {
            assert!(!codes_in(text).contains(&"D001"), "{text}");
        }
    }
}
