//! N001: the same quantity given two incompatible values in one article.

use std::collections::HashMap;

use crate::document::Article;
use crate::extract::numbers::{Quantity, Unit};
use crate::lexicon::{self, Class};
use crate::rules::{Check, Context, declare_rule};

/// N001 figure-mismatch.
#[derive(Debug, Default)]
pub struct FigureMismatch;

declare_rule! {
    /// ## What it checks
    /// The same quantity given two values that cannot both be true: the same noun phrase
    /// (`net population inflow`, `jobs created`) with the same unit, where the values differ
    /// beyond rounding (`1.1 million` equals `1,100,000`) and beyond their hedges (`about`,
    /// `more than` and `nearly` make ranges). Figures in sentences tied to different periods
    /// (`last year`, `in 2019`), in sentences that compare or move figures (`rose`, `from`,
    /// `compared with`), and per-unit figures are left alone. Only restatements are compared:
    /// the two sentences must share much of their wording besides the figure, as when a lead
    /// is repeated in the body.
    ///
    /// A headline (or the front matter's `title`) is checked against the opening paragraphs:
    /// a figure in the headline that the story never gives, next to a figure of the same unit
    /// and scale in the lead that differs from it by one digit or by two neighbouring digits
    /// swapped (`Bank holds rates at 4.75%` over `held rates at 4.57%`), is reported. A headline
    /// may round (`$16bn` for `$16.6bn`), so a story figure within one unit of the headline's
    /// last digit agrees with it. The lead's first figure of that kind restates the headline's
    /// even when the story gives the headline's figure again later: one slip away from it, said
    /// of the same words (`38,000 jobs in May` over `added 38,700 jobs in May`) and written with
    /// more than one significant digit, it is reported.
    ///
    /// A figure converted twice must be converted alike: when one side of two bracketed
    /// conversions agrees (`€800m ($940m)` … `€800m ($980m)`) and the other differs beyond
    /// rounding and one unit of its last digit, the later one is reported.
    ///
    /// A figure restated with a slip in it needs less shared wording: two figures in digits
    /// one digit changed or two neighbouring digits swapped apart, with three significant
    /// digits or more, the same unit, scale and hedge and the same words after them
    /// (`2,350 people from their homes` … `2,530 people from their homes`), in sentences
    /// that share two more content words, open on the same subject, name no different people
    /// and give no different years, are reported. Percentages, bare years, the ends of a
    /// stated change, sentences that compare figures and sentences that give two figures of
    /// one kind are left alone.
    ///
    /// ## Why it matters
    /// Two values for one figure mean one of them is wrong, often by a transposed digit, and a
    /// reader who notices stops trusting every other number in the story.
    ///
    /// ## Example
    /// ```markdown
    /// Over the past decade, the city registered a net population inflow of 136,000, most of
    /// them young adults.
    ///
    /// Thanks to its arts scene, the city registered a net population inflow of 163,000 over
    /// the past decade, most of them young adults.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// Over the past decade, the city registered a net population inflow of 136,000, most of
    /// them young adults.
    ///
    /// Thanks to its arts scene, the city registered a net population inflow of 136,000 over
    /// the past decade, most of them young adults.
    /// ```
    ///
    /// ## Options
    /// None.
    FigureMismatch {
        code: "N001",
        name: "figure-mismatch",
        category: Numbers,
        severity: Error,
        summary: "the same quantity is given two different values",
        layers: [Numbers, Names],
    }
}

/// What identifies a figure: its noun phrase and unit.
fn key(q: &Quantity) -> Option<String> {
    if !q.is_quantity()
        || q.compound
        || q.range_high.is_some()
        || q.in_parens
        || q.paired
        || q.after_article && q.subject.is_none()
    {
        return None;
    }
    // A sum of money with no noun of its own is known by the words after it (`£450m for the
    // scheme`).
    let said_of = (matches!(q.unit, Some(Unit::Currency(_))) && q.next_words.len() >= 2)
        .then(|| q.next_words.join(" "));
    if matches!(q.unit, Some(Unit::Percent | Unit::PercentagePoints)) {
        return None;
    }
    let phrase = q
        .subject
        .as_deref()
        .filter(|s| !lexicon::is(s, Class::GENERIC_NOUN))
        .or(q.counted.as_deref())
        .or(said_of.as_deref())?;
    if lexicon::is(phrase, Class::GENERIC_NOUN) || phrase.split(' ').count() < 2 && phrase.len() < 4
    {
        return None;
    }
    let unit = q.unit.map(|u| u.key()).unwrap_or_default();
    Some(format!("{phrase}|{unit}"))
}

