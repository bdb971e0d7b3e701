//! P001: one name spelled two ways.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hash};

use super::QuotationSweep;
use crate::document::Article;
use crate::extract::names::{FxBuild, is_place_word, is_title_word};
use crate::lexicon::{self, Class};
use crate::parse::Role;
use crate::rules::{Check, Context, declare_rule};
use crate::source::Span;

/// P001 name-variant.
#[derive(Debug, Default)]
pub struct NameVariant;

declare_rule! {
    /// ## What it checks
    /// A proper name (a person, an organization, a place) written once in a form one letter away
    /// from a name the article introduces or repeats (`Weng Yanjun` … `Weng Yanjung`, `Xinhua
    /// News Agency` … `Xinhua New Agency`), or with a hyphen, a space or a diacritic dropped or
    /// added (`Titus-Williams` … `Titus Williams`, `Time Warner` … `TimeWarner`).
    ///
    /// Plurals, demonyms and inflections (`Jingpiao`/`Jingpiaos`, `Africa`/`African`,
    /// `Kansas`/`Kansans`, `Update`/`Updated`), contractions (`You've`/`You're`), hashtags and
    /// handles (`#AlfieEvans`, `@WhiteHouse`), a solid word against two words (`Whitehouse`, a
    /// surname, against `White House`), case alone, titles of works in quotation marks, and a
    /// variant that is introduced as a person in its own right (with a role of its own) are left
    /// alone, and so is an entry of a roster (`Cohen, Dowson, Ellis`).
    ///
    /// A surname written alone (`Mr Bneali`, `Mr Lindqvsit, 58,`) is compared with the surnames
    /// of the people introduced by full name (`Tariq Benali`): one slip apart up to eight
    /// letters, two from nine; four- and five-letter surnames only when an honorific, a title,
    /// an age, a speech verb or a role in apposition shows the mention is a person's, or when
    /// a five-letter one opens a sentence as its subject (`Obema is estimated …`); a mention
    /// shown to be a person's is compared with every full name, even one the article gives no
    /// role (`Patrick Cescau, the UK-based co-chairman` … `said Mr Cesceu`) or one after titles
    /// (`Venezuelan President Hugo Chavez` … `President Chaez`). A title or an age with the
    /// misspelled form (`Mayor Angela Merkowits`) does not make it a new person. The right
    /// form is the one that introduces the person, unless the other spelling is written more
    /// often, and the message says so (`as introduced in paragraph 2`).
    ///
    /// ## Why it matters
    /// A misspelled name is the correction readers notice first, and a search for the right
    /// spelling misses the wrong one.
    ///
    /// ## Example
    /// ```markdown
    /// "Trendy designs help," said Weng Yanjun, head of the kiln institute.
    ///
    /// Weng Yanjun said the ducks sell well. "Young people see themselves in them," said Weng Yanjung.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// "Trendy designs help," said Weng Yanjun, head of the kiln institute.
    ///
    /// Weng Yanjun said the ducks sell well. "Young people see themselves in them," Weng said.
    /// ```
    ///
    /// ## Options
    /// None.
    NameVariant {
        code: "P001",
        name: "name-variant",
        category: Names,
        severity: Error,
        summary: "one name spelled two ways",
        layers: [Names, Quotes],
    }
}

/// One written form of a name with all its mentions.
struct Form<'a> {
    words: &'a [String],
    mentions: Vec<Span>,
    introduced: bool,
    /// The roles given to the form where it is introduced.
    roles: Vec<&'a str>,
}

/// Lower-case, diacritics folded, for comparing letters.
fn fold(word: &str) -> String {
    folded_chars(word).collect()
}

/// The characters of [`fold`]`(word)`.
fn folded_chars(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars().flat_map(char::to_lowercase).map(fold_char)
}

/// One lower-case character with its diacritic folded.
fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => 'u',
        'ý' | 'ÿ' => 'y',
        'ś' | 'š' | 'ş' => 's',
        'ź' | 'ż' | 'ž' => 'z',
        'ł' => 'l',
        'ř' => 'r',
        'ť' | 'ţ' => 't',
        'ď' => 'd',
        'ğ' => 'g',
        other => other,
    }
}

/// The letters of a name with spaces, hyphens and apostrophes removed, folded.
fn squeezed(words: &[String]) -> String {
    words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(fold_char)
        .collect()
}

/// Endings that make a different word of the same stem: plurals, demonyms and inflections
/// (`Kansas`, `Kansans`; `Honduras`, `Honduran`; `Update`, `Updated`; `Opposes`, `Opposed`).
/// What follows the longest common beginning of the two words is, on each side, empty or one
/// of these endings.
fn differs_by_ending(a: &str, b: &str) -> bool {
    let common = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((at, _), _)| at);
    let ending = |tail: &str| {
        matches!(
            tail,
            "" | "s" | "n" | "i" | "e" | "y" | "r" | "d" | "es" | "an" | "ns" | "ed" | "ans"
        )
    };
    let (ta, tb) = (&a[common.min(a.len())..], &b[common.min(b.len())..]);
    (ta, tb) != ("", "") && ending(ta) && ending(tb)
}

