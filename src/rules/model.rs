//! What a rule looks for (SPEC §2, §2.1), as checked data: phrase searches with their windows,
//! proximity and counts, sequences after a trigger, conditions over the whole conversation,
//! timing, and the sentiment labels a transcript carries.

use super::Phrase;
use serde::{Deserialize, Serialize};

/// Phrases or regexes in the turns of some speakers (in those labelled with a sentiment, when
/// it says so), a timing measure, or turns labelled with a sentiment.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Find {
    /// The roles whose turns are searched, as a bit set of [`crate::Role::bit`].
    pub roles: u8,
    /// Words or a measure.
    pub look: Look,
    /// Where in the conversation to look; everywhere when `None`.
    pub window: Option<Window>,
    /// How many matches make the search hold, for a count rule or condition.
    pub count: Option<Count>,
}

/// What a search looks for.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub enum Look {
    /// Phrases and regexes in the turns' text.
    Words(Words),
    /// A measure of the conversation's times.
    Timing(Timing),
    /// Turns the transcript labels with one of these sentiments, as a bit set of
    /// [`crate::transcript::Sentiment::bit`]; each such turn is one match.
    Sentiment(u8),
}

/// Phrases and regexes, and what must or must not be near them.
#[derive(Serialize, Deserialize, Debug, Clone, Default)]
pub struct Words {
    /// Phrases that match.
    pub phrases: Vec<Phrase>,
    /// Regexes that match, in the original text.
    pub regex: Vec<RuleRegex>,
    /// A match is dropped when one of these occurs in the same turn.
    pub unless: Vec<Phrase>,
    /// A match counts only when each of these finds one of its phrases near enough, in the
    /// same turn.
    pub near: Vec<Near>,
    /// A match is dropped when one of these finds one of its phrases near enough.
    pub not_near: Vec<Near>,
    /// A match counts only in a turn the transcript labels with one of these sentiments (a bit
    /// set of [`crate::transcript::Sentiment::bit`]): `phrases` and `sentiment` in one search
    /// are one turn's. `None`: any turn.
    pub sentiment: Option<u8>,
}

/// A rule regex: as written, and as compiled (with the mode flags loading chose).
#[derive(Serialize, Deserialize, Debug, Clone)]
#[serde(into = "RegexForm", try_from = "RegexForm")]
pub struct RuleRegex {
    /// As written in the rule file.
    pub written: String,
    /// As compiled: case-insensitive, multi-line, ASCII unless it needs Unicode.
    pub pattern: String,
    /// `pattern` compiled, once: loading compiles it to check it, and the engine runs it (it
    /// compiled each again, 2.5M instructions of a one-file check).
    pub compiled: regex::Regex,
}

impl RuleRegex {
    /// `pattern` compiled as a rule regex is: case-insensitive, its other flags written in it.
    pub(super) fn compile(pattern: &str) -> Result<regex::Regex, regex::Error> {
        regex::RegexBuilder::new(pattern)
            .case_insensitive(true)
            .build()
    }
}

/// A [`RuleRegex`] as a prebuilt rule set holds it: compiled again when read.
#[derive(Serialize, Deserialize)]
struct RegexForm {
    written: String,
    pattern: String,
}

impl From<RuleRegex> for RegexForm {
    fn from(r: RuleRegex) -> RegexForm {
        RegexForm {
            written: r.written,
            pattern: r.pattern,
        }
    }
}

impl TryFrom<RegexForm> for RuleRegex {
    type Error = regex::Error;

    fn try_from(form: RegexForm) -> Result<RuleRegex, regex::Error> {
        Ok(RuleRegex {
            compiled: RuleRegex::compile(&form.pattern)?,
            written: form.written,
            pattern: form.pattern,
        })
    }
}

/// Other phrases within some words of a match.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct Near {
    /// The phrases that must (or must not) be near.
    pub phrases: Vec<Phrase>,
    /// The most canonical words strictly between the two matches (overlapping matches are 0
    /// apart).
    pub words: usize,
    /// Only before or only after the match; either side when `None`.
    pub side: Option<Side>,
}

/// Which side of a match another one is on.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// Before the match.
    Before,
    /// After the match.
    After,
}

/// How many matches make a search hold: `min..=max`.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    /// The fewest matches (1 when not given).
    pub min: usize,
    /// The most matches, when bounded.
    pub max: Option<usize>,
}

impl Count {
    /// Whether `n` matches are in range.
    pub fn holds(&self, n: usize) -> bool {
        n >= self.min && self.max.is_none_or(|m| n <= m)
    }
}

/// A measure of a timed conversation; each event (a silence, an interruption, a long turn) is
/// one match, on the turn it belongs to.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
pub enum Timing {
    /// A gap of at least this many milliseconds (and more than 0) before a turn of the speaker.
    Silence(u64),
    /// A turn of the speaker that starts at least this many milliseconds before another
    /// speaker's turn ends.
    Interrupts(u64),
    /// The speaker's interruptions overlap more than this many milliseconds in all (one match).
    InterruptsTotal(u64),
    /// The speaker's share of talk time is above this fraction (one match).
    TalkShareAbove(f64),
    /// The speaker's share of talk time is below this fraction (one match).
    TalkShareBelow(f64),
    /// A turn of the speaker lasts longer than this many milliseconds.
    TurnAbove(u64),
}

/// A sequence: the rule's hits count only after a trigger of another speaker.
#[derive(Serialize, Deserialize, Debug, Clone)]
pub struct After {
    /// What makes a trigger.
    pub trigger: Find,
    /// How long after the trigger an answer counts.
    pub within: Within,
}

