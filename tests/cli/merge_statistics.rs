//! `merge --statistics`: the merge of a run's shards prints the statistics `check --statistics`
//! prints for the run.

use crate::merge::merge;
use crate::support::{check_in, write};

/// Calls of agents written in several cases, one handed on, one failing, one passing, one with
/// a reward; no times (reports hold none).
const CALLS: [(&str, &str); 5] = [
    ("a.txt", "Agent (maria): Hello, calm down.\nCustomer: no\n"),
    (
        "b.txt",
        "Agent (MARIA): Thank you for calling.\nCustomer: hi\n",
    ),
    (
        "c.txt",
        "Agent Tom: Hi. That is not my department.\nCustomer: ok\nAgent (Maria): Calm down.\n",
    ),
    (
        "d.txt",
        "Agent (Ann): I understand how frustrating that is.\nCustomer: yes\n",
    ),
    ("e.txt", "Customer: hello?\nAgent: Please hold.\n"),
];

/// The statistics of a human report: from their first heading to the end.
fn statistics(out: &str) -> &str {
    let at = out
        .find("\nProblems per rule:")
        .unwrap_or_else(|| panic!("{out}"));
    &out[at..]
}

#[test]
fn merged_shards_print_the_statistics_of_the_single_run() {
    let dir = tempfile::tempdir().unwrap();
    let calls = dir.path().join("calls");
    std::fs::create_dir(&calls).unwrap();
    for (name, text) in CALLS {
        write(&calls, name, text);
    }
    let args = ["--exit-zero", "--statistics"];
    let (_, single, err) = check_in(dir.path(), &[&args[..], &["calls"]].concat());
    let single = statistics(&single);
    assert!(single.contains("Mean score per agent"), "{single}{err}");
    assert!(single.contains("  maria (3)\n"), "{single}");
    let shards: Vec<_> = (1..=3)
        .map(|k| {
            let shard = format!("{k}/3");
            let only = ["-f", "jsonl", "--exit-zero", "--shard", &shard, "calls"];
            let (_, out, _) = check_in(dir.path(), &only);
            write(dir.path(), &format!("{k}.jsonl"), &out)
        })
        .collect();
    let (code, merged, err) = merge(&args, &shards);
    assert_eq!(code, 0, "{err}");
    assert_eq!(statistics(&merged), single, "{err}");
    assert!(err.contains("a merge has no \"Timing per agent\""), "{err}");
    // With another format, on standard error, as `check` prints them.
    let (_, json, err) = merge(&[&args[..], &["-f", "json"]].concat(), &shards);
    assert!(json.starts_with('{') && !json.contains("Problems per rule"));
    assert_eq!(statistics(&err), single);
}