/// Whether a word is a contraction (`You've`, `They're`, `It'll`): an apostrophe and one or two
/// lower-case letters at its end. A name's apostrophe is followed by a capital (`O'Brien`).
fn is_contraction(word: &str) -> bool {
    word.rsplit_once(['\'', '’']).is_some_and(|(stem, tail)| {
        !stem.is_empty()
            && (1..=2).contains(&tail.chars().count())
            && tail.chars().all(|c| c.is_ascii_lowercase())
    })
}

/// Whether a mention is a hashtag or a handle (`#AlfieEvans`, `@WhiteHouse`): written for a
/// platform, not spelled for the story.
fn is_tag(text: &str, at: Span) -> bool {
    text[..at.start as usize].ends_with(['#', '@'])
}

/// Whether two folded words are the British and American spellings of one word (`centre`,
/// `center`; `labour`, `labor`; `organisation`, `organization`): each country's spelling of a
/// name is its own, not a slip.
fn regional_spelling(a: &str, b: &str) -> bool {
    let pairs = [
        ("re", "er"),
        ("our", "or"),
        ("ise", "ize"),
        ("isation", "ization"),
    ];
    let swapped = |x: &str, y: &str| {
        pairs.iter().any(|(uk, us)| {
            [(uk, us), (us, uk)].iter().any(|(from, to)| {
                x.match_indices(*from)
                    .any(|(at, _)| format!("{}{to}{}", &x[..at], &x[at + from.len()..]) == y)
            })
        })
    };
    swapped(a, b)
}

/// Whether two words of a name are one slip apart: one letter added, dropped, changed or two
/// swapped, both long enough that this is unlikely to be another name.
fn one_slip_apart(a: &str, b: &str, last_word: bool, min_len: usize) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    if fa == fb || fa.chars().count() < min_len || fb.chars().count() < min_len {
        return false;
    }
    if fa.chars().next() != fb.chars().next()
        || fa.chars().chain(fb.chars()).any(|c| c.is_ascii_digit())
    {
        return false;
    }
    if last_word && differs_by_ending(&fa, &fb)
        || fa.contains('-')
            && fa
                .split('-')
                .zip(fb.split('-'))
                .any(|(x, y)| x != y && differs_by_ending(x, y))
    {
        return false;
    }
    if is_contraction(a) || is_contraction(b) || regional_spelling(&fa, &fb) {
        return false;
    }
    if [a, b].iter().any(|w| {
        is_place_word(w)
            || is_title_word(w)
            || w.contains('.')
            || w.split(|c: char| !c.is_alphabetic())
                .any(|part| part.chars().count() >= 2 && part.chars().all(char::is_uppercase))
    }) {
        return false;
    }
    strsim::osa_distance(&fa, &fb) == 1
}

impl Check for NameVariant {
    fn check(&self, article: &Article, cx: &mut Context) {
        let mut forms: Vec<Form> = Vec::new();
        let mut index: HashMap<&[String], usize, FxBuild> = HashMap::default();
        let mut titles = QuotationSweep::titles(article);
        for name in &article.names.proper_names {
            if titles.contains(name.span.start) {
                continue;
            }
            let slot = *index.entry(name.words.as_slice()).or_insert_with(|| {
                forms.push(Form {
                    words: &name.words,
                    mentions: Vec::new(),
                    introduced: false,
                    roles: Vec::new(),
                });
                forms.len() - 1
            });
            if let Some(form) = forms.get_mut(slot) {
                form.mentions.push(name.span);
                form.introduced |= name.introduced;
                form.roles.extend(name.roles.iter().map(String::as_str));
            }
        }
        let mut reported: HashSet<usize> = HashSet::new();
        // Spaces, hyphens and diacritics: forms whose letters are the same.
        let mut by_letters: HashMap<String, Vec<usize>, FxBuild> = HashMap::default();
        for (slot, form) in forms.iter().enumerate() {
            if form.words.iter().map(|w| w.chars().count()).sum::<usize>() >= 6 {
                by_letters
                    .entry(squeezed(form.words))
                    .or_default()
                    .push(slot);
            }
        }
        for group in by_letters.values() {
            for pair in group.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                if forms[a].words.join(" ").to_lowercase()
                    == forms[b].words.join(" ").to_lowercase()
                {
                    continue; // case alone
                }
                if closed_up(&forms[a], &forms[b]) {
                    continue;
                }
                compare(article, cx, &forms, a, b, &mut reported);
            }
        }
        // Hyphens and spaces inside longer names: `Jonathan Titus-Williams` … `Titus Williams`.
        let mut joined_words: HashMap<String, usize, FxBuild> = HashMap::default();
        for (slot, form) in forms.iter().enumerate() {
            for word in form.words {
                let joins = word.contains('-')
                    || word.chars().skip(1).any(char::is_uppercase)
                        && word.chars().any(char::is_lowercase);
                if joins && word.chars().count() >= 6 {
                    joined_words
                        .entry(squeezed(std::slice::from_ref(word)))
                        .or_insert(slot);
                }
            }
        }
        for (slot, form) in forms.iter().enumerate() {
            if joined_words.is_empty() {
                break;
            }
            // Only a whole two-word name is compared with the joined word: `East African
            // Affairs` is not `The EastAfrican`.
            if form.words.len() != 2 || form.words.iter().any(|w| is_place_word(w)) {
                continue;
            }
            for pair in form.words.windows(2) {
                if let Some(&other) = joined_words.get(&squeezed(pair)) {
                    if other != slot && !pair.iter().any(|w| w.contains('-')) {
                        compare_words(article, cx, &forms, other, slot, pair, &mut reported);
                    }
                }
            }
        }
        for (a, b) in one_letter_apart(&forms) {
            compare(article, cx, &forms, a, b, &mut reported);
        }
        lone_surnames(article, cx, &forms, &mut reported);
    }
}

