//! Finds every hit of every phrase list in one pass over a conversation (SPEC §3).
//!
//! All phrases of all lists are compiled into one Aho-Corasick automaton over *symbols* (see
//! [`super::vocab`] and [`super::automaton`]), not bytes: the text is scanned once into canonical
//! words, each word becomes a symbol, and the automaton walks the symbols. A phrase that stands for
//! few word sequences is expanded: each sequence puts its longest run of literal words in the
//! automaton and checks its `*` around each hit. A phrase with lexicon slots, stems or wide
//! alternatives is not expanded: one run of its items anchors it ([`anchored`]). Regexes sit
//! behind one `RegexSet` that says which of them can match a turn at all.

mod anchored;
mod anchors;
mod build;
mod choice;
mod local;
mod neighbours;
mod prebuilt;
mod targets;
#[cfg(test)]
mod tests;
mod within;
mod words;

use super::ListId;
use super::automaton::Automaton;
use super::regexes::{RegexScratch, Regexes};
use super::vocab::{BREAK, SymbolStream, Vocab};
use anchored::{Anchored, Around};
pub(super) use build::MatcherInput;
use targets::{Target, Targets};

/// A place a phrase (or regex) of a list matched: a byte range of a turn's text, and the
/// canonical words it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub list: ListId,
    /// The index of the turn among those given to [`Matcher::find`].
    pub turn: u32,
    pub start: u32,
    pub end: u32,
    /// The first and last canonical word of the match, counted over the conversation (fillers
    /// aside): the distance between two matches of a turn is the difference.
    pub first_word: u32,
    pub last_word: u32,
}

/// All lists' phrases and regexes, compiled once.
#[derive(Debug, Clone)]
pub struct Matcher {
    vocab: Vocab,
    /// Over the anchors of all phrases; `None` when no rule has phrases.
    automaton: Option<Automaton>,
    /// Anchor length and what the anchor stands for, by automaton pattern id.
    targets: Targets,
    /// The phrases matched around anchors.
    anchored: Vec<Anchored>,
    /// The roles each list listens to, by [`ListId`].
    list_roles: Vec<u8>,
    /// The lists matched only around a hit, by local list id.
    locals: Vec<local::Local>,
    /// The anchors of the local lists' phrases found around anchors, sorted.
    local_anchors: Box<[local::LocalAnchor]>,
    regexes: Option<Regexes>,
}

/// Reusable per-thread buffers.
#[derive(Default, Debug)]
pub struct Scratch {
    stream: SymbolStream,
    /// (automaton pattern, end symbol) of each anchor found.
    anchors: Vec<(u32, u32)>,
    /// (first symbol index, turn index) of each scanned turn.
    turn_starts: Vec<(usize, usize)>,
    /// The web and e-mail addresses of the turn being read.
    links: Vec<std::ops::Range<usize>>,
    regexes: RegexScratch,
}

impl Scratch {
    /// The bytes, in its turn's text, of the word at `word` (a [`Hit`]'s word count).
    pub fn word_bytes(&self, word: u32) -> (u32, u32) {
        self.stream.spans[word as usize]
    }
}

impl Matcher {
    /// Appends to `hits` every hit of each list in the turns of the roles it listens to. Turns
    /// are given in order with their role bit (0: no list listens to it, not scanned); hits
    /// carry the index into `turns`.
    pub fn find(&self, turns: &[(&str, u8)], scratch: &mut Scratch, hits: &mut Vec<Hit>) {
        // The words of the turns, for the automaton and for the lists looked for around a hit
        // (of a regex too).
        let symbolised = self.automaton.is_some() || !self.locals.is_empty();
        scratch.stream.clear();
        scratch.turn_starts.clear();
        scratch.anchors.clear();
        if symbolised {
            let stream = &mut scratch.stream;
            for (i, (text, role)) in turns.iter().enumerate() {
                if *role == 0 {
                    continue;
                }
                stream.push(BREAK, 0, 0);
                scratch.turn_starts.push((stream.len(), i));
                self.vocab.symbolize_turn(text, stream, &mut scratch.links);
            }
        }
        if let Some(ac) = &self.automaton {
            let (stream, turn_starts) = (&scratch.stream, &scratch.turn_starts);
            let anchors = &mut scratch.anchors;
            ac.find(&stream.syms, anchors);
            let turn_of = |first: usize| {
                let k = turn_starts.partition_point(|&(s, _)| s <= first) - 1;
                turn_starts[k].1
            };
            // Buffers for the phrases matched around their anchors.
            let (mut rest, mut ends, mut starts) = (Vec::new(), Vec::new(), Vec::new());
            for &(pattern, end) in anchors.iter() {
                let anchor = end as usize - self.targets.anchor_len(pattern);
                let turn = turn_of(anchor);
                let role = turns[turn].1;
                // The phrase and site last walked here, and where its matches end: a phrase
                // that two lists share comes twice in a row, and is walked once.
                let mut walked: Option<(u32, u32, Option<usize>)> = None;
                for target in self.targets.of(pattern) {
                    let (Target::Variant(list, _) | Target::Anchored(list, ..)) = target;
                    // Hits in turns the list does not listen to would be dropped by every rule.
                    if self.list_roles[*list as usize] & role == 0 {
                        continue;
                    }
                    match target {
                        Target::Variant(list, v) => {
                            let Some((first, last)) = self.targets.verify(stream, v, anchor) else {
                                continue;
                            };
                            if v.ends_sentence && !sentence_ends_after(turns[turn].0, stream, last)
                            {
                                continue;
                            }
                            hits.push(hit(*list, turn, stream, first, last));
                        }
                        Target::Anchored(list, a, site) => {
                            let last = match walked {
                                Some((p, s, last)) if (p, s) == (*a, *site) => last,
                                _ => {
                                    let phrase = &self.anchored[*a as usize];
                                    let at = (anchor, end as usize);
                                    let buffers = (&mut rest, &mut ends, &mut starts);
                                    let last = self.around(
                                        turns[turn].0,
                                        stream,
                                        phrase,
                                        *site,
                                        at,
                                        buffers,
                                    );
                                    walked = Some((*a, *site, last));
                                    last
                                }
                            };
                            let Some(last) = last else {
                                continue;
                            };
                            for &first in &starts {
                                // The longest match from each start: the only one of them a
                                // rule counts.
                                hits.push(hit(*list, turn, stream, first, last - 1));
                            }
                        }
                    }
                }
            }
        }
        if let Some(regexes) = &self.regexes {
            let first = hits.len();
            regexes.find(turns, &mut scratch.regexes, hits);
            if symbolised {
                self.place_words(&mut hits[first..], scratch);
            }
        }
    }

