//! The JSON report's hand-written conversation objects, held against serde's.

use super::*;
use crate::rules::{Kind, Severity};
use crate::transcript::Role;

#[test]
fn hand_written_json_equals_serde() {
    let f = Finding {
        rule: "a/b",
        kind: Kind::Forbid,
        severity: Severity::Error,
        category: "a",
        points: -10,
        message: "say \"no\"\n\ttab \u{1} “curly” \\".into(),
        turn: 3,
        role: Role::Agent,
        speaker: None,
        agent: Some("Tom"),
        line: 9,
        column: 23,
        end_line: 9,
        end_column: 40,
        start_ms: Some(1200),
        measured: Some(crate::rules::Measure::Ms(18_250)),
        matched: Some("x".into()),
        suggestion: None,
        link: Some("https://e.org"),
        suppressed: None,
        span: (0, 0),
        rule_index: 0,
        turn_range: None,
    };
    let warnings = vec!["w1".to_string()];
    let transcript = crate::transcript::Transcript::default();
    let c = Conversation {
        path: "p/q.txt",
        id: Some("7"),
        format: "text",
        turns: 14,
        unknown_turns: 0,
        agent_guessed: true,
        no_agent_turn: true,
        baselined: 2,
        agent: Some("Dana"),
        agents: vec!["Dana", "Tom"],
        score: 65,
        passed: false,
        needed: None,
        findings: vec![
            f.clone(),
            Finding {
                link: None,
                matched: None,
                rule_index: 1,
                suppressed: Some(crate::suppress::Suppression::InSource),
                ..f
            },
        ],
        tags: vec!["aws/escalation", "x/\"quoted\""],
        not_applied: vec!["promptness/dead-air"],
        warnings: &warnings,
        number: None,
        transcript: &transcript,
        redactor: None,
        file_personal: None,
    };
    let parts: Vec<RuleParts> = c.findings.iter().map(RuleParts::of).collect();
    for parts in [&parts[..], &[]] {
        let mut out = Vec::new();
        conversation(&c, parts, &mut out);
        let ours: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(ours, serde_json::to_value(&c).unwrap());
    }
}
