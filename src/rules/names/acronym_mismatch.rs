//! P005: an acronym expanded two ways, used before its expansion, or expanded with words whose
//! letters do not spell it.

use std::collections::{HashMap, HashSet};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::QuotationSweep;
use crate::document::Article;
use crate::extract::names::{AcronymDefinition, AcronymUse, Names};
use crate::lexicon::{self, Class};
use crate::parse::Role;
use crate::rules::{Check, Context, declare_rule};
use crate::source::Span;

/// P005 acronym-mismatch.
#[derive(Debug)]
pub struct AcronymMismatch {
    common: Vec<String>,
    check_letters: bool,
}

/// Options of P005.
#[derive(Debug, Default, Deserialize, Serialize, JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
struct AcronymMismatchOptions {
    /// Acronyms that are the common name and may be used before their expansion, added to the
    /// built-in list (`US`, `UN`, `EU`, `NATO`, `UNESCO`, …).
    common_acronyms: Vec<String>,
    /// Report every expansion whose words cannot spell its acronym, not only those whose
    /// initials spell another acronym of the article.
    check_letters: bool,
}

declare_rule! {
    /// ## What it checks
    /// Acronyms and their expansions (`the African Union (AU)`):
    /// - one acronym expanded two different ways in one article;
    /// - an acronym used before the expansion that defines it, later in the article (acronyms that
    ///   are the common name, such as `NATO`, `UNESCO` or `US`, may come first). An expansion
    ///   in brackets right after it defines it (`the SIG program [Special Interest Groups]`);
    ///   the acronym as the start of its own name (`BP Singapore Pte Ltd (BP)`), the title of a
    ///   work or standard (`the CSI TV shows`, `ISO 37001`), a subhead, and the organization
    ///   that signs the release with its full name on a line of its own are not uses before;
    /// - an expansion whose words cannot spell the acronym but spell another acronym the
    ///   article uses (`the African Union (EU)` … `the AU`). Many real acronyms come from
    ///   another language (`Federal Criminal Office (BKA)`), so other misfits are reported only
    ///   with `check-letters`; even then initials in another order and letters from inside
    ///   words (`Kuomintang (KMT)`) are accepted, and a parenthesis after a company name (a
    ///   stock ticker) is left alone.
    ///
    /// ## Why it matters
    /// An acronym is only as clear as its first expansion. Two expansions, or one that does not
    /// fit, leave the reader guessing which body is meant.
    ///
    /// ## Example
    /// ```markdown
    /// The forum was co-hosted by the African Union (AU) and Xinhua News Agency.
    ///
    /// Delegates from the Africa Union (AU) spoke on Friday.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// The forum was co-hosted by the African Union (AU) and Xinhua News Agency.
    ///
    /// Delegates from the AU spoke on Friday.
    /// ```
    ///
    /// ## Options
    /// - `common-acronyms` (list of strings, default empty): acronyms allowed before their
    ///   expansion, added to the built-in list.
    /// - `check-letters` (bool, default `false`): report every expansion whose words cannot
    ///   spell its acronym.
    AcronymMismatch {
        code: "P005",
        name: "acronym-mismatch",
        category: Names,
        severity: Warning,
        summary: "an acronym expanded two ways, used before its expansion, or not fitting it",
        layers: [Names, Quotes],
        options: AcronymMismatchOptions,
    }
}

impl AcronymMismatch {
    /// The rule with the configured common acronyms (the built-in ones are
    /// [`Class::COMMON_ACRONYM`]).
    fn from_options(options: AcronymMismatchOptions) -> Result<Self, String> {
        let mut common: Vec<String> = Vec::new();
        common.extend(
            options
                .common_acronyms
                .iter()
                .map(|a| a.replace('.', "").to_uppercase()),
        );
        Ok(Self {
            common,
            check_letters: options.check_letters,
        })
    }
}

