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
        self.targets(rule) && self.kind.is_none_or(|k| k == rule.kind)
    }

    /// Whether `rule` is the rule, or of the category, this selector names, whatever its kind.
    fn targets(&self, rule: &Rule) -> bool {
        match &self.target {
            Target::Rule(id) => rule.id == *id,
            Target::Category(c) => rule.category == *c,
        }
    }

    /// When this selector's rule or category is loaded but of other kinds than the one it
    /// narrows to, says so: `respect/calm-down` is a forbid rule, not a reward.
    pub fn wrong_kind(&self, rules: &RuleSet) -> Option<String> {
        let want = self.kind?.name();
        let mut kinds: Vec<&str> = (rules.rules.iter())
            .filter(|r| self.targets(r))
            .map(|r| r.kind.name())
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        let first = kinds.first()?;
        let is = match &self.target {
            Target::Rule(id) => format!("`{id}` is a {first} rule, not a {want}"),
            Target::Category(c) => {
                format!("category `{c}` holds {} rules, no {want}", kinds.join(", "))
            }
        };
        let bare = self
            .name
            .rsplit_once(':')
            .map_or(self.name.as_str(), |(t, _)| t);
        Some(format!(
            "selector `{}`: {is}; write `{bare}:{first}`, or `{bare}` for every kind",
            self.name
        ))
    }
}
