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

/// Declare a rule's metadata and docs in one place: the doc comment becomes `factlint explain`.
///
/// `layers` is required: it names every [`crate::document::Layer`] the rule's check reads
/// (`[]` for none), and the runner builds no other layer for it.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $rule:ident {
            code: $code:literal,
            name: $name:literal,
            category: $category:ident,
            severity: $severity:ident,
            summary: $summary:literal,
            layers: [$($layer:ident),* $(,)?]
            $(, roles: $roles:expr)? $(,)?
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

/// A check over one article. Rules are pure: they read the article and report; they keep no state
/// between calls and may run on any thread.
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
