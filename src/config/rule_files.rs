//! A config's `rules:`, the rule files to load, read so that a rule written there (a mapping
//! where a path belongs) is told apart from a mistyped path: rules are defined in a rule file,
//! which the config names.

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use std::fmt;

/// One entry of `rules:`: `default` or a rule file's path.
struct Entry(String);

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Entry, D::Error> {
        // Any, not a string, so that a mapping reaches `visit_map`; a plain scalar is a name
        // however YAML types it (`2024`, a folder so named).
        d.deserialize_any(EntryVisitor)
    }
}

struct EntryVisitor;

impl<'de> Visitor<'de> for EntryVisitor {
    type Value = Entry;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a rule file's path, or `default` for the built-in pack")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Entry, E> {
        Ok(Entry(v.to_string()))
    }

    fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Entry, E> {
        Ok(Entry(v.to_string()))
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Entry, E> {
        Ok(Entry(v.to_string()))
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Entry, E> {
        Ok(Entry(v.to_string()))
    }

    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Entry, E> {
        Ok(Entry(v.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<Entry, A::Error> {
        Err(crate::yaml::error_with_hint(
            "a rule definition in a config: a config's `rules:` lists rule files (their paths, \
             or `default` for the built-in pack), not rules",
            "move the rule into a rule file (`qa/mine.yaml`, under its own `rules:`), and list \
             that file here: `rules: [default, ./qa/mine.yaml]`",
        ))
    }
}

/// `rules:`, the rule files to load, if the key is there.
pub(super) fn read<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<String>>, D::Error> {
    let entries = Option::<Vec<Entry>>::deserialize(d)?;
    Ok(entries.map(|list| list.into_iter().map(|e| e.0).collect()))
}
