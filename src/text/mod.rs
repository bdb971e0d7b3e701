//! The text layer: every block's prose cut once into tokens that every extractor and rule reads.
//!
//! A [`Token`] borrows its text from the file and carries what the families ask of a word: its
//! kind (word, number literal, mark, quotation mark), what stands before it, its letter case, its
//! lexicon entry (looked up once, case-folded; `None` for a word the lexicon does not know) and
//! the sentence of its block it belongs to. Tokens never straddle two pieces of a block: the
//! markup between pieces breaks them, and [`Token::before`] says whether it stood for a space or
//! was cut out of the middle of a word.
//!
//! Families that read longer words than one token (`Jean-Paul`, `U.S.`, `COVID-19`) join touching
//! tokens with [`compound_end`] and a policy of their own; nothing cuts the characters again.

use std::ops::Range;

use crate::lexicon::{self, Class, Entry};
use crate::parse::{Block, Joint};
use crate::source::Span;

mod sentences;
#[cfg(test)]
mod tests;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters (and other alphanumeric characters beyond ASCII), with apostrophes between
    /// letters: `O'Brien`, `don’t`, `km²`.
    Word,
    /// ASCII digits with thousands groups, a decimal part or an ordinal suffix: `1,000`,
    /// `15.81`, `10th`.
    Number,
    /// A mark that may open or close a quotation, outside a word: `"` `'` `“` `”` `‘` `’` `«`
    /// `»` `„` `‚` `‹` `›`.
    Quote,
    /// Any other single character: punctuation, a dash, a symbol.
    Mark,
}

/// What stands between a token and the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Before {
    /// Nothing: the token is the block's first.
    Start,
    /// Nothing: the token touches the one before (`U` `.` `S`, `3` `m`).
    Touching,
    /// White space, or markup that stands for it (a line break, a tag between words).
    Space,
    /// Markup cut out of the middle of the prose (`"` before inline code).
    Elided,
}

/// The letter case of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    /// No upper-case letter: `said`.
    Lower,
    /// An upper-case first letter and no other: `Paris`.
    Capitalized,
    /// Upper-case letters only, at least one: `NATO`, `A`.
    Upper,
    /// An upper-case first letter and others later, with lower-case ones: `McDonald`.
    MixedUpper,
    /// A lower-case first letter and an upper-case one later: `iPhone`.
    MixedLower,
    /// No cased letter (a number, a mark, a word in a script without case).
    None,
}

impl Case {
    /// The case of `word`.
    pub fn of(word: &str) -> Case {
        let mut letters = word.chars().filter(|c| c.is_alphabetic());
        let Some(first) = letters.next() else {
            return Case::None;
        };
        let (mut upper, mut lower) = (false, false);
        for c in letters {
            upper |= c.is_uppercase();
            lower |= c.is_lowercase();
        }
        if first.is_uppercase() {
            match (upper, lower) {
                (_, false) => Case::Upper,
                (false, true) => Case::Capitalized,
                (true, true) => Case::MixedUpper,
            }
        } else if first.is_lowercase() || lower {
            if upper { Case::MixedLower } else { Case::Lower }
        } else if upper {
            Case::Upper
        } else {
            Case::None
        }
    }

    /// Whether the first letter is upper case.
    pub fn starts_upper(self) -> bool {
        matches!(self, Case::Capitalized | Case::Upper | Case::MixedUpper)
    }
}

/// What a number literal says, for a [`Kind::Number`] token (all zero for other tokens).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Literal {
    /// The digits' value, ignoring groups and the decimal part's point (saturating): `1,000` is
    /// 1000, `15.81` is 1581.
    pub value: u64,
    /// How many digits a plain literal has; 0 for a grouped, decimal or ordinal one.
    pub digits: u8,
    /// `10th`, `2nd`.
    pub ordinal: bool,
    /// `136,000`.
    pub grouped: bool,
    /// `15.81`.
    pub decimal: bool,
}

/// One token of a block's prose.
#[derive(Debug, Clone, Copy)]
pub struct Token<'t> {
    /// The token as written in the file.
    pub text: &'t str,
    /// Its first byte in the file.
    pub start: u32,
    /// The sentence of the block it is in (an index into the block's sentence spans; 0 when the
    /// article was built without sentences).
    pub sentence: u32,
    /// What the token is.
    pub kind: Kind,
    /// What stands between it and the token before.
    pub before: Before,
    /// The letter case of a word ([`Case::None`] for anything else).
    pub case: Case,
    /// Whether the text is ASCII.
    pub ascii: bool,
    /// The word's lexicon entry in any case; `None` for an unknown word and for anything that
    /// is not a word.
    pub entry: Option<&'static Entry>,
    /// The value of a number literal.
    pub literal: Literal,
}

