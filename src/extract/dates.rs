//! Dates, years, weekdays, ranges, durations, relative days, anniversaries and ages.
//!
//! Each block is cut into tokens (words, numbers, punctuation) with their byte spans, and each
//! sentence's tokens are read once, left to right, for the date patterns of news copy:
//! `Thursday, Nov. 28, 2026`, `27 November`, `2026-11-27`, `the Ming Dynasty (1368-1644)`,
//! `Nov. 27-29`, `from 2012 to 2016`, `the two-day forum`, `25 years ago`, `the 10th
//! anniversary`, `Smith, 30,`, `was born in 1995`, `yesterday (Nov. 27)` and `opened in 2016`
//! (an event of an entity). Traps left alone: times (`2000 GMT`), fiscal years (`1987/88`),
//! `9/11`, numbers with thousands separators.
//!
//! Calendar arithmetic is jiff's.

use std::collections::HashMap;

use jiff::civil::{Date, Weekday};

use crate::lexicon::{self, Class, Entry};
use crate::parse::Block;
use crate::source::Span;

/// Every date mention in an article.
#[derive(Debug, Clone, Default)]
pub struct Dates {
    /// Calendar dates: a month and a day, with a year when one is stated.
    pub calendar: Vec<CalendarDate>,
    /// Day ranges inside one month or across two (`Nov. 27-29`, `Nov. 30-Dec. 2`).
    pub day_ranges: Vec<DayRange>,
    /// Year ranges (`1368-1644`, `from 2012 to 2016`, `between 2012 and 2016`, `2025-26`).
    pub year_ranges: Vec<YearRange>,
    /// Standalone years (`in 2016`), not counting the years inside dates and ranges.
    pub years: Vec<YearMention>,
    /// Durations (`two-day`, `three weeks`, `a decade`).
    pub durations: Vec<Duration>,
    /// Relative days (`yesterday`, `last Saturday`) and what they stand next to.
    pub relatives: Vec<Relative>,
    /// `N years ago`, with the year or event it is tied to.
    pub ago: Vec<Ago>,
    /// `the Nth anniversary` of something.
    pub anniversaries: Vec<Anniversary>,
    /// Ages of people (`Smith, 30,`, `the 30-year-old Smith`, `aged 30`).
    pub ages: Vec<Age>,
    /// Events of an entity with a year (`Taoxichuan opened in 2016`, `Smith was born in 1990`).
    pub events: Vec<Event>,
    /// Mentions of named periods (`the Song Dynasty`), with or without a span of years.
    pub periods: Vec<PeriodMention>,
    /// The dateline's month and day when the dateline gives no year (`BEIJING, Nov. 18 (Xinhua)
    /// --`): enough to check `yesterday (Nov. 17)` without knowing the year.
    pub dateline_day: Option<(i8, i8)>,
    /// Years of five digits where a date expects a year (`May 20014`, `May 5, 20014`).
    pub long_years: Vec<Span>,
}

/// A month and a day, perhaps with a year and a weekday.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarDate {
    /// The whole date, weekday included when it is attached.
    pub span: Span,
    /// The year when stated (`Nov. 28, 2026`, `2026-11-28`).
    pub year: Option<i16>,
    /// 1-12; for ISO dates it may be out of range (`2026-13-01`).
    pub month: i8,
    /// The day as written (it may be invalid, e.g. 30 for February).
    pub day: i8,
    /// The weekday written next to the date (`Thursday, Nov. 28`, `Nov. 28 (Thursday)`).
    pub weekday: Option<(Weekday, Span)>,
    /// How the date was written.
    pub form: DateForm,
    /// The other reading of a numeric date whose month-day order the article leaves open
    /// (`4/5/2021`): its month and day. `month` and `day` hold the month-first reading then.
    pub other_reading: Option<(i8, i8)>,
    /// The global sentence index.
    pub sentence: usize,
}

/// How a calendar date was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    /// With a month name: `Nov. 28, 2026`, `28 November`.
    Words,
    /// ISO 8601: `2026-11-28`.
    Iso,
    /// Digits with slashes or dots: `11/28/2026`, `28.11.2026`, `2026/11/28`.
    Numeric,
}

/// The order of month and day in numeric dates such as `4/5/2021`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// Month first (US): `11/28/2026`.
    Mdy,
    /// Day first: `28/11/2026`.
    Dmy,
    /// From the article: its unambiguous numeric dates (`28/11/2026` can only be day first),
    /// else its front-matter locale; a date that stays ambiguous is checked under both orders.
    #[default]
    Auto,
}

/// A range of days (`Nov. 27-29`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayRange {
    /// The whole range.
    pub span: Span,
    /// Year when stated (the last day's).
    pub year: Option<i16>,
    /// The first day's year when it is stated and differs from the last's (`between 22 October
    /// 2018 and 2 October 2020`).
    pub start_year: Option<i16>,
    /// First month and day.
    pub start: (i8, i8),
    /// Last month and day.
    pub end: (i8, i8),
    /// Whether it is written in words (`from May 12 to May 15`, `between 12 and 15 May`):
    /// such a range may run most of the way round the year (`from October 1 to March 31`).
    pub spelled: bool,
    /// Whether its sentence moves a date (a verb of change, or a moment a plan sets: `the vote
    /// was moved from May 12 to May 5`): then a spelled range is a change, not a range.
    pub changed: bool,
    /// The global sentence index.
    pub sentence: usize,
}

/// How a year range was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeForm {
    /// `1368-1644`, `(960-1279)`.
    Dash,
    /// `from 2012 to 2016`.
    FromTo,
    /// `between 2012 and 2016`.
    Between,
    /// `2025-26`, a season or fiscal year.
    Season,
}

/// A range of years; BC years are negative (1 BC is 0, as astronomers count).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearRange {
    /// The whole range.
    pub span: Span,
    /// First year.
    pub start: i32,
    /// Last year.
    pub end: i32,
    /// How it was written.
    pub form: RangeForm,
    /// The named period or entity the range belongs to (`Ming Dynasty`), normalized.
    pub entity: Option<String>,
    /// Whether its sentence has a verb of change (`moved from 2029 to 2021`, `cut from 2016 to
    /// 2012`): then `from … to …` gives a change, not a range (`between … and …` never does).
    pub changed: bool,
    /// Whether it follows a verb of lasting or ruling (`ruled from 1368 to 1644`).
    pub governed: bool,
    /// Whether its sentence names a moment that a plan sets (`an end to sales from 2040 to
    /// 2035`): a `from … to …` there may move that moment.
    pub point_in_time: bool,
    /// Whether a word of a fall stands right before it (`the count dropped from 2016 to
    /// 2012`): a `from … to …` there may be two quantities, the second the smaller.
    pub falls: bool,
    /// The global sentence index.
    pub sentence: usize,
}

/// A year standing on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearMention {
    /// The year as written, era included.
    pub span: Span,
    /// The year; BC years are negative.
    pub year: i32,
    /// Whether `in` stands before it.
    pub after_in: bool,
    /// The global sentence index.
    pub sentence: usize,
}

/// Units of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeUnit {
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
}

/// A length of time (`two-day`, `three weeks`, `a decade` = 10 years).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duration {
    /// The words.
    pub span: Span,
    /// How many units.
    pub amount: u32,
    /// The unit.
    pub unit: TimeUnit,
    /// Whether it is a hyphenated modifier (`two-day forum`).
    pub modifier: bool,
    /// Whether a hedge stands before it (`nearly`, `about`, `more than`, `over`, `past`).
    pub hedged: bool,
    /// The global sentence index.
    pub sentence: usize,
}

/// Which relative day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelativeKind {
    /// Yesterday (-1), today (0), tomorrow (+1), tonight (0).
    Offset(i8),
    /// `last Saturday`.
    Last(Weekday),
    /// `next Saturday`.
    Next(Weekday),
}

/// A relative day and the explicit weekday or date written next to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relative {
    /// The words.
    pub span: Span,
    /// Which day.
    pub kind: RelativeKind,
    /// A weekday in apposition (`yesterday (Thursday)`).
    pub weekday: Option<(Weekday, Span)>,
    /// Index into [`Dates::calendar`] of a date in apposition (`yesterday, Nov. 27`).
    pub date: Option<usize>,
    /// The global sentence index.
    pub sentence: usize,
}

/// `N years ago`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ago {
    /// The words.
    pub span: Span,
    /// N.
    pub years: u32,
    /// Whether a hedge stands before N (`nearly`, `about`, `some`, `more than`).
    pub hedged: bool,
    /// The year it restates (`in 2000, 26 years ago`), with its span.
    pub year: Option<(i32, Span)>,
    /// The event it dates (`Taoxichuan opened 10 years ago`).
    pub event: Option<EventKey>,
    /// The global sentence index.
    pub sentence: usize,
}

/// `the Nth anniversary`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anniversary {
    /// The words.
    pub span: Span,
    /// N.
    pub ordinal: u32,
    /// The entity whose anniversary it is (`Taoxichuan's 10th anniversary`, `the 10th
    /// anniversary of Taoxichuan`), normalized.
    pub entity: Option<String>,
    /// The year of the anniversary's event in the same sentence (`the 70th anniversary of the
    /// founding … in 1949`), when exactly one year follows it there.
    pub year: Option<(i32, Span)>,
    /// Whether the sentence speaks of it as coming (`will`, `next year`, `upcoming`).
    pub upcoming: bool,
    /// The global sentence index.
    pub sentence: usize,
}

/// A person's age.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Age {
    /// The age as written.
    pub span: Span,
    /// In years.
    pub years: u32,
    /// The person's name, normalized (`Li Wei`).
    pub person: String,
    /// The global sentence index.
    pub sentence: usize,
}

/// What happened to an entity: the verbs that date an entity once and for all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// founded, established, set up, created.
    Founded,
    /// opened, inaugurated.
    Opened,
    /// built, completed.
    Built,
    /// launched.
    Launched,
    /// born.
    Born,
    /// died.
    Died,
}

impl EventKind {
    /// The verb phrase after the entity, for messages (`was founded`, `died`).
    pub fn phrase(self) -> &'static str {
        match self {
            EventKind::Founded => "was founded",
            EventKind::Opened => "opened",
            EventKind::Built => "was built",
            EventKind::Launched => "was launched",
            EventKind::Born => "was born",
            EventKind::Died => "died",
        }
    }

    /// Whether an anniversary counts from this event.
    pub fn starts_anniversaries(self) -> bool {
        matches!(
            self,
            EventKind::Founded | EventKind::Opened | EventKind::Launched | EventKind::Built
        )
    }
}

/// An entity and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EventKey {
    /// The entity, normalized (`Taoxichuan`).
    pub entity: String,
    /// What happened.
    pub kind: EventKind,
}

/// `Taoxichuan opened in 2016`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The entity and what happened.
    pub key: EventKey,
    /// The entity as written.
    pub entity_span: Span,
    /// The year as written.
    pub year_span: Span,
    /// The year.
    pub year: i32,
    /// Month and day when a full date is given (`born on March 3, 1996`).
    pub day: Option<(i8, i8)>,
    /// The global sentence index.
    pub sentence: usize,
}

/// A mention of a named period (`the Song Dynasty`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodMention {
    /// The name as written.
    pub span: Span,
    /// The name, normalized.
    pub name: String,
    /// Index into [`Dates::year_ranges`] when the span of years follows the name.
    pub range: Option<usize>,
    /// The global sentence index.
    pub sentence: usize,
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Token<'t> {
    kind: Kind,
    text: &'t str,
    start: usize,
    end: usize,
    /// The value of a number (saturating).
    value: u64,
    /// How many digits a plain number has; 0 for grouped, decimal or ordinal numbers.
    digits: u8,
    /// `10th`.
    ordinal: bool,
    /// A word whose first character is upper case.
    cap: bool,
    /// The month the word names (1-12), 0 for none.
    month: i8,
    /// The weekday the word names, 1 (Monday) to 7, 0 for none (whatever the case of the word).
    weekday: u8,
    /// The weekday an abbreviation names (`Thu`, `Tues`, `Sa`), 1 (Monday) to 7, 0 for none.
    weekday_abbreviation: u8,
    /// Whether that abbreviation has two letters (`Mo`, `Sa`), read only right after a date.
    weekday_two_letters: bool,
    /// The amount a single word spells (see [`amount_of`]).
    amount: u8,
    /// Whether a pattern may start at the token: a number, or a word of the lexicon that starts
    /// one ([`STARTS`], amounts).
    starts: bool,
}

