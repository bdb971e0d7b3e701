//! Q004: quotation marks of more than one style at the same nesting level.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::document::Article;
use crate::extract::quotes::{Quotation, QuoteProblem, QuoteStyle};
use crate::rules::{Check, Context, declare_rule};
use crate::source::Span;

/// The house style for double quotation marks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
#[schemars(rename = "QuoteHouseStyle")]
pub enum HouseStyle {
    /// Any one style, as long as the article keeps to it.
    #[default]
    Any,
    /// `“ ”`.
    Curly,
    /// `" "`.
    Straight,
    /// `« »`.
    Guillemets,
}

impl HouseStyle {
    fn style(self) -> Option<QuoteStyle> {
        match self {
            HouseStyle::Any => None,
            HouseStyle::Curly => Some(QuoteStyle::Curly),
            HouseStyle::Straight => Some(QuoteStyle::Straight),
            HouseStyle::Guillemets => Some(QuoteStyle::Guillemets),
        }
    }
}

/// Options of Q004.
#[derive(Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct MixedQuoteStyleOptions {
    /// The house style for outer quotations: `"any"` holds the article to the style it uses
    /// most, the others report every outer quotation in another style.
    style: HouseStyle,
}

/// Q004 mixed-quote-style.
#[derive(Debug, Default)]
pub struct MixedQuoteStyle {
    house: HouseStyle,
}

declare_rule! {
    /// ## What it checks
    /// Outer quotations that use more than one style of marks in one article (`“…”` in one
    /// paragraph, `"…"` in another, `«…»` in a third), a quotation opened with one style and
    /// closed with another, and, with a house style set, outer quotations in any other style.
    /// Inner quotations (`‘…’` inside `“…”`) are not compared with outer ones, and low-high
    /// quotes (`„…“`), which carry German or Polish convention into the copy, and single
    /// guillemets are neither counted as curly quotes nor held to the article's style. It
    /// reports once per article and style, and one mark once: a quotation opened with `"` and
    /// closed with `”` is reported as such and not counted toward either style. Captions,
    /// embedded posts, pull quotes, passages in another language and code are not the
    /// article's prose and do not count, nor does a caption inside a paragraph of flattened web
    /// copy (a sentence that ends right before a credit such as `(People's Daily Online/Wu
    /// Chaolan)`). A quotation opened with a closing mark (`”We…"`) is reported by Q001 and
    /// counted here toward no style.
    ///
    /// ## Why it matters
    /// Mixed marks are the fingerprint of copy pasted together from several sources; they look
    /// careless in print and trip up search and quote checking.
    ///
    /// ## Example
    /// ```markdown
    /// “We are ready,” said the mayor.
    ///
    /// "So are we," said the council.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// “We are ready,” said the mayor.
    ///
    /// “So are we,” said the council.
    /// ```
    ///
    /// ## Options
    /// `style`: the house style, one of `"any"` (the default: keep to one style), `"curly"`,
    /// `"straight"` or `"guillemets"`.
    ///
    /// ```toml
    /// [rules.mixed-quote-style]
    /// style = "curly"
    /// ```
    MixedQuoteStyle {
        code: "Q004",
        name: "mixed-quote-style",
        category: Quotes,
        severity: Warning,
        summary: "quotation marks of more than one style at the same nesting level",
        layers: [Quotes],
        options: MixedQuoteStyleOptions,
    }
}

impl MixedQuoteStyle {
    /// The rule with its house style.
    fn from_options(options: MixedQuoteStyleOptions) -> Result<Self, String> {
        Ok(Self {
            house: options.style,
        })
    }
}

fn style_name(style: QuoteStyle) -> &'static str {
    match style {
        QuoteStyle::Straight => "straight quotes",
        QuoteStyle::Curly => "curly quotes",
        QuoteStyle::LowHigh => "low-high quotes („ “)",
        QuoteStyle::Guillemets => "guillemets",
        QuoteStyle::SingleGuillemets => "single guillemets",
        QuoteStyle::CurlySingle | QuoteStyle::StraightSingle => "single quotes",
    }
}

/// Whether a closing mark belongs to the family of the quotation's opening mark; `None` for
/// marks this rule does not judge.
fn closes_in_style(open: QuoteStyle, mark: &str) -> Option<bool> {
    let family = match mark {
        "\"" => QuoteStyle::Straight,
        "”" | "“" if open == QuoteStyle::LowHigh => QuoteStyle::LowHigh,
        "”" | "“" => QuoteStyle::Curly,
        "»" | "«" => QuoteStyle::Guillemets,
        _ => return None,
    };
    Some(family == open)
}

