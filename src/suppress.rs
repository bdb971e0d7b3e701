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

#[derive(Debug)]
struct Directive {
    /// The rules named (codes or names); empty means every rule.
    rules: Vec<String>,
    scope: Scope,
    /// Where to point when it is unused.
    span: Span,
    used: bool,
}

impl Directive {
    fn covers(&self, diagnostic: &Diagnostic, line: u32) -> bool {
        let named = self.rules.is_empty()
            || self
                .rules
                .iter()
                .any(|r| r.eq_ignore_ascii_case(diagnostic.code) || r == diagnostic.name);
        named
            && match self.scope {
                Scope::NextLine(target) => line == target,
                Scope::Range(start, end) => (start..end).contains(&diagnostic.span.start),
                Scope::File => true,
            }
    }
}

/// Drop suppressed diagnostics and add E006 for unused or unknown suppressions (when E006 is on).
pub fn apply(
    text: &str,
    parsed: &ParsedText,
    lines: &LineIndex,
    diagnostics: Vec<Diagnostic>,
    unused_severity: Option<Severity>,
) -> Vec<Diagnostic> {
    let mut directives = collect(text, parsed, lines);
    if directives.is_empty() {
        return diagnostics;
    }
    let mut kept = Vec::with_capacity(diagnostics.len());
    for diagnostic in diagnostics {
        let line = lines.line_column(text, diagnostic.span.start as usize).line;
        let mut suppressed = false;
        for directive in directives
            .iter_mut()
            .filter(|d| d.covers(&diagnostic, line))
        {
            directive.used = true;
            suppressed = true;
        }
        if !suppressed {
            kept.push(diagnostic);
        }
    }
    if let Some(severity) = unused_severity {
        let mut cx = Context::new(&UnusedSuppression::META, severity);
        for directive in &directives {
            if let Some(unknown) = directive.rules.iter().find(|r| lookup(r).is_none()) {
                cx.report(
                    directive.span,
                    format!("suppression names `{unknown}`, which is not a factlint rule"),
                )
                .help("run `factlint rules` for the codes and names");
            } else if !directive.used {
                let what = if directive.rules.is_empty() {
                    "any rule".to_owned()
                } else {
                    directive.rules.join(", ")
                };
                cx.report(
                    directive.span,
                    format!("suppression of {what} suppresses nothing"),
                )
                .help("remove it");
            }
        }
        kept.extend(cx.into_diagnostics());
    }
    kept
}

fn collect(text: &str, parsed: &ParsedText, lines: &LineIndex) -> Vec<Directive> {
    let mut directives = Vec::new();
    if let Some(span) = parsed.metadata.ignore_span {
        for rule in &parsed.metadata.ignore {
            directives.push(Directive {
                rules: vec![rule.clone()],
                scope: Scope::File,
                span,
                used: false,
            });
        }
    }
    let mut open_ranges: Vec<usize> = Vec::new();
    for comment in &parsed.comments {
        let body = text[comment.body.range()].trim();
        let Some(rest) = body.strip_prefix("factlint-") else {
            continue;
        };
        let (verb, names) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let rules: Vec<String> = names
            .split([',', ' ', '\t', '\n'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
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
                let position = open_ranges
                    .iter()
                    .rposition(|&i| rules.is_empty() || directives[i].rules == rules);
                if let Some(position) = position {
                    let index = open_ranges.remove(position);
                    if let Scope::Range(start, _) = directives[index].scope {
                        directives[index].scope = Scope::Range(start, span.start);
                    }
                }
            }
            _ => {}
        }
    }
    directives
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
