//! Running the rules: input discovery, reading, parallel linting with panic isolation, and a
//! deterministic order.

use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Settings;
use crate::diagnostic::{Diagnostic, Severity};
use crate::document::{Article, Scope};
use crate::parse::{self, RoleSet, Syntax};
use crate::rules::{Context, RuleMeta, input};
use crate::source::Span;
use crate::suppress;

/// Bytes looked at for a NUL when deciding whether a file is binary.
const BINARY_SNIFF_LEN: usize = 8192;

/// Files linted together before their reports are handed on; bounds memory to a batch, not the
/// corpus.
const BATCH_SIZE: usize = 256;

/// One input to lint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file on disk, with the path as shown in reports.
    File(PathBuf),
    /// Standard input, shown under the given name.
    Stdin(String),
    /// A path or pattern that names no readable file, with the reason.
    Unreadable(String, String),
}

impl Input {
    /// The path as shown in reports.
    pub fn display(&self) -> String {
        match self {
            Input::File(path) => display_path(path),
            Input::Stdin(name) => name.clone(),
            Input::Unreadable(path, _) => path.clone(),
        }
    }
}

/// What linting one file produced.
#[derive(Debug, Clone, Default)]
pub struct FileReport {
    /// The path as shown in reports.
    pub path: String,
    /// The file text, kept only when there are diagnostics to show against it.
    pub text: Option<String>,
    /// Diagnostics sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// Rules (or the parser) that failed internally on this file.
    pub internal_errors: Vec<String>,
}

/// Lint one article's text. Returns its diagnostics sorted by position, and the internal errors
/// of rules that panicked.
pub fn lint_source(path: &str, text: &str, settings: &Settings) -> (Vec<Diagnostic>, Vec<String>) {
    lint_source_watched(path, text, settings, None)
}

/// What the analysis of one file is doing, for naming what still ran when its budget ran out.
#[derive(Debug, Default)]
struct Stage(std::sync::Mutex<String>);

impl Stage {
    fn set(stage: Option<&Stage>, what: impl FnOnce() -> String) {
        if let Some(Stage(current)) = stage {
            let what = what();
            match current.lock() {
                Ok(mut current) => *current = what,
                Err(poisoned) => *poisoned.into_inner() = what,
            }
        }
    }

    fn current(&self) -> String {
        match self.0.lock() {
            Ok(current) => current.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }
}

/// [`lint_source`], telling `stage` what runs. Watched runs go rule after rule on the calling
/// thread (the rayon pool may be busy waiting on them), unwatched ones in parallel.
fn lint_source_watched(
    path: &str,
    text: &str,
    settings: &Settings,
    stage: Option<&Stage>,
) -> (Vec<Diagnostic>, Vec<String>) {
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        lint_source_unguarded(path, text, settings, stage)
    }));
    outcome.unwrap_or_else(|payload| {
        (
            Vec::new(),
            vec![format!(
                "the parser failed on this file: {}",
                panic_message(payload.as_ref())
            )],
        )
    })
}

