//! Durations, years ago, relative days, anniversaries, ages and named periods.

use crate::lexicon::Class;
use crate::source::Span;

use super::scanner::Scanner;
use super::tokens::Kind;
use super::types::{
    Age, Ago, Anniversary, Duration, Event, PeriodMention, Relative, RelativeKind, TimeUnit,
};
use super::words::{amount_at, ordinal_at, unit_of, weekday_of};

impl<'t> Scanner<'_, 't> {
    /// `N years ago` at `i`; its index in [`super::Dates::ago`].
    pub(super) fn try_ago(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn try_duration(&mut self, i: usize) {
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
    pub(super) fn try_relative(&mut self, i: usize) {
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

    /// `the 10th anniversary`, `Taoxichuan's 10th anniversary`, `the tenth anniversary of the
    /// founding of Taoxichuan`.
    pub(super) fn try_anniversary(&mut self, i: usize) {
        if !self
            .tok(i + 1)
            .is_some_and(|t| t.is_a(Class::ANNIVERSARY_NOUN))
        {
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
    pub(super) fn try_age(&mut self, i: usize) {
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

    /// A named period: `Song Dynasty`.
    pub(super) fn try_period(&mut self, i: usize) {
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
