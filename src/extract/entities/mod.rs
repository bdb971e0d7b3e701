//! The entity registry: the article's people as persons, not strings.
//!
//! The name layer ([`crate::extract::names`]) finds the full names that introduce people and the
//! one-word references to them (`Xu said`, `President Trump`). The registry groups the full
//! names that are one person (`George Bush` and `George W. Bush`, `Mike` and `Michael Flynn`),
//! weighs how central each person is to the story ([`Salience`]), and resolves every reference
//! to the person a reader would take it for, or says why it cannot ([`Resolution`]). Rules ask
//! the registry "who is this?" instead of comparing strings.

use std::collections::HashMap;

use crate::extract::names::{self, Names, Person, Reference};
use crate::extract::quotes::Quotes;
use crate::lexicon::{self, Class, Gender};
use crate::parse::{Block, Role};
use crate::source::Span;

#[cfg(test)]
mod tests;

/// The index of a person in [`Entities::people`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PersonId(pub u32);

impl PersonId {
    fn index(self) -> usize {
        self.0 as usize
    }
}

/// Every person of the article, and who each reference stands for.
#[derive(Debug, Clone, Default)]
pub struct Entities {
    /// The people, in order of introduction.
    pub people: Vec<Entity>,
    /// For each entry of [`Names::people`], the person it writes (`None` for a "name" that is
    /// only a title and a surname: `Majority Leader McConnell`).
    pub person_of_name: Vec<Option<PersonId>>,
    /// For each entry of [`Names::references`], who it stands for.
    pub references: Vec<Resolution>,
    /// Every mention that stands for one person (full names, and references resolved to one
    /// person), sorted by start.
    pub mentions: Vec<(Span, PersonId)>,
}

impl Entities {
    /// The person written at `span` (a full name or a reference that stands for one person),
    /// when a mention of one lies within it: a speaker's span may hold an honorific or a title
    /// too.
    pub fn person_at(&self, span: Span) -> Option<PersonId> {
        let first = self.mentions.partition_point(|(m, _)| m.start < span.start);
        self.mentions[first..]
            .iter()
            .take_while(|(m, _)| m.start < span.end)
            .find(|(m, _)| m.end <= span.end)
            .map(|&(_, id)| id)
    }

    /// The full name that introduces person `id`.
    pub fn introduced_as<'n>(&self, names: &'n Names, id: PersonId) -> Option<&'n Person> {
        let entity = self.people.get(id.index())?;
        entity
            .names
            .iter()
            .filter_map(|&n| names.people.get(n))
            .min_by_key(|p| p.introduction)
    }
}

/// One person: one or more full names that write them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// The entries of [`Names::people`] that write this person, the first the introduction.
    pub names: Vec<usize>,
    /// The word used on later reference.
    pub surname: String,
    /// The first mention of any of the full names.
    pub introduction: Span,
    /// How central the person is to the story.
    pub salience: Salience,
    /// Man or woman, when the article shows it: an honorific with the full name (`Mr John
    /// Cole`), a gendered role (`his wife`), or an honorific reference that could only be them.
    pub gender: Option<Gender>,
}

/// How central a person is to the story: how often the story names them, and where.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Salience {
    /// Mentions by full name.
    pub mentions: u32,
    /// References by surname alone that can only be them (no namesake introduced yet).
    pub references: u32,
    /// Quotations attributed to them by name.
    pub quotations: u32,
    /// Named in the title or headline.
    pub in_title: bool,
    /// Named in the lead (the first paragraph of prose).
    pub in_lead: bool,
}

impl Salience {
    /// One number to compare people by: each mention counts one, the title three, the lead
    /// one more. Being named once in the lead is not yet being the story's subject.
    pub fn score(&self) -> u32 {
        self.mentions
            + self.references
            + self.quotations
            + 3 * u32::from(self.in_title)
            + u32::from(self.in_lead)
    }
}

/// Who a one-word reference stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// Nobody introduced before it has that surname.
    Nobody,
    /// One person, and what settled it.
    Person(PersonId, Settled),
    /// A family or a pair rather than one person: `the Bryan twins`, `the Clinton couple`.
    Family,
    /// Two or more namesakes are introduced before it, and nothing tells them apart; in order
    /// of introduction.
    Ambiguous(Vec<PersonId>),
}