/// Whose figure it is: the person named last before it in its paragraph, by full name or by a
/// word of their name (a list of cases gives each person's penalty in their own paragraph, and
/// `he` stands for the name before it). The person's index in the name layer.
fn owner(article: &Article, q: &Quantity) -> Option<usize> {
    let block = article.blocks.get(q.block)?.span();
    let people = &article.names.people;
    let full = people
        .iter()
        .enumerate()
        .flat_map(|(n, p)| p.mentions.iter().map(move |m| (*m, n)));
    let short = article
        .names
        .references
        .iter()
        .filter(|r| r.block == q.block)
        .filter_map(|r| {
            people
                .iter()
                .position(|p| p.words.contains(&r.word))
                .map(|n| (r.span, n))
        });
    full.chain(short)
        .filter(|(m, _)| m.start >= block.start && m.end <= q.span.start)
        .max_by_key(|(m, _)| m.start)
        .map(|(_, n)| n)
}

/// Whether two figures belong to different entries: different items of a list, or different
/// people's paragraphs.
fn different_entries(article: &Article, a: &Quantity, b: &Quantity) -> bool {
    let item = |q: &Quantity| {
        article
            .blocks
            .get(q.block)
            .is_some_and(|b| b.role == crate::parse::Role::ListItem)
    };
    // Items of a list that each open on someone else: one entry per person or case.
    let subject = |q: &Quantity| {
        let block = article.blocks.get(q.block)?.span();
        article
            .names
            .proper_names
            .iter()
            .find(|n| n.span.start >= block.start && n.span.end <= block.end)
            .map(|n| n.words.join(" "))
    };
    if a.block != b.block
        && item(a)
        && item(b)
        && matches!((subject(a), subject(b)), (Some(x), Some(y)) if x != y)
    {
        return true;
    }
    if matches!((owner(article, a), owner(article, b)), (Some(x), Some(y)) if x != y) {
        return true;
    }
    // `Liaw faces five charges` … `Gan faces three charges`: the one-word names of each
    // sentence, and the first of each is missing from the other.
    let (x, y) = (
        sentence_references(article, a),
        sentence_references(article, b),
    );
    match (x.first(), y.first()) {
        (Some(fx), Some(fy)) => fx != fy && !x.contains(fy) && !y.contains(fx),
        _ => false,
    }
}

/// The one-word names (`Liaw`, `Gan`) of the sentence holding a figure, in text order.
fn sentence_references<'a>(article: &'a Article, q: &Quantity) -> Vec<&'a str> {
    let Some(sentence) = article.sentences.get(q.block).and_then(|s| {
        s.iter()
            .find(|s| s.start <= q.span.start && q.span.end <= s.end)
    }) else {
        return Vec::new();
    };
    article
        .names
        .references
        .iter()
        .filter(|r| {
            r.block == q.block && r.span.start >= sentence.start && r.span.end <= sentence.end
        })
        .map(|r| r.word.as_str())
        .collect()
}

