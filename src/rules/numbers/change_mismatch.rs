//! N002: a stated change that disagrees with its own from and to figures.

use crate::document::Article;
use crate::extract::numbers::{Change, ChangeKind, Quantity, Unit};
use crate::rules::{Check, Context, declare_rule};
use crate::source::Span;

/// N002 change-mismatch.
#[derive(Debug, Default)]
pub struct ChangeMismatch;

declare_rule! {
    /// ## What it checks
    /// A change word checked against the from and to figures of the same clause:
    /// `doubled`, `tripled`, `quadrupled`, `halved`, `N-fold`, `rose`/`fell N percent`,
    /// `grew by N` and the noun form `a 45% jump`, with `from A to B`, `to B from A`,
    /// `to B, compared with A` (or `against A`), or `B, up N% from A`. Rounding of every
    /// figure is allowed for, and hedged changes (`nearly tripled`, `could fall nearly 25%`)
    /// get room to match. Only bare rates with decimals may be quoted either way round; an
    /// amount that `fell` must get smaller. The figures are looked for in the change's own
    /// clause (up to `while`, `but`, `;` or `and` with a new subject), brackets skipped.
    ///
    /// A fall of more than 100 percent (`exports plunged 112%`) is reported with or without
    /// its figures: nothing falls below nothing.
    ///
    /// ## Why it matters
    /// A change word is a claim readers check in their heads: "doubled from 20,000 to 60,000"
    /// tells them the writer either got the word or a figure wrong.
    ///
    /// ## Example
    /// ```markdown
    /// The number of resident artists has doubled from 20,000 in 2012 to 60,000.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// The number of resident artists has tripled from 20,000 in 2012 to 60,000.
    /// ```
    ///
    /// ## Options
    /// None.
    ChangeMismatch {
        code: "N002",
        name: "change-mismatch",
        category: Numbers,
        severity: Error,
        summary: "a stated change disagrees with its own from and to figures",
        layers: [Numbers],
    }
}

/// Whether two figures can be compared as the same kind of thing.
fn comparable(a: &Quantity, b: &Quantity) -> bool {
    if !(a.is_quantity() && b.is_quantity()) || a.range_high.is_some() || b.range_high.is_some() {
        return false;
    }
    if a.value <= 0.0 || b.value <= 0.0 {
        return false;
    }
    // `from 160 to 381 mln`: a scale written once cannot be told from a real jump. A figure
    // written out in full (`to 967,000 tonnes from 1.1 mln`) needs no scale.
    if a.scale != b.scale && (a.scale == 1.0 || b.scale == 1.0) {
        let unscaled = if a.scale == 1.0 { a } else { b };
        let ratio = a.value / b.value;
        if unscaled.value < 1000.0 || !(0.1..=10.0).contains(&ratio) {
            return false;
        }
    }
    match (a.unit, b.unit) {
        (Some(x), Some(y)) => x.key() == y.key(),
        (None, None) => true,
        // `from 20 mln dlrs to 25 mln`: the unit is written once.
        (Some(x), None) | (None, Some(x)) => !matches!(x, Unit::Percent | Unit::PercentagePoints),
    }
}

/// Whether a figure may be an exchange rate quoted either way round: a bare number with
/// decimals (`153.50`), no unit, scale or counted noun.
fn rate_like(q: &Quantity) -> bool {
    q.decimals && q.unit.is_none() && !q.scaled && q.counted.is_none()
}

fn format_ratio(r: f64) -> String {
    if r >= 10.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_owned()
    }
}

/// The change as the article states it: `rose 50 percent`, or the noun form `45% jump`.
fn stated_change(article: &Article, change: &Change, stated: &Quantity) -> String {
    let figure = stated.as_written(article.text);
    if stated.span.start > change.trigger.start {
        format!("{} {figure}", change.word)
    } else {
        format!("{figure} {}", change.word)
    }
}