/// How many slips a surname of `len` letters may be from another before it is another name:
/// one up to eight letters, two from nine.
fn slips_allowed(len: usize) -> usize {
    if len >= 9 { 2 } else { 1 }
}

/// Someone a lone surname may be a slip for: a person the article introduces by full name, or
/// a full name written without other person evidence (`Patrick Cescau, the UK-based
/// co-chairman`) when the lone mention carries its own (`said Mr Cesceu`).
struct Named<'a> {
    surname: &'a str,
    full_name: String,
    introduction: Span,
    /// Mentions of the full name.
    mentions: usize,
}

/// The full names of two or three capitalized words that may write a person: none of them a
/// place, a title, a word that names no person or a calendar word. A run that opens on titles
/// (`Venezuelan President Hugo Chavez`) is read from the word after its last title.
fn full_names_of<'a>(forms: &'a [Form]) -> impl Iterator<Item = Named<'a>> + 'a {
    forms.iter().filter_map(|form| {
        let after_title = form
            .words
            .iter()
            .rposition(|w| is_title_word(w))
            .map_or(0, |at| at + 1);
        let words = form.words.get(after_title..).unwrap_or_default();
        let (2..=3, Some(last), Some(&first)) = (words.len(), words.last(), form.mentions.first())
        else {
            return None;
        };
        let plausible = words.iter().all(|w| {
            w.chars().count() >= 2
                && w.chars().all(char::is_alphabetic)
                && w.starts_with(char::is_uppercase)
                && w.chars().skip(1).any(char::is_lowercase)
                && !is_place_word(w)
                && !is_title_word(w)
                && !lexicon::is(w, Class::NOT_PERSON | Class::CALENDAR)
        });
        plausible.then(|| Named {
            surname: last.as_str(),
            full_name: words.join(" "),
            introduction: first,
            mentions: form.mentions.len(),
        })
    })
}

/// A surname written alone once (`Mr Bneali`, `Mr Lindqvsit, 58,`) a slip or two from the
/// surname of someone the article introduces by full name (`Tariq Benali`), and the surname of
/// nobody introduced. Four or five letters are compared only when the mention is a person's
/// (an honorific, a title, an age, a speech verb or a role in apposition with it), and such a
/// mention is compared with every full name, person evidence or not; or when five letters open
/// a sentence, compared with the people introduced.
fn lone_surnames(
    article: &Article,
    cx: &mut Context,
    forms: &[Form],
    reported: &mut HashSet<usize>,
) {
    let people = &article.names.people;
    let introduced: Vec<Named> = people
        .iter()
        .map(|p| Named {
            surname: p.surname.as_str(),
            full_name: p.full_name(),
            introduction: p.introduction,
            mentions: p.mentions.len(),
        })
        .collect();
    let mut written: Option<Vec<Named>> = None;
    for (slot, form) in forms.iter().enumerate() {
        let ([word], [at]) = (form.words, form.mentions.as_slice()) else {
            continue;
        };
        let len = word.chars().count();
        if len < 4
            || reported.contains(&slot)
            || people.iter().any(|p| p.words.contains(word))
            || forms
                .iter()
                .any(|f| f.words.len() > 1 && f.words.contains(word))
            || is_place_word(word)
            || is_title_word(word)
            || lexicon::is(word, Class::NOT_PERSON)
            || is_contraction(word)
            || word.chars().skip(1).any(char::is_uppercase)
            || is_tag(article.text, *at)
            || in_roster(article.text, *at)
            || before_particle(article.text, *at)
        {
            continue;
        }
        let reference = article.names.references.iter().find(|r| r.span == *at);
        // `Bzeos, the owner of the Washington Post`: a role in apposition shows a person too.
        let person_like = reference.is_some_and(|r| {
            r.honorific.is_some()
                || r.title.is_some()
                || r.age.is_some()
                || r.speech
                || r.described
                    .as_ref()
                    .is_some_and(|d| is_title_word(role_head(&d.text)))
        });
        // `Obema is estimated to …`: the subject opening a sentence is compared with the people
        // introduced, when it is no common word nor shaped like a verb or an adverb
        // (`Resorting`, `Late`).
        let subject = || {
            let lower = word.to_lowercase();
            len >= 5
                && reference.is_some_and(|r| r.sentence_start)
                && !lexicon::is(word, Class::ENGLISH_COMMON)
                && !["ing", "ed", "ly"].iter().any(|end| lower.ends_with(end))
        };
        if len < 6 && !person_like && !subject() {
            continue;
        }
        let named: &[Named] = if person_like {
            written.get_or_insert_with(|| {
                let mut all: Vec<Named> = full_names_of(forms)
                    .filter(|n| !introduced.iter().any(|p| p.full_name == n.full_name))
                    .collect();
                all.extend(introduced.iter().map(|p| Named {
                    surname: p.surname,
                    full_name: p.full_name.clone(),
                    introduction: p.introduction,
                    mentions: p.mentions,
                }));
                all
            })
        } else {
            &introduced
        };
        let folded = fold(word);
        let last_two = |w: &str| w.chars().rev().take(2).collect::<String>();
        let mut matches = named.iter().filter(|p| {
            let surname = fold(p.surname);
            let slips = strsim::osa_distance(&surname, &folded);
            surname.chars().next() == folded.chars().next()
                && surname.chars().count() >= 4
                && !differs_by_ending(&surname, &folded)
                && (slips == 1
                    || slips == 2
                        && slips_allowed(len) == 2
                        && last_two(&surname) == last_two(&folded))
        });
        let Some(person) = matches.next() else {
            continue;
        };
        if matches.any(|other| other.surname != person.surname) {
            continue;
        }
        let written_alone = forms
            .iter()
            .find(|f| matches!(f.words, [only] if *only == person.surname))
            .map_or(0, |f| f.mentions.len());
        let elsewhere: usize = named
            .iter()
            .filter(|p| p.surname == person.surname)
            .map(|p| p.mentions)
            .sum::<usize>()
            + written_alone;
        reported.insert(slot);
        cx.report(
            *at,
            as_introduced(
                word,
                person.surname,
                paragraph_of(article, person.introduction),
                elsewhere,
            ),
        )
        .label(
            person.introduction,
            format!("{} is introduced here", person.full_name),
        )
        .help(format!("spell the name `{}` throughout", person.surname));
    }
}