/// Whether two sentences say the same thing around the figure: they share at least three
/// content words besides the counted phrase, and at least 40 percent of the shorter one's.
fn restated(article: &Article, a: &Quantity, b: &Quantity) -> bool {
    let numbers = &article.numbers;
    let words = |q: &Quantity| numbers.sentence_words(article.text, &article.tokens, q.sentence);
    let (Some(x), Some(y)) = (words(a), words(b)) else {
        return false;
    };
    let (x, y) = (x.as_slice(), y.as_slice());
    let phrase: Vec<&str> = a
        .subject
        .iter()
        .chain(a.counted.iter())
        .flat_map(|p| p.split(' '))
        .collect();
    let own = |w: &String| !phrase.contains(&w.as_str());
    let shared = x
        .iter()
        .filter(|w| own(w) && y.binary_search(w).is_ok())
        .count();
    let smaller = x
        .iter()
        .filter(|w| own(w))
        .count()
        .min(y.iter().filter(|w| own(w)).count());
    // The words right after each figure say what it is about; the other sentence must have
    // them all (`12 films competing in the documentary category` is not `16 films competing in
    // the dramatic category`).
    let covered =
        |q: &Quantity, words: &[String]| q.following.iter().all(|w| words.binary_search(w).is_ok());
    if !covered(a, y) || !covered(b, x) {
        return false;
    }
    // Both sentences name who or what they are about, and the names differ: another subject.
    let names = |q: &Quantity| {
        numbers
            .sentence_names(article.text, &article.tokens, q.sentence)
            .filter(|n| !n.is_empty())
    };
    if let (Some(na), Some(nb)) = (names(a), names(b)) {
        if !na.iter().any(|n| nb.binary_search(n).is_ok()) {
            return false;
        }
    }
    shared >= 4 && shared * 2 >= smaller
}

/// Whether a later figure restates an earlier one with a slip in it: written alike but for one
/// digit changed or two neighbouring digits swapped, with at least three significant digits
/// between them (a coincidence of two round figures proves nothing), the same scale and hedge,
/// said of the same words, and in sentences that share at least two content words besides
/// the counted phrase and name no one different (`more than 1,600 children taken from their
/// parents` … `more than 1,660 children taken from parents`). Weaker wording than [`restated`]
/// asks for, made up by the shape of the difference.
fn slip_restated(article: &Article, a: &Quantity, b: &Quantity) -> bool {
    let text = article.text;
    if !one_slip_apart(text, a, b)
        || a.scale != b.scale
        || a.hedge != b.hedge
        || significant_digits(text, a).max(significant_digits(text, b)) < 3
        || a.next_words.is_empty()
        || b.next_words.is_empty()
        || !same_words_after(a, b)
    {
        return false;
    }
    let numbers = &article.numbers;
    let words = |q: &Quantity| numbers.sentence_words(text, &article.tokens, q.sentence);
    let (Some(x), Some(y)) = (words(a), words(b)) else {
        return false;
    };
    let phrase: Vec<&str> = a
        .subject
        .iter()
        .chain(a.counted.iter())
        .flat_map(|p| p.split(' '))
        .chain(a.next_words.iter().map(String::as_str))
        .collect();
    let shared = x
        .iter()
        .filter(|w| !phrase.contains(&w.as_str()) && y.binary_search(w).is_ok())
        .count();
    let names = |q: &Quantity| {
        numbers
            .sentence_names(text, &article.tokens, q.sentence)
            .filter(|n| !n.is_empty())
    };
    if let (Some(na), Some(nb)) = (names(a), names(b)) {
        if !na.iter().any(|n| nb.binary_search(n).is_ok()) {
            return false;
        }
    }
    // Each sentence opens on what it is about; when neither opening word is found in the
    // other sentence, they are about different things (`Bakers added 24,300 jobs in the
    // region` … `Printers added 24,800 jobs in the region`).
    let first = |q: &Quantity| numbers.sentence_first_word(text, &article.tokens, q.sentence);
    if let (Some(fa), Some(fb)) = (first(a), first(b)) {
        if fa != fb && x.binary_search(&fb).is_err() && y.binary_search(&fa).is_err() {
            return false;
        }
    }
    shared >= 2
}

/// Whether two figures are written alike but for one digit changed or two neighbouring digits
/// swapped (`4.75` … `4.05`, `136,000` … `163,000`): the shape of a slip.
fn one_slip_apart(text: &str, a: &Quantity, b: &Quantity) -> bool {
    let digits = |q: &Quantity| -> Vec<u8> {
        text.get(q.number_span.range())
            .unwrap_or_default()
            .bytes()
            .filter(u8::is_ascii_digit)
            .collect()
    };
    let (x, y) = (digits(a), digits(b));
    if x.len() != y.len() || x.len() < 2 || x == y {
        return false;
    }
    let differ: Vec<usize> = (0..x.len()).filter(|&i| x[i] != y[i]).collect();
    match differ.as_slice() {
        [_] => true,
        [i, j] => *j == i + 1 && x[*i] == y[*j] && x[*j] == y[*i],
        _ => false,
    }
}

