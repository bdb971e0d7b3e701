//! What each block is for the article: its own prose (title, lead, body, subheads, list items)
//! or something it carries that has its own conventions (captions and photo credits, embedded
//! social posts, pull quotes, explainer boxes, bylines and "Read more" lines, delimiters, passages
//! in another language). Rules read the roles they declare, by default only the article's own.
//!
//! The classifier also cuts markers that are not prose off the front of a block: bullets typed
//! as characters in plain text (`»`, `•`, `–`, `>`), lettered items (`a)`, `(ii)`) and paragraph
//! numbers (`2.` followed by a run of spaces, as press releases number their paragraphs).

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::{Block, BlockKind, Syntax};
use crate::lexicon::{self, Class};
use crate::source::Span;

/// The role of a block in the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// The headline: front matter `title` or a leading headline line.
    Title,
    /// A dateline standing on its own (`WASHINGTON (Reuters) -`).
    Dateline,
    /// The first paragraph of the body.
    Lead,
    /// An ordinary paragraph of the article.
    Body,
    /// A heading inside the article.
    Subhead,
    /// One item of a list (Markdown items, and bullets typed as characters in plain text).
    ListItem,
    /// A photo caption (`FILE - In this April 5, 2017, file photo …`, image alt text).
    Caption,
    /// A photo credit standing alone (`(AP Photo/Jane Doe)`, `Photograph: X/Getty Images`).
    Credit,
    /// An embedded social media post (`— Name (@handle) June 3, 2020`, `pic.twitter.com`).
    SocialPost,
    /// A pull quote: words repeated from the article as a display quote, with the speaker's name.
    PullQuote,
    /// A paragraph that only frames others: a lone quotation mark, `* * *`, `###`.
    Delimiter,
    /// Bylines, "Read more" lines, contact lines, copyright and sign-off lines.
    Boilerplate,
    /// A box carried inside the article (a "Quick guide" or a timeline) with its own copy.
    Explainer,
    /// A passage in a language other than English.
    Foreign,
}

impl Role {
    /// Every role, in declaration order.
    pub const ALL: [Role; 14] = [
        Role::Title,
        Role::Dateline,
        Role::Lead,
        Role::Body,
        Role::Subhead,
        Role::ListItem,
        Role::Caption,
        Role::Credit,
        Role::SocialPost,
        Role::PullQuote,
        Role::Delimiter,
        Role::Boilerplate,
        Role::Explainer,
        Role::Foreign,
    ];

    /// Kebab-case name, as `--explain-blocks` prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Dateline => "dateline",
            Role::Lead => "lead",
            Role::Body => "body",
            Role::Subhead => "subhead",
            Role::ListItem => "list-item",
            Role::Caption => "caption",
            Role::Credit => "credit",
            Role::SocialPost => "social-post",
            Role::PullQuote => "pull-quote",
            Role::Delimiter => "delimiter",
            Role::Boilerplate => "boilerplate",
            Role::Explainer => "explainer",
            Role::Foreign => "foreign",
        }
    }

    const fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// A set of roles: what a rule reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct RoleSet(u16);

impl RoleSet {
    /// The article's own prose: title, dateline, lead, body, subheads and list items. What rules
    /// read unless they declare otherwise.
    pub const ARTICLE: RoleSet = RoleSet(
        Role::Title.bit()
            | Role::Dateline.bit()
            | Role::Lead.bit()
            | Role::Body.bit()
            | Role::Subhead.bit()
            | Role::ListItem.bit(),
    );

    /// Every role.
    pub const ALL: RoleSet = RoleSet((1 << Role::ALL.len()) - 1);

    /// Whether the set holds `role`.
    pub const fn contains(self, role: Role) -> bool {
        self.0 & role.bit() != 0
    }

    /// The set with `role` added.
    pub const fn with(self, role: Role) -> RoleSet {
        RoleSet(self.0 | role.bit())
    }

    /// The roles in both sets.
    pub const fn intersection(self, other: RoleSet) -> RoleSet {
        RoleSet(self.0 & other.0)
    }

    /// The empty set.
    pub const EMPTY: RoleSet = RoleSet(0);

    /// The set without `role`.
    pub const fn without(self, role: Role) -> RoleSet {
        RoleSet(self.0 & !role.bit())
    }
}

