//! Turning a file's text into prose blocks with exact byte spans. nom lives here and only here.

mod entities;
pub mod front_matter;
mod inline;
mod markdown;
mod plain;
pub mod roles;

pub use front_matter::{FrontMatterBlock, FrontMatterError, FrontMatterSyntax, Metadata};
pub use roles::{Role, RoleSet};

use crate::source::Span;

/// How a file's body is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// CommonMark-style blocks; code, HTML comments and link targets are not prose.
    Markdown,
    /// Paragraphs split on blank lines (and on line breaks when lines are not hard-wrapped).
    Plain,
}

impl Syntax {
    /// The syntax for a file name: Markdown for `.md`, `.markdown`, `.mdx`; plain text otherwise.
    pub fn for_path(path: &str) -> Self {
        let lower = path.to_ascii_lowercase();
        if [".md", ".markdown", ".mdx", ".mkd", ".mdown"]
            .iter()
            .any(|ext| lower.ends_with(ext))
        {
            Syntax::Markdown
        } else {
            Syntax::Plain
        }
    }
}

/// What kind of block a piece of prose came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading (ATX `#` or setext underline); in plain text, never produced.
    Heading,
    /// An ordinary paragraph.
    Paragraph,
    /// One item of a bulleted or numbered list.
    ListItem,
    /// A paragraph inside a `>` block quote.
    BlockQuote,
    /// One row of a table; each cell is a piece.
    TableRow,
}

/// One block of prose: its pieces are the spans of text that are prose, in order. Markup between
/// pieces (line breaks, `>` markers, inline code, link targets) is not part of any piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is, as markup.
    pub kind: BlockKind,
    /// What the block is for the article: its own prose, or a caption, an embedded post, …
    pub role: Role,
    /// The prose spans, in file order, never empty, never overlapping.
    pub pieces: Vec<Span>,
}

impl Block {
    /// Stands for markup cut out of the middle of prose (U+FFFC OBJECT REPLACEMENT CHARACTER).
    pub const ELIDED: char = '\u{fffc}';

    /// A block of `kind` with the role its markup gives it (a heading is a subhead, a list item
    /// a list item, anything else a body paragraph until [`roles::classify`] looks closer).
    pub fn new(kind: BlockKind, pieces: Vec<Span>) -> Self {
        let role = match kind {
            BlockKind::Heading => Role::Subhead,
            BlockKind::ListItem => Role::ListItem,
            BlockKind::Paragraph | BlockKind::BlockQuote | BlockKind::TableRow => Role::Body,
        };
        Self { kind, role, pieces }
    }

    /// From the first byte of the first piece to the last byte of the last piece.
    pub fn span(&self) -> Span {
        match (self.pieces.first(), self.pieces.last()) {
            (Some(first), Some(last)) => Span {
                start: first.start,
                end: last.end,
            },
            _ => Span::default(),
        }
    }

    /// The prose characters with their byte offsets in the file. One character stands for the
    /// markup between two pieces, at the offset where the second piece starts: `' '` where white
    /// space or a line break separates them, and [`Block::ELIDED`] where markup such as inline
    /// code sits right against the prose (`"`code`"`), so words never run together and marks
    /// keep their neighbours.
    pub fn chars<'t>(&'t self, text: &'t str) -> BlockChars<'t> {
        BlockChars {
            text,
            pieces: &self.pieces,
            piece: 0,
            inner: self
                .pieces
                .first()
                .map_or("".char_indices(), |p| text[p.range()].char_indices()),
            base: self.pieces.first().map_or(0, |p| p.start as usize),
        }
    }

    /// Appends the block's prose to `out`: the characters [`Block::chars`] gives, a piece at a
    /// time rather than a character at a time.
    pub fn write_prose(&self, text: &str, out: &mut String) {
        let mut previous: Option<Span> = None;
        for &piece in &self.pieces {
            if let Some(previous) = previous {
                if let Some(c) =
                    gap_joint(&text[previous.end as usize..piece.start as usize]).stand_in()
                {
                    out.push(c);
                }
            }
            out.push_str(&text[piece.range()]);
            previous = Some(piece);
        }
    }

    /// What stands in the prose between piece `index - 1` and piece `index` (the character
    /// [`Block::chars`] gives there); [`Joint::Space`] for the first piece or one past the end.
    pub fn joint_before(&self, text: &str, index: usize) -> Joint {
        match (
            index.checked_sub(1).and_then(|i| self.pieces.get(i)),
            self.pieces.get(index),
        ) {
            (Some(previous), Some(piece)) => text
                .get(previous.end as usize..piece.start as usize)
                .map_or(Joint::Space, gap_joint),
            _ => Joint::Space,
        }
    }

