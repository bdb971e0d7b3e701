//! Who said a quotation, and whether it is speech, a title or a single quoted term.
//!
//! Attribution reads the words around the marks: `…,” said Weng Yanjun`, `…,” Weng said`,
//! `…,” he said` (the pronoun stands for the last named speaker), `Lyu said: “…”`, `according to
//! Xu Hui`. A quotation with no attribution of its own takes the speaker of an earlier quotation
//! in the same paragraph, and a paragraph that continues a quotation takes the speaker of the
//! part before it.

use super::quotes::{Quotation, QuoteKind, Speaker};
use crate::lexicon::{self, Class};
use crate::parse::{Block, Joint};
use crate::source::Span;
use crate::text::{Kind, Quoted, Token};

/// Whether `text` is an honorific as written, with or without its period (`Mr`, `Dame.`).
fn is_honorific(text: &str) -> bool {
    lexicon::is_as_written(text.strip_suffix('.').unwrap_or(text), Class::HONORIFIC)
}

/// Whether `text` is a capitalized title or job name that may stand before a name and is not
/// part of it (`Minister`, `Chief`, `Gov.`; an abbreviated one with or without its period).
fn is_title_word(text: &str) -> bool {
    if !text.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    match text.strip_suffix('.') {
        Some(bare) => lexicon::is_as_written(bare, Class::ABBREVIATED_TITLE),
        None => lexicon::is_in_case(
            text,
            Class::TITLE | Class::ROLE_NOUN | Class::ABBREVIATED_TITLE,
        ),
    }
}

/// Whether `text` is a capitalized word of an organization's or a place's name
/// (`University`, `Ministry`).
fn is_organization_word(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_uppercase)
        && lexicon::is_in_case(text, Class::NOT_PERSON)
}

/// A word as attribution reads it, a thin view of the block's tokens: touching words and numbers
/// joined through hyphens, apostrophes and periods (`editor-in-chief`, `U.S`, `Dr.`), with its
/// byte span in the file.
#[derive(Debug, Clone)]
struct Word<'t> {
    text: &'t str,
    span: Span,
    /// Punctuation (other than a hyphen or apostrophe) follows the word before the next word.
    punctuated: bool,
}

