//! The file names of a `--diff`'s headers, written as `git diff` writes them (from the root of
//! the file's repository), so that `git apply` and `patch -p1` run there find the file.

use crate::support::{run, talklint, write};

#[test]
fn an_absolute_path_is_named_without_a_doubled_slash() {
    let dir = tempfile::tempdir().unwrap();
    let call = write(dir.path(), "call.txt", "Agent: No problem.\n");
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "--diff"])
        .arg(&call));
    assert_eq!(code, 1, "{err}");
    let shown = call.display().to_string();
    let name = shown.trim_start_matches('/');
    assert!(
        out.starts_with(&format!("--- a/{name}\n+++ b/{name}\n")),
        "{out}"
    );
}

/// Runs `program args` in `dir` with `patch` on its standard input: its exit code and errors.
fn apply_in(dir: &std::path::Path, program: &str, args: &[&str], patch: &str) -> (i32, String) {
    let (code, _, err) = run(assert_cmd::Command::new(program)
        .current_dir(dir)
        .args(args)
        .write_stdin(patch));
    (code, err)
}

/// A file given through `../`, by an absolute path, or from its own folder, is named in the
/// headers from the root of its git repository, as `git diff` names it: `git apply` and
/// `patch -p1` run there apply the diff, wherever talklint ran (`a/../calls/a.txt` was refused
/// as an invalid path, and an absolute path named the file from the file system's root).
#[test]
fn a_file_is_named_from_its_repository_root_however_it_was_given() {
    let top = tempfile::tempdir().unwrap();
    let repo = top.path().join("repo");
    for folder in ["calls", "scripts", "../elsewhere"] {
        std::fs::create_dir_all(repo.join(folder)).unwrap();
    }
    let (code, err) = apply_in(&repo, "git", &["init", "-q", "."], "");
    assert_eq!(code, 0, "{err}");
    let text = "Customer: Thanks.\nAgent: No problem.\n";
    let call = write(&repo.join("calls"), "a.txt", text);
    let absolute = call.display().to_string();
    let cases = [
        (repo.join("scripts"), "../calls/a.txt"),
        (top.path().join("elsewhere"), absolute.as_str()),
        (repo.join("calls"), "a.txt"),
    ];
    for (cwd, given) in &cases {
        let (code, patch, err) =
            run(talklint()
                .current_dir(cwd)
                .args(["check", "--no-config", "--diff", given]));
        assert_eq!(code, 1, "{given}: {err}");
        let (code, err) = apply_in(&repo, "git", &["apply", "--check", "-"], &patch);
        assert_eq!(code, 0, "git apply --check, {given}: {err}\n{patch}");
        let (code, err) = apply_in(&repo, "patch", &["-p1", "--dry-run", "-s"], &patch);
        assert_eq!(code, 0, "patch -p1, {given}: {err}\n{patch}");
        assert!(
            patch.starts_with("--- a/calls/a.txt\n+++ b/calls/a.txt\n@@ "),
            "{given}: {patch}"
        );
    }
    let (_, patch, _) = run(talklint().current_dir(&cases[0].0).args([
        "check",
        "--no-config",
        "--diff",
        "../calls/a.txt",
    ]));
    let (code, err) = apply_in(&repo, "git", &["apply", "-"], &patch);
    assert_eq!(code, 0, "{err}");
    let fixed = std::fs::read_to_string(&call).unwrap();
    assert_eq!(fixed, "Customer: Thanks.\nAgent: My pleasure.\n");
}

/// Whether `program` runs; outside CI a missing one skips the test that needs it.
fn installed(program: &str) -> bool {
    let found = std::process::Command::new(program)
        .arg("--version")
        .output()
        .is_ok();
    assert!(
        found || std::env::var_os("CI").is_none(),
        "CI must have {program}"
    );
    if !found {
        eprintln!("{program} not installed: its part of the test skipped");
    }
    found
}

/// A name with a space ends in a tab, as git writes it, or `patch` reads `a/sub` as the name;
/// a name git quotes is quoted, then takes the tab too.
#[test]
fn a_name_with_a_space_ends_in_a_tab() {
    let repo = tempfile::tempdir().unwrap();
    let (code, err) = apply_in(repo.path(), "git", &["init", "-q", "."], "");
    assert_eq!(code, 0, "{err}");
    std::fs::create_dir_all(repo.path().join("sub dir")).unwrap();
    for (name, header) in [
        (
            "sub dir/x.txt",
            "--- a/sub dir/x.txt\t\n+++ b/sub dir/x.txt\t\n@@ ",
        ),
        (
            "q\" t.txt",
            "--- \"a/q\\\" t.txt\"\t\n+++ \"b/q\\\" t.txt\"\t\n@@ ",
        ),
    ] {
        write(repo.path(), name, "Agent: No problem.\n");
        let (code, patch, err) =
            run(talklint()
                .current_dir(repo.path())
                .args(["check", "--no-config", "--diff", name]));
        assert_eq!(code, 1, "{err}");
        assert!(patch.starts_with(header), "{patch:?}");
        let (code, err) = apply_in(repo.path(), "git", &["apply", "--check", "-"], &patch);
        assert_eq!(code, 0, "git apply --check: {err}\n{patch}");
        if installed("patch") {
            let (code, err) = apply_in(repo.path(), "patch", &["-p1", "--dry-run"], &patch);
            assert_eq!(code, 0, "patch -p1: {err}\n{patch}");
        }
    }
}

/// A link given by its name is named in the headers as the file it leads to, which `--fix`
/// writes: git stores the link as a link, and `git apply` refused a patch to it.
#[cfg(unix)]
#[test]
fn a_link_is_named_as_the_file_it_leads_to() {
    let repo = tempfile::tempdir().unwrap();
    let (code, err) = apply_in(repo.path(), "git", &["init", "-q", "."], "");
    assert_eq!(code, 0, "{err}");
    write(repo.path(), "real.txt", "Agent: No problem.\n");
    std::fs::create_dir(repo.path().join("lnk")).unwrap();
    std::os::unix::fs::symlink("../real.txt", repo.path().join("lnk/link.txt")).unwrap();
    let (_, err) = apply_in(repo.path(), "git", &["add", "."], "");
    assert!(err.is_empty(), "{err}");
    let (code, patch, err) = run(talklint().current_dir(repo.path().join("lnk")).args([
        "check",
        "--no-config",
        "--diff",
        "link.txt",
    ]));
    assert_eq!(code, 1, "{err}");
    assert!(
        patch.starts_with("--- a/real.txt\n+++ b/real.txt\n@@ "),
        "{patch}"
    );
    let (code, err) = apply_in(repo.path(), "git", &["apply", "--check", "-"], &patch);
    assert_eq!(code, 0, "git apply --check: {err}\n{patch}");
}