impl<'t> Token<'t> {
    /// A token of `kind` written `text` at byte `start`; `ascii` says whether `text` is ASCII,
    /// which its reader knows.
    fn new(kind: Kind, text: &'t str, start: usize, before: Before, ascii: bool) -> Self {
        Self {
            text,
            start: u32::try_from(start).unwrap_or(u32::MAX),
            sentence: 0,
            kind,
            before,
            case: Case::None,
            ascii,
            entry: None,
            literal: Literal::default(),
        }
    }

    /// One past its last byte in the file.
    pub fn end(&self) -> u32 {
        self.start + u32::try_from(self.text.len()).unwrap_or(0)
    }

    /// Its bytes in the file.
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end(),
        }
    }

    /// Whether the token is a word or a number.
    pub fn is_alphanumeric(&self) -> bool {
        matches!(self.kind, Kind::Word | Kind::Number)
    }

    /// Whether the token is a word that is `word` in any ASCII case.
    pub fn is(&self, word: &str) -> bool {
        self.kind == Kind::Word && self.text.eq_ignore_ascii_case(word)
    }

    /// Whether the token is the mark (or quotation mark) `c`.
    pub fn is_mark(&self, c: char) -> bool {
        matches!(self.kind, Kind::Mark | Kind::Quote) && self.text.starts_with(c)
    }

    /// Whether the token is a hyphen or a dash: `-`, `–`, `—`.
    pub fn is_dash(&self) -> bool {
        matches!(self.text, "-" | "–" | "—") && self.kind == Kind::Mark
    }

    /// Whether the token is a word in one of the lexicon classes `classes`, in any case.
    pub fn is_a(&self, classes: Class) -> bool {
        self.entry.is_some_and(|e| e.is(classes))
    }

    /// The word in lower case when the lexicon knows it; an unknown word is `None` and matches
    /// nothing it is compared with.
    pub fn lower(&self) -> Option<&'static str> {
        self.entry.map(|e| e.word)
    }

    /// Whether the first letter is upper case.
    pub fn capitalized(&self) -> bool {
        self.case.starts_upper()
    }

    /// Whether the token touches the one before it.
    pub fn touching(&self) -> bool {
        self.before == Before::Touching
    }
}

/// Every block's tokens, in block order.
#[derive(Debug, Clone, Default)]
pub struct Tokens<'t> {
    all: Vec<Token<'t>>,
    /// Where each block's tokens start in `all`, and one more entry for the end.
    starts: Vec<u32>,
}

impl<'t> Tokens<'t> {
    /// Cut every block of `blocks` into tokens and sentences: the tokens, and each block's
    /// sentence spans (from the first byte of a sentence's first token to the last of its last).
    pub fn build(text: &'t str, blocks: &[Block]) -> (Self, Vec<Vec<Span>>) {
        let mut tokens = Tokens {
            all: Vec::with_capacity(blocks.iter().map(|b| b.span().len()).sum::<usize>() / 5 + 1),
            starts: Vec::with_capacity(blocks.len() + 1),
        };
        let mut spans = Vec::with_capacity(blocks.len());
        for block in blocks {
            let first = tokens.all.len();
            tokens.starts.push(to_u32(first));
            tokenize_block(text, block, &mut tokens.all);
            spans.push(sentences::split(text, &mut tokens.all[first..]));
        }
        tokens.starts.push(to_u32(tokens.all.len()));
        (tokens, spans)
    }

    /// How many blocks there are.
    pub fn block_count(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// The tokens of block `index` (none for a block that does not exist).
    pub fn block(&self, index: usize) -> &[Token<'t>] {
        match (self.starts.get(index), self.starts.get(index + 1)) {
            (Some(&from), Some(&to)) => &self.all[from as usize..to as usize],
            _ => &[],
        }
    }

    /// The tokens of sentence `sentence` of block `block`.
    pub fn sentence(&self, block: usize, sentence: usize) -> &[Token<'t>] {
        let tokens = self.block(block);
        let sentence = to_u32(sentence);
        let from = tokens.partition_point(|t| t.sentence < sentence);
        let to = tokens.partition_point(|t| t.sentence <= sentence);
        &tokens[from..to]
    }

    /// Every token of every block.
    pub fn all(&self) -> &[Token<'t>] {
        &self.all
    }
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The sentences of one block, for a reader that needs nothing else of it.
pub fn sentences_of(text: &str, block: &Block) -> Vec<Span> {
    let mut tokens = Vec::new();
    tokenize_block(text, block, &mut tokens);
    sentences::split(text, &mut tokens)
}

/// Append the tokens of `block` to `out` (their sentence is set by [`sentences::split`]).
fn tokenize_block<'t>(text: &'t str, block: &Block, out: &mut Vec<Token<'t>>) {
    let first = out.len();
    // What the end of the piece before leaves standing before the next token.
    let mut carried = Before::Start;
    for (index, piece) in block.pieces.iter().enumerate() {
        let Some(s) = text.get(piece.range()) else {
            continue;
        };
        let before = match block.joint_before(text, index) {
            _ if index == 0 => Before::Start,
            // A decoded entity joins the pieces: what stood after the last one still stands.
            Joint::None => carried,
            Joint::Space => Before::Space,
            Joint::Elided => Before::Elided,
        };
        carried = tokenize_piece(s, piece.start as usize, before, out);
    }
    if let Some(token) = out.get_mut(first) {
        token.before = Before::Start;
    }
}

/// What a byte is, for the tokenizer.
const SPACE: u8 = 0;
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
const OTHER: u8 = 3;
const HIGH: u8 = 4;

/// The class of every byte: ASCII white space, letters, digits and other marks; the bytes of
/// characters beyond ASCII.
static CLASS: [u8; 256] = {
    let mut class = [HIGH; 256];
    let mut b = 0;
    while b < 128 {
        class[b] = match b as u8 {
            b' ' | b'\t'..=b'\r' => SPACE,
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            _ => OTHER,
        };
        b += 1;
    }
    class
};

/// The character at byte `i` of `s`, if any.
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(i..).and_then(|rest| rest.chars().next()),
        None => None,
    }
}