/// What attribution remembers from one block to the next.
#[derive(Debug, Default)]
pub(super) struct Attribution<'a, 't> {
    /// The last speaker named next to a quotation.
    last_named: Option<Speaker>,
    /// People named so far, for `he said`.
    people: People,
    /// Blocks without quotations whose people are not learned yet: read only when a later
    /// block has a quotation to attribute, so an article's blocks after its last quotation (or
    /// an article without any) are never read for names.
    unread: Vec<(&'a Block, &'a [Token<'t>])>,
}

impl<'a, 't> Attribution<'a, 't> {
    /// Fill in the kind and speaker of the quotations `all[from..]`, which are those of
    /// `block`, whose tokens are `tokens` (`all[..from]` are earlier blocks').
    pub(super) fn annotate_block(
        &mut self,
        text: &'t str,
        block: &'a Block,
        tokens: &'a [Token<'t>],
        all: &mut [Quotation],
        from: usize,
    ) {
        if from == all.len() {
            self.unread.push((block, tokens));
            return;
        }
        for (earlier, earlier_tokens) in self.unread.drain(..) {
            self.people
                .learn(&words(text, earlier, earlier_tokens), &[]);
        }
        annotate_block(
            text,
            block,
            tokens,
            all,
            from,
            &mut self.last_named,
            &mut self.people,
        );
    }
}

fn annotate_block(
    text: &str,
    block: &Block,
    tokens: &[Token],
    all: &mut [Quotation],
    from: usize,
    last_named: &mut Option<Speaker>,
    people: &mut People,
) {
    let words = words(text, block, tokens);
    people.learn(&words, &all[from..]);
    let mut paragraph_speaker: Option<Speaker> = None;
    for i in from..all.len() {
        let q = &all[i];
        let content_words = words_in(&words, q.content);
        let after_end = q.close.map_or(q.content.end, |c| c.end) as usize;
        let after = words_after(&words, tokens, after_end);
        let before = words_before(&words, tokens, q.open.start as usize);
        let quoting = before
            .iter()
            .any(|w| lexicon::is_in_case(w.text, Class::CITING));
        let starts_lowercase = content_words
            .first()
            .is_some_and(|w| w.text.chars().next().is_some_and(char::is_lowercase));
        let mut speaker = speaker_after(&after)
            .or_else(|| speaker_before(&before, starts_lowercase))
            .or_else(|| quoting.then(|| leading_name(&after)).flatten());
        if let Some(s) = &speaker {
            if s.by_pronoun {
                speaker = people
                    .nearest_before(q.open.start as usize)
                    .or_else(|| last_named.clone())
                    .map(|named| Speaker {
                        span: s.span,
                        by_pronoun: true,
                        ..named
                    });
            }
        }
        let explicit = speaker.is_some();
        if speaker.is_none() && q.depth == 0 {
            speaker = if q.continued {
                all[..i]
                    .iter()
                    .rev()
                    .find(|p| p.depth == 0)
                    .and_then(|p| p.speaker.clone())
            } else {
                paragraph_speaker.clone()
            }
            .map(|s| Speaker {
                inherited: true,
                ..s
            });
        }
        let cued_term = before
            .iter()
            .rev()
            .take(2)
            .any(|w| lexicon::is(w.text, Class::TERM_CUE));
        let fragment = starts_lowercase;
        let kind = if is_title(&before, &content_words) && !explicit {
            QuoteKind::Title
        } else if !explicit
            && (content_words.len() <= 3
                || cued_term
                || (fragment && !q.continued && content_words.len() <= 7))
        {
            QuoteKind::Term
        } else {
            QuoteKind::Speech
        };
        if kind != QuoteKind::Speech {
            speaker = None;
        }
        if let Some(s) = &speaker {
            if !s.by_pronoun && !s.inherited {
                *last_named = Some(s.clone());
            }
            if q.depth == 0 {
                paragraph_speaker = Some(s.clone());
            }
        }
        let q = &mut all[i];
        q.kind = kind;
        q.speaker = speaker;
    }
}

/// People named so far, for resolving `he said`: full names (two to four capitalized words that
/// are not an organization, outside quotation marks) and later mentions of one of their words.
#[derive(Debug, Default)]
struct People {
    /// Every mention, in file order: (byte offset, the full name it refers to).
    mentions: Vec<(usize, Speaker)>,
    /// Single words of full names seen, mapped to the full name.
    known: std::collections::HashMap<String, String>,
}

impl People {
    fn learn(&mut self, words: &[Word], quotations: &[Quotation]) {
        let quoted = Quoted::new(quotations.iter().map(|q| q.content));
        let refs: Vec<&Word> = words.iter().filter(|w| !quoted.contains(w.span)).collect();
        let mut i = 0;
        while i < refs.len() {
            let run = name_run(&refs[i..]);
            let tokens = &refs[i..i + run];
            let possessive = tokens
                .iter()
                .any(|w| w.text.ends_with("’s") || w.text.ends_with("'s"));
            let organization = possessive
                || tokens.iter().any(|w| {
                    is_organization_word(
                        w.text
                            .trim_end_matches(['’', '\'', 's'])
                            .trim_end_matches(['’', '\'']),
                    ) || is_organization_word(w.text)
                });
            let followed_by_capital_word = tokens.last().is_some_and(|w| !w.punctuated)
                && refs
                    .get(i + run)
                    .is_some_and(|w| w.text.chars().next().is_some_and(char::is_uppercase));
            if (2..=4).contains(&run) && !organization && !followed_by_capital_word {
                if let Some(speaker) = speaker_from(tokens) {
                    for token in speaker.name.split(' ') {
                        self.known.insert(token.to_owned(), speaker.name.clone());
                    }
                    self.mentions.push((speaker.span.start as usize, speaker));
                }
                i += run;
                continue;
            }
            if run == 1 {
                if let Some(full) = self.known.get(refs[i].text) {
                    self.mentions.push((
                        refs[i].span.start as usize,
                        Speaker {
                            name: full.clone(),
                            span: refs[i].span,
                            by_pronoun: false,
                            inherited: false,
                        },
                    ));
                }
            }
            i += run.max(1);
        }
    }

