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
use crate::lexicon::{self, Class};
use crate::parse::{Block, BlockKind};
use crate::source::Span;
use crate::text::Tokens;

/// The family of marks a quotation uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum QuoteStyle {
    /// `"` … `"`.
    Straight,
    /// `“` … `”`.
    Curly,
    /// `„` … `“` (German) or `„` … `”` (Polish, Hungarian).
    LowHigh,
    /// `«` … `»`, or `»` … `«` in an article that writes them that way round (German, Danish).
    Guillemets,
    /// `‹` … `›`, or `›` … `‹`.
    SingleGuillemets,
    /// `‘` … `’`.
    CurlySingle,
    /// `'` … `'`, read only where a `'` plainly opens (after a space, before a letter) and only
    /// ever closed by a `'` that may close: never reported, since apostrophes look the same.
    StraightSingle,
}

impl QuoteStyle {
    /// The marks, for messages.
    pub fn marks(self) -> &'static str {
        match self {
            QuoteStyle::Straight => "\" \"",
            QuoteStyle::Curly => "“ ”",
            QuoteStyle::LowHigh => "„ “",
            QuoteStyle::Guillemets => "« »",
            QuoteStyle::SingleGuillemets => "‹ ›",
            QuoteStyle::CurlySingle => "‘ ’",
            QuoteStyle::StraightSingle => "' '",
        }
    }

    fn is_double(self) -> bool {
        !matches!(self, QuoteStyle::CurlySingle | QuoteStyle::StraightSingle)
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
    /// A quotation closed with a mark of the wrong kind: one that opens (`“Hello,“ he said`) or
    /// a single mark for a double one (`"Hello.' "Next`).
    ClosedWithWrongMark {
        /// The opening mark.
        open: Span,
        /// The mark typed to close it.
        close: Span,
    },
    /// A quotation opened with a closing mark (`: ”You know`) in an article that opens its
    /// quotations with `“`.
    OpenedWithClosingMark {
        /// The mark.
        open: Span,
    },
    /// A quotation nested in another one opened with `"` where `'` was meant: `"…, "sell in
    /// May and go away', he said."`.
    InnerOpenedWithDouble {
        /// The inner opening mark, typed wrong.
        open: Span,
        /// The single mark that closes it.
        close: Span,
    },
    /// A straight `"` that opens a quotation closed later in its paragraph but has its space on
    /// the wrong side (`good." China is…,"`), so that it reads as a closing mark with no opening
    /// one: one misplaced space, one report.
    SpaceOnWrongSide {
        /// The misplaced mark.
        open: Span,
        /// The mark that closes the quotation it opens.
        close: Span,
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
    /// Whether the mark follows the end of a sentence and stands before the next quotation
    /// mark or the end of the paragraph (`…health care.' "And`).
    closes_sentence: bool,
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
    /// A single mark typed where this double quotation should close (`“…the banks?’`): what
    /// to point at when it is never closed.
    wrong_close: Option<Span>,
}

impl Quotes {
    /// Close the quotation `open` with the mark at `close`; the span of its opening mark.
    fn close(&mut self, open: &Open, close: Span) -> Span {
        let quotation = &mut self.quotations[open.quotation];
        quotation.close = Some(close);
        quotation.content.end = close.start;
        quotation.open
    }
}

/// Most quotations open at once inside one block. Real copy nests three deep at most; a deeper
/// opening mark is reported as unclosed instead of tracked, which keeps every scan of the open
/// quotations, and the total length of all quotation contents, linear in the block.
pub const MAX_NESTING: usize = 8;

/// The longest salutation, in bytes, that a letter run together may reopen after
/// (`Ladies and gentlemen of the board,`).
const MAX_SALUTATION_BYTES: u32 = 48;

/// Find the quotations and quote problems of all `blocks` of `text`, and with `attribute`, who
/// each quotation is attributed to and what kind it is (otherwise every quotation keeps no
/// speaker and the kind it was opened with).
pub fn extract(text: &str, blocks: &[Block], tokens: &Tokens, attribute: bool) -> Quotes {
    let mut quotes = Quotes::default();
    let mut attribution = Attribution::default();
    let reversed = Reversed::of(text);
    let mut chars = Vec::new();
    let mut read = |block: &Block| {
        if !block.pieces.iter().any(|p| may_hold_marks(text, *p)) {
            return Vec::new();
        }
        chars.clear();
        chars.extend(block.chars(text));
        classify(&chars, reversed)
    };
    // Each block's marks are read once; the next block's marks are needed to tell whether it
    // continues a quotation left open.
    let mut next = blocks.first().map(&mut read);
    let mut carried: Option<QuoteStyle> = None;
    // Quotations left open before paragraphs without any quotation mark of their own (a
    // transcript or a letter quoted whole, which may quote others in marks that pair up):
    // closed without reopening by the first paragraph that leaves a mark unpaired, or reported
    // then.
    let mut pending: Vec<QuoteProblem> = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let Some(marks) = next.take() else {
            break;
        };
        next = blocks.get(index + 1).map(&mut read);
        let first_quotation = quotes.quotations.len();
        let mut continues = carried.and_then(|style| continuation(block, &marks, style));
        if !pending.is_empty() && (block.kind == BlockKind::Heading || !marks.is_empty()) {
            let closes = pending.iter().find_map(|p| match p {
                QuoteProblem::Unclosed { style, .. } => continuation(block, &marks, *style)
                    .filter(|c| matches!(c, Continuation::ClosedWithoutReopening(_))),
                _ => None,
            });
            if block.kind != BlockKind::Heading && closes.is_some() {
                continues = closes;
                pending.clear();
            } else if block.kind == BlockKind::Heading || !balanced_on_its_own(text, block, &marks)
            {
                quotes.problems.append(&mut pending);
            }
        }
        // Wire copy reopens a quotation nested in a continued one as well: `“‘We…`.
        let next_reopens_single = next
            .as_ref()
            .is_some_and(|next_marks| reopens_nested(next_marks));
        let problems_before = quotes.problems.len();
        let mut left_open = scan_block(
            text,
            index,
            block,
            &marks,
            continues,
            next_reopens_single,
            &mut quotes,
        );
        if attribute {
            attribution.annotate_block(
                text,
                block,
                tokens.block(index),
                &mut quotes.quotations,
                first_quotation,
            );
        }
        carried = None;
        if continues.is_none()
            && excerpt_cut_both_ends(
                text,
                blocks[..index].last(),
                block,
                &marks,
                &quotes.problems[problems_before..],
                &left_open,
            )
        {
            quotes.problems.truncate(problems_before);
            left_open.clear();
        }
        let Some(outer) = left_open.first() else {
            continue;
        };
        let next_continues = blocks
            .get(index + 1)
            .filter(|next_block| next_block.kind != BlockKind::Heading)
            .zip(next.as_ref())
            .is_some_and(|(next_block, next_marks)| {
                continuation(next_block, next_marks, outer.style).is_some()
            });
        if next_continues {
            carried = Some(outer.style);
            continue;
        }
        let paragraph_end = Span::empty(block.span().end as usize);
        // The next paragraph leaves nothing open of its own: the quotation may close after it.
        let next_unmarked = blocks
            .get(index + 1)
            .filter(|next_block| next_block.kind != BlockKind::Heading)
            .zip(next.as_ref())
            .is_some_and(|(next_block, next_marks)| {
                next_marks.is_empty() || balanced_on_its_own(text, next_block, next_marks)
            });
        report_left_open(
            &mut quotes,
            left_open,
            paragraph_end,
            next_unmarked,
            &mut pending,
        );
    }
    quotes.problems.append(&mut pending);
    quotes.problems.sort_by_key(|problem| match problem {
        QuoteProblem::Unclosed { open, .. }
        | QuoteProblem::OpenedWithClosingMark { open }
        | QuoteProblem::InnerOpenedWithDouble { open, .. }
        | QuoteProblem::SpaceOnWrongSide { open, .. } => *open,
        QuoteProblem::ClosedWithWrongMark { close, .. } | QuoteProblem::Unopened { close, .. } => {
            *close
        }
    });
    quotes
}

