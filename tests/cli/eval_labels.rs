//! The shape of an eval labels file through the binary: a file or a selector column with no
//! label in it, and rows whose cells do not line up with the header, exit 2 with the file, line
//! and column, before a floor can pass on labels that were never read.

use crate::support::{run, talklint};
use std::path::Path;

/// Two small calls: `a.txt` has no finding of `respect`, `b.txt` one on turn 1.
fn calls(dir: &Path) {
    std::fs::write(
        dir.join("a.txt"),
        "Agent: Hello, I can help.\nCustomer: thanks\n",
    )
    .unwrap();
    std::fs::write(dir.join("b.txt"), "Agent: Calm down.\nCustomer: what\n").unwrap();
}

/// Runs eval in `dir` over its two calls with `labels` (bytes, written as `name`) and floors.
fn eval_with(dir: &Path, name: &str, labels: &[u8]) -> (i32, String, String) {
    std::fs::write(dir.join(name), labels).unwrap();
    run(talklint().current_dir(dir).args([
        "eval",
        "--no-config",
        "--labels",
        name,
        "--min-precision",
        "0.9",
        "--min-recall",
        "0.9",
        "a.txt",
        "b.txt",
    ]))
}

#[test]
fn a_file_or_a_column_with_no_label_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    calls(dir.path());
    let (code, out, err) = eval_with(dir.path(), "r.csv", b"path,turn,respect\na.txt,2,\n");
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(
        err.contains("r.csv:1:1: no cell holds a label"),
        "the file is named: {err}"
    );
    assert!(err.contains("a floor over no labels would pass"), "{err}");
    // One column labelled, the other never: the other would pass its floors unmeasured.
    let (code, out, err) = eval_with(
        dir.path(),
        "r.csv",
        b"path,turn,respect,empathy\na.txt,1,0,\nb.txt,1,1,\n",
    );
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(
        err.contains("r.csv:1:19: `empathy` holds no label in any row"),
        "{err}"
    );
    // Every column labelled somewhere is scored, and the floors hold.
    let (code, out, err) = eval_with(
        dir.path(),
        "r.csv",
        b"path,turn,respect,empathy\na.txt,1,0,\nb.txt,1,1,0\n",
    );
    assert_eq!(code, 0, "{out}{err}");
}
