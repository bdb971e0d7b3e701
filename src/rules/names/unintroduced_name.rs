//! P003: a surname or honorific reference before the person's full name is given.

use std::collections::{HashMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::QuotationSweep;
use crate::document::Article;
use crate::extract::names::Reference;
use crate::lexicon::{self, Class};
use crate::parse::Role;
use crate::rules::{Check, Context, declare_rule};
use crate::source::Span;
use crate::text::{Before, Case, Kind, Token};

/// P003 unintroduced-name.
#[derive(Debug, Default)]
pub struct UnintroducedName {
    options: UnintroducedNameOptions,
}

/// Options of P003.
#[derive(Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct UnintroducedNameOptions {
    /// Report every honorific reference (`Mr. Watterson`) whose surname no longer name of the
    /// article holds, without the default's exceptions (well-known people, characters).
    require_full_name: bool,
    /// Names well known enough to stand alone (`Blair`, `Pelé`).
    known_names: Vec<String>,
}

declare_rule! {
    /// ## What it checks
    /// A reference to a person by surname alone or with an honorific (`Watterson said`, `Mr.
    /// Watterson`) before the person's full name appears, and one to a person whose full name
    /// the article never gives: a surname with an honorific (`Mr Okafor said`), or a bare
    /// surname that the writer introduces with a role or an age and that speaks (`Okafor, the
    /// bank's chief economist,` … `Okafor said`).
    ///
    /// Only references that read as a person count, outside quotations, headlines and
    /// captions. A title with a surname (`President Reagan`) is an accepted first reference. A
    /// surname that already appeared inside a longer name (`Ambassador to South Africa Wu Peng`
    /// … `said Wu`) counts as introduced. A name never given is not reported when the article
    /// may give it in a form the name layer does not read as a name (`JP McManus`, `John "Bud"
    /// Frazier`), when it is one spelling slip from a full name's word (that is P001's
    /// finding), for words of the language, places, organizations, given names used alone
    /// (`Lucy, 36,`; `his daughter, Noor,`), names known by their honorific (`Dr Seuss`),
    /// characters played and titles of works (`played Mrs Potts`), and heads of state and
    /// government known by surname alone.
    ///
    /// ## Why it matters
    /// A reader meeting "Watterson said" before "Matt Watterson, a ceramist" does not know who is
    /// talking; the usual cause is a paragraph moved in editing.
    ///
    /// ## Example
    /// ```markdown
    /// "Being an artist here is like being back in university," Watterson said.
    ///
    /// Matt Watterson, a 30-year-old ceramist from the United States, moved to the city in 2019.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// Matt Watterson, a 30-year-old ceramist from the United States, moved to the city in 2019.
    ///
    /// "Being an artist here is like being back in university," Watterson said.
    /// ```
    ///
    /// ## Options
    /// - `require-full-name` (bool, default `false`): report every `Mr. X` whose surname no
    ///   longer name of the article holds, well-known people and characters included.
    /// - `known-names` (list of strings, default empty): names never reported, for people known
    ///   by one name.
    UnintroducedName {
        code: "P003",
        name: "unintroduced-name",
        category: Names,
        severity: Warning,
        summary: "a surname or honorific reference before the full name is given",
        layers: [Names, Quotes],
        options: UnintroducedNameOptions,
    }
}

impl UnintroducedName {
    /// The rule with its options.
    fn from_options(options: UnintroducedNameOptions) -> Result<Self, String> {
        Ok(Self { options })
    }
}