/// Whether one form closes up into one solid word what the other writes as two: `Whitehouse`
/// against `White House` is another name (Senator Whitehouse), not a slip. A closed-up form
/// that keeps its capitals (`TimeWarner`) and a hyphen against a space (`Manigault-Newman`,
/// `Kim Jong-un`) are still compared.
fn closed_up(a: &Form, b: &Form) -> bool {
    let words = |f: &Form| -> usize { f.words.iter().map(|w| w.split('-').count()).sum() };
    let (fewer, more) = if a.words.len() < b.words.len() {
        (a, b)
    } else if b.words.len() < a.words.len() {
        (b, a)
    } else if words(a) < words(b) {
        (a, b)
    } else {
        (b, a)
    };
    words(fewer) < words(more)
        && !fewer
            .words
            .iter()
            .any(|w| w.chars().skip(1).any(char::is_uppercase))
}

/// The number of characters of [`fold`]`(words.join(" "))`.
fn folded_len(words: &[String]) -> usize {
    words.iter().map(|w| folded_chars(w).count()).sum::<usize>() + words.len().saturating_sub(1)
}

/// The pairs of forms one letter apart, in the order they are compared: forms whose folded
/// texts (5 to 60 characters) share a key — the text itself or the text with one character
/// deleted — where each key holds at most its first eight forms, are compared in order of their
/// sorted key groups.
///
/// Only forms one slip apart ([`slip_between`]) are ever reported, and those differ in one word
/// whose first letter and length (give or take one) agree and whose other words are equal: such
/// pairs are found through an index of (word count, position, other words, first letter,
/// length), and only for them are the key groups built, so the comparisons happen in the same
/// order as over every key group.
fn one_letter_apart(forms: &[Form]) -> Vec<(usize, usize)> {
    let lengths: Vec<usize> = forms.iter().map(|f| folded_len(f.words)).collect();
    let candidates = slip_candidates(forms, &lengths);
    if candidates.is_empty() {
        return Vec::new();
    }
    in_key_group_order(forms, &lengths, candidates)
}

/// Whether a form of `len` folded characters is indexed for one-letter slips.
fn indexed_length(len: usize) -> bool {
    (5..=60).contains(&len)
}

