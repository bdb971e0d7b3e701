//! Sentence boundaries inside a block, found on its tokens and aware of the abbreviations news
//! copy is full of.

use super::{Before, Kind, Token};
use crate::lexicon::{self, Class};
use crate::source::Span;

/// Marks that close a sentence's last word and stay with it: `."`, `.)`, `.*`.
fn is_closer(token: &Token) -> bool {
    matches!(
        token.text,
        "\"" | "'" | "”" | "’" | "»" | ")" | "]" | "*" | "_"
    )
}

/// Marks that may open a sentence.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '[' | '*' | '_')
}

/// The sentences of one block's `tokens`, as spans from the first byte of their first token to
/// the last byte of their last; each token's [`Token::sentence`] is set to the index of its
/// sentence.
pub(super) fn split(text: &str, tokens: &mut [Token]) -> Vec<Span> {
    let mut sentences = Vec::new();
    let mut first: Option<usize> = None;
    let mut i = 0;
    while i < tokens.len() {
        first.get_or_insert(i);
        if tokens[i].kind == Kind::Mark && matches!(tokens[i].text, "." | "!" | "?" | "…") {
            let end = sentence_end(text, tokens, i);
            let period = tokens[i].text == ".";
            let followed_by_space = tokens.get(end).is_none_or(|t| t.before == Before::Space);
            if followed_by_space
                && starts_sentence(tokens.get(end))
                && !(period && is_abbreviation(tokens, i))
                && !(period && weekday_before_date(tokens, i, &tokens[end..]))
            {
                if let Some(from) = first.take() {
                    push(&mut sentences, &mut tokens[from..end]);
                }
                i = end;
                continue;
            }
        }
        i += 1;
    }
    if let Some(from) = first {
        push(&mut sentences, &mut tokens[from..]);
    }
    sentences
}

/// Record the sentence made of `tokens` (never empty).
fn push(sentences: &mut Vec<Span>, tokens: &mut [Token]) {
    let index = u32::try_from(sentences.len()).unwrap_or(u32::MAX);
    if let (Some(first), Some(last)) = (tokens.first(), tokens.last()) {
        sentences.push(Span {
            start: first.start,
            end: last.end(),
        });
    }
    for token in tokens {
        token.sentence = index;
    }
}

/// One past the last token of a sentence that ends with the mark `tokens[mark]`: the closing
/// marks touching it, and a French-spaced guillemet (`« It works. »`).
fn sentence_end(text: &str, tokens: &[Token], mark: usize) -> usize {
    let mut end = mark + 1;
    while tokens
        .get(end)
        .is_some_and(|t| t.touching() && is_closer(t))
    {
        end += 1;
    }
    let last_end = tokens[end - 1].end() as usize;
    let one_space = text.as_bytes().get(last_end) == Some(&b' ');
    if tokens
        .get(end)
        .is_some_and(|t| t.text == "»" && one_space && t.start as usize == last_end + 1)
    {
        end += 1;
    }
    end
}

/// Whether what follows a sentence's end may start one: the end of the block, or a capital, a
/// digit or an opening mark.
fn starts_sentence(next: Option<&Token>) -> bool {
    let Some(next) = next else {
        return true;
    };
    match next.text.chars().next() {
        Some(c) if is_opener(c) => true,
        Some(c) => c.is_uppercase() || c.is_ascii_digit(),
        None => false,
    }
}

/// The word just before the period `tokens[period]`: its trailing characters that pass `keep`,
/// across tokens for as long as they touch (`U.S` in `the U.S.`). `None` when it would be longer
/// than `max` characters.
fn word_before<'b>(
    tokens: &[Token],
    period: usize,
    keep: impl Fn(char) -> bool,
    max: usize,
    buffer: &'b mut [u8; 32],
) -> Option<&'b str> {
    let mut parts: [&str; 10] = [""; 10];
    let mut count = 0;
    let mut chars = 0;
    let mut k = period;
    while k > 0 && tokens[k].touching() && count < parts.len() {
        k -= 1;
        let text = tokens[k].text;
        let kept = text
            .char_indices()
            .rev()
            .take_while(|&(_, c)| keep(c))
            .last()
            .map_or(text.len(), |(i, _)| i);
        chars += text[kept..].chars().count();
        if chars > max {
            return None;
        }
        parts[count] = &text[kept..];
        count += 1;
        if kept > 0 {
            break;
        }
    }
    let mut length = 0;
    for part in parts[..count].iter().rev() {
        let bytes = part.as_bytes();
        buffer
            .get_mut(length..length + bytes.len())?
            .copy_from_slice(bytes);
        length += bytes.len();
    }
    std::str::from_utf8(&buffer[..length]).ok()
}

/// Whether the word just before the period `tokens[period]` is an abbreviation, an initial or a
/// dotted acronym (`Mr`, `J`, `U.S`, `a.m`).
fn is_abbreviation(tokens: &[Token], period: usize) -> bool {
    let mut buffer = [0u8; 32];
    let keep = |c: char| c.is_alphabetic() || c == '.';
    let Some(word) = word_before(tokens, period, keep, 8, &mut buffer) else {
        return false;
    };
    if word.is_empty() {
        return false;
    }
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let dotted = word.contains('.') && word.split('.').all(|part| part.chars().count() <= 2);
    let abbreviation = Class::ABBREVIATION | Class::ABBREVIATED_TITLE | Class::MONTH_ABBREVIATION;
    single_initial || dotted || lexicon::is_as_written(word, abbreviation)
}

/// Whether the word before the period `tokens[period]` is a weekday abbreviation and a date
/// follows in `rest`: a day number or a month name.
fn weekday_before_date(tokens: &[Token], period: usize, rest: &[Token]) -> bool {
    let mut buffer = [0u8; 32];
    // Every abbreviation has three to five letters.
    let keep = |c: char| c.is_ascii_alphabetic();
    let Some(word) = word_before(tokens, period, keep, 5, &mut buffer) else {
        return false;
    };
    if word.len() < 3 || !lexicon::is_as_written(word, Class::WEEKDAY_ABBREVIATION) {
        return false;
    }
    let mut next = [0u8; 32];
    let mut length = 0;
    let mut chars = 0;
    for (i, token) in rest.iter().enumerate() {
        if i > 0 && !token.touching() {
            break;
        }
        for c in token.text.chars() {
            if !c.is_alphanumeric() || chars == 9 {
                break;
            }
            length += c.encode_utf8(&mut next[length..]).len();
            chars += 1;
        }
        if !token.is_alphanumeric() || chars == 9 || !token.text.chars().all(char::is_alphanumeric)
        {
            break;
        }
    }
    let next = std::str::from_utf8(&next[..length]).unwrap_or_default();
    next.starts_with(|c: char| c.is_ascii_digit())
        || lexicon::is_as_written(next, Class::MONTH | Class::MONTH_ABBREVIATION)
}

#[cfg(test)]
mod tests {
    use crate::parse::{Syntax, parse};

    fn sentences(text: &str) -> Vec<&str> {
        let (parsed, _) = parse(text, Syntax::Plain);
        parsed
            .blocks
            .iter()
            .flat_map(|b| super::super::sentences_of(text, b))
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

    #[test]
    fn a_weekday_abbreviation_before_a_date_continues() {
        assert_eq!(
            sentences("It opens Thu. 28 November. Tickets Sat. Go now."),
            vec!["It opens Thu. 28 November.", "Tickets Sat.", "Go now."]
        );
    }
}
