//! Tokens as the date scanner reads them: the text layer's tokens of a block, each word with
//! what the lexicon says of it for dates.

use crate::lexicon::{Class, Entry};
use crate::source::Span;
use crate::text;

use super::words::{STARTS, StartFilter, amount_of};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Token<'t> {
    pub(super) kind: Kind,
    pub(super) text: &'t str,
    pub(super) start: usize,
    pub(super) end: usize,
    /// The value of a number (saturating).
    pub(super) value: u64,
    /// How many digits a plain number has; 0 for grouped, decimal or ordinal numbers.
    pub(super) digits: u8,
    /// `10th`.
    pub(super) ordinal: bool,
    /// A word whose first character is upper case.
    pub(super) cap: bool,
    /// The month the word names (1-12), 0 for none.
    pub(super) month: i8,
    /// The weekday the word names, 1 (Monday) to 7, 0 for none (whatever the case of the word).
    pub(super) weekday: u8,
    /// The weekday an abbreviation names (`Thu`, `Tues`, `Sa`), 1 (Monday) to 7, 0 for none.
    pub(super) weekday_abbreviation: u8,
    /// Whether that abbreviation has two letters (`Mo`, `Sa`), read only right after a date.
    pub(super) weekday_two_letters: bool,
    /// The amount a single word spells (see [`amount_of`]).
    pub(super) amount: u8,
    /// Whether a pattern may start at the token: a number, or a word of the lexicon that starts
    /// one ([`STARTS`], amounts).
    pub(super) starts: bool,
    /// The word's lexicon entry (the shared token's).
    pub(super) entry: Option<&'static Entry>,
}

impl<'t> Token<'t> {
    pub(super) fn new(kind: Kind, text: &'t str, start: usize) -> Self {
        Self {
            kind,
            text,
            start,
            end: start + text.len(),
            value: 0,
            digits: 0,
            ordinal: false,
            cap: false,
            month: 0,
            weekday: 0,
            weekday_abbreviation: 0,
            weekday_two_letters: false,
            amount: 0,
            starts: kind == Kind::Number,
            entry: None,
        }
    }
}

impl Token<'_> {
    pub(super) fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    pub(super) fn is(&self, word: &str) -> bool {
        self.kind != Kind::Number && self.text.eq_ignore_ascii_case(word)
    }

    pub(super) fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    pub(super) fn is_dash(&self) -> bool {
        self.kind == Kind::Punct && matches!(self.text, "-" | "–" | "—")
    }

    pub(super) fn capitalized(&self) -> bool {
        self.cap
    }

    /// The word's lexicon entry; `None` for a number, a mark or a word the lexicon does not
    /// know.
    pub(super) fn entry(&self) -> Option<&'static Entry> {
        self.entry
    }

    /// The word in lower case when the lexicon knows it: a word it does not know is `None`,
    /// and matches no word compared with.
    pub(super) fn lower(&self) -> Option<&'static str> {
        self.entry().map(|e| e.word)
    }

    /// Whether the token is a word of one of the lexicon classes `classes`.
    pub(super) fn is_a(&self, classes: Class) -> bool {
        self.entry().is_some_and(|e| e.is(classes))
    }
}

/// The dates view of a block's shared tokens, into `tokens` (cleared first), stopping after
/// `limit` tokens; whether the block goes on past them.
pub(super) fn view_into<'t>(
    block: &[text::Token<'t>],
    limit: usize,
    tokens: &mut Vec<Token<'t>>,
) -> bool {
    tokens.clear();
    let filter = StartFilter::get();
    tokens.extend(block.iter().take(limit).map(|t| Token::view(t, filter)));
    block.len() > limit
}

impl<'t> Token<'t> {
    /// What the date scanner reads of the shared token `t`.
    fn view(t: &text::Token<'t>, filter: &StartFilter) -> Self {
        let kind = match t.kind {
            text::Kind::Word => Kind::Word,
            text::Kind::Number => Kind::Number,
            text::Kind::Mark | text::Kind::Quote => Kind::Punct,
        };
        let mut token = Token::new(kind, t.text, t.start as usize);
        match kind {
            Kind::Number => {
                token.value = t.literal.value;
                token.digits = t.literal.digits;
                token.ordinal = t.literal.ordinal;
            }
            Kind::Word => {
                token.cap = t.capitalized();
                token.entry = t.entry;
                let bytes = t.text.as_bytes();
                let may_start =
                    |first: &u8, last: &u8| filter.may_start(*first, *last, bytes.len());
                let entry = t.entry.filter(|_| {
                    t.ascii
                        && bytes
                            .first()
                            .zip(bytes.last())
                            .is_some_and(|(f, l)| may_start(f, l))
                });
                if let Some(entry) = entry {
                    token.read_entry(entry);
                }
            }
            Kind::Punct => {}
        }
        token
    }

    /// Fill in what the lexicon entry of the word says for dates.
    fn read_entry(&mut self, entry: &Entry) {
        if entry.is(Class::MONTH | Class::MONTH_ABBREVIATION) {
            self.month = i8::try_from(entry.month).unwrap_or(0);
        }
        if entry.is(Class::WEEKDAY) {
            self.weekday = entry.weekday;
        }
        if entry.is(Class::WEEKDAY_ABBREVIATION | Class::WEEKDAY_TWO_LETTERS) {
            self.weekday_abbreviation = entry.weekday;
            self.weekday_two_letters = entry.is(Class::WEEKDAY_TWO_LETTERS);
        }
        self.amount = amount_of(entry);
        self.starts = entry.is(STARTS) || self.amount != 0;
    }
}
