//! Inline Markdown: which parts of a line are prose. Code spans, link and image targets, autolinks,
//! HTML tags and HTML comments are cut out; the rest stays, byte for byte.

use nom::{
    IResult, Parser,
    bytes::complete::{tag, take_while, take_while1},
    character::complete::satisfy,
    combinator::recognize,
    sequence::{delimited, preceded},
};

use super::Comment;
use crate::source::Span;

/// Split `text[line]` into prose pieces (pushed to `pieces`) and HTML comments.
pub(crate) fn split_line(
    text: &str,
    line: Span,
    pieces: &mut Vec<Span>,
    comments: &mut Vec<Comment>,
) {
    let base = line.start as usize;
    let slice = &text[line.range()];
    let bytes = slice.as_bytes();
    let mut look = Lookahead::new(slice);
    let mut prose_start = 0;
    let mut i = 0;
    let cut = |from: usize, to: usize, prose_start: &mut usize, pieces: &mut Vec<Span>| {
        if from > *prose_start {
            push_trimmed(text, Span::new(base + *prose_start, base + from), pieces);
        }
        *prose_start = to;
    };
    while i < bytes.len() {
        let rest = &slice[i..];
        let skip = match bytes[i] {
            b'`' => look.code_span(i),
            b'<' if rest.starts_with("<!--") => look.comment_end(i).map(|end| {
                let body_start = base + i + 4;
                comments.push(Comment {
                    span: Span::new(base + i, base + end),
                    body: Span::new(body_start, base + end - 3),
                });
                end - i
            }),
            b'<' => not_prose_element(rest).or_else(|| {
                autolink_or_tag(rest)
                    .ok()
                    .map(|(after, _)| rest.len() - after.len())
            }),
            b'!' if rest.starts_with("![") => look.image(i),
            b'{' => template_tag(rest),
            b'[' => wordpress_shortcode(rest).or_else(|| footnote_reference(rest)),
            b']' => look.link_target(i),
            b'\\' => {
                i += 1 + rest[1..].chars().next().map_or(0, char::len_utf8);
                continue;
            }
            _ => None,
        };
        match skip {
            Some(len) if len > 0 => {
                // Keep the `]` of a link: it is punctuation, and dropping it would join words.
                let from = if bytes[i] == b']' { i + 1 } else { i };
                cut(from, i + len, &mut prose_start, pieces);
                i += len;
            }
            _ => i += rest.chars().next().map_or(1, char::len_utf8),
        }
    }
    if prose_start < bytes.len() {
        push_trimmed(
            text,
            Span::new(base + prose_start, base + bytes.len()),
            pieces,
        );
    }
}

/// Hugo shortcodes `{{< … >}}` and `{{% … %}}`, Liquid tags `{% … %}` and outputs `{{ … }}`
/// closed on the same line: the whole tag, parameters and all.
pub(crate) fn template_tag(rest: &str) -> Option<usize> {
    let close = template_closer(rest)?;
    rest.find(close).map(|at| at + close.len())
}

/// The closer a template tag at the start of `rest` needs.
pub(crate) fn template_closer(rest: &str) -> Option<&'static str> {
    if rest.starts_with("{{<") {
        Some(">}}")
    } else if rest.starts_with("{{%") {
        Some("%}}")
    } else if rest.starts_with("{%") {
        Some("%}")
    } else if rest.starts_with("{{") {
        Some("}}")
    } else {
        None
    }
}

/// WordPress shortcodes: `[caption id="…" width="300"]`, `[/caption]`, `[gallery ids="1,2"]`.
fn wordpress_shortcode(rest: &str) -> Option<usize> {
    const NAMES: &[&str] = &[
        "caption",
        "wp_caption",
        "gallery",
        "embed",
        "video",
        "audio",
        "playlist",
        "youtube",
        "tweet",
        "instagram",
        "iframe",
        "contact-form",
        "pullquote",
        "blockquote",
    ];
    let inner = rest[1..].strip_prefix('/').unwrap_or(&rest[1..]);
    let name: &str = NAMES
        .iter()
        .find(|name| inner.starts_with(**name) && inner[name.len()..].starts_with([']', ' ']))?;
    let end = rest.find(']')?;
    let attributes = &inner[name.len()..];
    (end < rest.len() && !attributes[..attributes.find(']')?].contains('[')).then_some(end + 1)
}

/// A footnote reference: `[^1]`, `[^note]`.
fn footnote_reference(rest: &str) -> Option<usize> {
    let label = rest.strip_prefix("[^")?;
    let end = label.find(']')?;
    (end > 0 && !label[..end].contains([' ', '['])).then_some(end + 3)
}

/// Elements whose content is not prose either: `<sup>2</sup>` footnote markers, inline
/// `<script>`, `<style>` and `<iframe>` … up to their closing tag on the line.
fn not_prose_element(rest: &str) -> Option<usize> {
    let lower: String = rest
        .chars()
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    let name = ["sup", "script", "style", "iframe"]
        .into_iter()
        .find(|name| {
            lower[1..].starts_with(name) && lower[1 + name.len()..].starts_with([' ', '>', '\t'])
        })?;
    let closing = format!("</{name}>");
    let at = rest.to_ascii_lowercase().find(&closing)?;
    Some(at + closing.len())
}

