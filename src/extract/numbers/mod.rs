//! Quantities: values with their unit, hedge and what they count, plus the number patterns the
//! N rules read (stated changes, counted lists, conversions, parts of a whole).
//!
//! Each sentence is cut into word and punctuation tokens, and every number is read with what
//! stands around it: a currency sign, a hedge (`about`, `more than`), a scale (`million`, `mln`,
//! `bn`), a unit (`percent`, `km`, `yuan`, `dlrs`) and the noun phrase it counts (`tourists`,
//! `net population inflow`). Years, dates, times, labels (`Flight 370`), ordinals and ages get
//! their own role so that rules about quantities of things leave them alone.

mod patterns;
#[cfg(test)]
mod tests;

pub use patterns::{
    Breakdown, Change, ChangeKind, Conversion, CountedList, ListIntro, PartOfWhole, PartRelation,
};

use std::borrow::Cow;

use crate::lexicon::{self, Class};
pub use crate::lexicon::{Dimension, Hedge, Unit};
use crate::source::Span;
use crate::text::{self, Tokens};

/// What a number is, beyond a quantity of things.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// An amount of something: what the N rules compare.
    Quantity,
    /// A year (`2016`, `in 1987`).
    Year,
    /// A decade (`1980s`).
    Decade,
    /// Part of a date (`Nov. 27`, `27 November`).
    Date,
    /// A time of day (`2000 GMT`, `10:30`, `9 a.m.`).
    Time,
    /// An ordinal (`20th`, `second`, `the 14th Five-Year Plan`).
    Ordinal,
    /// A number that names something (`Flight 370`, `No. 3`, `Boeing 747`, `1987/88`).
    Label,
    /// An age (`30-year-old`, `aged 30`).
    Age,
    /// A fraction word (`half`, `a third`, `two-thirds`).
    Fraction,
}

/// Month names and their abbreviations: a number next to one is a date.
const MONTHS: Class = Class::MONTH.union(Class::MONTH_ABBREVIATION);

/// One number in the text with what stands around it.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// From the currency sign or first digit to the end of the unit (hedge not included).
    pub span: Span,
    /// The number itself (`1.1`, `136,000`, `three`).
    pub number_span: Span,
    /// The value after scale words (`1.1 million` is 1,100,000).
    pub value: f64,
    /// Half the place value of the last written digit, times the scale: how far rounding may
    /// have moved the value (`1.1 million`: 50,000; `136,000`: 500).
    pub precision: f64,
    /// The hedge before the number, if any.
    pub hedge: Option<Hedge>,
    /// The unit, if any.
    pub unit: Option<Unit>,
    /// The unit as written (`per cent`, `%`, `dlrs`).
    pub unit_span: Option<Span>,
    /// The noun phrase counted after the number (`tourists`, `roads` in `100 km of roads`),
    /// lower-case.
    pub counted: Option<String>,
    /// The noun phrase before `of` (`net population inflow` in `a net population inflow of
    /// 136,000`), lower-case.
    pub subject: Option<String>,
    /// What the number is.
    pub role: Role,
    /// Written in digits (`5`, `1.1 million`) rather than words (`five`).
    pub numeral: bool,
    /// Digits grouped with commas (`10,000`).
    pub grouped: bool,
    /// How many digits before the decimal point were written.
    pub integer_digits: usize,
    /// Whether a scale word or suffix was used (`million`, `bn`).
    pub scaled: bool,
    /// The scale the number was multiplied by (1 when none).
    pub scale: f64,
    /// Whether decimals were written (`4.0`, `1.1`).
    pub decimals: bool,
    /// Whether the quantity (or its hedge) opens its sentence.
    pub sentence_start: bool,
    /// A compound adjective (`16,000-square-meter`, `three-story`).
    pub compound: bool,
    /// The upper end of a written range (`20,000-30,000`).
    pub range_high: Option<f64>,
    /// Whether `(` stands right before the number or its hedge.
    pub in_parens: bool,
    /// Part of a pair such as a score or a range written with `to` (`319 to 219`).
    pub paired: bool,
    /// Whether `a` or `an` stands before the number: it then describes one thing (`a 100 mln
    /// dlr eurobond`), it does not count things.
    pub after_article: bool,
    /// The content words of the eight tokens after the quantity, lower-case: what the figure
    /// is about (`competing in the new documentary category`).
    pub following: Vec<String>,
    /// The words right after the quantity, lower-case, up to three and up to the first mark:
    /// what the figure is said of (`jobs in may` in `38,000 jobs in May, …`).
    pub next_words: Vec<String>,
    /// Index of the block.
    pub block: usize,
    /// Index of the sentence among all sentences of the article, in order.
    pub sentence: usize,
}

impl Quantity {
    /// The figure as the article writes it, with runs of white space (line breaks) folded.
    pub fn as_written(&self, text: &str) -> String {
        text.get(self.span.range())
            .unwrap_or_default()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The values the last written digit allows, the hedge left out: `(low, high)`; a
    /// whole-number count without hedge, unit or scale is exact.
    pub fn rounding(&self) -> (f64, f64) {
        let p = if self.is_exact_count() {
            0.0
        } else {
            self.precision
        };
        (self.value - p, self.range_high.unwrap_or(self.value) + p)
    }

    /// The values the text allows, after rounding and the hedge: `(low, high)`. A whole-number
    /// count without hedge, unit or scale (`13 bridges`, `five charges`) is exact; otherwise
    /// the last written digit may have been rounded.
    pub fn interval(&self) -> (f64, f64) {
        let (v, p) = (self.value, self.precision);
        let p = if self.is_exact_count() { 0.0 } else { p };
        let top = self.range_high.unwrap_or(v);
        match self.hedge {
            None => self.rounding(),
            Some(Hedge::About) => (v * 0.85 - p, top * 1.15 + p),
            Some(Hedge::Nearly) => (v * 0.8 - p, top + p),
            Some(Hedge::AtLeast) => (v - p, f64::INFINITY),
            Some(Hedge::AtMost) => (0.0, top + p),
        }
    }

    /// Whether this is a whole-number count written to its last unit (`13`, `five`, not `1,300`,
    /// `1.3 million` or `$13`).
    pub fn is_exact_count(&self) -> bool {
        self.unit.is_none() && !self.scaled && self.value.fract() == 0.0 && self.precision <= 0.5
    }

    /// Whether this is a plain quantity of things (the role the N rules compare).
    pub fn is_quantity(&self) -> bool {
        self.role == Role::Quantity
    }
}

/// Time words in a sentence that tell which period its figures belong to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct TimeAnchor {
    /// Years named in the sentence.
    pub years: Vec<i64>,
    /// Relative periods (`last`, `previous`, `ago`, `this`, `next`, month names …), lower-case.
    pub words: Vec<String>,
}

