//! Replacements their own rule matches again (SPEC §8): `soon` → `soon (within a day)` would
//! grow on every `--fix` and never settle. Found when the rules load, by checking each
//! replacement with its rule as a turn of its own, and said as a warning: the fix still works
//! once, and the rule's findings stand.

use crate::engine::{Engine, Scratch};
use crate::rules::{Kind, Look, Rule, RuleSet, Target};
use crate::transcript::{Role, Transcript, Turn};

/// A warning for each forbid rule of `rules` (compiled into `engine`) whose `replace:` its own
/// rule would match again, naming the phrase that matches.
pub(crate) fn unsettled(engine: &Engine, rules: &RuleSet) -> Vec<String> {
    let mut scratch = Scratch::default();
    let mut warnings = Vec::new();
    for (r, rule) in rules.rules.iter().enumerate() {
        let (Some(replace), Kind::Forbid) = (&rule.replace, rule.kind) else {
            continue;
        };
        let Some(matched) = match_in(engine, r, replace, &mut scratch) else {
            continue;
        };
        // A fix over it would read as it, and is no fix: that settles. A replacement with a
        // case of its own matched as it is written is text the rule flags already right.
        if super::reads_as(replace, &matched) {
            if super::case::own_case(replace) {
                let o = &rule.origin;
                warnings.push(format!(
                    "{}:{}:{}: rule `{}`: it matches its replacement “{replace}” as written, in \
                     any case, so text already written so is flagged too; to flag only other \
                     casings, write a case-sensitive `regex:` (`(?-i)\\b…\\b`)",
                    o.file, o.line, o.column, rule.id
                ));
            }
            continue;
        }
        let by = match phrase_matching(rule, rules, replace) {
            Some(phrase) => format!("its phrase `{phrase}`"),
            None => "the rule".into(),
        };
        let o = &rule.origin;
        warnings.push(format!(
            "{}:{}:{}: rule `{}`: {by} matches “{matched}” in its replacement “{replace}”, so each \
             `--fix` would replace it again and the text would never settle; write a replacement \
             the rule does not match, or add the replacement's wording to `unless`",
            o.file, o.line, o.column, rule.id
        ));
    }
    warnings
}

/// What rule `r` of `engine` matches first in `text` read as one turn anyone may say.
fn match_in(engine: &Engine, r: usize, text: &str, scratch: &mut Scratch) -> Option<String> {
    let turn = Turn::new(Role::Any, None, 0..text.len());
    let transcript = Transcript {
        id: None,
        turns: vec![turn],
        warnings: Vec::new(),
        agent_guessed: false,
    };
    let outcomes = engine.check_rule(r, &transcript, text, scratch)?;
    let (start, end) = outcomes.iter().find_map(|o| o.range)?;
    text.get(start..end).map(str::to_string)
}

/// The first of `rule`'s phrases that matches in `text` on its own (as written in the rule
/// file), found by compiling the rule with that phrase alone; `None` when none does (a regex
/// matched).
fn phrase_matching(rule: &Rule, rules: &RuleSet, text: &str) -> Option<String> {
    let Target::Find { find, .. } = &rule.target else {
        return None;
    };
    let Look::Words(words) = &find.look else {
        return None;
    };
    let mut scratch = Scratch::default();
    words.phrases.iter().find_map(|phrase| {
        let mut alone = rule.clone();
        if let Target::Find { find, .. } = &mut alone.target
            && let Look::Words(words) = &mut find.look
        {
            words.phrases = vec![phrase.clone()];
            words.regex.clear();
        }
        let set = RuleSet {
            rules: vec![alone],
            fillers: rules.fillers.clone(),
            lexicons: rules.lexicons.clone(),
            disabled: Vec::new(),
        };
        let engine = Engine::new(&set).ok()?;
        match_in(&engine, 0, text, &mut scratch).map(|_| phrase.text.clone())
    })
}
