//! The default rule pack, embedded in the binary from `rules/` at build time.

/// What a built-in rule file's name starts with where a run names it (`<default>/rules/…`),
/// apart from the rule files it reads from disk.
pub const PREFIX: &str = "<default>/";

/// `(name, YAML text)` of every built-in rule file, sorted by name.
pub const FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));