/// How long after a trigger its window lasts.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Within {
    /// The next N turns of the rule's speaker.
    Turns(usize),
    /// N milliseconds from the trigger turn's end.
    Millis(u64),
}

/// A condition over a conversation (`when`).
#[derive(Serialize, Deserialize, Debug, Clone)]
pub enum Condition {
    /// A search holds when it has a match (or, with `count`, the number of matches is in range).
    Find(Find),
    /// Every condition holds.
    All(Vec<Condition>),
    /// One condition holds at least.
    Any(Vec<Condition>),
    /// The condition does not hold.
    Not(Box<Condition>),
}

impl Condition {
    /// Every search of the condition, under `all`, `any` and `not` too, appended to `out`.
    pub fn finds<'c>(&'c self, out: &mut Vec<&'c Find>) {
        match self {
            Condition::Find(find) => out.push(find),
            Condition::All(list) | Condition::Any(list) => {
                list.iter().for_each(|c| c.finds(out));
            }
            Condition::Not(inner) => inner.finds(out),
        }
    }

    /// The roles whose turns the condition looks at: every search's, under `not` too (a rule that
    /// holds when the agent does not say something judges the agent).
    pub fn roles(&self) -> u8 {
        match self {
            Condition::Find(find) => find.roles,
            Condition::All(list) | Condition::Any(list) => {
                list.iter().fold(0, |acc, c| acc | c.roles())
            }
            Condition::Not(inner) => inner.roles(),
        }
    }
}

/// Where in a conversation a rule or condition looks.
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq)]
pub enum Window {
    /// The first N turns of the speaker.
    FirstTurns(usize),
    /// The last N turns of the speaker.
    LastTurns(usize),
    /// The turns that overlap the first N milliseconds of the transcript's clock (a timing
    /// measure: the time inside them).
    FirstSeconds(u64),
    /// The turns that overlap the last N milliseconds of the conversation (a timing measure:
    /// the time inside them).
    LastSeconds(u64),
    /// The turns that overlap the first N percent of the call (of its duration when timed, of
    /// its turns otherwise).
    FirstPercent(f64, PercentOf),
    /// The turns that overlap the last N percent of the call.
    LastPercent(f64, PercentOf),
    /// The turns that overlap this span of the transcript's clock, in milliseconds.
    BetweenSeconds(u64, u64),
    /// The turns that overlap this span of the call, in percent.
    BetweenPercent(f64, f64, PercentOf),
}

/// What a percent window is a share of, on a timed transcript (untimed, it is of the turns).
#[derive(Serialize, Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum PercentOf {
    /// The call: from the first turn's start to the last end.
    Call,
    /// The recording: from 0 on the transcript's clock to the last end (AWS's
    /// `RelativeTimeRange`, measured from the start of the media file).
    Media,
}

impl PercentOf {
    /// How a window's description names it.
    fn name(self) -> &'static str {
        match self {
            PercentOf::Call => "the call",
            PercentOf::Media => "the recording",
        }
    }
}

impl Window {
    /// The window in words: `first 3 turns`.
    pub fn describe(&self) -> String {
        // Seconds as written: 2.5, not 2.
        let secs = |ms: &u64| *ms as f64 / 1000.0;
        // One turn or second is said as one (`first turn`, not `first 1 turns`).
        let turns = |n: &usize| match n {
            1 => "turn".to_string(),
            n => format!("{n} turns"),
        };
        let seconds = |ms: &u64| match secs(ms) {
            1.0 => "1 second".to_string(),
            s => format!("{s} seconds"),
        };
        match self {
            Window::FirstTurns(n) => format!("first {}", turns(n)),
            Window::LastTurns(n) => format!("last {}", turns(n)),
            Window::FirstSeconds(ms) => format!("first {}", seconds(ms)),
            Window::LastSeconds(ms) => format!("last {}", seconds(ms)),
            Window::FirstPercent(p, PercentOf::Call) => format!("first {p}%"),
            Window::LastPercent(p, PercentOf::Call) => format!("last {p}%"),
            Window::FirstPercent(p, of) => format!("first {p}% of {}", of.name()),
            Window::LastPercent(p, of) => format!("last {p}% of {}", of.name()),
            Window::BetweenSeconds(a, b) => format!("seconds {}–{}", secs(a), secs(b)),
            Window::BetweenPercent(a, b, of) => format!("{a}%–{b}% of {}", of.name()),
        }
    }
}

impl Timing {
    /// The measure in words: `silence of 10 s or more`.
    pub fn describe(&self) -> String {
        let s = |ms: &u64| *ms as f64 / 1000.0;
        match self {
            Timing::Silence(0) => "silence between turns".to_string(),
            Timing::Silence(ms) => format!("silence of {} s or more", s(ms)),
            Timing::Interrupts(ms) => format!("interrupts by {} s or more", s(ms)),
            Timing::InterruptsTotal(ms) => format!("interruptions over {} s in all", s(ms)),
            Timing::TalkShareAbove(f) => format!("talk share above {f}"),
            Timing::TalkShareBelow(f) => format!("talk share below {f}"),
            Timing::TurnAbove(ms) => format!("turns over {} s", s(ms)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_turn_or_second_is_said_as_one() {
        assert_eq!(Window::FirstTurns(1).describe(), "first turn");
        assert_eq!(Window::LastTurns(3).describe(), "last 3 turns");
        assert_eq!(Window::FirstSeconds(1000).describe(), "first 1 second");
        assert_eq!(Window::LastSeconds(2500).describe(), "last 2.5 seconds");
    }
}
