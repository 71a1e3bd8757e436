//! Integration tests through the real binary; one test binary for the whole suite.

mod bad_input;
mod check;
mod default_pack;
mod formats;
mod reports;
mod rule_keys;
mod rules_cmd;
mod support;
