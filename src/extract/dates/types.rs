//! The date mentions of an article.

use jiff::civil::Weekday;

use crate::source::Span;

/// Every date mention in an article.
#[derive(Debug, Clone, Default)]
pub struct Dates {
    /// Calendar dates: a month and a day, with a year when one is stated.
    pub calendar: Vec<CalendarDate>,
    /// Day ranges inside one month or across two (`Nov. 27-29`, `Nov. 30-Dec. 2`).
    pub day_ranges: Vec<DayRange>,
    /// Year ranges (`1368-1644`, `from 2012 to 2016`, `between 2012 and 2016`, `2025-26`).
    pub year_ranges: Vec<YearRange>,
    /// Standalone years (`in 2016`), not counting the years inside dates and ranges.
    pub years: Vec<YearMention>,
    /// Durations (`two-day`, `three weeks`, `a decade`).
    pub durations: Vec<Duration>,
    /// Relative days (`yesterday`, `last Saturday`) and what they stand next to.
    pub relatives: Vec<Relative>,
    /// `N years ago`, with the year or event it is tied to.
    pub ago: Vec<Ago>,
    /// `the Nth anniversary` of something.
    pub anniversaries: Vec<Anniversary>,
    /// Ages of people (`Smith, 30,`, `the 30-year-old Smith`, `aged 30`).
    pub ages: Vec<Age>,
    /// Events of an entity with a year (`Taoxichuan opened in 2016`, `Smith was born in 1990`).
    pub events: Vec<Event>,
    /// Mentions of named periods (`the Song Dynasty`), with or without a span of years.
    pub periods: Vec<PeriodMention>,
    /// The dateline's month and day when the dateline gives no year (`BEIJING, Nov. 18 (Xinhua)
    /// --`): enough to check `yesterday (Nov. 17)` without knowing the year.
    pub dateline_day: Option<(i8, i8)>,
    /// Years of five digits where a date expects a year (`May 20014`, `May 5, 20014`).
    pub long_years: Vec<Span>,
}

/// A month and a day, perhaps with a year and a weekday.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarDate {
    /// The whole date, weekday included when it is attached.
    pub span: Span,
    /// The year when stated (`Nov. 28, 2026`, `2026-11-28`).
    pub year: Option<i16>,
    /// 1-12; for ISO dates it may be out of range (`2026-13-01`).
    pub month: i8,
    /// The day as written (it may be invalid, e.g. 30 for February).
    pub day: i8,
    /// The weekday written next to the date (`Thursday, Nov. 28`, `Nov. 28 (Thursday)`).
    pub weekday: Option<(Weekday, Span)>,
    /// How the date was written.
    pub form: DateForm,
    /// The other reading of a numeric date whose month-day order the article leaves open
    /// (`4/5/2021`): its month and day. `month` and `day` hold the month-first reading then.
    pub other_reading: Option<(i8, i8)>,
    /// The global sentence index.
    pub sentence: usize,
}

/// How a calendar date was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    /// With a month name: `Nov. 28, 2026`, `28 November`.
    Words,
    /// ISO 8601: `2026-11-28`.
    Iso,
    /// Digits with slashes or dots: `11/28/2026`, `28.11.2026`, `2026/11/28`.
    Numeric,
}

/// The order of month and day in numeric dates such as `4/5/2021`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum DateOrder {
    /// Month first (US): `11/28/2026`.
    Mdy,
    /// Day first: `28/11/2026`.
    Dmy,
    /// From the article: its unambiguous numeric dates (`28/11/2026` can only be day first),
    /// else its front-matter locale; a date that stays ambiguous is checked under both orders.
    #[default]
    Auto,
}

/// A range of days (`Nov. 27-29`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayRange {
    /// The whole range.
    pub span: Span,
    /// Year when stated (the last day's).
    pub year: Option<i16>,
    /// The first day's year when it is stated and differs from the last's (`between 22 October
    /// 2018 and 2 October 2020`).
    pub start_year: Option<i16>,
    /// First month and day.
    pub start: (i8, i8),
    /// Last month and day.
    pub end: (i8, i8),
    /// Whether it is written in words (`from May 12 to May 15`, `between 12 and 15 May`):
    /// such a range may run most of the way round the year (`from October 1 to March 31`).
    pub spelled: bool,
    /// Whether its sentence moves a date (a verb of change, or a moment a plan sets: `the vote
    /// was moved from May 12 to May 5`): then a spelled range is a change, not a range.
    pub changed: bool,
    /// The global sentence index.
    pub sentence: usize,
}

/// How a year range was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeForm {
    /// `1368-1644`, `(960-1279)`.
    Dash,
    /// `from 2012 to 2016`.
    FromTo,
    /// `between 2012 and 2016`.
    Between,
    /// `2025-26`, a season or fiscal year.
    Season,
}

/// A range of years; BC years are negative (1 BC is 0, as astronomers count).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearRange {
    /// The whole range.
    pub span: Span,
    /// First year.
    pub start: i32,
    /// Last year.
    pub end: i32,
    /// How it was written.
    pub form: RangeForm,
    /// The named period or entity the range belongs to (`Ming Dynasty`), normalized.
    pub entity: Option<String>,
    /// Whether its sentence has a verb of change (`moved from 2029 to 2021`, `cut from 2016 to
    /// 2012`): then `from … to …` gives a change, not a range (`between … and …` never does).
    pub changed: bool,
    /// Whether it follows a verb of lasting or ruling (`ruled from 1368 to 1644`).
    pub governed: bool,
    /// Whether its sentence names a moment that a plan sets (`an end to sales from 2040 to
    /// 2035`): a `from … to …` there may move that moment.
    pub point_in_time: bool,
    /// Whether a word of a fall stands right before it (`the count dropped from 2016 to
    /// 2012`): a `from … to …` there may be two quantities, the second the smaller.
    pub falls: bool,
    /// The global sentence index.
    pub sentence: usize,
}

