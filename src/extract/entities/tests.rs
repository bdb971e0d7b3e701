//! Unit tests for the entity registry.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::document::Article;
use crate::extract::dates::DateOrder;
use crate::parse::{Syntax, parse};

fn article(text: &str) -> Article<'_> {
    let (parsed, _) = parse(text, Syntax::Plain);
    Article::build("t.txt", text, Syntax::Plain, parsed, None, DateOrder::Auto)
}

/// The resolution of every reference whose word is `word`, in order.
fn resolutions(text: &str, word: &str) -> Vec<Resolution> {
    let article = article(text);
    article
        .names
        .references
        .iter()
        .zip(&article.entities.references)
        .filter(|(r, _)| r.word == word)
        .map(|(_, res)| res.clone())
        .collect()
}

fn full_names(text: &str) -> Vec<Vec<String>> {
    let article = article(text);
    article
        .entities
        .people
        .iter()
        .map(|e| {
            e.names
                .iter()
                .map(|&n| article.names.people[n].full_name())
                .collect()
        })
        .collect()
}

fn settled(resolutions: &[Resolution]) -> Vec<Option<Settled>> {
    resolutions
        .iter()
        .map(|r| match r {
            Resolution::Person(_, how) => Some(*how),
            _ => None,
        })
        .collect()
}

#[test]
fn two_namesakes_a_paragraph_away_stay_ambiguous() {
    let text = "Kilns were restored, according to Xu Hui, vice mayor of the city.\n\n\
                \"Machines help,\" said Xu Wan, general manager of a firm.\n\n\
                Xu is optimistic about the future.";
    let found = resolutions(text, "Xu");
    assert!(
        matches!(found.last(), Some(Resolution::Ambiguous(ids)) if ids.len() == 2),
        "{found:?}"
    );
}

#[test]
fn a_namesake_named_earlier_in_the_paragraph_is_the_antecedent() {
    let text = "Joan Tremlett, a teacher, leads the group.\n\n\
                Larry Tremlett, a farmer, used to teach classes. \"It is simple,\" \
                Tremlett said.";
    assert_eq!(
        settled(&resolutions(text, "Tremlett")),
        vec![Some(Settled::Antecedent)]
    );
}

#[test]
fn the_main_subject_takes_the_bare_surname() {
    let text = "Senator Ada Kowalczyk won the primary on Tuesday.\n\n\
                Ada Kowalczyk thanked voters. Ada Kowalczyk spoke for an hour. \
                Kowalczyk said the count was fair.\n\n\
                Piotr Kowalczyk, a teacher, was at the rally.\n\n\
                Kowalczyk will face the governor in November.";
    let found = resolutions(text, "Kowalczyk");
    assert_eq!(
        settled(&found).last().copied().flatten(),
        Some(Settled::MainSubject),
        "{found:?}"
    );
}

#[test]
fn a_nickname_is_the_same_person() {
    let text = "Michael Flanagan, a retired general, was charged.\n\n\
                Mike Flanagan told the court he regretted it.\n\n\
                Flanagan said he would cooperate.";
    assert_eq!(full_names(text).len(), 1, "{:?}", full_names(text));
    assert_eq!(
        settled(&resolutions(text, "Flanagan")),
        vec![Some(Settled::OnlyNamesake)]
    );
}

#[test]
fn a_title_and_surname_is_not_a_second_person() {
    let text = "Mitch Harwood, the majority leader, spoke first.\n\n\
                Majority Leader Harwood said the vote would wait.\n\n\
                Harwood left early.";
    assert_eq!(full_names(text).len(), 1, "{:?}", full_names(text));
}

#[test]
fn twins_are_a_family() {
    let text = "Rob Tennant, a doubles player, won.\n\n\
                Mick Tennant, his brother, won too.\n\n\
                The Tennant twins have never lost a match this year.";
    assert_eq!(resolutions(text, "Tennant"), vec![Resolution::Family]);
}

#[test]
fn a_title_held_by_one_namesake_settles_it() {
    let text = "Dana Ostrova, the mayor, opened the bridge.\n\n\
                Lev Ostrova, a farmer, welcomed the crowd.\n\n\
                Mayor Ostrova cut the ribbon.";
    assert_eq!(
        settled(&resolutions(text, "Ostrova")),
        vec![Some(Settled::Title)]
    );
}

#[test]
fn relatives_introduced_later_leave_the_surname_to_the_subject() {
    let text = "A charity renamed its ship after Alan Marsden, a boy who drowned last year.\n\n\
                Marsden and his mother were among the migrants who died.\n\n\
                \"It is a hard day,\" said his father, Abdullah Marsden. The boy's aunt, \
                Tima Marsden, also attended.\n\n\
                Two smugglers were jailed over the events surrounding Marsden and his fellow \
                migrants.";
    let found = resolutions(text, "Marsden");
    assert_eq!(
        settled(&found).last().copied().flatten(),
        Some(Settled::NotARelative),
        "{found:?}"
    );
}

#[test]
fn a_namesake_who_is_no_relative_still_makes_it_ambiguous() {
    let text = "A charity renamed its ship after Alan Marsden, a boy who drowned last year.\n\n\
                Marsden and his mother were among the migrants who died.\n\n\
                \"It is a hard day,\" said his father, Abdullah Marsden. Laura Marsden, who \
                also works on the project, was there too.\n\n\
                Two smugglers were jailed over the events surrounding Marsden and his fellow \
                migrants.";
    let found = resolutions(text, "Marsden");
    assert!(
        matches!(found.last(), Some(Resolution::Ambiguous(_))),
        "{found:?}"
    );
}
