//! Units and currencies with their ids, and the hedges before a number: phrases of one or more
//! words, found by their first word (units) or their last word (hedges).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::{Builder, Class, FxBuild};

/// How a value is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Hedge {
    /// `about`, `around`, `some`, `roughly`: within about ten percent either way.
    About,
    /// `nearly`, `almost`, `close to`: a little below.
    Nearly,
    /// `more than`, `over`, `at least`: this much or more.
    AtLeast,
    /// `up to`, `less than`, `under`: this much or less.
    AtMost,
}

/// What a measurement unit measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dimension {
    /// Meters and miles.
    Length,
    /// Square meters, hectares, acres.
    Area,
    /// Kilograms, pounds, tonnes.
    Mass,
    /// Hours, days, years.
    Time,
    /// Miles per hour, kilometres per hour (factor to metres per second).
    Speed,
}

/// The unit of a quantity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Unit {
    /// `percent`, `per cent`, `%`, `pct`.
    Percent,
    /// `percentage points`.
    PercentagePoints,
    /// A currency, by ISO-like code; a code ending in `?` is a guess (`dollars` alone).
    Currency(&'static str),
    /// A measure with its factor to the SI unit of its dimension.
    Measure(Dimension, f64),
    /// `pounds`: money or weight, told apart by context.
    Pounds,
    /// Degrees Celsius.
    Celsius,
    /// Degrees Fahrenheit.
    Fahrenheit,
}

impl Unit {
    /// A short key that groups quantities of the same unit (for matching mentions).
    pub fn key(&self) -> String {
        match self {
            Unit::Percent => "percent".into(),
            Unit::PercentagePoints => "points".into(),
            Unit::Currency(code) => code.trim_end_matches('?').to_owned(),
            Unit::Measure(dim, factor) => format!("{dim:?}{factor}"),
            Unit::Pounds => "pounds".into(),
            Unit::Celsius => "celsius".into(),
            Unit::Fahrenheit => "fahrenheit".into(),
        }
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
    (&["m"], Unit::Measure(Dimension::Length, 1.0)),
    (&["centimeters"], Unit::Measure(Dimension::Length, 0.01)),
    (&["centimetres"], Unit::Measure(Dimension::Length, 0.01)),
    (&["centimeter"], Unit::Measure(Dimension::Length, 0.01)),
    (&["centimetre"], Unit::Measure(Dimension::Length, 0.01)),
    (&["cm"], Unit::Measure(Dimension::Length, 0.01)),
    (&["millimeters"], Unit::Measure(Dimension::Length, 0.001)),
    (&["millimetres"], Unit::Measure(Dimension::Length, 0.001)),
    (&["millimeter"], Unit::Measure(Dimension::Length, 0.001)),
    (&["millimetre"], Unit::Measure(Dimension::Length, 0.001)),
    (&["mm"], Unit::Measure(Dimension::Length, 0.001)),
    (&["inches"], Unit::Measure(Dimension::Length, 0.0254)),
    (&["inch"], Unit::Measure(Dimension::Length, 0.0254)),
    (&["yards"], Unit::Measure(Dimension::Length, 0.9144)),
    (&["mph"], Unit::Measure(Dimension::Speed, 0.447_04)),
    (
        &["miles", "per", "hour"],
        Unit::Measure(Dimension::Speed, 0.447_04),
    ),
    (
        &["miles", "an", "hour"],
        Unit::Measure(Dimension::Speed, 0.447_04),
    ),
    (&["kph"], Unit::Measure(Dimension::Speed, 1.0 / 3.6)),
    (&["kmh"], Unit::Measure(Dimension::Speed, 1.0 / 3.6)),
    (&["kmph"], Unit::Measure(Dimension::Speed, 1.0 / 3.6)),
    (
        &["km", "per", "hour"],
        Unit::Measure(Dimension::Speed, 1.0 / 3.6),
    ),
    (
        &["km", "an", "hour"],
        Unit::Measure(Dimension::Speed, 1.0 / 3.6),
    ),
    (
        &["kilometers", "per", "hour"],
        Unit::Measure(Dimension::Speed, 1.0 / 3.6),
    ),
    (
        &["kilometres", "per", "hour"],
        Unit::Measure(Dimension::Speed, 1.0 / 3.6),
    ),
    (
        &["kilometers", "an", "hour"],
        Unit::Measure(Dimension::Speed, 1.0 / 3.6),
    ),
    (
        &["kilometres", "an", "hour"],
        Unit::Measure(Dimension::Speed, 1.0 / 3.6),
    ),
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

/// A phrase of the lexicon with what it means.
pub type Phrase<T> = (&'static [&'static str], T);

/// The phrases of a table grouped by one of their words, each group in table order.
struct Index<T: 'static>(HashMap<&'static str, Vec<Phrase<T>>, FxBuild>);