/// Give every block its role, and cut bullets, lettered markers and paragraph numbers off the
/// front of blocks. `text` is the analysis text; `title_block` says whether `blocks[0]` is the
/// front matter title.
pub(crate) fn classify(text: &str, blocks: &mut [Block], syntax: Syntax, title_block: bool) {
    let mut seen_prose = title_block;
    // Guardian boxes (`Quick guide … Show Hide`, `Timeline … Show Hide`) run on over the next
    // paragraphs when their text ends with the writers' names.
    let boxes: Vec<(usize, usize)> = blocks
        .iter()
        .enumerate()
        .filter(|(_, block)| {
            show_hide()
                .find(text[block.span().range()].as_bytes())
                .is_some()
        })
        .map(|(start, _)| (start, signed_box_end(text, blocks, start)))
        .collect();
    let mut explainer_until = None;
    let mut explainer_follows = false;
    let first_body = usize::from(title_block);
    let mut lead_given = false;
    let mut paragraph_numbers = None;
    let mut content = String::new();
    for (index, block) in blocks.iter_mut().enumerate() {
        if index == 0 && title_block {
            block.role = Role::Title;
            continue;
        }
        if block.kind == BlockKind::Paragraph || block.kind == BlockKind::BlockQuote {
            cut_markers(text, block, syntax, &mut paragraph_numbers);
        }
        content.clear();
        block.write_prose(text, &mut content);
        let content = content.trim();
        let role = if explainer_follows || explainer_until.is_some_and(|end| index <= end) {
            explainer_follows = false;
            Some(Role::Explainer)
        } else {
            special_role(text, block, content)
        };
        if let Some(role) = role {
            if role == Role::Explainer && content.ends_with("Show Hide") {
                explainer_follows = true;
            }
            if let Some(&(_, end)) = boxes.iter().find(|(start, _)| *start == index) {
                explainer_until = explainer_until.max(Some(end));
            }
            block.role = role;
            continue;
        }
        if index == first_body && !seen_prose && is_headline(block, content, syntax) {
            block.role = Role::Title;
            seen_prose = true;
            continue;
        }
        // Checked after the headline, which may well repeat the lead.
        if seen_prose && is_unsigned_pull_quote(text, block, content) {
            block.role = Role::PullQuote;
            continue;
        }
        if block.role == Role::Body {
            if is_live_subhead(content) {
                block.role = Role::Subhead;
            } else if !lead_given {
                block.role = Role::Lead;
            }
        }
        if is_body(block.role) {
            lead_given = true;
        }
        seen_prose = true;
    }
}

fn is_body(role: Role) -> bool {
    matches!(role, Role::Lead | Role::Body)
}

/// The first block is a headline when it is one line without a sentence's closing period (plain
/// text), or a heading (Markdown).
fn is_headline(block: &Block, content: &str, syntax: Syntax) -> bool {
    match syntax {
        Syntax::Markdown => block.kind == BlockKind::Heading,
        Syntax::Plain => {
            block.pieces.len() == 1
                && !content.ends_with(['.', '!', ';', ','])
                && content.split_whitespace().count() <= 30
        }
    }
}

/// NPR live-blog subheads: `Update at 10:15 a.m. ET.`
fn is_live_subhead(content: &str) -> bool {
    ["Update at ", "Updated at ", "Update, ", "Updated, "]
        .iter()
        .any(|p| content.starts_with(p))
        && content.split_whitespace().nth(8).is_none()
}

/// A role other than the article's own prose, when the block's text says so.
fn special_role(text: &str, block: &Block, content: &str) -> Option<Role> {
    if content.is_empty() {
        return Some(Role::Delimiter);
    }
    if is_delimiter(content) {
        return Some(Role::Delimiter);
    }
    if after_caption_shortcode(text, block) {
        return Some(Role::Caption);
    }
    if is_social_post(content) {
        return Some(Role::SocialPost);
    }
    if is_explainer(content) {
        return Some(Role::Explainer);
    }
    if let Some(role) = caption_or_credit(content) {
        return Some(role);
    }
    if is_boilerplate(content) {
        return Some(Role::Boilerplate);
    }
    if is_foreign(content) {
        return Some(Role::Foreign);
    }
    if block.kind == BlockKind::Paragraph && is_pull_quote(text, block, content) {
        return Some(Role::PullQuote);
    }
    None
}

/// A WordPress `[caption …]…[/caption]` shortcode holds the block: its text is a caption.
fn after_caption_shortcode(text: &str, block: &Block) -> bool {
    let start = block.span().start as usize;
    let line_start = text[..start].rfind(['\n', '\r']).map_or(0, |at| at + 1);
    let before = text[line_start..start].trim_start();
    before.starts_with("[caption") || before.starts_with("[wp_caption")
}