/// Everything the number layer found in an article.
#[derive(Debug, Clone, Default)]
pub struct Numbers {
    /// Every number, in text order.
    pub quantities: Vec<Quantity>,
    /// The time anchor of every sentence (same indices as [`Quantity::sentence`]).
    pub anchors: Vec<TimeAnchor>,
    /// Sentences that compare or move figures (`vs`, `compared with`, `rose`, `fell`).
    pub comparative: Vec<bool>,
    /// Where every sentence is (for [`Numbers::sentence_words`] and
    /// [`Numbers::sentence_names`], which few rules need, and only for a few sentences).
    sentence_places: Vec<SentencePlace>,
    /// Stated changes with their from and to figures.
    pub changes: Vec<Change>,
    /// Falls stated as more than 100 percent (`fell 117%`): the change word and the index of
    /// its percentage, with or without from and to figures.
    pub falls_beyond_all: Vec<(Span, usize)>,
    /// Lists announced by a count.
    pub lists: Vec<CountedList>,
    /// Conversions given in parentheses.
    pub conversions: Vec<Conversion>,
    /// Parts stated against a whole (`25 of the 22`).
    pub parts: Vec<PartOfWhole>,
    /// Totals broken down into parts in the same sentence.
    pub breakdowns: Vec<Breakdown>,
}

impl Numbers {
    /// Run `f` on numbers' view of the tokens of sentence `sentence`.
    fn with_sentence_tokens<R>(
        &self,
        text: &str,
        tokens: &Tokens,
        sentence: usize,
        f: impl FnOnce(&[Token]) -> R,
    ) -> Option<R> {
        let place = self.sentence_places.get(sentence)?;
        let mut view = Vec::new();
        sentence_view(text, tokens, place, &mut view);
        Some(f(&view))
    }

    /// The content words of sentence `sentence`, lower-case, sorted and unique (for telling a
    /// restatement of a figure from a figure about something else). `text` and `tokens` are
    /// those the numbers were extracted from.
    pub fn sentence_words(
        &self,
        text: &str,
        tokens: &Tokens,
        sentence: usize,
    ) -> Option<Vec<String>> {
        self.with_sentence_tokens(text, tokens, sentence, content_words)
    }

    /// The first content word of sentence `sentence`, lower-case: usually who or what the
    /// sentence is about (`bakers` in `Bakers added 24,300 jobs`). `text` and `tokens` are
    /// those the numbers were extracted from.
    pub fn sentence_first_word(
        &self,
        text: &str,
        tokens: &Tokens,
        sentence: usize,
    ) -> Option<String> {
        self.with_sentence_tokens(text, tokens, sentence, |view| {
            content_words_in_order(view).next().map(Cow::into_owned)
        })
        .flatten()
    }

    /// The capitalized words of sentence `sentence` after its first word, sorted and unique:
    /// who or what the sentence is about. `text` and `tokens` are those the numbers were
    /// extracted from.
    pub fn sentence_names(
        &self,
        text: &str,
        tokens: &Tokens,
        sentence: usize,
    ) -> Option<Vec<String>> {
        self.with_sentence_tokens(text, tokens, sentence, proper_words)
    }
}

/// Where a sentence is: its block, its index among the block's sentences and its bytes.
#[derive(Debug, Clone, Copy)]
struct SentencePlace {
    block: usize,
    sentence: usize,
    span: Span,
}

/// A word or a mark of a sentence as numbers reads it: one shared [`text::Token`], or a
/// compound of touching ones joined by numbers' policy ([`joins`]): `U.S`, `5.2bn`,
/// `20,000-30,000`, `twenty-five`, `1,00`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'t> {
    pub start: usize,
    pub end: usize,
    /// The text as written.
    pub text: &'t str,
    /// The word in lower case when the lexicon knows it; `None` for an unknown word and for a
    /// mark, so it matches nothing it is compared with.
    pub lower: Option<&'static str>,
    /// A run of letters and digits (with inner `-`, `.`, `,`, `'`); otherwise one mark.
    pub word: bool,
    /// The lexicon classes of the word; empty for marks and unknown words.
    pub flags: Class,
}

impl Token<'_> {
    fn is_punct(&self, c: char) -> bool {
        !self.word && self.text.starts_with(c)
    }

    fn capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// The word in lower case, borrowed unless it is an unknown word with capitals or letters
    /// beyond ASCII.
    pub(super) fn lowered(&self) -> Cow<'_, str> {
        match self.lower {
            Some(word) => Cow::Borrowed(word),
            None => lower_case(self.text),
        }
    }
}

/// `text` in lower case, borrowed when it already is.
fn lower_case(text: &str) -> Cow<'_, str> {
    if text.is_ascii() {
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(text.to_ascii_lowercase())
        } else {
            Cow::Borrowed(text)
        }
    } else {
        Cow::Owned(text.to_lowercase())
    }
}

/// Numbers' join policy for [`text::compound_end`]: whether `mark` between `prev` and `next`
/// keeps a word going. `head` is the text of the compound from its first token to `prev`.
/// Digits join through `.` and `,` (`1,00`, `2.5.3`); hyphens join (`well-known`,
/// `20,000-30,000`); apostrophes join letters; a `.` joins letters after a one-letter segment
/// (`U.S`, `a.k.a`, not `Mr.Smith`).
fn joins(head: &str, mark: &text::Token, next: &text::Token) -> bool {
    let prev = head.chars().next_back().unwrap_or(' ');
    let after = next.text.chars().next().unwrap_or(' ');
    match mark.text {
        "." | "," => {
            (prev.is_ascii_digit() && after.is_ascii_digit())
                || (mark.text == "."
                    && prev.is_alphabetic()
                    && after.is_alphabetic()
                    && segment_letters(head) == 1)
        }
        "-" => prev.is_alphanumeric() && after.is_alphanumeric(),
        "'" | "’" => prev.is_alphabetic() && after.is_alphabetic(),
        _ => false,
    }
}

