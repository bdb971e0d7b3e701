//! Quotation marks: which mark opens and which closes, the quotations they make, and the marks that
//! do not pair up.
//!
//! Conventions understood:
//! - straight `"` marks are told apart by what stands on either side of them; an ambiguous mark
//!   closes an open quotation and opens otherwise;
//! - a quotation may run over several paragraphs: each paragraph reopens it and only the last one
//!   closes it (wire style), and French copy may open a continued paragraph with `»`;
//! - BBC style carries a quotation into the next sentence by opening a new mark without closing the
//!   old one;
//! - `’` (and a `"` typed for it, as in `India"s`) is an apostrophe unless it closes a `‘`.

use super::attribution::Attribution;
use crate::parse::{Block, BlockKind};
use crate::source::Span;

/// The family of marks a quotation uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuoteStyle {
    /// `"` … `"`.
    Straight,
    /// `“` … `”` (and the low-high `„` … `“` pair).
    Curly,
    /// `«` … `»`.
    Guillemets,
    /// `‘` … `’`.
    CurlySingle,
}

impl QuoteStyle {
    /// The marks, for messages.
    pub fn marks(self) -> &'static str {
        match self {
            QuoteStyle::Straight => "\" \"",
            QuoteStyle::Curly => "“ ”",
            QuoteStyle::Guillemets => "« »",
            QuoteStyle::CurlySingle => "‘ ’",
        }
    }

    fn is_double(self) -> bool {
        self != QuoteStyle::CurlySingle
    }
}

/// One quotation inside one block.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// The mark family.
    pub style: QuoteStyle,
    /// The opening mark.
    pub open: Span,
    /// The closing mark, when the quotation closes in this block.
    pub close: Option<Span>,
    /// The quoted text between the marks (to the end of the block when it does not close here).
    pub content: Span,
    /// Index of the block in the article.
    pub block: usize,
    /// How many quotations enclose this one (0 for the outermost).
    pub depth: usize,
    /// Whether this quotation continues one left open in the previous paragraph.
    pub continued: bool,
    /// Speech, a title, or a single quoted term.
    pub kind: QuoteKind,
    /// Who said it, when the article says.
    pub speaker: Option<Speaker>,
}

impl Quotation {
    /// The words of the quoted text, without punctuation (apostrophes and hyphens inside words
    /// kept), for comparing one quotation with another.
    pub fn words<'t>(&self, text: &'t str) -> Vec<&'t str> {
        text[self.content.range()]
            .split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|w| !w.is_empty())
            .collect()
    }
}

/// What a quotation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum QuoteKind {
    /// Someone's words.
    #[default]
    Speech,
    /// The title of a work, a theme or a slogan (`a report titled «…»`).
    Title,
    /// A word or short phrase in quotation marks (`the « wordless » expression`).
    Term,
}

/// Who a quotation is attributed to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The name as written, without honorifics (`Weng Yanjun`, `Xu`).
    pub name: String,
    /// Where the attribution is (the name, or the pronoun that stands for it).
    pub span: Span,
    /// Attributed by `he said`/`she said`; `name` is the last named speaker before it.
    pub by_pronoun: bool,
    /// Taken from an earlier quotation in the paragraph, or the part before a continuation.
    pub inherited: bool,
}

/// A mark that does not pair up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QuoteProblem {
    /// An opening mark whose quotation is not closed in its paragraph, and the next paragraph does
    /// not continue it.
    Unclosed {
        /// The mark family.
        style: QuoteStyle,
        /// The opening mark.
        open: Span,
        /// The end of the paragraph where the quotation should have closed.
        paragraph_end: Span,
    },
    /// A closing mark with no opening mark before it in its paragraph.
    Unopened {
        /// The mark family.
        style: QuoteStyle,
        /// The closing mark.
        close: Span,
    },
}

/// Everything the quote layer found in an article.
#[derive(Debug, Clone, Default)]
pub struct Quotes {
    /// Every quotation, in order of the opening mark.
    pub quotations: Vec<Quotation>,
    /// Marks that do not pair up, in file order.
    pub problems: Vec<QuoteProblem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open(QuoteStyle),
    Close(QuoteStyle),
    /// A straight `"` whose role depends on whether one is open.
    Toggle,
}

