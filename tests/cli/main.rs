//! Integration tests through the real binary; one test binary for the whole suite.

mod bad_input;
mod check;
mod default_pack;
mod format_samples;
mod formats;
mod html_report;
mod html_review;
mod reports;
mod review;
mod rule_keys;
mod rules_cmd;
mod support;
mod vendor_formats;
