//! The fact book: the newsroom's reference facts (entities with canonical names, spans and dates;
//! people with titles; currency rates), in TOML or YAML.

use std::path::Path;

use schemars::JsonSchema;
use serde::Deserialize;

/// A fact book.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "factlint fact book")]
pub struct FactBook {
    /// Places, organizations, dynasties, events.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// People and their titles.
    #[serde(default)]
    pub people: Vec<Person>,
    /// Currency exchange rates.
    #[serde(default)]
    pub rates: Vec<Rate>,
}

/// A named thing with an optional span of years.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Entity {
    /// The canonical name ("Ming Dynasty").
    pub name: String,
    /// Other spellings that are also right.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// First year (negative for BC).
    pub start: Option<i32>,
    /// Last year (negative for BC).
    pub end: Option<i32>,
    /// Dated events of the entity ("opened" = 2016).
    #[serde(default)]
    pub dates: std::collections::BTreeMap<String, String>,
}

/// A person.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Person {
    /// The full name as the newsroom spells it.
    pub name: String,
    /// Their current title ("vice mayor of Jingdezhen").
    pub title: Option<String>,
    /// Year of birth.
    pub born: Option<i32>,
}

/// How many units of `to` one unit of `from` buys.
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Rate {
    /// ISO 4217 code of the currency converted from ("CNY").
    pub from: String,
    /// ISO 4217 code of the currency converted to ("USD").
    pub to: String,
    /// Units of `to` per unit of `from`.
    pub rate: f64,
    /// The date the rate is for (YYYY-MM-DD), if it matters.
    pub date: Option<String>,
}

/// Read a fact book; `.yaml`/`.yml` files are YAML, everything else TOML.
pub fn load(path: &Path) -> Result<FactBook, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("cannot read fact book {}: {error}", path.display()))?;
    let is_yaml = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    if is_yaml {
        serde_saphyr::from_str(&text).map_err(|error| {
            let at = error
                .location()
                .map(|l| format!(" at line {}, column {}", l.line(), l.column()))
                .unwrap_or_default();
            let message = error.to_string();
            format!(
                "fact book {}{at}: {}",
                path.display(),
                message.lines().next().unwrap_or_default()
            )
        })
    } else {
        toml::from_str(&text).map_err(|error| {
            let at = error
                .span()
                .map(|r| {
                    let line = text[..r.start].matches('\n').count() + 1;
                    format!(" at line {line}")
                })
                .unwrap_or_default();
            format!(
                "fact book {}{at}: {}",
                path.display(),
                error.message().trim()
            )
        })
    }
}