fn push_trimmed(text: &str, span: Span, pieces: &mut Vec<Span>) {
    if let Some(span) = super::trimmed(text, span) {
        pieces.push(span);
    }
}

/// What the inline scan of one line looks ahead for, each found once per line (and only when
/// first needed), so that a line of ten thousand `![`, `](`, `<!--` or backtick runs is read in
/// linear time rather than once per mark.
struct Lookahead<'a> {
    line: &'a str,
    /// The next `](` at or after some offset, as last found (`Some(None)`: there is none).
    next_link_close: Option<Option<usize>>,
    /// The next `-->` at or after some offset, as last found.
    next_comment_close: Option<Option<usize>>,
    /// Every `(` that is closed on the line, with its `)`, by position.
    parens: Option<Vec<(usize, usize)>>,
    /// Positions of `"` and `\'` on the line.
    quotes: Option<Vec<usize>>,
    /// Start of every maximal run of backticks, by run length.
    backtick_runs: Option<std::collections::HashMap<usize, Vec<usize>>>,
}

impl<'a> Lookahead<'a> {
    fn new(line: &'a str) -> Self {
        Self {
            line,
            next_link_close: None,
            next_comment_close: None,
            parens: None,
            quotes: None,
            backtick_runs: None,
        }
    }

    /// The first `needle` at or after `from`, remembered in `cache` while callers move forward.
    fn next(
        line: &str,
        cache: &mut Option<Option<usize>>,
        needle: &str,
        from: usize,
    ) -> Option<usize> {
        match *cache {
            Some(None) => return None,
            Some(Some(at)) if at >= from => return Some(at),
            _ => {}
        }
        let found = line
            .get(from..)
            .and_then(|rest| rest.find(needle))
            .map(|at| from + at);
        *cache = Some(found);
        found
    }

    /// The end (exclusive) of the HTML comment whose `<!--` is at `at`.
    fn comment_end(&mut self, at: usize) -> Option<usize> {
        Self::next(self.line, &mut self.next_comment_close, "-->", at + 4).map(|close| close + 3)
    }

    /// `![alt](target)`: an image is not prose at all. Its length from `at`.
    fn image(&mut self, at: usize) -> Option<usize> {
        let close = Self::next(self.line, &mut self.next_link_close, "](", at)?;
        self.link_target(close).map(|len| close - at + len)
    }

