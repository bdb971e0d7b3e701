//! All of factlint's word knowledge, once: every word an extractor or a rule compares against,
//! with the classes it belongs to and what it means (a month's number, a weekday, a gender).
//!
//! The words live in files by word class (`calendar.rs`, `people.rs`, `speech.rs`, …), not by
//! the family that reads them. [`lookup`] finds a word in any case through one table built once
//! (one FxHash of the word with its ASCII letters lowered as it is read, no allocation and no
//! copy per lookup); an unknown word is `None`, so a comparison can only
//! be made with a [`Class`] the word is known to have ([`is`]), never with a string that
//! silently fails to match.
//!
//! This module depends on nothing else in the crate: `parse/`, `extract/` and `rules/` depend
//! on it.

mod calendar;
mod fold;
mod function;
mod hash;
mod numbers;
mod organizations;
mod people;
mod places;
mod rules;
mod speech;
#[cfg(test)]
mod tests;
mod time;
mod units;

use std::collections::HashMap;
use std::sync::OnceLock;

pub use calendar::{MONTHS, WEEKDAYS, month_name, weekday_name};
pub use fold::fold_diacritics;
pub use hash::{FxBuild, FxHasher};
pub use numbers::{glued_scale, scale, spelled_cardinal, spelled_ordinal, times_factor};
pub use people::{Gender, gender_of, same_given_name};
pub use units::{
    Dimension, Hedge, Phrase, Unit, currency_sign, glued_unit, hedges_ending, units, units_starting,
};