/// Whether `c` may open or close a quotation.
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›' | '‟' | '‛'
    )
}

/// Cut one piece `s`, which starts at byte `base` of the file, into `out`; `before` is what
/// stands before the piece. What stands after its last token.
fn tokenize_piece<'t>(
    s: &'t str,
    base: usize,
    mut before: Before,
    out: &mut Vec<Token<'t>>,
) -> Before {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c0 = b[i];
        let mut token = match CLASS[usize::from(c0)] {
            SPACE => {
                before = Before::Space;
                i += 1;
                continue;
            }
            LETTER => word_at(s, i),
            DIGIT => number_at(s, i),
            OTHER => mark_at(s, i, char::from(c0)),
            _ => {
                let Some(c) = char_at(s, i) else {
                    return before;
                };
                if c.is_whitespace() || c == Block::ELIDED {
                    before = if c == Block::ELIDED {
                        Before::Elided
                    } else {
                        Before::Space
                    };
                    i += c.len_utf8();
                    continue;
                }
                if c.is_alphanumeric() {
                    word_at(s, i)
                } else {
                    mark_at(s, i, c)
                }
            }
        };
        i += token.text.len();
        token.start += u32::try_from(base).unwrap_or(u32::MAX);
        token.before = before;
        out.push(token);
        before = Before::Touching;
    }
    before
}

/// The mark `c` at byte `i` of `s`.
fn mark_at(s: &str, i: usize, c: char) -> Token<'_> {
    let kind = if is_quote_mark(c) {
        Kind::Quote
    } else {
        Kind::Mark
    };
    Token::new(
        kind,
        &s[i..i + c.len_utf8()],
        i,
        Before::Touching,
        c.is_ascii(),
    )
}

/// The word that starts at byte `i` of `s`. Apostrophes (`'`, `’`) between letters belong to
/// the word.
fn word_at(s: &str, i: usize) -> Token<'_> {
    let b = s.as_bytes();
    let mut j = i;
    // The ASCII letters' case bits, read in the same pass: which of upper and lower case the
    // letters after the first have.
    let (mut upper, mut lower) = (false, false);
    let mut ascii = true;
    loop {
        // ASCII letters, the bulk of any word, a byte at a time.
        while let Some(&c) = b.get(j).filter(|c| c.is_ascii_alphabetic()) {
            if j > i {
                upper |= c.is_ascii_uppercase();
                lower |= c.is_ascii_lowercase();
            }
            j += 1;
        }
        let Some(c) = char_at(s, j) else { break };
        let len = c.len_utf8();
        let apostrophe = matches!(c, '\'' | '’')
            && j > i
            && char_at(s, j + len).is_some_and(char::is_alphabetic);
        if !(apostrophe || !c.is_ascii() && c.is_alphanumeric()) {
            break;
        }
        ascii &= c.is_ascii();
        j += len;
    }
    let text = &s[i..j];
    let mut token = Token::new(Kind::Word, text, i, Before::Touching, ascii);
    if ascii {
        token.case = match (b[i].is_ascii_uppercase(), upper, lower) {
            (true, _, false) => Case::Upper,
            (true, false, true) => Case::Capitalized,
            (true, true, true) => Case::MixedUpper,
            (false, true, _) => Case::MixedLower,
            (false, false, _) => Case::Lower,
        };
        token.entry = lexicon::lookup_ascii(text);
    } else {
        token.case = Case::of(text);
        token.entry = lexicon::lookup(text);
    }
    token
}

