use super::*;
use crate::parse::{Syntax, parse};
use crate::testing::plain_blocks;

fn tokens(text: &str) -> Tokens<'_> {
    let (blocks, _) = plain_blocks(text);
    Tokens::build(text, &blocks).0
}

fn texts<'t>(tokens: &[Token<'t>]) -> Vec<&'t str> {
    tokens.iter().map(|t| t.text).collect()
}

#[test]
fn words_numbers_marks_and_quotation_marks() {
    let text = "“O'Brien’s 1,000th car,” said Ms Lee on 10th May: 15.81 km² (3m).";
    let tokens = tokens(text);
    let block = tokens.block(0);
    assert_eq!(
        texts(block),
        [
            "“",
            "O'Brien’s",
            "1,000",
            "th",
            "car",
            ",",
            "”",
            "said",
            "Ms",
            "Lee",
            "on",
            "10th",
            "May",
            ":",
            "15.81",
            "km²",
            "(",
            "3",
            "m",
            ")",
            "."
        ]
    );
    let kinds: Vec<Kind> = block.iter().map(|t| t.kind).collect();
    assert_eq!(kinds[0], Kind::Quote);
    assert_eq!(kinds[1], Kind::Word);
    assert_eq!(kinds[5], Kind::Mark);
    assert_eq!(kinds[6], Kind::Quote);
    for token in block {
        assert_eq!(&text[token.span().range()], token.text);
    }
    let tenth = &block[11];
    assert_eq!(tenth.kind, Kind::Number);
    assert!(tenth.literal.ordinal);
    assert_eq!((tenth.literal.value, tenth.literal.digits), (10, 0));
    let decimal = &block[14];
    assert!(decimal.literal.decimal);
    assert_eq!(decimal.literal.value, 1581);
    assert_eq!(block[17].literal.digits, 1);
    assert!(block[2].literal.grouped);
}

#[test]
fn grouped_numbers_keep_their_groups() {
    let tokens = tokens("It cost 136,000 pounds and 1,00 more.");
    let block = tokens.block(0);
    assert_eq!(
        texts(block),
        [
            "It", "cost", "136,000", "pounds", "and", "1", ",", "00", "more", "."
        ]
    );
    assert!(block[2].literal.grouped);
    assert_eq!(block[2].literal.value, 136_000);
}

#[test]
fn what_stands_before_each_token() {
    let tokens = tokens("He said: (no) U.S.");
    let before: Vec<Before> = tokens.block(0).iter().map(|t| t.before).collect();
    use Before::*;
    assert_eq!(
        before,
        [
            Start, Space, Touching, Space, Touching, Touching, Space, Touching, Touching, Touching
        ]
    );
}

#[test]
fn markup_between_pieces_is_a_space_or_an_elision() {
    let text = "He wrote \"`code`\" and<br>left now.\n";
    let (parsed, _) = parse(text, Syntax::Markdown);
    let (tokens, _) = Tokens::build(text, &parsed.blocks);
    let block = tokens.block(0);
    let of = |word: &str| block.iter().find(|t| t.text == word).map(|t| t.before);
    assert_eq!(of("and"), Some(Before::Space));
    assert_eq!(of("left"), Some(Before::Space));
    let closing = block.iter().filter(|t| t.text == "\"").nth(1);
    assert_eq!(closing.map(|t| t.before), Some(Before::Elided));
}

#[test]
fn letter_case() {
    let tokens = tokens("said Paris NATO McDonald iPhone A");
    let cases: Vec<Case> = tokens.block(0).iter().map(|t| t.case).collect();
    use Case::*;
    assert_eq!(
        cases,
        [Lower, Capitalized, Upper, MixedUpper, MixedLower, Upper]
    );
    assert_eq!(Case::of("Élodie"), Capitalized);
    assert_eq!(Case::of("ÉLODIE"), Upper);
    assert_eq!(Case::of("习近平"), Case::None);
    assert_eq!(Case::of("42"), Case::None);
}

#[test]
fn an_unknown_word_has_no_entry() {
    let tokens = tokens("Shops opened in Paris said Qwzlx.");
    let block = tokens.block(0);
    assert_eq!(block[4].lower(), Some("said"));
    assert!(block[0].entry.is_none() || block[0].lower() == Some("shops"));
    assert_eq!(block[5].lower(), None);
    assert!(!block[5].is("said"));
    assert!(block[4].is_a(Class::SPEECH_VERB));
}

