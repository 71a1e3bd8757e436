//! Label selectors (SPEC §9): a rule id, a category, or `category/*`, optionally narrowed to a
//! kind (`ownership:forbid`). A turn is predicted positive when a finding of a selected rule sits
//! on it.

use crate::rules::{Kind, Rule, RuleSet};

/// Which rules a label column is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selector {
    /// As written in the header.
    pub name: String,
    target: Target,
    kind: Option<Kind>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    Rule(String),
    Category(String),
}

impl Selector {
    /// Reads a header cell.
    pub fn parse(name: &str) -> Result<Selector, String> {
        let (target, kind) = match name.rsplit_once(':') {
            Some((target, kind)) => {
                let kind = [Kind::Forbid, Kind::Reward, Kind::Require, Kind::Tag]
                    .into_iter()
                    .find(|k| k.name() == kind)
                    .ok_or_else(|| {
                        format!("selector `{name}`: `{kind}` is not a kind (forbid, reward, require or tag)")
                    })?;
                (target, Some(kind))
            }
            None => (name, None),
        };
        if target.is_empty() {
            return Err(format!("selector `{name}` names no rule or category"));
        }
        let target = match target.strip_suffix("/*") {
            Some(category) => Target::Category(category.to_string()),
            None if target.contains('/') => Target::Rule(target.to_string()),
            None => Target::Category(target.to_string()),
        };
        Ok(Selector {
            name: name.to_string(),
            target,
            kind,
        })
    }

    /// The selector written as the loaded rule or category nearest to this one's, when one is
    /// near: `t/blame` for `t/blam`, `ownership:forbid` for `ownershp:forbid`.
    pub fn closest(&self, rules: &RuleSet) -> Option<String> {
        let known: Vec<&str> = match &self.target {
            Target::Rule(_) => rules.rules.iter().map(|r| r.id.as_str()).collect(),
            Target::Category(_) => rules.rules.iter().map(|r| r.category.as_str()).collect(),
        };
        let (target, star) = match &self.target {
            Target::Rule(id) => (id.as_str(), ""),
            Target::Category(c) => (c.as_str(), if self.name.contains("/*") { "/*" } else { "" }),
        };
        let found = crate::suggest::closest(target, known)?;
        let kind = self
            .kind
            .map(|k| format!(":{}", k.name()))
            .unwrap_or_default();
        Some(format!("{found}{star}{kind}"))
    }

    /// Whether findings of `rule` count for this selector.
    pub fn selects(&self, rule: &Rule) -> bool {
        let target = match &self.target {
            Target::Rule(id) => rule.id == *id,
            Target::Category(c) => rule.category == *c,
        };
        target && self.kind.is_none_or(|k| k == rule.kind)
    }
}
