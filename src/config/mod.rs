//! `factlint.toml`: discovery, typed contents, and the resolved settings a run uses.

pub mod settings;

pub use settings::{Overrides, Settings};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use miette::SourceSpan;
use schemars::JsonSchema;
use serde::Deserialize;

/// The file names factlint looks for, in order, in the current directory and its ancestors.
pub const CONFIG_FILE_NAMES: [&str; 2] = ["factlint.toml", ".factlint.toml"];

/// The contents of `factlint.toml`. Unknown keys are errors.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(title = "factlint configuration")]
pub struct Config {
    /// Glob patterns of the files to lint when walking a directory, relative to the directory of
    /// this file. Default: `["**/*.md", "**/*.markdown", "**/*.txt"]`.
    pub include: Option<Vec<String>>,
    /// Glob patterns of files never to lint, relative to the directory of this file.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// The article date (YYYY-MM-DD) for files that give none in front matter or a dateline:
    /// a string (`"2026-11-27"`) or a bare TOML date (`2026-11-27`).
    #[serde(default, deserialize_with = "date_setting")]
    #[schemars(regex(pattern = r"^\d{4}-\d{2}-\d{2}$"))]
    pub date: Option<String>,
    /// The order of month and day in numeric dates such as `4/5/2021`: `"mdy"`, `"dmy"`, or
    /// `"auto"` (the default: from the article's unambiguous dates, else its front-matter
    /// locale; a date left ambiguous is checked under both orders).
    pub date_order: Option<crate::extract::dates::DateOrder>,
    /// Path of the newsroom's fact book (TOML or YAML), relative to this file.
    pub fact_book: Option<PathBuf>,
    /// Skip files that are not articles (README, CHANGELOG, LICENSE, CONTRIBUTING,
    /// CODE_OF_CONDUCT, SOURCE and the like, at any depth). Default: true.
    pub skip_project_files: Option<bool>,
    /// Files larger than this many bytes are skipped with E005. Default: 16 MiB.
    #[schemars(range(min = 1, max = 4_000_000_000u64))]
    pub max_file_size: Option<u64>,
    /// Seconds the analysis of one file may take before it is abandoned with E007 (the other
    /// files are still linted, and the run exits 2). Default: 10.
    #[schemars(range(min = 0.001, max = 86400.0))]
    pub analysis_budget: Option<f64>,
    /// Per-rule settings keyed by code (`Q001`) or name (`unbalanced-quote`): a level
    /// (`"error"`, `"warning"`, `"info"`, `"off"`) or a table with `severity` and the rule's
    /// options.
    #[serde(default)]
    #[schemars(schema_with = "settings::rules_schema")]
    pub rules: BTreeMap<String, RuleSetting>,
}

/// A severity, or `off` to disable a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Report as an error.
    Error,
    /// Report as a warning.
    Warning,
    /// Report as information.
    Info,
    /// Do not run the rule.
    Off,
}

impl Level {
    /// Every level as written in `factlint.toml`.
    pub const ALL: [(Level, &'static str); 4] = [
        (Level::Error, "error"),
        (Level::Warning, "warning"),
        (Level::Info, "info"),
        (Level::Off, "off"),
    ];

    /// The level written `text`.
    pub fn parse(text: &str) -> Option<Level> {
        Self::ALL
            .iter()
            .find(|(_, name)| *name == text)
            .map(|(level, _)| *level)
    }
}

/// `"error", "warning", "info" or "off"`, for messages.
pub const LEVEL_CHOICES: &str = "\"error\", \"warning\", \"info\" or \"off\"";

/// What `[rules]` says about one rule.
#[derive(Debug, Clone)]
pub enum RuleSetting {
    /// `Q001 = "warning"`.
    Level(Level),
    /// `[rules.Q001]` with `severity = "warning"` and options.
    Table(toml::Table),
}

impl<'de> Deserialize<'de> for RuleSetting {
    /// A level or a table; anything else is an error that lists the levels (an untagged enum
    /// would only say that nothing matched).
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        match toml::Value::deserialize(deserializer)? {
            toml::Value::String(text) => {
                Level::parse(&text).map(RuleSetting::Level).ok_or_else(|| {
                    D::Error::custom(format!("unknown severity `{text}`: use {LEVEL_CHOICES}"))
                })
            }
            toml::Value::Table(table) => Ok(RuleSetting::Table(table)),
            other => Err(D::Error::custom(format!(
                "a rule takes a severity ({LEVEL_CHOICES}) or a table of options, not {} `{other}`",
                other.type_str()
            ))),
        }
    }
}

/// `date`: a string, or a bare TOML date (no time, no offset), as the text `YYYY-MM-DD`.
fn date_setting<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    use serde::de::Error;
    match toml::Value::deserialize(deserializer)? {
        toml::Value::String(text) => Ok(Some(text)),
        toml::Value::Datetime(datetime) => match (datetime.date, datetime.time, datetime.offset) {
            (Some(date), None, None) => Ok(Some(date.to_string())),
            _ => Err(D::Error::custom(format!(
                "`date` must be a date like 2026-11-27, without a time: not `{datetime}`"
            ))),
        },
        other => Err(D::Error::custom(format!(
            "`date` must be a date like 2026-11-27, not {} `{other}`",
            other.type_str()
        ))),
    }
}

