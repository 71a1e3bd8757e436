//! One conversation as evaluation sees it (its transcript, its matcher hits, its clock), and the
//! matches of one search: hits of its phrases in its speaker's turns, inside its window, without
//! an `unless` in the turn, with (or without) a `near` phrase close enough, one per place.

use super::super::ListId;
use super::super::compile::{CompiledFind, CompiledLook, CompiledNear};
use super::super::matcher::{self, Hit, Matcher};
use super::Text;
use super::paragraph::paragraph_around;
use super::timeline::Timeline;
use crate::rules::{Measure, Side};
use crate::transcript::Transcript;
use regex::Regex;
use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};
use std::ops::Range;
use std::rc::Rc;

/// One match of a search: a turn, the bytes of its text when the match has words, and what a
/// timing event measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub turn: usize,
    pub range: Option<(usize, usize)>,
    pub measure: Option<Measure>,
}

impl Found {
    /// A turn as a whole: no words, nothing measured.
    pub fn turn(turn: usize) -> Found {
        Found {
            turn,
            range: None,
            measure: None,
        }
    }

    /// This place, measuring nothing.
    pub fn unmeasured(self) -> Found {
        Found {
            measure: None,
            ..self
        }
    }
}

/// A search's matches, and the turns it looked at.
pub(super) struct Search<'w> {
    /// The speaker's turns inside the window, in order.
    pub window: Cow<'w, [usize]>,
    /// How many turns the speaker has in the conversation.
    pub speaker_turns: usize,
    /// In turn order, one per place.
    pub found: Vec<Found>,
}

/// A conversation being evaluated.
pub(crate) struct Conversation<'a> {
    pub transcript: &'a Transcript,
    pub source: &'a str,
    matcher: &'a Matcher,
    matched: &'a matcher::Scratch,
    /// Sorted by list, turn, start, longest first.
    hits: &'a [Hit],
    timeline: OnceCell<Timeline>,
    /// The turns of each role set asked for so far: rules share a few role sets.
    speaker_turns: RefCell<Vec<(u8, Rc<[usize]>)>>,
}

/// The order hits are read in: by list, turn, position, longest first.
pub(super) fn by_place(h: &Hit) -> (ListId, u32, u32, std::cmp::Reverse<u32>) {
    (h.list, h.turn, h.start, std::cmp::Reverse(h.end))
}

impl<'a> Conversation<'a> {
    /// `hits` must be sorted by [`by_place`].
    pub fn new(text: Text<'a>, hits: &'a [Hit]) -> Self {
        Conversation {
            transcript: text.transcript,
            source: text.source,
            matcher: text.matcher,
            matched: text.matched,
            hits,
            timeline: OnceCell::new(),
            speaker_turns: RefCell::new(Vec::new()),
        }
    }