impl<'t> Token<'t> {
    fn new(kind: Kind, text: &'t str, start: usize) -> Self {
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
    fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }

    fn is(&self, word: &str) -> bool {
        self.kind != Kind::Number && self.text.eq_ignore_ascii_case(word)
    }

    fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    fn is_dash(&self) -> bool {
        self.kind == Kind::Punct && matches!(self.text, "-" | "–" | "—")
    }

    fn capitalized(&self) -> bool {
        self.cap
    }

    /// The word's lexicon entry; `None` for a number, a mark or a word the lexicon does not
    /// know.
    fn entry(&self) -> Option<&'static Entry> {
        if self.kind != Kind::Word {
            return None;
        }
        lexicon::lookup(self.text)
    }

    /// The word in lower case when the lexicon knows it: a word it does not know is `None`,
    /// and matches no word compared with.
    fn lower(&self) -> Option<&'static str> {
        self.entry().map(|e| e.word)
    }

    /// Whether the token is a word of one of the lexicon classes `classes`.
    fn is_a(&self, classes: Class) -> bool {
        self.entry().is_some_and(|e| e.is(classes))
    }
}

/// Cut a block into `tokens` (cleared first), stopping after `limit` tokens; whether it stopped
/// early. Tokens never straddle two pieces: the joint character between pieces is white space
/// or [`Block::ELIDED`], and both break tokens (and are neither digits, letters nor
/// apostrophes, so a look past the end of a piece sees what it would see at the end of the
/// text). Each piece is therefore cut on its own, byte by byte.
fn tokenize_into<'t>(
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
fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|rest| rest.chars().next())
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

fn tokenize_piece<'t>(
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
fn number_at<'t>(s: &'t str, i: usize, base: usize, tokens: &mut Vec<Token<'t>>) -> usize {
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

// ---------------------------------------------------------------------------------------------
// Vocabulary: the lexicon

/// The classes of the words that may start a pattern of the scanner (see [`Scanner::scan`]),
/// with the amounts (see [`amount_of`]).
const STARTS: Class = Class::MONTH
    .union(Class::MONTH_ABBREVIATION)
    .union(Class::WEEKDAY)
    .union(Class::WEEKDAY_ABBREVIATION)
    .union(Class::WEEKDAY_TWO_LETTERS)
    .union(Class::ORDINAL)
    .union(Class::PERIOD_HEAD)
    .union(Class::DATE_PATTERN_START);

/// `a` or `an` in [`Token::amount`].
const AMOUNT_ARTICLE: u8 = 100;

/// The amount a single word spells, for [`Token::amount`]: 1-20 for `zero`-`nineteen` (the
/// value plus one); 21-28 for `twenty`-`ninety`; [`AMOUNT_ARTICLE`] for `a`, `an`; 0 for none.
fn amount_of(entry: &Entry) -> u8 {
    if matches!(entry.word, "a" | "an") {
        return AMOUNT_ARTICLE;
    }
    // The scanner reads `twenty-five` as three tokens, and `dozen` is no amount of its own.
    if !entry.is(Class::CARDINAL) || entry.word.contains('-') || entry.word == "dozen" {
        return 0;
    }
    match entry.value {
        Some(v) if v < 20.0 => v as u8 + 1,
        Some(v) if v <= 90.0 => (v / 10.0) as u8 + 19,
        _ => 0,
    }
}

/// A bit for each length (up to 16), first and last letter of the words that may start a
/// pattern ([`STARTS`], amounts): a word with no bit set starts none, and is not looked up.
struct StartFilter(Vec<u64>);

/// The bit of [`StartFilter`] for a word's first and last byte and its length.
fn start_bit(first: u8, last: u8, len: usize) -> Option<usize> {
    let letter = |x: u8| {
        let l = x | 0x20;
        l.is_ascii_lowercase().then(|| usize::from(l - b'a'))
    };
    (len <= 16).then_some(())?;
    Some((len * 26 + letter(first)?) * 26 + letter(last)?)
}

impl StartFilter {
    fn get() -> &'static StartFilter {
        static FILTER: std::sync::OnceLock<StartFilter> = std::sync::OnceLock::new();
        FILTER.get_or_init(|| {
            let mut bits = vec![0u64; (17usize * 26 * 26).div_ceil(64)];
            for entry in lexicon::entries() {
                if !(entry.is(STARTS) || amount_of(entry) != 0) {
                    continue;
                }
                let bytes = entry.word.as_bytes();
                if let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) {
                    if let Some(bit) = start_bit(first, last, bytes.len()) {
                        bits[bit / 64] |= 1 << (bit % 64);
                    }
                }
            }
            StartFilter(bits)
        })
    }

    /// Whether a word with this first and last byte and length may start a pattern.
    fn may_start(&self, first: u8, last: u8, len: usize) -> bool {
        start_bit(first, last, len)
            .and_then(|bit| self.0.get(bit / 64).map(|w| w >> (bit % 64) & 1 == 1))
            .unwrap_or(false)
    }
}

/// The weekday of the lexicon's number 1 (Monday) to 7.
fn weekday_from(day: u8) -> Option<Weekday> {
    Some(match day {
        1 => Weekday::Monday,
        2 => Weekday::Tuesday,
        3 => Weekday::Wednesday,
        4 => Weekday::Thursday,
        5 => Weekday::Friday,
        6 => Weekday::Saturday,
        7 => Weekday::Sunday,
        _ => return None,
    })
}

fn weekday_of(token: &Token) -> Option<Weekday> {
    if !token.capitalized() || token.weekday == 0 {
        return None;
    }
    weekday_from(token.weekday)
}

/// The weekday a capitalized word names, in full or abbreviated (`Thursday`, `Thu`, `Thurs.`),
/// and two-letter abbreviations (`Th`) too when `two_letters`.
fn weekday_written(token: &Token, two_letters: bool) -> Option<Weekday> {
    if let Some(day) = weekday_of(token) {
        return Some(day);
    }
    if !token.capitalized()
        || token.weekday_abbreviation == 0
        || (token.weekday_two_letters && !two_letters)
    {
        return None;
    }
    weekday_from(token.weekday_abbreviation)
}

/// The capitalized English name of a weekday, for messages.
pub fn weekday_name(day: Weekday) -> &'static str {
    lexicon::weekday_name(u8::try_from(day.to_monday_one_offset()).unwrap_or(0))
}

pub use crate::lexicon::month_name;

/// The three numbers of a dotted date written as one token (`31.10.2014`, `2014.10.31`), each
/// with its count of digits.
fn dotted_parts(text: &str) -> Option<[(u64, u8); 3]> {
    let mut parts = [(0u64, 0u8); 3];
    let mut fields = text.split('.');
    for part in &mut parts {
        let field = fields.next()?;
        if field.is_empty() || field.len() > 4 || !field.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        *part = (field.parse().ok()?, u8::try_from(field.len()).ok()?);
    }
    fields.next().is_none().then_some(parts)
}

/// Whether a day number is one no month has but a slip may write (0, 32-39).
fn off_calendar(day: u64) -> bool {
    day == 0 || (32..=39).contains(&day)
}

/// A spelled or written amount at `i` (`two`, `twenty-five`, `25`, `a`), with the index after it.
fn amount_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
    let t = tokens.get(i)?;
    if t.kind == Kind::Number {
        return (t.digits > 0 && t.digits <= 4)
            .then(|| u32::try_from(t.value).ok().map(|v| (v, i + 1)))
            .flatten();
    }
    if t.kind != Kind::Word {
        return None;
    }
    match t.amount {
        0 => None,
        AMOUNT_ARTICLE => Some((1, i + 1)),
        a @ 1..=20 => Some((u32::from(a - 1), i + 1)),
        a => {
            let base = u32::from(a - 21) * 10 + 20;
            if let (Some(dash), Some(unit)) = (tokens.get(i + 1), tokens.get(i + 2)) {
                // `one`-`nine`
                if dash.is_punct('-')
                    && unit.end == unit.start + unit.text.len()
                    && (2..=10).contains(&unit.amount)
                {
                    return Some((base + u32::from(unit.amount - 1), i + 3));
                }
            }
            Some((base, i + 1))
        }
    }
}

fn ordinal_at(token: &Token) -> Option<u32> {
    if token.kind == Kind::Number && token.ordinal {
        return u32::try_from(token.value).ok();
    }
    let entry = token.entry().filter(|e| e.is(Class::ORDINAL))?;
    entry.value.map(|v| v as u32)
}

/// The kind of event an event verb ([`Class::EVENT_VERB`]) dates.
fn event_kind(entry: &Entry) -> Option<EventKind> {
    if !entry.is(Class::EVENT_VERB) {
        return None;
    }
    Some(match entry.word {
        "founded" | "established" | "created" => EventKind::Founded,
        "opened" | "inaugurated" => EventKind::Opened,
        "built" | "completed" => EventKind::Built,
        "launched" => EventKind::Launched,
        "born" => EventKind::Born,
        "died" => EventKind::Died,
        _ => return None,
    })
}

/// The unit of time a word names (a [`Class::TIME_UNIT`]), with its factor.
fn unit_of(token: &Token) -> Option<(TimeUnit, u32)> {
    let entry = token.entry().filter(|e| e.is(Class::TIME_UNIT))?;
    Some(match entry.word {
        "day" | "days" => (TimeUnit::Day, 1),
        "week" | "weeks" => (TimeUnit::Week, 1),
        "month" | "months" => (TimeUnit::Month, 1),
        "year" | "years" => (TimeUnit::Year, 1),
        "decade" | "decades" => (TimeUnit::Year, 10),
        "century" | "centuries" => (TimeUnit::Year, 100),
        _ => return None,
    })
}

/// Normalize a name for keys: words joined by one space, a leading `the` and a trailing
/// possessive dropped.
fn normalize(words: &[&str]) -> String {
    let mut out: Vec<String> = Vec::new();
    for (n, w) in words.iter().enumerate() {
        if n == 0 && w.eq_ignore_ascii_case("the") {
            continue;
        }
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        out.push(w.to_owned());
    }
    out.join(" ")
}

// ---------------------------------------------------------------------------------------------
// The scanner

struct Scanner<'a, 't> {
    tokens: &'a [Token<'t>],
    sentence: usize,
    out: &'a mut Dates,
    /// The lengths of the output lists when this sentence began: the mentions of this sentence
    /// are the ones past them, so nothing looks back over the whole article.
    marks: Marks,
    /// Whether the sentence has a verb of change, once asked.
    change_verb: Option<bool>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Marks {
    calendar: usize,
    year_ranges: usize,
    relatives: usize,
    ago: usize,
    periods: usize,
}

impl Marks {
    fn of(out: &Dates) -> Self {
        Self {
            calendar: out.calendar.len(),
            year_ranges: out.year_ranges.len(),
            relatives: out.relatives.len(),
            ago: out.ago.len(),
            periods: out.periods.len(),
        }
    }
}

impl<'a, 't> Scanner<'a, 't> {
    fn new(tokens: &'a [Token<'t>], sentence: usize, out: &'a mut Dates) -> Self {
        let marks = Marks::of(out);
        Self {
            tokens,
            sentence,
            out,
            marks,
            change_verb: None,
        }
    }
}

