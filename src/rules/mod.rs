//! Rules: the YAML spec shapes ([`schema`]), the phrase syntax ([`phrase`]), loading and checking
//! rule files into one [`RuleSet`] ([`load`], [`compile`]), the built-in pack ([`builtin`]), and
//! the example runner behind `talklint test` ([`examples`]).

pub mod builtin;
pub mod compile;
pub mod examples;
pub mod listing;
pub mod load;
pub mod phrase;
pub mod schema;

use crate::matcher::Matcher;
use crate::transcript::Role;
pub use compile::RuleError;
use regex::Regex;
pub use schema::{ExamplesSpec, Kind, Severity};

/// A checked, compiled rule.
#[derive(Debug, Clone)]
pub struct Rule {
    pub id: String,
    /// The part of the id before `/`.
    pub category: String,
    pub kind: Kind,
    pub severity: Severity,
    /// The roles the rule listens to, as a bit set of [`Role::bit`].
    pub roles: u8,
    /// The phrases as written (for docs and listings).
    pub phrases: Vec<String>,
    pub regex: Vec<Regex>,
    pub unless: Vec<String>,
    pub window: Option<Window>,
    /// `require` only: the fewest turns of the rule's speaker a conversation needs to be judged.
    pub min_turns: usize,
    /// Score change per counted hit (or when a `require` is missing).
    pub points: i32,
    pub max_hits: Option<usize>,
    pub auto_fail: bool,
    pub message: String,
    pub suggestion: Option<String>,
    pub link: Option<String>,
    pub description: Option<String>,
    pub examples: ExamplesSpec,
    /// Where the rule was defined: file, 1-based line and column of its id.
    pub origin: (String, usize, usize),
}

impl Rule {
    /// The rule's regexes as written (without the mode flags compilation adds).
    pub fn regex_sources(&self) -> impl Iterator<Item = &str> {
        self.regex.iter().map(|re| {
            let p = re.as_str();
            p.strip_prefix("(?m-u)")
                .or_else(|| p.strip_prefix("(?m)"))
                .unwrap_or(p)
        })
    }

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
    FirstTurns(usize),
    LastTurns(usize),
    FirstSeconds(u64),
    LastSeconds(u64),
}

impl Window {
    pub fn describe(&self) -> String {
        match self {
            Window::FirstTurns(n) => format!("first {n} turns"),
            Window::LastTurns(n) => format!("last {n} turns"),
            Window::FirstSeconds(ms) => format!("first {} seconds", ms / 1000),
            Window::LastSeconds(ms) => format!("last {} seconds", ms / 1000),
        }
    }
}

/// Every loaded rule and the one matcher over all of them.
#[derive(Debug, Clone)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    pub matcher: Matcher,
    /// The roles any rule listens to: turns of other roles are not scanned.
    pub roles: u8,
}
