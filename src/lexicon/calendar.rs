//! Months and weekdays with their numbers and abbreviations, and holidays.

use super::{Builder, Class};

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Month abbreviations without their period (`Sept` and `Sep` both), with the month number.
const MONTH_ABBREVIATIONS: [(&str, u8); 12] = [
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

/// Weekday names, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Weekday abbreviations without their period, with the weekday's number (Monday 1). Two-letter
/// ones are [`Class::WEEKDAY_TWO_LETTERS`], the others [`Class::WEEKDAY_ABBREVIATION`].
const WEEKDAY_ABBREVIATIONS: [(&str, u8); 18] = [
    ("Mon", 1),
    ("Tue", 2),
    ("Tues", 2),
    ("Wed", 3),
    ("Weds", 3),
    ("Thu", 4),
    ("Thur", 4),
    ("Thurs", 4),
    ("Fri", 5),
    ("Sat", 6),
    ("Sun", 7),
    ("Mo", 1),
    ("Tu", 2),
    ("We", 3),
    ("Th", 4),
    ("Fr", 5),
    ("Sa", 6),
    ("Su", 7),
];

/// Holidays: calendar words that are never a name.
const HOLIDAYS: &[&str] = &["Christmas", "Easter"];

pub(super) fn add(b: &mut Builder) {
    for (month, name) in (1..).zip(MONTHS) {
        b.add(name, Class::MONTH).month = month;
    }
    for (name, month) in MONTH_ABBREVIATIONS {
        b.add(name, Class::MONTH_ABBREVIATION).month = month;
    }
    for (day, name) in (1..).zip(WEEKDAYS) {
        b.add(name, Class::WEEKDAY).weekday = day;
    }
    for (name, day) in WEEKDAY_ABBREVIATIONS {
        let class = if name.len() == 2 {
            Class::WEEKDAY_TWO_LETTERS
        } else {
            Class::WEEKDAY_ABBREVIATION
        };
        b.add(name, class).weekday = day;
    }
    b.list(HOLIDAYS, Class::HOLIDAY);
}

/// The English name of month 1-12 (`"month"` for anything else), for messages.
pub fn month_name(month: i8) -> &'static str {
    usize::try_from(month - 1)
        .ok()
        .and_then(|i| MONTHS.get(i).copied())
        .unwrap_or("month")
}

/// The English name of weekday 1 (Monday) to 7 (`"day"` for anything else), for messages.
pub fn weekday_name(day: u8) -> &'static str {
    usize::from(day)
        .checked_sub(1)
        .and_then(|i| WEEKDAYS.get(i).copied())
        .unwrap_or("day")
}
