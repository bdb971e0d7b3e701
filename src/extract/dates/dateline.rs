//! The article date: front matter, else a dateline at the start of the body, else the default.

use jiff::civil::Date;

use crate::text::Tokens;

use super::scanner::Scanner;
use super::tokens::{Kind, Token, view_into};
use super::types::{CalendarDate, Dates};

pub(super) enum Dateline {
    Full(Date),
    Partial(i8, i8),
}

/// How many tokens of a block are enough to read a dateline at its start: a date reads at most
/// 16 tokens past its first, and the dash of a dateline must follow it within 8 more.
pub(super) const DATELINE_TOKENS: usize = 48;

/// What the first tokens of a block say about a dateline.
pub(super) enum DatelineRead {
    /// A dateline (or a date that cannot be one, which ends the search).
    Found(Option<Dateline>),
    /// No dateline in this block.
    Nothing,
    /// The tokens read are not enough to tell.
    Unsure,
}

/// Read a dateline from the first blocks: `BEIJING, Nov. 27 (Xinhua) --`, `WASHINGTON, Nov. 27,
/// 2026 /PRNewswire/ --`, or a date on a line of its own (`Saturday, January 5, 2019`).
pub(super) fn dateline(shared: &Tokens) -> Option<Dateline> {
    let mut tokens = Vec::new();
    for block in (0..shared.block_count().min(3)).map(|b| shared.block(b)) {
        // Both forms start with a number, a month, a weekday or a word in capitals.
        view_into(block, 1, &mut tokens);
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
        let truncated = view_into(block, DATELINE_TOKENS, &mut tokens);
        let mut read = dateline_in(&tokens, truncated);
        if matches!(read, DatelineRead::Unsure) {
            view_into(block, usize::MAX, &mut tokens);
            read = dateline_in(&tokens, false);
        }
        if let DatelineRead::Found(found) = read {
            return found;
        }
    }
    None
}

/// A dateline at the start of a block's tokens; `truncated` when the block goes on past them.
pub(super) fn dateline_in(tokens: &[Token], truncated: bool) -> DatelineRead {
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

pub(super) fn to_dateline(d: &CalendarDate) -> Option<Dateline> {
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
    tokens: &Tokens,
    front_matter: Option<Date>,
    default: Option<Date>,
) -> Option<Date> {
    front_matter
        .or_else(|| match dateline(tokens) {
            Some(Dateline::Full(d)) => Some(d),
            _ => None,
        })
        .or(default)
}
