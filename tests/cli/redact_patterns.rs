//! `--redact` with the config's `redact_patterns`: they match as rule regexes do, in any case
//! and multi-line, so a pattern anchored with `^` and `$` masks a line of a turn in every report.

use crate::support::{FORMATS, quoting, run, talklint, write};

#[test]
fn anchored_patterns_match_each_line_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let turn = "rules:\n  - id: pii/turn\n    kind: forbid\n    severity: error\n    \
                speaker: customer\n    regex: ['^.*$']\n    message: \"T: {match}\"\n";
    write(dir.path(), "turn.yaml", turn);
    let config = "rules: [default, turn.yaml]\nredact: true\nredact_patterns: ['^ACC-\\d{6}$']\n";
    write(dir.path(), "talklint.yaml", config);
    write(
        dir.path(),
        "r.txt",
        "Agent: Hello how can I help\nCustomer: hello\nACC-123456\n",
    );
    // With CRLF line ends too: `$` once failed before the `\r`, and the account showed.
    write(
        dir.path(),
        "crlf.txt",
        "Agent: Hello how can I help\r\nCustomer: hello\r\nACC-123456\r\nthanks\r\n",
    );
    for (format, file) in FORMATS
        .iter()
        .flat_map(|f| [(*f, "r.txt"), (*f, "crlf.txt")])
    {
        let args = [
            "check",
            "--color",
            "never",
            quoting(format),
            "-f",
            format,
            file,
        ];
        let (_, out, err) = run(talklint().current_dir(dir.path()).args(args));
        assert!(out.contains("[REDACTED]"), "{format} {file}:\n{out}\n{err}");
        assert!(
            !out.contains("123456"),
            "{format} {file} shows the account:\n{out}"
        );
    }
}

/// A rule regex anchored at a line's start and end matches in a CRLF file as in an LF one: `$`
/// failed before the `\r`, and the rule found nothing.
#[test]
fn anchored_rule_regexes_match_the_lines_of_a_crlf_file() {
    let dir = tempfile::tempdir().unwrap();
    let rule = "rules:\n  - id: x/acc\n    speaker: any\n    regex: ['^ACC-\\d{6}$']\n";
    write(dir.path(), "acc.yaml", rule);
    for (name, end) in [("lf.txt", "\n"), ("crlf.txt", "\r\n")] {
        let text = ["Agent: hello", "Customer: hi", "ACC-123456", "thanks", ""].join(end);
        write(dir.path(), name, &text);
        let (code, out, err) = run(talklint().current_dir(dir.path()).args([
            "check",
            "--no-config",
            "-r",
            "acc.yaml",
            "-f",
            "json",
            "--exit-zero",
            name,
        ]));
        assert_eq!(code, 0, "{err}");
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let f = &v["conversations"][0]["findings"][0];
        assert_eq!(
            (&f["rule"], &f["line"], &f["match"]),
            (&"x/acc".into(), &3.into(), &"ACC-123456".into()),
            "{name}: {out}"
        );
    }
}
