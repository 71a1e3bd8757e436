//! One conversation of a report, read back into the report model so that every printer renders
//! it as `check` did. A report holds each finding's matched words but not the transcript, so
//! the printers that show text get a stand-in source ([`Layout`]), where each finding points at
//! its own match (`…` for a finding that matches no words). Everything else a report says
//! (lines, columns, messages, scores) is taken as written.

use super::MergeError;
use super::rule_index::RuleIndex;
use crate::redact::Redactor;
use crate::report::{Conversation, Finding, Message};
use crate::rules::{Measure, RuleSet};
use crate::suppress::Suppression;
use crate::transcript::roles::unmask_roles_line;
use crate::transcript::{Format, Role, Transcript, Turn};
use serde::Deserialize;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

mod bounds;

/// A conversation object of a JSON or JSONL report (SPEC §6); its text borrows from the report
/// where it has no escapes.
#[derive(Debug, Deserialize)]
pub(super) struct Written<'a> {
    #[serde(borrow)]
    path: Cow<'a, str>,
    #[serde(borrow)]
    id: Option<Cow<'a, str>>,
    #[serde(borrow)]
    format: Cow<'a, str>,
    turns: usize,
    #[serde(default)]
    unknown_turns: usize,
    /// Written only when true, as `no_agent_turn` is.
    #[serde(default)]
    agent_guessed: bool,
    #[serde(default)]
    no_agent_turn: bool,
    #[serde(default)]
    baselined: usize,
    #[serde(borrow, default)]
    agent: Option<Cow<'a, str>>,
    /// Every named agent, when there are two or more.
    #[serde(borrow, default)]
    agents: Vec<Cow<'a, str>>,
    score: i32,
    passed: bool,
    #[serde(default)]
    needed: Option<i32>,
    #[serde(borrow)]
    findings: Vec<WrittenFinding<'a>>,
    #[serde(borrow, default)]
    tags: Vec<Cow<'a, str>>,
    #[serde(borrow, default)]
    not_applied: Vec<Cow<'a, str>>,
    #[serde(default)]
    warnings: Vec<String>,
}

/// A finding of a report.
#[derive(Debug, Deserialize)]
struct WrittenFinding<'a> {
    #[serde(borrow)]
    rule: Cow<'a, str>,
    points: i32,
    #[serde(borrow)]
    message: Cow<'a, str>,
    turn: usize,
    role: Role,
    #[serde(borrow)]
    speaker: Option<Cow<'a, str>>,
    /// The agent it is charged to, in a conversation of two named agents or more.
    #[serde(borrow, default)]
    agent: Option<Cow<'a, str>>,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    start_ms: Option<u64>,
    #[serde(default)]
    measured: Option<Measure>,
    #[serde(borrow, rename = "match")]
    matched: Option<Cow<'a, str>>,
    /// Written only when true (`--show-suppressed`).
    #[serde(default)]
    suppressed: bool,
    /// What suppressed it, beside `suppressed`.
    #[serde(borrow, default)]
    suppressed_by: Option<Cow<'a, str>>,
}

impl WrittenFinding<'_> {
    /// Why the finding is suppressed, if it is. Reports written before `suppressed_by` said
    /// only `"suppressed": true`, which merge read as a directive's.
    fn suppression(&self) -> Result<Option<Suppression>, String> {
        match (self.suppressed, self.suppressed_by.as_deref()) {
            (false, _) => Ok(None),
            (true, None) => Ok(Some(Suppression::InSource)),
            (true, Some(name)) => Finding::suppression_named(name).map(Some).ok_or_else(|| {
                format!(
                    "a finding suppressed by `{name}`: a report says `directive`, \
                     `per_path_disable` or `baseline`"
                )
            }),
        }
    }
}

/// More turns than a transcript has, or a column further than a line goes: a report that says
/// so is not one talklint wrote, and the stand-in is not built (it would take that much memory).
const MOST: usize = 1 << 28;

