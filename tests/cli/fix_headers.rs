//! The file names of a `--diff`'s headers, written as `git diff --no-index` writes them, so that
//! `git apply` and `patch -p1` find the file.

use crate::support::{run, talklint, write};

#[test]
fn an_absolute_path_is_named_without_a_doubled_slash() {
    let dir = tempfile::tempdir().unwrap();
    let call = write(dir.path(), "call.txt", "Agent: No problem.\n");
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "--diff"])
        .arg(&call));
    assert_eq!(code, 1, "{err}");
    let shown = call.display().to_string();
    let name = shown.trim_start_matches('/');
    assert!(
        out.starts_with(&format!("--- a/{name}\n+++ b/{name}\n")),
        "{out}"
    );
}
