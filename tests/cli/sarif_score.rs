//! A conversation that fails has a SARIF result (`talklint/score`), as it has a GitHub `talklint
//! score` annotation: one that failed on its score alone broke the run (exit 1) while code
//! scanning, which shows results only, showed nothing.

use crate::support::{assert_valid_sarif, check, run};
use serde_json::Value;

/// `check -f sarif` with `args`: the exit code, the run's rules and its results.
fn sarif(args: &[&str]) -> (i32, Vec<Value>, Vec<Value>) {
    let (code, out, err) = run(&mut check(&[&["--format", "sarif"], args].concat()));
    let sarif: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    assert_valid_sarif(&sarif);
    let list = |key: &str| sarif["runs"][0]["tool"]["driver"][key].as_array().cloned();
    let rules = list("rules").unwrap_or_default();
    let results = sarif["runs"][0]["results"].as_array().cloned();
    (code, rules, results.unwrap_or_default())
}

/// The results of the score's rule, each as (uri, start line, message), after checking that each
/// names the rule's index.
fn score_results(rules: &[Value], results: &[Value]) -> Vec<(String, u64, String)> {
    (results.iter().filter(|r| r["ruleId"] == "talklint/score"))
        .map(|r| {
            let index = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[index]["id"], "talklint/score", "{r}");
            assert_eq!(rules[index]["defaultConfiguration"]["level"], "error");
            assert_eq!(r["level"], "error", "{r}");
            let place = &r["locations"][0]["physicalLocation"];
            let uri = place["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .to_string();
            let line = place["region"]["startLine"].as_u64().unwrap();
            (
                uri,
                line,
                r["message"]["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn a_conversation_failing_on_its_score_alone_is_a_sarif_result() {
    let courteous = "fixtures/calls/courteous.txt";
    let (code, rules, results) = sarif(&["--min-score", "90", courteous]);
    assert_eq!(code, 1);
    assert_eq!(results.len(), 1, "no finding is a problem: {results:?}");
    let failed = (
        courteous.to_string(),
        1,
        "score 85 (FAIL: 90 needed)".to_string(),
    );
    assert_eq!(score_results(&rules, &results), [failed]);
    assert_eq!(results[0]["properties"]["score"], 85);
    assert_eq!(results[0]["properties"]["needed"], 90);
    // Passed, it has none; the rule is listed all the same (the rules come before the results).
    let (code, rules, results) = sarif(&[courteous]);
    assert_eq!((code, results.len()), (0, 0), "{results:?}");
    assert_eq!(rules.last().unwrap()["id"], "talklint/score");
}

/// An auto-fail rule's hit fails the conversation whatever its score: said beside the hit's own
/// result, as the GitHub annotation says it.
#[test]
fn a_conversation_an_auto_fail_rule_fails_says_why() {
    let (code, rules, results) = sarif(&["fixtures/calls"]);
    assert_eq!(code, 1);
    let failed = score_results(&rules, &results);
    let why = "score 58 (FAIL: auto-fail ownership/not-my-department; 70 needed)";
    let deflection = "fixtures/calls/deflection.txt".to_string();
    assert_eq!(failed, [(deflection, 1, why.to_string())]);
}

/// A rule of the `talklint/` category would share its id with the score's result: it is a rule
/// error at the id, saying to rename it; the built-in pack, of its own categories, loads.
#[test]
fn a_rule_may_not_take_the_talklint_category() {
    let rule = "rules:\n  - id: talklint/score\n    severity: error\n    phrases: [\"not my department\"]\n";
    let err = crate::support::rule_error(rule);
    assert!(
        err.contains("r.yaml:2:9: rule id `talklint/score` is in the `talklint/` category"),
        "{err}"
    );
    assert!(err.contains("help: rename the rule into a category of your own, such as `qa/score`"));
    let err = crate::support::rule_error(&rule.replace("talklint/score", "talklint/anything"));
    assert!(
        err.contains("r.yaml:2:9: rule id `talklint/anything`"),
        "{err}"
    );
    let (code, out, err) =
        run(crate::support::talklint().args(["rules", "--no-config", "--format", "json"]));
    assert_eq!(code, 0, "{err}");
    let pack: Value = serde_json::from_str(&out).unwrap();
    let ids = crate::support::strings(&pack, "id");
    assert!(ids.len() > 10 && ids.iter().all(|id| !id.starts_with("talklint/")));
}
