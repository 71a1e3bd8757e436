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
pub use evaluate::{Evaluation, Measures, Outcome, measures};
pub use examples::{ExampleFailure, ExampleOutcome, TestReport};
use matcher::{Hit, Matcher, MatcherInput};
use regex::Regex;
pub use score::Scoring;

/// A phrase list's id in the matcher: every search has its own (its phrases and regexes, its
/// `unless` phrases, its `near` lists).
type ListId = u32;

/// A rule set compiled for checking transcripts.
///
/// ```
/// use talklint::{Engine, Scratch, load_rules, parse_transcript, Format, ParseOptions};
///
/// let yaml = r#"
/// rules:
///   - id: respect/calm-down
///     severity: error
///     phrases: ["calm down"]
/// "#;
/// let rules = load_rules(&[("mine.yaml".into(), yaml.into())]).unwrap();
/// let engine = Engine::new(&rules).unwrap();
/// let text = "Customer: This is the third time!\nAgent: Please calm down.\n";
/// let parsed = parse_transcript(text, Format::Text, &ParseOptions::default()).unwrap();
/// let evaluation = engine.check(&parsed.transcripts[0], text, &mut Scratch::default());
/// assert_eq!(evaluation.outcomes.len(), 1);
/// assert_eq!(rules.rules[evaluation.outcomes[0].rule].id, "respect/calm-down");
/// assert_eq!(evaluation.score, 70);
/// ```
#[derive(Debug, Clone)]
pub struct Engine {
    matcher: Matcher,
    rules: Vec<CompiledRule>,
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
        let mut regexes = Vec::with_capacity(compiled.regexes.len());
        for (list, pattern) in &compiled.regexes {
            regexes.push((*list, compile_regex(pattern)?));
        }
        let matcher = Matcher::new(MatcherInput {
            lists: compiled.lists.clone(),
            locals: compiled.locals.clone(),
            regexes,
            fillers: &rules.fillers,
        })
        .map_err(|e| {
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
            matcher,
            roles: compiled.roles,
            rules: compiled.rules,
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
    pub fn check(
        &self,
        transcript: &Transcript,
        source: &str,
        scratch: &mut Scratch,
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
            Scope::All,
        )
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
        self.find(transcript, source, scratch);
        let text = evaluate::Text {
            transcript,
            source,
            matcher: &self.matcher,
            matched: &scratch.matcher,
        };
        let evaluation = evaluate::evaluate(
            &self.rules,
            text,
            &mut scratch.hits,
            self.scoring,
            Scope::Example(r),
        );
        (!evaluation.not_applied.contains(&r)).then_some(evaluation.outcomes)
    }

    /// Fills `scratch.hits` with the matcher's hits in the turns of the roles some rule listens
    /// to.
    fn find(&self, transcript: &Transcript, source: &str, scratch: &mut Scratch) {
        let texts: Vec<(&str, bool)> = transcript
            .turns
            .iter()
            .map(|turn| (turn.text(source), turn.role.bit() & self.roles != 0))
            .collect();
        scratch.hits.clear();
        self.matcher
            .find(&texts, &mut scratch.matcher, &mut scratch.hits);
    }
}

/// Compiles a checked rule pattern (its mode flags already written into it).
fn compile_regex(pattern: &str) -> Result<Regex, EngineError> {
    regex::RegexBuilder::new(pattern)
        .case_insensitive(true)
        .build()
        .map_err(|e| EngineError {
            origin: None,
            phrase: None,
            message: format!("cannot compile the regex `{pattern}`: {e}"),
        })
}
