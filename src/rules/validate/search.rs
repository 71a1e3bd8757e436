//! Checks the parts of a rule that say what it looks for: phrases, regexes, windows, proximity,
//! counts, timing, sequences and conditions. Each error points at the text it is about.

use super::super::Phrase;
use super::super::double_quoted::char_written_at;
use super::super::error::{RuleError, SourceFile, excerpt};
use super::super::lexicon::Lexicons;
use super::super::model::{After, Condition, Count, Find, Look, Near, Side, Window, Within, Words};
use super::super::phrase;
use super::super::schema::{
    AfterSpec, ConditionSpec, CountSpec, NearSpec, OneOrMany, SideSpec, Speaker, WindowSpec,
};
use super::measures::Measure;
use super::values::window;

/// What checking one rule needs: where it is written, and how phrases are read.
pub(super) struct Checker<'a> {
    pub file: &'a SourceFile<'a>,
    /// Byte offset of the rule's id in the file: errors are searched for from there, or from
    /// the place of the mapping checked (see [`Checker::from`]).
    pub at: usize,
    /// The mapping checked, from the rule's: `(key, item)` steps to a condition, an `after`
    /// (see [`super::keys`]). It is found in the text only for an error.
    pub path: Vec<(&'static str, Option<usize>)>,
    pub fillers: &'a [String],
    pub lexicons: &'a Lexicons,
}

/// The phrase syntax, for hints.
const PHRASE_HINT: &str = "phrases are words with `(a|b)` alternatives, `[opt]` optional words, `*` for one word, `word*` for a stem and `{lexicon}` slots; fillers (um, uh, …) are ignored";

