//! `talklint merge` (SPEC §10): joins the JSON and JSONL reports of shards (`--shard K/N`) or
//! streams into one report in any format, as one `check` of all their files would have written
//! it: conversations, skipped files and errors sorted by path (folder by folder, as a walk lists
//! them) then id, and the summary recomputed. Each report's entries are indexed ([`index`]), the
//! index is sorted and checked for a conversation reported twice, and the conversations are read
//! again chunk by chunk, rebuilt into the report model ([`replay`]) and rendered on a thread
//! pool by the same printers as `check`, in order.

mod document;
mod entries;
mod index;
mod replay;
mod rule_index;
mod scales;
mod shards;

use crate::redact::Redactor;
use crate::report::{FileError, InOrder, Printer, Skipped, Summary, Totals};
use crate::rules::RuleSet;
use index::{Index, Item, Place, Source};
use rayon::prelude::*;
pub use replay::Layout;
use replay::{Replay, Written};
use rule_index::RuleIndex;
use scales::{Named, Scales, Scored};
use std::cmp::Ordering;
use std::io::{self, Write};

/// How many conversations are read and rendered between two writes.
const CHUNK: usize = 2048;

/// Why reports cannot be merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("cannot read {path}: {source}")]
    Read { path: String, source: io::Error },
    #[error("{at}: {message}")]
    Json { at: String, message: String },
    #[error("{at}: {message}")]
    Invalid { at: String, message: String },
    #[error("{what} is in {}", reports(.first, .second, *.one_report, *.with_id))]
    Duplicate {
        what: String,
        first: String,
        second: String,
        /// Both are in one report.
        one_report: bool,
        /// Both are conversations with an id (the same).
        with_id: bool,
    },
    #[error("{}: {detail}; merge the reports of checks that scored alike (the config's `scoring` \
             and `min_score`, and `--min-score`)", scored(.first, .second))]
    Scales {
        first: String,
        second: String,
        /// Two conversations of one folder, and the setting they show was not the same.
        detail: String,
    },
    #[error("cannot write the report: {0}")]
    Write(#[from] io::Error),
}

fn reports(first: &str, second: &str, one_report: bool, with_id: bool) -> String {
    match (one_report, with_id) {
        (true, true) => format!(
            "{first} twice: the conversations of one file need distinct ids to be merged (give \
             each conversation record an id of its own)"
        ),
        (true, false) => format!("{first} twice, which no check writes: was the report edited?"),
        (false, _) => format!("both {first} and {second}: the reports overlap (one merged twice?)"),
    }
}

fn scored(first: &str, second: &str) -> String {
    match first == second {
        true => format!("{first} holds conversations of one folder scored on different scales"),
        false => format!("{first} and {second} were scored on different scales"),
    }
}

/// How to make what `merge` reads.
const NOT_A_REPORT: &str = "merge reads the reports `talklint check --format jsonl` (or \
                            `--format json`) writes, such as `talklint check --format jsonl \
                            --shard 1/4 calls > part1.jsonl`";

impl MergeError {
    /// A JSON error in `piece`, the part of report `name` that starts at `line` and `column`:
    /// named at its own line and column in the report, a trailing comma at the comma.
    fn json(
        name: &str,
        (line, column): (usize, usize),
        piece: &[u8],
        e: &serde_json::Error,
    ) -> MergeError {
        let piece = std::str::from_utf8(piece).unwrap_or_default();
        // The line and column within the piece, in characters, made the report's.
        let in_report = |(below, c): (usize, usize)| match below {
            1 => (line, column + c - 1),
            below => (line + below - 1, c),
        };
        if let Some((comma, closing)) = crate::json_comma::trailing(piece, e) {
            let at = in_report(crate::text::lines::LineCursor::new(piece).position(comma));
            return MergeError::Json {
                at: format!("{name}:{}:{}", at.0, at.1),
                message: format!(
                    "{}\n  help: {}",
                    crate::json_comma::message(closing),
                    crate::json_comma::HELP
                ),
            };
        }
        let text = e.to_string();
        let said = text
            .rfind(" at line ")
            .map_or(text.as_str(), |i| &text[..i]);
        // A piece that is no JSON object at all (a transcript, a list) is no report.
        let object = piece
            .trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n'])
            .starts_with('{');
        let message = match e.classify() {
            serde_json::error::Category::Eof if object => {
                format!("{said}: the report is cut short (did its run finish?)")
            }
            _ if !object => format!(
                "not a talklint JSON or JSONL report: it does not start with `{{`\n  help: {NOT_A_REPORT}"
            ),
            serde_json::error::Category::Data => format!(
                "not read as a talklint JSON or JSONL report: {said}\n  help: {NOT_A_REPORT}"
            ),
            _ => said.to_string(),
        };
        let (line, column) = match object {
            true => in_report(crate::json_comma::serde_place(piece, e)),
            false => (line, column),
        };
        MergeError::Json {
            at: format!("{name}:{line}:{column}"),
            message,
        }
    }
}

/// The merged order: by path, segment by segment (a folder's files before the next name, as a
/// sorted walk lists them), then by id (none first).
fn order(a: &Item, b: &Item) -> Ordering {
    (a.path().split('/').cmp(b.path().split('/'))).then_with(|| a.id().cmp(&b.id()))
}

/// One entry to write: a conversation read back and rendered, or a file that was not checked.
enum Done {
    Conversation {
        rendered: Vec<u8>,
        summary: Box<Summary>,
        scored: Box<Scored>,
    },
    Skipped(Skipped),
    Error(FileError),
}

/// One entry of a chunk: a conversation's bytes to render (and where they are, for errors), or
/// an entry ready to write.
enum Job {
    Render(Vec<u8>, At, Named),
    Ready(Done),
}

