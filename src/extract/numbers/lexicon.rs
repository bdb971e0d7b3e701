//! Word lists for the number layer: spelled numbers, scales, hedges, units and currencies.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::{Dimension, Hedge, Unit};

/// What a word is to the number layer, one bit per word list (see [`word_flags`]).
pub(super) mod flag {
    /// [`super::is_stop_word`].
    pub const STOP: u16 = 1;
    /// [`super::is_month`].
    pub const MONTH: u16 = 1 << 1;
    /// [`super::spelled_cardinal`] reads it.
    pub const CARDINAL: u16 = 1 << 2;
    /// [`super::scale`] reads it.
    pub const SCALE: u16 = 1 << 3;
    /// `half`, `third`, `quarter`: may start a fraction.
    pub const FRACTION: u16 = 1 << 4;
    /// [`super::ANCHOR_WORDS`].
    pub const ANCHOR: u16 = 1 << 5;
    /// [`super::COMPARATIVE_WORDS`].
    pub const COMPARATIVE: u16 = 1 << 6;
    /// The first word of one of [`super::UNITS`].
    pub const UNIT_FIRST: u16 = 1 << 7;
    /// The last word of one of [`super::HEDGES`].
    pub const HEDGE_LAST: u16 = 1 << 8;
    /// A change word: multiplying, rising or falling.
    pub const CHANGE: u16 = 1 << 9;
}

/// FNV-1a: short words hash in a few instructions.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = h;
    }
}

type WordTable = HashMap<&'static str, u16, BuildHasherDefault<Fnv>>;

/// Every word some list of the number layer holds, with its flags; built once.
fn table() -> &'static (WordTable, usize) {
    static TABLE: OnceLock<(WordTable, usize)> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut candidates: Vec<&'static str> = Vec::new();
        candidates.extend(STOP_WORDS);
        candidates.extend(MONTH_WORDS);
        candidates.extend(ONES.iter().chain(TENS).map(|&(w, _)| w));
        candidates.extend(SCALES.iter().map(|&(w, _)| w));
        candidates.extend(["half", "third", "quarter"]);
        candidates.extend(ANCHOR_WORDS);
        candidates.extend(COMPARATIVE_WORDS);
        candidates.extend(UNITS.iter().filter_map(|(words, _)| words.first().copied()));
        candidates.extend(HEDGES.iter().filter_map(|(words, _)| words.last().copied()));
        candidates.extend(super::patterns::TIMES_WORDS.iter().map(|&(w, _)| w));
        candidates.extend(super::patterns::UP);
        candidates.extend(super::patterns::DOWN);
        let mut table = WordTable::default();
        let mut longest = 0;
        let mut add = |word: &'static str| {
            let mut flags = 0;
            let mut set = |bit: u16, on: bool| {
                if on {
                    flags |= bit;
                }
            };
            set(flag::STOP, STOP_WORDS.contains(&word));
            set(flag::MONTH, MONTH_WORDS.contains(&word));
            set(flag::CARDINAL, spelled_cardinal(word).is_some());
            set(flag::SCALE, scale(word).is_some());
            set(flag::FRACTION, matches!(word, "half" | "third" | "quarter"));
            set(flag::ANCHOR, ANCHOR_WORDS.contains(&word));
            set(flag::COMPARATIVE, COMPARATIVE_WORDS.contains(&word));
            set(
                flag::UNIT_FIRST,
                UNITS.iter().any(|(words, _)| words.first() == Some(&word)),
            );
            set(
                flag::HEDGE_LAST,
                HEDGES.iter().any(|(words, _)| words.last() == Some(&word)),
            );
            set(
                flag::CHANGE,
                super::patterns::TIMES_WORDS.iter().any(|&(w, _)| w == word)
                    || super::patterns::UP.contains(&word)
                    || super::patterns::DOWN.contains(&word),
            );
            longest = longest.max(word.len());
            table.insert(word, flags);
        };
        for word in candidates {
            add(word);
        }
        for &(tens, _) in TENS {
            for &(ones, value) in ONES {
                if (1.0..10.0).contains(&value) {
                    add(String::leak(format!("{tens}-{ones}")));
                }
            }
        }
        (table, longest)
    })
}

/// The flags of a lower-case word: which of the number layer's word lists hold it.
pub(super) fn word_flags(word: &str) -> u16 {
    let (table, longest) = table();
    if word.len() > *longest {
        return 0;
    }
    table.get(word).copied().unwrap_or(0)
}

