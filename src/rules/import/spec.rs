//! Imported categories as the spec data a YAML rule file gives (`RuleSpec`, `ConditionSpec`),
//! so that loading checks and compiles them like any rule and the engine needs no change.

use super::{Category, Cond, Imported, Look, Search, Test, Window};
use crate::rules::schema::{
    ConditionSpec, Kind, OneOrMany, PackSpec, PercentOfSpec, RuleSpec, Speaker, TimingSpec,
    WindowSpec,
};
use crate::text::lines::LineCursor;

impl Imported {
    /// The rule specs, as a YAML rule file of them would give.
    pub(crate) fn pack(&self, source: &str) -> PackSpec {
        PackSpec {
            pack: None,
            version: None,
            description: None,
            lexicons: Default::default(),
            rules: self.categories.iter().map(|c| c.spec(source)).collect(),
        }
    }

    /// Line and column of each category's name, then of each left-out category's reason, in
    /// `text` (the file's): one pass over the file, however many categories it holds.
    pub(crate) fn places(&self, text: &str) -> Vec<(usize, usize)> {
        let offsets: Vec<usize> = self
            .categories
            .iter()
            .map(|c| c.at)
            .chain(self.skipped.iter().map(|s| s.at))
            .collect();
        let mut order: Vec<usize> = (0..offsets.len()).collect();
        order.sort_by_key(|&i| offsets[i]);
        let mut cursor = LineCursor::new(text);
        let mut out = vec![(1, 1); offsets.len()];
        for i in order {
            out[i] = cursor.position(offsets[i]);
        }
        out
    }
}

impl Category {
    /// What the rule's `description` says.
    pub(crate) fn description(&self, source: &str) -> String {
        format!("{}, imported from {source}", self.vendor.label(&self.name))
    }

    fn spec(&self, source: &str) -> RuleSpec {
        RuleSpec {
            id: self.id.clone(),
            kind: Kind::Tag,
            severity: None,
            speaker: Some(OneOrMany::One(Speaker::Any)),
            phrases: Vec::new(),
            regex: OneOrMany::default(),
            unless: None,
            window: None,
            near: None,
            not_near: None,
            after: None,
            when: Some(self.when.spec()),
            timing: None,
            sentiment: None,
            count: None,
            min_turns: None,
            points: None,
            max_hits: None,
            auto_fail: false,
            message: None,
            suggestion: None,
            replace: None,
            link: None,
            description: Some(self.description(source)),
            examples: None,
        }
    }
}

impl Cond {
    fn spec(&self) -> ConditionSpec {
        let list = |items: &[Cond]| Some(items.iter().map(Cond::spec).collect());
        match &self.test {
            Test::All(items) => ConditionSpec {
                all: list(items),
                ..Default::default()
            },
            Test::Any(items) => ConditionSpec {
                any: list(items),
                ..Default::default()
            },
            Test::Not(inner) => ConditionSpec {
                not: Some(Box::new(inner.spec())),
                ..Default::default()
            },
            Test::Search(s) => s.spec(),
        }
    }
}

impl Search {
    fn spec(&self) -> ConditionSpec {
        let speaker = match self.speaker.as_slice() {
            [one] => OneOrMany::One(*one),
            many => OneOrMany::Many(many.to_vec()),
        };
        let mut c = ConditionSpec {
            speaker: Some(speaker),
            window: self.window.map(Window::spec),
            ..Default::default()
        };
        match &self.look {
            Look::Words { phrases, regex } => {
                c.phrases = Some(phrases.clone()).filter(|p| !p.is_empty());
                c.regex = Some(OneOrMany::Many(regex.clone())).filter(|_| !regex.is_empty());
            }
            Look::Silence(s) => {
                c.timing = Some(TimingSpec {
                    silence_seconds: Some(*s),
                    ..Default::default()
                })
            }
            Look::InterruptsTotal(s) => {
                c.timing = Some(TimingSpec {
                    interrupts_total_seconds: Some(*s),
                    ..Default::default()
                })
            }
        }
        c
    }
}

impl Window {
    /// The window as a rule file writes it; a vendor's percent is of the media (AWS measures a
    /// `RelativeTimeRange` from the start of the media file).
    fn spec(self) -> WindowSpec {
        let mut w = WindowSpec::default();
        match self {
            Window::BetweenSeconds(a, b) => w.between_seconds = Some([a, b]),
            Window::LastSeconds(s) => w.last_seconds = Some(s),
            Window::FirstPercent(p) => w.first_percent = Some(p),
            Window::LastPercent(p) => w.last_percent = Some(p),
            Window::BetweenPercent(a, b) => w.between_percent = Some([a, b]),
        }
        if self.is_percent() {
            w.percent_of = Some(PercentOfSpec::Media);
        }
        w
    }

    /// Whether it is a share of the media, in percent.
    pub(super) fn is_percent(self) -> bool {
        matches!(
            self,
            Window::FirstPercent(_) | Window::LastPercent(_) | Window::BetweenPercent(..)
        )
    }
}
