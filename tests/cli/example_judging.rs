//! `talklint test` judging rules' examples: an example a rule cannot judge is *Unjudged*, not
//! passed, whether it lacks the times a timing rule reads or the trigger an `after` rule answers.

use crate::support::{run, talklint};
use std::fs;

/// An example a rule cannot judge (a timing rule, an example without times) tests nothing: it
/// fails as *Unjudged*, in either list, while a timed one is judged.
#[test]
fn an_example_without_the_times_its_rule_needs_is_unjudged() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("timing.yaml");
    let rules = "rules:\n  - id: pace/silence\n    speaker: any\n    timing: {silence_seconds: 10}\n    \
                 examples:\n      hit:\n        - \"[00:00-00:02] Agent: hi\\n[00:30-00:32] Customer: yo\"\n      \
                 clean:\n        - \"[00:00-00:02] Agent: hi\\n[00:03-00:04] Customer: yo\"\n        - \"Agent: hi\"\n";
    fs::write(&file, rules).unwrap();
    let (code, out, err) = run(talklint().args(["test", "--no-config"]).arg(&file));
    assert_eq!(code, 1, "{err}");
    let unjudged = format!(
        "{}:10:12: pace/silence: Unjudged: clean example 2 cannot be judged: it lacks the times",
        file.display()
    );
    assert!(out.contains(&unjudged), "{out}");
    assert!(out.contains("3 examples: 2 passed, 1 failed"), "{out}");
}

/// An example without the trigger an `after` rule answers tests nothing: a `clean` example of a
/// `require` rule that lacks the trigger passed, as the answer was not missing.
#[test]
fn an_example_without_the_trigger_its_rule_answers_is_unjudged() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("after.yaml");
    let rules = "rules:\n  - id: x/sorry\n    kind: require\n    phrases: [\"sorry\"]\n    \
                 after: {speaker: customer, phrases: [\"ridiculous\"], within_turns: 1}\n    \
                 examples:\n      hit: [\"Customer: this is ridiculous\\nAgent: sorry\"]\n      \
                 clean: [\"Agent: sorry\", \"Customer: ridiculous\\nAgent: ok\"]\n";
    fs::write(&file, rules).unwrap();
    let (code, out, err) = run(talklint().args(["test", "--no-config"]).arg(&file));
    assert_eq!(code, 1, "{err}");
    let unjudged = format!(
        "{}:8:16: x/sorry: Unjudged: clean example 1 cannot be judged: it holds no trigger of \
         the `require` rule's `after`",
        file.display()
    );
    assert!(out.contains(&unjudged), "{out}");
    assert!(out.contains("3 examples: 2 passed, 1 failed"), "{out}");
    // A forbid rule's clean example without the trigger tests that it stays quiet: judged.
    let forbid = rules
        .replace("kind: require", "kind: forbid")
        .replace(
            "hit: [\"Customer: this is ridiculous\\nAgent: sorry\"]",
            "hit: [\"Customer: ridiculous\\nAgent: sorry\"]",
        )
        .replace(", \"Customer: ridiculous\\nAgent: ok\"", "");
    fs::write(&file, forbid).unwrap();
    let (code, out, err) = run(talklint().args(["test", "--no-config"]).arg(&file));
    assert_eq!(code, 0, "{out}{err}");
}
