//! Number patterns inside one sentence: stated changes, lists announced by a count, conversions
//! in parentheses and parts stated against a whole.

use super::{Numbers, Token, Unit, ends_with_folded, touching, word_at};
use crate::lexicon::{self, Class};
use crate::source::Span;

/// The kind of a stated change.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ChangeKind {
    /// `doubled`, `tripled`, `halved`, `threefold`: the new value is this many times the old.
    Times(f64),
    /// `N-fold`, which writers use for both N times and N times more.
    Fold(f64),
    /// `rose 50 percent`, `fell 5 pct`: signed percent change, with the quantity that states it.
    Percent(f64, usize),
    /// `grew by 30,000`: signed absolute change, with the quantity that states it.
    By(f64, usize),
}

/// A change stated with its from and to figures in one sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The change word (`tripled`, `rose`).
    pub trigger: Span,
    /// The word as written.
    pub word: String,
    /// What the change says.
    pub kind: ChangeKind,
    /// Whether the change is hedged (`nearly tripled`, `more than doubled`).
    pub hedged: bool,
    /// Index of the from quantity in [`Numbers::quantities`].
    pub from: usize,
    /// Index of the to quantity.
    pub to: usize,
}

/// How a counted list is introduced.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListIntro {
    /// `three topics: A, B and C`.
    Colon,
    /// `three keywords — A, B and C`.
    Dash,
    /// `two cities, namely A and B`.
    Namely,
    /// `five countries, including A and B`: the list may be partial.
    Including,
}

/// A list announced by a count.
#[derive(Debug, Clone, PartialEq)]
pub struct CountedList {
    /// Index of the count in [`Numbers::quantities`].
    pub count: usize,
    /// How the list is introduced.
    pub intro: ListIntro,
    /// The list, from its first item to its last.
    pub span: Span,
    /// The fewest items the list can be read as having.
    pub min_items: usize,
    /// The most items the list can be read as having (`and` inside names may or may not join).
    pub max_items: usize,
}

/// A conversion in parentheses: `10 million yuan (about 1.4 million U.S. dollars)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Conversion {
    /// Index of the stated quantity.
    pub from: usize,
    /// Index of the converted quantity.
    pub to: usize,
}

/// How a part relates to its whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartRelation {
    /// `25 of the 22 buildings`.
    CountOf,
    /// `120 percent of the 300 members` / `120 percent of residents`.
    ShareOf,
}

/// A part stated against a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartOfWhole {
    /// Index of the part.
    pub part: usize,
    /// Index of the whole, when it is a number.
    pub whole: Option<usize>,
    /// The relation.
    pub relation: PartRelation,
}

/// Find the patterns of one sentence. `starts[n]`/`ends[n]` are the token bounds of quantity
/// `first + n`.
pub(super) fn find(
    tokens: &[Token],
    starts: &[usize],
    ends: &[usize],
    first: usize,
    numbers: &mut Numbers,
) {
    if starts.is_empty() {
        return;
    }
    let quantity_at = |token: usize| starts.iter().position(|&s| s == token).map(|n| first + n);
    find_changes(tokens, starts, ends, first, numbers, &quantity_at);
    find_lists(tokens, ends, first, numbers);
    find_conversions(tokens, ends, first, numbers, &quantity_at);
    find_parts(tokens, ends, first, numbers, &quantity_at);
    find_breakdowns(tokens, starts, ends, first, numbers);
}

/// The words of a change: multiplying, rising or falling.
const CHANGE: Class = Class::TIMES
    .union(Class::CHANGE_UP)
    .union(Class::CHANGE_DOWN);

fn fold_word(word: &str) -> Option<f64> {
    let stem = word.strip_suffix("fold")?.trim_end_matches('-');
    lexicon::spelled_cardinal(stem).or_else(|| stem.parse::<f64>().ok())
}

/// A change word found in a sentence, before its from and to figures are looked for.
struct Trigger {
    /// Index of the change word.
    word: usize,
    kind: ChangeKind,
    /// Index of the first token after the change word and its stated figure.
    after: usize,
    /// Whether the change or its stated figure is hedged (`nearly tripled`, `fell nearly 25%`).
    hedged: bool,
    /// The to figure, when it stands before the change (`sales were $5.2bn, up 30% from …`).
    to: Option<usize>,
}