    /// The hits of one list.
    pub fn hits(&self, list: ListId) -> &'a [Hit] {
        let from = self.hits.partition_point(|h| h.list < list);
        let to = from + self.hits[from..].partition_point(|h| h.list == list);
        &self.hits[from..to]
    }

    pub fn timeline(&self) -> &Timeline {
        self.timeline.get_or_init(|| Timeline::new(self.transcript))
    }

    /// The turns whose role is in `roles`, in order.
    pub fn turns_of(&self, roles: u8) -> Rc<[usize]> {
        let mut cache = self.speaker_turns.borrow_mut();
        if let Some((_, turns)) = cache.iter().find(|(r, _)| *r == roles) {
            return turns.clone();
        }
        let turns: Rc<[usize]> = (0..self.transcript.turns.len())
            .filter(|&i| self.transcript.turns[i].role.bit() & roles != 0)
            .collect();
        cache.push((roles, turns.clone()));
        turns
    }

    /// The matches of `find` in the turns `speaker` (its role set's turns), or `None` when its
    /// window or measure needs times the transcript does not have.
    pub fn search<'w>(&self, find: &CompiledFind, speaker: &'w [usize]) -> Option<Search<'w>> {
        let window = match &find.look {
            // A measure looks at every speaker's turns in its window, then at its speaker's.
            CompiledLook::Timing(_) => Cow::Borrowed(speaker),
            CompiledLook::Words { .. } | CompiledLook::Sentiment(_) => {
                self.window_of(find, speaker)?
            }
        };
        let found = match &find.look {
            CompiledLook::Timing(timing) => self.events(*timing, find)?,
            CompiledLook::Sentiment(labels) => self.labelled(*labels, &window)?,
            CompiledLook::Words {
                phrases,
                unless,
                window_regex,
                near,
                not_near,
                sentiment,
            } => {
                let hits = self.with_window_regex(*phrases, window_regex, &window);
                // Whether the paragraph of a hit holds an `unless` phrase: asked once per
                // paragraph.
                let mut unless_in: Option<(u32, Range<usize>, bool)> = None;
                let mut keep = |h: &Hit| {
                    window.binary_search(&(h.turn as usize)).is_ok()
                        && !unless.is_some_and(|list| {
                            let (start, end) = (h.start as usize, h.end as usize);
                            match &unless_in {
                                Some((turn, paragraph, found))
                                    if *turn == h.turn
                                        && paragraph.start <= start
                                        && end <= paragraph.end =>
                                {
                                    *found
                                }
                                _ => {
                                    let turn = &self.transcript.turns[h.turn as usize];
                                    let paragraph = paragraph_around(turn, self.source, start, end);
                                    let text = turn.text(self.source);
                                    let found = self.in_paragraph(h, list, text, &paragraph);
                                    unless_in = Some((h.turn, paragraph, found));
                                    found
                                }
                            }
                        })
                        && near.iter().all(|n| self.near(h, n))
                        && !not_near.iter().any(|n| self.near(h, n))
                };
                let found = one_per_place(hits.iter().filter(|h| keep(h)));
                match sentiment {
                    None => found,
                    Some(labels) => self.in_labelled(*labels, found)?,
                }
            }
        };
        Some(Search {
            window,
            speaker_turns: speaker.len(),
            found,
        })
    }

    /// Where a `require` points when its speaker has no turn in the search's window (the last
    /// 20% of a call may be all the customer's): the first turn of any speaker inside it, else
    /// the first that starts after the window opens (the first words may come 40 s into a call
    /// whose first 30 s are looked at).
    pub fn window_start(&self, find: &CompiledFind) -> Option<usize> {
        let all: Vec<usize> = (0..self.transcript.turns.len()).collect();
        let timeline = self.timeline();
        let inside = timeline.window(find.window, &all)?.first().copied();
        inside.or_else(|| timeline.first_after(timeline.cover(find.window?)?))
    }

    /// The speaker's turns inside the search's window.
    pub fn window_of<'w>(
        &self,
        find: &CompiledFind,
        speaker: &'w [usize],
    ) -> Option<Cow<'w, [usize]>> {
        if find.window.is_none() {
            return Some(Cow::Borrowed(speaker));
        }
        self.timeline().window(find.window, speaker)
    }

    /// The list's hits, plus its window regexes' hits in the window's turns, in place order.
    fn with_window_regex(
        &self,
        list: ListId,
        regexes: &[Regex],
        window: &[usize],
    ) -> Cow<'a, [Hit]> {
        let hits = self.hits(list);
        if regexes.is_empty() {
            return Cow::Borrowed(hits);
        }
        let mut all = hits.to_vec();
        for &turn in window {
            let text = self.transcript.turns[turn].text(self.source);
            for re in regexes {
                all.extend(re.find_iter(text).filter(|m| !m.is_empty()).map(|m| {
                    let (start, end) = (m.start() as u32, m.end() as u32);
                    let (first_word, last_word) = self
                        .matcher
                        .words_of(self.matched, turn as u32, start, end)
                        .unwrap_or((0, 0));
                    Hit {
                        list,
                        turn: turn as u32,
                        start,
                        end,
                        first_word,
                        last_word,
                    }
                }));
            }
        }
        all.sort_unstable_by_key(by_place);
        Cow::Owned(all)
    }

    /// Whether a phrase of local list `list` occurs in `paragraph` of the turn of `h` (its
    /// `text`): a blank line parts the sections of a script, which is one turn when it has no
    /// labels.
    fn in_paragraph(&self, h: &Hit, list: usize, text: &str, paragraph: &Range<usize>) -> bool {
        let words = |first: u32, last: u32| {
            let (start, end) = (
                self.matched.word_bytes(first).0,
                self.matched.word_bytes(last).1,
            );
            paragraph.start <= start as usize && end as usize <= paragraph.end
        };
        self.matcher.near(
            self.matched,
            list,
            h,
            usize::MAX / 4,
            text,
            &mut |first, last| words(first, last),
        )
    }

    /// Whether a phrase of `near` occurs close enough to `h`, in its turn and on its side. The
    /// match is not its own neighbour: `sorry` near `sorry` needs a second one.
    fn near(&self, h: &Hit, near: &CompiledNear) -> bool {
        let text = self.transcript.turns[h.turn as usize].text(self.source);
        let close = &mut |first: u32, last: u32| {
            if (first, last) == (h.first_word, h.last_word) {
                return false;
            }
            // Canonical words strictly between (SPEC §2.1): a symbol is one (`can't` is two,
            // `can not`), and fillers and punctuation are none.
            let distance = if last < h.first_word {
                h.first_word - last - 1
            } else if first > h.last_word {
                first - h.last_word - 1
            } else {
                0
            };
            // Before: it starts at or before the match; after: it ends at or after it.
            let side = match near.side {
                None => true,
                Some(Side::Before) => first <= h.first_word,
                Some(Side::After) => last >= h.last_word,
            };
            distance as usize <= near.words && side
        };
        self.matcher
            .near(self.matched, near.local, h, near.words, text, close)
    }
}

/// The hits that count, from hits in place order: per turn, from left to right, each that does
/// not overlap the one kept before it.
fn one_per_place<'h>(hits: impl Iterator<Item = &'h Hit>) -> Vec<Found> {
    let mut found: Vec<Found> = Vec::new();
    let mut last: Option<(u32, u32)> = None;
    for h in hits {
        if last.is_some_and(|(turn, end)| turn == h.turn && h.start < end) {
            continue;
        }
        last = Some((h.turn, h.end));
        found.push(Found {
            turn: h.turn as usize,
            range: Some((h.start as usize, h.end as usize)),
            measure: None,
        });
    }
    found
}
