//! N004: a unit or currency conversion in parentheses that is off.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::document::Article;
use crate::extract::numbers::{Conversion, Dimension, Quantity, Role, Unit};
use crate::rules::{Check, Context, declare_rule};

mod rates;

/// N004 conversion-mismatch.
#[derive(Debug, Default)]
pub struct ConversionMismatch {
    options: ConversionOptions,
}

/// Options of N004.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct ConversionOptions {
    /// How far a currency conversion may stray from the reference rate, as a fraction between
    /// 0 and 1.
    #[schemars(extend("exclusiveMinimum" = 0.0, "exclusiveMaximum" = 1.0))]
    tolerance: f64,
    /// Units of each currency per U.S. dollar, overriding the built-in rates: `{ GBP = 0.8 }`.
    rates: BTreeMap<String, f64>,
}

impl Default for ConversionOptions {
    fn default() -> Self {
        Self {
            tolerance: 0.25,
            rates: BTreeMap::new(),
        }
    }
}

declare_rule! {
    /// ## What it checks
    /// A conversion given in parentheses right after a figure:
    /// - units (km and miles, meters and feet, kilograms and pounds, hectares and acres,
    ///   square kilometers and square miles, °C and °F) must agree within rounding;
    /// - currencies must agree with approximate reference rates, within a tolerance: the
    ///   built-in rates for an article dated 2015 or later; else the yearly average rates
    ///   (Federal Reserve G.5A, 1980-2024, for the pound, euro, mark, yen and yuan) of the
    ///   article's year or, undated, of the years from the first it names (in a date too) to
    ///   five after the last, or of every year of the table when it names none, within 60
    ///   percent of the tolerance;
    /// - a hedge on the figure (`more than 500 miles`) carries over to its conversion, so only
    ///   rounding is allowed between the two; a change of a few degrees converts without the
    ///   offset (`warming of 2C (3.6F)`);
    /// - two conversions of the same currency pair in one article must not imply rates far
    ///   apart.
    ///
    /// ## Why it matters
    /// A conversion is there to help the reader; a wrong one misleads twice, and usually
    /// means the original figure was edited without the conversion.
    ///
    /// ## Example
    /// ```markdown
    /// The trail runs 100 km (about 90 miles) through the hills.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// The trail runs 100 km (about 62 miles) through the hills.
    /// ```
    ///
    /// ## Options
    /// - `tolerance` (number, default `0.25`): how far a currency conversion may stray from
    ///   the reference rate, as a fraction of it; two conversions of one pair may differ by
    ///   twice this.
    /// - `rates` (table, default built in): units of a currency per U.S. dollar, by ISO code,
    ///   e.g. `rates = { CNY = 7.2, EUR = 0.92 }`.
    ConversionMismatch {
        code: "N004",
        name: "conversion-mismatch",
        category: Numbers,
        severity: Warning,
        summary: "a unit or currency conversion is off",
        layers: [Numbers, ArticleDate],
        options: ConversionOptions,
    }
}

impl ConversionMismatch {
    /// The rule with its options, once they are checked.
    fn from_options(options: ConversionOptions) -> Result<Self, String> {
        if !(options.tolerance > 0.0 && options.tolerance < 1.0) {
            return Err(format!(
                "option `tolerance` must be between 0 and 1, not {}",
                options.tolerance
            ));
        }
        if let Some((code, _)) = options.rates.iter().find(|(_, r)| **r <= 0.0) {
            return Err(format!(
                "option `rates`: the rate of `{code}` must be positive"
            ));
        }
        Ok(Self { options })
    }
}

/// Approximate units per U.S. dollar over 2015-2026, for currencies that did not swing wildly.
const RATES: &[(&str, f64)] = &[
    ("USD", 1.0),
    ("CNY", 6.9),
    ("EUR", 0.9),
    ("GBP", 0.78),
    ("JPY", 130.0),
    ("INR", 76.0),
    ("ZAR", 15.5),
    ("CHF", 0.93),
    ("HKD", 7.8),
    ("AUD", 1.4),
    ("CAD", 1.32),
    ("NZD", 1.5),
    ("SGD", 1.36),
    ("KRW", 1200.0),
];

