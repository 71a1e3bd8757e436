//! A whole JSON report document in a merge: its conversations indexed by where they start
//! (byte, line and column, counted once over the document), its skipped files and errors, and
//! its summary; a report of another format version is refused.

use super::MergeError;
use super::index::{Counts, Index, Item};
use super::rule_index::{RuleIndex, RuleSaid};
use crate::report::{FileError, Skipped};
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::value::RawValue;

/// Whether `text` is a whole JSON report document: an object with a `version`.
pub(super) fn is_document(text: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        version: Option<IgnoredAny>,
    }
    serde_json::from_slice::<Probe>(text).is_ok_and(|p| p.version.is_some())
}

/// A JSON report document.
#[derive(Deserialize)]
struct Document<'a> {
    /// The report format's version: 1, the one `json.rs` writes.
    version: u64,
    #[serde(borrow)]
    conversations: Vec<&'a RawValue>,
    skipped: Vec<Skipped>,
    errors: Vec<FileError>,
    summary: Counts,
}

impl Index {
    /// Reads a JSON report document that starts at byte `base`, line `first_line`, of the report;
    /// each finding must say of its rule what the loaded `rules` say.
    pub(super) fn document(
        &mut self,
        (report, name): (usize, &str),
        (base, first_line): (u64, usize),
        bytes: &[u8],
        rules: &RuleIndex,
    ) -> Result<Counts, MergeError> {
        #[derive(Deserialize)]
        struct Key<'a> {
            path: String,
            id: Option<String>,
            place: Option<usize>,
            #[serde(borrow)]
            findings: Vec<RuleSaid<'a>>,
        }
        let doc: Document = serde_json::from_slice(bytes)
            .map_err(|e| MergeError::json(name, (first_line, 1), bytes, &e))?;
        if doc.version != 1 {
            return Err(MergeError::Invalid {
                at: name.into(),
                message: format!(
                    "a report of version {}: this talklint reads version 1; merge with the \
                     talklint that wrote it",
                    doc.version
                ),
            });
        }
        // Lines counted as the conversations come, once over the document.
        let (mut counted, mut line, mut line_start) = (0, first_line, 0);
        for raw in doc.conversations {
            let offset = raw.get().as_ptr() as usize - bytes.as_ptr() as usize;
            for at in memchr::memchr_iter(b'\n', &bytes[counted..offset]) {
                line += 1;
                line_start = counted + at + 1;
            }
            counted = offset;
            let column = offset - line_start + 1;
            let key: Key = serde_json::from_str(raw.get())
                .map_err(|e| MergeError::json(name, (line, column), raw.get().as_bytes(), &e))?;
            for f in &key.findings {
                rules.check(f).map_err(|message| MergeError::Invalid {
                    at: format!("{name}:{line}:{column}"),
                    message,
                })?;
            }
            let start = (base + offset as u64, line, column);
            let named = (key.path, key.id, key.place);
            self.conversation(named, report, start, raw.get().len());
        }
        let skipped = doc.skipped.into_iter().map(|s| Item::skipped(s, report));
        self.items.extend(skipped);
        let errors = doc.errors.into_iter().map(|e| Item::error(e, report));
        self.items.extend(errors);
        self.shards.extend(doc.summary.shard.clone());
        Ok(doc.summary)
    }
}