bitflags::bitflags! {
    /// The classes of a word: what it is to some extractor or rule. A word may be in several
    /// (`may` is a month and a function word; `second` an ordinal and a time unit).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
    pub struct Class: u128 {
        // --- calendar.rs
        /// A month's name (`January`), with [`Entry::month`].
        const MONTH = 1 << 0;
        /// A month's abbreviation (`Jan`, `Sept`), with [`Entry::month`].
        const MONTH_ABBREVIATION = 1 << 1;
        /// A weekday's name (`Monday`), with [`Entry::weekday`].
        const WEEKDAY = 1 << 2;
        /// A weekday's abbreviation of three letters or more (`Thu`, `Thurs`), with
        /// [`Entry::weekday`].
        const WEEKDAY_ABBREVIATION = 1 << 3;
        /// A weekday's two-letter abbreviation (`Th`), read only in a bracket or after a date,
        /// with [`Entry::weekday`].
        const WEEKDAY_TWO_LETTERS = 1 << 4;
        /// A holiday (`Christmas`): a calendar word that is never a name.
        const HOLIDAY = 1 << 5;

        // --- people.rs
        /// An honorific before a name (`Mr`, `Dame`), with [`Entry::gender`].
        const HONORIFIC = 1 << 6;
        /// A title written abbreviated with a period before a name (`Gov.`, `Sgt.`).
        const ABBREVIATED_TITLE = 1 << 7;
        /// A title or rank before a name and not part of it (`president`, `senator`).
        const TITLE = 1 << 8;
        /// A role noun that shows a name in an appositive is a person (`spokesman`).
        const ROLE_NOUN = 1 << 9;
        /// A particle inside a name (`van`, `bin`).
        const NAME_PARTICLE = 1 << 10;
        /// A family name commonly written first (`Xu`, `Nguyen`).
        const FAMILY_FIRST_SURNAME = 1 << 11;
        /// A third-person pronoun that stands for a speaker (`he`, `she`), with
        /// [`Entry::gender`].
        const PRONOUN = 1 << 12;
        /// A given name in the nickname table, short or full (`Bill`, `William`); see
        /// [`same_given_name`].
        const GIVEN_NAME = 1 << 13;
        /// A plural noun after a surname that makes it a family or a pair, not one person
        /// (`the Bryan twins`, `the Clinton couple`).
        const FAMILY_GROUP = 1 << 54;

        // --- speech.rs
        /// A verb that attributes speech (`said`, `quipped`).
        const SPEECH_VERB = 1 << 14;
        /// A word before a quotation that makes it the title of a work (`titled`, `album`).
        const TITLE_CUE = 1 << 15;
        /// A word before a quotation that makes it a term being explained (`means`, `word`).
        const TERM_CUE = 1 << 16;
        /// A word that cites a source (`quoting`, `citing`).
        const CITING = 1 << 17;
        /// A word that opens the salutation of a letter or a speech (`Dear`, `Ladies`,
        /// `Fellow`): `"Dear Friends, "I have…` is a letter whose paragraphs were run together.
        const SALUTATION = 1 << 106;

        // --- organizations.rs
        /// A word that makes a capitalized run an organization, place or thing rather than a
        /// person (`University`, `Ministry`).
        const NOT_PERSON = 1 << 18;
        /// A company suffix that ends an organization's name (`Inc`, `plc`).
        const COMPANY_SUFFIX = 1 << 19;
        /// A lower-case word inside an organization's name (`of`, `für`).
        const NAME_CONNECTOR = 1 << 20;

        // --- function.rs
        /// A word that opens sentences and is not a name (`the`, `however`, `according`).
        const FUNCTION_WORD = 1 << 21;
        /// A word after which an acronym's expansion may start cleanly (`by`, `said`).
        const ACRONYM_OPENER = 1 << 22;
        /// An abbreviation whose period does not end a sentence (`Jr`, `approx`), beyond the
        /// abbreviated titles and month abbreviations.
        const ABBREVIATION = 1 << 24;
        /// One of the commonest words of English (`the`, `said`), which a passage in another
        /// language lacks.
        const ENGLISH_COMMON = 1 << 61;
        /// A function word of a language news copy often quotes (`que`, `und`, `não`).
        const FOREIGN_FUNCTION_WORD = 1 << 62;

        // --- time.rs
        /// A word that hedges an amount of time (`nearly`, `past`, `mid`).
        const TIME_HEDGE = 1 << 25;
        /// A word after a four-digit number that makes it a time or a quantity, not a year
        /// (`GMT`, `tonnes`).
        const NOT_YEAR_AFTER = 1 << 26;
        /// A named period whose span of years may follow in parentheses (`dynasty`, `era`).
        const PERIOD_HEAD = 1 << 27;
        /// A verb of lasting or ruling (`ruled from 1368 to 1644`).
        const SPAN_VERB = 1 << 28;
        /// A verb that changes a date (`moved from 2029 to 2021`).
        const DATE_CHANGE_VERB = 1 << 29;
        /// A capitalized word next to a date that is not a name (`The`, `Construction`).
        const NOT_NAME_NEAR_DATE = 1 << 30;
        /// A unit of time (`day`, `decades`).
        const TIME_UNIT = 1 << 31;
        /// A word after `in <year>` that continues the clause (`in 2016 offices in Paris`), so
        /// the year is one of several events, not the entity's own.
        const CLAUSE_CONTINUES = 1 << 32;
        /// A verb of an event that dates an entity (`founded`, `opened`, `born`).
        const EVENT_VERB = 1 << 33;
        /// An auxiliary before an event verb (`was`, `had`).
        const AUXILIARY = 1 << 34;
        /// A day named relative to today (`yesterday`, `tonight`).
        const RELATIVE_DAY = 1 << 35;
        /// A word before a weekday or a period that places it relative to now (`last`, `next`).
        const RELATIVE_PERIOD = 1 << 36;
        /// A word of a coming anniversary (`upcoming`, `eve`).
        const COMING = 1 << 37;
        /// A word that starts a date pattern beyond months, weekdays, amounts, ordinals and
        /// period heads (`from`, `aged`).
        const DATE_PATTERN_START = 1 << 38;
        /// A noun of a moment that a plan sets (`deadline`, `ban`, `end`): `an end to sales from
        /// 2040 to 2035` moves that moment rather than giving a span of years.
        const DATE_POINT_NOUN = 1 << 80;
        /// A word that makes a year with a two-digit end a season or fiscal year (`season`,
        /// `fiscal`): `the 2009-08 season` is not a year and its month.
        const SEASON_WORD = 1 << 81;
        /// A noun a year modifies in a comparison (`2012 levels`, `2012 dollars`): `fell
        /// between 2016 and 2012 levels` compares two years, it gives no range.
        const YEAR_MODIFIED_NOUN = 1 << 82;
        /// The noun an ordinal counts years of (`the 10th anniversary`).
        const ANNIVERSARY_NOUN = 1 << 115;

        // --- numbers.rs
        /// A spelled cardinal (`seven`, `ninety`), with [`Entry::value`].
        const CARDINAL = 1 << 39;
        /// A spelled ordinal (`first`, `tenth`), with [`Entry::value`].
        const ORDINAL = 1 << 40;
        /// A scale word (`million`, `bn`), with [`Entry::value`].
        const SCALE = 1 << 41;
        /// A word that may start a fraction (`half`, `quarter`).
        const FRACTION = 1 << 42;
        /// A word that multiplies a figure (`doubled`, `halved`), with [`Entry::value`].
        const TIMES = 1 << 43;
        /// A word of a rise (`rose`, `up`).
        const CHANGE_UP = 1 << 44;
        /// A word of a fall (`fell`, `down`).
        const CHANGE_DOWN = 1 << 45;
        /// A relative period word that anchors a sentence's figures in time (`last`, `ago`).
        const TIME_ANCHOR = 1 << 46;
        /// A word that makes a figure one side of a comparison (`than`, `versus`).
        const COMPARATIVE = 1 << 47;
        /// A word that ends what a figure counts (`per`, `said`, `because`).
        const NUMBER_STOP = 1 << 48;
        /// A word after a number that makes it a time of day (`GMT`, `a.m`).
        const TIME_OF_DAY = 1 << 49;
        /// A word before a number that makes it a label (`No.`, `Flight`).
        const NUMBER_LABEL = 1 << 50;
        /// A noun of a group whose parts a breakdown counts (`voters`, `seats`).
        const GROUP_NOUN = 1 << 51;

        // --- units.rs
        /// The first word of a unit ([`units`]).
        const UNIT_FIRST = 1 << 52;
        /// The last word of a hedge ([`hedges_ending`]).
        const HEDGE_LAST = 1 << 53;

        // --- rules.rs: what single rules know about words
        /// An acronym so common that an article need not spell it out first (`NATO`, `US`),
        /// as written.
        const COMMON_ACRONYM = 1 << 55;
        /// A noun too generic to identify one figure (`total`, `people`).
        const GENERIC_NOUN = 1 << 56;
        /// A word that puts a duration and a range in different clauses (`after`, `but`).
        const CLAUSE_WORD = 1 << 57;
        /// A person or body that belongs to its period (`emperor of the Song Dynasty`).
        const PERIOD_ROLE = 1 << 58;
        /// A preposition that sets a year inside a period (`during the Song Dynasty`).
        const PERIOD_PREPOSITION = 1 << 59;
        /// A counted noun written in numerals whatever its size: sports statistics and money
        /// (`points`, `cents`).
        const SPORTS_OR_MONEY = 1 << 60;

        // --- places.rs
        /// A country, region or the word for its people (`Brazil`, `Argentine`).
        const PLACE = 1 << 23;

        // --- people.rs (names family, bits 90..=99)
        /// A noun for a work or a product right after its title (`show`, `series`, `album`):
        /// `the CSI TV shows` names a show, it does not stand for an expansion.
        const WORK_NOUN = 1 << 90;
        /// An occupation or a relation (`tycoon`, `baker`, `neighbour`) that shows an appositive
        /// names a person, kept apart from [`Class::ROLE_NOUN`] because many are surnames too
        /// (`Baker`, `Cook`) that the name rules must still compare.
        const OCCUPATION = 1 << 91;
        /// A role or relation that says whether a person is a man or a woman (`wife`, `son`),
        /// with [`Entry::gender`].
        const GENDERED_ROLE = 1 << 92;

        // --- numbers.rs (numbers family, bits 100..=104)
        /// A noun that states a change after its percentage (`a 45% jump`, `a 5 pct drop`);
        /// its direction is [`Class::CHANGE_UP`] or [`Class::CHANGE_DOWN`].
        const CHANGE_NOUN = 1 << 100;
        /// A word that brings in the figure a change is measured against, as `from` does
        /// (`compared`, `against`, `versus`).
        const CHANGE_BASE = 1 << 101;
        /// A word that opens another clause, so a stated change's figures stop before it
        /// (`while`, `whereas`, `but`).
        const CHANGE_CLAUSE_END = 1 << 102;
        /// A word that names the period a change is measured over (`year-on-year`,
        /// `annualized`): a from figure after it may be of another period.
        const CHANGE_PERIOD = 1 << 103;
        /// A word the numbers family compares a token against that no other class holds
        /// (`namely`, `slightly`, the inner words of units and hedges), so that the token's
        /// lexicon entry says it.
        const NUMBER_WORD = 1 << 104;

        // --- people.rs (names helper, bits 105..=109)
        /// A family relation (`father`, `aunt`, `son-in-law`): a person introduced as someone's
        /// relative shares their surname without being the one the story is about.
        const KINSHIP = 1 << 105;
        /// A word that, after an honorific, names a character, a brand or a stage name rather
        /// than a surname (`Dre` of `Dr Dre`, `Marple` of `Miss Marple`): no full name is owed.
        const HONORIFIC_NAME = 1 << 109;
        /// The short form of a given name (`Ed`, `Bob`): after an honorific (`Rev Ed`, `Dr
        /// Bob`) it is a form of address or an abbreviation, not a surname.
        const DIMINUTIVE = 1 << 110;
        /// A common given name (`Lucy`, `Carlos`): a person called by it alone (`Lucy, 36,
        /// said`) is called by the given name, as vox pops and relatives are, not by a surname.
        const FIRST_NAME = 1 << 111;
        /// A role a company, a team or a body holds as well as a person (`owner`, `rival`,
        /// `winner`, `chief`): it does not show that the one who holds it is a person.
        const ROLE_OF_BODIES = 1 << 120;
        /// A word that makes an appositive a clause, not a role (`according`, `which`,
        /// `himself`).
        const APPOSITIVE_CLAUSE = 1 << 121;
        /// A head of state or government a reader of English-language news knows by surname
        /// alone (`Merkel`, `Obama`).
        const WELL_KNOWN_LEADER = 1 << 122;
    }
}

