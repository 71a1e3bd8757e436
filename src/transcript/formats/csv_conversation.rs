//! One conversation of a CSV file as its rows are read: its turns, its clock, and what its rows
//! hold that could not be read as written (a time, a stray quote), warned about once it is done.
//! A slash date waits for the whole file, whose dates say which number is the day.

use super::super::backward_ends::drop_backward_ends;
use super::super::json_text::{Clock, Unit, in_time_order};
use super::super::slash_order::Shows;
use super::super::time::{SheetTime, sheet_time, slash_date, slash_time};
use super::super::unread_times::Unread;
use super::dates::{SlashDates, Unread as UnreadDate};
use crate::text::lines::LineCursor;
use crate::transcript::roles::assign_diarised_roles;
use crate::transcript::{Transcript, Turn};
use std::borrow::Cow;

/// A conversation being read.
pub(super) struct Conversation<'s> {
    id: Option<String>,
    pub(super) turns: Vec<Turn>,
    clock: Clock,
    unread: Unread<'s>,
    /// Each quote that ends a quoted text field with text after it.
    pub(super) stray: Quotes<usize>,
    /// Each quote not doubled in a quoted field of a row read by the header's number of
    /// fields, and the quote that ends that field.
    pub(super) mended: Quotes<super::mend::Mended>,
    /// The lines of its rows that could not be read, left out.
    pub(super) left_out: Vec<usize>,
    /// The lines of its rows that end before the text column (`c1,customer` under
    /// `id,role,text`): each makes no turn, as a row whose text is blank does, but may have been
    /// cut short.
    pub(super) short: Vec<usize>,
    /// The slash dates of its turns' times, read once the file's dates say their order.
    slashed: Vec<Slashed<'s>>,
    /// Whether a row names its speaker, and the first turn of a row that does not (its speaker
    /// and role cells empty), with how many.
    named: bool,
    unnamed: Option<(usize, usize)>,
}

/// A time cell holding a slash date (`6/13/2024 12:00 PM`), and the turn time it gives.
struct Slashed<'s> {
    /// The turn's index, and whether the cell is its end.
    turn: usize,
    end: bool,
    /// The cell's column and place in the file, for a warning, and its date and clock.
    name: &'s str,
    raw: &'s str,
    written: String,
    unit: Unit,
    /// What the date says of the file's order.
    shows: Shows,
}

/// A time cell of a row.
pub(super) struct Cell<'s, 'r> {
    /// The column's name in the header.
    pub(super) name: &'s str,
    /// The cell as the file writes it (inside its quotes), where a warning points.
    pub(super) raw: &'s str,
    /// The cell's text.
    pub(super) value: &'r str,
    /// The row's cell of a separate time column, when this one is a date.
    pub(super) clock: Option<&'r str>,
}

impl<'s> Conversation<'s> {
    pub(super) fn new(id: Option<String>) -> Self {
        Conversation {
            id,
            turns: Vec::new(),
            clock: Clock::earliest(None),
            unread: Unread::default(),
            stray: Quotes::default(),
            mended: Quotes::default(),
            left_out: Vec::new(),
            short: Vec::new(),
            slashed: Vec::new(),
            named: false,
            unnamed: None,
        }
    }

    /// Notes whether the row of the next turn names its speaker.
    pub(super) fn note_speaker(&mut self, named: bool) {
        match (named, self.unnamed) {
            (true, _) => self.named = true,
            (false, None) => self.unnamed = Some((self.turns.len(), 1)),
            (false, Some((first, n))) => self.unnamed = Some((first, n + 1)),
        }
    }

