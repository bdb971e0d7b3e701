//! D004: one event or entity given two different years, or a year outside the entity's span.

use std::collections::HashMap;

use crate::document::Article;
use crate::extract::dates::{EventKind, index_by};
use crate::lexicon::{self, Class};
use crate::rules::dates::written;
use crate::rules::{Check, Context, declare_rule};

/// D004 year-conflict.
#[derive(Debug, Default)]
pub struct YearConflict;

declare_rule! {
    /// ## What it checks
    /// One event of one named entity dated twice with different years (`Taoxichuan opened in
    /// 2016` … `Taoxichuan, which opened in 2015`): founding, opening, building, launching,
    /// birth and death. Different events of the same thing (`work began in 2012`, `opened in
    /// 2016`) are not compared. It also checks a year set in a named period whose span the
    /// article gives (`in 1404, an emperor of the Song Dynasty (960-1279)`).
    ///
    /// ## Why it matters
    /// Two years for one event means at least one is wrong; a year outside the period it is set
    /// in is an anachronism readers notice.
    ///
    /// ## Example
    /// ```markdown
    /// Taoxichuan opened in 2016 on the site of an old porcelain factory.
    ///
    /// Visitors have flocked to Taoxichuan, which opened in 2015, ever since.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// Taoxichuan opened in 2016 on the site of an old porcelain factory.
    ///
    /// Visitors have flocked to Taoxichuan, which opened in 2016, ever since.
    /// ```
    ///
    /// ## Options
    /// None.
    YearConflict {
        code: "D004",
        name: "year-conflict",
        category: Dates,
        severity: Error,
        summary: "one event or entity given two different years, or a year outside its span",
        layers: [Dates],
    }
}

/// The word right before `suffix` (compared in any case) at the end of `text`: `emperor` in
/// `an emperor of the `.
fn word_before<'t>(text: &'t str, suffix: &str) -> Option<&'t str> {
    let cut = text.len().checked_sub(suffix.len())?;
    let (head, tail) = (text.get(..cut)?, text.get(cut..)?);
    if !tail.eq_ignore_ascii_case(suffix) {
        return None;
    }
    head.rsplit(|c: char| !c.is_alphabetic()).next()
}

impl Check for YearConflict {
    fn check(&self, article: &Article, cx: &mut Context) {
        let dates = &article.dates;
        let text = article.text;
        let mut first_by_key = HashMap::new();
        // People are named in full once, then by surname: `Anna Berg was born` … `Berg, who
        // was born`. A surname stands for a full name only when one person of that surname is
        // named in the article's dates and events, and only after that person's full mention.
        let mut full_names: HashMap<&str, Vec<&str>> = HashMap::new();
        let people = dates
            .events
            .iter()
            .filter(|e| matches!(e.key.kind, EventKind::Born | EventKind::Died))
            .map(|e| e.key.entity.as_str())
            .chain(dates.ages.iter().map(|a| a.person.as_str()));
        for person in people {
            if let Some((_, surname)) = person.rsplit_once(' ') {
                let names = full_names.entry(surname).or_default();
                if !names.contains(&person) {
                    names.push(person);
                }
            }
        }
        let mut seen_full: HashMap<&str, ()> = HashMap::new();
        for event in &dates.events {
            let mut key = event.key.clone();
            if matches!(key.kind, EventKind::Born | EventKind::Died) {
                if key.entity.contains(' ') {
                    seen_full.insert(event.key.entity.as_str(), ());
                } else if let Some([full]) =
                    full_names.get(event.key.entity.as_str()).map(Vec::as_slice)
                {
                    if seen_full.contains_key(full) {
                        key.entity = (*full).to_owned();
                    }
                }
            }
            let Some(first) = first_by_key.get(&key).copied() else {
                first_by_key.insert(key, event);
                continue;
            };
            if first.year != event.year {
                cx.report(
                    event.year_span,
                    format!(
                        "the year {} {} is given as {} here but as {} earlier",
                        event.key.entity,
                        event.key.kind.phrase(),
                        event.year,
                        first.year
                    ),
                )
                .label(first.year_span, "first stated here")
                .help("make both years agree, or say why they differ");
            }
        }
        // Years set in a named period whose span the article gives.
        let spans: HashMap<&str, usize> = dates
            .periods
            .iter()
            .filter_map(|p| Some((p.name.as_str(), p.range?)))
            .collect();
        if spans.is_empty() {
            return;
        }
        let years = index_by(&dates.years, |y| y.after_in.then_some(y.sentence));
        for period in &dates.periods {
            let Some(range) = spans
                .get(period.name.as_str())
                .and_then(|&r| dates.year_ranges.get(r))
            else {
                continue;
            };
            let Some([only]) = years.get(&period.sentence).map(Vec::as_slice) else {
                continue;
            };
            let Some(year) = dates.years.get(*only) else {
                continue;
            };
            let before = text.get(..period.span.start as usize).unwrap_or("");
            let set_in = word_before(before, " the ")
                .is_some_and(|w| lexicon::is(w, Class::PERIOD_PREPOSITION))
                || word_before(before, " of the ")
                    .is_some_and(|w| lexicon::is(w, Class::PERIOD_ROLE));
            if !set_in
                || year.span.end > period.span.start
                || period.span.start - year.span.end > 50
            {
                continue;
            }
            if year.year < range.start || year.year > range.end {
                cx.report(
                    year.span,
                    format!(
                        "{} falls outside the {} ({})",
                        written(text, year.span),
                        period.name,
                        written(text, range.span)
                    ),
                )
                .label(range.span, "the span given here")
                .help("check the year and the period it is set in");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::codes_in;

    #[test]
    fn quick_cases() {
        let fails = [
            "Taoxichuan opened in 2016 downtown. Crowds visit Taoxichuan, which opened in 2015.",
            "In 1404, an emperor of the Song Dynasty (960-1279) built a kiln.",
        ];
        let passes = [
            "Work began in 2012 on the site. Taoxichuan opened in 2016.",
            "In 1404, an emperor of the Ming Dynasty (1368-1644) built a kiln.",
            "Porcelain of the Ming Dynasty (1368-1644) was sold in 2019.",
        ];
        for text in fails {
            assert!(codes_in(text).contains(&"D004"), "{text}");
        }
        for text in passes {
            assert!(!codes_in(text).contains(&"D004"), "{text}");
        }
    }
}