struct Mark {
    role: Role,
    span: Span,
    /// Whether a sentence ends right before the mark (`… behind. "The`), which tells a new
    /// quoted sentence (BBC style) from a quotation nested inside another.
    after_sentence_end: bool,
}

/// How the previous paragraph hands on to the next one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Continuation {
    /// The paragraph opens with a mark that reopens the carried quotation.
    Reopened(QuoteStyle),
    /// The paragraph closes the carried quotation without having reopened it.
    ClosedWithoutReopening(QuoteStyle),
}

/// An open quotation while a block is scanned.
#[derive(Debug, Clone, Copy)]
struct Open {
    style: QuoteStyle,
    /// Index into `Quotes::quotations`.
    quotation: usize,
    /// Opened while a quotation of the same style was open at a sentence end (BBC style).
    chained: bool,
}

/// Find the quotations and quote problems of all `blocks` of `text`.
pub fn extract(text: &str, blocks: &[Block]) -> Quotes {
    let mut quotes = Quotes::default();
    let mut attribution = Attribution::default();
    let read = |block: &Block| {
        let chars: Vec<(usize, char)> = block.chars(text).collect();
        let marks = classify(&chars);
        (chars, marks)
    };
    // Each block's characters are read once; the next block's marks are needed to tell whether
    // it continues a quotation left open.
    let mut next = blocks.first().map(read);
    let mut carried: Option<QuoteStyle> = None;
    for (index, block) in blocks.iter().enumerate() {
        let Some((chars, marks)) = next.take() else {
            break;
        };
        next = blocks.get(index + 1).map(read);
        let first_quotation = quotes.quotations.len();
        let continues = carried.and_then(|style| continuation(block, &marks, style));
        let left_open = scan_block(text, index, block, &marks, continues, &mut quotes);
        attribution.annotate_block(text, &chars, &mut quotes.quotations, first_quotation);
        carried = None;
        let Some(outer) = left_open.first() else {
            continue;
        };
        let next_continues = blocks
            .get(index + 1)
            .filter(|next_block| next_block.kind != BlockKind::Heading)
            .zip(next.as_ref())
            .is_some_and(|(next_block, (_, next_marks))| {
                continuation(next_block, next_marks, outer.style).is_some()
            });
        if next_continues {
            carried = Some(outer.style);
            continue;
        }
        let paragraph_end = Span::empty(block.span().end as usize);
        for open in left_open {
            // The last link of a BBC-style chain of quoted sentences often stands where an
            // editor cut a paragraph: too ambiguous to report.
            if !open.chained {
                quotes.problems.push(QuoteProblem::Unclosed {
                    style: open.style,
                    open: quotes.quotations[open.quotation].open,
                    paragraph_end,
                });
            }
        }
    }
    quotes.problems.sort_by_key(|problem| match problem {
        QuoteProblem::Unclosed { open, .. } => *open,
        QuoteProblem::Unopened { close, .. } => *close,
    });
    quotes
}

/// Whether `block` goes on with a quotation of `style` left open by the paragraph before: it
/// starts with a mark that reopens it (or `»` in French copy), or its first mark closes it.
fn continuation(block: &Block, marks: &[Mark], style: QuoteStyle) -> Option<Continuation> {
    let first = marks.first()?;
    let at_start = block
        .pieces
        .first()
        .is_some_and(|p| p.start == first.span.start);
    let reopens = match (first.role, style) {
        (Role::Open(s), _) => s == style,
        (Role::Toggle, QuoteStyle::Straight) => true,
        (Role::Close(QuoteStyle::Guillemets), QuoteStyle::Guillemets) => true,
        _ => false,
    };
    if at_start && reopens {
        return Some(Continuation::Reopened(style));
    }
    match first.role {
        Role::Close(s) if pairs_with(s, style) => Some(Continuation::ClosedWithoutReopening(style)),
        _ => None,
    }
}

/// Whether a closing mark of style `close` may close a quotation opened with `open`: the same
/// family, or straight and curly double marks mixed (a style slip, not an imbalance).
fn pairs_with(close: QuoteStyle, open: QuoteStyle) -> bool {
    use QuoteStyle::{Curly, Straight};
    close == open || matches!((close, open), (Straight, Curly) | (Curly, Straight))
}

