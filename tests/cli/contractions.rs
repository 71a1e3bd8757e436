//! Words joined by an apostrophe: a contraction before `been`, `got` or `gotten` reads `has` or
//! `had` (`it's been` matches a phrase written `it has been`, and the default pack hears `I know
//! it's been frustrating`), and a French or Italian elided article is a word of its own.

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
        "Agent: It's been a pleasure.\nAgent: it has been a pleasure\nAgent: It's a pleasure.\nAgent: You had never been told.\nAgent: You'd never be told.\nAgent: It's\u{a0}um… been a pleasure\n",
    );
    let report = pack_report(Some(&rules), &call);
    let lines: Vec<(String, u64)> = findings(&report, 0)
        .into_iter()
        .map(|(rule, line, _, _)| (rule, line))
        .collect();
    // Spaces of any kind, punctuation and fillers between are passed over, as matching does.
    let expected = [
        ("t/pleasure", 1),
        ("t/pleasure", 2),
        ("t/waited", 4),
        ("t/pleasure", 6),
    ];
    let expected: Vec<(String, u64)> = expected.iter().map(|&(r, l)| (r.to_string(), l)).collect();
    assert_eq!(lines, expected);
}

#[test]
fn a_word_after_an_elided_article_is_found_alone() {
    // `équipe` did not match "L’équipe": the elided article made one word of the two.
    let found = crate::unicode_words::matches(
        &["autre équipe", "qu'il", "aujourd'hui"],
        &[
            "Voyez avec l’autre équipe, c’est l'AUTRE ÉQUIPE qu’il faut.",
            "Pas aujourd’hui.",
        ],
    );
    let expected = [
        (1, 21, "autre équipe"),
        (1, 43, "AUTRE ÉQUIPE"),
        (1, 56, "qu’il"),
        (2, 12, "aujourd’hui"),
    ];
    let expected: Vec<(u64, u64, String)> = expected
        .iter()
        .map(|&(l, c, m)| (l, c, m.to_string()))
        .collect();
    assert_eq!(found, expected);
}
