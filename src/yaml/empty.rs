//! A rule file's key written with no value (`after:` whose lines are commented out, `window:
//! ~`): refused where [`super::unique`] reads it, as it read as the key left out and changed the
//! rule without a word. The error is raised unnamed at the value and named by the mapping that
//! reads the key; [`super::duplicate`] places it at the key.

use serde::de;

/// What a key written with no value is told, after its name.
pub(super) const EMPTY: &str = "has no value (nothing after its colon, or `null`)";
const HINT: &str = "write its value, or remove the key: a key whose value is left out or \
                    commented out is not read as a key left out";
/// The key's name, until the mapping that reads it names it.
const THIS_KEY: &str = "this key";

/// The error of a value left empty, its key not yet named.
pub(super) fn unnamed<E: de::Error>() -> E {
    named(THIS_KEY)
}

/// The error of the key `name` (in backquotes) written with no value.
pub(super) fn named<E: de::Error>(name: &str) -> E {
    super::error_with_hint(&format!("{name} {EMPTY}"), HINT)
}

/// Whether `e` is [`unnamed`]'s error (the library may have put its path to the value before
/// the message).
pub(super) fn is_unnamed(e: &impl std::fmt::Display) -> bool {
    e.to_string().contains(&format!("{THIS_KEY} {EMPTY}"))
}
