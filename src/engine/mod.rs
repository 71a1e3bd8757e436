//! The engine: compiles a [`RuleSet`] once, then checks transcripts. It is the only way from a
//! transcript to findings and a score: the scan, `talklint test` and library users all call
//! [`Engine::check`].
//!
//! Inside, every phrase of every rule is found in one pass over a conversation ([`matcher`], over
//! the symbols of a [`vocab`] walked by one [`automaton`]), then the rule semantics are applied
//! ([`evaluate`]) and the conversation is scored ([`score`]).

mod automaton;
mod compile;
mod evaluate;
mod examples;
mod matcher;
mod regexes;
mod score;
#[cfg(test)]
mod tests;
mod vocab;

use crate::rules::{Origin, RuleSet};
use crate::transcript::Transcript;
use compile::{Compiled, CompiledRule};
use evaluate::Scope;
pub use evaluate::{Evaluation, Measures, Outcome, measures, measures_of};
pub use examples::{ExampleFailure, ExampleOutcome, Lacking, TestReport};
use matcher::{Hit, Matcher, MatcherInput};
pub use score::{SCORES, Scoring};
use std::sync::Arc;

/// A phrase list's id in the matcher: every search has its own (its phrases and regexes, its
/// `unless` phrases, its `near` lists).
type ListId = u32;

/// A rule set compiled for checking transcripts: what a Rust service embeds to lint
/// conversations without the command line.
///
/// Compile a pack once with [`Engine::new`] (from [`load_rules`](crate::load_rules) or
/// [`default_rules`](crate::default_rules)); the engine is `Send + Sync`, so share it (in an
/// `Arc` or a static) across threads, and give each thread its own [`Scratch`], reused from
/// call to call. [`Engine::check`] takes a [`Transcript`] (from
/// [`parse_transcript`](crate::parse_transcript), in any format talklint reads) and the text it
/// was parsed from, and returns an [`Evaluation`]: each finding as an [`Outcome`] (its rule by
/// index into the [`RuleSet`], its turn, its match as bytes of the turn's text, its points) and
/// the conversation's score and verdict.
///
/// ```
/// use talklint::{Engine, Fills, Format, ParseOptions, Scratch, load_rules, parse_transcript};
///
/// // A pack from YAML (a service may read its files; `default_rules()` is the built-in pack).
/// let pack = r#"
/// rules:
///   - id: respect/calm-down
///     severity: error
///     phrases: ["[you need to] calm down"]
///     message: "Tells the customer to “{match}”"
///   - id: empathy/sorry-to-hear
///     kind: reward
///     phrases: ["[i am] sorry to hear (that|this)"]
/// "#;
/// let rules = load_rules(&[("qa.yaml".into(), pack.into())]).expect("every error has a line");
/// let engine = Engine::new(&rules).expect("the pack compiles");
/// fn shareable<T: Send + Sync>(_: &T) {}
/// shareable(&engine);
///
/// // A transcript string (`Format::Json` recognises any JSON shape talklint reads).
/// let text = "Customer: This is the third time!\nAgent: I'm sorry to hear that. Please calm down.\n";
/// let parsed = parse_transcript(text, Format::Text, &ParseOptions::default()).expect("parses");
/// let transcript = &parsed.transcripts[0];
/// shareable(transcript); // parsed on one thread (or before an `.await`), checked on another
///
/// let mut scratch = Scratch::default(); // one per thread
/// let evaluation = engine.check(transcript, text, &mut scratch);
///
/// // Each finding: its rule, its turn (1-based here), what it matched, its points, its message.
/// let findings: Vec<(&str, usize, &str, i32, String)> = evaluation
///     .outcomes
///     .iter()
///     .map(|o| {
///         let rule = &rules.rules[o.rule];
///         let turn = &transcript.turns[o.turn];
///         // The words matched as written (`can't`, where the matcher reads `ca` and `n't`).
///         let matched = o.written(turn.text(text)).map(|(start, end)| &turn.text(text)[start..end]);
///         let speaker = turn.speaker.as_deref().unwrap_or(turn.role.name());
///         let fills = Fills { matched, trigger: None, speaker, measured: o.measure };
///         let message = rule.message(&fills).into_owned();
///         (rule.id.as_str(), o.turn + 1, matched.unwrap_or(""), o.points, message)
///     })
///     .collect();
/// assert_eq!(findings[0].0, "empathy/sorry-to-hear");
/// assert_eq!(findings[0].2, "I'm sorry to hear that");
/// assert_eq!(
///     findings[1],
///     ("respect/calm-down", 2, "calm down", -10, "Tells the customer to “calm down”".into())
/// );
/// // The score is 80 + 5 − 10; a match's place in `text` is a byte offset.
/// assert_eq!((evaluation.score, evaluation.passed), (75, true));
/// let (start, _) = evaluation.outcomes[1].range.expect("a match");
/// assert_eq!(&text[transcript.turns[1].source_offset(start)..][..9], "calm down");
/// ```
#[derive(Debug, Clone)]
pub struct Engine {
    /// Shared by clones: configs that load the same rules share one matcher.
    matcher: Arc<Matcher>,
    rules: Arc<[CompiledRule]>,
    /// The roles any rule listens to: turns of other roles are not matched.
    roles: u8,
    scoring: Scoring,
}