fn lint_source_unguarded(
    path: &str,
    text: &str,
    settings: &Settings,
    stage: Option<&Stage>,
) -> (Vec<Diagnostic>, Vec<String>) {
    Stage::set(stage, || "the parser".to_owned());
    let syntax = Syntax::for_path(path);
    let (mut parsed, front_matter_error) = parse::parse(text, syntax);
    let mut diagnostics = Vec::new();
    if let (Some(error), Some(severity)) = (
        &front_matter_error,
        settings.severity(input::BadFrontMatter::META.code),
    ) {
        let mut cx = Context::new(&input::BadFrontMatter::META, severity);
        cx.report(error.span, error.message.clone())
            .help("fix the front matter; the rest of the file was still checked");
        diagnostics.extend(cx.into_diagnostics());
    }
    let parsed_for_suppression = parse::ParsedText {
        front_matter: parsed.front_matter,
        metadata: parsed.metadata.clone(),
        blocks: Vec::new(),
        comments: parsed.comments.clone(),
        analysis: None,
    };
    let analysis = parsed.analysis.take();
    let analysis_text = analysis.as_deref().unwrap_or(text);
    // One article per set of roles the active rules read, as far as this file has blocks of
    // those roles (nearly always one), built with the layers those rules read.
    let present = parsed
        .blocks
        .iter()
        .fold(RoleSet::EMPTY, |set, block| set.with(block.role));
    let mut scopes: Vec<Scope> = Vec::new();
    for active in &settings.rules {
        let roles = active.rule.roles().intersection(present);
        let layers = active.rule.layers();
        match scopes.iter_mut().find(|scope| scope.roles == roles) {
            Some(scope) => scope.layers = scope.layers.union(layers),
            None => scopes.push(Scope { roles, layers }),
        }
    }
    Stage::set(stage, || "the extractors".to_owned());
    let mut articles: Vec<(RoleSet, Article)> = Vec::with_capacity(scopes.len());
    let last = scopes.len().saturating_sub(1);
    let mut parsed = Some(parsed);
    for (i, scope) in scopes.into_iter().enumerate() {
        let blocks = if i == last {
            parsed.take()
        } else {
            parsed.clone()
        };
        if let Some(blocks) = blocks {
            let article = Article::build_for(
                path,
                analysis_text,
                syntax,
                blocks,
                settings.default_date,
                settings.date_order,
                scope,
            );
            articles.push((scope.roles, article));
        }
    }
    // Each rule with the article of the roles it reads.
    let jobs: Vec<(&crate::config::settings::ActiveRule, &Article)> = settings
        .rules
        .iter()
        .filter_map(|active| {
            let roles = active.rule.roles().intersection(present);
            let (_, article) = articles.iter().find(|(set, _)| *set == roles)?;
            Some((active, article))
        })
        .collect();
    let run = |&(active, article): &(&crate::config::settings::ActiveRule, &Article)| {
        let meta = active.rule.meta();
        Stage::set(stage, || format!("rule {} ({})", meta.code, meta.name));
        catch_unwind(AssertUnwindSafe(|| {
            let mut cx = Context::new(meta, active.severity);
            active.rule.check(article, &mut cx);
            cx.into_diagnostics()
        }))
        .map_err(|payload| rule_failure(meta, payload.as_ref()))
    };
    let results: Vec<Result<Vec<Diagnostic>, String>> = if stage.is_some() {
        jobs.iter().map(run).collect()
    } else {
        jobs.par_iter().map(run).collect()
    };
    Stage::set(stage, || "suppression".to_owned());
    let mut internal_errors = Vec::new();
    for result in results {
        match result {
            Ok(found) => diagnostics.extend(found),
            Err(error) => internal_errors.push(error),
        }
    }
    let mut diagnostics = suppress::apply(
        text,
        &parsed_for_suppression,
        diagnostics,
        settings.severity(input::UnusedSuppression::META.code),
    );
    sort(&mut diagnostics);
    (diagnostics, internal_errors)
}

fn rule_failure(meta: &RuleMeta, payload: &(dyn std::any::Any + Send)) -> String {
    format!(
        "rule {} ({}) failed: {}",
        meta.code,
        meta.name,
        panic_message(payload)
    )
}

/// The message a panic carried.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".to_owned())
}

fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.span.start, a.span.end, a.code, &a.message).cmp(&(
            b.span.start,
            b.span.end,
            b.code,
            &b.message,
        ))
    });
}

/// Lint raw bytes read from `path`: binary, encoding and size checks first, then the rules.
pub fn lint_bytes(path: &str, bytes: Vec<u8>, settings: &Settings) -> FileReport {
    lint_bytes_with(path, bytes, settings, |text| {
        let (diagnostics, internal_errors) = lint_source(path, &text, settings);
        (diagnostics, internal_errors, text)
    })
}

/// [`lint_bytes`] within the analysis budget of `settings`: the rules run on a thread of their
/// own, and when they are not done in time the file gets an E007 diagnostic naming what was still
/// running, and an internal error (so the run exits 2). That thread is left to finish or not;
/// every other file is linted and reported as usual.
pub fn lint_bytes_within(path: &str, bytes: Vec<u8>, settings: &Arc<Settings>) -> FileReport {
    lint_bytes_with(path, bytes, settings, |text| {
        analyse_within(path, text, settings)
    })
}

