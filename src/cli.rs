//! The command line: `lint`, `rules`, `explain`, `config`, `init`, `schema`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use factlint::report::Format;
use factlint::schema::SchemaKind;

/// factlint: fact-check editorial articles against themselves.
#[derive(Debug, Parser)]
#[command(name = "factlint", version = env!("FACTLINT_VERSION"), about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint files, directories, globs, or `-` for standard input (default: the current directory).
    Lint(LintArgs),
    /// List every rule: code, name, category, default severity, summary.
    Rules {
        /// Output as a text table or JSON.
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// Show a rule's documentation, with a failing and a passing example.
    Explain {
        /// The rule's code (`Q001`) or name (`unbalanced-quote`).
        rule: String,
    },
    /// Print the effective configuration, as TOML, and the file it comes from.
    Config(ConfigArgs),
    /// Write a commented starter `factlint.toml` in the current directory.
    Init {
        /// Overwrite an existing `factlint.toml`.
        #[arg(long)]
        force: bool,
    },
    /// Print a JSON Schema.
    Schema {
        /// Which schema.
        #[arg(value_enum, default_value_t = SchemaKind::Config)]
        kind: SchemaKind,
    },
}

/// `factlint rules --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RulesFormat {
    /// An aligned table.
    Text,
    /// A JSON array.
    Json,
}

/// When to color output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Which config file to use: `--config FILE`, `--no-config`, or the nearest `factlint.toml`.
#[derive(Debug, Args)]
pub struct ConfigSource {
    /// Use this config file instead of searching for `factlint.toml`.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore any `factlint.toml`.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
}

/// `factlint config` options.
#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Which config file.
    #[command(flatten)]
    pub source: ConfigSource,
}

/// `factlint lint` options.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Files, directories or glob patterns; `-` reads standard input.
    pub paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Also write a SARIF 2.1.0 report to FILE, from the same run, whatever `--format` prints.
    #[arg(long, value_name = "FILE")]
    pub sarif_file: Option<PathBuf>,
    /// Which config file.
    #[command(flatten)]
    pub source: ConfigSource,
    /// Run only these rules (codes, names, categories or code prefixes, comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub select: Vec<String>,
    /// Do not run these rules.
    #[arg(long, value_delimiter = ',', value_name = "RULES")]
    pub ignore: Vec<String>,
    /// The article date for files that give none (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<jiff::civil::Date>,
    /// Read standard input, reported under NAME (its extension picks Markdown or plain text);
    /// with paths, `-` among them stands for standard input.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<String>,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Do not show a progress bar.
    #[arg(long)]
    pub no_progress: bool,
    /// Print diagnostics only: no summary line, no progress bar.
    #[arg(long, short)]
    pub quiet: bool,
    /// When to use colors.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Exit with status 1 when there are warnings, too.
    #[arg(long)]
    pub deny_warnings: bool,
    /// Print each block of the files with its role and span instead of linting them.
    #[arg(long)]
    pub explain_blocks: bool,
}
