//! The article: metadata, prose blocks and every extracted mention, built once per file and read
//! by all rules.

use crate::extract::dates::{self, Dates};
use crate::extract::entities::{self, Entities};
use crate::extract::names::{self, Names};
use crate::extract::numbers::{self, Numbers};
use crate::extract::quotes::{self, Quotes};
use crate::parse::{Block, Metadata, ParsedText, RoleSet, Syntax};
use crate::source::Span;
use crate::text::Tokens;

/// One layer of an article: a kind of mention an extractor builds and rules read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    /// [`Article::sentences`].
    Sentences,
    /// [`Article::tokens`]: every block cut into words, numbers and marks.
    Tokens,
    /// [`Article::quotes`]: quotation marks, quotations and their problems.
    Quotes,
    /// Who each quotation in [`Article::quotes`] is attributed to, and what kind of quotation
    /// it is (speech, a term, a title): quote attribution, which needs [`Layer::Quotes`].
    Speakers,
    /// [`Article::names`].
    Names,
    /// [`Article::entities`].
    Entities,
    /// [`Article::dates`].
    Dates,
    /// [`Article::numbers`].
    Numbers,
    /// [`Article::date`].
    ArticleDate,
}

impl Layer {
    /// Every layer, in the order they are built.
    pub const ALL: [Layer; 9] = [
        Layer::Sentences,
        Layer::Tokens,
        Layer::Quotes,
        Layer::Speakers,
        Layer::Names,
        Layer::Entities,
        Layer::Dates,
        Layer::Numbers,
        Layer::ArticleDate,
    ];

    /// The layer's name as `factlint` shows it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Layer::Sentences => "sentences",
            Layer::Tokens => "tokens",
            Layer::Quotes => "quotes",
            Layer::Speakers => "speakers",
            Layer::Names => "names",
            Layer::Entities => "entities",
            Layer::Dates => "dates",
            Layer::Numbers => "numbers",
            Layer::ArticleDate => "article date",
        }
    }

    const fn bit(self) -> u16 {
        1 << self as u8
    }
}

/// A set of [`Layer`]s: those a rule reads, or those an article is built with. The blocks, the
/// text, the syntax and the metadata are always there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Layers(u16);

impl Layers {
    /// No layer: parsing only.
    pub const NONE: Layers = Layers(0);
    /// Every layer.
    pub const ALL: Layers = Layers::of(&Layer::ALL);

    /// The set of `layers`.
    pub const fn of(layers: &[Layer]) -> Layers {
        let mut bits = 0;
        let mut i = 0;
        while i < layers.len() {
            bits |= layers[i].bit();
            i += 1;
        }
        Layers(bits)
    }

    /// Whether `layer` is in the set.
    pub const fn contains(self, layer: Layer) -> bool {
        self.0 & layer.bit() != 0
    }

    /// The layers in either set.
    #[must_use]
    pub const fn union(self, other: Layers) -> Layers {
        Layers(self.0 | other.0)
    }

    /// These layers and the layers their extractors read: the entity registry is built from
    /// the names and the quotations' speakers, speakers are found for quotations, speakers,
    /// names, dates, numbers and the article date are read from the tokens, and sentences are split on the
    /// tokens (so the two are built together).
    #[must_use]
    pub const fn with_dependencies(self) -> Layers {
        let mut layers = self;
        if layers.contains(Layer::Entities) {
            layers = layers.union(Layers::of(&[Layer::Names, Layer::Speakers]));
        }
        if layers.contains(Layer::Speakers) {
            layers = layers.union(Layers::of(&[Layer::Quotes]));
        }
        let tokenized = Layers::of(&[
            Layer::Speakers,
            Layer::Names,
            Layer::Dates,
            Layer::Numbers,
            Layer::ArticleDate,
        ]);
        if layers.0 & tokenized.0 != 0 {
            layers = layers.union(Layers::of(&[Layer::Tokens]));
        }
        if layers.contains(Layer::Tokens) || layers.contains(Layer::Sentences) {
            layers = layers.union(Layers::of(&[Layer::Sentences, Layer::Tokens]));
        }
        layers
    }

    /// The layers in the set, in build order.
    pub fn iter(self) -> impl Iterator<Item = Layer> {
        Layer::ALL.into_iter().filter(move |l| self.contains(*l))
    }
}

/// What to build of a parsed file: the blocks of which roles, with which layers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scope {
    /// The roles of the blocks read.
    pub roles: RoleSet,
    /// The layers extracted from them.
    pub layers: Layers,
}

impl Scope {
    /// The article's own prose with every layer.
    pub const ARTICLE: Scope = Scope {
        roles: RoleSet::ARTICLE,
        layers: Layers::ALL,
    };
}

