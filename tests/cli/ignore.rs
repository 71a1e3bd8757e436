//! Ignore files as ripgrep honours them: `.gitignore` (in a git repository only), `.ignore` and
//! `.talklintignore`; `--no-ignore`; named files always read; and what a bare `talklint` lints in
//! a clone of this repository.

use crate::support::json_report_in;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::Command;

const TURN: &str = "Agent: Hello, how can I help?\n";

/// Runs `git ARGS` in `dir`; false (with a message) when git is not installed.
fn git(dir: &Path, args: &[&str]) -> bool {
    match Command::new("git").current_dir(dir).args(args).output() {
        Ok(out) => {
            assert!(
                out.status.success(),
                "git {args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            true
        }
        Err(e) => {
            eprintln!("skipped: git cannot run ({e})");
            false
        }
    }
}

/// A folder with a file listed in each ignore file and one listed in none.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for name in ["by-git.txt", "by-ignore.txt", "by-talklint.txt", "kept.txt"] {
        fs::write(dir.path().join(name), TURN).unwrap();
    }
    fs::write(dir.path().join(".gitignore"), "by-git.txt\n").unwrap();
    fs::write(dir.path().join(".ignore"), "by-ignore.txt\n").unwrap();
    fs::write(dir.path().join(".talklintignore"), "by-talklint.txt\n").unwrap();
    dir
}

/// Every path the report names (conversations, skipped and errors), sorted, once each.
fn reported(v: &Value) -> BTreeSet<String> {
    ["conversations", "skipped", "errors"]
        .iter()
        .flat_map(|k| v[k].as_array().into_iter().flatten())
        .filter_map(|e| e["path"].as_str().map(str::to_string))
        .collect()
}

/// `talklint check --no-config --format json --exit-zero ARGS` run in `dir`: the exit code
/// and the report.
fn report_in(dir: &Path, args: &[&str]) -> (i32, Value) {
    let mut all = vec!["--no-config", "--exit-zero"];
    all.extend_from_slice(args);
    json_report_in(dir, &all)
}

/// The paths `report_in` reports.
fn paths_checked(dir: &Path, args: &[&str]) -> BTreeSet<String> {
    reported(&report_in(dir, args).1)
}

fn set(names: &[&str]) -> BTreeSet<String> {
    names.iter().map(|s| s.to_string()).collect()
}

#[test]
fn ignore_files_leave_out_what_they_list_in_a_git_repository() {
    let dir = folder();
    if !git(dir.path(), &["init", "-q"]) {
        return;
    }
    assert_eq!(paths_checked(dir.path(), &[]), set(&["kept.txt"]));
    assert_eq!(
        paths_checked(dir.path(), &["--no-ignore"]),
        set(&["by-git.txt", "by-ignore.txt", "by-talklint.txt", "kept.txt"])
    );
    // Parent folders' ignore files apply to a folder walked inside them.
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(dir.path().join("sub/kept.txt"), TURN).unwrap();
    fs::write(dir.path().join("sub/by-talklint.txt"), TURN).unwrap();
    assert_eq!(paths_checked(dir.path(), &["sub"]), set(&["sub/kept.txt"]));
}

#[test]
fn a_file_named_on_the_command_line_is_checked_even_if_ignored() {
    let dir = folder();
    if !git(dir.path(), &["init", "-q"]) {
        return;
    }
    assert_eq!(
        paths_checked(
            dir.path(),
            &["by-git.txt", "by-talklint.txt", "by-ignore.txt"]
        ),
        set(&["by-git.txt", "by-ignore.txt", "by-talklint.txt"])
    );
}

/// The paths of the conversations a report holds, sorted.
fn conversations(v: &Value) -> BTreeSet<String> {
    let convs = v["conversations"].as_array().into_iter().flatten();
    convs
        .filter_map(|c| c["path"].as_str().map(str::to_string))
        .collect()
}