/// The value of a spelled cardinal (`one` … `ninety-nine`, `zero`, `dozen`), lower-case.
pub(super) fn spelled_cardinal(word: &str) -> Option<f64> {
    let lookup = |table: &[(&str, f64)], w: &str| {
        table
            .iter()
            .find(|(name, _)| *name == w)
            .map(|(_, value)| *value)
    };
    if let Some(v) = lookup(ONES, word).or_else(|| lookup(TENS, word)) {
        return Some(v);
    }
    let (tens, ones) = word.split_once('-')?;
    let t = lookup(TENS, tens)?;
    let o = lookup(ONES, ones)?;
    (1.0..10.0).contains(&o).then_some(t + o)
}

/// `zero` … `nineteen` and `dozen`.
const ONES: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("dozen", 12.0),
];

/// `twenty` … `ninety`.
const TENS: &[(&str, f64)] = &[
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

/// Spelled ordinals that are never anything else.
pub(super) fn spelled_ordinal(word: &str) -> bool {
    matches!(
        word,
        "first"
            | "second"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
            | "eleventh"
            | "twelfth"
            | "twentieth"
            | "hundredth"
            | "thousandth"
    )
}

/// A scale word after a number: `million`, `bn`, `mln`, `thousand` …
pub(super) fn scale(word: &str) -> Option<f64> {
    SCALES
        .iter()
        .find(|&&(w, _)| w == word)
        .map(|&(_, value)| value)
}

/// The scale words and their factors.
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

/// A scale glued to digits: `5.2bn`, `300m` (only after a currency sign), `40k`.
pub(super) fn glued_scale(suffix: &str, after_currency_sign: bool) -> Option<f64> {
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

/// Hedges before a number, longest first, as lower-case word sequences.
pub(super) const HEDGES: &[(&[&str], Hedge)] = &[
    (&["in", "excess", "of"], Hedge::AtLeast),
    (&["more", "than"], Hedge::AtLeast),
    (&["over"], Hedge::AtLeast),
    (&["above"], Hedge::AtLeast),
    (&["upwards", "of"], Hedge::AtLeast),
    (&["at", "least"], Hedge::AtLeast),
    (&["as", "many", "as"], Hedge::AtMost),
    (&["as", "much", "as"], Hedge::AtMost),
    (&["up", "to"], Hedge::AtMost),
    (&["less", "than"], Hedge::AtMost),
    (&["fewer", "than"], Hedge::AtMost),
    (&["under"], Hedge::AtMost),
    (&["below"], Hedge::AtMost),
    (&["at", "most"], Hedge::AtMost),
    (&["nearly"], Hedge::Nearly),
    (&["almost"], Hedge::Nearly),
    (&["close", "to"], Hedge::Nearly),
    (&["about"], Hedge::About),
    (&["around"], Hedge::About),
    (&["approximately"], Hedge::About),
    (&["approx"], Hedge::About),
    (&["roughly"], Hedge::About),
    (&["some"], Hedge::About),
    (&["estimated"], Hedge::About),
    (&["an", "estimated"], Hedge::About),
];

/// Units after a number, as lower-case word sequences; `.` after abbreviations is skipped by
/// the matcher. Longest sequences are tried first.
pub(super) const UNITS: &[(&[&str], Unit)] = &[
    (&["percentage", "points"], Unit::PercentagePoints),
    (&["percentage", "point"], Unit::PercentagePoints),
    (&["pct", "points"], Unit::PercentagePoints),
    (&["pct", "point"], Unit::PercentagePoints),
    (&["per", "cent"], Unit::Percent),
    (&["percent"], Unit::Percent),
    (&["pct"], Unit::Percent),
    (&["u.s", "dollars"], Unit::Currency("USD")),
    (&["u.s", "dlrs"], Unit::Currency("USD")),
    (&["us", "dollars"], Unit::Currency("USD")),
    (&["us", "dlrs"], Unit::Currency("USD")),
    (&["american", "dollars"], Unit::Currency("USD")),
    (&["hong", "kong", "dollars"], Unit::Currency("HKD")),
    (&["hk", "dlrs"], Unit::Currency("HKD")),
    (&["australian", "dollars"], Unit::Currency("AUD")),
    (&["australian", "dlrs"], Unit::Currency("AUD")),
    (&["canadian", "dollars"], Unit::Currency("CAD")),
    (&["canadian", "dlrs"], Unit::Currency("CAD")),
    (&["new", "zealand", "dollars"], Unit::Currency("NZD")),
    (&["singapore", "dollars"], Unit::Currency("SGD")),
    (&["dollars"], Unit::Currency("USD?")),
    (&["dollar"], Unit::Currency("USD?")),
    (&["dlrs"], Unit::Currency("USD?")),
    (&["dlr"], Unit::Currency("USD?")),
    (&["yuan"], Unit::Currency("CNY")),
    (&["renminbi"], Unit::Currency("CNY")),
    (&["rmb"], Unit::Currency("CNY")),
    (&["euros"], Unit::Currency("EUR")),
    (&["euro"], Unit::Currency("EUR")),
    (&["pounds", "sterling"], Unit::Currency("GBP")),
    (&["stg"], Unit::Currency("GBP")),
    (&["sterling"], Unit::Currency("GBP")),
    (&["yen"], Unit::Currency("JPY")),
    (&["rupees"], Unit::Currency("INR")),
    (&["rand"], Unit::Currency("ZAR")),
    (&["swiss", "francs"], Unit::Currency("CHF")),
    (&["french", "francs"], Unit::Currency("FRF")),
    (&["francs"], Unit::Currency("francs")),
    (&["marks"], Unit::Currency("DEM")),
    (&["lire"], Unit::Currency("ITL")),
    (&["won"], Unit::Currency("KRW")),
    (&["pesos"], Unit::Currency("pesos")),
    (&["roubles"], Unit::Currency("RUB")),
    (&["rubles"], Unit::Currency("RUB")),
    (&["naira"], Unit::Currency("NGN")),
    (
        &["square", "kilometers"],
        Unit::Measure(Dimension::Area, 1e6),
    ),
    (
        &["square", "kilometres"],
        Unit::Measure(Dimension::Area, 1e6),
    ),
    (&["sq", "km"], Unit::Measure(Dimension::Area, 1e6)),
    (&["square", "km"], Unit::Measure(Dimension::Area, 1e6)),
    (
        &["square", "miles"],
        Unit::Measure(Dimension::Area, 2_589_988.11),
    ),
    (
        &["sq", "miles"],
        Unit::Measure(Dimension::Area, 2_589_988.11),
    ),
    (&["square", "meters"], Unit::Measure(Dimension::Area, 1.0)),
    (&["square", "metres"], Unit::Measure(Dimension::Area, 1.0)),
    (&["square", "meter"], Unit::Measure(Dimension::Area, 1.0)),
    (&["square", "metre"], Unit::Measure(Dimension::Area, 1.0)),
    (
        &["square", "feet"],
        Unit::Measure(Dimension::Area, 0.092_903),
    ),
    (&["sq", "ft"], Unit::Measure(Dimension::Area, 0.092_903)),
    (&["hectares"], Unit::Measure(Dimension::Area, 1e4)),
    (&["hectare"], Unit::Measure(Dimension::Area, 1e4)),
    (&["acres"], Unit::Measure(Dimension::Area, 4_046.856)),
    (&["acre"], Unit::Measure(Dimension::Area, 4_046.856)),
    (&["kilometers"], Unit::Measure(Dimension::Length, 1e3)),
    (&["kilometres"], Unit::Measure(Dimension::Length, 1e3)),
    (&["kilometer"], Unit::Measure(Dimension::Length, 1e3)),
    (&["kilometre"], Unit::Measure(Dimension::Length, 1e3)),
    (&["km"], Unit::Measure(Dimension::Length, 1e3)),
    (&["miles"], Unit::Measure(Dimension::Length, 1_609.344)),
    (&["mile"], Unit::Measure(Dimension::Length, 1_609.344)),
    (&["meters"], Unit::Measure(Dimension::Length, 1.0)),
    (&["metres"], Unit::Measure(Dimension::Length, 1.0)),
    (&["meter"], Unit::Measure(Dimension::Length, 1.0)),
    (&["metre"], Unit::Measure(Dimension::Length, 1.0)),
    (&["feet"], Unit::Measure(Dimension::Length, 0.3048)),
    (&["foot"], Unit::Measure(Dimension::Length, 0.3048)),
    (&["ft"], Unit::Measure(Dimension::Length, 0.3048)),
    (&["kilograms"], Unit::Measure(Dimension::Mass, 1.0)),
    (&["kilogrammes"], Unit::Measure(Dimension::Mass, 1.0)),
    (&["kilogram"], Unit::Measure(Dimension::Mass, 1.0)),
    (&["kg"], Unit::Measure(Dimension::Mass, 1.0)),
    (&["pounds"], Unit::Pounds),
    (&["lbs"], Unit::Measure(Dimension::Mass, 0.453_592)),
    (&["lb"], Unit::Measure(Dimension::Mass, 0.453_592)),
    (&["tonnes"], Unit::Measure(Dimension::Mass, 1e3)),
    (&["tonne"], Unit::Measure(Dimension::Mass, 1e3)),
    (&["metric", "tons"], Unit::Measure(Dimension::Mass, 1e3)),
    (&["degrees", "celsius"], Unit::Celsius),
    (&["degrees", "centigrade"], Unit::Celsius),
    (&["degrees", "fahrenheit"], Unit::Fahrenheit),
    (&["hours"], Unit::Measure(Dimension::Time, 3600.0)),
    (&["hour"], Unit::Measure(Dimension::Time, 3600.0)),
    (&["minutes"], Unit::Measure(Dimension::Time, 60.0)),
    (&["days"], Unit::Measure(Dimension::Time, 86_400.0)),
    (&["weeks"], Unit::Measure(Dimension::Time, 604_800.0)),
    (&["months"], Unit::Measure(Dimension::Time, 2_629_800.0)),
    (&["years"], Unit::Measure(Dimension::Time, 31_557_600.0)),
];

/// A currency sign before a number, with the letters glued before it (`US$`, `HK$`).
pub(super) fn currency_sign(sign: char, prefix: &str) -> Option<&'static str> {
    Some(match (sign, prefix) {
        ('$', "us") => "USD",
        ('$', "hk") => "HKD",
        ('$', "a") => "AUD",
        ('$', "c") => "CAD",
        ('$', "nz") => "NZD",
        ('$', "s") => "SGD",
        ('$', _) => "USD?",
        ('£', _) => "GBP",
        ('€', _) => "EUR",
        ('¥', _) => "CNY/JPY",
        _ => return None,
    })
}

/// Month names and their abbreviations (a number next to one is a date).
pub(super) const MONTH_WORDS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

pub(super) fn is_month(word: &str) -> bool {
    word_flags(word) & flag::MONTH != 0
}

/// Words after a number that make it a time of day.
pub(super) fn is_time_word(word: &str) -> bool {
    matches!(
        word,
        "gmt"
            | "a.m"
            | "p.m"
            | "am"
            | "pm"
            | "hrs"
            | "est"
            | "edt"
            | "bst"
            | "cet"
            | "utc"
            | "local"
    )
}

/// Words before a number that make it a label (`No. 3`, `Flight 370`), not a quantity.
pub(super) fn is_label_word(word: &str) -> bool {
    matches!(
        word,
        "no" | "nos"
            | "number"
            | "flight"
            | "route"
            | "article"
            | "chapter"
            | "section"
            | "room"
            | "page"
            | "pages"
            | "lot"
            | "resolution"
            | "rule"
            | "paragraph"
            | "item"
            | "phase"
            | "stage"
            | "round"
            | "level"
            | "category"
            | "class"
            | "grade"
            | "size"
            | "highway"
            | "interstate"
            | "platform"
            | "gate"
            | "terminal"
            | "channel"
            | "version"
            | "model"
            | "series"
            | "season"
            | "episode"
            | "week"
            | "day"
            | "year"
            | "fiscal"
            | "fy"
            | "bill"
            | "act"
            | "proposition"
            | "district"
            | "ward"
            | "unit"
            | "block"
            | "building"
            | "floor"
            | "group"
            | "team"
            | "game"
            | "match"
            | "race"
            | "stanza"
            | "verse"
            | "psalm"
            | "volume"
            | "vol"
            | "issue"
            | "part"
            | "figure"
            | "table"
            | "box"
            | "tier"
            | "type"
            | "world"
    )
}

/// Relative period words that anchor the figures of a sentence in time (months aside).
pub(super) const ANCHOR_WORDS: &[&str] = &[
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
pub(super) const COMPARATIVE_WORDS: &[&str] = &[
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
pub(super) const STOP_WORDS: &[&str] = &[
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

pub(super) fn is_stop_word(word: &str) -> bool {
    word_flags(word) & flag::STOP != 0
}