/// Only quotation marks, asterisks, dashes and the like: `“`, `* * *`, `###`, `—`.
fn is_delimiter(content: &str) -> bool {
    content.chars().nth(24).is_none()
        && content.chars().all(|c| {
            c.is_whitespace()
                || "\"'“”‘’«»„‚*-–—_#~•·+=.…|/\\".contains(c)
                || c == super::Block::ELIDED
        })
}

/// Flattened embeds: `Name (@handle) text …`, `… — Name (@handle) June 3, 2020`,
/// `pic.twitter.com/…`, `A post shared by …`.
fn is_social_post(content: &str) -> bool {
    static TWEET_LINK: LazyLock<Finder> = LazyLock::new(|| Finder::new("pic.twitter.com/"));
    if TWEET_LINK.find(content.as_bytes()).is_some() || content.starts_with("A post shared by ") {
        return true;
    }
    let Some(at) = handle_in_parentheses(content) else {
        return false;
    };
    // The handle near the start (Guardian embeds begin with the author) or a sign-off
    // `— Name (@handle) Month D, YYYY` at the end.
    if at <= 80 {
        return true;
    }
    let before = &content[..at];
    let sign_off = before
        .rfind(['—', '–'])
        .is_some_and(|dash| at - dash <= 80 && !before[dash..].contains(['.', '!', '?']));
    let after = &content[at..];
    let dated_end = after.len() <= 60 && after.trim_end().ends_with(|c: char| c.is_ascii_digit());
    sign_off && (dated_end || content.contains("t.co/"))
}

/// Where a `(@handle)` starts, if the block has one.
fn handle_in_parentheses(content: &str) -> Option<usize> {
    static HANDLE: LazyLock<Finder> = LazyLock::new(|| Finder::new("(@"));
    HANDLE.find_iter(content.as_bytes()).find(|&at| {
        let handle: usize = content[at + 2..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count();
        handle > 0 && content[at + 2 + handle..].starts_with(')')
    })
}

/// The button text that ends the head of a Guardian box.
fn show_hide() -> &'static Finder<'static> {
    static SHOW_HIDE: LazyLock<Finder> = LazyLock::new(|| Finder::new("Show Hide"));
    &SHOW_HIDE
}

/// Guardian "Quick guide … Show Hide" and "Timeline … Show Hide" boxes.
fn is_explainer(content: &str) -> bool {
    let head = first_chars(content, 200);
    show_hide().find(head.as_bytes()).is_some()
        || content.starts_with("Was this helpful?")
        || content.starts_with("Thank you for your feedback")
}

/// The last block of a box that opens at `start` and goes on over up to four more paragraphs,
/// when one of them ends, as Guardian boxes do, with the writers' names and no full stop
/// (`… Lois Beckett and Martin Belam`); `start` itself otherwise.
fn signed_box_end(text: &str, blocks: &[Block], start: usize) -> usize {
    blocks
        .iter()
        .enumerate()
        .skip(start + 1)
        .take(4)
        .find(|(_, block)| {
            let content = text[block.span().range()].trim_end();
            let mut last_words = content.rsplit(' ').take(2);
            content.len() >= 200
                && content.ends_with(char::is_alphabetic)
                && last_words.all(|w| w.starts_with(char::is_uppercase))
        })
        .map_or(start, |(end, _)| end)
}

/// Whether the sentence that goes on at byte `from` of `text` (and ends before `end`) is a
/// photo caption inside a paragraph, as flattened web copy carries them: it ends right before a
/// photo credit in brackets that names its source and photographer with a slash (`… concluded
/// on Nov. 17. (People's Daily Online/Weng Qiyu)`, `(Photo/Xinhua)`). Read up to the first end
/// of a sentence that a capital follows, and at most 400 bytes.
pub fn caption_sentence_at(text: &str, from: usize, end: usize) -> bool {
    let mut limit = end.min(from.saturating_add(400));
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let Some(rest) = text.get(from..limit) else {
        return false;
    };
    for (at, c) in rest.char_indices() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let after = rest[at + 1..].trim_start_matches(' ');
        if after.len() == rest.len() - at - 1 {
            continue; // no space after the mark: not the end of a sentence
        }
        if let Some(inner) = after.strip_prefix('(') {
            return is_slash_credit(inner);
        }
        if after.starts_with(char::is_uppercase) {
            return false;
        }
    }
    false
}