impl<'t> Scanner<'_, 't> {
    fn tok(&self, i: usize) -> Option<Token<'t>> {
        self.tokens.get(i).copied()
    }

    fn word_is(&self, i: usize, word: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is(word))
    }

    fn punct_is(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c))
    }

    /// A month name at `i` (with the period of an abbreviation), and the index after it.
    fn month_at(&self, i: usize) -> Option<(i8, usize)> {
        let t = self.tok(i)?;
        if !t.capitalized() {
            return None;
        }
        if t.month == 0 {
            return None;
        }
        let month = t.month;
        let full = t.text.len() > 4 || matches!(t.lower(), Some("may" | "june" | "july"));
        if full {
            return Some((month, i + 1));
        }
        if self.punct_is(i + 1, '.') && self.tok(i + 1).is_some_and(|p| p.start == t.end) {
            return Some((month, i + 2));
        }
        Some((month, i + 1))
    }

    /// A day number at `i`: one or two digits, 1-31 (an ordinal suffix allowed) — or up to 39 so
    /// that `Feb. 30` and `April 31` are read and can be reported.
    fn day_at(&self, i: usize) -> Option<i8> {
        let t = self.tok(i)?;
        if t.kind != Kind::Number || !(t.digits == 1 || t.digits == 2 || t.ordinal) {
            return None;
        }
        if !(1..=31).contains(&t.value) {
            return None;
        }
        // `May 5-year` or `March 3,000` are not dates; `June 31 - Shares fell` (a dateline) is.
        if let (Some(dash), Some(n)) = (self.tok(i + 1), self.tok(i + 2)) {
            let glued = dash.start == t.end && n.start == dash.end;
            if dash.is_punct('-') && glued && n.kind == Kind::Word && n.month == 0 {
                return None;
            }
        }
        if self
            .tok(i + 1)
            .is_some_and(|n| n.kind == Kind::Word && n.start == t.end)
        {
            return None;
        }
        i8::try_from(t.value).ok()
    }

    /// A year at `i`: four digits 1000-2199, or any number with an era (`221 BC`); the year
    /// (negative for BC) and the index after it.
    fn year_at(&self, i: usize, allow_short: bool) -> Option<(i32, usize)> {
        let t = self.tok(i)?;
        if t.kind != Kind::Number || t.digits == 0 {
            return None;
        }
        let value = i32::try_from(t.value).ok()?;
        let (era, after) = self.era_at(i + 1);
        let before_ad = i > 0 && self.word_is(i - 1, "AD");
        let plain_year = t.digits == 4 && (1000..=2199).contains(&value);
        if !(plain_year || era.is_some() || before_ad || (allow_short && t.digits >= 3)) {
            return None;
        }
        if let Some(next) = self.tok(after) {
            if next.is_a(Class::NOT_YEAR_AFTER) {
                return None;
            }
            // `1987/88`, `2000/01`: fiscal years; `9/11`.
            if next.is_punct('/') && next.start == t.end {
                return None;
            }
        }
        if i > 0 && self.punct_is(i - 1, '/') && self.tok(i - 1).is_some_and(|p| p.end == t.start) {
            return None;
        }
        match era {
            Some(true) => Some((1 - value, after)),
            _ => Some((value, after)),
        }
    }

    /// Whether the sentence has a verb of change ([`Class::DATE_CHANGE_VERB`]); read once per
    /// sentence.
    fn has_change_verb(&mut self) -> bool {
        *self
            .change_verb
            .get_or_insert_with(|| self.tokens.iter().any(|t| t.is_a(Class::DATE_CHANGE_VERB)))
    }

    /// Whether a word that makes a season or fiscal year ([`Class::SEASON_WORD`]) stands just
    /// before token `first` or at token `after` (`fiscal 2009-08`, `the 2009-08 season`).
    fn season_word_beside(&self, first: usize, after: usize) -> bool {
        let before = first
            .checked_sub(1)
            .and_then(|p| self.tok(p))
            .is_some_and(|t| t.is_a(Class::SEASON_WORD));
        before || self.tok(after).is_some_and(|t| t.is_a(Class::SEASON_WORD))
    }

    /// Whether the sentence names a moment that a plan sets ([`Class::DATE_POINT_NOUN`]).
    fn has_point_noun(&self) -> bool {
        self.tokens.iter().any(|t| t.is_a(Class::DATE_POINT_NOUN))
    }

    /// A five-digit number where a date expects its year (`May 20014,`), recorded; the index
    /// after it. Only a number that ends the clause, and that loses one of a doubled digit to
    /// become a year of the last two centuries (`20014` for 2014), counts: `May 20000 people`
    /// is a quantity.
    fn long_year_at(&mut self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        if t.kind != Kind::Number || t.digits != 5 {
            return None;
        }
        if self
            .tok(i + 1)
            .is_some_and(|n| n.kind != Kind::Punct || n.is_dash() || n.is_punct('/'))
        {
            return None;
        }
        let digits = t.text.as_bytes();
        let year = (1..digits.len()).find_map(|k| {
            (digits[k] == digits[k - 1]).then(|| {
                let mut shorter = digits.to_vec();
                shorter.remove(k);
                std::str::from_utf8(&shorter).ok()?.parse::<i32>().ok()
            })?
        });
        if !year.is_some_and(|y| (1900..=2100).contains(&y)) {
            return None;
        }
        self.out.long_years.push(t.span());
        Some(i + 1)
    }

    /// An era marker at `i`: `Some(true)` for BC/BCE, `Some(false)` for AD/CE.
    fn era_at(&self, i: usize) -> (Option<bool>, usize) {
        let Some(t) = self.tok(i) else {
            return (None, i);
        };
        match t.text {
            "BC" | "BCE" => (Some(true), i + 1),
            "AD" | "CE" => (Some(false), i + 1),
            "B" | "A" if self.punct_is(i + 1, '.') => {
                let bc = t.text == "B";
                let second = if bc { "C" } else { "D" };
                if self.word_is(i + 2, second) && self.tok(i + 2).is_some_and(|s| s.text == second)
                {
                    let after = if self.punct_is(i + 3, '.') {
                        i + 4
                    } else {
                        i + 3
                    };
                    (Some(bc), after)
                } else {
                    (None, i)
                }
            }
            _ => (None, i),
        }
    }

    /// The capitalized name that ends just before `i` (skipping a possessive), as its words and
    /// the span; names of one word that is a sentence opener like `The` do not count.
    fn name_before(&self, i: usize) -> Option<(String, Span)> {
        let mut j = i;
        let mut words: Vec<Token> = Vec::new();
        while j > 0 {
            let t = self.tok(j - 1)?;
            let joiner = !words.is_empty()
                && matches!(t.text, "of" | "de" | "van" | "von")
                && self.tok(j.wrapping_sub(2)).is_some_and(|p| p.capitalized());
            if t.capitalized() || joiner {
                if weekday_of(&t).is_some() || t.month != 0 {
                    break;
                }
                words.push(t);
                if words.len() > 8 {
                    // A run of capitals (a headline in upper case) is not one name.
                    return None;
                }
                j -= 1;
            } else if t.is_dash()
                && !words.is_empty()
                && self
                    .tok(j.wrapping_sub(2))
                    .is_some_and(|p| p.capitalized() && p.end == t.start)
            {
                // `Titus-Williams`
                j -= 1;
            } else {
                break;
            }
        }
        words.reverse();
        // Leading words that are not names: `The`, `When`, `It`.
        while words
            .first()
            .is_some_and(|w| w.is_a(Class::NOT_NAME_NEAR_DATE) || w.text == "of")
        {
            words.remove(0);
        }
        if words.is_empty() || words.len() > 6 {
            return None;
        }
        let texts: Vec<&str> = words.iter().map(|w| w.text).collect();
        let name = normalize(&texts);
        if name.is_empty() {
            return None;
        }
        Some((name, Span::new(words.first()?.start, words.last()?.end)))
    }

    /// The capitalized name that starts at `i`, and the index after it.
    fn name_after(&self, i: usize) -> Option<(String, Span, usize)> {
        let mut j = i;
        if self.word_is(j, "the") {
            j += 1;
        }
        let start = j;
        let mut words: Vec<&str> = Vec::new();
        while let Some(t) = self.tok(j) {
            let name_word = t.capitalized() && !t.is_a(Class::NOT_NAME_NEAR_DATE);
            let joiner = t.text == "of"
                && !words.is_empty()
                && self.tok(j + 1).is_some_and(|t| t.capitalized());
            if name_word || joiner {
                words.push(t.text);
                j += 1;
            } else {
                break;
            }
        }
        if words.last().is_some_and(|w| *w == "of") {
            words.pop();
            j -= 1;
        }
        if words.is_empty() || words.len() > 6 {
            return None;
        }
        let span = Span::new(self.tok(start)?.start, self.tok(j - 1)?.end);
        Some((normalize(&words), span, j))
    }

    fn scan(&mut self) {
        let mut consumed_until = 0usize;
        let mut i = 0;
        while i < self.tokens.len() {
            if i < consumed_until {
                i += 1;
                continue;
            }
            // No pattern starts at punctuation or at a word that starts none: every reader
            // below would find nothing there.
            if !self.tokens[i].starts {
                i += 1;
                continue;
            }
            if let Some(next) = self.try_iso(i, None) {
                consumed_until = next;
            } else if let Some(next) = self.try_numeric(i, None) {
                consumed_until = next;
            } else if let Some(next) = self.try_weekday_date(i) {
                consumed_until = next;
            } else if let Some(next) = self.try_month_day(i, None) {
                consumed_until = next;
            } else if let Some(next) = self.try_day_month(i, None) {
                consumed_until = next;
            } else if let Some(next) = self.try_date_range(i) {
                consumed_until = next;
            } else if let Some(next) = self.try_year_range(i) {
                consumed_until = next;
            } else if let Some(next) = self.try_year(i) {
                consumed_until = next;
            }
            self.try_duration(i);
            self.try_relative(i);
            self.try_anniversary(i);
            self.try_age(i);
            self.try_period(i);
            i += 1;
        }
        self.attach_relatives();
        self.attach_period_ranges();
    }

    /// After the sentence is read: the span of years written right after a period's name.
    fn attach_period_ranges(&mut self) {
        let sentence = self.sentence;
        let Dates {
            periods,
            year_ranges,
            ..
        } = &mut *self.out;
        let first_range = self.marks.year_ranges;
        // Ranges are recorded in text order: find the first one after each name.
        let ranges = year_ranges.get(first_range..).unwrap_or(&[]);
        for period in periods.iter_mut().skip(self.marks.periods) {
            let at = ranges.partition_point(|r| r.span.start < period.span.end);
            period.range = ranges
                .get(at)
                .filter(|r| {
                    r.sentence == sentence
                        && r.entity.as_deref() == Some(period.name.as_str())
                        && r.span.start <= period.span.end + 3
                })
                .map(|_| first_range + at);
        }
    }

    /// `2026-11-27`.
    fn try_iso(&mut self, i: usize, weekday: Option<(Weekday, Span)>) -> Option<usize> {
        let y = self.tok(i)?;
        if y.kind != Kind::Number || y.digits != 4 {
            return None;
        }
        let parts = [
            self.tok(i + 1)?,
            self.tok(i + 2)?,
            self.tok(i + 3)?,
            self.tok(i + 4)?,
        ];
        if !(parts[0].is_punct('-') && parts[2].is_punct('-')) {
            return None;
        }
        // contiguous, two digits each
        let contiguous = y.end == parts[0].start
            && parts[0].end == parts[1].start
            && parts[1].end == parts[2].start
            && parts[2].end == parts[3].start;
        if !contiguous || parts[1].digits != 2 || parts[3].digits != 2 {
            return None;
        }
        if self
            .tok(i + 5)
            .is_some_and(|t| t.is_punct('-') && t.start == parts[3].end)
        {
            return None;
        }
        let year = i16::try_from(y.value).ok()?;
        let month = i8::try_from(parts[1].value).ok()?;
        let day = i8::try_from(parts[3].value).ok()?;
        let k = self.record_date(
            y.start,
            parts[3].end,
            i + 5,
            (Some(year), month, day),
            weekday,
        )?;
        if let Some(date) = self.out.calendar.last_mut() {
            date.form = DateForm::Iso;
        }
        Some(k)
    }

    /// A numeric date: `10/31/2014`, `31/10/2014`, `2014/10/31`, `31.10.2014` (dots are always
    /// day first), and a month and
    /// day without a year only when a weekday stands beside them (`4/23 (Fri)`), so that `9/11`
    /// and `24/7` stay what they are. Month-first and day-first readings are settled for the
    /// whole article later ([`settle_numeric_order`]).
    fn try_numeric(&mut self, i: usize, weekday: Option<(Weekday, Span)>) -> Option<usize> {
        let t = self.tok(i)?;
        if t.kind != Kind::Number {
            return None;
        }
        // Nothing glued before: `1/10/2014` inside `21/10/2014/5` or a version `v1.2.2014`.
        if let Some(p) = i.checked_sub(1).and_then(|p| self.tok(p)) {
            if p.end == t.start && (p.kind != Kind::Punct || p.is_punct('/') || p.is_punct('.')) {
                return None;
            }
        }
        let dotted = t.digits == 0;
        let (parts, next) = if dotted {
            // `31.10.2014`, one token.
            let parts = dotted_parts(t.text)?;
            (parts, i + 1)
        } else {
            let mut parts = [(t.value, t.digits), (0, 0), (0, 0)];
            let mut count = 1;
            let mut k = i + 1;
            while count < 3 {
                let (Some(slash), Some(n)) = (self.tok(k), self.tok(k + 1)) else {
                    break;
                };
                let glued = slash.start == self.tok(k - 1)?.end && n.start == slash.end;
                if !(slash.is_punct('/') && glued && n.kind == Kind::Number && n.digits > 0) {
                    break;
                }
                parts[count] = (n.value, n.digits);
                count += 1;
                k += 2;
            }
            if count == 2 {
                // `4/23` needs a weekday beside it.
                let later = self.weekday_after(k).is_some();
                if weekday.is_none() && !later {
                    return None;
                }
                parts[2] = (0, 0);
            } else if count != 3 {
                return None;
            }
            (parts, k)
        };
        // Nothing glued after: `10/31/2014/15`, `10/31/2014-15`.
        let last = self.tok(next - 1)?;
        if self
            .tok(next)
            .is_some_and(|n| n.start == last.end && (n.is_punct('/') || n.is_dash()))
        {
            return None;
        }
        let value = |(v, _): (u64, u8)| i8::try_from(v).ok();
        let (year, first, second, year_first) = match parts.map(|(_, d)| d) {
            [4, 1 | 2, 1 | 2] => (Some(parts[0].0), value(parts[1])?, value(parts[2])?, true),
            [1 | 2, 1 | 2, 4] => (Some(parts[2].0), value(parts[0])?, value(parts[1])?, false),
            [1 | 2, 1 | 2, 0] => (None, value(parts[0])?, value(parts[1])?, false),
            _ => return None,
        };
        if !(1..=31).contains(&first) || !(1..=31).contains(&second) {
            return None;
        }
        // Dots put the day first wherever they are used (`31.10.2014`); with a month past 12
        // they are no date (`version 2.30.2014`).
        let day_first = dotted && !year_first;
        let (first, second) = if day_first {
            (second, first)
        } else {
            (first, second)
        };
        if day_first && first > 12 {
            return None;
        }
        let year = match year {
            Some(y) => Some(
                i16::try_from(y)
                    .ok()
                    .filter(|y| (1000..=2199).contains(y))?,
            ),
            None => None,
        };
        let k = self.record_date(t.start, last.end, next, (year, first, second), weekday)?;
        if let Some(date) = self.out.calendar.last_mut() {
            date.form = DateForm::Numeric;
            // Month first until the article's order is settled; year-first dates are ISO-like,
            // and dotted ones day first.
            date.other_reading =
                (!year_first && !dotted && first != second).then_some((second, first));
        }
        Some(k)
    }

    /// `Thursday, Nov. 28, 2026`, `Thu. Nov. 28`, `Thursday (Nov. 28)`, `Thursday, 28 November`,
    /// `Friday, 2021-07-02`, `Fri 4/23`.
    fn try_weekday_date(&mut self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        // A weekday's full name counts in lower case too (`monday, Oct. 7`), right before a date.
        let weekday = weekday_written(&t, false).or_else(|| {
            (t.kind == Kind::Word)
                .then(|| weekday_from(t.weekday))
                .flatten()
        })?;
        let abbreviated = t.weekday == 0;
        // `the Sun, Nov. 28` is a newspaper.
        if abbreviated && i > 0 && self.word_is(i - 1, "the") {
            return None;
        }
        let mut j = i + 1;
        if abbreviated && self.punct_is(j, '.') && self.tok(j)?.start == t.end {
            j += 1;
        }
        let paren = self.punct_is(j, '(');
        if self.punct_is(j, ',') || paren {
            j += 1;
        }
        // `Monday, the 7th of October`
        if self.word_is(j, "the") && self.tok(j + 1).is_some_and(|d| d.ordinal) {
            j += 1;
        }
        let before = self.out.calendar.len();
        let written = Some((weekday, t.span()));
        let next = self
            .try_iso(j, written)
            .or_else(|| self.try_numeric(j, written))
            .or_else(|| self.try_month_day(j, written))
            .or_else(|| self.try_day_month(j, written))?;
        if let Some(date) = self.out.calendar.get_mut(before) {
            date.span = Span::new(t.start, date.span.end as usize);
        }
        Some(if paren && self.punct_is(next, ')') {
            next + 1
        } else {
            next
        })
    }

    /// A weekday in a bracket after a date: `Nov. 28 (Thursday)`, `2021-07-02 (Thu)`,
    /// `4/23 (Fri.)`, `Nov. 28 (Sa)`.
    fn weekday_after(&self, i: usize) -> Option<((Weekday, Span), usize)> {
        if self.punct_is(i, '(') {
            let t = self.tok(i + 1)?;
            let w = weekday_written(&t, true)?;
            let mut k = i + 2;
            if weekday_of(&t).is_none() && self.punct_is(k, '.') {
                k += 1;
            }
            if self.punct_is(k, ')') {
                return Some(((w, t.span()), k + 1));
            }
        }
        None
    }

    /// A weekday in apposition after a date, outside its span: `Oct. 7, 2014, a Monday`,
    /// `Oct. 7, 2014, which was a Monday`, `7 October 2014 – a Monday –`, `2021-07-02,
    /// Thursday.` The weekday must close its phrase (a mark or the end of the sentence after
    /// it), so `Oct. 7, Monday and Tuesday` and `Oct. 7, Monday was chosen` are let be.
    fn weekday_in_apposition(&self, k: usize) -> Option<(Weekday, Span)> {
        let mark = self.tok(k)?;
        if !(mark.is_punct(',') || mark.is_dash()) {
            return None;
        }
        let mut j = k + 1;
        let mut article = false;
        if self.word_is(j, "which") && (self.word_is(j + 1, "was") || self.word_is(j + 1, "is")) {
            j += 2;
            article = true;
        }
        if self.word_is(j, "a") {
            j += 1;
            article = true;
        }
        let day = self.tok(j)?;
        let weekday = weekday_written(&day, false)?;
        // Without `a`, only a full name or a comma (`2021-07-02, Thursday.`).
        if !article && (weekday_of(&day).is_none() || !mark.is_punct(',')) {
            return None;
        }
        let closes = self
            .tok(j + 1)
            .is_none_or(|n| [',', '.', ';', ')'].iter().any(|&c| n.is_punct(c)) || n.is_dash());
        closes.then(|| (weekday, day.span()))
    }

    /// Record a date read up to token `k` (ending at byte `end`), taking a weekday written right
    /// after it (`Nov. 28 (Thursday)`, `Nov. 28, a Thursday`) when none came before it.
    fn record_date(
        &mut self,
        start: usize,
        mut end: usize,
        mut k: usize,
        (year, month, day): (Option<i16>, i8, i8),
        weekday: Option<(Weekday, Span)>,
    ) -> Option<usize> {
        let mut weekday = weekday;
        if weekday.is_none() {
            if let Some((w, after)) = self.weekday_after(k) {
                weekday = Some(w);
                end = self.tok(after - 1)?.end;
                k = after;
            } else {
                weekday = self.weekday_in_apposition(k);
            }
        }
        self.out.calendar.push(CalendarDate {
            span: Span::new(start, end),
            year,
            month,
            day,
            weekday,
            form: DateForm::Words,
            other_reading: None,
            sentence: self.sentence,
        });
        Some(k)
    }

    /// `Nov. 28`, `November 28, 2026`, `Nov. 27-29`, `Nov. 30-Dec. 2`, `November 2026` (a
    /// month with a year only is read as nothing).
    fn try_month_day(&mut self, i: usize, weekday: Option<(Weekday, Span)>) -> Option<usize> {
        let (month, mut j) = self.month_at(i)?;
        let month_tok = self.tok(i)?;
        if let Some(after) = self.long_year_at(j) {
            return Some(after);
        }
        // `October, 7, 2014`: a comma after the month only when a year ends the date.
        if self.punct_is(j, ',')
            && self.day_at(j + 1).is_some()
            && self.punct_is(j + 2, ',')
            && self.year_at(j + 3, false).is_some()
        {
            j += 1;
        }
        let (day, k) = match self.day_at(j) {
            Some(day) => (day, j + 1),
            None => return self.impossible_month_day(i, j, weekday),
        };
        let day_tok = self.tok(j)?;
        let mut k = k;
        // A range of days.
        if self.tok(k).is_some_and(|t| t.is_dash()) {
            let (end_month, m) = match self.month_at(k + 1) {
                Some((m2, after)) => (m2, after),
                None => (month, k + 1),
            };
            if let Some(end_day) = self.day_at(m) {
                let end_tok = self.tok(m)?;
                let mut after = m + 1;
                let mut year = None;
                if self.punct_is(after, ',') {
                    if let Some((y, a)) = self.year_at(after + 1, false) {
                        year = i16::try_from(y).ok();
                        after = a;
                    }
                }
                self.out.day_ranges.push(DayRange {
                    span: Span::new(month_tok.start, end_tok.end),
                    year,
                    start_year: None,
                    start: (month, day),
                    end: (end_month, end_day),
                    spelled: false,
                    changed: false,
                    sentence: self.sentence,
                });
                self.out.calendar.push(CalendarDate {
                    span: Span::new(month_tok.start, day_tok.end),
                    year,
                    month,
                    day,
                    weekday,
                    form: DateForm::Words,
                    other_reading: None,
                    sentence: self.sentence,
                });
                self.out.calendar.push(CalendarDate {
                    span: Span::new(self.tok(k + 1)?.start, end_tok.end),
                    year,
                    month: end_month,
                    day: end_day,
                    weekday: None,
                    form: DateForm::Words,
                    other_reading: None,
                    sentence: self.sentence,
                });
                return Some(after);
            }
        }
        let mut end = day_tok.end;
        let mut year = None;
        // `In June 31 people were hurt`: a month after `in` takes no day; the number counts.
        let quantity = i > 0
            && (self.word_is(i - 1, "in") || self.word_is(i - 1, "during"))
            && self
                .tok(k)
                .is_some_and(|n| n.kind == Kind::Word && !n.capitalized());
        if quantity {
            return None;
        }
        if self.punct_is(k, ',') {
            if let Some(after) = self.long_year_at(k + 1) {
                return Some(after);
            }
            if let Some((y, after)) = self.year_at(k + 1, false) {
                if y > 0 {
                    year = i16::try_from(y).ok();
                    end = self.tok(after - 1)?.end;
                    k = after;
                }
            }
        } else if let Some((y, after)) = self.year_at(k, false) {
            if y > 0 {
                year = i16::try_from(y).ok();
                end = self.tok(after - 1)?.end;
                k = after;
            }
        }
        self.record_date(month_tok.start, end, k, (year, month, day), weekday)
    }

    /// A month and a day no month has, 0 or 32-39, read only when a year follows (`June 32,
    /// 2014`): a number after a month without a year may count something (`in June 32 people`).
    fn impossible_month_day(
        &mut self,
        i: usize,
        j: usize,
        weekday: Option<(Weekday, Span)>,
    ) -> Option<usize> {
        let month = self.tok(i)?.month;
        let t = self.tok(j)?;
        if t.kind != Kind::Number || !(t.digits == 1 || t.digits == 2) || !off_calendar(t.value) {
            return None;
        }
        let comma = usize::from(self.punct_is(j + 1, ','));
        let (year, after) = self.year_at(j + 1 + comma, false)?;
        let year = i16::try_from(year).ok().filter(|y| *y > 0)?;
        let end = self.tok(after - 1)?.end;
        let start = self.tok(i)?.start;
        let day = i8::try_from(t.value).ok()?;
        self.record_date(start, end, after, (Some(year), month, day), weekday)
    }

    /// `28 November 2026`, `28th of November`.
    fn try_day_month(&mut self, i: usize, weekday: Option<(Weekday, Span)>) -> Option<usize> {
        let day_tok = self.tok(i)?;
        if day_tok.kind != Kind::Number
            || !(day_tok.digits == 1 || day_tok.digits == 2 || day_tok.ordinal)
        {
            return None;
        }
        // A day no month has (`32 June 2014`) is read only with a year.
        let needs_year = off_calendar(day_tok.value) && !day_tok.ordinal;
        if !(1..=31).contains(&day_tok.value) && !needs_year {
            return None;
        }
        let day = i8::try_from(day_tok.value).ok()?;
        // `10-12 July`, `10 – 12 July`
        if !needs_year
            && self.tok(i + 1).is_some_and(|t| t.is_dash())
            && self.tok(i + 3).is_some_and(|t| t.month != 0)
        {
            let end_tok = self.tok(i + 2)?;
            let end_day = i8::try_from(end_tok.value).ok()?;
            if end_tok.kind != Kind::Number
                || !(1..=2).contains(&end_tok.digits)
                || !(1..=31).contains(&end_day)
            {
                return None;
            }
            let (month, mut k) = self.month_at(i + 3)?;
            let mut year = None;
            if let Some((y, after)) = self.year_at(k, false) {
                year = i16::try_from(y).ok().filter(|y| *y > 0);
                k = after;
            }
            let span = Span::new(day_tok.start, self.tok(k - 1)?.end);
            self.out.day_ranges.push(DayRange {
                span,
                year,
                start_year: None,
                start: (month, day),
                end: (month, end_day),
                spelled: false,
                changed: false,
                sentence: self.sentence,
            });
            for (d, tok) in [(day, day_tok), (end_day, end_tok)] {
                self.out.calendar.push(CalendarDate {
                    span: Span::new(tok.start, tok.end),
                    year,
                    month,
                    day: d,
                    weekday: None,
                    form: DateForm::Words,
                    other_reading: None,
                    sentence: self.sentence,
                });
            }
            return Some(k);
        }
        let mut j = i + 1;
        if day_tok.ordinal && self.word_is(j, "of") {
            j += 1;
        }
        let (month, mut k) = self.month_at(j)?;
        if let Some(after) = self.long_year_at(k) {
            return Some(after);
        }
        // `the 3 Feb. meeting` is fine; `5 March Street` is rare enough.
        let mut end = self.tok(k - 1)?.end;
        let mut year = None;
        // `7 October, 2014`: a comma before the year.
        let comma = usize::from(
            self.punct_is(k, ',')
                && self
                    .tok(k + 1)
                    .is_some_and(|y| y.kind == Kind::Number && matches!(y.digits, 4 | 5)),
        );
        if comma == 1 {
            if let Some(after) = self.long_year_at(k + 1) {
                return Some(after);
            }
        }
        if let Some((y, after)) = self.year_at(k + comma, false) {
            if y > 0 {
                year = i16::try_from(y).ok();
                end = self.tok(after - 1)?.end;
                k = after;
            }
        }
        if needs_year && year.is_none() {
            return None;
        }
        if let Some(after) = self.day_month_range_end(k, (day_tok, month, day), year) {
            return Some(after);
        }
        self.record_date(day_tok.start, end, k, (year, month, day), weekday)
    }

    /// The second half of a range across months written day first (`30 January – 2 February
    /// 2016`), starting at the dash `k`: the range and both dates recorded, the index after it.
    fn day_month_range_end(
        &mut self,
        k: usize,
        (first_tok, month, day): (Token<'t>, i8, i8),
        year: Option<i16>,
    ) -> Option<usize> {
        if !self.tok(k)?.is_dash() {
            return None;
        }
        let end_tok = self.tok(k + 1)?;
        if end_tok.kind != Kind::Number
            || !(end_tok.digits == 1 || end_tok.digits == 2 || end_tok.ordinal)
        {
            return None;
        }
        let end_day = i8::try_from(end_tok.value)
            .ok()
            .filter(|d| (1..=31).contains(d))?;
        let (end_month, mut after) = self.month_at(k + 2)?;
        let mut end_year = year;
        if year.is_none() {
            if let Some((y, a)) = self.year_at(after, false) {
                end_year = i16::try_from(y).ok().filter(|y| *y > 0);
                after = a;
            }
        }
        let last = self.tok(after - 1)?;
        self.out.day_ranges.push(DayRange {
            span: Span::new(first_tok.start, last.end),
            year: end_year,
            start_year: None,
            start: (month, day),
            end: (end_month, end_day),
            spelled: false,
            changed: false,
            sentence: self.sentence,
        });
        let month_end = self.tok(k - 1)?.end;
        for (span, (m, d)) in [
            (Span::new(first_tok.start, month_end), (month, day)),
            (Span::new(end_tok.start, last.end), (end_month, end_day)),
        ] {
            self.out.calendar.push(CalendarDate {
                span,
                year: end_year,
                month: m,
                day: d,
                weekday: None,
                form: DateForm::Words,
                other_reading: None,
                sentence: self.sentence,
            });
        }
        Some(after)
    }

    /// A range of days in words: `from Jan. 10 to Jan. 14, 2016`, `from 10 to 14 May`, `from
    /// May 10 to 14`, `between March 2 and March 10`; both dates are recorded, and a first date
    /// without a year takes the second's when it comes first in the year. Whatever was read is
    /// taken back when the words turn out to be no such range.
    fn try_date_range(&mut self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        let between = t.is("between");
        if !(between || t.is("from")) {
            return None;
        }
        let marks = (
            self.out.calendar.len(),
            self.out.day_ranges.len(),
            self.out.long_years.len(),
        );
        let read = self.date_range_after(i, between);
        if read.is_none() {
            self.out.calendar.truncate(marks.0);
            self.out.day_ranges.truncate(marks.1);
            self.out.long_years.truncate(marks.2);
        }
        read
    }

    /// One date at `i` (`Monday, Oct. 6`, `Oct. 6, 2014`, `6 October`), recorded; the index
    /// after it. A range of days or anything else recorded makes it no single date.
    fn single_date_at(&mut self, i: usize) -> Option<usize> {
        let (dates, ranges) = (self.out.calendar.len(), self.out.day_ranges.len());
        let next = self
            .try_weekday_date(i)
            .or_else(|| self.try_month_day(i, None))
            .or_else(|| self.try_day_month(i, None))?;
        (self.out.calendar.len() == dates + 1 && self.out.day_ranges.len() == ranges)
            .then_some(next)
    }

    /// A bare day number at `i` (`10` of `from 10 to 14 May`).
    fn bare_day_at(&self, i: usize) -> Option<i8> {
        let t = self.tok(i)?;
        let plain = t.kind == Kind::Number && (t.digits == 1 || t.digits == 2 || t.ordinal);
        (plain && (1..=31).contains(&t.value))
            .then(|| i8::try_from(t.value).ok())
            .flatten()
    }

    /// The rest of [`Scanner::try_date_range`] after `from` or `between` at `i`.
    fn date_range_after(&mut self, i: usize, between: bool) -> Option<usize> {
        let first_index = self.out.calendar.len();
        // The first date, or a bare day whose month comes with the second (`from 10 to 14 May`).
        let (joiner_at, bare_first) = match self.single_date_at(i + 1) {
            Some(next) => (next, None),
            None => (i + 2, Some((self.bare_day_at(i + 1)?, self.tok(i + 1)?))),
        };
        let joiner = self.tok(joiner_at)?;
        let joins = if between {
            joiner.is("and")
        } else {
            ["to", "until", "till", "through", "thru"]
                .iter()
                .any(|w| joiner.is(w))
        };
        if !joins {
            return None;
        }
        let second_at = joiner_at + 1;
        let second_index = self.out.calendar.len();
        let end_after = match self.single_date_at(second_at) {
            // `from 10 to 14 May` needs the second written day first.
            Some(next) if bare_first.is_none() || self.tok(second_at)?.kind == Kind::Number => next,
            Some(_) => return None,
            None => {
                // `from May 10 to 14`: a bare day that closes the phrase (not `to 5 p.m.`).
                let day = self.bare_day_at(second_at)?;
                let closes = self.tok(second_at + 1).is_none_or(|n| {
                    [',', '.', ';', ')'].iter().any(|&c| n.is_punct(c)) || n.is_dash()
                });
                let first = self.out.calendar.get(first_index)?.clone();
                if bare_first.is_some() || !closes {
                    return None;
                }
                let mut year = first.year;
                let mut after = second_at + 1;
                if first.year.is_none() && self.punct_is(after, ',') {
                    if let Some((y, a)) = self.year_at(after + 1, false) {
                        year = i16::try_from(y).ok().filter(|y| *y > 0);
                        after = a;
                    }
                }
                let day_tok = self.tok(second_at)?;
                self.out.calendar.push(CalendarDate {
                    span: day_tok.span(),
                    year,
                    month: first.month,
                    day,
                    weekday: None,
                    form: DateForm::Words,
                    other_reading: None,
                    sentence: self.sentence,
                });
                after
            }
        };
        let second = self.out.calendar.get(second_index)?.clone();
        if let Some((day, day_tok)) = bare_first {
            self.out.calendar.insert(
                first_index,
                CalendarDate {
                    span: day_tok.span(),
                    year: second.year,
                    month: second.month,
                    day,
                    weekday: None,
                    form: DateForm::Words,
                    other_reading: None,
                    sentence: self.sentence,
                },
            );
        }
        let first = self.out.calendar.get_mut(first_index)?;
        if first.year.is_none() && (first.month, first.day) <= (second.month, second.day) {
            first.year = second.year;
        }
        let start = (first.month, first.day);
        let start_year = first.year.filter(|y| Some(*y) != second.year);
        let changed = self.has_change_verb() || self.has_point_noun();
        let last = self.tok(end_after - 1)?;
        self.out.day_ranges.push(DayRange {
            span: Span::new(self.tok(i)?.start, last.end),
            year: second.year,
            start_year,
            start,
            end: (second.month, second.day),
            spelled: true,
            changed,
            sentence: self.sentence,
        });
        Some(end_after)
    }

    /// `1368-1644`, `(960-1279)`, `475-221 BC`, `2025-26`, `from 2012 to 2016`, `between 2012
    /// and 2016`.
    fn try_year_range(&mut self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        let opens_paren = i > 0 && self.punct_is(i - 1, '(');
        // from/between forms
        if t.is("from") || t.is("between") {
            let (start, after) = self.year_at(i + 1, false)?;
            let joiner = self.tok(after)?;
            let joins = if t.is("from") {
                ["to", "until", "till", "through", "thru"]
                    .iter()
                    .any(|w| joiner.is(w))
            } else {
                joiner.is("and")
            };
            if !joins {
                return None;
            }
            let (end, end_after) = self.year_at(after + 1, false)?;
            let changed = self.has_change_verb();
            let governed = i > 0 && self.tok(i - 1).is_some_and(|p| p.is_a(Class::SPAN_VERB));
            // `dropped from 2016 to 2012`, `fell sharply from 2016 to 2012`: the word of a fall
            // right before `from` (an adverb between) makes the numbers what fell.
            let verb_at = match i.checked_sub(1).and_then(|p| self.tok(p)) {
                Some(p) if p.text.ends_with("ly") => i.checked_sub(2),
                _ => i.checked_sub(1),
            };
            let falls = verb_at
                .and_then(|v| self.tok(v))
                .is_some_and(|v| v.is_a(Class::CHANGE_DOWN));
            self.out.year_ranges.push(YearRange {
                span: Span::new(t.start, self.tok(end_after - 1)?.end),
                start,
                end,
                form: if t.is("from") {
                    RangeForm::FromTo
                } else {
                    RangeForm::Between
                },
                entity: None,
                changed,
                governed,
                point_in_time: self.has_point_noun(),
                falls,
                sentence: self.sentence,
            });
            return Some(end_after);
        }
        if t.kind != Kind::Number {
            return None;
        }
        // Within parentheses after a named period, three-digit years count too.
        let entity = if opens_paren {
            self.name_before(i - 1)
        } else {
            None
        };
        let allow_short = entity.is_some();
        let (mut start, after) = self.year_at(i, allow_short).or_else(|| {
            // `475-221 BC`: the first year takes the era of the second.
            (t.digits >= 3 && t.digits <= 4).then_some((i32::try_from(t.value).ok()?, i + 1))
        })?;
        let dash = self.tok(after)?;
        let slash = dash.is_punct('/');
        if !(dash.is_dash() || slash) || dash.text == "—" {
            return None;
        }
        let second = self.tok(after + 1)?;
        if second.kind != Kind::Number || second.digits == 0 {
            return None;
        }
        let contiguous = self.tok(after - 1)?.end == dash.start && dash.end == second.start;
        // `2019/18` is a season only beside a word that says so (`the 2019/18 season`), and
        // never inside a path (`/2019/05/24`).
        let season = self.season_word_beside(i, after + 2);
        let in_path = i > 0
            && self
                .tok(i - 1)
                .is_some_and(|p| p.is_punct('/') && p.end == t.start);
        if slash && (in_path || !season) {
            return None;
        }
        // A season or fiscal year: `2025-26`.
        if second.digits == 2 && t.digits == 4 && contiguous {
            let century = start - start.rem_euclid(100);
            let second_value = i32::try_from(second.value).ok()?;
            let mut end = century + second_value;
            // Only `1999-00` turns the century. An end before the start runs backwards
            // (`2016-15`), unless it may be a month (`2016-05`, a year and its month) and no
            // word beside it makes it a season (`the 2009-08 season`).
            if start.rem_euclid(100) == 99 && second_value == 0 {
                end += 100;
            } else if end < start && second_value <= 12 && !season {
                return None;
            }
            if self
                .tok(after + 2)
                .is_some_and(|n| n.is_dash() || n.is_punct('/'))
            {
                return None;
            }
            self.out.year_ranges.push(YearRange {
                span: Span::new(t.start, second.end),
                start,
                end,
                form: RangeForm::Season,
                entity: None,
                changed: false,
                governed: false,
                point_in_time: false,
                falls: false,
                sentence: self.sentence,
            });
            return Some(after + 2);
        }
        if slash {
            return None;
        }
        let (mut end, end_after) = self.year_at(after + 1, allow_short)?;
        let (first_era, _) = self.era_at(i + 1);
        let (second_era, _) = self.era_at(after + 2);
        if first_era.is_none() && second_era == Some(true) {
            // `475-221 BC`: both BC.
            start = 1 - start;
        }
        if first_era.is_none()
            && second_era.is_none()
            && !(t.digits == second.digits || allow_short)
        {
            return None;
        }
        // Scores and page numbers: years only when both look like years, a dash joins them
        // tightly, and no third number follows.
        if self.tok(end_after).is_some_and(|n| {
            n.is_dash()
                && self
                    .tok(end_after + 1)
                    .is_some_and(|x| x.kind == Kind::Number)
        }) {
            return None;
        }
        if i > 0
            && self
                .tok(i - 1)
                .is_some_and(|p| p.is_dash() && p.end == t.start)
        {
            return None;
        }
        if end == start && first_era.is_none() && second_era.is_none() {
            end = start;
        }
        let in_parens_closed = opens_paren && self.punct_is(end_after, ')');
        self.out.year_ranges.push(YearRange {
            span: Span::new(t.start, self.tok(end_after - 1)?.end),
            start,
            end,
            form: RangeForm::Dash,
            entity: entity.filter(|_| in_parens_closed).map(|(name, _)| name),
            changed: false,
            governed: false,
            point_in_time: false,
            falls: false,
            sentence: self.sentence,
        });
        Some(end_after)
    }

    /// A standalone year, and the events it dates.
    fn try_year(&mut self, i: usize) -> Option<usize> {
        let (year, after) = self.year_at(i, false)?;
        let t = self.tok(i)?;
        // Not the first or last of a range, a list of numbers or a quantity.
        if i > 0
            && self
                .tok(i - 1)
                .is_some_and(|p| p.is_dash() && p.end == t.start)
        {
            return None;
        }
        if self
            .tok(after)
            .is_some_and(|n| n.is_dash() && n.start == self.tok(after - 1).map_or(0, |x| x.end))
        {
            return None;
        }
        let after_in = i > 0 && self.word_is(i - 1, "in");
        let span = Span::new(t.start, self.tok(after - 1)?.end);
        self.out.years.push(YearMention {
            span,
            year,
            after_in,
            sentence: self.sentence,
        });
        // `opened in 2016 in Beijing` or `launched in 2019 its first app` may be one of several
        // openings or launches; only a year that closes the clause dates the entity itself.
        let continues = self
            .tok(after)
            .is_some_and(|n| n.is_a(Class::CLAUSE_CONTINUES));
        if after_in {
            self.event_for_year(i - 1, year, span, continues);
        }
        // `in 2000, 26 years ago` / `in 2000 -- 26 years ago`
        if after_in {
            let mut k = after;
            while self
                .tok(k)
                .is_some_and(|p| p.kind == Kind::Punct && !p.is_punct('.'))
            {
                k += 1;
            }
            if k > after && k <= after + 3 {
                if let Some(index) = self.try_ago(k) {
                    if let Some(ago) = self.out.ago.get_mut(index) {
                        ago.year = Some((year, span));
                    }
                }
            }
        }
        Some(after)
    }

    /// The event dated by `in YEAR` when the verb before `in_index` is an event verb.
    fn event_for_year(&mut self, in_index: usize, year: i32, year_span: Span, continues: bool) {
        if let Some((key, entity_span)) = self.event_before(in_index) {
            let once_only = matches!(
                key.kind,
                EventKind::Born | EventKind::Died | EventKind::Founded
            );
            if continues && !once_only {
                return;
            }
            self.out.events.push(Event {
                key,
                entity_span,
                year_span,
                year,
                day: None,
                sentence: self.sentence,
            });
        }
    }

    /// The entity and event verb that end just before `i`: `Taoxichuan opened`, `Taoxichuan was
    /// opened`, `Taoxichuan, which opened`, `Taoxichuan, opened`, `Smith was born`.
    fn event_before(&self, i: usize) -> Option<(EventKey, Span)> {
        let mut v = i.checked_sub(1)?;
        // adverbs: `officially`, `first`
        if self
            .tok(v)
            .is_some_and(|t| t.text.ends_with("ly") || t.is("first") || t.is("originally"))
        {
            v = v.checked_sub(1)?;
        }
        let verb = self.tok(v)?;
        let mut kind = event_kind(verb.entry()?)?;
        let mut s = v;
        if verb.is("up") {
            kind = EventKind::Founded;
        }
        if s > 0
            && self
                .tok(s - 1)
                .is_some_and(|t| t.is_a(Class::AUXILIARY) && !t.is("have"))
        {
            s -= 1;
            if s > 0 && self.word_is(s - 1, "been") {
                s -= 1;
            }
            if s > 0
                && self
                    .tok(s - 1)
                    .is_some_and(|t| matches!(t.lower(), Some("had" | "has" | "have")))
            {
                s -= 1;
            }
        }
        // `Taoxichuan, which opened` / `Taoxichuan, opened in`
        if s > 0
            && self
                .tok(s - 1)
                .is_some_and(|t| t.is("which") || t.is("who"))
        {
            s -= 1;
            if self.punct_is(s.checked_sub(1)?, ',') {
                s -= 1;
            }
        } else if s > 0 && self.punct_is(s - 1, ',') && s == v {
            s -= 1;
        }
        // `Li Wei, 30, was born`
        if s >= 3
            && self.punct_is(s - 1, ',')
            && self
                .tok(s - 2)
                .is_some_and(|t| t.kind == Kind::Number && t.digits > 0 && t.digits <= 2)
            && self.punct_is(s - 3, ',')
        {
            s -= 3;
        }
        let (entity, span) = self.name_before(s)?;
        Some((EventKey { entity, kind }, span))
    }

    /// `N years ago` at `i`; its index in [`Dates::ago`].
    fn try_ago(&mut self, i: usize) -> Option<usize> {
        let mut j = i;
        let mut hedged = false;
        while self.tok(j).is_some_and(|t| t.is_a(Class::TIME_HEDGE)) {
            hedged = true;
            j += 1;
        }
        let (amount, after) = amount_at(self.tokens, j)?;
        let (unit, factor) = unit_of(&self.tok(after)?)?;
        if unit != TimeUnit::Year || !self.word_is(after + 1, "ago") {
            return None;
        }
        let years = amount.checked_mul(factor)?;
        let span = Span::new(self.tok(i)?.start, self.tok(after + 1)?.end);
        // The same words are met twice, from the year before them and from their number.
        if self.out.ago.len() > self.marks.ago
            && self.out.ago.last().is_some_and(|a| a.span == span)
        {
            return Some(self.out.ago.len() - 1);
        }
        self.out.ago.push(Ago {
            span,
            years,
            hedged,
            year: None,
            event: None,
            sentence: self.sentence,
        });
        Some(self.out.ago.len() - 1)
    }

    /// Durations (`two-day`, `three weeks`, `a decade`) and `N years ago`.
    fn try_duration(&mut self, i: usize) {
        let Some((amount, after)) = amount_at(self.tokens, i) else {
            return;
        };
        let Some(t) = self.tok(i) else { return };
        let modifier = self.tok(after).is_some_and(|d| {
            d.is_punct('-') && d.start == self.tok(after - 1).map_or(0, |x| x.end)
        });
        let unit_index = if modifier { after + 1 } else { after };
        let Some(unit_tok) = self.tok(unit_index) else {
            return;
        };
        let Some((unit, factor)) = unit_of(&unit_tok) else {
            return;
        };
        if modifier && self.punct_is(unit_index + 1, '-') {
            // `30-year-old`: an age, not a duration.
            return;
        }
        let hedged = i > 0 && self.tok(i - 1).is_some_and(|p| p.is_a(Class::TIME_HEDGE));
        if self.word_is(unit_index + 1, "ago") {
            let start = if hedged { i - 1 } else { i };
            if let Some(index) = self.try_ago(start) {
                let event = self.event_before(start).map(|(k, _)| k);
                if let Some(ago) = self.out.ago.get_mut(index) {
                    ago.hedged |= hedged;
                    if ago.event.is_none() {
                        ago.event = event;
                    }
                }
            }
            return;
        }
        let Some(amount) = amount.checked_mul(factor) else {
            return;
        };
        self.out.durations.push(Duration {
            span: Span::new(t.start, unit_tok.end),
            amount,
            unit,
            modifier,
            hedged,
            sentence: self.sentence,
        });
    }

    /// `yesterday`, `today`, `tomorrow`, `tonight`, `last Saturday`, `next Monday`.
    fn try_relative(&mut self, i: usize) {
        let Some(t) = self.tok(i) else { return };
        if t.kind != Kind::Word || !(4..=9).contains(&t.text.len()) {
            return;
        }
        // `TODAY` in capitals is a newspaper or a programme (`told TODAY`), not a day.
        if t.text.bytes().all(|b| b.is_ascii_uppercase()) {
            return;
        }
        let kind = match t.lower() {
            Some("yesterday") => RelativeKind::Offset(-1),
            Some("today" | "tonight") => RelativeKind::Offset(0),
            Some("tomorrow") => RelativeKind::Offset(1),
            Some("last" | "next") => {
                let Some(w) = self.tok(i + 1).and_then(|w| weekday_of(&w)) else {
                    return;
                };
                if t.is("last") {
                    RelativeKind::Last(w)
                } else {
                    RelativeKind::Next(w)
                }
            }
            _ => return,
        };
        // `today's` is a relative day too, but `Today` as a programme title is not worth the risk.
        let end = if matches!(kind, RelativeKind::Offset(_)) {
            t.end
        } else {
            self.tok(i + 1).map_or(t.end, |w| w.end)
        };
        self.out.relatives.push(Relative {
            span: Span::new(t.start, end),
            kind,
            weekday: None,
            date: None,
            sentence: self.sentence,
        });
    }

    /// After the sentence is read: a weekday or a date in apposition to each relative day of this
    /// sentence (`yesterday (Thursday)`, `yesterday, Nov. 27,`, `last Saturday, Nov. 21`).
    fn attach_relatives(&mut self) {
        let sentence = self.sentence;
        let first_date = self.marks.calendar.min(self.out.calendar.len());
        let first_relative = self.marks.relatives;
        for r in self
            .out
            .relatives
            .iter_mut()
            .skip(first_relative)
            .filter(|r| r.sentence == sentence)
        {
            // The relative day's last token, by binary search: tokens are in order.
            let Ok(last) = self
                .tokens
                .binary_search_by_key(&(r.span.end as usize), |t| t.end)
            else {
                continue;
            };
            let mut k = last + 1;
            if self
                .tokens
                .get(k)
                .is_some_and(|t| t.is_punct(',') || t.is_punct('('))
            {
                k += 1;
            } else if matches!(r.kind, RelativeKind::Offset(_)) {
                continue;
            }
            let Some(next) = self.tokens.get(k) else {
                continue;
            };
            if let (RelativeKind::Offset(_), Some(w)) = (r.kind, weekday_of(next)) {
                // `yesterday, Thursday, …` — but not `yesterday, Thursday's vote` or a weekday
                // that starts a new clause with its own date.
                let closes = self
                    .tokens
                    .get(k + 1)
                    .is_none_or(|t| t.is_punct(',') || t.is_punct(')') || t.is_punct('.'));
                if closes {
                    r.weekday = Some((w, next.span()));
                }
                continue;
            }
            // `last Saturday, Nov. 21` was read as a date with its weekday.
            let weekday_start = if matches!(r.kind, RelativeKind::Offset(_)) {
                None
            } else {
                self.tokens.get(last).map(|t| t.start)
            };
            // Dates are recorded in text order: look up the one that starts here.
            let key = weekday_start.unwrap_or(next.start);
            let dates = self.out.calendar.get(first_date..).unwrap_or(&[]);
            let at = dates.partition_point(|d| (d.span.start as usize) < key);
            let fits = dates.get(at).is_some_and(|d| {
                d.span.start as usize == key
                    && match weekday_start {
                        Some(_) => d.weekday.is_some(),
                        None => d.weekday.is_none(),
                    }
            });
            if fits {
                r.date = Some(first_date + at);
            }
        }
    }

    /// `the 10th anniversary`, `Taoxichuan's 10th anniversary`, `the tenth anniversary of the
    /// founding of Taoxichuan`.
    fn try_anniversary(&mut self, i: usize) {
        if !self.word_is(i + 1, "anniversary") {
            return;
        }
        let Some(t) = self.tok(i) else { return };
        let Some(ordinal) = ordinal_at(&t) else {
            return;
        };
        let Some(word) = self.tok(i + 1) else { return };
        let mut entity = None;
        if i > 0 {
            if let Some(p) = self.tok(i - 1) {
                if p.text.ends_with("'s") || p.text.ends_with("’s") {
                    entity = self.name_before(i).map(|(n, _)| n);
                }
            }
        }
        if entity.is_none() && self.word_is(i + 2, "of") {
            entity = self.name_after(i + 3).map(|(n, _, _)| n);
        }
        // The single year after it in the sentence, if it is `in YEAR`.
        let window_end = self.tokens.len().min(i + 40);
        let later: Vec<(i32, Span, bool)> = (i + 2..window_end)
            .filter_map(|k| {
                let (y, after) = self.year_at(k, false)?;
                let in_before = self.word_is(k.wrapping_sub(1), "in");
                let span = Span::new(self.tok(k)?.start, self.tok(after - 1)?.end);
                Some((y, span, in_before))
            })
            .collect();
        let year = match later.as_slice() {
            [(y, span, true)] => Some((*y, *span)),
            _ => None,
        };
        let window = self
            .tokens
            .get(i.saturating_sub(20)..window_end)
            .unwrap_or(&[]);
        let upcoming = window.iter().any(|t| t.is_a(Class::COMING));
        self.out.anniversaries.push(Anniversary {
            span: Span::new(t.start, word.end),
            ordinal,
            entity,
            year,
            upcoming,
            sentence: self.sentence,
        });
    }

    /// Ages and births: `Smith, 30,`, `30-year-old Smith`, `Smith, aged 30`, `Smith was born in
    /// 1990`, `born on March 3, 1996`.
    fn try_age(&mut self, i: usize) {
        let Some(t) = self.tok(i) else { return };
        // `Smith, 30,`
        if t.kind == Kind::Number
            && (t.digits == 1 || t.digits == 2)
            && i >= 2
            && self.punct_is(i - 1, ',')
            && self.punct_is(i + 1, ',')
        {
            if let Some((person, _)) = self.name_before(i - 1) {
                if let Ok(years) = u32::try_from(t.value) {
                    self.out.ages.push(Age {
                        span: t.span(),
                        years,
                        person,
                        sentence: self.sentence,
                    });
                }
            }
            return;
        }
        // `aged 30`
        if t.is("aged") {
            if let Some(n) = self
                .tok(i + 1)
                .filter(|n| n.kind == Kind::Number && (n.digits == 1 || n.digits == 2))
            {
                let mut p = i;
                if self.punct_is(p.wrapping_sub(1), ',') {
                    p -= 1;
                }
                if let (Some((person, _)), Ok(years)) =
                    (self.name_before(p), u32::try_from(n.value))
                {
                    self.out.ages.push(Age {
                        span: Span::new(t.start, n.end),
                        years,
                        person,
                        sentence: self.sentence,
                    });
                }
            }
            return;
        }
        // `30-year-old Smith`
        if let Some((years, after)) = amount_at(self.tokens, i) {
            let pattern = self.punct_is(after, '-')
                && self.word_is(after + 1, "year")
                && self.punct_is(after + 2, '-')
                && self.word_is(after + 3, "old");
            if pattern {
                if let Some((person, _, _)) = self.name_after(after + 4) {
                    let end = self.tok(after + 3).map_or(t.end, |x| x.end);
                    self.out.ages.push(Age {
                        span: Span::new(t.start, end),
                        years,
                        person,
                        sentence: self.sentence,
                    });
                }
            }
            return;
        }
        // `born on March 3, 1996` (the `born in 1990` form is an event of its year).
        if t.is("born") && self.word_is(i + 1, "on") {
            let before = self.out.calendar.len();
            if let Some((key, entity_span)) = self.event_before(i + 1) {
                let found = self
                    .try_month_day(i + 2, None)
                    .or_else(|| self.try_day_month(i + 2, None));
                self.out.calendar.truncate(before);
                if found.is_some() {
                    let date = self.peek_date(i + 2);
                    if let Some((year, month, day, span)) = date {
                        self.out.events.push(Event {
                            key,
                            entity_span,
                            year_span: span,
                            year,
                            day: Some((month, day)),
                            sentence: self.sentence,
                        });
                    }
                }
            }
        }
    }

    /// The full date (with a year) starting at `i`, without recording it.
    fn peek_date(&mut self, i: usize) -> Option<(i32, i8, i8, Span)> {
        let before = self.out.calendar.len();
        self.try_month_day(i, None)
            .or_else(|| self.try_day_month(i, None))?;
        let date = self.out.calendar.get(before).cloned();
        self.out.calendar.truncate(before);
        let date = date?;
        Some((i32::from(date.year?), date.month, date.day, date.span))
    }

    /// A named period: `Song Dynasty`.
    fn try_period(&mut self, i: usize) {
        let Some(t) = self.tok(i) else { return };
        if !t.capitalized() || !t.is_a(Class::PERIOD_HEAD) {
            return;
        }
        // `Dynasty` must end the name: `the Tang Dynasty poet` is fine, `Dynasty Warriors` too.
        let Some((name, span)) = self.name_before(i + 1) else {
            return;
        };
        if !name.contains(' ') {
            return;
        }
        self.out.periods.push(PeriodMention {
            span,
            name,
            range: None,
            sentence: self.sentence,
        });
    }
}

