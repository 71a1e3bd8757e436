//! A letter written with a combining accent (`e` + U+0301) is the accented letter (`é`), as NFC
//! writes it: a phrase and a transcript that spell a word the two ways match each other.

use crate::support::{findings, pack_report, write};

#[test]
fn a_decomposed_accent_matches_the_composed_letter_both_ways() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "rules.yaml",
        "rules:\n  - id: fr/desole\n    speaker: any\n    max_hits: 9\n    phrases: ['désolé', \"cafe\u{301}\"]\n",
    );
    let call = write(
        dir.path(),
        "call.txt",
        "Agent: Je suis de\u{301}sole\u{301}.\nCustomer: Un café ? DÉSOLÉ.\n",
    );
    let report = pack_report(Some(&rules), &call);
    let found: Vec<(u64, u64, String)> = findings(&report, 0)
        .into_iter()
        .map(|(_, line, column, matched)| (line, column, matched.unwrap_or_default()))
        .collect();
    let expected = [
        (1, 16, "de\u{301}sole\u{301}"),
        (2, 14, "café"),
        (2, 21, "DÉSOLÉ"),
    ];
    let expected: Vec<(u64, u64, String)> = expected
        .iter()
        .map(|&(l, c, m)| (l, c, m.to_string()))
        .collect();
    assert_eq!(found, expected);
}
