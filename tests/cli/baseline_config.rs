//! A config's `baseline:` (SPEC §8): read by every run under it, from any folder, as
//! `--baseline` is; `--baseline` names another, `--no-baseline` reads none, and `eval` never
//! reads it.

use crate::support::{run, talklint, write};

/// A folder whose config names a baseline, and one call with a problem.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let config = "rules: [default]\nbaseline: talklint-baseline.json\n";
    write(dir.path(), "talklint.yaml", config);
    std::fs::create_dir(dir.path().join("calls")).unwrap();
    write(dir.path(), "calls/a.txt", "Agent: Please calm down.\n");
    dir
}

#[test]
fn a_configs_baseline_is_read_by_every_run_under_it() {
    let dir = project();
    let root = dir.path();
    let check = |cwd: &std::path::Path, args: &[&str]| {
        run(talklint().current_dir(cwd).arg("check").args(args))
    };
    // Not made yet: every run says how to make it.
    let (code, _, err) = check(root, &[]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("cannot read the baseline"), "{err}");
    assert!(
        err.contains("talklint check --no-baseline --exit-zero -f json -o"),
        "{err}"
    );
    let (_, baseline, err) = check(root, &["--no-baseline", "-f", "json", "--exit-zero"]);
    assert!(baseline.contains("respect/calm-down"), "{err}");
    write(root, "talklint-baseline.json", &baseline);
    for cwd in [root.to_path_buf(), root.join("calls")] {
        let (code, out, err) = check(&cwd, &[]);
        assert_eq!(code, 0, "{}: {out}{err}", cwd.display());
    }
    let (code, out, _) = check(root, &["--no-baseline"]);
    assert_eq!(code, 1, "{out}");
    // `--baseline` names another: an empty report knows nothing.
    let (_, empty, _) = run(talklint().current_dir(root).args([
        "check",
        "--no-baseline",
        "-f",
        "json",
        "--exit-zero",
        "talklint.yaml",
    ]));
    write(root, "other.json", &empty);
    let (code, out, _) = check(root, &["--baseline", "other.json", "calls"]);
    assert_eq!(code, 1, "{out}");
    // A transcript or a folder named by mistake is not offered to be written over.
    for wrong in ["calls/a.txt", "calls"] {
        let (code, _, err) = check(root, &["--baseline", wrong, "calls"]);
        assert_eq!(code, 2, "{err}");
        assert!(!err.contains("help: make a baseline"), "{wrong}: {err}");
    }
    // eval counts every finding as a prediction.
    write(
        root,
        "labels.tsv",
        "path\tturn\trespect/calm-down\ncalls/a.txt\t1\t1\n",
    );
    let (code, out, err) =
        run(talklint()
            .current_dir(root)
            .args(["eval", "--labels", "labels.tsv", "calls"]));
    assert_eq!(code, 0, "{out}{err}");
    let row = out.lines().find(|l| l.starts_with("respect/calm-down"));
    let counts: Vec<&str> = row.unwrap_or_default().split_whitespace().collect();
    assert_eq!(
        counts.get(2..8),
        Some(&["1", "1", "1", "1", "0", "0"][..]),
        "{out}"
    );
}

#[test]
fn an_empty_baseline_is_refused_where_it_is_written() {
    let dir = project();
    for empty in ["\"\"", "'  '"] {
        let config = format!("rules: [default]\nbaseline: {empty}\n");
        write(dir.path(), "talklint.yaml", &config);
        let (code, _, err) = run(talklint().current_dir(dir.path()).arg("check"));
        assert_eq!(code, 2, "{err}");
        assert!(
            err.contains("talklint.yaml:2:11: baseline: invalid value"),
            "{empty}: {err}"
        );
        assert!(!err.contains("cannot read the baseline"), "{err}");
    }
    // Left without a value, the key is unset, as other keys are.
    write(dir.path(), "talklint.yaml", "rules: [default]\nbaseline:\n");
    let (code, out, err) = run(talklint().current_dir(dir.path()).arg("check"));
    assert_eq!(code, 1, "{out}{err}");
}
