//! `talklint.yaml`: discovery (the nearest config, by any of [`NAMES`], from a folder upward; one
//! per folder) and its schema. Every key is optional; command-line flags win over it.

mod discover;
mod extend;
pub mod globs;
mod roles;
mod rule_files;
mod sentiment;
mod values;

use crate::byte_size::ByteSize;
use crate::report::CsvDelimiter;
use crate::rules::Severity;
use crate::rules::load::Overrides;
use crate::rules::schema::OneOrMany;
use crate::text::canon::{DEFAULT_FILLERS, canonical_words};
use crate::transcript::Role;
use crate::utf8_file::NotText;
pub use discover::{discover, in_folder};
pub(crate) use extend::written_keys;
use schemars::JsonSchema;
pub use sentiment::SentimentConfig;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The config file names searched in each folder; a folder holds at most one of them.
pub const NAMES: [&str; 4] = [
    "talklint.yaml",
    ".talklint.yaml",
    "talklint.yml",
    ".talklint.yml",
];

/// The config file as written.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[schemars(title = "talklint config (talklint.yaml)")]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Rule sources: `default` (the built-in pack) or paths relative to the config file.
    #[serde(default, deserialize_with = "rule_files::read")]
    #[schemars(length(min = 1), inner(length(min = 1)))]
    pub rules: Option<Vec<String>>,
    /// Another config whose settings this one starts from, relative to this file's folder
    /// (`../talklint.yaml`): each key written here replaces that config's, and its `include`,
    /// `exclude` and `per_path_disable`, globs over its own folder's files, are not taken.
    #[schemars(length(min = 1))]
    pub extend: Option<String>,
    #[serde(default)]
    pub disable: Vec<String>,
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Rules (ids, categories, `category/*`) turned off in the files a glob matches (globs
    /// match the path below this config's folder); their findings are suppressed there.
    #[serde(default, deserialize_with = "globs::keyed")]
    pub per_path_disable: BTreeMap<String, Vec<String>>,
    /// Extra speaker-label aliases per role.
    // A label under two roles is an error (`roles::read`).
    #[serde(default, deserialize_with = "roles::read")]
    #[schemars(schema_with = "roles_schema")]
    pub roles: BTreeMap<Role, OneOrMany<String>>,
    #[serde(default)]
    pub scoring: ScoringConfig,
    /// Globs of the files to read when walking folders, matched against the path below this
    /// config's folder; `!GLOB` excludes.
    #[serde(default, deserialize_with = "globs::include")]
    #[schemars(inner(length(min = 1)))]
    pub include: Vec<String>,
    /// Globs of the files and folders to leave out when walking folders, matched against the
    /// path below this config's folder (files named on the command line only with
    /// `--force-exclude`).
    #[serde(default, deserialize_with = "globs::exclude")]
    #[schemars(inner(length(min = 1)))]
    pub exclude: Vec<String>,
    /// Lexicon entries added to the rules' lexicons of the same name (or new lexicons).
    #[serde(default)]
    pub lexicons: BTreeMap<String, Vec<String>>,
    /// Words skipped when matching (replaces the built-in list).
    pub fillers: Option<Vec<String>>,
    pub default_role: Option<DefaultRole>,
    pub date_order: Option<DateOrder>,
    /// Where a numeric sentiment score (Google CCAI's, from -1 to 1) turns negative or
    /// positive, for `sentiment:` rules.
    pub sentiment: Option<SentimentConfig>,
    pub fail_on: Option<FailOn>,
    #[serde(default, deserialize_with = "values::score_bar")]
    #[schemars(range(min = 0, max = 100))]
    pub min_score: Option<i32>,
    /// A report of the findings known already, as `--baseline` reads it, relative to this
    /// config's folder: only new findings count. `--baseline` names another; `--no-baseline`
    /// reads none (to make the baseline again).
    #[serde(default, deserialize_with = "values::report_path")]
    #[schemars(regex(pattern = r"\S"))]
    pub baseline: Option<String>,
    /// Inputs larger than this are skipped (files, standard input, a stream's lines and
    /// conversations); never more than 4 GiB.
    pub max_filesize: Option<ByteSize>,
    /// Mask personal data in every report (`--redact`).
    #[serde(default, deserialize_with = "values::switch")]
    #[schemars(with = "Option<bool>")]
    pub redact: bool,
    /// Regexes also masked, as `[REDACTED]`, when redacting; they match in any case (`(?-i)` to
    /// match the case written).
    #[serde(default)]
    pub redact_patterns: Vec<String>,
    /// What separates the fields of CSV reports (`--csv-delimiter`): `semicolon` for Excel
    /// where the comma is the decimal mark.
    pub csv_delimiter: Option<CsvDelimiter>,
    /// Open CSV reports with a UTF-8 byte order mark, so that Excel reads them as UTF-8
    /// (`--csv-bom`).
    #[serde(default, deserialize_with = "values::switch")]
    #[schemars(with = "Option<bool>")]
    pub csv_bom: bool,
}