/// The rule name nearest to `unknown`, for "did you mean" hints, when one is close. Codes get no
/// hint: `Q009` is as near to `Q001` as to `Q004`, and a guess among them would mislead.
pub fn nearest_rule(unknown: &str) -> Option<&'static str> {
    let wanted = unknown.to_ascii_lowercase();
    crate::rules::registry()
        .iter()
        .map(|entry| entry.meta.name)
        .map(|candidate| {
            let score =
                strsim::normalized_damerau_levenshtein(&wanted, &candidate.to_ascii_lowercase());
            (score, candidate)
        })
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// A configuration problem, pointing into the config file when it can.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{message}")]
#[diagnostic(code(factlint::config))]
pub struct ConfigError {
    /// What is wrong.
    pub message: String,
    /// The config file, for the snippet.
    #[source_code]
    pub source_code: Option<std::sync::Arc<crate::excerpt::Excerpt>>,
    /// Where in the config file.
    #[label("here")]
    pub span: Option<SourceSpan>,
}

impl ConfigError {
    /// An error that is not tied to a place in a file (for example a bad `--select`).
    pub fn plain(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            source_code: None,
            span: None,
        }
    }

    fn at(file: &LoadedConfig, span: Option<std::ops::Range<usize>>, message: String) -> Self {
        let name = file.path.display().to_string();
        let lines = crate::source::LineIndex::new(&file.text);
        let excerpt = span.map(|r| {
            crate::excerpt::Excerpt::new(
                &name,
                &file.text,
                &lines,
                crate::source::Span::new(r.start, r.end.max(r.start)),
                &[],
            )
        });
        Self {
            message: format!("{}: {message}", file.path.display()),
            span: excerpt.as_ref().map(|e| e.primary),
            source_code: excerpt.map(std::sync::Arc::new),
        }
    }
}

/// A config file as read from disk.
#[derive(Debug)]
pub struct LoadedConfig {
    /// Where it was found.
    pub path: PathBuf,
    /// Its text, for error snippets.
    pub text: String,
    /// Its contents.
    pub config: Config,
}

impl LoadedConfig {
    /// The directory patterns and relative paths in the file are resolved against.
    pub fn dir(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new("."))
    }

    /// The byte range of a key in the file (`key =` or `[rules.key]`), for error positions.
    pub fn key_range(&self, key: &str) -> Option<std::ops::Range<usize>> {
        let mut offset = 0;
        for line in self.text.split_inclusive('\n') {
            let trimmed = line.trim_start();
            let indent = line.len() - trimmed.len();
            let quoted = format!("\"{key}\"");
            for candidate in [key, quoted.as_str()] {
                let as_key = trimmed.starts_with(candidate)
                    && trimmed[candidate.len()..].trim_start().starts_with('=');
                let as_table = trimmed.starts_with("[rules.")
                    && trimmed["[rules.".len()..].starts_with(candidate)
                    && trimmed["[rules.".len() + candidate.len()..].starts_with(']');
                if as_key {
                    let start = offset + indent;
                    return Some(start..start + candidate.len());
                }
                if as_table {
                    let start = offset + indent + "[rules.".len();
                    return Some(start..start + candidate.len());
                }
            }
            offset += line.len();
        }
        None
    }
}

/// Read and parse a config file.
pub fn load(path: &Path) -> Result<LoadedConfig, ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|error| {
        ConfigError::plain(format!("cannot read config {}: {error}", path.display()))
    })?;
    parse(path.to_path_buf(), text)
}

/// Parse config text read from `path`.
pub fn parse(path: PathBuf, text: String) -> Result<LoadedConfig, ConfigError> {
    let mut loaded = LoadedConfig {
        path,
        text,
        config: Config::default(),
    };
    match toml::from_str::<Config>(&loaded.text) {
        Ok(config) => loaded.config = config,
        Err(error) => {
            let message = error.message().trim().to_owned();
            return Err(ConfigError::at(&loaded, error.span(), message));
        }
    }
    Ok(loaded)
}

/// The nearest `factlint.toml` or `.factlint.toml` in `start` or its ancestors.
pub fn discover(start: &Path) -> Option<PathBuf> {
    start.ancestors().find_map(|dir| {
        CONFIG_FILE_NAMES
            .iter()
            .map(|name| dir.join(name))
            .find(|candidate| candidate.is_file())
    })
}

/// A commented starter config, written by `factlint init`.
pub const STARTER: &str = r#"# factlint configuration. Every key is optional; `factlint schema config` prints the schema.

# Files to lint when walking directories (globs relative to this file).
include = ["**/*.md", "**/*.markdown", "**/*.txt"]
# Files never to lint, also when named on the command line or passed by pre-commit.
exclude = []
# README, CHANGELOG, LICENSE, CONTRIBUTING, CODE_OF_CONDUCT and SOURCE files are not articles.
# skip-project-files = true

# The article date for files without one in front matter or a dateline (YYYY-MM-DD).
# date = "2026-11-27"

# The order of month and day in numeric dates like 4/5/2021: "mdy", "dmy" or "auto".
# date-order = "auto"

# The newsroom's fact book of reference facts.
# fact-book = "facts.toml"

# Files over this many bytes are skipped (E005).
# max-file-size = 16777216

# Seconds one file's analysis may take before it is abandoned (E007).
# analysis-budget = 10

# Per-rule severity by code or name: "error", "warning", "info" or "off".
[rules]
# Q001 = "error"
# unused-suppression = "off"
"#;
