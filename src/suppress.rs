//! Suppression: `<!-- factlint-disable… -->` comments and front-matter ignores, and reports for
//! the ones that suppress nothing.

use crate::diagnostic::Diagnostic;
use crate::diagnostic::Severity;
use crate::parse::ParsedText;
use crate::rules::{Context, input::UnusedSuppression, lookup};
use crate::source::{LineIndex, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    /// The first non-blank line after the comment.
    NextLine(u32),
    /// From the comment to the matching enable (or the end of the file).
    Range(u32, u32),
    /// The whole file.
    File,
}

/// The directive that a misspelled one most likely meant, if one is close. Other linters'
/// `ignore` (eslint, typos) reads as our `disable`.
fn nearest_verb(written: &str) -> Option<&'static str> {
    let verb = written
        .get("factlint".len() + 1..)
        .unwrap_or_default()
        .to_ascii_lowercase()
        .replace('_', "-")
        .replace("ignore", "disable");
    let verb = if verb == "disable" && written.contains("ignore") {
        // `factlint-ignore` above a line, as `eslint-ignore` and `noqa` are used.
        "disable-next-line".to_owned()
    } else {
        verb
    };
    VERBS
        .iter()
        .map(|candidate| (strsim::damerau_levenshtein(&verb, candidate), *candidate))
        .min_by_key(|(distance, _)| *distance)
        .filter(|(distance, _)| *distance <= 3)
        .map(|(_, candidate)| candidate)
}

/// One rule named in a directive, with where it is written.
#[derive(Debug)]
struct Named {
    /// The code or name as written.
    rule: String,
    /// Where it is written (the whole directive when there is no better place).
    span: Span,
    used: bool,
}

#[derive(Debug)]
struct Directive {
    /// The rules named (codes or names); empty means every rule.
    rules: Vec<Named>,
    scope: Scope,
    /// Where to point when it is unused.
    span: Span,
    /// For a directive naming no rules: whether it suppressed anything.
    used: bool,
}

impl Directive {
    /// Whether this directive suppresses `diagnostic` on `line`; marks what did the suppressing.
    fn suppress(&mut self, diagnostic: &Diagnostic, line: u32) -> bool {
        let in_scope = match self.scope {
            Scope::NextLine(target) => line == target,
            Scope::Range(start, end) => (start..end).contains(&diagnostic.span.start),
            Scope::File => true,
        };
        if !in_scope {
            return false;
        }
        if self.rules.is_empty() {
            self.used = true;
            return true;
        }
        let mut suppressed = false;
        for named in &mut self.rules {
            if named.rule.eq_ignore_ascii_case(diagnostic.code) || named.rule == diagnostic.name {
                named.used = true;
                suppressed = true;
            }
        }
        suppressed
    }

    fn names(&self) -> Vec<&str> {
        self.rules.iter().map(|n| n.rule.as_str()).collect()
    }
}

/// The directives factlint understands, as written after `factlint-`.
const VERBS: [&str; 4] = ["disable-next-line", "disable", "enable", "disable-file"];

/// A comment that looks like a directive but is none, such as `factlint-disable-nextline`.
#[derive(Debug)]
struct Misspelled {
    written: String,
    span: Span,
}

/// Drop suppressed diagnostics and add E006 for unused, unknown or misspelled suppressions (when
/// E006 is on). Each rule of a directive that names several is reported on its own.
pub fn apply(
    text: &str,
    parsed: &ParsedText,
    diagnostics: Vec<Diagnostic>,
    unused_severity: Option<Severity>,
) -> Vec<Diagnostic> {
    // Directives live in comments and in the front matter's `ignore`: without either, the
    // file's lines need not even be indexed.
    if parsed.comments.is_empty() && parsed.metadata.ignore_span.is_none() {
        return diagnostics;
    }
    let lines = &LineIndex::new(text);
    let (mut directives, misspelled) = collect(text, parsed, lines);
    if directives.is_empty() && misspelled.is_empty() {
        return diagnostics;
    }
    let mut kept = Vec::with_capacity(diagnostics.len());
    for diagnostic in diagnostics {
        let line = lines.line_column(text, diagnostic.span.start as usize).line;
        let mut suppressed = false;
        for directive in &mut directives {
            suppressed |= directive.suppress(&diagnostic, line);
        }
        if !suppressed {
            kept.push(diagnostic);
        }
    }
    if let Some(severity) = unused_severity {
        let mut cx = Context::new(&UnusedSuppression::META, severity);
        for directive in &directives {
            if directive.rules.is_empty() {
                if !directive.used {
                    cx.report(directive.span, "suppression of any rule suppresses nothing")
                        .help("remove it");
                }
                continue;
            }
            let all_unused = directive.rules.iter().all(|n| !n.used);
            for named in &directive.rules {
                if lookup(&named.rule).is_none() {
                    let hint = match crate::config::nearest_rule(&named.rule) {
                        Some(name) => format!("did you mean `{name}`?"),
                        None => "run `factlint rules` for the codes and names".to_owned(),
                    };
                    cx.report(
                        named.span,
                        format!(
                            "suppression names `{}`, which is not a factlint rule",
                            named.rule
                        ),
                    )
                    .help(hint);
                } else if !named.used {
                    let help = if all_unused && directive.rules.len() == 1 {
                        "remove it".to_owned()
                    } else if all_unused {
                        "remove it, or the whole comment if no rule in it is needed".to_owned()
                    } else {
                        format!(
                            "remove `{}` from the list `{}`",
                            named.rule,
                            directive.names().join(" ")
                        )
                    };
                    cx.report(
                        named.span,
                        format!("suppression of {} suppresses nothing", named.rule),
                    )
                    .help(help);
                }
            }
        }
        for typo in &misspelled {
            let valid: Vec<String> = VERBS.iter().map(|v| format!("`factlint-{v}`")).collect();
            let (last, others) = valid.split_last().unwrap_or((&valid[0], &[]));
            cx.report(
                typo.span,
                format!(
                    "`{}` is not a suppression directive, so it suppresses nothing; use {} or {last}",
                    typo.written,
                    others.join(", ")
                ),
            )
            .help(match nearest_verb(&typo.written) {
                Some(verb) => format!("did you mean `factlint-{verb}`?"),
                None => "see the suppression section of the README".to_owned(),
            });
        }
        kept.extend(cx.into_diagnostics());
    }
    kept
}