/// How many letters the last dotted segment of a word has, the word's first character counted
/// as one whatever it is.
fn segment_letters(word: &str) -> usize {
    let mut chars = word.chars();
    let mut letters = usize::from(chars.next().is_some());
    for c in chars {
        if c.is_alphabetic() {
            letters += 1;
        } else {
            letters = 0;
        }
    }
    letters
}

/// Numbers' view of the tokens of one sentence, appended to `out`.
fn sentence_view<'t>(
    text: &'t str,
    tokens: &Tokens<'t>,
    place: &SentencePlace,
    out: &mut Vec<Token<'t>>,
) {
    let (from, to) = (place.span.start, place.span.end);
    let all = tokens.sentence(place.block, place.sentence);
    let first = all.partition_point(|t| t.start < from);
    let last = all.partition_point(|t| t.start < to);
    let shared = all.get(first..last).unwrap_or(&[]);
    let mut i = 0;
    while let Some(token) = shared.get(i) {
        let start = token.start as usize;
        if !token.is_alphanumeric() {
            out.push(Token {
                start,
                end: token.end() as usize,
                text: token.text,
                lower: None,
                word: false,
                flags: Class::empty(),
            });
            i += 1;
            continue;
        }
        let end_index = text::compound_end(shared, i, |prev, mark, next| {
            let head = text.get(start..prev.end() as usize).unwrap_or(prev.text);
            joins(head, mark, next)
        });
        let end = shared
            .get(end_index.saturating_sub(1))
            .map_or(start, |t| t.end() as usize);
        let (written, entry) = if end_index == i + 1 {
            (token.text, token.entry)
        } else {
            let written = text.get(start..end).unwrap_or(token.text);
            (written, lexicon::lookup(written))
        };
        out.push(Token {
            start,
            end,
            text: written,
            lower: entry.map(|e| e.word),
            word: true,
            flags: entry.map_or(Class::empty(), |e| e.classes),
        });
        i = end_index.max(i + 1);
    }
}

/// A number read from one token or a hyphen part of it.
#[derive(Debug, Clone, Copy)]
struct Literal {
    value: f64,
    precision: f64,
    numeral: bool,
    grouped: bool,
    integer_digits: usize,
    ordinal: bool,
    decade: bool,
    glued_scale: Option<f64>,
    /// A unit glued to the digits (`40m`, `130ft`).
    glued_unit: Option<Unit>,
}

/// Digits with optional comma groups and decimals, then an optional letter suffix.
fn read_digits(part: &str, after_currency_sign: bool) -> Option<Literal> {
    let digits_end = part
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(part.len());
    let (number, suffix) = part.split_at(digits_end);
    if number.is_empty() || !number.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (int_part, frac_part) = match number.split_once('.') {
        Some((a, b)) => (a, Some(b)),
        None => (number, None),
    };
    if frac_part.is_some_and(|f| f.is_empty() || !f.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    let grouped = int_part.contains(',');
    if grouped {
        let mut groups = int_part.split(',');
        let first = groups.next().unwrap_or("");
        if first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3) {
            return None;
        }
    }
    let plain: String = int_part.chars().filter(char::is_ascii_digit).collect();
    let integer_digits = plain.len();
    let frac = frac_part.unwrap_or("");
    let value: f64 = format!("{plain}.{frac}0").parse().ok()?;
    let trailing_zeros = if frac.is_empty() {
        plain.len() - plain.trim_end_matches('0').len()
    } else {
        0
    };
    // Trailing zeros may be rounding or exact: assume at least two significant digits.
    let rounded_zeros = trailing_zeros.min(integer_digits.saturating_sub(2)).min(12);
    let place = if frac.is_empty() {
        10f64.powi(i32::try_from(rounded_zeros).unwrap_or(0))
    } else {
        10f64.powi(-i32::try_from(frac.len().min(12)).unwrap_or(0))
    };
    let precision = if value == 0.0 { 0.5 } else { place / 2.0 };
    let suffix = suffix.to_ascii_lowercase();
    let mut literal = Literal {
        value,
        precision,
        numeral: true,
        grouped,
        integer_digits,
        ordinal: false,
        decade: false,
        glued_scale: None,
        glued_unit: None,
    };
    match suffix.as_str() {
        "" => {}
        "st" | "nd" | "rd" | "th" => literal.ordinal = true,
        "s" if frac.is_empty() => literal.decade = true,
        other => match lexicon::glued_scale(other, after_currency_sign) {
            Some(scale) => literal.glued_scale = Some(scale),
            None => literal.glued_unit = Some(lexicon::glued_unit(other)?),
        },
    }
    Some(literal)
}

fn read_spelled(word: &str) -> Option<Literal> {
    let value = lexicon::spelled_cardinal(word)?;
    Some(Literal {
        value,
        precision: 0.5,
        numeral: false,
        grouped: false,
        integer_digits: 0,
        ordinal: false,
        decade: false,
        glued_scale: None,
        glued_unit: None,
    })
}

/// Quantities and sentence facts gathered while scanning one sentence.
struct SentenceScan<'t, 'a> {
    tokens: &'t [Token<'a>],
    /// Index of the first token of each quantity found in this sentence, parallel to the
    /// quantities pushed for it.
    starts: Vec<usize>,
    /// Index one past the last token of each quantity.
    ends: Vec<usize>,
}