fn analyse_within(
    path: &str,
    text: String,
    settings: &Arc<Settings>,
) -> (Vec<Diagnostic>, Vec<String>, String) {
    let text: Arc<str> = Arc::from(text);
    let stage = Arc::new(Stage::default());
    let job = Job {
        path: path.to_owned(),
        text: Arc::clone(&text),
        settings: Arc::clone(settings),
        stage: Arc::clone(&stage),
    };
    let outcome = ANALYST.with_borrow_mut(|slot| {
        let analyst = match slot.take().map_or_else(Analyst::spawn, Ok) {
            Ok(analyst) if analyst.jobs.send(job).is_ok() => analyst,
            // No thread to spare: analyse here, without a budget.
            _ => return Some(lint_source(path, &text, settings)),
        };
        let outcome = analyst.outcomes.recv_timeout(settings.analysis_budget).ok();
        // A thread still on this file (or dead) is left behind; the next file starts a fresh one.
        if outcome.is_some() {
            *slot = Some(analyst);
        }
        outcome
    });
    match outcome {
        Some((diagnostics, errors)) => (diagnostics, errors, text.to_string()),
        None => {
            let running = stage.current();
            let seconds = settings.analysis_budget.as_secs_f64();
            let mut diagnostics = Vec::new();
            if let Some(severity) = settings.severity(input::AnalysisBudget::META.code) {
                let mut cx = Context::new(&input::AnalysisBudget::META, severity);
                cx.report(
                    Span::empty(0),
                    format!(
                        "analysis of {path} stopped after the budget of {seconds} s with {running} still running; its findings are not shown"
                    ),
                )
                .help("raise `analysis-budget` in factlint.toml, or report the file: factlint should be linear on any text");
                diagnostics.extend(cx.into_diagnostics());
            }
            let error = format!("the analysis budget of {seconds} s ran out in {running}");
            (diagnostics, vec![error], text.to_string())
        }
    }
}

/// One file for an [`Analyst`].
struct Job {
    path: String,
    text: Arc<str>,
    settings: Arc<Settings>,
    stage: Arc<Stage>,
}

/// A thread that analyses the files of one worker, one at a time, so a file costs two messages
/// rather than a thread of its own. A file that outruns its budget keeps its analyst: the worker
/// drops the channels and starts another, and the old thread ends when it is done.
struct Analyst {
    jobs: std::sync::mpsc::Sender<Job>,
    outcomes: std::sync::mpsc::Receiver<(Vec<Diagnostic>, Vec<String>)>,
}

impl Analyst {
    fn spawn() -> std::io::Result<Analyst> {
        let (jobs, incoming) = std::sync::mpsc::channel::<Job>();
        let (done, outcomes) = std::sync::mpsc::sync_channel(1);
        std::thread::Builder::new()
            .name("factlint-analysis".to_owned())
            .spawn(move || {
                for job in incoming {
                    let outcome =
                        lint_source_watched(&job.path, &job.text, &job.settings, Some(&job.stage));
                    // The worker is gone when the budget ran out: nobody wants the result.
                    if done.send(outcome).is_err() {
                        break;
                    }
                }
            })?;
        Ok(Analyst { jobs, outcomes })
    }
}

thread_local! {
    /// The analyst of the current worker thread, started on its first file.
    static ANALYST: std::cell::RefCell<Option<Analyst>> = const { std::cell::RefCell::new(None) };
}

