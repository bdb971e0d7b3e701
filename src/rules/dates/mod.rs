//! Date rules (D).

pub mod elapsed_mismatch;
pub mod invalid_date;
pub mod range_mismatch;
pub mod relative_date_mismatch;
pub mod weekday_mismatch;
pub mod year_conflict;

use jiff::civil::Date;

use super::RuleEntry;
use crate::extract::dates::CalendarDate;

/// The dates rules, one entry per rule file in this folder.
pub static RULES: &[RuleEntry] = &[
    weekday_mismatch::WeekdayMismatch::ENTRY,
    invalid_date::InvalidDate::ENTRY,
    range_mismatch::RangeMismatch::ENTRY,
    year_conflict::YearConflict::ENTRY,
    elapsed_mismatch::ElapsedMismatch::ENTRY,
    relative_date_mismatch::RelativeDateMismatch::ENTRY,
];

/// The blocks a date rule that reads one sentence at a time checks: the article's own prose,
/// and the captions and explainer boxes its newsroom wrote around it. A weekday that is not its
/// date's, a date that does not exist or a range that runs backwards is a slip wherever the
/// publisher wrote it; embedded posts, pull quotes (repeats of the body) and passages in another
/// language stay out.
pub(crate) const WRITTEN_HERE: crate::parse::RoleSet = crate::parse::RoleSet::ARTICLE
    .with(crate::parse::Role::Caption)
    .with(crate::parse::Role::Explainer);

/// The calendar days a written date may stand for: the stated year, or, without one, the years
/// around the article date whose day lies within about seven months of it. A numeric date whose
/// month-day order the article leaves open stands for the days of both readings.
pub(crate) fn candidates(date: &CalendarDate, article: Option<Date>) -> Vec<Date> {
    let mut days = candidates_of(date.year, (date.month, date.day), article);
    if let Some(other) = date.other_reading {
        days.extend(candidates_of(date.year, other, article));
    }
    days
}

fn candidates_of(year: Option<i16>, (month, day): (i8, i8), article: Option<Date>) -> Vec<Date> {
    if let Some(year) = year {
        return Date::new(year, month, day).ok().into_iter().collect();
    }
    let Some(article) = article else {
        return Vec::new();
    };
    [article.year() - 1, article.year(), article.year() + 1]
        .into_iter()
        .filter_map(|y| Date::new(y, month, day).ok())
        .filter(|d| days_between(article, *d).abs() <= 220)
        .collect()
}

/// The most days month 1-12 can have in any year (February 29 in leap years); 0 for a month
/// that does not exist.
pub(crate) fn most_days_in(month: i8) -> i8 {
    const MOST_DAYS: [i8; 12] = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    usize::try_from(month - 1)
        .ok()
        .and_then(|i| MOST_DAYS.get(i).copied())
        .unwrap_or(0)
}

/// Whether a month and day exist in `year`, or, with no year, in some year.
pub(crate) fn exists(year: Option<i16>, (month, day): (i8, i8)) -> bool {
    match year {
        Some(year) => Date::new(year, month, day).is_ok(),
        None => day >= 1 && day <= most_days_in(month),
    }
}

/// Whole days from `from` to `to` (negative when `to` is earlier).
pub(crate) fn days_between(from: Date, to: Date) -> i64 {
    from.until(to)
        .ok()
        .map_or(i64::MAX, |span| i64::from(span.get_days()))
}

/// The date as the article wrote it, for messages.
pub(crate) fn written(text: &str, span: crate::source::Span) -> &str {
    text.get(span.range()).unwrap_or("")
}
