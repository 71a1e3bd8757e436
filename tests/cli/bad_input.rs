//! Bad input: every file ends in conversations, skipped or errors; nothing panics; errors name
//! the file, line and column.

use crate::support::{check, findings, json_report, json_report_in, rule_error, run, talklint};
use std::fs;

#[test]
fn bad_files_are_reported_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    fs::write(d.join("a-binary.txt"), b"Agent: hi\x00\x01\x02").unwrap();
    fs::write(d.join("b-latin1.txt"), b"Agent: caf\xe9 is not my job\n").unwrap();
    fs::write(
        d.join("c-malformed.json"),
        "[\n  {\"role\": \"agent\", \"text\": \"hi\"\n  {\"role\": \"agent\"}\n]",
    )
    .unwrap();
    fs::write(d.join("d-good.txt"), "Agent: calm down").unwrap();
    fs::write(d.join("e-unrecognised.json"), "{\"foo\": [1, 2]}").unwrap();
    fs::write(d.join("f-empty.txt"), "").unwrap();
    let (code, v) = json_report(&["--max-filesize", "1000000", d.to_str().unwrap()]);
    assert_eq!(code, 2, "unreadable input exits 2 after the scan completes");
    let s = &v["summary"];
    assert_eq!(
        (
            s["files"].as_u64(),
            s["conversations"].as_u64(),
            s["skipped"].as_u64(),
            s["errors"].as_u64()
        ),
        (Some(6), Some(2), Some(2), Some(2))
    );
    assert_eq!(v["skipped"][0]["reason"], "binary");
    assert_eq!(
        v["skipped"][1]["reason"],
        "no turns (an empty text transcript)"
    );
    let latin = &v["conversations"][0];
    assert!(
        latin["warnings"][0]
            .as_str()
            .unwrap()
            .contains("line 1, column 11: invalid UTF-8, replaced with U+FFFD; re-save the file as UTF-8 (from Windows or Latin-1: `iconv -f WINDOWS-1252 -t UTF-8 FILE > NEW`)"),
        "{latin}"
    );
    let deflection = latin["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "ownership/not-my-department");
    assert_eq!(deflection.unwrap()["match"], "not my job");
    let errors = crate::support::error_messages(&v);
    assert!(
        errors[0].starts_with("line 3, column 3: expected"),
        "{errors:?}"
    );
    assert!(errors[1].contains("unrecognised JSON shape"), "{errors:?}");
}

/// A blank file is empty in every format: skipped with the reason, not an error of the JSON, CSV
/// or caption reader. A byte-order mark alone is blank too (a text file of one was a turn).
#[test]
fn blank_files_of_every_format_are_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "a.json", "b.csv", "c.tsv", "d.vtt", "e.jsonl", "f.srt", "g.txt", "h.json", "i.tsv",
        "j.txt", "k.md",
    ];
    for name in names {
        let blank = match name {
            "h.json" => " \n\t\n",
            "i.tsv" => "\u{feff}\n \n",
            "j.txt" => "\u{feff}",
            "k.md" => "\u{feff}\n\n",
            _ => "",
        };
        fs::write(dir.path().join(name), blank).unwrap();
    }
    let (code, v) = json_report(&[dir.path().to_str().unwrap()]);
    assert_eq!(
        (code, &v["summary"]["errors"]),
        (0, &serde_json::json!(0)),
        "{v}"
    );
    let skipped = v["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), names.len(), "{v}");
    for s in skipped {
        let reason = s["reason"].as_str().unwrap();
        assert!(reason.starts_with("no turns (an empty "), "{s}");
    }
    assert_eq!(skipped[0]["reason"], "no turns (an empty json transcript)");
    assert_eq!(skipped[3]["reason"], "no turns (an empty vtt transcript)");
}

/// Files with no turns are skipped, not scored as passing; every file found is listed once.
#[test]
fn files_without_turns_are_skipped_and_every_file_is_listed_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("calls");
    fs::create_dir(&d).unwrap();
    let files = [
        ("a-empty.txt", ""),
        ("b-empty.json", "[]"),
        ("c-header.vtt", "WEBVTT\n"),
        ("d-no-text.json", r#"[{"foo": "calm down"}]"#),
        ("e-header.csv", "role,text\n"),
        ("f-names.txt", "Sarah: calm down, please\nBob: fine\n"),
    ];
    for (name, text) in files {
        fs::write(d.join(name), text).unwrap();
    }
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&d, &link).unwrap();
    let (l, f) = (link.to_str().unwrap(), d.join("f-names.txt"));
    let f = f.to_str().unwrap();
    // The root given as a link is walked, not also skipped; a file named twice, and beside a
    // folder that holds it, is read once (where it is named).
    let (code, v) = json_report(&[l, f, f]);
    assert_eq!(code, 2, "d-no-text.json is an error");
    let mut listed: Vec<&str> = ["conversations", "skipped", "errors"]
        .iter()
        .flat_map(|k| crate::support::strings(&v[*k], "path"))
        .map(|p| p.rsplit('/').next().unwrap())
        .collect();
    listed.sort();
    let names: Vec<&str> = files.iter().map(|f| f.0).collect();
    assert_eq!(listed, names, "{v}");
    assert_eq!(v["summary"]["files"], 6);
    assert_eq!(crate::support::strings(&v["skipped"], "reason").len(), 4);
    assert!(crate::support::error_messages(&v)[0].contains("no message has its text under a key"));
    // Two names, one line each: two speakers with no known role, not one agent's text.
    let names = &v["conversations"][0];
    assert_eq!(
        (names["turns"].as_u64(), names["unknown_turns"].as_u64()),
        (Some(2), Some(2))
    );
    assert!(
        findings(&v, 0).is_empty(),
        "agent rules skip unknown speakers"
    );
}

