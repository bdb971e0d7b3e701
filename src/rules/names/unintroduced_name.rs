//! P003: a surname or honorific reference before the person's full name is given.

use std::collections::HashMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::QuotationSweep;
use crate::document::Article;
use crate::rules::{Check, Context, declare_rule};

/// P003 unintroduced-name.
#[derive(Debug, Default)]
pub struct UnintroducedName {
    options: UnintroducedNameOptions,
}

/// Options of P003.
#[derive(Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct UnintroducedNameOptions {
    /// Also report an honorific reference (`Mr. Watterson`) to someone whose full name is given
    /// nowhere in the article.
    require_full_name: bool,
    /// Names well known enough to stand alone (`Blair`, `Pelé`).
    known_names: Vec<String>,
}

declare_rule! {
    /// ## What it checks
    /// A reference to a person by surname alone or with an honorific (`Watterson said`, `Mr.
    /// Watterson`) before the person's full name appears. With `require-full-name`,
    /// also an honorific reference to someone whose full name the article never gives.
    ///
    /// Only references that read as a person count: next to a speech verb or after an
    /// honorific, outside quotations. A title with a surname (`President Reagan`) is an accepted
    /// first reference. A surname that already appeared inside a longer name (`Ambassador to
    /// South Africa Wu Peng` … `said Wu`) counts as introduced.
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
    /// - `require-full-name` (bool, default `false`): also report `Mr. X` when the article never
    ///   gives X's full name.
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
        let mut reported: Vec<&str> = Vec::new();
        let mut quotations = QuotationSweep::new(article);
        for reference in &names.references {
            let word = reference.word.as_str();
            // A title with a surname (`President Reagan`) is an accepted first reference.
            let signalled =
                (reference.honorific.is_some() || reference.speech) && reference.title.is_none();
            if !signalled
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
            } else if self.options.require_full_name
                && reference.honorific.is_some()
                && !in_longer_name.contains_key(word)
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