    fn nearest_before(&self, offset: usize) -> Option<Speaker> {
        let at = self.mentions.partition_point(|(o, _)| *o < offset);
        at.checked_sub(1).map(|i| self.mentions[i].1.clone())
    }
}

/// A name run right at the start of `after` (`«…» Lyu Yansong, editor-in-chief, …`).
fn leading_name(after: &[&Word]) -> Option<Speaker> {
    let run = name_run(after);
    (run > 0).then(|| speaker_from(&after[..run])).flatten()
}

/// The words of a block from its tokens. A word is a run of touching tokens that starts with a
/// word or a number and goes on through words, numbers and the connectors `-`, `'`, `’` and
/// `.`; the comma of a grouped number (`1,000`) is punctuation. A word is `punctuated` when a
/// mark other than a connector, or markup cut out of the prose, comes before the next word.
fn words<'t>(source: &'t str, block: &Block, tokens: &[Token<'t>]) -> Vec<Word<'t>> {
    let mut words: Vec<Word<'t>> = Vec::new();
    // The run being read: its first byte and one past its last.
    let mut current: Option<(usize, usize)> = None;
    let mut gaps = Gaps::new(source, block);
    let mut previous_end = None;
    for token in tokens {
        let start = token.start as usize;
        if let Some(previous) = previous_end {
            let gap = gaps.between(previous, start);
            end_word(&mut words, source, &mut current, gap);
        }
        previous_end = Some(token.end() as usize);
        if token.kind == Kind::Number && token.literal.grouped {
            // `1,000`: each comma ends a word and punctuates it.
            let mut at = start;
            for (k, part) in token.text.split(',').enumerate() {
                if k > 0 {
                    end_word(&mut words, source, &mut current, Gap::Punctuation);
                    at += 1;
                }
                extend(&mut current, at, at + part.len());
                at += part.len();
            }
            continue;
        }
        let connector = matches!(token.kind, Kind::Mark | Kind::Quote)
            && matches!(token.text, "-" | "'" | "’" | ".");
        if token.is_alphanumeric() || (connector && current.is_some()) {
            extend(&mut current, start, token.end() as usize);
        } else {
            end_word(&mut words, source, &mut current, Gap::Punctuation);
        }
    }
    if let Some(previous) = previous_end {
        let gap = gaps.between(previous, usize::MAX);
        end_word(&mut words, source, &mut current, gap);
    }
    if let Some((start, end)) = current {
        push_word(&mut words, source, start, end);
    }
    words
}

/// What stands between two tokens, as a word sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Nothing: the tokens touch.
    None,
    /// White space, or markup that stands for it.
    Space,
    /// A mark, or markup cut out of the middle of the prose: the word before is punctuated.
    Punctuation,
}

/// The run being read goes on over bytes `start..end`.
fn extend(current: &mut Option<(usize, usize)>, start: usize, end: usize) {
    let run = current.get_or_insert((start, end));
    run.1 = end;
}

/// A gap ends the run being read, and punctuation marks the last word.
fn end_word<'t>(
    words: &mut Vec<Word<'t>>,
    source: &'t str,
    current: &mut Option<(usize, usize)>,
    gap: Gap,
) {
    if gap == Gap::None {
        return;
    }
    if let Some((start, end)) = current.take() {
        push_word(words, source, start, end);
    }
    if gap == Gap::Punctuation {
        if let Some(last) = words.last_mut() {
            last.punctuated = true;
        }
    }
}

