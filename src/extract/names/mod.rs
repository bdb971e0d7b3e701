//! People, organizations, places and acronyms, with every mention of each.
//!
//! The layer reads each prose block as a run of words, each one token of the text layer
//! ([`crate::text::Tokens`]) or touching tokens joined through a hyphen, an apostrophe or a
//! period (`Jean-Paul`, `O'Brien`, `J.R`), and finds:
//! - **proper names**: runs of capitalized words (with particles such as `van` and initials such
//!   as `J.`), minus what opens a sentence, honorifics (`Mr.`), titles (`Mayor`) and calendar
//!   words;
//! - **people**: proper names that the article shows are people — an appositive with a role or
//!   an age (`Xu Hui, vice mayor of Jingdezhen`), a speech verb (`said Xu Wan`), an honorific or a
//!   title before them — with the token used on later reference (family-name-first names are
//!   referred to by their first token; the article's own back references decide);
//! - **references**: one-word mentions (`Xu said`, `Mr. Watterson`, `the 32-year-old Watterson`);
//! - **acronyms**: definitions (`the African Union (AU)`) and uses.
//!
//! Headings, short title-like lines and all-capital lines are skipped: they are not prose.

mod acronyms;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::parse::{Block, BlockKind};
use crate::source::Span;
use crate::text::{self, Case, Kind, Token, Tokens};

pub(crate) use crate::lexicon::FxBuild;
use crate::lexicon::{self, Class, Entry, Gender};
pub use acronyms::{AcronymDefinition, AcronymUse};

/// The classes the name layer compares with a word as written (`Mr` is an honorific, `mr` is
/// not; `May` is a month, `may` is not); it compares the others in any case.
const AS_WRITTEN: Class = Class::HONORIFIC
    .union(Class::ABBREVIATED_TITLE)
    .union(Class::CALENDAR)
    .union(Class::FAMILY_FIRST_SURNAME);

/// The lexicon classes of `word`, those of [`AS_WRITTEN`] only for the word as written.
fn word_classes(word: &str) -> Class {
    lexicon::lookup(word).map_or(Class::empty(), |e| e.classes_as_written(word, AS_WRITTEN))
}

/// Every name the article mentions.
#[derive(Debug, Clone, Default)]
pub struct Names {
    /// Every proper name (a run of capitalized words, stripped of what is not the name), in file
    /// order.
    pub proper_names: Vec<ProperName>,
    /// The people the article introduces, in order of first mention.
    pub people: Vec<Person>,
    /// One-word references (a surname alone, maybe with an honorific or title), in file order.
    pub references: Vec<Reference>,
    /// Acronyms defined by an expansion, in file order.
    pub acronym_definitions: Vec<AcronymDefinition>,
    /// Acronyms used (outside their definitions), in file order.
    pub acronym_uses: Vec<AcronymUse>,
}

/// A run of capitalized words that names something.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProperName {
    /// The words of the name as written, possessive `’s` removed.
    pub words: Vec<String>,
    /// From the first to the last word.
    pub span: Span,
    /// The span of each word.
    pub word_spans: Vec<Span>,
    /// Index of the block.
    pub block: usize,
    /// Whether the name is introduced here as a person (appositive, speech verb, honorific,
    /// title).
    pub person_signal: bool,
    /// Whether an appositive or a title introduces it here (`X, a teacher`; `Mayor X`).
    pub introduced: bool,
    /// The roles given to it here (appositive, title, role noun before it), lower-case.
    pub roles: Vec<String>,
    /// Whether a change of role follows it (`Anna Berg became mayor`).
    pub role_changed: bool,
}

impl ProperName {
    /// The words joined by spaces.
    pub fn text(&self) -> String {
        self.words.join(" ")
    }
}

/// A role or title given to a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    /// The role words, lower-case, without articles: `vice mayor`.
    pub text: String,
    /// Where the role is written.
    pub span: Span,
}

/// An age given to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Age {
    /// The age in years.
    pub years: u32,
    /// Where the age is written.
    pub span: Span,
}

/// A person the article introduces by full name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The words of the full name.
    pub words: Vec<String>,
    /// The word the article uses on later reference (`Xu` for `Xu Hui`, `Watterson` for `Matt
    /// Watterson`).
    pub surname: String,
    /// Whether the surname is the first word (family-name-first order).
    pub surname_first: bool,
    /// The first mention of the full name.
    pub introduction: Span,
    /// Every mention of the full name, the introduction included.
    pub mentions: Vec<Span>,
    /// Roles given in appositives and titles, in order.
    pub roles: Vec<Role>,
    /// Ages given in appositives, in order.
    pub ages: Vec<Age>,
    /// The gender an honorific before the full name or a gendered role gives (`Mr John Cole`,
    /// `Cherie Blair, his wife`), when one does.
    pub gender: Option<Gender>,
    /// Whether the article tells of a change of role (`Anna Berg became mayor`, `Berg was
    /// appointed minister`): roles before and after it are not in conflict.
    pub role_changed: bool,
}

impl Person {
    /// The full name joined by spaces.
    pub fn full_name(&self) -> String {
        self.words.join(" ")
    }

    /// The words of the name other than the surname.
    pub fn given_names(&self) -> &[String] {
        if self.surname_first {
            self.words.get(1..).unwrap_or_default()
        } else {
            self.words.split_last().map_or(&[], |(_, rest)| rest)
        }
    }

    /// Whether `other` may be the same person written another way (`George Bush` and `George W.
    /// Bush`, or a one-letter slip in a given name).
    pub fn may_be(&self, other: &Person) -> bool {
        self.surname == other.surname && same_given_names(self.given_names(), other.given_names())
    }
}

impl Names {
    /// The people, grouped by the word used on later reference.
    pub fn people_by_surname(&self) -> HashMap<&str, Vec<&Person>> {
        let mut groups: HashMap<&str, Vec<&Person>> = HashMap::new();
        for person in &self.people {
            groups
                .entry(person.surname.as_str())
                .or_default()
                .push(person);
        }
        groups
    }
}

/// Whether `word` names a country, a region or its people (`Brazil`, `Argentine`): such words
/// come in families one letter apart.
pub fn is_place_word(word: &str) -> bool {
    lexicon::is(word, Class::PLACE)
}

/// Whether `word` is a title or a role noun (`Congressman`, `Minister`), not a name.
pub fn is_title_word(word: &str) -> bool {
    lexicon::is(word, Class::TITLE | Class::ROLE_NOUN)
}

