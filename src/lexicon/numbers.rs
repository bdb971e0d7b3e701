//! Numbers: spelled cardinals and ordinals with their values, scales, fractions, multipliers,
//! the words of a rise or a fall, and the words around a number that say what it is.

use super::{Builder, Class};

/// `zero` … `nineteen`.
const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// `twenty` … `ninety`.
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Spelled ordinals with their values.
const ORDINALS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("twentieth", 20.0),
    ("hundredth", 100.0),
    ("thousandth", 1000.0),
];

/// Scale words with their factors.
const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("k", 1e3),
    ("million", 1e6),
    ("mln", 1e6),
    ("mn", 1e6),
    ("millions", 1e6),
    ("billion", 1e9),
    ("bln", 1e9),
    ("bn", 1e9),
    ("billions", 1e9),
    ("trillion", 1e12),
    ("tln", 1e12),
    ("trn", 1e12),
    ("trillions", 1e12),
];

/// Words that may start a fraction.
const FRACTIONS: &[&str] = &["half", "third", "quarter"];

/// Words that multiply a figure: `doubled`, `tripled`, `halved` …
const TIMES: &[(&str, f64)] = &[
    ("doubled", 2.0),
    ("doubling", 2.0),
    ("doubles", 2.0),
    ("tripled", 3.0),
    ("trebled", 3.0),
    ("tripling", 3.0),
    ("triples", 3.0),
    ("quadrupled", 4.0),
    ("quadrupling", 4.0),
    ("quadruples", 4.0),
    ("halved", 0.5),
    ("halving", 0.5),
];

/// Words of a rise.
const CHANGES_UP: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "risen",
    "rising",
    "increased",
    "increase",
    "increases",
    "grew",
    "grow",
    "grown",
    "growing",
    "jumped",
    "climbed",
    "gained",
    "surged",
    "soared",
    "up",
    "expanded",
    "advanced",
    "leapt",
    "leaped",
    "rebounded",
    "rallied",
    "swelled",
    "jump",
    "gain",
    "surge",
    "climb",
    "growth",
];

/// Words of a fall.
const CHANGES_DOWN: &[&str] = &[
    "fell",
    "fall",
    "falls",
    "fallen",
    "falling",
    "dropped",
    "declined",
    "decreased",
    "decrease",
    "slipped",
    "slid",
    "plunged",
    "shrank",
    "down",
    "eased",
    "tumbled",
    "sank",
    "contracted",
    "lost",
    "slumped",
    "plummeted",
    "dipped",
    "retreated",
    "drop",
    "decline",
    "slump",
    "dip",
    "plunge",
    "slide",
];

/// Nouns that state a change after its percentage: `a 45% jump in profit to £30m from £25m`.
const CHANGE_NOUNS: &[&str] = &[
    "rise", "increase", "jump", "gain", "surge", "climb", "growth", "fall", "drop", "decline",
    "decrease", "slump", "dip", "plunge", "slide",
];

/// Words that bring in the figure a change is measured against, as `from` does: `rose 8% to
/// 1,300, compared with 1,200`.
const CHANGE_BASES: &[&str] = &["compared", "against", "versus", "vs"];

/// Words that open another clause, so a stated change's figures stop before them: `rose 5 pct to
/// 480 mln dlrs, while imports slid from 300 mln`.
const CHANGE_CLAUSE_ENDS: &[&str] = &["while", "whereas", "but", "although", "though", "whilst"];

/// Words the number layer compares tokens against that no other list holds: list openers
/// (`namely`, `aka`), hedge and conversion words (`slightly`, `equivalent`), what makes a glued
/// `m` metres (`40m high`), degree letters (`°C`), `km/h`, and `ages`. Words another list
/// already has are left to it.
const NUMBER_WORDS: &[&str] = &[
    "a.k.a",
    "aka",
    "known",
    "formerly",
    "namely",
    "equivalent",
    "slightly",
    "well",
    "high",
    "tall",
    "long",
    "deep",
    "wide",
    "away",
    "c",
    "f",
    "h",
    "hr",
    "ages",
    "aged",
    "age",
    "old",
    "times",
];

/// Words that name the period a change is measured over: `rose 70 pct in February,
/// year-on-year, to 8.14 billion from 5.7 billion in January` compares February with the year
/// before, not with the January figure it gives.
const CHANGE_PERIODS: &[&str] = &[
    "year-on-year",
    "year-over-year",
    "month-on-month",
    "quarter-on-quarter",
    "annualized",
    "annualised",
    "yoy",
];