/// Find the date mentions in an article's blocks.
pub fn extract(
    text: &str,
    blocks: &[Block],
    sentences: &[Vec<Span>],
    order: DateOrder,
    locale: Option<&str>,
) -> Dates {
    let mut out = Dates {
        dateline_day: dateline(text, blocks).and_then(|d| match d {
            Dateline::Partial(m, d) => Some((m, d)),
            Dateline::Full(_) => None,
        }),
        ..Dates::default()
    };
    let mut sentence_base = 0;
    let mut tokens = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        tokenize_into(text, block, usize::MAX, &mut tokens);
        let block_sentences = sentences.get(b).map_or(&[][..], Vec::as_slice);
        let mut start = 0;
        for (s, sentence) in block_sentences.iter().enumerate() {
            let end = if s + 1 == block_sentences.len() {
                tokens.len()
            } else {
                start
                    + tokens[start..]
                        .iter()
                        .take_while(|t| t.start < sentence.end as usize)
                        .count()
            };
            let mut scanner = Scanner::new(
                tokens.get(start..end).unwrap_or(&[]),
                sentence_base + s,
                &mut out,
            );
            scanner.scan();
            start = end;
        }
        if block_sentences.is_empty() && !tokens.is_empty() {
            let mut scanner = Scanner::new(&tokens, sentence_base, &mut out);
            scanner.scan();
            sentence_base += 1;
        }
        sentence_base += block_sentences.len();
    }
    settle_numeric_order(&mut out.calendar, order, locale);
    out
}

