//! A conversation's tags show in every report: a tag is no problem, so where a format lists
//! problems (SARIF results, GitHub annotations) the tags are told apart from them.

use crate::support::{run, talklint};
use serde_json::Value;

#[test]
fn tags_show_in_every_report() {
    let path = "fixtures/timed/escalation-unresolved.txt";
    let out = |format: &str| {
        let (_, out, _) = run(talklint().args([
            "check",
            "--no-config",
            "-r",
            "fixtures/rules/cloud",
            "-f",
            format,
            path,
        ]));
        out
    };
    assert!(out("human").contains("tags: aws/unresolved-escalation"));
    assert!(
        out("csv")
            .lines()
            .nth(1)
            .unwrap()
            .ends_with(",aws/unresolved-escalation,,false,false,,"),
        "the tags, then the agent (none named), not guessed, an agent turn, no warnings, then \
         `not_checked`"
    );
    assert!(out("html").contains(
        "<option value=\"aws/unresolved-escalation\">aws/unresolved-escalation (1)</option>"
    ));
    assert!(out("junit").contains("<property name=\"tag\" value=\"aws/unresolved-escalation\"/>"));
    // A tag is no problem, so no SARIF result: the run's property bag lists the tags.
    let sarif: Value = serde_json::from_str(&out("sarif")).unwrap();
    assert_eq!(sarif["runs"][0]["results"], serde_json::json!([]));
    let tagged = &sarif["runs"][0]["properties"]["conversationTags"];
    assert_eq!(tagged[0]["artifactLocation"]["uri"], path, "{tagged}");
    assert_eq!(
        tagged[0]["tags"],
        serde_json::json!(["aws/unresolved-escalation"])
    );
    crate::support::assert_valid_sarif(&sarif);
    // Nor a GitHub annotation: a plain line of the job's log, which no path can make a command.
    assert_eq!(
        out("github"),
        format!("talklint: {path}: tags: aws/unresolved-escalation\n"),
        "annotations are for problems"
    );
    // A line break in a file's name is escaped: the rest of the name would start a line of its
    // own, which GitHub reads as a command.
    let dir = tempfile::tempdir().unwrap();
    let name = "x\n::error file=y::z.txt";
    std::fs::copy(path, dir.path().join(name)).unwrap();
    let (_, out, _) = run(talklint()
        .current_dir(dir.path())
        .args(["check", "--no-config", "-r"])
        .arg(std::fs::canonicalize("fixtures/rules/cloud").unwrap())
        .args(["-f", "github", name]));
    assert_eq!(out.lines().count(), 1, "{out}");
    assert!(out.starts_with("talklint: x\\x0a::error"), "{out}");
}
