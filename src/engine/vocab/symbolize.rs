//! Text to symbols: the per-word loop every scan spends most of its time in.

use super::hash::{FOLD, KEEP, block_at, hash_folded};
use super::memo::{Memo, Remembered};
use super::{Entry, OTHER, Sym, Vocab};
use crate::text::words::Words;
use crate::text::{canon, perfect};

impl Vocab {
    /// Appends the symbols of a turn's `text` to `stream`, each web or e-mail address as one
    /// word: `link` for a web address, none for an e-mail address. The words written in an
    /// address are no one's; that a link was given is (`here is the link`, a pointer to help).
    /// `links` is a buffer for the addresses found.
    pub fn symbolize_turn(
        &self,
        text: &str,
        stream: &mut SymbolStream,
        links: &mut Vec<std::ops::Range<usize>>,
    ) {
        links.clear();
        crate::text::links::find(text, links);
        let mut at = 0;
        for link in links.iter() {
            self.symbolize(&text[at..link.start], at as u32, stream);
            // A web address reads as `link` (a pointer given); an e-mail address as no word,
            // since `email` is a verb the pack's phrases use (`email you`).
            let sym = match text[link.clone()].contains("://") {
                true => self.symbol("link").unwrap_or(OTHER),
                false => OTHER,
            };
            stream.push(sym, link.start as u32, link.end as u32);
            at = link.end;
        }
        self.symbolize(&text[at..], at as u32, stream);
    }

    /// Appends the symbols of `text` to `stream`, and for each symbol its byte range in `text`
    /// shifted by `base`.
    ///
    /// Plain ASCII words are scanned and hashed here directly; a word with an apostrophe or a
    /// non-ASCII character is handed to [`Words`] and the [`canon::Expander`].
    pub fn symbolize(&self, text: &str, base: u32, stream: &mut SymbolStream) {
        let bytes = text.as_bytes();
        let n = bytes.len();
        stream.syms.reserve(n / 2 + 1);
        stream.spans.reserve(n / 2 + 1);
        let mut i = 0;
        while i < n {
            if SEPARATOR[bytes[i] as usize] {
                i += 1;
                continue;
            }
            let start = i;
            // The usual word, read from one block: its length and key come with its end.
            if let Some((len, key)) = short_word(bytes, start) {
                i = start + len;
                let found = self.lookup_short(len, key);
                self.push_plain(stream, found, text, start..i, base);
                continue;
            }
            i = alnum_run(bytes, i);
            let plain = i > start && (i == n || SEPARATOR[bytes[i] as usize]);
            if plain {
                let len = i - start;
                let found = if len <= 8 {
                    let key = block_at(bytes, start, len) | FOLD;
                    self.lookup_short(len, key)
                } else {
                    self.lookup_hashed(hash_folded(&bytes[start..i]), &bytes[start..i], true)
                };
                self.push_plain(stream, found, text, start..i, base);
                continue;
            }
            // A contraction seen before on this thread: its symbols are remembered.
            let memo_key = contraction_end(bytes, start).map(|end| Memo::key(&bytes[start..end]));
            if let Some(key) = memo_key
                && let Some(known) = stream.memo.get(key, self.id)
            {
                let origin = base + start as u32;
                let count = known.count as usize;
                for (&sym, &(from, to)) in known.syms[..count].iter().zip(&known.spans) {
                    stream.push(sym, origin + u32::from(from), origin + u32::from(to));
                }
                i = start + known.len as usize;
                if known.perfect != NOT_AUXILIARY {
                    read_perfect(known.perfect, text, i, stream);
                }
                continue;
            }
            // Non-ASCII or an apostrophe: let the general scanner read this word.
            let Some(w) = Words::at(text, start).next() else {
                break;
            };
            i = w.end.max(start + 1);
            let first = stream.len();
            let raw = &text[w.start..w.end];
            let expanded = stream.expander.expand(raw);
            for p in expanded.pieces {
                let word = expanded.word(p).as_bytes();
                let span = (
                    base + (w.start + p.start) as u32,
                    base + (w.start + p.end) as u32,
                );
                if let Some((sym, noun_end)) = self.possessor(word, &raw[..p.end]) {
                    stream.syms.push(sym);
                    stream
                        .spans
                        .push((span.0, base + (w.start + noun_end) as u32));
                    continue;
                }
                for &sym in self.lookup(word, false) {
                    let sym = if sym == OTHER {
                        self.unknown(word, false)
                    } else {
                        sym
                    };
                    stream.syms.push(sym);
                    stream.spans.push(span);
                }
            }
            // `has` for the `is` of `it's` (`had` for the `would` of `I'd`), when it ends so.
            let perfect =
                perfect::reading(&expanded).map_or(NOT_AUXILIARY, |r| self.word_symbol(r));
            if let Some(key) = memo_key {
                let origin = base + start as u32;
                let word = Word {
                    len: (i - start) as u8,
                    perfect,
                };
                stream.remember(key, self.id, word, first, origin);
            }
            if perfect != NOT_AUXILIARY {
                read_perfect(perfect, text, i, stream);
            }
        }
    }

