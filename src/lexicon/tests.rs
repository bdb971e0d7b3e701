use super::*;

#[test]
fn every_class_has_words() {
    let mut seen = Class::empty();
    for entry in table().entries.iter() {
        seen |= entry.classes;
    }
    for (name, class) in Class::all().iter_names() {
        assert!(seen.contains(class), "no word is in {name}");
    }
}

#[test]
fn lists_agree_with_each_other() {
    let mut builder = Builder::default();
    build(&mut builder);
    assert!(
        builder.conflicts.is_empty(),
        "written two ways: {:?}",
        builder.conflicts
    );
    assert!(
        builder.repeated.is_empty(),
        "listed twice in one class: {:?}",
        builder.repeated
    );
    for entry in builder.words.values() {
        assert_eq!(entry.word, entry.word.to_lowercase());
        assert_eq!(entry.written.to_lowercase(), entry.word);
        assert!(entry.word.len() <= 64, "{} is too long", entry.word);
    }
}

#[test]
fn per_word_data_matches_the_classes() {
    for entry in table().entries.iter() {
        let dated = entry.is(Class::MONTH | Class::MONTH_ABBREVIATION);
        assert_eq!(dated, entry.month != 0, "{}", entry.word);
        let weekday = Class::WEEKDAY | Class::WEEKDAY_ABBREVIATION | Class::WEEKDAY_TWO_LETTERS;
        assert_eq!(entry.is(weekday), entry.weekday != 0, "{}", entry.word);
        let valued = entry.is(Class::CARDINAL | Class::ORDINAL | Class::SCALE | Class::TIMES);
        assert_eq!(valued, entry.value.is_some(), "{}", entry.word);
        if entry.gender.is_some() {
            assert!(
                entry.is(Class::HONORIFIC | Class::PRONOUN | Class::GENDERED_ROLE),
                "{}",
                entry.word
            );
        }
    }
}

#[test]
fn months_and_weekdays_round_trip() {
    for month in 1..=12 {
        let name = month_name(month);
        let entry = lookup(name).unwrap();
        assert_eq!(i8::try_from(entry.month).unwrap(), month);
        assert_eq!(entry.written, name);
        assert!(entry.is(Class::MONTH));
    }
    assert_eq!(month_name(13), "month");
    for day in 1..=7 {
        let name = weekday_name(day);
        assert_eq!(lookup(name).unwrap().weekday, day);
        assert_eq!(lookup(&name[..3]).unwrap().weekday, day);
        assert_eq!(lookup(&name[..2]).unwrap().weekday, day);
    }
    assert_eq!(lookup("Sept").unwrap().month, 9);
    assert_eq!(lookup("thurs").unwrap().weekday, 4);
}

#[test]
fn lookups_fold_case_and_know_unknown_words() {
    assert!(is("Said", Class::SPEECH_VERB) && is("QUIPPED", Class::SPEECH_VERB));
    assert!(lookup("offices-that-no-list-holds").is_none());
    assert!(lookup("").is_none());
    assert!(classes("pineapple").is_empty());
    assert!(is_in_case("He", Class::PRONOUN) && !is_in_case("HE", Class::PRONOUN));
    let mr = lookup("mr").unwrap();
    assert_eq!(mr.written, "Mr");
    assert!(
        mr.classes_as_written("Mr", Class::HONORIFIC)
            .contains(Class::HONORIFIC)
    );
    assert!(
        !mr.classes_as_written("mr", Class::HONORIFIC)
            .contains(Class::HONORIFIC)
    );
    assert_eq!(lookup("Sir").unwrap().gender, Some(Gender::Male));
}

#[test]
fn diacritics_and_nicknames() {
    assert_eq!(fold_diacritics("Müller"), "muller");
    assert_eq!(fold_diacritics("Łódź"), "lodz");
    assert_eq!(fold_diacritics("Straße"), "strasse");
    assert_eq!(fold_diacritics("plain"), "plain");
    assert!(same_given_name("Mike", "Michael") && same_given_name("William", "Bill"));
    assert!(same_given_name("José", "Jose") && same_given_name("Bob", "ROBERT"));
    assert!(same_given_name("Alex", "Alexandra"));
    assert!(!same_given_name("Mike", "Robert"));
}

#[test]
fn every_class_has_a_bit_of_its_own() {
    use bitflags::Flags;
    let mut seen = Class::empty();
    for flag in Class::FLAGS {
        let (name, class) = (flag.name(), *flag.value());
        assert_eq!(class.bits().count_ones(), 1, "{name} is not one bit");
        assert!(
            !seen.intersects(class),
            "{name} shares its bit with another class"
        );
        seen |= class;
    }
}
