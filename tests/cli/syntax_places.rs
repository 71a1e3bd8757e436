//! Syntax errors named where the mistake is, not where the parser noticed it: a trailing comma
//! in a cloud rule file, a baseline or a report to merge at the comma (serde_json stops at the
//! bracket after it, and counts its columns in bytes), and a `[`, `{` or quote never closed in a YAML rule file where it opens
//! (the parser stops at the next key, or at the end of the file).

use crate::support::{rule_error, run, talklint};

#[test]
fn a_trailing_comma_in_cloud_json_is_named_at_the_comma() {
    for (file, place, closing) in [
        ("trailing-comma.json", "4:48", ']'),
        // The column counts the `é` before the comma as one character.
        ("trailing-comma-object.json", "4:87", '}'),
    ] {
        let path = format!("fixtures/rules/cloud/broken/{file}");
        for cmd in [
            vec!["import", "--no-config", &path],
            vec!["check", "--no-config", "-r", &path, "fixtures/cloud-calls"],
        ] {
            let (code, out, err) = run(talklint().args(&cmd));
            assert_eq!((code, out.as_str()), (2, ""), "{err}");
            let want = format!(
                "error: {path}:{place}: invalid JSON: a comma before `{closing}` with nothing after it\n  help: remove this comma: JSON allows no comma after the last item of a list or an object\n"
            );
            assert!(err.contains(&want), "{err}");
        }
    }
}

#[test]
fn an_unclosed_bracket_in_a_rule_file_is_named_where_it_opens() {
    let list = "rules:\n  - id: a/b\n    phrases: [calm down, relax\n    severity: error\n";
    let err = rule_error(list);
    assert!(
        err.contains("r.yaml:3:14: this `[` is never closed (the parser: did not find expected ',' or ']' at line 4, column 13)"),
        "{err}"
    );
    assert!(
        err.contains("help: a `[…]` list opened above is not closed: end it with `]`"),
        "{err}"
    );
    let mapping = "rules:\n  - id: a/b\n    window: {first_turns: 3\n    phrases: [x]\n";
    let err = rule_error(mapping);
    assert!(
        err.contains("r.yaml:3:13: this `{` is never closed"),
        "{err}"
    );
    assert!(
        err.contains("help: a `{…}` mapping opened above is not closed"),
        "{err}"
    );
    // A list that is closed, with a comma missing, is named where the comma is missing, and its
    // help does not say it is open.
    let err = rule_error("rules:\n  - id: a/b\n    phrases: [\"a\" \"b\"]\n");
    assert!(
        err.contains("r.yaml:3:19: did not find expected ',' or ']'"),
        "{err}"
    );
    assert!(
        err.contains("help: separate the list's items with `,` (`[a, b]`)"),
        "{err}"
    );
}

#[test]
fn an_unclosed_quote_in_a_rule_file_is_named_where_it_opens() {
    let body = "rules:\n  - id: a/b\n    message: \"Désolé, calm down\n    phrases: [x]\n";
    let err = rule_error(body);
    assert!(
        err.contains("r.yaml:3:14: this `\"` string is never closed: the file ends inside it"),
        "{err}"
    );
    assert!(
        err.contains(
            "help: end the string with `\"` where it ends; a `\"` inside it is written `\\\"`"
        ),
        "{err}"
    );
}