/// The people of `group` that are not another way of writing an earlier one, in order.
pub fn distinct_people<'p>(group: impl IntoIterator<Item = &'p Person>) -> Vec<&'p Person> {
    let mut distinct: Vec<&Person> = Vec::new();
    for person in group {
        if !distinct.iter().any(|seen| seen.may_be(person)) {
            distinct.push(person);
        }
    }
    distinct
}

/// A one-word reference to someone: `Xu said`, `Mr. Watterson`, `the 32-year-old Watterson`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// The word, possessive removed.
    pub word: String,
    /// The word's span.
    pub span: Span,
    /// From the honorific or title (when there is one) to the word.
    pub full_span: Span,
    /// Index of the block.
    pub block: usize,
    /// The honorific before it (`Mr`, `Dr`), without the period.
    pub honorific: Option<String>,
    /// A title before it (`Mayor Xu`), as a role.
    pub title: Option<Role>,
    /// A role in an appositive right after it (`Carter, the Democratic candidate,`): the
    /// writer saying which namesake is meant.
    pub described: Option<Role>,
    /// An age given with it (`the 32-year-old Watterson`, `Watterson, 32,`).
    pub age: Option<Age>,
    /// Whether a speech verb stands right next to it (`Xu said`, `said Xu`).
    pub speech: bool,
    /// Whether it opens a sentence.
    pub sentence_start: bool,
    /// Whether it is in the possessive (`Zhang’s help`).
    pub possessive: bool,
    /// The gender of a pronoun right after the speech verb that follows it (`Campbell said his
    /// daughter`, `Cole said she`).
    pub pronoun_gender: Option<Gender>,
    /// A relative the speaker names right after a speech verb (`Deason said that he and his
    /// father`): `father`, lower-case. Whoever was introduced as that relative is not the
    /// speaker.
    pub relative_after: Option<String>,
    /// Whether a change of role follows it (`Berg became mayor`).
    pub role_changed: bool,
    /// A lower-case role noun right before it (`chief economist Okafor`, `his daughter
    /// Ivanka`).
    pub role_before: Option<Role>,
}

impl Reference {
    /// Whether the context shows the word stands for a person: an honorific, a title, an age, a
    /// speech verb, or the subject position at the start of a sentence.
    pub fn person_like(&self) -> bool {
        self.honorific.is_some()
            || self.title.is_some()
            || self.age.is_some()
            || self.speech
            || self.sentence_start
    }
}

/// The shape of a word's capitals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// Capital first, some lower-case letters: `Xu`, `McDonald`, `Titus-Williams`.
    Capitalized,
    /// One capital letter followed by a period: `J.`.
    Initial,
    /// Only capitals (two or more letters): `AU`, `U.S`, `NGOs`.
    Capitals,
    /// Lower-case first.
    Lower,
    /// Digits or other.
    Other,
}

/// What stands between two words: at most eight characters, white space collapsed to one
/// space, kept inline.
#[derive(Debug, Clone, Copy, Default)]
struct Gap {
    bytes: [u8; 32],
    len: u8,
    chars: u8,
}

impl Gap {
    /// At most eight characters: the rest are dropped.
    const MAX_CHARS: u8 = 8;

    fn push(&mut self, c: char) {
        if self.chars >= Self::MAX_CHARS {
            return;
        }
        let start = usize::from(self.len);
        if let Some(room) = self.bytes.get_mut(start..) {
            let written = c.encode_utf8(room).len();
            self.len += u8::try_from(written).unwrap_or(0);
            self.chars += 1;
        }
    }

    /// Push `c`, white space as one space and never two in a row.
    fn push_shown(&mut self, c: char) {
        let shown = if c.is_whitespace() { ' ' } else { c };
        if !(shown == ' ' && self.ends_with_space()) {
            self.push(shown);
        }
    }

    /// Whether no more characters fit.
    fn is_full(&self) -> bool {
        self.chars >= Self::MAX_CHARS
    }

    fn ends_with_space(&self) -> bool {
        usize::from(self.len)
            .checked_sub(1)
            .is_some_and(|last| self.bytes[last] == b' ')
    }

    fn as_str(&self) -> &str {
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }

    /// Whether the gap is one space.
    fn is_space(&self) -> bool {
        self.len == 1 && self.bytes[0] == b' '
    }

    /// The gap without the spaces around it.
    fn trim(&self) -> &str {
        self.as_str().trim()
    }
}

/// One word of a block: a token, or touching tokens joined through a connector
/// ([`keeps_connector`]), read once from the text layer.
#[derive(Debug, Clone)]
struct Word<'t> {
    span: Span,
    text: &'t str,
    shape: Shape,
    possessive: bool,
    /// The character right after the word (after a possessive), `' '` at the block end.
    after: char,
    /// Whether the word opens a sentence or a quotation.
    sentence_start: bool,
    /// What stands between the previous word and this one, white space collapsed to one
    /// space, at most a few characters.
    gap: Gap,
    /// The word's lexicon entry (the token's when the word is one token).
    entry: Option<&'static Entry>,
    /// The lexicon classes of the word ([`word_classes`]).
    flags: Class,
}

impl<'t> Word<'t> {
    /// The word written `raw` at byte `start` (possessive `’s` cut off), `after` the character
    /// right after it; `entry` is the token's lexicon entry when `raw` is one whole token.
    fn new(
        raw: &'t str,
        start: usize,
        after: char,
        sentence_start: bool,
        gap: Gap,
        entry: Option<Option<&'static Entry>>,
    ) -> Self {
        let mut word = raw;
        let mut possessive = false;
        for suffix in ["’s", "'s"] {
            if word.len() > suffix.len() + 1 {
                if let Some(stem) = word.strip_suffix(suffix) {
                    word = stem;
                    possessive = true;
                    break;
                }
            }
        }
        let entry = match entry {
            Some(entry) if !possessive => entry,
            _ => lexicon::lookup(word),
        };
        if matches!(after, '’' | '\'') && word.ends_with('s') {
            possessive = true;
        }
        Word {
            span: Span::new(start, start + word.len()),
            text: word,
            shape: shape_of(word, after),
            possessive,
            after,
            sentence_start: sentence_start
                || (!gap.is_space() && gap.as_str().contains(['«', '“', '"', '‘', '('])),
            gap,
            entry,
            flags: entry.map_or(Class::empty(), |e| e.classes_as_written(word, AS_WRITTEN)),
        }
    }

