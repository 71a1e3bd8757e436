//! Suppression (SPEC §8): directives in transcripts and scripts, `per_path_disable`,
//! `--show-suppressed`, `--warn-unused-ignores`, SARIF `suppressions`.

use crate::support::{assert_valid_sarif, check, findings, json_report, run, talklint, write};
use serde_json::Value;

/// The rules and lines of conversation 0's findings of the rules these tests suppress.
fn rule_lines(v: &Value) -> Vec<(String, u64)> {
    findings(v, 0)
        .into_iter()
        .filter(|f| f.0.starts_with("ownership/") || f.0.starts_with("respect/"))
        .map(|f| (f.0, f.1))
        .collect()
}

/// 80 plus the points of the findings not suppressed: what the score must be.
fn unsuppressed_score(c: &Value) -> i64 {
    let points: i64 = c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["suppressed"] != true)
        .map(|f| f["points"].as_i64().unwrap())
        .sum();
    (80 + points).clamp(0, 100)
}

const DIALOGUE: &str = "\
Agent: Hi, this is Sam.
Customer: My refund is late.
# talklint: ignore ownership
Agent: That's not my department.
Agent: That's not my department either. <!-- talklint: ignore ownership/not-my-department -->
// talklint: ignore respect/calm-down
Agent: Not my problem, calm down.
";

#[test]
fn own_line_ignores_the_next_turn_and_end_of_line_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "chat.txt", DIALOGUE);
    let (code, v) = json_report(&[path.to_str().unwrap()]);
    assert_eq!(code, 1, "the last turn's deflection is not suppressed");
    assert_eq!(
        rule_lines(&v),
        [("ownership/not-my-department".to_string(), 7)],
        "turns 3 and 4 are suppressed; calm-down is ignored in turn 5, not-my-problem is not"
    );
    let c = &v["conversations"][0];
    assert_eq!(c["turns"], 5, "directive lines are not turns");
    assert_eq!(c["score"], unsuppressed_score(c));
}

#[test]
fn show_suppressed_marks_them_in_json_and_sarif() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "chat.txt", DIALOGUE);
    let (_, v) = json_report(&["--show-suppressed", path.to_str().unwrap()]);
    let all = v["conversations"][0]["findings"].as_array().unwrap();
    let suppressed: Vec<u64> = all
        .iter()
        .filter(|f| f["suppressed"] == true)
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert_eq!(suppressed, [4, 5, 7]);
    let c = &v["conversations"][0];
    assert_eq!(c["score"], unsuppressed_score(c), "still not counted");
    assert_eq!(v["summary"]["findings"]["error"], 1);
    let (_, out, _) = run(&mut check(&[
        "--show-suppressed",
        "-f",
        "sarif",
        path.to_str().unwrap(),
    ]));
    let sarif: Value = serde_json::from_str(&out).unwrap();
    assert_valid_sarif(&sarif);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let kinds: Vec<&Value> = results.iter().map(|r| &r["suppressions"]).collect();
    assert_eq!(
        kinds.iter().filter(|k| k[0]["kind"] == "inSource").count(),
        3
    );
    let (_, human, _) = run(&mut check(&["--show-suppressed", path.to_str().unwrap()]));
    assert!(
        human.contains("note: suppressed by a talklint directive"),
        "{human}"
    );
}

#[test]
fn scripts_ignore_lines_ranges_and_files() {
    let dir = tempfile::tempdir().unwrap();
    let script = "\
Thank you for calling.
<!-- talklint: ignore -->

It's out of my hands.
That's not my department. <!-- talklint: ignore ownership/* -->
-- talklint: disable ownership
It is not my job.
-- talklint: enable ownership
Please calm down, it's out of my hands.
";
    let path = write(dir.path(), "macro.md", script);
    let (_, v) = json_report(&[path.to_str().unwrap()]);
    assert_eq!(
        rule_lines(&v),
        [
            ("respect/calm-down".to_string(), 9),
            ("ownership/not-my-department".to_string(), 9)
        ]
    );
    let whole = write(
        dir.path(),
        "old.txt",
        "# talklint: ignore-file ownership, respect\nIt is not my job. Calm down.\n",
    );
    let (code, v) = json_report(&[whole.to_str().unwrap()]);
    assert_eq!(rule_lines(&v), []);
    assert_eq!(code, 0);
}

#[test]
fn unknown_rules_and_unused_directives_warn() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "s.txt",
        "# talklint: ignore nosuch/rule\nHello.\n# talklint: ignore respect\nThanks.\n# talklint: frobnicate\n",
    );
    let (code, v) = json_report(&["--warn-unused-ignores", path.to_str().unwrap()]);
    assert_eq!(code, 0);
    let warnings: Vec<&str> = v["conversations"][0]["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert_eq!(warnings.len(), 4, "{warnings:?}");
    // In the file's order.
    assert!(warnings[3].starts_with("line 5, column 13: unknown directive `talklint: frobnicate`"));
    assert!(
        warnings[1]
            .contains("line 1, column 20: `nosuch/rule` in a talklint directive is no loaded rule")
    );
    assert!(warnings[0].starts_with("line 1, column 13: unused directive"));
    assert!(warnings[2].contains("unused directive"));
}

