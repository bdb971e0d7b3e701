//! Unit tests for the number layer.

use proptest::prelude::*;

use super::*;

fn numbers(text: &str) -> Numbers {
    let (blocks, _) = crate::testing::plain_blocks(text);
    let (tokens, sentences) = Tokens::build(text, &blocks);
    extract(text, &tokens, &sentences)
}

/// The only quantity of `text` with the role `Quantity`.
fn only(text: &str) -> Quantity {
    let found: Vec<Quantity> = numbers(text)
        .quantities
        .into_iter()
        .filter(Quantity::is_quantity)
        .collect();
    assert_eq!(found.len(), 1, "{text}: {found:#?}");
    found.into_iter().next().unwrap_or_else(|| unreachable!())
}

fn spanned(text: &str, span: Span) -> &str {
    &text[span.range()]
}

#[test]
fn digits_with_separators_and_the_subject_before_of() {
    let text = "The city registered a net population inflow of 136,000 last decade.";
    let q = only(text);
    assert_eq!(q.value, 136_000.0);
    assert_eq!(q.precision, 500.0);
    assert!(q.grouped && q.numeral);
    assert_eq!(q.subject.as_deref(), Some("net population inflow"));
    assert_eq!(spanned(text, q.span), "136,000");
}

#[test]
fn scale_words_and_counted_nouns() {
    let text = "Chinese firms created more than 1.1 million jobs on the continent.";
    let q = only(text);
    assert_eq!(q.value, 1_100_000.0);
    assert_eq!(q.precision, 50_000.0);
    assert_eq!(q.hedge, Some(Hedge::AtLeast));
    assert_eq!(q.counted.as_deref(), Some("jobs"));
    assert_eq!(spanned(text, q.span), "1.1 million");
    assert!(q.scaled);
}

#[test]
fn currencies_words_signs_and_wire_shorthand() {
    let text = "Output reached over 93 billion yuan.";
    let q = only(text);
    assert_eq!(q.value, 93e9);
    assert_eq!(q.unit, Some(Unit::Currency("CNY")));
    assert_eq!(spanned(text, q.span), "93 billion yuan");

    let text = "It paid $5.2bn for the stake.";
    let q = only(text);
    assert_eq!(q.value, 5.2e9);
    assert_eq!(q.unit, Some(Unit::Currency("USD?")));
    assert_eq!(spanned(text, q.span), "$5.2bn");

    let text = "Profit was 15.8 mln dlrs in the quarter.";
    let q = only(text);
    assert_eq!(q.value, 15.8e6);
    assert_eq!(q.unit.map(|u| u.key()), Some("USD".to_owned()));

    let text = "The bid values the group at £300m.";
    assert_eq!(only(text).value, 300e6);

    let text = "It raised 40 mln stg from investors.";
    assert_eq!(only(text).unit, Some(Unit::Currency("GBP")));

    let text = "It was 10 million yuan (about 1.4 million U.S. dollars).";
    let found = numbers(text);
    let usd = &found.quantities[1];
    assert_eq!(usd.unit, Some(Unit::Currency("USD")));
    assert_eq!(usd.hedge, Some(Hedge::About));
    assert!(usd.in_parens);
    assert_eq!(spanned(text, usd.span), "1.4 million U.S. dollars");
    assert_eq!(found.conversions, vec![Conversion { from: 0, to: 1 }]);
}

#[test]
fn percentages_in_every_spelling() {
    for text in [
        "About 80 percent were young.",
        "About 80% were young.",
        "About 80 per cent were young.",
        "About 80 pct were young.",
    ] {
        let q = only(text);
        assert_eq!(q.value, 80.0, "{text}");
        assert_eq!(q.unit, Some(Unit::Percent), "{text}");
        assert_eq!(q.hedge, Some(Hedge::About), "{text}");
    }
}

#[test]
fn spelled_numbers_fractions_and_ordinals() {
    let q = only("Over twenty-five artisans carve by hand.");
    assert_eq!(q.value, 25.0);
    assert!(!q.numeral);
    assert_eq!(q.counted.as_deref(), Some("artisans"));
    assert_eq!(only("They shipped two hundred crates.").value, 200.0);
    assert_eq!(only("We bought a dozen eggs.").value, 12.0);
    let n =
        numbers("Nearly half of the kilns and a third of the shops closed in the 20th century.");
    let roles: Vec<Role> = n.quantities.iter().map(|q| q.role).collect();
    assert_eq!(roles, vec![Role::Fraction, Role::Fraction, Role::Ordinal]);
    let n = numbers("The 14th Five-Year Plan began.");
    assert!(n.quantities.iter().all(|q| !q.is_quantity()));
}

#[test]
fn units_and_compound_adjectives() {
    let text = "Its 16,000-square-meter factory is busy.";
    let q = only(text);
    assert_eq!(q.value, 16_000.0);
    assert!(q.compound);
    assert_eq!(q.unit, Some(Unit::Measure(Dimension::Area, 1.0)));
    assert_eq!(q.counted.as_deref(), Some("factory"));
    assert_eq!(spanned(text, q.span), "16,000-square-meter");
    assert_eq!(spanned(text, q.number_span), "16,000");

    let q = only("A sleek three-story facility stands across the road.");
    assert_eq!(q.value, 3.0);
    assert!(q.compound);

    let q = only("They built nearly 100,000 km of roads.");
    assert_eq!(q.unit, Some(Unit::Measure(Dimension::Length, 1000.0)));
    assert_eq!(q.counted.as_deref(), Some("roads"));
    assert_eq!(q.hedge, Some(Hedge::Nearly));

    let q = only("It was 30 °C in the shade.");
    assert_eq!(q.unit, Some(Unit::Celsius));
}