/// How the stand-in source is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// One line per finding, its match at its column, for snippets that name the line and
    /// column (human output).
    Snippets,
    /// One line per turn with findings, its matches joined by ` … `, for reports that show
    /// turns (HTML, and the formats that show no text).
    Turns,
}

/// A conversation read back: what the report wrote, and the stand-in source and turns.
pub(super) struct Replay<'a> {
    written: Written<'a>,
    /// The loaded rules: what the report says of each finding's rule is what they say
    /// ([`RuleIndex::check`]).
    rules: &'a RuleSet,
    format: &'static str,
    source: String,
    transcript: Transcript,
    /// Per finding, where it is.
    places: Vec<Placed>,
}

/// Where a finding is in the stand-in.
#[derive(Debug, Clone, Copy)]
struct Placed {
    /// Its rule's index in the loaded rules.
    rule_index: usize,
    /// Its match's bytes in the stand-in source.
    span: (usize, usize),
    /// Its match's bytes in its turn's text (HTML marks), when it has one.
    turn_range: Option<(usize, usize)>,
    /// Why it is suppressed, if it is.
    suppressed: Option<Suppression>,
}

impl Written<'_> {
    /// Masks what the report wrote that a report made with `--redact` would have masked:
    /// messages, matches, speaker labels, the agent's name and warnings (a match that covered
    /// only part of some personal data cannot be told from other text).
    fn mask(&mut self, redactor: &Redactor) {
        let mask = |text: &mut Cow<str>| {
            if let Cow::Owned(masked) = redactor.mask(text) {
                *text = Cow::Owned(masked);
            }
        };
        self.agent.iter_mut().for_each(mask);
        self.agents.iter_mut().for_each(mask);
        // Agents whose names mask alike (`[EMAIL]`) are one, as a check with `--redact` reads
        // them: a conversation of one agent lists none and charges no finding to one.
        let mut agents: Vec<Cow<str>> = Vec::with_capacity(self.agents.len());
        for agent in self.agents.drain(..) {
            if !agents.contains(&agent) {
                agents.push(agent);
            }
        }
        if agents.len() < 2 {
            agents.clear();
        }
        self.agents = agents;
        for f in &mut self.findings {
            match self.agents.is_empty() {
                true => f.agent = None,
                false => f.agent.iter_mut().for_each(mask),
            }
            mask(&mut f.message);
            f.matched.iter_mut().for_each(mask);
            f.speaker.iter_mut().for_each(mask);
        }
        // A warning quotes the file, JSON escapes and all, as the check that wrote it masked it;
        // the `roles:` line it proposes names no masked label.
        for warning in &mut self.warnings {
            if let Cow::Owned(masked) = redactor.mask_quoted(warning) {
                *warning = unmask_roles_line(&masked).unwrap_or(masked);
            }
        }
    }
}

