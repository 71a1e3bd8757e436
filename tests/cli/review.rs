//! What a reviewer reads outside the HTML page: the human report's score lines and labels, on
//! the default pack.

use crate::support::{run, talklint};

/// Two errors, two 0-point customer notes, an info problem, missing closings, and a reward that
/// hits twice but counts once.
const CALL: &str = "Agent: Hello, this is Sam. I'm sorry to hear that. I'm sorry to hear that, really.\n\
                    Customer: I'm so frustrated, this is ridiculous.\n\
                    Agent: That's not my department. No worries.\n\
                    Customer: What?\n\
                    Agent: Please calm down.\n";

fn default_pack(dir: &std::path::Path, args: &[&str]) -> String {
    std::fs::write(dir.join("call.txt"), CALL).unwrap();
    let (code, out, err) = run(talklint()
        .current_dir(dir)
        .args(["check", "--no-config", "--color", "never"])
        .args(args)
        .arg("call.txt"));
    assert_eq!(code, 1, "{err}");
    out
}

#[test]
fn human_score_lines_and_labels_read_right() {
    let dir = tempfile::tempdir().unwrap();
    let out = default_pack(dir.path(), &[]);
    assert!(!out.contains("+0"), "no reward line without points:\n{out}");
    assert!(
        out.contains("  +5 1:32 empathy/sorry-to-hear “sorry to hear that”\n  1 more reward hit with no points: empathy/sorry-to-hear\n"),
        "{out}"
    );
    assert!(
        out.contains("info[enthusiasm/no-problem]") && !out.contains("note"),
        "info is info, as in every other report:\n{out}"
    );
    assert!(out.contains("---------- -1 point\n"), "{out}");
    assert!(
        out.contains(
            "  |        ------------------------------------- -5 points, not found in the window that starts here\n"
        ),
        "a missing closing underlines the turn where its window starts:\n{out}"
    );
}