fn find_changes(
    tokens: &[Token],
    starts: &[usize],
    ends: &[usize],
    first: usize,
    numbers: &mut Numbers,
    quantity_at: &dyn Fn(usize) -> Option<usize>,
) {
    let mut triggers: Vec<Trigger> = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        // Every trigger is a change word or ends with `fold`.
        if !t.word || (!t.flags.intersects(CHANGE) && !ends_with_folded(t.text, "fold")) {
            continue;
        }
        let hedged = k > 0
            && matches!(
                word_at(tokens, k - 1),
                Some("nearly" | "almost" | "more" | "over" | "roughly" | "about" | "than")
            );
        let lowered = t.lowered();
        let w = &*lowered;
        let plain = |kind| Trigger {
            word: k,
            kind,
            after: k + 1,
            hedged,
            to: None,
        };
        if let Some(f) = lexicon::times_factor(w) {
            triggers.push(plain(ChangeKind::Times(f)));
        } else if let Some(f) = fold_word(w) {
            triggers.push(plain(ChangeKind::Fold(f)));
        } else if let Some(q) = quantity_at(k).filter(|&q| {
            numbers.quantities.get(q).is_some_and(|q| {
                word_at(tokens, k + 1).is_none_or(|n| n != "times")
                    && q.range_high.is_none()
                    && lexicon::spelled_cardinal(t.text).is_none()
                    && ends_with_folded(t.text, "fold")
            })
        }) {
            let value = numbers.quantities.get(q).map_or(0.0, |q| q.value);
            triggers.push(plain(ChangeKind::Fold(value)));
        } else if let Some(trigger) = noun_trigger(tokens, k, ends, first, numbers)
            .or_else(|| verb_trigger(tokens, k, ends, first, numbers, quantity_at))
        {
            triggers.push(Trigger {
                hedged: trigger.hedged || hedged,
                ..trigger
            });
        }
    }
    for (n, trigger) in triggers.iter().enumerate() {
        if let ChangeKind::Percent(value, q) = trigger.kind {
            let unhedged = numbers.quantities.get(q).is_some_and(|q| q.hedge.is_none());
            if value < -100.0 && unhedged && !trigger.hedged {
                if let Some(t) = tokens.get(trigger.word) {
                    numbers
                        .falls_beyond_all
                        .push((Span::new(t.start, t.end), q));
                }
            }
        }
        let limit = triggers.get(n + 1).map_or(tokens.len(), |next| next.word);
        let (Some(from), Some(to)) = change_figures(tokens, trigger, limit, starts, first) else {
            continue;
        };
        let k = trigger.word;
        numbers.changes.push(Change {
            trigger: tokens
                .get(k)
                .map_or(Span::default(), |t| Span::new(t.start, t.end)),
            word: tokens.get(k).map_or(String::new(), |t| t.text.to_string()),
            kind: trigger.kind,
            hedged: trigger.hedged,
            from,
            to,
        });
    }
}

/// The change a percentage and a change noun state: `a 45% jump`, `a 20.2 pct sales jump`.
fn noun_trigger(
    tokens: &[Token],
    k: usize,
    ends: &[usize],
    first: usize,
    numbers: &Numbers,
) -> Option<Trigger> {
    let t = tokens.get(k)?;
    if !t.flags.intersects(Class::CHANGE_NOUN) {
        return None;
    }
    // The percentage ends right before the noun, or one word before it.
    let m = ends.iter().position(|&e| {
        e == k
            || e + 1 == k
                && tokens
                    .get(e)
                    .is_some_and(|w| w.word && !w.flags.intersects(CHANGE))
    })?;
    let q = first + m;
    let quantity = numbers.quantities.get(q)?;
    if !quantity.is_quantity()
        || quantity.range_high.is_some()
        || quantity.unit != Some(Unit::Percent)
    {
        return None;
    }
    let sign = if t.flags.intersects(Class::CHANGE_DOWN) {
        -1.0
    } else {
        1.0
    };
    Some(Trigger {
        word: k,
        kind: ChangeKind::Percent(sign * quantity.value, q),
        after: k + 1,
        hedged: quantity.hedge.is_some(),
        to: None,
    })
}

/// The change a rise or fall word states with the figure after it: `rose 50 percent`, `fell
/// nearly 25%`, `grew by 30,000`; and, after a figure and a comma, `$5.2bn, up 30%`.
fn verb_trigger(
    tokens: &[Token],
    k: usize,
    ends: &[usize],
    first: usize,
    numbers: &Numbers,
    quantity_at: &dyn Fn(usize) -> Option<usize>,
) -> Option<Trigger> {
    let t = tokens.get(k)?;
    let up = t.flags.intersects(Class::CHANGE_UP);
    let down = t.flags.intersects(Class::CHANGE_DOWN);
    if !(up || down) {
        return None;
    }
    let by = word_at(tokens, k + 1) == Some("by");
    let n = k + 1 + usize::from(by);
    let q = quantity_at(n)?;
    let quantity = numbers.quantities.get(q)?;
    if !quantity.is_quantity() || quantity.range_high.is_some() {
        return None;
    }
    let sign = if down { -1.0 } else { 1.0 };
    let after = ends.get(q - first).copied().unwrap_or(n + 1);
    let kind = match quantity.unit {
        Some(Unit::Percent) => ChangeKind::Percent(sign * quantity.value, q),
        Some(Unit::PercentagePoints) => return None,
        _ if by => ChangeKind::By(sign * quantity.value, q),
        _ => return None,
    };
    // `Sales were $5.2bn, up 30% from $4.8bn`: the figure before the comma is the new one.
    let to = (k >= 2 && tokens.get(k - 1).is_some_and(|c| c.is_punct(',')))
        .then(|| ends.iter().position(|&e| e + 1 == k).map(|m| first + m))
        .flatten()
        .filter(|&before| before < q);
    Some(Trigger {
        word: k,
        kind,
        after,
        hedged: quantity.hedge.is_some(),
        to,
    })
}

/// The most tokens a change's window reads after its stated figure, brackets not counted.
const CHANGE_WINDOW: usize = 14;

