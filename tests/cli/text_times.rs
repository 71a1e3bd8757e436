//! Times written with the speaker labels of text transcripts that talklint cannot read, or reads
//! only in part: the label is still read, so the turn stays its speaker's and its findings are
//! reported, and a warning names the time's line and column and how to write it (a bad time
//! merged the agent's line into the customer's turn, its findings lost, with no word said).

use crate::labels::found;
use crate::support::{default_pack, run, talklint, write};
use serde_json::Value;

/// The customer, then the agent closing the door after `stamp`, then the customer again.
fn call(stamp: &str) -> String {
    format!("Customer: hi there\n{stamp} that is not my department\nCustomer: ok\n")
}

/// A time that is none (seconds or minutes past 59, a letter in it) before or after the agent's
/// label: the agent's turn is read, untimed, and the warning says how to write the time.
#[test]
fn a_time_that_is_none_leaves_the_label_read_and_is_named() {
    let dir = tempfile::tempdir().unwrap();
    for (stamp, column, said) in [
        (
            "[00:00:75] Agent:",
            2,
            "`00:00:75` is not a time: seconds run 0–59; write `[00:01:15]`",
        ),
        (
            "[00:01:60] Agent:",
            2,
            "`00:01:60` is not a time: seconds run 0–59; write `[00:02:00]`",
        ),
        (
            "[1:75] Agent:",
            2,
            "`1:75` is not a time: seconds run 0–59; write `[2:15]`",
        ),
        (
            "00:00:75 Agent:",
            1,
            "`00:00:75` is not a time: seconds run 0–59; write `00:01:15`",
        ),
        (
            "(00:75:00) Agent:",
            2,
            "minutes run 0–59; write `(01:15:00)`",
        ),
        (
            "Agent [00:00:75]:",
            8,
            "`00:00:75` is not a time: seconds run 0–59",
        ),
        (
            "[00:00:5x] Agent:",
            2,
            "`00:00:5x` is not a time; write one as `[hh:mm:ss]`",
        ),
    ] {
        let c = default_pack(
            write(dir.path(), "call.txt", &call(stamp))
                .to_str()
                .unwrap(),
        );
        assert_eq!(c["turns"], 3, "{stamp}: {c}");
        assert!(
            found(&c).contains(&("ownership/closed-door", "agent", 2, None)),
            "{stamp}: {c}"
        );
        let warnings = c["warnings"].to_string();
        assert!(
            warnings.contains(&format!("line 2, column {column}: "))
                && warnings.contains(said)
                && warnings.contains("the turn is read without a time"),
            "{stamp}: {c}"
        );
    }
    // The human report names the file, and the agent's error fails the run.
    let (code, out, err) = crate::support::check_in(dir.path(), &["call.txt"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        format!("{out}{err}").contains("call.txt: line 2, column 2: `00:00:5x` is not a time"),
        "{out}{err}"
    );
}

/// A span written `[a to b]` is read as a span, as `[a-b]` is, with no warning.
#[test]
fn a_span_written_with_to_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = call("[00:00:05 to 00:00:09] Agent:");
    let c = default_pack(write(dir.path(), "call.txt", &text).to_str().unwrap());
    assert_eq!(
        (&c["turns"], &c["warnings"]),
        (&3.into(), &Value::Null),
        "{c}"
    );
    assert!(
        found(&c).contains(&("ownership/closed-door", "agent", 2, Some(5_000))),
        "{c}"
    );
}

/// A span that ends before it starts keeps its start; its end is dropped, and a warning at its
/// line and column says so, wherever the span is written.
#[test]
fn a_span_that_ends_before_it_starts_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "gap.yaml",
        "rules:\n  - {id: s/gap, speaker: any, timing: {silence_seconds: 5}}\n",
    );
    for (label, column) in [
        ("[00:00:30-00:00:20] Customer:", 2),
        ("Customer [00:00:30-00:00:20]:", 11),
        ("Customer 00:00:30-00:00:20:", 10),
    ] {
        let text = format!("[00:00:00-00:00:10] Agent: Hello.\n{label} hi\n[00:00:31] Agent: ok\n");
        let path = write(dir.path(), "call.txt", &text);
        let (_, out, err) = run(talklint()
            .args(["check", "--no-config", "-f", "json", "-r"])
            .arg(&rules)
            .arg(&path));
        let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
        let c = &report["conversations"][0];
        let warnings = c["warnings"].to_string();
        assert!(
            warnings.contains(&format!(
                "line 2, column {column}: `00:00:30-00:00:20` ends before it starts, so its end is \
                 dropped"
            )),
            "{label}: {c}"
        );
        // The customer's turn starts at 30 s, after a 20-second gap; it ends where the agent's
        // next turn starts, so no gap follows it.
        let gaps: Vec<_> = found(c).into_iter().map(|f| (f.0, f.2)).collect();
        assert_eq!(gaps, [("s/gap", 2)], "{label}: {c}");
    }
    // An Otter turn header's span too (it was read without a word).
    let text = "Sarah Lee  0:00\nHello.\n\nJohn Smith  0:30-0:20\nhi\n\nSarah Lee  0:31\nok\n";
    let path = write(dir.path(), "otter.txt", text);
    let (_, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "json"])
        .arg(&path));
    let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let warnings = report["conversations"][0]["warnings"].to_string();
    assert!(
        warnings.contains("line 4, column 13: `0:30-0:20` ends before it starts"),
        "{warnings}"
    );
}