    /// A code span from the backticks at `at`: closed by the next run of the same length on the
    /// line. Its length from `at`.
    fn code_span(&mut self, at: usize) -> Option<usize> {
        let bytes = self.line.as_bytes();
        let run = bytes[at..].iter().take_while(|&&b| b == b'`').count();
        let runs = self.backtick_runs.get_or_insert_with(|| {
            let mut runs: std::collections::HashMap<usize, Vec<usize>> = Default::default();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b'`' {
                    let len = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                    runs.entry(len).or_default().push(i);
                    i += len;
                } else {
                    i += 1;
                }
            }
            runs
        });
        let starts = runs.get(&run)?;
        let next = starts.partition_point(|&start| start < at + run);
        starts.get(next).map(|&start| start + run - at)
    }

    /// The `)` that closes the `(` at `open`, when the line closes it.
    fn closing_paren(&mut self, open: usize) -> Option<usize> {
        let parens = self.parens.get_or_insert_with(|| {
            let mut pairs = Vec::new();
            let mut stack = Vec::new();
            for (i, b) in self.line.bytes().enumerate() {
                match b {
                    b'(' => stack.push(i),
                    b')' => {
                        if let Some(open) = stack.pop() {
                            pairs.push((open, i));
                        }
                    }
                    _ => {}
                }
            }
            pairs.sort_unstable();
            pairs
        });
        parens
            .binary_search_by_key(&open, |&(o, _)| o)
            .ok()
            .map(|found| parens[found].1)
    }

    /// Whether `line[from..to]` holds a `"` or `\'`.
    fn has_quote(&mut self, from: usize, to: usize) -> bool {
        let quotes = self.quotes.get_or_insert_with(|| {
            self.line
                .bytes()
                .enumerate()
                .filter(|&(_, b)| matches!(b, b'"' | b'\''))
                .map(|(i, _)| i)
                .collect()
        });
        let first = quotes.partition_point(|&q| q < from);
        quotes.get(first).is_some_and(|&q| q < to)
    }

    /// `](target)` or `][label]` after link text at `at` (the `]`): the length of what follows
    /// the link text, the `]` included.
    fn link_target(&mut self, at: usize) -> Option<usize> {
        let line = self.line;
        let bytes = line.as_bytes();
        match bytes.get(at + 1) {
            Some(b'(') => {
                let close = self.closing_paren(at + 1)?;
                let destination = at + 2;
                // Only what sits directly inside the outer parentheses can end the destination:
                // nested pairs are stepped over whole.
                let mut i = destination;
                let mut blank_run: Option<(usize, usize)> = None;
                while i < close {
                    match bytes[i] {
                        b'(' => {
                            i = self.closing_paren(i).map_or(close, |end| end + 1);
                            continue;
                        }
                        // A space ends the destination; only a title in quotes may follow.
                        b' ' if i > destination && !self.has_quote(destination, i) => {
                            let after_blanks = match blank_run {
                                Some((from, to)) if from <= i && i < to => to,
                                _ => {
                                    let blanks: usize = line[i..]
                                        .chars()
                                        .take_while(|c| c.is_whitespace())
                                        .map(char::len_utf8)
                                        .sum();
                                    blank_run = Some((i, i + blanks));
                                    i + blanks
                                }
                            };
                            if !line[after_blanks..].starts_with(['"', '\'', '(']) {
                                return None;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                Some(close + 1 - at)
            }
            Some(b'[') => {
                let rest = &line[at..];
                let (after, _) = reference_label(&rest[1..]).ok()?;
                Some(rest.len() - after.len())
            }
            _ => None,
        }
    }
}

/// `<https://…>`, `<someone@example.com>`, or an HTML tag such as `<br>` or `</span>`.
fn autolink_or_tag(input: &str) -> IResult<&str, &str> {
    recognize((
        tag("<"),
        preceded(
            take_while(|c| c == '/'),
            satisfy(|c: char| c.is_ascii_alphabetic()),
        ),
        take_while(|c: char| c != '>' && c != '<' && c != '\n'),
        tag(">"),
    ))
    .parse(input)
    .and_then(|(after, all)| {
        // `<` followed by a letter and text with spaces and no `=` or `:` is more likely prose
        // ("a <b and c> d") than a tag; require a tag-like or link-like shape.
        let inner = &all[1..all.len() - 1];
        let tag_name_len = inner
            .trim_start_matches('/')
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
            .count()
            + (inner.len() - inner.trim_start_matches('/').len());
        let after_name = &inner[tag_name_len..];
        let looks_like_tag = after_name.is_empty()
            || after_name.starts_with([' ', '/'])
                && (after_name.contains('=') || after_name.trim() == "/");
        let looks_like_link = !inner.contains(' ') && (inner.contains(':') || inner.contains('@'));
        if looks_like_tag || looks_like_link {
            Ok((after, all))
        } else {
            Err(nom::Err::Error(nom::error::Error::new(
                input,
                nom::error::ErrorKind::Verify,
            )))
        }
    })
}

fn reference_label(input: &str) -> IResult<&str, &str> {
    delimited(
        tag("["),
        take_while1(|c: char| c != ']' && c != '['),
        tag("]"),
    )
    .parse(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prose(line: &str) -> (Vec<&str>, Vec<&str>) {
        let mut pieces = Vec::new();
        let mut comments = Vec::new();
        split_line(line, Span::new(0, line.len()), &mut pieces, &mut comments);
        (
            pieces.iter().map(|p| &line[p.range()]).collect(),
            comments.iter().map(|c| &line[c.body.range()]).collect(),
        )
    }

    #[test]
    fn code_links_and_comments_are_not_prose() {
        assert_eq!(prose("Run `a \"b` now").0, vec!["Run", "now"]);
        assert_eq!(
            prose("See [the “report”](https://x.org/a_(b)) today").0,
            vec!["See [the “report”]", "today"]
        );
        assert_eq!(prose("A ![pic](p.png) B").0, vec!["A", "B"]);
        assert_eq!(prose("x [ref][1] y").0, vec!["x [ref]", "y"]);
        let (pieces, comments) = prose("a <!-- factlint-disable Q001 --> b");
        assert_eq!(pieces, vec!["a", "b"]);
        assert_eq!(comments, vec![" factlint-disable Q001 "]);
        assert_eq!(
            prose("mail <a@b.org> or <br/> <span class=\"x\">y</span>").0,
            vec!["mail", "or", "y"]
        );
        assert_eq!(prose("1 <b and c> 2").0, vec!["1 <b and c> 2"]);
        assert_eq!(
            prose("unclosed `tick and ] bracket").0,
            vec!["unclosed `tick and ] bracket"]
        );
        assert_eq!(prose("escaped \\` tick `code`").0, vec!["escaped \\` tick"]);
    }

    #[test]
    fn templates_shortcodes_and_footnote_markers_are_not_prose() {
        assert_eq!(
            prose("See {{< figure src=\"a.png\" caption=\"A “quote\" >}} and {{% note %}}x").0,
            vec!["See", "and", "x"]
        );
        assert_eq!(
            prose("Hi {{ page.title }} and {% include box.html title=\"“x\" %} end").0,
            vec!["Hi", "and", "end"]
        );
        assert_eq!(
            prose("[caption id=\"a1\" width=\"300\"]The bridge at dawn[/caption]").0,
            vec!["The bridge at dawn"]
        );
        assert_eq!(
            prose("Cases fell.<sup>2</sup> Also[^1] and <script>var q = \"x;</script> done").0,
            vec!["Cases fell.", "Also", "and", "done"]
        );
        assert_eq!(
            prose("[captioned] and [^ not] and { x }").0,
            vec!["[captioned] and [^ not] and { x }"]
        );
    }
}