/// Relative period words that anchor the figures of a sentence in time (months aside).
const TIME_ANCHORS: &[&str] = &[
    "last",
    "previous",
    "prior",
    "ago",
    "year-ago",
    "earlier",
    "next",
    "current",
    "this",
    "today",
    "yesterday",
    "tomorrow",
    "now",
    "first",
    "second",
    "third",
    "fourth",
    "quarter",
    "half",
    "monthly",
    "weekly",
    "daily",
    "annual",
    "annually",
    "initially",
    "originally",
    "later",
    "revised",
    "forecast",
    "expected",
    "target",
    "planned",
    "budget",
];

/// Words of a sentence that compares or moves figures.
const COMPARATIVES: &[&str] = &[
    "vs",
    "versus",
    "compared",
    "against",
    "rose",
    "fell",
    "rise",
    "fall",
    "risen",
    "fallen",
    "increased",
    "decreased",
    "increase",
    "decrease",
    "grew",
    "grown",
    "dropped",
    "declined",
    "jumped",
    "climbed",
    "gained",
    "lost",
    "up",
    "down",
    "raised",
    "cut",
    "lowered",
    "revised",
    "instead",
    "rather",
    "estimate",
    "estimates",
    "estimated",
    "forecast",
    "projected",
    "expected",
    "target",
    "previously",
    "originally",
    "initially",
    "only",
    "another",
    "additional",
    "other",
    "total",
    "each",
    "per",
    "average",
    "if",
    "would",
    "could",
    "between",
    "respectively",
    "plus",
    "minus",
];

/// Words that end a counted noun phrase: function words, common verbs and adverbs.
const NUMBER_STOPS: &[&str] = &[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "without",
    "and",
    "or",
    "but",
    "nor",
    "as",
    "than",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "this",
    "these",
    "those",
    "it",
    "its",
    "their",
    "his",
    "her",
    "our",
    "my",
    "your",
    "they",
    "he",
    "she",
    "we",
    "you",
    "i",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "do",
    "does",
    "did",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "said",
    "says",
    "say",
    "vs",
    "versus",
    "against",
    "compared",
    "up",
    "down",
    "last",
    "next",
    "each",
    "per",
    "a.m",
    "p.m",
    "ago",
    "earlier",
    "later",
    "before",
    "after",
    "since",
    "until",
    "during",
    "while",
    "when",
    "where",
    "if",
    "so",
    "also",
    "only",
    "all",
    "both",
    "more",
    "most",
    "less",
    "least",
    "about",
    "over",
    "under",
    "into",
    "onto",
    "out",
    "off",
    "not",
    "no",
    "among",
    "between",
    "including",
    "excluding",
    "such",
    "like",
    "because",
    "through",
    "across",
    "via",
    "there",
    "here",
    "then",
    "now",
    "yet",
    "still",
    "already",
    "just",
    "ended",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "quarter",
    "period",
    "time",
    "times",
    "previously",
    "respectively",
    "a-year",
    "rose",
    "fell",
    "rise",
    "rises",
    "fall",
    "falls",
    "increased",
    "decreased",
    "grew",
    "dropped",
    "declined",
    "jumped",
    "climbed",
    "gained",
    "lost",
    "reported",
    "expected",
    "estimated",
    "according",
    "either",
    "whether",
    "what",
    "how",
    "why",
];

/// Words after a number that make it a time of day (`2000 GMT`, `9 a.m.`).
const TIMES_OF_DAY: &[&str] = &[
    "gmt", "a.m", "p.m", "am", "pm", "hrs", "est", "edt", "bst", "cet", "utc", "local",
];

/// Words before a number that make it a label (`No. 3`, `Flight 370`), not a quantity.
const NUMBER_LABELS: &[&str] = &[
    "no",
    "nos",
    "number",
    "flight",
    "route",
    "article",
    "chapter",
    "section",
    "room",
    "page",
    "pages",
    "lot",
    "resolution",
    "rule",
    "paragraph",
    "item",
    "phase",
    "stage",
    "round",
    "level",
    "category",
    "class",
    "grade",
    "size",
    "highway",
    "interstate",
    "platform",
    "gate",
    "terminal",
    "channel",
    "version",
    "model",
    "series",
    "season",
    "episode",
    "week",
    "day",
    "year",
    "fiscal",
    "fy",
    "bill",
    "act",
    "proposition",
    "district",
    "ward",
    "unit",
    "block",
    "building",
    "floor",
    "group",
    "team",
    "game",
    "match",
    "race",
    "stanza",
    "verse",
    "psalm",
    "volume",
    "vol",
    "issue",
    "part",
    "figure",
    "table",
    "box",
    "tier",
    "type",
    "world",
];