/// The from and to figures of a change: the first `from` (or `compared with`, `against`) and
/// the first `to` after the change, each leading straight to a figure, inside the change's
/// clause. Brackets are skipped (`to £30m ($55m) from £25m`); the window stops at `;`, at a
/// word that opens another clause (`while`) and at `and` followed by a word (a new subject). A
/// change measured over a named period (`year-on-year`) before its from figure has none.
fn change_figures(
    tokens: &[Token],
    trigger: &Trigger,
    limit: usize,
    starts: &[usize],
    first: usize,
) -> (Option<usize>, Option<usize>) {
    let mut from = None;
    let mut to = trigger.to.map(Some);
    let mut m = trigger.after;
    let mut read = 0;
    while m < limit && read < CHANGE_WINDOW {
        let Some(t) = tokens.get(m) else { break };
        if t.is_punct('(') {
            m = bracket_end(tokens, m);
            continue;
        }
        if t.is_punct(';') || t.word && t.flags.intersects(Class::CHANGE_CLAUSE_END) {
            break;
        }
        if t.word && t.flags.intersects(Class::CHANGE_PERIOD) && from.is_none() {
            return (None, None);
        }
        // `Sales were $5.2bn, up 30% from $4.8bn`: the old figure follows the change at once.
        if trigger.to.is_some() && from.is_none() && m > trigger.after {
            break;
        }
        read += 1;
        match word_at(tokens, m) {
            Some("and")
                if tokens
                    .get(m + 1)
                    .is_some_and(|t| t.word && !starts_number(t.text)) =>
            {
                break;
            }
            Some("from") if from.is_none() => {
                from = Some(quantity_after(m + 1, starts, first));
            }
            Some(w) if from.is_none() && lexicon::is(w, Class::CHANGE_BASE) => {
                // `compared with`, `compared to`, `vs.`.
                let mut k = m + 1;
                if w == "compared" && matches!(word_at(tokens, k), Some("with" | "to"))
                    || tokens.get(k).is_some_and(|p| p.is_punct('.'))
                {
                    k += 1;
                }
                from = Some(quantity_after(k, starts, first));
                m = k;
                continue;
            }
            Some("to") if to.is_none() => {
                to = Some(figure_after_to(tokens, m + 1, starts, first));
            }
            _ => {}
        }
        m += 1;
    }
    (from.flatten(), to.flatten())
}

/// Whether a word may start a figure (`1.1`, `nine`), in any case.
fn starts_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit()) || lexicon::spelled_cardinal(word).is_some()
}

/// The index after the bracket that opens at `open` (or the end of the sentence).
fn bracket_end(tokens: &[Token], open: usize) -> usize {
    let mut depth = 0usize;
    for (k, t) in tokens.iter().enumerate().skip(open) {
        if t.is_punct('(') {
            depth += 1;
        } else if t.is_punct(')') {
            depth = depth.saturating_sub(1);
            if depth == 0 {
                return k + 1;
            }
        }
    }
    tokens.len()
}

/// The figure a `to` leads to at token `k`: right there, or after an article and a few words
/// that name the measure (`to a seasonally adjusted annual rate of 1,005,000`, `to a rounded
/// 210,000`).
fn figure_after_to(tokens: &[Token], k: usize, starts: &[usize], first: usize) -> Option<usize> {
    if let Some(q) = quantity_after(k, starts, first) {
        return Some(q);
    }
    if !matches!(word_at(tokens, k), Some("a" | "an")) {
        return None;
    }
    for p in k + 1..(k + 7).min(tokens.len()) {
        if let Some(q) = quantity_after(p, starts, first) {
            return Some(q);
        }
        let t = tokens.get(p)?;
        if word_at(tokens, p) == Some("of") {
            return quantity_after(p + 1, starts, first);
        }
        if !t.word || t.flags.intersects(Class::NUMBER_STOP) {
            return None;
        }
    }
    None
}

/// The quantity whose first token (its hedge or currency sign included) is at `k`.
fn quantity_after(k: usize, starts: &[usize], first: usize) -> Option<usize> {
    starts.iter().position(|&s| s == k).map(|n| first + n)
}

fn is_dash(t: &Token) -> bool {
    t.is_punct('—') || t.is_punct('–')
}

/// How many tokens the dash at token `k` takes: one for `—`, `–` or a hyphen standing alone
/// (`four breads - rye, …`), two for `--`; `None` when token `k` is no dash.
fn dash_at(tokens: &[Token], k: usize) -> Option<usize> {
    let t = tokens.get(k)?;
    if is_dash(t) {
        return Some(1);
    }
    if !t.is_punct('-') {
        return None;
    }
    if tokens.get(k + 1).is_some_and(|n| n.is_punct('-')) {
        return Some(2);
    }
    (k > 0 && !touching(tokens, k - 1, k) && !touching(tokens, k, k + 1)).then_some(1)
}

/// Whether a word reads as a past participle (`studied`, `disputed`).
fn participle_shaped(t: &Token) -> bool {
    ends_with_folded(t.text, "ed") && t.lowered().len() > 4
}

