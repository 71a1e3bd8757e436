//! Words joined by an apostrophe: a contraction before `been`, `got` or `gotten` reads `has` or
//! `had` (`it's been` matches a phrase written `it has been`, and the default pack hears `I know
//! it's been frustrating`), and a French or Italian elided article is a word of its own. Chat's
//! contractions written without their apostrophe (`dont`, `thats`) read as those with it. A match
//! that begins or ends inside a contraction quotes it whole.

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

/// Agent lines the default pack judges, each written with its contractions' apostrophes.
const WITH_APOSTROPHES: &[&str] = &[
    "that's not my department",
    "I won't be able to help with that",
    "we don't handle that here",
    "there's nothing i can do",
    "i can't help you with that",
    "I'm sorry to hear that",
    "you're right, I don't know",
];

#[test]
fn the_default_pack_hears_contractions_written_without_the_apostrophe() {
    // `thats not my department` was found only from `not`; `I wont be able to help`, `we dont
    // handle that here` and `theres nothing i can do` not at all.
    let dir = tempfile::tempdir().unwrap();
    let call = |name: &str, strip: bool| {
        let lines = WITH_APOSTROPHES.iter().map(|line| match strip {
            true => format!("Agent: {}\n", line.replace('\'', "")),
            false => format!("Agent: {line}\n"),
        });
        let text = format!(
            "Customer: My router keeps dropping.\n{}",
            String::from_iter(lines)
        );
        default_pack_report(&write(dir.path(), name, &text))
    };
    let found = |report: &serde_json::Value| -> Vec<(String, u64, Option<String>)> {
        let found = findings(report, 0).into_iter();
        found
            .map(|(rule, line, _, matched)| (rule, line, matched.map(|m| m.replace('\'', ""))))
            .collect()
    };
    let plain = found(&call("plain.txt", true));
    assert_eq!(plain, found(&call("apostrophes.txt", false)));
    let department = (
        "ownership/closed-door".to_string(),
        2,
        Some("thats not my department".to_string()),
    );
    assert!(plain.contains(&department), "{plain:?}");
    for (line, rule) in [
        (3, "ownership/not-handled-here"),
        (4, "ownership/not-handled-here"),
        (5, "ownership/closed-door"),
    ] {
        assert!(
            plain.iter().any(|f| f.0 == rule && f.1 == line),
            "{line}: {plain:?}"
        );
    }
}

#[test]
fn a_phrase_with_or_without_the_apostrophe_matches_both_and_quotes_the_word() {
    let lines = [
        "ok dont",
        "ok don't",
        "ok do not",
        "I WONT, thats all",
        "I won’t, that is all",
    ];
    let expected = [
        (1, 11, "dont"),
        (2, 11, "don't"),
        (3, 11, "do not"),
        (4, 8, "I WONT, thats"),
        (5, 8, "I won’t, that is"),
    ];
    let expected: Vec<(u64, u64, String)> = expected
        .iter()
        .map(|&(l, c, m)| (l, c, m.to_string()))
        .collect();
    for phrases in [
        ["do not", "i will not that is"],
        ["dont", "i wont thats"],
        ["don't", "I won't, that's"],
    ] {
        assert_eq!(
            crate::unicode_words::matches(&phrases, &lines),
            expected,
            "{phrases:?}"
        );
    }
}

#[test]
fn english_words_that_look_like_contractions_stay_words() {
    let lines = [
        "its fine",
        "well done",
        "we were here",
        "i feel ill",
        "id please",
        "lets go",
    ];
    let contractions = ["it is", "we will", "we are", "i will", "i would", "let us"];
    assert_eq!(crate::unicode_words::matches(&contractions, &lines), []);
    let words = ["its", "well", "were", "ill", "id", "lets"];
    let found = crate::unicode_words::matches(&words, &lines);
    let lines_found: Vec<u64> = found.iter().map(|f| f.0).collect();
    assert_eq!(lines_found, [1, 2, 3, 4, 5, 6], "{found:?}");
}

/// `can` of `can't` was quoted `ca` (the matcher reads `ca` + `n't`), `am sorry` of `I'm sorry`
/// `'m sorry`: a report quotes the written words whole. An elided article is no part of its word.
#[test]
fn a_match_inside_a_contraction_quotes_the_word_whole() {
    let found = crate::unicode_words::matches(
        &["can", "will", "am sorry", "autre"],
        &["I can't, we won't, you cannot.", "I’m sorry, l’autre."],
    );
    let expected = [
        (1, 10, "can't"),
        (1, 20, "won't"),
        (1, 31, "cannot"),
        (2, 8, "I’m sorry"),
        (2, 21, "autre"),
    ];
    let expected: Vec<(u64, u64, String)> = expected
        .iter()
        .map(|&(l, c, m)| (l, c, m.to_string()))
        .collect();
    assert_eq!(found, expected);
}
