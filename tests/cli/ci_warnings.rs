//! The CI formats (GitHub annotations, SARIF, JUnit) carry a conversation's warnings, as the
//! human, JSON and HTML reports do, the transcripts skipped and the rules not applied, and
//! `talklint merge` writes them as `check` did.

use crate::support::{assert_valid_sarif, check_in, run, talklint, write};
use serde_json::Value;

const NO_ROLES: &str = "Speaker 1: Calm down, that is not my department.\nSpeaker 2: What?\n";

/// A folder with a transcript whose speakers have no role, a JSONL file of two records, one
/// of them with no turns, and a file that cannot be read.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "u.txt", NO_ROLES);
    let records = "{\"id\": \"c-1\", \"messages\": [{\"role\": \"agent\", \"text\": \"Hello\"}]}\n\
                   {\"id\": \"c-2\", \"messages\": []}\n";
    write(dir.path(), "r.jsonl", records);
    write(dir.path(), "bad.json", "{\"what\": 1}");
    dir
}

#[test]
fn github_annotates_each_warning_on_its_file() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "u.txt", NO_ROLES);
    let (code, out, _) = check_in(dir.path(), &["-f", "github", "u.txt"]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "::warning file=u.txt::2 of 2 turns have a speaker with no role (\"Speaker 1\", \
         \"Speaker 2\"): agent and customer rules skip them; name their roles in the config \
         (`roles: {agent: [\"Speaker 1\"], customer: [\"Speaker 2\"]}`, a guess that the \
         first to speak is the agent: swap them if the customer spoke first)\n\
         ::notice file=u.txt,title=talklint::no agent turn: no agent's words were judged\n"
    );
    let dir = folder();
    let (_, out, _) = check_in(dir.path(), &["-f", "github"]);
    assert!(
        out.contains("::warning file=r.jsonl::c-2: no turns"),
        "{out}"
    );
    assert!(out.contains("::error file=bad.json"), "{out}");
}

#[test]
fn sarif_lists_warnings_as_notifications_of_the_invocation() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "u.txt", NO_ROLES);
    let (_, out, _) = check_in(dir.path(), &["-f", "sarif", "u.txt"]);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    assert_valid_sarif(&sarif);
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], true);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert_eq!(notes[0]["level"], "warning");
    assert_eq!(notes[1]["level"], "note");
    let unjudged = "no agent turn: no agent's words were judged";
    assert_eq!(notes[1]["message"]["text"], unjudged, "{notes:?}");
    let location = &notes[0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uri"], "u.txt");
    let text = notes[0]["message"]["text"].as_str().unwrap();
    assert!(text.starts_with("2 of 2 turns have a speaker with no role"));

    // Beside a file that could not be read: the warnings in file order, then the error.
    let dir = folder();
    let (_, out, _) = check_in(dir.path(), &["-f", "sarif"]);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    assert_valid_sarif(&sarif);
    let invocation = &sarif["runs"][0]["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    let summary: Vec<(&str, &str, Option<&str>)> = notes
        .iter()
        .map(|n| {
            let uri = &n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
            let id = n["properties"]["conversation"].as_str();
            (n["level"].as_str().unwrap(), uri.as_str().unwrap(), id)
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("warning", "r.jsonl", Some("c-2")),
            ("note", "r.jsonl", Some("c-2")),
            ("warning", "u.txt", None),
            ("note", "u.txt", None),
            ("error", "bad.json", None),
        ]
    );
}

#[test]
fn junit_writes_warnings_in_the_case_system_out() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "u.txt", NO_ROLES);
    let (_, out, _) = check_in(dir.path(), &["-f", "junit", "u.txt"]);
    let case = out.split("<testcase").nth(1).unwrap();
    assert!(
        case.contains(
            "<system-out>\nwarning: 2 of 2 turns have a speaker with no role (&quot;Speaker 1&quot;"
        ),
        "{out}"
    );
    assert!(case.contains("</system-out>\n    </testcase>"), "{out}");
}

#[test]
fn merge_writes_the_warnings_as_check_did() {
    let dir = folder();
    let (_, jsonl, _) = check_in(dir.path(), &["-f", "jsonl"]);
    let reports = tempfile::tempdir().unwrap();
    let report = write(reports.path(), "report.jsonl", &jsonl);
    for format in ["sarif", "github", "junit"] {
        let (single_code, single, _) = check_in(dir.path(), &["-f", format]);
        assert!(single.contains("no turns"), "{format}: {single}");
        let (code, merged, err) = run(talklint()
            .current_dir(dir.path())
            .args(["merge", "--no-config", "-f", format])
            .arg(&report));
        assert_eq!((code, merged), (single_code, single), "{format}: {err}");
    }
}