/// How many significant digits a figure is written with: its digits without leading zeros,
/// nor trailing zeros before the decimal point (`4.05`: 3, `38,000`: 2, `0.4`: 1).
fn significant_digits(text: &str, q: &Quantity) -> usize {
    let written = text.get(q.number_span.range()).unwrap_or_default();
    let digits: String = written.chars().filter(char::is_ascii_digit).collect();
    let digits = digits.trim_start_matches('0');
    if written.contains('.') {
        digits.len()
    } else {
        digits.trim_end_matches('0').len()
    }
}

/// Whether two figures are said of the same words: the words right after each agree as far as
/// both go (`38,000 jobs in May` and `38,700 jobs in May, …`, not `a 25% rise in permit
/// charges` and `a 24% rise in parking charges`).
fn same_words_after(a: &Quantity, b: &Quantity) -> bool {
    a.next_words.iter().zip(&b.next_words).all(|(x, y)| x == y)
}

/// What a headline figure must share with a story figure to be the same kind: the unit, or
/// for plain counts the counted noun.
fn headline_kind(q: &Quantity) -> Option<String> {
    if !q.is_quantity() || q.compound || q.range_high.is_some() || q.paired || q.value <= 0.0 {
        return None;
    }
    match (&q.unit, &q.counted) {
        (Some(unit), _) => Some(unit.key()),
        (None, Some(counted)) if !lexicon::is(counted, Class::GENERIC_NOUN) => {
            Some(format!("#{counted}"))
        }
        _ => None,
    }
}

/// A headline figure the story never gives, beside a lead figure one slip away from it.
fn check_headline(article: &Article, cx: &mut Context) {
    use crate::parse::Role;
    let numbers = &article.numbers;
    let role = |q: &Quantity| article.blocks.get(q.block).map(|b| b.role);
    // The opening: the first two blocks of the story's own prose after the headline.
    let opening: Vec<usize> = article
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| matches!(b.role, Role::Lead | Role::Body))
        .map(|(i, _)| i)
        .take(2)
        .collect();
    for headline in numbers
        .quantities
        .iter()
        .filter(|q| role(q) == Some(Role::Title))
    {
        let Some(kind) = headline_kind(headline) else {
            continue;
        };
        let (low, high) = headline.interval();
        // A headline rounds: a story figure within one unit of its last digit agrees.
        let (low, high) = (low - headline.precision, high + headline.precision);
        let story = numbers
            .quantities
            .iter()
            .filter(|q| role(q) != Some(Role::Title))
            .filter(|q| headline_kind(q).as_deref() == Some(kind.as_str()));
        let mut slips = Vec::new();
        let mut given = false;
        for q in story {
            let (qlow, qhigh) = q.interval();
            if qlow <= high && low <= qhigh {
                given = true;
                break;
            }
            if opening.contains(&q.block)
                && q.scale == headline.scale
                && one_slip_apart(article.text, headline, q)
            {
                slips.push(q);
            }
        }
        // The lead's first figure of the kind restates the headline's, whatever the story
        // says later: one slip apart and said of the same words, it is the slip.
        let first = numbers
            .quantities
            .iter()
            .filter(|q| opening.contains(&q.block))
            .find(|q| headline_kind(q).as_deref() == Some(kind.as_str()));
        let restated_slip = first.filter(|q| {
            let (qlow, qhigh) = q.interval();
            let (hlow, hhigh) = headline.interval();
            !(qlow <= hhigh && hlow <= qhigh)
                && q.scale == headline.scale
                && one_slip_apart(article.text, headline, q)
                && significant_digits(article.text, headline)
                    .max(significant_digits(article.text, q))
                    >= 2
                && same_words_after(headline, q)
        });
        let lead = match (given, slips.as_slice()) {
            (false, [lead]) => Some(*lead),
            _ => restated_slip,
        };
        if let Some(lead) = lead {
            cx.report(
                lead.span,
                format!(
                    "the story gives {} here but the headline gives {}",
                    lead.as_written(article.text),
                    headline.as_written(article.text)
                ),
            )
            .label(headline.span, "the headline's figure")
            .help("make the headline and the story agree");
        }
    }
}

