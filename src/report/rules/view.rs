//! A rule as the listings show it: every key it was written with, in the words of the rule file,
//! one serializable shape that the JSON listing prints as it is and the others render.

use super::measures::{TimingView, WindowView};
use crate::rules::{
    After, Condition, Count, Find, Kind, Look, Near, Phrase, Rule, Severity, Side, Target, Within,
};
use crate::transcript::{Role, Sentiment};
use serde::Serialize;

#[derive(Serialize)]
pub(super) struct RuleView<'a> {
    pub id: &'a str,
    pub category: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<&'a str>,
    pub kind: Kind,
    pub severity: Severity,
    pub speaker: Vec<&'static str>,
    pub points: i32,
    pub max_hits: Option<usize>,
    pub auto_fail: bool,
    pub window: Option<WindowView>,
    pub phrases: Vec<&'a str>,
    pub regex: Vec<&'a str>,
    pub unless: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub near: Vec<NearView<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_near: Vec<NearView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<CountView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timing: Option<TimingView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<AfterView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<ConditionView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_turns: Option<usize>,
    pub message: &'a str,
    pub suggestion: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replace: Option<&'a str>,
    pub link: Option<&'a str>,
    pub origin: String,
}

#[derive(Serialize)]
pub(super) struct NearView<'a> {
    pub phrases: Vec<&'a str>,
    pub words: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub side: Option<&'static str>,
}

#[derive(Serialize)]
pub(super) struct CountView {
    pub min: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<usize>,
}

#[derive(Serialize)]
pub(super) struct AfterView<'a> {
    pub speaker: Vec<&'static str>,
    pub phrases: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub regex: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within_turns: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub within_seconds: Option<f64>,
}

/// A condition: a group, or a search with its own keys.
#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum ConditionView<'a> {
    All(Vec<ConditionView<'a>>),
    Any(Vec<ConditionView<'a>>),
    Not(Box<ConditionView<'a>>),
    #[serde(untagged)]
    Search(Box<SearchView<'a>>),
}

#[derive(Serialize)]
pub(super) struct SearchView<'a> {
    pub speaker: Vec<&'static str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub phrases: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub regex: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub unless: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub near: Vec<NearView<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub not_near: Vec<NearView<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub window: Option<WindowView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timing: Option<TimingView>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentiment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<CountView>,
}

/// The names of the roles in a role set: `any` for every role (`speaker: any`).
pub fn speakers(roles: u8) -> Vec<&'static str> {
    let names: Vec<&'static str> = Role::ALL
        .iter()
        .filter(|r| r.bit() & roles != 0)
        .map(|r| r.name())
        .collect();
    match names.len() == Role::ALL.len() {
        true => vec!["any"],
        false => names,
    }
}

fn texts(phrases: &[Phrase]) -> Vec<&str> {
    phrases.iter().map(|p| p.text.as_str()).collect()
}

fn near(list: &[Near]) -> Vec<NearView<'_>> {
    list.iter()
        .map(|n| NearView {
            phrases: texts(&n.phrases),
            words: n.words,
            side: n.side.map(|s| match s {
                Side::Before => "before",
                Side::After => "after",
            }),
        })
        .collect()
}

fn count(c: Option<Count>) -> Option<CountView> {
    c.map(|c| CountView {
        min: c.min,
        max: c.max,
    })
}

fn search(find: &Find) -> SearchView<'_> {
    let (words, timing, sentiment) = match &find.look {
        Look::Words(w) => (Some(w), None, w.sentiment.map(Sentiment::describe)),
        Look::Timing(t) => (None, Some(TimingView(*t)), None),
        Look::Sentiment(labels) => (None, None, Some(Sentiment::describe(*labels))),
    };
    SearchView {
        speaker: speakers(find.roles),
        phrases: words.map_or_else(Vec::new, |w| texts(&w.phrases)),
        regex: words.map_or_else(Vec::new, |w| {
            w.regex.iter().map(|r| r.written.as_str()).collect()
        }),
        unless: words.map_or_else(Vec::new, |w| texts(&w.unless)),
        near: words.map_or_else(Vec::new, |w| near(&w.near)),
        not_near: words.map_or_else(Vec::new, |w| near(&w.not_near)),
        window: find.window.map(WindowView),
        timing,
        sentiment,
        count: count(find.count),
    }
}

fn condition(c: &Condition) -> ConditionView<'_> {
    match c {
        Condition::Find(find) => ConditionView::Search(Box::new(search(find))),
        Condition::All(all) => ConditionView::All(all.iter().map(condition).collect()),
        Condition::Any(any) => ConditionView::Any(any.iter().map(condition).collect()),
        Condition::Not(not) => ConditionView::Not(Box::new(condition(not))),
    }
}

fn after(a: &After) -> AfterView<'_> {
    let s = search(&a.trigger);
    AfterView {
        speaker: s.speaker,
        phrases: s.phrases,
        regex: s.regex,
        within_turns: match a.within {
            Within::Turns(n) => Some(n),
            Within::Millis(_) => None,
        },
        within_seconds: match a.within {
            Within::Millis(ms) => Some(ms as f64 / 1000.0),
            Within::Turns(_) => None,
        },
    }
}

impl<'a> RuleView<'a> {
    pub fn of(r: &'a Rule) -> RuleView<'a> {
        let (find, after_view, when) = match &r.target {
            Target::Find { find, after: a } => (Some(search(find)), a.as_ref().map(after), None),
            Target::When(c) => (None, None, Some(condition(c))),
        };
        let find = find.unwrap_or(SearchView {
            speaker: Vec::new(),
            phrases: Vec::new(),
            regex: Vec::new(),
            unless: Vec::new(),
            near: Vec::new(),
            not_near: Vec::new(),
            window: None,
            timing: None,
            sentiment: None,
            count: None,
        });
        RuleView {
            id: &r.id,
            category: &r.category,
            description: r.description.as_deref(),
            kind: r.kind,
            severity: r.severity,
            speaker: speakers(r.roles),
            points: r.points,
            max_hits: r.max_hits,
            auto_fail: r.auto_fail,
            window: find.window,
            phrases: find.phrases,
            regex: find.regex,
            unless: find.unless,
            near: find.near,
            not_near: find.not_near,
            count: find.count,
            timing: find.timing,
            sentiment: find.sentiment,
            after: after_view,
            when,
            min_turns: (r.kind == Kind::Require).then_some(r.min_turns),
            message: &r.message,
            suggestion: r.suggestion.as_deref(),
            replace: r.replace.as_deref(),
            link: r.link.as_deref(),
            origin: format!("{}:{}:{}", r.origin.file, r.origin.line, r.origin.column),
        }
    }
}