#[test]
fn sentences_split_the_block() {
    let tokens = tokens("Rain fell. Then it stopped! Done.");
    assert_eq!(texts(tokens.sentence(0, 0)), ["Rain", "fell", "."]);
    assert_eq!(texts(tokens.sentence(0, 1)), ["Then", "it", "stopped", "!"]);
    assert_eq!(texts(tokens.sentence(0, 2)), ["Done", "."]);
    assert!(tokens.sentence(0, 3).is_empty());
    assert!(tokens.sentence(7, 0).is_empty());
}

#[test]
fn blocks_keep_their_own_tokens() {
    let tokens = tokens("First one.\n\nSecond one.\n");
    assert_eq!(tokens.block_count(), 2);
    assert_eq!(texts(tokens.block(1)), ["Second", "one", "."]);
    assert_eq!(tokens.block(1)[0].before, Before::Start);
    assert_eq!(tokens.all().len(), 6);
}

#[test]
fn compounds_join_touching_tokens_by_policy() {
    let text = "Jean-Paul met U.S. envoys on COVID-19 in an A380 - not well - off.";
    let tokens = tokens(text);
    let block = tokens.block(0);
    let hyphens = |_: &Token, mark: &Token, _: &Token| mark.is_mark('-') || mark.is_mark('.');
    let words: Vec<&str> = {
        let mut words = Vec::new();
        let mut i = 0;
        while i < block.len() {
            let end = compound_end(block, i, hyphens);
            if end > i {
                let (first, last) = (&block[i], &block[end - 1]);
                words.push(&text[first.start as usize..last.end() as usize]);
                i = end;
            } else {
                i += 1;
            }
        }
        words
    };
    assert_eq!(
        words,
        [
            "Jean-Paul",
            "met",
            "U.S",
            "envoys",
            "on",
            "COVID-19",
            "in",
            "an",
            "A380",
            "not",
            "well",
            "off"
        ]
    );
    let nothing = |_: &Token, _: &Token, _: &Token| false;
    assert_eq!(compound_end(block, 0, nothing), 1);
    assert_eq!(compound_end(block, 1, nothing), 1, "a mark starts no word");
}

#[test]
fn tokens_between_offsets() {
    let text = "Ana met Tom at noon.";
    let tokens = tokens(text);
    let block = tokens.block(0);
    assert_eq!(index_at(block, 0), 0);
    assert_eq!(index_at(block, 4), 1);
    assert_eq!(index_at(block, 5), 1, "inside a token is that token");
    assert_eq!(index_at(block, 100), block.len());
    assert_eq!(texts(between(block, 4..11)), ["met", "Tom"]);
    assert_eq!(texts(between(block, 5..11)), ["Tom"]);
    assert!(between(block, 19..19).is_empty());
}

#[test]
fn hostile_input_is_cut_in_one_pass() {
    let text = "\"".repeat(10_000) + &"a'".repeat(5_000) + &"1,".repeat(5_000);
    let tokens = tokens(&text);
    let block = tokens.block(0);
    assert_eq!(
        block.iter().filter(|t| t.kind == Kind::Quote).count(),
        10_001
    );
    assert!(block.iter().all(|t| t.end() as usize <= text.len()));
}

#[test]
fn spans_inside_quotations() {
    let span = |start: usize, end: usize| Span::new(start, end);
    // An outer quotation 10..50 holding an inner one 20..30, and one more at 60..70.
    let quoted = Quoted::new([span(60, 70), span(20, 30), span(10, 50)]);
    assert!(quoted.contains(span(12, 18)));
    assert!(
        quoted.contains(span(32, 40)),
        "after the inner one, inside the outer one"
    );
    assert!(quoted.contains(span(60, 70)));
    assert!(!quoted.contains(span(45, 55)), "runs out of the quotation");
    assert!(!quoted.contains(span(0, 5)));
    assert!(!quoted.contains(span(52, 58)));
    assert!(!Quoted::default().contains(span(0, 1)));
}

#[test]
fn white_space_before_a_decoded_entity_still_separates() {
    // `&nbsp;` decodes to a no-break space and padding the pieces skip: the space still stands
    // between the two words.
    let file = "Zhang’s&nbsp;1,000 cars.\n";
    let (parsed, _) = parse(file, Syntax::Markdown);
    let text = parsed.analysis_text(file);
    let (tokens, _) = Tokens::build(text, &parsed.blocks);
    let block = tokens.block(0);
    let shown: Vec<(&str, Before)> = block.iter().map(|t| (t.text, t.before)).collect();
    let number = block.iter().position(|t| t.text == "1,000");
    assert_eq!(
        number.map(|i| block[i].before),
        Some(Before::Space),
        "{shown:?}"
    );
}
