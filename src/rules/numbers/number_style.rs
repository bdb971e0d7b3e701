//! N006: one article writing the same kind of figure in different styles.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::document::Article;
use crate::extract::numbers::{Quantity, Role, Unit};
use crate::lexicon::{self, Class};
use crate::parse::BlockKind;
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
    /// Only the article's own running prose is judged. Left alone:
    /// - quotations, first-person statements outside marks, transcripts (from the first
    ///   speaker label on, once there are two), and passages mostly in another script;
    /// - headings, subheads, list items, tables, numbered-paragraph markers and lines that do
    ///   not end like a sentence (`5 things to watch`, chart labels such as `0 Percent`);
    /// - ages, money, percentages, units and measurements, scaled figures (`3 million`),
    ///   compound adjectives, proportions (`1 in 5`, `nine out of 10`) and vote or delegate
    ///   tallies.
    ///
    /// A numeral is reported only against a spelled-out count of the same thing (the same noun,
    /// or in the same paragraph), and not where numerals are the article's own habit.
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

/// Spans of quotations, sorted, where style is the speaker's, not ours to judge.
fn quotation_spans(article: &Article) -> Vec<Span> {
    let mut spans: Vec<Span> = article
        .quotes
        .quotations
        .iter()
        .map(|q| q.content)
        .collect();
    spans.sort_unstable();
    spans
}

fn is_excluded(spans: &[Span], at: Span) -> bool {
    let i = spans.partition_point(|s| s.start <= at.start);
    spans[..i].iter().rev().take(8).any(|s| s.end >= at.end)
}

/// Whether a block opens with a transcript's speaker label: `((WN))`, `Q:`, or a name in
/// capitals before a colon (`JANE DOE, HOST:`).
fn opens_with_speaker_label(block: &str) -> bool {
    let block = block.trim_start();
    if let Some(rest) = block.strip_prefix("((") {
        return rest.find("))").is_some_and(|end| end <= 60);
    }
    let Some((label, _)) = block.split_once(':') else {
        return false;
    };
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    (1..=40).contains(&label.chars().count())
        && letters > 0
        && label
            .chars()
            .all(|c| c.is_uppercase() || c.is_whitespace() || matches!(c, ',' | '.' | '\'' | '-'))
}

/// Whether a block speaks in the first person (`I`, `I'm`) outside quotation marks: a
/// statement, letter or answer in someone's own words, with their own style.
fn first_person(text: &str, span: Span, quotations: &[Span]) -> bool {
    let Some(block) = text.get(span.range()) else {
        return false;
    };
    let mut offset = span.start as usize;
    block
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .any(|word| {
            let start = offset;
            offset += word.len() + 1;
            let pronoun = word == "I"
                || ["I'", "I’"].iter().any(|p| {
                    word.strip_prefix(p)
                        .is_some_and(|rest| matches!(rest, "m" | "ve" | "d" | "ll"))
                });
            pronoun && !is_excluded(quotations, Span::new(start, start + 1))
        })
}

/// For every block, whether it is the article's own running prose, where figure style is
/// ours to judge: not a heading, list item or table row, not a line that is not a sentence
/// (a subhead, a recipe line, a line of chart data), not part of a transcript (from the first
/// speaker label on) and not a first-person statement.
fn prose_blocks(article: &Article, quotations: &[Span]) -> Vec<bool> {
    let texts: Vec<&str> = article
        .blocks
        .iter()
        .map(|b| article.text.get(b.span().range()).unwrap_or_default())
        .collect();
    // A transcript labels its speakers again and again; one label is more likely a kicker.
    let labels: Vec<bool> = texts.iter().map(|t| opens_with_speaker_label(t)).collect();
    let transcript_from = if labels.iter().filter(|&&l| l).count() >= 2 {
        labels.iter().position(|&l| l).unwrap_or(usize::MAX)
    } else {
        usize::MAX
    };
    article
        .blocks
        .iter()
        .zip(texts)
        .enumerate()
        .map(|(n, (b, text))| {
            let sentence = text
                .trim_end()
                .ends_with(['.', '!', '?', '"', '”', '»', '’', ')', ':', ';']);
            !(n >= transcript_from
                || !sentence
                || matches!(b.kind, BlockKind::Heading | BlockKind::TableRow)
                || matches!(
                    b.role,
                    crate::parse::Role::ListItem
                        | crate::parse::Role::Subhead
                        | crate::parse::Role::Title
                )
                || first_person(article.text, b.span(), quotations))
        })
        .collect()
}

