//! Markdown blocks, line by line: headings, paragraphs, list items, block quotes and table rows
//! are prose; fenced and indented code, HTML blocks, HTML comments and link reference definitions
//! are not.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while, take_while_m_n},
    character::complete::{char, one_of, space0},
    combinator::{eof, recognize},
    sequence::terminated,
};

use super::{Block, BlockKind, Comment, ParsedText, inline, lines_from};
use crate::source::Span;

/// Parse the body of a Markdown file (from byte `from`) into `parsed`.
pub(crate) fn parse_blocks(text: &str, from: usize, parsed: &mut ParsedText) {
    let mut builder = Builder {
        text,
        blocks: &mut parsed.blocks,
        comments: &mut parsed.comments,
        open: None,
        last_closed: None,
    };
    let mut fence: Option<(char, usize)> = None;
    let mut comment_start: Option<usize> = None;
    let mut in_html_block = false;
    // A template tag that runs over several lines waits for this closer; a code-like template
    // block (`{% highlight %}`, `{{< highlight >}}`, `{% comment %}`) for its end tag.
    let mut template_closer: Option<&'static str> = None;
    let mut template_block_end: Option<String> = None;

    for (line_start, line) in lines_from(text, from) {
        let line_end = line_start + line.len();
        if let Some(end) = &template_block_end {
            if compact(line).contains(end.as_str()) {
                template_block_end = None;
            }
            continue;
        }
        if let Some(closer) = template_closer {
            if line.contains(closer) {
                template_closer = None;
            }
            continue;
        }
        if let Some((closer, end)) = template_opening(line.trim_start()) {
            builder.close();
            match end {
                Some(end) => template_block_end = Some(end),
                None => template_closer = Some(closer),
            }
            continue;
        }
        if let Some((fence_char, fence_len)) = fence {
            if closes_fence(line, fence_char, fence_len) {
                fence = None;
            }
            continue;
        }
        if let Some(start) = comment_start {
            if let Some(at) = line.find("-->") {
                let end = line_start + at + 3;
                builder.comments.push(Comment {
                    span: Span::new(start, end),
                    body: Span::new(start + 4, line_start + at),
                });
                comment_start = None;
            }
            continue;
        }
        if line.trim().is_empty() {
            builder.close();
            in_html_block = false;
            continue;
        }
        if in_html_block {
            continue;
        }
        let indent = indentation(line);
        let (stripped_at, stripped) = strip_indent(line, 3);
        let content_start = line_start + stripped_at;
        if indent >= 4 {
            let continues =
                builder.open.is_some() || matches!(builder.last_closed, Some(BlockKind::ListItem));
            if !continues {
                continue; // indented code
            }
            builder.add_line(
                BlockKind::Paragraph,
                Span::new(content_start, line_end),
                true,
            );
            continue;
        }
        if let Some((fence_char, fence_len)) = opens_fence(stripped) {
            builder.close();
            fence = Some((fence_char, fence_len));
            continue;
        }
        if let Some(after_open) = stripped.strip_prefix("<!--") {
            builder.close();
            match after_open.find("-->").map(|at| at + 4) {
                Some(at) if stripped[at + 3..].trim().is_empty() => {
                    builder.comments.push(Comment {
                        span: Span::new(content_start, content_start + at + 3),
                        body: Span::new(content_start + 4, content_start + at),
                    });
                }
                Some(_) => builder.add_line(
                    BlockKind::Paragraph,
                    Span::new(content_start, line_end),
                    false,
                ),
                None => comment_start = Some(content_start),
            }
            continue;
        }
        if let Ok((rest, _)) = atx_marker(stripped) {
            builder.close();
            let content = strip_closing_hashes(rest);
            let start = line_end - rest.len();
            builder.add_line(
                BlockKind::Heading,
                Span::new(start, start + content.len()),
                false,
            );
            builder.close();
            continue;
        }
        if is_setext_underline(stripped)
            && matches!(
                builder.open.as_ref().map(|b| b.kind),
                Some(BlockKind::Paragraph)
            )
        {
            if let Some(block) = builder.open.as_mut() {
                *block = Block::new(BlockKind::Heading, std::mem::take(&mut block.pieces));
            }
            builder.close();
            continue;
        }
        if is_thematic_break(stripped) {
            builder.close();
            continue;
        }
        if stripped.starts_with('>') {
            let (inner_at, inner) = strip_quote_markers(stripped);
            let inner_start = content_start + inner_at;
            if inner.trim().is_empty() {
                builder.close();
            } else {
                builder.add_line(
                    BlockKind::BlockQuote,
                    Span::new(inner_start, line_end),
                    false,
                );
            }
            continue;
        }
        if let Some(rest) = list_marker(stripped)
            .ok()
            .filter(|(rest, marker)| {
                // Only a bullet or `1.` with text after it may interrupt a paragraph.
                let in_paragraph = matches!(
                    builder.open.as_ref().map(|b| b.kind),
                    Some(BlockKind::Paragraph)
                );
                let starts_list = !rest.trim().is_empty()
                    && (marker.len() == 1 || *marker == "1." || *marker == "1)");
                !in_paragraph || starts_list
            })
            .map(|(rest, _)| rest)
        {
            builder.close();
            let start = line_end - rest.len();
            builder.open = Some(Block::new(BlockKind::ListItem, Vec::new()));
            builder.add_line(BlockKind::ListItem, Span::new(start, line_end), true);
            continue;
        }
        if stripped.starts_with('|') {
            builder.close();
            builder.table_row(Span::new(content_start, line_end));
            continue;
        }
        if builder.open.is_none() {
            if starts_html_block(stripped) {
                in_html_block = true;
                continue;
            }
            if is_link_reference_definition(stripped) {
                continue;
            }
        }
        builder.add_line(
            BlockKind::Paragraph,
            Span::new(content_start, line_end),
            true,
        );
    }
    if let Some(start) = comment_start {
        // An HTML comment that never closes runs to the end of the file, as in a browser.
        builder.comments.push(Comment {
            span: Span::new(start, text.len()),
            body: Span::new(start + 4, text.len()),
        });
    }
    builder.close();
}