/// The value in a common base for unit conversions: (dimension key, value in base units).
fn base(q: &Quantity, value: f64, as_mass: bool) -> Option<(&'static str, f64)> {
    match q.unit? {
        Unit::Measure(Dimension::Time, _) => None,
        Unit::Measure(Dimension::Length, f) => Some(("length", value * f)),
        Unit::Measure(Dimension::Area, f) => Some(("area", value * f)),
        Unit::Measure(Dimension::Mass, f) => Some(("mass", value * f)),
        Unit::Measure(Dimension::Speed, f) => Some(("speed", value * f)),
        Unit::Pounds if as_mass => Some(("mass", value * 0.453_592)),
        Unit::Celsius => Some(("temperature", value)),
        Unit::Fahrenheit => Some(("temperature", (value - 32.0) * 5.0 / 9.0)),
        _ => None,
    }
}

fn currency(q: &Quantity, other: &Quantity) -> Option<&'static str> {
    match q.unit? {
        Unit::Currency(code) => Some(code.trim_end_matches('?')),
        // `pounds` next to another currency is sterling.
        Unit::Pounds if matches!(other.unit, Some(Unit::Currency(_))) => Some("GBP"),
        _ => None,
    }
}

impl ConversionMismatch {
    fn rate(&self, code: &str) -> Option<f64> {
        self.options
            .rates
            .get(code)
            .copied()
            .or_else(|| RATES.iter().find(|(c, _)| *c == code).map(|(_, r)| *r))
    }

    /// The rates of `y` per `x` the article's time allows, lowest and highest: the rates set
    /// in the options or, for an article dated 2015 or later, the built-in ones; else the
    /// yearly averages of the article's year, or of the years it names.
    /// The third value tells the set or built-in rates (`true`) from the yearly averages.
    fn reference(
        &self,
        x: &str,
        y: &str,
        years: Option<(i32, i32)>,
        modern: bool,
    ) -> Option<(f64, f64, bool)> {
        let set = |c: &str| self.options.rates.contains_key(c);
        if modern || set(x) || set(y) {
            if let (Some(rx), Some(ry)) = (self.rate(x), self.rate(y)) {
                return Some((ry / rx, ry / rx, true));
            }
        }
        let (from, to) = years?;
        let (low, high) = rates::range(x, y, from, to)?;
        Some((low, high, false))
    }
}

/// The years an article may be from: its date's, else from the first year it names to five
/// years after the last (a story is written after the years it looks back on), within the
/// yearly rates' table; a story that names no year may be from any year of the table.
fn article_years(article: &Article) -> Option<(i32, i32)> {
    if let Some(date) = article.date {
        let year = i32::from(date.year());
        return Some((year, year));
    }
    article
        .numbers
        .quantities
        .iter()
        // A date's year (`the three months to 31 December 2004`) dates the story as well.
        .filter(|q| matches!(q.role, Role::Year | Role::Date))
        .filter_map(|q| {
            let year = q.value.round();
            (f64::from(rates::FIRST_YEAR)..=f64::from(rates::LAST_YEAR))
                .contains(&year)
                .then_some(year as i32)
        })
        .fold(None, |acc, y| match acc {
            None => Some((y, y)),
            Some((low, high)) => Some((low.min(y), high.max(y))),
        })
        .map(|(low, high)| (low, (high + 5).min(rates::LAST_YEAR)))
}

/// The article's conversions with the figure converted and its conversion.
fn converted<'a>(
    article: &'a Article,
) -> impl Iterator<Item = (&'a Conversion, &'a Quantity, &'a Quantity)> + 'a {
    let quantities = &article.numbers.quantities;
    article
        .numbers
        .conversions
        .iter()
        .filter_map(|c| Some((c, quantities.get(c.from)?, quantities.get(c.to)?)))
}

/// A currency pair in one order whichever way it is converted.
fn pair_key<'a>(x: &'a str, y: &'a str) -> (&'a str, &'a str) {
    if x < y { (x, y) } else { (y, x) }
}