/// Whether the sentence holding `span` in block `block` is mostly in another script (a
/// passage in another language quoted inside an English paragraph).
fn in_other_script(article: &Article, block: usize, span: Span) -> bool {
    let Some(sentence) = article.sentences.get(block).and_then(|s| {
        s.iter()
            .find(|s| s.start <= span.start && span.end <= s.end)
    }) else {
        return false;
    };
    let text = article.text.get(sentence.range()).unwrap_or_default();
    let (mut latin, mut other) = (0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c <= '\u{24f}' {
            latin += 1;
        } else {
            other += 1;
        }
    }
    other > latin
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
        let quotations = quotation_spans(article);
        let prose = prose_blocks(article, &quotations);
        let candidates: Vec<&Quantity> = article
            .numbers
            .quantities
            .iter()
            .filter(|q| {
                q.is_quantity()
                    && prose.get(q.block).copied().unwrap_or(false)
                    && !is_excluded(&quotations, q.span)
                    && !in_other_script(article, q.block, q.span)
            })
            .collect();
        let percent = styles(candidates.iter().copied(), |q| {
            // `Sixteen percent` opens a sentence in words: not a style choice.
            if !matches!(q.unit, Some(Unit::Percent)) || !q.numeral {
                return None;
            }
            let written = article.text.get(q.unit_span?.range())?;
            // `80 40 0 Percent black`: a capitalized unit inside a sentence labels a chart.
            if !q.sentence_start && written.starts_with(char::is_uppercase) && written.len() > 1 {
                return None;
            }
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
                && !q.paired
                && q.value.fract() == 0.0
                && (2.0..=limit).contains(&q.value)
        };
        // A count that opens a sentence is spelled out in every style: it shows nothing.
        let spelled: Vec<&&Quantity> = candidates
            .iter()
            .filter(|q| small_count(q) && !q.numeral && !q.sentence_start)
            .collect();
        // AP: in a sentence that also counts 10 or more in figures, small counts take figures
        // too ("25 tax charges and 7 corruption charges"), even when the larger one reads as a
        // label (`TDS 18 security officers`).
        let mut large_counts: Vec<(usize, usize)> = article
            .numbers
            .quantities
            .iter()
            .filter(|q| {
                matches!(q.role, Role::Quantity | Role::Label)
                    && q.numeral
                    && q.counted.is_some()
                    && q.unit.is_none()
                    && q.value > limit
            })
            .map(|q| (q.block, q.sentence))
            .collect();
        large_counts.sort_unstable();
        let numerals: Vec<&&Quantity> = candidates
            .iter()
            .filter(|q| {
                small_count(q)
                    && q.numeral
                    && large_counts.binary_search(&(q.block, q.sentence)).is_err()
            })
            .collect();
        // The article's own habit decides: numerals as often as words is a house style of its
        // own, not a slip.
        if numerals.len() > spelled.len() {
            return;
        }
        // The same thing both ways: the same head noun (`two charges` … `7 charges`), or two
        // counts in one paragraph (`three judges and 4 lawyers`).
        let head = |q: &Quantity| {
            let counted = q.counted.as_deref().unwrap_or_default();
            let last = counted.rsplit(' ').next().unwrap_or(counted);
            last.strip_suffix('s').unwrap_or(last).to_owned()
        };
        let pair = numerals.iter().find_map(|n| {
            spelled
                .iter()
                .find(|s| s.block == n.block || head(s) == head(n))
                .map(|s| (*s, *n))
        });
        let (spelled, numeral) = (pair.map(|p| p.0), pair.map(|p| p.1));
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