/// A template tag that opens a line and does not close on it (a multi-line Hugo shortcode with
/// quoted parameters), or one that opens a block of code or comment: its closer, and for a
/// block the end tag to wait for (spaces removed).
fn template_opening(line: &str) -> Option<(&'static str, Option<String>)> {
    let closer = inline::template_closer(line)?;
    let compacted = compact(line);
    for (open, end) in [
        ("{%highlight", "{%endhighlight%}"),
        ("{%comment", "{%endcomment%}"),
        ("{{<highlight", "{{</highlight>}}"),
        ("{{<code", "{{</code>}}"),
        ("{{%highlight", "{{%/highlight%}}"),
    ] {
        if compacted.starts_with(open) && !compacted.contains(end) {
            return Some((closer, Some(end.to_owned())));
        }
    }
    (!line.contains(closer)).then_some((closer, None))
}

/// A line without white space, for matching template tags written with any spacing.
fn compact(line: &str) -> String {
    line.chars().filter(|c| !c.is_whitespace()).collect()
}

struct Builder<'a> {
    text: &'a str,
    blocks: &'a mut Vec<Block>,
    comments: &'a mut Vec<Comment>,
    open: Option<Block>,
    last_closed: Option<BlockKind>,
}

impl Builder<'_> {
    /// Add a line to the open block, or open a block of `kind`. A lazy line continues whatever
    /// block is open (a paragraph line right after a list item or a quote belongs to it).
    fn add_line(&mut self, kind: BlockKind, line: Span, lazy: bool) {
        let continues = match &self.open {
            Some(open) => open.kind == kind || lazy,
            None => false,
        };
        if !continues {
            self.close();
            self.open = Some(Block::new(kind, Vec::new()));
        }
        if let Some(block) = self.open.as_mut() {
            inline::split_line(self.text, line, &mut block.pieces, self.comments);
        }
    }

    fn table_row(&mut self, row: Span) {
        let slice = &self.text[row.range()];
        if slice
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
        {
            return; // the delimiter row
        }
        let mut block = Block::new(BlockKind::TableRow, Vec::new());
        let base = row.start as usize;
        let mut cell_start = 0;
        let bytes = slice.as_bytes();
        let mut i = 0;
        while i <= bytes.len() {
            let at_end = i == bytes.len();
            if at_end || (bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\')) {
                if i > cell_start {
                    inline::split_line(
                        self.text,
                        Span::new(base + cell_start, base + i),
                        &mut block.pieces,
                        self.comments,
                    );
                }
                cell_start = i + 1;
            }
            i += 1;
        }
        if !block.pieces.is_empty() {
            self.blocks.push(block);
        }
        self.last_closed = Some(BlockKind::TableRow);
    }

    fn close(&mut self) {
        if let Some(block) = self.open.take() {
            self.last_closed = Some(block.kind);
            if !block.pieces.is_empty() {
                self.blocks.push(block);
            }
        }
    }
}

/// Columns of leading white space, a tab counting to the next multiple of four.
fn indentation(line: &str) -> usize {
    let mut columns = 0;
    for c in line.chars() {
        match c {
            ' ' => columns += 1,
            '\t' => columns += 4 - columns % 4,
            _ => break,
        }
    }
    columns
}

/// Drop up to `max` leading spaces; returns the byte offset of what is left.
fn strip_indent(line: &str, max: usize) -> (usize, &str) {
    let n = line.bytes().take(max).take_while(|&b| b == b' ').count();
    (n, &line[n..])
}

fn opens_fence(line: &str) -> Option<(char, usize)> {
    let fence_char = line.chars().next().filter(|c| *c == '`' || *c == '~')?;
    let len = line.chars().take_while(|&c| c == fence_char).count();
    let info = &line[len..];
    (len >= 3 && !(fence_char == '`' && info.contains('`'))).then_some((fence_char, len))
}

fn closes_fence(line: &str, fence_char: char, fence_len: usize) -> bool {
    let (_, stripped) = strip_indent(line, 3);
    let len = stripped.chars().take_while(|&c| c == fence_char).count();
    len >= fence_len && stripped[len..].trim().is_empty()
}

