//! The scanner: one sentence's tokens read left to right, the primitives its readers share, and
//! what is attached once the sentence is read.

use crate::lexicon::Class;
use crate::source::Span;

use super::tokens::{Kind, Token};
use super::types::{Dates, RelativeKind};
use super::words::{normalize, weekday_of};

pub(super) struct Scanner<'a, 't> {
    pub(super) tokens: &'a [Token<'t>],
    pub(super) sentence: usize,
    pub(super) out: &'a mut Dates,
    /// The lengths of the output lists when this sentence began: the mentions of this sentence
    /// are the ones past them, so nothing looks back over the whole article.
    pub(super) marks: Marks,
    /// Whether the sentence has a verb of change, once asked.
    pub(super) change_verb: Option<bool>,
}

#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Marks {
    pub(super) calendar: usize,
    pub(super) year_ranges: usize,
    pub(super) relatives: usize,
    pub(super) ago: usize,
    pub(super) periods: usize,
}

impl Marks {
    pub(super) fn of(out: &Dates) -> Self {
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
    pub(super) fn new(tokens: &'a [Token<'t>], sentence: usize, out: &'a mut Dates) -> Self {
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
    pub(super) fn tok(&self, i: usize) -> Option<Token<'t>> {
        self.tokens.get(i).copied()
    }

    pub(super) fn word_is(&self, i: usize, word: &str) -> bool {
        self.tok(i).is_some_and(|t| t.is(word))
    }

    pub(super) fn punct_is(&self, i: usize, c: char) -> bool {
        self.tok(i).is_some_and(|t| t.is_punct(c))
    }

    /// A month name at `i` (with the period of an abbreviation), and the index after it.
    pub(super) fn month_at(&self, i: usize) -> Option<(i8, usize)> {
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
    pub(super) fn day_at(&self, i: usize) -> Option<i8> {
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
    pub(super) fn year_at(&self, i: usize, allow_short: bool) -> Option<(i32, usize)> {
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
    pub(super) fn has_change_verb(&mut self) -> bool {
        *self
            .change_verb
            .get_or_insert_with(|| self.tokens.iter().any(|t| t.is_a(Class::DATE_CHANGE_VERB)))
    }

    /// Whether a word that makes a season or fiscal year ([`Class::SEASON_WORD`]) stands just
    /// before token `first` or at token `after` (`fiscal 2009-08`, `the 2009-08 season`).
    pub(super) fn season_word_beside(&self, first: usize, after: usize) -> bool {
        let before = first
            .checked_sub(1)
            .and_then(|p| self.tok(p))
            .is_some_and(|t| t.is_a(Class::SEASON_WORD));
        before || self.tok(after).is_some_and(|t| t.is_a(Class::SEASON_WORD))
    }

    /// Whether the sentence names a moment that a plan sets ([`Class::DATE_POINT_NOUN`]).
    pub(super) fn has_point_noun(&self) -> bool {
        self.tokens.iter().any(|t| t.is_a(Class::DATE_POINT_NOUN))
    }

    /// A five-digit number where a date expects its year (`May 20014,`), recorded; the index
    /// after it. Only a number that ends the clause, and that loses one of a doubled digit to
    /// become a year of the last two centuries (`20014` for 2014), counts: `May 20000 people`
    /// is a quantity.
    pub(super) fn long_year_at(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn era_at(&self, i: usize) -> (Option<bool>, usize) {
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
    pub(super) fn name_before(&self, i: usize) -> Option<(String, Span)> {
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
    pub(super) fn name_after(&self, i: usize) -> Option<(String, Span, usize)> {
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

    pub(super) fn scan(&mut self) {
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
    pub(super) fn attach_period_ranges(&mut self) {
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

    /// After the sentence is read: a weekday or a date in apposition to each relative day of this
    /// sentence (`yesterday (Thursday)`, `yesterday, Nov. 27,`, `last Saturday, Nov. 21`).
    pub(super) fn attach_relatives(&mut self) {
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
}
