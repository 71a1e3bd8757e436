//! Rules as plain data: the YAML spec shapes ([`schema`]), the phrase syntax ([`phrase`]),
//! checking a spec into a [`Rule`] ([`validate`]), loading rule files into one [`RuleSet`]
//! ([`load`]) and the built-in pack ([`builtin`]). Nothing here matches text: the engine compiles
//! a rule set.

pub(crate) mod builtin;
mod error;
pub mod load;
pub mod phrase;
pub(crate) mod schema;
mod validate;

use crate::transcript::Role;
pub use error::RuleError;
pub use phrase::Pattern;
pub use schema::{Kind, Severity};

/// A checked rule.
#[derive(Debug, Clone)]
pub struct Rule {
    /// `<category>/<name>`.
    pub id: String,
    /// The part of the id before `/`.
    pub category: String,
    /// Forbid, reward or require.
    pub kind: Kind,
    /// How serious a finding is (rewards are `info`).
    pub severity: Severity,
    /// The roles the rule listens to, as a bit set of [`Role::bit`].
    pub roles: u8,
    /// Phrases that hit.
    pub phrases: Vec<Phrase>,
    /// Regexes that hit, searched in the original text.
    pub regex: Vec<RuleRegex>,
    /// A hit is dropped when one of these occurs in the same turn.
    pub unless: Vec<Phrase>,
    /// Where in the conversation the rule looks; everywhere when `None`.
    pub window: Option<Window>,
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
#[derive(Debug, Clone)]
pub struct Phrase {
    /// As written in the rule file.
    pub text: String,
    /// As parsed.
    pub pattern: Pattern,
}

/// A rule regex: as written, and as compiled (with the mode flags loading chose).
#[derive(Debug, Clone)]
pub struct RuleRegex {
    /// As written in the rule file.
    pub written: String,
    /// As compiled: case-insensitive, multi-line, ASCII unless it needs Unicode.
    pub pattern: String,
}

/// A place in a rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The rule file (`<default>/…` for the built-in pack).
    pub file: String,
    /// 1-based line and column (in characters).
    pub line: usize,
    /// See `line`.
    pub column: usize,
}

/// Example turns that a rule must hit, and ones it must leave clean (`talklint test`).
#[derive(Debug, Clone, Default)]
pub struct Examples {
    /// Text the rule must hit (for `require`: text that holds the required language).
    pub hit: Vec<String>,
    /// Text the rule must leave alone.
    pub clean: Vec<String>,
}

impl Rule {
    /// The message of a finding, with `{match}` (whitespace runs folded), `{speaker}` and `{id}`
    /// filled in. Messages without placeholders are borrowed.
    pub fn message(&self, matched: Option<&str>, speaker: &str) -> std::borrow::Cow<'_, str> {
        if memchr::memchr(b'{', self.message.as_bytes()).is_none() {
            return std::borrow::Cow::Borrowed(&self.message);
        }
        let mut out = String::with_capacity(self.message.len() + 32);
        let mut rest = self.message.as_str();
        while let Some(open) = memchr::memchr(b'{', rest.as_bytes()) {
            out.push_str(&rest[..open]);
            rest = &rest[open..];
            let (value, len) = if rest.starts_with("{match}") {
                (matched.unwrap_or(""), 7)
            } else if rest.starts_with("{speaker}") {
                (speaker, 9)
            } else if rest.starts_with("{id}") {
                (self.id.as_str(), 4)
            } else {
                ("{", 1)
            };
            if len == 7 && needs_folding(value) {
                // Fold whitespace runs (a match may span a line break).
                for (i, word) in value.split_whitespace().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    out.push_str(word);
                }
            } else {
                out.push_str(value);
            }
            rest = &rest[len..];
        }
        out.push_str(rest);
        std::borrow::Cow::Owned(out)
    }

    /// Whether turns of `role` are the rule's to judge.
    pub fn listens_to(&self, role: Role) -> bool {
        self.roles & role.bit() != 0
    }

    /// The roles the rule listens to, by name.
    pub fn speaker_names(&self) -> Vec<&'static str> {
        Role::ALL
            .iter()
            .filter(|r| self.listens_to(**r))
            .map(|r| r.name())
            .collect()
    }
}

/// Whether text has white space other than single spaces (a match across a line break).
fn needs_folding(text: &str) -> bool {
    let b = text.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        matches!(c, b'\n' | b'\r' | b'\t') || (c == b' ' && b.get(i + 1) == Some(&b' '))
    })
}

/// Where in a conversation a rule looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Window {
    /// The first N turns of the rule's speaker.
    FirstTurns(usize),
    /// The last N turns of the rule's speaker.
    LastTurns(usize),
    /// The turns that start in the first N milliseconds of the conversation.
    FirstSeconds(u64),
    /// The turns that end in the last N milliseconds of the conversation.
    LastSeconds(u64),
}

impl Window {
    /// The window in words: `first 3 turns`.
    pub fn describe(&self) -> String {
        match self {
            Window::FirstTurns(n) => format!("first {n} turns"),
            Window::LastTurns(n) => format!("last {n} turns"),
            Window::FirstSeconds(ms) => format!("first {} seconds", ms / 1000),
            Window::LastSeconds(ms) => format!("last {} seconds", ms / 1000),
        }
    }
}

/// Every loaded rule, and the fillers their phrases were read without.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    /// In load order: the order findings of one place are reported in.
    pub rules: Vec<Rule>,
    /// Canonical words skipped when matching (`um`, `uh`, …).
    pub fillers: Vec<String>,
}

impl RuleSet {
    /// The rule with `id`.
    pub fn get(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}