#[test]
fn force_exclude_leaves_out_a_named_file_as_the_walk_would() {
    let outer = tempfile::tempdir().unwrap();
    let repo = outer.path().join("repo");
    fs::create_dir_all(repo.join("sub")).unwrap();
    if !git(&repo, &["init", "-q"]) {
        return;
    }
    let files = [
        "by-git.txt",
        "by-ignore.txt",
        "by-talklint.txt",
        "by-exclude.txt",
        "outside.txt",
        "kept.txt",
        "sub/kept-again.txt",
        "sub/kept-by-talklint.txt",
    ];
    for name in files {
        fs::write(repo.join(name), TURN).unwrap();
    }
    // Above the repository: git's excludes stop at its top folder.
    fs::write(outer.path().join(".gitignore"), "outside.txt\n").unwrap();
    fs::write(
        repo.join(".gitignore"),
        "by-git.txt\nkept-by-talklint.txt\n",
    )
    .unwrap();
    fs::write(repo.join(".ignore"), "by-ignore.txt\n").unwrap();
    fs::write(
        repo.join(".talklintignore"),
        "by-talklint.txt\nkept-again.txt\n",
    )
    .unwrap();
    fs::write(repo.join(".git/info/exclude"), "by-exclude.txt\n").unwrap();
    // `.talklintignore` at any level decides before `.ignore`, which decides before git's.
    fs::write(repo.join("sub/.ignore"), "!kept-again.txt\n").unwrap();
    fs::write(repo.join("sub/.talklintignore"), "!kept-by-talklint.txt\n").unwrap();
    let walked = conversations(&report_in(&repo, &[]).1);
    assert_eq!(
        walked,
        set(&["kept.txt", "outside.txt", "sub/kept-by-talklint.txt"])
    );
    let (_, v) = report_in(&repo, &[&["--force-exclude"], &files[..]].concat());
    assert_eq!(conversations(&v), walked, "{v}");
    let reason = |path: &str| {
        let skipped = v["skipped"].as_array().into_iter().flatten();
        let found = skipped.into_iter().find(|s| s["path"] == path);
        found
            .and_then(|s| s["reason"].as_str())
            .unwrap_or_default()
            .to_string()
    };
    let info = repo.join(".git/info/exclude").display().to_string();
    assert_eq!(
        reason("by-exclude.txt"),
        format!("excluded by `by-exclude.txt` in {info} (--force-exclude)")
    );
    // `--no-ignore` honours none of them.
    let all = paths_checked(
        &repo,
        &[&["--force-exclude", "--no-ignore"], &files[..]].concat(),
    );
    assert_eq!(all.len(), files.len(), "{all:?}");
}

#[test]
fn outside_a_git_repository_gitignore_does_not_apply() {
    // ripgrep's default: `.gitignore` only in a git repository; `.ignore` and `.talklintignore`
    // everywhere. (The temporary folder is outside any repository.)
    let dir = folder();
    assert_eq!(
        paths_checked(dir.path(), &[]),
        set(&["by-git.txt", "kept.txt"])
    );
}

/// What the README says a bare `talklint` lints in this repository: the transcripts under
/// `fixtures/`, that is every tracked file there but rule packs, labels, schemas, notes on
/// sources and licences, and the Deepgram samples' `.cmd` files (`.talklintignore`).
fn transcripts_of_the_repository(clone: &Path) -> BTreeSet<String> {
    let out = Command::new("git")
        .current_dir(clone)
        .args(["ls-files"])
        .output()
        .expect("git ls-files runs");
    let names = String::from_utf8_lossy(&out.stdout).into_owned();
    names
        .lines()
        .filter(|p| p.starts_with("fixtures/"))
        .filter(|p| {
            ![
                "fixtures/rules/",
                "fixtures/labels/",
                "fixtures/schemas/",
                "fixtures/configs/",
            ]
            .iter()
            .any(|dir| p.starts_with(dir))
        })
        .filter(|p| {
            let name = p.rsplit('/').next().unwrap_or(p);
            !(["README.md", "SOURCES.md", "SOURCE_COMMIT.txt"].contains(&name)
                || name.starts_with("LICENSE")
                || name.ends_with(".cmd"))
        })
        .map(str::to_string)
        .collect()
}

#[test]
fn a_bare_talklint_in_a_clone_of_the_repository_lints_its_transcripts_only() {
    let tmp = tempfile::tempdir().unwrap();
    let clone = tmp.path().join("talklint");
    let Some(clone_str) = clone.to_str() else {
        return;
    };
    if !git(
        tmp.path(),
        &[
            "clone",
            "-q",
            "--no-hardlinks",
            env!("CARGO_MANIFEST_DIR"),
            clone_str,
        ],
    ) {
        return;
    }
    // A build's output, which `.gitignore` leaves out.
    fs::create_dir_all(clone.join("target/debug")).unwrap();
    fs::write(clone.join("target/debug/notes.txt"), TURN).unwrap();
    let checked = paths_checked(&clone, &[]);
    assert!(
        checked.iter().all(|p| !p.starts_with("target/")),
        "{checked:?}"
    );
    let expected = transcripts_of_the_repository(&clone);
    assert!(expected.len() > 50, "{expected:?}");
    assert_eq!(checked, expected);
}

#[test]
fn a_bad_glob_in_an_ignore_file_is_an_error_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), TURN).unwrap();
    fs::write(dir.path().join("b.txt"), TURN).unwrap();
    fs::write(dir.path().join(".talklintignore"), "{a\nb.txt\n").unwrap();
    let (code, v) = report_in(dir.path(), &[]);
    assert_eq!(code, 2, "{v}");
    assert_eq!(v["conversations"][0]["path"], "a.txt");
    assert_eq!(v["errors"][0]["path"], ".talklintignore", "{v}");
    let message = v["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("line 1, column 1: ") && message.contains("{a"),
        "{message}"
    );
    assert!(
        message.ends_with("fix the glob (gitignore's syntax) or remove the line"),
        "{message}"
    );
    // Two bad globs: one error on the ignore file (it was put on the folder walked, the
    // first message without its line), naming each line.
    fs::write(dir.path().join(".talklintignore"), "{a\n[z-a]\nb.txt\n").unwrap();
    let (_, v) = report_in(dir.path(), &[]);
    assert_eq!(v["errors"][0]["path"], ".talklintignore", "{v}");
    let message = v["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with("line 1, column 1: ") && message.contains("; line 2, column 1: "),
        "{message}"
    );
    assert_eq!(message.matches("fix the glob").count(), 1, "{message}");
}

