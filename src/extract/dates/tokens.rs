//! Tokens: a block cut into words, numbers and marks with their byte spans, each word with what
//! the lexicon says of it for dates.

use crate::lexicon::{self, Class, Entry};
use crate::parse::Block;
use crate::source::Span;

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
        if self.kind != Kind::Word {
            return None;
        }
        lexicon::lookup(self.text)
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

/// Cut a block into `tokens` (cleared first), stopping after `limit` tokens; whether it stopped
/// early. Tokens never straddle two pieces: the joint character between pieces is white space
/// or [`Block::ELIDED`], and both break tokens (and are neither digits, letters nor
/// apostrophes, so a look past the end of a piece sees what it would see at the end of the
/// text). Each piece is therefore cut on its own, byte by byte.
pub(super) fn tokenize_into<'t>(
    text: &'t str,
    block: &Block,
    limit: usize,
    tokens: &mut Vec<Token<'t>>,
) -> bool {
    tokens.clear();
    let filter = StartFilter::get();
    for piece in &block.pieces {
        let Some(s) = text.get(piece.range()) else {
            continue;
        };
        if tokenize_piece(s, piece.start as usize, filter, limit, tokens) {
            return true;
        }
    }
    false
}

/// The character at byte `i` of `s`, if any.
pub(super) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|rest| rest.chars().next())
}

/// What a byte is, for the tokenizer.
pub(super) const SPACE: u8 = 0;
pub(super) const LETTER: u8 = 1;
pub(super) const DIGIT: u8 = 2;
pub(super) const OTHER: u8 = 3;
pub(super) const HIGH: u8 = 4;

/// The class of every byte: ASCII white space, letters, digits and other marks; the bytes of
/// characters beyond ASCII.
pub(super) static CLASS: [u8; 256] = {
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

pub(super) fn tokenize_piece<'t>(
    s: &'t str,
    base: usize,
    filter: &StartFilter,
    limit: usize,
    tokens: &mut Vec<Token<'t>>,
) -> bool {
    let b = s.as_bytes();
    let n = b.len();
    let class = |k: usize| b.get(k).map_or(SPACE, |&x| CLASS[usize::from(x)]);
    let mut i = 0;
    while i < n {
        if tokens.len() >= limit {
            return true;
        }
        let c0 = b[i];
        let (c, len) = match CLASS[usize::from(c0)] {
            SPACE => {
                i += 1;
                continue;
            }
            LETTER => (char::from(c0), 1),
            OTHER => {
                tokens.push(Token::new(
                    Kind::Punct,
                    s.get(i..=i).unwrap_or(""),
                    base + i,
                ));
                i += 1;
                continue;
            }
            DIGIT => {
                i = number_at(s, i, base, tokens);
                continue;
            }
            _ => match char_at(s, i) {
                Some(c) => (c, c.len_utf8()),
                None => return false,
            },
        };
        let letter = len == 1;
        if !letter && (c.is_whitespace() || c == Block::ELIDED) {
            i += len;
            continue;
        }
        if letter || c.is_alphabetic() {
            let mut j = i + len;
            let mut ascii = len == 1;
            loop {
                match class(j) {
                    LETTER => j += 1,
                    OTHER if b[j] == b'\'' => {
                        if char_at(s, j + 1).is_some_and(char::is_alphabetic) {
                            j += 1;
                        } else {
                            break;
                        }
                    }
                    HIGH => {
                        let Some(ch) = char_at(s, j) else { break };
                        let apostrophe = ch == '’'
                            && char_at(s, j + ch.len_utf8()).is_some_and(char::is_alphabetic);
                        if ch.is_alphabetic() || apostrophe {
                            ascii = false;
                            j += ch.len_utf8();
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            let word = s.get(i..j).unwrap_or("");
            let mut token = Token::new(Kind::Word, word, base + i);
            token.cap = if letter {
                c0.is_ascii_uppercase()
            } else {
                c.is_uppercase()
            };
            if ascii && filter.may_start(b[i], b[j - 1], j - i) {
                if let Some(entry) = lexicon::lookup(word) {
                    let month = Class::MONTH | Class::MONTH_ABBREVIATION;
                    if entry.is(month) {
                        token.month = i8::try_from(entry.month).unwrap_or(0);
                    }
                    if entry.is(Class::WEEKDAY) {
                        token.weekday = entry.weekday;
                    }
                    let abbreviation = Class::WEEKDAY_ABBREVIATION | Class::WEEKDAY_TWO_LETTERS;
                    if entry.is(abbreviation) {
                        token.weekday_abbreviation = entry.weekday;
                        token.weekday_two_letters = entry.is(Class::WEEKDAY_TWO_LETTERS);
                    }
                    token.amount = amount_of(entry);
                    token.starts = entry.is(STARTS) || token.amount != 0;
                }
            }
            tokens.push(token);
            i = j;
            continue;
        }
        tokens.push(Token::new(
            Kind::Punct,
            s.get(i..i + len).unwrap_or(""),
            base + i,
        ));
        i += len;
    }
    false
}

/// The number that starts at byte `i` of `s`, pushed; the byte after it.
pub(super) fn number_at<'t>(
    s: &'t str,
    i: usize,
    base: usize,
    tokens: &mut Vec<Token<'t>>,
) -> usize {
    let b = s.as_bytes();
    let n = b.len();
    let digit = |k: usize| b.get(k).is_some_and(u8::is_ascii_digit);
    let mut j = i;
    let mut grouped = false;
    let mut decimal = false;
    while digit(j) {
        j += 1;
    }
    // Thousands groups and decimals: `136,000`, `15.81`.
    loop {
        let sep = b.get(j).copied();
        if sep == Some(b',') && digit(j + 1) && digit(j + 2) && digit(j + 3) && !digit(j + 4) {
            grouped = true;
            j += 4;
        } else if sep == Some(b'.') && digit(j + 1) {
            decimal = true;
            j += 1;
            while digit(j) {
                j += 1;
            }
        } else {
            break;
        }
    }
    let digit_end = j;
    let mut ordinal = false;
    if !grouped && !decimal && j + 1 < n {
        let suffix = [b[j].to_ascii_lowercase(), b[j + 1].to_ascii_lowercase()];
        if matches!(&suffix, b"st" | b"nd" | b"rd" | b"th")
            && !char_at(s, j + 2).is_some_and(char::is_alphanumeric)
        {
            ordinal = true;
            j += 2;
        }
    }
    let number_text = s.get(i..digit_end).unwrap_or("");
    let value = number_text
        .bytes()
        .filter(u8::is_ascii_digit)
        .fold(0u64, |acc, b| {
            acc.saturating_mul(10).saturating_add(u64::from(b - b'0'))
        });
    let digits = if grouped || decimal || ordinal {
        0
    } else {
        u8::try_from(number_text.len()).unwrap_or(u8::MAX)
    };
    let mut token = Token::new(Kind::Number, s.get(i..j).unwrap_or(""), base + i);
    token.value = value;
    token.digits = digits;
    token.ordinal = ordinal;
    tokens.push(token);
    j
}
