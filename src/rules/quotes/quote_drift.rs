//! Q002: the same quotation or quoted title given twice with different wording or capitals.

use std::collections::{HashMap, HashSet};

use crate::document::Article;
use crate::extract::quotes::{Quotation, QuoteKind, QuoteStyle};
use crate::rules::{Check, Context, declare_rule};
use crate::source::Span;

/// Q002 quote-drift.
#[derive(Debug, Default)]
pub struct QuoteDrift;

declare_rule! {
    /// ## What it checks
    /// A quotation or quoted title that appears twice in the article with different words or
    /// different capitals. Identical repeats are fine, and so is a shorter partial quote that is
    /// an exact run of a longer one. Single quoted words and short phrases are left alone; a
    /// change of wording is reported for quotations of eight words or more, and a word slipped
    /// into a quotation of five words or more (`Trump can go to hell`, then `Trump can really
    /// go to hell`); a swapped word in a short one may be another statement, and so is an added
    /// `not`. A heading that capitalizes every word, small ones too (`"Up To The Mountain":`),
    /// does not differ in case from the same words in a sentence, and a short phrase said by two
    /// different named people (`"No, no," Ann Lee said` and `"No, No," Tom Berg said`) is two
    /// quotations.
    ///
    /// ## Why it matters
    /// A quotation is a promise that these were the exact words. When the lead and the body
    /// disagree, at least one of them is wrong, and readers notice titles that change case.
    ///
    /// ## Example
    /// ```markdown
    /// The institute released a report titled “Work Together for a More Just World Order.”
    ///
    /// Speakers praised the report, “Work together for a More Just World Order,” at the forum.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// The institute released a report titled “Work Together for a More Just World Order.”
    ///
    /// Speakers praised the report, “Work Together for a More Just World Order,” at the forum.
    /// ```
    ///
    /// ## Options
    /// None.
    QuoteDrift {
        code: "Q002",
        name: "quote-drift",
        category: Quotes,
        severity: Error,
        summary: "the same quotation given twice with different wording or capitalization",
        layers: [Quotes, Speakers],
    }
}

/// Fewest words for a case-only difference to count.
const MIN_WORDS_FOR_CASE: usize = 3;
/// Fewest words for a change of wording to count.
const MIN_WORDS_FOR_WORDING: usize = 8;
/// Fewest words for one word added to a shorter quotation to count.
const MIN_WORDS_FOR_INSERTION: usize = 5;
/// Longest quotation compared word by word (longer ones are compared for case only).
const MAX_WORDS_FOR_WORDING: usize = 400;

/// One quotation prepared for comparison.
pub(super) struct Prepared<'t> {
    pub index: usize,
    pub words: Vec<&'t str>,
    /// The words in lower case, made the first time a pair is compared: most quotations meet
    /// no other with the same first or last words.
    lower: std::cell::OnceCell<Vec<String>>,
    /// Where each word is in the file.
    pub spans: Vec<Span>,
}

impl Prepared<'_> {
    /// The words in lower case.
    fn lower(&self) -> &[String] {
        self.lower
            .get_or_init(|| self.words.iter().map(|w| w.to_lowercase()).collect())
    }

    /// Words `range` in lower case, joined by spaces: a key for candidates.
    fn key(&self, range: std::ops::Range<usize>) -> String {
        let words = self.words.get(range).unwrap_or_default();
        words
            .iter()
            .map(|w| w.to_lowercase())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The span from the first to the last of the words `range` (a single word when empty).
    fn span_of(&self, range: std::ops::Range<usize>) -> Span {
        let last = self.spans.len().saturating_sub(1);
        let first = range.start.min(last);
        let end = range.end.saturating_sub(1).max(first).min(last);
        match (self.spans.get(first), self.spans.get(end)) {
            (Some(a), Some(b)) => Span {
                start: a.start,
                end: b.end,
            },
            _ => Span::default(),
        }
    }
}