/// Find the quantities in an article's tokens; `sentences` are the blocks' sentence spans the
/// tokens were built with.
pub fn extract(text: &str, tokens: &Tokens, sentences: &[Vec<Span>]) -> Numbers {
    let mut numbers = Numbers::default();
    let mut sentence_index = 0;
    let mut view: Vec<Token> = Vec::new();
    let mut starts = Vec::new();
    let mut ends = Vec::new();
    for (block_index, spans) in sentences.iter().enumerate() {
        for (index, &span) in spans.iter().enumerate() {
            let place = SentencePlace {
                block: block_index,
                sentence: index,
                span,
            };
            view.clear();
            sentence_view(text, tokens, &place, &mut view);
            let first_quantity = numbers.quantities.len();
            starts.clear();
            ends.clear();
            let mut scan = SentenceScan {
                tokens: &view,
                starts: std::mem::take(&mut starts),
                ends: std::mem::take(&mut ends),
            };
            scan_sentence(&mut scan, &mut numbers, block_index, sentence_index);
            numbers
                .anchors
                .push(time_anchor(&view, &numbers.quantities[first_quantity..]));
            numbers.comparative.push(is_comparative(&view));
            numbers.sentence_places.push(place);
            patterns::find(
                &view,
                &scan.starts,
                &scan.ends,
                first_quantity,
                &mut numbers,
            );
            starts = scan.starts;
            ends = scan.ends;
            sentence_index += 1;
        }
    }
    numbers
}

