//! What a search or a condition looks for, in words: the message of a rule that gives none says
//! what was found (`Condition met: customer “cancel*” and silence of 30 s or more`), so that a
//! finding reads as more than the rule's id.

use super::model::{Condition, Count, Find, Look};
use crate::transcript::{Role, Sentiment};

/// The phrases a description quotes of a search; more are `…`.
const QUOTED: usize = 2;

impl Count {
    /// The count in words: `count reached 4`, `count of 2 to 3`, `at most 2`.
    pub fn describe(&self) -> String {
        match (self.min, self.max) {
            (0, None) => "any number".to_string(),
            (0, Some(max)) => format!("at most {max}"),
            (min, None) => format!("count reached {min}"),
            (min, Some(max)) if min == max => format!("count of exactly {min}"),
            (min, Some(max)) => format!("count of {min} to {max}"),
        }
    }
}

impl Look {
    /// What the search looks for: quoted phrases (the first few), a measure, labelled turns.
    pub fn describe(&self) -> String {
        match self {
            Look::Words(w) => {
                let mut quoted: Vec<String> = (w.phrases.iter().map(|p| p.text.as_str()))
                    .chain(w.regex.iter().map(|r| r.written.as_str()))
                    .take(QUOTED)
                    .map(|text| format!("“{text}”"))
                    .collect();
                if w.phrases.len() + w.regex.len() > QUOTED {
                    quoted.push("…".to_string());
                }
                let quoted = quoted.join(" or ");
                match w.sentiment {
                    Some(bits) => {
                        format!("{quoted} in a turn labelled {}", Sentiment::describe(bits))
                    }
                    None => quoted,
                }
            }
            Look::Timing(t) => t.describe(),
            Look::Sentiment(bits) => format!("turn labelled {}", Sentiment::describe(*bits)),
        }
    }
}

impl Find {
    /// The search in words: whose turns, what, where, how many.
    pub fn describe(&self) -> String {
        let names: Vec<&str> = (Role::ALL.iter())
            .filter(|r| r.bit() & self.roles != 0)
            .map(|r| r.name())
            .collect();
        let mut out = match (names.len() == Role::ALL.len(), &self.look) {
            // A measure of any speaker's turns names no one.
            (true, Look::Timing(_)) => String::new(),
            (true, _) => "anyone ".to_string(),
            (false, _) => format!("{} ", names.join(" or ")),
        };
        out.push_str(&self.look.describe());
        if let Some(window) = self.window {
            out.push_str(&format!(" in the {}", window.describe()));
        }
        if let Some(count) = self.count {
            out.push_str(&format!(" ({})", count.describe()));
        }
        out
    }
}

impl Condition {
    /// The condition in words: `customer “cancel*” and not (agent “discount”)`.
    pub fn describe(&self) -> String {
        let group = |list: &[Condition], joint: &str| match list {
            [one] => one.describe(),
            _ => {
                let parts: Vec<String> = list.iter().map(Condition::nested).collect();
                parts.join(joint)
            }
        };
        match self {
            Condition::Find(find) => find.describe(),
            Condition::All(list) => group(list, " and "),
            Condition::Any(list) => group(list, " or "),
            Condition::Not(inner) => format!("not ({})", inner.describe()),
        }
    }

    /// [`Condition::describe`], in brackets when it joins several conditions.
    fn nested(&self) -> String {
        match self {
            Condition::All(list) | Condition::Any(list) if list.len() > 1 => {
                format!("({})", self.describe())
            }
            _ => self.describe(),
        }
    }
}
