//! N006: one article writing the same kind of figure in different styles.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::document::Article;
use crate::extract::numbers::{Quantity, Unit};
use crate::lexicon::{self, Class};
use crate::parse::{BlockKind, Syntax};
use crate::rules::{Check, Context, declare_rule};
use crate::source::Span;

/// N006 number-style.
#[derive(Debug, Default)]
pub struct NumberStyle {
    style: Style,
}

/// Which small numbers the house style spells out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(rename = "NumberHouseStyle")]
enum Style {
    /// AP: one to nine in words, 10 and up in numerals.
    #[default]
    Ap,
    /// Chicago: zero to one hundred in words.
    Chicago,
    /// No numeral-or-word check.
    None,
}

/// Options of N006.
#[derive(Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct NumberStyleOptions {
    /// Which counts the house style spells out; `"none"` turns the numerals-or-words check off.
    style: Style,
}

declare_rule! {
    /// ## What it checks
    /// One article writing the same kind of figure two ways:
    /// - percentages as `percent`, `per cent`, `%` and `pct` mixed;
    /// - large numbers with and without thousands separators (`10,000` and `10000`);
    /// - small counts of things both in words and in numerals, where the house style says
    ///   words (AP: one to nine; Chicago: up to one hundred).
    ///
    /// Quotations, headings and tables are left alone, and so are ages, money, percentages,
    /// units, scaled figures (`3 million`) and compound adjectives.
    ///
    /// ## Why it matters
    /// Consistent style is what makes figures easy to scan; mixed styles look like copy
    /// pasted together without an edit.
    ///
    /// ## Example
    /// ```markdown
    /// Turnout rose to 62 percent. In the capital it reached 70% of the five districts.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// Turnout rose to 62 percent. In the capital it reached 70 percent of the five districts.
    /// ```
    ///
    /// ## Options
    /// - `style` (`"ap"`, `"chicago"` or `"none"`, default `"ap"`): which counts the house
    ///   style spells out; `"none"` turns the numerals-or-words check off.
    NumberStyle {
        code: "N006",
        name: "number-style",
        category: Numbers,
        severity: Warning,
        summary: "the article writes the same kind of figure in different styles",
        layers: [Numbers, Quotes],
        options: NumberStyleOptions,
    }
}

impl NumberStyle {
    /// The rule with its house style.
    fn from_options(options: NumberStyleOptions) -> Result<Self, String> {
        Ok(Self {
            style: options.style,
        })
    }
}

/// Spans of quotations, headings and tables, sorted, where style is not ours to judge.
fn excluded_spans(article: &Article) -> Vec<Span> {
    let mut spans: Vec<Span> = article
        .quotes
        .quotations
        .iter()
        .map(|q| q.content)
        .chain(
            article
                .blocks
                .iter()
                .filter(|b| {
                    // Lists (of charges, of figures) take numerals in every style.
                    matches!(b.kind, BlockKind::Heading | BlockKind::TableRow)
                        || b.role == crate::parse::Role::ListItem
                })
                .map(|b| b.span()),
        )
        .collect();
    spans.sort_unstable();
    spans
}

fn is_excluded(spans: &[Span], at: Span) -> bool {
    let i = spans.partition_point(|s| s.start <= at.start);
    spans[..i].iter().rev().take(8).any(|s| s.end >= at.end)
}

/// The first mention of every style, in order of first use; `key` gives the style.
fn styles<'q>(
    quantities: impl Iterator<Item = &'q Quantity>,
    key: impl Fn(&Quantity) -> Option<String>,
) -> Vec<(String, &'q Quantity, usize)> {
    let mut found: Vec<(String, &Quantity, usize)> = Vec::new();
    for q in quantities {
        let Some(style) = key(q) else { continue };
        match found.iter_mut().find(|(s, _, _)| *s == style) {
            Some(entry) => entry.2 += 1,
            None => found.push((style, q, 1)),
        }
    }
    found
}

fn report_minority(
    article: &Article,
    cx: &mut Context,
    found: &[(String, &Quantity, usize)],
    what: &str,
    help: &str,
) {
    let Some(major) = found
        .iter()
        .enumerate()
        .max_by_key(|(i, (_, _, n))| (*n, usize::MAX - i))
        .map(|(_, f)| f)
    else {
        return;
    };
    for (style, q, _) in found {
        if style == &major.0 {
            continue;
        }
        let shown = article.text.get(q.span.range()).unwrap_or_default();
        cx.report(
            q.span,
            format!(
                "{what} written {style} in `{shown}`, but {} elsewhere in the article",
                major.0
            ),
        )
        .label(major.1.span, "the more common style")
        .help(help.to_owned());
    }
}

