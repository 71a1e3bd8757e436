//! Speaker roles and the aliases that map speaker labels to them (SPEC §4), extended by the
//! config's `roles:` map.

use serde::{Deserialize, Serialize};
use std::collections::HashMap;

use super::few_map::FewMap;
use super::label_key::{folded, key, name_mark, without_colon};
pub(crate) use super::role_advice::{unknown_speakers, unmask_roles_line};
pub(crate) use super::role_guess::assign_diarised_roles;
use super::role_words::{TITLES, builtin, is_service_word, is_team_word};

/// Who speaks a turn.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The company's person: agent, rep, advisor, support, …
    Agent,
    /// The caller, client, user or visitor.
    Customer,
    /// A bot, virtual agent or IVR.
    Bot,
    /// Messages from the platform itself.
    System,
    /// A speaker whose label maps to no role: agent and customer rules skip it.
    Unknown,
    /// Text that may be anyone's (`--default-role any`): every rule applies to it.
    Any,
}

impl Role {
    /// The roles a turn can have (not `Any`, which only unlabelled text gets).
    pub const ALL: [Role; 5] = [
        Role::Agent,
        Role::Customer,
        Role::Bot,
        Role::System,
        Role::Unknown,
    ];

    /// The role as written in reports.
    pub fn name(self) -> &'static str {
        match self {
            Role::Agent => "agent",
            Role::Customer => "customer",
            Role::Bot => "bot",
            Role::System => "system",
            Role::Unknown => "unknown",
            Role::Any => "any",
        }
    }

    /// The bit of this role in role sets; `Any` is in every set.
    pub fn bit(self) -> u8 {
        match self {
            Role::Any => u8::MAX,
            r => 1 << r as u8,
        }
    }
}

/// Maps speaker labels to roles: built-in aliases plus configured ones (which win).
#[derive(Debug, Clone, Default)]
pub struct Roles {
    extra: HashMap<String, Role>,
}

impl Roles {
    /// Adds configured aliases: each label (any case and spacing) speaks as `role`; one written
    /// with a label's colon (`Sarah:`) names the speaker with it (a CSV or JSON speaker field
    /// may keep it) and without it (a text transcript's `Sarah:` label is `Sarah`).
    pub fn with_aliases<'a>(
        mut self,
        role: Role,
        labels: impl IntoIterator<Item = &'a str>,
    ) -> Roles {
        for label in labels {
            self.extra.insert(key(label).into_owned(), role);
            let bare = without_colon(label);
            if bare.len() < label.trim().len() {
                self.extra.insert(key(bare).into_owned(), role);
            }
        }
        self
    }

    /// The role of a speaker label: an exact alias (any case), else an alias as the label's first
    /// word ("Agent Smith", "Customer 2"); for a label with a part in brackets (`Agent (Sarah)`,
    /// `Sarah (Agent)`), the role of the part before them, else of the part in them; else
    /// `Unknown`.
    pub fn role_of(&self, label: &str) -> Role {
        let mut buf = [0u8; 32];
        let lower = folded(label, &mut buf);
        let role = match qualified(&lower) {
            Some((name, qualifier)) => self
                .lookup(&lower)
                .or_else(|| self.alias(name))
                .or_else(|| self.alias(qualifier)),
            None => self.alias(&lower),
        };
        role.unwrap_or(Role::Unknown)
    }

    /// A lowercase label's role as an exact alias, else by its first word; a customer word
    /// followed only by words of the company's side names that side (`Customer Service`,
    /// `Client Support`, `Customer Service Agent` are agents; `Customer 2` and `Customer Care
    /// Package` stay the customer).
    fn alias(&self, lower: &str) -> Option<Role> {
        if let Some(role) = self.lookup(lower) {
            return Some(role);
        }
        let mut words = label_words(lower);
        let first = words.next().filter(|first| first.len() < lower.len())?;
        match self.lookup(first)? {
            Role::Customer if company_side(words) => Some(Role::Agent),
            role => Some(role),
        }
    }

    /// A lowercase label's role by configured then built-in aliases.
    fn lookup(&self, lower: &str) -> Option<Role> {
        if !self.extra.is_empty()
            && let Some(&role) = self.extra.get(lower)
        {
            return Some(role);
        }
        builtin(lower)
    }

    /// The role of a label in a format with role words of its own (`native`, given the lowercase
    /// label): configured aliases first, then the format's words, then the built-in aliases.
    pub fn role_in(&self, label: &str, native: fn(&str) -> Option<Role>) -> Role {
        let lower = key(label);
        self.extra
            .get(&*lower)
            .copied()
            .or_else(|| native(&lower))
            .unwrap_or_else(|| self.role_of(label))
    }

    /// Whether config `roles:` names `label`.
    pub fn is_configured(&self, label: &str) -> bool {
        self.extra.contains_key(&*key(label))
    }

    /// Whether `label` is a known alias (built-in or configured).
    pub fn knows(&self, label: &str) -> bool {
        self.role_of(label) != Role::Unknown
    }
}

