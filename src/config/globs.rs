//! A config's globs (`include`, `exclude`, `per_path_disable`'s keys), read so that an empty one
//! is an error at its place: it names no file, yet as a glob it matches every path (`exclude:
//! [""]` left out every file, and the run checked nothing and passed).

use serde::de::{Deserialize, Deserializer, Visitor};
use std::collections::BTreeMap;
use std::fmt;

/// One glob as written; refused, while the reader is at it, when it names nothing. `NEGATES`: a
/// leading `!` excludes (`include`), so a bare `!` names nothing too.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Glob<const NEGATES: bool>(String);

impl<'de, const NEGATES: bool> Deserialize<'de> for Glob<NEGATES> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_str(GlobVisitor::<NEGATES>)
    }
}

struct GlobVisitor<const NEGATES: bool>;

impl<const NEGATES: bool> Visitor<'_> for GlobVisitor<NEGATES> {
    type Value = Glob<NEGATES>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a glob")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        match empty(v, NEGATES) {
            true => Err(crate::yaml::error_with_hint(
                &format!("\"{v}\" is an empty glob: it names no file, yet matches every path"),
                "write the glob (`*.json`, `archive/`, `!*.csv` in `include`), or remove the entry",
            )),
            false => Ok(Glob(v.to_string())),
        }
    }
}

/// Whether `glob` names nothing: empty, or a bare `!` where `!` excludes (`negates`).
pub fn empty(glob: &str, negates: bool) -> bool {
    glob.is_empty() || (negates && glob == "!")
}

/// `include`: a list of globs, `!` excluding.
pub(super) fn include<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(Vec::<Glob<true>>::deserialize(d)?
        .into_iter()
        .map(|g| g.0)
        .collect())
}

/// `exclude`: a list of globs.
pub(super) fn exclude<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    Ok(Vec::<Glob<false>>::deserialize(d)?
        .into_iter()
        .map(|g| g.0)
        .collect())
}

/// `per_path_disable`: rule names by glob.
pub(super) fn keyed<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<BTreeMap<String, Vec<String>>, D::Error> {
    let map = BTreeMap::<Glob<false>, Vec<String>>::deserialize(d)?;
    Ok(map.into_iter().map(|(g, names)| (g.0, names)).collect())
}
