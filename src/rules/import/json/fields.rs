//! An object of a vendor's file read by key, as the vendor names its fields: every key one the
//! reader asks for or ignores (a field talklint does not know could change what a category
//! matches; a misspelt one is named with the closest known key), snake_case read as camelCase,
//! and a field written in both cases an error.

use super::{Bad, Entry, Node, bad};
use crate::suggest::did_you_mean;

/// An object's entries, read by key: every key must be one the caller asks for, or one of the
/// keys it ignores.
#[derive(Debug)]
pub(crate) struct Fields<'a> {
    /// The object itself, for errors about a missing key.
    pub(crate) at: usize,
    entries: &'a [Entry],
    /// Keys as the vendor names them; snake_case keys are read as camelCase.
    snake: bool,
}

impl<'a> Fields<'a> {
    /// The fields of `node`, an object named `what`; keys not in `known` nor `ignored` are an
    /// error listing `known`.
    pub(crate) fn new(
        node: &'a Node,
        what: &str,
        known: &[&str],
        ignored: &[&str],
        snake: bool,
    ) -> Result<Fields<'a>, Bad> {
        let entries = node.object(what)?;
        let fields = Fields {
            at: node.at,
            entries,
            snake,
        };
        for (i, e) in entries.iter().enumerate() {
            let key = fields.name(&e.key);
            if !known.contains(&key.as_str()) && !ignored.contains(&key.as_str()) {
                let near = did_you_mean(&key, known.iter().chain(ignored).copied());
                return Err(bad(
                    e.key_at,
                    format!("unknown key `{}` in {what}{near}", e.key),
                    match ignored.is_empty() {
                        true => format!("{what} holds {}", known.join(", ")),
                        false => format!(
                            "{what} holds {}, and may carry {}, which are passed over",
                            known.join(", "),
                            ignored.join(", ")
                        ),
                    },
                ));
            }
            // Keys written apart once in each case (`displayName`, `display_name`): one field.
            if let Some(first) = entries[..i].iter().find(|f| fields.name(&f.key) == key) {
                return Err(bad(
                    e.key_at,
                    format!("`{}` is `{}` written again in {what}", e.key, first.key),
                    format!("remove one of the two: both are `{key}`"),
                ));
            }
        }
        Ok(fields)
    }

    /// A key as the caller names it: camelCase for a snake_case key, when reading both.
    fn name(&self, key: &str) -> String {
        if self.snake {
            camel(key)
        } else {
            key.to_string()
        }
    }

    /// The entry of `key`, if there is one.
    pub(crate) fn entry(&self, key: &str) -> Option<&'a Entry> {
        self.entries.iter().find(|e| self.name(&e.key) == key)
    }

    /// The value of `key`, if there is one.
    pub(crate) fn get(&self, key: &str) -> Option<&'a Node> {
        self.entry(key).map(|e| &e.node)
    }

    /// The items of the list at `key`, which must hold one or more; `add` says how to write it.
    pub(crate) fn items(&self, key: &str, what: &str, add: &str) -> Result<&'a [Node], Bad> {
        let node = self.require(key, what, add)?;
        let items = node.array(key)?;
        if items.is_empty() {
            return Err(bad(node.at, format!("{what} has an empty `{key}`"), add));
        }
        Ok(items)
    }

    /// The value of `key`, or an error that says `what` needs it.
    pub(crate) fn require(&self, key: &str, what: &str, hint: &str) -> Result<&'a Node, Bad> {
        self.get(key)
            .ok_or_else(|| bad(self.at, format!("{what} has no `{key}`"), hint.to_string()))
    }
}

/// A snake_case key in camelCase (`phrase_match_rules` is `phraseMatchRules`); any other key as
/// it is.
pub(crate) fn camel(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        match (c, upper) {
            ('_', _) => upper = true,
            (c, true) => {
                out.extend(c.to_uppercase());
                upper = false;
            }
            (c, false) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::parse;
    use super::*;

    #[test]
    fn snake_case_keys_read_as_camel_case() {
        let root = parse("{\"phrase_match_rule_groups\": [], \"type\": \"ALL_OF\"}").unwrap();
        let f = Fields::new(&root, "x", &["phraseMatchRuleGroups", "type"], &[], true).unwrap();
        assert!(f.get("phraseMatchRuleGroups").is_some());
        let err = Fields::new(&root, "x", &["type"], &[], false).unwrap_err();
        assert!(err.message.contains("phrase_match_rule_groups"));
    }
}