impl<T: Copy> Index<T> {
    fn build(
        table: &'static [Phrase<T>],
        key: fn(&'static [&'static str]) -> Option<&'static str>,
    ) -> Self {
        let mut index: HashMap<&'static str, Vec<Phrase<T>>, FxBuild> = HashMap::default();
        for &(words, value) in table {
            if let Some(word) = key(words) {
                index.entry(word).or_default().push((words, value));
            }
        }
        Index(index)
    }

    fn get(&self, word: &str) -> &[Phrase<T>] {
        self.0.get(word).map_or(&[], Vec::as_slice)
    }
}

/// Every unit, longest phrases first, as lower-case word sequences (`.` after an abbreviation
/// is left to the matcher).
pub fn units() -> &'static [Phrase<Unit>] {
    UNITS
}

/// The units whose first word is `word` (lower-case), in [`units`] order.
pub fn units_starting(word: &str) -> &'static [Phrase<Unit>] {
    static INDEX: OnceLock<Index<Unit>> = OnceLock::new();
    INDEX
        .get_or_init(|| Index::build(UNITS, |w| w.first().copied()))
        .get(word)
}

/// The hedges whose last word is `word` (lower-case), longest first.
pub fn hedges_ending(word: &str) -> &'static [Phrase<Hedge>] {
    static INDEX: OnceLock<Index<Hedge>> = OnceLock::new();
    INDEX
        .get_or_init(|| Index::build(HEDGES, |w| w.last().copied()))
        .get(word)
}

/// A unit glued to digits (`40m`, `130ft`, `160km`), when it is one word of [`units`].
pub fn glued_unit(suffix: &str) -> Option<Unit> {
    // `85F (29C)`: a temperature glued to its digits.
    match suffix {
        "c" => return Some(Unit::Celsius),
        "f" => return Some(Unit::Fahrenheit),
        _ => {}
    }
    units_starting(suffix)
        .iter()
        .find(|(words, unit)| words.len() == 1 && matches!(unit, Unit::Measure(..)))
        .map(|&(_, unit)| unit)
}

/// A currency sign before a number, with the letters glued before it (`US$`, `HK$`).
pub fn currency_sign(sign: char, prefix: &str) -> Option<&'static str> {
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

pub(super) fn add(b: &mut Builder) {
    for (words, _) in UNITS {
        if let Some(first) = words.first() {
            if !b.words.get(first).is_some_and(|e| e.is(Class::UNIT_FIRST)) {
                b.add(first, Class::UNIT_FIRST);
            }
        }
    }
    for (words, _) in HEDGES {
        if let Some(last) = words.last() {
            if !b.words.get(last).is_some_and(|e| e.is(Class::HEDGE_LAST)) {
                b.add(last, Class::HEDGE_LAST);
            }
        }
    }
    // Every word of a unit or a hedge is compared with a token's lexicon entry.
    for words in UNITS
        .iter()
        .map(|(words, _)| *words)
        .chain(HEDGES.iter().map(|(words, _)| *words))
    {
        for &word in words {
            if !b.words.contains_key(word) {
                b.add(word, Class::NUMBER_WORD);
            }
        }
    }
}