/// Settle the month-day order of numeric dates (`4/5/2021`) for the whole article: the
/// configured order, else the article's own evidence (`28/11/2026` can only be day first), else
/// the front-matter locale (`en-US` is month first, other locales day first). A date the
/// evidence leaves open keeps both readings (see [`CalendarDate::other_reading`]).
fn settle_numeric_order(calendar: &mut [CalendarDate], order: DateOrder, locale: Option<&str>) {
    let open = |d: &CalendarDate| d.form == DateForm::Numeric && d.other_reading.is_some();
    let order = match order {
        DateOrder::Auto => {
            let (mut day_first, mut month_first) = (false, false);
            for date in calendar.iter().filter(|d| open(d)) {
                day_first |= date.month > 12 && date.day <= 12;
                month_first |= date.day > 12 && date.month <= 12;
            }
            match (day_first, month_first, locale.map(locale_order)) {
                (true, false, _) => DateOrder::Dmy,
                (false, true, _) => DateOrder::Mdy,
                (_, _, Some(order)) => order,
                _ => DateOrder::Auto,
            }
        }
        fixed => fixed,
    };
    for date in calendar.iter_mut().filter(|d| open(d)) {
        let Some((month, day)) = date.other_reading else {
            continue;
        };
        let swap = match order {
            DateOrder::Mdy => false,
            DateOrder::Dmy => true,
            // Open: a reading with a month past 12 is no reading at all.
            DateOrder::Auto => date.month > 12 && month <= 12,
        };
        let settled = order != DateOrder::Auto || date.month > 12 || month > 12;
        if swap {
            date.other_reading = Some((date.month, date.day));
            (date.month, date.day) = (month, day);
        }
        if settled {
            date.other_reading = None;
        }
    }
}