    /// The word in lower case: the lexicon's form when it knows the word, else the word itself
    /// when it has no capital; only an unknown word with capitals is lowered anew.
    fn lower(&self) -> Cow<'t, str> {
        if let Some(entry) = self.entry {
            return Cow::Borrowed(entry.word);
        }
        if self.text.is_ascii() {
            if self.text.bytes().any(|b| b.is_ascii_uppercase()) {
                Cow::Owned(self.text.to_ascii_lowercase())
            } else {
                Cow::Borrowed(self.text)
            }
        } else {
            Cow::Owned(self.text.to_lowercase())
        }
    }

    /// Whether the word is `word` in any ASCII case.
    fn is_word(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }

    /// Whether the word is one of `words` in any ASCII case.
    fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|w| self.is_word(w))
    }

    /// Whether the word is in one of the lexicon classes `classes` (as written for those of
    /// [`AS_WRITTEN`]).
    fn is(&self, classes: Class) -> bool {
        self.flags.intersects(classes)
    }

    /// Whether the word, in lower case, names a role, an occupation or a relation: the lexicon's
    /// role nouns and occupations, or an ending that makes one (`guitarist`, `fisherman`,
    /// `historian`).
    fn is_role_noun(&self) -> bool {
        self.shape == Shape::Lower
            && (self.is(Class::ROLE_NOUN | Class::OCCUPATION) || role_by_ending(self.text))
    }

    /// Whether only one space separates this word from the one before.
    fn joined(&self) -> bool {
        self.gap.is_space()
    }

    /// Whether the word ends in a period that abbreviates it (`J.`, `Mr.`, `Gov.`), so that the
    /// next word still belongs with it.
    fn abbreviated(&self) -> bool {
        self.after == '.'
            && (self.shape == Shape::Initial
                || self.is(Class::HONORIFIC | Class::ABBREVIATED_TITLE))
    }
}

/// Whether a lower-case word's ending makes it a person's role: `-ist` (`guitarist`), `-man` and
/// `-woman` (`fisherman`), `-ian` (`historian`), minus the verbs and things that end so.
fn role_by_ending(word: &str) -> bool {
    const NOT_ROLES: &[&str] = &[
        "exist", "insist", "persist", "resist", "consist", "assist", "subsist", "desist", "human",
        "inhuman", "median", "meridian", "amidst", "against",
    ];
    let len = word.chars().count();
    if NOT_ROLES.contains(&word) || word.ends_with("list") && !word.ends_with("alist") {
        return false;
    }
    len >= 6 && (word.ends_with("ist") || word.ends_with("man") || word.ends_with("ian"))
}

/// Whether `words[index]` follows the word before it inside one name: one space between them,
/// or a period and a space after an initial or an abbreviated title (`J. R.`, `Mr. Xu`).
fn joined_to_previous(words: &[Word], index: usize) -> bool {
    let Some(word) = words.get(index) else {
        return false;
    };
    word.joined()
        || word.gap.as_str() == ". "
            && index
                .checked_sub(1)
                .and_then(|i| words.get(i))
                .is_some_and(Word::abbreviated)
}

/// A block's words, or `None` when the block is not prose that introduces names (a heading, a
/// table row, an all-capital or title-like line).
fn block_words<'t>(
    text: &'t str,
    block: &Block,
    tokens: &[Token<'t>],
    is_first: bool,
) -> Option<Vec<Word<'t>>> {
    if matches!(block.kind, BlockKind::Heading | BlockKind::TableRow) {
        return None;
    }
    if !tokens.iter().any(has_lowercase) {
        return None;
    }
    let words = words_of(text, block, tokens);
    let mut ending = last_chars(text, block);
    let last = ending.next()?;
    let before_last = ending.next().unwrap_or(' ');
    let ends_sentence = matches!(last, '.' | '?' | '!' | '…')
        || matches!(before_last, '.' | '?' | '!' | '…') && !last.is_alphanumeric();
    if is_first && !ends_sentence && words.len() <= 40 {
        return None;
    }
    let ends_like_prose = matches!(
        last,
        '.' | '?' | '!' | ':' | ';' | '"' | '”' | '»' | '’' | ')' | '…' | '■' | '\''
    );
    if !ends_like_prose && words.len() <= 14 {
        return None;
    }
    Some(words)
}

/// Whether a token holds a lower-case letter: a word with one, or an ordinal's suffix (`10th`).
fn has_lowercase(token: &Token) -> bool {
    match token.kind {
        Kind::Word => matches!(
            token.case,
            Case::Lower | Case::MixedLower | Case::Capitalized | Case::MixedUpper
        ),
        Kind::Number => token.literal.ordinal && token.text.bytes().any(|b| b.is_ascii_lowercase()),
        Kind::Mark | Kind::Quote => false,
    }
}

/// The block's characters other than white space, last first, as [`Block::chars`] gives them:
/// with the character that stands for the markup between two pieces.
fn last_chars<'a>(text: &'a str, block: &'a Block) -> impl Iterator<Item = char> + 'a {
    (0..block.pieces.len())
        .rev()
        .flat_map(move |index| {
            let piece = block
                .pieces
                .get(index)
                .and_then(|p| text.get(p.range()))
                .unwrap_or_default();
            piece.chars().rev().chain(stand_in(text, block, index))
        })
        .filter(|c| !c.is_whitespace())
}

/// The character [`Block::chars`] gives for the markup before piece `index`, if any.
fn stand_in(text: &str, block: &Block, index: usize) -> Option<char> {
    if index == 0 {
        return None;
    }
    block.joint_before(text, index).stand_in()
}

/// The marks a name's word runs on through when a letter or digit follows (`Jean-Paul`,
/// `O'Brien`, `J.R`, `U.S`): the names layer's policy for [`text::compound_end`].
fn keeps_connector(_: &Token, mark: &Token, _: &Token) -> bool {
    matches!(mark.text, "-" | "'" | "’" | "." | "‐")
}

/// Reads what stands between two words of a block, in order, from the pieces of the block.
struct Gaps<'a> {
    text: &'a str,
    block: &'a Block,
    /// The piece the last gap started in.
    piece: usize,
}