    /// The time `cell` holds for the start (or the `end`) of the next turn, in milliseconds on
    /// this conversation's clock (bare numbers in `unit`); a time that cannot be read is none,
    /// counted for a warning. A slash date is none until [`finish`](Self::finish) reads it.
    pub(super) fn time(
        &mut self,
        source: &'s str,
        cell: &Cell<'s, '_>,
        unit: Unit,
        end: bool,
    ) -> Option<u64> {
        if cell.value.is_empty() {
            return None;
        }
        let written = match cell.clock.filter(|t| !t.is_empty()) {
            Some(time) => Cow::Owned(format!("{} {time}", cell.value)),
            None => Cow::Borrowed(cell.value),
        };
        let clock = &mut self.clock;
        let ms = clock
            .time_str(&written, unit)
            .or_else(|| match sheet_time(&written)? {
                SheetTime::Epoch(ms) => clock.absolute(ms),
                SheetTime::OfDay(ms) => Some(ms),
            });
        if let Some(ms) = ms {
            return clock.epoch_or_offset(ms);
        }
        match slash_date(&written) {
            true => self.slashed.push(Slashed {
                turn: self.turns.len(),
                end,
                name: cell.name,
                raw: cell.raw,
                shows: Shows::of(&written),
                written: written.into_owned(),
                unit,
            }),
            false => self
                .unread
                .add_named(source, cell.name, cell.raw, expected(unit)),
        }
        None
    }

