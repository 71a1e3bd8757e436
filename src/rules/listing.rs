//! `talklint rules`: the loaded rules as a table, one rule in detail, or JSON.

use super::{Kind, Rule};
use serde::Serialize;

/// One line per rule: id, kind, severity, speaker, points.
pub fn table(rules: &[&Rule]) -> String {
    let width = rules.iter().map(|r| r.id.len()).max().unwrap_or(2).max(2);
    let mut out = format!(
        "{:width$}  {:7}  {:8}  {:14}  {:>6}\n",
        "ID", "KIND", "SEVERITY", "SPEAKER", "POINTS"
    );
    for r in rules {
        out.push_str(&format!(
            "{:width$}  {:7}  {:8}  {:14}  {:>6}\n",
            r.id,
            r.kind.name(),
            r.severity.name(),
            r.speaker_names().join(","),
            format!("{:+}", r.points)
        ));
    }
    out.push_str(&format!("{} rules\n", rules.len()));
    out
}

/// Everything about one rule.
pub fn detail(r: &Rule) -> String {
    let mut out = format!("{}\n", r.id);
    let mut field = |k: &str, v: String| out.push_str(&format!("  {k:11} {v}\n"));
    field("kind", r.kind.name().into());
    field("severity", r.severity.name().into());
    field("speaker", r.speaker_names().join(", "));
    field("points", format!("{:+}", r.points));
    if let Some(m) = r.max_hits {
        field("max_hits", m.to_string());
    }
    if r.auto_fail {
        field("auto_fail", "yes".into());
    }
    if let Some(w) = r.window {
        field("window", w.describe());
    }
    if r.kind == Kind::Require {
        field("min_turns", r.min_turns.to_string());
    }
    field("message", r.message.clone());
    if let Some(s) = &r.suggestion {
        field("suggestion", s.clone());
    }
    if let Some(l) = &r.link {
        field("link", l.clone());
    }
    field("defined at", format!("{}:{}", r.origin.0, r.origin.1));
    for p in &r.phrases {
        field("phrase", p.clone());
    }
    for p in &r.regex {
        field("regex", p.as_str().to_string());
    }
    for p in &r.unless {
        field("unless", p.clone());
    }
    out
}

#[derive(Serialize)]
struct RuleJson<'a> {
    id: &'a str,
    category: &'a str,
    kind: Kind,
    severity: super::Severity,
    speaker: Vec<&'static str>,
    points: i32,
    max_hits: Option<usize>,
    auto_fail: bool,
    window: Option<String>,
    phrases: &'a [String],
    regex: Vec<&'a str>,
    unless: &'a [String],
    message: &'a str,
    suggestion: Option<&'a str>,
    link: Option<&'a str>,
    origin: String,
}

/// The rules as a JSON array.
pub fn json(rules: &[&Rule]) -> String {
    let list: Vec<RuleJson> = rules
        .iter()
        .map(|r| RuleJson {
            id: &r.id,
            category: &r.category,
            kind: r.kind,
            severity: r.severity,
            speaker: r.speaker_names(),
            points: r.points,
            max_hits: r.max_hits,
            auto_fail: r.auto_fail,
            window: r.window.map(|w| w.describe()),
            phrases: &r.phrases,
            regex: r.regex.iter().map(|x| x.as_str()).collect(),
            unless: &r.unless,
            message: &r.message,
            suggestion: r.suggestion.as_deref(),
            link: r.link.as_deref(),
            origin: format!("{}:{}", r.origin.0, r.origin.1),
        })
        .collect();
    let mut s = serde_json::to_string_pretty(&list).expect("rule listing serializes");
    s.push('\n');
    s
}