    /// The characters of [`Block::chars`] from the one at byte `offset` on, without reading
    /// those before it; `separator` starts at the stand-in character before the piece that
    /// starts at `offset`.
    pub fn chars_from<'t>(
        &'t self,
        text: &'t str,
        offset: usize,
        separator: bool,
    ) -> BlockChars<'t> {
        let last = self.pieces.len().saturating_sub(1);
        let piece = self
            .pieces
            .partition_point(|p| (p.end as usize) <= offset)
            .min(last);
        if separator && piece > 0 {
            // Positioned at the end of the piece before: the next call yields the stand-in.
            return BlockChars {
                text,
                pieces: &self.pieces,
                piece: piece - 1,
                inner: "".char_indices(),
                base: 0,
            };
        }
        let Some(span) = self.pieces.get(piece) else {
            return self.chars(text);
        };
        let mut from = offset.clamp(span.start as usize, span.end as usize);
        while !text.is_char_boundary(from) {
            from += 1;
        }
        BlockChars {
            text,
            pieces: &self.pieces,
            piece,
            inner: text[from..span.end as usize].char_indices(),
            base: from,
        }
    }
}

/// The characters of a block with their byte offsets; see [`Block::chars`].
#[derive(Debug, Clone)]
pub struct BlockChars<'t> {
    text: &'t str,
    pieces: &'t [Span],
    /// The piece being read.
    piece: usize,
    inner: std::str::CharIndices<'t>,
    /// Where the piece being read starts in the file.
    base: usize,
}

impl Iterator for BlockChars<'_> {
    type Item = (usize, char);

    fn next(&mut self) -> Option<(usize, char)> {
        if let Some((i, c)) = self.inner.next() {
            return Some((self.base + i, c));
        }
        let previous = *self.pieces.get(self.piece)?;
        self.piece += 1;
        let piece = *self.pieces.get(self.piece)?;
        self.base = piece.start as usize;
        self.inner = self.text[piece.range()].char_indices();
        match gap_joint(&self.text[previous.end as usize..piece.start as usize]).stand_in() {
            None => self.next(),
            Some(c) => Some((self.base, c)),
        }
    }
}

/// What stands in the prose for the markup between two pieces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Joint {
    /// Nothing: the gap is what is left where an entity or an escape was decoded.
    None,
    /// A space: the gap broke a line, or had space on either side.
    Space,
    /// [`Block::ELIDED`]: markup inside a word.
    Elided,
}

impl Joint {
    /// The character the prose has for the joint: none, a space, or [`Block::ELIDED`].
    pub fn stand_in(self) -> Option<char> {
        match self {
            Joint::None => None,
            Joint::Space => Some(' '),
            Joint::Elided => Some(Block::ELIDED),
        }
    }
}

fn gap_joint(gap: &str) -> Joint {
    if !gap.is_empty() && gap.bytes().all(|b| b == entities::PAD) {
        return Joint::None;
    }
    let line_break = gap
        .get(..3)
        .is_some_and(|tag| tag.eq_ignore_ascii_case("<br"));
    let spaced = line_break
        || gap.starts_with(char::is_whitespace)
        || gap.ends_with(char::is_whitespace)
        || gap.contains('\n');
    if spaced { Joint::Space } else { Joint::Elided }
}

/// An HTML comment in a Markdown file (where suppression directives live).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// The whole comment, `<!--` to `-->`.
    pub span: Span,
    /// The text between the markers.
    pub body: Span,
}

/// A parsed file: its front matter and its prose.
#[derive(Debug, Clone, Default)]
pub struct ParsedText {
    /// The front matter block, if the file has one.
    pub front_matter: Option<FrontMatterBlock>,
    /// Metadata read from the front matter.
    pub metadata: Metadata,
    /// Prose blocks in file order.
    pub blocks: Vec<Block>,
    /// HTML comments in file order (Markdown only).
    pub comments: Vec<Comment>,
    /// The text to analyse when it differs from the file's: the same length, with HTML entities
    /// and Markdown escapes decoded in place (see `entities`). Spans index both.
    pub analysis: Option<String>,
}

impl ParsedText {
    /// The text extractors and rules read: the analysis text if there is one, else `file_text`.
    pub fn analysis_text<'t>(&'t self, file_text: &'t str) -> &'t str {
        self.analysis.as_deref().unwrap_or(file_text)
    }
}

