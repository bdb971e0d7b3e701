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
//!
//! The module is cut by concern: `types` holds the mentions it finds, `tokens` cuts text
//! into tokens, `words` reads what the lexicon says of them, `scanner` walks a sentence's
//! tokens, with its readers of calendar dates (`calendar`), years and year ranges (`years`)
//! and the other mentions (`mentions`), and `dateline` finds the article date.

mod calendar;
mod dateline;
mod mentions;
mod scanner;
mod tokens;
mod types;
mod words;
mod years;

use std::collections::HashMap;

use crate::source::Span;
use crate::text::Tokens;

pub use dateline::article_date;
pub use types::{
    Age, Ago, Anniversary, CalendarDate, DateForm, DateOrder, Dates, DayRange, Duration, Event,
    EventKey, EventKind, PeriodMention, RangeForm, Relative, RelativeKind, TimeUnit, YearMention,
    YearRange,
};
pub use words::{month_name, weekday_name};

use dateline::{Dateline, dateline};
use scanner::Scanner;
use tokens::view_into;

/// Find the date mentions in an article's blocks.
pub fn extract(
    shared: &Tokens,
    sentences: &[Vec<Span>],
    order: DateOrder,
    locale: Option<&str>,
) -> Dates {
    let mut out = Dates {
        dateline_day: dateline(shared).and_then(|d| match d {
            Dateline::Partial(m, d) => Some((m, d)),
            Dateline::Full(_) => None,
        }),
        ..Dates::default()
    };
    let mut sentence_base = 0;
    let mut tokens = Vec::new();
    for b in 0..shared.block_count() {
        view_into(shared.block(b), usize::MAX, &mut tokens);
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

#[cfg(test)]
mod tests {
    use jiff::civil::Weekday;

    use super::tokens::{Kind, Token};
    use super::words::{event_kind, unit_of};
    use super::*;
    use crate::lexicon::{self, Class};
    use crate::parse::{Syntax, parse};

    fn dates_of(text: &str) -> Dates {
        let (blocks, _) = crate::testing::plain_blocks(text);
        let (tokens, sentences) = Tokens::build(text, &blocks);
        extract(&tokens, &sentences, DateOrder::Auto, None)
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
        let (tokens, _) = Tokens::build(text, &parsed.blocks);
        assert_eq!(article_date(&tokens, None, None), None);
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
            let (tokens, _) = Tokens::build(text, &parsed.blocks);
            assert_eq!(article_date(&tokens, None, None), expected, "{text}");
        }
    }

    #[test]
    fn the_lexicon_knows_every_word_the_scanner_compares() {
        // Every word of the classes matched by name below (in `unit_of`, `event_for_year`)
        // has its meaning there, and the words matched by name in `relative_at` and `month_at`
        // are in the lexicon with the class the match reads.
        for entry in lexicon::entries() {
            let mut token = Token::new(Kind::Word, entry.word, 0);
            token.entry = Some(entry);
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
        assert!(lexicon::lookup("pineapple").is_none());
        let text = "On Thursday, Nov. 28 the FROM twenty-five élan don’t 3rd 1,995.5";
        let (parsed, _) = parse(text, Syntax::Plain);
        let (shared, _) = Tokens::build(text, &parsed.blocks);
        let mut tokens = Vec::new();
        view_into(shared.block(0), usize::MAX, &mut tokens);
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
