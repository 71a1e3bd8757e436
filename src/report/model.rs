//! The report model every output format renders (one shape, many printers): a conversation's
//! findings with their places in the file, and the files that were skipped or could not be read.

use super::Message;
use super::suppressed_keys::{SUPPRESSIONS, SuppressedKeys, suppressed_by, suppressed_keys};
use crate::engine::{Evaluation, Outcome};
use crate::redact::{Quoter, Redactor, Span};
use crate::rules::{Fills, Kind, Measure, Measured, Rule, RuleSet, Severity};
use crate::suppress::Suppression;
use crate::text::lines::LineCursor;
use crate::transcript::{Role, Transcript};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// One finding, as every report shows it. Borrows from the rules and the source text: a report
/// is rendered where it is made.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Finding<'a> {
    pub rule: &'a str,
    pub kind: Kind,
    pub severity: Severity,
    pub category: &'a str,
    /// Points added to the score (0 beyond the rule's `max_hits`).
    pub points: i32,
    #[schemars(with = "String")]
    pub message: Message<'a>,
    /// 1-based turn number.
    pub turn: usize,
    pub role: Role,
    pub speaker: Option<&'a str>,
    /// In a conversation with two named agents or more, the agent the finding is charged to:
    /// the one who spoke its turn, else the last to speak before it, else the first to speak.
    /// Absent otherwise: the finding is the conversation's `agent`'s.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent: Option<&'a str>,
    /// 1-based line and column (in characters) of the match in the file.
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub start_ms: Option<u64>,
    /// What a timing finding measured: `{"seconds": 18.25}` (a silence, a turn, an overlap, or
    /// the overlaps in all) or `{"share": 0.8235}` (of the talk time). Absent otherwise.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<Measured>")]
    pub measured: Option<Measure>,
    /// The original text matched; `null` for a missing `require`.
    /// With `--redact`, its personal data masked.
    #[serde(rename = "match")]
    pub matched: Option<Cow<'a, str>>,
    pub suggestion: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<&'a str>,
    /// Set when a directive, `per_path_disable` or the `--baseline` report suppressed the
    /// finding (it is reported only with `--show-suppressed`, and counts for nothing); JSON
    /// writes `"suppressed": true` and what suppressed it, `"suppressed_by"`.
    #[serde(flatten, serialize_with = "suppressed_keys")]
    #[schemars(with = "SuppressedKeys")]
    pub suppressed: Option<Suppression>,
    /// Byte range of the match in the file (for snippets).
    #[serde(skip)]
    pub span: (usize, usize),
    /// The rule's index in the rule set (SARIF's `ruleIndex`).
    #[serde(skip)]
    pub rule_index: usize,
    /// The match as a byte range of its turn's text (`None` for a missing `require`).
    #[serde(skip)]
    pub turn_range: Option<(usize, usize)>,
}

impl Finding<'_> {
    /// What suppressed the finding, as JSON's `suppressed_by` names it; `None` when nothing did.
    pub(crate) fn suppressed_by(&self) -> Option<&'static str> {
        self.suppressed.map(suppressed_by)
    }

    /// The suppression a report's `suppressed_by` names, if any.
    pub(crate) fn suppression_named(name: &str) -> Option<Suppression> {
        SUPPRESSIONS.into_iter().find(|&s| suppressed_by(s) == name)
    }

    /// Whether the finding counts against `--fail-on` (rewards, tags and suppressed findings
    /// never do).
    pub fn is_problem(&self) -> bool {
        self.suppressed.is_none() && matches!(self.kind, Kind::Forbid | Kind::Require)
    }
}

/// One conversation's result.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct Conversation<'a> {
    pub path: &'a str,
    pub id: Option<&'a str>,
    pub format: &'static str,
    pub turns: usize,
    /// Turns whose speaker maps to no role: rules for agents and customers skip them.
    pub unknown_turns: usize,
    /// Set when the agent was guessed from what two speakers say, as no label or `roles:`
    /// names a role: written only then (`true`), and counted in the summary's `agent_guessed`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub agent_guessed: bool,
    /// Set when no turn is the agent's (nor `any`'s), so agent rules had nothing to judge:
    /// written only then (`true`), and counted in the summary's `no_agent_turn`.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub no_agent_turn: bool,
    /// The problems the `--baseline` report knows, held back from the findings and the score:
    /// written only when there are some, and counted in the summary's `baselined`.
    #[serde(skip_serializing_if = "super::summary::is_zero")]
    pub baselined: usize,
    /// The agent's name, when the transcript gives one (not "Agent", `spk_0` or `2`): of two
    /// agents or more, the first to speak.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent: Option<&'a str>,
    /// Every named agent who spoke, in the order they first spoke, when there are two or more
    /// (a call handed on): the conversation counts for each of them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub agents: Vec<&'a str>,
    pub score: i32,
    pub passed: bool,
    /// The least score that passes (the pass mark, or `--min-score` when higher), when the
    /// score fell short of it: one reason the conversation failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needed: Option<i32>,
    pub findings: Vec<Finding<'a>>,
    /// The ids of the tag rules that hit, sorted.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<&'a str>,
    /// The ids of the rules that could not be applied (they need times the transcript lacks).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_applied: Vec<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub warnings: &'a [String],
    /// For a conversation without an id, its place in its file or stream (1-based) when that
    /// tells it from others without one: set in a file that holds several, and in a stream after
    /// its first conversation (whose report is made before the stream shows whether others
    /// follow). JUnit names its suite `path#(N)`; JSON writes it as `place`, so that `merge`
    /// names it as `check` did.
    #[serde(rename = "place", skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 2))]
    pub number: Option<usize>,
    /// The transcript and its source, for reports that show the turns.
    #[serde(skip)]
    pub transcript: &'a Transcript,
    /// `--redact`: what reports that show transcript text mask it with.
    #[serde(skip)]
    pub redactor: Option<&'a Redactor>,
    /// `--redact`, in a file of several conversations: the personal data of them all, placed in
    /// the source, as one line may show several (a one-line JSON array).
    #[serde(skip)]
    pub file_personal: Option<&'a [Span]>,
}