/// Size, binary and encoding checks, then `analyse` on the text (which hands the text back).
fn lint_bytes_with(
    path: &str,
    bytes: Vec<u8>,
    settings: &Settings,
    analyse: impl FnOnce(String) -> (Vec<Diagnostic>, Vec<String>, String),
) -> FileReport {
    if bytes.len() as u64 > settings.max_file_size {
        return too_large(path, bytes.len() as u64, settings);
    }
    let mut report = FileReport {
        path: path.to_owned(),
        ..FileReport::default()
    };
    let bytes = match decode_utf16(&bytes) {
        Some(Ok(text)) => text.into_bytes(),
        Some(Err(at)) => {
            input_diagnostic(
                &mut report,
                settings,
                &input::NotUtf8::META,
                Span::empty(0),
                format!(
                    "the file starts with a UTF-16 byte order mark but is not valid UTF-16: an unpaired surrogate at offset {at}"
                ),
            );
            return report;
        }
        None => bytes,
    };
    if let Some(at) = memchr::memchr(0, &bytes[..bytes.len().min(BINARY_SNIFF_LEN)]) {
        input_diagnostic(
            &mut report,
            settings,
            &input::BinaryFile::META,
            Span::empty(0),
            format!("skipped a binary file (a NUL byte at offset {at})"),
        );
        return report;
    }
    match String::from_utf8(bytes) {
        Ok(text) => {
            let (diagnostics, internal_errors, text) = analyse(text);
            report.diagnostics = diagnostics;
            report.internal_errors = internal_errors;
            if !report.diagnostics.is_empty() {
                report.text = Some(text);
            }
        }
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let bytes = error.into_bytes();
            let bad = bytes.get(at).copied().unwrap_or(0);
            // Keep the valid prefix so the report can show the line and column of the bad byte.
            let prefix = String::from_utf8_lossy(&bytes[..at]).into_owned();
            input_diagnostic(
                &mut report,
                settings,
                &input::NotUtf8::META,
                Span::new(at, at),
                format!("the file is not valid UTF-8: byte 0x{bad:02X} at offset {at}"),
            );
            if let Some(d) = report.diagnostics.last_mut() {
                d.help = Some("save the file as UTF-8".to_owned());
            }
            if report.text.is_some() {
                report.text = Some(prefix);
            }
        }
    }
    report
}

/// A file that starts with a UTF-16 byte order mark (as Word and Windows tools export), as
/// UTF-8 text without the mark; `None` for any other file, `Err(offset)` for broken UTF-16.
///
/// Spans in a UTF-16 file's report are byte offsets into this UTF-8 text (the file as factlint
/// read it); lines and columns are the same in both encodings.
pub fn decode_utf16(bytes: &[u8]) -> Option<Result<String, usize>> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks(2).map(|pair| match (pair, little) {
        ([a, b], true) => u16::from_le_bytes([*a, *b]),
        ([a, b], false) => u16::from_be_bytes([*a, *b]),
        // An odd trailing byte cannot be a code unit: an unpaired surrogate stands for it.
        _ => 0xD800,
    });
    let mut text = String::with_capacity(bytes.len());
    for (index, unit) in char::decode_utf16(units).enumerate() {
        match unit {
            Ok(c) => text.push(c),
            Err(_) => return Some(Err(2 + index * 2)),
        }
    }
    Some(Ok(text))
}

/// Read a file as `lint` would (UTF-16 with a byte order mark decoded), for `--explain-blocks`.
pub fn read_text(path: &Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| io_reason(&e))?;
    let bytes = match decode_utf16(&bytes) {
        Some(Ok(text)) => return Ok(text),
        Some(Err(at)) => return Err(format!("not valid UTF-16 at offset {at}")),
        None => bytes,
    };
    String::from_utf8(bytes)
        .map_err(|e| format!("not valid UTF-8 at offset {}", e.utf8_error().valid_up_to()))
}

fn input_diagnostic(
    report: &mut FileReport,
    settings: &Settings,
    meta: &'static RuleMeta,
    span: Span,
    message: String,
) {
    if let Some(severity) = settings.severity(meta.code) {
        let mut cx = Context::new(meta, severity);
        cx.report(span, message);
        report.diagnostics.extend(cx.into_diagnostics());
        report.text = Some(String::new());
    }
}

/// Lint one input.
pub fn lint_input(input: &Input, stdin: Option<&[u8]>, settings: &Arc<Settings>) -> FileReport {
    match input {
        Input::Stdin(name) => lint_bytes_within(name, stdin.unwrap_or_default().to_vec(), settings),
        Input::Unreadable(path, reason) => unreadable(path, reason, settings),
        Input::File(path) => {
            let shown = display_path(path);
            match std::fs::metadata(path) {
                // Opening a named pipe would wait for a writer: never open what is not a file.
                Ok(meta) if !meta.is_file() => unreadable(
                    &shown,
                    &format!("not a regular file ({})", file_kind(&meta.file_type())),
                    settings,
                ),
                Ok(meta) if meta.len() > settings.max_file_size => {
                    too_large(&shown, meta.len(), settings)
                }
                _ => match std::fs::read(path) {
                    Ok(bytes) => lint_bytes_within(&shown, bytes, settings),
                    Err(error) => unreadable(&shown, &io_reason(&error), settings),
                },
            }
        }
    }
}