/// The gaps between a block's tokens: white space inside a piece, and the markup between two
/// pieces, which stands for a space or is cut out of the prose ([`Joint`]). Asked in file order.
struct Gaps<'b, 't> {
    text: &'t str,
    block: &'b Block,
    /// The first piece that may still matter.
    piece: usize,
}

impl<'b, 't> Gaps<'b, 't> {
    fn new(text: &'t str, block: &'b Block) -> Self {
        Self {
            text,
            block,
            piece: 0,
        }
    }

    /// What stands between the token that ends at byte `from` and the one that starts at `to`.
    fn between(&mut self, from: usize, to: usize) -> Gap {
        let pieces = &self.block.pieces;
        while pieces
            .get(self.piece)
            .is_some_and(|p| (p.end as usize) < from)
        {
            self.piece += 1;
        }
        let mut gap = Gap::None;
        for (index, piece) in pieces.iter().enumerate().skip(self.piece) {
            let (start, end) = (piece.start as usize, piece.end as usize);
            if start > to {
                break;
            }
            // Bytes of a piece between two tokens are white space.
            if start.max(from) < end.min(to) {
                gap = gap.max_with(Gap::Space);
            }
            if index > 0 && start >= from {
                gap = gap.max_with(match self.block.joint_before(self.text, index) {
                    Joint::None => Gap::None,
                    Joint::Space => Gap::Space,
                    Joint::Elided => Gap::Punctuation,
                });
            }
        }
        gap
    }
}

impl Gap {
    /// The stronger of two gaps.
    fn max_with(self, other: Gap) -> Gap {
        match (self, other) {
            (Gap::Punctuation, _) | (_, Gap::Punctuation) => Gap::Punctuation,
            (Gap::Space, _) | (_, Gap::Space) => Gap::Space,
            _ => Gap::None,
        }
    }
}

fn push_word<'t>(words: &mut Vec<Word<'t>>, source: &'t str, start: usize, end: usize) {
    let Some(mut text) = source.get(start..end) else {
        return;
    };
    // A trailing period belongs to the sentence, except after an honorific or an initial.
    let mut punctuated = false;
    while let Some(last) = text
        .chars()
        .next_back()
        .filter(|c| matches!(c, '-' | '\'' | '’' | '.'))
    {
        let is_abbreviation =
            last == '.' && (is_honorific(text) || is_title_word(text) || text.chars().count() == 2);
        if is_abbreviation {
            break;
        }
        punctuated |= last == '.';
        text = &text[..text.len() - last.len_utf8()];
    }
    if !text.is_empty() {
        words.push(Word {
            text,
            span: Span::new(start, start + text.len()),
            punctuated,
        });
    }
}

fn words_in<'w, 't>(words: &'w [Word<'t>], span: Span) -> Vec<&'w Word<'t>> {
    let first = words.partition_point(|w| w.span.start < span.start);
    words[first..]
        .iter()
        .take_while(|w| w.span.end <= span.end)
        .collect()
}

/// Up to eight words after `from`, stopping at a sentence end or another quotation mark.
fn words_after<'w, 't>(words: &'w [Word<'t>], tokens: &[Token], from: usize) -> Vec<&'w Word<'t>> {
    // The period of `Dr.` or `J.` belongs to its word and does not end the sentence.
    let in_word = |offset: usize| {
        let at = words.partition_point(|w| (w.span.end as usize) <= offset);
        words
            .get(at)
            .is_some_and(|w| w.span.start as usize <= offset)
    };
    let first = words.partition_point(|w| (w.span.start as usize) < from);
    // Only a stop before the end of the eighth word matters: look no further.
    let horizon = words
        .get(first + 7)
        .map_or(usize::MAX, |w| w.span.end as usize);
    // A stop is a mark token; no mark inside a word or number token stops.
    let first_token = tokens.partition_point(|t| (t.start as usize) < from);
    let stop = tokens[first_token..]
        .iter()
        .take_while(|t| (t.start as usize) < horizon)
        .find(|t| {
            matches!(t.text, "." | "!" | "?" | "“" | "«" | "\"" | ";")
                && !(t.text == "." && in_word(t.start as usize))
        })
        .map_or(usize::MAX, |t| t.start as usize);
    words[first..]
        .iter()
        .take_while(|w| (w.span.end as usize) <= stop)
        .take(8)
        .collect()
}