fn find_lists(tokens: &[Token], ends: &[usize], first: usize, numbers: &mut Numbers) {
    let mut dashes: Option<Vec<usize>> = None;
    for (n, &end) in ends.iter().enumerate() {
        let index = first + n;
        let Some(q) = numbers.quantities.get(index) else {
            continue;
        };
        // `lied about four issues – …`, `won over three rivals: …`: before a listed count,
        // `about`, `around` and `over` are prepositions, and `only` and `just` do not round.
        let exact = || {
            q_start(tokens, q).checked_sub(1).is_some_and(|k| {
                matches!(
                    word_at(tokens, k),
                    Some("about" | "around" | "over" | "only" | "just")
                )
            })
        };
        if !q.is_quantity()
            || q.unit.is_some()
            || q.hedge.is_some() && !exact()
            || q.compound
            || q.scaled
            || q.counted.is_none() && !bare_count_before_list(tokens, end)
            || q.value.fract() != 0.0
            || !(2.0..=20.0).contains(&q.value)
        {
            continue;
        }
        // The count must not be a part of something (`two of the three`), nor the whole a
        // part is taken from (`six of the seven countries – …` lists the six).
        let start = q_start(tokens, q);
        // A count after a bare `of` is only a preposition's object (`the activities of four
        // websites – …`, `the languages of the four big economies – …`).
        let number_at = |k: usize| {
            tokens.get(k).is_some_and(|t| {
                t.word
                    && (t.flags.intersects(Class::CARDINAL)
                        || t.text.starts_with(|c: char| c.is_ascii_digit()))
            })
        };
        let part_word = |k: usize| number_at(k) || tokens.get(k).is_some_and(names_a_part);
        let whole_of_part = start >= 2
            && (word_at(tokens, start - 1) == Some("of") && part_word(start - 2)
                || start >= 3
                    && word_at(tokens, start - 1) == Some("the")
                    && word_at(tokens, start - 2) == Some("of")
                    && part_word(start - 3));
        if end > 0 && word_at(tokens, end) == Some("of") || whole_of_part {
            continue;
        }
        let intro = list_intro(tokens, end);
        let Some((intro, list_start)) = intro else {
            continue;
        };
        // `half a dozen guises: …` is a rough count, not a promise of twelve.
        let written = tokens.get(start..end).unwrap_or_default();
        if written.iter().any(|t| t.lower == Some("dozen")) {
            continue;
        }
        // `West - who leads with 10 nominations - rose …`: a dash after a count inside a
        // dashed aside closes the aside.
        if intro == ListIntro::Dash
            && dashes
                .get_or_insert_with(|| dash_counts(tokens))
                .get(start)
                .is_some_and(|n| n % 2 == 1)
        {
            continue;
        }
        if let Some((min_items, max_items, span)) = read_list(tokens, list_start, intro) {
            numbers.lists.push(CountedList {
                count: index,
                intro,
                span,
                min_items,
                max_items,
            });
        }
    }
}

/// For each token of the sentence, how many dashes stand before it (`--` counts as one).
fn dash_counts(tokens: &[Token]) -> Vec<usize> {
    let mut counts = Vec::with_capacity(tokens.len());
    let mut count = 0;
    for k in 0..tokens.len() {
        counts.push(count);
        count += usize::from(dash_at(tokens, k).is_some());
    }
    counts
}

/// Whether a word before `of` takes a part of what follows (`each of`, `most of`, `the
/// smallest of the four banks`).
fn names_a_part(t: &Token) -> bool {
    let word = t.lowered();
    matches!(
        &*word,
        "one"
            | "each"
            | "all"
            | "most"
            | "some"
            | "none"
            | "any"
            | "both"
            | "either"
            | "neither"
            | "many"
            | "few"
            | "several"
            | "half"
            | "rest"
    ) || word.len() > 5 && word.ends_with("est")
}

/// Whether a word makes a clause of the list item it stands in: a finite form of `be`, `have`
/// or `do`, or a modal (`… and Arizona and could expand to others`).
fn is_finite_verb(t: &Token) -> bool {
    t.word
        && matches!(
            &*t.lowered(),
            "is" | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "does"
                | "did"
                | "will"
                | "would"
                | "could"
                | "can"
                | "may"
                | "might"
                | "should"
                | "must"
                | "shall"
        )
}

/// How the list after a count ending before token `end` is introduced, and where the list
/// starts: up to six words after the count (the counted noun and its modifiers), then a colon,
/// a dash, `namely` or `including`.
fn list_intro(tokens: &[Token], end: usize) -> Option<(ListIntro, usize)> {
    let mut k = end;
    let mut words = 0;
    while let Some(t) = tokens.get(k) {
        if t.is_punct(':') {
            return Some((ListIntro::Colon, k + 1));
        }
        // `the 12 cities studied – now and later`: a dash right after a participle opens
        // an aside, not the list (`four disputed issues – …` is a list).
        let after_participle = k > end + 1
            && tokens
                .get(k - 1)
                .filter(|t| t.word)
                .is_some_and(participle_shaped);
        if let Some(width) = dash_at(tokens, k).filter(|_| !after_participle) {
            return Some((ListIntro::Dash, k + width));
        }
        if t.is_punct(',') {
            return match word_at(tokens, k + 1) {
                Some("namely") => Some((ListIntro::Namely, k + 2)),
                Some("including") => Some((ListIntro::Including, k + 2)),
                _ => None,
            };
        }
        if t.word {
            if t.lower == Some("namely") {
                return Some((ListIntro::Namely, k + 1));
            }
            if t.lower == Some("including") {
                return Some((ListIntro::Including, k + 1));
            }
            words += 1;
            if words > 6
                || t.flags.intersects(Class::NUMBER_STOP)
                    && !matches!(t.lower, Some("on" | "of" | "for" | "in" | "the" | "and"))
            {
                break;
            }
        } else if !matches!(t.text, "'" | "’") {
            break;
        }
        k += 1;
    }
    None
}