/// Whether two figures are the same amount: the same unit and the same value, each written
/// as a plain figure (no range).
fn same_amount(a: &Quantity, b: &Quantity) -> bool {
    a.is_quantity()
        && b.is_quantity()
        && a.range_high.is_none()
        && b.range_high.is_none()
        && a.unit.map(|u| u.key()) == b.unit.map(|u| u.key())
        && a.value == b.value
        && a.hedge == b.hedge
}

/// Whether two figures of one unit differ beyond their rounding, their hedges and one unit of
/// their last digit (`£52,000` may cut `£52,590` short).
fn differ(a: &Quantity, b: &Quantity) -> bool {
    let widened = |q: &Quantity| {
        let (low, high) = q.interval();
        (low - q.precision, high + q.precision)
    };
    let ((alow, ahigh), (blow, bhigh)) = (widened(a), widened(b));
    a.is_quantity()
        && b.is_quantity()
        && a.range_high.is_none()
        && b.range_high.is_none()
        && a.unit.is_some()
        && a.unit.map(|u| u.key()) == b.unit.map(|u| u.key())
        && (ahigh < blow || bhigh < alow)
}

/// A figure converted twice: one side of two conversions agrees (`£1bn ($1.8bn)` …
/// `£1bn ($1.1bn)`) and the other does not, so one of the two is wrong.
fn check_conversions(article: &Article, cx: &mut Context) {
    let numbers = &article.numbers;
    let pair = |c: &crate::extract::numbers::Conversion| {
        Some((
            numbers.quantities.get(c.from)?,
            numbers.quantities.get(c.to)?,
        ))
    };
    for (n, later) in numbers.conversions.iter().enumerate() {
        let Some((from, to)) = pair(later) else {
            continue;
        };
        let clash = numbers.conversions.iter().take(n).find_map(|earlier| {
            let (first_from, first_to) = pair(earlier)?;
            if same_amount(first_from, from) && differ(first_to, to) {
                Some((to, first_to))
            } else if same_amount(first_to, to) && differ(first_from, from) {
                Some((from, first_from))
            } else {
                None
            }
        });
        if let Some((here, there)) = clash {
            cx.report(
                here.span,
                format!(
                    "the same figure is converted to {} here but to {} earlier",
                    here.as_written(article.text),
                    there.as_written(article.text)
                ),
            )
            .label(there.span, "first stated here")
            .help("make both figures agree, or say why they differ");
        }
    }
}

/// Whether two sentences may be about the same time: their years, and their words of time
/// (`last year`, `May`), agree wherever both give them.
fn same_time(article: &Article, a: &Quantity, b: &Quantity) -> bool {
    let anchors = &article.numbers.anchors;
    let (Some(x), Some(y)) = (anchors.get(a.sentence), anchors.get(b.sentence)) else {
        return false;
    };
    let years = x.years.is_empty() || y.years.is_empty() || x.years == y.years;
    let words = x.words.is_empty() || y.words.is_empty() || x.words == y.words;
    years && words
}

/// What identifies a figure that may be restated with a slip: its unit, its scale and the
/// first two words said of it (`people onboard`, `mln dlrs` … `in the`), for a plain figure
/// written in digits. Years written bare (`on 1984 results`) are not figures.
fn slip_key(text: &str, q: &Quantity) -> Option<String> {
    if !q.is_quantity()
        || !q.numeral
        || q.compound
        || q.range_high.is_some()
        || q.in_parens
        || q.paired
        || matches!(q.unit, Some(Unit::Percent | Unit::PercentagePoints))
        || q.next_words.len() < 2
    {
        return None;
    }
    let written = text.get(q.number_span.range()).unwrap_or_default();
    let year_like = q.unit.is_none()
        && !q.scaled
        && written.len() == 4
        && written.bytes().all(|b| b.is_ascii_digit())
        && (1800.0..2100.0).contains(&q.value);
    if year_like {
        return None;
    }
    let unit = q.unit.map(|u| u.key()).unwrap_or_default();
    Some(format!(
        "{unit}|{}|{} {}",
        q.scale, q.next_words[0], q.next_words[1]
    ))
}

