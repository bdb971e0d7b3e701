//! Time: units of time, hedges of an amount of time, named periods, the verbs of events,
//! spans and changes of dates, relative days and the words that start a date pattern.

use super::{Builder, Class};

/// Words that hedge an amount of time.
const TIME_HEDGES: &[&str] = &[
    "about",
    "almost",
    "nearly",
    "around",
    "some",
    "roughly",
    "approximately",
    "over",
    "more",
    "less",
    "past",
    "last",
    "under",
    "least",
    "than",
    "few",
    "several",
    "up",
    "first",
    "next",
    "within",
    "early",
    "late",
    "mid",
];

/// Words after a four-digit number that make it a time or a quantity, not a year.
const NOT_YEAR_AFTER: &[&str] = &[
    "gmt", "est", "edt", "cst", "cdt", "pst", "pdt", "utc", "bst", "cet", "hours", "hrs", "hr",
    "local", "am", "pm", "bpd", "tonnes", "tons", "dlrs", "people", "yuan", "km", "meters",
    "metres", "feet", "mln", "billion", "million", "percent", "pct",
];

/// Named periods whose span of years may be given in parentheses.
const PERIOD_HEADS: &[&str] = &[
    "dynasty",
    "empire",
    "kingdom",
    "period",
    "era",
    "reign",
    "caliphate",
    "sultanate",
    "shogunate",
    "war",
    "republic",
    "age",
];

/// Verbs of lasting or ruling: `ruled from 1368 to 1644` is a span of years whatever the
/// article's date.
const SPAN_VERBS: &[&str] = &[
    "ruled",
    "reigned",
    "lasted",
    "served",
    "lived",
    "ran",
    "spanned",
    "existed",
    "flourished",
    "governed",
    "studied",
    "worked",
];

/// Verbs that change a date: `moved from 2029 to 2021` and `cut the target from 2030 to 2025`
/// are changes, not ranges. Verbs of a quantity changing over time (`rose from 2016 to 2018`)
/// are not among them: their years are a range.
const DATE_CHANGE_VERBS: &[&str] = &[
    "move",
    "moved",
    "moves",
    "moving",
    "postpone",
    "postponed",
    "postpones",
    "postponing",
    "delay",
    "delayed",
    "delays",
    "push",
    "pushed",
    "brought",
    "bring",
    "brings",
    "advance",
    "advanced",
    "shift",
    "shifted",
    "reschedule",
    "rescheduled",
    "change",
    "changed",
    "changes",
    "changing",
    "cut",
    "cuts",
    "raise",
    "raised",
    "raises",
    "lower",
    "lowered",
    "revise",
    "revised",
    "extend",
    "extended",
    "extends",
    "shorten",
    "shortened",
    "amend",
    "amended",
    "switch",
    "switched",
    "update",
    "updated",
    "correct",
    "corrected",
];

/// Words that are capitalized next to a date but are not names (`Work began in 2015`).
const NOT_NAMES_NEAR_DATES: &[&str] = &[
    "the",
    "a",
    "an",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "their",
    "our",
    "my",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "and",
    "but",
    "or",
    "when",
    "while",
    "since",
    "after",
    "before",
    "as",
    "if",
    "which",
    "who",
    "what",
    "where",
    "then",
    "now",
    "later",
    "today",
    "yesterday",
    "also",
    "last",
    "next",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "according",
    "both",
    "all",
    "some",
    "many",
    "most",
    "one",
    "two",
    "three",
    "first",
    "work",
    "construction",
    "opened",
    "founded",
    "built",
    "born",
    "established",
    "however",
    "meanwhile",
    "so",
    "because",
    "although",
    "though",
    "once",
];

/// Units of time.
const TIME_UNITS: &[&str] = &[
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
];

