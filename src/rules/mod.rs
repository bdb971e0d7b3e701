//! The rule engine: what a rule is, how it reports, and the registry of every rule.

pub mod dates;
pub mod input;
pub mod names;
pub mod numbers;
pub mod quotes;

use std::sync::OnceLock;

use crate::diagnostic::{Category, Diagnostic, Severity};
use crate::document::{Article, Layers};
use crate::parse::RoleSet;
use crate::source::Span;

/// What a rule is, declared once next to its check and read by `factlint rules`, `factlint
/// explain`, the config schema and the README table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleMeta {
    /// Stable code, e.g. `Q001`.
    pub code: &'static str,
    /// Kebab-case name, e.g. `unbalanced-quote`.
    pub name: &'static str,
    /// The rule's family.
    pub category: Category,
    /// Severity unless configured otherwise.
    pub default_severity: Severity,
    /// One line for `factlint rules`.
    pub summary: &'static str,
    /// The documentation, Markdown, with the headings `## What it checks`, `## Why it matters`
    /// and `## Example`.
    pub docs: &'static str,
    /// The block roles the rule reads: the article's own prose unless the rule says otherwise,
    /// so captions, embedded posts and pull quotes never mix their conventions into the
    /// article's.
    pub roles: RoleSet,
    /// The layers of the article the rule reads; only those (and what they depend on) are built
    /// for a run of this rule alone.
    pub layers: Layers,
}

impl RuleMeta {
    /// The docs with the one space that `///` leaves at the start of each line removed.
    pub fn docs(&self) -> String {
        self.docs
            .lines()
            .map(|line| line.strip_prefix(' ').unwrap_or(line))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Whether `selector` names this rule: its code, its name, its category, or a code prefix
    /// (`Q`, `Q00`), case-insensitively for codes.
    pub fn matches(&self, selector: &str) -> bool {
        let upper = selector.to_ascii_uppercase();
        selector == self.name
            || selector == self.category.as_str()
            || (!upper.is_empty()
                && self.code.starts_with(&upper)
                && upper
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic()))
    }
}

/// Declare a rule in one place: its docs (the doc comment becomes `factlint explain`), its
/// metadata, and its registry row.
///
/// `layers` is required: it names every [`crate::document::Layer`] the rule's check reads
/// (`[]` for none), and the runner builds no other layer for it. `roles` defaults to the
/// article's own prose. A rule without `options` takes none, and is built as its `Default`; a
/// rule with `options: SomeOptions` gets them deserialized from its table in the config (a
/// `Deserialize + JsonSchema` type with `deny_unknown_fields`, which is also its part of the
/// config schema) and is built by its `from_options(SomeOptions) -> Result<Self, String>`.
///
/// The macro implements [`Declared`] (so the rule file implements only [`Check`]) and
/// defines `ENTRY`, the rule's [`RuleEntry`]. Input diagnostics, which the runner raises itself,
/// are declared with `input` before the name and have no check, layers or options.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        input $rule:ident {
            code: $code:literal,
            name: $name:literal,
            category: $category:ident,
            severity: $severity:ident,
            summary: $summary:literal $(,)?
        }
    ) => {
        impl $rule {
            /// The diagnostic's code, name, category, default severity and docs.
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                code: $code,
                name: $name,
                category: $crate::diagnostic::Category::$category,
                default_severity: $crate::diagnostic::Severity::$severity,
                summary: $summary,
                docs: concat!($($doc, "\n"),*),
                roles: $crate::parse::RoleSet::ARTICLE,
                layers: $crate::document::Layers::NONE,
            };

            /// The diagnostic's registry row: the runner raises it, so there is nothing to build.
            pub const ENTRY: $crate::rules::RuleEntry = $crate::rules::RuleEntry {
                meta: &Self::META,
                build: None,
                options_schema: None,
            };
        }
    };
    (
        $(#[doc = $doc:literal])*
        $rule:ident {
            code: $code:literal,
            name: $name:literal,
            category: $category:ident,
            severity: $severity:ident,
            summary: $summary:literal,
            layers: [$($layer:ident),* $(,)?]
            $(, roles: $roles:expr)?
            $(, options: $options:ty)? $(,)?
        }
    ) => {
        impl $rule {
            /// The rule's code, name, category, default severity and docs.
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                code: $code,
                name: $name,
                category: $crate::diagnostic::Category::$category,
                default_severity: $crate::diagnostic::Severity::$severity,
                summary: $summary,
                docs: concat!($($doc, "\n"),*),
                roles: $crate::rules::declared_roles(&[$($roles)?]),
                layers: $crate::document::Layers::of(&[$($crate::document::Layer::$layer),*]),
            };
        }

        impl $crate::rules::Declared for $rule {
            fn meta(&self) -> &'static $crate::rules::RuleMeta {
                &Self::META
            }
        }

        $crate::rules::declare_rule!(@build $rule $($options)?);
    };
    (@build $rule:ident) => {
        impl $rule {
            /// The rule's registry row.
            pub const ENTRY: $crate::rules::RuleEntry = $crate::rules::RuleEntry {
                meta: &Self::META,
                build: Some(Self::build),
                options_schema: None,
            };

            /// Build the rule; it takes no options.
            pub fn build(
                options: &$crate::rules::RuleOptions,
            ) -> Result<Box<dyn $crate::rules::Rule>, String> {
                $crate::rules::no_options(options)?;
                Ok(Box::<Self>::default())
            }
        }
    };
    (@build $rule:ident $options:ty) => {
        impl $rule {
            /// The rule's registry row.
            pub const ENTRY: $crate::rules::RuleEntry = $crate::rules::RuleEntry {
                meta: &Self::META,
                build: Some(Self::build),
                options_schema: Some(<$options as schemars::JsonSchema>::json_schema),
            };

            /// Build the rule from its options.
            pub fn build(
                options: &$crate::rules::RuleOptions,
            ) -> Result<Box<dyn $crate::rules::Rule>, String> {
                let options: $options = $crate::rules::parse_options(options)?;
                Ok(Box::new(Self::from_options(options)?))
            }
        }
    };
}
pub(crate) use declare_rule;