impl Gaps<'_> {
    /// The characters from byte `from` to byte `to` as [`Block::chars`] gives them (markup
    /// between pieces as its stand-in), white space collapsed to one space.
    fn between(&mut self, from: usize, to: usize) -> Gap {
        let pieces = &self.block.pieces;
        while self.piece + 1 < pieces.len() && pieces[self.piece].end as usize <= from {
            self.piece += 1;
        }
        let mut gap = Gap::default();
        // Most gaps are one space inside a piece: no stand-in, one character.
        if let Some(piece) = pieces.get(self.piece) {
            if (piece.start as usize) < from
                && to <= piece.end as usize
                && self.text.as_bytes().get(from..to) == Some(b" ")
            {
                gap.push(' ');
                return gap;
            }
        }
        for (index, piece) in pieces.iter().enumerate().skip(self.piece) {
            let (start, end) = (piece.start as usize, piece.end as usize);
            if start > to || gap.is_full() {
                break;
            }
            if start >= from {
                if let Some(c) = stand_in(self.text, self.block, index) {
                    gap.push_shown(c);
                }
            }
            for c in self
                .text
                .get(start.max(from)..end.min(to))
                .unwrap_or_default()
                .chars()
            {
                gap.push_shown(c);
            }
            if end >= to {
                break;
            }
        }
        gap
    }
}

/// Split a block's tokens into words: each compound of touching tokens ([`keeps_connector`]),
/// a grouped number cut at its commas (`1,000` is `1` and `000`).
fn words_of<'t>(text: &'t str, block: &Block, tokens: &[Token<'t>]) -> Vec<Word<'t>> {
    let mut words: Vec<Word<'t>> = Vec::with_capacity(tokens.len() / 2 + 1);
    let mut gaps = Gaps {
        text,
        block,
        piece: 0,
    };
    let mut previous_end = block.span().start as usize;
    let mut previous_sentence = 0;
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].is_alphanumeric() {
            i += 1;
            continue;
        }
        let end = text::compound_end(tokens, i, keeps_connector);
        let compound = &tokens[i..end];
        let mut start = compound[0].start as usize;
        let stop = compound[compound.len() - 1].end() as usize;
        let after = tokens
            .get(end)
            .filter(|t| t.touching())
            .and_then(|t| t.text.chars().next())
            .unwrap_or(' ');
        let commas = compound.iter().filter(|t| t.literal.grouped).flat_map(|t| {
            t.text
                .match_indices(',')
                .map(|(at, _)| t.start as usize + at)
        });
        let single = (compound.len() == 1).then(|| compound[0]);
        for (word_end, word_after) in commas.map(|at| (at, ',')).chain([(stop, after)]) {
            let sentence = compound
                .iter()
                .find(|t| t.end() as usize > start)
                .map_or(previous_sentence, |t| t.sentence);
            let gap = gaps.between(previous_end, start);
            let first = words.is_empty();
            let raw = text.get(start..word_end).unwrap_or_default();
            let entry = single.filter(|t| t.text == raw).map(|t| t.entry);
            words.push(Word::new(
                raw,
                start,
                word_after,
                first || sentence != previous_sentence,
                gap,
                entry,
            ));
            previous_sentence = sentence;
            previous_end = word_end;
            start = word_end + 1;
        }
        i = end;
    }
    words
}

fn shape_of(word: &str, after: char) -> Shape {
    let mut chars = word.chars();
    // The first letter is the first character: a word that does not start with a letter is
    // `Other`.
    let Some(first) = chars.next().filter(|c| c.is_alphabetic()) else {
        return Shape::Other;
    };
    let mut rest = chars.filter(|c| c.is_alphabetic()).peekable();
    if first.is_uppercase() {
        if rest.peek().is_none() {
            return if after == '.' {
                Shape::Initial
            } else {
                Shape::Other
            };
        }
        let stem = word.strip_suffix('s').unwrap_or(word);
        if stem.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && stem
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            && !word.chars().any(|c| c.is_ascii_digit())
        {
            return Shape::Capitals;
        }
        if rest.any(char::is_lowercase) {
            return Shape::Capitalized;
        }
        Shape::Other
    } else if first.is_lowercase() {
        Shape::Lower
    } else {
        Shape::Other
    }
}

/// What sits in front of a name's core: honorific and title words.
#[derive(Debug, Default)]
struct Prefix {
    honorific: Option<String>,
    title: Vec<String>,
    first_span: Option<Span>,
    last_span: Option<Span>,
}

/// A candidate name inside one block, as indices into the block's words.
#[derive(Debug)]
struct Candidate {
    block: usize,
    core: std::ops::Range<usize>,
    prefix: Prefix,
}

/// Find the names in an article's blocks, reading each block's words from its tokens.
pub fn extract<'t>(text: &'t str, blocks: &[Block], tokens: &Tokens<'t>) -> Names {
    // The first block after any headline heading (front matter `title`, `# Title`).
    let first_prose = blocks
        .iter()
        .position(|b| !(b.kind == BlockKind::Heading && b.role == crate::parse::Role::Title))
        .unwrap_or(0);
    let block_words: Vec<Option<Vec<Word>>> = blocks
        .iter()
        .enumerate()
        .map(|(index, block)| block_words(text, block, tokens.block(index), index == first_prose))
        .collect();
    let lower_words: HashSet<&str, FxBuild> = block_words
        .iter()
        .flatten()
        .flatten()
        .filter(|w| w.shape == Shape::Lower)
        .map(|w| w.text)
        .collect();
    let mut names = Names::default();
    let mut intros: Vec<(usize, Intro)> = Vec::new();
    for (index, words) in block_words.iter().enumerate() {
        let Some(words) = words else { continue };
        for candidate in candidates(index, words, &lower_words) {
            record(&candidate, words, &mut names, &mut intros);
        }
        acronyms::scan(index, words, &mut names);
    }
    confirmed_by_back_reference(&names, &lower_words, &mut intros);
    names.people = people(&names, &intros);
    names
}

/// What a person-signalled proper name brought with it.
#[derive(Debug, Default)]
struct Intro {
    roles: Vec<Role>,
    ages: Vec<Age>,
    /// The gender an honorific before the full name (`Mr John Cole`) or a role (`his wife`)
    /// gives.
    gender: Option<Gender>,
}