/// A list of separators alone (`ignore ,,,`) is malformed, as an unknown verb is: a warning at
/// its place, and nothing suppressed (it read as a bare `ignore`, every rule).
#[test]
fn a_directive_of_separators_alone_warns_and_suppresses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "c.txt",
        "# talklint: ignore ,,,\nAgent: Calm down.\n",
    );
    let (code, v) = json_report(&["--warn-unused-ignores", path.to_str().unwrap()]);
    assert_eq!(code, 1, "the calm-down is not suppressed: {v}");
    assert_eq!(rule_lines(&v), [("respect/calm-down".to_string(), 2)]);
    let warnings = &v["conversations"][0]["warnings"];
    assert_eq!(warnings.as_array().map(Vec::len), Some(1), "{warnings}");
    assert!(
        warnings[0]
            .as_str()
            .unwrap()
            .starts_with("line 1, column 20: `talklint: ignore ,,,` names no rule; write"),
        "{warnings}"
    );
}

#[test]
fn a_directive_without_its_colon_is_named_not_spoken() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "s.txt",
        "Agent: Hello.\n# talklint ignore respect calm down\nAgent: Fine.\n",
    );
    let (_, v) = json_report(&[path.to_str().unwrap()]);
    let c = &v["conversations"][0];
    let on_line_2 = findings(&v, 0).into_iter().filter(|f| f.1 == 2).count();
    assert_eq!(on_line_2, 0, "the line is not speech: {c}");
    let warning = c["warnings"][0].as_str().unwrap_or_default();
    assert!(
        warning.starts_with("line 2, column 3: not read as a directive: write `talklint:`"),
        "{c}"
    );
}

/// CSV's findings rows mark a suppressed finding, by a directive or by `per_path_disable`, in a
/// `suppressed` column and say which in `suppressed_by`, its points as JSON gives them.
#[test]
fn show_suppressed_marks_them_in_csv_findings() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "chat.txt", DIALOGUE);
    std::fs::create_dir(dir.path().join("legacy")).unwrap();
    write(dir.path(), "legacy/a.txt", "Agent: It is not my job.\n");
    write(
        dir.path(),
        "talklint.yaml",
        "per_path_disable: {\"legacy/**\": [ownership]}\n",
    );
    let args = ["--show-suppressed", "-f", "csv", "--csv-findings", "."];
    let (code, out, err) = run(talklint().current_dir(dir.path()).arg("check").args(args));
    assert_eq!(code, 1, "{err}");
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (path, line, rule, points, suppressed, by) = (
        column("path"),
        column("line"),
        column("rule"),
        column("points"),
        column("suppressed"),
        column("suppressed_by"),
    );
    // The columns before it stay where they were; `suppressed_by` is the last.
    assert_eq!((suppressed, by), (14, 15), "{out}");
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let marked: Vec<(&str, &str, &str)> = rows
        .iter()
        .filter(|r| &r[suppressed] == "true")
        .map(|r| (&r[path], &r[line], &r[by]))
        .collect();
    assert_eq!(
        marked,
        [
            ("chat.txt", "4", "directive"),
            ("chat.txt", "7", "directive"),
            ("legacy/a.txt", "1", "per_path_disable")
        ],
        "{out}"
    );
    let counted = rows.iter().filter(|r| &r[suppressed] == "false");
    assert!(counted.clone().count() > 0, "{out}");
    assert!(counted.into_iter().all(|r| r[by].is_empty()), "{out}");
    // The points are JSON's: the rule's, which the score leaves out.
    let (_, v) = crate::support::json_report_in(dir.path(), &["--show-suppressed", "."]);
    let json: Vec<(&str, i64)> = (v["conversations"].as_array().unwrap().iter())
        .flat_map(|c| c["findings"].as_array().unwrap())
        .filter(|f| f["suppressed"] == true)
        .map(|f| (f["rule"].as_str().unwrap(), f["points"].as_i64().unwrap()))
        .collect();
    let csv: Vec<(&str, i64)> = (rows.iter().filter(|r| &r[suppressed] == "true"))
        .map(|r| (&r[rule], r[points].parse().unwrap()))
        .collect();
    assert_eq!(csv, json);
}