impl Class {
    /// Months, weekdays (abbreviated or not) and holidays: calendar words that are never a name.
    pub const CALENDAR: Class = Class::MONTH
        .union(Class::MONTH_ABBREVIATION)
        .union(Class::WEEKDAY)
        .union(Class::WEEKDAY_ABBREVIATION)
        .union(Class::HOLIDAY);
}

/// A word of the lexicon: its lower-case form, how the lists that care about case write it,
/// its classes and what it means.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The word in lower case: the key it is found by.
    pub word: &'static str,
    /// The word as the lists that care about case write it (`Mr`, `May`, `Xu`); the same as
    /// [`Entry::word`] when every list writes it in lower case.
    pub written: &'static str,
    /// Every class the word belongs to.
    pub classes: Class,
    /// The month a month's name or abbreviation names, 1-12; 0 for none.
    pub month: u8,
    /// The weekday a weekday's name or abbreviation names, 1 (Monday) to 7; 0 for none.
    pub weekday: u8,
    /// The gender an honorific or pronoun implies.
    pub gender: Option<Gender>,
    /// The value of a cardinal, ordinal, scale word or multiplier (`seven` 7, `tenth` 10,
    /// `million` 1e6, `tripled` 3).
    pub value: Option<f64>,
}

impl Entry {
    fn new(word: &'static str) -> Self {
        Self {
            word,
            written: word,
            classes: Class::empty(),
            month: 0,
            weekday: 0,
            gender: None,
            value: None,
        }
    }

