//! Front matter: a YAML block fenced by `---` or a TOML block fenced by `+++` at the top of a file.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while},
    character::complete::line_ending,
    combinator::{eof, map, value},
    sequence::terminated,
};
use serde::Deserialize;

use crate::source::Span;

/// The syntax of a front matter block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrontMatterSyntax {
    /// `---` … `---` (or `...`).
    Yaml,
    /// `+++` … `+++`.
    Toml,
}

/// Where the front matter sits in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FrontMatterBlock {
    /// YAML or TOML.
    pub syntax: FrontMatterSyntax,
    /// The whole block, fences included, with the line ending after the closing fence.
    pub span: Span,
    /// The text between the fences.
    pub body: Span,
}

/// What factlint reads from front matter, as Jekyll, Hugo, Eleventy, Astro and Gatsby write it.
/// Other keys are the newsroom's own and are ignored.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// The article's headline (`title`).
    pub title: Option<String>,
    /// The article date: the first of `date`, `published`, `pubDate`, `publishDate` and
    /// `publish_date` that holds a date (`published: false` is Jekyll's draft flag, not a date).
    pub date: Option<jiff::civil::Date>,
    /// When the article was last changed (`lastmod`, `updated`, `updatedDate`, `modified`).
    pub updated: Option<jiff::civil::Date>,
    /// Whether the article is a draft (`draft: true`, or `published: false`).
    pub draft: bool,
    /// Who wrote the article (`byline`, `author` or the first of `authors`).
    pub byline: Option<String>,
    /// Every author named (`author`, `authors`).
    pub authors: Vec<String>,
    /// `categories` and `tags`, as written.
    pub tags: Vec<String>,
    /// The article's language or locale (`lang`, `language`, `locale`: `en-US`, `en_GB`),
    /// which settles the month-day order of numeric dates.
    pub locale: Option<String>,
    /// Rule codes or names listed under `factlint: {ignore: [...]}`, with the span of the list.
    pub ignore: Vec<String>,
    /// Where the `factlint` key stands, for reporting unused ignores.
    pub ignore_span: Option<Span>,
}

/// A front matter block that is not valid, with the position of the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    /// What is wrong, in one sentence.
    pub message: String,
    /// Where it is wrong.
    pub span: Span,
}

/// Find the front matter block at the start of `text` (after any byte order mark, which the caller
/// has already skipped: `offset` says how many bytes precede `text` in the file).
///
/// Returns `Ok(None)` when the file has no front matter, and an error for an opening fence that
/// is never closed.
pub fn locate(text: &str, offset: usize) -> Result<Option<FrontMatterBlock>, FrontMatterError> {
    let Ok((after_open, syntax)) = opening_fence(text) else {
        return Ok(None);
    };
    let body_start = text.len() - after_open.len();
    let mut line_start = body_start;
    for line in text[body_start..].split_inclusive('\n') {
        let line_end = line_start + line.len();
        if is_closing_fence(line, syntax) {
            return Ok(Some(FrontMatterBlock {
                syntax,
                span: Span::new(offset, offset + line_end),
                body: Span::new(offset + body_start, offset + line_start),
            }));
        }
        line_start = line_end;
    }
    let fence_len = 3;
    Err(FrontMatterError {
        message: format!(
            "front matter opened with `{}` is never closed",
            fence(syntax)
        ),
        span: Span::new(offset, offset + fence_len),
    })
}

fn fence(syntax: FrontMatterSyntax) -> &'static str {
    match syntax {
        FrontMatterSyntax::Yaml => "---",
        FrontMatterSyntax::Toml => "+++",
    }
}

/// `---` or `+++` alone on the first line.
fn opening_fence(input: &str) -> IResult<&str, FrontMatterSyntax> {
    terminated(
        alt((
            value(FrontMatterSyntax::Yaml, tag("---")),
            value(FrontMatterSyntax::Toml, tag("+++")),
        )),
        (take_while(|c| c == ' ' || c == '\t'), line_ending),
    )
    .parse(input)
}