/// Which findings make a run fail (`--fail-on`, `fail_on:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    Error,
    Warning,
    Info,
    Never,
}

impl FailOn {
    pub const ALL: [FailOn; 4] = [FailOn::Error, FailOn::Warning, FailOn::Info, FailOn::Never];

    pub fn name(self) -> &'static str {
        match self {
            FailOn::Error => "error",
            FailOn::Warning => "warning",
            FailOn::Info => "info",
            FailOn::Never => "never",
        }
    }

    /// The lowest severity that fails, if any does.
    pub fn threshold(self) -> Option<Severity> {
        match self {
            FailOn::Error => Some(Severity::Error),
            FailOn::Warning => Some(Severity::Warning),
            FailOn::Info => Some(Severity::Info),
            FailOn::Never => None,
        }
    }

    /// Whether a problem of `severity` fails the run.
    pub fn fails(self, severity: Severity) -> bool {
        self.threshold().is_some_and(|at| severity >= at)
    }
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoringConfig {
    #[serde(default, deserialize_with = "values::score_bar")]
    #[schemars(range(min = 0, max = 100))]
    pub base: Option<i32>,
    #[serde(default, deserialize_with = "values::score_bar")]
    #[schemars(range(min = 0, max = 100))]
    pub pass: Option<i32>,
}

/// The role of text that names no speaker (`default_role:`, `--default-role`): the roles a
/// script or canned reply can be written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum DefaultRole {
    /// An agent's script or canned reply.
    Agent,
    /// A customer's words.
    Customer,
    /// Anyone's: every rule applies to it.
    Any,
}

/// Which number of a slash date (`6/1/2024`) is the day, for CSV and text files whose own dates do not
/// show it by a day past 12 (`date_order:`, `--date-order`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, JsonSchema, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrder {
    /// `6/1/2024` is 6 January, as Europe writes dates.
    DayFirst,
    /// `6/1/2024` is 1 June, as the United States writes dates.
    MonthFirst,
}

impl DateOrder {
    pub fn slash_order(self) -> crate::transcript::formats::time::SlashOrder {
        use crate::transcript::formats::time::SlashOrder;
        match self {
            DateOrder::DayFirst => SlashOrder::DayFirst,
            DateOrder::MonthFirst => SlashOrder::MonthFirst,
        }
    }
}

impl DefaultRole {
    pub fn role(self) -> Role {
        match self {
            DefaultRole::Agent => Role::Agent,
            DefaultRole::Customer => Role::Customer,
            DefaultRole::Any => Role::Any,
        }
    }
}

/// A loaded config and the folder its relative paths start from.
#[derive(Debug, Default)]
pub struct Loaded {
    pub config: Config,
    /// The config file, if one was found.
    pub path: Option<PathBuf>,
    /// Its text, for locating errors found after parsing.
    pub text: String,
    /// The keys it takes from a config it extends, each with the name and text of the config
    /// that writes it: a mistake in one is that config's, at its place there.
    pub inherited: BTreeMap<String, (String, String)>,
    /// The configs it extends, one after another.
    pub extended: Vec<PathBuf>,
}

impl Loaded {
    /// The config's fillers, else the built-in ones, as canonical words.
    pub fn fillers(&self) -> Vec<String> {
        match &self.config.fillers {
            Some(list) => list.iter().flat_map(|f| canonical_words(f)).collect(),
            None => builtin_fillers(),
        }
    }