/// How two quotations of one article compare.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Comparison {
    /// Word for word the same (capitals included), or one is a run of the other.
    Same,
    /// The same words with different capitals at these word positions of the later one.
    Case(Vec<usize>),
    /// A few words differ: the word ranges of the first difference in the earlier and the
    /// later quotation.
    Wording(std::ops::Range<usize>, std::ops::Range<usize>),
    /// Different quotations.
    Different,
}

/// Most earlier quotations kept as candidates under one key. Real articles repeat a quotation's
/// opening words a handful of times; a cap keeps text that repeats them thousands of times
/// linear.
const MAX_CANDIDATES_PER_KEY: usize = 32;

/// The quotations worth comparing, with candidate earlier quotations found through their first
/// and last three words (so the cost stays near-linear). A quotation identical to an earlier one
/// (same words, same capitals, same speaker) is paired with that one only, and each key keeps at
/// most [`MAX_CANDIDATES_PER_KEY`] distinct earlier quotations.
pub(super) fn candidate_pairs<'t>(
    article: &Article<'t>,
    keep: impl Fn(&Quotation) -> bool,
) -> (Vec<Prepared<'t>>, Vec<(usize, usize)>) {
    let text = article.text;
    let quotations = &article.quotes.quotations;
    let prepared: Vec<Prepared<'t>> = quotations
        .iter()
        .enumerate()
        // A straight `'` is read as a mark only where it plainly is one; its quotations are not
        // sure enough to compare.
        .filter(|(_, q)| q.style != QuoteStyle::StraightSingle && keep(q))
        .map(|(index, q)| {
            let (words, spans) = outside_brackets(text, q.words(text));
            Prepared {
                index,
                words,
                lower: std::cell::OnceCell::new(),
                spans,
            }
        })
        .filter(|p| p.words.len() >= MIN_WORDS_FOR_CASE)
        .collect();
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    let mut distinct: HashSet<(&[&str], Option<&str>)> = HashSet::new();
    let mut pairs = Vec::new();
    for (position, p) in prepared.iter().enumerate() {
        let speaker = quotations[p.index]
            .speaker
            .as_ref()
            .map(|s| s.name.as_str());
        // A copy meets the same earlier quotations as its original, but is not kept as a
        // candidate itself: the keys hold distinct quotations only.
        let copy = !distinct.insert((p.words.as_slice(), speaker));
        let keys = [
            format!("<{}", p.key(0..3)),
            format!(">{}", p.key(p.words.len() - 3..p.words.len())),
        ];
        let mut seen = Vec::new();
        for key in &keys {
            if let Some(earlier) = by_key.get(key) {
                for &e in earlier {
                    if !seen.contains(&e) {
                        seen.push(e);
                        pairs.push((e, position));
                    }
                }
            }
        }
        if copy {
            continue;
        }
        for key in keys {
            let earlier = by_key.entry(key).or_default();
            if earlier.len() < MAX_CANDIDATES_PER_KEY {
                earlier.push(position);
            }
        }
    }
    (prepared, pairs)
}

