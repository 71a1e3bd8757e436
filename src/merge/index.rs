//! Reading the reports to merge into an index: where each conversation is (its report, byte
//! offset and length) under its path and id, the skipped files and errors, and each report's
//! summary. Conversations are read again one chunk at a time when they are written, so memory
//! holds the index, not the reports. A JSONL report (`{"path": …}`, `{"skipped": …}`,
//! `{"error": …}` and `{"summary": …}` lines, several reports back to back allowed) is read line
//! by line; a JSON document is read whole, one report at a time.

use super::MergeError;
use super::document::is_document;
use super::rule_index::{RuleIndex, RuleSaid};
use crate::report::{FileError, Skipped};
use crate::scan::tidied;
use serde::Deserialize;
use serde::de::IgnoredAny;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Seek, SeekFrom};
use std::sync::Arc;

/// Where a conversation is written.
#[derive(Debug)]
pub(super) struct Place {
    pub report: usize,
    pub offset: u64,
    pub len: usize,
    /// Where it starts, for errors: 1-based line, and column in bytes.
    pub line: usize,
    pub column: usize,
}

/// One entry of a report, keyed by path (and id).
#[derive(Debug)]
pub(super) enum Item {
    Conversation {
        path: Arc<str>,
        id: Option<Box<str>>,
        place: Place,
        /// Without an id, in a file its report holds several of such: its place among the
        /// file's conversations, as `check` numbers it ([`number_unnamed`]).
        number: Option<usize>,
    },
    /// A skipped file, and the report that lists it.
    Skipped(Skipped, usize),
    /// A file, or a stream's line (with its `line`), that could not be read, and the report
    /// that lists it.
    Error(FileError, usize),
}

impl Item {
    pub(super) fn path(&self) -> &str {
        match self {
            Item::Conversation { path, .. } => path,
            Item::Skipped(s, _) => &s.path,
            Item::Error(e, _) => &e.path,
        }
    }

    /// The report it is in.
    pub(super) fn report(&self) -> usize {
        match self {
            Item::Conversation { place, .. } => place.report,
            Item::Skipped(_, r) | Item::Error(_, r) => *r,
        }
    }

    /// A skipped entry of `report`, its path tidy. Reports written before skipped entries had a
    /// `line` gave a stream's line only in the reason (`line 2: too large …`), read from there.
    pub(super) fn skipped(mut s: Skipped, report: usize) -> Item {
        s.path = tidied(s.path);
        s.line = s.line.or_else(|| line_in_reason(&s.reason));
        Item::Skipped(s, report)
    }

    /// An error entry of `report`, its path tidy.
    pub(super) fn error(e: FileError, report: usize) -> Item {
        Item::Error(
            FileError {
                path: tidied(e.path),
                ..e
            },
            report,
        )
    }

    pub(super) fn id(&self) -> Option<&str> {
        match self {
            Item::Conversation { id, .. } => id.as_deref(),
            _ => None,
        }
    }
}

/// The line a skipped entry's reason starts with (`line 2: …`), as older reports wrote it.
fn line_in_reason(reason: &str) -> Option<usize> {
    let (number, _) = reason.strip_prefix("line ")?.split_once(':')?;
    number.parse().ok()
}

/// The counts of a report's summary that its entries must match.
#[derive(Debug, Default, Deserialize)]
pub(super) struct Counts {
    pub files: usize,
    pub conversations: usize,
    pub skipped: usize,
    pub errors: usize,
    /// The shard the run checked, `K/N` (`--shard`).
    #[serde(default)]
    pub shard: Option<String>,
}

impl Counts {
    /// Both counts added, unless a sum overflows (no scan counts that many).
    fn plus(&self, o: &Counts) -> Option<Counts> {
        Some(Counts {
            files: self.files.checked_add(o.files)?,
            conversations: self.conversations.checked_add(o.conversations)?,
            skipped: self.skipped.checked_add(o.skipped)?,
            errors: self.errors.checked_add(o.errors)?,
            shard: None,
        })
    }
}

/// What a summary whose counts add up past any number says.
const TOO_MANY: &str =
    "its summaries count more files than any scan holds: is it a talklint report?";

/// A report to read conversations back from: a file, or standard input kept in memory.
pub(super) enum Source {
    File(File),
    Memory(Vec<u8>),
}

