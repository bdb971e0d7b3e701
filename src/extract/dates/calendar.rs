//! Calendar dates and ranges of days: ISO, numeric and written dates, weekdays beside them,
//! day ranges with a dash or in words.

use jiff::civil::Weekday;

use crate::source::Span;

use super::scanner::Scanner;
use super::tokens::{Kind, Token};
use super::types::{CalendarDate, DateForm, DayRange};
use super::words::{dotted_parts, off_calendar, weekday_from, weekday_of, weekday_written};

impl<'t> Scanner<'_, 't> {
    /// `2026-11-27`.
    pub(super) fn try_iso(&mut self, i: usize, weekday: Option<(Weekday, Span)>) -> Option<usize> {
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
    /// whole article later ([`super::settle_numeric_order`]).
    pub(super) fn try_numeric(
        &mut self,
        i: usize,
        weekday: Option<(Weekday, Span)>,
    ) -> Option<usize> {
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
    pub(super) fn try_weekday_date(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn weekday_after(&self, i: usize) -> Option<((Weekday, Span), usize)> {
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
    pub(super) fn weekday_in_apposition(&self, k: usize) -> Option<(Weekday, Span)> {
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
    pub(super) fn record_date(
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
    pub(super) fn try_month_day(
        &mut self,
        i: usize,
        weekday: Option<(Weekday, Span)>,
    ) -> Option<usize> {
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
    pub(super) fn impossible_month_day(
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
    pub(super) fn try_day_month(
        &mut self,
        i: usize,
        weekday: Option<(Weekday, Span)>,
    ) -> Option<usize> {
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
    pub(super) fn day_month_range_end(
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
    pub(super) fn try_date_range(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn single_date_at(&mut self, i: usize) -> Option<usize> {
        let (dates, ranges) = (self.out.calendar.len(), self.out.day_ranges.len());
        let next = self
            .try_weekday_date(i)
            .or_else(|| self.try_month_day(i, None))
            .or_else(|| self.try_day_month(i, None))?;
        (self.out.calendar.len() == dates + 1 && self.out.day_ranges.len() == ranges)
            .then_some(next)
    }

    /// A bare day number at `i` (`10` of `from 10 to 14 May`).
    pub(super) fn bare_day_at(&self, i: usize) -> Option<i8> {
        let t = self.tok(i)?;
        let plain = t.kind == Kind::Number && (t.digits == 1 || t.digits == 2 || t.ordinal);
        (plain && (1..=31).contains(&t.value))
            .then(|| i8::try_from(t.value).ok())
            .flatten()
    }

    /// The rest of [`Scanner::try_date_range`] after `from` or `between` at `i`.
    pub(super) fn date_range_after(&mut self, i: usize, between: bool) -> Option<usize> {
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

    /// The full date (with a year) starting at `i`, without recording it.
    pub(super) fn peek_date(&mut self, i: usize) -> Option<(i32, i8, i8, Span)> {
        let before = self.out.calendar.len();
        self.try_month_day(i, None)
            .or_else(|| self.try_day_month(i, None))?;
        let date = self.out.calendar.get(before).cloned();
        self.out.calendar.truncate(before);
        let date = date?;
        Some((i32::from(date.year?), date.month, date.day, date.span))
    }
}