/// Parse a whole file. Front matter problems are returned with the rest of the parse, so the body
/// is still linted.
pub fn parse(text: &str, syntax: Syntax) -> (ParsedText, Option<FrontMatterError>) {
    let bom = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let mut parsed = ParsedText::default();
    let mut error = None;
    let mut body_start = bom;
    match front_matter::locate(&text[bom..], bom) {
        Ok(Some(block)) => {
            body_start = block.span.end as usize;
            match front_matter::read_metadata(text, &block) {
                Ok(metadata) => parsed.metadata = metadata,
                Err(e) => error = Some(e),
            }
            parsed.front_matter = Some(block);
        }
        Ok(None) => {}
        Err(e) => error = Some(e),
    }
    let title = parsed.front_matter.as_ref().and_then(|block| {
        let title = parsed.metadata.title.as_deref()?;
        front_matter::title_span(text, block, title)
    });
    if let Some(span) = title {
        parsed
            .blocks
            .push(Block::new(BlockKind::Heading, vec![span]));
    }
    match syntax {
        Syntax::Markdown => markdown::parse_blocks(text, body_start, &mut parsed),
        Syntax::Plain => plain::parse_blocks(text, body_start, &mut parsed.blocks),
    }
    parsed.analysis = entities::decode(text, &mut parsed.blocks, syntax == Syntax::Markdown);
    let analysis = parsed.analysis.as_deref().unwrap_or(text);
    let title_block = title.is_some()
        && parsed
            .blocks
            .first()
            .is_some_and(|b| (b.span().end as usize) <= body_start);
    roles::classify(analysis, &mut parsed.blocks, syntax, title_block);
    (parsed, error)
}

/// Each block of a file, one per line, as `--explain-blocks` prints it: the path, the span as
/// `line:column-line:column` and byte offsets, the role, the markup kind, and the prose as read
/// (entities decoded, markup cut; long blocks shortened).
pub fn explain_blocks(path: &str, text: &str) -> String {
    use std::fmt::Write as _;
    let (parsed, _) = parse(text, Syntax::for_path(path));
    let analysis = parsed.analysis_text(text);
    let lines = crate::source::LineIndex::new(text);
    let mut out = String::new();
    for block in &parsed.blocks {
        let span = block.span();
        let start = lines.line_column(text, span.start as usize);
        let end = lines.line_column(text, span.end as usize);
        let prose: String = block.chars(analysis).map(|(_, c)| c).collect();
        let shown: String = prose.chars().take(72).collect();
        let more = if prose.chars().count() > 72 {
            "…"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{path}:{}:{}-{}:{} [{}..{}] {} {:?}: {shown}{more}",
            start.line,
            start.column,
            end.line,
            end.column,
            span.start,
            span.end,
            block.role.as_str(),
            block.kind,
        );
    }
    out
}

/// The lines of `text[from..]` with their start offsets, without their line endings (`\n`,
/// `\r\n`, or a lone `\r` as old Mac and some Windows exports end lines).
pub(crate) fn lines_from(text: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut start = from;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return None;
        }
        let line_start = start;
        match memchr::memchr2(b'\n', b'\r', &bytes[start..]) {
            Some(at) => {
                let end = start + at;
                let ending = if bytes[end] == b'\r' && bytes.get(end + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = end + ending;
                Some((line_start, &text[line_start..end]))
            }
            None => {
                start = text.len();
                Some((line_start, &text[line_start..]))
            }
        }
    })
}

/// Trim whitespace from both ends of `text[span]`, returning `None` if nothing is left.
pub(crate) fn trimmed(text: &str, span: Span) -> Option<Span> {
    let slice = &text[span.range()];
    let start = span.start as usize + (slice.len() - slice.trim_start().len());
    let end = span.start as usize + slice.trim_end().len();
    (start < end).then(|| Span::new(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn prose(text: &str, syntax: Syntax) -> Vec<(BlockKind, Vec<&str>)> {
        let (parsed, error) = parse(text, syntax);
        assert_eq!(error, None);
        parsed
            .blocks
            .iter()
            .map(|b| (b.kind, b.pieces.iter().map(|p| &text[p.range()]).collect()))
            .collect()
    }

    #[test]
    fn written_prose_is_the_characters_of_the_block() {
        let text = "A *bold* claim, `code` and [a link](http://x.example) here\nand a second \
                    line&nbsp;with&quot;entities&quot;.<br>Then in<b>side</b> a word.\n\n\
                    > quoted\n> over two lines\n";
        for syntax in [Syntax::Markdown, Syntax::Plain] {
            let (parsed, _) = parse(text, syntax);
            let analysis = parsed.analysis_text(text);
            for block in &parsed.blocks {
                let mut written = String::new();
                block.write_prose(analysis, &mut written);
                let read: String = block.chars(analysis).map(|(_, c)| c).collect();
                assert_eq!(written, read, "{syntax:?} {block:?}");
            }
        }
    }

    #[test]
    fn bom_and_front_matter_are_skipped() {
        let text = "\u{feff}---\ntitle: x\n---\nHello “world”.\n";
        let blocks = prose(text, Syntax::Markdown);
        assert_eq!(
            blocks,
            vec![
                (BlockKind::Heading, vec!["x"]),
                (BlockKind::Paragraph, vec!["Hello “world”."])
            ]
        );
    }

    #[test]
    fn block_chars_join_pieces_with_a_space() {
        let text = "one\ntwo";
        let (parsed, _) = parse(text, Syntax::Markdown);
        let joined: String = parsed.blocks[0].chars(text).map(|(_, c)| c).collect();
        assert_eq!(joined, "one two");
    }
}