#[test]
fn a_directive_warning_keeps_its_line_and_column_in_github_and_sarif() {
    let dir = tempfile::tempdir().unwrap();
    // A curly apostrophe and an emoji before it: the column counts characters (code points).
    let text =
        "Hi 😀 café.\n\nThat’s fine.\n<!-- talklint: ignore ownrship -->\nIt is out of my hands.\n";
    write(dir.path(), "e.txt", text);
    let (_, out, _) = check_in(dir.path(), &["-f", "github", "e.txt"]);
    assert!(
        out.contains("::warning file=e.txt,line=4,col=23::line 4, column 23: `ownrship`"),
        "{out}"
    );
    let (_, out, _) = check_in(dir.path(), &["-f", "sarif", "e.txt"]);
    let sarif: Value = serde_json::from_str(&out).unwrap();
    assert_valid_sarif(&sarif);
    let notes = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    let location = &notes[0]["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "e.txt", "{notes}");
    assert_eq!(
        location["region"],
        serde_json::json!({"startLine": 4, "startColumn": 23}),
        "{notes}"
    );
}

/// A transcript left unchecked (too large, binary, no turns) and the rules a conversation could
/// not apply were in the JSON and human reports only: the CI formats said nothing, so a job
/// passed on a call never read, or on timing rules never judged. Files that are no transcripts
/// (an unknown extension) stay out of them, as a repository holds hundreds. `merge` writes
/// them as `check` did.
#[test]
fn ci_formats_name_transcripts_skipped_and_rules_not_applied() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "big.txt", &"Agent: hello there\n".repeat(100));
    write(dir.path(), "empty.txt", "");
    write(dir.path(), "notes.rs", "fn main() {}\n");
    write(dir.path(), "call.txt", "Agent: hello\nCustomer: hi\n");
    write(
        dir.path(),
        "gap.yaml",
        "rules:\n  - id: t/gap\n    speaker: any\n    timing: {silence_seconds: 5}\n",
    );
    let args = [
        "--max-filesize",
        "1K",
        "-r",
        "gap.yaml",
        "--exit-zero",
        "-f",
    ];
    let with = |format: &'static str| [&args[..], &[format]].concat();
    let (_, github, _) = check_in(dir.path(), &with("github"));
    assert!(
        github.contains("::notice file=big.txt,title=talklint skipped::too large ("),
        "{github}"
    );
    assert!(
        github.contains("::notice file=empty.txt,title=talklint skipped::no turns"),
        "{github}"
    );
    assert!(
        github.contains("::notice file=call.txt,title=talklint::not applied, for want of what it needs: t/gap (start and end times on its turns)"),
        "{github}"
    );
    assert!(
        !github.contains("notes.rs") && !github.contains("gap.yaml"),
        "{github}"
    );
    let (_, sarif, _) = check_in(dir.path(), &with("sarif"));
    let sarif: Value = serde_json::from_str(&sarif).unwrap();
    assert_valid_sarif(&sarif);
    let notes = &sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"];
    let said: Vec<(&str, &str)> = (notes.as_array().unwrap().iter())
        .map(|n| {
            (
                n["level"].as_str().unwrap(),
                n["message"]["text"].as_str().unwrap(),
            )
        })
        .map(|(level, text)| (level, text.split(" (").next().unwrap()))
        .collect();
    assert_eq!(
        said,
        [
            ("note", "not applied, for want of what it needs: t/gap"),
            ("note", "skipped: too large"),
            ("note", "skipped: no turns"),
        ]
    );
    let (_, junit, _) = check_in(dir.path(), &with("junit"));
    let doc = roxmltree::Document::parse(&junit).unwrap();
    let skipped: Vec<&str> = (doc.descendants())
        .filter(|n| n.has_tag_name("testsuite") && n.attribute("skipped") == Some("1"))
        .filter_map(|n| n.attribute("name"))
        .collect();
    assert_eq!(skipped, ["big.txt", "empty.txt"], "{junit}");
    // The HTML page, which shows a conversation's warnings, shows the note too.
    let (_, html, _) = check_in(dir.path(), &with("html"));
    assert!(
        html.contains(
            r#""na":["not applied, for want of what it needs: t/gap (start and end times on its turns)"]"#
        ),
        "the page's data holds the note"
    );
    let (_, jsonl, _) = check_in(dir.path(), &with("jsonl"));
    let reports = tempfile::tempdir().unwrap();
    let report = write(reports.path(), "report.jsonl", &jsonl);
    for format in ["sarif", "github", "junit"] {
        let (_, single, _) = check_in(dir.path(), &with(format));
        let (_, merged, err) = run(talklint()
            .current_dir(dir.path())
            .args([
                "merge",
                "--no-config",
                "-r",
                "gap.yaml",
                "--exit-zero",
                "-f",
                format,
            ])
            .arg(&report));
        assert_eq!(merged, single, "{format}: {err}");
    }
}
