//! `talklint rules`: the loaded rules as a table, one rule in detail, JSON, their phrases'
//! expansions, or the Markdown reference docs (the repository keeps the default pack's as
//! `docs/rules.md`).

mod flow;
mod measures;
mod view;
pub use view::speakers;

use crate::rules::phrase::Token;
use crate::rules::{Condition, Find, Look, Phrase, Rule, RuleSet, Target};
use crate::text::controls::escape_controls;
use view::RuleView;

/// One line per rule: id, kind, severity, speaker, points.
pub fn table(rules: &[&Rule]) -> String {
    let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(2).max(2);
    let speakers: Vec<String> = rules
        .iter()
        .map(|r| view::speakers(r.roles).join(","))
        .collect();
    let said = speakers.iter().map(String::len).max().unwrap_or(0).max(7);
    let mut out = format!(
        "{:width$}  {:7}  {:8}  {:said$}  {:>6}\n",
        "ID", "KIND", "SEVERITY", "SPEAKER", "POINTS"
    );
    for (r, speaker) in rules.iter().zip(speakers) {
        out.push_str(&format!(
            "{:width$}  {:7}  {:8}  {speaker:said$}  {:>6}\n",
            r.id,
            r.kind.name(),
            r.severity.name(),
            format!("{:+}", r.points)
        ));
    }
    out.push_str(&format!(
        "{}\n",
        crate::report::plural(rules.len(), "rule", "rules")
    ));
    out
}

/// Every word sequence each rule's phrases expand to, one per line: `id<TAB>key<TAB>words`,
/// `key` the place of the phrase (`phrase`, `unless`, `near`, `not_near`, `trigger`,
/// `condition`). Shows a rule author what `(a|b)`, `[opt]` and `{lexicon}` became, and gives other
/// tools (the benchmark's ripgrep) the literal phrases talklint looks for. A phrase that stands
/// for more than [`LISTED_VARIANTS`] sequences lists that many.
pub fn expansions(rules: &[&Rule]) -> String {
    let mut out = String::new();
    for r in rules {
        for (key, list) in phrase_lists(r) {
            for p in list {
                for variant in p.pattern.variants(LISTED_VARIANTS) {
                    let words: Vec<String> = variant
                        .iter()
                        .map(|t| match t {
                            Token::Word(w) => w.clone(),
                            Token::Stem(w) => format!("{w}*"),
                            Token::Any => "*".into(),
                            Token::End => "$".into(),
                        })
                        .collect();
                    out.push_str(&format!("{}\t{key}\t{}\n", r.id, words.join(" ")));
                }
            }
        }
    }
    out
}

/// The most sequences listed per phrase.
pub const LISTED_VARIANTS: usize = 20_000;

/// The phrases [`expansions`] lists only the first [`LISTED_VARIANTS`] distinct sequences of:
/// each once a rule, with its rule's id and the keys it is written under, as a rule file writes
/// them (`phrases`, `after`, `when`, where the listing's column says `phrase`, `trigger`,
/// `condition`).
pub fn cut_short<'r>(rules: &[&'r Rule]) -> Vec<(&'r str, &'r str, Vec<&'static str>)> {
    let mut cut: Vec<(&str, &str, Vec<&str>)> = Vec::new();
    for r in rules {
        for (key, list) in phrase_lists(r) {
            // Counted without expanding first: most phrases stand for a few sequences.
            let long = list
                .iter()
                .filter(|p| p.pattern.variant_count() > LISTED_VARIANTS);
            for p in
                long.filter(|p| p.pattern.variants(LISTED_VARIANTS + 1).len() > LISTED_VARIANTS)
            {
                let written = match key {
                    "phrase" => "phrases",
                    "trigger" => "after",
                    "condition" => "when",
                    other => other,
                };
                match cut
                    .iter_mut()
                    .find(|(id, text, _)| *id == r.id && *text == p.text)
                {
                    Some((_, _, keys)) => keys.push(written),
                    None => cut.push((&r.id, &p.text, vec![written])),
                }
            }
        }
    }
    cut
}

