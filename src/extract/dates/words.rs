//! Vocabulary: what the lexicon's words mean to the date scanner.

use jiff::civil::Weekday;

use crate::lexicon::{self, Class, Entry};

use super::tokens::{Kind, Token};
use super::types::{EventKind, TimeUnit};

/// The classes of the words that may start a pattern of the scanner (see [`super::scanner::Scanner::scan`]),
/// with the amounts (see [`amount_of`]).
pub(super) const STARTS: Class = Class::MONTH
    .union(Class::MONTH_ABBREVIATION)
    .union(Class::WEEKDAY)
    .union(Class::WEEKDAY_ABBREVIATION)
    .union(Class::WEEKDAY_TWO_LETTERS)
    .union(Class::ORDINAL)
    .union(Class::PERIOD_HEAD)
    .union(Class::DATE_PATTERN_START);

/// `a` or `an` in [`Token::amount`].
pub(super) const AMOUNT_ARTICLE: u8 = 100;

/// The amount a single word spells, for [`Token::amount`]: 1-20 for `zero`-`nineteen` (the
/// value plus one); 21-28 for `twenty`-`ninety`; [`AMOUNT_ARTICLE`] for `a`, `an`; 0 for none.
pub(super) fn amount_of(entry: &Entry) -> u8 {
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
pub(super) struct StartFilter(Vec<u64>);

/// The bit of [`StartFilter`] for a word's first and last byte and its length.
pub(super) fn start_bit(first: u8, last: u8, len: usize) -> Option<usize> {
    let letter = |x: u8| {
        let l = x | 0x20;
        l.is_ascii_lowercase().then(|| usize::from(l - b'a'))
    };
    (len <= 16).then_some(())?;
    Some((len * 26 + letter(first)?) * 26 + letter(last)?)
}

impl StartFilter {
    pub(super) fn get() -> &'static StartFilter {
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
    pub(super) fn may_start(&self, first: u8, last: u8, len: usize) -> bool {
        start_bit(first, last, len)
            .and_then(|bit| self.0.get(bit / 64).map(|w| w >> (bit % 64) & 1 == 1))
            .unwrap_or(false)
    }
}

/// The weekday of the lexicon's number 1 (Monday) to 7.
pub(super) fn weekday_from(day: u8) -> Option<Weekday> {
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

pub(super) fn weekday_of(token: &Token) -> Option<Weekday> {
    if !token.capitalized() || token.weekday == 0 {
        return None;
    }
    weekday_from(token.weekday)
}

/// The weekday a capitalized word names, in full or abbreviated (`Thursday`, `Thu`, `Thurs.`),
/// and two-letter abbreviations (`Th`) too when `two_letters`.
pub(super) fn weekday_written(token: &Token, two_letters: bool) -> Option<Weekday> {
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
pub(super) fn dotted_parts(text: &str) -> Option<[(u64, u8); 3]> {
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
pub(super) fn off_calendar(day: u64) -> bool {
    day == 0 || (32..=39).contains(&day)
}

/// A spelled or written amount at `i` (`two`, `twenty-five`, `25`, `a`), with the index after it.
pub(super) fn amount_at(tokens: &[Token], i: usize) -> Option<(u32, usize)> {
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

pub(super) fn ordinal_at(token: &Token) -> Option<u32> {
    if token.kind == Kind::Number && token.ordinal {
        return u32::try_from(token.value).ok();
    }
    let entry = token.entry().filter(|e| e.is(Class::ORDINAL))?;
    entry.value.map(|v| v as u32)
}

/// The kind of event an event verb ([`Class::EVENT_VERB`]) dates.
pub(super) fn event_kind(entry: &Entry) -> Option<EventKind> {
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
pub(super) fn unit_of(token: &Token) -> Option<(TimeUnit, u32)> {
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
pub(super) fn normalize(words: &[&str]) -> String {
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