#[test]
fn oversized_files_are_skipped_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("big.txt"), "Agent: hello ".repeat(100)).unwrap();
    let (code, v) = json_report(&["--max-filesize", "100", dir.path().to_str().unwrap()]);
    assert_eq!(code, 0);
    assert!(
        v["skipped"][0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("too large (1300 bytes")
    );
}

#[test]
fn sizes_take_k_m_and_g_on_the_flag_and_in_a_config() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("big.txt"), "Agent: hello ".repeat(100)).unwrap();
    fs::write(dir.path().join("small.txt"), "Agent: hello\n").unwrap();
    let skipped = |v: &serde_json::Value| v["summary"]["skipped"].as_u64();
    let path = dir.path().to_str().unwrap();
    let (_, v) = json_report(&["--max-filesize", "1K", path]);
    assert_eq!(skipped(&v), Some(1), "1K is 1,024 bytes: {v}");
    let (_, v) = json_report(&["--max-filesize", "2k", path]);
    assert_eq!(skipped(&v), Some(0), "{v}");
    let (code, _, err) = run(&mut check(&["--max-filesize", "1KB", path]));
    assert_eq!(code, 2);
    assert!(err.contains("`1KB` is not a size in bytes"), "{err}");
    // A size past what a number holds is said to be too large, not to be no size.
    let (code, _, err) = run(&mut check(&["--max-filesize", "17179869184G", path]));
    assert_eq!(code, 2);
    assert!(err.contains("`17179869184G` is too large a size"), "{err}");
    // A config writes a number or a suffixed string; anything else is an error at its place.
    let elsewhere = tempfile::tempdir().unwrap();
    let config = elsewhere.path().join("talklint.yaml");
    fs::write(&config, "max_filesize: 1k\n").unwrap();
    let (_, out, err) = run(talklint()
        .args(["check", "--format", "json", "--config"])
        .arg(&config)
        .arg(path));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    assert_eq!(skipped(&v), Some(1), "{v}");
    fs::write(&config, "# sizes\nmax_filesize: 1.5M\n").unwrap();
    let (code, _, err) = run(talklint()
        .args(["check", "--config"])
        .arg(&config)
        .arg(path));
    assert_eq!(code, 2);
    assert!(
        err.contains("talklint.yaml:2:15: max_filesize: `1.5M` is not a size in bytes"),
        "{err}"
    );
    assert!(err.contains("help: write a whole number of bytes"), "{err}");
}