/// One parsed article with its extracted mentions.
#[derive(Debug)]
pub struct Article<'a> {
    /// The path as given or found (for messages only).
    pub path: &'a str,
    /// The text analysed: the file's text, or the same bytes with HTML entities and Markdown
    /// escapes decoded in place ([`ParsedText::analysis`]). Every span indexes into it and into
    /// the file alike.
    pub text: &'a str,
    /// How the body was read.
    pub syntax: Syntax,
    /// Front matter metadata.
    pub metadata: Metadata,
    /// The layers built; every other layer is empty.
    pub layers: Layers,
    /// The article date: front matter, else a Jekyll-style file name (`2021-06-22-slug.md`),
    /// else a dateline, else the configured default; `None` when unknown.
    pub date: Option<jiff::civil::Date>,
    /// The roles of the blocks read (see [`crate::parse::Role`]).
    pub roles: RoleSet,
    /// Prose blocks in order: those whose role is in `roles`.
    pub blocks: Vec<Block>,
    /// Sentence spans of each block (same indices as `blocks`).
    pub sentences: Vec<Vec<Span>>,
    /// Every block's words, numbers and marks (block indices as `blocks`).
    pub tokens: Tokens<'a>,
    /// Quotations and unpaired quote marks.
    pub quotes: Quotes,
    /// People, organizations, places and acronyms.
    pub names: Names,
    /// The people as persons: who each reference stands for, and how central each is.
    pub entities: Entities,
    /// Dates, years, ranges and relative days.
    pub dates: Dates,
    /// Quantities.
    pub numbers: Numbers,
}

impl<'a> Article<'a> {
    /// Run every extractor over the article's own prose ([`RoleSet::ARTICLE`]) of a parsed file.
    /// `text` should be [`ParsedText::analysis_text`] so entities read as what they stand for.
    pub fn build(
        path: &'a str,
        text: &'a str,
        syntax: Syntax,
        parsed: ParsedText,
        default_date: Option<jiff::civil::Date>,
        date_order: dates::DateOrder,
    ) -> Self {
        Self::build_for(
            path,
            text,
            syntax,
            parsed,
            default_date,
            date_order,
            Scope::ARTICLE,
        )
    }

    /// Run the extractors of the scope's layers (and of the layers they read) over the blocks of
    /// a parsed file whose role is in the scope's roles; the other layers are left empty.
    pub fn build_for(
        path: &'a str,
        text: &'a str,
        syntax: Syntax,
        mut parsed: ParsedText,
        default_date: Option<jiff::civil::Date>,
        date_order: dates::DateOrder,
        scope: Scope,
    ) -> Self {
        let Scope { roles, layers } = scope;
        let layers = layers.with_dependencies();
        parsed.blocks.retain(|b| roles.contains(b.role));
        let blocks = &parsed.blocks;
        let (tokens, sentences) = if layers.contains(Layer::Tokens) {
            Tokens::build(text, blocks)
        } else {
            (Tokens::default(), Vec::new())
        };
        let quotes = if layers.contains(Layer::Quotes) {
            quotes::extract(text, blocks, &tokens, layers.contains(Layer::Speakers))
        } else {
            Quotes::default()
        };
        let date = if layers.contains(Layer::ArticleDate) {
            let front_matter_date = parsed.metadata.date.or_else(|| date_from_file_name(path));
            dates::article_date(&tokens, front_matter_date, default_date)
        } else {
            None
        };
        let names = if layers.contains(Layer::Names) {
            names::extract(text, blocks, &tokens)
        } else {
            Names::default()
        };
        let entities = if layers.contains(Layer::Entities) {
            entities::build(
                text,
                blocks,
                &names,
                &quotes,
                parsed.metadata.title.as_deref(),
            )
        } else {
            Entities::default()
        };
        let dates = if layers.contains(Layer::Dates) {
            dates::extract(
                &tokens,
                &sentences,
                date_order,
                parsed.metadata.locale.as_deref(),
            )
        } else {
            Dates::default()
        };
        let numbers = if layers.contains(Layer::Numbers) {
            numbers::extract(text, &tokens, &sentences)
        } else {
            Numbers::default()
        };
        Self {
            path,
            text,
            syntax,
            layers,
            date,
            roles,
            names,
            entities,
            dates,
            numbers,
            metadata: parsed.metadata,
            blocks: parsed.blocks,
            sentences,
            tokens,
            quotes,
        }
    }
}

/// The date at the start of a Jekyll-style post's file name: `_posts/2021-06-22-slug.md`.
pub fn date_from_file_name(path: &str) -> Option<jiff::civil::Date> {
    let name = path.rsplit(['/', '\\']).next()?;
    let prefix = name.get(..10)?;
    let rest = &name[10..];
    let bytes = prefix.as_bytes();
    let shaped = bytes.iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    });
    if !shaped || !rest.starts_with(['-', '_', '.']) {
        return None;
    }
    prefix.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jekyll_file_names_give_a_date() {
        let date = |p| date_from_file_name(p);
        assert_eq!(
            date("site/_posts/2021-06-22-bridge-opens.md"),
            Some(jiff::civil::date(2021, 6, 22))
        );
        assert_eq!(date("2021-06-22.md"), Some(jiff::civil::date(2021, 6, 22)));
        assert_eq!(date("2021-02-30-not-a-day.md"), None);
        assert_eq!(date("notes/20210622-slug.md"), None);
        assert_eq!(date("2021-06-22slug.md"), None);
        assert_eq!(date("a/2021-06-22-x/readme.md"), None);
    }
}