impl Checker<'_> {
    /// An error at the first `text` written after the rule's id or the condition's start.
    pub fn fail_written(&self, text: &str, message: String, hint: &str) -> RuleError {
        self.file
            .error_at(self.from(), text, message, Some(hint.to_string()))
    }

    pub fn phrases(&self, list: &[String], key: &str) -> Result<Vec<Phrase>, RuleError> {
        let mut out = Vec::with_capacity(list.len());
        for p in list {
            if let Some(address) = crate::text::links::first(p) {
                // A turn's address reads as one word, which no phrase's words spell.
                let hint = format!(
                    "an address reads as one word (`link` for a web address): match `{}` with \
                     a `regex:` instead",
                    &p[address]
                );
                let message = format!(
                    "{key} \"{}\" holds a web or e-mail address, which a phrase never matches",
                    excerpt(p)
                );
                return Err(self.fail_written(p, message, &hint));
            }
            let parsed = phrase::parse(p, self.fillers, &mut |name: &str| self.lexicons.get(name));
            match parsed {
                Ok(pattern) => out.push(Phrase {
                    text: p.clone(),
                    pattern,
                }),
                Err(e) => {
                    let message = format!("{key} \"{}\": {}", excerpt(p), e.message);
                    // At its character, as a double-quoted string writes it (escapes too).
                    if let Some(at) = char_written_at(self.file.text, self.from(), p, e.at) {
                        return Err(self.file.error_here(at, message, Some(PHRASE_HINT.into())));
                    }
                    let mut err = self.fail_written(p, message, PHRASE_HINT);
                    if self.file.text[self.from()..].contains(p.as_str()) {
                        err.column += p.chars().take(e.at).count();
                    }
                    return Err(err);
                }
            }
        }
        Ok(out)
    }

    /// The roles a `speaker` value stands for, else `default`. An empty list is an error: it
    /// named no speaker, and its rule never fired.
    pub fn roles(
        &self,
        speaker: Option<&OneOrMany<Speaker>>,
        default: u8,
    ) -> Result<u8, RuleError> {
        match speaker {
            None => Ok(default),
            Some(OneOrMany::Many(list)) if list.is_empty() => Err(self.fail(
                "speaker",
                "`speaker: []` names no speaker, so nothing could ever match".into(),
                "name one (`speaker: customer`) or a list (`speaker: [agent, bot]`), or leave `speaker` out for the default",
            )),
            Some(s) => Ok(s.clone().into_vec().iter().fold(0, |acc, s| acc | s.roles())),
        }
    }

    pub fn window(&self, spec: Option<&WindowSpec>) -> Result<Option<Window>, RuleError> {
        spec.map(|w| {
            window(w).map_err(|e| {
                let hint = match e.key {
                    "window" | "percent_of" => "write one of `first_turns: N`, `last_turns: N`, `first_seconds: S`, `last_seconds: S`, `first_percent: P`, `last_percent: P`, `between_seconds: [A, B]`, `between_percent: [A, B]` (a percent one may add `percent_of: media` or `call`)".to_string(),
                    "between_seconds" => "write the start and end seconds, such as `between_seconds: [0, 30]`".to_string(),
                    "between_percent" => "write the start and end percent, such as `between_percent: [40, 60]`".to_string(),
                    key if key.ends_with("percent") => format!("write a percent of the call from 1 to 100, such as `{key}: 10`"),
                    key if key.ends_with("seconds") => format!("write the seconds as a number above 0, such as `{key}: 30`"),
                    key => format!("write a whole number of turns, 1 or more, such as `{key}: 2`"),
                };
                match e.key {
                    "window" => self.fail("window", e.message, &hint),
                    "percent_of" => self.fail_in(&["window", "percent_of"], e.message, &hint),
                    key => self.fail_value(&["window", key], e.message, &hint),
                }
            })
        })
        .transpose()
    }

    pub fn near(
        &self,
        spec: Option<&OneOrMany<NearSpec>>,
        key: &str,
    ) -> Result<Vec<Near>, RuleError> {
        let specs = spec.map_or_else(Vec::new, |s| s.clone().into_vec());
        specs
            .iter()
            .map(|spec| {
                if spec.phrases.is_empty() {
                    return Err(self.fail(
                        key,
                        format!("`{key}` has no phrases"),
                        "write `{phrases: [...], words: N}`, or a list of them",
                    ));
                }
                Ok(Near {
                    phrases: self.phrases(&spec.phrases, &format!("{key} phrase"))?,
                    words: spec.words,
                    side: spec.side.map(|s| match s {
                        SideSpec::Before => Side::Before,
                        SideSpec::After => Side::After,
                    }),
                })
            })
            .collect()
    }

    pub fn count(&self, spec: Option<&CountSpec>) -> Result<Option<Count>, RuleError> {
        let Some(spec) = spec else { return Ok(None) };
        let count = Count {
            min: spec.min.unwrap_or(1),
            max: spec.max,
        };
        let (message, hint) = match (spec.min, spec.max) {
            (None, None) => (
                "a count needs `min`, `max` or both".to_string(),
                "write `count: {min: 2}`, `count: {max: 3}` or both".to_string(),
            ),
            (None, Some(max)) if max < count.min => (
                format!("`count: {{max: {max}}}` never holds: `min` defaults to 1, above `max`"),
                "write `max: 1` or more; to hold when there is no match at all, write \
                 `count: {min: 0, max: 0}` or `not: {phrases: [...]}` in a `when` (a `forbid` \
                 rule without `count` reports every match)"
                    .to_string(),
            ),
            (Some(min), Some(max)) if max < min => (
                format!("`count` has `min: {min}` above `max: {max}`: it never holds"),
                format!("write a `max` of {min} or more, or a `min` of {max} or less"),
            ),
            _ => return Ok(Some(count)),
        };
        // The error is about the value of `max` when one is given.
        match spec.max {
            Some(_) => Err(self.fail_value(&["count", "max"], message, &hint)),
            None => Err(self.fail("count", message, &hint)),
        }
    }

    /// A search from the keys a rule and a condition share.
    #[expect(
        clippy::too_many_arguments,
        reason = "the keys of a search, as written"
    )]
    pub fn find(
        &self,
        roles: u8,
        phrases: &[String],
        regex: &OneOrMany<String>,
        unless: Option<&[String]>,
        near: Option<&OneOrMany<NearSpec>>,
        not_near: Option<&OneOrMany<NearSpec>>,
        measure: Measure,
        window: Option<&WindowSpec>,
        count: Option<&CountSpec>,
    ) -> Result<Find, RuleError> {
        if unless.is_some_and(<[String]>::is_empty) {
            return Err(self.fail(
                "unless",
                "`unless: []` lists no phrase, so it never drops a hit".into(),
                "list the phrases whose turn drops a hit (`unless: [\"if you like\"]`), or remove `unless`",
            ));
        }
        for (list, key) in [(near, "near"), (not_near, "not_near")] {
            if matches!(list, Some(OneOrMany::Many(l)) if l.is_empty()) {
                return Err(self.fail(
                    key,
                    format!("`{key}: []` lists no condition, so it never judges a hit"),
                    &format!(
                        "write the phrases to look for near each hit (`{key}: {{phrases: [\"refund\"], words: 8}}`), or remove `{key}`"
                    ),
                ));
            }
        }
        let unless = unless.unwrap_or_default();
        let words = [
            (!phrases.is_empty(), "phrases"),
            (!regex.clone().into_vec().is_empty(), "`regex`"),
            (!unless.is_empty(), "`unless`"),
            (near.is_some(), "`near`"),
            (not_near.is_some(), "`not_near`"),
        ];
        let searches_words = words[0].0 || words[1].0;
        let with = words.iter().find(|(set, _)| *set).map(|(_, name)| *name);
        // A timing measure looks at times, not at words nor labels.
        if measure.timing.is_some() {
            let other = measure.sentiment.is_some().then_some("`sentiment`");
            if let Some(with) = with.or(other) {
                return Err(self.fail(
                    "timing",
                    format!("`timing` cannot be combined with {with} in one search: it measures times, not words nor labels"),
                    &format!("put the timing and the {} in two conditions of `when: {{all: [...]}}`", with.trim_matches('`')),
                ));
            }
        }
        // Phrases and a sentiment are one turn's (the phrase in a turn so labelled); `unless`
        // and `near` judge a phrase's match, which a search of labelled turns alone has not.
        if let (Some(_), Some(with), false) = (measure.sentiment, with, searches_words) {
            // Placed at the key that has nothing to judge, which is the one to remove.
            return Err(self.fail(
                with.trim_matches('`'),
                format!("`sentiment` with {with} but no phrases or `regex`: {with} judges a phrase's match, and this search matches whole turns"),
                &format!("add the `phrases` to look for in the labelled turns (both in one search are one turn's), or remove {with}"),
            ));
        }
        let sentiment = measure.sentiment.map(|s| self.sentiment(s)).transpose()?;
        let look = match (measure.timing, sentiment) {
            (Some(t), _) => Look::Timing(self.timing(t, roles)?),
            (None, Some(labels)) if !searches_words => Look::Sentiment(labels),
            (None, sentiment) => Look::Words(Words {
                phrases: self.phrases(phrases, "phrase")?,
                regex: self.regexes(regex)?,
                unless: self.phrases(unless, "unless phrase")?,
                near: self.near(near, "near")?,
                not_near: self.near(not_near, "not_near")?,
                sentiment,
            }),
        };
        Ok(Find {
            roles,
            look,
            window: self.window(window)?,
            count: self.count(count)?,
        })
    }

    pub fn after(&self, spec: &AfterSpec, rule_roles: u8) -> Result<After, RuleError> {
        // The other party by default: the customer for a rule of the company's side (agents,
        // bots, or both), the agent for a customer rule.
        let (agent, customer) = (Speaker::Agent.roles(), Speaker::Customer.roles());
        let company = agent | Speaker::Bot.roles();
        let default = match rule_roles {
            r if r != 0 && r & !company == 0 => customer,
            r if r == customer => agent,
            _ => Speaker::Any.roles(),
        };
        // The trigger's keys are the `after` mapping's.
        let inner = self.child("after", None);
        let roles = inner.roles(spec.speaker.as_ref(), default)?;
        let trigger = inner.find(
            roles,
            &spec.phrases,
            &spec.regex,
            None,
            None,
            None,
            Measure::default(),
            None,
            None,
        )?;
        if matches!(&trigger.look, Look::Words(w) if w.phrases.is_empty() && w.regex.is_empty()) {
            return Err(self.fail(
                "after",
                "`after` has no trigger: give it `phrases` or `regex`".into(),
                "write `after: {speaker: customer, phrases: [...], within_turns: 2}`",
            ));
        }
        let within = match (spec.within_turns, spec.within_seconds) {
            (Some(n), None) if n > 0 => Within::Turns(n),
            (None, Some(s)) if s.is_finite() && s > 0.0 => {
                Within::Millis((s * 1000.0).round() as u64)
            }
            (Some(_), Some(_)) => return Err(self.fail_in(
                &["after", "within_seconds"],
                "`after` has both `within_turns` and `within_seconds`: it takes exactly one of them, not both".into(),
                "keep `within_turns: N` to count the speaker's next turns, or `within_seconds: S` to count time from the trigger turn's end",
            )),
            (Some(_), None) => return Err(self.fail_value(
                &["after", "within_turns"],
                "`within_turns: 0` holds no turn: an answer needs 1 or more".into(),
                "write `within_turns: 2` for the next two turns of the rule's speaker",
            )),
            (None, Some(s)) => return Err(self.fail_value(
                &["after", "within_seconds"],
                format!("`within_seconds: {s}` is not a number of seconds above 0"),
                "write the seconds as a number above 0, such as `within_seconds: 30`",
            )),
            (None, None) => return Err(self.fail(
                "after",
                "`after` needs exactly one of `within_turns: N` (N > 0) or `within_seconds: S` (S > 0)"
                    .into(),
                "write `within_turns: 2` for the next two turns of the rule's speaker",
            )),
        };
        Ok(After { trigger, within })
    }

    /// A `when` condition; a condition without `speaker` takes `roles`, the rule's.
    pub fn condition(&self, spec: &ConditionSpec, roles: u8) -> Result<Condition, RuleError> {
        // A condition read from YAML was checked at its place; one built in code is here.
        if let Some(e) = spec.shape_error() {
            return Err(self.fail("when", e.message, e.hint));
        }
        // Each condition is checked at its own place, so its errors are placed in it.
        let list =
            |key: &'static str, items: &[ConditionSpec]| -> Result<Vec<Condition>, RuleError> {
                (items.iter().enumerate())
                    .map(|(i, c)| self.child(key, Some(i)).condition(c, roles))
                    .collect()
            };
        if let Some(all) = &spec.all {
            return Ok(Condition::All(list("all", all)?));
        }
        if let Some(any) = &spec.any {
            return Ok(Condition::Any(list("any", any)?));
        }
        if let Some(not) = &spec.not {
            let inner = self.child("not", None).condition(not, roles)?;
            return Ok(Condition::Not(Box::new(inner)));
        }
        let find = self.find(
            self.roles(spec.speaker.as_ref(), roles)?,
            spec.phrases.as_deref().unwrap_or_default(),
            spec.regex.as_ref().unwrap_or(&OneOrMany::default()),
            spec.unless.as_deref(),
            spec.near.as_ref(),
            spec.not_near.as_ref(),
            Measure {
                timing: spec.timing.as_ref(),
                sentiment: spec.sentiment.as_ref(),
            },
            spec.window.as_ref(),
            spec.count.as_ref(),
        )?;
        Ok(Condition::Find(find))
    }
}
