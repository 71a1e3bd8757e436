//! An end-of-line `ignore` in a script covers a finding over two lines from either of them:
//! at the end of its last line too, where ruff's users put `noqa` after a string of several
//! lines (it was left unused there, and `--fix` rewrote the match).

use crate::support::{check_in, write};

#[test]
fn an_ignore_at_the_end_of_a_matchs_last_line_covers_it() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "r.yaml",
        "rules: [{id: t/calm, phrases: [calm down], replace: take your time}]",
    );
    let text = "Please calm\ndown now. <!-- talklint: ignore t/calm -->\n\n\
                Please calm\ndown again.\n";
    let path = write(dir.path(), "s.md", text);
    let args = [
        "-r",
        "r.yaml",
        "--warn-unused-ignores",
        "-f",
        "json",
        "s.md",
    ];
    let (_, out, err) = check_in(dir.path(), &args);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}{err}"));
    let c = &v["conversations"][0];
    let lines: Vec<u64> = (c["findings"].as_array().unwrap().iter())
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [4], "only the match the directive is not on: {c}");
    assert_eq!(
        c["warnings"],
        serde_json::Value::Null,
        "the directive is used: {c}"
    );
    check_in(dir.path(), &["-r", "r.yaml", "--fix", "s.md"]);
    let fixed = text.replace("calm\ndown again", "take your\ntime again");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed);
}
