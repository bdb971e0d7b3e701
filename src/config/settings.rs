//! Settings resolved from the config file and command-line overrides: which rules run, at what
//! severity, with which options, on which files.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};

use super::{ConfigError, LEVEL_CHOICES, Level, LoadedConfig, RuleSetting};
use crate::diagnostic::Severity;
use crate::rules::{Rule, RuleMeta, RuleOptions, registry};

/// Default cap on file size (E005).
pub const DEFAULT_MAX_FILE_SIZE: u64 = 16 * 1024 * 1024;

/// Default per-file analysis budget (E007).
pub const DEFAULT_ANALYSIS_BUDGET: std::time::Duration = std::time::Duration::from_secs(10);

/// The configured analysis budget, in seconds, as a duration.
fn analysis_budget(seconds: Option<f64>) -> Result<std::time::Duration, ConfigError> {
    match seconds {
        None => Ok(DEFAULT_ANALYSIS_BUDGET),
        Some(s) if s.is_finite() && (0.001..=86_400.0).contains(&s) => {
            Ok(std::time::Duration::from_secs_f64(s))
        }
        Some(s) => Err(ConfigError::plain(format!(
            "`analysis-budget` must be between 0.001 and 86400 seconds, not {s}"
        ))),
    }
}

/// Default include patterns for directory walks.
pub const DEFAULT_INCLUDE: [&str; 3] = ["**/*.md", "**/*.markdown", "**/*.txt"];

/// What the command line overrides.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    /// Only these rules (codes, names, categories or code prefixes).
    pub select: Vec<String>,
    /// Not these rules.
    pub ignore: Vec<String>,
    /// The article date for files without one.
    pub date: Option<jiff::civil::Date>,
}

/// An article rule ready to run.
#[derive(Debug)]
pub struct ActiveRule {
    /// The check.
    pub rule: Box<dyn Rule>,
    /// Its severity for this run.
    pub severity: Severity,
}