/// The pairs of forms one slip apart ([`slip_between`]), found through the index of (word count,
/// position, other words, first letter, length), sorted.
fn slip_candidates(forms: &[Form], lengths: &[usize]) -> Vec<(usize, usize)> {
    let hasher = FxBuild::default();
    let indexed = |slot: usize| lengths.get(slot).is_some_and(|l| indexed_length(*l));
    // (word count, position, hash of the other words, first letter, length, slot).
    let mut entries: Vec<(usize, usize, u64, char, usize, usize)> = Vec::new();
    let mut word_hashes: Vec<u64> = Vec::new();
    for (slot, form) in forms.iter().enumerate() {
        if !indexed(slot) {
            continue;
        }
        let count = form.words.len();
        let min_len = if count >= 2 { 3 } else { 6 };
        word_hashes.clear();
        word_hashes.extend(form.words.iter().enumerate().map(|(i, w)| {
            let mut h = hasher.build_hasher();
            i.hash(&mut h);
            w.hash(&mut h);
            std::hash::Hasher::finish(&h)
        }));
        let total = word_hashes.iter().fold(0u64, |a, h| a.wrapping_add(*h));
        for (at, word) in form.words.iter().enumerate() {
            let mut letters = folded_chars(word);
            let Some(first) = letters.next() else {
                continue;
            };
            let len = 1 + letters.count();
            if len < min_len {
                continue;
            }
            let context = total.wrapping_sub(word_hashes[at]);
            entries.push((count, at, context, first, len, slot));
        }
    }
    entries.sort_unstable();
    let mut candidates: Vec<(usize, usize)> = Vec::new();
    for (i, &(count, at, context, first, len, a)) in entries.iter().enumerate() {
        for &(count2, at2, context2, first2, len2, b) in
            entries[i + 1..].iter().take(MAX_NEIGHBOURS)
        {
            if (count2, at2, context2, first2) != (count, at, context, first) || len2 > len + 1 {
                break;
            }
            candidates.push((a.min(b), a.max(b)));
        }
    }
    if candidates.is_empty() {
        return candidates;
    }
    candidates.sort_unstable();
    candidates.dedup();
    candidates.retain(|&(a, b)| a != b && slip_between(&forms[a], &forms[b]));
    candidates
}