/// `People's Daily Online/Weng Qiyu)`: a credit after its opening bracket, a capitalized
/// source and a name parted by a slash, closed by a bracket (ASCII or full-width) within 60
/// bytes.
fn is_slash_credit(inner: &str) -> bool {
    let Some(close) = inner.find([')', '）']) else {
        return false;
    };
    let credit = &inner[..close];
    close <= 60
        && credit.starts_with(char::is_uppercase)
        && credit
            .split_once('/')
            .is_some_and(|(source, name)| !source.trim().is_empty() && !name.trim().is_empty())
}

/// `FILE - In this … photo …`, `… (AP Photo/Jane Doe)`, `Photograph: X/Getty Images`.
fn caption_or_credit(content: &str) -> Option<Role> {
    const CAPTION_STARTS: &[&str] = &[
        "FILE - ",
        "FILE – ",
        "FILE — ",
        "FILE -- ",
        "FILE PHOTO",
        "FILE: ",
        "In this photo",
        "In this file photo",
        "In this image",
        "In this undated",
        "This undated photo",
        "This photo ",
        "This image ",
        "Pictured: ",
        "Caption: ",
    ];
    if CAPTION_STARTS.iter().any(|p| content.starts_with(p)) {
        return Some(Role::Caption);
    }
    let credit = credit_at_end(content)?;
    let words = content.split_whitespace().take(81).count();
    if credit == 0 || words <= 6 {
        Some(Role::Credit)
    } else if words <= 80 {
        Some(Role::Caption)
    } else {
        None
    }
}

/// Where a trailing photo credit starts: `(AP Photo/…)`, `(Photo: …)`, `Photograph: …`.
fn credit_at_end(content: &str) -> Option<usize> {
    let trimmed = content.trim_end();
    if let Some(open) = trimmed.strip_suffix(')').and_then(|t| t.rfind('(')) {
        let inner = &trimmed[open + 1..trimmed.len() - 1];
        const AGENCIES: &[&str] = &[
            "AP Photo",
            "AP Images",
            "Photo:",
            "Photo by",
            "Photo courtesy",
            "Photos:",
            "Reuters/",
            "REUTERS/",
            "AFP/",
            "Getty Images",
            "EPA/",
            "Image:",
            "Credit:",
            "Courtesy of",
        ];
        if AGENCIES.iter().any(|a| inner.starts_with(a)) && inner.len() <= 80 {
            return Some(open);
        }
    }
    const LABELS: &[&str] = &[
        "Photograph: ",
        "Photograph by ",
        "Photo: ",
        "Photo by ",
        "Photos: ",
        "Picture: ",
        "Image: ",
        "Illustration: ",
        "Composite: ",
        "Credit: ",
    ];
    // Every label ends in `: ` or `by `: without either near the end there is no credit.
    let mut tail_from = trimmed.len().saturating_sub(80);
    while !trimmed.is_char_boundary(tail_from) {
        tail_from -= 1;
    }
    let tail = &trimmed.as_bytes()[tail_from..];
    if memchr::memchr(b':', tail).is_none() && memchr::memmem::find(tail, b"by ").is_none() {
        return None;
    }
    LABELS.iter().find_map(|label| {
        // A credit is at most 60 bytes: only the end of the block can hold its label.
        let mut from = trimmed.len().saturating_sub(label.len() + 60);
        while !trimmed.is_char_boundary(from) {
            from -= 1;
        }
        let at = from + trimmed[from..].rfind(label)?;
        let credit = &trimmed[at + label.len()..];
        let short = credit.len() <= 60 && !credit.contains(". ");
        (short && (at == 0 || trimmed[..at].ends_with([' ', '.', ')']))).then_some(at)
    })
}

