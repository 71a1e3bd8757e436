//! An Aho-Corasick automaton over symbols rather than bytes: one step per word, a dense table
//! for the start state (where nearly every word is read) and short edge lists elsewhere.
//!
//! The byte-level automaton it replaces needed two steps per symbol and, built as a DFA for
//! speed, 47 MB and ~0.15 s for the default pack; this one holds 0.56 MB, is built in ~3 ms, and
//! reads a word no pattern uses with one table lookup. The default pack's tables are read in
//! place from the bytes embedded in the binary ([`Automaton::from_bytes`]): a one-file check
//! touches the pages of the states its words reach, not the whole table. Written as they lie in
//! memory, they take 0.56 MB of the binary, where the varints they were read from took 0.35 MB.

use super::vocab::Sym;
use bytemuck::{Pod, Zeroable};
use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// A state id; the start state is 0.
type State = u32;
const START: State = 0;
/// In the start table: the symbol occurs in no pattern, so it sends every state back to start.
const RESET: State = State::MAX;
/// No pattern ends here.
const NONE: u32 = u32::MAX;

/// A state with more edges than this gets a dense row (one entry per symbol); fewer are searched
/// linearly. With the default pack's 1,653 symbols, 24 of 15,323 states are that wide.
const DENSE_FROM: usize = 16;
/// In a state's edge range: the range is a dense row, not a list.
const DENSE: u32 = 1 << 31;
/// In a state id: some pattern ends at this state or on its suffix chain. A step tests it in a
/// register instead of loading the state's record.
const HAS_OUTPUT: State = 1 << 30;

/// Where a state's record is.
#[inline(always)]
fn index(state: State) -> usize {
    (state & !HAS_OUTPUT) as usize
}

/// A table of the automaton: built, or borrowed from bytes embedded in the binary.
type Table<T> = Cow<'static, [T]>;

/// Finds every occurrence of every pattern, overlapping ones included.
#[derive(Debug, Clone)]
pub struct Automaton {
    /// The state after each symbol from the start state, or [`RESET`].
    start: Table<State>,
    /// Everything a step reads about a state, together (one cache line for a cold state).
    states: Table<StateInfo>,
    edge_sym: Table<Sym>,
    edge_to: Table<State>,
    dense: Table<State>,
    /// The pattern that ends at each state, or [`NONE`]; read only where one ends.
    pattern: Table<u32>,
}

/// The tables of an [`Automaton`], borrowed for one search: read through plain slices, the
/// loop loads where each table is once rather than at every step.
struct Tables<'a> {
    start: &'a [State],
    states: &'a [StateInfo],
    edge_sym: &'a [Sym],
    edge_to: &'a [State],
    dense: &'a [State],
    pattern: &'a [u32],
}

#[derive(Debug, Clone, Copy, Pod, Zeroable)]
#[repr(C)]
struct StateInfo {
    /// Its edges are `edge_sym[first..end]` and `edge_to[first..end]`; when `first` has
    /// [`DENSE`] set, `dense[first & !DENSE..][..symbols]` is its row, [`START`] meaning no edge.
    first: u32,
    end: u32,
    /// The state of the longest proper suffix that is also a trie state.
    fail: State,
    /// The nearest state on the suffix chain (the state itself included) where a pattern ends,
    /// or [`NONE`].
    output: State,
}