    /// Where the matches of `phrase` around an anchor of site `site` found at symbols `at` in a
    /// turn's `text` end (the furthest), with the positions where they start left in `starts`;
    /// `None` when there is none.
    fn around<'n>(
        &self,
        text: &str,
        stream: &SymbolStream,
        phrase: &'n Anchored,
        site: u32,
        (anchor, end): (usize, usize),
        (rest, ends, starts): (
            &mut Vec<&'n [anchored::Node]>,
            &mut Vec<usize>,
            &mut Vec<usize>,
        ),
    ) -> Option<usize> {
        let site = &phrase.sites[site as usize];
        starts.clear();
        if !site.neighbours.admit(&stream.syms, anchor, end) {
            return None;
        }
        let sentence_end = |p: usize| p > 0 && sentence_ends_after(text, stream, p - 1);
        let around = Around::new(stream, &self.vocab, &sentence_end);
        around.matches(phrase, site, (anchor, end), rest, ends, starts)
    }

    /// Gives regex hits the canonical words they cover, where their turns were symbolised.
    fn place_words(&self, hits: &mut [Hit], scratch: &Scratch) {
        for h in hits {
            if let Some((first, last)) = self.words_of(scratch, h.turn, h.start, h.end) {
                (h.first_word, h.last_word) = (first, last);
            }
        }
    }
}

/// The hit of symbols `first..=last` (in `turn`) of `list`.
fn hit(list: ListId, turn: usize, stream: &SymbolStream, first: usize, last: usize) -> Hit {
    Hit {
        list,
        turn: turn as u32,
        start: stream.spans[first].0,
        end: stream.spans[last].1,
        first_word: first as u32,
        last_word: last as u32,
    }
}

/// Punctuation that ends a sentence or a clause for a phrase's `$`, in Latin script and in the
/// full-width, Arabic, Devanagari, Greek and CJK forms.
const SENTENCE_PUNCTUATION: [char; 20] = [
    '.', '!', '?', ',', ';', ':', '…', '。', '．', '！', '？', '，', '；', '：', '؟', '،', '؛',
    '\u{037E}', '।', '॥',
];

/// Whether a sentence or the turn `text` ends after the word at symbol `last`: no word comes
/// before sentence punctuation or the turn's end (fillers, emoji and symbols are no words, so
/// "I don't know uh." and "I don't know 🙂" end there; a redaction's `***` stands for words,
/// and emphasis closed on the word, `**No problem**!`, is no word).
fn sentence_ends_after(text: &str, stream: &SymbolStream, last: usize) -> bool {
    let end = stream.spans[last].1 as usize;
    let next = last + 1;
    let until = match next < stream.len() && stream.sym(next) != BREAK {
        true => (stream.spans[next].0 as usize).clamp(end, text.len()),
        false => text.len(),
    };
    let gap = &text[end..until];
    // A dash sets a clause apart too ("No problem – I'll send it", "No problem- I'll …"), but
    // not a hyphen inside a word (`problem-free`): an en, em or figure dash or a minus, or a
    // hyphen by a space.
    let dash = gap.char_indices().find(|&(i, c)| match c {
        '\u{2012}'..='\u{2015}' | '\u{2212}' => true,
        '-' | '\u{2010}' | '\u{2011}' => {
            gap[..i].ends_with(char::is_whitespace)
                || gap[i + c.len_utf8()..].starts_with(char::is_whitespace)
        }
        _ => false,
    });
    let punctuation = (gap.find(SENTENCE_PUNCTUATION).into_iter())
        .chain(dash.map(|(i, _)| i))
        .min();
    // Emphasis closed on the word (`**No problem**,`) is markup; a redaction's `***` stands for
    // words, glued to the word or apart from it.
    let before = &gap[..punctuation.unwrap_or(gap.len())];
    let emphasis = before.len() - before.trim_start_matches('*').len();
    let words = emphasis > 2 || before[emphasis..].contains("**");
    !words && (punctuation.is_some() || until == text.len())
}
