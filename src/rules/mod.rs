//! Rules as plain data: the YAML spec shapes ([`schema`]), the phrase syntax ([`phrase`]),
//! lexicons ([`lexicon`]), a timing event's [`Measure`], a `when` condition's shape ([`condition`]), checking a spec into a
//! [`Rule`] ([`validate`]), cloud categories read into the same specs ([`import`]), loading rule
//! files into one [`RuleSet`] ([`load`]), the places of a config's keys for its errors
//! ([`place`]) and of an escaped character in a double-quoted string ([`double_quoted`]), and the
//! built-in pack ([`builtin`]).
//! Nothing here matches text: the engine compiles a rule set.

pub(crate) mod builtin;
mod condition;
mod describe;
mod double_quoted;
mod error;
mod escapes;
mod folder;
pub(crate) mod import;
pub(crate) mod lexicon;
pub mod load;
mod measure;
mod misnamed;
mod model;
mod overrides;
pub mod phrase;
mod phrase_warnings;
pub(crate) mod place;
mod prebuilt;
pub(crate) mod schema;
mod template;
pub(crate) mod unspaced;
mod validate;
pub(crate) use validate::valid_id;

use crate::transcript::Role;
pub use error::RuleError;
pub(crate) use error::regex_reason;
pub use measure::Measure;
pub(crate) use measure::Measured;
pub use model::{
    After, Condition, Count, Find, Look, Near, PercentOf, RuleRegex, Side, Timing, Window, Within,
    Words,
};
pub use phrase::Pattern;
pub use schema::{Kind, Severity};
pub use template::{Fills, TemplatePiece, fold, needs_folding};

/// The category of the ids talklint gives its own results, which no rule may take: a rule
/// `talklint/score` would share its id with the SARIF result of a failing conversation.
pub(crate) const RESERVED_CATEGORY: &str = "talklint";

/// The characters with a meaning in phrase syntax (`\` before one makes it plain text). Every
/// one is punctuation, a word boundary in a phrase.
pub(crate) const PHRASE_SYNTAX: &str = "()[]|*${}\\";

/// The syntax character the first `\` of a phrase escapes: every one is punctuation, which
/// phrases read as a word boundary, so the escaped character matches nothing (`press \*` is "press" alone, `option \(a\)` "option a"); see
/// [`escapes`].
pub(crate) fn escaped_punctuation(phrase: &str) -> Option<char> {
    // Few phrases hold a `\`: the built-in pack's thousands are passed over at start-up.
    if !phrase.contains('\\') {
        return None;
    }
    let mut chars = phrase.chars();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(next) = chars.next()
            && PHRASE_SYNTAX.contains(next)
        {
            return Some(next);
        }
    }
    None
}

/// A checked rule.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone)]
pub struct Rule {
    /// `<category>/<name>`.
    pub id: String,
    /// The part of the id before `/`.
    pub category: String,
    /// Forbid, reward or require.
    pub kind: Kind,
    /// How serious a finding is (rewards are `info`).
    pub severity: Severity,
    /// The roles the rule listens to, as a bit set of [`Role::bit`]; its conditions' default.
    pub roles: u8,
    /// What the rule looks for.
    pub target: Target,
    /// `require` only: the fewest turns of the rule's speaker a conversation needs to be judged.
    pub min_turns: usize,
    /// Score change per counted hit (or when a `require` is missing).
    pub points: i32,
    /// Whether the rule file set `points` (otherwise they follow the severity, overridden or not).
    pub(crate) points_given: bool,
    /// How many hits count toward the score (all are reported).
    pub max_hits: Option<usize>,
    /// A hit fails the conversation whatever its score.
    pub auto_fail: bool,
    /// A finding's message, with `{match}`, `{speaker}` and `{id}` placeholders.
    pub message: String,
    /// Better wording, shown as help.
    pub suggestion: Option<String>,
    /// Forbid rules only: what `--fix` writes over a match (its first letter takes the match's
    /// case).
    pub replace: Option<String>,
    /// A page that explains the rule.
    pub link: Option<String>,
    /// What the rule is for, in the docs.
    pub description: Option<String>,
    /// Turns the rule must and must not hit (`talklint test`).
    pub examples: Examples,
    /// Where the rule's id is written.
    pub origin: Origin,
}

/// A phrase as written and as parsed.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone)]
pub struct Phrase {
    /// As written in the rule file.
    pub text: String,
    /// As parsed.
    pub pattern: Pattern,
}