impl Check for UnintroducedName {
    fn check(&self, article: &Article, cx: &mut Context) {
        let names = &article.names;
        // Where each word first appears inside a name of two or more words.
        let mut in_longer_name: HashMap<&str, u32> = HashMap::new();
        for name in names.proper_names.iter().filter(|n| n.words.len() >= 2) {
            for word in &name.words {
                in_longer_name
                    .entry(word.as_str())
                    .or_insert(name.span.start);
            }
        }
        let groups = names.people_by_surname();
        let speakers: HashSet<&str> = names
            .references
            .iter()
            .filter(|r| r.speech && !r.possessive)
            .map(|r| r.word.as_str())
            .collect();
        let mut reported: Vec<&str> = Vec::new();
        let mut quotations = QuotationSweep::new(article);
        for reference in &names.references {
            let word = reference.word.as_str();
            // Asked at most once per reference: it reads the whole article.
            let owed = std::cell::OnceCell::new();
            let owes = || {
                *owed.get_or_init(|| owes_full_name(article, reference, &in_longer_name, &speakers))
            };
            // A title with a surname (`President Reagan`) is an accepted first reference.
            let signalled =
                (reference.honorific.is_some() || reference.speech) && reference.title.is_none();
            if !(signalled || owes())
                || quotations.contains(reference.span.start)
                || reported.contains(&word)
                || self.options.known_names.iter().any(|k| k == word)
            {
                continue;
            }
            let introduced_before = in_longer_name
                .get(word)
                .is_some_and(|&at| at < reference.span.start);
            if introduced_before {
                continue;
            }
            let later = groups.get(word).and_then(|group| {
                group
                    .iter()
                    .find(|p| p.introduction.start > reference.span.start)
            });
            if let Some(person) = later {
                reported.push(word);
                cx.report(
                    reference.full_span,
                    format!(
                        "`{}` is referred to before the full name {} is given",
                        &article.text[reference.full_span.range()],
                        person.full_name()
                    ),
                )
                .label(person.introduction, "the full name is first given here")
                .help("give the full name at the first mention, and the surname after it");
            } else if !in_longer_name.contains_key(word)
                && (self.options.require_full_name && reference.honorific.is_some() || owes())
            {
                reported.push(word);
                cx.report(
                    reference.full_span,
                    format!(
                        "`{}` is never introduced by full name",
                        &article.text[reference.full_span.range()]
                    ),
                )
                .help("give the person's full name at the first mention");
            }
        }
    }
}

/// Whether `role` (an appositive or a role noun before a bare surname) shows a person as a
/// full name would: its head a role noun of people that a company or a team does not also
/// hold (not `owner`, `rival`, `winner`), nor a relative or gendered role (`his daughter,
/// Ivanka,` calls a relative by the given name), and no clause inside it (`Twitter, he
/// describes himself as a centrist`).
fn person_role(role: &str) -> bool {
    let Some(head) = role.rsplit(' ').next() else {
        return false;
    };
    let clause = Class::PRONOUN | Class::SPEECH_VERB | Class::CITING;
    let head = head.rsplit('-').next().unwrap_or(head);
    let ist = head.len() >= 6 && head.ends_with("ist");
    (lexicon::is(head, Class::ROLE_NOUN) || ist)
        && !lexicon::is(head, Class::KINSHIP | Class::GENDERED_ROLE)
        && !lexicon::is_lower(head, Class::ROLE_OF_BODIES)
        && !role
            .split(' ')
            .any(|w| lexicon::is_lower(w, Class::APPOSITIVE_CLAUSE) || lexicon::is(w, clause))
}