/// The capitalized runs of a block, split off their honorifics, titles and sentence openers.
fn candidates(
    block: usize,
    words: &[Word],
    lower_words: &HashSet<&str, FxBuild>,
) -> Vec<Candidate> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !matches!(words[i].shape, Shape::Capitalized | Shape::Initial) {
            i += 1;
            continue;
        }
        // Extend the run: capitalized words, initials, particles between capitalized words.
        let start = i;
        let mut end = i + 1;
        while end < words.len() && !words[end - 1].possessive {
            let next = &words[end];
            if !joined_to_previous(words, end) {
                break;
            }
            // `van der Klugt`, `de la Serre`: particles, then a capitalized word.
            let mut after_particles = end;
            while after_particles < words.len()
                && after_particles - end < 3
                && words[after_particles].shape == Shape::Lower
                && words[after_particles].joined()
                && words[after_particles].is(Class::NAME_PARTICLE)
            {
                after_particles += 1;
            }
            let particles_then_name = after_particles > end
                && words
                    .get(after_particles)
                    .is_some_and(|w| w.joined() && w.shape == Shape::Capitalized);
            if matches!(next.shape, Shape::Capitalized | Shape::Initial) {
                end += 1;
            } else if particles_then_name {
                end = after_particles + 1;
            } else {
                break;
            }
        }
        split_run(block, words, start..end, lower_words, &mut found);
        i = end;
    }
    found
}

/// Split one run at calendar words, strip its opener, honorific and title, and push what is left.
fn split_run(
    block: usize,
    words: &[Word],
    run: std::ops::Range<usize>,
    lower_words: &HashSet<&str, FxBuild>,
    found: &mut Vec<Candidate>,
) {
    let mut start = run.start;
    let mut prefix = Prefix::default();
    let mut k = run.start;
    while k < run.end {
        let word = &words[k];
        let is_calendar = word.is(Class::CALENDAR);
        if is_calendar {
            if start < k {
                push_core(block, start..k, std::mem::take(&mut prefix), found);
            }
            prefix = Prefix::default();
            start = k + 1;
            k += 1;
            continue;
        }
        // An honorific after one word opens the name (`Speaking in Harrogate Mr Kennedy`,
        // `Father-of-two Mr Mousa`): that word is not part of it. After more (`No More Mr
        // Nasty`) the run is a title.
        if k == start + 1 && k + 1 < run.end && word.is(Class::HONORIFIC) && !word.possessive {
            push_core(block, start..k, std::mem::take(&mut prefix), found);
            start = k;
        }
        if k == start {
            let opener = word.sentence_start
                && (word.is(Class::FUNCTION_WORD) || {
                    let lower = word.lower();
                    lower_words.contains(lower.as_ref()) || lower.len() > 4 && lower.ends_with("ly")
                });
            let honorific = word.is(Class::HONORIFIC);
            let title = word.is(Class::TITLE) && k + 1 < run.end;
            if honorific || title || (opener && !word.possessive) {
                if honorific {
                    prefix.honorific = Some(word.text.to_owned());
                } else if title {
                    prefix.title.push(word.lower().into_owned());
                }
                if honorific || title {
                    prefix.first_span.get_or_insert(word.span);
                    prefix.last_span = Some(word.span);
                }
                start = k + 1;
                k += 1;
                continue;
            }
        }
        k += 1;
    }
    if start < run.end {
        push_core(block, start..run.end, prefix, found);
    }
}

fn push_core(
    block: usize,
    core: std::ops::Range<usize>,
    prefix: Prefix,
    found: &mut Vec<Candidate>,
) {
    found.push(Candidate {
        block,
        core,
        prefix,
    });
}

/// What the words around a candidate say about it.
struct Surroundings {
    /// A speech verb right after it (`Xu said`).
    speech_after: bool,
    /// A speech verb right before or after it (`said Xu Wan`, `according to Xu Hui`).
    speech: bool,
    /// A change of role follows it (`Anna Berg became mayor`).
    role_changed: bool,
    /// The title before it, as a role (`Mayor Xu`).
    title_role: Option<Role>,
    /// The roles in the appositive after it, its title and a role noun before it, in order.
    roles: Vec<Role>,
    /// The ages in the appositive after it and right before it.
    ages: Vec<Age>,
}

impl Surroundings {
    fn of(candidate: &Candidate, words: &[Word], last: &Word) -> Self {
        let before = candidate
            .prefix
            .first_span
            .map_or(candidate.core.start, |_| {
                candidate.core.start.saturating_sub(
                    candidate.prefix.title.len()
                        + usize::from(candidate.prefix.honorific.is_some()),
                )
            });
        let previous = before.checked_sub(1).and_then(|p| words.get(p));
        let next = words.get(candidate.core.end);
        let speech_before = joined_to_previous(words, before)
            && previous.is_some_and(|w| {
                w.is(Class::SPEECH_VERB) || w.is_word("to") && is_according(words, before)
            });
        let speech_after =
            next.is_some_and(|w| w.joined() && w.is(Class::SPEECH_VERB)) && !last.possessive;
        let title_role = title_role(&candidate.prefix);
        let (mut roles, mut ages) = appositive(words, candidate.core.end, last);
        ages.extend(preceding_age(words, before));
        roles.extend(title_role.clone());
        roles.extend(preceding_role(words, before));
        Surroundings {
            speech_after,
            speech: speech_before || speech_after,
            role_changed: !last.possessive && changes_role(words, candidate.core.end),
            title_role,
            roles,
            ages,
        }
    }

    /// Whether an appositive, a title or a role noun introduces the name here.
    fn introduces(&self) -> bool {
        !self.roles.is_empty() || !self.ages.is_empty()
    }

    /// The roles' words.
    fn role_texts(&self) -> Vec<String> {
        self.roles.iter().map(|r| r.text.clone()).collect()
    }
}

/// Record a candidate as a proper name, a reference, and maybe a person's introduction.
fn record(
    candidate: &Candidate,
    words: &[Word],
    names: &mut Names,
    intros: &mut Vec<(usize, Intro)>,
) {
    let core = &words[candidate.core.clone()];
    let (Some(first), Some(last)) = (core.first(), core.last()) else {
        return;
    };
    let around = Surroundings::of(candidate, words, last);
    let span = Span::new(first.span.start as usize, last.span.end as usize);
    if core.len() == 1 {
        if first.shape == Shape::Capitalized {
            names
                .references
                .push(reference(candidate, words, first, span, &around));
        }
        names.proper_names.push(ProperName {
            words: vec![first.text.to_owned()],
            span,
            word_spans: vec![first.span],
            block: candidate.block,
            person_signal: false,
            introduced: around.introduces(),
            roles: around.role_texts(),
            role_changed: around.role_changed,
        });
        return;
    }
    record_full_name(candidate, words, span, around, names, intros);
}