/// A figure restated with a slip in it (see [`slip_restated`]), in sentences the comparison
/// above leaves alone because their wording differs more or they compare figures. Figures
/// of a headline are left to [`check_headline`]; `reported` holds the figures already
/// reported, in order.
fn check_slips(article: &Article, reported: &[usize], cx: &mut Context) {
    use crate::parse::Role;
    let numbers = &article.numbers;
    let title = |q: &Quantity| article.blocks.get(q.block).map(|b| b.role) == Some(Role::Title);
    // The ends of stated changes (`from 1,250 to 1,260`) are compared by N002.
    let mut change_end = vec![false; numbers.quantities.len()];
    for c in &numbers.changes {
        for end in [c.from, c.to] {
            if let Some(flag) = change_end.get_mut(end) {
                *flag = true;
            }
        }
    }
    let keyed: Vec<(usize, &Quantity, String)> = numbers
        .quantities
        .iter()
        .enumerate()
        .filter(|&(i, q)| !title(q) && !change_end[i])
        .filter_map(|(i, q)| Some((i, q, slip_key(article.text, q)?)))
        .collect();
    let mut in_sentence: HashMap<(usize, &str), usize> = HashMap::new();
    for (_, q, key) in &keyed {
        *in_sentence.entry((q.sentence, key.as_str())).or_default() += 1;
    }
    // A sentence that compares or moves figures gives figures of other series or times
    // (`a deficit of 47 mln against 168 mln in January` … `a surplus of 174 mln after 161 mln
    // in January`, `4.99 dlrs for 12 ounces` … `cut the price to 4.49 dlrs for 12 ounces`).
    let comparative = |q: &Quantity| numbers.comparative.get(q.sentence).copied().unwrap_or(true);
    let mut seen: HashMap<&str, Vec<usize>> = HashMap::new();
    for (index, q, key) in &keyed {
        if in_sentence.get(&(q.sentence, key.as_str())) > Some(&1) {
            continue;
        }
        let earlier = seen.entry(key.as_str()).or_default();
        let slip = earlier.iter().copied().find(|&e| {
            numbers.quantities.get(e).is_some_and(|other| {
                other.sentence != q.sentence
                    && !(comparative(q) || comparative(other))
                    && same_time(article, q, other)
                    && !different_entries(article, q, other)
                    && slip_restated(article, q, other)
            })
        });
        match slip {
            Some(e) if reported.binary_search(index).is_err() => {
                if let Some(other) = numbers.quantities.get(e) {
                    let said_of = q.next_words.join(" ");
                    cx.report(
                        q.span,
                        format!(
                            "the figure for `{said_of}` is given as {} here but as {} earlier",
                            q.as_written(article.text),
                            other.as_written(article.text)
                        ),
                    )
                    .label(other.span, "first stated here")
                    .help("make both figures agree, or say why they differ");
                }
            }
            Some(_) => {}
            None if earlier.len() < 8
                && !earlier.iter().any(|&e| {
                    numbers
                        .quantities
                        .get(e)
                        .is_some_and(|o| o.value == q.value)
                }) =>
            {
                earlier.push(*index);
            }
            None => {}
        }
    }
}

