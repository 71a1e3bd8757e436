//! Whether the reports merged were scored on one scale (SPEC §5), so that the merged scores and
//! verdicts mean one thing. A report does not write its scoring settings, but each conversation
//! shows them: a score the clamp left alone is `base + counted points`, so the base is the score
//! less the points of its findings that were not suppressed; a conversation that fell short of
//! the pass mark (or `--min-score`, when higher) writes the score it `needed`, and any other
//! reached it. Conversations of one folder are scored by one config (the nearest to the folder),
//! so two of them that disagree were scored by two settings, which no single run does; across
//! folders, nested configs may score differently, and merge leaves that alone.

use super::MergeError;
use crate::engine::SCORES;
use crate::report::Conversation;
use std::collections::HashMap;
use std::sync::Arc;

/// A conversation of a report, named for errors.
#[derive(Debug, Clone)]
pub(super) struct Named {
    pub report: usize,
    pub path: Arc<str>,
    pub id: Option<Box<str>>,
    /// Its place in its file, where it has no id among several without one.
    pub number: Option<usize>,
}

impl Named {
    /// `path`, or `path#id`, and the report it is in.
    fn describe(&self, names: &[String]) -> String {
        let report = &names[self.report];
        match &self.id {
            Some(id) => format!("{}#{id} in {report}", self.path),
            None => format!("{} in {report}", self.path),
        }
    }
}

/// What a conversation's score shows of the scale it was scored on.
#[derive(Debug, Clone)]
pub(super) struct Scored {
    conversation: Named,
    score: i32,
    /// The points of its findings that count (those not suppressed).
    points: i64,
    /// The score it needed, when it fell short of it.
    needed: Option<i32>,
    passed: bool,
}

impl Scored {
    pub(super) fn of(conversation: Named, c: &Conversation) -> Scored {
        let counted = c.findings.iter().filter(|f| f.suppressed.is_none());
        Scored {
            conversation,
            score: c.score,
            points: counted.map(|f| i64::from(f.points)).sum(),
            needed: c.needed,
            passed: c.passed,
        }
    }

    /// The score of a conversation without points, unless the clamp hid it.
    fn base(&self) -> Option<i64> {
        let clamped = self.score <= *SCORES.start() || self.score >= *SCORES.end();
        (!clamped).then(|| i64::from(self.score) - self.points)
    }

    /// How it shows its base, for errors.
    fn against_the_base(&self, names: &[String]) -> String {
        let base = self.base().unwrap_or_default();
        let (who, score, points) = (self.conversation.describe(names), self.score, self.points);
        format!("{who} scores {score} with {points:+} points, from a base of {base}")
    }

    /// How it shows the pass mark, for errors.
    fn against_the_bar(&self, names: &[String]) -> String {
        let (who, score) = (self.conversation.describe(names), self.score);
        match (self.needed, self.passed) {
            (Some(needed), _) => format!("{who} scores {score} and needed {needed}"),
            (None, true) => format!("{who} passed with {score}"),
            (None, false) => format!("{who} failed at {score} by an auto-fail rule alone"),
        }
    }
}

/// What one folder's conversations showed of their scale so far.
#[derive(Debug, Default)]
struct Folder {
    /// The first conversation whose score shows its base.
    base: Option<Scored>,
    /// The first conversation that fell short of the pass mark.
    short: Option<Scored>,
    /// The conversation with the lowest score that did not fall short: the pass mark is at most
    /// its score.
    lowest: Option<Scored>,
}

/// The scale each folder's conversations were scored on, as far as they show it.
#[derive(Debug, Default)]
pub(super) struct Scales {
    folders: HashMap<Box<str>, Folder>,
}

impl Scales {
    /// Adds a conversation, in merged order; an error when its folder's conversations so far
    /// were scored on another scale. `names` are the reports'.
    pub(super) fn add(&mut self, c: Scored, names: &[String]) -> Result<(), MergeError> {
        let path = &c.conversation.path;
        let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
        let seen = match self.folders.get_mut(folder) {
            Some(seen) => seen,
            None => self.folders.entry(folder.into()).or_default(),
        };
        if let Some(base) = c.base() {
            match &seen.base {
                Some(first) if first.base() != Some(base) => {
                    let shows = Scored::against_the_base;
                    return Err(differ((first, &c), "scoring.base", shows, names));
                }
                Some(_) => {}
                None => seen.base = Some(c.clone()),
            }
        }
        const BAR: &str = "the pass mark: scoring.pass, or min_score or --min-score when higher";
        let clash = match c.needed {
            Some(needed) => {
                let another = seen.short.as_ref().filter(|s| s.needed != Some(needed));
                another.or_else(|| seen.lowest.as_ref().filter(|low| low.score < needed))
            }
            None => seen.short.as_ref().filter(|s| s.needed > Some(c.score)),
        };
        if let Some(first) = clash {
            return Err(differ((first, &c), BAR, Scored::against_the_bar, names));
        }
        if c.needed.is_some() {
            // Any other conversation that fell short needed the same score.
            seen.short.get_or_insert(c);
        } else if seen.lowest.as_ref().is_none_or(|low| c.score < low.score) {
            seen.lowest = Some(c);
        }
        Ok(())
    }
}

/// The error for two conversations of one folder, the first seen and then another, that
/// `shows` were scored with a different `setting`.
fn differ(
    (first, then): (&Scored, &Scored),
    setting: &str,
    shows: fn(&Scored, &[String]) -> String,
    names: &[String],
) -> MergeError {
    MergeError::Scales {
        first: names[first.conversation.report].clone(),
        second: names[then.conversation.report].clone(),
        detail: format!(
            "{}, but {} ({setting})",
            shows(first, names),
            shows(then, names)
        ),
    }
}
