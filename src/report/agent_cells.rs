//! One spelling per agent in CSV, the one `--statistics` and the HTML agent table show: the
//! first written in the run (`SARAH`, then `Sarah`: both rows say `SARAH`). Rows are rendered
//! on worker threads, which cannot know which spelling came first; so a conversation's rendering
//! carries, after its rows, its agents' names and where its agent cells are, and the cells are
//! settled when the rows are written, in input order ([`Spellings::settle`]).

use crate::transcript::label_key::folded;
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Mutex, PoisonError};

/// A conversation's agents and agent cells, noted as its rows are rendered.
pub(super) struct AgentCells<'c> {
    /// Where the conversation's rendering starts in its buffer.
    base: usize,
    /// Its agents in the order `--statistics` counts them (each who spoke, else the one).
    names: Vec<&'c str>,
    /// Each cell's bytes, from `base`, and the range of `names` it shows.
    cells: Vec<(Range<usize>, Range<usize>)>,
}

impl<'c> AgentCells<'c> {
    /// A rendering that starts at `base`, of a conversation whose agents are `names`.
    pub(super) fn new(base: usize, names: Vec<&'c str>) -> AgentCells<'c> {
        AgentCells {
            base,
            names,
            cells: Vec::new(),
        }
    }

    /// The range of the conversation's names; of one name, its own (added when the
    /// conversation does not name it, which `Conversation::agents` rules out).
    pub(super) fn names(&mut self, name: Option<&'c str>) -> Range<usize> {
        let Some(name) = name else {
            return 0..self.names.len();
        };
        let i = match self.names.iter().position(|n| *n == name) {
            Some(i) => i,
            None => {
                self.names.push(name);
                self.names.len() - 1
            }
        };
        i..i + 1
    }

    /// The names of `range`, `; ` between them, as a cell shows them.
    pub(super) fn joined(&self, range: Range<usize>) -> String {
        self.names[range].join("; ")
    }

    /// Notes a cell: `bytes` of the buffer that show the names of `names`.
    pub(super) fn cell(&mut self, bytes: Range<usize>, names: Range<usize>) {
        let from_base = bytes.start - self.base..bytes.end - self.base;
        self.cells.push((from_base, names));
    }

    /// Writes the notes after the rows in `out`: the names' bytes, each name's length, the
    /// cells (four numbers each), then how many names and cells there are and where the rows
    /// end, so that they are read from the end ([`notes`]).
    pub(super) fn finish(self, out: &mut Vec<u8>) {
        let rows = out.len() - self.base;
        for name in &self.names {
            out.extend_from_slice(name.as_bytes());
        }
        let mut number = |n: usize| out.extend_from_slice(&(n as u64).to_le_bytes());
        for name in &self.names {
            number(name.len());
        }
        for (bytes, names) in &self.cells {
            for n in [bytes.start, bytes.end, names.start, names.end] {
                number(n);
            }
        }
        number(self.names.len());
        number(self.cells.len());
        number(rows);
    }
}

/// The bytes of a number in the notes.
const WORD: usize = 8;

/// The notes of a rendering read back.
struct Notes<'r> {
    rows: &'r [u8],
    names: Vec<&'r str>,
    cells: Vec<(Range<usize>, Range<usize>)>,
}

/// Reads the notes [`AgentCells::finish`] wrote after the rows; `None` for bytes it did not
/// write (which it always does).
fn notes(rendered: &[u8]) -> Option<Notes<'_>> {
    let mut end = rendered.len();
    let mut number = || -> Option<usize> {
        let from = end.checked_sub(WORD)?;
        let n = u64::from_le_bytes(rendered.get(from..end)?.try_into().ok()?);
        end = from;
        usize::try_from(n).ok()
    };
    let rows = number()?;
    let (cells, names) = (number()?, number()?);
    let mut spans = Vec::with_capacity(cells);
    for _ in 0..cells {
        let [ne, ns, be, bs] = [number()?, number()?, number()?, number()?];
        spans.push((bs..be, ns..ne));
    }
    spans.reverse();
    let mut lengths = Vec::with_capacity(names);
    for _ in 0..names {
        lengths.push(number()?);
    }
    lengths.reverse();
    let mut at = rows;
    let mut list = Vec::with_capacity(names);
    for len in lengths {
        let bytes = rendered.get(at..at.checked_add(len)?)?;
        list.push(std::str::from_utf8(bytes).ok()?);
        at += len;
    }
    Some(Notes {
        rows: rendered.get(..rows)?,
        names: list,
        cells: spans,
    })
}

/// The spelling of each agent first written in the run, by the name's key in any case and
/// spacing (as `--statistics` groups agents).
#[derive(Default)]
pub(super) struct Spellings(Mutex<HashMap<String, String>>);

impl Spellings {
    /// The rows of a rendering, in input order: as rendered when each agent cell already shows
    /// the spelling first written (the usual case), else written anew, `cell` making each agent
    /// cell of the names it is given. The conversation's agents count as written from here on.
    pub(super) fn settle<'r>(
        &self,
        rendered: &'r [u8],
        cell: impl Fn(&str) -> Vec<u8>,
    ) -> Cow<'r, [u8]> {
        let Some(notes) = notes(rendered) else {
            return Cow::Borrowed(rendered);
        };
        let mut first = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let mut buf = [0u8; 32];
        let mut respelt = false;
        let mut spelt: Vec<Cow<str>> = Vec::with_capacity(notes.names.len());
        for &name in &notes.names {
            let key = folded(name, &mut buf);
            spelt.push(match first.get(&*key) {
                Some(s) if s == name => Cow::Borrowed(name),
                Some(s) => {
                    respelt = true;
                    Cow::Owned(s.clone())
                }
                None => {
                    first.insert(key.into_owned(), name.to_string());
                    Cow::Borrowed(name)
                }
            });
        }
        drop(first);
        if !respelt {
            return Cow::Borrowed(notes.rows);
        }
        let mut out = Vec::with_capacity(notes.rows.len() + 64);
        let mut from = 0;
        for (bytes, names) in notes.cells {
            // The notes are this module's own: a cell out of place is never met.
            let (Some(before), Some(names)) = (notes.rows.get(from..bytes.start), spelt.get(names))
            else {
                return Cow::Borrowed(notes.rows);
            };
            out.extend_from_slice(before);
            out.extend_from_slice(&cell(&names.join("; ")));
            from = bytes.end;
        }
        out.extend_from_slice(notes.rows.get(from..).unwrap_or_default());
        Cow::Owned(out)
    }
}
