//! A contraction before `been`, `got` or `gotten` is read both ways: `it's been` matches a
//! phrase written `it has been`, and the default pack hears `I know it's been frustrating`.

use crate::support::{default_pack_report, findings, pack_report, write};

#[test]
fn the_default_pack_rewards_empathy_said_with_its_been() {
    let dir = tempfile::tempdir().unwrap();
    let call = write(
        dir.path(),
        "call.txt",
        "Customer: My order is late again.\nAgent: I know it's been frustrating.\n",
    );
    let report = default_pack_report(&call);
    let found = findings(&report, 0);
    assert!(
        found.iter().any(
            |(rule, line, _, matched)| rule == "empathy/acknowledge-feelings"
                && *line == 2
                && matched.as_deref() == Some("I know it's been frustrating")
        ),
        "{found:?}"
    );
}

#[test]
fn has_been_and_its_been_match_each_other_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "rules.yaml",
        "rules:\n  - id: t/pleasure\n    kind: reward\n    points: 1\n    phrases: ['it has been a pleasure']\n  - id: t/waited\n    kind: reward\n    points: 1\n    phrases: [\"you'd never been told\"]\n",
    );
    let call = write(
        dir.path(),
        "call.txt",
        "Agent: It's been a pleasure.\nAgent: it has been a pleasure\nAgent: It's a pleasure.\nAgent: You had never been told.\nAgent: You'd never be told.\n",
    );
    let report = pack_report(Some(&rules), &call);
    let lines: Vec<(String, u64)> = findings(&report, 0)
        .into_iter()
        .map(|(rule, line, _, _)| (rule, line))
        .collect();
    let expected = [("t/pleasure", 1), ("t/pleasure", 2), ("t/waited", 4)];
    let expected: Vec<(String, u64)> = expected.iter().map(|&(r, l)| (r.to_string(), l)).collect();
    assert_eq!(lines, expected);
}