/// The one-word reference `word` (`Xu said`, `Mr. Watterson`) with what surrounds it.
fn reference(
    candidate: &Candidate,
    words: &[Word],
    word: &Word,
    span: Span,
    around: &Surroundings,
) -> Reference {
    let full_start = candidate.prefix.first_span.map_or(span.start, |s| s.start);
    let after_verb = || {
        around
            .speech_after
            .then(|| words.get(candidate.core.end + 1))
            .flatten()
    };
    Reference {
        word: word.text.to_owned(),
        span,
        full_span: Span::new(full_start as usize, span.end as usize),
        block: candidate.block,
        honorific: candidate.prefix.honorific.clone(),
        title: around.title_role.clone(),
        described: described_as(words, candidate.core.end, word),
        age: around.ages.first().copied(),
        speech: around.speech,
        sentence_start: word.sentence_start && candidate.prefix.first_span.is_none(),
        possessive: word.possessive,
        pronoun_gender: after_verb()
            .filter(|w| w.joined())
            .and_then(|w| match w.text {
                "he" | "his" => Some(Gender::Male),
                "she" | "her" => Some(Gender::Female),
                _ => None,
            }),
        role_changed: around.role_changed,
        relative_after: around
            .speech_after
            .then(|| relative_after(words, candidate.core.end + 1))
            .flatten(),
        role_before: preceding_role(words, candidate.core.start),
    }
}

/// Record a name of two words or more, and the person it introduces when something shows it
/// is one (a role, an age, a speech verb, an honorific, `who`).
fn record_full_name(
    candidate: &Candidate,
    words: &[Word],
    span: Span,
    around: Surroundings,
    names: &mut Names,
    intros: &mut Vec<(usize, Intro)>,
) {
    let core = &words[candidate.core.clone()];
    let Some(last) = core.last() else {
        return;
    };
    let signal = around.introduces()
        || around.speech
        || candidate.prefix.honorific.is_some()
        || appositive_who(words, candidate.core.end, last);
    let not_person = core.iter().any(|w| w.is(Class::NOT_PERSON));
    let person_signal = signal && !not_person && core.len() <= 4;
    let index = names.proper_names.len();
    names.proper_names.push(ProperName {
        words: core.iter().map(|w| w.text.to_owned()).collect(),
        span,
        word_spans: core.iter().map(|w| w.span).collect(),
        block: candidate.block,
        person_signal,
        introduced: around.introduces(),
        roles: around.role_texts(),
        role_changed: around.role_changed,
    });
    if person_signal {
        let gender = candidate
            .prefix
            .honorific
            .as_deref()
            .and_then(lexicon::gender_of)
            .or_else(|| {
                around
                    .roles
                    .iter()
                    .find_map(|r| r.text.rsplit(' ').next().and_then(lexicon::gender_of))
            });
        intros.push((
            index,
            Intro {
                roles: around.roles,
                ages: around.ages,
                gender,
            },
        ));
    }
}

/// Whether the words before `index` are `according to`.
fn is_according(words: &[Word], index: usize) -> bool {
    index
        .checked_sub(2)
        .and_then(|i| words.get(i))
        .is_some_and(|w| w.is_word("according"))
}

fn title_role(prefix: &Prefix) -> Option<Role> {
    let (Some(first), Some(last)) = (prefix.first_span, prefix.last_span) else {
        return None;
    };
    if prefix.title.is_empty() {
        return None;
    }
    Some(Role {
        text: prefix.title.join(" "),
        span: Span::new(first.start as usize, last.end as usize),
    })
}

/// `X, who …`: a relative pronoun for people.
fn appositive_who(words: &[Word], after: usize, last: &Word) -> bool {
    !last.possessive
        && words.get(after).is_some_and(|w| w.gap.trim() == ",")
        && words
            .get(after)
            .is_some_and(|w| matches!(w.text, "who" | "whose"))
}

/// The roles and ages in an appositive right after a name: `, vice mayor of Jingdezhen`,
/// `, a 30-year-old ceramist from the United States`, `, 30,`.
fn appositive(words: &[Word], after: usize, last: &Word) -> (Vec<Role>, Vec<Age>) {
    let mut roles = Vec::new();
    let mut ages = Vec::new();
    let Some(first) = words.get(after) else {
        return (roles, ages);
    };
    if last.possessive {
        return (roles, ages);
    }
    let gap = first.gap.trim();
    if gap != "," && gap != "(" {
        return (roles, ages);
    }
    // `X, 30,` or `X (30)`.
    if let Ok(years) = first.text.parse::<u32>() {
        let closes = matches!(first.after, ',' | ')' | ';' | '.');
        if closes && (1..=120).contains(&years) {
            ages.push(Age {
                years,
                span: first.span,
            });
        }
        return (roles, ages);
    }
    let mut role_words: Vec<String> = Vec::new();
    let mut role_start: Option<Span> = None;
    for (k, word) in words[after..].iter().enumerate().take(8) {
        if k > 0 && !word.joined() {
            break;
        }
        let lower = word.lower();
        if let Some(years) = age_word(&lower) {
            ages.push(Age {
                years,
                span: word.span,
            });
            continue;
        }
        // `a three-year-old Syrian child`: a spelled age and a nationality qualify the role.
        if role_words.is_empty() && (lower.ends_with("-year-old") || word.is(Class::PLACE)) {
            continue;
        }
        let determiner = matches!(
            lower.as_ref(),
            "a" | "an" | "the" | "his" | "her" | "their" | "its" | "our"
        );
        let ordinal = lower.starts_with(|c: char| c.is_ascii_digit())
            && ["st", "nd", "rd", "th"].iter().any(|s| lower.ends_with(s));
        if (determiner || ordinal) && role_words.is_empty() {
            continue;
        }
        if word.shape != Shape::Lower {
            if role_words.is_empty() {
                // `X, Fuyu’s second-generation leader`: a possessive owner opens the role.
                if word.possessive {
                    continue;
                }
                break;
            }
            break;
        }
        if matches!(
            lower.as_ref(),
            "of" | "at" | "for" | "from" | "in" | "with" | "and" | "who"
        ) {
            break;
        }
        role_start.get_or_insert(word.span);
        let is_modifier = matches!(lower.as_ref(), "vice" | "deputy" | "chief" | "executive");
        role_words.push(lower.into_owned());
        if word.is_role_noun() {
            let continues = words
                .get(after + k + 1)
                .filter(|w| w.joined() && w.shape == Shape::Lower)
                .is_some_and(|n| n.is_role_noun() || is_modifier);
            if !continues {
                if let Some(start) = role_start {
                    roles.push(Role {
                        text: role_words.join(" "),
                        span: Span::new(start.start as usize, word.span.end as usize),
                    });
                }
                break;
            }
        }
        if role_words.len() > 4 {
            break;
        }
    }
    (roles, ages)
}