fn scan_sentence(scan: &mut SentenceScan, numbers: &mut Numbers, block: usize, sentence: usize) {
    let tokens = scan.tokens;
    let mut i = 0;
    while i < tokens.len() {
        match read_quantity(tokens, i, block, sentence) {
            Some((mut quantity, start, end)) => {
                // `319 to 219`, `20,000 to 30,000`: both figures belong to a pair, and so do
                // the figures of a proportion (`1 in 5 voters`, `nine out of 10`).
                let previous_bare = numbers.quantities.last().is_some_and(|p| {
                    p.counted.as_deref().is_none_or(|c| c == "out") && p.unit.is_none()
                });
                let ratio = match (
                    word_at(tokens, start.wrapping_sub(2)),
                    word_at(tokens, start.wrapping_sub(1)),
                ) {
                    (_, Some("in")) => scan.ends.last() == Some(&(start - 1)),
                    (Some("out"), Some("of")) => scan.ends.last() == Some(&(start - 2)),
                    _ => false,
                };
                if start > 1
                    && (word_at(tokens, start - 1) == Some("to")
                        && scan.ends.last() == Some(&(start - 1))
                        || ratio && previous_bare)
                {
                    quantity.paired = true;
                    if let Some(previous) = numbers.quantities.last_mut() {
                        previous.paired = true;
                    }
                }
                numbers.quantities.push(quantity);
                scan.starts.push(start);
                scan.ends.push(end);
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
}

/// The word at `i`, lower-case, if token `i` is a word.
fn word_at(tokens: &[Token], i: usize) -> Option<&'static str> {
    tokens.get(i).filter(|t| t.word).and_then(|t| t.lower)
}

/// Whether tokens `a` and `b` touch (no space between).
fn touching(tokens: &[Token], a: usize, b: usize) -> bool {
    match (tokens.get(a), tokens.get(b)) {
        (Some(x), Some(y)) => x.end == y.start,
        _ => false,
    }
}

/// Match one of `table`'s word sequences at token `i`; `.` after a dotted or short abbreviation
/// is skipped. Returns the entry and the index after the match.
fn match_words<T: Copy>(tokens: &[Token], i: usize, table: &[(&[&str], T)]) -> Option<(T, usize)> {
    let mut best: Option<(T, usize, usize)> = None;
    for &(words, value) in table {
        let mut k = i;
        let mut ok = true;
        for w in words {
            if word_at(tokens, k) != Some(w) {
                ok = false;
                break;
            }
            k += 1;
            if w.contains('.') && tokens.get(k).is_some_and(|t| t.is_punct('.')) {
                k += 1;
            }
        }
        if ok && best.is_none_or(|(_, _, n)| words.len() > n) {
            best = Some((value, k, words.len()));
        }
    }
    best.map(|(value, k, _)| (value, k))
}

/// Read the quantity whose number is token `i`; returns it with its first and one-past-last
/// token indices.
fn read_quantity(
    tokens: &[Token],
    i: usize,
    block: usize,
    sentence: usize,
) -> Option<(Quantity, usize, usize)> {
    let token = tokens.get(i)?;
    if !token.word {
        return None;
    }
    if !may_start_number(token) {
        return None;
    }
    let (currency, first) = currency_before(tokens, i);
    let lowered = token.lowered();
    let lower = &*lowered;
    let parts: Vec<&str> = lower.split('-').collect();
    let (literal, used_parts, fraction) = read_number(tokens, i, &parts, currency.is_some())?;
    let rest: Vec<&str> = parts.get(used_parts..).unwrap_or(&[]).to_vec();
    let mut reading = Reading::new(&literal, i + 1);
    read_rest(&literal, &rest, &mut reading);
    read_scale_words(tokens, &literal, fraction, currency, &mut reading);
    if let Some(glued) = literal.glued_unit {
        read_glued_unit(tokens, i, lower, glued, &mut reading)?;
    }
    if !reading.compound && !reading.fold && literal.glued_unit.is_none() {
        read_unit_after(tokens, &mut reading);
    }
    if let Some(code) = currency {
        if reading.unit.is_none() {
            reading.unit = Some(Unit::Currency(code));
        }
    }
    let k = reading.next;
    // Hedge before (and the currency sign before it).
    let mut hedge = None;
    let mut before = first;
    if let Some((h, start)) = hedge_before(tokens, first) {
        hedge = Some(h);
        before = start;
    }
    let in_parens = before > 0 && tokens.get(before - 1).is_some_and(|t| t.is_punct('('));
    let counted = if reading.fold || fraction {
        None
    } else {
        noun_phrase_after(tokens, counted_start(tokens, k, reading.unit.is_some()))
    };
    let subject = noun_phrase_before_of(tokens, before);
    let prev_word = word_before(tokens, before);
    let role = role_of(&RoleContext {
        tokens,
        i,
        before,
        prev_word,
        literal: &literal,
        reading: &reading,
        fraction,
        counted: counted.as_deref(),
        bare: currency.is_none() && reading.unit.is_none() && hedge.is_none() && !reading.scaled,
    });
    let span_end = if reading.compound {
        token.end
    } else {
        tokens.get(k.saturating_sub(1)).map_or(token.end, |t| t.end)
    };
    let span_start = tokens.get(first).map_or(token.start, |t| t.start);
    let number_end = if used_parts >= 2 || rest.is_empty() {
        token.end
    } else {
        token.start + parts.first().map_or(0, |p| p.len())
    };
    let quantity = Quantity {
        span: Span::new(span_start, span_end.max(span_start)),
        number_span: Span::new(token.start, number_end.min(token.end)),
        value: reading.value,
        precision: reading.precision,
        hedge,
        unit: reading.unit,
        unit_span: reading.unit_span,
        counted,
        subject,
        role,
        numeral: literal.numeral,
        grouped: literal.grouped,
        integer_digits: literal.integer_digits,
        scaled: reading.scaled,
        scale: reading.scale,
        decimals: literal.numeral && literal.precision < 0.5,
        sentence_start: before.min(first) == 0,
        compound: reading.compound,
        range_high: reading.range_high,
        in_parens,
        paired: false,
        after_article: matches!(prev_word, Some("a" | "an")),
        following: content_words(tokens.get(k..(k + 8).min(tokens.len())).unwrap_or(&[])),
        next_words: next_words(tokens.get(k..).unwrap_or(&[])),
        block,
        sentence,
    };
    Some((quantity, before.min(first), k.max(i + 1)))
}

/// Where the counted noun phrase after a figure ending before token `k` starts: there, or
/// after `of` when the figure has a unit (`100 km of roads`, `5 tonnes of the new rice`).
fn counted_start(tokens: &[Token], k: usize, has_unit: bool) -> usize {
    if !has_unit || word_at(tokens, k) != Some("of") {
        return k;
    }
    if word_at(tokens, k + 1).is_some_and(|w| matches!(w, "the" | "new")) {
        k + 2
    } else {
        k + 1
    }
}

/// The word before token `before`, looking past the period of an abbreviation (`No. 4`).
fn word_before(tokens: &[Token], before: usize) -> Option<&'static str> {
    match before.checked_sub(1).and_then(|p| tokens.get(p)) {
        Some(t) if t.is_punct('.') => before.checked_sub(2).and_then(|p| word_at(tokens, p)),
        Some(_) => word_at(tokens, before - 1),
        None => None,
    }
}

/// A currency sign right before token `i` (`$5`, `US$5`, `£300m`): its code, and the index of
/// the first token of the figure (the sign, or the prefix before it); `i` when there is none.
fn currency_before(tokens: &[Token], i: usize) -> (Option<&'static str>, usize) {
    if i == 0 || !touching(tokens, i - 1, i) {
        return (None, i);
    }
    let Some(sign) = tokens.get(i - 1).filter(|t| !t.word) else {
        return (None, i);
    };
    let sign_char = sign.text.chars().next().unwrap_or(' ');
    let prefix = match i.checked_sub(2).and_then(|p| tokens.get(p)) {
        Some(t) if t.word && touching(tokens, i - 2, i - 1) => t.lowered(),
        _ => Cow::Borrowed(""),
    };
    match lexicon::currency_sign(sign_char, &prefix) {
        Some(code) => (Some(code), if prefix.is_empty() { i - 1 } else { i - 2 }),
        None => (None, i),
    }
}

/// Whether a word may start a number: a digit, a spelled cardinal or a fraction word (most
/// words are none of these).
fn may_start_number(token: &Token) -> bool {
    let written = token.text;
    match written.bytes().position(|b| b == b'-') {
        _ if written.as_bytes().first().is_some_and(u8::is_ascii_digit) => true,
        None => token.flags.intersects(Class::CARDINAL | Class::FRACTION),
        Some(hyphen) => {
            let head = &written[..hyphen];
            lexicon::spelled_cardinal(head).is_some()
                || ["half", "third", "quarter"]
                    .iter()
                    .any(|w| head.eq_ignore_ascii_case(w))
        }
    }
}

/// The number of a word's hyphen parts: digits, a spelled cardinal (`twenty-five` spans two
/// parts), or a fraction; with how many parts it used and whether it is a fraction. `None` for
/// anything else, spelled ordinals included.
fn read_number(
    tokens: &[Token],
    i: usize,
    parts: &[&str],
    after_currency_sign: bool,
) -> Option<(Literal, usize, bool)> {
    let number = if let Some(lit) = parts
        .first()
        .and_then(|p| read_digits(p, after_currency_sign))
    {
        (lit, 1, false)
    } else if let Some(lit) = parts
        .get(..2)
        .and_then(|p| read_spelled(&p.join("-")))
        .filter(|_| parts.len() >= 2)
    {
        (lit, 2, false)
    } else if let Some(lit) = parts.first().and_then(|p| read_spelled(p)) {
        (lit, 1, false)
    } else if let Some((value, used)) = fraction_word(tokens, i, parts) {
        let lit = Literal {
            value,
            precision: 0.0,
            numeral: false,
            grouped: false,
            integer_digits: 0,
            ordinal: false,
            decade: false,
            glued_scale: None,
            glued_unit: None,
        };
        (lit, used, true)
    } else {
        return None;
    };
    if lexicon::spelled_ordinal(parts.first().copied().unwrap_or("")) {
        return None;
    }
    Some(number)
}

/// What has been read of a quantity after its number: value and scale, range, unit, and where
/// the reading stands.
struct Reading {
    value: f64,
    precision: f64,
    scaled: bool,
    /// The scale the value was multiplied by (1 when none).
    scale: f64,
    range_high: Option<f64>,
    /// A compound adjective (`16,000-square-meter`).
    compound: bool,
    unit: Option<Unit>,
    unit_span: Option<Span>,
    /// `30-year-old`.
    age: bool,
    /// `10-fold`.
    fold: bool,
    /// Index of the first token not read yet.
    next: usize,
}

impl Reading {
    /// The reading of `literal`, with its glued scale (`5.2bn`), before token `next`.
    fn new(literal: &Literal, next: usize) -> Self {
        let mut reading = Reading {
            value: literal.value,
            precision: literal.precision,
            scaled: false,
            scale: 1.0,
            range_high: None,
            compound: false,
            unit: None,
            unit_span: None,
            age: false,
            fold: false,
            next,
        };
        if let Some(scale) = literal.glued_scale {
            reading.scale_by(scale);
        }
        reading
    }

    fn scale_by(&mut self, scale: f64) {
        self.value *= scale;
        self.precision *= scale;
        self.scaled = true;
        self.scale *= scale;
    }
}

/// The hyphen parts after the number: the top of a range (`20,000-30,000`, `twenty-thirty`),
/// `fold`, or a compound adjective with its scale and unit (`16,000-square-meter`,
/// `30-year-old`).
fn read_rest(literal: &Literal, rest: &[&str], reading: &mut Reading) {
    let Some(next) = rest.first() else {
        return;
    };
    if let Some(high) = read_digits(next, false).filter(|_| rest.len() == 1) {
        if literal.numeral && !high.ordinal && !high.decade {
            reading.range_high = Some(high.value * high.glued_scale.unwrap_or(1.0));
        }
    } else if let Some(high) = read_spelled(next).filter(|_| rest.len() == 1 && !literal.numeral) {
        reading.range_high = Some(high.value);
    } else if *next == "fold" {
        reading.fold = true;
    } else {
        reading.compound = true;
        if rest.contains(&"old") {
            reading.age = true;
        }
        if let Some(s) = rest.first().and_then(|w| lexicon::scale(w)) {
            reading.scale_by(s);
        }
        let joined: Vec<&str> = rest
            .iter()
            .copied()
            .filter(|w| !matches!(*w, "old" | "wide" | "long" | "high" | "deep" | "tall"))
            .collect();
        reading.unit = lexicon::units()
            .iter()
            .find(|(words, _)| {
                words.len() == joined.len()
                    && words
                        .iter()
                        .zip(joined.iter())
                        .all(|(a, b)| a == b || a.strip_suffix('s') == Some(*b))
            })
            .map(|(_, u)| *u);
    }
}

/// Scale words after the number (`1.1 million`, `two hundred`, `93 bln`), and a spaced `m`
/// that is million next to a currency (`£5 m`, `5 m euros`) and metres elsewhere.
fn read_scale_words(
    tokens: &[Token],
    literal: &Literal,
    fraction: bool,
    currency: Option<&str>,
    reading: &mut Reading,
) {
    let mut k = reading.next;
    if !reading.compound
        && reading.range_high.is_none()
        && literal.glued_scale.is_none()
        && !fraction
    {
        while let Some(s) = word_at(tokens, k).and_then(lexicon::scale) {
            reading.scale_by(s);
            k += 1;
        }
    }
    if !reading.compound
        && !reading.scaled
        && word_at(tokens, k) == Some("m")
        && (currency.is_some()
            || tokens
                .get(k + 1)
                .filter(|t| t.word && t.flags.intersects(Class::UNIT_FIRST))
                .and_then(|t| match_words(tokens, k + 1, lexicon::units_starting(t.lower?)))
                .is_some_and(|(u, _)| matches!(u, Unit::Currency(_) | Unit::Pounds)))
    {
        reading.scale_by(1e6);
        k += 1;
    }
    reading.next = k;
}

/// A unit glued to the digits of token `i` (`40m (130ft)`); `None` for a glued `m` where no
/// measure is plain from what follows (a bracket, `high`, `long`), since `40m people` is forty
/// million.
fn read_glued_unit(
    tokens: &[Token],
    i: usize,
    lower: &str,
    glued: Unit,
    reading: &mut Reading,
) -> Option<()> {
    let token = tokens.get(i)?;
    let measure_follows = tokens.get(i + 1).is_none_or(|t| {
        t.is_punct('(')
            || t.is_punct(')')
            || matches!(
                t.lower,
                Some("high" | "tall" | "long" | "deep" | "wide" | "away")
            )
    });
    let suffix = lower.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
    // `40m` may be millions and `5C` a grade: only a bracketed conversion makes them units.
    if matches!(suffix, "m" | "c" | "f") && !measure_follows {
        return None;
    }
    reading.unit = Some(glued);
    reading.unit_span = Some(Span::new(token.end - suffix.len(), token.end));
    Some(())
}

/// The unit after the number: a `%` sign, `°C`/`°F`, or unit words (`per cent`, `km`, with
/// `km/h` a speed). A range written with `to` or `-` across tokens is left to the rules.
fn read_unit_after(tokens: &[Token], reading: &mut Reading) {
    let k = reading.next;
    if tokens.get(k).is_some_and(|t| t.is_punct('%')) {
        reading.unit = Some(Unit::Percent);
        reading.unit_span = tokens.get(k).map(|t| Span::new(t.start, t.end));
        reading.next = k + 1;
    } else if tokens.get(k).is_some_and(|t| t.is_punct('°')) {
        match word_at(tokens, k + 1) {
            Some("c") => reading.unit = Some(Unit::Celsius),
            Some("f") => reading.unit = Some(Unit::Fahrenheit),
            _ => {}
        }
        if reading.unit.is_some() {
            reading.unit_span = Some(Span::new(
                tokens.get(k).map_or(0, |t| t.start),
                tokens.get(k + 1).map_or(0, |t| t.end),
            ));
            reading.next = k + 2;
        }
    } else if let Some((u, after)) = tokens
        .get(k)
        .filter(|t| t.word && t.flags.intersects(Class::UNIT_FIRST))
        .and_then(|t| match_words(tokens, k, lexicon::units_starting(t.lower?)))
    {
        reading.unit = Some(u);
        let mut last = after - 1;
        // `km/h`, `km/hr`: a length per hour is a speed.
        if matches!(u, Unit::Measure(Dimension::Length, _))
            && tokens.get(after).is_some_and(|t| t.is_punct('/'))
            && matches!(word_at(tokens, after + 1), Some("h" | "hr"))
            && touching(tokens, after - 1, after)
            && touching(tokens, after, after + 1)
        {
            if let Some(Unit::Measure(_, factor)) = reading.unit {
                reading.unit = Some(Unit::Measure(Dimension::Speed, factor / 3600.0));
            }
            last = after + 1;
        }
        reading.unit_span = Some(Span::new(
            tokens.get(k).map_or(0, |t| t.start),
            tokens.get(last).map_or(0, |t| t.end),
        ));
        reading.next = last + 1;
    }
}

/// What decides a number's role.
struct RoleContext<'a> {
    tokens: &'a [Token<'a>],
    /// Index of the number.
    i: usize,
    /// Index of the figure's first token, its hedge included.
    before: usize,
    /// The word before the figure, past the period of an abbreviation (`No. 4`).
    prev_word: Option<&'static str>,
    literal: &'a Literal,
    reading: &'a Reading,
    fraction: bool,
    counted: Option<&'a str>,
    /// No currency, unit, hedge or scale.
    bare: bool,
}