/// Walk one block's marks, recording quotations and problems. Returns the double quotations
/// still open at the end of the block, outermost first.
fn scan_block(
    text: &str,
    index: usize,
    block: &Block,
    marks: &[Mark],
    continuation: Option<Continuation>,
    quotes: &mut Quotes,
) -> Vec<Open> {
    let block_start = block.span().start as usize;
    let block_end = block.span().end as usize;
    let mut stack: Vec<Open> = Vec::new();
    let mut marks = marks.iter().peekable();
    if let Some(continuation) = continuation {
        let (style, open) = match continuation {
            Continuation::Reopened(style) => (
                style,
                marks.next().map_or(Span::empty(block_start), |m| m.span),
            ),
            Continuation::ClosedWithoutReopening(style) => (style, Span::empty(block_start)),
        };
        stack.push(Open {
            style,
            quotation: quotes.quotations.len(),
            chained: false,
        });
        quotes.quotations.push(Quotation {
            style,
            open,
            close: None,
            content: Span::new(open.end as usize, block_end),
            block: index,
            depth: 0,
            continued: true,
            kind: QuoteKind::Speech,
            speaker: None,
        });
    }
    let mut previous_end = None;
    for mark in marks {
        // `""` typed twice counts once.
        if previous_end == Some(mark.span.start) && text[mark.span.range()] == *"\"" {
            continue;
        }
        previous_end = Some(mark.span.end);
        let straight_open = stack.iter().any(|o| o.style == QuoteStyle::Straight);
        let role = match mark.role {
            Role::Toggle if straight_open => Role::Close(QuoteStyle::Straight),
            Role::Toggle => Role::Open(QuoteStyle::Straight),
            role => role,
        };
        match role {
            Role::Open(style) => {
                let mut chained = false;
                if style.is_double() && mark.after_sentence_end {
                    // BBC style: a new mark of the same style while one is open starts the next
                    // quoted sentence; the earlier quotation ends where the new one starts.
                    if let Some(position) = stack.iter().rposition(|o| o.style == style) {
                        for open in stack.drain(position..) {
                            quotes.quotations[open.quotation].content.end = mark.span.start;
                        }
                        chained = true;
                    }
                }
                stack.push(Open {
                    style,
                    quotation: quotes.quotations.len(),
                    chained,
                });
                quotes.quotations.push(Quotation {
                    style,
                    open: mark.span,
                    close: None,
                    content: Span::new(mark.span.end as usize, block_end),
                    block: index,
                    depth: stack.len() - 1,
                    continued: false,
                    kind: QuoteKind::Speech,
                    speaker: None,
                });
            }
            Role::Close(style) => match stack.iter().rposition(|o| pairs_with(style, o.style)) {
                Some(position) => {
                    for inner in stack.drain(position + 1..) {
                        let quotation = &mut quotes.quotations[inner.quotation];
                        quotation.content.end = mark.span.start;
                        if inner.style.is_double() && !inner.chained {
                            quotes.problems.push(QuoteProblem::Unclosed {
                                style: inner.style,
                                open: quotation.open,
                                paragraph_end: mark.span,
                            });
                        }
                    }
                    if let Some(open) = stack.pop() {
                        let quotation = &mut quotes.quotations[open.quotation];
                        quotation.close = Some(mark.span);
                        quotation.content.end = mark.span.start;
                    }
                }
                // A `’` with nothing to close is an apostrophe.
                None if style == QuoteStyle::CurlySingle => {}
                None => quotes.problems.push(QuoteProblem::Unopened {
                    style,
                    close: mark.span,
                }),
            },
            Role::Toggle => {}
        }
    }
    let mut left_open = Vec::new();
    for open in stack {
        let quotation = &quotes.quotations[open.quotation];
        if open.style.is_double() {
            left_open.push(open);
        } else if !text[quotation.open.end as usize..block_end].contains('’') {
            // An unclosed `‘` is a problem only when no `’` follows at all (otherwise the `’` was
            // read as an apostrophe, and the writer most likely closed the quote).
            quotes.problems.push(QuoteProblem::Unclosed {
                style: open.style,
                open: quotation.open,
                paragraph_end: Span::empty(block_end),
            });
        }
    }
    left_open
}