/// The index of the token where quantity `q` starts (its hedge or sign included).
fn q_start(tokens: &[Token], q: &super::Quantity) -> usize {
    let start = q.span.start as usize;
    tokens.partition_point(|t| t.start < start)
}

/// Whether a count without a noun stands right before a list (`The four -- Park, Silva …`,
/// `the two: …`).
fn bare_count_before_list(tokens: &[Token], end: usize) -> bool {
    let Some(t) = tokens.get(end) else {
        return false;
    };
    let start = end.saturating_sub(2);
    word_at(tokens, start) == Some("the")
        && (is_dash(t)
            || t.is_punct(':')
            || t.is_punct('-') && tokens.get(end + 1).is_some_and(|n| n.is_punct('-')))
}

fn is_open_quote(t: &Token) -> bool {
    matches!(t.text, "«" | "“" | "‘")
}

fn is_close_quote(t: &Token) -> bool {
    matches!(t.text, "»" | "”" | "’")
}

/// Read the items of a list from token `start` to the end of the sentence: `(min, max, span)`,
/// or `None` when what follows does not look like a list of short items.
fn read_list(tokens: &[Token], start: usize, intro: ListIntro) -> Option<(usize, usize, Span)> {
    let (mut segments, mut last_token) = list_segments(tokens, start)?;
    // An item has no finite verb: a clause after the last item's `and` ends the list there;
    // a verb anywhere else shows it was no list. A verb in a relative clause belongs to its
    // item (`another inquiry that has not been named`).
    let verb_at = |seg: &[usize]| {
        let mut brackets = 0usize;
        let mut relative = false;
        seg.iter().position(|&k| {
            let Some(t) = tokens.get(k) else { return false };
            if t.is_punct('(') || t.is_punct('[') {
                brackets += 1;
            } else if t.is_punct(')') || t.is_punct(']') {
                brackets = brackets.saturating_sub(1);
            } else if matches!(t.lower, Some("and" | "or")) {
                relative = false;
            } else if matches!(t.lower, Some("that" | "which" | "who" | "whom" | "whose")) {
                relative = true;
            }
            brackets == 0 && !relative && is_finite_verb(t)
        })
    };
    let last_index = segments.len().checked_sub(1)?;
    for (n, seg) in segments.iter_mut().enumerate() {
        let Some(verb) = verb_at(seg) else { continue };
        let cut = seg
            .get(..verb)?
            .iter()
            .rposition(|&k| matches!(word_at(tokens, k), Some("and" | "or")))
            .filter(|&c| c > 0 && n == last_index)?;
        seg.truncate(cut);
        last_token = *seg.last()?;
    }
    // Items are told apart: two alike are one title cut by its commas (`Open Learning,
    // Introduction to … and Open Learning, Introduction to …`).
    let mut texts: Vec<Vec<&str>> = Vec::new();
    for seg in &segments {
        texts.push(Vec::new());
        for t in seg.iter().filter_map(|&k| tokens.get(k)).filter(|t| t.word) {
            if matches!(t.lower, Some("and" | "or")) {
                texts.push(Vec::new());
            } else if let Some(item) = texts.last_mut() {
                item.push(t.text);
            }
        }
    }
    if texts
        .iter()
        .enumerate()
        .any(|(n, a)| !a.is_empty() && texts.iter().skip(n + 1).any(|b| b == a))
    {
        return None;
    }
    // `9 people — six women and three men`: items that are counts themselves break the count
    // down; they do not list it (`one on Russia and one on obstruction` lists them one by one).
    let opens_with_count = |seg: &Vec<usize>| {
        seg.iter()
            .filter_map(|&k| tokens.get(k))
            .find(|t| t.word && !matches!(t.lower, Some("and" | "or")))
            .is_some_and(|t| {
                t.lower != Some("one") && t.flags.intersects(Class::CARDINAL)
                    || t.text.starts_with(|c: char| c.is_ascii_digit())
            })
    };
    if segments.iter().any(opens_with_count) {
        return None;
    }
    // `Las Venturas, a carbon copy of Las Vegas`: an appositive after a name.
    let first_capital = segments
        .first()
        .and_then(|s| s.iter().filter_map(|&k| tokens.get(k)).find(|t| t.word))
        .is_some_and(Token::capitalized);
    let count = segments.len();
    let words: Vec<SegmentWords> = segments.iter().map(|s| segment_words(tokens, s)).collect();
    // Items are short, or the list is plainly one: a long item (`a payment he took from a
    // campaign group`) is read after a colon, a dash or `namely`, with every `and` in the
    // last segment; a long segment is otherwise a clause or an appositive, and comma
    // counting no longer tells items apart.
    let longest = words.iter().map(|w| w.longest_item).max().unwrap_or(0);
    if longest > 4 {
        let joined_early = words
            .iter()
            .take(count.saturating_sub(1))
            .any(|w| !w.conjunctions.is_empty());
        if longest > 12 || intro == ListIntro::Including || joined_early {
            return None;
        }
    }
    let mut definite = 0;
    let mut optional = 0;
    for (n, (seg, words)) in segments.iter().zip(&words).enumerate() {
        // An item does not speak (`…, they said`); `United States Lines` is a name.
        let speaks = seg.iter().filter_map(|&k| tokens.get(k)).any(|t| {
            t.word
                && !words.open_at_end
                && !t.capitalized()
                && t.flags.intersects(Class::SPEECH_VERB)
        });
        if speaks {
            return None;
        }
        let mut seg_words = seg
            .iter()
            .filter_map(|&k| tokens.get(k))
            .filter(|t| t.word && !matches!(t.lower, Some("and" | "or")));
        let opener = seg_words.next();
        let second = seg_words.next();
        // After a dash an aside may open at once (`the nine members – who served …`, `three
        // papers — as well as …`); any later segment may open one.
        let aside = if n == 0 {
            intro == ListIntro::Dash && opener.is_some_and(|t| opens_dash_aside(t, second))
        } else {
            opener.is_some_and(opens_aside)
        };
        if aside {
            return None;
        }
        // `…, former mayor of South Bend`: a long segment that opens on a former role is an
        // appositive of the item before it.
        if n > 0 && words.longest_item > 4 && opener.is_some_and(opens_appositive) {
            return None;
        }
        if n > 0 && first_capital && opener.is_some_and(|t| matches!(t.lower, Some("a" | "an"))) {
            return None;
        }
        // `«A,» «B,» and «C»`: commas inside the quotes separate quoted items.
        if words.quoted_runs >= 2 && words.bare_words == 0 {
            definite += words.quoted_runs - 1;
            continue;
        }
        let (more, maybe) = items_joined(tokens, seg, &words.conjunctions, n + 1 == count);
        definite += more;
        optional += maybe;
    }
    let min = count + definite;
    let max = min + optional;
    if max < 2 {
        return None;
    }
    let span = Span::new(tokens.get(start)?.start, tokens.get(last_token)?.end);
    Some((min, max, span))
}