/// Whether the expansion's opening words stand as a name before `offset` (`World Summit on the
/// Information Society said` … `WSIS` … `World Summit on the Information Society (WSIS)`).
fn spelled_out_before(article: &Article, definition: &AcronymDefinition, offset: u32) -> bool {
    let opening: Vec<&str> = definition
        .expansion
        .iter()
        .map(String::as_str)
        .filter(|w| w.starts_with(char::is_uppercase))
        .skip_while(|w| w.eq_ignore_ascii_case("the"))
        .take(2)
        .collect();
    if opening.len() < 2 {
        return false;
    }
    article
        .names
        .proper_names
        .iter()
        .take_while(|n| n.span.start < offset)
        .any(|n| n.words.len() >= 2 && n.words[0] == opening[0] && n.words[1] == opening[1])
}

/// Whether `span` lies inside an expansion: `BP` in `BP Singapore Pte Ltd (BP)` is the start
/// of the name, not a use before it.
fn in_expansion(names: &Names, span: Span) -> bool {
    names
        .acronym_definitions
        .iter()
        .any(|d| d.expansion_span.start <= span.start && span.end <= d.expansion_span.end)
}

/// Whether the expansion stands alone as a line of the article, as the organization signing it
/// does at the foot of its own press release (`**Corrupt Practices Investigation Bureau**`): the
/// reader knows who is writing.
fn signed_by(article: &Article, definition: &AcronymDefinition) -> bool {
    let expansion = expansion_text(article, definition);
    article.blocks.iter().any(|b| {
        article.text.get(b.span().range()).is_some_and(|t| {
            t.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace()) == expansion
        })
    })
}

/// The part of the expansion that spells the acronym, as written.
fn expansion_text(article: &Article, definition: &AcronymDefinition) -> String {
    article.text[definition.fitted_span.range()].to_owned()
}

impl Check for AcronymMismatch {
    fn check(&self, article: &Article, cx: &mut Context) {
        let names = &article.names;
        let used: HashSet<&str> = names
            .acronym_uses
            .iter()
            .map(|u| u.acronym.as_str())
            .chain(names.acronym_definitions.iter().map(|d| d.acronym.as_str()))
            .collect();
        let mut first_definition: HashMap<&str, &AcronymDefinition> = HashMap::new();
        for definition in &names.acronym_definitions {
            let shown = &article.text[definition.span.range()];
            if definition.capitalized
                && !definition.fits
                && !definition.company
                && definition.clean_start
            {
                let other = definition.initials.iter().find(|i| {
                    i.len() == definition.acronym.len()
                        && *i != &definition.acronym
                        && used.contains(i.as_str())
                });
                if other.is_some() || self.check_letters {
                    let also = other
                        .map(|o| format!(", whose initials make `{o}`"))
                        .unwrap_or_default();
                    cx.report(
                        definition.span,
                        format!(
                            "`{shown}` does not fit its expansion `{}`{also}",
                            expansion_text(article, definition)
                        ),
                    )
                    .label(definition.expansion_span, "expanded here")
                    .help("correct the acronym or its expansion so the letters match");
                }
                continue;
            }
            if !definition.capitalized {
                continue;
            }
            match first_definition.get(definition.acronym.as_str()) {
                None => {
                    first_definition.insert(definition.acronym.as_str(), definition);
                }
                Some(earlier) => {
                    let both_proper = earlier.capitalized && definition.capitalized;
                    let differ = earlier.fitted != definition.fitted
                        && !earlier.fitted.ends_with(&definition.fitted)
                        && !definition.fitted.ends_with(&earlier.fitted);
                    if both_proper && earlier.fits && differ {
                        cx.report(
                            definition.fitted_span,
                            format!(
                                "`{shown}` is expanded as `{}` here but as `{}` earlier",
                                expansion_text(article, definition),
                                expansion_text(article, earlier)
                            ),
                        )
                        .label(earlier.fitted_span, "first expanded here")
                        .help("use one expansion for the acronym throughout");
                    }
                }
            }
        }
        let mut reported: Vec<&str> = Vec::new();
        let mut quotations = QuotationSweep::new(article);
        for acronym_use in &names.acronym_uses {
            let key = acronym_use.acronym.as_str();
            let quoted = quotations.contains(acronym_use.span.start);
            let Some(definition) = first_definition.get(key) else {
                continue;
            };
            if acronym_use.span.start >= definition.span.start
                || quoted
                || acronym_use.names_work
                || in_expansion(names, acronym_use.span)
                || article
                    .blocks
                    .get(acronym_use.block)
                    .is_some_and(|b| matches!(b.role, Role::Subhead | Role::Title))
                || signed_by(article, definition)
                || reported.contains(&key)
                || lexicon::is_as_written(key, Class::COMMON_ACRONYM)
                || self.common.iter().any(|c| c == key)
                || spelled_out_before(article, definition, acronym_use.span.start)
                || in_opening_caption(article, acronym_use)
            {
                continue;
            }
            reported.push(key);
            cx.report(
                acronym_use.span,
                format!(
                    "`{}` is used before it is spelled out as `{}`",
                    &article.text[acronym_use.span.range()],
                    expansion_text(article, definition)
                ),
            )
            .label(definition.fitted_span, "spelled out only here")
            .help("spell the acronym out at its first use");
        }
    }
}