/// Everything a run needs to know, resolved once.
#[derive(Debug)]
pub struct Settings {
    /// Article rules that run, in registry order.
    pub rules: Vec<ActiveRule>,
    /// The severity of every rule (`None` when off), in registry order.
    severities: Vec<(&'static RuleMeta, Option<Severity>)>,
    /// The article date for files without one.
    pub default_date: Option<jiff::civil::Date>,
    /// The order of month and day in numeric dates.
    pub date_order: crate::extract::dates::DateOrder,
    /// Files over this many bytes are skipped.
    pub max_file_size: u64,
    /// Whether README, CHANGELOG, LICENSE and other files that are not articles are skipped.
    pub skip_project_files: bool,
    /// How long the analysis of one file may run before it is abandoned (E007).
    pub analysis_budget: std::time::Duration,
    include: GlobSet,
    exclude: GlobSet,
    /// The directory include and exclude patterns are relative to.
    pub base_dir: PathBuf,
    /// The config file in use, if any.
    pub config_path: Option<PathBuf>,
    /// The newsroom's fact book, when the config names one.
    pub fact_book: Option<crate::facts::FactBook>,
    /// The fact book's path as the config gives it.
    fact_book_path: Option<PathBuf>,
    include_patterns: Vec<String>,
    exclude_patterns: Vec<String>,
    /// Each rule's options from the config, in registry order, for `factlint config`.
    options: Vec<RuleOptions>,
}

impl Default for Settings {
    fn default() -> Self {
        Self::resolve(None, &Overrides::default())
            .unwrap_or_else(|_| unreachable!("defaults are valid"))
    }
}

impl Settings {
    /// Resolve a config file (if any) and the command-line overrides into settings.
    pub fn resolve(
        file: Option<&LoadedConfig>,
        overrides: &Overrides,
    ) -> Result<Self, ConfigError> {
        for selector in overrides.select.iter().chain(&overrides.ignore) {
            if !registry().iter().any(|entry| entry.meta.matches(selector)) {
                return Err(ConfigError::plain(format!(
                    "`{selector}` names no rule (see `factlint rules`)"
                )));
            }
        }
        let config = file.map(|f| &f.config);
        let mut levels: Vec<(Option<Level>, RuleOptions)> = registry()
            .iter()
            .map(|_| (None, RuleOptions::new()))
            .collect();
        if let (Some(file), Some(config)) = (file, config) {
            for (key, setting) in &config.rules {
                let Some(index) = registry().iter().position(|entry| {
                    entry.meta.code.eq_ignore_ascii_case(key) || entry.meta.name == key
                }) else {
                    let hint = match super::nearest_rule(key) {
                        Some(name) => format!("did you mean `{name}`?"),
                        None => "see `factlint rules`".to_owned(),
                    };
                    return Err(ConfigError::at(
                        file,
                        file.key_range(key),
                        format!("unknown rule `{key}` in [rules]; {hint}"),
                    ));
                };
                let (level, options) = &mut levels[index];
                match setting {
                    RuleSetting::Level(l) => *level = Some(*l),
                    RuleSetting::Table(table) => {
                        let mut table = table.clone();
                        if let Some(value) = table.remove("severity") {
                            let parsed: Level = value.try_into().map_err(|_| {
                                ConfigError::at(
                                    file,
                                    file.key_range(key),
                                    format!("`severity` of rule `{key}` must be {LEVEL_CHOICES}"),
                                )
                            })?;
                            *level = Some(parsed);
                        }
                        *options = table;
                    }
                }
            }
        }

        let mut severities = Vec::with_capacity(registry().len());
        let mut rules = Vec::new();
        let mut all_options = Vec::with_capacity(registry().len());
        for (entry, (level, options)) in registry().iter().zip(levels) {
            let meta = entry.meta;
            let configured = match level {
                None => Some(meta.default_severity),
                Some(Level::Off) => None,
                Some(Level::Error) => Some(Severity::Error),
                Some(Level::Warning) => Some(Severity::Warning),
                Some(Level::Info) => Some(Severity::Info),
            };
            let selected =
                overrides.select.is_empty() || overrides.select.iter().any(|s| meta.matches(s));
            let ignored = overrides.ignore.iter().any(|s| meta.matches(s));
            let severity = if !selected || ignored {
                None
            } else if !overrides.select.is_empty() && configured.is_none() {
                Some(meta.default_severity)
            } else {
                configured
            };
            if let Some(build) = entry.build {
                let rule = build(&options).map_err(|message| match file {
                    Some(file) => ConfigError::at(
                        file,
                        file.key_range(meta.code)
                            .or_else(|| file.key_range(meta.name)),
                        format!("rule {} ({}): {message}", meta.code, meta.name),
                    ),
                    None => ConfigError::plain(message),
                })?;
                if let Some(severity) = severity {
                    rules.push(ActiveRule { rule, severity });
                }
            }
            severities.push((meta, severity));
            all_options.push(options);
        }

        let default_date = match (overrides.date, config.and_then(|c| c.date.as_deref())) {
            (Some(date), _) => Some(date),
            (None, Some(text)) => Some(text.parse().map_err(|_| match file {
                Some(file) => ConfigError::at(
                    file,
                    file.key_range("date"),
                    format!("`date` must be a date like 2026-11-27, not `{text}`"),
                ),
                None => ConfigError::plain("bad date"),
            })?),
            (None, None) => None,
        };

        let include_patterns: Vec<String> = config
            .and_then(|c| c.include.clone())
            .unwrap_or_else(|| DEFAULT_INCLUDE.iter().map(|s| (*s).to_owned()).collect());
        let exclude_patterns = config.map(|c| c.exclude.clone()).unwrap_or_default();
        let include = glob_set(file, "include", &include_patterns)?;
        let exclude = glob_set(file, "exclude", &exclude_patterns)?;

        let fact_book = match (file, config.and_then(|c| c.fact_book.as_ref())) {
            (Some(file), Some(path)) => Some(
                crate::facts::load(&file.dir().join(path)).map_err(|message| {
                    ConfigError::at(file, file.key_range("fact-book"), message)
                })?,
            ),
            _ => None,
        };

        Ok(Self {
            fact_book,
            fact_book_path: config.and_then(|c| c.fact_book.clone()),
            include_patterns,
            exclude_patterns,
            options: all_options,
            rules,
            severities,
            default_date,
            date_order: config.and_then(|c| c.date_order).unwrap_or_default(),
            max_file_size: config
                .and_then(|c| c.max_file_size)
                .unwrap_or(DEFAULT_MAX_FILE_SIZE),
            skip_project_files: config.and_then(|c| c.skip_project_files).unwrap_or(true),
            analysis_budget: analysis_budget(config.and_then(|c| c.analysis_budget))?,
            include,
            exclude,
            base_dir: file
                .map(|f| f.dir().to_path_buf())
                .unwrap_or_else(|| PathBuf::from(".")),
            config_path: file.map(|f| f.path.clone()),
        })
    }

    /// The severity of a rule in this run, `None` when it is off.
    pub fn severity(&self, code: &str) -> Option<Severity> {
        self.severities
            .iter()
            .find(|(meta, _)| meta.code == code)
            .and_then(|(_, severity)| *severity)
    }

    /// The `include` patterns in effect.
    pub fn include_patterns(&self) -> &[String] {
        &self.include_patterns
    }

