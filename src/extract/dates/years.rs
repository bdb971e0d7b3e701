//! Years, ranges of years and the events they date.

use crate::lexicon::Class;
use crate::source::Span;

use super::scanner::Scanner;
use super::tokens::Kind;
use super::types::{Event, EventKey, EventKind, RangeForm, YearMention, YearRange};
use super::words::event_kind;

impl<'t> Scanner<'_, 't> {
    /// `1368-1644`, `(960-1279)`, `475-221 BC`, `2025-26`, `from 2012 to 2016`, `between 2012
    /// and 2016`.
    pub(super) fn try_year_range(&mut self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        if t.is("from") || t.is("between") {
            return self.try_worded_range(i);
        }
        if t.kind != Kind::Number {
            return None;
        }
        self.try_dashed_range(i)
    }

    /// `from 2015 to 2018`, `between 2015 and 2018` at token `i`; the index after it.
    fn try_worded_range(&mut self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
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
        // `between 2015 and 2012 levels` compares two years' levels.
        if self
            .tok(end_after)
            .is_some_and(|n| n.is_a(Class::YEAR_MODIFIED_NOUN))
        {
            return None;
        }
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
        Some(end_after)
    }

    /// `2015-18`, `1990–2005`, `475-221 BC`, a season `2025-26` or `2019/18` at the number token
    /// `i`; the index after it.
    fn try_dashed_range(&mut self, i: usize) -> Option<usize> {
        let t = self.tok(i)?;
        let opens_paren = i > 0 && self.punct_is(i - 1, '(');
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
            return self.push_season(i, after, start, season);
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

    /// The season or fiscal year `2025-26` whose first year `start` is token `i` and whose dash
    /// is token `after`; `season` when a word beside it says it is one. The index after it.
    fn push_season(&mut self, i: usize, after: usize, start: i32, season: bool) -> Option<usize> {
        let t = self.tok(i)?;
        let second = self.tok(after + 1)?;
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
        Some(after + 2)
    }

    /// A standalone year, and the events it dates.
    pub(super) fn try_year(&mut self, i: usize) -> Option<usize> {
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
    pub(super) fn event_for_year(
        &mut self,
        in_index: usize,
        year: i32,
        year_span: Span,
        continues: bool,
    ) {
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
    pub(super) fn event_before(&self, i: usize) -> Option<(EventKey, Span)> {
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
}