/// Whether a capitalized word follows the reference after a comma: a firm of partners
/// (`Donaldson, Lufkin and Jenrette analyst`), not an appositive.
fn capital_after_comma(article: &Article, reference: &Reference) -> bool {
    article
        .text
        .get(reference.span.end as usize..)
        .and_then(|rest| rest.strip_prefix(", "))
        .is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// Whether `reference` is a person the article owes a full name and never gives one: a surname
/// with an honorific, or a bare surname introduced with a role or an age that also speaks
/// (`Mr Okafor said`; `Okafor, the bank's chief economist,` … `Okafor said`), that no name of
/// the article can be (no longer name holds the word or a spelling one letter from it, no
/// capitalized word or initial stands next to it anywhere), and that is not a word of the
/// language, a place, an organization's word, a title, a diminutive after an honorific (`Rev
/// Ed`), a name known by its honorific (`Dr Dre`) or a character played (`as Mrs Pearce`).
fn owes_full_name(
    article: &Article,
    reference: &Reference,
    in_longer_name: &HashMap<&str, u32>,
    speakers: &HashSet<&str>,
) -> bool {
    let word = reference.word.as_str();
    let lower = word.to_lowercase();
    // Places, teams and companies get appositives too, and vox pops and relatives go by a
    // given name: a bare word must be a speaker introduced by a person's role or an age.
    let bare_person = || {
        let nationality = ["man", "woman", "men", "women"].iter().any(|end| {
            lower
                .strip_suffix(end)
                .is_some_and(|stem| lexicon::is(stem, Class::PLACE))
        });
        speakers.contains(word)
            && !nationality
            && !lexicon::is(word, Class::FIRST_NAME | Class::GIVEN_NAME)
            && !capital_after_comma(article, reference)
            && (reference.age.is_some()
                || reference
                    .described
                    .iter()
                    .chain(&reference.role_before)
                    .any(|role| person_role(&role.text)))
    };
    if reference.title.is_some()
        || word.chars().count() < 2
        || !(reference.honorific.is_some() || bare_person())
    {
        return false;
    }
    let heading = article
        .blocks
        .get(reference.block)
        .is_some_and(|b| matches!(b.role, Role::Title | Role::Dateline | Role::Subhead));
    let not_surname = Class::TITLE
        | Class::ROLE_NOUN
        | Class::PLACE
        | Class::NOT_PERSON
        | Class::CALENDAR
        | Class::FUNCTION_WORD
        | Class::HONORIFIC
        | Class::HONORIFIC_NAME
        | Class::DIMINUTIVE
        | Class::COMMON_ACRONYM;
    if heading
        || lexicon::is(word, not_surname)
        || lexicon::is_in_case(word, Class::WELL_KNOWN_LEADER)
        || handle_like(word)
        || first_person(article, reference.block)
    {
        return false;
    }
    let bound = if lower.chars().count() > 7 { 2 } else { 1 };
    let near_a_name = in_longer_name
        .keys()
        .any(|name| strsim::osa_distance(&name.to_lowercase(), &lower) <= bound);
    !near_a_name && !written_otherwise(article, word) && !played_or_cited(article, reference)
}

/// Whether `word` joins two words with an inner capital after five lower-case letters or more
/// (`CreepyPasta`): an online handle or a persona, not a surname (`McDonald`, `LaGuardia`).
fn handle_like(word: &str) -> bool {
    let mut lower_run = 0;
    for c in word.chars().skip(1) {
        if c.is_lowercase() {
            lower_run += 1;
        } else if c.is_uppercase() && lower_run >= 5 {
            return true;
        } else {
            lower_run = 0;
        }
    }
    false
}

/// Whether block `block` speaks in the first person outside quotation marks (`I`): a
/// testimony or an interview answer, whose speaker may call people by surname as a quoted
/// speaker does.
fn first_person(article: &Article, block: usize) -> bool {
    let quoted: Vec<Span> = article
        .quotes
        .quotations
        .iter()
        .filter(|q| q.block == block)
        .map(|q| q.content)
        .collect();
    article.tokens.block(block).iter().any(|t| {
        t.kind == Kind::Word
            && t.text == "I"
            && !quoted.iter().any(|q| q.start <= t.start && t.start < q.end)
    })
}

/// Whether the article writes `word` in lower case somewhere (a word of the language: `Dr No`),
/// as the plural of another word it writes (`Republicans`), or inside a longer name the names
/// layer did not take for one: a capitalized word, an initial or a nickname in quotation marks
/// right before it (`JP McManus`, `J. McManus`, `Jan Bolz`, `John "Bud" Frazier`), a
/// capitalized word, an initial or `&` right after it (`Lisa R Bardack`, `Marsh & McLennan`).
fn written_otherwise(article: &Article, word: &str) -> bool {
    let head = word.split('-').next().unwrap_or(word);
    let singular = word.strip_suffix('s').filter(|s| s.chars().count() >= 3);
    let tokens = article.tokens.all();
    // A capitalized function word inside a sentence is a name (`Will Davies`), not a word that
    // opens the sentence.
    let opens_sentence = |k: usize| k == 0 || tokens[k - 1].sentence != tokens[k].sentence;
    let name_word = |k: usize| {
        let token = &tokens[k];
        token.kind == Kind::Word
            && matches!(
                token.case,
                Case::Capitalized | Case::Upper | Case::MixedUpper
            )
            && !token.is_a(
                Class::HONORIFIC
                    | Class::TITLE
                    | Class::ABBREVIATED_TITLE
                    | Class::ROLE_NOUN
                    | Class::WEEKDAY
                    | Class::PLACE
                    | Class::NOT_PERSON
                    | Class::SPEECH_VERB,
            )
            && !(token.is_a(Class::FUNCTION_WORD) && opens_sentence(k))
    };
    let initial = |token: &Token| token.case == Case::Upper && token.text.chars().count() == 1;
    tokens.iter().enumerate().any(|(i, token)| {
        if token.kind != Kind::Word {
            return false;
        }
        if singular.is_some_and(|s| token.text == s) {
            return true;
        }
        if token.case == Case::Lower {
            return token.text.eq_ignore_ascii_case(head);
        }
        if token.text != head {
            return false;
        }
        let at = |k: usize| tokens.get(k);
        let before = token.before == Before::Space
            && i.checked_sub(1).is_some_and(|p| {
                let previous = &tokens[p];
                name_word(p)
                    || previous.is_mark('.') && p.checked_sub(1).and_then(at).is_some_and(initial)
                    || previous.kind == Kind::Quote && p.checked_sub(1).is_some_and(name_word)
            });
        let after = at(i + 1).is_some_and(|next| {
            next.before == Before::Space && (name_word(i + 1) || initial(next) || next.is_mark('&'))
                || next.is_mark('.')
                    && at(i + 2).is_some_and(|n| n.before == Before::Space && initial(n))
        });
        before || after
    })
}

/// Whether the words before the reference make it a character played or a work's title (`as
/// Mrs Pearce`, `played Mrs Potts`, `Edward and Mrs Simpson`), or a legal citation (`2008 Rev
/// Ed`).
fn played_or_cited(article: &Article, reference: &Reference) -> bool {
    let tokens = article.tokens.all();
    let at = tokens.partition_point(|t| t.start < reference.full_span.start);
    let previous = |back: usize| at.checked_sub(back).and_then(|k| tokens.get(k));
    let Some(before) = previous(1) else {
        return false;
    };
    before.kind == Kind::Number
        || ["as", "played", "plays", "playing", "portraying"]
            .iter()
            .any(|cue| before.is(cue))
        || before.is("and")
            && previous(2).is_some_and(|w| w.kind == Kind::Word && w.case == Case::Capitalized)
}

#[cfg(test)]
mod tests {
    use crate::testing::codes_in;

    fn p003(text: &str) -> usize {
        codes_in(text).iter().filter(|c| **c == "P003").count()
    }

    #[test]
    fn quick_cases() {
        assert_eq!(
            p003("The city is home, Watterson said.\n\nMatt Watterson, a ceramist, moved there."),
            1
        );
        assert_eq!(
            p003("Matt Watterson, a ceramist, moved there.\n\nThe city is home, Watterson said."),
            0
        );
        assert_eq!(p003("Reuters said the talks would resume."), 0);
        // Never introduced: an honorific, or a bare surname with a role that speaks.
        assert_eq!(p003("Rates will hold, Mr Okafor said."), 1);
        assert_eq!(
            p003("Rates will hold, Okafor, the chief economist, said.\n\nOkafor said so."),
            1
        );
        assert_eq!(p003("Rates will hold, Okafor said.\n\nOkafor said so."), 0);
        // A spelling slip of a full name's word is P001's finding.
        assert_eq!(
            p003("Tariq Benali, the mayor, spoke.\n\nThe vote is close, Mr Bneali said."),
            0
        );
        assert_eq!(
            p003("Rates will hold, Mr Jan Okafor said.\n\nMr Okafor agreed."),
            0
        );
        assert_eq!(
            p003("The cast includes Mrs Potts and Mr Okafor as Mr Blythe."),
            1
        );
    }

    #[test]
    fn options() {
        use super::UnintroducedName;
        use crate::document::Article;
        use crate::parse::{Syntax, parse};
        use crate::rules::{Context, Rule};

        let table = |toml: &str| toml.parse::<toml::Table>().unwrap();
        let text = "Mr. Blair said the election was near.\n\nWatterson said so.\n\nMatt Watterson, a ceramist, agreed.";
        let (parsed, _) = parse(text, Syntax::Plain);
        let article = Article::build(
            "t.txt",
            text,
            Syntax::Plain,
            parsed,
            None,
            Default::default(),
        );
        let found = |rule: &dyn Rule| {
            let mut cx = Context::new(
                &UnintroducedName::META,
                UnintroducedName::META.default_severity,
            );
            rule.check(&article, &mut cx);
            cx.into_diagnostics().len()
        };
        let default = UnintroducedName::build(&table("")).unwrap();
        assert_eq!(found(default.as_ref()), 1);
        let strict = UnintroducedName::build(&table("require-full-name = true")).unwrap();
        assert_eq!(found(strict.as_ref()), 2);
        let known = UnintroducedName::build(&table(
            "require-full-name = true\nknown-names = [\"Blair\", \"Watterson\"]",
        ))
        .unwrap();
        assert_eq!(found(known.as_ref()), 0);
        let error = UnintroducedName::build(&table("require-full = true")).unwrap_err();
        assert!(error.contains("require-full"), "{error}");
    }
}