impl Source {
    /// Reads `place`'s bytes into `buf`.
    pub(super) fn read(&mut self, place: &Place, buf: &mut Vec<u8>) -> io::Result<()> {
        buf.resize(place.len, 0);
        match self {
            Source::File(f) => {
                f.seek(SeekFrom::Start(place.offset))?;
                f.read_exact(buf)
            }
            Source::Memory(m) => {
                let at = usize::try_from(place.offset).unwrap_or(usize::MAX);
                let bytes = m.get(at..at.saturating_add(place.len));
                buf.copy_from_slice(bytes.ok_or(io::ErrorKind::UnexpectedEof)?);
                Ok(())
            }
        }
    }
}

/// The keys of a conversation and what its findings say of their rules, and what else a report
/// line may be.
#[derive(Deserialize)]
struct Line<'a> {
    path: Option<String>,
    id: Option<String>,
    /// A conversation's place, where `check` named it by one (`path#(N)`).
    place: Option<usize>,
    skipped: Option<Skipped>,
    error: Option<FileError>,
    summary: Option<Counts>,
    /// Only a JSON document has it.
    version: Option<IgnoredAny>,
    #[serde(borrow, default)]
    findings: Vec<RuleSaid<'a>>,
}

/// What the reports hold.
#[derive(Default)]
pub(super) struct Index {
    pub items: Vec<Item>,
    pub sources: Vec<Source>,
    pub names: Vec<String>,
    /// The files all reports count.
    pub files: usize,
    /// The shards the reports' summaries name (`--shard K/N`), as written.
    pub shards: Vec<String>,
}

impl Index {
    /// Reads report `name` (`-` is standard input) into the index.
    /// Each finding must say of its rule what the loaded `rules` say.
    pub(super) fn add(&mut self, name: &str, rules: &RuleIndex) -> Result<(), MergeError> {
        let cannot = |source| MergeError::Read {
            path: name.into(),
            source,
        };
        let report = self.sources.len();
        let before = self.items.len();
        // Standard input and a pipe named by a path (`<(…)`, a FIFO) are read once, so they
        // are held in memory; a file is read again where each conversation is.
        let file = match name {
            "-" => None,
            _ => Some(File::open(name).map_err(cannot)?),
        };
        let (source, counts) = match file {
            Some(file) if file.metadata().is_ok_and(|m| m.is_file()) => {
                let file_again = file.try_clone().map_err(cannot)?;
                let counts = self.read((report, name), file_again, rules)?;
                (Source::File(file), counts)
            }
            file => {
                let mut bytes = Vec::new();
                match file {
                    Some(mut f) => f.read_to_end(&mut bytes),
                    None => io::stdin().read_to_end(&mut bytes),
                }
                .map_err(cannot)?;
                let counts = self.read((report, name), &bytes[..], rules)?;
                (Source::Memory(bytes), counts)
            }
        };
        let counts = counts.ok_or_else(|| MergeError::Invalid {
            at: name.into(),
            message: "no summary: the report is cut short (did its run finish?)".into(),
        })?;
        let held = |f: fn(&Item) -> bool| self.items[before..].iter().filter(|i| f(i)).count();
        for (what, said, held) in [
            (
                "conversations",
                counts.conversations,
                held(|i| matches!(i, Item::Conversation { .. })),
            ),
            (
                "skipped files",
                counts.skipped,
                held(|i| matches!(i, Item::Skipped(..))),
            ),
            (
                "errors",
                counts.errors,
                held(|i| matches!(i, Item::Error(..))),
            ),
        ] {
            if said != held {
                return Err(MergeError::Invalid {
                    at: name.into(),
                    message: format!(
                        "its summary counts {said} {what} but it holds {held}: is it whole?"
                    ),
                });
            }
        }
        self.files = self
            .files
            .checked_add(counts.files)
            .ok_or_else(|| MergeError::Invalid {
                at: name.into(),
                message: TOO_MANY.into(),
            })?;
        self.sources.push(source);
        self.names.push(name.into());
        Ok(())
    }