#[test]
fn file_errors_go_to_stderr_in_human_output() {
    let (code, _, err) = run(&mut check(&["no/such/file.txt"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("error: no/such/file.txt: cannot read"),
        "{err}"
    );
}

/// A regex's error points at its mistake however the string is written: through a double
/// quote's escapes, in a plain or single-quoted one, past multi-byte letters.
#[test]
fn a_regex_error_is_at_its_mistake() {
    for (regex, place) in [
        (r#""\\bsorry (for""#, "3:22"),
        ("[café(]", "3:17"),
        ("'x{2,1}'", "3:14"),
    ] {
        let err = rule_error(&format!("rules:\n  - id: t/x\n    regex: {regex}\n"));
        assert!(
            err.contains(&format!("r.yaml:{place}: invalid regex")),
            "{err}"
        );
    }
    // Not in a message above it that quotes the same text.
    let err = rule_error("rules:\n  - id: t/x\n    message: Avoid (it)\n    regex: ['(']\n");
    assert!(err.contains("r.yaml:4:14: invalid regex"), "{err}");
}

#[test]
fn broken_rule_files_name_file_line_and_column_and_stop_before_scanning() {
    let cases = [
        (
            "unknown-key",
            "unknown-key.yaml:4:5: rules[0]: unknown field `severty`",
        ),
        (
            "bad-regex",
            "bad-regex.yaml:3:19: invalid regex `calm (down`: unclosed group",
        ),
        (
            "duplicate",
            "duplicate.yaml:4:9: duplicate rule id `respect/calm-down`: already defined at fixtures/rules/broken/duplicate.yaml:2",
        ),
        (
            "never-matches",
            "never-matches.yaml:5:10: phrase \"[um] uh\": a variant of this phrase has no words",
        ),
        (
            "bad-speaker",
            "bad-speaker.yaml:4:22: rules[0].speaker[1]: unknown variant `custmer`, did you mean `customer`?",
        ),
        (
            "bad-syntax",
            "bad-syntax.yaml:3:14: this `[` is never closed (the parser: did not find expected ',' or ']' at line 4, column 1)",
        ),
        (
            "quoted-regex",
            "quoted-regex.yaml:3:14: regex `\\u{8}calm down\\u{8}` holds the control character U+0008",
        ),
        (
            "empty-regex",
            "empty-regex.yaml:3:5: an empty regex never reports",
        ),
    ];
    // A regex's error is at its mistake, the `(` left open (it was at the string's start).
    for (name, expected) in cases {
        let file = format!("fixtures/rules/broken/{name}.yaml");
        let (code, out, err) =
            run(talklint().args(["check", "--no-config", "-r", &file, "fixtures/calls"]));
        assert_eq!(code, 2, "{name}");
        assert!(out.is_empty(), "{name}: nothing is scanned");
        assert!(err.contains(expected), "{name}: {err}");
        assert!(err.contains("help: "), "{name} says how to fix it: {err}");
    }
    // All errors of all files are listed, not only the first.
    let (_, _, err) = run(talklint().args([
        "check",
        "--no-config",
        "-r",
        "fixtures/rules/broken",
        "fixtures/calls",
    ]));
    assert!(err.contains("8 rule errors"), "{err}");
}

#[test]
fn broken_config_is_an_error_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("talklint.yaml"),
        "rules: [default]\nscoring: {bsae: 10}\n",
    )
    .unwrap();
    let (code, _, err) = run(talklint().current_dir(dir.path()).args(["check", "."]));
    assert_eq!(code, 2);
    assert!(err.contains("talklint.yaml:2:"), "{err}");
    assert!(
        err.contains("scoring: unknown field `bsae`, did you mean `base`?"),
        "{err}"
    );
    assert!(
        err.contains("help: rename it to the name suggested"),
        "{err}"
    );
}

/// `.talklint.yaml` is found like `talklint.yaml`, `--config` names a config anywhere instead,
/// and `disable` takes a whole rule id as well as a category.
#[test]
fn hidden_and_named_configs_and_disabling_one_rule() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("other")).unwrap();
    fs::copy("fixtures/rules/basic.yaml", root.join("basic.yaml")).unwrap();
    fs::write(
        root.join(".talklint.yaml"),
        "rules: [basic.yaml]\ndisable: [respect/calm-down]\n",
    )
    .unwrap();
    fs::write(root.join("other/all.yaml"), "rules: [../basic.yaml]\n").unwrap();
    fs::write(root.join("call.txt"), "Agent: calm down, I don't know.\n").unwrap();
    let rules_hit = |args: &[&str]| {
        let args = [args, &["call.txt"]].concat();
        let v = json_report_in(root, &args).1;
        findings(&v, 0).into_iter().map(|f| f.0).collect::<Vec<_>>()
    };
    assert_eq!(rules_hit(&[]), ["knowledge/i-do-not-know"]);
    assert_eq!(
        rules_hit(&["--config", "other/all.yaml"]),
        ["respect/calm-down", "knowledge/i-do-not-know"]
    );
}

#[test]
fn config_is_discovered_upward_and_applied() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("qa/calls")).unwrap();
    fs::copy("fixtures/rules/basic.yaml", root.join("qa/basic.yaml")).unwrap();
    fs::write(
        root.join("talklint.yaml"),
        "rules: [qa/basic.yaml]\ndisable: [respect]\n\
         severity: {knowledge/i-do-not-know: error, greeting/agent-name: error}\n\
         roles: {agent: [Sarah]}\nscoring: {base: 90, pass: 60}\n",
    )
    .unwrap();
    fs::write(
        root.join("qa/calls/1.txt"),
        "Sarah: calm down, I don't know.\nCustomer: ok\n",
    )
    .unwrap();
    let (code, out, _) = run(talklint()
        .current_dir(root.join("qa/calls"))
        .args(["check", "--format", "json", "."]));
    assert_eq!(code, 1);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let c = &v["conversations"][0];
    assert_eq!(c["path"], "1.txt");
    let rules: Vec<&str> = c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        ["knowledge/i-do-not-know"],
        "respect is disabled; Sarah is an agent"
    );
    assert_eq!(c["findings"][0]["severity"], "error");
    assert_eq!(
        c["score"], 80,
        "base 90 - 10: an error's points, as the rule sets none"
    );
    let (_, out, _) = run(talklint()
        .current_dir(root)
        .args(["rules", "--format", "json"]));
    let rules: serde_json::Value = serde_json::from_str(&out).unwrap();
    let points = |id: &str| {
        let rule = rules.as_array().unwrap().iter().find(|r| r["id"] == id);
        rule.map(|r| r["points"].clone())
    };
    assert_eq!(points("knowledge/i-do-not-know"), Some((-10).into()));
    assert_eq!(
        points("greeting/agent-name"),
        Some((-5).into()),
        "points the rule sets stay"
    );
}