/// The comma-separated segments of a list from token `start` (token indices; commas inside
/// quotations and brackets do not separate), up to a closing dash, with the index of its last
/// token. `None` when a `;`, `:`, `?` or a sentence-ending period shows it is no list.
fn list_segments(tokens: &[Token], start: usize) -> Option<(Vec<Vec<usize>>, usize)> {
    let mut segments: Vec<Vec<usize>> = vec![Vec::new()];
    let mut depth = 0usize;
    let mut straight_open = false;
    let mut paren = 0usize;
    let mut last_token = start;
    for (k, t) in tokens.iter().enumerate().skip(start) {
        let in_quote = depth > 0 || straight_open;
        if t.is_punct('"') {
            straight_open = !straight_open;
        } else if is_open_quote(t) {
            depth += 1;
        } else if is_close_quote(t) && depth > 0 {
            depth -= 1;
        } else if t.is_punct('(') || t.is_punct('[') {
            paren += 1;
        } else if t.is_punct(')') || t.is_punct(']') {
            paren = paren.saturating_sub(1);
        } else if !in_quote && paren == 0 {
            if t.is_punct(',') {
                segments.push(Vec::new());
                continue;
            }
            if t.is_punct(';') || t.is_punct(':') || t.is_punct('?') {
                return None;
            }
            // `The three coaches -- Park, Silva and Moreau -- met`: a second dash closes it.
            if is_dash(t)
                || t.is_punct('-')
                    && (tokens.get(k + 1).is_some_and(|n| n.is_punct('-'))
                        || k > 0 && !touching(tokens, k - 1, k))
            {
                break;
            }
            let abbreviation = k > 0
                && tokens
                    .get(k - 1)
                    .is_some_and(|p| p.word && p.capitalized() && p.text.chars().count() <= 4);
            if t.is_punct('.') && k + 1 < tokens.len() && !abbreviation {
                return None;
            }
        }
        if t.word || !t.is_punct('.') {
            last_token = k;
        }
        if let Some(seg) = segments.last_mut() {
            seg.push(k);
        }
    }
    segments.retain(|s| s.iter().any(|&k| tokens.get(k).is_some_and(|t| t.word)));
    (!segments.is_empty()).then_some((segments, last_token))
}

/// The words of one list segment outside quotations, each quoted run counting as one.
struct SegmentWords {
    /// Words and quoted runs.
    units: usize,
    /// Positions in the segment of `and` and `or` after its first token.
    conjunctions: Vec<usize>,
    quoted_runs: usize,
    /// Words outside quotations, conjunctions aside.
    bare_words: usize,
    /// Whether a quotation is still open at the segment's end.
    open_at_end: bool,
    /// The most units between two conjunctions, words in brackets left out: the longest item
    /// (`Rick Scannell and Tom de la Mare` has items of two and four).
    longest_item: usize,
}

fn segment_words(tokens: &[Token], seg: &[usize]) -> SegmentWords {
    let mut words = SegmentWords {
        units: 0,
        conjunctions: Vec::new(),
        quoted_runs: 0,
        bare_words: 0,
        open_at_end: false,
        longest_item: 0,
    };
    let mut depth = 0usize;
    let mut straight = false;
    let mut brackets = 0usize;
    let mut item = 0usize;
    for (pos, &k) in seg.iter().enumerate() {
        let Some(t) = tokens.get(k) else { continue };
        if t.is_punct('(') || t.is_punct('[') {
            brackets += 1;
        } else if t.is_punct(')') || t.is_punct(']') {
            brackets = brackets.saturating_sub(1);
        }
        if t.is_punct('"') {
            straight = !straight;
            if straight {
                words.units += 1;
                words.quoted_runs += 1;
                item += 1;
            }
            continue;
        }
        if is_open_quote(t) {
            if depth == 0 {
                words.units += 1;
                words.quoted_runs += 1;
                item += 1;
            }
            depth += 1;
            continue;
        }
        if is_close_quote(t) {
            depth = depth.saturating_sub(1);
            continue;
        }
        if depth > 0 || straight || !t.word {
            continue;
        }
        if matches!(t.lower, Some("and" | "or")) {
            if pos > 0 {
                words.conjunctions.push(pos);
            }
            words.longest_item = words.longest_item.max(item);
            item = 0;
            continue;
        }
        words.units += 1;
        words.bare_words += 1;
        if brackets == 0 {
            item += 1;
        }
    }
    words.longest_item = words.longest_item.max(item);
    words.open_at_end = depth > 0 || straight;
    words
}