/// Words after `in <year>` that continue its clause (`opened in 2016 offices in Paris`), so
/// that the year is one of several openings, not the entity's own.
const CLAUSE_CONTINUES: &[&str] = &[
    "in", "a", "an", "its", "their", "his", "her", "the", "another", "two", "three", "new", "more",
    "branches", "stores", "shops", "offices",
];

/// Verbs of the events that date an entity.
const EVENT_VERBS: &[&str] = &[
    "founded",
    "established",
    "created",
    "opened",
    "inaugurated",
    "built",
    "completed",
    "launched",
    "born",
    "died",
];

/// Auxiliaries before an event verb (`was founded`, `had been built`).
const AUXILIARIES: &[&str] = &["was", "were", "is", "had", "has", "been", "have"];

/// Days named relative to today.
const RELATIVE_DAYS: &[&str] = &["yesterday", "today", "tonight", "tomorrow"];

/// Words before a weekday or a period that place it relative to now (`last Friday`).
const RELATIVE_PERIODS: &[&str] = &["last", "next"];

/// Words of a coming anniversary (`the upcoming 70th anniversary`).
const COMING: &[&str] = &[
    "will",
    "upcoming",
    "next",
    "ahead",
    "approaching",
    "coming",
    "forthcoming",
    "prepare",
    "preparing",
    "eve",
];

/// Words other than months, weekdays, amounts, ordinals and period heads that start a date
/// pattern.
const DATE_PATTERN_STARTS: &[&str] = &[
    "from",
    "between",
    "aged",
    "born",
    "yesterday",
    "today",
    "tonight",
    "tomorrow",
    "last",
    "next",
];

/// Nouns of a moment that a plan sets, which a `from … to …` of years may move.
const DATE_POINT_NOUNS: &[&str] = &[
    "end",
    "ban",
    "deadline",
    "target",
    "date",
    "start",
    "launch",
    "handover",
    "retirement",
];

/// Words before or after `2025-26` that make it a season or a fiscal year.
const SEASON_WORDS: &[&str] = &[
    "season",
    "campaign",
    "fiscal",
    "financial",
    "school",
    "academic",
    "crop",
    "marketing",
    "fy",
];

/// Nouns a year modifies in a comparison (`back to 2012 levels`, `in 2012 dollars`).
const YEAR_MODIFIED_NOUNS: &[&str] = &[
    "level",
    "levels",
    "dollars",
    "prices",
    "terms",
    "figures",
    "values",
    "rates",
    "standards",
];

pub(super) fn add(b: &mut Builder) {
    b.list(TIME_HEDGES, Class::TIME_HEDGE);
    b.list(NOT_YEAR_AFTER, Class::NOT_YEAR_AFTER);
    b.list(PERIOD_HEADS, Class::PERIOD_HEAD);
    b.list(SPAN_VERBS, Class::SPAN_VERB);
    b.list(DATE_CHANGE_VERBS, Class::DATE_CHANGE_VERB);
    b.list(NOT_NAMES_NEAR_DATES, Class::NOT_NAME_NEAR_DATE);
    b.list(TIME_UNITS, Class::TIME_UNIT);
    b.list(CLAUSE_CONTINUES, Class::CLAUSE_CONTINUES);
    b.list(EVENT_VERBS, Class::EVENT_VERB);
    b.list(AUXILIARIES, Class::AUXILIARY);
    b.list(RELATIVE_DAYS, Class::RELATIVE_DAY);
    b.list(RELATIVE_PERIODS, Class::RELATIVE_PERIOD);
    b.list(COMING, Class::COMING);
    b.list(DATE_PATTERN_STARTS, Class::DATE_PATTERN_START);
    b.list(DATE_POINT_NOUNS, Class::DATE_POINT_NOUN);
    b.list(SEASON_WORDS, Class::SEASON_WORD);
    b.list(YEAR_MODIFIED_NOUNS, Class::YEAR_MODIFIED_NOUN);
    b.list(&["anniversary"], Class::ANNIVERSARY_NOUN);
}