    /// Whether the word is in one of `classes`.
    pub fn is(&self, classes: Class) -> bool {
        self.classes.intersects(classes)
    }

    /// The classes `word` (a form of this entry) has when the classes in `cased` hold only for
    /// the word as the lexicon writes it ([`Entry::written`]): `Mr` is an honorific, `mr` is
    /// not; `May` a month, `may` not.
    pub fn classes_as_written(&self, word: &str, cased: Class) -> Class {
        let uncased = self.classes.difference(cased);
        if word == self.written {
            self.classes
        } else {
            uncased
        }
    }
}

/// The lexicon's table: every word by its lower-case form, in an open-addressing index keyed by
/// [`slot_of`], so a lookup in any ASCII case hashes the word as it is written.
struct Table {
    entries: Vec<Entry>,
    /// Index + 1 into `entries` of the word hashed there (probing forward), 0 for none; the
    /// length is a power of two at least twice the number of entries.
    slots: Box<[u32]>,
    /// 64 less the number of bits of a slot index.
    shift: u32,
    /// The length of the longest word, in bytes.
    longest: usize,
}

impl Table {
    fn new(words: HashMap<&'static str, Entry, FxBuild>) -> Self {
        let mut entries: Vec<Entry> = words.into_values().collect();
        entries.sort_unstable_by_key(|e| e.word);
        let longest = entries.iter().map(|e| e.word.len()).max().unwrap_or(0);
        let mut slots = vec![0u32; (entries.len() * 2).next_power_of_two().max(2)];
        let shift = 64 - slots.len().trailing_zeros();
        let mask = slots.len() - 1;
        for (index, entry) in entries.iter().enumerate() {
            let mut slot = slot_of(entry.word.as_bytes(), shift);
            while slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            slots[slot] = u32::try_from(index + 1).unwrap_or(u32::MAX);
        }
        Table {
            entries,
            slots: slots.into_boxed_slice(),
            shift,
            longest,
        }
    }