/// The roles a rule declared, or [`RoleSet::ARTICLE`] when it declared none.
pub const fn declared_roles(declared: &[RoleSet]) -> RoleSet {
    match declared {
        [roles, ..] => *roles,
        [] => RoleSet::ARTICLE,
    }
}

/// What [`declare_rule!`] implements for a rule: where its metadata is.
pub trait Declared {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;
}

/// A rule's check, the one thing its file writes by hand (next to [`declare_rule!`], which
/// implements [`Declared`]); every `Check + Declared` is a [`Rule`].
pub trait Check: Send + Sync + std::fmt::Debug {
    /// Report every finding in `article` through `cx`.
    fn check(&self, article: &Article, cx: &mut Context);
}

/// A check over one article with its metadata, as the runner holds it. Rules are pure: they read
/// the article and report; they keep no state between calls and may run on any thread.
pub trait Rule: Send + Sync + std::fmt::Debug {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;
    /// The block roles the rule reads; its metadata's by default.
    fn roles(&self) -> RoleSet {
        self.meta().roles
    }
    /// The layers of the article the rule reads; its metadata's by default.
    fn layers(&self) -> Layers {
        self.meta().layers
    }
    /// Report every finding in `article` through `cx`.
    fn check(&self, article: &Article, cx: &mut Context);
}

impl<T: Check + Declared> Rule for T {
    fn meta(&self) -> &'static RuleMeta {
        Declared::meta(self)
    }

    fn check(&self, article: &Article, cx: &mut Context) {
        Check::check(self, article, cx);
    }
}

/// Options given to a rule in the config, as a TOML table (already stripped of `severity`).
pub type RuleOptions = toml::Table;

/// Builds a rule from its options; `Err` says what is wrong with them.
pub type RuleBuilder = fn(&RuleOptions) -> Result<Box<dyn Rule>, String>;

/// One row of the registry.
#[derive(Debug, Clone, Copy)]
pub struct RuleEntry {
    /// What the rule is.
    pub meta: &'static RuleMeta,
    /// How to build its check; `None` for input diagnostics, which the runner raises itself.
    pub build: Option<RuleBuilder>,
    /// The JSON Schema of its options (an object schema), for rules that take any.
    pub options_schema: Option<fn(&mut schemars::SchemaGenerator) -> schemars::Schema>,
}

/// Every rule, sorted by code: the families' lists merged once.
pub fn registry() -> &'static [RuleEntry] {
    static REGISTRY: OnceLock<Vec<RuleEntry>> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut all: Vec<RuleEntry> = [
            dates::RULES,
            input::RULES,
            names::RULES,
            numbers::RULES,
            quotes::RULES,
        ]
        .concat();
        all.sort_by_key(|entry| entry.meta.code);
        all
    })
}

/// The registry row for a code or a name.
pub fn lookup(code_or_name: &str) -> Option<&'static RuleEntry> {
    registry().iter().find(|entry| {
        entry.meta.code.eq_ignore_ascii_case(code_or_name) || entry.meta.name == code_or_name
    })
}

