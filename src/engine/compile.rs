//! Compiling a rule set: every phrase list of every search (a rule's phrases, its trigger's, its
//! conditions') gets an id in the one matcher, every list asked about only around a match (its
//! `unless` and `near` lists) a local id, and each rule becomes the plain structure evaluation
//! walks.

use super::ListId;
use crate::rules::{
    After, Condition, Count, Find, Kind, Look, Phrase, Rule, RuleSet, Side, Target, Timing, Window,
    Within,
};
use regex::Regex;

/// What evaluation needs of a rule, compiled.
#[derive(Debug, Clone)]
pub(super) struct CompiledRule {
    pub kind: Kind,
    pub min_turns: usize,
    pub points: i32,
    pub max_hits: Option<usize>,
    pub auto_fail: bool,
    pub target: CompiledTarget,
}

#[derive(Debug, Clone)]
pub(super) enum CompiledTarget {
    Find {
        find: CompiledFind,
        after: Option<CompiledAfter>,
    },
    When(CompiledCondition),
}

#[derive(Debug, Clone)]
pub(super) struct CompiledFind {
    pub roles: u8,
    pub look: CompiledLook,
    pub window: Option<Window>,
    pub count: Option<Count>,
}

#[derive(Debug, Clone)]
pub(super) enum CompiledLook {
    Words {
        phrases: ListId,
        /// Looked for in the turns of the matches only.
        unless: Option<usize>,
        /// A search with a window runs its regexes here, in its window's turns only, rather
        /// than in the matcher over every turn: a window of a few turns is far cheaper to search.
        window_regex: Vec<Regex>,
        near: Vec<CompiledNear>,
        not_near: Vec<CompiledNear>,
        /// Only matches in turns labelled with one of these sentiments count.
        sentiment: Option<u8>,
    },
    Timing(Timing),
    /// Turns labelled with one of these sentiments (a bit set of `Sentiment::bit`).
    Sentiment(u8),
}

#[derive(Debug, Clone, Copy)]
pub(super) struct CompiledNear {
    /// A list the matcher looks for only around a hit.
    pub local: usize,
    pub words: usize,
    pub side: Option<Side>,
}

#[derive(Debug, Clone)]
pub(super) struct CompiledAfter {
    pub trigger: CompiledFind,
    pub within: Within,
}

#[derive(Debug, Clone)]
pub(super) enum CompiledCondition {
    Find(CompiledFind),
    All(Vec<CompiledCondition>),
    Any(Vec<CompiledCondition>),
    Not(Box<CompiledCondition>),
}

/// Where a phrase list comes from: its rule, for errors the matcher finds.
#[derive(Debug, Clone, Copy)]
pub(super) struct ListOrigin {
    pub rule: usize,
}

/// A rule set, compiled: the rules, and the phrase lists and regexes the matcher is built from.
pub(super) struct Compiled<'r> {
    pub rules: Vec<CompiledRule>,
    pub lists: Vec<Vec<&'r crate::rules::Pattern>>,
    /// The roles of the turns each list is looked for in.
    pub list_roles: Vec<u8>,
    /// The `near` lists, matched only around a hit.
    pub locals: Vec<Vec<&'r crate::rules::Pattern>>,
    /// The phrase lists' phrases as written, for errors.
    pub texts: Vec<Vec<&'r str>>,
    pub origins: Vec<ListOrigin>,
    pub regexes: Vec<(ListId, Regex)>,
    /// The roles any search listens to: turns of other roles are not matched.
    pub roles: u8,
}

impl<'r> Compiled<'r> {
    pub fn new(set: &'r RuleSet) -> Compiled<'r> {
        let mut c = Compiled {
            rules: Vec::with_capacity(set.rules.len()),
            lists: Vec::new(),
            list_roles: Vec::new(),
            locals: Vec::new(),
            texts: Vec::new(),
            origins: Vec::new(),
            regexes: Vec::new(),
            roles: 0,
        };
        for (r, rule) in set.rules.iter().enumerate() {
            let target = c.target(r, rule);
            c.rules.push(CompiledRule {
                kind: rule.kind,
                min_turns: rule.min_turns,
                points: rule.points,
                max_hits: rule.max_hits,
                auto_fail: rule.auto_fail,
                target,
            });
        }
        c
    }

    fn target(&mut self, r: usize, rule: &'r Rule) -> CompiledTarget {
        match &rule.target {
            Target::Find { find, after } => CompiledTarget::Find {
                find: self.find(r, find),
                after: after.as_ref().map(|a| self.after(r, a)),
            },
            Target::When(condition) => CompiledTarget::When(self.condition(r, condition)),
        }
    }

    fn after(&mut self, r: usize, after: &'r After) -> CompiledAfter {
        CompiledAfter {
            trigger: self.find(r, &after.trigger),
            within: after.within,
        }
    }

    fn condition(&mut self, r: usize, condition: &'r Condition) -> CompiledCondition {
        match condition {
            Condition::Find(find) => CompiledCondition::Find(self.find(r, find)),
            Condition::All(all) => {
                CompiledCondition::All(all.iter().map(|c| self.condition(r, c)).collect())
            }
            Condition::Any(any) => {
                CompiledCondition::Any(any.iter().map(|c| self.condition(r, c)).collect())
            }
            Condition::Not(not) => CompiledCondition::Not(Box::new(self.condition(r, not))),
        }
    }

    fn list(&mut self, r: usize, phrases: &'r [Phrase], roles: u8) -> ListId {
        self.lists
            .push(phrases.iter().map(|p| &p.pattern).collect());
        self.list_roles.push(roles);
        self.texts
            .push(phrases.iter().map(|p| p.text.as_str()).collect());
        self.origins.push(ListOrigin { rule: r });
        (self.lists.len() - 1) as ListId
    }

    /// A list looked for only around a match.
    fn local(&mut self, phrases: &'r [Phrase]) -> usize {
        self.locals
            .push(phrases.iter().map(|p| &p.pattern).collect());
        self.locals.len() - 1
    }

    fn find(&mut self, r: usize, find: &'r Find) -> CompiledFind {
        self.roles |= find.roles;
        let look = match &find.look {
            Look::Timing(t) => CompiledLook::Timing(*t),
            Look::Sentiment(labels) => CompiledLook::Sentiment(*labels),
            Look::Words(words) => {
                let phrases = self.list(r, &words.phrases, find.roles);
                let unless = (!words.unless.is_empty()).then(|| self.local(&words.unless));
                let mut window_regex = Vec::new();
                for re in &words.regex {
                    if find.window.is_some() {
                        window_regex.push(re.compiled.clone());
                    } else {
                        self.regexes.push((phrases, re.compiled.clone()));
                    }
                }
                let mut near = |list: &'r [crate::rules::Near]| -> Vec<CompiledNear> {
                    list.iter()
                        .map(|n| CompiledNear {
                            local: self.local(&n.phrases),
                            words: n.words,
                            side: n.side,
                        })
                        .collect()
                };
                let (near, not_near) = (near(&words.near), near(&words.not_near));
                CompiledLook::Words {
                    phrases,
                    unless,
                    window_regex,
                    near,
                    not_near,
                    sentiment: words.sentiment,
                }
            }
        };
        CompiledFind {
            roles: find.roles,
            look,
            window: find.window,
            count: find.count,
        }
    }
}