/// Every phrase list of a rule, with the key it is written under.
fn phrase_lists(r: &Rule) -> Vec<(&'static str, &[Phrase])> {
    fn of_find<'r>(key: &'static str, find: &'r Find, out: &mut Vec<(&'static str, &'r [Phrase])>) {
        if let Look::Words(w) = &find.look {
            out.push((key, &w.phrases));
            out.push(("unless", &w.unless));
            out.extend(w.near.iter().map(|n| ("near", n.phrases.as_slice())));
            out.extend(
                w.not_near
                    .iter()
                    .map(|n| ("not_near", n.phrases.as_slice())),
            );
        }
    }
    fn of_condition<'r>(c: &'r Condition, out: &mut Vec<(&'static str, &'r [Phrase])>) {
        match c {
            Condition::Find(find) => of_find("condition", find, out),
            Condition::All(list) | Condition::Any(list) => {
                list.iter().for_each(|c| of_condition(c, out))
            }
            Condition::Not(c) => of_condition(c, out),
        }
    }
    let mut out = Vec::new();
    match &r.target {
        Target::Find { find, after } => {
            of_find("phrase", find, &mut out);
            if let Some(a) = after {
                of_find("trigger", &a.trigger, &mut out);
            }
        }
        Target::When(c) => of_condition(c, &mut out),
    }
    out.retain(|(_, list)| !list.is_empty());
    out
}

/// Everything about one rule.
pub fn detail(r: &Rule) -> String {
    let v = RuleView::of(r);
    let mut out = format!("{}\n", r.id);
    // What a rule file writes reaches the terminal with its control characters escaped; a value
    // of lines (a `description: |` block) goes on below its first, under it.
    let mut field = |k: &str, v: String| {
        let v = escape_controls(v.trim_end()).replace('\n', "\n              ");
        // A blank line of the value is left blank, not 14 spaces.
        let v = v.replace("              \n", "\n");
        out.push_str(&format!("  {k:11} {v}\n"));
    };
    if let Some(d) = &r.description {
        field("description", d.clone());
    }
    field("kind", r.kind.name().into());
    field("severity", r.severity.name().into());
    field("speaker", v.speaker.join(", "));
    field("points", format!("{:+}", r.points));
    if let Some(m) = r.max_hits {
        field("max_hits", m.to_string());
    }
    if r.auto_fail {
        field("auto_fail", "yes".into());
    }
    if let Some(w) = &v.window {
        field("window", w.to_string());
    }
    if let Some(n) = v.min_turns {
        field("min_turns", n.to_string());
    }
    for (key, value) in facts(&v) {
        field(key, value);
    }
    field("message", r.message.clone());
    if let Some(s) = &r.suggestion {
        field("suggestion", s.clone());
    }
    if let Some(s) = &r.replace {
        field("replace", s.clone());
    }
    if let Some(l) = &r.link {
        field("link", l.clone());
    }
    field("defined at", v.origin.clone());
    for p in &v.phrases {
        field("phrase", p.to_string());
    }
    for re in &v.regex {
        field("regex", re.to_string());
    }
    for p in &v.unless {
        field("unless", p.to_string());
    }
    // Its examples, as `talklint test` runs them: what a rule is for, shown as ruff shows it.
    for (key, examples) in [("hit", &r.examples.hit), ("clean", &r.examples.clean)] {
        for e in examples {
            field(key, e.clone());
        }
    }
    out
}

/// The second-edition keys of a rule, each on one line as a rule file would write it (YAML's
/// flow style: `{all: [{speaker: [customer], phrases: ["{cancel}"]}]}`).
fn facts(v: &RuleView) -> Vec<(&'static str, String)> {
    let mut facts = Vec::new();
    for n in &v.near {
        facts.push(("near", flow(n)));
    }
    for n in &v.not_near {
        facts.push(("not_near", flow(n)));
    }
    if let Some(c) = &v.count {
        facts.push(("count", flow(c)));
    }
    if let Some(t) = &v.timing {
        facts.push(("timing", t.to_string()));
    }
    if let Some(s) = &v.sentiment {
        facts.push(("sentiment", s.clone()));
    }
    if let Some(a) = &v.after {
        facts.push(("after", flow(a)));
    }
    if let Some(w) = &v.when {
        facts.push(("when", flow(w)));
    }
    facts
}