/// Whether the words after a label's customer word are all of the company's side (`Service`,
/// `Support Agent`), with at least one.
fn company_side<'w>(words: impl Iterator<Item = &'w str>) -> bool {
    let mut words = words.filter(|w| !w.is_empty()).peekable();
    words.peek().is_some() && words.all(is_service_word)
}

/// Speaker names seen in one file: each label's role is looked up, and its name allocated, once.
/// A label need not outlive the file's reading: a name decoded from JSON escapes is a new string.
#[derive(Debug, Default)]
pub struct Speakers(FewMap<std::sync::Arc<str>, Role>);

impl Speakers {
    /// The role and shared name of `label`.
    pub fn get(&mut self, label: &str, roles: &Roles) -> (Role, std::sync::Arc<str>) {
        if let Some((name, role)) = self.0.get_key_value(label) {
            return (*role, name.clone());
        }
        let (role, name) = (roles.role_of(label), std::sync::Arc::<str>::from(label));
        self.0.insert_new(name.clone(), role);
        (role, name)
    }
}

/// Speaker names seen in one file, shared between their turns (one allocation per name); a set,
/// as a file of many conversations may name a speaker per conversation.
#[derive(Debug, Default)]
pub struct Names(std::collections::HashSet<std::sync::Arc<str>>);

impl Names {
    /// The shared copy of `name`.
    pub fn get(&mut self, name: &str) -> std::sync::Arc<str> {
        if let Some(n) = self.0.get(name) {
            return n.clone();
        }
        let n: std::sync::Arc<str> = name.into();
        self.0.insert(n.clone());
        n
    }
}

/// The person a speaker label names, without a title word before the name (`Agent Smith` and
/// `Smith` are Smith, so one agent's conversations count together); the label itself when no
/// title opens it, or what follows names no one (`Agent 7`, `Billing Team`); `None` when the
/// label names no person (see [`is_name`]), as a service or team named by role words
/// (`Support Team`, `Client Services`) does not. Of a label with a part in brackets,
/// the person of a part that is words of letters (`Agent (Mary Ann De La Cruz)`): an id or a list
/// beside a role word (`Agent (4521)`, `Customer (#C-1234)`, `Agent (Sarah, Billing)`) names no one.
pub fn person(label: &str) -> Option<&str> {
    let label = label.trim_ascii();
    if let Some((name, qualifier)) = qualified(label) {
        let plain = |name: &&str| {
            name.chars()
                .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.') || name_mark(c))
        };
        return person(name)
            .filter(plain)
            .or_else(|| person(qualifier).filter(plain));
    }
    // Asked once per conversation: a byte scan finds the first word's end.
    let separator = |b: u8| matches!(b, b' ' | b'\t' | b'_' | b'-' | b'#');
    let after_title = label.bytes().position(separator).and_then(|at| {
        let title = &label[..at];
        TITLES.iter().find(|t| t.eq_ignore_ascii_case(title))?;
        let rest = label[at..].trim_start_matches(|c: char| c.is_ascii() && separator(c as u8));
        // A name: a capital, or a lowercase label that is one word (`agent_kim`).
        let named = rest.starts_with(|c: char| c.is_uppercase()) || !rest.contains(' ');
        (named && is_name(rest) && !is_team_word(rest)).then_some(rest)
    });
    after_title.or_else(|| is_name(label).then_some(label))
}

