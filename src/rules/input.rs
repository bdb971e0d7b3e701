//! Input diagnostics: raised by the runner for files it cannot lint, and for suppressions that
//! suppress nothing. They are rules like any other for selection, severity and `explain`.

use super::{RuleEntry, declare_rule};

/// The input diagnostics; the runner raises them, so none has a check to build.
pub static RULES: &[RuleEntry] = &[
    UnreadableFile::ENTRY,
    NotUtf8::ENTRY,
    BadFrontMatter::ENTRY,
    BinaryFile::ENTRY,
    TooLarge::ENTRY,
    UnusedSuppression::ENTRY,
    AnalysisBudget::ENTRY,
];

/// A file that cannot be read.
#[derive(Debug)]
pub struct UnreadableFile;
declare_rule! {
    /// ## What it checks
    /// A path given on the command line, or found while walking, that cannot be read: it does
    /// not exist, permission is denied, or the read fails.
    ///
    /// ## Why it matters
    /// A story that is silently skipped is a story nobody checked. The other files are still
    /// linted and reported.
    ///
    /// ## Example
    /// ```text
    /// $ factlint lint missing.md
    /// missing.md:1:1: E001 cannot read missing.md: No such file or directory
    /// ```
    ///
    /// Use instead: a path that exists and that you may read.
    input UnreadableFile {
        code: "E001",
        name: "unreadable-file",
        category: Input,
        severity: Error,
        summary: "a file that cannot be read",
    }
}

/// A file that is not valid UTF-8.
#[derive(Debug)]
pub struct NotUtf8;
declare_rule! {
    /// ## What it checks
    /// A file whose bytes are not valid UTF-8. The diagnostic points at the first bad byte.
    ///
    /// ## Why it matters
    /// factlint points at exact characters; it will not guess an encoding and risk pointing at
    /// the wrong ones. Files saved as Windows-1252 or Latin-1 are the usual cause.
    ///
    /// ## Example
    /// ```text
    /// caf\xe9.txt:1:4: E002 the file is not valid UTF-8: byte 0xE9 at offset 3
    /// ```
    ///
    /// Use instead: save the file as UTF-8 (`iconv -f windows-1252 -t utf-8`).
    input NotUtf8 {
        code: "E002",
        name: "not-utf8",
        category: Input,
        severity: Error,
        summary: "a file that is not valid UTF-8",
    }
}

/// Front matter that cannot be parsed.
#[derive(Debug)]
pub struct BadFrontMatter;
declare_rule! {
    /// ## What it checks
    /// YAML (`---`) or TOML (`+++`) front matter that is not valid, is never closed, or gives
    /// factlint keys it cannot use (a `date` that is not a date, an unknown key under
    /// `factlint`). The diagnostic points at the position the parser reported.
    ///
    /// ## Why it matters
    /// The article date and the file's ignores come from front matter; a broken block would
    /// silently change what is checked. The body is still linted.
    ///
    /// ## Example
    /// ```markdown
    /// ---
    /// date: next tuesday
    /// ---
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// ---
    /// date: 2026-11-27
    /// ---
    /// ```
    input BadFrontMatter {
        code: "E003",
        name: "bad-front-matter",
        category: Input,
        severity: Error,
        summary: "front matter that cannot be parsed",
    }
}

/// A binary file.
#[derive(Debug)]
pub struct BinaryFile;
declare_rule! {
    /// ## What it checks
    /// A file that holds NUL bytes, such as an image or a word-processor file saved with a
    /// `.txt` name. It is skipped.
    ///
    /// ## Why it matters
    /// Linting binary data only produces noise; saying that it was skipped keeps the run honest.
    ///
    /// ## Example
    /// ```text
    /// photo.txt:1:1: E004 skipped a binary file (a NUL byte at offset 12)
    /// ```
    ///
    /// Use instead: keep articles as text, or exclude the file in `factlint.toml`.
    input BinaryFile {
        code: "E004",
        name: "binary-file",
        category: Input,
        severity: Info,
        summary: "a binary file, skipped",
    }
}

/// A file over the size cap.
#[derive(Debug)]
pub struct TooLarge;
declare_rule! {
    /// ## What it checks
    /// A file larger than `max-file-size` (16 MiB unless configured). It is skipped.
    ///
    /// ## Why it matters
    /// An article is rarely over a few hundred kilobytes; a huge file is usually a data dump
    /// that landed in the wrong folder, and reading it would cost memory for nothing.
    ///
    /// ## Example
    /// ```text
    /// dump.txt:1:1: E005 skipped a file of 40000000 bytes (max-file-size is 16777216)
    /// ```
    ///
    /// Use instead: raise `max-file-size` in `factlint.toml`, or exclude the file.
    input TooLarge {
        code: "E005",
        name: "too-large",
        category: Input,
        severity: Warning,
        summary: "a file over the size cap, skipped",
    }
}

/// A suppression comment or front-matter ignore that suppresses nothing.
#[derive(Debug)]
pub struct UnusedSuppression;
declare_rule! {
    /// ## What it checks
    /// A `<!-- factlint-disable… -->` comment or a front-matter `factlint: {ignore: […]}` entry
    /// that suppresses no diagnostic, or that names a rule factlint does not have. Each rule of a
    /// comment that names several is checked on its own. A comment that looks like a directive
    /// but is none (`factlint-disable-nextline`, `factlint-ignore`) suppresses nothing either,
    /// and is reported with the four directives that exist: `factlint-disable-next-line`,
    /// `factlint-disable`, `factlint-enable` and `factlint-disable-file`.
    ///
    /// ## Why it matters
    /// Stale suppressions hide the next real problem in that place. Remove them once the text
    /// they excused has been fixed.
    ///
    /// ## Example
    /// ```text
    /// <!-- factlint-disable-next-line Q001 -->
    /// He said “nothing is wrong here.”
    /// ```
    ///
    /// Use instead: delete the comment.
    input UnusedSuppression {
        code: "E006",
        name: "unused-suppression",
        category: Input,
        severity: Info,
        summary: "a suppression that suppresses nothing",
    }
}

/// A file whose analysis did not finish within the per-file budget.
#[derive(Debug)]
pub struct AnalysisBudget;
declare_rule! {
    /// ## What it checks
    /// The analysis of one file that is still running when the per-file `analysis-budget`
    /// (10 seconds unless configured) runs out. The file's findings are not shown, the
    /// diagnostic names the rule (or the parser) that was still running, every other file is
    /// linted as usual, and the run exits with status 2.
    ///
    /// ## Why it matters
    /// factlint runs unattended in hooks and CI and must never hang there. Every rule is meant
    /// to be linear in the size of the article; a file that outruns the budget is a bug worth
    /// reporting with the file.
    ///
    /// ## Example
    /// ```text
    /// huge.md:1:1: E007 analysis of huge.md stopped after the budget of 10 s with rule Q002 (quote-drift) still running; its findings are not shown
    /// ```
    ///
    /// Use instead: raise `analysis-budget` in `factlint.toml` for a very large file, and
    /// report the file.
    input AnalysisBudget {
        code: "E007",
        name: "analysis-budget",
        category: Input,
        severity: Error,
        summary: "a file whose analysis outran the per-file time budget",
    }
}