/// Short lines that are the page's, not the story's.
fn is_boilerplate(content: &str) -> bool {
    // Every form below is at most 30 words; most paragraphs fail on their first letters, so the
    // words are counted only for a block that starts like one.
    let words = || content.split_whitespace().take(31).count();
    const STARTS: &[&str] = &[
        "Read more",
        "Related:",
        "Related stories",
        "Related coverage",
        "Sign up",
        "Subscribe to",
        "Click here",
        "Contact:",
        "Contacts:",
        "Email:",
        "E-mail:",
        "Tel:",
        "Phone:",
        "Media contact",
        "Media enquiries",
        "For more information",
        "Copyright ",
        "©",
        "All rights reserved",
        "Reporting by ",
        "Additional reporting by ",
        "Editing by ",
        "Writing by ",
        "Compiled by ",
        "Share this",
        "Share on ",
        "Enlarge this image",
        "toggle caption",
        "Advertisement",
        "ADVERTISEMENT",
        "This article was amended",
        "This article is more than",
    ];
    if STARTS.iter().any(|p| content.starts_with(p)) && words() <= 30 {
        return true;
    }
    if content.starts_with("Follow ") && content.contains(" on ") && words() <= 12 {
        return true;
    }
    if let Some(name) = content.strip_prefix("By ") {
        let name_words: Vec<&str> = name.split_whitespace().collect();
        let capitalized = name_words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "and" | "in" | "of"));
        if !name_words.is_empty() && name_words.len() <= 8 && capitalized {
            return true;
        }
    }
    // A sign-off in capitals: `**CORRUPT PRACTICES INVESTIGATION BUREAU**`.
    let mut letters = content.chars().filter(|c| c.is_alphabetic());
    letters.clone().nth(5).is_some() && letters.all(char::is_uppercase) && words() <= 8 && {
        let body = content.trim_matches(|c: char| !c.is_alphanumeric());
        !body.contains(['.', ',', '"', '“'])
    }
}

/// A passage in another language: mostly another script, or Latin-script words where the
/// function words are another language's, not English's.
fn is_foreign(content: &str) -> bool {
    let (latin, other_script, count) = letter_counts(content);
    if other_script >= 20 && other_script > latin * 2 {
        return true;
    }
    if count < 12 {
        return false;
    }
    // English prose gives itself away within its first few function words: stop there.
    let (mut english, mut other) = (0, 0);
    for word in content
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let classes = lexicon::classes(word);
        if classes.contains(Class::ENGLISH_COMMON) {
            english += 1;
            if english * 25 >= count {
                return false;
            }
        }
        if classes.contains(Class::FOREIGN_FUNCTION_WORD) {
            other += 1;
        }
    }
    other * 8 >= count
}

/// Letters in Latin script, letters in other scripts, and runs of letters (words) in `content`.
/// ASCII text, most of what we read, is counted a byte at a time.
fn letter_counts(content: &str) -> (usize, usize, usize) {
    let mut latin = 0usize;
    let mut other_script = 0usize;
    let mut words = 0usize;
    let mut in_word = false;
    if content.is_ascii() {
        for b in content.bytes() {
            let letter = b.is_ascii_alphabetic();
            latin += usize::from(letter);
            words += usize::from(letter && !in_word);
            in_word = letter;
        }
        return (latin, 0, words);
    }
    for c in content.chars() {
        let letter = c.is_alphabetic();
        if letter {
            if c.is_ascii() || ('\u{c0}'..='\u{24f}').contains(&c) {
                latin += 1;
            } else {
                other_script += 1;
            }
            words += usize::from(!in_word);
        }
        in_word = letter;
    }
    (latin, other_script, words)
}

/// The first `n` characters of `text` (all of it when it is shorter), without decoding the
/// characters of an ASCII stretch.
fn first_chars(text: &str, n: usize) -> &str {
    if text.len() <= n {
        return text;
    }
    if text.as_bytes()[..n].is_ascii() {
        return &text[..n];
    }
    text.char_indices()
        .nth(n)
        .map_or(text, |(end, _)| &text[..end])
}

/// A Guardian-style pull quote: words from the article set apart with the speaker's name (and
/// affiliation: `…Francis Boyle, University of Illinois`) and no marks (`There is a lack of
/// civility … Karen Handel`). Six words of it in a row appear again elsewhere in the article.
fn is_pull_quote(text: &str, block: &Block, content: &str) -> bool {
    if block.pieces.len() != 1
        || content.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '’', ')', '…'])
        || content.contains(['"', '“', '”', '«', '»'])
    {
        return false;
    }
    let words: Vec<&str> = content.split_whitespace().collect();
    if words.len() < 8 || words.len() > 80 {
        return false;
    }
    // `Name Surname, University of Somewhere`: the affiliation after the last comma.
    let affiliation = words
        .iter()
        .rev()
        .take(6)
        .position(|w| w.ends_with(','))
        .filter(|&at| {
            words[words.len() - at..]
                .iter()
                .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "of" | "the" | "and"))
        })
        .unwrap_or(0);
    let name_words = words[..words.len() - affiliation]
        .iter()
        .rev()
        .take_while(|w| w.starts_with(char::is_uppercase))
        .count();
    if !(2..=4).contains(&name_words) {
        return false;
    }
    let quoted = &words[..words.len() - affiliation - name_words];
    repeated_elsewhere(text, block, quoted, 6)
}