/// The finding for one change, if its figures disagree: (message, help).
fn judge(article: &Article, change: &Change) -> Option<(String, String)> {
    let numbers = &article.numbers;
    let from = numbers.quantities.get(change.from)?;
    let to = numbers.quantities.get(change.to)?;
    if !comparable(from, to) {
        return None;
    }
    let (a_low, a_high) = from.interval();
    let (b_low, b_high) = to.interval();
    if a_low <= 0.0 || !a_high.is_finite() || !b_high.is_finite() {
        return None;
    }
    let ratio_low = b_low / a_high;
    let ratio_high = b_high / a_low;
    let ratio = to.value / from.value;
    let shown = format!(
        "{} to {}",
        from.as_written(article.text),
        to.as_written(article.text)
    );
    let slack = if change.hedged { 0.3 } else { 0.2 };
    match change.kind {
        ChangeKind::Times(f) | ChangeKind::Fold(f) => {
            let top = if matches!(change.kind, ChangeKind::Fold(_)) {
                f + 1.0
            } else {
                f
            };
            let ok = ratio_high >= f * (1.0 - slack) && ratio_low <= top * (1.0 + slack);
            (!ok).then(|| {
                (
                    format!(
                        "`{}` means {}× but {shown} is {}×",
                        change.word,
                        format_ratio(f),
                        format_ratio(ratio)
                    ),
                    "fix the change word or the figures so they agree".to_owned(),
                )
            })
        }
        ChangeKind::Percent(p, q) => {
            let stated = numbers.quantities.get(q)?;
            // A percent change of a percentage may be in points; leave it alone.
            if matches!(from.unit, Some(Unit::Percent)) {
                return None;
            }
            let (p_low, p_high) = stated.interval();
            let (p_low, p_high) = if p < 0.0 {
                (-p_high, -p_low)
            } else {
                (p_low, p_high)
            };
            let actual_low = (ratio_low - 1.0) * 100.0;
            let actual_high = (ratio_high - 1.0) * 100.0;
            let margin = 1.0 + p.abs() * 0.05;
            let fits = |low: f64, high: f64| high >= p_low - margin && low <= p_high + margin;
            // Exchange rates quoted the other way round (`the yen rose … to 153.50 from
            // 154.67`) flip the sign, so for bare figures with decimals either direction is
            // accepted; amounts of things (`fell 20 percent to 12 million dollars from 10
            // million`) move the way the word says.
            let ok = fits(actual_low, actual_high)
                || rate_like(from) && rate_like(to) && fits(-actual_high, -actual_low);
            (!ok).then(|| {
                let actual = (ratio - 1.0) * 100.0;
                (
                    format!(
                        "`{}` does not match {shown}, a change of {}{:.1} percent",
                        stated_change(article, change, stated),
                        if actual >= 0.0 { "+" } else { "" },
                        actual
                    ),
                    "recompute the percentage from the two figures, or fix a figure".to_owned(),
                )
            })
        }
        ChangeKind::By(d, q) => {
            let stated = numbers.quantities.get(q)?;
            let (d_low, d_high) = stated.interval();
            let (d_low, d_high) = if d < 0.0 {
                (-d_high, -d_low)
            } else {
                (d_low, d_high)
            };
            let actual_low = b_low - a_high;
            let actual_high = b_high - a_low;
            let margin = d.abs() * 0.05;
            let ok = actual_high >= d_low - margin && actual_low <= d_high + margin;
            (!ok).then(|| {
                (
                    format!(
                        "`{} by {}` does not match {shown}",
                        change.word,
                        stated.as_written(article.text)
                    ),
                    "make the stated change equal the difference of the two figures".to_owned(),
                )
            })
        }
    }
}

impl Check for ChangeMismatch {
    fn check(&self, article: &Article, cx: &mut Context) {
        for &(trigger, q) in &article.numbers.falls_beyond_all {
            let Some(percent) = article.numbers.quantities.get(q) else {
                continue;
            };
            let word = article.text.get(trigger.range()).unwrap_or_default();
            cx.report(
                trigger,
                format!(
                    "`{word} {}` is a fall of more than 100 percent, which leaves less than nothing",
                    percent.as_written(article.text)
                ),
            )
            .label(percent.span, "the stated fall")
            .help("check the figure; a quantity can fall by 100 percent at most");
        }
        for change in &article.numbers.changes {
            let reported = |(trigger, _): &(Span, usize)| *trigger == change.trigger;
            if article.numbers.falls_beyond_all.iter().any(reported) {
                continue;
            }
            if let Some((message, help)) = judge(article, change) {
                let to_span = article.numbers.quantities.get(change.to).map(|q| q.span);
                let from_span = article.numbers.quantities.get(change.from).map(|q| q.span);
                let d = cx.report(change.trigger, message);
                if let Some(span) = from_span {
                    d.label(span, "from this figure");
                }
                if let Some(span) = to_span {
                    d.label(span, "to this figure");
                }
                d.help(help);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::codes_in;

    #[test]
    fn quick_cases() {
        let fails = [
            "Their number has doubled from 20,000 in 2012 to 60,000.",
            "Sales rose 50 percent from 200 to 400 units.",
            "Profit rose 20 pct to 100 mln dlrs from 50 mln dlrs.",
            "Membership grew by 30,000 from 20,000 to 60,000.",
            "The herd was halved from 300 to 200 head.",
        ];
        let passes = [
            "Their number has tripled from 20,000 in 2012 to 60,000.",
            "Sales rose 100 percent from 200 to 400 units.",
            "Profit rose 20 pct to 1.2 mln dlrs from 1.0 mln dlrs.",
            "Membership grew by 40,000 from 20,000 to 60,000.",
            "Output nearly tripled from 1.1 million to 3.1 million tonnes.",
        ];
        for text in fails {
            assert_eq!(codes_in(text), vec!["N002"], "{text}");
        }
        for text in passes {
            assert!(!codes_in(text).contains(&"N002"), "{text}");
        }
    }
}
