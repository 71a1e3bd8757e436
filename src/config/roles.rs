//! A config's `roles:`, role → speaker labels, read so that a label listed under two roles is an
//! error at the second, as a key written twice is: the roles become one table of label → role
//! (labels in any case and spacing), where the later role would take the label without a word;
//! and a label no speaker can have (empty, or `Sarah:` with the label's colon) is refused.

use crate::rules::schema::OneOrMany;
use crate::transcript::Role;
use crate::transcript::label_key::{key, without_colon};
use rustc_hash::FxHashMap;
use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::collections::BTreeMap;
use std::fmt;

/// The labels of each role; a label under a second role is refused at its own place.
pub(super) fn read<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<Role, OneOrMany<String>>, D::Error> {
    d.deserialize_map(Roles)
}

/// Reads the mapping of roles.
struct Roles;

impl<'de> Visitor<'de> for Roles {
    type Value = BTreeMap<Role, OneOrMany<String>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        // As serde's maps say it, which `crate::yaml` puts in words.
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut roles, mut taken) = (BTreeMap::new(), FxHashMap::default());
        while let Some(role) = map.next_key::<Role>()? {
            let taken = &mut taken;
            roles.insert(role, map.next_value_seed(Labels { role, taken })?);
        }
        Ok(roles)
    }
}

/// One role's labels, one or a list; `taken` holds each label read so far (as speakers are
/// matched: in any case and spacing, [`key`]) with its role and its spelling.
struct Labels<'t> {
    role: Role,
    taken: &'t mut FxHashMap<String, (Role, String)>,
}

impl Labels<'_> {
    /// `label`, when no other role has it; refused while the reader is at it, so that the error
    /// stands at its line and column.
    fn take<E: serde::de::Error>(&mut self, label: &str) -> Result<String, E> {
        never_matches(label)?;
        // `Sarah:` names Sarah too, so it may not stand under another role than `Sarah`.
        let key = key(without_colon(label)).into_owned();
        match self.taken.get(&key) {
            Some((other, first)) if *other != self.role => Err(crate::yaml::error_with_hint(
                &format!(
                    "the label `{label}` is also listed under `{}`, as `{first}` (labels match \
                     in any case and spacing, with or without a label's colon), and a speaker \
                     has one role",
                    other.name()
                ),
                &format!(
                    "remove one of the two: `{first}` under `{}` or `{label}` under `{}`",
                    other.name(),
                    self.role.name()
                ),
            )),
            _ => {
                self.taken.insert(key, (self.role, label.to_string()));
                Ok(label.to_string())
            }
        }
    }
}

/// Refuses a label no speaker can have, which would be read without a word and match nothing:
/// an empty one, or colons alone.
fn never_matches<E: serde::de::Error>(label: &str) -> Result<(), E> {
    match without_colon(label).is_empty() {
        true => Err(crate::yaml::error_with_hint(
            "an empty speaker label matches no speaker",
            "write the label as the transcript names the speaker (`Sarah`, `spk_0`), or remove it",
        )),
        false => Ok(()),
    }
}

impl<'de> DeserializeSeed<'de> for Labels<'_> {
    type Value = OneOrMany<String>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Labels<'_> {
    type Value = OneOrMany<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a speaker label or a list of them")
    }

    fn visit_str<E: serde::de::Error>(mut self, v: &str) -> Result<Self::Value, E> {
        self.take(v).map(OneOrMany::One)
    }

    fn visit_seq<A: SeqAccess<'de>>(mut self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut all = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(label) = seq.next_element_seed(Label(&mut self))? {
            all.push(label);
        }
        Ok(OneOrMany::Many(all))
    }
}

/// One label of a role's list.
struct Label<'l, 't>(&'l mut Labels<'t>);

impl<'de> DeserializeSeed<'de> for Label<'_, '_> {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Label<'_, '_> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a speaker label")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<String, E> {
        self.0.take(v)
    }
}