fn is_closing_fence(line: &str, syntax: FrontMatterSyntax) -> bool {
    let closing = |input| -> IResult<&str, ()> {
        let fences = match syntax {
            FrontMatterSyntax::Yaml => alt((tag("---"), tag("..."))).parse(input),
            FrontMatterSyntax::Toml => tag("+++").parse(input),
        };
        let (rest, _) = fences?;
        map(
            (
                take_while(|c| c == ' ' || c == '\t'),
                alt((line_ending, eof)),
            ),
            |_| (),
        )
        .parse(rest)
    };
    closing(line).is_ok()
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFactlintKey {
    #[serde(default)]
    ignore: Vec<String>,
}

/// Keys that may hold the article date, in the order they are tried.
const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "pubDate",
    "publishDate",
    "publish_date",
];
/// Keys that may hold the date of the last change.
const UPDATED_KEYS: &[&str] = &[
    "lastmod",
    "updated",
    "updatedDate",
    "modified",
    "last_modified_at",
];

/// Read the metadata out of a located front matter block of `file_text`.
pub fn read_metadata(
    file_text: &str,
    block: &FrontMatterBlock,
) -> Result<Metadata, FrontMatterError> {
    let body = &file_text[block.body.range()];
    let body_offset = block.body.start as usize;
    let tree = match block.syntax {
        FrontMatterSyntax::Yaml => yaml_tree(body, body_offset)?,
        FrontMatterSyntax::Toml => toml_tree(body, body_offset)?,
    };
    let empty = serde_json::Map::new();
    let keys = match &tree {
        serde_json::Value::Object(keys) => keys,
        serde_json::Value::Null => &empty,
        _ => {
            return Err(FrontMatterError {
                message: "front matter must be a table of keys and values".to_owned(),
                span: block.body,
            });
        }
    };
    let key_error = |key: &str, message: String| FrontMatterError {
        message,
        span: key_span(body, body_offset, key).unwrap_or(block.body),
    };
    let factlint = match keys.get("factlint") {
        None => None,
        Some(value) => Some(
            serde_json::from_value::<RawFactlintKey>(value.clone()).map_err(|error| {
                key_error(
                    "factlint",
                    format!("front matter key `factlint` is not valid: {error}"),
                )
            })?,
        ),
    };
    let date = first_date(keys, DATE_KEYS, &key_error)?;
    let updated = first_date(keys, UPDATED_KEYS, &key_error)?;
    let draft = keys.get("draft").and_then(serde_json::Value::as_bool) == Some(true)
        || keys.get("published").and_then(serde_json::Value::as_bool) == Some(false);
    let mut authors = Vec::new();
    for key in ["byline", "author", "authors"] {
        strings(keys.get(key), &mut authors);
    }
    let mut tags = Vec::new();
    for key in ["categories", "category", "tags"] {
        strings(keys.get(key), &mut tags);
    }
    Ok(Metadata {
        title: keys.get("title").filter(|v| !v.is_null()).map(render),
        date,
        updated,
        draft,
        byline: authors.first().cloned(),
        authors,
        tags,
        locale: ["lang", "language", "locale"]
            .iter()
            .find_map(|key| keys.get(*key).and_then(|v| v.as_str()))
            .map(str::to_owned),
        ignore_span: factlint
            .as_ref()
            .map(|_| key_span(body, body_offset, "factlint").unwrap_or(block.body)),
        ignore: factlint.map(|f| f.ignore).unwrap_or_default(),
    })
}