    /// Reads one report's entries; gives the sum of its summaries, if it has any.
    fn read(
        &mut self,
        (report, name): (usize, &str),
        input: impl Read,
        rules: &RuleIndex,
    ) -> Result<Option<Counts>, MergeError> {
        let cannot = |source| MergeError::Read {
            path: name.into(),
            source,
        };
        let mut input = BufReader::with_capacity(1 << 16, input);
        let mut line = Vec::new();
        let mut offset = 0u64;
        let mut number = 0;
        let mut total: Option<Counts> = None;
        let mut first = true;
        loop {
            line.clear();
            let n = input.read_until(b'\n', &mut line).map_err(cannot)?;
            if n == 0 {
                return Ok(total);
            }
            number += 1;
            let at = offset;
            offset += n as u64;
            let text = line.trim_ascii();
            if text.is_empty() {
                continue;
            }
            let leading = line.len() - line.trim_ascii_start().len();
            let parsed = std::str::from_utf8(text)
                .map_err(serde::de::Error::custom)
                .and_then(serde_json::from_str::<Line>);
            // The file's last line, ending before its JSON does.
            let cut = matches!(&parsed, Err(e) if e.is_eof()) && !line.ends_with(b"\n");
            match parsed {
                Ok(l) if l.version.is_none() => {
                    let start = (at + leading as u64, number, leading + 1);
                    self.line(l, (report, rules), start, text.len(), &mut total)
                        .map_err(|message| MergeError::Invalid {
                            at: format!("{name}:{number}"),
                            message,
                        })?;
                    first = false;
                    continue;
                }
                // A JSON document, on one line or (incomplete here) over many; on one line, its
                // lists (`"skipped": […]`) do not read as a JSONL line's keys.
                Ok(_) => {}
                Err(e) if e.is_eof() || is_document(text) => {}
                Err(e) => return Err(MergeError::json(name, (number, leading + 1), text, &e)),
            }
            if !first {
                let message = match cut {
                    // A JSONL report whose last line was being written when its run stopped.
                    true => {
                        "the line ends before its JSON does: the report is cut short (did its run finish?)"
                    }
                    false => "a JSON report after lines of a JSONL report",
                };
                return Err(MergeError::Invalid {
                    at: format!("{name}:{number}"),
                    message: message.into(),
                });
            }
            let mut whole = std::mem::take(&mut line);
            input.read_to_end(&mut whole).map_err(cannot)?;
            return (self.document((report, name), (at, number), &whole, rules)).map(Some);
        }
    }

    /// Files one JSONL report line, or says why it is none.
    fn line(
        &mut self,
        line: Line,
        (report, rules): (usize, &RuleIndex),
        start: (u64, usize, usize),
        len: usize,
        total: &mut Option<Counts>,
    ) -> Result<(), String> {
        match line {
            Line {
                skipped: Some(s), ..
            } => self.items.push(Item::skipped(s, report)),
            Line { error: Some(e), .. } => self.items.push(Item::error(e, report)),
            Line {
                summary: Some(c), ..
            } => {
                self.shards.extend(c.shard.clone());
                let t = total.get_or_insert_with(Counts::default);
                *t = t.plus(&c).ok_or(TOO_MANY)?;
            }
            Line {
                path: Some(path),
                id,
                place,
                findings,
                ..
            } => {
                findings.iter().try_for_each(|f| rules.check(f))?;
                self.conversation((path, id, place), report, start, len);
            }
            _ => {
                return Err(format!(
                    "not a line of a talklint report (a conversation, `skipped`, `error` or \
                     `summary`)\n  help: {}",
                    super::NOT_A_REPORT
                ));
            }
        }
        Ok(())
    }

    /// Files a conversation that starts at `(offset, line, column)` of its report.
    pub(super) fn conversation(
        &mut self,
        (path, id, number): (String, Option<String>, Option<usize>),
        report: usize,
        (offset, line, column): (u64, usize, usize),
        len: usize,
    ) {
        let path = tidied(path);
        // Consecutive conversations of one file share its path.
        let path = match self.items.last() {
            Some(Item::Conversation { path: last, .. }) if **last == *path => last.clone(),
            _ => Arc::from(path),
        };
        self.items.push(Item::Conversation {
            path,
            number,
            id: id.map(String::into_boxed_str),
            place: Place {
                report,
                offset,
                len,
                line,
                column,
            },
        });
    }
}