/// The number literal that starts at byte `i` of `s`.
fn number_at(s: &str, i: usize) -> Token<'_> {
    let b = s.as_bytes();
    let n = b.len();
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let mut j = i;
    let mut literal = Literal::default();
    while digit(j) {
        j += 1;
    }
    // Thousands groups and decimals: `136,000`, `15.81`.
    loop {
        let sep = b.get(j).copied();
        if sep == Some(b',') && digit(j + 1) && digit(j + 2) && digit(j + 3) && !digit(j + 4) {
            literal.grouped = true;
            j += 4;
        } else if sep == Some(b'.') && digit(j + 1) {
            literal.decimal = true;
            j += 1;
            while digit(j) {
                j += 1;
            }
        } else {
            break;
        }
    }
    let digit_end = j;
    if !literal.grouped && !literal.decimal && j + 1 < n {
        let suffix = [b[j].to_ascii_lowercase(), b[j + 1].to_ascii_lowercase()];
        if matches!(&suffix, b"st" | b"nd" | b"rd" | b"th")
            && !char_at(s, j + 2).is_some_and(char::is_alphanumeric)
        {
            literal.ordinal = true;
            j += 2;
        }
    }
    let digits = &s[i..digit_end];
    literal.value = digits
        .bytes()
        .filter(u8::is_ascii_digit)
        .fold(0u64, |acc, b| {
            acc.saturating_mul(10).saturating_add(u64::from(b - b'0'))
        });
    if !(literal.grouped || literal.decimal || literal.ordinal) {
        literal.digits = u8::try_from(digits.len()).unwrap_or(u8::MAX);
    }
    let mut token = Token::new(Kind::Number, &s[i..j], i, Before::Touching, true);
    token.literal = literal;
    token
}

/// The index one past the last token of the compound word that starts at `tokens[i]`: the
/// longest run of touching words and numbers (`A380`, `3m`), each pair of them possibly joined
/// by one touching mark between them that `keeps(previous, mark, next)` allows (`Jean-Paul`,
/// `U.S`, `COVID-19`). `i + 1` when nothing joins; `i` when `tokens[i]` is not a word or a
/// number.
pub fn compound_end(
    tokens: &[Token],
    i: usize,
    keeps: impl Fn(&Token, &Token, &Token) -> bool,
) -> usize {
    if !tokens.get(i).is_some_and(Token::is_alphanumeric) {
        return i;
    }
    let mut end = i + 1;
    loop {
        match (tokens.get(end), tokens.get(end + 1)) {
            (Some(next), _) if next.touching() && next.is_alphanumeric() => end += 1,
            (Some(mark), Some(next))
                if mark.touching()
                    && !mark.is_alphanumeric()
                    && next.touching()
                    && next.is_alphanumeric()
                    && keeps(&tokens[end - 1], mark, next) =>
            {
                end += 2;
            }
            _ => return end,
        }
    }
}

/// The index of the first token of `tokens` that ends after byte `offset` (`tokens.len()` when
/// none does).
pub fn index_at(tokens: &[Token], offset: usize) -> usize {
    let offset = to_u32(offset);
    tokens.partition_point(|t| t.end() <= offset)
}

/// The tokens of `tokens` that lie wholly within `range` (byte offsets).
pub fn between<'a, 't>(tokens: &'a [Token<'t>], range: Range<usize>) -> &'a [Token<'t>] {
    let start = to_u32(range.start);
    let from = tokens.partition_point(|t| t.start < start);
    let to = to_u32(range.end);
    let len = tokens[from..].partition_point(|t| t.end() <= to);
    &tokens[from..from + len]
}

/// Which spans of the file lie inside a quotation: built once from the quotations' content
/// spans (in any order, nested or overlapping), asked in `O(log n)`. Outer quotations contain
/// inner ones, so the furthest-reaching content that starts at or before a span decides.
#[derive(Debug, Clone, Default)]
pub struct Quoted {
    /// The contents, sorted.
    contents: Vec<Span>,
    /// For each content, the furthest end of it and of every content before it.
    reach: Vec<u32>,
}

impl Quoted {
    /// The quotations whose contents are `contents`.
    pub fn new(contents: impl IntoIterator<Item = Span>) -> Self {
        let mut contents: Vec<Span> = contents.into_iter().collect();
        contents.sort_unstable();
        let reach = contents
            .iter()
            .scan(0, |furthest, c| {
                *furthest = c.end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        Self { contents, reach }
    }

    /// Whether `span` lies wholly inside the content of one of the quotations.
    pub fn contains(&self, span: Span) -> bool {
        let at = self.contents.partition_point(|c| c.start <= span.start);
        at > 0 && span.end <= self.reach[at - 1]
    }
}