/// What settles who a reference stands for when more than one person has the surname.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    /// Only one person with that surname is introduced before it.
    OnlyNamesake,
    /// Its honorific's gender, or that of a pronoun right after it (`Campbell said his`), is
    /// that of only one of them (`Mrs Blair` when Cherie Blair is his wife).
    Honorific,
    /// The speaker names a relative (`Deason said that he and his father`) whom one of them
    /// was introduced as: the reference is the other.
    Relative,
    /// The others are called by their given name alone (`Jonah asked` … `Hack says`): the
    /// surname is left for the one who is not.
    GivenName,
    /// Its title belongs to one of them (`President Trump` when only Donald Trump is president),
    /// or to none, so that the title itself tells the reader which.
    Title,
    /// An appositive right after it says which (`Carter, the Democratic candidate,`): the role
    /// one of them was given, or the one of them given no other role.
    Described,
    /// One of them is named earlier in the same paragraph, and none of the others since.
    Antecedent,
    /// An earlier reference by the same word was settled, and none of the others is named by
    /// full name since: the story goes on about the same person.
    Continued,
    /// One of them is the story's main subject: named far more often, or in the headline.
    MainSubject,
    /// The surname alone stood for one of them before the others were introduced, and the
    /// others are introduced as relatives (`his father, Abdullah Kurdi`): it still does.
    NotARelative,
}

/// A main subject's score must be at least this many times every namesake's.
const DOMINANCE: u32 = 2;

/// And at least this high: two mentions against one is not yet a main subject.
const MAIN_SUBJECT_SCORE: u32 = 4;

/// Or named at least this often (full names and references that can only be them), the
/// headline and the lead left aside: three namings against one is a main subject.
const NAMED_MAIN_SUBJECT: u32 = 3;

/// Build the registry from the name layer's people and references.
pub fn build(
    text: &str,
    blocks: &[Block],
    names: &Names,
    quotes: &Quotes,
    title: Option<&str>,
) -> Entities {
    let mut entities = Entities {
        people: Vec::new(),
        person_of_name: vec![None; names.people.len()],
        references: Vec::with_capacity(names.references.len()),
        mentions: Vec::new(),
    };
    group_people(names, &mut entities);
    let lead = lead_block(blocks);
    let titles: Vec<&str> = title
        .into_iter()
        .chain(
            blocks
                .iter()
                .filter(|b| b.role == Role::Title)
                .filter_map(|b| text.get(b.span().range())),
        )
        .collect();
    let mut by_surname: HashMap<String, Vec<PersonId>> = HashMap::new();
    for (index, entity) in entities.people.iter_mut().enumerate() {
        let id = PersonId(u32::try_from(index).unwrap_or(u32::MAX));
        let namesakes = by_surname.entry(entity.surname.clone()).or_default();
        // A surname alone in the headline is the namesake the story introduces first.
        let first_namesake = namesakes.is_empty();
        namesakes.push(id);
        let salience = &mut entity.salience;
        for &name in &entity.names {
            let Some(person) = names.people.get(name) else {
                continue;
            };
            salience.mentions += u32::try_from(person.mentions.len()).unwrap_or(u32::MAX);
            salience.in_lead |= person
                .mentions
                .iter()
                .any(|m| lead.is_some() && block_of(blocks, m.start) == lead);
            salience.in_title |= titles.iter().any(|t| {
                contains_word(t, &person.full_name())
                    || first_namesake && contains_word(t, &person.surname)
            });
        }
    }
    count_quotations(text, names, quotes, &mut entities);
    let candidates: Vec<Vec<PersonId>> = names
        .references
        .iter()
        .map(|reference| introduced_before(&entities, &by_surname, reference))
        .collect();
    // References that can only be one person add to that person's weight before any is
    // resolved against a namesake.
    for found in &candidates {
        if let [only] = found.as_slice() {
            if let Some(entity) = entities.people.get_mut(only.index()) {
                entity.salience.references += 1;
            }
        }
    }
    let full_names = full_name_mentions(names, &entities);
    for (at, (reference, found)) in names.references.iter().zip(candidates).enumerate() {
        let earlier = Earlier {
            references: names.references.get(..at).unwrap_or_default(),
            resolutions: &entities.references,
        };
        let resolution = resolve(
            text,
            blocks,
            names,
            &entities,
            &full_names,
            reference,
            &earlier,
            found,
        );
        // An honorific reference that can only be one person tells their gender.
        if let (Resolution::Person(id, Settled::OnlyNamesake), Some(gender)) = (
            &resolution,
            reference.honorific.as_deref().and_then(lexicon::gender_of),
        ) {
            if let Some(entity) = entities.people.get_mut(id.index()) {
                entity.gender = entity.gender.or(Some(gender));
            }
        }
        entities.references.push(resolution);
    }
    let resolved = names
        .references
        .iter()
        .zip(&entities.references)
        .filter_map(|(reference, resolution)| match resolution {
            Resolution::Person(id, _) => Some((reference.span, *id)),
            _ => None,
        });
    let mut mentions: Vec<(Span, PersonId)> = full_names.iter().copied().chain(resolved).collect();
    mentions.sort_unstable_by_key(|(m, _)| (m.start, m.end));
    entities.mentions = mentions;
    entities
}