impl Automaton {
    /// Builds the automaton for `patterns` (non-empty, distinct), whose symbols are below
    /// `symbols`.
    pub fn new(patterns: &[impl AsRef<[Sym]>], symbols: usize) -> Automaton {
        // The trie, with its edges in a map while it grows.
        let mut goto: FxHashMap<(State, Sym), State> = FxHashMap::default();
        let mut pattern = vec![NONE];
        for (id, p) in patterns.iter().enumerate() {
            let mut s = START;
            for &sym in p.as_ref() {
                let fresh = pattern.len() as State;
                s = *goto.entry((s, sym)).or_insert(fresh);
                if s == fresh {
                    pattern.push(NONE);
                }
            }
            pattern[s as usize] = id as u32;
        }
        let states = pattern.len();
        let mut children: Vec<Vec<(Sym, State)>> = vec![Vec::new(); states];
        for (&(from, sym), &to) in &goto {
            children[from as usize].push((sym, to));
        }
        for list in &mut children {
            list.sort_unstable();
        }

        // Suffix links, breadth first so that a state's suffix is done before the state.
        let mut fail = vec![START; states];
        let mut output = vec![NONE; states];
        let mut order = vec![START];
        let mut next = 0;
        while let Some(&s) = order.get(next) {
            next += 1;
            for &(sym, to) in &children[s as usize] {
                if s != START {
                    let mut f = fail[s as usize];
                    fail[to as usize] = loop {
                        if let Some(&next) = goto.get(&(f, sym)) {
                            break next;
                        }
                        if f == START {
                            break START;
                        }
                        f = fail[f as usize];
                    };
                }
                output[to as usize] = if pattern[to as usize] != NONE {
                    to
                } else {
                    output[fail[to as usize] as usize]
                };
                order.push(to);
            }
        }

        // States are renumbered breadth first, so the shallow states most steps visit sit
        // together, and each id says whether a pattern ends at or below it.
        let mut id = vec![START; states];
        for (k, &old) in order.iter().enumerate() {
            let flag = if output[old as usize] != NONE {
                HAS_OUTPUT
            } else {
                0
            };
            id[old as usize] = k as State | flag;
        }
        let renamed = |s: State| if s == NONE { NONE } else { id[s as usize] };

        let mut start = vec![RESET; symbols];
        for p in patterns {
            for &sym in p.as_ref() {
                start[sym as usize] = START;
            }
        }
        for &(sym, to) in &children[START as usize] {
            start[sym as usize] = renamed(to);
        }

        let (mut edge_sym, mut edge_to, mut dense) = (Vec::new(), Vec::new(), Vec::new());
        let mut infos = Vec::with_capacity(states);
        for &old in &order {
            let list = &children[old as usize];
            let (first, end) = if old == START {
                (0, 0)
            } else if list.len() > DENSE_FROM {
                let at = dense.len() as u32;
                dense.resize(dense.len() + symbols, START);
                for &(sym, to) in list {
                    dense[at as usize + sym as usize] = renamed(to);
                }
                (DENSE | at, 0)
            } else {
                let at = edge_sym.len() as u32;
                edge_sym.extend(list.iter().map(|e| e.0));
                edge_to.extend(list.iter().map(|e| renamed(e.1)));
                (at, edge_sym.len() as u32)
            };
            infos.push(StateInfo {
                first,
                end,
                fail: renamed(fail[old as usize]),
                output: renamed(output[old as usize]),
            });
        }
        Automaton {
            start: start.into(),
            states: infos.into(),
            edge_sym: edge_sym.into(),
            edge_to: edge_to.into(),
            dense: dense.into(),
            pattern: order.iter().map(|&old| pattern[old as usize]).collect(),
        }
    }

    /// Appends `(pattern, end)` for every occurrence of every pattern in `symbols`, where `end`
    /// is the index just past the occurrence's last symbol; in order of `end`.
    pub fn find(&self, symbols: &[Sym], found: &mut Vec<(u32, u32)>) {
        self.tables().find(symbols, found);
    }

    /// The automaton whose tables `bytes` hold (as [`Automaton::to_bytes`] writes them),
    /// borrowed in place. `None` when the tables' lengths do not agree with each other and with
    /// the bytes, the bytes are not aligned to four, or the machine reads integers big-endian.
    /// What the tables hold is not checked: they come from bytes built by this code, which the
    /// prebuilt matcher's fingerprint vouches for.
    pub fn from_bytes(bytes: &'static [u8]) -> Option<Automaton> {
        if cfg!(target_endian = "big") {
            return None;
        }
        let (header, mut rest) = bytes.split_first_chunk::<{ 4 * TABLES }>()?;
        let mut lens = header
            .chunks_exact(4)
            .map(|w| u32::from_le_bytes([w[0], w[1], w[2], w[3]]) as usize);
        let automaton = Automaton {
            start: take(&mut rest, lens.next()?)?,
            states: take(&mut rest, lens.next()?)?,
            edge_sym: take(&mut rest, lens.next()?)?,
            edge_to: take(&mut rest, lens.next()?)?,
            dense: take(&mut rest, lens.next()?)?,
            pattern: take(&mut rest, lens.next()?)?,
        };
        let whole = rest.is_empty()
            && automaton.states.len() == automaton.pattern.len()
            && automaton.edge_sym.len() == automaton.edge_to.len();
        whole.then_some(automaton)
    }

