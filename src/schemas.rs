//! JSON Schemas of the rule file, the config file and the JSON report, generated from the serde
//! types that read or write them, so that editors (through `yaml-language-server`) and other
//! programs can check these files without talklint. `talklint schema rules|config|report` prints
//! them; the copies under `schemas/` are tested to equal what this module generates.

use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema};

/// The documents talklint has a schema for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Subject {
    /// A YAML rule file (SPEC §2).
    Rules,
    /// `talklint.yaml`.
    Config,
    /// The `--format json` report (SPEC §6).
    Report,
}

impl Subject {
    /// Every subject, in the order `talklint schema` lists them.
    pub(crate) const ALL: [Subject; 3] = [Subject::Rules, Subject::Config, Subject::Report];

    /// The subject as named on the command line and in `schemas/<name>.json`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Subject::Rules => "rules",
            Subject::Config => "config",
            Subject::Report => "report",
        }
    }

    /// One line on what the schema describes.
    pub(crate) fn about(self) -> &'static str {
        match self {
            Subject::Rules => "a YAML rule file",
            Subject::Config => "talklint.yaml",
            Subject::Report => "the --format json report",
        }
    }

    /// The schema as pretty-printed JSON with a final line break, as committed under `schemas/`.
    pub(crate) fn json(self) -> String {
        let schema = match self {
            Subject::Rules => read::<crate::rules::schema::PackSpec>(),
            Subject::Config => read::<crate::config::Config>(),
            Subject::Report => written::<crate::report::Document>(),
        };
        // A `Schema` is a JSON value: it always serializes.
        let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
        text.push('\n');
        text
    }
}

/// The schema of a type talklint reads: what deserializing accepts.
fn read<T: JsonSchema>() -> Schema {
    SchemaSettings::draft2020_12()
        .for_deserialize()
        .into_generator()
        .into_root_schema_for::<T>()
}

/// The schema of a type talklint writes: what serializing produces.
fn written<T: JsonSchema>() -> Schema {
    SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>()
}