impl Check for ConversionMismatch {
    fn check(&self, article: &Article, cx: &mut Context) {
        // Rates move: the reference rates hold only for articles dated 2015 or later.
        let modern = article.date.is_some_and(|d| d.year() >= 2015);
        let years = article_years(article);
        // Undated and naming no year, a story may be from any year of the table; its own
        // conversions of a pair, when it gives two or more, say more than so wide a range.
        let mut pair_counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
        if years.is_none() {
            for (_, a, b) in converted(article) {
                if let (Some(x), Some(y)) = (currency(a, b), currency(b, a)) {
                    *pair_counts.entry(pair_key(x, y)).or_default() += 1;
                }
            }
        }
        let table_years = (rates::FIRST_YEAR, rates::LAST_YEAR);
        let tolerance = self.options.tolerance;
        // Per currency pair, every implied rate in text order.
        let mut pairs: BTreeMap<(&str, &str), Vec<PairRate>> = BTreeMap::new();
        for (conversion, a, b) in converted(article) {
            if !(a.is_quantity() && b.is_quantity())
                || a.range_high.is_some()
                || b.range_high.is_some()
            {
                continue;
            }
            if let (Some(x), Some(y)) = (currency(a, b), currency(b, a)) {
                if x == y || x.is_empty() || y.is_empty() || a.value <= 0.0 || b.value <= 0.0 {
                    continue;
                }
                let (b_low, b_high) = b.rounding();
                let implied = b.value / a.value;
                let key = pair_key(x, y);
                let years =
                    years.or_else(|| (pair_counts.get(&key) < Some(&2)).then_some(table_years));
                if let Some((rate_low, rate_high, exact)) = self.reference(x, y, years, modern) {
                    // Yearly averages stray less than one rate for a decade does.
                    let tolerance = if exact { tolerance } else { tolerance * 0.6 };
                    let (a_low, a_high) = a.rounding();
                    let low = a_low.max(0.0) * rate_low * (1.0 - tolerance);
                    let high = a_high * rate_high * (1.0 + tolerance);
                    if b_high < low || b_low > high {
                        // The nearer end of the allowed rates says what it should be.
                        let rate = if b_high < low { rate_low } else { rate_high };
                        let spread = (implied / rate).max(rate / implied);
                        let converted = format!(
                            "{} is converted to {}",
                            a.as_written(article.text),
                            b.as_written(article.text)
                        );
                        // A figure a power of ten away lost or gained a scale word.
                        let (message, help) = if spread > 100.0 {
                            (
                                format!(
                                    "{converted}, about {} times what it comes to at {} ({})",
                                    times_word(spread),
                                    rate_phrase((x, y), rate),
                                    format_amount(a.value * rate)
                                ),
                                "a scale word (m, bn, million) is probably missing or wrong",
                            )
                        } else {
                            (
                                format!(
                                    "{converted}, but at {} it is about {}",
                                    rate_phrase((x, y), rate),
                                    format_amount(a.value * rate)
                                ),
                                "recompute the conversion, or set the rate in the rule's `rates` option",
                            )
                        };
                        cx.report(b.span, message)
                            .label(a.span, "converted from this figure")
                            .help(help);
                        continue;
                    }
                }
                // The rate as `key.1` per `key.0`, with the range the rounding allows.
                let (a_low, a_high) = a.interval();
                let (rate, low, high) = if x < y {
                    (
                        implied,
                        b_low / a_high,
                        b_high / a_low.max(f64::MIN_POSITIVE),
                    )
                } else {
                    (
                        1.0 / implied,
                        a_low / b_high,
                        a_high / b_low.max(f64::MIN_POSITIVE),
                    )
                };
                pairs.entry(key).or_default().push(PairRate {
                    rate,
                    low,
                    high,
                    from: conversion.from,
                    to: conversion.to,
                });
                continue;
            }
            let (Some((da, va)), Some((db, vb))) = (
                base(
                    a,
                    a.value,
                    matches!(b.unit, Some(Unit::Measure(Dimension::Mass, _))),
                ),
                base(
                    b,
                    b.value,
                    matches!(a.unit, Some(Unit::Measure(Dimension::Mass, _))),
                ),
            ) else {
                continue;
            };
            if da != db || a.unit.map(|u| u.key()) == b.unit.map(|u| u.key()) {
                continue;
            }
            let (b_low, b_high) = b.rounding();
            let low = base(b, b_low, true).map_or(vb, |(_, v)| v);
            let high = base(b, b_high, true).map_or(vb, |(_, v)| v);
            let (a_low, a_high) = a.rounding();
            let a_low = base(a, a_low, true).map_or(va, |(_, v)| v);
            let a_high = base(a, a_high, true).map_or(va, |(_, v)| v);
            let (lo, hi) = if da == "temperature" {
                (low - 1.0, high + 1.0)
            } else {
                (low * 0.95, high * 1.05)
            };
            // `warming of 1C (1.8F)`: a change of temperature (a few degrees) converts
            // without the offset.
            let celsius = if a.unit == Some(Unit::Celsius) { a } else { b };
            let difference = da == "temperature"
                && celsius.value.abs() <= 15.0
                && matches!(
                    (a.unit, b.unit),
                    (Some(Unit::Celsius), Some(Unit::Fahrenheit))
                        | (Some(Unit::Fahrenheit), Some(Unit::Celsius))
                )
                && {
                    let ratio = if a.unit == Some(Unit::Celsius) {
                        1.8
                    } else {
                        1.0 / 1.8
                    };
                    let (a_low, a_high) = a.rounding();
                    b_high * 1.05 >= a_low * ratio && b_low * 0.95 <= a_high * ratio
                };
            if (hi < a_low || lo > a_high) && !difference {
                let expected = match (da, b.unit) {
                    ("temperature", Some(Unit::Fahrenheit)) => va * 9.0 / 5.0 + 32.0,
                    ("temperature", _) => va,
                    (_, Some(u)) => va / factor(u),
                    _ => continue,
                };
                let unit_text = b
                    .unit_span
                    .and_then(|s| article.text.get(s.range()))
                    .unwrap_or_default();
                cx.report(
                    b.span,
                    format!(
                        "{} is about {} {unit_text}, not {}",
                        a.as_written(article.text),
                        format_amount(expected),
                        b.as_written(article.text)
                    ),
                )
                .label(a.span, "converted from this figure")
                .help("recompute the conversion from the stated figure");
            }
        }
        for (key, rates) in &pairs {
            report_pair_rates(article, cx, *key, rates, tolerance);
        }
    }
}