/// A file that was found but not read, or one conversation of a stream that was not (a record
/// over the size limit), beside the stream's conversations that were.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct Skipped {
    pub path: String,
    /// For a conversation of a stream, the stream's line it starts at (1-based); none for a
    /// whole file. Its reason says it too (`line 2: too large …`), for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub line: Option<usize>,
    pub reason: String,
}

impl Skipped {
    /// Whether it is a transcript left unchecked (too large, binary, no turns), which the CI
    /// reports (GitHub, JUnit, SARIF) name, rather than a file that is none (an unknown
    /// extension, the run's config, a report): a repository's hundreds of those would bury it.
    pub(crate) fn unchecked_transcript(&self) -> bool {
        // A stream's piece says its line first: `line 2: too large (…)`.
        let reason = (self.reason.split_once(": "))
            .filter(|(line, _)| line.starts_with("line "))
            .map_or(self.reason.as_str(), |(_, reason)| reason);
        reason == "binary" || reason.starts_with("too large") || reason.starts_with("no turns (")
    }
}

/// A file that could not be read or parsed, or a line of a stream that could not be read (one
/// of its own, or lines among one conversation's messages), beside the stream's conversations.
#[derive(Debug, Clone, Serialize, Deserialize, JsonSchema)]
pub struct FileError {
    pub path: String,
    /// For a stream's line, the stream's line it is (1-based; of lines among a conversation's
    /// messages, the first); none for a whole file, whose message may name a line too (`line 3,
    /// column 7: …` in a malformed file). Its message says it too, for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub line: Option<usize>,
    pub message: String,
}

impl FileError {
    /// The error with the personal data its message quotes masked by `redactor` (`--redact`),
    /// as the parser's warnings are, written with JSON escapes too; its path is not (SPEC §11).
    pub(crate) fn masked(mut self, redactor: Option<&Redactor>) -> FileError {
        if let Some(Cow::Owned(masked)) = redactor.map(|r| r.mask_quoted(&self.message)) {
            self.message = masked;
        }
        self
    }

    /// The line and column the message starts with, as a parse error's does (`line 3, column
    /// 7: …`), for reports that point at places.
    pub fn place(&self) -> Option<(usize, usize)> {
        place_in(&self.message)
    }
}

impl Conversation<'_> {
    /// What names the conversation after its path in the reports people read: `#` and its id,
    /// or `#(N)`, its place, where it has none in a file of several (`calls.jsonl#(2)`, as JUnit
    /// names its suite); empty for a file of one conversation.
    pub(crate) fn suffix(&self) -> String {
        self.name()
            .map_or_else(String::new, |name| format!("#{name}"))
    }

    /// Its id, or `(N)`, its place where it has none in a file of several: what tells it from
    /// the other conversations of its file in reports that list them apart (SARIF's results, CSV's
    /// rows), as [`Conversation::suffix`] does after the path.
    pub(crate) fn name(&self) -> Option<std::borrow::Cow<'_, str>> {
        match (self.id, self.number) {
            (Some(id), _) => Some(id.into()),
            (None, Some(n)) => Some(format!("({n})").into()),
            (None, None) => None,
        }
    }
}

/// The line and column a message starts with (`line 3, column 7: …`): a parse error's, or a
/// conversation's warning about a directive.
pub(crate) fn place_in(message: &str) -> Option<(usize, usize)> {
    let rest = message.strip_prefix("line ")?;
    let (line, rest) = rest.split_once(", column ")?;
    let (column, _) = rest.split_once(": ")?;
    Some((line.parse().ok()?, column.parse().ok()?))
}