/// Whether the use lies in a photo caption or credit that opens its block, as flattened web
/// copy carries them, before the article's own text starts: a caption sentence ended by a
/// bracketed slash credit ([`crate::parse::roles::caption_sentence_at`]: `… Sinopharm CNBG, in
/// Beijing. (People's Daily Online/Wu Chaolan)`), or a credit line after the block's first
/// sentence, within its first four words (`… exoskeleton. Photo: courtesy of CASIC`).
fn in_opening_caption(article: &Article, acronym_use: &AcronymUse) -> bool {
    const CREDITS: &[&str] = &[
        "Photo: ",
        "Photograph: ",
        "Photo credit: ",
        "Image: ",
        "Credit: ",
    ];
    let Some(block) = article.blocks.get(acronym_use.block) else {
        return false;
    };
    let (start, end) = (block.span().start as usize, block.span().end as usize);
    let at = acronym_use.span.start as usize;
    let Some(head) = article.text.get(start..at) else {
        return false;
    };
    if crate::parse::roles::caption_sentence_at(article.text, start, end)
        && article
            .text
            .get(at..end)
            .is_some_and(|rest| rest.contains([')', '）']))
        && !head.contains([')', '）'])
    {
        return true;
    }
    CREDITS.iter().any(|credit| {
        head.find(credit).is_some_and(|p| {
            let caption = head[..p].trim_end();
            let one_sentence = caption.is_empty()
                || caption.ends_with(['.', '!', '?'])
                    && !caption[..caption.len() - 1].contains(". ");
            one_sentence && head[p..].split_whitespace().count() <= 4
        })
    })
}

#[cfg(test)]
mod tests {
    use crate::testing::codes_in;

    fn p005(text: &str) -> usize {
        codes_in(text).iter().filter(|c| **c == "P005").count()
    }

    #[test]
    fn quick_cases() {
        assert_eq!(
            p005("The African Union (EU) met on Friday. The AU agreed."),
            1
        );
        assert_eq!(p005("The Federal Criminal Office (BKA) met on Friday."), 0);
        assert_eq!(
            p005("The African Union (AU) met on Friday. The AU agreed."),
            0
        );
        assert_eq!(p005("The AU met. The African Union (AU) agreed."), 1);
        assert_eq!(
            p005("The African Union (AU) met. Later the Africa Union (AU) agreed."),
            1
        );
        assert_eq!(
            p005("NATO met. The North Atlantic Treaty Organization (NATO) agreed."),
            0
        );
        assert_eq!(p005("The Kuomintang (KMT) won."), 0);
    }
}
