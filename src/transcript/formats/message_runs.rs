//! The conversations of a JSONL file or a JSON list of messages, as
//! [`Grouping`](super::jsonl::Grouping) cuts them by their conversation ids: each run of
//! messages of one conversation built into its transcript, with the lines left out of it said.

use super::chat_json::Builder;
use super::json_text::Unit;
use super::jsonl::Step;
use super::message::Message;
use crate::text::lines::LineCursor;
use crate::transcript::roles::assign_diarised_roles;
use crate::transcript::{ParseError, ParseOptions, Transcript};

/// The conversations of messages read one after another, as the grouping cuts them: the open
/// one, finished when the next begins (its turns in order, its roles guessed), and those done.
pub(super) struct Runs<'s> {
    source: &'s str,
    opts: &'s ParseOptions,
    unit: Unit,
    open: Option<(Option<String>, Builder<'s>)>,
    /// The lines left out of the open conversation (see [`Runs::left_out`]).
    lost: Vec<usize>,
    /// The line left out just before, with the other conversation's id it names.
    ahead: Option<(usize, String)>,
    pub done: Vec<Transcript>,
}

impl<'s> Runs<'s> {
    pub fn new(source: &'s str, opts: &'s ParseOptions, unit: Unit) -> Self {
        Runs {
            source,
            opts,
            unit,
            open: None,
            lost: Vec::new(),
            ahead: None,
            done: Vec::new(),
        }
    }

    /// Line `number` could not be read: the open conversation of messages, if any, goes on
    /// without it, and says so; unless the line names `other`, another conversation's id (see
    /// [`Grouping::other_id`]): then that conversation says so if it begins at the next line.
    pub fn left_out(&mut self, number: usize, other: Option<&str>) {
        self.ahead = other.map(|id| (number, id.to_string()));
        if self.open.is_some() && other.is_none() {
            self.lost.push(number);
        }
    }

    /// Adds message `m` as `step` says (a conversation of messages begins or goes on); warnings
    /// of the conversation it ends are placed by `cursor`.
    pub fn add(
        &mut self,
        step: Step,
        m: &Message,
        cursor: &mut LineCursor,
    ) -> Result<(), ParseError> {
        let ahead = self.ahead.take();
        if let Step::Begin(id) = step {
            self.close(cursor);
            if let Some((number, ahead)) = ahead
                && id.as_ref() == Some(&ahead)
            {
                self.lost.push(number);
            }
            self.open = Some((id, Builder::new(self.source, self.opts, self.unit)));
        }
        match &mut self.open {
            Some((_, builder)) => builder.add(m),
            None => Ok(()),
        }
    }

    /// Every conversation, the open one finished.
    pub fn finish(mut self, cursor: &mut LineCursor) -> Vec<Transcript> {
        self.close(cursor);
        self.done
    }

    /// Finishes the open conversation, if any: a record comes next.
    pub fn close(&mut self, cursor: &mut LineCursor) {
        let Some((id, builder)) = self.open.take() else {
            return;
        };
        let (turns, mut warnings) = builder.finish(cursor);
        let lost = std::mem::take(&mut self.lost);
        warnings.splice(0..0, super::left_out::warning(&lost));
        let mut t = Transcript {
            id,
            turns,
            warnings,
            agent_guessed: false,
        };
        assign_diarised_roles(&mut t, self.source);
        self.done.push(t);
    }
}