/// A year standing on its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearMention {
    /// The year as written, era included.
    pub span: Span,
    /// The year; BC years are negative.
    pub year: i32,
    /// Whether `in` stands before it.
    pub after_in: bool,
    /// The global sentence index.
    pub sentence: usize,
}

/// Units of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeUnit {
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Years.
    Year,
}

/// A length of time (`two-day`, `three weeks`, `a decade` = 10 years).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duration {
    /// The words.
    pub span: Span,
    /// How many units.
    pub amount: u32,
    /// The unit.
    pub unit: TimeUnit,
    /// Whether it is a hyphenated modifier (`two-day forum`).
    pub modifier: bool,
    /// Whether a hedge stands before it (`nearly`, `about`, `more than`, `over`, `past`).
    pub hedged: bool,
    /// The global sentence index.
    pub sentence: usize,
}

/// Which relative day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelativeKind {
    /// Yesterday (-1), today (0), tomorrow (+1), tonight (0).
    Offset(i8),
    /// `last Saturday`.
    Last(Weekday),
    /// `next Saturday`.
    Next(Weekday),
}

/// A relative day and the explicit weekday or date written next to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relative {
    /// The words.
    pub span: Span,
    /// Which day.
    pub kind: RelativeKind,
    /// A weekday in apposition (`yesterday (Thursday)`).
    pub weekday: Option<(Weekday, Span)>,
    /// Index into [`Dates::calendar`] of a date in apposition (`yesterday, Nov. 27`).
    pub date: Option<usize>,
    /// The global sentence index.
    pub sentence: usize,
}

/// `N years ago`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ago {
    /// The words.
    pub span: Span,
    /// N.
    pub years: u32,
    /// Whether a hedge stands before N (`nearly`, `about`, `some`, `more than`).
    pub hedged: bool,
    /// The year it restates (`in 2000, 26 years ago`), with its span.
    pub year: Option<(i32, Span)>,
    /// The event it dates (`Taoxichuan opened 10 years ago`).
    pub event: Option<EventKey>,
    /// The global sentence index.
    pub sentence: usize,
}

/// `the Nth anniversary`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anniversary {
    /// The words.
    pub span: Span,
    /// N.
    pub ordinal: u32,
    /// The entity whose anniversary it is (`Taoxichuan's 10th anniversary`, `the 10th
    /// anniversary of Taoxichuan`), normalized.
    pub entity: Option<String>,
    /// The year of the anniversary's event in the same sentence (`the 70th anniversary of the
    /// founding … in 1949`), when exactly one year follows it there.
    pub year: Option<(i32, Span)>,
    /// Whether the sentence speaks of it as coming (`will`, `next year`, `upcoming`).
    pub upcoming: bool,
    /// The global sentence index.
    pub sentence: usize,
}

/// A person's age.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Age {
    /// The age as written.
    pub span: Span,
    /// In years.
    pub years: u32,
    /// The person's name, normalized (`Li Wei`).
    pub person: String,
    /// The global sentence index.
    pub sentence: usize,
}

/// What happened to an entity: the verbs that date an entity once and for all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EventKind {
    /// founded, established, set up, created.
    Founded,
    /// opened, inaugurated.
    Opened,
    /// built, completed.
    Built,
    /// launched.
    Launched,
    /// born.
    Born,
    /// died.
    Died,
}

impl EventKind {
    /// The verb phrase after the entity, for messages (`was founded`, `died`).
    pub fn phrase(self) -> &'static str {
        match self {
            EventKind::Founded => "was founded",
            EventKind::Opened => "opened",
            EventKind::Built => "was built",
            EventKind::Launched => "was launched",
            EventKind::Born => "was born",
            EventKind::Died => "died",
        }
    }

    /// Whether an anniversary counts from this event.
    pub fn starts_anniversaries(self) -> bool {
        matches!(
            self,
            EventKind::Founded | EventKind::Opened | EventKind::Launched | EventKind::Built
        )
    }
}

/// An entity and what happened to it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EventKey {
    /// The entity, normalized (`Taoxichuan`).
    pub entity: String,
    /// What happened.
    pub kind: EventKind,
}

/// `Taoxichuan opened in 2016`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The entity and what happened.
    pub key: EventKey,
    /// The entity as written.
    pub entity_span: Span,
    /// The year as written.
    pub year_span: Span,
    /// The year.
    pub year: i32,
    /// Month and day when a full date is given (`born on March 3, 1996`).
    pub day: Option<(i8, i8)>,
    /// The global sentence index.
    pub sentence: usize,
}

/// A mention of a named period (`the Song Dynasty`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodMention {
    /// The name as written.
    pub span: Span,
    /// The name, normalized.
    pub name: String,
    /// Index into [`Dates::year_ranges`] when the span of years follows the name.
    pub range: Option<usize>,
    /// The global sentence index.
    pub sentence: usize,
}