/// The role in an appositive after a one-word reference, capitalized qualifiers allowed: `,
/// the Democratic gubernatorial candidate`, `, the former president`. The appositive ends on a
/// role noun within six words.
fn described_as(words: &[Word], after: usize, last: &Word) -> Option<Role> {
    let first = words.get(after)?;
    if last.possessive || first.gap.trim() != "," {
        return None;
    }
    let mut start: Option<Span> = None;
    let mut role_words: Vec<String> = Vec::new();
    for (k, word) in words[after..].iter().enumerate().take(6) {
        if k > 0 && !word.joined() {
            return None;
        }
        let lower = word.lower();
        if role_words.is_empty() && matches!(lower.as_ref(), "a" | "an" | "the" | "his" | "her") {
            continue;
        }
        if word.shape == Shape::Other || word.is(Class::SPEECH_VERB) {
            return None;
        }
        start.get_or_insert(word.span);
        role_words.push(lower.into_owned());
        if word.is_role_noun() {
            let ends = !words
                .get(after + k + 1)
                .is_some_and(|n| n.joined() && n.is_role_noun());
            if ends {
                return Some(Role {
                    text: role_words.join(" "),
                    span: Span::new(start?.start as usize, word.span.end as usize),
                });
            }
        }
    }
    None
}

/// Whether the words from `at` tell of a change of role: `became`, `becomes`, `succeeded`,
/// `took over`, or `was`, `is`, `has been` or `had been` with `appointed`, `named`, `elected`,
/// `promoted`, `made` or `sworn in`.
fn changes_role(words: &[Word], at: usize) -> bool {
    let word = |i: usize| words.get(i).filter(|w| w.joined());
    let is = |i: usize, any: &[&str]| word(i).is_some_and(|w| w.is_any(any));
    let changed = |i: usize| {
        is(
            i,
            &[
                "appointed",
                "named",
                "elected",
                "promoted",
                "made",
                "sworn",
                "reappointed",
            ],
        )
    };
    if is(at, &["became", "becomes", "succeeded", "succeeds"]) {
        true
    } else if is(at, &["took", "takes"]) {
        is(at + 1, &["over"])
    } else if is(at, &["was", "is"]) {
        changed(at + 1)
    } else if is(at, &["has", "had"]) {
        is(at + 1, &["been"]) && changed(at + 2)
    } else {
        false
    }
}

/// `that he and his father`: the role noun after `his`, `her` or `their` within the next
/// eight words of the sentence starting at `from`.
fn relative_after(words: &[Word], from: usize) -> Option<String> {
    let clause = words.get(from..)?;
    let mut previous: Option<&Word> = None;
    for word in clause.iter().take(8) {
        if word.sentence_start || word.gap.as_str().contains(['.', '"', '“', '”', '«', '»']) {
            return None;
        }
        if previous.is_some_and(|p| matches!(p.text, "his" | "her" | "their"))
            && word.joined()
            && word.is_role_noun()
        {
            return Some(word.lower().into_owned());
        }
        previous = Some(word);
    }
    None
}

/// `30-year-old` as 30.
fn age_word(lower: &str) -> Option<u32> {
    let number = lower.strip_suffix("-year-old")?;
    let years: u32 = number.parse().ok()?;
    (1..=120).contains(&years).then_some(years)
}

/// `the 32-year-old Watterson`: an age right before the name.
fn preceding_age(words: &[Word], before: usize) -> Option<Age> {
    let word = before.checked_sub(1).and_then(|i| words.get(i))?;
    let next = words.get(before)?;
    if !next.joined() {
        return None;
    }
    let years = age_word(&word.lower())?;
    Some(Age {
        years,
        span: word.span,
    })
}

/// Whether the role noun at `head` opens with a determiner or an owner within five words, in
/// one run without punctuation: `the economist`, `his estranged daughter`, `The White House
/// press secretary`, `the boy's aunt` (not `Looking forward`).
fn determined(words: &[Word], head: usize) -> bool {
    let mut at = head;
    for _ in 0..5 {
        if !words[at].joined() || at == 0 {
            return false;
        }
        at -= 1;
        let word = &words[at];
        if word.possessive
            || word.is_any(&[
                "the", "a", "an", "his", "her", "their", "its", "our", "whose",
            ])
        {
            return true;
        }
    }
    false
}

/// `leader Lyu Yating`, `fashion designer Tim Gunn`, `the economist, Adam Smith`: a lower-case
/// role noun right before the name, with up to two lower-case words that qualify it.
fn preceding_role(words: &[Word], before: usize) -> Option<Role> {
    let head_index = before.checked_sub(1)?;
    let head = words.get(head_index)?;
    // `leader Lyu Yating`, or with a comma: `the economist, Adam Smith`.
    let name = words.get(before)?;
    let with_comma = name.gap.as_str() == ", ";
    if !(name.joined() || with_comma) || !head.is_role_noun() {
        return None;
    }
    if with_comma && !determined(words, head_index) {
        return None;
    }
    let mut start = head_index;
    while start > 0 && head_index - start < 2 && words[start].joined() {
        let word = &words[start - 1];
        if word.shape != Shape::Lower
            || word.is_any(&["a", "an", "the", "and", "of", "by", "to", "with"])
            || word.is(Class::SPEECH_VERB)
        {
            break;
        }
        start -= 1;
    }
    let text = words[start..=head_index]
        .iter()
        .map(Word::lower)
        .collect::<Vec<_>>()
        .join(" ");
    Some(Role {
        text,
        span: Span::new(words[start].span.start as usize, head.span.end as usize),
    })
}

/// Whether two given-name lists may be one person: equal, one an initial or a prefix of the
/// other, one a subset of the other (`George Bush`, `George W. Bush`), or one letter apart.
pub(crate) fn same_given_names(a: &[String], b: &[String]) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    let compatible = |x: &String, y: &String| {
        x == y
            || x.chars().next() == y.chars().next()
                && (x.chars().count() == 1 || y.chars().count() == 1)
            || strsim::osa_distance(&x.to_lowercase(), &y.to_lowercase()) <= 1
    };
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut position = 0;
    for word in short {
        match long[position..].iter().position(|w| compatible(word, w)) {
            Some(found) => position += found + 1,
            None => return false,
        }
    }
    true
}

