//! Acronyms: definitions (`the African Union (AU)`, `FOCAC (Forum on China-Africa Cooperation)`)
//! and uses.

use super::{Names, Shape, Word};
use crate::lexicon::{self, Class};
use crate::source::Span;

/// An acronym defined by an expansion next to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcronymDefinition {
    /// The acronym without periods or plural `s`: `AU`, `US`.
    pub acronym: String,
    /// The acronym as written.
    pub span: Span,
    /// The expansion's words as written (for a capitalized expansion, from the start of the
    /// capitalized run).
    pub expansion: Vec<String>,
    /// From the expansion's first to its last word.
    pub expansion_span: Span,
    /// Where the fitted tail of the expansion is written (the whole expansion when no tail
    /// fits).
    pub fitted_span: Span,
    /// The shortest tail of the expansion whose initials cover the acronym, lower-case, hyphens
    /// as spaces: what two definitions are compared by.
    pub fitted: String,
    /// Whether the acronym's letters can be read off the expansion (its initials in any order,
    /// or its letters in order starting with the first).
    pub fits: bool,
    /// Whether the expansion is capitalized (a proper name), not lower-case words.
    pub capitalized: bool,
    /// Whether the expansion starts cleanly: after an article, a preposition, a verb or
    /// punctuation, not after lower-case words that may belong to it (`radio frequency ID`).
    pub clean_start: bool,
    /// The initials of each tail of the expansion that starts with a capitalized word, without
    /// connectors (`AU` for `African Union`): the acronym the words would make.
    pub initials: Vec<String>,
    /// Whether the expansion ends in a company suffix (`Inc`, `Corp`): the parenthesis may
    /// hold a stock ticker instead.
    pub company: bool,
    /// Index of the block.
    pub block: usize,
}

/// An acronym used in prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcronymUse {
    /// The acronym without periods or plural `s`.
    pub acronym: String,
    /// Where it is written.
    pub span: Span,
    /// Index of the block.
    pub block: usize,
    /// Whether it names a work or a standard rather than standing for its expansion: a number
    /// or a word such as `show` right after it (`ISO 37001`, `the CSI TV shows`).
    pub names_work: bool,
}

/// The acronym a word spells, without periods or a plural `s`, if it is one: two to ten
/// capital letters.
pub(super) fn acronym_key(word: &Word) -> Option<String> {
    if word.shape != Shape::Capitals {
        return None;
    }
    let stem = word.text.strip_suffix('s').unwrap_or(word.text);
    let key: String = stem.chars().filter(|c| *c != '.').collect();
    let count = key.chars().count();
    ((2..=10).contains(&count) && key.chars().all(|c| c.is_uppercase())).then_some(key)
}

/// Find the acronym definitions and uses of one block.
pub(super) fn scan(block: usize, words: &[Word], names: &mut Names) {
    let mut skip_until = 0;
    for (i, word) in words.iter().enumerate() {
        let Some(key) = acronym_key(word) else {
            continue;
        };
        if i < skip_until {
            continue;
        }
        if word.gap.trim() == "(" && word.after == ')' {
            if let Some(definition) = expansion_before(block, words, i, &key) {
                names.acronym_definitions.push(definition);
                continue;
            }
        }
        if let Some((definition, end)) = expansion_after(block, words, i, &key) {
            names.acronym_definitions.push(definition);
            skip_until = end;
            continue;
        }
        let names_work = words.get(i + 1).is_some_and(|next| {
            next.joined()
                && (next.text.starts_with(|c: char| c.is_ascii_digit())
                    || next.is(Class::WORK_NOUN))
        });
        names.acronym_uses.push(AcronymUse {
            acronym: key,
            span: word.span,
            block,
            names_work,
        });
    }
}

fn is_name_word(word: &Word) -> bool {
    matches!(word.shape, Shape::Capitalized | Shape::Capitals)
}