/// What a file that is not a regular file is, for messages.
fn file_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

/// E005 for a file of `size` bytes, over the cap: it is not read.
fn too_large(path: &str, size: u64, settings: &Settings) -> FileReport {
    let mut report = FileReport {
        path: path.to_owned(),
        ..FileReport::default()
    };
    input_diagnostic(
        &mut report,
        settings,
        &input::TooLarge::META,
        Span::empty(0),
        format!(
            "skipped a file of {size} bytes (max-file-size is {})",
            settings.max_file_size
        ),
    );
    report
}

fn unreadable(path: &str, reason: &str, settings: &Settings) -> FileReport {
    let mut report = FileReport {
        path: path.to_owned(),
        ..FileReport::default()
    };
    input_diagnostic(
        &mut report,
        settings,
        &input::UnreadableFile::META,
        Span::empty(0),
        format!("cannot read {path}: {reason}"),
    );
    report
}

fn io_reason(error: &std::io::Error) -> String {
    // The walk's errors wrap the OS error as "IO error for operation on <path>: …"; the path is
    // shown already, so say what the OS said.
    let os_error = error.raw_os_error().or_else(|| {
        error
            .get_ref()
            .and_then(|inner| inner.source())
            .and_then(|source| source.downcast_ref::<std::io::Error>())
            .and_then(std::io::Error::raw_os_error)
    });
    let text = match os_error {
        Some(code) => std::io::Error::from_raw_os_error(code).to_string(),
        None => error.to_string(),
    };
    // "No such file or directory (os error 2)" reads better without the number.
    match text.find(" (os error") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// Read standard input fully.
pub fn read_stdin() -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::io::stdin().lock().read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// Lint every input in parallel and hand each report to `on_report` in input order.
pub fn lint_inputs(
    inputs: &[Input],
    stdin: Option<&[u8]>,
    settings: &Arc<Settings>,
    on_progress: &(dyn Fn() + Sync),
    mut on_report: impl FnMut(FileReport),
) {
    for batch in inputs.chunks(BATCH_SIZE) {
        let reports: Vec<FileReport> = batch
            .par_iter()
            .map(|input| {
                let report = lint_input(input, stdin, settings);
                on_progress();
                report
            })
            .collect();
        reports.into_iter().for_each(&mut on_report);
    }
}

/// Turn command-line arguments (paths, directories, quoted globs, `-`) into inputs, sorted by
/// path. Directories are walked for the included file types, skipping hidden and git-ignored
/// paths.
pub fn collect_inputs(args: &[String], stdin_name: &str, settings: &Settings) -> Vec<Input> {
    let mut inputs = Vec::new();
    let default_args = [".".to_owned()];
    let args = if args.is_empty() {
        &default_args[..]
    } else {
        args
    };
    for arg in args {
        if arg == "-" {
            inputs.push(Input::Stdin(stdin_name.to_owned()));
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            walk(path, settings, &mut inputs);
        } else if path.exists() || path.is_symlink() {
            // Named files (as pre-commit passes them) still honour `exclude` and the skip of
            // files that are not articles.
            if !settings.excludes(path) && !skipped_project_file(path, settings) {
                inputs.push(Input::File(path.to_path_buf()));
            }
        } else if arg.contains(['*', '?', '[']) {
            expand_glob(arg, settings, &mut inputs);
        } else {
            let reason = std::fs::metadata(path)
                .err()
                .map_or_else(|| "cannot be read".to_owned(), |e| io_reason(&e));
            inputs.push(Input::Unreadable(arg.clone(), reason));
        }
    }
    inputs.sort_by_cached_key(Input::display);
    inputs.dedup();
    inputs
}

fn expand_glob(pattern: &str, settings: &Settings, inputs: &mut Vec<Input>) {
    let paths = match glob::glob(pattern) {
        Ok(paths) => paths,
        Err(error) => {
            inputs.push(Input::Unreadable(
                pattern.to_owned(),
                format!("not a valid glob: {}", error.msg),
            ));
            return;
        }
    };
    let before = inputs.len();
    for entry in paths {
        match entry {
            Ok(path) if path.is_dir() => walk(&path, settings, inputs),
            Ok(path) if settings.excludes(&path) || skipped_project_file(&path, settings) => {}
            Ok(path) => inputs.push(Input::File(path)),
            Err(error) => inputs.push(Input::Unreadable(
                display_path(error.path()),
                io_reason(error.error()),
            )),
        }
    }
    if inputs.len() == before {
        inputs.push(Input::Unreadable(
            pattern.to_owned(),
            "no file matches this pattern".to_owned(),
        ));
    }
}

fn walk(dir: &Path, settings: &Settings, inputs: &mut Vec<Input>) {
    let walker = ignore::WalkBuilder::new(dir)
        .hidden(true)
        .git_ignore(true)
        .git_exclude(true)
        .require_git(false)
        .parents(true)
        .sort_by_file_path(Ord::cmp)
        .build();
    for entry in walker {
        match entry {
            Ok(entry) => {
                // A symlink counts as a file unless it leads to a directory: the walk does not
                // follow links, and a directory is never an article. Pipes, sockets and devices
                // are kept, to be reported and never read.
                let is_file = entry
                    .file_type()
                    .is_some_and(|t| !(t.is_dir() || t.is_symlink() && entry.path().is_dir()));
                if is_file
                    && settings.includes(entry.path())
                    && !skipped_project_file(entry.path(), settings)
                {
                    inputs.push(Input::File(entry.path().to_path_buf()));
                }
            }
            Err(error) => {
                let (path, reason) = walk_error(&error);
                inputs.push(Input::Unreadable(
                    path.unwrap_or_else(|| display_path(dir)),
                    reason,
                ));
            }
        }
    }
}

/// File names (before the first `.`, any case) of files that keep a project, not articles.
const PROJECT_FILES: &[&str] = &[
    "readme",
    "changelog",
    "changes",
    "history",
    "license",
    "licence",
    "copying",
    "contributing",
    "code_of_conduct",
    "code-of-conduct",
    "security",
    "authors",
    "notice",
    "source",
    "sources",
];

/// Whether `path` is a README, CHANGELOG, LICENSE, SOURCE or similar file that settings skip.
pub fn skipped_project_file(path: &Path, settings: &Settings) -> bool {
    settings.skip_project_files && is_project_file(path)
}

/// Whether `path` names a file that keeps a project rather than an article.
pub fn is_project_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|name| name.to_str())
        .and_then(|name| name.split('.').next())
        .is_some_and(|stem| PROJECT_FILES.iter().any(|p| stem.eq_ignore_ascii_case(p)))
}

