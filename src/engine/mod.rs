//! The engine: compiles a [`RuleSet`] once, then checks transcripts. It is the only way from a
//! transcript to findings and a score: the scan, `talklint test` and library users all call
//! [`Engine::check`].
//!
//! Inside, every phrase of every rule is found in one pass over a conversation ([`matcher`], over
//! the symbols of a [`vocab`] walked by one [`automaton`]), then the rule semantics are applied
//! ([`evaluate`]) and the conversation is scored ([`score`]).

mod automaton;
mod evaluate;
mod examples;
mod matcher;
mod regexes;
mod score;
#[cfg(test)]
mod tests;
mod vocab;

use crate::rules::{Kind, RuleSet, Window};
use crate::transcript::Transcript;
pub use evaluate::{Evaluation, Outcome};
pub use examples::{ExampleFailure, ExampleOutcome, TestReport};
use matcher::{Hit, Matcher, MatcherInput};
use regex::Regex;
pub use score::Scoring;

/// A phrase list's id: each rule has two, its phrases (and regexes) and its `unless` phrases.
type ListId = u32;

/// What evaluation needs of a rule, compiled.
#[derive(Debug, Clone)]
struct CompiledRule {
    kind: Kind,
    roles: u8,
    window: Option<Window>,
    min_turns: usize,
    points: i32,
    max_hits: Option<usize>,
    auto_fail: bool,
    phrases: ListId,
    unless: ListId,
    /// A rule with a window searches its regexes here, in its window's turns only, rather than in
    /// the matcher over every turn: a window of a few turns is far cheaper to search.
    window_regex: Vec<Regex>,
}

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

/// Why a rule set cannot be compiled.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{0}")]
pub struct EngineError(String);

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
        let list = |r: usize, unless: bool| (2 * r + usize::from(unless)) as ListId;
        let mut lists = Vec::with_capacity(2 * rules.rules.len());
        let mut regexes = Vec::new();
        let mut compiled = Vec::with_capacity(rules.rules.len());
        for (r, rule) in rules.rules.iter().enumerate() {
            lists.push(rule.phrases.iter().map(|p| &p.pattern).collect());
            lists.push(rule.unless.iter().map(|p| &p.pattern).collect());
            let windowed = rule.window.is_some();
            let mut window_regex = Vec::new();
            for re in &rule.regex {
                if windowed {
                    window_regex.push(compile_regex(&re.pattern)?);
                } else {
                    regexes.push((list(r, false), compile_regex(&re.pattern)?));
                }
            }
            compiled.push(CompiledRule {
                kind: rule.kind,
                roles: rule.roles,
                window: rule.window,
                min_turns: rule.min_turns,
                points: rule.points,
                max_hits: rule.max_hits,
                auto_fail: rule.auto_fail,
                phrases: list(r, false),
                unless: list(r, true),
                window_regex,
            });
        }
        let matcher = Matcher::new(MatcherInput {
            lists,
            regexes,
            fillers: &rules.fillers,
        })
        .map_err(EngineError)?;
        Ok(Engine {
            matcher,
            roles: compiled.iter().fold(0, |acc, r| acc | r.roles),
            rules: compiled,
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
        self.find(transcript, source, |turn| turn & self.roles != 0, scratch);
        evaluate::evaluate(
            &self.rules,
            transcript,
            source,
            &mut scratch.hits,
            self.scoring,
        )
    }

    /// How many hits of rule `r` (an index into the rule set) count in `transcript`, or `None`
    /// when the rule's window cannot apply there (it needs times the transcript lacks).
    pub fn count_hits(
        &self,
        r: usize,
        transcript: &Transcript,
        source: &str,
        scratch: &mut Scratch,
    ) -> Option<usize> {
        let rule = self.rules.get(r)?;
        self.find(transcript, source, |_| true, scratch);
        scratch
            .hits
            .retain(|h| h.list == rule.phrases || h.list == rule.unless);
        evaluate::counted_hits(rule, transcript, source, &mut scratch.hits)
    }

    /// Fills `scratch.hits` with the matcher's hits in the turns whose role bit `scan` accepts.
    fn find(
        &self,
        transcript: &Transcript,
        source: &str,
        scan: impl Fn(u8) -> bool,
        scratch: &mut Scratch,
    ) {
        let texts: Vec<(&str, bool)> = transcript
            .turns
            .iter()
            .map(|turn| (turn.text(source), scan(turn.role.bit())))
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
        .map_err(|e| EngineError(format!("cannot compile the regex `{pattern}`: {e}")))
}