/// What a number is: a fraction, ordinal, decade, time, label, date, year, age, or a quantity.
fn role_of(cx: &RoleContext) -> Role {
    let RoleContext {
        tokens,
        i,
        before,
        prev_word,
        literal,
        reading,
        fraction,
        counted,
        bare,
    } = *cx;
    let k = reading.next;
    let next_word = word_at(tokens, k);
    let is_integer = reading.value.fract() == 0.0;
    let four_digit_year = literal.numeral
        && !literal.grouped
        && literal.integer_digits == 4
        && is_integer
        && !reading.scaled
        && reading.unit.is_none()
        && (1000.0..=2100.0).contains(&literal.value);
    let slash_or_colon = [i.wrapping_sub(1), i + 1].iter().any(|&n| {
        tokens.get(n).is_some_and(|t| {
            (t.is_punct('/') && touching(tokens, n.min(i), n.max(i)))
                || (t.is_punct(':') || t.is_punct('.'))
                    && touching(tokens, n.min(i), n.max(i))
                    && tokens
                        .get(if n < i { n.wrapping_sub(1) } else { n + 1 })
                        .is_some_and(|o| o.word && o.text.starts_with(|c: char| c.is_ascii_digit()))
        })
    });
    if fraction {
        Role::Fraction
    } else if literal.ordinal {
        Role::Ordinal
    } else if literal.decade {
        Role::Decade
    } else if slash_or_colon {
        if tokens.get(i + 1).is_some_and(|t| t.is_punct(':'))
            || tokens
                .get(i.wrapping_sub(1))
                .is_some_and(|t| t.is_punct(':'))
        {
            Role::Time
        } else {
            Role::Label
        }
    } else if next_word.is_some_and(|w| lexicon::is(w, Class::TIME_OF_DAY))
        || (literal.numeral && prev_word == Some("at") && literal.integer_digits == 4)
    {
        Role::Time
    } else if prev_word.is_some_and(|w| lexicon::is(w, MONTHS))
        || next_word.is_some_and(|w| lexicon::is(w, MONTHS) && w != "may" && w != "march")
    {
        Role::Date
    } else if is_year(four_digit_year, counted, prev_word)
        || reading.range_high.is_some_and(|high| {
            !literal.grouped
                && (1000.0..=2100.0).contains(&high)
                && high.fract() == 0.0
                && literal.value <= 2100.0
        })
    {
        Role::Year
    } else if reading.age
        || matches!(prev_word, Some("aged" | "age" | "ages"))
        || (next_word == Some("years") && word_at(tokens, k + 1) == Some("old"))
        || (reading
            .unit
            .is_some_and(|u| matches!(u, Unit::Measure(Dimension::Time, _)))
            && word_at(tokens, k) == Some("old"))
    {
        Role::Age
    } else if is_label(LabelContext {
        tokens,
        i,
        before,
        prev_word,
        numeral: literal.numeral,
        bare,
    }) {
        Role::Label
    } else {
        Role::Quantity
    }
}

