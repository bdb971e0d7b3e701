//! Q001: a quotation opened and never closed, or closed and never opened.

use crate::document::Article;
use crate::extract::quotes::QuoteProblem;
use crate::rules::{Context, Rule, RuleMeta, RuleOptions, declare_rule, no_options};

/// Q001 unbalanced-quote.
#[derive(Debug, Default)]
pub struct UnbalancedQuote;

declare_rule! {
    /// ## What it checks
    /// A quotation mark that opens a quotation which is not closed in its paragraph, or a
    /// closing mark with no opening mark before it. It knows the conventions of real copy: a
    /// quotation that runs over several paragraphs reopens each one and closes only in the last;
    /// BBC style opens the next quoted sentence without closing the previous one; `’` and a `"`
    /// typed for it (`India"s`) inside words are apostrophes; `’90s` and `Jingpiaos’` are too.
    ///
    /// ## Why it matters
    /// A reader cannot tell where the speaker's words end and the reporter's begin. An open
    /// quote is also the classic sign of a paragraph cut in editing.
    ///
    /// ## Example
    /// ```markdown
    /// “Machines can realize mass production, said Xu Wan, general manager.
    ///
    /// The company takes orders from toy brands.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// “Machines can realize mass production,” said Xu Wan, general manager.
    ///
    /// The company takes orders from toy brands.
    /// ```
    ///
    /// ## Options
    /// None.
    UnbalancedQuote {
        code: "Q001",
        name: "unbalanced-quote",
        category: Quotes,
        severity: Error,
        summary: "a quotation opened and not closed, or closed and not opened",
    }
}

impl UnbalancedQuote {
    /// Build the rule; it takes no options.
    pub fn build(options: &RuleOptions) -> Result<Box<dyn Rule>, String> {
        no_options(options)?;
        Ok(Box::new(Self))
    }
}

impl Rule for UnbalancedQuote {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, article: &Article, cx: &mut Context) {
        for problem in &article.quotes.problems {
            match *problem {
                QuoteProblem::Unclosed {
                    style,
                    open,
                    paragraph_end,
                } => {
                    cx.report(
                        open,
                        format!(
                            "quotation opened with `{}` is not closed before the paragraph ends",
                            &article.text[open.range()]
                        ),
                    )
                    .label(paragraph_end, "the paragraph ends here")
                    .help(format!(
                        "close the quotation with the matching mark of `{}`, or, if the quote goes on in the next paragraph, open that paragraph with a quotation mark",
                        style.marks()
                    ));
                }
                QuoteProblem::Unopened { style, close } => {
                    cx.report(
                        close,
                        format!(
                            "closing `{}` has no opening mark before it in its paragraph",
                            &article.text[close.range()]
                        ),
                    )
                    .help(format!(
                        "open the quotation with the matching mark of `{}`, or delete the stray mark",
                        style.marks()
                    ));
                }
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
            "He said “we will go.\n\nShe left.",
            "He said we will go.” She left.",
            "« Some young people may see themselves in the duck, said Weng.",
            "\"Not closed, he said.\n\nNext paragraph.",
        ];
        let passes = [
            "« Some young people, » said Weng Yanjun. « Trendy designs, » he said.",
            "“One.\n\n“Two.\n\n“Three,” he said.",
            "Don’t blame the ’90s, said the Jingpiaos’ leader.",
            "\"We left pace behind. \"The team must act,\" he said.",
            "India\"s economy grew, and a 12\" pipe burst.",
        ];
        for text in fails {
            assert_eq!(codes_in(text), vec!["Q001"], "{text}");
        }
        for text in passes {
            assert!(codes_in(text).is_empty(), "{text}");
        }
    }
}
