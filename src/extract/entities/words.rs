//! Word knowledge of the registry until it moves into the shared lexicon: given names and
//! their diminutives, and the plural nouns that make a surname name a family.

/// Given names and the diminutives written for them, formal name first.
const NICKNAMES: &[(&str, &[&str])] = &[
    ("Abraham", &["Abe"]),
    ("Alexander", &["Alex", "Sandy"]),
    ("Alexandra", &["Alex", "Sandra"]),
    ("Andrew", &["Andy", "Drew"]),
    ("Anthony", &["Tony"]),
    ("Benjamin", &["Ben"]),
    ("Catherine", &["Cathy", "Kate", "Katie"]),
    ("Charles", &["Charlie", "Chuck"]),
    ("Christopher", &["Chris"]),
    ("Daniel", &["Dan", "Danny"]),
    ("David", &["Dave"]),
    ("Deborah", &["Debbie", "Deb"]),
    ("Donald", &["Don"]),
    ("Edward", &["Ed", "Eddie", "Ted"]),
    ("Elizabeth", &["Liz", "Beth", "Betty"]),
    ("Frederick", &["Fred"]),
    ("Gregory", &["Greg"]),
    ("James", &["Jim", "Jimmy", "Jamie"]),
    ("Jennifer", &["Jen", "Jenny"]),
    ("John", &["Jack", "Johnny"]),
    ("Jonathan", &["Jon"]),
    ("Joseph", &["Joe"]),
    ("Katherine", &["Kathy", "Kate", "Katie"]),
    ("Kenneth", &["Ken"]),
    ("Lawrence", &["Larry"]),
    ("Margaret", &["Maggie", "Peggy"]),
    ("Matthew", &["Matt"]),
    ("Michael", &["Mike", "Mick", "Mickey"]),
    ("Nicholas", &["Nick"]),
    ("Patricia", &["Pat", "Patty"]),
    ("Patrick", &["Pat"]),
    ("Peter", &["Pete"]),
    ("Philip", &["Phil"]),
    ("Richard", &["Rick", "Dick", "Rich"]),
    ("Robert", &["Bob", "Rob", "Bobby", "Robbie"]),
    ("Ronald", &["Ron"]),
    ("Samuel", &["Sam"]),
    ("Stephen", &["Steve"]),
    ("Steven", &["Steve"]),
    ("Susan", &["Sue"]),
    ("Theodore", &["Ted", "Teddy"]),
    ("Thomas", &["Tom", "Tommy"]),
    ("Timothy", &["Tim"]),
    ("Victoria", &["Vicky"]),
    ("William", &["Bill", "Will", "Billy"]),
];

/// Whether `a` and `b` are one given name: a formal name and a diminutive of it.
pub(super) fn same_given_name(a: &str, b: &str) -> bool {
    NICKNAMES.iter().any(|(formal, short)| {
        (*formal == a && short.contains(&b)) || (*formal == b && short.contains(&a))
    })
}

/// Plural nouns after a surname that make it a family or a pair: `the Bryan twins`.
pub(super) fn is_collective(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "twins"
            | "brothers"
            | "sisters"
            | "siblings"
            | "family"
            | "families"
            | "couple"
            | "parents"
            | "household"
            | "clan"
            | "dynasty"
            | "sons"
            | "daughters"
    )
}