#[test]
fn hedges_become_ranges() {
    let q = only("Some 200 people came.");
    assert_eq!(q.hedge, Some(Hedge::About));
    let (low, high) = q.interval();
    assert!(low < 200.0 && high > 200.0);
    let q = only("Up to 500 people came.");
    assert_eq!(q.hedge, Some(Hedge::AtMost));
    assert_eq!(q.interval().0, 0.0);
    let q = only("At least 500 people came.");
    assert_eq!(q.hedge, Some(Hedge::AtLeast));
    assert!(q.interval().1.is_infinite());
    let q = only("Police said 20,000-30,000 fans came.");
    assert_eq!(q.range_high, Some(30_000.0));
}

#[test]
fn years_dates_times_ages_and_labels_are_not_quantities() {
    let text = "In 2016, on Nov. 27 at 2000 GMT, Flight 370 and Boeing 747 left; \
                the 30-year-old, aged 31, recalled the 1980s and the Ming Dynasty (1368-1644) \
                and fiscal 1987/88 and 10:30.";
    let n = numbers(text);
    let leaked: Vec<&str> = n
        .quantities
        .iter()
        .filter(|q| q.is_quantity())
        .map(|q| spanned(text, q.span))
        .collect();
    assert!(leaked.is_empty(), "{leaked:?}");
}

#[test]
fn changes_lists_and_parts() {
    let n = numbers("Their number has tripled from 20,000 in 2012 to 60,000.");
    assert_eq!(n.changes.len(), 1);
    assert_eq!(n.changes[0].kind, ChangeKind::Times(3.0));
    assert_eq!(n.quantities[n.changes[0].from].value, 20_000.0);
    assert_eq!(n.quantities[n.changes[0].to].value, 60_000.0);

    let n = numbers("Profit rose 20 pct to 1.2 mln dlrs from 1.0 mln dlrs.");
    assert_eq!(n.changes.len(), 1);
    assert!(matches!(n.changes[0].kind, ChangeKind::Percent(p, _) if p == 20.0));

    let n = numbers("He named three keywords — partnership, practicality and prospects.");
    assert_eq!(n.lists.len(), 1);
    assert_eq!((n.lists[0].min_items, n.lists[0].max_items), (3, 3));
    assert_eq!(n.lists[0].intro, ListIntro::Dash);

    let n = numbers("Workers restored 25 of the 22 factory buildings.");
    assert_eq!(n.parts.len(), 1);
    assert_eq!(n.parts[0].relation, PartRelation::CountOf);
}

proptest! {
    #[test]
    fn never_panics_and_spans_are_in_bounds(text in "[0-9a-zA-Z ,.;:%$£€°()«»“”\"'’—–/\\-\\n]{0,200}") {
        check_spans(&text);
    }

    #[test]
    fn never_panics_on_any_unicode(text in "\\PC{0,120}") {
        check_spans(&text);
    }
}

fn check_spans(text: &str) {
    let n = numbers(text);
    for q in &n.quantities {
        for span in [Some(q.span), Some(q.number_span), q.unit_span]
            .into_iter()
            .flatten()
        {
            assert!(span.start <= span.end && span.end as usize <= text.len());
            assert!(text.is_char_boundary(span.start as usize));
            assert!(text.is_char_boundary(span.end as usize));
        }
        assert!(q.value.is_finite());
    }
    for list in &n.lists {
        assert!(list.span.end as usize <= text.len());
        assert!(text.is_char_boundary(list.span.start as usize));
        assert!(text.is_char_boundary(list.span.end as usize));
    }
    for change in &n.changes {
        assert!(change.from < n.quantities.len() && change.to < n.quantities.len());
        assert!(text.is_char_boundary(change.trigger.end as usize));
    }
}

/// Numbers' view of a one-sentence text: its words and marks as written.
fn view(text: &str) -> Vec<String> {
    let (blocks, _) = crate::testing::plain_blocks(text);
    let (tokens, sentences) = Tokens::build(text, &blocks);
    let mut out = Vec::new();
    for (block, spans) in sentences.iter().enumerate() {
        for (sentence, &span) in spans.iter().enumerate() {
            let place = SentencePlace {
                block,
                sentence,
                span,
            };
            sentence_view(text, &tokens, &place, &mut out);
        }
    }
    out.iter().map(|t| t.text.to_owned()).collect()
}

#[test]
fn compound_words_join_by_the_number_policy() {
    assert_eq!(
        view("U.S. dlrs 1,234.5 co-op don’t 5.2bn x.y.z 3-4 a--b 1,00 Mr.Smith 3A.B"),
        [
            "U.S", ".", "dlrs", "1,234.5", "co-op", "don’t", "5.2bn", "x.y.z", "3-4", "a", "-",
            "-", "b", "1,00", "Mr", ".", "Smith", "3A", ".", "B"
        ]
    );
}

#[test]
fn unknown_words_compare_with_nothing_but_read_in_lower_case() {
    let text = "Some 40 Zorblax visitors came.";
    let q = only(text);
    assert_eq!(q.counted.as_deref(), Some("zorblax visitors"));
}

proptest! {
    #[test]
    fn view_tokens_are_in_bounds(text in "[0-9a-zA-Z ,.;:%$£€°()«»“”\"'’—–/\\-İΣσßÄ\n]{0,80}") {
        let n = numbers(&text);
        for q in &n.quantities {
            prop_assert!(text.is_char_boundary(q.span.start as usize));
            prop_assert!(text.is_char_boundary(q.span.end as usize));
        }
    }
}