    /// The entry whose lower-case word is `word` with its ASCII letters lowered.
    fn find(&self, word: &[u8]) -> Option<&Entry> {
        let mask = self.slots.len() - 1;
        let mut slot = slot_of(word, self.shift);
        loop {
            let index = *self.slots.get(slot)?;
            let entry = self.entries.get(index.checked_sub(1)? as usize)?;
            if entry.word.len() == word.len() && entry.word.as_bytes().eq_ignore_ascii_case(word) {
                return Some(entry);
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// The slot of `word` in a table of `1 << (64 - shift)` slots: an FxHash of its bytes eight at a
/// time, each byte with its `0x20` bit set, so that an ASCII letter hashes alike in either case
/// (the bit changes only other bytes, the same way for the table's words and the looked-up
/// ones, and the comparison in [`Table::find`] is exact). The slot is the hash's high bits,
/// which depend on every byte; the low bits of a product see only the first few.
fn slot_of(word: &[u8], shift: u32) -> usize {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
    const CASE: u64 = 0x2020_2020_2020_2020;
    let mut hash = word.len() as u64;
    let mut chunks = word.chunks_exact(8);
    for chunk in &mut chunks {
        let mut buf = [0u8; 8];
        buf.copy_from_slice(chunk);
        hash = (hash.rotate_left(5) ^ (u64::from_le_bytes(buf) | CASE)).wrapping_mul(SEED);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        hash = (hash.rotate_left(5) ^ (u64::from_le_bytes(buf) | CASE)).wrapping_mul(SEED);
    }
    // `shift` is below 64: the table has at least two slots.
    (hash >> shift) as usize
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut builder = Builder::default();
        build(&mut builder);
        Table::new(builder.words)
    })
}

/// Fills the table from every file's lists.
fn build(b: &mut Builder) {
    calendar::add(b);
    people::add(b);
    speech::add(b);
    organizations::add(b);
    function::add(b);
    places::add(b);
    time::add(b);
    numbers::add(b);
    units::add(b);
    rules::add(b);
}

/// Collects the lists into the table; see [`build`].
#[derive(Default)]
struct Builder {
    words: HashMap<&'static str, Entry, FxBuild>,
    /// Words written two different ways by lists that care about case (a test keeps it empty).
    conflicts: Vec<(&'static str, &'static str)>,
    /// Each (word, class) added more than once (a test keeps it empty).
    repeated: Vec<(&'static str, Class)>,
}

impl Builder {
    /// Adds `written` (in the case its list writes it) to `class`, and returns its entry.
    fn add(&mut self, written: &'static str, class: Class) -> &mut Entry {
        let word: &'static str = if written.chars().any(char::is_uppercase) {
            match self.words.get_key_value(written.to_lowercase().as_str()) {
                Some((&key, _)) => key,
                None => String::leak(written.to_lowercase()),
            }
        } else {
            written
        };
        let entry = self.words.entry(word).or_insert_with(|| Entry::new(word));
        if entry.classes.contains(class) && !class.is_empty() {
            self.repeated.push((word, class));
        }
        entry.classes |= class;
        if written != word {
            if entry.written == word {
                entry.written = written;
            } else if entry.written != written {
                self.conflicts.push((entry.written, written));
            }
        }
        entry
    }

    /// Adds every word of `words` to `class`.
    fn list(&mut self, words: &[&'static str], class: Class) {
        for &word in words {
            self.add(word, class);
        }
    }
}

/// The entry of `word`, in any case (`Said`, `SAID` and `said` are one word); `None` for a word
/// the lexicon does not know. Allocates nothing.
pub fn lookup(word: &str) -> Option<&'static Entry> {
    if word.is_ascii() {
        return lookup_ascii(word);
    }
    let table = table();
    let mut buf = [0u8; 64];
    let folded = fold_case(word, &mut buf, table.longest)?;
    table.find(folded.as_bytes())
}

/// [`lookup`] for a word its caller knows to be ASCII (a non-ASCII word may be missed).
pub fn lookup_ascii(word: &str) -> Option<&'static Entry> {
    let table = table();
    (word.len() <= table.longest)
        .then(|| table.find(word.as_bytes()))
        .flatten()
}

/// Every entry of the lexicon, in no order (for tables built from it, such as a filter of the
/// words that may start a pattern).
pub fn entries() -> impl Iterator<Item = &'static Entry> {
    table().entries.iter()
}