/// Group the name layer's people into persons: two full names are one person when their
/// surnames match and their given names may be one another's (an initial, a middle name, a
/// one-letter slip, or a nickname: `Mike` for `Michael`).
fn group_people(names: &Names, entities: &mut Entities) {
    for (index, person) in names.people.iter().enumerate() {
        if only_titles(person) {
            continue;
        }
        let same = entities.people.iter().position(|entity| {
            entity.surname == person.surname
                && entity.names.iter().any(|&n| {
                    names
                        .people
                        .get(n)
                        .is_some_and(|other| same_person(other, person))
                })
        });
        let slot = match same {
            Some(slot) => slot,
            None => {
                entities.people.push(Entity {
                    names: Vec::new(),
                    surname: person.surname.clone(),
                    introduction: person.introduction,
                    salience: Salience::default(),
                    gender: None,
                });
                entities.people.len() - 1
            }
        };
        if let Some(entity) = entities.people.get_mut(slot) {
            entity.names.push(index);
            entity.introduction = entity.introduction.min(person.introduction);
            entity.gender = entity.gender.or(person.gender);
        }
        if let Some(entry) = entities.person_of_name.get_mut(index) {
            *entry = u32::try_from(slot).ok().map(PersonId);
        }
    }
}

/// Whether two full names with one surname are one person.
fn same_person(a: &Person, b: &Person) -> bool {
    a.may_be(b) || {
        let (x, y) = (a.given_names(), b.given_names());
        x.len() == y.len()
            && x.iter()
                .zip(y)
                .all(|(x, y)| x == y || lexicon::same_given_name(x, y))
    }
}

/// Whether the word before the surname is a title or a role: `Majority Leader McConnell` is a
/// way of referring to someone, not a second person.
fn only_titles(person: &Person) -> bool {
    person
        .given_names()
        .last()
        .is_some_and(|w| names::is_title_word(w))
}

/// The lead: the first block of the article's own prose after its title and dateline, where a
/// story names the people it is about.
fn lead_block(blocks: &[Block]) -> Option<usize> {
    blocks
        .iter()
        .position(|b| matches!(b.role, Role::Lead | Role::Body))
}

/// The index of the block that holds byte `offset`.
fn block_of(blocks: &[Block], offset: u32) -> Option<usize> {
    let at = blocks.partition_point(|b| b.span().end <= offset);
    blocks
        .get(at)
        .filter(|b| b.span().start <= offset)
        .map(|_| at)
}