/// Whether the first word after a dash opens an aside, not a list: a word of
/// [`opens_aside`], a participle with its agent (`led by …`, `followed by …`) or a linking
/// word (`as well as`, `along with`, `with`, `not`, `mostly`).
fn opens_dash_aside(opener: &Token, next: Option<&Token>) -> bool {
    let lowered = opener.lowered();
    let participle =
        participle_shaped(opener) || matches!(&*lowered, "led" | "run" | "made" | "held" | "seen");
    participle && next.is_some_and(|t| t.lower == Some("by"))
        || opens_aside(opener)
        || matches!(
            &*lowered,
            "as" | "along"
                | "together"
                | "with"
                | "without"
                | "plus"
                | "like"
                | "such"
                | "not"
                | "mostly"
                | "many"
                | "most"
                | "some"
                | "including"
                | "excluding"
                | "among"
                | "that"
                | "then"
                | "even"
                | "just"
                | "only"
                | "or"
                | "mainly"
                | "chiefly"
                | "notably"
                | "especially"
                | "particularly"
                | "largely"
        )
}

/// Whether a segment's first word makes it an appositive of the item before (`former`,
/// `then`, `later`, `now`).
fn opens_appositive(opener: &Token) -> bool {
    matches!(
        &*opener.lowered(),
        "former" | "then" | "later" | "now" | "currently"
    )
}

/// Whether a segment's first word opens an aside rather than an item (`which`, `aka`,
/// `respectively`).
fn opens_aside(opener: &Token) -> bool {
    matches!(
        opener.lower,
        Some(
            "which"
                | "who"
                | "whose"
                | "aka"
                | "a.k.a"
                | "known"
                | "formerly"
                | "now"
                | "also"
                | "once"
                | "both"
                | "each"
                | "all"
                | "respectively"
        )
    )
}

/// How many more items the conjunctions of a segment make, `(definite, optional)`: the first
/// `and` of the last segment joins two items, unless it sits between two capitalized words that
/// may be one name (`Volvo, Kia and Tata` are three; `Smith and Sons Ltd` is one).
fn items_joined(
    tokens: &[Token],
    seg: &[usize],
    conjunctions: &[usize],
    last: bool,
) -> (usize, usize) {
    let mut definite = 0;
    let mut optional = 0;
    for (c, &pos) in conjunctions.iter().enumerate() {
        let before = pos
            .checked_sub(1)
            .and_then(|p| seg.get(p))
            .and_then(|&k| tokens.get(k));
        let after = seg.get(pos + 1).and_then(|&k| tokens.get(k));
        let company = seg
            .get(pos + 2)
            .and_then(|&k| tokens.get(k))
            .is_some_and(|t| t.word && t.flags.intersects(Class::COMPANY_SUFFIX));
        let names = before.is_some_and(Token::capitalized)
            && after.is_some_and(Token::capitalized)
            && (company || !last);
        if last && c == 0 && !names {
            definite += 1;
        } else {
            optional += 1;
        }
    }
    (definite, optional)
}

fn find_conversions(
    tokens: &[Token],
    ends: &[usize],
    first: usize,
    numbers: &mut Numbers,
    quantity_at: &dyn Fn(usize) -> Option<usize>,
) {
    for (n, &end) in ends.iter().enumerate() {
        let index = first + n;
        if !tokens.get(end).is_some_and(|t| t.is_punct('(')) {
            continue;
        }
        let mut k = end + 1;
        while word_at(tokens, k).is_some_and(|w| {
            matches!(
                w,
                "about"
                    | "around"
                    | "approximately"
                    | "roughly"
                    | "some"
                    | "nearly"
                    | "almost"
                    | "or"
                    | "equivalent"
                    | "to"
                    | "approx"
                    | "just"
                    | "over"
                    | "under"
                    | "more"
                    | "less"
                    | "than"
            )
        }) {
            k += 1;
        }
        // A currency sign may start the converted quantity.
        let to = (end + 1..=k + 2).find_map(quantity_at);
        let Some(to) = to.filter(|&t| t == index + 1) else {
            continue;
        };
        let closes = ends
            .get(to - first)
            .and_then(|&e| tokens.get(e))
            .is_some_and(|t| t.is_punct(')'));
        if closes {
            numbers.conversions.push(Conversion { from: index, to });
        }
    }
}

/// A total broken down into parts: `200 delegates, of whom 120 came from Africa and 100 from
/// Asia`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breakdown {
    /// Index of the total.
    pub whole: usize,
    /// Indices of the parts.
    pub parts: Vec<usize>,
}