/// What a rule looks for.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone)]
pub enum Target {
    /// Each match of a search is a hit; with `after`, only matches in a window after a trigger.
    Find {
        /// What is searched.
        find: Find,
        /// The trigger the hits must answer, if any.
        after: Option<After>,
    },
    /// One hit when the condition holds (`when`).
    When(Condition),
}

/// A place in a rule file.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The rule file (`<default>/…` for the built-in pack).
    pub file: String,
    /// 1-based line and column (in characters).
    pub line: usize,
    /// See `line`.
    pub column: usize,
}

/// Example turns that a rule must hit, and ones it must leave clean (`talklint test`).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Default)]
pub struct Examples {
    /// Text the rule must hit (for `require`: text that holds the required language).
    pub hit: Vec<String>,
    /// Text the rule must leave alone.
    pub clean: Vec<String>,
}

impl Rule {
    /// The rule's search, unless it is a `when` rule.
    pub fn find(&self) -> Option<&Find> {
        match &self.target {
            Target::Find { find, .. } => Some(find),
            Target::When(_) => None,
        }
    }

    /// The rule's phrase search, when it has one.
    pub fn words(&self) -> Option<&Words> {
        match &self.find()?.look {
            Look::Words(words) => Some(words),
            Look::Timing(_) | Look::Sentiment(_) => None,
        }
    }

    /// Every search of the rule, in order: its own, its `after` trigger's, each `when`
    /// condition's.
    fn finds(&self) -> Vec<&Find> {
        let mut finds = Vec::new();
        match &self.target {
            Target::Find { find, after } => {
                finds.push(find);
                finds.extend(after.iter().map(|a| &a.trigger));
            }
            Target::When(condition) => condition.finds(&mut finds),
        }
        finds
    }

    /// Whether a search of the rule reads the sentiment a transcript gives its turns.
    pub fn reads_sentiment(&self) -> bool {
        self.finds().iter().any(|f| match &f.look {
            Look::Sentiment(_) => true,
            Look::Words(w) => w.sentiment.is_some(),
            Look::Timing(_) => false,
        })
    }

    /// Whether a search of the rule reads the transcript's times: a timing measure, a window in
    /// seconds or percent (a timed call's percent is of its clock), or `within_seconds`.
    pub fn reads_times(&self) -> bool {
        let within_ms = match &self.target {
            Target::Find { after: Some(a), .. } => matches!(a.within, Within::Millis(_)),
            _ => false,
        };
        within_ms
            || self.finds().iter().any(|f| {
                matches!(f.look, Look::Timing(_))
                    || f.window
                        .is_some_and(|w| !matches!(w, Window::FirstTurns(_) | Window::LastTurns(_)))
            })
    }

    /// Whether a search of the rule measures a talk share, which needs to know whose turns are
    /// whose.
    pub fn reads_talk_share(&self) -> bool {
        self.finds().iter().any(|f| {
            matches!(
                f.look,
                Look::Timing(Timing::TalkShareAbove(_) | Timing::TalkShareBelow(_))
            )
        })
    }

    /// Every phrase the rule is written with, in order: its search's (and their `unless`,
    /// `near` and `not_near`), its `after` trigger's and each `when` condition's.
    pub(crate) fn phrases(&self) -> Vec<&Phrase> {
        let words = self.finds().into_iter().filter_map(|f| match &f.look {
            Look::Words(words) => Some(words),
            Look::Timing(_) | Look::Sentiment(_) => None,
        });
        words
            .flat_map(|w| {
                let near = w.near.iter().chain(&w.not_near).flat_map(|n| &n.phrases);
                w.phrases.iter().chain(&w.unless).chain(near)
            })
            .collect()
    }

    /// Whether turns of `role` are the rule's to judge.
    pub fn listens_to(&self, role: Role) -> bool {
        self.roles & role.bit() != 0
    }
}

/// Every loaded rule, and the fillers their phrases were read without.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    /// In load order: the order findings of one place are reported in.
    pub rules: Vec<Rule>,
    /// Canonical words skipped when matching (`um`, `uh`, …).
    pub fillers: Vec<String>,
    /// Every lexicon, by name, with its entries as written (for listings).
    pub lexicons: std::collections::BTreeMap<String, Vec<String>>,
    /// The id and category of each rule a config's `disable` turned off: a directive that names
    /// one names a known rule.
    pub disabled: Vec<(String, String)>,
}

impl RuleSet {
    /// The rule with `id`.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}
