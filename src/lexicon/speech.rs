//! Speech: verbs that attribute a quotation, and the cue words that make one a title or a term.

use super::{Builder, Class};

/// Verbs that attribute speech, right before or after a speaker's name (lower-case).
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "noted",
    "notes",
    "recalled",
    "recalls",
    "explained",
    "explains",
    "stressed",
    "stresses",
    "told",
    "tells",
    "asked",
    "asks",
    "wrote",
    "writes",
    "continued",
    "continues",
    "insisted",
    "insists",
    "warned",
    "warns",
    "argued",
    "argues",
    "remarked",
    "commented",
    "declared",
    "declares",
    "concluded",
    "emphasized",
    "emphasised",
    "acknowledged",
    "admitted",
    "replied",
    "answered",
    "announced",
    "observed",
    "quipped",
    "urged",
    "urges",
    "predicted",
    "suggested",
    "claimed",
    "claims",
    "confirmed",
    "maintained",
    "reiterated",
    "agreed",
    "cautioned",
    "joked",
    "lamented",
    "pointed",
    "recounted",
    "shared",
];

/// Words just before a quotation that mark it as the title of a work, a theme or a slogan.
const TITLE_CUES: &[&str] = &[
    "titled",
    "entitled",
    "theme",
    "themed",
    "slogan",
    "motto",
    "dubbed",
    "headlined",
    "called",
    "named",
    "network",
    "initiative",
    "programme",
    "campaign",
    "book",
    "film",
    "song",
    "album",
    "series",
    "exhibition",
];

/// Words right before a quotation that mark it as a word or phrase being explained.
const TERM_CUES: &[&str] = &[
    "means", "meaning", "word", "words", "phrase", "term", "nickname",
];

/// Words that open the salutation of a letter or a speech (`Dear Colleagues,`, `Ladies and
/// gentlemen,`, `Fellow citizens,`): forms of address, not greetings such as `Hello`, which a
/// speaker may say in the middle of a quotation.
const SALUTATIONS: &[&str] = &[
    "dear",
    "dearest",
    "ladies",
    "gentlemen",
    "fellow",
    "comrades",
    "colleagues",
    "brothers",
    "sisters",
    "sir",
    "madam",
];

/// Words that cite a source: `quoting the minister`.
const CITING: &[&str] = &["quoting", "citing"];

pub(super) fn add(b: &mut Builder) {
    b.list(SPEECH_VERBS, Class::SPEECH_VERB);
    b.list(TITLE_CUES, Class::TITLE_CUE);
    b.list(TERM_CUES, Class::TERM_CUE);
    b.list(CITING, Class::CITING);
    b.list(SALUTATIONS, Class::SALUTATION);
}