/// A label and the part of it in brackets at its end, each without the spaces around it:
/// `Agent (Sarah)` is `Agent` and `Sarah`, `Sarah (Agent)` is `Sarah` and `Agent`, and so is one
/// in full-width brackets (`Agent（佐藤）`). `None` for a label without one, or with brackets
/// anywhere else.
pub(crate) fn qualified(label: &str) -> Option<(&str, &str)> {
    const OPEN: [char; 2] = ['(', '\u{ff08}'];
    const BRACKETS: [char; 4] = ['(', ')', '\u{ff08}', '\u{ff09}'];
    let label = label.trim_ascii_end();
    let inside = (label.strip_suffix(')')).or_else(|| label.strip_suffix('\u{ff09}'))?;
    let (name, qualifier) = inside.rsplit_once(OPEN)?;
    let (name, qualifier) = (name.trim(), qualifier.trim());
    let plain = |part: &str| !part.is_empty() && !part.contains(BRACKETS);
    (plain(name) && plain(qualifier)).then_some((name, qualifier))
}

/// Whether a speaker label names a person: not a role word, and not a label a diariser or a
/// platform gives in place of a name (`spk_0`, `Speaker 2`, `A`, `2`, a channel's speaker
/// `ch_0/1`, an author id, Genesys's `internal`).
pub fn is_name(label: &str) -> bool {
    let mut buf = [0u8; 32];
    let lower = folded(label, &mut buf);
    let lower = &*lower;
    let number = ["spk", "speaker", "channel", "ch", "participant"]
        .iter()
        .find_map(|prefix| lower.strip_prefix(prefix))
        .unwrap_or(lower)
        .trim_start_matches(['_', '-', ' ']);
    let single_letter = lower.len() == 1 && lower.as_bytes()[0].is_ascii_alphabetic();
    !(lower.is_empty()
        || builtin(lower).is_some()
        || names_the_service(lower)
        || single_letter
        || (number.starts_with(|c: char| c.is_ascii_digit())
            && number.bytes().all(|b| b.is_ascii_digit() || b == b'/'))
        || matches!(lower, "internal" | "external"))
}

/// Whether a lowercase label is a role word followed by words of the company's side
/// (`customer service`, `client services`, `customer service agent`, `support team`): it names
/// the agent's side, not a person of it.
fn names_the_service(lower: &str) -> bool {
    let mut words = label_words(lower);
    let role = words.next().and_then(builtin);
    matches!(role, Some(Role::Customer | Role::Agent)) && company_side(words)
}

/// The words of a label, parted by white space, `_`, `-` and `#` (`customer_service`).
fn label_words(lower: &str) -> impl Iterator<Item = &str> {
    lower.split(|c: char| c.is_whitespace() || c == '_' || c == '-' || c == '#')
}

/// Speech-to-text output whose turns name speakers, but not all: a turn the diariser gave no
/// speaker may be anyone's, so it is `unknown` (which the warning counts), not the default role a
/// transcript without speakers has; with `--default-role any` it stays `any`, for every rule.
pub(crate) fn unattributed(turns: &mut [super::Turn], default: Role) {
    if default == Role::Any || turns.iter().all(|t| t.speaker.is_none()) {
        return;
    }
    for t in turns.iter_mut().filter(|t| t.speaker.is_none()) {
        t.role = Role::Unknown;
    }
}

#[cfg(test)]
#[path = "roles_tests.rs"]
mod tests;