/// The first of `candidates` that holds a date. A boolean (`published: false`), a null or an
/// empty string holds none; anything else that is not a date is an error naming its key.
fn first_date(
    keys: &serde_json::Map<String, serde_json::Value>,
    candidates: &[&str],
    key_error: &dyn Fn(&str, String) -> FrontMatterError,
) -> Result<Option<jiff::civil::Date>, FrontMatterError> {
    for key in candidates {
        let Some(value) = keys.get(*key) else {
            continue;
        };
        match value {
            serde_json::Value::Bool(_) | serde_json::Value::Null => continue,
            serde_json::Value::String(s) if s.trim().is_empty() => continue,
            _ => {}
        }
        return match parse_date(value) {
            Some(date) => Ok(Some(date)),
            None => Err(key_error(
                key,
                format!(
                    "front matter `{key}` is {}, not a date like 2026-11-27",
                    render(value)
                ),
            )),
        };
    }
    Ok(None)
}

/// Names from a string or a list of strings (or of tables with a `name`).
fn strings(value: Option<&serde_json::Value>, into: &mut Vec<String>) {
    match value {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => into.push(s.clone()),
        Some(serde_json::Value::Array(items)) => {
            for item in items {
                match item {
                    serde_json::Value::String(s) => into.push(s.clone()),
                    serde_json::Value::Object(o) => {
                        if let Some(name) = o.get("name").and_then(serde_json::Value::as_str) {
                            into.push(name.to_owned());
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
}

/// The span of the `title` value in the front matter, when it stands on the key's line and reads
/// exactly as `title` (quotes around it dropped), so the headline can be checked with the body.
pub fn title_span(file_text: &str, block: &FrontMatterBlock, title: &str) -> Option<Span> {
    let body = &file_text[block.body.range()];
    let body_offset = block.body.start as usize;
    let key = key_span(body, body_offset, "title")?;
    let line_end = file_text[key.end as usize..]
        .find(['\n', '\r'])
        .map_or(file_text.len(), |at| key.end as usize + at);
    let after_key = &file_text[key.end as usize..line_end];
    let value = after_key.trim_start().strip_prefix([':', '='])?;
    let value_start = line_end - value.len();
    let trimmed = value.trim();
    let lead = value.len() - value.trim_start().len();
    let unquoted = trimmed
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .or_else(|| {
            trimmed
                .strip_prefix('\'')
                .and_then(|t| t.strip_suffix('\''))
        });
    let (start, inner) = match unquoted {
        Some(inner) => (value_start + lead + 1, inner),
        None => (value_start + lead, trimmed),
    };
    (inner == title && !inner.trim().is_empty()).then(|| Span::new(start, start + inner.len()))
}

fn render(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A date from front matter: `2026-11-27`, or the date part of `2026-11-27T09:30:00Z`.
fn parse_date(value: &serde_json::Value) -> Option<jiff::civil::Date> {
    let text = value.as_str()?.trim();
    let date_part = text.get(..10)?;
    let rest = &text[10..];
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    date_part.parse().ok()
}

/// The span of `key` where it starts a line of the front matter body.
fn key_span(body: &str, body_offset: usize, key: &str) -> Option<Span> {
    let mut line_start = 0;
    for line in body.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        // A TOML table header: `[factlint]`.
        if let Some(inner) = trimmed.strip_prefix('[') {
            if inner
                .strip_prefix(key)
                .is_some_and(|rest| rest.trim_end() == "]")
            {
                let start = body_offset + line_start + indent + 1;
                return Some(Span::new(start, start + key.len()));
            }
        }
        if trimmed.starts_with(key)
            && trimmed[key.len()..]
                .trim_start()
                .starts_with([':', '=', '.'])
        {
            let start = body_offset + line_start + indent;
            return Some(Span::new(start, start + key.len()));
        }
        line_start += line.len();
    }
    None
}

fn yaml_tree(body: &str, body_offset: usize) -> Result<serde_json::Value, FrontMatterError> {
    if body.trim().is_empty() {
        return Ok(serde_json::Value::Null);
    }
    serde_saphyr::from_str::<serde_json::Value>(body).map_err(|error| {
        let span = error
            .location()
            .and_then(|location| position_to_offset(body, location.line(), location.column()))
            .map_or(Span::new(body_offset, body_offset), |at| {
                Span::empty(body_offset + at)
            });
        FrontMatterError {
            message: format!(
                "front matter is not valid YAML: {}",
                first_line(&error.to_string())
            ),
            span,
        }
    })
}

fn toml_tree(body: &str, body_offset: usize) -> Result<serde_json::Value, FrontMatterError> {
    let table: toml::Table = toml::from_str(body).map_err(|error| FrontMatterError {
        message: format!(
            "front matter is not valid TOML: {}",
            first_line(error.message())
        ),
        span: error.span().map_or(Span::empty(body_offset), |range| {
            Span::new(body_offset + range.start, body_offset + range.end)
        }),
    })?;
    Ok(toml_to_json(toml::Value::Table(table)))
}

fn toml_to_json(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => J::from(f),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(items) => J::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => J::Object(
            table
                .into_iter()
                .map(|(k, v)| (k, toml_to_json(v)))
                .collect(),
        ),
    }
}

fn first_line(message: &str) -> String {
    message.lines().next().unwrap_or(message).trim().to_owned()
}

/// Byte offset of a 1-based line and column (columns in characters) inside `text`.
fn position_to_offset(text: &str, line: u64, column: u64) -> Option<usize> {
    let mut start = 0;
    for (index, line_text) in text.split_inclusive('\n').enumerate() {
        if index as u64 + 1 == line {
            let column_bytes = line_text
                .char_indices()
                .nth(column.saturating_sub(1) as usize)
                .map_or(line_text.trim_end().len(), |(i, _)| i);
            return Some(start + column_bytes);
        }
        start += line_text.len();
    }
    Some(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Option<Metadata>, FrontMatterError> {
        match locate(text, 0)? {
            None => Ok(None),
            Some(block) => read_metadata(text, &block).map(Some),
        }
    }

    #[test]
    fn yaml_front_matter_gives_date_title_and_ignores() {
        let text =
            "---\ntitle: Porcelain\ndate: 2026-11-27\nfactlint:\n  ignore: [Q001]\n---\nBody\n";
        let block = locate(text, 0).unwrap().unwrap();
        assert_eq!(
            &text[block.span.range()],
            "---\ntitle: Porcelain\ndate: 2026-11-27\nfactlint:\n  ignore: [Q001]\n---\n"
        );
        let meta = read_metadata(text, &block).unwrap();
        assert_eq!(meta.title.as_deref(), Some("Porcelain"));
        assert_eq!(meta.date, Some(jiff::civil::date(2026, 11, 27)));
        assert_eq!(meta.ignore, vec!["Q001".to_owned()]);
        assert_eq!(&text[meta.ignore_span.unwrap().range()], "factlint");
    }

    #[test]
    fn toml_front_matter_reads_native_dates() {
        let text = "+++\r\ntitle = \"A\"\r\npublished = 2026-11-27T08:00:00Z\r\n+++\r\nBody";
        let meta = parse(text).unwrap().unwrap();
        assert_eq!(meta.date, Some(jiff::civil::date(2026, 11, 27)));
    }

    #[test]
    fn no_front_matter() {
        assert_eq!(parse("Title\n---\n").unwrap(), None);
        assert_eq!(parse("----\nx\n----\n").unwrap(), None);
    }

    #[test]
    fn errors_point_into_the_block() {
        let text = "---\ntitle: [unclosed\n---\n";
        let error = parse(text).unwrap_err();
        assert!(error.message.contains("YAML"), "{}", error.message);
        assert!(error.span.start >= 4 && (error.span.start as usize) <= text.len());

        let text = "---\ntitle: x\n";
        assert!(parse(text).unwrap_err().message.contains("never closed"));

        let text = "---\ndate: next tuesday\n---\n";
        let error = parse(text).unwrap_err();
        assert_eq!(&text[error.span.range()], "date");

        let text = "+++\ntitle = \n+++\n";
        assert!(parse(text).unwrap_err().message.contains("TOML"));

        let text = "---\nfactlint:\n  ignor: [Q001]\n---\n";
        let error = parse(text).unwrap_err();
        assert_eq!(&text[error.span.range()], "factlint");
    }

    #[test]
    fn site_generator_keys() {
        // Jekyll: `published: false` is the draft flag, never a second date.
        let meta =
            parse("---\ndate: 2021-06-22 10:00:00 +0800\npublished: false\nlayout: post\n---\n")
                .unwrap()
                .unwrap();
        assert_eq!(meta.date, Some(jiff::civil::date(2021, 6, 22)));
        assert!(meta.draft);
        // Only `published`, as a date-time.
        let meta = parse("---\npublished: 2021-06-22T08:00:00Z\n---\n")
            .unwrap()
            .unwrap();
        assert_eq!(meta.date, Some(jiff::civil::date(2021, 6, 22)));
        // Hugo TOML with an offset date-time, lastmod, authors and tags; unknown keys ignored.
        let text = "+++\ntitle = \"A\"\ndate = 2021-06-22T10:00:00+08:00\nlastmod = 2021-07-01\n\
                    draft = true\nauthors = [\"Jane Roe\", \"Jo Bloggs\"]\ntags = [\"city\"]\n\
                    weight = 3\n[params]\nhero = \"x.png\"\n+++\n";
        let meta = parse(text).unwrap().unwrap();
        assert_eq!(meta.date, Some(jiff::civil::date(2021, 6, 22)));
        assert_eq!(meta.updated, Some(jiff::civil::date(2021, 7, 1)));
        assert!(meta.draft);
        assert_eq!(
            meta.authors,
            vec!["Jane Roe".to_owned(), "Jo Bloggs".to_owned()]
        );
        assert_eq!(meta.byline.as_deref(), Some("Jane Roe"));
        assert_eq!(meta.tags, vec!["city".to_owned()]);
        // Astro: `pubDate` and `updatedDate`.
        let meta = parse("---\npubDate: 2023-01-05\nupdatedDate: 2023-02-01\nheroImage: x\n---\n")
            .unwrap()
            .unwrap();
        assert_eq!(meta.date, Some(jiff::civil::date(2023, 1, 5)));
        assert_eq!(meta.updated, Some(jiff::civil::date(2023, 2, 1)));
        // A bad value names its own key, on its own line.
        let text = "---\ntitle: x\npublished: someday\n---\n";
        let error = parse(text).unwrap_err();
        assert_eq!(&text[error.span.range()], "published");
        assert!(error.message.contains("`published`"), "{}", error.message);
    }

    #[test]
    fn toml_factlint_table_is_read_with_its_span() {
        let text = "+++\ntitle = \"A\"\n[factlint]\nignore = [\"Q001\"]\n+++\nBody\n";
        let meta = parse(text).unwrap().unwrap();
        assert_eq!(meta.ignore, vec!["Q001".to_owned()]);
        assert_eq!(&text[meta.ignore_span.unwrap().range()], "factlint");
        let text = "+++\nfactlint.ignore = [\"N001\"]\n+++\n";
        assert_eq!(
            parse(text).unwrap().unwrap().ignore,
            vec!["N001".to_owned()]
        );
    }

    #[test]
    fn title_spans_point_at_the_value() {
        for text in [
            "---\ntitle: \"Bridge opens\"\n---\n",
            "---\ntitle: Bridge opens\n---\n",
            "+++\ntitle = 'Bridge opens'\n+++\n",
        ] {
            let block = locate(text, 0).unwrap().unwrap();
            let meta = read_metadata(text, &block).unwrap();
            let span = title_span(text, &block, meta.title.as_deref().unwrap()).unwrap();
            assert_eq!(&text[span.range()], "Bridge opens");
        }
        // Folded over two lines: not one span, so not checked.
        let text = "---\ntitle: Bridge\n  opens\n---\n";
        let block = locate(text, 0).unwrap().unwrap();
        let meta = read_metadata(text, &block).unwrap();
        assert_eq!(
            title_span(text, &block, meta.title.as_deref().unwrap()),
            None
        );
    }
}