/// The month-day order of a locale tag (`en-US`, `en_GB`, `fr`).
fn locale_order(locale: &str) -> DateOrder {
    let tag = locale.trim().to_ascii_lowercase().replace('_', "-");
    // Month first: the United States and the places that follow its usage.
    let month_first = [
        "en-us", "en-ph", "en-fm", "en-mh", "en-pw", "en-as", "en-gu", "en-um",
    ];
    if month_first.contains(&tag.as_str()) || tag == "us" {
        DateOrder::Mdy
    } else if tag == "en" {
        DateOrder::Auto
    } else {
        DateOrder::Dmy
    }
}

/// An index from a key to the positions of the mentions that carry it.
pub fn index_by<K: std::hash::Hash + Eq, T>(
    items: &[T],
    key: impl Fn(&T) -> Option<K>,
) -> HashMap<K, Vec<usize>> {
    let mut map: HashMap<K, Vec<usize>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        if let Some(k) = key(item) {
            map.entry(k).or_default().push(i);
        }
    }
    map
}

// ---------------------------------------------------------------------------------------------
// The article date

enum Dateline {
    Full(Date),
    Partial(i8, i8),
}

/// How many tokens of a block are enough to read a dateline at its start: a date reads at most
/// 16 tokens past its first, and the dash of a dateline must follow it within 8 more.
const DATELINE_TOKENS: usize = 48;