/// A rule's options read from its table: `Err` says what is wrong, as the TOML parser words it
/// (`unknown field `colour`, expected …`).
pub(crate) fn parse_options<T: serde::de::DeserializeOwned>(
    options: &RuleOptions,
) -> Result<T, String> {
    options
        .clone()
        .try_into()
        .map_err(|e: toml::de::Error| e.message().to_owned())
}

/// Reject any option: for rules that take none.
pub(crate) fn no_options(options: &RuleOptions) -> Result<(), String> {
    match options.keys().next() {
        Some(key) => Err(format!(
            "unknown option `{key}`: this rule takes no options"
        )),
        None => Ok(()),
    }
}

/// Where a rule reports its findings.
#[derive(Debug)]
pub struct Context {
    meta: &'static RuleMeta,
    severity: Severity,
    diagnostics: Vec<Diagnostic>,
}

impl Context {
    /// A context for one run of one rule.
    pub fn new(meta: &'static RuleMeta, severity: Severity) -> Self {
        Self {
            meta,
            severity,
            diagnostics: Vec::new(),
        }
    }

    /// Report a finding at `span`; chain `.label(...)` and `.help(...)` on the result.
    pub fn report(&mut self, span: Span, message: impl Into<String>) -> &mut Diagnostic {
        self.diagnostics.push(Diagnostic {
            code: self.meta.code,
            name: self.meta.name,
            category: self.meta.category,
            severity: self.severity,
            message: message.into(),
            span,
            related: Vec::new(),
            help: None,
        });
        let last = self.diagnostics.len() - 1;
        &mut self.diagnostics[last]
    }

    /// The findings reported so far.
    pub fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(code: &str, options: &str) -> Result<Box<dyn Rule>, String> {
        let entry = lookup(code).unwrap_or_else(|| panic!("no rule {code}"));
        let build = entry.build.unwrap_or_else(|| panic!("{code} has no check"));
        build(
            &options
                .parse::<RuleOptions>()
                .unwrap_or_else(|e| panic!("{e}")),
        )
    }

    fn error(code: &str, options: &str) -> String {
        build(code, options).err().unwrap_or_default()
    }

    #[test]
    fn bad_options_say_what_is_wrong() {
        assert_eq!(
            error("Q001", "strict = true"),
            "unknown option `strict`: this rule takes no options"
        );
        assert_eq!(
            error("P003", "require-full = true"),
            "unknown field `require-full`, expected `require-full-name` or `known-names`"
        );
        let typed = error("N006", "style = \"mla\"");
        assert!(typed.starts_with("unknown variant `mla`"), "{typed}");
        let typed = error("P005", "check-letters = \"yes\"");
        assert!(typed.contains("expected a boolean"), "{typed}");
        assert_eq!(
            error("N004", "tolerance = 2.0"),
            "option `tolerance` must be between 0 and 1, not 2"
        );
        assert_eq!(
            error("N004", "rates = { GBP = 0.0 }"),
            "option `rates`: the rate of `GBP` must be positive"
        );
        for (code, options) in [
            ("Q004", "style = \"guillemets\""),
            ("N006", "style = \"chicago\""),
            ("N004", "tolerance = 0.1\nrates = { GBP = 0.8 }"),
            ("P003", "known-names = [\"Blair\"]"),
            ("P005", "common-acronyms = [\"AU\"]\ncheck-letters = true"),
        ] {
            assert!(build(code, options).is_ok(), "{code}: {options}");
        }
    }

    /// Every rule with options lists them in its schema with a type, a default and a
    /// description, and its `## Options` docs name each of them.
    #[test]
    fn option_schemas_are_complete_and_match_the_docs() {
        let mut generator = schemars::SchemaGenerator::default();
        let mut with_options = 0;
        for entry in registry() {
            let meta = entry.meta;
            let Some(schema) = entry.options_schema else {
                assert!(
                    entry.build.is_none() || meta.docs().contains("## Options\nNone."),
                    "{} takes no options but its docs list some",
                    meta.code
                );
                continue;
            };
            with_options += 1;
            let schema = schema(&mut generator).to_value();
            assert_eq!(schema["additionalProperties"], false, "{}", meta.code);
            let properties = schema["properties"].as_object().unwrap();
            assert!(!properties.is_empty(), "{}", meta.code);
            let docs = meta.docs();
            let options_docs = docs.split("## Options").nth(1).unwrap_or_default();
            for (name, property) in properties {
                for key in ["description", "default"] {
                    assert!(
                        property.get(key).is_some(),
                        "{} option `{name}` has no {key}",
                        meta.code
                    );
                }
                assert!(
                    options_docs.contains(&format!("`{name}`")),
                    "{} docs do not name option `{name}`",
                    meta.code
                );
            }
        }
        assert_eq!(with_options, 5);
    }
}