/// What is told of each file the reports list as not read.
type OnError<'a> = &'a mut dyn FnMut(&FileError);

/// What a merge gives: the merged summary, and the warning of the shards of a run (`--shard
/// K/N`) the reports leave out, if they leave out any.
pub struct Merged {
    pub totals: Summary,
    pub missing_shards: Option<String>,
}

/// Merges `reports` (file names; `-` is standard input) into one report written by `printer`
/// to `w`, with the findings' rules looked up in `rules`; gives the merged summary, and hands
/// each file the reports say could not be read to `on_error` as it is written. With a redactor
/// (`--redact`), the reports' matches and messages are masked again.
pub fn merge(
    reports: &[String],
    rules: &RuleSet,
    (printer, layout, redactor): (&dyn Printer, Layout, Option<&Redactor>),
    (w, on_error): (&mut dyn Write, OnError),
    threads: usize,
) -> Result<Merged, MergeError> {
    let rules = RuleIndex::new(rules);
    let mut index = Index::default();
    for name in reports {
        index.add(name, &rules)?;
    }
    let Index {
        mut items,
        mut sources,
        names,
        files,
        shards,
    } = index;
    let missing_shards = shards::missing(&shards);
    entries::number_unnamed(&mut items);
    items.sort_by(order);
    entries::duplicate(&items, &names)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(io::Error::other)?;
    let mut totals = Summary::default();
    let mut scales = Scales::default();
    let (mut skipped, mut errors) = (Vec::new(), Vec::new());
    let mut written = 0;
    printer.start(w)?;
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        let mut jobs = Vec::with_capacity(CHUNK);
        for item in items.by_ref().take(CHUNK) {
            jobs.push(match item {
                Item::Conversation {
                    place,
                    path,
                    id,
                    number,
                } => {
                    let named = Named {
                        report: place.report,
                        path,
                        id,
                        number,
                    };
                    read(&mut sources, &names, &place, named)?
                }
                Item::Skipped(s, _) => Job::Ready(Done::Skipped(s)),
                Item::Error(e, _) => Job::Ready(Done::Error(e.masked(redactor))),
            });
        }
        let done: Vec<Result<Done, MergeError>> = pool.install(|| {
            jobs.into_par_iter()
                .map(|job| match job {
                    Job::Render(bytes, at, named) => {
                        render(&bytes, &at, named, &rules, (printer, layout, redactor))
                    }
                    Job::Ready(done) => Ok(done),
                })
                .collect()
        });
        for d in done {
            match d? {
                Done::Conversation {
                    rendered,
                    summary,
                    scored,
                } => {
                    scales.add(*scored, &names)?;
                    match printer.in_order(&rendered, written) {
                        InOrder::Parts(parts) => parts.iter().try_for_each(|p| w.write_all(p))?,
                        InOrder::Rewritten(bytes) => w.write_all(&bytes)?,
                    }
                    written += 1;
                    totals.merge(&summary);
                }
                Done::Skipped(s) => {
                    printer.event(w, Some(&s), None)?;
                    skipped.push(s);
                }
                Done::Error(e) => {
                    printer.event(w, None, Some(&e))?;
                    on_error(&e);
                    errors.push(e);
                }
            }
        }
    }
    totals.files = files;
    totals.skipped = skipped.len();
    totals.errors = errors.len();
    let end = Totals {
        summary: &totals,
        skipped: &skipped,
        errors: &errors,
    };
    printer.finish(w, &end)?;
    w.flush()?;
    Ok(Merged {
        totals,
        missing_shards,
    })
}

/// A conversation's bytes to render, and where they are for errors.
fn read(
    sources: &mut [Source],
    names: &[String],
    place: &Place,
    named: Named,
) -> Result<Job, MergeError> {
    let name = &names[place.report];
    let mut bytes = Vec::new();
    sources[place.report]
        .read(place, &mut bytes)
        .map_err(|source| MergeError::Read {
            path: name.clone(),
            source,
        })?;
    let at = At {
        name: name.clone(),
        line: place.line,
        column: place.column,
    };
    Ok(Job::Render(bytes, at, named))
}

/// Where a conversation's JSON starts in its report, for errors.
struct At {
    name: String,
    line: usize,
    column: usize,
}

impl std::fmt::Display for At {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.name, self.line, self.column)
    }
}

/// Reads a conversation back and renders it; gives its rendering, its totals and what its
/// score shows of its scale.
fn render(
    bytes: &[u8],
    at: &At,
    named: Named,
    rules: &RuleIndex,
    (printer, layout, redactor): (&dyn Printer, Layout, Option<&Redactor>),
) -> Result<Done, MergeError> {
    // One UTF-8 check for the whole object, rather than one per string.
    let text = std::str::from_utf8(bytes).map_err(|e| MergeError::Json {
        at: at.to_string(),
        message: e.to_string(),
    })?;
    let written: Written = serde_json::from_str(text)
        .map_err(|e| MergeError::json(&at.name, (at.line, at.column), bytes, &e))?;
    let replay = Replay::new(written, rules, layout, redactor, &at.to_string())?;
    let mut conversation = replay.conversation(redactor);
    conversation.number = named.number;
    // Tidy, as the index holds it (an older report's may not be).
    let path = named.path.clone();
    conversation.path = &path;
    let mut summary = Summary::default();
    summary.add(&conversation);
    let mut rendered = Vec::with_capacity(bytes.len() + 256);
    printer.conversation(&conversation, replay.source(), &mut rendered);
    Ok(Done::Conversation {
        rendered,
        summary: Box::new(summary),
        scored: Box::new(Scored::of(named, &conversation)),
    })
}