/// Nouns of the groups whose parts a breakdown counts (`voters`, `seats`).
const GROUP_NOUNS: &[&str] = &[
    "people",
    "residents",
    "voters",
    "members",
    "respondents",
    "students",
    "employees",
    "workers",
    "population",
    "households",
    "participants",
    "children",
    "adults",
    "patients",
    "citizens",
    "delegates",
    "seats",
    "votes",
];

pub(super) fn add(b: &mut Builder) {
    for (value, word) in (0u8..).zip(ONES) {
        b.add(word, Class::CARDINAL).value = Some(f64::from(value));
    }
    for (tens, word) in (2u8..).zip(TENS) {
        b.add(word, Class::CARDINAL).value = Some(f64::from(tens) * 10.0);
    }
    b.add("dozen", Class::CARDINAL).value = Some(12.0);
    for (tens, ten) in (2u8..).zip(TENS) {
        for (one, unit) in (1u8..10).zip(&ONES[1..10]) {
            let word = String::leak(format!("{ten}-{unit}"));
            b.add(word, Class::CARDINAL).value = Some(f64::from(tens) * 10.0 + f64::from(one));
        }
    }
    for &(word, value) in ORDINALS {
        b.add(word, Class::ORDINAL).value = Some(value);
    }
    // Small numbers open sentences and are never a name: they are function words too.
    for &word in ONES[1..=10]
        .iter()
        .chain(["first", "second", "third"].iter())
    {
        b.add(word, Class::FUNCTION_WORD);
    }
    for &(word, value) in SCALES {
        b.add(word, Class::SCALE).value = Some(value);
    }
    b.list(FRACTIONS, Class::FRACTION);
    for &(word, value) in TIMES {
        b.add(word, Class::TIMES).value = Some(value);
    }
    b.list(CHANGES_UP, Class::CHANGE_UP);
    b.list(CHANGES_DOWN, Class::CHANGE_DOWN);
    b.list(CHANGE_NOUNS, Class::CHANGE_NOUN);
    b.list(CHANGE_BASES, Class::CHANGE_BASE);
    b.list(CHANGE_CLAUSE_ENDS, Class::CHANGE_CLAUSE_END);
    b.list(CHANGE_PERIODS, Class::CHANGE_PERIOD);
    for &word in NUMBER_WORDS {
        if !b.words.contains_key(word) {
            b.add(word, Class::NUMBER_WORD);
        }
    }
    b.list(TIME_ANCHORS, Class::TIME_ANCHOR);
    b.list(COMPARATIVES, Class::COMPARATIVE);
    b.list(NUMBER_STOPS, Class::NUMBER_STOP);
    b.list(TIMES_OF_DAY, Class::TIME_OF_DAY);
    b.list(NUMBER_LABELS, Class::NUMBER_LABEL);
    b.list(GROUP_NOUNS, Class::GROUP_NOUN);
}

/// The value of a spelled cardinal (`one` … `ninety-nine`, `zero`, `dozen`), in any case.
pub fn spelled_cardinal(word: &str) -> Option<f64> {
    super::lookup(word)
        .filter(|e| e.is(Class::CARDINAL))
        .and_then(|e| e.value)
}

/// Whether `word` is a spelled ordinal that is never anything else (`first`, `tenth`, not
/// `third`, which is also a fraction).
pub fn spelled_ordinal(word: &str) -> bool {
    super::lookup(word).is_some_and(|e| e.is(Class::ORDINAL) && !e.is(Class::FRACTION))
}

/// The factor of a scale word after a number (`million`, `bn`), in any case.
pub fn scale(word: &str) -> Option<f64> {
    super::lookup(word)
        .filter(|e| e.is(Class::SCALE))
        .and_then(|e| e.value)
}

/// The factor of a word that multiplies a figure (`doubled` 2, `halved` 0.5).
pub fn times_factor(word: &str) -> Option<f64> {
    super::lookup(word)
        .filter(|e| e.is(Class::TIMES))
        .and_then(|e| e.value)
}

/// A scale glued to digits: `5.2bn`, `300m` (only after a currency sign), `40k`.
pub fn glued_scale(suffix: &str, after_currency_sign: bool) -> Option<f64> {
    match suffix {
        "bn" | "b" | "bln" if after_currency_sign => Some(1e9),
        "bn" | "bln" => Some(1e9),
        "m" | "mn" | "mln" if after_currency_sign => Some(1e6),
        "mn" | "mln" => Some(1e6),
        "k" => Some(1e3),
        "tn" | "trn" if after_currency_sign => Some(1e12),
        _ => None,
    }
}