/// A pull quote without a name: a paragraph with no closing punctuation and no marks whose
/// first ten words stand again elsewhere in the article (`In 2016, pummeled by voter
/// suppression …`, repeating the next paragraph).
fn is_unsigned_pull_quote(text: &str, block: &Block, content: &str) -> bool {
    if block.kind != BlockKind::Paragraph
        || block.pieces.len() != 1
        || !content.ends_with(char::is_alphabetic)
        || content.contains(['"', '“', '”', '«', '»'])
    {
        return false;
    }
    let words: Vec<&str> = content.split_whitespace().collect();
    (12..=80).contains(&words.len()) && repeated_elsewhere(text, block, &words[..10], 10)
}

/// Whether `length` words of `words` in a row (at least 20 bytes of them) stand somewhere in
/// `text` outside `block`. Looks at a few runs only, so a long paragraph costs a few searches.
fn repeated_elsewhere(text: &str, block: &Block, words: &[&str], length: usize) -> bool {
    if words.len() < length {
        return false;
    }
    let span = block.span();
    let runs = words.len() - length + 1;
    // Every third run, and the last: a pull quote repeats a long stretch, never one run alone.
    (0..runs)
        .filter(|start| start % 3 == 0 || *start == runs - 1)
        .any(|start| {
            let run = words[start..start + length].join(" ");
            if run.len() < 20 {
                return false;
            }
            let mut from = 0;
            while let Some(found) = text[from..].find(&run) {
                let at = from + found;
                if !span.contains(at) {
                    return true;
                }
                from = at + run.len();
            }
            false
        })
}

/// Cut a typed bullet, a lettered marker or a paragraph number off the front of `block`.
fn cut_markers(text: &str, block: &mut Block, syntax: Syntax, last_number: &mut Option<u32>) {
    let Some(&first) = block.pieces.first() else {
        return;
    };
    let head = &text[first.range()];
    let (cut, role) = if let Some(len) = bullet(head, syntax) {
        (len, Some(Role::ListItem))
    } else if let Some(len) = lettered(head) {
        (len, Some(Role::ListItem))
    } else if let Some((len, number)) = paragraph_number(text, block, *last_number) {
        *last_number = Some(number);
        (len, None)
    } else {
        return;
    };
    let cut_to = first.start as usize + cut;
    let mut pieces: Vec<Span> = Vec::with_capacity(block.pieces.len());
    for &piece in &block.pieces {
        if (piece.end as usize) <= cut_to {
            continue;
        }
        let start = (piece.start as usize).max(cut_to);
        if let Some(trimmed) = super::trimmed(text, Span::new(start, piece.end as usize)) {
            pieces.push(trimmed);
        }
    }
    if pieces.is_empty() {
        return;
    }
    block.pieces = pieces;
    if let Some(role) = role {
        block.role = role;
    }
}

/// `» `, `• `, `– `, `· `, `▪ ` (and `- `, `* `, `> ` in plain text): the marker's length.
fn bullet(head: &str, syntax: Syntax) -> Option<usize> {
    let c = head.chars().next()?;
    let typed = matches!(
        c,
        '»' | '•' | '–' | '·' | '▪' | '■' | '◦' | '‣' | '►' | '→' | '○'
    );
    let ascii = syntax == Syntax::Plain && matches!(c, '-' | '*' | '>' | '+');
    let rest = &head[c.len_utf8()..];
    let words = || {
        rest.chars()
            .filter(|c| c.is_alphanumeric())
            .nth(1)
            .is_some()
    };
    ((typed || ascii) && rest.starts_with([' ', '\t', '\u{a0}']) && words()).then(|| c.len_utf8())
}

/// `a) `, `(b) `, `(iv) `, `ii) `, `b. `, `iii. `: a lettered or roman list marker.
fn lettered(head: &str) -> Option<usize> {
    let open = usize::from(head.starts_with('('));
    let label: usize = head[open..]
        .bytes()
        .take_while(|b| b.is_ascii_lowercase())
        .count();
    let roman = head[open..open + label]
        .bytes()
        .all(|b| matches!(b, b'i' | b'v' | b'x'));
    if label == 0 || (label > 1 && !roman) || label > 4 {
        return None;
    }
    let after = &head[open + label..];
    // `a)`, `(a)`, `iv)`; `b.` and `ii.` only without an opening parenthesis.
    let rest = after
        .strip_prefix(')')
        .or_else(|| (open == 0).then(|| after.strip_prefix('.')).flatten())?;
    (rest.starts_with([' ', '\t']) && rest.trim_start().len() > 1).then_some(open + label + 1)
}