    /// What the config changes in the rules it loads: `disable`, `severity`, `lexicons`.
    /// `strict_import`: a cloud category that needs a model is an error, not a warning.
    /// Its mistakes are placed in the config that writes `disable`, else `severity`, else
    /// `lexicons`: one this config extends, when it takes them from there.
    pub fn overrides(&self, strict_import: bool) -> Overrides {
        let c = &self.config;
        let set = [
            ("disable", !c.disable.is_empty()),
            ("severity", !c.severity.is_empty()),
            ("lexicons", !c.lexicons.is_empty()),
        ];
        let key = set
            .iter()
            .find(|(_, on)| *on)
            .map_or("disable", |(k, _)| *k);
        let (origin, text) = self.source_of(key);
        Overrides {
            disable: self.config.disable.clone(),
            severity: self.config.severity.clone(),
            lexicons: self.config.lexicons.clone(),
            origin,
            text: text.to_string(),
            strict_import,
        }
    }

    /// The name and text of the config that writes `key`: this one, or one it extends.
    pub fn source_of(&self, key: &str) -> (String, &str) {
        match self.inherited.get(key) {
            Some((origin, text)) => (origin.clone(), text),
            None => (self.origin(), &self.text),
        }
    }

    /// The config file's name in error messages.
    pub fn origin(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| "config".into(), |p| p.display().to_string())
    }

    /// The folder relative paths in the config are resolved against.
    pub fn base_dir(&self) -> PathBuf {
        self.path
            .as_ref()
            .and_then(|p| p.parent())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }
}

/// The built-in fillers, as canonical words.
pub fn builtin_fillers() -> Vec<String> {
    DEFAULT_FILLERS
        .iter()
        .flat_map(|f| canonical_words(f))
        .collect()
}

/// A config file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read config: {source}\n  help: check the path and its permissions")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error(
        "{first} and {second}: two configs in one folder; talklint reads one per folder\n  \
         help: merge them into one file and delete the other"
    )]
    TwoInOneFolder { first: String, second: String },
    #[error("{path}:{line}:{column}: {message}\n  help: {hint}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
        hint: String,
    },
}

/// Reads and parses a config file, with the settings of the configs it extends; the error
/// names the file, line and column.
pub fn load(path: &Path) -> Result<Loaded, ConfigError> {
    extend::load(path)
}

/// Reads and parses one config file, as written.
fn read_one(path: &Path) -> Result<Loaded, ConfigError> {
    let text = crate::utf8_file::read(path).map_err(|e| match e {
        NotText::Io(source) => ConfigError::Read {
            path: path.display().to_string(),
            source,
        },
        NotText::Encoding(bad) => ConfigError::Invalid {
            path: path.display().to_string(),
            line: bad.line,
            column: bad.column,
            message: bad.message,
            hint: bad.hint.into(),
        },
    })?;
    let config = parse(&path.display().to_string(), &text)?;
    Ok(Loaded {
        config,
        path: Some(path.to_path_buf()),
        text,
        ..Loaded::default()
    })
}

/// Parses a config's text; `name` is the file the error names.
pub fn parse(name: &str, text: &str) -> Result<Config, ConfigError> {
    crate::yaml::from_str(text).map_err(|e| ConfigError::Invalid {
        path: name.to_string(),
        line: e.line,
        column: e.column,
        hint: e.help(),
        message: e.message,
    })
}

/// The starter config `talklint init` writes.
pub const STARTER: &str = "\
# talklint configuration (see README.md, \"Configuration\").
# Rule sources: `default` is the built-in pack; add folders of your own YAML rule files.
rules: [default]

# Rules (or whole categories) to turn off, and severities to change.
disable: []
severity: {}

# Extra speaker labels for each role (names, diarisation labels such as spk_0).
roles:
  agent: []
  customer: []

# score = clamp(base + sum of points, 0, 100); a conversation passes at `pass` or above.
scoring: {base: 80, pass: 70}

# Which files to read when scanning folders: globs over the path below this file's folder,
# wherever talklint runs. A file named on the command line is read even if excluded, unless
# --force-exclude is given.
include: []
exclude: []
";

/// In the schema: `roles` keys are role names, as the reader accepts (a map's schema
/// otherwise allows any key).
fn roles_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
    let mut schema = generator.subschema_for::<BTreeMap<Role, OneOrMany<String>>>();
    let names = generator.subschema_for::<Role>().to_value();
    schema.insert("propertyNames".into(), names);
    schema
}
