//! Integration tests through the real binary; one test binary for the whole suite.

mod bad_input;
mod check;
mod default_pack;
mod eval;
mod format_samples;
mod formats;
mod html_report;
mod import;
mod reports;
mod rule_keys;
mod rule_language;
mod rules_cmd;
mod support;
mod vendor_formats;