/// One conversion between two currencies: the rate it implies as the second currency of the
/// pair per the first, the range its rounding allows, and its quantities.
struct PairRate {
    rate: f64,
    low: f64,
    high: f64,
    from: usize,
    to: usize,
}

/// Report the conversions of one currency pair whose rate is far from the others': from the
/// median of three or more (the outlier is then the odd one), else from the first.
fn report_pair_rates(
    article: &Article,
    cx: &mut Context,
    key: (&str, &str),
    rates: &[PairRate],
    tolerance: f64,
) {
    if rates.len() < 2 {
        return;
    }
    let numbers = &article.numbers;
    let (reference, slack, others) = if rates.len() >= 3 {
        let mut sorted: Vec<f64> = rates.iter().map(|r| r.rate).collect();
        sorted.sort_by(f64::total_cmp);
        let median = sorted.get(sorted.len() / 2).copied().unwrap_or(1.0);
        (
            median,
            1.0 + tolerance,
            "the article's other conversions use",
        )
    } else {
        let first = rates.first().map_or(1.0, |r| r.rate);
        (first, 1.0 + 2.0 * tolerance, "an earlier one uses")
    };
    let skip = usize::from(rates.len() < 3);
    for r in rates.iter().skip(skip) {
        if r.high * slack >= reference && r.low <= reference * slack {
            continue;
        }
        let (Some(a), Some(b)) = (numbers.quantities.get(r.from), numbers.quantities.get(r.to))
        else {
            continue;
        };
        let spread = (r.rate / reference).max(reference / r.rate);
        let converted = format!(
            "`{}` is converted to `{}`",
            a.as_written(article.text),
            b.as_written(article.text)
        );
        let message = if spread > 100.0 {
            format!(
                "{converted}, about {} times off the rate {others} ({})",
                times_word(spread),
                rate_phrase(key, reference)
            )
        } else {
            format!(
                "{converted}, {}, but {others} {}",
                rate_phrase(key, r.rate),
                rate_phrase(key, reference)
            )
        };
        let d = cx.report(b.span, message);
        d.label(a.span, "converted from this figure");
        if spread > 100.0 {
            d.help("a scale word (m, bn, million) is probably missing or wrong");
        } else {
            d.help("use one exchange rate for the article");
        }
    }
}