/// What the first tokens of a block say about a dateline.
enum DatelineRead {
    /// A dateline (or a date that cannot be one, which ends the search).
    Found(Option<Dateline>),
    /// No dateline in this block.
    Nothing,
    /// The tokens read are not enough to tell.
    Unsure,
}

/// Read a dateline from the first blocks: `BEIJING, Nov. 27 (Xinhua) --`, `WASHINGTON, Nov. 27,
/// 2026 /PRNewswire/ --`, or a date on a line of its own (`Saturday, January 5, 2019`).
fn dateline(text: &str, blocks: &[Block]) -> Option<Dateline> {
    let mut tokens = Vec::new();
    for block in blocks.iter().take(3) {
        // Both forms start with a number, a month, a weekday or a word in capitals.
        tokenize_into(text, block, 1, &mut tokens);
        let Some(first) = tokens.first() else {
            continue;
        };
        let may_start = match first.kind {
            Kind::Punct => false,
            Kind::Number => true,
            Kind::Word => {
                first.month != 0
                    || first.weekday != 0
                    || first.text.chars().all(|c| !c.is_lowercase())
            }
        };
        if !may_start {
            continue;
        }
        let truncated = tokenize_into(text, block, DATELINE_TOKENS, &mut tokens);
        let mut read = dateline_in(&tokens, truncated);
        if matches!(read, DatelineRead::Unsure) {
            tokenize_into(text, block, usize::MAX, &mut tokens);
            read = dateline_in(&tokens, false);
        }
        if let DatelineRead::Found(found) = read {
            return found;
        }
    }
    None
}