/// Add the full names that nothing beside them shows to be a person (`Lakshmi Mittal has told
/// investors`) but whose surname the article goes on to use alone for a person: with an
/// honorific (`Mr Mittal`) or as the speaker of a speech verb (`Mittal said`). Names of two or
/// three words only, each capitalized and none a word the article also writes in lower case
/// (`the bank`), a place, a title, a calendar word or an organization's word (`Commonwealth
/// Bank` … `the Bank said`).
fn confirmed_by_back_reference(
    names: &Names,
    lower_words: &HashSet<&str, FxBuild>,
    intros: &mut Vec<(usize, Intro)>,
) {
    // Where each surname is first used alone for a person.
    let mut cued: HashMap<&str, u32, FxBuild> = HashMap::default();
    for r in names
        .references
        .iter()
        .filter(|r| r.title.is_none() && !r.possessive && (r.honorific.is_some() || r.speech))
    {
        cued.entry(r.word.as_str()).or_insert(r.span.start);
    }
    if cued.is_empty() {
        return;
    }
    let signalled: Vec<&ProperName> = intros
        .iter()
        .filter_map(|(index, _)| names.proper_names.get(*index))
        .collect();
    let mut known: HashSet<&[String], FxBuild> =
        signalled.iter().map(|n| n.words.as_slice()).collect();
    // Where someone shown to be a person is first named by each last word: a bare name with
    // that word after them is more often a firm named for them (`Jerry Ballan, analyst with
    // Conner Ballan`) than a namesake.
    let mut signalled_surnames: HashMap<&str, u32, FxBuild> = HashMap::default();
    for name in &signalled {
        if let Some(last) = name.words.last() {
            let at = signalled_surnames
                .entry(last.as_str())
                .or_insert(name.span.start);
            *at = (*at).min(name.span.start);
        }
    }
    let not_a_name = Class::NOT_PERSON
        | Class::COMPANY_SUFFIX
        | Class::PLACE
        | Class::TITLE
        | Class::ABBREVIATED_TITLE
        | Class::ROLE_NOUN
        | Class::HONORIFIC
        | Class::CALENDAR
        | Class::FUNCTION_WORD
        | Class::COMMON_ACRONYM;
    // `Jean-Bernard`, `Titus-Williams`; not `Ohio-based`, `Father-of-two`.
    let name_word = |word: &String| {
        let mut chars = word.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.any(char::is_lowercase)
            && word
                .split('-')
                .all(|part| part.starts_with(char::is_uppercase))
            && !lower_words.contains(word.to_lowercase().as_str())
            && !word_classes(word).intersects(not_a_name)
    };
    let mut added = Vec::new();
    for (index, name) in names.proper_names.iter().enumerate() {
        let words = name.words.as_slice();
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            continue;
        };
        let family_first =
            words.len() == 2 && word_classes(first).contains(Class::FAMILY_FIRST_SURNAME);
        // A back reference: the surname stands alone for a person only after the name is
        // written (`Trump said` before any `Donald Trump` may be someone else of the name).
        let cued_after = |word: &String| {
            cued.get(word.as_str())
                .is_some_and(|&at| at > name.span.start)
        };
        let surname_cued = cued_after(last) || family_first && cued_after(first);
        let after_namesake = signalled_surnames
            .get(last.as_str())
            .is_some_and(|&at| at < name.span.start);
        if !(2..=3).contains(&words.len())
            || !surname_cued
            || after_namesake
            || known.contains(words)
            || !words.iter().all(name_word)
        {
            continue;
        }
        known.insert(words);
        added.push((index, Intro::default()));
    }
    intros.extend(added);
}

/// Build the people from the proper names that carry a person signal, deciding for each which
/// word is used on later reference.
fn people(names: &Names, intros: &[(usize, Intro)]) -> Vec<Person> {
    // How often each word stands alone without a title (a title may go with a given name:
    // `Prince Charles`).
    let mut back_references: HashMap<&str, usize, FxBuild> = HashMap::default();
    for reference in names
        .references
        .iter()
        .filter(|r| r.title.is_none() && (r.speech || r.honorific.is_some()))
    {
        *back_references.entry(reference.word.as_str()).or_default() += 1;
    }
    let mut by_name: HashMap<&[String], usize, FxBuild> = HashMap::default();
    let mut people: Vec<Person> = Vec::new();
    for (index, intro) in intros {
        let Some(name) = names.proper_names.get(*index) else {
            continue;
        };
        let slot = match by_name.get(name.words.as_slice()) {
            Some(&slot) => slot,
            None => {
                let (Some(first), Some(last)) = (name.words.first(), name.words.last()) else {
                    continue;
                };
                let first_refs = back_references.get(first.as_str()).copied().unwrap_or(0);
                let last_refs = back_references.get(last.as_str()).copied().unwrap_or(0);
                let family_first_name = name.words.len() == 2
                    && word_classes(first).contains(Class::FAMILY_FIRST_SURNAME);
                // The article decides: a name whose first word alone is used again and again
                // (`Hun Sen` … `Hun said`), and whose last word never is, is family-name-first.
                let referred_by_first = name.words.len() == 2 && first_refs >= 2 && last_refs == 0;
                let surname_first =
                    (family_first_name || referred_by_first) && !(last_refs > 0 && first_refs == 0);
                let surname = if surname_first { first } else { last };
                people.push(Person {
                    words: name.words.clone(),
                    surname: surname.clone(),
                    surname_first,
                    introduction: name.span,
                    mentions: Vec::new(),
                    roles: Vec::new(),
                    ages: Vec::new(),
                    gender: None,
                    role_changed: false,
                });
                by_name.insert(name.words.as_slice(), people.len() - 1);
                people.len() - 1
            }
        };
        if let Some(person) = people.get_mut(slot) {
            person.roles.extend(intro.roles.iter().cloned());
            person.ages.extend(intro.ages.iter().copied());
            person.gender = person.gender.or(intro.gender);
        }
    }
    for name in &names.proper_names {
        if let Some(person) = by_name
            .get(name.words.as_slice())
            .and_then(|&slot| people.get_mut(slot))
        {
            person.mentions.push(name.span);
            person.role_changed |= name.role_changed;
        }
    }
    for person in &mut people {
        if let Some(first) = person.mentions.iter().min() {
            person.introduction = *first;
        }
    }
    people.sort_by_key(|p| p.introduction);
    people
}

#[cfg(test)]
mod tests;