    /// The tables as bytes: the length of each (a little-endian `u32`), then each one's bytes,
    /// padded to four.
    #[cfg(test)]
    pub fn to_bytes(&self) -> Vec<u8> {
        fn put<T: Pod>(bytes: &mut Vec<u8>, table: &[T]) {
            bytes.extend_from_slice(bytemuck::cast_slice(table));
            bytes.resize(bytes.len().next_multiple_of(4), 0);
        }
        let t = self.tables();
        let lens = [t.start.len(), t.states.len(), t.edge_sym.len()]
            .into_iter()
            .chain([t.edge_to.len(), t.dense.len(), t.pattern.len()]);
        let mut bytes: Vec<u8> = lens.flat_map(|n| (n as u32).to_le_bytes()).collect();
        put(&mut bytes, t.start);
        put(&mut bytes, t.states);
        put(&mut bytes, t.edge_sym);
        put(&mut bytes, t.edge_to);
        put(&mut bytes, t.dense);
        put(&mut bytes, t.pattern);
        bytes
    }

    /// `bytes` copied where a table can be read in place (aligned to four), kept for the rest of
    /// the test run, as bytes embedded in the binary are.
    #[cfg(test)]
    pub fn kept_aligned(bytes: &[u8]) -> &'static [u8] {
        let words = vec![0u32; bytes.len().div_ceil(4)].leak();
        let kept: &mut [u8] = bytemuck::cast_slice_mut(words);
        kept[..bytes.len()].copy_from_slice(bytes);
        &kept[..bytes.len()]
    }

    fn tables(&self) -> Tables<'_> {
        Tables {
            start: &self.start,
            states: &self.states,
            edge_sym: &self.edge_sym,
            edge_to: &self.edge_to,
            dense: &self.dense,
            pattern: &self.pattern,
        }
    }

    /// Bytes held by the automaton's tables.
    #[cfg(test)]
    fn memory(&self) -> usize {
        4 * (self.start.len() + self.pattern.len())
            + std::mem::size_of::<StateInfo>() * self.states.len()
            + 2 * self.edge_sym.len()
            + 4 * (self.edge_to.len() + self.dense.len())
    }
}

/// How many tables an automaton has.
const TABLES: usize = 6;

/// The first `len` items of type `T` in `bytes`, which then start past them (and their padding
/// to four bytes).
fn take<T: Pod>(bytes: &mut &'static [u8], len: usize) -> Option<Table<T>> {
    let size = len.checked_mul(std::mem::size_of::<T>())?;
    let padded = size.checked_next_multiple_of(4)?;
    let (table, rest) = bytes.split_at_checked(padded)?;
    *bytes = rest;
    bytemuck::try_cast_slice(&table[..size])
        .ok()
        .map(Cow::Borrowed)
}

impl Tables<'_> {
    /// The state after reading `sym` in `state`.
    #[inline(always)]
    fn next(&self, mut state: State, sym: Sym) -> State {
        let from_start = self.start.get(sym as usize).copied().unwrap_or(RESET);
        if from_start == RESET {
            return START;
        }
        while state != START {
            let info = &self.states[index(state)];
            let (first, end) = (info.first as usize, info.end as usize);
            if info.first & DENSE != 0 {
                let to = self.dense[(info.first & !DENSE) as usize + sym as usize];
                if to != START {
                    return to;
                }
            } else if let Some(k) = self.edge_sym[first..end].iter().position(|&e| e == sym) {
                return self.edge_to[first + k];
            }
            state = info.fail;
        }
        from_start
    }

    fn find(&self, symbols: &[Sym], found: &mut Vec<(u32, u32)>) {
        let mut state = START;
        for (i, &sym) in symbols.iter().enumerate() {
            state = self.next(state, sym);
            if state & HAS_OUTPUT == 0 {
                continue;
            }
            let mut out = self.states[index(state)].output;
            while out != NONE {
                found.push((self.pattern[index(out)], i as u32 + 1));
                out = self.states[index(self.states[index(out)].fail)].output;
            }
        }
    }
}

#[cfg(test)]
mod tests;
