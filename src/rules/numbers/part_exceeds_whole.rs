//! N005: a part larger than its whole.

use crate::document::Article;
use crate::extract::numbers::{Hedge, PartRelation, Quantity};
use crate::rules::{Check, Context, declare_rule};

/// N005 part-exceeds-whole.
#[derive(Debug, Default)]
pub struct PartExceedsWhole;

declare_rule! {
    /// ## What it checks
    /// A part stated against its whole that is larger than it: `25 of the 22 buildings`, a
    /// share above 100 percent of a group of people (`120 percent of residents`), or a
    /// breakdown whose parts add up to more than its total (`200 delegates, of whom 120 came
    /// from Africa and 100 from Asia`). Shares of amounts (`150 percent of last year's
    /// sales`) are fine, and parts that may overlap (`120 women and 100 children`) are left
    /// alone. A whole number of things named as a set is exact however round it looks (`102
    /// of the 100 seats`), `out of` needs no noun after the whole (`214 out of 209`), and an
    /// approximate part is no smaller for its hedge (`about 31 of its 30 plants`). A span of
    /// time is a whole too (`24 of the past 22 years`).
    ///
    /// ## Why it matters
    /// A part cannot exceed its whole; one of the two figures is a typo, and both are likely
    /// to be quoted by readers.
    ///
    /// ## Example
    /// ```markdown
    /// Workers have restored 25 of the 22 factory buildings on the site.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// Workers have restored 20 of the 22 factory buildings on the site.
    /// ```
    ///
    /// ## Options
    /// None.
    PartExceedsWhole {
        code: "N005",
        name: "part-exceeds-whole",
        category: Numbers,
        severity: Error,
        summary: "a part is larger than its stated whole",
        layers: [Numbers],
    }
}

/// The least a part can be: `about 28` of a whole is still about 28 (an approximate part
/// is not a smaller one), so only rounding lowers it.
fn part_low(part: &Quantity) -> f64 {
    match part.hedge {
        None | Some(Hedge::About) => {
            let p = if part.value.fract() == 0.0 && !part.scaled {
                0.0
            } else {
                part.precision
            };
            part.value - p
        }
        _ => part.interval().0,
    }
}

/// The most a whole can be: a whole number of things named as a set (`of the 100
/// senators`, `out of 360 creditors`) is exact, however round it looks.
fn whole_high(whole: &Quantity) -> f64 {
    if whole.hedge.is_none() && !whole.scaled && whole.unit.is_none() && whole.value.fract() == 0.0
    {
        whole.value
    } else {
        whole.interval().1
    }
}

impl Check for PartExceedsWhole {
    fn check(&self, article: &Article, cx: &mut Context) {
        let numbers = &article.numbers;
        for part_of in &numbers.parts {
            let Some(part) = numbers.quantities.get(part_of.part) else {
                continue;
            };
            let whole = part_of.whole.and_then(|w| numbers.quantities.get(w));
            match (part_of.relation, whole) {
                (PartRelation::CountOf, Some(whole)) => {
                    if part.value <= whole.value {
                        continue;
                    }
                    let (low, high) = (part_low(part), whole_high(whole));
                    if low > high {
                        cx.report(
                            part.span,
                            format!(
                                "{} of {}{}: the part is larger than the whole",
                                part.as_written(article.text),
                                whole.as_written(article.text),
                                whole
                                    .counted
                                    .as_deref()
                                    .map(|c| format!(" {c}"))
                                    .unwrap_or_default()
                            ),
                        )
                        .label(whole.span, "the whole")
                        .help("check both figures; a part cannot exceed its whole");
                    }
                }
                (PartRelation::ShareOf, _) => {
                    cx.report(
                        part.span,
                        format!(
                            "{} of a group is more than all of it",
                            part.as_written(article.text)
                        ),
                    )
                    .help("a share of people or things counted cannot exceed 100 percent");
                }
                _ => {}
            }
        }
        for breakdown in &numbers.breakdowns {
            let Some(whole) = numbers.quantities.get(breakdown.whole) else {
                continue;
            };
            let parts: Vec<&Quantity> = breakdown
                .parts
                .iter()
                .filter_map(|&p| numbers.quantities.get(p))
                .collect();
            let low: f64 = parts.iter().map(|p| p.interval().0).sum();
            let (_, high) = whole.interval();
            if low > high {
                let shown: Vec<String> = parts.iter().map(|p| p.as_written(article.text)).collect();
                let Some(first) = parts.first() else { continue };
                let sum: f64 = parts.iter().map(|p| p.value).sum();
                let d = cx.report(
                    first.span,
                    format!(
                        "the parts {} add up to {sum}, more than the total of {}",
                        shown.join(" + "),
                        whole.as_written(article.text)
                    ),
                );
                d.label(whole.span, "the total");
                for p in parts.iter().skip(1) {
                    d.label(p.span, "part");
                }
                d.help("check the total and each part");
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
            "Workers restored 25 of the 22 factory buildings.",
            "In the poll, 120 percent of residents voted.",
            "The 200 delegates, of whom 120 came from Africa and 100 from Asia, met.",
        ];
        let passes = [
            "Workers restored 20 of the 22 factory buildings.",
            "Exports reached 120 percent of last year's level.",
            "Two of the 1980 models were sold.",
            "The 200 delegates, of whom 120 came from Africa and 80 from Asia, met.",
            "The 200 victims, among them 120 women and 100 children, were named.",
        ];
        for text in fails {
            assert_eq!(codes_in(text), vec!["N005"], "{text}");
        }
        for text in passes {
            assert!(!codes_in(text).contains(&"N005"), "{text}");
        }
    }
}
