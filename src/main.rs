//! The `factlint` binary: parse arguments, call the library, map the outcome to exit status 0/1/2.

mod cli;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, ColorChoice, Command, LintArgs, RulesFormat};
use factlint::config::{self, ConfigError, Overrides, Settings};
use factlint::report::{self, Style};
use factlint::rules::{lookup, registry};
use factlint::runner::{self, Input, Summary};
use factlint::schema;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Lint(args) => lint(args),
        Command::Rules { format } => rules(format),
        Command::Explain { rule } => explain(&rule),
        Command::Init { force } => init(force),
        Command::Schema { kind } => write_stdout(&schema::render(kind)).map(|()| ExitCode::SUCCESS),
    };
    outcome.unwrap_or_else(|error| {
        report_error(&error);
        ExitCode::from(2)
    })
}

/// Anything that ends a run with status 2.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
enum Failure {
    #[error(transparent)]
    #[diagnostic(transparent)]
    Config(#[from] ConfigError),
    #[error("{0}")]
    Usage(String),
    #[error("cannot write output: {0}")]
    Io(#[from] io::Error),
}

fn report_error(error: &Failure) {
    if let Failure::Io(e) = error {
        if e.kind() == io::ErrorKind::BrokenPipe {
            return;
        }
    }
    let handler = miette::GraphicalReportHandler::new_themed(
        if color_enabled(ColorChoice::Auto, &io::stderr()) {
            miette::GraphicalTheme::unicode()
        } else {
            miette::GraphicalTheme::unicode_nocolor()
        },
    );
    let mut rendered = String::new();
    if handler.render_report(&mut rendered, error).is_err() {
        rendered = format!("error: {error}\n");
    }
    let _ = io::stderr().write_all(rendered.as_bytes());
}

fn write_stdout(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

fn color_enabled(choice: ColorChoice, stream: &impl IsTerminal) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

fn lint(args: LintArgs) -> Result<ExitCode, Failure> {
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()
            .map_err(|e| Failure::Usage(format!("cannot start {jobs} threads: {e}")))?;
    }
    let loaded = if args.no_config {
        None
    } else {
        let path = match &args.config {
            Some(path) => Some(path.clone()),
            None => std::env::current_dir()
                .ok()
                .and_then(|dir| config::discover(&dir)),
        };
        path.map(|p| config::load(&p)).transpose()?
    };
    let overrides = Overrides {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        date: args.date,
    };
    let settings = Settings::resolve(loaded.as_ref(), &overrides)?;

    let inputs = runner::collect_inputs(&args.paths, &args.stdin_filename, &settings);
    let stdin = if inputs.iter().any(|i| matches!(i, Input::Stdin(_))) {
        Some(
            runner::read_stdin()
                .map_err(|e| Failure::Usage(format!("cannot read standard input: {e}")))?,
        )
    } else {
        None
    };

    let style = Style {
        color: color_enabled(args.color, &io::stdout()),
        width: std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(100),
        quiet: args.quiet,
    };
    let show_progress =
        !args.quiet && !args.no_progress && io::stderr().is_terminal() && inputs.len() >= 100;
    let progress = if show_progress {
        let bar = indicatif::ProgressBar::new(inputs.len() as u64);
        bar.set_style(
            indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };

    let mut reporter = report::reporter(args.format, style);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut summary = Summary::default();
    let mut write_error = None;
    let mut internal = Vec::new();
    let tick = || {
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    };
    runner::lint_inputs(&inputs, stdin.as_deref(), &settings, &tick, |file| {
        summary.add(&file);
        internal.extend(
            file.internal_errors
                .iter()
                .map(|e| format!("{}: {e}", file.path)),
        );
        if write_error.is_none() {
            if let Err(e) = reporter.file(&mut out, &file) {
                write_error = Some(e);
            }
        }
    });
    if let Some(bar) = progress {
        bar.finish_and_clear();
    }
    if let Some(e) = write_error {
        return Err(e.into());
    }
    reporter.finish(&mut out, &summary)?;
    out.flush()?;
    drop(out);

    if !internal.is_empty() {
        let mut err = io::stderr().lock();
        for line in &internal {
            let _ = writeln!(err, "error: internal failure in {line}");
        }
        let _ = writeln!(
            err,
            "This is a bug in factlint; please report it with the file that triggers it."
        );
        return Ok(ExitCode::from(2));
    }
    let failed = summary.errors > 0 || (args.deny_warnings && summary.warnings > 0);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn rules(format: RulesFormat) -> Result<ExitCode, Failure> {
    let text = match format {
        RulesFormat::Text => {
            let mut text = format!(
                "{:<5} {:<22} {:<9} {:<8} {}\n",
                "CODE", "NAME", "CATEGORY", "DEFAULT", "SUMMARY"
            );
            for entry in registry() {
                let m = entry.meta;
                text.push_str(&format!(
                    "{:<5} {:<22} {:<9} {:<8} {}\n",
                    m.code,
                    m.name,
                    m.category.as_str(),
                    m.default_severity.as_str(),
                    m.summary
                ));
            }
            text
        }
        RulesFormat::Json => {
            let rows: Vec<_> = registry()
                .iter()
                .map(|e| {
                    serde_json::json!({
                        "code": e.meta.code,
                        "name": e.meta.name,
                        "category": e.meta.category,
                        "default_severity": e.meta.default_severity,
                        "summary": e.meta.summary,
                    })
                })
                .collect();
            let mut text = serde_json::to_string_pretty(&rows).unwrap_or_default();
            text.push('\n');
            text
        }
    };
    write_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn explain(rule: &str) -> Result<ExitCode, Failure> {
    let entry = lookup(rule).ok_or_else(|| {
        Failure::Usage(format!(
            "`{rule}` is not a factlint rule (see `factlint rules`)"
        ))
    })?;
    let m = entry.meta;
    let text = format!(
        "# {} {}\n\nCategory: {}. Default severity: {}.\n\n{}\n",
        m.code,
        m.name,
        m.category.as_str(),
        m.default_severity,
        m.docs().trim_end()
    );
    write_stdout(&text)?;
    Ok(ExitCode::SUCCESS)
}

fn init(force: bool) -> Result<ExitCode, Failure> {
    let path = std::path::Path::new(config::CONFIG_FILE_NAMES[0]);
    if path.exists() && !force {
        return Err(Failure::Usage(format!(
            "{} already exists; use --force to overwrite it",
            path.display()
        )));
    }
    std::fs::write(path, config::STARTER)?;
    write_stdout(&format!("Wrote {}\n", path.display()))?;
    Ok(ExitCode::SUCCESS)
}
