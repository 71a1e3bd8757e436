//! Integration tests through the real binary; one test binary for the whole suite.

mod accounting;
mod bad_input;
mod check;
mod default_pack;
mod eval;
mod faults;
mod format_samples;
mod formats;
mod html_report;
mod html_review;
mod injection;
mod limits;
mod merge;
mod records;
mod reports;
mod review;
mod rule_keys;
mod rule_language;
mod rules_cmd;
mod scale;
mod shard;
mod spark;
mod stream;
mod support;
mod vendor_formats;