    /// Each slash date of its times: what it says of the file's order, and its cell as written.
    pub(super) fn slash_dates(&self) -> impl Iterator<Item = (Shows, &'s str)> + '_ {
        self.slashed.iter().map(|s| (s.shows, s.raw))
    }

    /// Its slash dates read in the file's order; with none, or a date that is none in it
    /// (`06/25/2024` day first), the turn's time is counted for a warning, or in a file that
    /// mixes the orders returned for that warning, unless it is a date in neither order
    /// (`13/13/2024`), which is no example of either.
    fn read_slashed(&mut self, source: &'s str, dates: &SlashDates) -> Vec<UnreadDate<'s>> {
        let mut mixed = Vec::new();
        for s in std::mem::take(&mut self.slashed) {
            let epoch = dates.order.and_then(|order| slash_time(&s.written, order));
            let Some(ms) = epoch.and_then(|e| self.clock.absolute(e)) else {
                match dates.mixed() && s.shows != Shows::Nothing {
                    true => mixed.push(UnreadDate {
                        name: s.name,
                        raw: s.raw,
                    }),
                    false => self
                        .unread
                        .add_named(source, s.name, s.raw, expected(s.unit)),
                }
                continue;
            };
            let ms = self.clock.epoch_or_offset(ms);
            if let Some(turn) = self.turns.get_mut(s.turn) {
                match s.end {
                    true => turn.end_ms = ms,
                    false => turn.start_ms = ms,
                }
            }
        }
        mixed
    }

    /// The transcript, its slash dates read as the file's `dates` say, its times made relative and
    /// in order, its roles guessed, with its warnings placed by `lines`.
    pub(super) fn finish(
        mut self,
        source: &'s str,
        dates: &SlashDates,
        lines: &mut LineCursor,
    ) -> Transcript {
        let mixed = self.read_slashed(source, dates);
        let Conversation {
            id,
            mut turns,
            clock,
            unread,
            stray,
            mended,
            left_out,
            short,
            slashed: _,
            named,
            unnamed,
        } = self;
        clock.rebase(&mut turns);
        let mut warnings: Vec<String> = super::super::left_out::warning(&left_out)
            .into_iter()
            .chain(short_rows(&short))
            .collect();
        // The two warnings of quotes not doubled, the one about the file's first such quote
        // first.
        let mut quotes = [
            (stray.at.first().copied(), stray_quote(&stray, lines)),
            (
                mended.at.first().map(|m| m.stray),
                super::mend::warning(&mended, lines),
            ),
        ];
        quotes.sort_by_key(|(first, _)| *first);
        warnings.extend(quotes.into_iter().filter_map(|(_, warning)| warning));
        warnings.extend(unread.warnings(lines));
        warnings.extend(dates.warning(&mixed, lines));
        let unnamed = unnamed.filter(|_| named);
        warnings.extend(unnamed.map(|rows| unnamed_rows(&turns, rows, lines)));
        warnings.extend(drop_backward_ends(&mut turns, lines));
        warnings.extend(in_time_order(&mut turns, lines));
        let mut t = Transcript {
            id,
            turns,
            warnings,
            agent_guessed: false,
        };
        assign_diarised_roles(&mut t, source);
        t
    }
}

/// The warning of a conversation whose rows at `lines` end before the text column, if any.
fn short_rows(lines: &[usize]) -> Option<String> {
    let (first, more) = lines.split_first()?;
    let more = super::super::left_out::and_more(more.len(), "row");
    Some(format!(
        "line {first}, column 1: this row ends before the text column, so it makes no turn{more}; \
         if it was cut short, complete it (a message with no text leaves its cell empty: `,`)"
    ))
}

/// What a time column of `unit` should hold.
fn expected(unit: Unit) -> &'static str {
    match unit {
        Unit::Seconds => SECONDS,
        Unit::Millis => MILLIS,
    }
}

/// What a time column of seconds, and of milliseconds, should hold; each ends with
/// [`super::unread_times::NAME_THE_ORDER`], which a date that is no day has left out.
const SECONDS: &str = "a number of seconds, a clock, an ISO 8601 date and time \
     (`2024-06-01 12:00:00`) or a date day first with dots (`01.06.2024 12:00:00`), or name \
     the order of slash dates with --date-order or `date_order:`";
const MILLIS: &str = "a number of milliseconds, a clock, an ISO 8601 date and time \
     (`2024-06-01 12:00:00`) or a date day first with dots (`01.06.2024 12:00:00`), or name \
     the order of slash dates with --date-order or `date_order:`";

/// Quotes not doubled of one kind in a conversation's text: where each stands, and the first
/// one's field as it should be written ([`super::mend::written`]), which its warning shows.
pub(super) struct Quotes<T> {
    pub(super) at: Vec<T>,
    pub(super) cell: Option<String>,
}

impl<T> Default for Quotes<T> {
    fn default() -> Self {
        Quotes {
            at: Vec::new(),
            cell: None,
        }
    }
}

impl<T> Quotes<T> {
    /// Notes `quote`, if any, of a text field that reads `text`.
    pub(super) fn note(&mut self, quote: Option<T>, text: &str) {
        if let Some(q) = quote {
            if self.at.is_empty() {
                self.cell = super::mend::written(text);
            }
            self.at.push(q);
        }
    }
}

/// The warning for the quotes of `stray` (the first placed by `lines`), each ending a quoted
/// field that goes on after it: talklint reads the quote as text, with the rest of the field.
fn stray_quote(stray: &Quotes<usize>, lines: &mut LineCursor) -> Option<String> {
    let (&first, more) = stray.at.split_first()?;
    let (line, column) = lines.position(first);
    let more = super::super::more_like(more.len(), "quote");
    let example = stray.cell.as_deref().unwrap_or("\"the 27\"\" monitor\"");
    Some(format!(
        "line {line}, column {column}: this `\"` ends the quoted field it stands in for CSV \
         readers, which drop it; talklint reads it as text, with the rest of the field up to the \
         next delimiter: write a quote that is part of the text as `\"\"` (`{example}`){more}"
    ))
}

/// The warning for rows whose speaker and role cells are empty where other rows name theirs:
/// they take the default role, meant for text with no speakers at all, as a JSON message that
/// names no speaker does. `first` is the first such turn, of `count`.
fn unnamed_rows(turns: &[Turn], (first, count): (usize, usize), lines: &mut LineCursor) -> String {
    let turn = &turns[first];
    let (line, column) = lines.position(turn.source_offset(0));
    let more = super::super::more_like(count - 1, "row");
    format!(
        "line {line}, column {column}: this row's speaker and role cells are empty where other \
         rows name theirs: it is read as the {}'s, the role of text with no speakers \
         (--default-role); give it its speaker{more}",
        turn.role.name()
    )
}
