#![warn(missing_docs)]
//! talklint lints customer conversations: it reads call and chat transcripts, runs YAML rule packs
//! over them, and scores every conversation.
//!
//! Data flows one way: [`scan`] walks and reads files → [`transcript`] parses them into one
//! model → the [`Engine`] (compiled once from a [`RuleSet`]) finds every rule's phrases in one
//! pass, applies the rule semantics and scores → [`report`] renders. The command line ([`cli`])
//! is a thin layer over these.
//!
//! To check transcripts from Rust: load rules with [`load_rules`] (or [`default_rules`]),
//! compile them with [`Engine::new`], parse text with [`parse_transcript`], and call
//! [`Engine::check`] with one [`Scratch`] per thread. [`Engine`]'s documentation has a worked
//! example: load a pack, check a transcript string, read its findings and score.

pub(crate) mod baseline;
pub(crate) mod beside;
pub(crate) mod byte_size;
pub mod cli;
pub(crate) mod config;
pub(crate) mod engine;
pub(crate) mod eval;
pub(crate) mod file_name;
pub(crate) mod file_node;
pub(crate) mod fix;
pub(crate) mod fnv;
#[cfg(any(test, fuzzing))]
#[doc(hidden)]
pub mod fuzzing;
pub(crate) mod interrupt;
pub(crate) mod json_comma;
pub(crate) mod json_words;
pub(crate) mod merge;
pub(crate) mod redact;
pub(crate) mod report;
pub mod rules;
pub(crate) mod scan;
pub(crate) mod schemas;
pub(crate) mod suggest;
pub(crate) mod suppress;
pub(crate) mod text;
pub mod transcript;
pub(crate) mod utf8_file;
mod yaml;

pub use engine::{
    Engine, EngineError, Evaluation, ExampleFailure, ExampleOutcome, Lacking, Outcome, Scoring,
    Scratch, TestReport,
};
pub use rules::{Fills, Kind, Measure, Rule, RuleError, RuleSet, Severity};
pub use transcript::{Format, ParseError, ParseOptions, Parsed, Role, Transcript, Turn};

/// Parses `source` as `format` into its conversations (a file may hold several); `Format::Json`
/// recognises the JSON shape by its keys. Lines that end in a CR alone (classic Mac OS) are
/// lines, as `talklint check` reads them; places in the result are places in `source`. For
/// [`Engine::check`] to judge such a text as `check` does (an `unless` looks in the paragraph
/// around a match, parted by LFs), give both the text [`lines_as_lf`] makes of it. A text with
/// no turns (empty, blank) is a transcript with none, which the engine scores at the base score:
/// `talklint check` skips such a file, and a caller may look at `turns.is_empty()` first.
pub fn parse_transcript(
    source: &str,
    format: Format,
    opts: &ParseOptions,
) -> Result<Parsed, ParseError> {
    transcript::parse(&lines_as_lf(source), format, opts)
}

/// `source` as `talklint check` reads it: each CR that ends a line alone (classic Mac OS line
/// ends, or a stray in a file of LF lines) as an LF, a byte for a byte, so that every place in
/// it is the same place in `source`.
pub fn lines_as_lf(source: &str) -> std::borrow::Cow<'_, str> {
    match utf8_file::lone_cr_as_lf(source) {
        Some(lines) => std::borrow::Cow::Owned(lines),
        None => std::borrow::Cow::Borrowed(source),
    }
}

/// Loads rule files given as `(name, text)`: YAML, or when the name ends in `.json` an AWS Call
/// Analytics category or Google CCAI phrase matcher; with the built-in fillers (`um`, `uh`, …).
/// Every error found is returned, each with its file, line and column. The warnings
/// `talklint check` prints of rules are left out: [`load_rules_warned`] returns them.
pub fn load_rules(files: &[rules::load::RuleFile]) -> Result<RuleSet, Vec<RuleError>> {
    load_rules_warned(files).map(|(set, _)| set)
}

/// As [`load_rules`], with the warnings `talklint check` prints of the rules, each naming its
/// file and place: a phrase word that is a filler, and so is never matched; an emoji in a
/// phrase; a rule that can never report.
pub fn load_rules_warned(
    files: &[rules::load::RuleFile],
) -> Result<(RuleSet, Vec<String>), Vec<RuleError>> {
    let fillers: Vec<String> = text::canon::DEFAULT_FILLERS
        .iter()
        .map(|f| f.to_string())
        .collect();
    rules::load::load(files, &rules::load::Overrides::default(), &fillers)
}

/// The built-in rule pack.
pub fn default_rules() -> RuleSet {
    let files = rules::load::read_sources(&[rules::load::RuleSource::Builtin]).unwrap_or_default();
    // The built-in pack is checked by the test suite, so it always loads.
    load_rules(&files).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An embedder checks what `talklint check` checks: a call of classic Mac OS line ends was
    /// one customer turn, and passed.
    #[test]
    fn lines_that_end_in_a_cr_alone_are_lines() {
        let rules = default_rules();
        let engine = Engine::new(&rules).expect("the default pack compiles");
        let text = &lines_as_lf("Customer: hi\rAgent: please calm down\r");
        let parsed = parse_transcript(text, Format::Text, &ParseOptions::default()).unwrap();
        let t = &parsed.transcripts[0];
        assert_eq!(t.turns.len(), 2);
        let evaluation = engine.check(t, text, &mut Scratch::default());
        let calm = (evaluation.outcomes.iter())
            .find(|o| rules.rules[o.rule].id == "respect/calm-down")
            .expect("the agent's words are judged");
        let (start, end) = calm.written(t.turns[1].text(text)).expect("a match");
        assert_eq!(&t.turns[1].text(text)[start..end], "calm down");
    }

    /// An embedder is told what `talklint check` warns of a rule file: a phrase word that is a
    /// filler, so never matched.
    #[test]
    fn rule_warnings_are_returned_to_an_embedder() {
        let yaml = "rules:\n  - id: t/um\n    phrases: [\"um sure\"]\n";
        let files = [("mine.yaml".to_string(), yaml.into())];
        let (rules, warnings) = load_rules_warned(&files).expect("the rule loads");
        assert_eq!(rules.rules.len(), 1);
        assert!(
            warnings
                .iter()
                .any(|w| w.contains("mine.yaml") && w.contains("um")),
            "{warnings:?}"
        );
    }
}
