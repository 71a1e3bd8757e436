//! Each SARIF result carries `partialFingerprints.primaryLocationLineHash`, made of what it finds
//! (its rule, its conversation, the words it matched, and how many alike came before it), so
//! that code scanning follows it across runs: an edit elsewhere in the file keeps it, and two
//! results alike stay two. Given none, GitHub's upload hashed the text from the result's line on.

use crate::support::{assert_valid_sarif, check_in, write};
use serde_json::Value;

const RULES: &str = "rules:\n  - id: t/calm\n    severity: error\n    points: -50\n    max_hits: 9\n    phrases: [calm down, \"that's not my job\"]\n";

/// Each result's rule, line and fingerprint, of `text` written as `name` in `dir`.
fn fingerprints(dir: &std::path::Path, name: &str, text: &str) -> Vec<(String, u64, String)> {
    write(dir, "rules.yaml", RULES);
    write(dir, name, text);
    let (_, out, err) = check_in(dir, &["-f", "sarif", "-r", "rules.yaml", name]);
    let sarif: Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
    assert_valid_sarif(&sarif);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    results
        .iter()
        .map(|r| {
            let line = &r["locations"][0]["physicalLocation"]["region"]["startLine"];
            let print = &r["partialFingerprints"]["primaryLocationLineHash"];
            (
                r["ruleId"].as_str().unwrap().to_string(),
                line.as_u64().unwrap(),
                print.as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_fingerprint_holds_across_edits_and_tells_results_alike_apart() {
    let dir = tempfile::tempdir().unwrap();
    let before = fingerprints(
        dir.path(),
        "a.txt",
        "Agent: Please calm down, calm DOWN.\nCustomer: ok\n",
    );
    let after = fingerprints(
        dir.path(),
        "a.txt",
        "Customer: hello\nAgent: Please calm down, calm DOWN.\nCustomer: ok thanks\n",
    );
    // As a baseline compares them: `that’s` is `that's`, punctuation is a word's edge.
    let straight = fingerprints(dir.path(), "q.txt", "Agent: That's not my job.\n");
    let curly = fingerprints(dir.path(), "q.txt", "Agent: Well, that’s  not my JOB!\n");
    assert_eq!(straight.len(), 2, "the match and the failure: {straight:?}");
    assert_eq!(
        curly, straight,
        "a re-spelling of the same words keeps them"
    );
    let prints = |r: &[(String, u64, String)]| -> Vec<String> {
        r.iter()
            .filter(|x| x.0 == "t/calm")
            .map(|x| x.2.clone())
            .collect()
    };
    let (b, a) = (prints(&before), prints(&after));
    assert_eq!(b.len(), 2, "{before:?}");
    assert_ne!(b[0], b[1], "two matches on one line are two results");
    assert_eq!(a, b, "lines added above and an edit below keep them");
    // Two failing conversations of a file, both placed at its first line, are two results.
    let records = "{\"id\": \"c1\", \"messages\": [{\"role\": \"agent\", \"text\": \"calm down\"}]}\n\
                   {\"id\": \"c2\", \"messages\": [{\"role\": \"agent\", \"text\": \"calm down\"}]}\n";
    let found = fingerprints(dir.path(), "r.jsonl", records);
    let failed: Vec<&(String, u64, String)> =
        found.iter().filter(|x| x.0 == "talklint/score").collect();
    assert_eq!(failed.len(), 2, "{found:?}");
    assert_ne!(failed[0].2, failed[1].2);
    let calm: Vec<&String> = found
        .iter()
        .filter(|x| x.0 == "t/calm")
        .map(|x| &x.2)
        .collect();
    assert_ne!(calm[0], calm[1], "one match in each of two conversations");
}