/// A total, then `of whom`, `of which`, `among them` or `among whom`, then two or more parts
/// that split the total by place or origin (`120 from Africa`, `80 in Lagos`) or count the same
/// thing as the total. Parts that name other things (`120 women and 100 children`) may overlap
/// and are not read as a breakdown.
fn find_breakdowns(
    tokens: &[Token],
    starts: &[usize],
    ends: &[usize],
    first: usize,
    numbers: &mut Numbers,
) {
    for (n, &end) in ends.iter().enumerate() {
        let whole_index = first + n;
        let Some(whole) = numbers.quantities.get(whole_index) else {
            continue;
        };
        if !whole.is_quantity()
            || whole.unit.is_some()
            || whole.range_high.is_some()
            || whole.counted.is_none()
            || matches!(whole.hedge, Some(super::Hedge::AtLeast))
        {
            continue;
        }
        // The marker must follow within the counted phrase and a comma.
        let marker = (end..(end + 6).min(tokens.len())).find(|&k| {
            matches!(
                (word_at(tokens, k), word_at(tokens, k + 1)),
                (Some("of"), Some("whom" | "which")) | (Some("among"), Some("them" | "whom"))
            ) && tokens.get(k - 1).is_some_and(|t| t.is_punct(','))
        });
        let Some(marker) = marker else { continue };
        let mut parts = Vec::new();
        for (m, (&start, &part_end)) in starts.iter().zip(ends).enumerate().skip(n + 1) {
            if start < marker {
                continue;
            }
            let Some(part) = numbers.quantities.get(first + m) else {
                continue;
            };
            if !part.is_quantity() {
                continue;
            }
            let same_thing = part.counted.is_some() && part.counted == whole.counted;
            // `120 from Africa`, `120 came from Africa`, `80 were in Lagos`.
            let place = |k: usize| matches!(word_at(tokens, k), Some("from" | "in" | "at"));
            let verb = part.counted.as_deref().is_some_and(|c| {
                matches!(
                    c,
                    "came"
                        | "come"
                        | "were"
                        | "are"
                        | "was"
                        | "live"
                        | "lived"
                        | "work"
                        | "worked"
                        | "died"
                        | "arrived"
                )
            });
            let by_place =
                (part.counted.is_none() && place(part_end)) || (verb && place(part_end + 1));
            if part.unit.is_some() || part.hedge.is_some() || !(same_thing || by_place) {
                parts.clear();
                break;
            }
            parts.push(first + m);
        }
        if parts.len() >= 2 {
            numbers.breakdowns.push(Breakdown {
                whole: whole_index,
                parts,
            });
        }
    }
}

fn find_parts(
    tokens: &[Token],
    ends: &[usize],
    first: usize,
    numbers: &mut Numbers,
    quantity_at: &dyn Fn(usize) -> Option<usize>,
) {
    for (n, &end) in ends.iter().enumerate() {
        let index = first + n;
        let Some(part) = numbers.quantities.get(index) else {
            continue;
        };
        // `25 of the 22`, `13 out of 12`.
        let out_of = word_at(tokens, end) == Some("out") && word_at(tokens, end + 1) == Some("of");
        if !part.is_quantity() || word_at(tokens, end) != Some("of") && !out_of {
            continue;
        }
        let mut k = end + 1 + usize::from(out_of);
        if word_at(tokens, k).is_some_and(|w| matches!(w, "the" | "its" | "their" | "all")) {
            k += 1;
            // `14 of the last 12 months`, `24 of the past 22 years`.
            if word_at(tokens, k)
                .is_some_and(|w| matches!(w, "last" | "past" | "previous" | "first" | "next"))
            {
                k += 1;
            }
        }
        match part.unit {
            None if (part.counted.is_none()
                || out_of && part.counted.as_deref() == Some("out"))
                && !part.scaled =>
            {
                let Some(whole) = quantity_at(k) else {
                    continue;
                };
                let Some(w) = numbers.quantities.get(whole) else {
                    continue;
                };
                // `13 out of 12`: `out of` says part and whole without a noun after them.
                // A span of time is a whole as well (`24 of the 22 years since`).
                let span_of_time =
                    matches!(w.unit, Some(Unit::Measure(lexicon::Dimension::Time, _)));
                if w.is_quantity()
                    && (w.unit.is_none() || span_of_time)
                    && (w.counted.is_some() || span_of_time || out_of && !w.scaled)
                    && w.range_high.is_none()
                {
                    numbers.parts.push(PartOfWhole {
                        part: index,
                        whole: Some(whole),
                        relation: PartRelation::CountOf,
                    });
                }
            }
            Some(Unit::Percent) if part.value > 100.0 && part.hedge.is_none() => {
                let whole = quantity_at(k);
                let noun_at = whole
                    .and_then(|w| numbers.quantities.get(w))
                    .and_then(|w| w.counted.clone())
                    .or_else(|| word_at(tokens, k).map(str::to_owned));
                let Some(noun) = noun_at else { continue };
                let group = noun
                    .split(' ')
                    .next_back()
                    .is_some_and(|w| lexicon::is(w, Class::GROUP_NOUN));
                if group {
                    numbers.parts.push(PartOfWhole {
                        part: index,
                        whole,
                        relation: PartRelation::ShareOf,
                    });
                }
            }
            _ => {}
        }
    }
}