/// Report the double quotations `left_open` at the end of a paragraph that the next one does
/// not continue, closing at `paragraph_end`; when the next paragraph is `next_unmarked` (it
/// leaves nothing open of its own), the report waits in `pending` for a later paragraph that
/// may close the quotation.
fn report_left_open(
    quotes: &mut Quotes,
    left_open: Vec<Open>,
    paragraph_end: Span,
    next_unmarked: bool,
    pending: &mut Vec<QuoteProblem>,
) {
    for open in left_open {
        // The last link of a BBC-style chain of quoted sentences often stands where an editor
        // cut a paragraph: too ambiguous to report.
        if open.chained {
            continue;
        }
        let opened = quotes.quotations[open.quotation].open;
        let problem = match open.wrong_close {
            // One misplaced mark, one report: the single mark that was typed to close.
            Some(close) => QuoteProblem::ClosedWithWrongMark {
                open: opened,
                close,
            },
            None => QuoteProblem::Unclosed {
                style: open.style,
                open: opened,
                paragraph_end,
            },
        };
        if next_unmarked && open.wrong_close.is_none() {
            pending.push(problem);
        } else {
            quotes.problems.push(problem);
        }
    }
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

/// Whether `block` is an excerpt set off by the page (a block quotation introduced by a
/// paragraph that ends with a colon) and cut inside the quotations of its source at both ends:
/// its first mark closes a quotation it never opened, its last one opens a quotation it never
/// closes, and nothing else in it is wrong (`…about,” Biden told CNN. “We know…done.`). Its
/// outer marks were the page's markup; read whole, it balances.
fn excerpt_cut_both_ends(
    text: &str,
    previous: Option<&Block>,
    block: &Block,
    marks: &[Mark],
    problems: &[QuoteProblem],
    left_open: &[Open],
) -> bool {
    let introduced = previous.is_some_and(|p| {
        p.kind != BlockKind::Heading
            && p.pieces
                .last()
                .is_some_and(|piece| text[piece.range()].trim_end().ends_with(':'))
    });
    let starts_unmarked = marks
        .first()
        .zip(block.pieces.first())
        .is_some_and(|(mark, piece)| mark.span.start != piece.start);
    let first_unopened = match (problems, marks.first()) {
        ([QuoteProblem::Unopened { close, .. }], Some(first)) => *close == first.span,
        _ => false,
    };
    let last_left_open = matches!(left_open, [open] if !open.chained && open.wrong_close.is_none());
    introduced && starts_unmarked && first_unopened && last_left_open
}

/// Whether a paragraph opens with a double mark and a single one right after it (`“‘We will`).
fn reopens_nested(marks: &[Mark]) -> bool {
    match marks {
        [first, second, ..] => {
            matches!(first.role, Role::Open(s) if s.is_double())
                && second.role == Role::Open(QuoteStyle::CurlySingle)
                && second.span.start == first.span.end
        }
        _ => false,
    }
}

/// Whether a paragraph's marks pair up among themselves inside its text (a letter quoted whole
/// may quote others: `… she asked, "Why?"`), so that a quotation left open before it may still
/// close after it. A paragraph that opens with a mark starts a quotation of its own. Scanned
/// on a scratch copy: nothing is recorded.
fn balanced_on_its_own(text: &str, block: &Block, marks: &[Mark]) -> bool {
    let opens_with_mark = marks
        .first()
        .zip(block.pieces.first())
        .is_some_and(|(mark, piece)| mark.span.start == piece.start);
    if opens_with_mark {
        return false;
    }
    let mut scratch = Quotes::default();
    let left_open = scan_block(text, 0, block, marks, None, false, &mut scratch);
    left_open.is_empty() && scratch.problems.is_empty()
}

/// Whether the text of a quotation holds its own attribution: a verb of speech after a comma
/// (`…in May, said manager Ida Berg.`) or after a name that closes a sentence (`…, Ida Berg
/// said.`). Not attribution: reported speech (`…, said he was disappointed`) and the
/// attribution of a quotation nested in this one (`" 'Our aim…,' Obama said.`), which a
/// quoted passage of reporting carries with it.
fn holds_attribution(content: &str) -> bool {
    let words: Vec<(usize, &str)> = content
        .split_inclusive(|c: char| c.is_whitespace())
        .scan(0, |at, piece| {
            let start = *at;
            *at += piece.len();
            Some((start, piece.trim_end()))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    words.iter().enumerate().any(|(k, &(_, word))| {
        let bare = word.trim_end_matches(|c: char| !c.is_alphabetic());
        if !super::attribution::is_speech_verb(bare) {
            return false;
        }
        let previous = k.checked_sub(1).map(|p| words[p].1);
        let reported = words.get(k + 1).is_some_and(|&(_, next)| {
            matches!(
                next,
                "he" | "she" | "it" | "they" | "we" | "I" | "that" | "there"
            )
        });
        let after_comma = previous.is_some_and(|p| p.ends_with(',')) && !reported;
        let nested = k
            .checked_sub(2)
            .is_some_and(|p| words[p].1.ends_with(['\'', '’']));
        let closes_sentence = word.ends_with(['.', '!', '?'])
            && previous.is_some_and(|p| p.starts_with(char::is_uppercase))
            && !nested;
        after_comma || closes_sentence
    })
}

/// Whether a closing mark of style `close` may close a quotation opened with `open`: the same
/// family, straight and curly marks mixed (`"…”`, `‘…'`: a style slip, not an imbalance), or
/// `”` closing `„` (Polish and Hungarian copy).
fn pairs_with(close: QuoteStyle, open: QuoteStyle) -> bool {
    use QuoteStyle::{Curly, CurlySingle, LowHigh, Straight, StraightSingle};
    close == open
        || matches!(
            (close, open),
            (Straight, Curly)
                | (Curly, Straight)
                | (Curly, LowHigh)
                | (StraightSingle, CurlySingle)
        )
}

/// Which way round an article writes guillemets: `«…»` (French, wire copy) or `»…«` (German,
/// Danish), decided once from the first guillemet of the article so that consistent use is never
/// a problem.
#[derive(Debug, Clone, Copy, Default)]
struct Reversed {
    /// `»…«`.
    double: bool,
    /// `›…‹`.
    single: bool,
    /// Whether the article opens curly quotations with `“` anywhere: then a `”` before a word
    /// is an opening mark typed wrong, not Swedish or Finnish `”…”`.
    opens_curly: bool,
}

impl Reversed {
    fn of(text: &str) -> Self {
        // The first mark of a pair opens: reversed when it is `»` standing before a word, with
        // white space before it (a French paragraph that continues a quotation starts
        // `» Suite`, with a space after the mark).
        let first_opens_reversed = |open: char, close: char| {
            // Two searches for one character each (memchr) rather than one decoding every
            // character of the file.
            let at = match (text.find(open), text.find(close)) {
                (Some(a), Some(b)) => a.min(b),
                (Some(at), None) | (None, Some(at)) => at,
                (None, None) => return false,
            };
            let rest = &text[at..];
            let before_word = rest.chars().nth(1).is_some_and(char::is_alphanumeric);
            let after_space = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || matches!(c, ':' | '(' | '['));
            rest.starts_with(close) && before_word && after_space
        };
        Self {
            double: first_opens_reversed('«', '»'),
            single: first_opens_reversed('‹', '›'),
            opens_curly: text.contains('“'),
        }
    }
}

/// One block's walk over its marks.
struct Scan<'q> {
    text: &'q str,
    /// Index of the block in the article.
    index: usize,
    /// One past the block's last byte.
    block_end: usize,
    /// The quotations open, innermost last.
    stack: Vec<Open>,
    /// A straight `"` read as closing with nothing open, a space and a word after it (`good."
    /// China`): the opening mark of a quotation with its space on the wrong side if a later
    /// straight mark of the paragraph closes it, a stray closing mark otherwise.
    /// With it, how many quotations were recorded when it was met: it pairs only with no
    /// quotation in between, so quotations stay in order of their opening marks.
    spaced_wrong: Option<(Span, usize)>,
    quotes: &'q mut Quotes,
}

/// Walk one block's marks, recording quotations and problems. Returns the double quotations
/// still open at the end of the block, outermost first.
fn scan_block(
    text: &str,
    index: usize,
    block: &Block,
    marks: &[Mark],
    continuation: Option<Continuation>,
    next_reopens_single: bool,
    quotes: &mut Quotes,
) -> Vec<Open> {
    let block_start = block.span().start as usize;
    let mut scan = Scan {
        text,
        index,
        block_end: block.span().end as usize,
        stack: Vec::new(),
        spaced_wrong: None,
        quotes,
    };
    let mut marks = marks.iter().peekable();
    if let Some(continuation) = continuation {
        let (style, open) = match continuation {
            Continuation::Reopened(style) => (
                style,
                marks.next().map_or(Span::empty(block_start), |m| m.span),
            ),
            Continuation::ClosedWithoutReopening(style) => (style, Span::empty(block_start)),
        };
        scan.push(style, open, false, true);
    }
    let mut previous_end = None;
    while let Some(mark) = marks.next() {
        // `""` typed twice counts once.
        let straight = text[mark.span.range()] == *"\"";
        if straight && previous_end == Some(mark.span.start) {
            continue;
        }
        // Only a `"` right after a `"` is doubled: `'"` closes two quotations.
        previous_end = straight.then_some(mark.span.end);
        let straight_open = scan.stack.iter().any(|o| o.style == QuoteStyle::Straight);
        let role = match mark.role {
            Role::Toggle if straight_open => Role::Close(QuoteStyle::Straight),
            Role::Toggle => Role::Open(QuoteStyle::Straight),
            role => role,
        };
        match role {
            Role::Open(style) => scan.open(style, mark, marks.peek().copied()),
            Role::Close(style) => scan.close(style, mark),
            Role::Toggle => {}
        }
    }
    scan.finish(next_reopens_single)
}

impl Scan<'_> {
    /// Open a quotation of `style` at `open` (a continued one when `continued`).
    fn push(&mut self, style: QuoteStyle, open: Span, chained: bool, continued: bool) {
        self.stack.push(Open {
            style,
            quotation: self.quotes.quotations.len(),
            chained,
            wrong_close: None,
        });
        self.quotes.quotations.push(Quotation {
            style,
            open,
            close: None,
            content: Span::new(open.end as usize, self.block_end),
            block: self.index,
            depth: self.stack.len() - 1,
            continued,
            kind: QuoteKind::Speech,
            speaker: None,
        });
    }

    /// An opening `mark` of `style`; `next` is the mark after it.
    fn open(&mut self, style: QuoteStyle, mark: &Mark, next: Option<&Mark>) {
        let chained = style.is_double()
            && (mark.after_sentence_end || self.after_salutation(style, mark))
            && self.chain(style, mark, next);
        if self.text[mark.span.range()] == *"”" {
            self.quotes
                .problems
                .push(QuoteProblem::OpenedWithClosingMark { open: mark.span });
        }
        if self.stack.len() >= MAX_NESTING {
            if style.is_double() {
                self.quotes.problems.push(QuoteProblem::Unclosed {
                    style,
                    open: mark.span,
                    paragraph_end: Span::empty(self.block_end),
                });
            }
            return;
        }
        self.push(style, mark.span, chained, false);
    }

    /// BBC style: a new mark of the same style while one is open starts the next quoted
    /// sentence; the earlier quotation ends where the new one starts. That is legal only when
    /// the open quotation holds no attribution (`"The harbour reopens, said Ida Berg. "Ferries…`):
    /// then its closing mark is missing. A passage of reporting quoted whole carries its own
    /// attribution and opens each paragraph with the quotation it quotes (`…Ann Lee says. "
    /// 'What…`). Whether `mark` chains on a quotation of `style`.
    fn chain(&mut self, style: QuoteStyle, mark: &Mark, next: Option<&Mark>) -> bool {
        let quotes_a_quotation = next.is_some_and(|next| {
            matches!(
                next.role,
                Role::Open(QuoteStyle::StraightSingle | QuoteStyle::CurlySingle)
            ) && next.span.start <= mark.span.end + 1
        });
        let Some(position) = self.stack.iter().rposition(|o| o.style == style) else {
            return false;
        };
        for open in self.stack.drain(position..) {
            let quotation = &mut self.quotes.quotations[open.quotation];
            quotation.content.end = mark.span.start;
            if open.style == style
                && !quotes_a_quotation
                && holds_attribution(&self.text[quotation.content.range()])
            {
                self.quotes.problems.push(QuoteProblem::Unclosed {
                    style: open.style,
                    open: quotation.open,
                    paragraph_end: mark.span,
                });
            }
        }
        true
    }

    /// Whether `mark` reopens a letter or speech quoted whole after its salutation, the two
    /// paragraphs run together into one (`"Dear Friends, "I have called…`): the quotation of
    /// `style` open before it holds nothing but a short form of address and a comma. It goes on
    /// as the next link of a chain, as after a sentence end.
    fn after_salutation(&self, style: QuoteStyle, mark: &Mark) -> bool {
        let Some(open) = self.stack.last().filter(|o| o.style == style) else {
            return false;
        };
        let opened = self.quotes.quotations[open.quotation].open;
        // A form of address is short; a longer quotation is not read at all, which keeps a run
        // of opening marks after one quotation that stays open linear.
        if mark.span.start.saturating_sub(opened.end) > MAX_SALUTATION_BYTES {
            return false;
        }
        let Some(address) = self.text[opened.end as usize..mark.span.start as usize]
            .trim_end()
            .strip_suffix(',')
        else {
            return false;
        };
        let mut words = address.split_whitespace();
        let opens_salutation = words
            .next()
            .is_some_and(|first| lexicon::is_in_case(first, Class::SALUTATION));
        opens_salutation
            && words.count() < 4
            && address
                .chars()
                .all(|c| c.is_alphabetic() || c.is_whitespace() || c == '-' || c == '.')
    }

    /// A closing `mark` of `style`.
    fn close(&mut self, style: QuoteStyle, mark: &Mark) {
        let text = self.text;
        let position = self.stack.iter().rposition(|o| {
            // `the officers' club` inside `‘…’` is an apostrophe, not the closing mark.
            pairs_with(style, o.style)
                && !(style == QuoteStyle::StraightSingle
                    && o.style == QuoteStyle::CurlySingle
                    && plural_possessive(text, mark.span))
        });
        match position {
            Some(position) => self.close_at(position, mark),
            None => self.close_unmatched(style, mark),
        }
    }

    /// `mark` closes the quotation at `position` of the stack, and every one inside it.
    fn close_at(&mut self, position: usize, mark: &Mark) {
        for inner in self.stack.drain(position + 1..) {
            let quotation = &mut self.quotes.quotations[inner.quotation];
            quotation.content.end = mark.span.start;
            // An inner `‘` still open when its outer quotation closes was never closed (a `’`
            // would have closed it); a `'` may have been an apostrophe, unless it plainly
            // opened and nothing could close it.
            let unclosed = match inner.style {
                QuoteStyle::StraightSingle => {
                    plainly_opens_single(self.text, quotation.open, mark.span.start as usize)
                }
                _ => true,
            };
            if !inner.chained && unclosed {
                self.quotes.problems.push(QuoteProblem::Unclosed {
                    style: inner.style,
                    open: quotation.open,
                    paragraph_end: mark.span,
                });
            }
        }
        if let Some(open) = self.stack.pop() {
            let opened = self.quotes.close(&open, mark.span);
            let closing = &self.text[mark.span.range()];
            // `“Hello,“` and `"Super Reds‟`: closed with an opening mark or a reversed one.
            if open.style == QuoteStyle::Curly && closing == "“" || closing == "‟" {
                self.quotes
                    .problems
                    .push(QuoteProblem::ClosedWithWrongMark {
                        open: opened,
                        close: mark.span,
                    });
            }
        }
    }

    /// A closing `mark` of `style` that no open quotation pairs with.
    fn close_unmatched(&mut self, style: QuoteStyle, mark: &Mark) {
        let text = self.text;
        let top = self.stack.last().map(|o| o.style);
        let straight_open = self
            .stack
            .iter()
            .filter(|o| o.style == QuoteStyle::Straight)
            .count();
        if style == QuoteStyle::StraightSingle
            && mark.closes_sentence
            && top == Some(QuoteStyle::Straight)
        {
            // `"Hello.' "Next`: a single mark typed to close a double quotation, at a sentence
            // end, before the next quotation or the end of the paragraph.
            self.close_top(mark, |open, close| QuoteProblem::ClosedWithWrongMark {
                open,
                close,
            });
        } else if style == QuoteStyle::StraightSingle
            && !plural_possessive(text, mark.span)
            && top == Some(QuoteStyle::Straight)
            && straight_open >= 2
        {
            // `"He said "sell in May and go away' and laughed."`: the inner quotation was
            // opened with `"` where `'` was meant.
            self.close_top(mark, |open, close| QuoteProblem::InnerOpenedWithDouble {
                open,
                close,
            });
        } else if matches!(style, QuoteStyle::CurlySingle | QuoteStyle::StraightSingle) {
            // A `’` or `'` with nothing to close is an apostrophe, or, should the double
            // quotation around it never close, the mark typed to close it (`“…the banks?’`).
            if let Some(open) = self.stack.last_mut()
                && open.style.is_double()
                && !plural_possessive(text, mark.span)
            {
                // `''` typed for `"` is one mark.
                open.wrong_close = Some(match open.wrong_close {
                    Some(first) if first.end == mark.span.start => {
                        Span::new(first.start as usize, mark.span.end as usize)
                    }
                    _ => mark.span,
                });
            }
        } else if style.is_double()
            && top
                .is_some_and(|s| matches!(s, QuoteStyle::CurlySingle | QuoteStyle::StraightSingle))
        {
            // `‘the embassy”`, `'Networks like…," it said`: a single quotation closed with a
            // double mark, when no double quotation is open for the mark to close.
            self.close_top(mark, |open, close| QuoteProblem::ClosedWithWrongMark {
                open,
                close,
            });
        } else if style == QuoteStyle::Straight
            && top.is_none()
            && let Some((open, _)) = self
                .spaced_wrong
                .take_if(|(_, recorded)| *recorded == self.quotes.quotations.len())
        {
            // The quotation opened by a mark with its space on the wrong side closes here.
            self.push(style, open, false, false);
            self.close_top(mark, |open, close| QuoteProblem::SpaceOnWrongSide {
                open,
                close,
            });
        } else if style == QuoteStyle::Straight
            && top.is_none()
            && text[mark.span.end as usize..]
                .strip_prefix(' ')
                .is_some_and(|rest| rest.starts_with(char::is_alphanumeric))
        {
            if let Some((stray, _)) = self.spaced_wrong.take() {
                self.quotes.problems.push(QuoteProblem::Unopened {
                    style,
                    close: stray,
                });
            }
            self.spaced_wrong = Some((mark.span, self.quotes.quotations.len()));
        } else {
            self.quotes.problems.push(QuoteProblem::Unopened {
                style,
                close: mark.span,
            });
        }
    }

    /// The innermost quotation is closed by `mark`, a mark of the wrong kind: close it and
    /// report `problem(opening mark, closing mark)`.
    fn close_top(&mut self, mark: &Mark, problem: impl FnOnce(Span, Span) -> QuoteProblem) {
        if let Some(open) = self.stack.pop() {
            let opened = self.quotes.close(&open, mark.span);
            self.quotes.problems.push(problem(opened, mark.span));
        }
    }

    /// The end of the block: single quotations still open are reported where nothing could
    /// have closed them; the double ones, outermost first, are returned for the next paragraph
    /// to continue or for the caller to report.
    fn finish(self, next_reopens_single: bool) -> Vec<Open> {
        let (text, block_end) = (self.text, self.block_end);
        if let Some((close, _)) = self.spaced_wrong {
            self.quotes.problems.push(QuoteProblem::Unopened {
                style: QuoteStyle::Straight,
                close,
            });
        }
        let mut left_open = Vec::new();
        for open in self.stack {
            let quotation = &self.quotes.quotations[open.quotation];
            // An unclosed `‘` is a problem only when no `’` follows at all (otherwise the `’`
            // was read as an apostrophe, and the writer most likely closed the quote).
            let unclosed = match open.style {
                QuoteStyle::CurlySingle => {
                    !next_reopens_single
                        && !text[quotation.open.end as usize..block_end].contains('’')
                }
                QuoteStyle::StraightSingle => plainly_opens_single(text, quotation.open, block_end),
                _ => false,
            };
            if open.style.is_double() {
                left_open.push(open);
            } else if unclosed {
                self.quotes.problems.push(QuoteProblem::Unclosed {
                    style: open.style,
                    open: quotation.open,
                    paragraph_end: Span::empty(block_end),
                });
            }
        }
        left_open
    }
}