/// Up to eight words before `to`, starting after a sentence end or another quotation mark (the
/// point of a decimal number too).
fn words_before<'w, 't>(words: &'w [Word<'t>], tokens: &[Token], to: usize) -> Vec<&'w Word<'t>> {
    let last_token = tokens.partition_point(|t| (t.start as usize) < to);
    let end = words.partition_point(|w| (w.span.end as usize) <= to);
    // Only a stop after the start of the eighth word back matters: look no further.
    let horizon = end
        .checked_sub(8)
        .and_then(|i| words.get(i))
        .map_or(0, |w| w.span.start as usize);
    let stop_in = |t: &Token| -> Option<usize> {
        let start = t.start as usize;
        match t.kind {
            Kind::Mark | Kind::Quote
                if matches!(t.text, "." | "!" | "?" | "”" | "»" | "\"" | ";") =>
            {
                Some(start)
            }
            Kind::Number => t.text.rfind('.').map(|i| start + i),
            _ => None,
        }
    };
    let start = tokens[..last_token]
        .iter()
        .rev()
        .take_while(|t| (t.end() as usize) > horizon)
        .filter_map(stop_in)
        .find(|&offset| offset >= horizon)
        .map_or(horizon, |offset| offset + 1);
    let first = words[..end].partition_point(|w| (w.span.start as usize) < start);
    let from = first.max(end.saturating_sub(8));
    words[from..end].iter().collect()
}

fn is_verb(word: &Word) -> bool {
    is_speech_verb(word.text)
}

/// Whether a word (as written, lower case) is a verb that attributes speech.
pub(crate) fn is_speech_verb(word: &str) -> bool {
    lexicon::is_lower(word, Class::SPEECH_VERB)
}

/// A run of capitalized words (with honorifics, particles and initials) starting at `words[0]`.
fn name_run(words: &[&Word]) -> usize {
    let mut length = 0;
    for (i, word) in words.iter().enumerate().take(5) {
        let text = word.text;
        let first_upper = text.chars().next().is_some_and(char::is_uppercase);
        // Words in capitals (`REUTERS`, `BEIJING`) are headlines and datelines, not names.
        let shouting =
            first_upper && text.chars().count() > 4 && text.chars().all(char::is_uppercase);
        let capitalized = first_upper && !shouting;
        // A function word opens no name, but an honorific (`Ms Ortiz`) opens one.
        // Looked up only for a capitalized first word: this runs at every word of a block.
        let opener = || lexicon::is_in_case(text, Class::FUNCTION_WORD) && !is_honorific(text);
        if i == 0 && (!capitalized || opener()) {
            return 0;
        }
        let particle = !capitalized
            && lexicon::is_lower(text, Class::NAME_PARTICLE)
            && words
                .get(i + 1)
                .is_some_and(|w| w.text.chars().next().is_some_and(char::is_uppercase));
        let calendar = Class::MONTH | Class::MONTH_ABBREVIATION | Class::WEEKDAY;
        if !(capitalized || particle) || lexicon::is_as_written(text, calendar) {
            break;
        }
        length = i + 1;
        if word.punctuated {
            break;
        }
    }
    length
}

fn speaker_from(words: &[&Word]) -> Option<Speaker> {
    let (first, last) = (words.first()?, words.last()?);
    // Drop everything up to the last title word, as long as a name is left after it.
    let after_title = words
        .iter()
        .rposition(|w| is_title_word(w.text))
        .map_or(0, |i| i + 1);
    let start = if after_title < words.len() {
        after_title
    } else {
        0
    };
    let name: Vec<&str> = words[start..]
        .iter()
        .map(|w| w.text)
        .filter(|t| !is_honorific(t))
        .collect();
    (!name.is_empty()).then(|| Speaker {
        name: name.join(" "),
        span: Span::new(first.span.start as usize, last.span.end as usize),
        by_pronoun: false,
        inherited: false,
    })
}

