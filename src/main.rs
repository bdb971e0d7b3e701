//! The `factlint` binary: parse arguments, call the library, map the outcome to exit status 0/1/2.

mod cli;
mod progress;

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, ColorChoice, Command, ConfigArgs, ConfigSource, LintArgs, RulesFormat};
use factlint::config::{self, ConfigError, LoadedConfig, Overrides, Settings};
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
        Command::Config(args) => show_config(&args),
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

/// The config file to use, per `--config`, `--no-config` or discovery from the current directory.
fn load_config(source: &ConfigSource) -> Result<Option<LoadedConfig>, Failure> {
    if source.no_config {
        return Ok(None);
    }
    let path = match &source.config {
        Some(path) => Some(path.clone()),
        None => std::env::current_dir()
            .ok()
            .and_then(|dir| config::discover(&dir)),
    };
    Ok(path.map(|p| config::load(&p)).transpose()?)
}

/// What the paths name: `--stdin-filename` alone reads standard input; with paths, `-` does.
fn path_arguments(args: &LintArgs) -> Result<(Vec<String>, String), Failure> {
    let reads_stdin = args.paths.iter().any(|p| p == "-");
    match &args.stdin_filename {
        Some(name) if args.paths.is_empty() => Ok((vec!["-".to_owned()], name.clone())),
        Some(_) if !reads_stdin => Err(Failure::Usage(
            "--stdin-filename names standard input, which is read when no paths are given or \
             when `-` is one of them"
                .to_owned(),
        )),
        Some(name) => Ok((args.paths.clone(), name.clone())),
        None => Ok((args.paths.clone(), "-".to_owned())),
    }
}

/// `lint --explain-blocks`: what factlint read in each file, block by block.
fn explain_blocks(inputs: &[Input]) -> Result<ExitCode, Failure> {
    let mut out = String::new();
    for input in inputs {
        let Input::File(path) = input else {
            return Err(Failure::Usage(format!(
                "--explain-blocks reads files, not {}",
                input.display()
            )));
        };
        let text = runner::read_text(path).map_err(|reason| {
            Failure::Usage(format!("cannot read {}: {reason}", input.display()))
        })?;
        out.push_str(&factlint::parse::explain_blocks(&input.display(), &text));
    }
    write_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn lint(args: LintArgs) -> Result<ExitCode, Failure> {
    if let Some(jobs) = args.jobs {
        rayon::ThreadPoolBuilder::new()
            .num_threads(jobs.max(1))
            .build_global()
            .map_err(|e| Failure::Usage(format!("cannot start {jobs} threads: {e}")))?;
    }
    let (paths, stdin_name) = path_arguments(&args)?;
    let loaded = load_config(&args.source)?;
    let overrides = Overrides {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        date: args.date,
    };
    let settings = std::sync::Arc::new(Settings::resolve(loaded.as_ref(), &overrides)?);

    let inputs = runner::collect_inputs(&paths, &stdin_name, &settings);
    if args.explain_blocks {
        return explain_blocks(&inputs);
    }
    if inputs.is_empty() {
        let shown = if paths.is_empty() {
            "the current directory".to_owned()
        } else {
            paths.join(", ")
        };
        let _ = writeln!(
            io::stderr(),
            "warning: no articles found in {shown} (factlint looks for {})",
            settings.include_patterns().join(", ")
        );
    }
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
    let progress = progress::Progress::new(
        inputs.len(),
        progress::wanted(
            args.quiet || args.no_progress,
            io::stderr().is_terminal(),
            inputs.len(),
        ),
    );

    let sarif_file = match &args.sarif_file {
        Some(path) => Some((
            path,
            io::BufWriter::new(
                std::fs::File::create(path)
                    .map_err(|e| Failure::Usage(format!("cannot write {}: {e}", path.display())))?,
            ),
        )),
        None => None,
    };
    let mut sarif =
        sarif_file.map(|(path, file)| (path, file, report::reporter(report::Format::Sarif, style)));
    let sarif_error = |path: &std::path::Path, e: io::Error| {
        Failure::Usage(format!("cannot write {}: {e}", path.display()))
    };

    let mut reporter = report::reporter(args.format, style);
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut summary = Summary::default();
    let mut write_error = None;
    let mut internal = Vec::new();
    runner::lint_inputs(
        &inputs,
        stdin.as_deref(),
        &settings,
        &|| progress.tick(),
        |file| {
            summary.add(&file);
            internal.extend(
                file.internal_errors
                    .iter()
                    .map(|e| format!("{}: {e}", file.path)),
            );
            if write_error.is_some() {
                return;
            }
            let written = progress
                .print(&mut out, |buffer| reporter.file(buffer, &file))
                .map_err(Failure::from)
                .and_then(|()| match &mut sarif {
                    Some((path, sink, sarif)) => {
                        sarif.file(sink, &file).map_err(|e| sarif_error(path, e))
                    }
                    None => Ok(()),
                });
            if let Err(e) = written {
                write_error = Some(e);
            }
        },
    );
    progress.finish();
    if let Some(e) = write_error {
        return Err(e);
    }
    if let Some((path, mut sink, mut sarif)) = sarif {
        sarif
            .finish(&mut sink, &summary)
            .and_then(|()| sink.flush())
            .map_err(|e| sarif_error(path, e))?;
    }
    reporter.finish(&mut out, &summary)?;
    out.flush()?;
    drop(out);
    internal.extend(reporter.failures());

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

fn show_config(args: &ConfigArgs) -> Result<ExitCode, Failure> {
    let loaded = load_config(&args.source)?;
    let settings = Settings::resolve(loaded.as_ref(), &Overrides::default())?;
    let origin = match (&loaded, args.source.no_config) {
        (Some(file), _) => format!("# from {}", file.path.display()),
        (None, true) => "# --no-config: the built-in defaults".to_owned(),
        (None, false) => format!(
            "# no {} or {} in the current directory or its parents: the built-in defaults",
            config::CONFIG_FILE_NAMES[0],
            config::CONFIG_FILE_NAMES[1]
        ),
    };
    write_stdout(&format!(
        "# The effective factlint configuration, every default filled in.\n{origin}\n{}",
        settings.effective_toml()
    ))?;
    Ok(ExitCode::SUCCESS)
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
        let hint = match config::nearest_rule(rule) {
            Some(name) => format!("did you mean `{name}`?"),
            None => "see `factlint rules`".to_owned(),
        };
        Failure::Usage(format!("`{rule}` is not a factlint rule; {hint}"))
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