/// A rule part written as YAML flow.
fn flow(value: &impl serde::Serialize) -> String {
    serde_json::to_string(value).map_or_else(|_| String::new(), |json| flow::yaml(&json))
}

/// The rules as a JSON array.
pub fn json(rules: &[&Rule]) -> String {
    let list: Vec<RuleView> = rules.iter().map(|r| RuleView::of(r)).collect();
    let mut s = serde_json::to_string_pretty(&list).unwrap_or_default();
    s.push('\n');
    s
}

/// The rule reference as Markdown: the lexicons, a contents table, then every rule with what
/// it looks for, how it scores, its message and suggestion, and its examples.
pub fn markdown(set: &RuleSet, rules: &[&Rule]) -> String {
    let mut out = String::from("# Rule reference\n\n");
    out.push_str("Generated by `talklint rules --format markdown`; do not edit by hand.\n\n");
    if !set.lexicons.is_empty() {
        out.push_str("## Lexicons\n\nUsed in phrases as `{name}`.\n\n");
        for (name, entries) in &set.lexicons {
            out.push_str(&format!(
                "- `{name}`: {}\n",
                code_list(entries.iter().map(String::as_str))
            ));
        }
        out.push('\n');
    }
    out.push_str("| rule | kind | severity | speaker | points |\n|---|---|---|---|---|\n");
    for r in rules {
        out.push_str(&format!(
            "| [`{}`](#{}) | {} | {} | {} | {:+} |\n",
            r.id,
            anchor(&r.id),
            r.kind.name(),
            r.severity.name(),
            view::speakers(r.roles).join(", "),
            r.points
        ));
    }
    let mut current = "";
    for r in rules {
        if r.category != current {
            current = &r.category;
            out.push_str(&format!("\n## {current}\n"));
        }
        let v = RuleView::of(r);
        out.push_str(&format!("\n### {}\n\n", r.id));
        if let Some(d) = &r.description {
            out.push_str(&format!("{d}\n\n"));
        }
        let mut summary = vec![
            format!("**{}**", r.kind.name()),
            format!("severity {}", r.severity.name()),
            format!("speaker {}", v.speaker.join(", ")),
            format!("{:+} points", r.points),
        ];
        summary.extend(r.max_hits.map(|m| format!("counted at most {m}×")));
        if r.auto_fail {
            summary.push("fails the conversation".into());
        }
        summary.extend(v.window.as_ref().map(|w| format!("window: {w}")));
        summary.extend(v.min_turns.map(|n| match n {
            1 => "judged when its speaker has a turn".to_string(),
            n => format!("judged when its speaker has {n} turns or more"),
        }));
        out.push_str(&format!("{}.\n\n", summary.join(" · ")));
        out.push_str(&format!("- Message: {}\n", r.message));
        if let Some(s) = &r.suggestion {
            out.push_str(&format!("- Suggestion: {s}\n"));
        }
        if let Some(s) = &r.replace {
            out.push_str(&format!("- `--fix` writes: “{s}”\n"));
        }
        if let Some(l) = &r.link {
            out.push_str(&format!("- See: <{l}>\n"));
        }
        let mut list = |title: &str, items: &[&str]| {
            if !items.is_empty() {
                out.push_str(&format!(
                    "- {title}: {}\n",
                    code_list(items.iter().copied())
                ));
            }
        };
        list("Phrases", &v.phrases);
        list("Regex", &v.regex);
        list("Unless", &v.unless);
        for (key, value) in facts(&v) {
            list(key, &[value.as_str()]);
        }
        let hits: Vec<&str> = r.examples.hit.iter().map(String::as_str).collect();
        let clean: Vec<&str> = r.examples.clean.iter().map(String::as_str).collect();
        list("Hits", &hits);
        list("Clean", &clean);
    }
    out
}

/// Items as code, on one line: example turns are joined with ` ⏎ `.
fn code_list<'i>(items: impl Iterator<Item = &'i str>) -> String {
    items
        .map(|i| format!("`{}`", i.trim_end().replace('`', "'").replace('\n', " ⏎ ")))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The GitHub-style heading anchor of a rule id.
fn anchor(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect()
}