/// The verified pairs `candidates`, in the order the key groups that hold them are compared:
/// a key is a form's folded text or that text with one letter left out, each group holding its
/// first eight forms.
fn in_key_group_order(
    forms: &[Form],
    lengths: &[usize],
    candidates: Vec<(usize, usize)>,
) -> Vec<(usize, usize)> {
    let indexed = |slot: usize| lengths.get(slot).is_some_and(|l| indexed_length(*l));
    // The key groups that hold a candidate pair, each with its first eight forms. A key is a
    // form's folded text or that text with one letter left out, hashed.
    let mut keys: HashMap<usize, Vec<u64>> = HashMap::new();
    let mut keys_of = |slot: usize| -> Vec<u64> {
        keys.entry(slot)
            .or_insert_with(|| {
                let text: Vec<char> = fold(&forms[slot].words.join(" ")).chars().collect();
                key_hashes(&text)
            })
            .clone()
    };
    // Each shared key, with its length in characters.
    let mut group_keys: HashMap<u64, usize> = HashMap::new();
    for &(a, b) in &candidates {
        let (keys_a, keys_b) = (keys_of(a), keys_of(b));
        for (at, key) in keys_a.iter().enumerate() {
            if keys_b.contains(key) {
                let len = if at == 0 { lengths[a] } else { lengths[a] - 1 };
                group_keys.insert(*key, len);
            }
        }
    }
    let key_lengths: HashSet<usize> = group_keys.values().copied().collect();
    let mut members: HashMap<u64, Vec<usize>> = HashMap::new();
    for (slot, &len) in lengths.iter().enumerate() {
        let wanted = key_lengths.contains(&len) || key_lengths.contains(&(len.wrapping_sub(1)));
        if !indexed(slot) || !wanted {
            continue;
        }
        let mut slot_keys = keys_of(slot);
        slot_keys.sort_unstable();
        slot_keys.dedup();
        for key in slot_keys {
            if let Some(&key_len) = group_keys.get(&key) {
                let group = members.entry(key).or_default();
                if group.len() < 8 && (len == key_len || len == key_len + 1) {
                    group.push(slot);
                }
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = group_keys
        .keys()
        .map(|key| members.remove(key).unwrap_or_default())
        .collect();
    groups.sort();
    let verified: HashSet<(usize, usize)> = candidates.into_iter().collect();
    let mut seen_pairs: HashSet<(usize, usize)> = HashSet::new();
    let mut pairs = Vec::new();
    for group in &groups {
        for (i, &a) in group.iter().enumerate() {
            for &b in &group[i + 1..] {
                let pair = (a.min(b), a.max(b));
                if a == b || !verified.contains(&pair) || !seen_pairs.insert(pair) {
                    continue;
                }
                pairs.push(pair);
            }
        }
    }
    pairs
}

/// Whether two forms of the same length differ in one word by one slip.
/// Most forms after one in the sorted index that it is compared with. Articles have a few dozen
/// forms per first letter and length; text with thousands of look-alike names stays linear.
const MAX_NEIGHBOURS: usize = 16;

/// Hashes of `text` itself (first) and of `text` with each one character left out, each mixed
/// with its length: the keys under which one-letter slips meet. Prefix hashes make it linear.
fn key_hashes(text: &[char]) -> Vec<u64> {
    const BASE: u64 = 0x0000_0100_0000_01b3;
    let n = text.len();
    let mut prefix = vec![0u64; n + 1];
    let mut power = vec![1u64; n + 1];
    for (i, &c) in text.iter().enumerate() {
        prefix[i + 1] = prefix[i].wrapping_mul(BASE).wrapping_add(u64::from(c) + 1);
        power[i + 1] = power[i].wrapping_mul(BASE);
    }
    let with_length =
        |len: usize, hash: u64| hash ^ (len as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    let mut keys = Vec::with_capacity(n + 1);
    keys.push(with_length(n, prefix[n]));
    for skip in 0..n {
        let tail = n - skip - 1;
        let suffix = prefix[n].wrapping_sub(prefix[skip + 1].wrapping_mul(power[tail]));
        let joined = prefix[skip].wrapping_mul(power[tail]).wrapping_add(suffix);
        keys.push(with_length(n - 1, joined));
    }
    keys
}

fn slip_between(a: &Form, b: &Form) -> bool {
    if a.words.len() != b.words.len() {
        return false;
    }
    let differing: Vec<usize> = (0..a.words.len())
        .filter(|&i| a.words[i] != b.words[i])
        .collect();
    let [at] = differing.as_slice() else {
        return false;
    };
    let last = *at + 1 == a.words.len();
    let min_len = if a.words.len() >= 2 { 3 } else { 6 };
    one_slip_apart(&a.words[*at], &b.words[*at], last, min_len)
}

/// Like [`compare`] for a joined word (`Titus-Williams`, in form `joined`) and the two words
/// `pair` that spell it apart (in form `apart`): the messages name the words, not the whole
/// names.
fn compare_words(
    article: &Article,
    cx: &mut Context,
    forms: &[Form],
    joined: usize,
    apart: usize,
    pair: &[String],
    reported: &mut HashSet<usize>,
) {
    let (Some(joined_form), Some(apart_form)) = (forms.get(joined), forms.get(apart)) else {
        return;
    };
    let squeezed_pair = squeezed(pair);
    let Some(word) = joined_form
        .words
        .iter()
        .find(|w| squeezed(std::slice::from_ref(*w)) == squeezed_pair)
    else {
        return;
    };
    let established = |f: &Form| f.mentions.len() >= 2 || f.introduced;
    let (variant, canonical, slot, canonical_text) = if apart_form.mentions.len() == 1
        && !apart_form.introduced
        && established(joined_form)
    {
        (apart_form, joined_form, apart, word.clone())
    } else if joined_form.mentions.len() == 1 && !joined_form.introduced && established(apart_form)
    {
        (joined_form, apart_form, joined, pair.join(" "))
    } else {
        return;
    };
    if variant
        .mentions
        .first()
        .is_some_and(|&at| is_tag(article.text, at))
    {
        return;
    }
    if !reported.insert(slot) {
        return;
    }
    let (Some(&at), Some(&first)) = (variant.mentions.first(), canonical.mentions.first()) else {
        return;
    };
    cx.report(
        at,
        format!(
            "`{}` is spelled `{canonical_text}` elsewhere ({})",
            &article.text[at.range()],
            times(canonical.mentions.len())
        ),
    )
    .label(first, "spelled this way here")
    .help(format!("spell the name `{canonical_text}` throughout"));
}

/// The head nouns of roles (`mayor` for `vice mayor`).
fn role_head(role: &str) -> &str {
    role.rsplit(' ').next().unwrap_or_default()
}

/// Where the person whose name `form` writes (their full name, or their surname alone) is
/// introduced by full name, the earliest when several are.
fn introduction_of(article: &Article, form: &Form) -> Option<Span> {
    article
        .names
        .people
        .iter()
        .filter(|p| {
            p.words.as_slice() == form.words || matches!(form.words, [only] if *only == p.surname)
        })
        .map(|p| p.introduction)
        .min()
}

/// Whether `variant` is introduced as a person in its own right: given a role here that the
/// other form never is, when the other form is given one. A title or an age the other form
/// shares (`Mayor`, `58`) is not that, and neither is the first role of a name the article
/// gave none before (`Ann Reyes` … `Senator Anne Reyes`).
fn in_own_right(variant: &Form, other: &Form) -> bool {
    variant.introduced
        && !other.roles.is_empty()
        && variant
            .roles
            .iter()
            .any(|r| !other.roles.iter().any(|o| role_head(o) == role_head(r)))
}

/// How often each of two forms' spellings is written: when they differ in one word, the
/// mentions of every form with that word (`Monteith` counts `David Monteith` and `Mr
/// Monteith`); else the mentions of the forms themselves.
fn spellings(forms: &[Form], a: &Form, b: &Form) -> (usize, usize) {
    let written = |word: &String| -> usize {
        forms
            .iter()
            .filter(|f| f.words.contains(word))
            .map(|f| f.mentions.len())
            .sum()
    };
    let differing = |x: &Form, y: &Form| -> Option<(usize, usize)> {
        match (x.words, y.words) {
            ([one], [.., last]) | ([.., last], [one]) if x.words.len() != y.words.len() => {
                let (from_x, from_y) = if x.words.len() == 1 {
                    (one, last)
                } else {
                    (last, one)
                };
                Some((written(from_x), written(from_y)))
            }
            _ if x.words.len() == y.words.len() => {
                let mut pairs = x.words.iter().zip(y.words).filter(|(p, q)| p != q);
                let (p, q) = pairs.next()?;
                pairs.next().is_none().then(|| (written(p), written(q)))
            }
            _ => None,
        }
    };
    differing(a, b).unwrap_or((a.mentions.len(), b.mentions.len()))
}

/// The paragraph (counted from 1, headings and the headline left out) that holds `at`.
fn paragraph_of(article: &Article, at: Span) -> usize {
    article
        .blocks
        .iter()
        .take_while(|b| b.span().start <= at.start)
        .filter(|b| !matches!(b.role, Role::Title | Role::Subhead | Role::Dateline))
        .count()
        .max(1)
}

/// Report the variant of two forms of one name. The right form is the one that introduces the
/// person (their full name, or their surname alone), else the one repeated or introduced; the
/// variant is written once, or twice against a person's introduction, and is not introduced
/// as someone else in its own right.
fn compare(
    article: &Article,
    cx: &mut Context,
    forms: &[Form],
    a: usize,
    b: usize,
    reported: &mut HashSet<usize>,
) {
    let (Some(form_a), Some(form_b)) = (forms.get(a), forms.get(b)) else {
        return;
    };
    // A name written once is established only when it is introduced and has two words or more.
    let established = |f: &Form| f.mentions.len() >= 2 || f.introduced && f.words.len() >= 2;
    let variant_of = |v: &Form, c: &Form| v.mentions.len() == 1 && !v.introduced && established(c);
    let (intro_a, intro_b) = (
        introduction_of(article, form_a),
        introduction_of(article, form_b),
    );
    let (spelled_a, spelled_b) = spellings(forms, form_a, form_b);
    let (variant, canonical, variant_slot, introduced_at) = match (intro_a, intro_b) {
        (Some(at), None) if form_b.mentions.len() <= 2 && spelled_a >= spelled_b => {
            (form_b, form_a, b, Some(at))
        }
        (None, Some(at)) if form_a.mentions.len() <= 2 && spelled_b >= spelled_a => {
            (form_a, form_b, a, Some(at))
        }
        (Some(x), Some(y))
            if x.start < y.start && form_b.mentions.len() == 1 && spelled_a >= spelled_b =>
        {
            (form_b, form_a, b, Some(x))
        }
        (Some(x), Some(y))
            if y.start < x.start && form_a.mentions.len() == 1 && spelled_b >= spelled_a =>
        {
            (form_a, form_b, a, Some(y))
        }
        _ if variant_of(form_b, form_a) => (form_b, form_a, b, None),
        _ if variant_of(form_a, form_b) => (form_a, form_b, a, None),
        _ => return,
    };
    if in_own_right(variant, canonical) {
        return;
    }
    if variant
        .mentions
        .iter()
        .any(|&at| is_tag(article.text, at) || in_roster(article.text, at))
    {
        return;
    }
    if !reported.insert(variant_slot) {
        return;
    }
    let (Some(&at), Some(&first)) = (variant.mentions.first(), canonical.mentions.first()) else {
        return;
    };
    let written = &article.text[at.range()];
    let canonical_text = canonical.words.join(" ");
    let message = match introduced_at {
        Some(intro) => as_introduced(
            written,
            &canonical_text,
            paragraph_of(article, intro),
            canonical.mentions.len(),
        ),
        None => format!(
            "`{written}` is spelled `{canonical_text}` elsewhere ({})",
            times(canonical.mentions.len())
        ),
    };
    cx.report(at, message)
        .label(first, "spelled this way here")
        .help(format!("spell the name `{canonical_text}` throughout"));
}

/// Whether the mention at `at` opens a longer name that goes on with a lower-case particle
/// (`Mohammad al-Otaibi`, `Ahmed bin Ali`): a given name, not a surname alone.
fn before_particle(text: &str, at: Span) -> bool {
    let after = &text[at.end as usize..];
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    let next: &str = rest
        .split(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default();
    let particle = next.split(['-', '‐']).next().unwrap_or_default();
    next.starts_with(char::is_lowercase) && lexicon::is(particle, Class::NAME_PARTICLE)
}

/// Whether the mention at `at` is one entry of a roster: a list of three or more single
/// capitalized words between commas (`Cohen, Dowson, Ellis`), where each is someone else.
fn in_roster(text: &str, at: Span) -> bool {
    let is_entry = |item: &str| {
        let item = item.trim();
        !item.is_empty()
            && item.split_whitespace().count() <= 2
            && item.starts_with(char::is_uppercase)
            && item
                .chars()
                .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '\'')
    };
    let before = &text[..at.start as usize];
    let after = &text[at.end as usize..];
    let entries_before = if before.trim_end().ends_with(',') {
        before
            .rsplit(',')
            .skip(1)
            .take(2)
            .take_while(|item| is_entry(item))
            .count()
    } else {
        0
    };
    let entries_after = after.strip_prefix(',').map_or(0, |rest| {
        rest.split(',')
            .take(2)
            .take_while(|item| is_entry(item))
            .count()
    });
    let lead_in = before.ends_with(", ") || before.ends_with(',') || entries_after > 0;
    lead_in && entries_before + entries_after >= 2
}

/// The message for a variant of a name the article introduces: which form it recommends, and
/// why (`as introduced in paragraph 2 and twice more`).
fn as_introduced(written: &str, canonical: &str, paragraph: usize, count: usize) -> String {
    let more = match count {
        0 | 1 => String::new(),
        2 => " and once more".to_owned(),
        3 => " and twice more".to_owned(),
        n => format!(" and {} more times", n - 1),
    };
    format!("`{written}` is spelled `{canonical}` as introduced in paragraph {paragraph}{more}")
}

fn times(count: usize) -> String {
    match count {
        1 => "once, where it is introduced".to_owned(),
        2 => "twice".to_owned(),
        n => format!("{n} times"),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{HashMap, HashSet};

    use proptest::prelude::*;

    use super::{Form, fold, one_letter_apart, slip_between};
    use crate::testing::codes_in;

    /// The straightforward index [`one_letter_apart`] must agree with: every form under its
    /// text and each one-letter deletion, at most eight forms a key.
    fn one_letter_apart_reference(forms: &[Form]) -> Vec<(usize, usize)> {
        let mut by_deletion: HashMap<String, Vec<usize>> = HashMap::new();
        for (slot, form) in forms.iter().enumerate() {
            let text = fold(&form.words.join(" "));
            let chars: Vec<char> = text.chars().collect();
            if chars.len() < 5 || chars.len() > 60 {
                continue;
            }
            let mut keys: HashSet<String> = HashSet::new();
            keys.insert(text.clone());
            for skip in 0..chars.len() {
                keys.insert(
                    chars
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| *i != skip)
                        .map(|(_, c)| c)
                        .collect(),
                );
            }
            for key in keys {
                let bucket = by_deletion.entry(key).or_default();
                if bucket.len() < 8 {
                    bucket.push(slot);
                }
            }
        }
        let mut seen_pairs: HashSet<(usize, usize)> = HashSet::new();
        let mut buckets: Vec<&Vec<usize>> = by_deletion.values().filter(|b| b.len() > 1).collect();
        buckets.sort();
        let mut pairs = Vec::new();
        for bucket in buckets {
            for (i, &a) in bucket.iter().enumerate() {
                for &b in &bucket[i + 1..] {
                    let pair = (a.min(b), a.max(b));
                    if a == b || !seen_pairs.insert(pair) {
                        continue;
                    }
                    if slip_between(&forms[a], &forms[b]) {
                        pairs.push(pair);
                    }
                }
            }
        }
        pairs
    }

    proptest! {
        #[test]
        fn one_letter_index_matches_the_reference(names in proptest::collection::vec(
            proptest::collection::vec(
                prop_oneof![
                    Just("Smith"), Just("Smyth"), Just("Smiths"), Just("SMITH"), Just("smith"),
                    Just("Smit"), Just("Msith"), Just("Weng"), Just("Yanjun"), Just("Yanjung"),
                    Just("Yanju"), Just("Yajun"), Just("Xu"), Just("Xi"), Just("Müller"),
                    Just("Muller"), Just("Mueller"), Just("Brazil"), Just("Brasil"), Just("J."),
                    Just("Al"), Just("Ali"), Just("Alli"), Just("Titus-Williams"), Just("İnci"),
                ],
                1..4,
            ),
            0..40,
        )) {
            let mut distinct: Vec<Vec<String>> = Vec::new();
            for name in names {
                let words: Vec<String> = name.iter().map(|w| (*w).to_owned()).collect();
                if !distinct.contains(&words) {
                    distinct.push(words);
                }
            }
            let forms: Vec<Form> = distinct
                .iter()
                .map(|words| Form { words, mentions: Vec::new(), introduced: false, roles: Vec::new() })
                .collect();
            prop_assert_eq!(one_letter_apart(&forms), one_letter_apart_reference(&forms));
        }

        #[test]
        fn one_letter_index_keeps_eight_forms_a_key(names in proptest::collection::vec(
            (
                prop_oneof![
                    Just("Smith"), Just("SMITH"), Just("smith"), Just("SMith"), Just("SmitH"),
                    Just("Smyth"), Just("SMYTH"), Just("smyth"), Just("Smiht"), Just("Smitt"),
                ],
                prop_oneof![Just("Anna"), Just("ANNA"), Just("anna"), Just("Anne"), Just("AnnA")],
            ),
            0..60,
        )) {
            let mut distinct: Vec<Vec<String>> = Vec::new();
            for (a, b) in names {
                let words = vec![a.to_owned(), b.to_owned()];
                if !distinct.contains(&words) {
                    distinct.push(words);
                }
            }
            let forms: Vec<Form> = distinct
                .iter()
                .map(|words| Form { words, mentions: Vec::new(), introduced: false, roles: Vec::new() })
                .collect();
            prop_assert_eq!(one_letter_apart(&forms), one_letter_apart_reference(&forms));
        }
    }

    fn p001(text: &str) -> usize {
        codes_in(text).iter().filter(|c| **c == "P001").count()
    }

    #[test]
    fn quick_cases() {
        assert_eq!(
            p001("Weng Yanjun, head of the institute, spoke. Ducks sell well, said Weng Yanjung."),
            1
        );
        assert_eq!(
            p001("Jonathan Titus-Williams, deputy minister, spoke. Titus Williams said more."),
            1
        );
        assert_eq!(
            p001("The Jingpiao came. Jingpiaos came. Jingpiaos stayed."),
            0
        );
        assert_eq!(p001("Africa grew. African firms grew. Africa rose."), 0);
    }
}
