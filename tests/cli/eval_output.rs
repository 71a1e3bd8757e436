//! What `talklint eval` prints, through the binary: a miss's text with its control characters
//! escaped as check's report shows them, F1 wherever it is defined, and floor messages rounded
//! as the table is, so that a failing measure never reads as a passing one.

use crate::support::{run, talklint};
use serde_json::Value;
use std::fs;
use std::path::Path;

fn eval_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    run(talklint()
        .current_dir(dir)
        .args(["eval", "--no-config"])
        .args(args))
}

#[test]
fn a_miss_text_reaches_the_terminal_with_its_controls_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Agent: We are sorry \u{1b}[2J\u{1b}]0;pwned\u{7} bye\rgone\n";
    fs::write(dir.path().join("e.txt"), text).unwrap();
    fs::write(dir.path().join("l.csv"), "path,turn,empathy\ne.txt,1,0\n").unwrap();
    let (code, out, err) = eval_in(dir.path(), &["--labels", "l.csv", "--show", "fp", "e.txt"]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains('\u{1b}') && !out.contains('\u{7}'), "{out:?}");
    assert!(
        out.contains("  | We are sorry \\x1b[2J\\x1b]0;pwned\\x07 bye"),
        "{out}"
    );
}
