//! Unit and property tests for the name layer.

#![allow(clippy::unwrap_used)]

use proptest::prelude::*;

use super::*;
use crate::parse::{Syntax, parse};

fn names_of(text: &str) -> Names {
    let (blocks, _) = crate::testing::plain_blocks(text);
    extract(text, &blocks, &Tokens::build(text, &blocks).0)
}

fn person<'n>(names: &'n Names, full: &str) -> &'n Person {
    names
        .people
        .iter()
        .find(|p| p.full_name() == full)
        .unwrap_or_else(|| panic!("no person {full} in {:?}", names.people))
}

#[test]
fn appositive_role_and_family_name_first() {
    let text = "Kilns were restored, according to Xu Hui, vice mayor of Jingdezhen.";
    let names = names_of(text);
    let xu = person(&names, "Xu Hui");
    assert_eq!(xu.surname, "Xu");
    assert!(xu.surname_first);
    assert_eq!(&text[xu.introduction.range()], "Xu Hui");
    assert_eq!(xu.roles.len(), 1);
    assert_eq!(xu.roles[0].text, "vice mayor");
    assert_eq!(&text[xu.roles[0].span.range()], "vice mayor");
}

#[test]
fn appositive_age_and_western_order() {
    let text = "Matt Watterson, a 30-year-old ceramist from the United States, moved here.";
    let names = names_of(text);
    let matt = person(&names, "Matt Watterson");
    assert_eq!(matt.surname, "Watterson");
    assert!(!matt.surname_first);
    assert_eq!(matt.ages.len(), 1);
    assert_eq!(matt.ages[0].years, 30);
    assert_eq!(&text[matt.ages[0].span.range()], "30-year-old");
    assert_eq!(matt.roles[0].text, "ceramist");
}

#[test]
fn speech_verb_makes_a_person() {
    let names = names_of("« Machines help, » said Xu Wan, general manager of a firm.");
    let xu = person(&names, "Xu Wan");
    assert_eq!(xu.roles[0].text, "general manager");
}

#[test]
fn role_noun_before_the_name() {
    let names = names_of("Fuyu’s second-generation leader Lyu Yating runs the workshop.");
    let lyu = person(&names, "Lyu Yating");
    assert_eq!(lyu.roles[0].text, "second-generation leader");
}

#[test]
fn title_before_the_name_is_a_role_not_part_of_it() {
    let text = "Chinese Ambassador Wu Peng spoke, and Mayor Xu Hui said the city was ready.";
    let names = names_of(text);
    let xu = person(&names, "Xu Hui");
    assert_eq!(xu.roles[0].text, "mayor");
    assert_eq!(&text[xu.roles[0].span.range()], "Mayor");
}

#[test]
fn hyphens_particles_and_initials_stay_in_one_name() {
    let text = "Jean-Bernard Raimond, the foreign minister, met Cor van der Klugt, chairman of Philips, and J. R. Ewing, an engineer.";
    let names = names_of(text);
    person(&names, "Jean-Bernard Raimond");
    let klugt = person(&names, "Cor van der Klugt");
    assert_eq!(klugt.surname, "Klugt");
    person(&names, "J R Ewing");
}

#[test]
fn references_with_honorifics_ages_and_speech() {
    let text = "Matt Watterson, 30, arrived.\n\nMr. Watterson said so. The 32-year-old Watterson left. Zhang’s help mattered.";
    let names = names_of(text);
    let honorific = names
        .references
        .iter()
        .find(|r| r.honorific.is_some())
        .unwrap();
    assert_eq!(honorific.word, "Watterson");
    assert_eq!(honorific.honorific.as_deref(), Some("Mr"));
    assert_eq!(&text[honorific.full_span.range()], "Mr. Watterson");
    assert!(honorific.speech);
    let aged = names.references.iter().find(|r| r.age.is_some()).unwrap();
    assert_eq!(aged.age.unwrap().years, 32);
    let zhang = names.references.iter().find(|r| r.word == "Zhang").unwrap();
    assert!(zhang.possessive);
    assert_eq!(&text[zhang.span.range()], "Zhang");
}