    /// The effective configuration as a `factlint.toml`: every setting, defaults filled in, and
    /// every rule's severity (`"off"` for rules that do not run) with its configured options.
    pub fn effective_toml(&self) -> String {
        let strings = |items: &[String]| {
            toml::Value::Array(items.iter().cloned().map(toml::Value::String).collect())
        };
        let mut text = format!(
            "include = {}\nexclude = {}\n",
            strings(&self.include_patterns),
            strings(&self.exclude_patterns)
        );
        match self.default_date {
            Some(date) => text.push_str(&format!("date = {date}\n")),
            None => text.push_str(
                "# date: none, so only front matter or a dateline gives an article date\n",
            ),
        }
        match &self.fact_book_path {
            Some(path) => text.push_str(&format!(
                "fact-book = {}\n",
                toml::Value::String(path.display().to_string())
            )),
            None => text.push_str("# fact-book: none\n"),
        }
        text.push_str(&format!(
            "max-file-size = {}\nanalysis-budget = {}\n\n[rules]\n",
            self.max_file_size,
            self.analysis_budget.as_secs_f64()
        ));
        let mut tables = String::new();
        for ((meta, severity), options) in self.severities.iter().zip(&self.options) {
            let level = severity.map_or("off", |s| s.as_str());
            if options.is_empty() {
                text.push_str(&format!("{} = \"{level}\"  # {}\n", meta.code, meta.name));
            } else {
                let mut table = options.clone();
                table.insert("severity".to_owned(), toml::Value::String(level.to_owned()));
                tables.push_str(&format!(
                    "\n[rules.{}]  # {}\n{}",
                    meta.code,
                    meta.name,
                    toml::to_string(&table).unwrap_or_default()
                ));
            }
        }
        text.push_str(&tables);
        text
    }

    /// Whether a file found by walking a directory should be linted.
    pub fn includes(&self, path: &Path) -> bool {
        let relative = relative_to(path, &self.base_dir);
        self.include.is_match(&relative) && !self.excludes(path)
    }

    /// Whether a path is excluded by the config.
    pub fn excludes(&self, path: &Path) -> bool {
        let relative = relative_to(path, &self.base_dir);
        self.exclude.is_match(&relative)
    }
}

/// `path` relative to the config file's folder `base`, whatever the current directory.
fn relative_to(path: &Path, base: &Path) -> PathBuf {
    // Lexically: `.` dropped, `..` taken back (the paths are compared, not opened).
    let clean = |p: &Path| -> PathBuf {
        let mut clean = PathBuf::new();
        for component in p.components() {
            match component {
                std::path::Component::CurDir => {}
                std::path::Component::ParentDir if clean.file_name().is_some() => {
                    clean.pop();
                }
                other => clean.push(other),
            }
        }
        clean
    };
    let absolute = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
    let (path, base) = match (path.is_absolute(), base.is_absolute()) {
        (false, true) => (absolute(path), base.to_path_buf()),
        (true, false) => (path.to_path_buf(), absolute(base)),
        _ => (path.to_path_buf(), base.to_path_buf()),
    };
    let path = clean(&path);
    let base = clean(&base);
    path.strip_prefix(&base)
        .map(Path::to_path_buf)
        .unwrap_or(path)
}

fn glob_set(
    file: Option<&LoadedConfig>,
    key: &str,
    patterns: &[String],
) -> Result<GlobSet, ConfigError> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = Glob::new(pattern).map_err(|error| {
            let message = format!("`{key}` pattern `{pattern}` is not a valid glob: {error}");
            match file {
                Some(file) => ConfigError::at(file, file.key_range(key), message),
                None => ConfigError::plain(message),
            }
        })?;
        builder.add(glob);
        // `**/*.md` should also match `a.md` at the top.
        if let Some(rest) = pattern.strip_prefix("**/") {
            if let Ok(glob) = Glob::new(rest) {
                builder.add(glob);
            }
        }
    }
    builder
        .build()
        .map_err(|error| ConfigError::plain(format!("`{key}` patterns: {error}")))
}

/// The JSON Schema of `[rules]`: every code and name, each a level or a table with `severity`
/// and the rule's options (their types, defaults and docs from the rule's options type), nothing
/// else.
pub(super) fn rules_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let level = generator.subschema_for::<Level>();
    let mut properties = serde_json::Map::new();
    for entry in registry() {
        let meta = entry.meta;
        let mut table = serde_json::Map::new();
        table.insert("severity".to_owned(), level.clone().to_value());
        if let Some(options_schema) = entry.options_schema {
            let options = options_schema(generator);
            if let Some(options) = options.get("properties").and_then(|p| p.as_object()) {
                table.extend(options.clone());
            }
        }
        let setting = serde_json::json!({
            "description": format!("{} {}: {}", meta.code, meta.name, meta.summary),
            "anyOf": [
                level,
                {
                    "type": "object",
                    "properties": table,
                    "additionalProperties": false,
                }
            ]
        });
        properties.insert(meta.code.to_owned(), setting.clone());
        properties.insert(meta.name.to_owned(), setting);
    }
    schemars::json_schema!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    })
}