#[test]
fn a_bad_glob_is_reported_once_when_folders_given_overlap() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(dir.path().join("sub/a.txt"), TURN).unwrap();
    fs::write(dir.path().join("sub/.talklintignore"), "{a\n").unwrap();
    let (code, v) = report_in(dir.path(), &[".", "sub", "./sub"]);
    assert_eq!(code, 2, "{v}");
    assert_eq!(v["summary"]["conversations"], 1, "{v}");
    assert_eq!(v["errors"].as_array().map(Vec::len), Some(1), "{v}");
    // Two folders side by side under a parent's bad ignore file.
    fs::create_dir(dir.path().join("other")).unwrap();
    fs::write(dir.path().join("other/b.txt"), TURN).unwrap();
    fs::write(dir.path().join(".talklintignore"), "{b\n").unwrap();
    let (_, v) = report_in(dir.path(), &["sub", "other"]);
    assert_eq!(v["summary"]["conversations"], 2, "{v}");
    let errors: Vec<&str> = (v["errors"].as_array().unwrap().iter())
        .filter_map(|e| e["path"].as_str())
        .collect();
    // The parent's file once (the walker names it by its full path), and `sub`'s own.
    assert_eq!(errors.len(), 2, "{v}");
    assert!(errors.contains(&"sub/.talklintignore"), "{v}");
    let parent = dir.path().join(".talklintignore");
    assert!(errors.contains(&parent.to_str().unwrap()), "{v}");
}

#[test]
fn an_unclosed_bracket_is_literal_as_in_git() {
    // git, and the `ignore` crate after it, read `[draft` as those six characters.
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("[draft"), TURN).unwrap();
    fs::write(dir.path().join("kept.txt"), TURN).unwrap();
    fs::write(dir.path().join(".talklintignore"), "[draft\n").unwrap();
    let (code, v) = report_in(dir.path(), &["--include", "*"]);
    assert_eq!(code, 0, "{v}");
    assert_eq!(reported(&v), BTreeSet::from(["kept.txt".to_string()]));
}

/// `--include` and `--exclude` read globs as ripgrep's `-g` does: with a `/`, the path as
/// reports print it, or the path below the folder walked, `*` not crossing `/`; without, a name
/// at any depth; `!` in `--include` excludes.
#[test]
fn walk_globs_read_as_ripgrep_reads_them() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("a/b")).unwrap();
    for name in ["z.txt", "a/x.txt", "a/b/y.txt"] {
        fs::write(dir.path().join(name), TURN).unwrap();
    }
    let cases: [(&[&str], &[&str]); 10] = [
        (&["--include", "a/*.txt"], &["a/x.txt"]),
        (&["--include", "/a/**"], &["a/x.txt", "a/b/y.txt"]),
        (&["--include", "*.txt"], &["z.txt", "a/x.txt", "a/b/y.txt"]),
        (&["--include", "y*"], &["a/b/y.txt"]),
        (&["--include", "!a/b/**"], &["z.txt", "a/x.txt"]),
        (&["--exclude", "a/*"], &["z.txt"]),
        // A trailing `/` names a folder wherever it is, as in `.gitignore`.
        (&["--exclude", "b/"], &["z.txt", "a/x.txt"]),
        // Walking `a`, the path a report prints matches (it did not: `a/b/**` excluded nothing
        // and `a/*.txt` took nothing), and so does the path below `a`.
        (&["--exclude", "a/b/**", "a"], &["a/x.txt"]),
        (&["--include", "a/*.txt", "a"], &["a/x.txt"]),
        (&["--include", "b/*.txt", "a"], &["a/b/y.txt"]),
    ];
    for (args, expected) in cases {
        assert_eq!(paths_checked(dir.path(), args), set(expected), "{args:?}");
    }
    // Absolute paths, as reports print them for an absolute folder (they matched nothing).
    let abs = |p: &str| format!("{}/{p}", dir.path().display());
    for (flag, glob, expected) in [
        ("--exclude", "a/b/*.txt", "a/x.txt"),
        ("--include", "a/b/*.txt", "a/b/y.txt"),
    ] {
        let checked = paths_checked(dir.path(), &[flag, &abs(glob), &abs("a")]);
        assert_eq!(checked, set(&[&abs(expected)]), "{flag} {glob}");
    }
}