    /// A possessive no phrase writes (`manager's`, while a phrase writes `manager`): the symbol
    /// of its noun, and where the noun ends in `raw`, the word as written. `None` for a word the
    /// vocabulary knows (`help's` of `help's here`), or whose noun it does not.
    fn possessor(&self, word: &[u8], raw: &str) -> Option<(Sym, usize)> {
        let noun = word.strip_suffix(b"'s")?;
        if noun.is_empty() || self.lookup(word, false) != [OTHER] {
            return None;
        }
        let &[sym] = self.lookup(noun, false) else {
            return None;
        };
        let apostrophe = raw.rfind(crate::text::punct::is_apostrophe)?;
        (sym != OTHER).then_some((sym, apostrophe))
    }

    /// The symbol of a canonical word that may be no vocabulary word.
    pub(super) fn word_symbol(&self, word: &str) -> Sym {
        match self.lookup(word.as_bytes(), false) {
            [sym] if *sym != OTHER => *sym,
            _ => self.unknown(word.as_bytes(), false),
        }
    }

    /// Appends the symbols of the plain word at `word` of `text` (shifted by `base`), whose
    /// entry is `found`.
    #[inline(always)]
    fn push_plain(
        &self,
        stream: &mut SymbolStream,
        found: &Entry,
        text: &str,
        word: std::ops::Range<usize>,
        base: u32,
    ) {
        let (start, end) = (base + word.start as u32, base + word.end as u32);
        let [first, second] = found.syms;
        match found.len {
            1 if self.stems.is_some() && first == OTHER => {
                let word = &text.as_bytes()[word];
                stream.push(self.unknown(word, true), start, end);
            }
            1 => stream.push(first, start, end),
            2 => {
                // A split word such as `cannot` or `dont`.
                let cut = start + u32::from(found.cut);
                stream.push(first, start, cut);
                stream.push(second, cut, end);
                if found.perfect != NOT_AUXILIARY {
                    read_perfect(found.perfect, text, word.end, stream);
                }
            }
            _ => {}
        }
    }
}

/// A plain word of one to seven bytes at `start` (ASCII letters and digits, then a separator,
/// inside the eight bytes from `start`): its length and its folded key.
#[inline(always)]
pub(super) fn short_word(bytes: &[u8], start: usize) -> Option<(usize, u64)> {
    let block: [u8; 8] = bytes.get(start..start + 8)?.try_into().ok()?;
    let x = u64::from_le_bytes(block);
    let len = (not_alnum(x).trailing_zeros() / 8) as usize;
    if len == 0 || len == 8 || !SEPARATOR[bytes[start + len] as usize] {
        return None;
    }
    Some((len, (x & KEEP[len]) | FOLD))
}

/// The end of a word that [`Memo`] can hold: ASCII letters and digits joined by single
/// apostrophes (`'` or `’`), at most sixteen bytes, then a separator or the end. Such a word is
/// one word to [`Words`], and its symbols depend only on its bytes up to ASCII case.
fn contraction_end(bytes: &[u8], start: usize) -> Option<usize> {
    let limit = (start + 16).min(bytes.len());
    let alnum = |i: usize| i < limit && bytes[i].is_ascii_alphanumeric();
    if !alnum(start) {
        return None;
    }
    let mut i = start;
    loop {
        while alnum(i) {
            i += 1;
        }
        let apostrophe = match &bytes[i..] {
            [b'\'', ..] => 1,
            [0xE2, 0x80, 0x99, ..] => 3,
            _ => break,
        };
        if !alnum(i + apostrophe) {
            return None;
        }
        i += apostrophe;
    }
    match bytes.get(i) {
        None => Some(i),
        Some(&b) if b < 0x80 && SEPARATOR[b as usize] => Some(i),
        _ => None,
    }
}

