//! Plain text: paragraphs are separated by blank lines. Inside a group of lines, hard-wrapped text
//! (every line but the last short) is one paragraph, indented lines start new ones; text with long
//! lines has one paragraph per line, as editors' and wire systems' exports do.

use super::{Block, BlockKind, lines_from, trimmed};
use crate::source::Span;

/// Longest line, in characters, that still looks hard-wrapped.
const WRAP_WIDTH: usize = 100;

pub(crate) fn parse_blocks(text: &str, from: usize, blocks: &mut Vec<Block>) {
    let mut group: Vec<Span> = Vec::new();
    for (start, line) in lines_from(text, from) {
        if line.trim().is_empty() {
            flush(text, &mut group, blocks);
        } else {
            group.push(Span::new(start, start + line.len()));
        }
    }
    flush(text, &mut group, blocks);
}

fn flush(text: &str, group: &mut Vec<Span>, blocks: &mut Vec<Block>) {
    let Some((_, init)) = group.split_last() else {
        return;
    };
    let hard_wrapped = init
        .iter()
        .all(|line| text[line.range()].chars().count() <= WRAP_WIDTH);
    let mut open: Vec<Span> = Vec::new();
    for &line in group.iter() {
        let starts_paragraph =
            !hard_wrapped || text[line.range()].starts_with([' ', '\t']) && !open.is_empty();
        if starts_paragraph {
            push(&mut open, blocks);
        }
        if let Some(piece) = trimmed(text, line) {
            open.push(piece);
        }
    }
    push(&mut open, blocks);
    group.clear();
}

fn push(pieces: &mut Vec<Span>, blocks: &mut Vec<Block>) {
    if !pieces.is_empty() {
        blocks.push(Block::new(BlockKind::Paragraph, std::mem::take(pieces)));
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::tests::prose;
    use crate::parse::{BlockKind::Paragraph, Syntax};

    #[test]
    fn blank_lines_split_paragraphs() {
        let text = "Title\n\nOne\r\ntwo\n\n\n  Three  \n";
        assert_eq!(
            prose(text, Syntax::Plain),
            vec![
                (Paragraph, vec!["Title"]),
                (Paragraph, vec!["One", "two"]),
                (Paragraph, vec!["Three"]),
            ]
        );
    }

    #[test]
    fn long_lines_are_paragraphs_of_their_own() {
        let long = "x".repeat(120);
        let text = format!("{long}\nHEADING\n{long}");
        assert_eq!(prose(&text, Syntax::Plain).len(), 3);
    }

    #[test]
    fn indented_lines_start_paragraphs_in_wrapped_text() {
        let text = "  First para\nwraps here.\n  Second para\nwraps too.";
        assert_eq!(
            prose(text, Syntax::Plain),
            vec![
                (Paragraph, vec!["First para", "wraps here."]),
                (Paragraph, vec!["Second para", "wraps too."]),
            ]
        );
    }
}