fn collect(
    text: &str,
    parsed: &ParsedText,
    lines: &LineIndex,
) -> (Vec<Directive>, Vec<Misspelled>) {
    let mut directives = Vec::new();
    let mut misspelled = Vec::new();
    if let Some(span) = parsed.metadata.ignore_span {
        for rule in &parsed.metadata.ignore {
            directives.push(Directive {
                rules: vec![Named {
                    rule: rule.clone(),
                    span,
                    used: false,
                }],
                scope: Scope::File,
                span,
                used: false,
            });
        }
    }
    let mut open_ranges: Vec<usize> = Vec::new();
    for comment in &parsed.comments {
        let raw = &text[comment.body.range()];
        let body = raw.trim_start();
        let body_start = comment.body.start as usize + (raw.len() - body.len());
        let Some(rest) = body.strip_prefix("factlint") else {
            continue;
        };
        let word_end = body.find(char::is_whitespace).unwrap_or(body.len());
        let word = &body[..word_end];
        let verb = match rest.as_bytes().first() {
            Some(b'-') => &word["factlint-".len()..],
            // `factlint:disable`, `factlint_ignore`: an attempt at a directive.
            Some(b':' | b'_') => {
                misspelled.push(Misspelled {
                    written: word.to_owned(),
                    span: comment.span,
                });
                continue;
            }
            // `factlint is…`: prose that mentions factlint.
            _ => continue,
        };
        let rules: Vec<Named> = rule_names(&body[word_end..], body_start + word_end)
            .map(|(rule, at)| Named {
                rule: rule.to_owned(),
                span: Span::new(at, at + rule.len()),
                used: false,
            })
            .collect();
        let span = comment.span;
        match verb {
            "disable-next-line" => {
                let comment_line = lines.line_column(text, span.end as usize).line;
                let target = next_non_blank_line(text, lines, comment_line + 1);
                directives.push(Directive {
                    rules,
                    scope: Scope::NextLine(target),
                    span,
                    used: false,
                });
            }
            "disable-file" => {
                directives.push(Directive {
                    rules,
                    scope: Scope::File,
                    span,
                    used: false,
                });
            }
            "disable" => {
                open_ranges.push(directives.len());
                directives.push(Directive {
                    rules,
                    scope: Scope::Range(span.end, u32::MAX),
                    span,
                    used: false,
                });
            }
            "enable" => {
                // Close the most recent disable that names the same rules (or any, for a bare enable).
                let names: Vec<&str> = rules.iter().map(|n| n.rule.as_str()).collect();
                let position = open_ranges
                    .iter()
                    .rposition(|&i| names.is_empty() || directives[i].names() == names);
                if let Some(position) = position {
                    let index = open_ranges.remove(position);
                    if let Scope::Range(start, _) = directives[index].scope {
                        directives[index].scope = Scope::Range(start, span.start);
                    }
                }
            }
            _ => misspelled.push(Misspelled {
                written: word.to_owned(),
                span,
            }),
        }
    }
    (directives, misspelled)
}

/// The rule names in `list` (separated by commas or white space), each with its byte offset in
/// the file, `list` starting at `offset`.
fn rule_names(list: &str, offset: usize) -> impl Iterator<Item = (&str, usize)> {
    list.split([',', ' ', '\t', '\n', '\r'])
        .map(move |piece| {
            let at = piece.as_ptr() as usize - list.as_ptr() as usize;
            (piece, offset + at)
        })
        .filter(|(piece, _)| !piece.is_empty())
}

fn next_non_blank_line(text: &str, lines: &LineIndex, from: u32) -> u32 {
    let mut line = from;
    while let Some(start) = lines.line_start(line as usize) {
        let end = lines.line_start(line as usize + 1).unwrap_or(text.len());
        if !text[start..end].trim().is_empty() {
            return line;
        }
        line += 1;
    }
    from
}