/// Whether a four-digit number is a year: alone, or before a singular noun (`2016 budget`), or
/// after a word that introduces years (`in 2016`).
fn is_year(four_digit_year: bool, counted: Option<&str>, prev_word: Option<&str>) -> bool {
    four_digit_year
        && (counted.is_none_or(|c| !c.ends_with('s') && !c.ends_with("people"))
            || prev_word.is_some_and(|w| {
                matches!(
                    w,
                    "in" | "since" | "by" | "from" | "to" | "until" | "of" | "the" | "year"
                )
            }))
}

/// What decides whether a number is a label.
struct LabelContext<'a> {
    tokens: &'a [Token<'a>],
    i: usize,
    before: usize,
    prev_word: Option<&'a str>,
    numeral: bool,
    /// No currency, unit, hedge or scale.
    bare: bool,
}

/// Whether a number names something: a capitalized number word inside a sentence (`Five-Year
/// Plan`), a numeral after a label word (`No. 3`, `Flight 370`) or after a capitalized word
/// inside a sentence (`Boeing 747`).
fn is_label(cx: LabelContext) -> bool {
    let LabelContext {
        tokens,
        i,
        before,
        prev_word,
        numeral,
        bare,
    } = cx;
    if !numeral {
        return tokens.get(i).is_some_and(Token::capitalized)
            && i > 0
            && tokens.get(i - 1).is_some_and(|t| t.word);
    }
    if !bare {
        return false;
    }
    prev_word.is_some_and(|w| lexicon::is(w, Class::NUMBER_LABEL))
        || (before > 1
            && tokens
                .get(before - 1)
                .is_some_and(|t| t.word && t.capitalized())
            && !prev_word
                .is_some_and(|w| lexicon::is(w, MONTHS) || lexicon::is(w, Class::NUMBER_STOP)))
}

/// `half`, `a third`, `a quarter`, `two-thirds`: the value and how many hyphen parts it used.
fn fraction_word(tokens: &[Token], i: usize, parts: &[&str]) -> Option<(f64, usize)> {
    let article_before = i > 0 && word_at(tokens, i - 1) == Some("a");
    match parts {
        ["half"] => Some((0.5, 1)),
        ["third"] if article_before => Some((1.0 / 3.0, 1)),
        ["quarter"] if article_before => Some((0.25, 1)),
        [n, d] => {
            let n = lexicon::spelled_cardinal(n)?;
            let d = match *d {
                "thirds" => 3.0,
                "quarters" => 4.0,
                "fifths" => 5.0,
                _ => return None,
            };
            Some((n / d, 2))
        }
        _ => None,
    }
}