/// Why a rule set cannot be compiled: too many words, or a phrase the matcher cannot take, with
/// the place of its rule.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{}{message}{}", place(.origin), hint(.phrase))]
pub struct EngineError {
    /// The rule the problem is in, when it is one rule's.
    pub origin: Option<Origin>,
    /// The phrase, when it is one phrase's.
    pub phrase: Option<String>,
    /// What is wrong.
    pub message: String,
}

fn place(origin: &Option<Origin>) -> String {
    origin.as_ref().map_or_else(String::new, |o| {
        format!("{}:{}:{}: ", o.file, o.line, o.column)
    })
}

fn hint(phrase: &Option<String>) -> String {
    phrase
        .as_ref()
        .map_or_else(String::new, |p| format!(" (phrase \"{p}\")"))
}

/// Reusable per-thread buffers: give each thread its own and pass it to every
/// [`Engine::check`].
#[derive(Debug, Default)]
pub struct Scratch {
    matcher: matcher::Scratch,
    hits: Vec<Hit>,
}

impl Engine {
    /// Compiles `rules`: one matcher over every phrase and regex, scored with the default
    /// [`Scoring`].
    pub fn new(rules: &RuleSet) -> Result<Engine, EngineError> {
        let compiled = Compiled::new(rules);
        let matcher = Matcher::new(matcher_input(&compiled, rules)).map_err(|e| {
            let (list, k) = match e.phrase {
                Some((list, k)) => (list as usize, k),
                None => (usize::MAX, 0),
            };
            EngineError {
                origin: compiled
                    .origins
                    .get(list)
                    .map(|o| rules.rules[o.rule].origin.clone()),
                phrase: compiled
                    .texts
                    .get(list)
                    .and_then(|t| t.get(k))
                    .map(|p| p.to_string()),
                message: e.message,
            }
        })?;
        Ok(Engine {
            matcher: Arc::new(matcher),
            roles: compiled.roles,
            rules: compiled.rules.into(),
            scoring: Scoring::default(),
        })
    }

    /// The same engine, scoring with `scoring`.
    pub fn with_scoring(mut self, scoring: Scoring) -> Engine {
        self.scoring = scoring;
        self
    }

    /// Finds every rule's findings in `transcript` (whose turns' text is in `source`) and scores
    /// it.
    ///
    /// # Panics
    ///
    /// When `source` is not the text `transcript` was parsed from and a turn's range does not
    /// fall on its characters (a shorter text, say).
    pub fn check(
        &self,
        transcript: &Transcript,
        source: &str,
        scratch: &mut Scratch,
    ) -> Evaluation {
        self.evaluate(transcript, source, scratch, Scope::All, &mut |_| Vec::new())
    }

