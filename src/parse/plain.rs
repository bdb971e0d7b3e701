//! Plain text: paragraphs are separated by blank lines. Inside a group of lines, hard-wrapped text
//! is one paragraph, indented lines start new ones; a file that writes one paragraph per line,
//! as editors' and wire systems' exports do, has one paragraph per line. Which of the two a file
//! does is decided once, from the lengths of all its lines, so hard-wrapped text keeps a
//! quotation together across its lines even where one line runs long.

use super::{Block, BlockKind, lines_from, trimmed};
use crate::source::Span;

/// Longest line, in characters, that still looks hard-wrapped.
const WRAP_WIDTH: usize = 100;

pub(crate) fn parse_blocks(text: &str, from: usize, blocks: &mut Vec<Block>) {
    let mut groups: Vec<Vec<Span>> = vec![Vec::new()];
    for (start, line) in lines_from(text, from) {
        if line.trim().is_empty() {
            if groups.last().is_some_and(|g| !g.is_empty()) {
                groups.push(Vec::new());
            }
        } else if let Some(group) = groups.last_mut() {
            group.push(Span::new(start, start + line.len()));
        }
    }
    let per_line = one_paragraph_per_line(text, &groups);
    for group in &groups {
        flush(text, group, per_line, blocks);
    }
}

/// Whether the file writes one paragraph per line: among the lines that another line follows in
/// their group, long ones are at least half (hard-wrapped text has a long line only now and then,
/// a pasted address or a table row; an export mixes long paragraphs with short headings).
fn one_paragraph_per_line(text: &str, groups: &[Vec<Span>]) -> bool {
    let (mut long, mut wrapped) = (0usize, 0usize);
    for group in groups {
        let Some((_, init)) = group.split_last() else {
            continue;
        };
        for line in init {
            if text[line.range()].chars().count() > WRAP_WIDTH {
                long += 1;
            } else {
                wrapped += 1;
            }
        }
    }
    long > 0 && long >= wrapped
}

fn flush(text: &str, group: &[Span], per_line: bool, blocks: &mut Vec<Block>) {
    let mut open: Vec<Span> = Vec::new();
    for &line in group {
        let starts_paragraph =
            per_line || text[line.range()].starts_with([' ', '\t']) && !open.is_empty();
        if starts_paragraph {
            push(&mut open, blocks);
        }
        if let Some(piece) = trimmed(text, line) {
            open.push(piece);
        }
    }
    push(&mut open, blocks);
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
    fn a_hard_wrapped_file_keeps_a_long_line_in_its_paragraph() {
        let wrapped = "a line of hard-wrapped text well under the width";
        let long = "y".repeat(120);
        let first = [wrapped, &long, wrapped, wrapped, wrapped].join("\n");
        let second = [wrapped; 4].join("\n");
        let text = format!("{first}\n\n{second}");
        assert_eq!(prose(&text, Syntax::Plain).len(), 2);
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