/// `2.  Investigation …`, `2\.  …` or `2      On 12 June …`: a paragraph number and the run of
/// space after it; after paragraph 4, also `5 Singapore adopts …` with one space. Returns the
/// length to cut from the first piece, and the number.
fn paragraph_number(text: &str, block: &Block, last: Option<u32>) -> Option<(usize, u32)> {
    let first = block.pieces.first()?;
    // Most paragraphs start with a letter: only one that starts with a digit is read further.
    if text[first.range()]
        .bytes()
        .next()
        .is_some_and(|b| !b.is_ascii_digit())
    {
        return None;
    }
    let chars: Vec<(usize, char)> = block.chars(text).take(24).collect();
    let digits = chars.iter().take_while(|(_, c)| c.is_ascii_digit()).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let mut i = digits;
    let dotted = chars.get(i).is_some_and(|(_, c)| *c == '.');
    if dotted {
        i += 1;
    }
    let spaces = chars[i..]
        .iter()
        .take_while(|(_, c)| c.is_whitespace())
        .count();
    let next = chars.get(i + spaces).map(|&(_, c)| c)?;
    let starts_sentence = next.is_uppercase() || "\"“‘'(".contains(next);
    let number: u32 = chars[..digits]
        .iter()
        .map(|(_, c)| *c)
        .collect::<String>()
        .parse()
        .ok()?;
    let in_sequence = last.is_some_and(|last| number == last + 1) && spaces >= 1;
    if !(starts_sentence && (dotted && spaces >= 1 || spaces >= 2 || in_sequence)) {
        return None;
    }
    let (offset, _) = chars.get(i + spaces)?;
    Some((offset - first.start as usize, number))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse;

    fn roles(text: &str, syntax: Syntax) -> Vec<(Role, String)> {
        let (mut parsed, _) = parse(text, syntax);
        let analysis = parsed.analysis.take().unwrap_or_else(|| text.to_owned());
        parsed
            .blocks
            .iter()
            .map(|b| (b.role, b.chars(&analysis).map(|(_, c)| c).collect()))
            .collect()
    }

    #[test]
    fn a_caption_inside_a_paragraph_ends_before_a_slash_credit() {
        let text =
            "The contest ended on Nov. 17. (People's Daily Online/Weng Qiyu） Young Amara writes.";
        assert!(caption_sentence_at(text, 4, text.len()));
        let credit = "Crowds gathered at dawn. (Photo/Xinhua) Later they left.";
        assert!(caption_sentence_at(credit, 0, credit.len()));
        // A sentence of the story, or a bracket that is no credit.
        let story = "The contest ended. Young Amara writes. (Photo/Xinhua)";
        assert!(!caption_sentence_at(story, 4, story.len()));
        let aside = "The contest ended on Nov. 17. (It was the fifth.) Amara writes.";
        assert!(!caption_sentence_at(aside, 4, aside.len()));
    }

    #[test]
    fn a_plain_web_story() {
        let text = "Mayor opens the bridge\n\n\
            The new bridge opened on Monday, the mayor said.\n\n\
            FILE - In this April 5, 2017, file photo, a crane lifts a beam. (AP Photo/Jane Roe)\n\n\
            “\n\n\
            Jo Bloggs (@jobloggs) Great day for the town! pic.twitter.com/abc\n\n\
            » Read the full report\n\n\
            a) 26 counts of theft; and\n\n\
            2      On 12 June the bridge closed again.\n\n\
            Read more\n\n\
            Timeline The bridge Show Hide\n\n\
            It was planned in 1990 and built in 2020.\n\n\
            By Jane Roe\n";
        let got = roles(text, Syntax::Plain);
        let expected = vec![
            (Role::Title, "Mayor opens the bridge"),
            (
                Role::Lead,
                "The new bridge opened on Monday, the mayor said.",
            ),
            (
                Role::Caption,
                "FILE - In this April 5, 2017, file photo, a crane lifts a beam. (AP Photo/Jane Roe)",
            ),
            (Role::Delimiter, "“"),
            (
                Role::SocialPost,
                "Jo Bloggs (@jobloggs) Great day for the town! pic.twitter.com/abc",
            ),
            (Role::ListItem, "Read the full report"),
            (Role::ListItem, "26 counts of theft; and"),
            (Role::Body, "On 12 June the bridge closed again."),
            (Role::Boilerplate, "Read more"),
            (Role::Explainer, "Timeline The bridge Show Hide"),
            (Role::Explainer, "It was planned in 1990 and built in 2020."),
            (Role::Boilerplate, "By Jane Roe"),
        ];
        let expected: Vec<(Role, String)> = expected
            .into_iter()
            .map(|(r, s)| (r, s.to_owned()))
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn ordinary_paragraphs_stay_body() {
        let text = "Title here\n\nFirst paragraph, the lead.\n\n\
            2 people were hurt, police said.\n\n\
            He said: “Sign up now.”\n\n\
            a lot of people came (about 300).\n\n\
            The photo: it was taken by Jane Roe, a reporter who has covered the town for years and knows it well.\n";
        let got: Vec<Role> = roles(text, Syntax::Plain)
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        assert_eq!(
            got,
            vec![
                Role::Title,
                Role::Lead,
                Role::Body,
                Role::Body,
                Role::Body,
                Role::Body
            ]
        );
    }

    #[test]
    fn sign_off_embeds_and_pull_quotes() {
        let text = "Title\n\n\
            “We will build it,” Jane Roe said. “The lack of a bridge has hurt this town for decades.\n\n\
            The lack of a bridge has hurt this town for decades Jane Roe\n\n\
            “It is time.”\n\n\
            Big news today https://t.co/xyz — Jo Bloggs (@jobloggs) June 3, 2020\n";
        let got: Vec<Role> = roles(text, Syntax::Plain)
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        assert_eq!(
            got,
            vec![
                Role::Title,
                Role::Lead,
                Role::PullQuote,
                Role::Body,
                Role::SocialPost
            ]
        );
    }

    #[test]
    fn pull_quotes_with_an_affiliation_or_without_a_name() {
        let text = "Title\n\n\
            “The court may well overturn the ruling next year,” said Ann Lee. “It could happen soon.\n\n\
            The court may well overturn the ruling next year Ann Lee, University of Leeds\n\n\
            Since then the channel has silted up so far that the ferry cannot turn at low tide\n\n\
            “Since then the channel has silted up so far that the ferry cannot turn at low tide.”\n\n\
            The council met in the town hall on Monday evening to talk about the plan for the harbour\n";
        let got: Vec<Role> = roles(text, Syntax::Plain)
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        assert_eq!(
            got,
            vec![
                Role::Title,
                Role::Lead,
                Role::PullQuote,
                Role::PullQuote,
                Role::Body,
                Role::Body
            ]
        );
    }

    #[test]
    fn a_signed_box_runs_on_to_its_writers_names() {
        let long = "The ferry ran aground near the harbour mouth and was towed back in by noon. "
            .repeat(3);
        let text = format!(
            "Title\n\nThe harbour reopened on Monday.\n\n\
            Timeline Ferry accidents since 2010 Show Hide In 2010 a ferry hit the pier.\n\n\
            {long}\n\n{long}Ann Lee and Tom Hale\n\n\
            The council meets on Friday.\n"
        );
        let got: Vec<Role> = roles(&text, Syntax::Plain)
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        assert_eq!(
            got,
            vec![
                Role::Title,
                Role::Lead,
                Role::Explainer,
                Role::Explainer,
                Role::Explainer,
                Role::Body
            ]
        );
    }

    #[test]
    fn other_languages_are_foreign() {
        let spanish = "El presidente dijo que la situación en el país es muy grave y que \
            los ciudadanos deben quedarse en casa por la noche.";
        let english = "The president said that the situation in the country was very grave and \
            that citizens should stay at home at night.";
        assert!(is_foreign(spanish));
        assert!(!is_foreign(english));
        assert!(is_foreign(
            "这是一个很长的中文段落，用来测试语言检测是否能够正确识别非英语的文字内容。"
        ));
        assert!(!is_foreign(
            "Woo Kong Choy (胡光財), a 61-year-old Singaporean, was charged."
        ));
    }

    #[test]
    fn role_sets() {
        assert!(RoleSet::ARTICLE.contains(Role::Body));
        assert!(!RoleSet::ARTICLE.contains(Role::Caption));
        assert!(RoleSet::ARTICLE.with(Role::Caption).contains(Role::Caption));
        assert!(!RoleSet::ALL.without(Role::Foreign).contains(Role::Foreign));
        assert!(Role::ALL.iter().all(|r| RoleSet::ALL.contains(*r)));
    }
}