    /// As [`Engine::check`], but the outcomes for which `suppress` is true (an inline directive
    /// covers them) are set apart in [`Evaluation::suppressed`] and do not count toward the
    /// score.
    pub fn check_suppressed(
        &self,
        transcript: &Transcript,
        source: &str,
        scratch: &mut Scratch,
        suppress: &mut dyn FnMut(&Outcome) -> bool,
    ) -> Evaluation {
        let each = &mut |all: &[Outcome]| all.iter().map(&mut *suppress).collect();
        self.evaluate(transcript, source, scratch, Scope::All, each)
    }

    /// As [`Engine::check_suppressed`], but `set_apart` is asked of a conversation's outcomes at
    /// once (in order: by turn, then place), and says for each whether it is set apart (those past
    /// the list's end are not): which of several findings alike a baseline knows is told by all
    /// of them.
    pub(crate) fn check_setting_apart(
        &self,
        transcript: &Transcript,
        source: &str,
        scratch: &mut Scratch,
        set_apart: &mut dyn FnMut(&[Outcome]) -> Vec<bool>,
    ) -> Evaluation {
        self.evaluate(transcript, source, scratch, Scope::All, set_apart)
    }

    /// The outcomes of rule `r` (an index into the rule set) alone in `transcript`, judged
    /// whatever its `min_turns`; `None` when the rule cannot apply there (it needs times the
    /// transcript lacks).
    pub fn check_rule(
        &self,
        r: usize,
        transcript: &Transcript,
        source: &str,
        scratch: &mut Scratch,
    ) -> Option<Vec<Outcome>> {
        self.rules.get(r)?;
        let evaluation = self.evaluate(transcript, source, scratch, Scope::Example(r), &mut |_| {
            Vec::new()
        });
        (!evaluation.not_applied.contains(&r)).then_some(evaluation.outcomes)
    }

    /// Finds the hits in `transcript`, then applies the rules of `scope` to them, setting apart
    /// the outcomes `suppress` covers.
    fn evaluate(
        &self,
        transcript: &Transcript,
        source: &str,
        scratch: &mut Scratch,
        scope: Scope,
        suppress: &mut dyn FnMut(&[Outcome]) -> Vec<bool>,
    ) -> Evaluation {
        self.find(transcript, source, scratch);
        let text = evaluate::Text {
            transcript,
            source,
            matcher: &self.matcher,
            matched: &scratch.matcher,
        };
        evaluate::evaluate(
            &self.rules,
            text,
            &mut scratch.hits,
            self.scoring,
            scope,
            suppress,
        )
    }

    /// Fills `scratch.hits` with the matcher's hits in the turns of the roles some rule listens
    /// to.
    fn find(&self, transcript: &Transcript, source: &str, scratch: &mut Scratch) {
        let texts: Vec<(&str, u8)> = transcript
            .turns
            .iter()
            .map(|turn| (turn.text(source), turn.role.bit() & self.roles))
            .collect();
        scratch.hits.clear();
        self.matcher
            .find(&texts, &mut scratch.matcher, &mut scratch.hits);
    }
}

/// What the matcher of `rules` (compiled as `compiled`) is built from.
fn matcher_input<'r>(compiled: &Compiled<'r>, rules: &'r RuleSet) -> MatcherInput<'r> {
    MatcherInput {
        lists: compiled.lists.clone(),
        list_roles: compiled.list_roles.clone(),
        locals: compiled.locals.clone(),
        regexes: compiled.regexes.clone(),
        fillers: &rules.fillers,
    }
}

/// Whether the matcher of `rules` is read prebuilt rather than built.
#[cfg(test)]
pub(crate) fn reads_prebuilt(rules: &RuleSet) -> bool {
    let compiled = Compiled::new(rules);
    Matcher::reads_prebuilt(&matcher_input(&compiled, rules))
}