/// Builds the report of one evaluated conversation in the text of `lines`, the file's line
/// cursor: one cursor for all the conversations of a file, so that a file of many conversations
/// is scanned for line breaks once, not once per conversation. `suppressed` are the suppressed
/// outcomes to show (`--show-suppressed`), with why. With a `redactor`, matches and the
/// messages that quote them have their personal data masked (a span overlapping a match whole).
#[allow(clippy::too_many_arguments)]
pub(crate) fn conversation<'a, 's: 'a>(
    path: &'a str,
    format: &'static str,
    transcript: &'a Transcript,
    lines: &mut LineCursor<'s>,
    eval: &Evaluation,
    suppressed: &[(&Outcome, Suppression)],
    rules: &'a RuleSet,
    warnings: &'a [String],
    redactor: Option<&'a Redactor>,
) -> Conversation<'a> {
    let source = lines.text();
    let (agent, agents) = super::agents::named(transcript);
    let charges = (agents.len() > 1).then(|| super::agents::charges(transcript, &agents));
    let mut quoter = Quoter::new(redactor);
    let outcomes = eval.outcomes.iter().map(|o| (o, None));
    let shown = suppressed.iter().map(|&(o, why)| (o, Some(why)));
    let mut findings: Vec<Finding> = outcomes
        .chain(shown)
        .map(|(o, why)| {
            let rule = &rules.rules[o.rule];
            let turn = &transcript.turns[o.turn];
            let text = turn.text(source);
            // A match quotes the words it begins and ends in whole: `can't`, not `ca`.
            let words = |r| crate::text::word_edges::whole_words(text, r);
            let (range, trigger) = (o.written(text), o.trigger.map(words));
            let (start, end) = range.or(trigger).unwrap_or((0, 0));
            let span = (
                turn.source_offset(start),
                turn.source_end(end).max(turn.source_offset(start)),
            );
            let (line, column) = lines.position(span.0);
            let between = &source[span.0..span.1];
            let (end_line, end_column) = if memchr::memchr(b'\n', between.as_bytes()).is_some() {
                lines.position(span.1)
            } else {
                (line, column + between.chars().count())
            };
            let mut quote = |(s, e): (usize, usize)| quoter.quote(o.turn, text, s..e);
            let matched = range.map(&mut quote);
            let trigger = trigger.map(&mut quote);
            let speaker = turn.speaker.as_deref();
            Finding {
                rule: &rule.id,
                kind: rule.kind,
                severity: rule.severity,
                category: &rule.category,
                points: o.points,
                message: message(
                    rule,
                    matched.as_ref(),
                    trigger.as_ref(),
                    speaker.unwrap_or(turn.role.name()),
                    o.measure,
                ),
                turn: o.turn + 1,
                role: turn.role,
                speaker,
                agent: charges.as_ref().map(|c| agents[c[o.turn]]),
                line,
                column,
                end_line,
                end_column,
                start_ms: turn.start_ms,
                measured: o.measure,
                matched,
                suggestion: rule.suggestion.as_deref(),
                link: rule.link.as_deref(),
                suppressed: why,
                span,
                rule_index: o.rule,
                turn_range: o.range,
            }
        })
        .collect();
    if !suppressed.is_empty() {
        findings.sort_by_key(|f| (f.turn, f.span.0, f.rule_index));
    }
    let mut tags: Vec<&str> = eval
        .outcomes
        .iter()
        .map(|o| &rules.rules[o.rule])
        .filter(|r| r.kind == Kind::Tag)
        .map(|r| r.id.as_str())
        .collect();
    tags.sort_unstable();
    tags.dedup();
    let not_applied = eval
        .not_applied
        .iter()
        .map(|&r| rules.rules[r].id.as_str())
        .collect();
    Conversation {
        path,
        id: transcript.id.as_deref(),
        format,
        turns: transcript.turns.len(),
        unknown_turns: transcript
            .turns
            .iter()
            .filter(|t| t.role == Role::Unknown)
            .count(),
        agent_guessed: transcript.agent_guessed,
        no_agent_turn: !(transcript.turns.iter())
            .any(|t| matches!(t.role, Role::Agent | Role::Any)),
        baselined: 0,
        agent,
        agents,
        score: eval.score,
        passed: eval.passed,
        needed: (eval.score < eval.needed).then_some(eval.needed),
        findings,
        tags,
        not_applied,
        warnings,
        number: None,
        transcript,
        redactor,
        file_personal: None,
    }
}

/// A finding's message: kept as its template while the text it quotes is borrowed, written out
/// when redaction made a quote a string of its own.
fn message<'a>(
    rule: &'a Rule,
    matched: Option<&Cow<'a, str>>,
    trigger: Option<&Cow<'a, str>>,
    speaker: &'a str,
    measured: Option<Measure>,
) -> Message<'a> {
    let borrowed = |quote: Option<&Cow<'a, str>>| match quote {
        None => Some(None),
        Some(Cow::Borrowed(text)) => Some(Some(*text)),
        Some(Cow::Owned(_)) => None,
    };
    match (borrowed(matched), borrowed(trigger)) {
        (Some(matched), Some(trigger)) => Message::Template {
            rule,
            fills: Fills {
                matched,
                trigger,
                speaker,
                measured,
            },
        },
        _ => Message::Text(rule.message(&Fills {
            matched: matched.map(|m| &**m),
            trigger: trigger.map(|t| &**t),
            speaker,
            measured,
        })),
    }
}