/// A dateline at the start of a block's tokens; `truncated` when the block goes on past them.
fn dateline_in(tokens: &[Token], truncated: bool) -> DatelineRead {
    let mut dates = Dates::default();
    let mut scanner = Scanner::new(tokens, 0, &mut dates);
    // A date line of its own: the block is only a date.
    let whole = scanner
        .try_weekday_date(0)
        .or_else(|| scanner.try_month_day(0, None))
        .or_else(|| scanner.try_day_month(0, None));
    if whole.is_some_and(|n| {
        n == tokens.len()
            || (n + 1 == tokens.len() && tokens.last().is_some_and(|t| t.is_punct('.')))
    }) {
        if let Some(d) = dates.calendar.first() {
            return DatelineRead::Found(to_dateline(d));
        }
    }
    // CITY, Date ... -- : upper-case place words, a comma, the date.
    let mut i = 0;
    while tokens.get(i).is_some_and(|t| {
        (t.kind == Kind::Word && t.text.chars().all(|c| !c.is_lowercase()))
            || (i > 0
                && (t.is_punct('.')
                    || t.is_punct('-')
                    || t.is_punct(',')
                        && tokens.get(i + 1).is_some_and(|n| {
                            n.kind == Kind::Word
                                && n.text.chars().all(|c| !c.is_lowercase())
                                && n.month == 0
                        })))
    }) {
        i += 1;
    }
    if truncated && i + 32 > tokens.len() {
        return DatelineRead::Unsure;
    }
    if i == 0 || !tokens.get(i).is_some_and(|t| t.is_punct(',')) {
        return DatelineRead::Nothing;
    }
    let mut dates = Dates::default();
    let mut scanner = Scanner::new(tokens, 0, &mut dates);
    let Some(after) = scanner
        .try_month_day(i + 1, None)
        .or_else(|| scanner.try_day_month(i + 1, None))
    else {
        return DatelineRead::Nothing;
    };
    let rest = tokens.get(after..).unwrap_or(&[]);
    let dashed = rest.iter().take(8).any(|t| t.is_dash());
    if !dashed {
        return DatelineRead::Nothing;
    }
    match dates.calendar.first() {
        Some(d) => DatelineRead::Found(to_dateline(d)),
        None => DatelineRead::Nothing,
    }
}

fn to_dateline(d: &CalendarDate) -> Option<Dateline> {
    match d.year {
        Some(y) => Date::new(y, d.month, d.day).ok().map(Dateline::Full),
        None => (1..=12)
            .contains(&d.month)
            .then_some(Dateline::Partial(d.month, d.day)),
    }
}

/// The article date: front matter first, then a dateline at the start of the body, then the
/// configured default (SPEC §5).
pub fn article_date(
    text: &str,
    blocks: &[Block],
    front_matter: Option<Date>,
    default: Option<Date>,
) -> Option<Date> {
    front_matter
        .or_else(|| match dateline(text, blocks) {
            Some(Dateline::Full(d)) => Some(d),
            _ => None,
        })
        .or(default)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Syntax, parse, sentences};

    fn dates_of(text: &str) -> Dates {
        let (parsed, _) = parse(text, Syntax::Plain);
        let sentences: Vec<Vec<Span>> = parsed
            .blocks
            .iter()
            .map(|b| sentences::split(text, b))
            .collect();
        extract(text, &parsed.blocks, &sentences, DateOrder::Auto, None)
    }

    fn at(text: &str, span: Span) -> &str {
        &text[span.range()]
    }

    #[test]
    fn calendar_dates_with_weekdays_and_years() {
        let text =
            "It opens Thursday, Nov. 28, 2026, and closes 3 December (Friday). Filed 2026-13-01.";
        let d = dates_of(text);
        assert_eq!(d.calendar.len(), 3);
        let first = &d.calendar[0];
        assert_eq!((first.year, first.month, first.day), (Some(2026), 11, 28));
        assert_eq!(at(text, first.span), "Thursday, Nov. 28, 2026");
        assert_eq!(first.weekday.map(|w| w.0), Some(Weekday::Thursday));
        let second = &d.calendar[1];
        assert_eq!((second.year, second.month, second.day), (None, 12, 3));
        assert_eq!(second.weekday.map(|w| w.0), Some(Weekday::Friday));
        assert_eq!(d.calendar[2].form, DateForm::Iso);
        assert_eq!(d.calendar[2].month, 13);
    }

    #[test]
    fn ranges_of_days_and_years() {
        let text = "The Ming Dynasty (1368-1644) fell. The two-day forum, Nov. 27-29, met. \
                    The Warring States period (475-221 BC) ended. The 2025-26 budget passed. \
                    Prices rose between 2012 and 2016.";
        let d = dates_of(text);
        let ming = &d.year_ranges[0];
        assert_eq!((ming.start, ming.end), (1368, 1644));
        assert_eq!(ming.entity.as_deref(), Some("Ming Dynasty"));
        assert_eq!(at(text, ming.span), "1368-1644");
        assert_eq!(d.periods[0].range, Some(0));
        assert_eq!(d.day_ranges[0].start, (11, 27));
        assert_eq!(d.day_ranges[0].end, (11, 29));
        assert_eq!(d.durations[0].amount, 2);
        assert!(d.durations[0].modifier);
        let bc = &d.year_ranges[1];
        assert!(bc.start < bc.end, "{bc:?}");
        assert_eq!(d.year_ranges[2].form, RangeForm::Season);
        assert_eq!(d.year_ranges[2].end, 2026);
        assert_eq!(d.year_ranges[3].form, RangeForm::Between);
    }

    #[test]
    fn events_ages_and_elapsed_years() {
        let text = "Taoxichuan, which opened in 2016, is busy. Work began in 2012. \
                    The museum was founded in 2000, 26 years ago. Li Wei, 30, was born in 1996. \
                    It marks Taoxichuan's 10th anniversary.";
        let d = dates_of(text);
        let opened = &d.events[0];
        assert_eq!(opened.key.entity, "Taoxichuan");
        assert_eq!(opened.key.kind, EventKind::Opened);
        assert_eq!(opened.year, 2016);
        assert_eq!(at(text, opened.entity_span), "Taoxichuan");
        assert_eq!(d.events.len(), 2, "{:?}", d.events);
        assert_eq!(d.events[1].key.kind, EventKind::Born);
        assert_eq!(d.ago[0].years, 26);
        assert_eq!(d.ago[0].year.map(|y| y.0), Some(2000));
        assert_eq!(d.ages[0].person, "Li Wei");
        assert_eq!(d.ages[0].years, 30);
        assert_eq!(d.anniversaries[0].ordinal, 10);
        assert_eq!(d.anniversaries[0].entity.as_deref(), Some("Taoxichuan"));
    }

    #[test]
    fn traps_are_not_years() {
        let text =
            "Trading ended at 2000 GMT. The 1987/88 crop and 9/11 were cited. It cost 1,995 dlrs.";
        let d = dates_of(text);
        assert!(d.years.is_empty(), "{:?}", d.years);
        // The crop year is a season, running forwards.
        let seasons: Vec<_> = d
            .year_ranges
            .iter()
            .map(|r| (r.form, r.start, r.end))
            .collect();
        assert_eq!(seasons, [(RangeForm::Season, 1987, 1988)]);
        let d = dates_of("The 1987/88 figures and /2019/05/24 were cited.");
        assert!(d.years.is_empty() && d.year_ranges.is_empty(), "{d:?}");
    }

    #[test]
    fn relative_days_and_datelines() {
        let text =
            "BEIJING, Nov. 18 (Xinhua) -- It launched yesterday (Nov. 17) and lands next Monday.";
        let d = dates_of(text);
        assert_eq!(d.dateline_day, Some((11, 18)));
        assert_eq!(d.relatives[0].kind, RelativeKind::Offset(-1));
        let date = d.relatives[0].date.and_then(|i| d.calendar.get(i));
        assert_eq!(date.map(|c| c.day), Some(17));
        assert_eq!(d.relatives[1].kind, RelativeKind::Next(Weekday::Monday));
        let (parsed, _) = parse(text, Syntax::Plain);
        assert_eq!(article_date(text, &parsed.blocks, None, None), None);
        for (text, expected) in [
            (
                "WASHINGTON, Nov. 27, 2026 /PRNewswire/ -- Acme said.",
                Some(jiff::civil::date(2026, 11, 27)),
            ),
            (
                "Storm hits\n\nSaturday, January 5, 2019\n\nA storm hit.",
                Some(jiff::civil::date(2019, 1, 5)),
            ),
            ("LONDON (Reuters) - Shares fell.", None),
            ("SALVADOR, Feb 26 - Showers continued.", None),
        ] {
            let (parsed, _) = parse(text, Syntax::Plain);
            assert_eq!(
                article_date(text, &parsed.blocks, None, None),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn the_lexicon_knows_every_word_the_scanner_compares() {
        // Every word of the classes matched by name below (in `unit_of`, `event_for_year`)
        // has its meaning there, and the words matched by name in `relative_at` and `month_at`
        // are in the lexicon with the class the match reads.
        for entry in lexicon::entries() {
            let token = Token::new(Kind::Word, entry.word, 0);
            assert_eq!(
                entry.is(Class::TIME_UNIT),
                unit_of(&token).is_some(),
                "{}",
                entry.word
            );
            if entry.is(Class::EVENT_VERB) {
                assert!(event_kind(entry).is_some(), "{}", entry.word);
            }
        }
        let named: &[(&[&str], Class)] = &[
            (
                &["yesterday", "today", "tonight", "tomorrow"],
                Class::RELATIVE_DAY,
            ),
            (&["last", "next"], Class::RELATIVE_PERIOD),
            (&["may", "june", "july"], Class::MONTH),
            (&["had", "has", "have"], Class::AUXILIARY),
            (&["offices", "stores", "the"], Class::CLAUSE_CONTINUES),
        ];
        for &(words, class) in named {
            for word in words {
                for written in [word.to_string(), word.to_ascii_uppercase()] {
                    let entry = lexicon::lookup(&written);
                    assert_eq!(entry.map(|e| e.word), Some(*word), "{written}");
                    assert!(entry.is_some_and(|e| e.is(class)), "{written}");
                }
            }
        }
        assert!(lexicon::lookup("Thursday's").is_none());
        assert!(lexicon::lookup("anniversary").is_none());
        let text = "On Thursday, Nov. 28 the FROM twenty-five élan don’t 3rd 1,995.5";
        let (parsed, _) = parse(text, Syntax::Plain);
        let mut tokens = Vec::new();
        tokenize_into(text, &parsed.blocks[0], usize::MAX, &mut tokens);
        let lowers: Vec<Option<&str>> = tokens.iter().map(Token::lower).collect();
        let expected = [
            Some("on"),
            Some("thursday"),
            None,
            Some("nov"),
            None,
            None,
            Some("the"),
            Some("from"),
            Some("twenty"),
            None,
            Some("five"),
            None,
            None,
            None,
            None,
        ];
        assert_eq!(lowers, expected);
        assert_eq!(tokens[1].weekday, 4);
        assert_eq!(tokens[3].month, 11);
        assert!(tokens[7].starts && !tokens[6].starts);
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_in_bounds(text in "(\\PC|[0-9 ,.()\\-–]|Nov\\. |Monday|BC|in |years ago|\\n){0,80}") {
            let d = dates_of(&text);
            let mut spans: Vec<Span> = Vec::new();
            spans.extend(d.calendar.iter().map(|c| c.span));
            spans.extend(d.day_ranges.iter().map(|c| c.span));
            spans.extend(d.year_ranges.iter().map(|c| c.span));
            spans.extend(d.years.iter().map(|c| c.span));
            spans.extend(d.durations.iter().map(|c| c.span));
            spans.extend(d.relatives.iter().map(|c| c.span));
            spans.extend(d.ago.iter().map(|c| c.span));
            spans.extend(d.anniversaries.iter().map(|c| c.span));
            spans.extend(d.ages.iter().map(|c| c.span));
            spans.extend(d.events.iter().flat_map(|c| [c.entity_span, c.year_span]));
            spans.extend(d.periods.iter().map(|c| c.span));
            for span in spans {
                proptest::prop_assert!(span.start <= span.end && (span.end as usize) <= text.len());
                proptest::prop_assert!(text.is_char_boundary(span.start as usize));
                proptest::prop_assert!(text.is_char_boundary(span.end as usize));
            }
        }
    }
}
