//! Reports scored on different scales (another base, pass mark or rule points) are not merged:
//! the merged scores and verdicts would mix them. Shards of one run whose nested configs score
//! their folders differently still merge.

use crate::merge::merge;
use crate::support::{run, talklint, write};
use std::path::{Path, PathBuf};

/// A folder of calls, half of them with a problem.
fn calls() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..8 {
        let text = match i % 2 {
            0 => "Agent: Hello, how can I help?\n",
            _ => "Agent: Please calm down.\n",
        };
        write(dir.path(), &format!("call-{i}.txt"), text);
    }
    dir
}

/// `talklint check ARGS .` in `dir`, as JSONL with `--exit-zero`: its report, written to
/// `to` as `name`.
fn report(dir: &Path, args: &[&str], to: &Path, name: &str) -> PathBuf {
    let (_, out, err) = run(talklint()
        .current_dir(dir)
        .args(["check", "-f", "jsonl", "--exit-zero"])
        .args(args)
        .arg("."));
    assert!(out.contains("{\"path\""), "{name} holds calls: {err}");
    write(to, name, &out)
}

/// The reports of the two shards of `dir`, the first checked without a config, the second
/// with `second` (its config, or flags that score otherwise); written to `to`.
fn shards(dir: &Path, second: &[&str], to: &Path) -> [PathBuf; 2] {
    let first = ["--no-config", "--shard", "1/2"];
    let second = [second, &["--shard", "2/2"]].concat();
    [
        report(dir, &first, to, "one.jsonl"),
        report(dir, &second, to, "two.jsonl"),
    ]
}

#[test]
fn reports_with_another_pass_mark_are_not_merged() {
    let (dir, out) = (calls(), tempfile::tempdir().unwrap());
    let second = ["--no-config", "--min-score", "85"];
    let reports = shards(dir.path(), &second, out.path());
    let (code, merged, err) = merge(&["-f", "json"], &reports);
    assert_eq!(code, 2, "{merged}");
    assert!(
        err.contains("one.jsonl and ") && err.contains("two.jsonl were scored on different scales"),
        "{err}"
    );
    assert!(
        err.contains("passed with 82, but ") && err.contains("scores 70 and needed 85"),
        "{err}"
    );
    assert!(
        err.contains("(the pass mark: scoring.pass, or min_score"),
        "{err}"
    );
}

#[test]
fn reports_with_another_base_are_not_merged() {
    let (dir, out) = (calls(), tempfile::tempdir().unwrap());
    let config = write(out.path(), "base-90.yaml", "scoring: {base: 90}\n");
    let reports = shards(
        dir.path(),
        &["--config", config.to_str().unwrap()],
        out.path(),
    );
    let (code, _, err) = merge(&["-f", "json"], &reports);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("were scored on different scales"), "{err}");
    assert!(err.contains("from a base of 80, but "), "{err}");
    assert!(err.contains("from a base of 90 (scoring.base)"), "{err}");
}

#[test]
fn a_report_whose_rules_scored_other_points_is_not_merged() {
    let (dir, out) = (calls(), tempfile::tempdir().unwrap());
    let rules = std::fs::read_to_string("fixtures/rules/basic.yaml").unwrap();
    let other = rules.replace(
        "    severity: warning\n    phrases: [\"[you need to] calm down\"]",
        "    severity: warning\n    points: -20\n    phrases: [\"[you need to] calm down\"]",
    );
    assert_ne!(other, rules);
    let other = write(out.path(), "other.yaml", &other);
    let basic = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules/basic.yaml");
    let args = ["--no-config", "-r", basic.to_str().unwrap()];
    let reports = [report(dir.path(), &args, out.path(), "r.jsonl")];
    let (code, _, err) = merge(&["-r", other.to_str().unwrap()], &reports);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "rule `respect/calm-down` has other points in the report than in the loaded rules"
        ),
        "{err}"
    );
    // With the rules it was made with, it merges.
    let (code, _, err) = merge(&["-r", basic.to_str().unwrap()], &reports);
    assert_eq!(code, 0, "{err}");
}

#[test]
fn shards_of_one_run_whose_folders_score_differently_merge() {
    let (dir, out) = (calls(), tempfile::tempdir().unwrap());
    let team = dir.path().join("team");
    std::fs::create_dir(&team).unwrap();
    write(&team, "talklint.yaml", "scoring: {base: 90, pass: 85}\n");
    for i in 0..6 {
        write(&team, &format!("t-{i}.txt"), "Agent: Please calm down.\n");
    }
    let (_, single, _) =
        run(talklint()
            .current_dir(dir.path())
            .args(["check", "-f", "json", "--exit-zero", "."]));
    assert!(single.contains("\"needed\":85"), "{single}");
    let reports: Vec<PathBuf> = (1..=2)
        .map(|k| {
            let shard = format!("{k}/2");
            report(
                dir.path(),
                &["--shard", &shard],
                out.path(),
                &format!("{k}.jsonl"),
            )
        })
        .collect();
    let (code, merged, err) = merge(&["-f", "json", "--exit-zero"], &reports);
    assert_eq!(code, 0, "{err}");
    assert!(merged == single, "merged:\n{merged}\nsingle:\n{single}");
}

/// A report of other rules is refused before any of the merged report is written: the finding
/// that shows it came after a chunk of conversations without findings, which were written.
#[test]
fn a_report_of_other_rules_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let quiet = "{\"messages\": [{\"role\": \"customer\", \"text\": \"Okay.\"}]}\n";
    let last = "{\"messages\": [{\"role\": \"agent\", \"text\": \"Please calm down.\"}]}\n";
    let records = quiet.repeat(2100) + last;
    let check = ["check", "--no-config", "-r", "fixtures/rules/basic.yaml"];
    let (_, out, err) = run(talklint()
        .args(check)
        .args(["-f", "jsonl", "--exit-zero", "--input-format", "jsonl", "-"])
        .write_stdin(records));
    let report = write(dir.path(), "r.jsonl", &out);
    assert!(out.contains("respect/calm-down"), "{err}");
    for format in ["jsonl", "human", "csv"] {
        let (code, merged, err) = run(talklint()
            .args([
                "merge",
                "--no-config",
                "-r",
                "fixtures/rules/keys.yaml",
                "-f",
                format,
            ])
            .arg(&report));
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains("rule `respect/calm-down` is not among the loaded rules"),
            "{err}"
        );
        assert_eq!(merged, "", "{format}");
    }
}