/// Every quote mark in a block with its role.
fn classify(chars: &[(usize, char)]) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut straight_open = false;
    // With an odd number of straight marks one of them cannot pair: a `"` that reads as an
    // inch mark is then taken as one even inside a quotation.
    let straight_odd = chars.iter().filter(|&&(_, c)| c == '"').count() % 2 == 1;
    for (i, &(offset, c)) in chars.iter().enumerate() {
        if !matches!(c, '“' | '„' | '”' | '«' | '»' | '‘' | '’' | '"') {
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(i + 1).map(|&(_, c)| c);
        let role = match c {
            // `„` closes with `“` in German copy: a `“` right after a word closes.
            '“' if is_closing_context(prev, next) && !marks.is_empty() => {
                Some(Role::Close(QuoteStyle::Curly))
            }
            '“' | '„' => Some(Role::Open(QuoteStyle::Curly)),
            // `India”s`: a closing mark typed for an apostrophe.
            '”' if is_contraction(prev, next, chars.get(i + 2).map(|&(_, c)| c)) => None,
            '”' => Some(Role::Close(QuoteStyle::Curly)),
            '«' => Some(Role::Open(QuoteStyle::Guillemets)),
            '»' => Some(Role::Close(QuoteStyle::Guillemets)),
            // `‘90s` is an apostrophe typed the wrong way round.
            '‘' => (!next.is_some_and(|n| n.is_ascii_digit()) && !is_elision(&chars[i + 1..]))
                .then_some(Role::Open(QuoteStyle::CurlySingle)),
            '’' => {
                let inside_word = prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric);
                (!inside_word && !prev.is_none_or(char::is_whitespace))
                    .then_some(Role::Close(QuoteStyle::CurlySingle))
            }
            _ => straight_role(chars, i, straight_open, straight_odd),
        };
        let Some(role) = role else { continue };
        if c == '"' {
            straight_open = match role {
                Role::Open(_) => true,
                Role::Close(_) => false,
                Role::Toggle => !straight_open,
            };
        }
        let after_sentence_end = chars[..i]
            .iter()
            .rev()
            .map(|&(_, c)| c)
            .find(|c| !c.is_whitespace())
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | '…' | ':' | ';'));
        marks.push(Mark {
            role,
            span: Span::new(offset, offset + c.len_utf8()),
            after_sentence_end,
        });
    }
    marks
}

/// A straight `"`: opening after white space or an opening bracket, closing before white space or
/// punctuation; an apostrophe in `India"s` and `farmers" incomes`; inches after a digit.
fn straight_role(chars: &[(usize, char)], i: usize, open: bool, odd: bool) -> Option<Role> {
    // A thin or hair space between nested marks (`drummer’\u{2009}"`) is typography, not a gap.
    let prev = chars[..i]
        .iter()
        .rev()
        .map(|&(_, c)| c)
        .find(|c| !matches!(c, '\u{2009}' | '\u{200a}' | '\u{202f}'));
    let next = chars.get(i + 1).map(|&(_, c)| c);
    let after_next = chars.get(i + 2).map(|&(_, c)| c);
    let contraction = is_contraction(prev, next, after_next);
    let plural_possessive = !open
        && matches!(prev, Some('s' | 'S'))
        && next.is_some_and(char::is_whitespace)
        && after_next.is_some_and(char::is_alphabetic);
    if contraction || plural_possessive {
        return None;
    }
    if prev.is_some_and(|p| p.is_ascii_digit())
        && (!open || odd)
        && !next.is_some_and(char::is_alphanumeric)
    {
        return None; // 12" (inches) or 30" (seconds)
    }
    let left = next.is_some_and(|n| !n.is_whitespace())
        && prev.is_none_or(|p| p.is_whitespace() || "([{—–-/“‘«'".contains(p));
    let right = prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–-…”’»'*_".contains(n));
    Some(match (left, right) {
        (true, false) => Role::Open(QuoteStyle::Straight),
        // `said:" Delors` is an opening mark with the space on the wrong side.
        (false, true) if !open && prev == Some(':') => Role::Toggle,
        (false, true) => Role::Close(QuoteStyle::Straight),
        _ => Role::Toggle,
    })
}

/// A mark typed for the apostrophe of `India"s`, `it"s` or `don"t`.
fn is_contraction(prev: Option<char>, next: Option<char>, after_next: Option<char>) -> bool {
    prev.is_some_and(char::is_alphabetic)
        && matches!(next, Some('s' | 'S' | 't'))
        && !after_next.is_some_and(char::is_alphanumeric)
}

