//! How a suppressed finding is written in JSON (`suppressed`, `suppressed_by`) and described in
//! the report schema, apart from the model so that the model reads as the report's shape.

use crate::suppress::Suppression;
use schemars::JsonSchema;

/// The kinds of suppression, as [`suppressed_by`] names them.
pub(super) const SUPPRESSIONS: [Suppression; 3] = [
    Suppression::InSource,
    Suppression::External,
    Suppression::Baseline,
];

/// The name JSON gives what suppressed a finding (`suppressed_by`).
pub(super) fn suppressed_by(why: Suppression) -> &'static str {
    match why {
        Suppression::InSource => "directive",
        Suppression::External => "per_path_disable",
        Suppression::Baseline => "baseline",
    }
}

/// The keys a suppressed finding has in JSON (none for one not suppressed): their shape, for
/// the schema.
#[derive(JsonSchema)]
#[expect(dead_code, reason = "a shape for the schema; never built")]
pub(super) struct SuppressedKeys {
    /// True, written only for a suppressed finding (reported with `--show-suppressed`, it
    /// counts for nothing); reports before `suppressed_by` wrote only this.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    suppressed: bool,
    /// What suppressed the finding: a `talklint:` directive in the file (SARIF's `inSource`),
    /// the config's `per_path_disable` or the `--baseline` report (both SARIF's `external`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(schema_with = "suppressed_by_schema")]
    suppressed_by: Option<String>,
}

fn suppressed_by_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let names: Vec<&str> = SUPPRESSIONS.into_iter().map(suppressed_by).collect();
    schemars::json_schema!({"type": "string", "enum": names})
}

pub(super) fn suppressed_keys<S: serde::Serializer>(
    why: &Option<Suppression>,
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let Some(why) = why else {
        return s.serialize_none();
    };
    let mut map = s.serialize_map(Some(2))?;
    map.serialize_entry("suppressed", &true)?;
    map.serialize_entry("suppressed_by", suppressed_by(*why))?;
    map.end()
}
