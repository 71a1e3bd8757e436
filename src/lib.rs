//! talklint lints customer conversations: it reads call and chat transcripts, runs YAML rule packs
//! over them, and scores every conversation.
//!
//! Data flows one way: [`scan`] walks and reads files → [`transcript`] parses them into one model
//! → [`text`] canonicalises words → [`matcher`] finds every rule's phrases in one pass →
//! [`eval`] applies windows, `unless`, `require` and scores → [`report`] renders.

pub mod app;
pub mod cli;
pub mod config;
pub mod eval;
pub mod matcher;
pub mod report;
pub mod rules;
pub mod scan;
pub mod text;
pub mod transcript;
mod yaml;