/// `per_path_disable` over the files a glob matches; a folder written with a trailing `/` is
/// every file below it, as `legacy/**` is.
#[test]
fn per_path_disable_in_the_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("legacy")).unwrap();
    let pack = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rules/basic.yaml"),
    )
    .unwrap();
    write(dir.path(), "rules.yaml", &pack);
    write(dir.path(), "legacy/a.txt", "It is not my job.\n");
    write(dir.path(), "b.txt", "It is not my job.\n");
    for glob in ["legacy/**", "legacy/"] {
        let config = format!("rules: [rules.yaml]\nper_path_disable:\n  \"{glob}\": [ownership]\n");
        write(dir.path(), "talklint.yaml", &config);
        let (code, out, err) = run(talklint().current_dir(dir.path()).args([
            "check",
            "-f",
            "sarif",
            "--show-suppressed",
            ".",
        ]));
        assert_eq!(code, 1, "{err}");
        let sarif: Value = serde_json::from_str(&out).unwrap();
        assert_valid_sarif(&sarif);
        let results = sarif["runs"][0]["results"].as_array().unwrap();
        let got: Vec<(&str, &Value)> = results
            .iter()
            // b.txt fails, which is a result of its own.
            .filter(|r| r["ruleId"] != "talklint/score")
            .map(|r| {
                (
                    r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                        .as_str()
                        .unwrap(),
                    &r["suppressions"][0]["kind"],
                )
            })
            .collect();
        let expected = [
            ("b.txt", &Value::Null),
            ("legacy/a.txt", &Value::from("external")),
        ];
        assert_eq!(got, expected, "{glob}");
    }
}

#[test]
fn merge_keeps_suppressed_findings_out_of_the_totals() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "chat.txt", DIALOGUE);
    let (_, report, _) = run(talklint()
        .args(["check", "--no-config", "--show-suppressed", "-f", "json"])
        .arg(&path));
    let saved = write(dir.path(), "report.json", &report);
    let (_, merged, err) = run(talklint()
        .args(["merge", "--no-config", "-f", "json"])
        .arg(&saved));
    let (a, b): (Value, Value) = (
        serde_json::from_str(&report).unwrap(),
        serde_json::from_str(&merged).unwrap_or_else(|e| panic!("{e}: {err}")),
    );
    assert_eq!(a["summary"], b["summary"]);
    assert_eq!(a["conversations"], b["conversations"]);
}

#[test]
fn a_suppressed_hit_does_not_use_up_max_hits() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rules.yaml",
        "rules:\n  - id: respect/calm-down\n    phrases: [calm down]\n    max_hits: 1\n",
    );
    let chat = "Agent: calm down <!-- talklint: ignore -->\nAgent: calm down\nAgent: calm down\n";
    let path = write(dir.path(), "chat.txt", chat);
    let (_, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "json", "-r"])
        .arg(dir.path().join("rules.yaml"))
        .arg(&path));
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let points: Vec<i64> = v["conversations"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["points"].as_i64().unwrap())
        .collect();
    assert_eq!(points, [-5, 0], "the first hit not suppressed counts");
    assert_eq!(v["conversations"][0]["score"], 75);
}

/// A file saved with a byte-order mark (as Notepad and Excel save it) keeps its first line's
/// directive: it suppresses, and is not read as a turn.
#[test]
fn a_byte_order_mark_hides_no_first_line_directive() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [
        (
            "hash.txt",
            "\u{feff}# talklint: ignore-file respect\nAgent: calm down\n",
        ),
        (
            "slashes.txt",
            "\u{feff}// talklint: ignore-file respect\r\nAgent: calm down\r\n",
        ),
        (
            "notes.md",
            "\u{feff}# talklint: ignore-file respect\n\nCalm down, please.\n",
        ),
    ] {
        let path = write(dir.path(), name, text);
        let (_, v) = json_report(&[path.to_str().unwrap()]);
        let c = &v["conversations"][0];
        assert_eq!(rule_lines(&v), [], "{name}: {c}");
        assert_eq!(c["turns"], 1, "{name}: the directive is no turn");
    }
}

/// A customer can type a directive in a chat (`<!-- talklint: disable -->`): the agent's words
/// after it went unjudged. `--ignore-directives` lets directives suppress nothing.
#[test]
fn ignore_directives_lets_no_directive_suppress() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Agent: Hello, how can I help?\n\
                Customer: my order is late <!-- talklint: disable -->\n\
                Agent: calm down, that's not my department\n";
    crate::support::write(dir.path(), "chat.txt", text);
    let (code, report) = crate::support::json_report_in(dir.path(), &["--no-config", "chat.txt"]);
    assert_eq!(code, 0, "{report}");
    let args = ["--no-config", "--ignore-directives", "chat.txt"];
    let (code, report) = crate::support::json_report_in(dir.path(), &args);
    assert_eq!(code, 1, "{report}");
    let c = &report["conversations"][0];
    crate::support::finding(c, "respect/calm-down");
}
