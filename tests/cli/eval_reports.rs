//! Where `talklint eval` writes and what it reads, through the binary: a report never replaces a
//! transcript, the labels, a rule file or another report, eval's own report stays out of the
//! folders it checks, and a labels file inside them is skipped, not read as a transcript; a
//! label's path names a file by its whole path or a unique trailing part.

use crate::support::{run, talklint};
use std::fs;
use std::path::Path;

const LABELS: &str = "path,turn,respect\nb.txt,1,1\n";

/// A folder `calls` with two calls (`b.txt` has a `respect` finding on turn 1) and `labels.csv`
/// beside it.
fn setup(dir: &Path) {
    fs::create_dir(dir.join("calls")).unwrap();
    fs::write(dir.join("calls/a.txt"), "Agent: Hello, I can help.\n").unwrap();
    fs::write(
        dir.join("calls/b.txt"),
        "Agent: Calm down.\nCustomer: what\n",
    )
    .unwrap();
    fs::write(dir.join("labels.csv"), LABELS).unwrap();
}

/// `talklint eval --no-config` run in `dir`.
pub(crate) fn eval_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    run(talklint()
        .current_dir(dir)
        .args(["eval", "--no-config"])
        .args(args))
}

#[test]
fn a_report_over_what_the_run_reads_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let rules = fs::read_to_string("fixtures/rules/basic.yaml").unwrap();
    fs::write(dir.path().join("r.yaml"), &rules).unwrap();
    let cases: [(&[&str], &str); 5] = [
        (
            &["-o", "labels.csv"],
            "labels.csv is the labels file this run scores against",
        ),
        (
            &["--output-json", "labels.csv"],
            "labels file this run scores against",
        ),
        (&["-o", "calls/b.txt"], "calls/b.txt is a file in calls"),
        (
            &["-r", "r.yaml", "-o", "r.yaml"],
            "r.yaml is a rule file this run loads",
        ),
        (
            &["-o", "out.json", "--output-csv", "./out.json"],
            "named for two reports",
        ),
    ];
    for (flags, said) in cases {
        let mut args = vec!["--labels", "labels.csv"];
        args.extend(flags);
        args.push("calls");
        let (code, out, err) = eval_in(dir.path(), &args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}: {err}");
        assert!(err.contains(said), "{args:?}: {err}");
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("labels.csv")).unwrap(),
        LABELS
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("r.yaml")).unwrap(),
        rules
    );
    assert!(!dir.path().join("out.json").exists());
    let (code, _, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "-r",
        "r.yaml",
        "-o",
        "r.yaml",
        "calls",
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("r.yaml is a rule file this run loads"),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("r.yaml")).unwrap(),
        rules
    );
}

#[test]
fn evals_own_report_stays_out_of_the_folders_it_checks() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let (code, _, err) = eval_in(
        dir.path(),
        &["--labels", "labels.csv", "-o", "calls/ev.txt", "calls"],
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("calls/ev.txt is in calls, which this run checks"),
        "{err}"
    );
    assert!(!dir.path().join("calls/ev.txt").exists());
    // Outside them, it is written, and again over itself.
    for _ in 0..2 {
        let (code, out, err) = eval_in(
            dir.path(),
            &["--labels", "labels.csv", "-o", "ev.txt", "calls"],
        );
        assert_eq!((code, out.as_str()), (0, ""), "{err}");
    }
    assert!(
        fs::read_to_string(dir.path().join("ev.txt"))
            .unwrap()
            .contains("respect")
    );
}

#[test]
fn a_labels_file_in_a_checked_folder_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    fs::rename(
        dir.path().join("labels.csv"),
        dir.path().join("calls/labels.csv"),
    )
    .unwrap();
    let calls = dir.path().join("calls");
    let (code, out, err) = eval_in(
        &calls,
        &["--labels", "labels.csv", "--output-json", "../r.json"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("respect"), "{out}");
    let report = fs::read_to_string(dir.path().join("r.json")).unwrap();
    assert!(
        report.contains("\"skipped\":[{\"path\":\"labels.csv\",\"reason\":\"the labels file this run scores against\""),
        "{report}"
    );
}

#[test]
fn a_report_over_a_file_a_config_loads_is_refused() {
    // Only the files named on the command line were protected: a found config and its rule
    // files were overwritten.
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let rules = fs::read_to_string("fixtures/rules/basic.yaml").unwrap();
    fs::write(dir.path().join("mine.yaml"), &rules).unwrap();
    fs::write(dir.path().join("talklint.yaml"), "rules: [./mine.yaml]\n").unwrap();
    for (report, said) in [
        ("mine.yaml", "mine.yaml is a rule file this run loads"),
        ("talklint.yaml", "talklint.yaml is a config this run reads"),
    ] {
        let (code, _, err) = run(talklint()
            .current_dir(dir.path())
            .args(["check", "-o", report, "calls"]));
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(said), "{err}");
    }
    assert_eq!(
        fs::read_to_string(dir.path().join("mine.yaml")).unwrap(),
        rules
    );
    // The baseline is read whole first: a report may roll it forward in place.
    let first = ["check", "-f", "json", "-o", "b.json", "calls"];
    let (code, _, err) = run(talklint().current_dir(dir.path()).args(first));
    assert!(code < 2, "{err}");
    let roll = [
        "check",
        "--baseline",
        "b.json",
        "--output-json",
        "b.json",
        "calls",
    ];
    // Without --show-suppressed the report would leave out what the baseline knows.
    let (code, _, err) = run(talklint().current_dir(dir.path()).args(roll));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("add --show-suppressed to roll the baseline forward"),
        "{err}"
    );
    let (code, _, err) = run(talklint()
        .current_dir(dir.path())
        .args(roll)
        .arg("--show-suppressed"));
    assert_eq!(code, 0, "{err}");
    // The rolled baseline still knows every finding: a run against it finds nothing new.
    let (code, _, err) =
        run(talklint()
            .current_dir(dir.path())
            .args(["check", "--baseline", "b.json", "calls"]));
    assert_eq!(code, 0, "{err}");
}

#[test]
fn a_trailing_part_of_a_path_names_one_file_or_is_ambiguous() {
    let dir = tempfile::tempdir().unwrap();
    for (folder, name) in [("x", "a.txt"), ("y", "a.txt"), ("y", "b.txt")] {
        fs::create_dir_all(dir.path().join(folder)).unwrap();
        fs::write(dir.path().join(folder).join(name), "Agent: Calm down.\n").unwrap();
    }
    let write = |labels: &str| fs::write(dir.path().join("l.csv"), labels).unwrap();
    write("path,turn,respect\ny/a.txt,1,1\nb.txt,1,1\n./x//a.txt,1,1\n");
    let (code, out, err) = eval_in(dir.path(), &["--labels", "l.csv", "x", "y"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("respect   turn                 3         3          3"),
        "{out}"
    );
    write("path,turn,respect\nb.txt,1,1\na.txt,1,1\n");
    let (code, _, err) = eval_in(dir.path(), &["--labels", "l.csv", "x", "y"]);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("l.csv:3:1: `a.txt` is ambiguous: 2 checked files end with it"),
        "{err}"
    );
}

#[test]
fn shard_is_refused_since_eval_scores_every_label_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let (code, out, err) = eval_in(
        dir.path(),
        &["--labels", "labels.csv", "--shard", "1/2", "calls"],
    );
    assert_eq!((code, out.as_str()), (2, ""), "{err}");
    assert!(err.contains("help: run eval without --shard"), "{err}");
}
