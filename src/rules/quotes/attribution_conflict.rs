//! Q003: the same quotation attributed to two different speakers.

use crate::document::Article;
use crate::extract::quotes::{QuoteKind, Speaker};
use crate::rules::quotes::quote_drift::{Comparison, candidate_pairs, compare};
use crate::rules::{Check, Context, declare_rule};

/// Q003 attribution-conflict.
#[derive(Debug, Default)]
pub struct AttributionConflict;

declare_rule! {
    /// ## What it checks
    /// The same quotation (word for word, or with a word or two changed) attributed by name to
    /// two different people. Attributions count when the article names the speaker next to the
    /// quotation (`said Xu Wan`, `Wu said:`); a `he said` or a quotation that only follows
    /// another one is not enough to raise a conflict. A surname and the full name it belongs to
    /// (`Xu` and `Xu Wan`) are the same speaker. The attributions read: `said Xu Wan`, `Xu Wan
    /// said`, `said city councillor Ann Lee`, `says Harbour accuser Marta Lind` (the full name
    /// after a role), `Harbour Board chairman Lee Tan said` (a title before the name), `Okafor,
    /// a retired teacher, said` (an appositive between name and verb), `according to Xu Hui`,
    /// `Wu said:`, `Ms Ortiz told reporters on Friday:` (a longer clause ended by a colon), and
    /// for a quoted fragment, `Ortiz said the plan was “a waste of money”`. A one-word speaker
    /// that opens its sentence, is written nowhere else and is no person the article names (a
    /// headline's `Fixer says ‘…’`) may be a capitalized common noun, and raises no conflict.
    ///
    /// ## Why it matters
    /// Putting words in the wrong mouth is among the most serious errors a story can carry, and
    /// it usually happens when a quote is moved during editing.
    ///
    /// ## Example
    /// ```markdown
    /// “The kilns will stay open as long as there are hands to fire them,” said Liu Zili.
    ///
    /// “The kilns will stay open as long as there are hands to fire them,” said Zhang Jie.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// “The kilns will stay open as long as there are hands to fire them,” said Liu Zili.
    ///
    /// Zhang Jie agreed with Liu Zili that the kilns would stay open.
    /// ```
    ///
    /// ## Options
    /// None.
    AttributionConflict {
        code: "Q003",
        name: "attribution-conflict",
        category: Quotes,
        severity: Error,
        summary: "the same quotation attributed to two different speakers",
        layers: [Quotes, Speakers, Entities],
    }
}

/// Fewest words for two quotations to be taken as the same statement.
const MIN_WORDS: usize = 5;

fn named(speaker: &Option<Speaker>) -> Option<&Speaker> {
    speaker.as_ref().filter(|s| !s.by_pronoun && !s.inherited)
}

/// Whether two speakers can be the same person: the entity registry says so (`Mike Flynn` and
/// `Michael Flynn`; `Xu` where it can only be Xu Hui), or, where it knows neither, one's words
/// are all among the other's.
fn same_speaker(article: &Article, a: &Speaker, b: &Speaker) -> bool {
    let registry = &article.entities;
    match (registry.person_at(a.span), registry.person_at(b.span)) {
        (Some(x), Some(y)) => x == y,
        _ => same_person(&a.name, &b.name),
    }
}

/// Whether a speaker's name may be no name at all: one word, written without an honorific or
/// a title, that opens its sentence (where any
/// word is capitalized: a headline's `Fixer says ‘…’`), that the article never writes again and
/// that the entity registry knows as no person. Such a speaker raises no conflict.
fn doubtful_name(article: &Article, speaker: &Speaker) -> bool {
    // An honorific or a title written with the word (`Ms Ortiz`) makes it a name.
    let bare = article.text[speaker.span.range()] == *speaker.name;
    if !bare || speaker.name.contains(' ') || article.entities.person_at(speaker.span).is_some() {
        return false;
    }
    let start = speaker.span.start as usize;
    let opens_block = article
        .blocks
        .iter()
        .any(|b| b.pieces.first().is_some_and(|p| p.start as usize == start));
    let opens_sentence = opens_block || article.text[..start].trim_end().ends_with(['.', '!', '?']);
    let word = speaker.name.as_str();
    let once = article
        .text
        .match_indices(word)
        .filter(|&(at, _)| {
            let before = article.text[..at].chars().next_back();
            let after = article.text[at + word.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .take(2)
        .count()
        == 1;
    opens_sentence && once
}

/// Whether two names can be the same person: one's words are all among the other's.
fn same_person(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> { s.split(' ').map(str::to_lowercase).collect() };
    let (a, b) = (words(a), words(b));
    a.iter().all(|w| b.contains(w)) || b.iter().all(|w| a.contains(w))
}

impl Check for AttributionConflict {
    fn check(&self, article: &Article, cx: &mut Context) {
        let quotations = &article.quotes.quotations;
        let (prepared, pairs) = candidate_pairs(article, |q| {
            q.kind == QuoteKind::Speech && named(&q.speaker).is_some()
        });
        let mut reported = vec![false; prepared.len()];
        for (e, l) in pairs {
            let (earlier, later) = (&prepared[e], &prepared[l]);
            if reported[l] || earlier.words.len().min(later.words.len()) < MIN_WORDS {
                continue;
            }
            let matches = matches!(
                compare(earlier, later),
                Comparison::Same | Comparison::Case(_) | Comparison::Wording(..)
            );
            let (first, second) = (&quotations[earlier.index], &quotations[later.index]);
            let (Some(first_speaker), Some(second_speaker)) =
                (named(&first.speaker), named(&second.speaker))
            else {
                continue;
            };
            if !matches
                || same_speaker(article, first_speaker, second_speaker)
                || doubtful_name(article, first_speaker)
                || doubtful_name(article, second_speaker)
            {
                continue;
            }
            cx.report(
                second_speaker.span,
                format!(
                    "this quotation is attributed to {} here but to {} earlier",
                    second_speaker.name, first_speaker.name
                ),
            )
            .label(second.content, "the quotation")
            .label(first_speaker.span, "first attributed here")
            .help("check who said it and attribute it the same way both times");
            reported[l] = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::same_person;
    use crate::testing::codes_in;

    #[test]
    fn names_of_one_person() {
        assert!(same_person("Xu", "Xu Wan"));
        assert!(!same_person("Xu Hui", "Xu Wan"));
    }

    #[test]
    fn quick_cases() {
        let fail = "“The kilns will stay open as long as there are hands,” said Liu Zili.\n\n“The kilns will stay open as long as there are hands,” said Zhang Jie.";
        assert!(codes_in(fail).contains(&"Q003"));
        let pass = "“The kilns will stay open as long as there are hands,” said Liu Zili.\n\n“The kilns will stay open as long as there are hands,” Liu said.";
        assert!(!codes_in(pass).contains(&"Q003"));
        // A headline's capitalized common noun is no speaker; a surname the article writes again
        // is one.
        let headline = "Potter says ‘the kilns will stay open as long as there are hands’\n\n“The kilns will stay open as long as there are hands,” said Liu Zili.";
        assert!(!codes_in(headline).contains(&"Q003"));
        let surname = "Zhang says ‘the kilns will stay open as long as there are hands’\n\n“The kilns will stay open as long as there are hands,” said Liu Zili.\n\nZhang Jie runs the museum.";
        assert!(codes_in(surname).contains(&"Q003"));
    }
}
