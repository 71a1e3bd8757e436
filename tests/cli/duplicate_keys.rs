//! A key written twice in one mapping of a config or a rule file: the error stands at the
//! second, and its help names the first (the library placed it where the mapping starts).

use crate::support::{run, talklint, write};

/// The first line of the error `check` gives for `config` or, without one, for the rule file
/// `rules`, and its help.
fn error(config: Option<&str>, rules: Option<&str>) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", "Agent: hi\n");
    let mut cmd = talklint();
    cmd.current_dir(dir.path()).args(["check", "-q"]);
    if let Some(text) = config {
        write(dir.path(), "talklint.yaml", text);
    } else {
        cmd.arg("--no-config");
    }
    if let Some(text) = rules {
        write(dir.path(), "r.yaml", text);
        cmd.args(["-r", "r.yaml"]);
    }
    let (code, _, err) = run(cmd.arg("a.txt"));
    assert_eq!(code, 2, "{err}");
    let mut lines = err.lines();
    let first = lines.next().unwrap_or_default();
    let at = first.find(".yaml:").map_or(0, |i| i + 1);
    let help = lines.next().unwrap_or_default().trim().to_string();
    (first[at..].to_string(), help)
}

#[test]
fn a_config_key_written_twice_is_named_at_the_second() {
    let config = "disable: [respect]\nscoring: {base: 80}\nfail_on: warning\nfail_on: error\n";
    assert_eq!(
        error(Some(config), None),
        (
            "yaml:4:1: duplicate field `fail_on`".to_string(),
            "help: remove one of the two: `fail_on` is also written at line 3, column 1".into()
        )
    );
    // In a flow mapping, and in a block one under a key.
    let (at, help) = error(Some("scoring: {base: 80, base: 90}\n"), None);
    assert_eq!(at, "yaml:1:21: scoring: duplicate field `base`");
    assert!(
        help.ends_with("`base` is also written at line 1, column 11"),
        "{help}"
    );
    let (at, _) = error(Some("scoring:\n  pass: 70\n  base: 80\n  base: 90\n"), None);
    assert_eq!(at, "yaml:4:3: scoring: duplicate field `base`");
}

#[test]
fn a_rule_key_written_twice_is_named_at_the_second() {
    let rules = "rules:\n  - id: a/b\n    phrases: [x]\n  - id: c/d\n    severity: error\n    \
                 phrases: [y]\n    near: {phrases: [z], words: 3}\n    severity: info\n";
    assert_eq!(
        error(None, Some(rules)),
        (
            "yaml:8:5: rules[1]: duplicate field `severity`".to_string(),
            "help: remove one of the two: `severity` is also written at line 5, column 5".into()
        )
    );
}

/// Every mapping read as a map (rule id → severity, role → labels, glob → rules, name → words)
/// refuses its second key as a struct does, in block and flow style; serde's maps had kept the
/// last one without a word.
#[test]
fn a_map_key_written_twice_is_named_at_the_second() {
    let cases = [
        (
            "severity:\n  respect/calm-down: error\n  ownership: info\n  respect/calm-down: info\n",
            "yaml:4:3: severity: duplicate key `respect/calm-down`",
            (2, 3),
        ),
        (
            "roles: {agent: [Sam], customer: Bo, agent: [Al]}\n",
            "yaml:1:37: roles: duplicate key `agent`",
            (1, 9),
        ),
        (
            "per_path_disable:\n  \"legacy/**\": [respect]\n  legacy/**: [ownership]\n",
            "yaml:3:3: per_path_disable: duplicate key `legacy/**`",
            (2, 3),
        ),
        (
            "lexicons:\n  our_teams: [billing]\n  other: [x]\n  'our_teams': [sales]\n",
            "yaml:4:3: lexicons: duplicate key `our_teams`",
            (2, 3),
        ),
    ];
    for (config, at, first) in cases {
        let (got, help) = error(Some(config), None);
        assert_eq!(got, at, "{config}");
        let name = at.split('`').nth(1).unwrap_or_default();
        let want = format!(
            "help: remove one of the two: `{name}` is also written at line {}, column {}",
            first.0, first.1
        );
        assert_eq!(help, want, "{config}");
    }
    let rules = "lexicons: {teams: [billing], teams: [sales]}\nrules:\n  - id: a/b\n    \
                 phrases: ['{teams}']\n";
    let (at, help) = error(None, Some(rules));
    assert_eq!(at, "yaml:1:30: lexicons: duplicate key `teams`");
    assert!(
        help.ends_with("is also written at line 1, column 12"),
        "{help}"
    );
}

/// `roles:` becomes one table of speaker label → role: a label listed under a second role (in
/// any case) is refused at its own place, in a list or alone, where the later role had taken it
/// without a word. Under one role twice, it is harmless.
#[test]
fn a_speaker_label_under_two_roles_is_named_where_it_is_written_again() {
    let (at, help) = error(
        Some("roles:\n  agent: [Sam, spk_0]\n  customer: [Bo, sam]\n"),
        None,
    );
    let want =
        "yaml:3:18: roles.customer[1]: the label `sam` is also listed under `agent`, as `Sam`";
    assert!(at.starts_with(want), "{at}");
    assert_eq!(
        help,
        "help: remove one of the two: `Sam` under `agent` or `sam` under `customer`"
    );
    let (at, _) = error(Some("roles: {customer: Spk_0, agent: [' spk_0']}\n"), None);
    let want = "yaml:1:34: roles.agent[0]: the label ` spk_0` is also listed under `customer`";
    assert!(at.starts_with(want), "{at}");
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "talklint.yaml", "roles: {agent: [Sam, SAM]}\n");
    write(dir.path(), "a.txt", "Sam: not my department\n");
    let (code, out, err) = run(talklint().current_dir(dir.path()).args(["check", "a.txt"]));
    assert_eq!(code, 1, "{err}");
    assert!(out.contains("ownership/"), "{out}");
}
