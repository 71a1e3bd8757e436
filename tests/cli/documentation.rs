//! A project's documentation beside its scripts or calls (`README.md`, `CHANGELOG.md`) is left
//! out of a walk and listed as skipped: a README that quoted a forbidden phrase failed as an
//! agent's script, and a folder of calls counted its README among the conversations that passed.
//! Named, or taken by `--include`, it is checked (a config's `include` of a kind of file does not
//! take it); a script whose name only starts like one (`license-renewal.txt`) is read.

use crate::support::{json_report_in, write};
use serde_json::Value;

/// The paths of a report's conversations, and of its skipped files with why.
fn paths(report: &Value) -> (Vec<&str>, Vec<(&str, &str)>) {
    let conversations = (report["conversations"].as_array().unwrap().iter())
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    let skipped = (report["skipped"].as_array().unwrap().iter())
        .map(|s| (s["path"].as_str().unwrap(), s["reason"].as_str().unwrap()))
        .collect();
    (conversations, skipped)
}

#[test]
fn a_walk_leaves_out_the_projects_documentation_and_a_name_reads_it() {
    let dir = tempfile::tempdir().unwrap();
    let readme = "# Replies\n\nNever tell a customer to calm down.\n";
    write(dir.path(), "README.md", readme);
    write(
        dir.path(),
        "CHANGELOG.md",
        "## 1.1\n- calm down reply removed\n",
    );
    write(
        dir.path(),
        "license-renewal.txt",
        "Your licence renews on the 1st.\n",
    );
    let (code, report) = json_report_in(dir.path(), &["--no-config", "."]);
    assert_eq!(code, 0, "{report}");
    let (conversations, skipped) = paths(&report);
    assert_eq!(conversations, ["license-renewal.txt"], "{report}");
    let why = "the project's documentation, not a transcript or script; name it, or --include \
               it, to check it";
    assert_eq!(
        skipped,
        [("CHANGELOG.md", why), ("README.md", why)],
        "{report}"
    );
    // Named, as a pre-commit hook names a staged file, it is checked; so is one `--include`
    // takes, while a config's `include` of a kind of file does not take it.
    let (code, report) = json_report_in(dir.path(), &["--no-config", "README.md"]);
    assert_eq!(code, 1, "{report}");
    assert_eq!(paths(&report).0, ["README.md"], "{report}");
    let (_, report) = json_report_in(dir.path(), &["--no-config", "--include", "README.md", "."]);
    assert_eq!(paths(&report).0, ["README.md"], "{report}");
    write(
        dir.path(),
        "talklint.yaml",
        "include: [\"**/*.md\", \"**/*.txt\"]\n",
    );
    let (_, report) = json_report_in(dir.path(), &["."]);
    assert_eq!(paths(&report).0, ["license-renewal.txt"], "{report}");
}
