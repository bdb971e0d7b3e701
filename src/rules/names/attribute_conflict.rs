//! P004: one person given two incompatible roles or ages.

use std::collections::HashMap;

use crate::document::Article;
use crate::extract::names::{Age, Person, Role, distinct_people};
use crate::rules::{Check, Context, declare_rule};

/// P004 attribute-conflict.
#[derive(Debug, Default)]
pub struct AttributeConflict;

declare_rule! {
    /// ## What it checks
    /// One person (a full name, or a surname that only one person in the article carries) given
    /// two different ages (`Matt Watterson, 30,` … `the 32-year-old Watterson`), or one office at
    /// two ranks (`Xu Hui, vice mayor` … `Mayor Xu`; `deputy minister` … `Minister`). Roles that
    /// may both be true (`chairman` and `chief executive`) are left alone, and so is any role
    /// marked `former`, `acting` or `then`, and so are the roles of someone whose change of role
    /// the article tells (`Anna Berg became mayor`, `Berg was appointed minister`).
    ///
    /// ## Why it matters
    /// Promoting a vice mayor or ageing a source by two years in the same story is a factual
    /// error the person will write in about.
    ///
    /// ## Example
    /// ```markdown
    /// Xu Hui, vice mayor of Jingdezhen, said 160 kilns were restored.
    ///
    /// "We kept the old look," Mayor Xu said.
    /// ```
    ///
    /// Use instead:
    /// ```markdown
    /// Xu Hui, vice mayor of Jingdezhen, said 160 kilns were restored.
    ///
    /// "We kept the old look," Vice Mayor Xu said.
    /// ```
    ///
    /// ## Options
    /// None.
    AttributeConflict {
        code: "P004",
        name: "attribute-conflict",
        category: Names,
        severity: Error,
        summary: "one person given two incompatible roles or ages",
        layers: [Names],
    }
}

/// A role split into its rank (`vice`, `deputy`, …, or none) and its office (`mayor`).
fn rank_and_office(role: &str) -> Option<(&'static str, String)> {
    let words: Vec<&str> = role.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    if words.iter().any(|w| {
        matches!(
            *w,
            "former"
                | "ex"
                | "acting"
                | "interim"
                | "then"
                | "late"
                | "retired"
                | "honorary"
                | "designate"
                | "elect"
                | "new"
                | "outgoing"
        )
    }) {
        return None;
    }
    let office = (*words.last()?).to_owned();
    let rank = if words.contains(&"vice") {
        "vice"
    } else if words.contains(&"deputy") {
        "deputy"
    } else if words.contains(&"assistant") {
        "assistant"
    } else if words.contains(&"associate") {
        "associate"
    } else {
        ""
    };
    // `vice` and `deputy` alone are not an office.
    if matches!(
        office.as_str(),
        "vice" | "deputy" | "assistant" | "associate"
    ) {
        return None;
    }
    Some((rank, office))
}

/// Everything said about one person, in file order.
#[derive(Default)]
struct Attributes {
    roles: Vec<Role>,
    ages: Vec<Age>,
}

impl Check for AttributeConflict {
    fn check(&self, article: &Article, cx: &mut Context) {
        let names = &article.names;
        let groups = names.people_by_surname();
        let mut attributes: HashMap<Vec<String>, (&Person, Attributes)> = HashMap::new();
        // People whose change of role the article tells (`Berg became mayor`): their roles
        // before and after it are not in conflict.
        let mut changed: Vec<&[String]> = names
            .people
            .iter()
            .filter(|p| p.role_changed)
            .map(|p| p.words.as_slice())
            .collect();
        for reference in names.references.iter().filter(|r| r.role_changed) {
            if let Some(group) = groups.get(reference.word.as_str()) {
                if let [person] = distinct_people(group.iter().copied()).as_slice() {
                    changed.push(person.words.as_slice());
                }
            }
        }
        for person in &names.people {
            let entry = attributes
                .entry(person.words.clone())
                .or_insert_with(|| (person, Attributes::default()));
            entry.1.roles.extend(person.roles.iter().cloned());
            entry.1.ages.extend(person.ages.iter().copied());
        }
        for reference in &names.references {
            let Some(group) = groups.get(reference.word.as_str()) else {
                continue;
            };
            let distinct = distinct_people(group.iter().copied());
            let [person] = distinct.as_slice() else {
                continue;
            };
            if let Some(entry) = attributes.get_mut(&person.words) {
                entry.1.roles.extend(reference.title.iter().cloned());
                entry.1.ages.extend(reference.age);
            }
        }
        let mut people: Vec<_> = attributes.into_values().collect();
        people.sort_by_key(|(person, _)| person.introduction);
        for (person, mut found) in people {
            found.ages.sort_by_key(|a| a.span);
            found.ages.dedup_by_key(|a| a.span);
            found.roles.sort_by_key(|r| r.span);
            found.roles.dedup_by_key(|r| r.span);
            if let Some(first) = found.ages.first() {
                if let Some(other) = found.ages.iter().find(|a| a.years != first.years) {
                    report_age(cx, person, first, other);
                }
            }
            let mut offices: HashMap<String, (&'static str, &Role)> = HashMap::new();
            let roles_changed = changed.contains(&person.words.as_slice());
            for role in found.roles.iter().filter(|_| !roles_changed) {
                let Some((rank, office)) = rank_and_office(&role.text) else {
                    continue;
                };
                match offices.get(&office) {
                    Some(&(earlier_rank, earlier)) if earlier_rank != rank => {
                        report_role(cx, person, earlier, role);
                        break;
                    }
                    Some(_) => {}
                    None => {
                        offices.insert(office, (rank, role));
                    }
                }
            }
        }
    }
}

fn report_age(cx: &mut Context, person: &Person, first: &Age, other: &Age) {
    cx.report(
        other.span,
        format!(
            "the age of {} is given as {} here but as {} earlier",
            person.full_name(),
            other.years,
            first.years
        ),
    )
    .label(first.span, "the age is first given here")
    .help("make the ages agree, or say when each was true");
}

fn report_role(cx: &mut Context, person: &Person, earlier: &Role, later: &Role) {
    cx.report(
        later.span,
        format!(
            "the title of {} is given as `{}` here but as `{}` earlier",
            person.full_name(),
            later.text,
            earlier.text
        ),
    )
    .label(earlier.span, "the role is first given here")
    .help("use the same title for the same person throughout");
}

#[cfg(test)]
mod tests {
    use super::rank_and_office;
    use crate::testing::codes_in;

    fn p004(text: &str) -> usize {
        codes_in(text).iter().filter(|c| **c == "P004").count()
    }

    #[test]
    fn ranks() {
        assert_eq!(
            rank_and_office("vice mayor"),
            Some(("vice", "mayor".into()))
        );
        assert_eq!(rank_and_office("mayor"), Some(("", "mayor".into())));
        assert_eq!(rank_and_office("former mayor"), None);
    }

    #[test]
    fn quick_cases() {
        assert_eq!(
            p004("Xu Hui, vice mayor of the city, spoke.\n\n\"Good,\" Mayor Xu said."),
            1
        );
        assert_eq!(
            p004(
                "Matt Watterson, 30, moved in 2019.\n\nThe 32-year-old Watterson said it was home."
            ),
            1
        );
        assert_eq!(
            p004(
                "Matt Watterson, 30, moved in 2019.\n\nThe 30-year-old Watterson said it was home."
            ),
            0
        );
    }
}