/// ASCII bytes that are always word boundaries (everything but letters, digits, apostrophes and
/// backticks; non-ASCII bytes need a closer look).
const SEPARATOR: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = !(c.is_ascii_alphanumeric() || c == b'\'' || c == b'`');
        b += 1;
    }
    t
};

/// The end of the run of ASCII letters and digits starting at `i`: eight bytes at a time, then
/// byte by byte.
#[inline(always)]
pub(super) fn alnum_run(bytes: &[u8], mut i: usize) -> usize {
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut block = [0u8; 8];
        block.copy_from_slice(chunk);
        let other = not_alnum(u64::from_le_bytes(block));
        if other != 0 {
            return i + (other.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && ALNUM[bytes[i] as usize] {
        i += 1;
    }
    i
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is not an ASCII letter or digit. The comparisons run on
/// the low seven bits of each byte (so that no sum carries into the next byte); a byte with its
/// high bit set is not ASCII.
#[inline(always)]
fn not_alnum(x: u64) -> u64 {
    // For bytes below 0x80: the high bit of each byte says whether it is >= a (or > b).
    let at_least = |x: u64, a: u8| x.wrapping_add(u64::from(0x80 - a) * LO) & HI;
    let above = |x: u64, b: u8| x.wrapping_add(u64::from(0x7F - b) * LO) & HI;
    let low = x & !HI;
    let lower = low | FOLD;
    let letter = at_least(lower, b'a') & !above(lower, b'z');
    let digit = at_least(low, b'0') & !above(low, b'9');
    (!(letter | digit) | x) & HI
}

/// ASCII letters and digits.
const ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// A contraction as the memo keeps it: its length in bytes, and the symbol its last word reads
/// as before a participle ([`NOT_AUXILIARY`] when it ends in no auxiliary).
struct Word {
    len: u8,
    perfect: Sym,
}

/// A contraction's `perfect` symbol when it ends in no auxiliary that reads otherwise.
pub(super) const NOT_AUXILIARY: Sym = Sym::MAX;

/// Reads the symbol last pushed, a contraction's auxiliary, as `perfect` (`has` for the `is` of
/// `it's`) when a participle follows it in `text` from byte `end` ([`perfect`]).
#[cold]
fn read_perfect(perfect: Sym, text: &str, end: usize, stream: &mut SymbolStream) {
    if perfect::participle_follows(text, end)
        && let Some(last) = stream.syms.last_mut()
    {
        *last = perfect;
    }
}

/// A text as symbols, and each symbol's byte range.
#[derive(Default, Debug)]
pub struct SymbolStream {
    pub syms: Vec<Sym>,
    pub spans: Vec<(u32, u32)>,
    /// Buffers for words that need normalising.
    expander: canon::Expander,
    memo: Memo,
}

impl SymbolStream {
    pub fn clear(&mut self) {
        self.syms.clear();
        self.spans.clear();
    }

    #[inline(always)]
    pub fn push(&mut self, sym: Sym, start: u32, end: u32) {
        self.syms.push(sym);
        self.spans.push((start, end));
    }

    /// Remembers the symbols pushed since index `first` as those of `word` (keyed `key`) at byte
    /// `origin`, when there are at most three.
    fn remember(&mut self, key: (u64, u64), vocab: u64, word: Word, first: usize, origin: u32) {
        let count = self.len() - first;
        if count > 3 || self.memo.vocab != vocab {
            return;
        }
        let mut known = Remembered {
            key,
            len: word.len,
            count: count as u8,
            perfect: word.perfect,
            ..Remembered::default()
        };
        for k in 0..count {
            let (from, to) = self.spans[first + k];
            known.syms[k] = self.syms[first + k];
            known.spans[k] = ((from - origin) as u8, (to - origin) as u8);
        }
        self.memo.entries[Memo::slot(key)] = known;
    }

    /// The symbol at index `i`.
    #[inline]
    pub fn sym(&self, i: usize) -> Sym {
        self.syms[i]
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }
}
