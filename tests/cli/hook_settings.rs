//! A commit that stages another tool's JSON settings (`package.json`, `renovate.json`) or the
//! project's documentation (`README.md`) beside the scripts: the pre-commit hook leaves the
//! well-known ones out, and a file named whose JSON is no transcript's is an error that says how
//! to exclude it.

use crate::support::{run, talklint, write};
use std::fs;

fn hook() -> serde_yaml::Value {
    let text = fs::read_to_string(".pre-commit-hooks.yaml").unwrap();
    serde_yaml::from_str::<serde_yaml::Value>(&text).unwrap()[0].clone()
}

#[test]
fn the_hook_leaves_out_other_tools_json_settings_and_keeps_transcripts() {
    // pre-commit searches `exclude` in the path from the repository's root, as `is_match` does.
    let exclude = regex::Regex::new(hook()["exclude"].as_str().unwrap_or("$^")).unwrap();
    for settings in [
        "package.json",
        "web/package-lock.json",
        "tsconfig.json",
        "tsconfig.build.json",
        "renovate.json",
        ".vscode/settings.json",
        "composer.json",
        // A project's documentation, as a walk leaves it out.
        "README.md",
        "replies/readme.txt",
        "CHANGELOG.md",
        "CODE-OF-CONDUCT.md",
    ] {
        assert!(exclude.is_match(settings), "{settings}");
    }
    for transcript in [
        "replies/refund.json",
        "chat.json",
        "calls/package.jsonl",
        "a.md",
        "replies/license-renewal.txt",
    ] {
        assert!(!exclude.is_match(transcript), "{transcript}");
    }
}

#[test]
fn a_named_json_that_is_no_transcript_says_how_to_exclude_it() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "renovate.json",
        "{\"extends\": [\"config:base\"]}\n",
    );
    write(
        dir.path(),
        "broken.json",
        "[{\"role\": \"agent\", \"text\": \"Hi\"\n",
    );
    let entry = hook()["entry"].as_str().unwrap().to_string();
    let entry: Vec<&str> = entry.split_whitespace().skip(1).collect();
    let commit = |config: &str, staged: &[&str]| {
        write(dir.path(), "talklint.yaml", config);
        run(talklint().current_dir(dir.path()).args(&entry).args(staged))
    };

    let (code, out, err) = commit("rules: [default]\n", &["renovate.json"]);
    assert_eq!(code, 2, "{out}{err}");
    let fix = "if renovate.json is no transcript, leave it out: `exclude: [\"renovate.json\"]` in \
               talklint.yaml, or `exclude: '^renovate\\.json$'` on the talklint hook";
    assert!(err.contains(fix), "{err}");

    // Either fix works: the config's glob skips it.
    let (code, out, err) = commit(
        "rules: [default]\nexclude: [\"renovate.json\"]\n",
        &["renovate.json"],
    );
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("1 file skipped"), "{out}");

    // A broken transcript stays an error, with no word of excluding it.
    let (code, out, err) = commit("rules: [default]\n", &["broken.json"]);
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("broken.json") && !err.contains("leave it out"),
        "{err}"
    );
}