fn pronoun(word: &Word) -> Speaker {
    Speaker {
        name: word.text.to_lowercase(),
        span: word.span,
        by_pronoun: true,
        inherited: false,
    }
}

/// `…,” said Weng Yanjun`, `…,” Weng said`, `…,” he said`, `…,” according to Xu Hui`.
fn speaker_after(after: &[&Word]) -> Option<Speaker> {
    let first = after.first()?;
    if is_verb(first) {
        let mut rest = &after[1..];
        // `said city councillor Ann Lee`: skip a short lower-case job name.
        let role_end = rest
            .iter()
            .take(4)
            .position(|w| lexicon::is_lower(w.text, Class::ROLE_NOUN));
        if let Some(role_end) = role_end {
            let lowercase = rest[..=role_end]
                .iter()
                .all(|w| w.text.chars().next().is_some_and(char::is_lowercase));
            if lowercase && name_run(&rest[role_end + 1..]) > 0 {
                rest = &rest[role_end + 1..];
            }
        }
        let run = name_run(rest);
        if run > 0 {
            // `says Epstein accuser Virginia Giuffre`, `said Labour leader Ed Miliband`: a name
            // used as a modifier, a role noun, then the speaker's full name.
            let unpunctuated = !rest[run - 1].punctuated;
            for gap in 1..=2 {
                let roles = rest.get(run..run + gap).unwrap_or(&[]);
                let lowercase = roles.len() == gap
                    && roles
                        .iter()
                        .all(|w| w.text.chars().next().is_some_and(char::is_lowercase));
                let later = rest.get(run + gap..).map_or(0, name_run);
                if unpunctuated && lowercase && later >= 2 {
                    return speaker_from(&rest[run + gap..run + gap + later]);
                }
            }
            return speaker_from(&rest[..run]);
        }
        return rest
            .first()
            .filter(|w| lexicon::is_in_case(w.text, Class::PRONOUN))
            .map(|w| pronoun(w));
    }
    if lexicon::is_in_case(first.text, Class::PRONOUN) && after.get(1).is_some_and(|w| is_verb(w)) {
        return Some(pronoun(first));
    }
    if first.text == "according" && after.get(1).is_some_and(|w| w.text == "to") {
        let rest = &after[2..];
        let run = name_run(rest);
        return (run > 0).then(|| speaker_from(&rest[..run])).flatten();
    }
    let run = name_run(after);
    if run > 0 && after.get(run).is_some_and(|w| is_verb(w)) {
        return speaker_from(&after[..run]);
    }
    // `…,” Okafor, a retired teacher, said`: an appositive between the name and the verb.
    if run > 0 && after[run - 1].punctuated {
        let verb = after
            .iter()
            .enumerate()
            .skip(run + 1)
            .take(6)
            .find(|(_, w)| is_verb(w))
            .map(|(k, _)| k);
        if verb.is_some_and(|k| after[k - 1].punctuated) {
            return speaker_from(&after[..run]);
        }
    }
    // `…,” Harbour Board chairman Lee Tan said`: a title or an organization before the name;
    // the speaker is the name that ends right before the verb.
    let verb = after.iter().take(7).position(|w| is_verb(w))?;
    let subject = &after[..verb];
    if subject.iter().any(|w| w.punctuated) {
        return None;
    }
    let start = (0..verb)
        .rev()
        .take_while(|&i| name_run(&subject[i..]) == verb - i)
        .last()?;
    speaker_from(&subject[start..])
}

