//! A config's overrides (`disable:`, `severity:`, `per_path_disable`): a name that matches no
//! loaded rule is a warning at its place in the list that holds it, with the closest id; a
//! severity changes problems only; a lexicon no phrase uses is a warning with the closest name.

use crate::mistakes::check_with;
use crate::support::{run, talklint};
use std::fs;

#[test]
fn an_override_naming_no_rule_is_a_warning_at_its_place_with_the_closest_id() {
    let config = "disable: [respect/calm-dwn, respec, closed-door, RESPECT]\nseverity: {zzzz/qqqq: info, courtesy/no-problem: error}\n";
    let (code, err) = check_with(&[("talklint.yaml", config)], &[]);
    // Nothing was disabled: the call is still told off for "calm down".
    assert_eq!(code, 1, "{err}");
    for want in [
        "talklint.yaml:1:11: `respect/calm-dwn` names no loaded rule or category \
         (did you mean `respect/calm-down`?)",
        // Found as a whole name, not inside `respect/calm-dwn`.
        "talklint.yaml:1:29: `respec` names no loaded rule or category (did you mean `respect`?)",
        "talklint.yaml:2:12: `zzzz/qqqq` names no loaded rule or category; `talklint rules`",
        // No category: the one rule of that name.
        "talklint.yaml:1:37: `closed-door` names no loaded rule or category (did you mean \
         `ownership/closed-door`?)",
        // Names are written in lowercase: the same name in capitals is offered so.
        "talklint.yaml:1:50: `RESPECT` names no loaded rule or category (did you mean \
         `respect`?)",
        // SPEC's own example: the rule of that name is in another category.
        "talklint.yaml:2:29: `courtesy/no-problem` names no loaded rule or category (did you \
         mean `enthusiasm/no-problem`?)",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
}

#[test]
fn a_name_in_two_lists_is_placed_in_each() {
    let config = "per_path_disable: {\"x/**\": [respct]}\ndisable: [respct]\n";
    let (_, err) = check_with(&[("talklint.yaml", config)], &[]);
    for want in [
        "talklint.yaml:2:11: `respct` names no loaded rule or category",
        "talklint.yaml:1:29: per_path_disable: `respct` (for `x/**`) is no loaded rule",
    ] {
        assert!(err.contains(want), "{want}\n{err}");
    }
}

#[test]
fn a_severity_override_changes_problems_only_and_warns_when_it_names_only_rewards() {
    let dir = tempfile::tempdir().unwrap();
    let config = "severity: {empathy: error, empathy/apology: warning}\n";
    fs::write(dir.path().join("talklint.yaml"), config).unwrap();
    let call = "Customer: third time\nAgent: I'm sorry. Like I said before, it ships today.\n";
    fs::write(dir.path().join("t.txt"), call).unwrap();
    let (code, out, err) = run(talklint()
        .current_dir(dir.path())
        .args(["check", "-f", "json", "t.txt"]));
    assert_eq!(code, 1, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let severity = |rule: &str| {
        let findings = report["conversations"][0]["findings"].as_array().unwrap();
        let f = findings.iter().find(|f| f["rule"] == rule);
        f.map(|f| f["severity"].clone())
    };
    assert_eq!(severity("empathy/apology"), Some("info".into()), "{out}");
    assert_eq!(severity("empathy/as-i-said"), Some("error".into()), "{out}");
    assert!(
        err.contains(
            "talklint.yaml:1:28: `empathy/apology` names only rewards and tags, whose severity \
             is always info"
        ),
        "{err}"
    );
    assert!(!err.contains("`empathy` names"), "{err}");
}

#[test]
fn a_config_lexicon_no_phrase_uses_is_a_warning_with_the_closest_pack_lexicon() {
    // `outside_partyy` made a new list: the team's desk was never added to the pack's.
    let config = "lexicons:\n  outside_partyy: [\"the Example Corp warranty desk\"]\n  outside_party: [\"the Example Corp returns desk\"]\n";
    let (_, err) = check_with(&[("talklint.yaml", config)], &[]);
    let want = "talklint.yaml:2:3: the config's lexicon `outside_partyy` is used by no phrase \
                (did you mean `outside_party`, a lexicon of the rules?)";
    assert!(err.contains(want), "{err}");
    // Adding to the pack's own list is no warning.
    assert!(!err.contains("`outside_party` is used"), "{err}");
}

/// A config that disables every rule it loads says that nothing can be found, and the run fails
/// (`rules: []` is an error for the same reason); a severity for rules it disables warns that it
/// changes nothing: both passed every conversation in silence.
#[test]
fn disabling_every_rule_or_setting_a_disabled_rules_severity_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("pack.yaml"),
        "rules:\n  - {id: qa/bad, phrases: [calm down], severity: warning}\n  \
         - {id: qa/meh, phrases: [no problem]}\n",
    )
    .unwrap();
    fs::write(dir.path().join("t.txt"), "Agent: calm down\n").unwrap();
    let config = "rules: [./pack.yaml]\ndisable: [qa]\nseverity: {qa/bad: error}\n";
    fs::write(dir.path().join("talklint.yaml"), config).unwrap();
    let (code, _, err) = run(talklint().current_dir(dir.path()).args(["check", "t.txt"]));
    assert_eq!(code, 2, "{err}");
    for said in [
        "talklint.yaml:3:12: `qa/bad` names only rules that `disable` turns off",
        "talklint.yaml:2:11: `disable` turns off all 2 rules loaded, so nothing can be found",
        "error: no rule is left to check with",
    ] {
        assert!(err.contains(said), "{said}\n{err}");
    }
    // Disabling some is no news.
    let config = "rules: [./pack.yaml]\ndisable: [qa/meh]\n";
    fs::write(dir.path().join("talklint.yaml"), config).unwrap();
    let (_, _, err) = run(talklint().current_dir(dir.path()).args(["check", "t.txt"]));
    assert!(!err.contains("warning"), "{err}");
}

/// A rule a team turns down to `info` is noted, not failed on: `respect/calm-down` and
/// `ownership/closed-door` auto-fail, and at `info` they failed the call (exit 1 under
/// `--fail-on never`) while printed as `info` of −1 point. At `warning` they still fail it.
#[test]
fn a_rule_turned_down_to_info_no_longer_fails_a_conversation_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let call = "Agent: please calm down, that's not my department\nCustomer: ok\n";
    fs::write(dir.path().join("t.txt"), call).unwrap();
    let run_with = |severity: &str| {
        let config = format!("severity: {{respect: {severity}, ownership: {severity}}}\n");
        fs::write(dir.path().join("talklint.yaml"), config).unwrap();
        run(talklint()
            .current_dir(dir.path())
            .args(["check", "--fail-on", "never", "t.txt"]))
    };
    let (code, out, err) = run_with("info");
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("t.txt: score 78 (pass)"), "{out}");
    let (code, out, _) = run_with("warning");
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("FAIL: auto-fail respect/calm-down, ownership/closed-door"),
        "{out}"
    );
    // A rule written at `info` with its own `auto_fail` keeps it: the config changes nothing.
    let rule = "rules:\n  - id: x/calm\n    severity: info\n    auto_fail: true\n    \
                phrases: [calm down]\n";
    fs::write(dir.path().join("x.yaml"), rule).unwrap();
    let config = "rules: [./x.yaml]\nseverity: {x/calm: info}\n";
    fs::write(dir.path().join("talklint.yaml"), config).unwrap();
    let (code, out, _) =
        run(talklint()
            .current_dir(dir.path())
            .args(["check", "--fail-on", "never", "t.txt"]));
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FAIL: auto-fail x/calm"), "{out}");
}