/// Whether quotation `q` stands in a photo caption inside a paragraph (flattened web copy):
/// the rest of its sentence ends right before a photo credit in brackets.
fn in_inline_caption(article: &Article, q: &Quotation) -> bool {
    let Some(close) = q.close else {
        return false;
    };
    let end = article
        .blocks
        .get(q.block)
        .map_or(close.end as usize, |b| b.span().end as usize);
    crate::parse::roles::caption_sentence_at(article.text, close.end as usize, end)
}

impl Check for MixedQuoteStyle {
    fn check(&self, article: &Article, cx: &mut Context) {
        // A quotation opened with a closing mark (`”We…"`), closed with a mark of the wrong
        // kind (`"Super Reds‟`) or never closed is Q001's report; one mark, one report: its
        // marks count toward no style here.
        let misopened: Vec<Span> = article
            .quotes
            .problems
            .iter()
            .filter_map(|p| match p {
                QuoteProblem::OpenedWithClosingMark { open }
                | QuoteProblem::ClosedWithWrongMark { open, .. }
                | QuoteProblem::Unclosed { open, .. } => Some(*open),
                _ => None,
            })
            .collect();
        let outer: Vec<&Quotation> = article
            .quotes
            .quotations
            .iter()
            // Low-high quotes („…“) carry German or Polish convention into the copy: they are
            // not the article's curly quotes, nor a style to hold the rest to.
            .filter(|q| {
                q.depth == 0
                    && !q.continued
                    && !in_inline_caption(article, q)
                    && !misopened.contains(&q.open)
                    && !matches!(
                        q.style,
                        QuoteStyle::CurlySingle
                            | QuoteStyle::StraightSingle
                            | QuoteStyle::LowHigh
                            | QuoteStyle::SingleGuillemets
                    )
            })
            .collect();
        // A quotation opened in one style and closed in another is reported for that once, and
        // not counted again toward either style.
        let mut misclosed = vec![false; outer.len()];
        for (k, q) in outer.iter().enumerate() {
            let Some(close) = q.close else { continue };
            let Some(in_style) = closes_in_style(q.style, &article.text[close.range()]) else {
                continue;
            };
            if !in_style {
                misclosed[k] = true;
                cx.report(
                    close,
                    format!(
                        "quotation opened with `{}` is closed with `{}`",
                        &article.text[q.open.range()],
                        &article.text[close.range()]
                    ),
                )
                .label(q.open, "opened here")
                .help("close it with the mark that matches the opening one");
            }
        }
        let mut counts: Vec<(QuoteStyle, usize, &Quotation)> = Vec::new();
        for (q, _) in outer
            .iter()
            .zip(&misclosed)
            .filter(|(_, misclosed)| !**misclosed)
        {
            match counts.iter_mut().find(|(s, _, _)| *s == q.style) {
                Some(entry) => entry.1 += 1,
                None => counts.push((q.style, 1, q)),
            }
        }
        let expected = match self.house.style() {
            Some(style) => style,
            None if counts.len() > 1 => {
                // The style used most (the first used, on a tie) sets the norm.
                let most = counts.iter().map(|c| c.1).max().unwrap_or(0);
                match counts.iter().find(|c| c.1 == most) {
                    Some(c) => c.0,
                    None => return,
                }
            }
            None => return,
        };
        let norm = counts.iter().find(|c| c.0 == expected);
        for &(style, count, first) in counts.iter().filter(|c| c.0 != expected) {
            let times = if count == 1 {
                "once".to_owned()
            } else {
                format!("{count} times")
            };
            let message = match (self.house, norm) {
                (HouseStyle::Any, Some((_, norm_count, _))) if *norm_count == count => format!(
                    "{} are used here and {} elsewhere in the article",
                    style_name(style),
                    style_name(expected)
                ),
                (HouseStyle::Any, Some((_, norm_count, _))) => format!(
                    "{} are used {times} in an article that otherwise uses {} ({})",
                    style_name(style),
                    style_name(expected),
                    if *norm_count == 1 {
                        "once".to_owned()
                    } else {
                        format!("{norm_count} times")
                    }
                ),
                _ => format!(
                    "{} are used {times} where the house style is {}",
                    style_name(style),
                    style_name(expected)
                ),
            };
            let diagnostic = cx.report(first.open, message);
            if let Some((_, _, norm_first)) = norm {
                diagnostic.label(norm_first.open, "the article's style");
            }
            diagnostic.help(format!(
                "use {} for every outer quotation",
                style_name(expected)
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::codes_in;

    #[test]
    fn quick_cases() {
        assert!(
            codes_in("“One,” he said. \"Two,\" she said. “Three,” they said.").contains(&"Q004")
        );
        assert!(codes_in("“One,\" he said.").contains(&"Q004"));
        assert!(!codes_in("“One ‘inner’ two,” he said. “Three,” she said.").contains(&"Q004"));
        assert!(!codes_in("« One “inner” two, » he said. « Three, » she said.").contains(&"Q004"));
    }
}
