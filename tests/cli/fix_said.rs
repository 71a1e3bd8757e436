//! What `--fix` changed is said before the report of what remains, as the README says: in one
//! stream (a terminal, `2>&1`), the `fixed:` line came after the file's findings.

use crate::support::write;

#[cfg(unix)]
#[test]
fn what_a_fix_changed_is_said_before_what_remains() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "r.yaml",
        "rules:\n  - {id: t/np, phrases: [no problem], replace: my pleasure}\n  \
         - {id: t/calm, phrases: [calm down]}\n",
    );
    write(dir.path(), "s.txt", "Agent: calm down, no problem\n");
    let bin = assert_cmd::cargo::cargo_bin("talklint");
    let out = std::process::Command::new("sh")
        .current_dir(dir.path())
        .arg("-c")
        .arg(format!(
            "'{}' check --no-config -r r.yaml --fix s.txt 2>&1",
            bin.display()
        ))
        .output()
        .unwrap();
    let both = String::from_utf8_lossy(&out.stdout);
    let said = both.find("fixed: s.txt: 1 match replaced");
    let remains = both.find("warning[t/calm]");
    assert!(said.is_some() && said < remains, "{both}");
    assert!(both.contains("calm down, my pleasure"), "{both}");
}