/// Whether `needle` stands in `haystack` as whole words.
fn contains_word(haystack: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    haystack.match_indices(needle).any(|(at, _)| {
        let before = haystack[..at].chars().next_back();
        let after = haystack[at + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Count the quotations attributed to each person by a full name written next to them (not
/// those attributed by surname or pronoun, which the registry is there to settle).
fn count_quotations(text: &str, names: &Names, quotes: &Quotes, entities: &mut Entities) {
    let mut by_full_name: HashMap<String, PersonId> = HashMap::new();
    for (index, person) in names.people.iter().enumerate() {
        if let Some(Some(id)) = entities.person_of_name.get(index) {
            by_full_name.insert(person.full_name(), *id);
        }
    }
    for quotation in &quotes.quotations {
        let Some(speaker) = &quotation.speaker else {
            continue;
        };
        if speaker.by_pronoun
            || speaker.inherited
            || text.get(speaker.span.range()) != Some(speaker.name.as_str())
        {
            continue;
        }
        if let Some(id) = by_full_name.get(&speaker.name) {
            if let Some(entity) = entities.people.get_mut(id.index()) {
                entity.salience.quotations += 1;
            }
        }
    }
}

/// The people with the reference's surname introduced before it, in order of introduction.
fn introduced_before(
    entities: &Entities,
    by_surname: &HashMap<String, Vec<PersonId>>,
    reference: &Reference,
) -> Vec<PersonId> {
    by_surname
        .get(reference.word.as_str())
        .map(|ids| {
            ids.iter()
                .copied()
                .filter(|id| {
                    entities
                        .people
                        .get(id.index())
                        .is_some_and(|e| e.introduction.start < reference.span.start)
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Every full-name mention of a person, sorted by start.
fn full_name_mentions(names: &Names, entities: &Entities) -> Vec<(Span, PersonId)> {
    let mut mentions: Vec<(Span, PersonId)> = Vec::new();
    for (person, id) in names.people.iter().zip(&entities.person_of_name) {
        if let Some(id) = id {
            mentions.extend(person.mentions.iter().map(|&m| (m, *id)));
        }
    }
    mentions.sort_unstable_by_key(|(m, _)| (m.start, m.end));
    mentions
}

/// The references before the one being resolved, with what each was resolved to.
struct Earlier<'a> {
    references: &'a [Reference],
    resolutions: &'a [Resolution],
}

/// Who `reference` stands for.
#[allow(clippy::too_many_arguments)]
fn resolve(
    text: &str,
    blocks: &[Block],
    names: &Names,
    entities: &Entities,
    full_names: &[(Span, PersonId)],
    reference: &Reference,
    earlier: &Earlier,
    candidates: Vec<PersonId>,
) -> Resolution {
    if is_family(text, reference) {
        return Resolution::Family;
    }
    match candidates.as_slice() {
        [] => return Resolution::Nobody,
        [only] => return Resolution::Person(*only, Settled::OnlyNamesake),
        _ => {}
    }
    let gender = reference
        .honorific
        .as_deref()
        .and_then(lexicon::gender_of)
        .or(reference.pronoun_gender);
    if let Some(gender) = gender {
        if let Some(id) = by_gender(entities, &candidates, gender) {
            return Resolution::Person(id, Settled::Honorific);
        }
    }
    if let Some(relative) = &reference.relative_after {
        let others: Vec<PersonId> = candidates
            .iter()
            .copied()
            .filter(|id| !has_role_noun(names, entities, *id, relative))
            .collect();
        if let ([one], true) = (others.as_slice(), others.len() < candidates.len()) {
            return Resolution::Person(*one, Settled::Relative);
        }
    }
    if let Some(id) = not_called_by_given_name(names, entities, earlier, &candidates) {
        return Resolution::Person(id, Settled::GivenName);
    }
    if let Some(title) = &reference.title {
        let holders: Vec<PersonId> = candidates
            .iter()
            .copied()
            .filter(|id| holds_role(names, entities, *id, &title.text))
            .collect();
        match holders.as_slice() {
            [one] => return Resolution::Person(*one, Settled::Title),
            [] => return Resolution::Person(candidates[0], Settled::Title),
            _ => {}
        }
    }
    if let Some(described) = &reference.described {
        let fitting: Vec<PersonId> = candidates
            .iter()
            .copied()
            .filter(|id| fits_role(names, entities, *id, &described.text))
            .collect();
        let id = match fitting.as_slice() {
            [one] => *one,
            _ => candidates[0],
        };
        return Resolution::Person(id, Settled::Described);
    }
    if let Some(id) = antecedent(blocks, full_names, &candidates, reference) {
        return Resolution::Person(id, Settled::Antecedent);
    }
    if let Some(id) = continued(full_names, &candidates, reference, earlier) {
        return Resolution::Person(id, Settled::Continued);
    }
    if let Some(id) = main_subject(entities, &candidates) {
        return Resolution::Person(id, Settled::MainSubject);
    }
    if let Some(id) = established_before_relatives(names, entities, reference, earlier, &candidates)
    {
        return Resolution::Person(id, Settled::NotARelative);
    }
    Resolution::Ambiguous(candidates)
}

/// Whether the reference names a family or a pair: `the Bryan twins`, `the Hofeller family`.
fn is_family(text: &str, reference: &Reference) -> bool {
    let after = text.get(reference.span.end as usize..).unwrap_or_default();
    let next: &str = after
        .trim_start_matches([' ', '\u{a0}'])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or_default();
    lexicon::is(next, Class::FAMILY_GROUP)
}

/// Whether one of the person's full names was given the role `role` (`president`).
fn holds_role(names: &Names, entities: &Entities, id: PersonId, role: &str) -> bool {
    let role = role.to_lowercase();
    entities.people.get(id.index()).is_some_and(|entity| {
        entity.names.iter().any(|&n| {
            names.people.get(n).is_some_and(|person| {
                person.roles.iter().any(|r| {
                    r.text
                        .strip_suffix(role.as_str())
                        .is_some_and(|before| before.is_empty() || before.ends_with(' '))
                })
            })
        })
    })
}

/// The one candidate an honorific of `gender` fits: the only one known to be of that gender, or
/// the only one not known to be of the other. Two candidates of one gender (both Coles are
/// `Mr`), or of none known, are not told apart.
fn by_gender(entities: &Entities, candidates: &[PersonId], gender: Gender) -> Option<PersonId> {
    let gender_of = |id: &PersonId| entities.people.get(id.index()).and_then(|e| e.gender);
    let known: Vec<PersonId> = candidates
        .iter()
        .copied()
        .filter(|id| gender_of(id) == Some(gender))
        .collect();
    if let [one] = known.as_slice() {
        return Some(*one);
    }
    let possible: Vec<PersonId> = candidates
        .iter()
        .copied()
        .filter(|id| gender_of(id).is_none_or(|g| g == gender))
        .collect();
    match possible.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// The one candidate not called by their given name alone before the reference, when all the
/// others are (`Jonah mentioned …` for Jonah Hack, so `Hack says` is Andrea Hack). A given name
/// two of them share tells nothing.
fn not_called_by_given_name(
    names: &Names,
    entities: &Entities,
    earlier: &Earlier,
    candidates: &[PersonId],
) -> Option<PersonId> {
    let given_name = |id: &PersonId| -> Option<&str> {
        let person = entities.introduced_as(names, *id)?;
        person.given_names().first().map(String::as_str)
    };
    let given: Vec<Option<&str>> = candidates.iter().map(given_name).collect();
    let called: Vec<bool> = given
        .iter()
        .map(|g| {
            g.is_some_and(|g| {
                given.iter().filter(|other| **other == Some(g)).count() == 1
                    && earlier
                        .references
                        .iter()
                        .any(|r| r.word == g && r.title.is_none() && r.honorific.is_none())
            })
        })
        .collect();
    let mut not_called = candidates
        .iter()
        .zip(&called)
        .filter(|(_, called)| !**called)
        .map(|(id, _)| *id);
    let one = not_called.next()?;
    not_called.next().is_none().then_some(one)
}

/// Whether one of person `id`'s roles has the head noun `noun` (`his billionaire father` for
/// `father`).
fn has_role_noun(names: &Names, entities: &Entities, id: PersonId, noun: &str) -> bool {
    entities.people.get(id.index()).is_some_and(|entity| {
        entity
            .names
            .iter()
            .filter_map(|&n| names.people.get(n))
            .any(|p| {
                p.roles
                    .iter()
                    .any(|r| r.text.rsplit(' ').next() == Some(noun))
            })
    })
}

/// The person the surname alone stood for before any namesake was introduced (`Kurdi, his
/// brother, and his mother died`), when every namesake introduced since is someone's relative
/// (`his father, Abdullah Kurdi`, `the boy's aunt, Tima Kurdi`): the story goes on about the
/// one it named first, and the family around them does not take the surname over.
fn established_before_relatives(
    names: &Names,
    entities: &Entities,
    reference: &Reference,
    earlier: &Earlier,
    candidates: &[PersonId],
) -> Option<PersonId> {
    let (_, resolution) = earlier
        .references
        .iter()
        .zip(earlier.resolutions)
        .find(|(r, _)| r.word == reference.word)?;
    let Resolution::Person(id, Settled::OnlyNamesake) = resolution else {
        return None;
    };
    let is_relative = |other: &PersonId| {
        entities.people.get(other.index()).is_some_and(|entity| {
            entity
                .names
                .iter()
                .filter_map(|&n| names.people.get(n))
                .any(|p| {
                    p.roles.iter().any(|r| {
                        r.text
                            .rsplit(' ')
                            .next()
                            .is_some_and(|head| lexicon::is(head, Class::KINSHIP))
                    })
                })
        })
    };
    let others_related = candidates
        .iter()
        .filter(|other| *other != id)
        .all(is_relative);
    (candidates.contains(id) && others_related).then_some(*id)
}

/// Whether person `id` may hold the role `role` (`democratic gubernatorial candidate`): one of
/// their roles has its head noun, or they were given no role with another head.
fn fits_role(names: &Names, entities: &Entities, id: PersonId, role: &str) -> bool {
    let head = |r: &str| r.rsplit(' ').next().unwrap_or_default().to_owned();
    let wanted = head(role);
    let Some(entity) = entities.people.get(id.index()) else {
        return false;
    };
    let roles: Vec<String> = entity
        .names
        .iter()
        .filter_map(|&n| names.people.get(n))
        .flat_map(|p| p.roles.iter().map(|r| head(&r.text)))
        .collect();
    roles.is_empty() || roles.contains(&wanted)
}

/// The person an earlier reference by the same word was settled to, when no other candidate
/// is named by full name between it and `reference`.
fn continued(
    full_names: &[(Span, PersonId)],
    candidates: &[PersonId],
    reference: &Reference,
    earlier: &Earlier,
) -> Option<PersonId> {
    let (previous, resolution) = earlier
        .references
        .iter()
        .zip(earlier.resolutions)
        .rev()
        .find(|(r, _)| r.word == reference.word)?;
    let Resolution::Person(id, _) = resolution else {
        return None;
    };
    let from = full_names.partition_point(|(m, _)| m.start < previous.span.end);
    let to = full_names.partition_point(|(m, _)| m.start < reference.span.start);
    let interrupted = full_names[from..to.max(from)]
        .iter()
        .any(|(_, other)| other != id && candidates.contains(other));
    (!interrupted && candidates.contains(id)).then_some(*id)
}

/// The candidate named last before the reference in the reference's own paragraph.
fn antecedent(
    blocks: &[Block],
    full_names: &[(Span, PersonId)],
    candidates: &[PersonId],
    reference: &Reference,
) -> Option<PersonId> {
    let paragraph = blocks.get(block_of(blocks, reference.span.start)?)?.span();
    let end = full_names.partition_point(|(m, _)| m.start < reference.span.start);
    full_names[..end]
        .iter()
        .rev()
        .take_while(|(m, _)| m.start >= paragraph.start)
        .find(|(_, id)| candidates.contains(id))
        .map(|&(_, id)| id)
}

/// The candidate who is the story's main subject, if one clearly is.
fn main_subject(entities: &Entities, candidates: &[PersonId]) -> Option<PersonId> {
    let mut scored: Vec<(u32, PersonId)> = candidates
        .iter()
        .filter_map(|&id| Some((entities.people.get(id.index())?.salience.score(), id)))
        .collect();
    scored.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let (top, id) = *scored.first()?;
    let second = scored.get(1).map_or(0, |s| s.0);
    let named = entities
        .people
        .get(id.index())
        .map_or(0, |e| e.salience.mentions + e.salience.references);
    let central = top >= MAIN_SUBJECT_SCORE || named >= NAMED_MAIN_SUBJECT;
    (central && top >= DOMINANCE * second).then_some(id)
}