/// `#` to `######` followed by a space or the end of the line.
fn atx_marker(line: &str) -> IResult<&str, &str> {
    terminated(
        take_while_m_n(1, 6, |c| c == '#'),
        alt((recognize(one_of(" \t")), eof)),
    )
    .parse(line)
}

fn strip_closing_hashes(content: &str) -> &str {
    let trimmed = content.trim_end();
    let without = trimmed.trim_end_matches('#');
    if without.len() < trimmed.len() && (without.is_empty() || without.ends_with([' ', '\t'])) {
        without.trim_end()
    } else {
        trimmed
    }
}

fn is_setext_underline(line: &str) -> bool {
    let trimmed = line.trim_end();
    !trimmed.is_empty() && (trimmed.chars().all(|c| c == '=') || trimmed.chars().all(|c| c == '-'))
}

fn is_thematic_break(line: &str) -> bool {
    let Some(first) = line.chars().next().filter(|c| matches!(c, '*' | '-' | '_')) else {
        return false;
    };
    let marks = line.chars().filter(|&c| c == first).count();
    marks >= 3 && line.chars().all(|c| c == first || c == ' ' || c == '\t')
}

/// `> `, `>>`, `> > ` … : the offset and text after the markers.
fn strip_quote_markers(line: &str) -> (usize, &str) {
    let mut rest = line;
    while let Ok((after, _)) = quote_marker(rest) {
        rest = after;
    }
    (line.len() - rest.len(), rest)
}

fn quote_marker(input: &str) -> IResult<&str, &str> {
    recognize((
        space0,
        char('>'),
        take_while_m_n(0, 1, |c| c == ' ' || c == '\t'),
    ))
    .parse(input)
}

/// `- `, `* `, `+ `, `1. `, `1) ` (or the marker alone on its line).
fn list_marker(line: &str) -> IResult<&str, &str> {
    terminated(
        alt((
            recognize(one_of("-*+")),
            recognize((
                take_while_m_n(1, 9, |c: char| c.is_ascii_digit()),
                one_of(".)"),
            )),
        )),
        alt((recognize((one_of(" \t"), space0)), eof)),
    )
    .parse(line)
}

fn starts_html_block(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('<') else {
        return false;
    };
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let name: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase();
    const BLOCK_TAGS: &[&str] = &[
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "div",
        "dl",
        "figure",
        "figcaption",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "iframe",
        "nav",
        "ol",
        "p",
        "pre",
        "script",
        "section",
        "style",
        "table",
        "ul",
        "video",
        "audio",
        "img",
        "picture",
        "center",
    ];
    BLOCK_TAGS.contains(&name.as_str()) && rest[name.len()..].starts_with([' ', '>', '/', '\t'])
        || rest.len() == name.len() && BLOCK_TAGS.contains(&name.as_str())
}

fn is_link_reference_definition(line: &str) -> bool {
    let parsed: IResult<&str, &str> =
        recognize((char('['), take_while(|c| c != ']'), tag("]:"))).parse(line);
    parsed.is_ok()
}

#[cfg(test)]
mod tests {
    use crate::parse::tests::prose;
    use crate::parse::{BlockKind::*, Syntax};

    #[test]
    fn blocks_of_a_typical_article() {
        let text = "# Title ##\n\nFirst line\nsecond line.\n\n- item one\n  continued\n* item two\n\n> quoted\n> more\n>\n> again\n\n```\n\"code\n```\n\n    indented code\n\n| a | b |\n|---|---|\n| c | d |\n\nSetext\n======\n\n---\n<div class=\"x\">\n\"html\n</div>\n\n[ref]: https://example.com\n<!--\nmulti\n-->\n1. last";
        assert_eq!(
            prose(text, Syntax::Markdown),
            vec![
                (Heading, vec!["Title"]),
                (Paragraph, vec!["First line", "second line."]),
                (ListItem, vec!["item one", "continued"]),
                (ListItem, vec!["item two"]),
                (BlockQuote, vec!["quoted", "more"]),
                (BlockQuote, vec!["again"]),
                (TableRow, vec!["a", "b"]),
                (TableRow, vec!["c", "d"]),
                (Heading, vec!["Setext"]),
                (ListItem, vec!["last"]),
            ]
        );
    }

    #[test]
    fn crlf_and_tabs_keep_spans_exact() {
        let text = "Para «one»\r\n\tstill one\r\n\r\n## Two\r\n";
        assert_eq!(
            prose(text, Syntax::Markdown),
            vec![
                (Paragraph, vec!["Para «one»", "still one"]),
                (Heading, vec!["Two"])
            ]
        );
    }

    #[test]
    fn comments_are_collected() {
        let text = "<!-- factlint-disable-next-line Q001 -->\nHe said \"x.\n";
        let (parsed, _) = crate::parse::parse(text, Syntax::Markdown);
        assert_eq!(parsed.comments.len(), 1);
        assert_eq!(
            &text[parsed.comments[0].body.range()],
            " factlint-disable-next-line Q001 "
        );
        assert_eq!(parsed.blocks.len(), 1);
    }
}
