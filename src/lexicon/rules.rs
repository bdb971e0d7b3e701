//! What single rules know about words: common acronyms, generic nouns, clause words, the
//! roles and prepositions that tie a year to a period, and the nouns of sports and money.

use super::{Builder, Class};

/// Acronyms that are the common name of what they stand for: using one before spelling it out
/// is house style, not a slip.
const COMMON_ACRONYMS: &[&str] = &[
    "US", "USA", "UK", "UN", "EU", "NATO", "UNESCO", "UNICEF", "FBI", "CIA", "BBC", "CEO", "GDP",
    "AIDS", "HIV", "TV", "OPEC", "NASA", "FIFA", "WHO", "IMF", "WTO", "OECD", "G7", "AM", "PM",
    "CNN", "NHS", "IT", "ID", "DNA", "PC", "OK", "GATT", "IOC", "PLA", "ASEAN", "NPC", "CPC",
];

/// Phrases too generic to identify one figure.
const GENERIC_NOUNS: &[&str] = &[
    "total",
    "number",
    "sum",
    "group",
    "maximum",
    "minimum",
    "average",
    "record",
    "rate",
    "level",
    "value",
    "amount",
    "figure",
    "price",
    "cost",
    "people",
    "persons",
    "others",
    "them",
    "times",
    "share",
    "shares",
    "stake",
    "part",
    "portion",
    "majority",
    "loss",
    "profit",
    "gain",
    "fine",
    "sale",
    "sales",
    "range",
    "height",
    "depth",
    "distance",
    "age",
    "score",
    "size",
    "one",
    "ones",
    "dollars",
    "points",
    "units",
    "items",
    "votes",
    "point",
    "basis points",
    "counts",
    "charges",
    "goals",
    "runs",
    "seconds",
    "minutes",
    "rebounds",
    "assists",
    "matches",
    "games",
];

/// Words that put a duration and a range in different clauses: `the two-day visit comes after
/// talks Nov. 20-25`.
const CLAUSE_WORDS: &[&str] = &[
    "after",
    "before",
    "following",
    "since",
    "until",
    "than",
    "and",
    "but",
    "while",
    "when",
    "comes",
    "came",
    "follows",
    "followed",
    "preceded",
    "ahead",
    "from",
    "between",
];

/// People and bodies that belong to their period: `an emperor of the Song Dynasty`; `scholars of
/// the Tang Dynasty` may live in any age.
const PERIOD_ROLES: &[&str] = &[
    "emperor",
    "emperors",
    "empress",
    "king",
    "kings",
    "queen",
    "ruler",
    "rulers",
    "court",
    "army",
    "armies",
    "officials",
    "official",
    "general",
    "generals",
    "prince",
    "princess",
    "capital",
    "founder",
    "chancellor",
    "minister",
    "ministers",
    "reign",
    "troops",
    "throne",
];

/// Prepositions that set a year inside a period: `in 1404, during the Song Dynasty`.
const PERIOD_PREPOSITIONS: &[&str] = &["during", "under", "in"];

/// Counted nouns that AP writes in numerals whatever their size: sports statistics and money.
const SPORTS_AND_MONEY: &[&str] = &[
    "pence",
    "cents",
    "points",
    "goals",
    "runs",
    "rebounds",
    "assists",
    "steals",
    "blocks",
    "wickets",
    "saves",
    "strokes",
    "shots",
    "yards",
    "touchdowns",
    "innings",
    "sets",
    "games",
    "laps",
    "seconds",
    "minutes",
    "hours",
    "wins",
    "losses",
    "draws",
    "homers",
    "hits",
    // Tallies of an election (AP writes vote counts in figures).
    "delegates",
    "votes",
];

pub(super) fn add(b: &mut Builder) {
    b.list(COMMON_ACRONYMS, Class::COMMON_ACRONYM);
    b.list(GENERIC_NOUNS, Class::GENERIC_NOUN);
    b.list(CLAUSE_WORDS, Class::CLAUSE_WORD);
    b.list(PERIOD_ROLES, Class::PERIOD_ROLE);
    b.list(PERIOD_PREPOSITIONS, Class::PERIOD_PREPOSITION);
    b.list(SPORTS_AND_MONEY, Class::SPORTS_OR_MONEY);
}
