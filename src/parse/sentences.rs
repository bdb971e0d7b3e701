//! Sentence boundaries inside a block, aware of the abbreviations news copy is full of.

use super::Block;
use crate::lexicon::{self, Class};
use crate::source::Span;

/// The words that end in a period without ending the sentence (compared without the period,
/// as written): honorifics and abbreviated titles but for `Miss`, `Sir` and `Dame`, which
/// may close a sentence, month abbreviations and the other abbreviations of news copy.
fn is_abbreviation_word(word: &str) -> bool {
    let abbreviation = Class::ABBREVIATION | Class::ABBREVIATED_TITLE | Class::MONTH_ABBREVIATION;
    lexicon::is_as_written(word, abbreviation)
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '*', '_'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '«', '(', '[', '*', '_'];

/// The sentences of a block, as spans from their first to their last character.
pub fn split(text: &str, block: &Block) -> Vec<Span> {
    let mut chars = Vec::with_capacity(block.span().len());
    chars.extend(block.chars(text));
    let mut sentences = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let (offset, c) = chars[i];
        if start.is_none() && !c.is_whitespace() {
            start = Some(offset);
        }
        if matches!(c, '.' | '!' | '?' | '…') {
            let mut end = i + 1;
            while end < chars.len() && CLOSERS.contains(&chars[end].1) {
                end += 1;
            }
            // French-spaced guillemets: « It works. »
            if end + 1 < chars.len() && chars[end].1 == ' ' && chars[end + 1].1 == '»' {
                end += 2;
            }
            let followed_by_space = end == chars.len() || chars[end].1.is_whitespace();
            if followed_by_space
                && starts_sentence(&chars[end..])
                && !(c == '.' && is_abbreviation(&chars[..i]))
                && !(c == '.' && weekday_before_date(&chars[..i], &chars[end..]))
            {
                if let Some(s) = start.take() {
                    let (last_offset, last_char) = chars[end - 1];
                    sentences.push(Span::new(s, last_offset + last_char.len_utf8()));
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if let Some(s) = start {
        if let Some(&(last_offset, last_char)) =
            chars.iter().rev().find(|(_, c)| !c.is_whitespace())
        {
            sentences.push(Span::new(s, last_offset + last_char.len_utf8()));
        }
    }
    sentences
}

/// After the white space: the end of the block, or a capital, a digit or an opening mark.
fn starts_sentence(rest: &[(usize, char)]) -> bool {
    let mut next = rest
        .iter()
        .map(|&(_, c)| c)
        .skip_while(|c| c.is_whitespace());
    match next.next() {
        None => true,
        Some(c) if OPENERS.contains(&c) => true,
        Some(c) => c.is_uppercase() || c.is_ascii_digit(),
    }
}

/// Whether the word before a period is a weekday abbreviation and a date follows: a day number
/// or a month name.
fn weekday_before_date(before: &[(usize, char)], rest: &[(usize, char)]) -> bool {
    let start = before
        .iter()
        .rposition(|&(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |i| i + 1);
    // Every abbreviation has three to five letters: most periods end a longer word, and are
    // settled without building it.
    if !(3..=5).contains(&(before.len() - start)) {
        return false;
    }
    let word: String = before[start..].iter().map(|&(_, c)| c).collect();
    if !lexicon::is_as_written(&word, Class::WEEKDAY_ABBREVIATION) {
        return false;
    }
    let next: String = rest
        .iter()
        .map(|&(_, c)| c)
        .skip_while(|c| c.is_whitespace())
        .take_while(|c| c.is_alphanumeric())
        .take(9)
        .collect();
    next.starts_with(|c: char| c.is_ascii_digit())
        || lexicon::is_as_written(&next, Class::MONTH | Class::MONTH_ABBREVIATION)
}

/// Whether the word just before a period is an abbreviation, an initial or a dotted acronym
/// (`Mr`, `J`, `U.S`, `a.m`).
fn is_abbreviation(before: &[(usize, char)]) -> bool {
    let start = before
        .iter()
        .rposition(|&(_, c)| !(c.is_alphabetic() || c == '.'))
        .map_or(0, |i| i + 1);
    let word = &before[start..];
    if word.is_empty() || word.len() > 8 {
        return false;
    }
    let mut buffer = [0u8; 32];
    let mut length = 0;
    for &(_, c) in word {
        length += c.encode_utf8(&mut buffer[length..]).len();
    }
    let Ok(word) = std::str::from_utf8(&buffer[..length]) else {
        return false;
    };
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2);
    single_initial || dotted || is_abbreviation_word(word)
}

#[cfg(test)]
mod tests {
    use crate::parse::{Syntax, parse};

    fn sentences(text: &str) -> Vec<&str> {
        let (parsed, _) = parse(text, Syntax::Plain);
        parsed
            .blocks
            .iter()
            .flat_map(|b| super::split(text, b))
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn news_abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Mr. Xu met Dr. J. R. Smith of the U.S. Army on Nov. 27 at 9 a.m. Monday. It rained!"
            ),
            vec![
                "Mr. Xu met Dr. J. R. Smith of the U.S. Army on Nov. 27 at 9 a.m. Monday.",
                "It rained!"
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("« It works. » He left. \"Why?\" she asked. 3.5 percent rose. Next"),
            vec![
                "« It works. »",
                "He left.",
                "\"Why?\" she asked.",
                "3.5 percent rose.",
                "Next"
            ]
        );
    }

    #[test]
    fn lower_case_after_a_period_continues() {
        assert_eq!(
            sentences("No. 1 seed and etc. more"),
            vec!["No. 1 seed and etc. more"]
        );
    }
}
