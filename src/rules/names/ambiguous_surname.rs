//! P002: a surname alone when two people introduced in the article share it.

use std::collections::HashSet;

use crate::document::Article;
use crate::extract::entities::Resolution;
use crate::extract::names::Person;
use crate::rules::{Check, Context, declare_rule};

/// P002 ambiguous-surname.
#[derive(Debug, Default)]
pub struct AmbiguousSurname;

declare_rule! {
    /// ## What it checks
    /// A reference by surname alone (`Xu said`, `Xu is optimistic`) after two people with that
    /// surname have been introduced by full name (`Xu Hui` and `Xu Wan`), when nothing tells a
    /// reader which one it is. Family-name-first names are referred to by their first word,
    /// Western names by their last; the article's own back references decide which. The
    /// reference is settled, and not reported, when a title before it belongs to one of them
    /// (`Mayor Xu`), when one of them is named earlier in the same paragraph, or when one is
    /// clearly the story's main subject (named far more often, or in the headline). An honorific
    /// settles it only when its gender is that of one of them (`Mrs Blair` for Cherie Blair, his
    /// wife; not `Mr Cole` when both Coles are men). A family (`the Bryan twins`) and two writings
    /// of one name (`George Bush`, `George W. Bush`; `Mike` and `Michael Flynn`) are left alone.
    /// An appositive after the reference that says which (`Carter, the Democratic candidate,`)
    /// settles it, and later references go on with that person until a namesake is named
    /// again. A surname that already stood alone for one person before the namesakes were
    /// introduced keeps standing for them when every namesake is introduced as a relative (`his
    /// father, Abdullah Kurdi`). One report per surname and paragraph.
    ///
    /// ## Why it matters
    /// The reader cannot tell who is speaking. House style asks for full names, or names plus
    /// titles, when two people in one story share a surname.
    ///
    /// ## Example
    /// ```markdown
    /// More than 160 old kilns have been renovated, according to Xu Hui, vice mayor of the city.
    ///
    /// "Machines cannot replace bespoke work," said Xu Wan, general manager of a ceramics firm.
    ///
    /// Xu is optimistic about the prospects of handmade porcelain.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// More than 160 old kilns have been renovated, according to Xu Hui, vice mayor of the city.
    ///
    /// "Machines cannot replace bespoke work," said Xu Wan, general manager of a ceramics firm.
    ///
    /// Xu Wan is optimistic about the prospects of handmade porcelain.
    /// ```
    ///
    /// ## Options
    /// None.
    AmbiguousSurname {
        code: "P002",
        name: "ambiguous-surname",
        category: Names,
        severity: Warning,
        summary: "a surname alone when two people in the article share it",
        layers: [Names, Entities],
    }
}

impl Check for AmbiguousSurname {
    fn check(&self, article: &Article, cx: &mut Context) {
        let names = &article.names;
        let registry = &article.entities;
        // One report per surname and paragraph is enough to send the editor there.
        let mut reported: HashSet<(usize, &str)> = HashSet::new();
        for (reference, resolution) in names.references.iter().zip(&registry.references) {
            if !(reference.person_like() || reference.possessive) {
                continue;
            }
            let Resolution::Ambiguous(candidates) = resolution else {
                continue;
            };
            let people: Vec<&Person> = candidates
                .iter()
                .filter_map(|&id| registry.introduced_as(names, id))
                .collect();
            let [first, second, ..] = people.as_slice() else {
                continue;
            };
            if !reported.insert((reference.block, reference.word.as_str())) {
                continue;
            }
            let others = people.len() - 2;
            let more = if others > 0 {
                format!(" (and {others} more)")
            } else {
                String::new()
            };
            let diagnostic = cx
                .report(
                    reference.span,
                    format!(
                        "`{}` could be {} or {}{more}: both are introduced above, and neither is \
                         named nearer or far more often",
                        reference.word,
                        first.full_name(),
                        second.full_name()
                    ),
                )
                .help("use the full name, or a title that tells them apart");
            for person in &people {
                diagnostic.label(
                    person.introduction,
                    format!("{} is introduced here", person.full_name()),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::codes_in;

    fn p002(text: &str) -> usize {
        codes_in(text).iter().filter(|c| **c == "P002").count()
    }

    #[test]
    fn quick_cases() {
        let fails = [
            "Kilns were restored, according to Xu Hui, vice mayor of the city.\n\nMachines help, said Xu Wan, general manager of a firm.\n\nXu is optimistic about the future.",
            "Lyu Yating, head of Fuyu, spoke first.\n\nLyu Yansong, editor-in-chief of the agency, spoke next.\n\nThe plan is sound, Lyu said.",
        ];
        let passes = [
            "Kilns were restored, according to Xu Hui, vice mayor of the city.\n\nXu is optimistic about the future.",
            "Kilns were restored, according to Xu Hui, vice mayor of the city.\n\nMachines help, said Xu Wan, general manager of a firm.\n\nXu Wan is optimistic about the future.",
            "Anna Lee, a teacher, spoke.\n\nBen Li, a farmer, spoke.\n\nLee said the school would reopen.",
        ];
        for text in fails {
            assert!(p002(text) > 0, "{text}");
        }
        for text in passes {
            assert_eq!(p002(text), 0, "{text}");
        }
    }
}