/// A power of ten in words: `a thousand`, `a million`, `100`.
fn times_word(spread: f64) -> String {
    let power = spread.log10().round();
    match power {
        p if p >= 9.0 => "a billion".to_owned(),
        p if p >= 6.0 => "a million".to_owned(),
        p if p >= 3.0 => "a thousand".to_owned(),
        _ => "a hundred".to_owned(),
    }
}

/// A currency's name in the singular and the plural.
fn currency_name(code: &str) -> (&str, &str) {
    match code {
        "USD" => ("dollar", "dollars"),
        "GBP" => ("pound", "pounds"),
        "EUR" => ("euro", "euros"),
        "CNY" => ("yuan", "yuan"),
        "JPY" => ("yen", "yen"),
        "INR" => ("rupee", "rupees"),
        "ZAR" => ("rand", "rand"),
        "CHF" => ("Swiss franc", "Swiss francs"),
        "FRF" => ("French franc", "French francs"),
        "DEM" => ("mark", "marks"),
        "ITL" => ("lira", "lire"),
        "HKD" => ("Hong Kong dollar", "Hong Kong dollars"),
        "AUD" => ("Australian dollar", "Australian dollars"),
        "CAD" => ("Canadian dollar", "Canadian dollars"),
        "NZD" => ("New Zealand dollar", "New Zealand dollars"),
        "SGD" => ("Singapore dollar", "Singapore dollars"),
        "KRW" => ("won", "won"),
        "RUB" => ("rouble", "roubles"),
        "NGN" => ("naira", "naira"),
        other => (other, other),
    }
}

/// A rate of `key.1` per `key.0` as people write it: `about 1.9 dollars to the pound`, turned
/// so the number is at least one.
fn rate_phrase(key: (&str, &str), rate: f64) -> String {
    let (per, unit, rate) = if rate >= 1.0 {
        (key.0, key.1, rate)
    } else {
        (key.1, key.0, 1.0 / rate)
    };
    let shown = if rate >= 100.0 {
        format!("{rate:.0}")
    } else if rate >= 10.0 {
        format!("{:.1}", (rate * 10.0).round() / 10.0)
    } else {
        format!("{rate:.1}")
    };
    format!(
        "about {shown} {} to the {}",
        currency_name(unit).1,
        currency_name(per).0
    )
}

fn factor(unit: Unit) -> f64 {
    match unit {
        Unit::Measure(_, f) => f,
        Unit::Pounds => 0.453_592,
        _ => 1.0,
    }
}

fn format_amount(v: f64) -> String {
    let (scaled, word) = if v >= 1e9 {
        (v / 1e9, " billion")
    } else if v >= 1e6 {
        (v / 1e6, " million")
    } else {
        (v, "")
    };
    let digits = if scaled >= 100.0 || word.is_empty() && scaled >= 10.0 {
        0
    } else {
        1
    };
    format!("{scaled:.digits$}{word}")
}

#[cfg(test)]
mod tests {
    use crate::testing::codes_in;

    #[test]
    fn quick_cases() {
        let fails = [
            "The trail runs 100 km (about 90 miles) through the hills.",
            "Revenue hit 10 million yuan (about 1.4 million dollars). Costs were 5 million yuan (3 million dollars).",
            "It was 30 °C (50 °F) at noon.",
        ];
        let passes = [
            "The trail runs 100 km (about 62 miles) through the hills.",
            "In 2024 revenue hit 10 million yuan (about 1.4 million U.S. dollars).",
            "It was 30 °C (86 °F) at noon.",
            "The park covers 500 hectares (1,236 acres).",
        ];
        for text in fails {
            assert_eq!(codes_in(text), vec!["N004"], "{text}");
        }
        for text in passes {
            assert!(!codes_in(text).contains(&"N004"), "{text}");
        }
    }
}
