//! Decoded turn text (JSON escapes read, markup stripped, cues joined, Markdown's character
//! references respelled) and its map back to the source, so that every finding points at the
//! file's bytes and a fix knows which bytes a match stands in.

use super::TurnText;
use std::ops::Range;

/// Decoded text and where its pieces come from: each piece is (text offset, source offset,
/// kind), sorted by text offset, the first at 0. A verbatim piece stands in the source byte for
/// byte; a replacement (a joining space) maps wholly to its source start; a respelling (an
/// escape, a character reference) does too, and also knows where it ends.
#[derive(Debug, Clone, Default)]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    pieces: Vec<(usize, usize, Piece)>,
}

/// How a piece of [`Decoded`] text stands in the source. Eight bytes, so that a piece (two
/// offsets and this) takes no more room than it did with a `bool`: 24 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Piece {
    /// Byte for byte.
    Verbatim,
    /// Text that stands for no source bytes of its own (a space joining two lines or cues,
    /// markup read as a space): a match that ends in it ends where it is placed.
    Replacement,
    /// Spelled differently in this many source bytes (an escape, a doubled quote, a character
    /// reference): a match that ends in it ends where they do, and an edit replaces them whole.
    Respelled(u32),
}

impl Decoded {
    /// Appends `text`, which stands verbatim at `source_offset` in the source.
    pub fn push_verbatim(&mut self, text: &str, source_offset: usize) {
        self.pieces
            .push((self.text.len(), source_offset, Piece::Verbatim));
        self.text.push_str(text);
    }

    /// Appends text that stands for the source bytes at `source_offset` but is spelled differently.
    pub fn push_replacement(&mut self, text: &str, source_offset: usize) {
        self.pieces
            .push((self.text.len(), source_offset, Piece::Replacement));
        self.text.push_str(text);
    }

    /// Appends `text`, which the source bytes `source` spell otherwise (`&nbsp;` for a space):
    /// a match that ends in it ends where they do, and an edit may replace them whole.
    pub(crate) fn push_respelled(&mut self, text: &str, source: Range<usize>) {
        let len = u32::try_from(source.len()).unwrap_or(u32::MAX);
        self.pieces
            .push((self.text.len(), source.start, Piece::Respelled(len)));
        self.text.push_str(text);
    }

    /// Appends another decoded text.
    pub fn append(&mut self, other: Decoded) {
        let shift = self.text.len();
        self.pieces
            .extend(other.pieces.into_iter().map(|(t, s, v)| (t + shift, s, v)));
        self.text.push_str(&other.text);
    }

    /// Appends bytes `range` of `from` (a turn text of `source`), keeping their map to the source.
    pub fn push_slice(&mut self, from: &TurnText, source: &str, range: Range<usize>) {
        let d = match from {
            TurnText::Source(r) => {
                let at = r.start + range.start;
                return self.push_verbatim(&source[at..r.start + range.end], at);
            }
            TurnText::Decoded(d) => d,
        };
        let first = d.pieces.partition_point(|p| p.0 <= range.start).max(1) - 1;
        for (i, &(t, s, kind)) in d.pieces.iter().enumerate().skip(first) {
            let end = d.pieces.get(i + 1).map_or(d.text.len(), |p| p.0);
            let (a, b) = (t.max(range.start), end.min(range.end));
            if a >= b {
                if t >= range.end {
                    break;
                }
                continue;
            }
            match kind {
                Piece::Verbatim => self.push_verbatim(&d.text[a..b], s + (a - t)),
                // Part of a respelling is spelled by all its bytes still.
                _ => {
                    self.pieces.push((self.text.len(), s, kind));
                    self.text.push_str(&d.text[a..b]);
                }
            }
        }
    }

    /// This text, decoded from `outer` (a turn text of `source`) as its offsets say, mapped on
    /// through `outer` to `source`: a text transcript read from a JSON string.
    pub fn through(&self, outer: &TurnText, source: &str) -> Decoded {
        let mut out = Decoded::default();
        for (i, &(t, s, kind)) in self.pieces.iter().enumerate() {
            let end = self.pieces.get(i + 1).map_or(self.text.len(), |p| p.0);
            let text = &self.text[t..end];
            match kind {
                Piece::Verbatim => out.push_slice(outer, source, s..s + text.len()),
                Piece::Replacement => out.push_replacement(text, outer.source_offset(s)),
                Piece::Respelled(len) => {
                    let spelled = outer.source_offset(s)..outer.source_end(s + len as usize);
                    out.push_respelled(text, spelled);
                }
            }
        }
        out
    }

    /// The source offset of the first piece.
    pub fn source_start(&self) -> usize {
        self.pieces.first().map_or(0, |p| p.1)
    }

    pub(super) fn source_offset(&self, offset: usize) -> usize {
        let i = self.pieces.partition_point(|&(t, _, _)| t <= offset);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            Some((t, s, Piece::Verbatim)) => s + (offset - t),
            Some((_, s, _)) => s,
            None => 0,
        }
    }

    /// The source offset just past the text that ends at `offset` (exclusive): stays inside the
    /// piece that holds the last character instead of jumping to where the next piece starts.
    pub(super) fn source_end(&self, offset: usize) -> usize {
        let Some(last) = self.text[..offset].chars().next_back() else {
            return self.source_offset(0);
        };
        let at = offset - last.len_utf8();
        let i = self.pieces.partition_point(|&(t, _, _)| t <= at);
        match i.checked_sub(1).map(|i| self.pieces[i]) {
            Some((t, s, Piece::Verbatim)) => s + (offset - t),
            // A replacement (a joining space, markup read as a space): end where it starts.
            Some((_, s, Piece::Replacement)) => s,
            Some((_, s, Piece::Respelled(len))) => s + len as usize,
            None => 0,
        }
    }

    /// The source bytes the text `range` stands for when it stands in one run of them: its
    /// pieces verbatim or respelled, each starting where the one before ends, and a respelling
    /// taken whole. `None` when a piece is replaced (an escape, a joining space) or bytes between
    /// two pieces are left out (a comment, markup).
    pub(super) fn source_run(&self, range: Range<usize>) -> Option<Range<usize>> {
        let first = self
            .pieces
            .partition_point(|p| p.0 <= range.start)
            .checked_sub(1)?;
        let (mut start, mut next) = (None, 0);
        for (i, &(t, s, kind)) in self.pieces.iter().enumerate().skip(first) {
            let end = self.pieces.get(i + 1).map_or(self.text.len(), |p| p.0);
            if t >= range.end {
                break;
            }
            let (a, b) = (t.max(range.start), end.min(range.end));
            // An empty piece counts only inside (`&lrm;` spells nothing, but has bytes).
            if b < a || (a == b && t <= range.start) {
                continue;
            }
            let (from, to) = match kind {
                Piece::Verbatim => (s + (a - t), s + (b - t)),
                // A respelling only whole: a match cannot start or end inside `&nbsp;`.
                Piece::Respelled(len) if a == t && b == end => (s, s + len as usize),
                _ => return None,
            };
            if start.is_some() && from != next {
                return None;
            }
            start.get_or_insert(from);
            next = to;
        }
        Some(start?..next)
    }
}
