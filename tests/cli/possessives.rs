//! A possessive no phrase writes is one word that a phrase finds by its noun (`manager` in `my
//! manager's approval`, the default pack's `not my department` in `not my department's
//! problem`), while a phrase that writes the possessive asks for it.

use crate::support::{default_pack_report, findings, pack_report, talklint, write};

/// Each finding's rule, line and quoted match.
fn found(report: &serde_json::Value) -> Vec<(String, u64, String)> {
    (findings(report, 0).into_iter())
        .map(|(rule, line, _, matched)| (rule, line, matched.unwrap_or_default()))
        .collect()
}

/// `call` after `talklint check --fix` with `rules`.
fn fixed(rules: &std::path::Path, call: &std::path::Path) -> String {
    let out = talklint()
        .args(["check", "--no-config", "-r"])
        .arg(rules)
        .args(["--fix", "--exit-zero"])
        .arg(call)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    std::fs::read_to_string(call).unwrap()
}

#[test]
fn a_noun_is_found_in_its_possessive_and_a_written_s_is_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "rules.yaml",
        "rules:
  - {id: t/manager, speaker: any, phrases: [manager], replace: supervisor}
  - {id: t/customers, speaker: any, phrases: [\"customer's\"]}
  - {id: t/policy, speaker: any, phrases: [\"company policy\"]}
  - {id: t/gap, speaker: any, phrases: [\"my * approval\"]}
",
    );
    let call = write(
        dir.path(),
        "call.txt",
        "Agent: I need my manager's approval.\nAgent: The customer called twice.\nAgent: That is the customer’s call.\nAgent: That is company policy.\nAgent: That is the company’s policy.\nAgent: Ask the customer.\nAgent: My Manager approval.\n",
    );
    let got = found(&pack_report(Some(&rules), &call));
    let expected = [
        ("t/gap", 1, "my manager's approval"),
        ("t/manager", 1, "manager"),
        ("t/customers", 3, "customer’s"),
        ("t/policy", 4, "company policy"),
        ("t/policy", 5, "company’s policy"),
        ("t/gap", 7, "My Manager approval"),
        ("t/manager", 7, "Manager"),
    ];
    let expected: Vec<(String, u64, String)> = (expected.iter())
        .map(|&(rule, line, m)| (rule.to_string(), line, m.to_string()))
        .collect();
    assert_eq!(got, expected);
    // A fix over the noun would leave its `'s` behind the replacement: left for the writer.
    let fixed = fixed(&rules, &call);
    assert!(
        fixed.starts_with("Agent: I need my manager's approval.\n"),
        "{fixed}"
    );
    assert!(
        fixed.ends_with("Agent: My Supervisor approval.\n"),
        "{fixed}"
    );
}

/// A possessive is one word to `*`, as it is written: a business's name fills the slot of a
/// greeting's.
#[test]
fn the_default_pack_hears_a_door_closed_and_a_policy_wall_said_with_a_possessive() {
    let dir = tempfile::tempdir().unwrap();
    let call = write(
        dir.path(),
        "call.txt",
        "Agent: Thanks for calling Sam's Club, this is Priya.\nCustomer: Can you fix it?\nAgent: Sorry, that's not my department's problem.\nCustomer: Why not?\nAgent: Unfortunately that is the company's policy.\n",
    );
    let got = found(&default_pack_report(&call));
    let has = |rule: &str, line: u64, m: &str| {
        got.iter()
            .any(|(r, l, matched)| r == rule && *l == line && matched == m)
    };
    assert!(
        has("ownership/closed-door", 3, "that's not my department"),
        "{got:?}"
    );
    assert!(
        has("respect/policy-wall", 5, "that is the company's policy"),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|(rule, _, _)| rule == "greeting/agent-name"),
        "{got:?}"
    );
}

/// A noun whose accent is typed apart from its letter (`cafe` and U+0301) is left as the noun
/// written with one character is: a fix would leave the `'s` to the writer's replacement.
#[test]
fn a_fix_over_a_possessive_noun_is_left_however_its_accent_is_typed() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "rules.yaml",
        "rules:\n  - {id: t/cafe, speaker: any, phrases: [café], replace: coffee shop}\n",
    );
    let text =
        "Agent: the caf\u{e9}'s door.\nAgent: the cafe\u{301}'s door.\nAgent: the cafe\u{301}.\n";
    let call = write(dir.path(), "call.txt", text);
    let fixed = fixed(&rules, &call);
    let expected =
        "Agent: the caf\u{e9}'s door.\nAgent: the cafe\u{301}'s door.\nAgent: the coffee shop.\n";
    assert_eq!(fixed, expected);
}