/// `Lyu said: “…”`, `He added, “…”`, `According to Xu Hui, “…”`, `Ms Ortiz told reporters on
/// Friday: “…”`, and, for a quoted fragment, `Ortiz said the plan was “a waste of money”`.
fn speaker_before(before: &[&Word], fragment: bool) -> Option<Speaker> {
    let (verb_at, _) = before.iter().enumerate().rev().find(|(_, w)| is_verb(w))?;
    // Only the last words may follow the verb: `said on Friday:` is fine, and so is a longer
    // phrase that a colon ends (`told reporters on Friday:`) or that leads into a quoted
    // fragment (`said the plan was “a…”`); a clause of its own is not.
    let trailing = before.len() - verb_at - 1;
    let colon = before.last().is_some_and(|w| w.punctuated);
    let allowed = if fragment || colon { 5 } else { 2 };
    if trailing > allowed || before[verb_at + 1..].iter().any(|w| w.punctuated && !colon) {
        return None;
    }
    let subject = &before[..verb_at];
    if let Some(last) = subject.last() {
        if lexicon::is_in_case(last.text, Class::PRONOUN) {
            return Some(pronoun(last));
        }
    }
    // The subject is the name run that ends right before the verb.
    let start = (0..subject.len())
        .rev()
        .take_while(|&i| name_run(&subject[i..]) == subject.len() - i)
        .last()?;
    speaker_from(&subject[start..])
}

/// A title: a cue word right before the marks (`titled «…»`, `the theme «…»`), or mostly
/// capitalized content of several words.
fn is_title(before: &[&Word], content: &[&Word]) -> bool {
    let cued = before
        .last()
        .is_some_and(|w| lexicon::is(w.text, Class::TITLE_CUE));
    let long_words: Vec<&&Word> = content
        .iter()
        .filter(|w| w.text.chars().count() >= 4)
        .collect();
    let capitalized = long_words
        .iter()
        .filter(|w| w.text.chars().next().is_some_and(char::is_uppercase))
        .count();
    let title_case = long_words.len() >= 3 && capitalized * 10 >= long_words.len() * 7;
    cued || title_case
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{Syntax, parse};
    use crate::text::Tokens;

    /// The words of the first block of `text` (`syntax`), each with `,` when punctuated.
    fn read(text: &str, syntax: Syntax) -> Vec<String> {
        let (parsed, _) = parse(text, syntax);
        let (tokens, _) = Tokens::build(text, &parsed.blocks);
        words(text, &parsed.blocks[0], tokens.block(0))
            .iter()
            .map(|w| format!("{}{}", w.text, if w.punctuated { "," } else { "" }))
            .collect()
    }

    #[test]
    fn words_join_tokens_through_connectors() {
        assert_eq!(
            read(
                "Dr. Ann Lee-Smith, editor-in-chief of U.S. Daily, said.",
                Syntax::Plain
            ),
            vec![
                "Dr.",
                "Ann",
                "Lee-Smith,",
                "editor-in-chief",
                "of",
                "U.S,",
                "Daily,",
                "said,"
            ]
        );
        // The comma of a grouped number is punctuation; a decimal point is not.
        assert_eq!(
            read("About 1,000 people and 2.5 tonnes", Syntax::Plain),
            vec!["About", "1,", "000", "people", "and", "2.5", "tonnes"]
        );
        // Markup cut out of the prose punctuates the word before it, even before a space.
        assert_eq!(
            read("said **Ho** is here", Syntax::Markdown),
            vec!["said,", "Ho,", "is", "here"]
        );
    }

    #[test]
    fn words_before_and_after_stop_at_sentence_ends() {
        let text = "It grew 2.5 percent. Lee said: “We will go,” said Ann Lee. Then";
        let (parsed, _) = parse(text, Syntax::Plain);
        let (tokens, _) = Tokens::build(text, &parsed.blocks);
        let words = words(text, &parsed.blocks[0], tokens.block(0));
        let open = text.find('“').unwrap_or(0);
        let before: Vec<&str> = words_before(&words, tokens.block(0), open)
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(before, vec!["Lee", "said"]);
        let close = text.find('”').map_or(0, |c| c + '”'.len_utf8());
        let after: Vec<&str> = words_after(&words, tokens.block(0), close)
            .iter()
            .map(|w| w.text)
            .collect();
        assert_eq!(after, vec!["said", "Ann", "Lee"]);
    }
}