impl Check for FigureMismatch {
    fn check(&self, article: &Article, cx: &mut Context) {
        check_headline(article, cx);
        check_conversions(article, cx);
        let mut reported = Vec::new();
        let numbers = &article.numbers;
        // Per key, the distinct mentions seen so far (a handful at most).
        let mut seen: HashMap<String, Vec<usize>> = HashMap::new();
        // A sentence that gives one kind of figure twice is a list of figures (`186,000 tonnes
        // of wheat for … 28,000 tonnes of wheat for …`): its figures are about different things.
        let mut in_sentence: HashMap<(usize, String), usize> = HashMap::new();
        for q in &numbers.quantities {
            if let Some(key) = key(q) {
                *in_sentence.entry((q.sentence, key)).or_default() += 1;
            }
        }
        for (index, q) in numbers.quantities.iter().enumerate() {
            let Some(key) = key(q) else { continue };
            if in_sentence
                .get(&(q.sentence, key.clone()))
                .copied()
                .unwrap_or(0)
                > 1
            {
                continue;
            }
            if numbers.comparative.get(q.sentence).copied().unwrap_or(true) {
                continue;
            }
            let earlier = seen.entry(key).or_default();
            let (low, high) = q.interval();
            let anchor = numbers.anchors.get(q.sentence);
            let mut conflict = None;
            for &e in earlier.iter() {
                let Some(other) = numbers.quantities.get(e) else {
                    continue;
                };
                if numbers.anchors.get(other.sentence) != anchor
                    || other.sentence == q.sentence
                    || different_entries(article, q, other)
                    || !restated(article, q, other)
                {
                    continue;
                }
                let (olow, ohigh) = other.interval();
                // Figures a factor of three apart are about different things, not a slip.
                let ratio = (q.value / other.value).max(other.value / q.value);
                // Two figures rounded to the same place cannot share a value when their
                // intervals only touch (`5.2` and `5.3`).
                if q.value != other.value && (high <= olow || ohigh <= low) {
                    // A figure known only by the words after it must also look like a slip.
                    let loose = q.counted.is_none() && q.subject.is_none();
                    if ratio.is_nan()
                        || ratio > 3.0
                        || loose && !one_slip_apart(article.text, q, other)
                    {
                        continue;
                    }
                    conflict = conflict.or(Some(e));
                } else {
                    conflict = None;
                    break;
                }
            }
            if let Some(e) = conflict {
                reported.push(index);
                if let Some(other) = numbers.quantities.get(e) {
                    let phrase = q
                        .subject
                        .as_deref()
                        .filter(|s| !lexicon::is(s, Class::GENERIC_NOUN))
                        .or(q.counted.as_deref())
                        .unwrap_or("this figure");
                    cx.report(
                        q.span,
                        format!(
                            "{phrase} is given as {} here but as {} earlier",
                            q.as_written(article.text),
                            other.as_written(article.text)
                        ),
                    )
                    .label(other.span, "first stated here")
                    .help("make both figures agree, or say why they differ");
                }
            } else if earlier.len() < 8
                && !earlier.iter().any(|&e| {
                    numbers
                        .quantities
                        .get(e)
                        .is_some_and(|o| o.value == q.value && o.hedge == q.hedge)
                })
            {
                earlier.push(index);
            }
        }
        check_slips(article, &reported, cx);
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::codes_in;

    #[test]
    fn quick_cases() {
        let fails = [
            "The old city registered a net population inflow of 136,000 over the past decade.\n\nThe old city registered a net population inflow of 163,000 over the past decade.",
            "The firm employs 1.1 million factory workers in southern provinces.\n\nIn southern provinces, the firm employs 2.4 million factory workers.",
            "A fire at the depot forced 2,350 people from their homes in the west of the town.\n\nThe council opened two halls for the 2,530 people from their homes, the town's fire chief said.",
        ];
        let passes = [
            "The city saw a net population inflow of 136,000.\n\nIt had a net population inflow of 136,000.",
            "It employs 1.1 million factory workers.\n\nIts 1,100,000 factory workers are paid well.",
            "About 11 million foreign tourists came last year.\n\nIn 2019, 9 million foreign tourists came.",
            "More than 200 media representatives came.\n\nThe 230 media representatives met.",
            "Bakers added 24,300 jobs in the region.\n\nPrinters added 24,800 jobs in the region.",
            "A fire at the depot forced 2,350 people from their homes in the west of the town.\n\nThe council opened two halls for the 2,530 people from the next town, the town's fire chief said.",
            "A fire at the depot forced 2,350 people from their homes in the west of the town.\n\nThe council expects up to 2,530 people from their homes tonight, more than the town's fire chief said.",
        ];
        for text in fails {
            assert_eq!(codes_in(text), vec!["N001"], "{text}");
        }
        for text in passes {
            assert!(!codes_in(text).contains(&"N001"), "{text}");
        }
    }
}