/// The words of a quotation with their spans, leaving out an editor's insertion in square
/// brackets (`“If I debated him [Sanders], …”`): it is not the speaker's wording.
fn outside_brackets<'t>(text: &'t str, words: Vec<&'t str>) -> (Vec<&'t str>, Vec<Span>) {
    let mut kept = Vec::with_capacity(words.len());
    let mut spans = Vec::with_capacity(words.len());
    let mut depth = 0usize;
    let mut previous_end: Option<usize> = None;
    for word in words {
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        let end = start + word.len();
        let gap = previous_end.map_or("", |from| text.get(from..start).unwrap_or(""));
        for c in gap.chars().chain(word.chars()) {
            match c {
                '[' => depth += 1,
                ']' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        let opened_here = word.starts_with('[');
        if depth == 0 && !opened_here && !word.ends_with(']') {
            kept.push(word);
            spans.push(Span::new(start, end));
        }
        previous_end = Some(end);
    }
    (kept, spans)
}

/// Compare an earlier and a later quotation.
pub(super) fn compare(earlier: &Prepared, later: &Prepared) -> Comparison {
    if earlier.lower() == later.lower() {
        let differing: Vec<usize> = earlier
            .words
            .iter()
            .zip(&later.words)
            .enumerate()
            .filter(|(i, (a, b))| a != b && !(*i == 0 && same_but_first_letter(a, b)))
            .map(|(i, _)| i)
            .collect();
        // A heading capitalizes every word, small ones too (`"Up To The Mountain":`): the
        // same words in a sentence are the same quotation.
        return if differing.is_empty()
            || headline_case(&earlier.words) != headline_case(&later.words)
        {
            Comparison::Same
        } else {
            Comparison::Case(differing)
        };
    }
    if is_run_of(earlier.lower(), later.lower()) || is_run_of(later.lower(), earlier.lower()) {
        return Comparison::Same;
    }
    let shortest = earlier.lower().len().min(later.lower().len());
    let longest = earlier.lower().len().max(later.lower().len());
    // A short quotation given again with one word slipped in (`Trump can go to hell` and
    // `Trump can really go to hell`) is the same quotation; one with a word swapped (`We will
    // open on Saturday`, `… on Sunday`) may well be another.
    if (MIN_WORDS_FOR_INSERTION..MIN_WORDS_FOR_WORDING).contains(&shortest)
        && (one_word_inserted(earlier.lower(), later.lower())
            || one_word_inserted(later.lower(), earlier.lower()))
    {
        if let Some((a, b)) = first_difference(earlier.lower(), later.lower(), 1) {
            return Comparison::Wording(a, b);
        }
    }
    if shortest < MIN_WORDS_FOR_WORDING || longest > MAX_WORDS_FOR_WORDING {
        return Comparison::Different;
    }
    let allowed = (shortest / 8).clamp(1, 3);
    match first_difference(earlier.lower(), later.lower(), allowed) {
        Some((a, b)) => Comparison::Wording(a, b),
        None => Comparison::Different,
    }
}

/// Whether every word of a quotation starts with a capital, small words such as `to`, `the`
/// and `is` included, as a live blog's or a wire service's headings write them (`The Door Is
/// Right Behind You`); a title that keeps its small words lower-case is not in headline case.
fn headline_case(words: &[&str]) -> bool {
    let capitalized = |w: &&str| w.chars().next().is_some_and(char::is_uppercase);
    let small = |w: &&str| {
        matches!(
            w.to_lowercase().as_str(),
            "a" | "an"
                | "the"
                | "to"
                | "of"
                | "in"
                | "on"
                | "at"
                | "by"
                | "for"
                | "from"
                | "with"
                | "and"
                | "or"
                | "is"
                | "are"
                | "up"
        )
    };
    let lettered = || words.iter().filter(|w| w.starts_with(char::is_alphabetic));
    lettered().all(capitalized) && lettered().any(small)
}

/// Whether two words differ only in the case of their first letter. A quotation's first word
/// takes a capital when the quotation opens a sentence and none when it runs on from the
/// writer's words (`said “we lost”` … `“We lost”`): that is the writer's grammar, not drift.
fn same_but_first_letter(a: &str, b: &str) -> bool {
    let mut a_chars = a.chars();
    let mut b_chars = b.chars();
    match (a_chars.next(), b_chars.next()) {
        (Some(x), Some(y)) => x.to_lowercase().eq(y.to_lowercase()) && a_chars.eq(b_chars),
        _ => false,
    }
}

/// Whether `long` is `short` with one word added inside it, other than a negation (`we will
/// not open` says something else).
fn one_word_inserted(short: &[String], long: &[String]) -> bool {
    if long.len() != short.len() + 1 {
        return false;
    }
    let prefix = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    prefix < short.len()
        && long[prefix + 1..] == short[prefix..]
        && !matches!(long[prefix].as_str(), "not" | "no" | "never" | "n't")
}

/// Whether `short` is a contiguous run of the longer `long` (Knuth-Morris-Pratt, linear in both).
fn is_run_of(short: &[String], long: &[String]) -> bool {
    if short.len() >= long.len() {
        return false;
    }
    if short.is_empty() {
        return true;
    }
    // failure[i]: length of the longest proper prefix of short[..=i] that is also its suffix.
    let mut failure = vec![0usize; short.len()];
    let mut k = 0;
    for i in 1..short.len() {
        while k > 0 && short[i] != short[k] {
            k = failure[k - 1];
        }
        if short[i] == short[k] {
            k += 1;
        }
        failure[i] = k;
    }
    let mut matched = 0;
    for word in long {
        while matched > 0 && *word != short[matched] {
            matched = failure[matched - 1];
        }
        if *word == short[matched] {
            matched += 1;
            if matched == short.len() {
                return true;
            }
        }
    }
    false
}

/// When the word sequences differ by at most `allowed` edits, the first differing stretch of
/// each (as word ranges, with one word of context before when there is one).
fn first_difference(
    a: &[String],
    b: &[String],
    allowed: usize,
) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    if a.len().abs_diff(b.len()) > allowed || edit_distance_within(a, b, allowed).is_none() {
        return None;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let start = prefix.saturating_sub(1);
    Some((start..a.len() - suffix, start..b.len() - suffix))
}

/// The Levenshtein distance over words when it is at most `limit`, computed only in the diagonal
/// band `limit` wide on either side (linear in the length for a fixed limit).
fn edit_distance_within(a: &[String], b: &[String], limit: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > limit {
        return None;
    }
    const FAR: usize = usize::MAX / 2;
    let width = 2 * limit + 1;
    // Row i, band slot d holds the distance between a[..i] and b[..j] with j = i + d - limit.
    let column = |i: usize, d: usize| (i + d).checked_sub(limit).filter(|&j| j <= b.len());
    let mut previous: Vec<usize> = (0..width).map(|d| column(0, d).unwrap_or(FAR)).collect();
    let mut current = vec![FAR; width];
    for i in 1..=a.len() {
        for d in 0..width {
            current[d] = match column(i, d) {
                None => FAR,
                Some(0) => i,
                Some(j) => {
                    let substitution = previous[d] + usize::from(a[i - 1] != b[j - 1]);
                    let insertion = d.checked_sub(1).map_or(FAR, |left| current[left] + 1);
                    let deletion = previous.get(d + 1).map_or(FAR, |up| up + 1);
                    substitution.min(insertion).min(deletion)
                }
            };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    let distance = previous[b.len() + limit - a.len()];
    (distance <= limit).then_some(distance)
}

impl Check for QuoteDrift {
    fn check(&self, article: &Article, cx: &mut Context) {
        let quotations = &article.quotes.quotations;
        let (prepared, pairs) = candidate_pairs(article, |q| q.kind != QuoteKind::Term);
        let mut reported = vec![false; prepared.len()];
        for (e, l) in pairs {
            if reported[l] {
                continue;
            }
            let (earlier, later) = (&prepared[e], &prepared[l]);
            let first = &quotations[earlier.index];
            // A short phrase in the mouths of two named people (`"No, no, no," Kasich said`,
            // `"No, no," she told Oprah`) is two quotations, not one quoted twice.
            let speakers = (&first.speaker, &quotations[later.index].speaker);
            if let (Some(a), Some(b)) = speakers
                && !a.name.eq_ignore_ascii_case(&b.name)
                && earlier.words.len().min(later.words.len()) < MIN_WORDS_FOR_WORDING
            {
                continue;
            }
            let what = if first.kind == QuoteKind::Title {
                "title"
            } else {
                "quotation"
            };
            match compare(earlier, later) {
                Comparison::Case(positions) => {
                    let at = positions[0];
                    let from = at.saturating_sub(1);
                    let here = later.words[from..=at].join(" ");
                    let there = earlier.words[from..=at].join(" ");
                    cx.report(
                        later.span_of(at..at + 1),
                        format!("{what} reads “{here}” here but “{there}” earlier"),
                    )
                    .label(earlier.span_of(at..at + 1), "first quoted here")
                    .help("quote the words exactly the same way both times");
                }
                Comparison::Wording(there, here) => {
                    let render = |p: &Prepared, r: &std::ops::Range<usize>| {
                        p.words
                            .get(r.clone())
                            .map(|w| w.join(" "))
                            .unwrap_or_default()
                    };
                    cx.report(
                        later.span_of(here.clone()),
                        format!(
                            "{what} reads “{}” here but “{}” earlier",
                            render(later, &here),
                            render(earlier, &there)
                        ),
                    )
                    .label(earlier.span_of(there), "first quoted here")
                    .help(
                        "check the words against the source and quote them the same way both times",
                    );
                }
                Comparison::Same | Comparison::Different => continue,
            }
            reported[l] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{edit_distance_within, is_run_of};
    use crate::testing::codes_in;

    fn words(text: &str) -> Vec<String> {
        text.split(' ').map(str::to_owned).collect()
    }

    /// The full Levenshtein distance over words, for checking the banded one.
    fn full_distance(a: &[String], b: &[String]) -> usize {
        let mut previous: Vec<usize> = (0..=b.len()).collect();
        for i in 1..=a.len() {
            let mut current = vec![i; b.len() + 1];
            for j in 1..=b.len() {
                current[j] = (previous[j - 1] + usize::from(a[i - 1] != b[j - 1]))
                    .min(previous[j] + 1)
                    .min(current[j - 1] + 1);
            }
            previous = current;
        }
        previous[b.len()]
    }

    #[test]
    fn banded_distance_agrees_with_the_full_one_within_its_limit() {
        let texts = [
            "a b c d e f g h",
            "a b x d e f g h",
            "a b c d e f g",
            "b c d e f g h i",
            "a a a a a a a a",
            "h g f e d c b a",
            "a b c",
            "",
        ];
        for x in texts {
            for y in texts {
                let (a, b) = (words(x), words(y));
                let full = full_distance(&a, &b);
                for limit in 0..4 {
                    let expected = (full <= limit).then_some(full);
                    assert_eq!(
                        edit_distance_within(&a, &b, limit),
                        expected,
                        "{x} | {y} | {limit}"
                    );
                }
            }
        }
    }

    #[test]
    fn runs_are_found_in_linear_time_and_exactly() {
        let long = words("a a a b a a a a b c");
        assert!(is_run_of(&words("a a b c"), &long));
        assert!(is_run_of(&words("a a a a b"), &long));
        assert!(!is_run_of(&words("a b b"), &long));
        assert!(
            !is_run_of(&long, &long),
            "a quotation is not a run of itself"
        );
    }

    #[test]
    fn quick_cases() {
        let fails = [
            "A report titled « Work together in Pursuit of Peace. »\n\nThe report « Work Together in Pursuit of Peace » was released.",
            "“We will build the bridge before the winter rains come to the valley,” he said.\n\nLater he repeated: “We will build the bridge before the spring rains come to the valley.”",
        ];
        let passes = [
            "“We will build the bridge,” he said. Later: “We will build the bridge.”",
            "“We will build the bridge before the winter rains,” he said. He added: “the bridge before the winter rains” was the plan.",
            "The « wordless » face and the « Wordless » face.",
            "“We are very happy with the result,” said Ann. “We are very happy with the draw,” said Bo.",
        ];
        for text in fails {
            assert!(codes_in(text).contains(&"Q002"), "{text}");
        }
        for text in passes {
            assert!(!codes_in(text).contains(&"Q002"), "{text}");
        }
    }
}
