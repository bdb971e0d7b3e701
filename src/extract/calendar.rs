//! Month and weekday names, shared by the extractors that must know them.

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
pub const MONTH_ABBREVIATIONS: [(&str, i8); 12] = [
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

/// Every calendar word above, as written (capitalized).
pub fn words() -> impl Iterator<Item = &'static str> {
    MONTHS
        .into_iter()
        .chain(MONTH_ABBREVIATIONS.into_iter().map(|(word, _)| word))
        .chain(WEEKDAYS)
}

/// Whether `word`, as written, is a month, a month abbreviation or a weekday.
pub fn is_calendar_word(word: &str) -> bool {
    words().any(|w| w == word)
}

/// The English name of month 1-12 (`"month"` for anything else), for messages.
pub fn month_name(month: i8) -> &'static str {
    usize::try_from(month - 1)
        .ok()
        .and_then(|i| MONTHS.get(i).copied())
        .unwrap_or("month")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_words() {
        assert_eq!(month_name(9), "September");
        assert_eq!(month_name(13), "month");
        assert!(is_calendar_word("Sept") && is_calendar_word("Sunday"));
        assert!(!is_calendar_word("may") && !is_calendar_word("Mon"));
    }
}