/// The hedge ending right before token `i`, and where it starts.
fn hedge_before(tokens: &[Token], i: usize) -> Option<(Hedge, usize)> {
    // Every hedge ends with a word the lexicon marks.
    if !i
        .checked_sub(1)
        .and_then(|p| tokens.get(p))
        .is_some_and(|t| t.word && t.flags.intersects(Class::HEDGE_LAST))
    {
        return None;
    }
    let last = word_at(tokens, i - 1)?;
    let mut best = None;
    for &(words, hedge) in lexicon::hedges_ending(last) {
        let n = words.len();
        if i < n {
            continue;
        }
        let start = i - n;
        if words
            .iter()
            .enumerate()
            .all(|(o, w)| word_at(tokens, start + o) == Some(w))
            && best.is_none_or(|(_, s)| start < s)
        {
            best = Some((hedge, start));
        }
    }
    // `just over`, `well over`.
    best.map(|(h, s)| {
        if s > 0 && matches!(word_at(tokens, s - 1), Some("just" | "well" | "slightly")) {
            (h, s - 1)
        } else {
            (h, s)
        }
    })
}

/// Whether a word can be part of a counted noun phrase.
fn is_phrase_word(token: &Token) -> bool {
    token.word
        && !token
            .flags
            .intersects(Class::NUMBER_STOP | Class::CARDINAL | Class::SCALE)
        && !token.text.bytes().any(|b| b.is_ascii_digit())
        && !ends_with_folded(token.text, "ly")
}

/// Whether `word` in lower case ends with the lower-case ASCII `suffix`.
pub(super) fn ends_with_folded(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.as_bytes()[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// The noun phrase after a number: up to four words, ending before a function word, a verb-like
/// word or punctuation.
fn noun_phrase_after(tokens: &[Token], start: usize) -> Option<String> {
    let mut words: Vec<Cow<str>> = Vec::new();
    let mut k = start;
    while let Some(t) = tokens.get(k) {
        if !is_phrase_word(t) || words.len() >= 4 {
            break;
        }
        if !words.is_empty()
            && (ends_with_folded(t.text, "ed")
                || ends_with_folded(t.text, "ing")
                || t.capitalized())
        {
            break;
        }
        if t.capitalized()
            && !tokens
                .get(k + 1)
                .is_some_and(|n| is_phrase_word(n) && !n.capitalized())
        {
            break;
        }
        let word = t.lowered();
        let plural = is_plural(&word);
        words.push(word);
        k += 1;
        // A plural noun is the head: what follows is most likely a verb (`artisans carve`).
        if plural {
            break;
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// Whether a word looks like a plural noun (`artisans`, not `basis`, `status` or `glass`).
fn is_plural(word: &str) -> bool {
    word.ends_with('s')
        && word.chars().count() > 3
        && !["ss", "sis", "us", "ics"]
            .iter()
            .any(|end| word.ends_with(end))
}

/// The noun phrase of `<phrase> of <number>`: the words before `of` that ends right before
/// token `i`.
fn noun_phrase_before_of(tokens: &[Token], i: usize) -> Option<String> {
    if i < 2 || word_at(tokens, i - 1) != Some("of") {
        return None;
    }
    let mut words: Vec<Cow<str>> = Vec::new();
    let mut k = i - 1;
    while k > 0 {
        let Some(t) = tokens.get(k - 1) else { break };
        if !is_phrase_word(t) || words.len() >= 4 || t.capitalized() {
            break;
        }
        words.push(t.lowered());
        k -= 1;
    }
    words.reverse();
    (!words.is_empty()).then(|| words.join(" "))
}

/// The period words of a sentence.
fn time_anchor(tokens: &[Token], quantities: &[Quantity]) -> TimeAnchor {
    let mut anchor = TimeAnchor::default();
    for q in quantities {
        if matches!(q.role, Role::Year | Role::Decade) {
            // Years are whole numbers well inside i64.
            anchor.years.push(q.value.round() as i64);
        }
    }
    let mut words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.word && t.flags.intersects(Class::TIME_ANCHOR | MONTHS))
        .filter_map(|t| t.lower)
        .collect();
    anchor.years.sort_unstable();
    anchor.years.dedup();
    words.sort_unstable();
    words.dedup();
    anchor.words = words.into_iter().map(str::to_owned).collect();
    anchor
}

/// The content words of a sentence: lower-case words of three letters or more that are not
/// function words or numbers.
fn content_words(tokens: &[Token]) -> Vec<String> {
    let mut words: Vec<Cow<str>> = content_words_in_order(tokens).collect();
    words.sort_unstable();
    words.dedup();
    words.into_iter().map(Cow::into_owned).collect()
}

/// The content words of a sentence in text order, lower-case (see [`content_words`]).
fn content_words_in_order<'a>(tokens: &'a [Token]) -> impl Iterator<Item = Cow<'a, str>> {
    tokens
        .iter()
        .filter(|t| {
            t.word
                && !t
                    .flags
                    .intersects(Class::NUMBER_STOP | Class::CARDINAL | Class::SCALE)
        })
        .map(Token::lowered)
        .filter(|w| {
            w.len() >= 3
                && w.chars().count() >= 3
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
}

/// Up to three words at the start of `tokens`, lower-case, ending at the first mark.
fn next_words(tokens: &[Token]) -> Vec<String> {
    tokens
        .iter()
        .take(3)
        .take_while(|t| t.word)
        .map(|t| t.lowered().into_owned())
        .collect()
}

/// Capitalized words after the first word of a sentence.
fn proper_words(tokens: &[Token]) -> Vec<String> {
    let mut words: Vec<&str> = tokens
        .iter()
        .filter(|t| t.word)
        .skip(1)
        .filter(|t| {
            t.capitalized()
                && !t.flags.intersects(MONTHS)
                // Datelines and acronyms (`LONDON`, `CD`) say little about the subject.
                && t.text.chars().any(char::is_lowercase)
        })
        .map(|t| t.text)
        .collect();
    words.sort_unstable();
    words.dedup();
    words.into_iter().map(str::to_owned).collect()
}

/// Whether a sentence compares or moves figures.
fn is_comparative(tokens: &[Token]) -> bool {
    tokens
        .iter()
        .any(|t| t.word && t.flags.intersects(Class::COMPARATIVE))
}