fn walk_error(error: &ignore::Error) -> (Option<String>, String) {
    match error {
        ignore::Error::WithPath { path, err } => (Some(display_path(path)), walk_error(err).1),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error(err)
        }
        ignore::Error::Io(io) => (None, io_reason(io)),
        other => (None, other.to_string()),
    }
}

/// A path as shown in reports: forward slashes, no leading `./`.
pub fn display_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    match text.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_owned(),
        _ => text,
    }
}

/// Counts over a whole run, for the summary line and the exit status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Files looked at (including unreadable ones).
    pub files_checked: usize,
    /// Files with at least one diagnostic.
    pub files_with_problems: usize,
    /// Error-level diagnostics.
    pub errors: usize,
    /// Warning-level diagnostics.
    pub warnings: usize,
    /// Info-level diagnostics.
    pub infos: usize,
    /// Internal failures (rules that panicked).
    pub internal_errors: usize,
}

impl Summary {
    /// Count one file's report.
    pub fn add(&mut self, report: &FileReport) {
        self.files_checked += 1;
        if !report.diagnostics.is_empty() {
            self.files_with_problems += 1;
        }
        for diagnostic in &report.diagnostics {
            match diagnostic.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
        self.internal_errors += report.internal_errors.len();
    }

    /// All diagnostics counted.
    pub fn problems(&self) -> usize {
        self.errors + self.warnings + self.infos
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::settings::ActiveRule;
    use crate::document::Layers;
    use crate::rules::{Rule, RuleMeta, quotes::unbalanced_quote::UnbalancedQuote};

    #[derive(Debug)]
    struct Exploding;

    impl Rule for Exploding {
        fn meta(&self) -> &'static RuleMeta {
            &UnbalancedQuote::META
        }

        fn check(&self, _article: &Article, _cx: &mut Context) {
            panic!("boom");
        }
    }

    #[test]
    fn a_panicking_rule_is_an_internal_error_and_the_others_still_report() {
        let mut settings = Settings::default();
        settings.rules.push(ActiveRule {
            rule: Box::new(Exploding),
            severity: Severity::Error,
        });
        let (diagnostics, errors) = lint_source("a.md", "He said “open.\n", &settings);
        assert_eq!(
            errors,
            vec!["rule Q001 (unbalanced-quote) failed: boom".to_owned()]
        );
        assert_eq!(diagnostics.len(), 1, "the real Q001 still reports");
    }

    /// A rule that never returns.
    #[derive(Debug)]
    struct Hanging;

    impl Rule for Hanging {
        fn meta(&self) -> &'static RuleMeta {
            &crate::rules::quotes::quote_drift::QuoteDrift::META
        }

        fn check(&self, _article: &Article, _cx: &mut Context) {
            loop {
                std::thread::park();
            }
        }
    }