/// The classes of `word` in any case; empty for an unknown word.
pub fn classes(word: &str) -> Class {
    lookup(word).map_or(Class::empty(), |e| e.classes)
}

/// Whether `word`, in any case, is in one of `classes`.
pub fn is(word: &str, classes: Class) -> bool {
    lookup(word).is_some_and(|e| e.classes.intersects(classes))
}

/// Whether `word` is in one of `classes` and written in lower case, capitalized or as the
/// lexicon writes it, not in capitals: `He` and `he` are pronouns, `HE` is not.
pub fn is_in_case(word: &str, classes: Class) -> bool {
    lookup(word).is_some_and(|e| {
        e.classes.intersects(classes)
            && (word == e.word || word == e.written || is_capitalized_form(word, e.word))
    })
}

/// Whether `word`, written in lower case, is in one of `classes`: `said` is a speech verb,
/// `Said` is not.
pub fn is_lower(word: &str, classes: Class) -> bool {
    lookup(word).is_some_and(|e| word == e.word && e.classes.intersects(classes))
}

/// Whether `word`, exactly as the lexicon writes it ([`Entry::written`]), is in one of
/// `classes`: `Mr` is an honorific, `MR` and `mr` are not.
pub fn is_as_written(word: &str, classes: Class) -> bool {
    lookup(word).is_some_and(|e| word == e.written && e.classes.intersects(classes))
}

/// Whether `word` is `lower` with its first letter capitalized.
fn is_capitalized_form(word: &str, lower: &str) -> bool {
    let mut w = word.chars();
    let mut l = lower.chars();
    match (w.next(), l.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && a.to_lowercase().eq(std::iter::once(b)) => {
            w.eq(l)
        }
        _ => false,
    }
}

/// `word` (not ASCII) in lower case, in `buf`; `None` when it is longer than `longest` bytes
/// (no word of the lexicon is).
fn fold_case<'a>(word: &str, buf: &'a mut [u8; 64], longest: usize) -> Option<&'a str> {
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let width = c.len_utf8();
        if len + width > longest {
            return None;
        }
        c.encode_utf8(buf.get_mut(len..len + width)?);
        len += width;
    }
    std::str::from_utf8(buf.get(..len)?).ok()
}