/// A report read back, as `--baseline` or by `merge`, with a comma after the last item of an
/// object is named at the comma, in characters, with the help cloud rule files give: it stood
/// at the bracket after it, `trailing comma`, the baseline's help saying to make a baseline.
#[test]
fn a_trailing_comma_in_a_baseline_or_merged_report_is_named_at_the_comma() {
    let calls = [
        "fixtures/calls/courteous.txt",
        "fixtures/calls/deflection.txt",
    ];
    let report = |format: &str| {
        let (code, out, err) = run(talklint()
            .args(["check", "--no-config", "--exit-zero", "-f", format])
            .args(calls));
        assert_eq!(code, 0, "{err}");
        out
    };
    // A JSON report's last value, and the second line of a JSONL report, indented, whose
    // conversation quotes “curly” words: the comma's line and column in characters.
    let json = report("json");
    let body = json.trim_end().strip_suffix('}').unwrap().trim_end();
    let json_at = (
        body.lines().count(),
        body.lines().last().unwrap().chars().count() + 1,
    );
    let json = format!("{body},\n}}\n");
    // A comma in the summary, which a baseline passes over unread (serde skips it, and says
    // `key must be a string` at the bracket, not `trailing comma`) and a merge reads.
    let skipped = report("json").replacen("}}\n", ",}}\n", 1);
    let comma = skipped.find(",}}\n").unwrap();
    let skipped_at = (
        skipped[..comma].lines().count(),
        skipped[..comma].lines().last().unwrap().chars().count() + 1,
    );
    let jsonl = report("jsonl");
    let mut lines: Vec<String> = jsonl.lines().map(str::to_string).collect();
    let second = lines[1].strip_suffix('}').unwrap().to_string();
    assert!(
        second.len() > second.chars().count(),
        "a line with non-ASCII text"
    );
    let jsonl_at = (2, 2 + second.chars().count() + 1);
    lines[1] = format!("  {second},}}");
    let jsonl = lines.join("\n") + "\n";
    let dir = tempfile::tempdir().unwrap();
    let reports = [
        ("r.json", json, json_at, '}'),
        ("r.jsonl", jsonl, jsonl_at, '}'),
        ("s.json", skipped, skipped_at, '}'),
    ];
    for (name, text, (line, column), closing) in reports {
        let path = crate::support::write(dir.path(), name, &text);
        let path = path.to_str().unwrap();
        let want = format!(
            "error: {path}:{line}:{column}: invalid JSON: a comma before `{closing}` with nothing after it\n  help: remove this comma: JSON allows no comma after the last item of a list or an object\n"
        );
        let baseline = ["check", "--no-config", "--baseline", path, calls[0]];
        for args in [&baseline[..], &["merge", path]] {
            let (code, out, err) = run(talklint().args(args));
            assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
            assert!(err.contains(&want), "{args:?}:\n{err}\nwant:\n{want}");
        }
    }
}

/// Any other JSON error in a baseline or a merged report is placed in characters too, as
/// talklint places everything: serde counts its column in bytes, and a conversation's curly
/// quotes before the error moved it four columns right.
#[test]
fn a_json_error_in_a_baseline_or_merged_report_is_placed_in_characters() {
    let (code, json, err) = run(talklint()
        .args(["check", "--no-config", "--exit-zero", "-f", "json"])
        .args([
            "fixtures/calls/courteous.txt",
            "fixtures/calls/deflection.txt",
        ]));
    assert_eq!(code, 0, "{err}");
    // The second finding's rule of a line that quotes “curly” words before it, made a number.
    let mut lines: Vec<String> = json.lines().map(str::to_string).collect();
    let (number, at) = (lines.iter().enumerate())
        .find_map(|(n, l)| {
            let at = l.match_indices("\"rule\":\"").nth(1)?.0;
            (!l[..at].is_ascii()).then_some((n, at))
        })
        .expect("a finding after non-ASCII text");
    let line = &lines[number];
    let end = at + 8 + line[at + 8..].find('"').unwrap();
    lines[number] = format!("{}\"rule\":1{}", &line[..at], &line[end + 1..]);
    let column = lines[number][..at].chars().count() + 8;
    let dir = tempfile::tempdir().unwrap();
    let path = crate::support::write(dir.path(), "r.json", &(lines.join("\n") + "\n"));
    let path = path.to_str().unwrap();
    let want = format!("error: {path}:{}:{column}: ", number + 1);
    let baseline = [
        "check",
        "--no-config",
        "--baseline",
        path,
        "fixtures/calls/courteous.txt",
    ];
    for args in [&baseline[..], &["merge", path]] {
        let (code, _, err) = run(talklint().args(args));
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(
            err.starts_with(&want) && err.contains("invalid type: integer `1`"),
            "{args:?}:\n{err}\nwant: {want}"
        );
    }
}