    #[test]
    fn a_file_over_its_budget_names_the_rule_still_running_and_the_others_are_linted() {
        let mut settings = Settings::default();
        settings.rules.push(ActiveRule {
            rule: Box::new(Hanging),
            severity: Severity::Error,
        });
        settings.analysis_budget = std::time::Duration::from_millis(50);
        let settings = Arc::new(settings);
        let stuck = lint_bytes_within("stuck.md", b"He said \xe2\x80\x9cgo.\n".to_vec(), &settings);
        let codes: Vec<&str> = stuck.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, vec!["E007"]);
        assert_eq!(
            stuck.diagnostics[0].message,
            "analysis of stuck.md stopped after the budget of 0.05 s with rule Q002 (quote-drift) still running; its findings are not shown"
        );
        assert_eq!(
            stuck.internal_errors,
            vec!["the analysis budget of 0.05 s ran out in rule Q002 (quote-drift)".to_owned()]
        );
        let fine = lint_bytes_within(
            "fine.md",
            b"He said \xe2\x80\x9cgo.\n".to_vec(),
            &Arc::new(Settings::default()),
        );
        assert_eq!(
            fine.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(),
            vec!["Q001"]
        );
        assert!(fine.internal_errors.is_empty());
    }

    /// The layers of the articles [`LayerProbe`] was given.
    static PROBED: std::sync::Mutex<Vec<Layers>> = std::sync::Mutex::new(Vec::new());

    /// A rule that reads like Q001 and remembers the layers of the articles it was given.
    #[derive(Debug)]
    struct LayerProbe;

    impl Rule for LayerProbe {
        fn meta(&self) -> &'static RuleMeta {
            &UnbalancedQuote::META
        }

        fn check(&self, article: &Article, _cx: &mut Context) {
            if let Ok(mut seen) = PROBED.lock() {
                seen.push(article.layers);
            }
        }
    }

    #[test]
    fn a_quote_rule_alone_gets_an_article_with_quotes_only() {
        use crate::document::Layer;
        let mut settings = Settings::default();
        settings.rules = vec![ActiveRule {
            rule: Box::new(LayerProbe),
            severity: Severity::Error,
        }];
        lint_source(
            "a.md",
            "He said “open” on 3 May 2020, Ann Lee said.\n",
            &settings,
        );
        let seen = PROBED.lock().map(|s| s.clone()).unwrap_or_default();
        assert_eq!(seen, vec![Layers::of(&[Layer::Quotes])]);
    }

    #[test]
    fn reports_come_back_in_input_order() {
        let settings = Settings::default();
        let inputs: Vec<Input> = (0..600)
            .map(|i| Input::Unreadable(format!("missing-{i:04}.md"), "gone".to_owned()))
            .collect();
        let mut seen = Vec::new();
        lint_inputs(&inputs, None, &Arc::new(settings), &|| {}, |report| {
            seen.push(report.path)
        });
        let expected: Vec<String> = inputs.iter().map(Input::display).collect();
        assert_eq!(seen, expected);
    }
}