/// A `‘` that stands for dropped letters: `‘til`, `‘em`, `rock ‘n roll`, `‘cause`.
fn is_elision(after: &[(usize, char)]) -> bool {
    let word: String = after
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphabetic())
        .collect();
    matches!(
        word.to_lowercase().as_str(),
        "til" | "em" | "n" | "cause" | "bout" | "tis" | "twas"
    )
}

fn is_closing_context(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| n.is_whitespace() || ".,;:!?)".contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Syntax, parse};

    fn run(text: &str) -> (Vec<String>, Vec<String>) {
        let (parsed, _) = parse(text, Syntax::Plain);
        let quotes = extract(text, &parsed.blocks);
        let quotations = quotes
            .quotations
            .iter()
            .map(|q| text[q.content.range()].to_owned())
            .collect();
        let problems = quotes
            .problems
            .iter()
            .map(|p| match p {
                QuoteProblem::Unclosed { open, .. } => format!("unclosed@{}", open.start),
                QuoteProblem::Unopened { close, .. } => format!("unopened@{}", close.start),
            })
            .collect();
        (quotations, problems)
    }

    #[test]
    fn balanced_quotes_of_every_style() {
        let (quotations, problems) =
            run("« Ducktor Sui, » he said. “A ‘nested’ one,” she said. \"Straight,\" they said.");
        assert_eq!(
            quotations,
            vec![" Ducktor Sui, ", "A ‘nested’ one,", "nested", "Straight,"]
        );
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        let (_, problems) =
            run("Don’t mind the ’90s or the Jingpiaos’ work, or India\"s rise, or a 12\" pipe.");
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn multi_paragraph_quotes_reopen_each_paragraph() {
        let text = "“First paragraph of a speech.\n\n“Second paragraph.\n\n“Last one,” he said.";
        let (quotations, problems) = run(text);
        assert_eq!(quotations.len(), 3);
        assert!(problems.is_empty(), "{problems:?}");
        let text = "« Premier paragraphe.\n\n» Suite, » dit-il.";
        assert!(run(text).1.is_empty());
    }

    #[test]
    fn unclosed_and_unopened_marks() {
        assert_eq!(
            run("He said “we will go.\n\nShe left.").1,
            vec!["unclosed@8"]
        );
        assert_eq!(run("He said we will go.” She left.").1, vec!["unopened@19"]);
        assert_eq!(run("He said « yes.").1, vec!["unclosed@8"]);
        assert_eq!(run("It was ‘odd.").1, vec!["unclosed@7"]);
    }

    #[test]
    fn bbc_style_continues_into_the_next_sentence() {
        let (_, problems) =
            run("\"We left pace and skill behind. \"The management team must act,\" he said.");
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn nested_straight_quotes_and_possessives() {
        let (_, problems) =
            run("\"They could be talking to a \"white knight\" right now,\" said an analyst.");
        assert!(problems.is_empty(), "{problems:?}");
        let (_, problems) =
            run("Analysts estimate Phillips\" cash flow at QATAR\"S banks and it\"s fine.");
        assert!(problems.is_empty(), "{problems:?}");
    }

    #[test]
    fn slips_that_are_not_imbalance() {
        // Mixed straight and curly marks, a doubled mark, a misplaced space after a colon.
        for text in [
            "the \"Golden Age of Chinese Poetry.” As the",
            "pay an \"\"unconscionable\" sum",
            "Haughey said:\" Delors assured me.\"",
            "“I thought, ‘I’m a drummer’\u{2009}\", he recalled.",
        ] {
            assert!(run(text).1.is_empty(), "{text}: {:?}", run(text).1);
        }
    }

    #[test]
    fn apostrophes_and_inches_inside_quotations() {
        for text in [
            "\"We found a crack about 8\" long on the pipe,\" she said.",
            "Wait ‘til spring, let ‘em play rock ‘n roll, she said.",
            "India”s economy grew.",
        ] {
            assert!(run(text).1.is_empty(), "{text}: {:?}", run(text).1);
        }
    }

    #[test]
    fn a_paragraph_may_close_without_reopening() {
        let text = "\"The first part of the quote.\n\nAnd the rest of it,\" he said.";
        assert!(run(text).1.is_empty());
    }

    #[test]
    fn missing_space_does_not_flip_marks() {
        let (quotations, problems) = run("A climate of\"squabbling\" and \"fear\".");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(quotations, vec!["squabbling", "fear"]);
    }
}