/// `the African Union (AU)`: the expansion is the capitalized run before the parenthesis (with
/// connectors such as `on` and `of` inside it), or lower-case words whose initials spell it.
fn expansion_before(
    block: usize,
    words: &[Word],
    index: usize,
    key: &str,
) -> Option<AcronymDefinition> {
    let acronym = words.get(index)?;
    let mut start = index;
    let mut j = index;
    while j > 0 && index - j < 12 {
        let candidate = &words[j - 1];
        let joined_to_next = j == index || words[j].joined();
        if !joined_to_next {
            break;
        }
        // `Federation of the Phonographic Industry`: up to two connectors between name words.
        let connector = candidate.shape == Shape::Lower
            && candidate.is(Class::NAME_CONNECTOR)
            && (1..=2).any(|back| {
                j > back
                    && is_name_word(&words[j - 1 - back])
                    && words[j - back..j]
                        .iter()
                        .all(|w| w.shape == Shape::Lower && w.is(Class::NAME_CONNECTOR))
            });
        if is_name_word(candidate) || connector {
            j -= 1;
            if is_name_word(candidate) {
                start = j;
            }
        } else {
            break;
        }
    }
    // `The World Health Organization`: a capitalized article opens the sentence, not the name.
    while start < index && words[start].is_any(&["the", "a", "an"]) {
        start += 1;
    }
    if start < index {
        let expansion = &words[start..index];
        let previous = start.checked_sub(1).and_then(|p| words.get(p));
        return Some(definition(block, acronym, key, expansion, previous, true));
    }
    // Lower-case expansion: `gross domestic product (GDP)`.
    let letters = key.chars().count();
    let from = index.checked_sub(letters)?;
    let expansion = &words[from..index];
    let initials: String = expansion
        .iter()
        .filter_map(|w| w.text.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    let joined = expansion.iter().skip(1).all(Word::joined);
    let previous = from.checked_sub(1).and_then(|p| words.get(p));
    (joined && initials == key).then(|| definition(block, acronym, key, expansion, previous, false))
}

/// `FOCAC (Forum on China-Africa Cooperation)`, `the SIG program [Special Interest Groups]`:
/// capitalized words in parentheses or brackets right after the acronym (or after up to two
/// lower-case words that follow it) whose initials spell it. Returns the definition and the
/// index after the expansion.
fn expansion_after(
    block: usize,
    words: &[Word],
    index: usize,
    key: &str,
) -> Option<(AcronymDefinition, usize)> {
    let acronym = words.get(index)?;
    let opens = (1..=3).find(|&k| {
        let between = words.get(index + 1..index + k).unwrap_or_default();
        between
            .iter()
            .all(|w| w.shape == Shape::Lower && w.joined())
            && words
                .get(index + k)
                .is_some_and(|w| matches!(w.gap.trim(), "(" | "[") && is_name_word(w))
    })?;
    let begin = index + opens;
    let closing = if words[begin].gap.trim() == "[" {
        ']'
    } else {
        ')'
    };
    let mut end = begin;
    while end < words.len() && end - begin < 12 {
        let word = &words[end];
        if end > begin && !word.joined() {
            return None;
        }
        if !(is_name_word(word) || word.is(Class::NAME_CONNECTOR)) {
            return None;
        }
        end += 1;
        if word.after == closing {
            let expansion = &words[begin..end];
            let found = definition(block, acronym, key, expansion, None, true);
            return (found.fits && initials_cover(key, &parts(expansion))).then_some((found, end));
        }
    }
    None
}

/// One piece of an expansion word split at hyphens: its letters, lower-case.
fn parts(words: &[Word]) -> Vec<Vec<String>> {
    words
        .iter()
        .map(|w| {
            w.text
                .split(['-', '‐'])
                .filter(|p| !p.is_empty())
                .map(str::to_lowercase)
                .collect()
        })
        .collect()
}

/// Whether the acronym's letters are a sub-multiset of the initials of the words' parts.
fn initials_cover(key: &str, parts: &[Vec<String>]) -> bool {
    let mut initials: Vec<char> = parts
        .iter()
        .flatten()
        .filter_map(|p| p.chars().next())
        .collect();
    for letter in key.to_lowercase().chars() {
        match initials.iter().position(|c| *c == letter) {
            Some(found) => {
                initials.swap_remove(found);
            }
            None => return false,
        }
    }
    true
}

/// Whether the acronym spells the words in order: every word that is not a connector gives
/// its initial, and may give more of its letters after it (`Kuomintang (KMT)`, `Forum on
/// China-Africa Cooperation (FOCAC)`); connectors may give their initial or nothing.
fn letters_in_order(key: &str, parts: &[Vec<String>]) -> bool {
    let letters: Vec<char> = key.to_lowercase().chars().collect();
    let pieces: Vec<(Vec<char>, bool)> = parts
        .iter()
        .flatten()
        .map(|p| (p.chars().collect(), lexicon::is(p, Class::NAME_CONNECTOR)))
        .collect();
    let mut memo = vec![None; (letters.len() + 1) * (pieces.len() + 1)];
    spells(&letters, &pieces, 0, 0, &mut memo)
}

/// Whether `letters[i..]` spell `pieces[j..]` (see [`letters_in_order`]).
fn spells(
    letters: &[char],
    pieces: &[(Vec<char>, bool)],
    i: usize,
    j: usize,
    memo: &mut [Option<bool>],
) -> bool {
    let slot = i * (pieces.len() + 1) + j;
    if let Some(Some(known)) = memo.get(slot) {
        return *known;
    }
    let result = match pieces.get(j) {
        None => i == letters.len(),
        Some((piece, connector)) => {
            let skip = *connector && spells(letters, pieces, i, j + 1, memo);
            skip || letters
                .get(i)
                .is_some_and(|first| piece.first() == Some(first))
                && {
                    // The initial, then any further letters of the same piece, in order.
                    let mut next = i + 1;
                    let mut found = spells(letters, pieces, next, j + 1, memo);
                    let mut rest = piece.iter().skip(1);
                    while !found && next < letters.len() {
                        if !rest.any(|c| *c == letters[next]) {
                            break;
                        }
                        next += 1;
                        found = spells(letters, pieces, next, j + 1, memo);
                    }
                    found
                }
        }
    };
    if let Some(cell) = memo.get_mut(slot) {
        *cell = Some(result);
    }
    result
}

fn definition(
    block: usize,
    acronym: &Word,
    key: &str,
    expansion: &[Word],
    previous: Option<&Word>,
    capitalized: bool,
) -> AcronymDefinition {
    let all_parts = parts(expansion);
    let mut fits = initials_cover(key, &all_parts);
    let mut fitted_from = 0;
    for from in (0..expansion.len()).rev() {
        if expansion[from].shape == Shape::Lower {
            continue;
        }
        let tail = &all_parts[from..];
        if letters_in_order(key, tail) {
            fits = true;
        }
        if initials_cover(key, tail) {
            fitted_from = from;
            break;
        }
    }
    let fitted = all_parts[fitted_from..]
        .iter()
        .flatten()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ");
    let initials: Vec<String> = (0..expansion.len())
        .filter(|&from| expansion[from].shape != Shape::Lower)
        .map(|from| {
            expansion[from..]
                .iter()
                .filter(|w| w.shape != Shape::Lower)
                .flat_map(|w| w.text.split(['-', '‐']).filter_map(|p| p.chars().next()))
                .flat_map(char::to_uppercase)
                .collect()
        })
        .collect();
    let clean_start = match expansion.first() {
        None => false,
        Some(first) => {
            first.sentence_start
                || first.gap.trim() != ""
                || previous.is_none_or(|w| {
                    w.shape != Shape::Lower || w.is(Class::NAME_CONNECTOR | Class::ACRONYM_OPENER)
                })
        }
    };
    let company = expansion
        .last()
        .is_some_and(|w| w.is(Class::COMPANY_SUFFIX));
    let fitted_start = expansion
        .get(fitted_from)
        .map_or(acronym.span.start, |w| w.span.start);
    let span_start = expansion
        .first()
        .map_or(acronym.span.start, |w| w.span.start);
    let span_end = expansion.last().map_or(acronym.span.end, |w| w.span.end);
    AcronymDefinition {
        acronym: key.to_owned(),
        span: acronym.span,
        expansion: expansion.iter().map(|w| w.text.to_owned()).collect(),
        expansion_span: Span::new(span_start as usize, span_end as usize),
        fitted_span: Span::new(fitted_start as usize, span_end as usize),
        fitted,
        fits,
        clean_start,
        initials,
        capitalized,
        company,
        block,
    }
}
