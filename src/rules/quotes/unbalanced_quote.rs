//! Q001: a quotation opened and never closed, or closed and never opened.

use crate::document::Article;
use crate::extract::quotes::QuoteProblem;
use crate::rules::{Check, Context, declare_rule};

/// Q001 unbalanced-quote.
#[derive(Debug, Default)]
pub struct UnbalancedQuote;

declare_rule! {
    /// ## What it checks
    /// A quotation mark that opens a quotation which is not closed in its paragraph, a closing
    /// mark with no opening mark before it, and a quotation closed with an opening mark
    /// (`“Hello,“ he said`). The conventions it reads:
    /// - marks of every direction, decided per article so consistent use is never a problem:
    ///   `“…”`, `"…"`, `‘…’`, `«…»` (French, wire copy), `»…«` and `›…‹` (German, Danish),
    ///   `„…“` (German) and `„…”` (Polish, Hungarian); a `“` closes only where `„` opened;
    /// - a quotation that runs over several paragraphs reopens each one and closes only in the
    ///   last, a nested one reopened too (`“‘We…`); French copy may reopen with `»`; a letter
    ///   or transcript quoted whole may leave its middle paragraphs unmarked, or quote others in
    ///   them with marks that pair up; a pull quote set between two paragraphs of a quotation
    ///   is not one of them; an excerpt introduced by a paragraph ending in a colon and cut
    ///   inside its source's quotations at both ends (`…about,” she told the paper. “We…`)
    ///   balances once its outer marks, the page's markup, are read back; a letter quoted whole
    ///   with its paragraphs run together into one reopens after its salutation as after a
    ///   sentence (`"Dear Friends, "I have…`);
    /// - nested marks set apart with a space (`" 'We will,' she said. 'Soon.' "`), as in a
    ///   passage of reporting quoted whole, whose own attribution does not break a chain;
    /// - BBC style opens the next quoted sentence without closing the previous one, also after a
    ///   nested quotation closes the sentence (`…‘go.’ “Then…`); that is legal only when the
    ///   open quotation holds no attribution of its own (`"The harbour reopens, said Ida Berg.
    ///   "Ferries…` is missing its closing mark, reported at the opening one);
    /// - an inner `‘` still open when its outer quotation closes is reported, and an inner
    ///   quotation opened with `"` where `'` was meant (`"He said "sell in May and go away'
    ///   and…"`) is reported at that inner mark; one misplaced mark gives one report, and a
    ///   quotation closed with the wrong mark says so (`“…banks?’`, `‘the embassy”`, `"…,''`
    ///   in wire copy, a reversed `‟`) instead of calling it unclosed; `‘…'` is a style slip,
    ///   not an imbalance; a `"` with its space on the wrong side (`good." China is…," he
    ///   said`) is one report at that mark, not a stray closing mark and a second one;
    /// - apostrophes: `’` inside words, `’90s`, `Jingpiaos’`, `rock ‘n roll`, and a `"` typed for
    ///   one (`India"s`, `I"m`, `it"s`, `don"t`, `we"ll`, `they"re`), while `the dotless "I"s`
    ///   is a quoted letter and its plural.
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
        layers: [Quotes],
        // Marks balance in every language: passages in another language are read too.
        roles: crate::parse::RoleSet::ARTICLE.with(crate::parse::Role::Foreign),
    }
}

impl Check for UnbalancedQuote {
    fn check(&self, article: &Article, cx: &mut Context) {
        for problem in &article.quotes.problems {
            match *problem {
                QuoteProblem::Unclosed {
                    style,
                    open,
                    paragraph_end,
                } => {
                    let opening = &article.text[open.range()];
                    // Where the quotation should have closed: the paragraph's end, the next
                    // quotation opened with the same mark (a chain whose first link holds its
                    // own attribution), or the closing mark of a quotation around it.
                    let (until, label) = match &article.text[paragraph_end.range()] {
                        "" => ("the paragraph ends", "the paragraph ends here"),
                        mark if mark == opening => {
                            ("the next quotation opens", "the next quotation opens here")
                        }
                        _ => (
                            "the quotation around it closes",
                            "the outer quotation closes here",
                        ),
                    };
                    cx.report(
                        open,
                        format!("quotation opened with `{opening}` is not closed before {until}"),
                    )
                    .label(paragraph_end, label)
                    .help(format!(
                        "close the quotation with the matching mark of `{}`, or, if the quote goes on in the next paragraph, open that paragraph with a quotation mark",
                        style.marks()
                    ));
                }
                QuoteProblem::ClosedWithWrongMark { open, close } => {
                    let opening = &article.text[open.range()];
                    let closing = &article.text[close.range()];
                    let kind = match closing {
                        "“" => ", an opening mark",
                        "‟" => ", a reversed mark",
                        _ => "",
                    };
                    let fix = closing_mark(opening);
                    cx.report(
                        close,
                        format!(
                            "quotation opened with `{opening}` is closed with `{closing}`{kind}"
                        ),
                    )
                    .label(open, "opened here")
                    .help(format!("close it with `{fix}`"));
                }
                QuoteProblem::InnerOpenedWithDouble { open, close } => {
                    cx.report(
                        open,
                        "quotation inside a quotation is opened with `\"` but closed with `'`",
                    )
                    .label(close, "closed here")
                    .help("open the inner quotation with `'`");
                }
                QuoteProblem::SpaceOnWrongSide { open, close } => {
                    let text = article.text;
                    let before = text[..open.start as usize]
                        .rsplit(char::is_whitespace)
                        .next()
                        .unwrap_or("");
                    let after = text[open.end as usize..]
                        .trim_start()
                        .split(char::is_whitespace)
                        .next()
                        .unwrap_or("");
                    cx.report(
                        open,
                        format!(
                            "`\"` in `{before}\" {after}` has its space on the wrong side: it opens the quotation closed later in the paragraph but reads as a closing mark"
                        ),
                    )
                    .label(close, "the quotation closes here")
                    .help(format!("move the space before the mark: `{before} \"{after}`"));
                }
                QuoteProblem::OpenedWithClosingMark { open } => {
                    cx.report(open, "quotation opened with `”`, a closing mark")
                        .help("open it with `“`");
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

/// The mark that closes a quotation opened with `opening`.
fn closing_mark(opening: &str) -> &'static str {
    match opening {
        "“" => "”",
        "‘" => "’",
        "'" => "'",
        "„" => "“",
        "«" => "»",
        "»" => "«",
        "‹" => "›",
        "›" => "‹",
        _ => "\"",
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
            "\"Dear Friends, \"I called you here, said Ida Berg. \"It is time.\"",
        ];
        let passes = [
            "« Some young people, » said Weng Yanjun. « Trendy designs, » he said.",
            "“One.\n\n“Two.\n\n“Three,” he said.",
            "Don’t blame the ’90s, said the Jingpiaos’ leader.",
            "\"We left pace behind. \"The team must act,\" he said.",
            "India\"s economy grew, and a 12\" pipe burst.",
            "\"Dear Friends, \"I called you here to say goodbye. \"It is time.\"",
        ];
        for text in fails {
            assert_eq!(codes_in(text), vec!["Q001"], "{text}");
        }
        for text in passes {
            assert!(codes_in(text).is_empty(), "{text}");
        }
    }
}
