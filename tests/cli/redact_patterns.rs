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
    for format in FORMATS {
        let args = [
            "check",
            "--color",
            "never",
            quoting(format),
            "-f",
            format,
            "r.txt",
        ];
        let (_, out, err) = run(talklint().current_dir(dir.path()).args(args));
        assert!(out.contains("[REDACTED]"), "{format}:\n{out}\n{err}");
        assert!(
            !out.contains("123456"),
            "{format} shows the account:\n{out}"
        );
    }
}
