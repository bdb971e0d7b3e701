//! HTML entities (`&quot;`, `&#39;`, `&rsquo;`, `&nbsp;` …) and Markdown backslash escapes
//! (`2\.`), decoded for analysis while every span still points at the file's bytes.
//!
//! The decoding never moves a byte: the analysis text has the file's length, and each entity is
//! rewritten in place as its character followed by [`PAD`] bytes up to the entity's length
//! (`&quot;` becomes `"` and five pads; the `\` of an escape becomes one pad). The prose piece
//! holding the entity is split around the pads, and [`super::Block::chars`] joins pieces across a
//! gap of pads with no character, so extractors read `"word"` where the file says
//! `&quot;word&quot;`, and a finding on that quote mark points at the `&` of its entity. Lines,
//! columns and offsets are the file's, because only ASCII inside an entity ever changes.

use super::Block;
use crate::source::Span;

/// The byte that fills the rest of a decoded entity in the analysis text (ASCII unit
/// separator: never prose, never white space, one byte of UTF-8).
pub(crate) const PAD: u8 = 0x1f;

/// One decoding: `span` of the file is read as `decoded` (then pads).
struct Replacement {
    span: Span,
    decoded: char,
    /// An escape's backslash or a soft hyphen decodes to nothing.
    empty: bool,
}

/// Decode entities (and, in Markdown, backslash escapes) inside the prose pieces of `blocks`,
/// splitting pieces around them. Returns the analysis text when anything was decoded.
pub(crate) fn decode(text: &str, blocks: &mut Vec<Block>, escapes: bool) -> Option<String> {
    let mut replacements: Vec<Replacement> = Vec::new();
    for block in blocks.iter_mut() {
        let mut pieces = Vec::with_capacity(block.pieces.len());
        for &piece in &block.pieces {
            let before = replacements.len();
            find_in(text, piece, escapes, &mut replacements);
            let mut start = piece.start as usize;
            for r in &replacements[before..] {
                let keep_to = if r.empty {
                    r.span.start as usize
                } else {
                    r.span.start as usize + r.decoded.len_utf8()
                };
                if keep_to > start {
                    pieces.push(Span::new(start, keep_to));
                }
                start = r.span.end as usize;
            }
            if (piece.end as usize) > start {
                pieces.push(Span::new(start, piece.end as usize));
            }
        }
        block.pieces = pieces;
    }
    blocks.retain(|b| !b.pieces.is_empty());
    if replacements.is_empty() {
        return None;
    }
    let mut bytes = text.as_bytes().to_vec();
    for r in &replacements {
        let range = r.span.range();
        bytes[range.clone()].fill(PAD);
        if !r.empty {
            let mut buffer = [0u8; 4];
            let encoded = r.decoded.encode_utf8(&mut buffer).as_bytes();
            bytes[range.start..range.start + encoded.len()].copy_from_slice(encoded);
        }
    }
    // Only whole ASCII runs were rewritten, with whole characters: the result is UTF-8.
    String::from_utf8(bytes).ok()
}

fn find_in(text: &str, piece: Span, escapes: bool, out: &mut Vec<Replacement>) {
    let base = piece.start as usize;
    let slice = &text[piece.range()];
    let bytes = slice.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Jump to the next byte that can start an entity or an escape.
        let next = if escapes {
            memchr::memchr2(b'&', b'\\', &bytes[i..])
        } else {
            memchr::memchr(b'&', &bytes[i..])
        };
        let Some(skip) = next else {
            return;
        };
        i += skip;
        match bytes[i] {
            b'&' => {
                if let Some((len, decoded)) = entity(&slice[i..]) {
                    out.push(Replacement {
                        span: Span::new(base + i, base + i + len),
                        empty: decoded == '\u{ad}',
                        decoded,
                    });
                    i += len;
                    continue;
                }
            }
            b'\\' if escapes && bytes.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                out.push(Replacement {
                    span: Span::new(base + i, base + i + 1),
                    decoded: '\\',
                    empty: true,
                });
                i += 2;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
}

/// An entity at the start of `rest`: its length and its character. Only entities whose
/// character fits in their own bytes (all of them do) and that a news page uses.
fn entity(rest: &str) -> Option<(usize, char)> {
    let end = rest.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let name = &rest[1..end];
    let decoded = if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        char::from_u32(code).filter(|c| !c.is_control() || *c == '\u{ad}')?
    } else {
        named(name)?
    };
    (decoded.len_utf8() <= end + 1).then_some((end + 1, decoded))
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "quot" => '"',
        "amp" => '&',
        "apos" => '\'',
        "lt" => '<',
        "gt" => '>',
        "nbsp" => '\u{a0}',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "sbquo" => '‚',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "prime" => '′',
        "Prime" => '″',
        "mdash" => '—',
        "ndash" => '–',
        "minus" => '−',
        "hellip" => '…',
        "shy" => '\u{ad}',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "pound" => '£',
        "euro" => '€',
        "cent" => '¢',
        "yen" => '¥',
        "times" => '×',
        "divide" => '÷',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "middot" => '·',
        "bull" => '•',
        "sect" => '§',
        "para" => '¶',
        "aacute" => 'á',
        "eacute" => 'é',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "agrave" => 'à',
        "egrave" => 'è',
        "ograve" => 'ò',
        "acirc" => 'â',
        "ecirc" => 'ê',
        "ocirc" => 'ô',
        "auml" => 'ä',
        "euml" => 'ë',
        "iuml" => 'ï',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "Eacute" => 'É',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "szlig" => 'ß',
        "oslash" => 'ø',
        "aring" => 'å',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::parse::{Syntax, parse};

    fn analysed(text: &str, syntax: Syntax) -> (String, Vec<String>) {
        let (mut parsed, _) = parse(text, syntax);
        let analysis = parsed.analysis.take().unwrap_or_else(|| text.to_owned());
        let blocks = parsed
            .blocks
            .iter()
            .map(|b| b.chars(&analysis).map(|(_, c)| c).collect())
            .collect();
        (analysis, blocks)
    }

    #[test]
    fn entities_read_as_their_characters_at_the_same_offsets() {
        let text = "He said &quot;don&rsquo;t&#34; &amp; left&#8230;\n";
        let (analysis, blocks) = analysed(text, Syntax::Markdown);
        assert_eq!(analysis.len(), text.len());
        assert_eq!(blocks, vec!["He said \"don’t\" & left…".to_owned()]);
        let (parsed, _) = parse(text, Syntax::Markdown);
        let offsets: Vec<usize> = parsed.blocks[0]
            .chars(&analysis)
            .filter(|(_, c)| *c == '"')
            .map(|(at, _)| at)
            .collect();
        assert_eq!(
            offsets,
            vec![text.find("&quot;").unwrap(), text.find("&#34;").unwrap()]
        );
    }

    #[test]
    fn plain_text_decodes_entities_but_keeps_backslashes() {
        let (_, blocks) = analysed("It&#39;s 2\\. here &bogus; &#0; &\n", Syntax::Plain);
        assert_eq!(blocks, vec!["It's 2\\. here &bogus; &#0; &".to_owned()]);
    }

    #[test]
    fn markdown_escapes_drop_their_backslash() {
        let (_, blocks) = analysed("Item 2\\. is \\*real\\* \\\\ here\n", Syntax::Markdown);
        assert_eq!(blocks, vec!["Item 2. is *real* \\ here".to_owned()]);
    }
}
