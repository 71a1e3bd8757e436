//! The default rule pack, embedded in the binary from `rules/` at build time.

/// `(name, YAML text)` of every built-in rule file, sorted by name.
pub const FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/builtin_rules.rs"));
