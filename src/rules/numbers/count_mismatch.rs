//! N003: a count that announces a list of another length.

use crate::document::Article;
use crate::extract::numbers::ListIntro;
use crate::rules::{Check, Context, declare_rule};

/// N003 count-mismatch.
#[derive(Debug, Default)]
pub struct CountMismatch;

declare_rule! {
    /// ## What it checks
    /// A count that announces a list right after it — after a colon, a dash, or `namely` —
    /// and a list with another number of items. Items in quotation marks count as one item
    /// each, whatever commas they hold; `and` between two capitalized words may be part of a
    /// name (`Sao Tome and Principe`), so either reading is accepted. A list after
    /// `including` may be partial: it is reported only when it has more items than the count.
    ///
    /// Items are noun phrases; a long one (`a payment he took from a campaign group`) is read
    /// when every `and` stands before the last item. What follows the dash is no list when it
    /// opens an aside (`— who served …`, `— as well as …`, `- led by …`), when the count
    /// itself sits inside a dashed aside, or when a later segment is an appositive (`…, former
    /// mayor of Bridgeport`). `half a dozen` is a rough count and is left alone.
    ///
    /// ## Why it matters
    /// "Three keywords" followed by four is a sign that an item was added or cut in editing
    /// without the count being updated; readers notice when they count along.
    ///
    /// ## Example
    /// ```markdown
    /// The ambassador shared three keywords — partnership, practicality, prospects and peace.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// The ambassador shared four keywords — partnership, practicality, prospects and peace.
    /// ```
    ///
    /// ## Options
    /// None.
    CountMismatch {
        code: "N003",
        name: "count-mismatch",
        category: Numbers,
        severity: Error,
        summary: "a count announces a list with a different number of items",
        layers: [Numbers],
    }
}

impl Check for CountMismatch {
    fn check(&self, article: &Article, cx: &mut Context) {
        for list in &article.numbers.lists {
            let Some(count) = article.numbers.quantities.get(list.count) else {
                continue;
            };
            let n = count.value;
            let (min, max) = (list.min_items as f64, list.max_items as f64);
            let wrong = match list.intro {
                ListIntro::Including => min > n,
                _ => n < min || n > max,
            };
            if !wrong {
                continue;
            }
            let items = if list.min_items == list.max_items {
                format!("{}", list.min_items)
            } else {
                format!("{} to {}", list.min_items, list.max_items)
            };
            let word = article.text.get(count.span.range()).unwrap_or_default();
            let noun = count.counted.as_deref().unwrap_or("items");
            cx.report(
                count.span,
                format!("`{word} {noun}` announces {word} but the list has {items} items"),
            )
            .label(list.span, "the list")
            .help("make the count match the list, or add or remove items");
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::codes_in;

    #[test]
    fn quick_cases() {
        let fails = [
            "He named three keywords — partnership, practicality, prospects and peace.",
            "The panel covers two topics: trade, energy and health.",
            "It sent four envoys, including a judge, a mayor, a poet, a monk and a nun.",
        ];
        let passes = [
            "He named three keywords — partnership, practicality and prospects.",
            "The panel covers three topics: « Trade, » « Energy, » and « Health. »",
            "It visited two countries: Sao Tome and Principe, and Kenya.",
            "It sent five envoys, including Ms. Li and Mr. Wu.",
        ];
        for text in fails {
            assert_eq!(codes_in(text), vec!["N003"], "{text}");
        }
        for text in passes {
            assert!(!codes_in(text).contains(&"N003"), "{text}");
        }
    }
}