impl<'a> Replay<'a> {
    /// Rebuilds `written`, masked by `redactor` (`--redact`); `at` says where it is, for errors.
    pub(super) fn new(
        mut written: Written<'a>,
        rules: &RuleIndex<'a>,
        layout: Layout,
        redactor: Option<&Redactor>,
        at: &str,
    ) -> Result<Replay<'a>, MergeError> {
        if let Some(redactor) = redactor {
            written.mask(redactor);
        }
        let invalid = |message: String| MergeError::Invalid {
            at: at.to_string(),
            message,
        };
        let format = Format::ALL
            .iter()
            .map(|f| f.name())
            .find(|name| *name == written.format)
            .ok_or_else(|| invalid(format!("unknown format `{}`", written.format)))?;
        let mut by_turn = written.findings_by_turn(&invalid)?;
        let mut turns: Vec<Turn> = (0..written.turns)
            .map(|_| Turn::new(Role::Unknown, None, 0..0))
            .collect();
        let mut source = String::new();
        let mut places = Vec::with_capacity(written.findings.len());
        for f in &written.findings {
            places.push(Placed {
                rule_index: rules.index(&f.rule).map_err(&invalid)?,
                span: (0, 0),
                turn_range: None,
                suppressed: f.suppression().map_err(&invalid)?,
            });
        }
        if layout == Layout::Snippets {
            for (f, place) in written.findings.iter().zip(&mut places) {
                source.extend(std::iter::repeat_n(' ', f.column.saturating_sub(1)));
                let start = source.len();
                source.push_str(f.matched.as_deref().unwrap_or("…"));
                place.span = (start, source.len());
                source.push('\n');
            }
            by_turn.clear();
        }
        let mut speakers: HashMap<&str, Arc<str>> = HashMap::new();
        for (turn, list) in by_turn {
            let start = source.len();
            for &i in &list {
                let Some(m) = &written.findings[i].matched else {
                    places[i].span = (start, start);
                    continue;
                };
                if source.len() > start {
                    source.push_str(" … ");
                }
                let s = source.len();
                source.push_str(m);
                places[i].span = (s, source.len());
                places[i].turn_range = Some((s - start, source.len() - start));
            }
            if source.len() == start {
                source.push('…');
            }
            let first = &written.findings[list[0]];
            let speaker = first
                .speaker
                .as_deref()
                .map(|s| speakers.entry(s).or_insert_with(|| Arc::from(s)).clone());
            turns[turn - 1] = Turn::new(first.role, speaker, start..source.len());
            source.push('\n');
        }
        drop(speakers);
        Ok(Replay {
            rules: rules.rules(),
            format,
            source,
            transcript: Transcript {
                id: written.id.as_deref().map(str::to_string),
                turns,
                warnings: Vec::new(),
                agent_guessed: written.agent_guessed,
            },
            places,
            written,
        })
    }

    /// The stand-in source the conversation's findings point into.
    pub(super) fn source(&self) -> &str {
        &self.source
    }

    /// The conversation as the report model has it; `redactor` is the one the replay was
    /// masked by.
    pub(super) fn conversation<'r>(&'r self, redactor: Option<&'r Redactor>) -> Conversation<'r> {
        let w = &self.written;
        let findings = w
            .findings
            .iter()
            .zip(&self.places)
            .map(|(f, place)| (f, place, &self.rules.rules[place.rule_index]))
            .map(|(f, place, r)| Finding {
                rule: &f.rule,
                kind: r.kind,
                severity: r.severity,
                category: &r.category,
                points: f.points,
                message: Message::Text(Cow::Borrowed(&f.message)),
                turn: f.turn,
                role: f.role,
                speaker: f.speaker.as_deref(),
                agent: f.agent.as_deref(),
                line: f.line,
                column: f.column,
                end_line: f.end_line,
                end_column: f.end_column,
                start_ms: f.start_ms,
                measured: f.measured,
                matched: f.matched.as_deref().map(Cow::Borrowed),
                suggestion: r.suggestion.as_deref(),
                link: r.link.as_deref(),
                suppressed: place.suppressed,
                span: place.span,
                rule_index: place.rule_index,
                turn_range: place.turn_range,
            })
            .collect();
        Conversation {
            path: &w.path,
            id: w.id.as_deref(),
            format: self.format,
            turns: w.turns,
            unknown_turns: w.unknown_turns,
            agent_guessed: w.agent_guessed,
            no_agent_turn: w.no_agent_turn,
            baselined: w.baselined,
            agent: w.agent.as_deref(),
            agents: w.agents.iter().map(|a| a.as_ref()).collect(),
            score: w.score,
            passed: w.passed,
            needed: w.needed,
            findings,
            tags: w.tags.iter().map(|t| t.as_ref()).collect(),
            not_applied: w.not_applied.iter().map(|r| r.as_ref()).collect(),
            warnings: &w.warnings,
            // Set by the merge, which knows the conversation's place in its file.
            number: None,
            transcript: &self.transcript,
            redactor,
            file_personal: None,
        }
    }
}