impl Check for NumberStyle {
    fn check(&self, article: &Article, cx: &mut Context) {
        let excluded = excluded_spans(article);
        // In plain text the first block is the headline, which has its own style.
        let headline = usize::from(
            article.syntax == Syntax::Plain
                && article.blocks.len() > 1
                && article.blocks.first().is_some_and(|b| {
                    !article
                        .text
                        .get(b.span().range())
                        .unwrap_or_default()
                        .trim_end()
                        .ends_with(['.', '!', '?', '"', '”', '»'])
                }),
        );
        let candidates: Vec<&Quantity> = article
            .numbers
            .quantities
            .iter()
            .filter(|q| q.is_quantity() && q.block >= headline && !is_excluded(&excluded, q.span))
            .collect();
        let percent = styles(candidates.iter().copied(), |q| {
            // `Sixteen percent` opens a sentence in words: not a style choice.
            if !matches!(q.unit, Some(Unit::Percent)) || !q.numeral {
                return None;
            }
            let written = article.text.get(q.unit_span?.range())?;
            let written = written
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            Some(format!("as `{written}`"))
        });
        report_minority(
            article,
            cx,
            &percent,
            "a percentage is",
            "write percentages one way throughout the article",
        );
        let grouping = styles(candidates.iter().copied(), |q| {
            // Model numbers (`80386 chip`) are not amounts: an amount has a unit, a currency or
            // counts things.
            let amount = q.unit.is_some()
                || q.counted
                    .as_deref()
                    .is_some_and(|c| c.ends_with('s') && !c.ends_with("ss"));
            (q.numeral
                && amount
                && !q.compound
                && !q.decimals
                && q.integer_digits >= 5
                && q.range_high.is_none())
            .then(|| {
                if q.grouped {
                    "with a thousands separator".to_owned()
                } else {
                    "without a thousands separator".to_owned()
                }
            })
        });
        report_minority(
            article,
            cx,
            &grouping,
            "a large number is",
            "group the digits of large numbers the same way throughout (AP: 10,000)",
        );
        let limit = match self.style {
            Style::Ap => 9.0,
            Style::Chicago => 100.0,
            Style::None => return,
        };
        let text = article.text;
        let small_count = |q: &&Quantity| {
            q.unit.is_none()
                && !q.decimals
                && !text
                    .get(q.number_span.range())
                    .is_some_and(|n| n.starts_with('0'))
                && q.counted.as_deref().is_some_and(|c| {
                    let head = c.rsplit(' ').next().unwrap_or(c);
                    head.ends_with('s')
                        && !head.ends_with("ss")
                        && !lexicon::is(head, Class::SPORTS_OR_MONEY)
                })
                && !q.scaled
                && !q.compound
                && q.hedge.is_none()
                && q.range_high.is_none()
                && q.counted.is_some()
                && !q.in_parens
                && q.value.fract() == 0.0
                && (2.0..=limit).contains(&q.value)
        };
        // A count that opens a sentence is spelled out in every style: it shows nothing.
        let spelled = candidates
            .iter()
            .find(|q| small_count(q) && !q.numeral && !q.sentence_start);
        // AP: in a sentence that also counts 10 or more in figures, small counts take figures
        // too ("25 tax charges and 7 corruption charges").
        let mut large_counts: Vec<(usize, usize)> = candidates
            .iter()
            .filter(|q| q.numeral && q.counted.is_some() && q.unit.is_none() && q.value > limit)
            .map(|q| (q.block, q.sentence))
            .collect();
        large_counts.sort_unstable();
        let numeral = candidates.iter().find(|q| {
            small_count(q)
                && q.numeral
                && large_counts.binary_search(&(q.block, q.sentence)).is_err()
        });
        if let (Some(spelled), Some(numeral)) = (spelled, numeral) {
            let shown = article.text.get(numeral.span.range()).unwrap_or_default();
            let counted = numeral.counted.as_deref().unwrap_or_default();
            cx.report(
                numeral.span,
                format!(
                    "`{shown} {counted}` uses a numeral where the article elsewhere spells out small counts"
                ),
            )
            .label(spelled.span, "spelled out here")
            .help(format!(
                "spell out counts up to {limit} in words ({} style)",
                if self.style == Style::Ap { "AP" } else { "Chicago" }
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::codes_in;

    #[test]
    fn quick_cases() {
        let fails = [
            "Turnout rose to 62 percent. In the capital it reached 70% of voters.",
            "The fair drew 12,000 visitors. A year earlier it drew 9500 visitors and 10500 exhibitors.",
            "The panel had three judges and 4 lawyers.",
        ];
        let passes = [
            "Turnout rose to 62 percent. In the capital it reached 70 percent of voters.",
            "The fair drew 12,000 visitors, up from 10,500 visitors.",
            "Three judges and four lawyers attended, with 12 clerks.",
            "Three judges attended. \"We had 4 lawyers,\" he said.",
        ];
        for text in fails {
            assert_eq!(codes_in(text), vec!["N006"], "{text}");
        }
        for text in passes {
            assert!(!codes_in(text).contains(&"N006"), "{text}");
        }
    }
}