#[test]
fn sentence_openers_calendar_words_and_headings_are_not_names() {
    let text = "MARKETS REVIEW\n\nThe ministry said on Monday that Reuters had asked.\n\nIn January the Xinhua Institute opened.";
    let names = names_of(text);
    let words: Vec<String> = names.proper_names.iter().map(ProperName::text).collect();
    assert!(
        !words
            .iter()
            .any(|w| w == "The" || w == "Monday" || w == "In" || w == "January")
    );
    assert!(!words.iter().any(|w| w.contains("MARKETS")));
    assert!(words.iter().any(|w| w == "Xinhua Institute"));
    assert!(names.people.is_empty());
}

#[test]
fn organizations_are_not_people() {
    let names =
        names_of("Xinhua News Agency said the forum would open. Fuyu Porcelain said sales rose.");
    assert!(names.people.is_empty(), "{:?}", names.people);
}

#[test]
fn acronym_definitions_and_uses() {
    let text = "The AU met. The forum was hosted by the African Union (AU) and the Forum on China-Africa Cooperation (FOCAC). The AU and U.S. agreed.";
    let names = names_of(text);
    let au = &names.acronym_definitions[0];
    assert_eq!(au.acronym, "AU");
    assert!(au.fits);
    assert_eq!(&text[au.expansion_span.range()], "African Union");
    assert_eq!(&text[au.span.range()], "AU");
    let focac = &names.acronym_definitions[1];
    assert_eq!(focac.fitted, "forum on china africa cooperation");
    assert!(focac.fits);
    let uses: Vec<&str> = names
        .acronym_uses
        .iter()
        .map(|u| u.acronym.as_str())
        .collect();
    assert_eq!(uses, ["AU", "AU", "US"]);
}

#[test]
fn acronym_letters_that_do_not_fit() {
    let names = names_of("The World Health Organization (WTO) met. The Kuomintang (KMT) won.");
    let wto = &names.acronym_definitions[0];
    assert!(!wto.fits);
    assert!(wto.initials.iter().any(|i| i == "WHO"));
    assert!(names.acronym_definitions[1].fits);
}

#[test]
fn given_names_that_may_be_one_person() {
    let s = |v: &[&str]| v.iter().map(|w| (*w).to_owned()).collect::<Vec<_>>();
    assert!(same_given_names(&s(&["George"]), &s(&["George", "W."])));
    assert!(same_given_names(&s(&["Yanjun"]), &s(&["Yanjung"])));
    assert!(!same_given_names(&s(&["Hui"]), &s(&["Wan"])));
    assert!(!same_given_names(&s(&["Serena"]), &s(&["Venus"])));
}

fn check_spans(text: &str, names: &Names) {
    let ok = |span: Span| {
        span.start <= span.end
            && (span.end as usize) <= text.len()
            && text.is_char_boundary(span.start as usize)
            && text.is_char_boundary(span.end as usize)
    };
    for name in &names.proper_names {
        assert!(ok(name.span));
        assert!(name.word_spans.iter().all(|s| ok(*s)));
    }
    for person in &names.people {
        assert!(ok(person.introduction));
        assert!(person.mentions.iter().all(|s| ok(*s)));
        assert!(person.roles.iter().all(|r| ok(r.span)));
        assert!(person.ages.iter().all(|a| ok(a.span)));
    }
    for reference in &names.references {
        assert!(ok(reference.span) && ok(reference.full_span));
    }
    for definition in &names.acronym_definitions {
        assert!(ok(definition.span) && ok(definition.expansion_span));
    }
    assert!(names.acronym_uses.iter().all(|u| ok(u.span)));
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_in_bounds(text in "(?s)[A-Za-z .,;:()«»“”\"'’\\-\n0-9ÉéŁł#*]{0,400}") {
        let names = names_of(&text);
        check_spans(&text, &names);
        let (parsed, _) = parse(&text, Syntax::Markdown);
        let (tokens, _) = Tokens::build(&text, &parsed.blocks);
        check_spans(&text, &extract(&text, &parsed.blocks, &tokens));
    }

    #[test]
    fn name_like_text_never_panics(words in proptest::collection::vec(
        prop_oneof![
            Just("Xu"), Just("Hui"), Just("Mr."), Just("said"), Just("J."), Just("van"),
            Just("(AU)"), Just("African"), Just("Union"), Just("the"), Just(","), Just("30-year-old"),
            Just("Vice"), Just("Mayor"), Just("’s"), Just("«"), Just("»"), Just("\n\n"), Just("Łukasz"),
        ],
        0..60,
    )) {
        let text = words.join(" ");
        check_spans(&text, &names_of(&text));
    }
}