/// Whether the straight `'` at `open` (read as opening: after white space or an opening mark,
/// not an elision) plainly opens a quotation that is never closed before byte `end`: a capital
/// letter follows it (`said 'We`), and no `'` or `’` at all stands after it, so that no mark
/// read as an apostrophe could have been its closing mark.
fn plainly_opens_single(text: &str, open: Span, end: usize) -> bool {
    let rest = text.get(open.end as usize..end).unwrap_or("");
    rest.starts_with(char::is_uppercase) && !rest.contains(['\'', '’'])
}

/// Whether the piece `span` of `text` may hold a quotation mark: a `"`, a `'`, or the first byte
/// of a curly mark or a guillemet (`\u{2018}`-`\u{203a}` start with 0xE2, `«` and `»` with
/// 0xC2). A block with none has no marks, and is not read a character at a time.
fn may_hold_marks(text: &str, span: Span) -> bool {
    let bytes = text.as_bytes().get(span.range()).unwrap_or_default();
    memchr::memchr3(b'"', b'\'', 0xE2, bytes).is_some() || memchr::memchr(0xC2, bytes).is_some()
}

/// Every quote mark in a block with its role.
fn classify(chars: &[(usize, char)], reversed: Reversed) -> Vec<Mark> {
    let mut marks = Vec::new();
    let mut straight_open = false;
    // `“` closes only where `„` opened (German copy); elsewhere it opens.
    let mut low_opened = false;
    let guillemet = |c: char, style: QuoteStyle, reversed: bool| {
        let opens = matches!(c, '«' | '‹') != reversed;
        Some(if opens {
            Role::Open(style)
        } else {
            Role::Close(style)
        })
    };
    // With an odd number of straight marks one of them cannot pair: a `"` that reads as an
    // inch mark is then taken as one even inside a quotation.
    let straight_odd = chars.iter().filter(|&&(_, c)| c == '"').count() % 2 == 1;
    for (i, &(offset, c)) in chars.iter().enumerate() {
        if !matches!(
            c,
            '“' | '„' | '”' | '‟' | '«' | '»' | '‹' | '›' | '‘' | '’' | '"' | '\''
        ) {
            continue;
        }
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(i + 1).map(|&(_, c)| c);
        let role = match c {
            // `„` closes with `“` in German copy: a `“` right after a word closes.
            '“' if low_opened && is_closing_context(prev, next) => {
                Some(Role::Close(QuoteStyle::LowHigh))
            }
            // `“Hello,“ he said`: an opening mark typed to close (reported as such).
            '“' if is_closing_context(prev, next) && !marks.is_empty() => {
                Some(Role::Close(QuoteStyle::Curly))
            }
            '“' => Some(Role::Open(QuoteStyle::Curly)),
            '„' => {
                low_opened = true;
                Some(Role::Open(QuoteStyle::LowHigh))
            }
            // `India”s`: a closing mark typed for an apostrophe.
            '”' if is_contraction(prev, &chars[i + 1..]) => None,
            // `: ”You know` in an article that opens with `“`, and `‘”hot”` anywhere.
            '”' if (prev == Some('‘')
                || reversed.opens_curly
                    && prev.is_none_or(|p| p.is_whitespace() || matches!(p, '(' | '[')))
                && next.is_some_and(char::is_alphanumeric) =>
            {
                Some(Role::Open(QuoteStyle::Curly))
            }
            '”' => Some(Role::Close(QuoteStyle::Curly)),
            // `"Super Reds‟`: a reversed mark typed to close (reported as such).
            '‟' => is_closing_context(prev, next).then_some(Role::Close(QuoteStyle::Curly)),
            '«' | '»' => guillemet(c, QuoteStyle::Guillemets, reversed.double),
            '‹' | '›' => guillemet(c, QuoteStyle::SingleGuillemets, reversed.single),
            // `‘90s` and `I‘m` are apostrophes typed the wrong way round.
            '‘' => {
                let elided = next.is_some_and(|n| n.is_ascii_digit())
                    || is_elision(&chars[i + 1..])
                    || (prev.is_some_and(char::is_alphabetic)
                        && next.is_some_and(char::is_alphabetic));
                (!elided).then_some(Role::Open(QuoteStyle::CurlySingle))
            }
            '\'' => straight_single_role(chars, i),
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
        let (after_sentence_end, closes_sentence) = sentence_context(chars, i);
        marks.push(Mark {
            role,
            span: Span::new(offset, offset + c.len_utf8()),
            after_sentence_end,
            closes_sentence,
        });
    }
    marks
}

/// Where the mark at `chars[i]` stands in its sentence: whether a sentence ends right before it
/// (a nested quotation may close the sentence first: `… ‘go home.’ “Then`), and whether it
/// follows the end of a sentence and stands before the next quotation mark or the end of the
/// paragraph (`…health care.' "And`). One closing single mark is looked past, so a run of marks
/// costs no more than one.
fn sentence_context(chars: &[(usize, char)], i: usize) -> (bool, bool) {
    let prev = i.checked_sub(1).map(|j| chars[j].1);
    let next = chars.get(i + 1).map(|&(_, c)| c);
    let mut before = chars[..i]
        .iter()
        .rev()
        .map(|&(_, c)| c)
        .skip_while(|c| c.is_whitespace())
        .peekable();
    if before.peek().is_some_and(|c| matches!(c, '’' | '\'')) {
        before.next();
    }
    let after_sentence_end = before
        .next()
        .is_none_or(|c| matches!(c, '.' | '!' | '?' | '…' | ':' | ';'));
    let closes_sentence = matches!(prev, Some('.' | '!' | '?'))
        && next.is_none_or(char::is_whitespace)
        && chars[i + 1..]
            .iter()
            .map(|&(_, c)| c)
            .find(|c| !c.is_whitespace())
            .is_none_or(|c| matches!(c, '"' | '“' | '«'));
    (after_sentence_end, closes_sentence)
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
    // `the dotless "I"s`: a quoted letter and its plural (but `"I"m sure` is `I'm`).
    let quoted_letter = i >= 2
        && next == Some('s')
        && chars[i - 2].1 == '"'
        && prev.is_some_and(char::is_alphabetic)
        && chars
            .get(i.wrapping_sub(3))
            .is_none_or(|&(_, c)| c.is_whitespace());
    let contraction = !quoted_letter && is_contraction(prev, &chars[i + 1..]);
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
    // Nested marks set apart with a space (`" 'Our aim…`, `…at 'hello' "?`): the `"` opens
    // before a single mark that opens, and closes after one that closes.
    let char_at = |k: usize| chars.get(k).map(|&(_, c)| c);
    if next == Some(' ')
        && prev.is_none_or(char::is_whitespace)
        && matches!(char_at(i + 2), Some('\'' | '‘'))
        && char_at(i + 3).is_some_and(char::is_alphabetic)
    {
        return Some(Role::Open(QuoteStyle::Straight));
    }
    if open
        && i >= 3
        && chars[i - 1].1 == ' '
        && matches!(chars[i - 2].1, '\'' | '’')
        && !chars[i - 3].1.is_whitespace()
        && !next.is_some_and(char::is_alphanumeric)
    {
        return Some(Role::Close(QuoteStyle::Straight));
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

/// Whether the `'` at `span` ends a plural possessive (`the officers' club`): after an `s`,
/// before a space and a lower-case word.
fn plural_possessive(text: &str, span: Span) -> bool {
    let after_s = text[..span.start as usize].ends_with(['s', 'S']);
    let mut rest = text[span.end as usize..].chars();
    after_s && rest.next() == Some(' ') && rest.next().is_some_and(char::is_lowercase)
}

/// A straight `'`: it opens after white space or an opening mark and before a letter (not an
/// elision: `'til`, `'em`, `'90s`), and may close before white space or punctuation; inside a
/// word it is an apostrophe.
fn straight_single_role(chars: &[(usize, char)], i: usize) -> Option<Role> {
    let prev = i.checked_sub(1).map(|j| chars[j].1);
    let next = chars.get(i + 1).map(|&(_, c)| c);
    let opens = prev.is_none_or(|p| p.is_whitespace() || "([{—–\"“«".contains(p))
        && next.is_some_and(char::is_alphabetic)
        && !is_elision(&chars[i + 1..]);
    let closes = prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| n.is_whitespace() || ".,;:!?)]}—–…\"”»'".contains(n));
    match (opens, closes) {
        (true, false) => Some(Role::Open(QuoteStyle::StraightSingle)),
        (false, true) => Some(Role::Close(QuoteStyle::StraightSingle)),
        _ => None,
    }
}

/// A mark typed for the apostrophe of `India"s`, `it"s`, `don"t`, `I"m`, `I"d`, `we"ll`,
/// `they"re` or `we"ve`: a letter before it, and after it one of those endings closing a word.
fn is_contraction(prev: Option<char>, after: &[(usize, char)]) -> bool {
    let letter = |k: usize| after.get(k).map(|&(_, c)| c.to_ascii_lowercase());
    let ends_word = |k: usize| !after.get(k).is_some_and(|&(_, c)| c.is_alphanumeric());
    // `<Qatar National Bank>"s`: a possessive after a bracketed name.
    if matches!(prev, Some(')' | ']' | '>')) {
        return letter(0) == Some('s') && ends_word(1);
    }
    if !prev.is_some_and(char::is_alphabetic) {
        return false;
    }
    match (letter(0), letter(1)) {
        (Some('s' | 't' | 'm' | 'd'), _) => ends_word(1),
        (Some('l'), Some('l')) | (Some('r' | 'v'), Some('e')) => ends_word(2),
        _ => false,
    }
}

/// A `‘` that stands for dropped letters: `‘til`, `‘em`, `rock ‘n roll`, `‘cause`.
fn is_elision(after: &[(usize, char)]) -> bool {
    // The longest elision is five letters: looking at six is enough to reject a longer word.
    let word: String = after
        .iter()
        .map(|&(_, c)| c)
        .take_while(|c| c.is_alphabetic())
        .take(6)
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
        let (tokens, _) = Tokens::build(text, &parsed.blocks);
        let quotes = extract(text, &parsed.blocks, &tokens, true);
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
                QuoteProblem::ClosedWithWrongMark { close, .. } => {
                    format!("misclosed@{}", close.start)
                }
                QuoteProblem::OpenedWithClosingMark { open } => format!("misopened@{}", open.start),
                QuoteProblem::InnerOpenedWithDouble { open, .. } => {
                    format!("inner@{}", open.start)
                }
                QuoteProblem::SpaceOnWrongSide { open, .. } => format!("spaced@{}", open.start),
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
    fn a_straight_single_mark_that_plainly_opens() {
        // Before a capital, with no `'` after it that could have closed it.
        assert_eq!(run("He said 'We will go. She left.").1, vec!["unclosed@8"]);
        assert_eq!(
            run("\"He said 'Go home. Then he left,\" she said.").1,
            vec!["unclosed@9"]
        );
        // A later `'` may have been its closing mark read as an apostrophe; a lower-case word
        // after it may be an elision nobody listed.
        assert!(run("He said 'We will go the farmers' way.").1.is_empty());
        assert!(run("He said 'ere we go.").1.is_empty());
        assert!(
            run("\"He said 'Go home the farmers' way,\" she said.")
                .1
                .is_empty()
        );
        // Closed with a double mark: one report, at the mark typed to close.
        assert_eq!(
            run("The group said. 'Networks like these break the law,\" it said.").1,
            vec!["misclosed@51"]
        );
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
            "\"I\"m afraid it\"s going to fall,\" he said.",
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
    fn nested_marks_set_apart_with_a_space() {
        for text in [
            "She said: \" 'We will go,' Ann Lee said. 'Soon.' \"",
            "The line \"You had me at 'hello' \"? is famous.",
            "\"The vote passed, clerk Ann Lee says. \" 'We are glad,' she says. \"It was close.\"",
        ] {
            assert!(run(text).1.is_empty(), "{text}: {:?}", run(text).1);
        }
        assert_eq!(
            run("\" 'We will go,' she said.\n\nNext.").1,
            vec!["unclosed@0"]
        );
    }

    #[test]
    fn a_quoted_letter_may_quote_others() {
        let text = "\"Dear editor, I write every week.\n\nMy son asked, \"Why?\" I had no answer.\n\nYours.\"";
        assert!(run(text).1.is_empty(), "{:?}", run(text).1);
        let text = "\"Dear editor, I write every week.\n\nMy son asked, \"Why?\" I had no answer.";
        assert_eq!(run(text).1, vec!["unclosed@0"]);
    }

    #[test]
    fn one_misplaced_mark_is_one_problem() {
        // A single quotation closed with a double mark, a double one closed with single marks.
        assert_eq!(
            run("They call it ‘the embassy”, he said.").1,
            vec!["misclosed@27"]
        );
        assert_eq!(run("He asked: “Did you lie?’").1, vec!["misclosed@25"]);
        assert_eq!(
            run("\"Prices are stable,'' he said.").1,
            vec!["misclosed@19"]
        );
        // `‘”hot”`: a closing mark typed to open, after a single opening mark.
        assert_eq!(
            run("Reddit’s ‘”hot” section is odd, it’s said.").1,
            vec!["misopened@14"]
        );
        // A `"` with its space on the wrong side opens the quotation a later mark closes; one
        // that nothing closes, or that a mark with spaces on both sides follows, is a stray.
        assert_eq!(
            run("He said it was good.\" We will go,\" she said.").1,
            vec!["spaced@20"]
        );
        assert_eq!(
            run("He said it was good.\" We will go.").1,
            vec!["unopened@20"]
        );
        assert_eq!(
            run("It was good.\" Then he called it \" a loss\".").1,
            vec!["unopened@12"]
        );
        // `"Super Reds‟`: closed with a reversed mark.
        assert_eq!(
            run("He was with \"Super Reds‟ for a year.").1,
            vec!["misclosed@23"]
        );
        // A straight `'` closing a `‘` is a style slip, not an imbalance.
        assert!(run("They told me: ‘Go home' and I went.").1.is_empty());
    }

    #[test]
    fn attribution_of_a_nested_quotation_or_reported_speech_allows_a_chain() {
        for text in [
            "\" 'We are ready,' Obama said. 'We can win.' \"The president added that it was hard.\"",
            "\"Ann Lee, the clerk, said he was pleased by the vote. \"It passed,\" she said.",
        ] {
            assert!(run(text).1.is_empty(), "{text}: {:?}", run(text).1);
        }
        assert_eq!(
            run("\"The harbour reopens in May, said manager Ida Berg. \"Ferries return in June,\" she added.").1,
            vec!["unclosed@0"]
        );
    }

    #[test]
    fn missing_space_does_not_flip_marks() {
        let (quotations, problems) = run("A climate of\"squabbling\" and \"fear\".");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(quotations, vec!["squabbling", "fear"]);
    }
}
