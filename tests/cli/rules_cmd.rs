//! `talklint rules` (and `explain`) and `talklint test`.

use crate::support::{run, talklint};
use std::fs;

#[test]
fn test_lists_every_missing_and_noisy_example() {
    let (code, out, _) = run(talklint().args(["test", "--no-config", "fixtures/rules/basic.yaml"]));
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("5 rules, 11 examples: 11 passed, 0 failed"),
        "{out}"
    );

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.yaml");
    fs::write(
        &file,
        "rules:\n  - id: respect/calm-down\n    phrases: [\"calm down\"]\n    examples:\n      \
         hit: [\"Agent: relax\", \"Agent: calm down\", \"Customer: calm down\"]\n      clean: [\"Agent: calm down now\"]\n",
    )
    .unwrap();
    let (code, out, _) = run(talklint().args(["test", "--no-config", file.to_str().unwrap()]));
    assert_eq!(code, 1);
    // Each failure is named at its example's own line and column, as an editor opens it.
    let at = |place: &str| format!("{}:{place}: respect/calm-down: ", file.display());
    let missing = format!(
        "{}Missing: hit example 1 did not match: \"Agent: relax\"",
        at("5:14")
    );
    assert!(out.contains(&missing), "{out}");
    assert!(
        out.contains(&format!(
            "{}Missing: hit example 3 did not match: \"Customer: calm down\"",
            at("5:50")
        )),
        "customer turns do not count: {out}"
    );
    assert!(
        out.contains(&format!("{}Noisy: clean example 1", at("6:16"))),
        "{out}"
    );
    assert!(out.contains("4 examples: 1 passed, 3 failed"), "{out}");
}

#[test]
fn rules_lists_and_shows_rules() {
    let (code, out, _) =
        run(talklint().args(["rules", "--no-config", "-r", "fixtures/rules/basic.yaml"]));
    assert_eq!(code, 0);
    assert!(out.contains("ownership/not-my-department"));
    assert!(out.contains("5 rules"));
    // One rule is counted as one (it was `1 rules`).
    let dir = tempfile::tempdir().unwrap();
    let one = crate::support::write(dir.path(), "one.yaml", "rules: [{id: a/b, phrases: [x]}]");
    let (_, out, _) = run(talklint().args(["rules", "--no-config", "-r"]).arg(one));
    assert!(out.ends_with("\n1 rule\n"), "{out}");
    let (_, out, _) = run(talklint().args([
        "rules",
        "--no-config",
        "-r",
        "fixtures/rules/basic.yaml",
        "--format",
        "json",
    ]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 5);
    assert_eq!(v[4]["kind"], "require");
    // As the rule file writes it, not in words ("first 2 turns"), so a program reads the number.
    assert_eq!(v[4]["window"], serde_json::json!({"first_turns": 2}));
    assert_eq!(v[0]["points"], -10);
    let (_, out, _) = run(talklint().args([
        "rules",
        "--no-config",
        "-r",
        "fixtures/rules/basic.yaml",
        "greeting/agent-name",
    ]));
    assert!(out.contains("min_turns   2"), "{out}");
    let (code, _, err) = run(talklint().args([
        "rules",
        "--no-config",
        "-r",
        "fixtures/rules/basic.yaml",
        "nope/x",
    ]));
    assert_eq!(code, 2);
    assert!(err.contains("no loaded rule has id `nope/x`"));
}

#[test]
fn rules_phrases_lists_every_expansion_in_canonical_words() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("r.yaml");
    fs::write(
        &file,
        "rules:\n  - id: respect/calm-down\n    phrases: [\"(you|just) um calm down [now]\", \"don't * me $\"]\n    \
         unless: [\"i can't\"]\n",
    )
    .unwrap();
    let (code, out, _) = run(talklint().args([
        "rules",
        "--no-config",
        "-r",
        file.to_str().unwrap(),
        "--format",
        "phrases",
    ]));
    assert_eq!(code, 0);
    let mut lines: Vec<&str> = out.lines().collect();
    lines.sort_unstable();
    assert_eq!(
        lines,
        [
            "respect/calm-down\tphrase\tdo not * me $",
            "respect/calm-down\tphrase\tjust calm down",
            "respect/calm-down\tphrase\tjust calm down now",
            "respect/calm-down\tphrase\tyou calm down",
            "respect/calm-down\tphrase\tyou calm down now",
            "respect/calm-down\tunless\ti can not",
        ]
    );
}

/// A phrase of more sequences than are listed says so: a search of the listing that finds
/// nothing was taken for a phrase that matches nothing.
#[test]
fn rules_phrases_says_which_phrase_it_lists_in_part() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.yaml");
    let words = |w: &str| {
        (0..30)
            .map(|i| format!("{w}{i}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let pack = format!(
        "lexicons:\n  v: [{}]\n  o: [{}]\n  t: [{}]\nrules:\n  - id: big/one\n    \
         phrases: [\"{{v}} {{o}} {{t}}\", \"small\"]\n",
        words("v"),
        words("o"),
        words("t"),
    );
    fs::write(&file, pack).unwrap();
    let path = file.to_str().unwrap();
    let args = ["rules", "--no-config", "-r", path, "--format", "phrases"];
    let (code, out, err) = run(talklint().args(args));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out.lines().count(),
        20_001,
        "the cut phrase's first 20,000, and `small`"
    );
    assert_eq!(
        err.trim_end(),
        "warning: big/one: the phrase \"{v} {o} {t}\" (under `phrases`) stands for more than \
         20000 word sequences; the first 20000 are listed (talklint matches them all)"
    );
}

/// The table says `any` for a rule of every speaker, and its columns line up however long a
/// rule's speakers are.
#[test]
fn the_rules_table_says_any_and_keeps_its_columns() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.yaml");
    let rules = "rules:\n  - id: a/b\n    phrases: [no problem]\n  - id: a/c\n    speaker: any\n    \
                 phrases: [hi]\n  - id: a/d\n    speaker: [agent, customer]\n    phrases: [yo]\n";
    fs::write(&file, rules).unwrap();
    let (code, out, err) = run(talklint().args(["rules", "--no-config", "-r"]).arg(&file));
    assert_eq!(code, 0, "{err}");
    let lines: Vec<&str> = out.lines().take(4).collect();
    assert!(
        lines[2].starts_with("a/c  forbid   warning   any "),
        "{out}"
    );
    let points = lines[0].find("POINTS").unwrap() + "POINTS".len();
    assert!(lines.iter().all(|l| l.len() == points), "{out}");
    // And so do one rule's page and the JSON listing.
    let (_, page, _) = run(talklint()
        .args(["rules", "--no-config", "-r"])
        .arg(&file)
        .arg("a/c"));
    assert!(page.contains("  speaker     any\n"), "{page}");
    let (_, json, _) = run(talklint()
        .args(["rules", "--no-config", "-f", "json", "-r"])
        .arg(&file));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v[1]["speaker"], serde_json::json!(["any"]));
}

/// A category named where an id goes (`explain ownership`, as directives name one) lists its
/// rules; it was refused as no loaded rule's id.
#[test]
fn a_category_named_lists_its_rules() {
    for named in ["ownership", "ownership/*"] {
        let (code, out, err) = run(talklint().args(["explain", "--no-config", named]));
        assert_eq!(code, 0, "{err}");
        let ids: Vec<&str> = (out.lines().skip(1))
            .filter_map(|l| l.split_whitespace().next())
            .filter(|word| word.contains('/'))
            .collect();
        assert!(ids.len() > 1, "{out}");
        assert!(ids.contains(&"ownership/closed-door"), "{out}");
        assert!(ids.iter().all(|id| id.starts_with("ownership/")), "{out}");
    }
}

/// `talklint rule ID` (ruff's word) and `talklint explain ID` show one rule as `rules ID` does,
/// with its examples.
#[test]
fn rule_and_explain_show_one_rule() {
    let (_, page, _) = run(talklint().args(["rules", "--no-config", "respect/calm-down"]));
    for word in ["rule", "explain"] {
        let (code, out, err) = run(talklint().args([word, "--no-config", "respect/calm-down"]));
        assert_eq!((code, &out), (0, &page), "{word}: {err}");
    }
    assert!(
        page.starts_with("respect/calm-down\n  kind        forbid"),
        "{page}"
    );
    // Its examples, a later line of one under its first.
    assert!(
        page.contains("\n  hit         Agent: Please calm down.\n"),
        "{page}"
    );
    assert!(
        page.contains("\n  clean       Agent: Let me help you.\n              Customer: "),
        "{page}"
    );
}

#[test]
fn rules_default_on_the_command_line_is_the_built_in_pack() {
    let dir = tempfile::tempdir().unwrap();
    let mine = "rules:\n  - id: mine/refund\n    kind: tag\n    phrases: [refund]\n";
    crate::support::write(dir.path(), "mine.yaml", mine);
    crate::support::write(
        dir.path(),
        "t.txt",
        "Agent: calm down, the refund is coming\n",
    );
    let (code, report) =
        crate::support::json_report_in(dir.path(), &["-r", "default", "-r", "mine.yaml", "t.txt"]);
    assert_eq!(code, 1, "{report}");
    let rules: Vec<&str> = (report["conversations"][0]["findings"].as_array().unwrap())
        .iter()
        .filter_map(|f| f["rule"].as_str())
        .collect();
    assert!(rules.contains(&"respect/calm-down"), "{report}");
    assert!(rules.contains(&"mine/refund"), "{report}");
    // A folder of that name is `./default`, and naming `default` says so.
    std::fs::create_dir(dir.path().join("default")).unwrap();
    let (_, _, err) = crate::support::check_in(dir.path(), &["-r", "default", "t.txt"]);
    assert!(err.contains("write `./default` for that"), "{err}");
}

#[test]
fn explain_shows_a_when_rule_as_its_file_writes_it() {
    // It showed the condition as JSON: {"all":[{"speaker":["customer"],...
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("r.yaml");
    std::fs::write(
        &rules,
        "rules:\n  - id: loyalty/no-offer\n    when:\n      all:\n        - {speaker: customer, phrases: [cancel my account]}\n        - not: {speaker: agent, phrases: [\"(discount|offer)\"]}\n    min_turns: 1\n    kind: require\n",
    )
    .unwrap();
    let (code, out, err) = run(talklint()
        .args(["explain", "--no-config", "-r"])
        .arg(&rules)
        .arg("loyalty/no-offer"));
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains(r#"{all: [{speaker: [customer], phrases: [cancel my account]}, {not: {speaker: [agent], phrases: ["(discount|offer)"]}}]}"#),
        "{out}"
    );
}

/// Windows are listed in the rule file's keys in JSON (they were prose: `"first 30%"`; the
/// second-edition pack's windows and timing are checked in `rule_language`), and in words for
/// people, with the seconds written (`first_seconds: 2.5` was shown as "first 2 seconds").
#[test]
fn windows_are_listed_as_written() {
    use serde_json::json;
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("r.yaml");
    std::fs::write(
        &rules,
        "rules:\n  - id: a/b\n    kind: require\n    phrases: [hello]\n    window: {between_seconds: [0.5, 90.75], }\n\
         \x20 - id: a/c\n    kind: require\n    phrases: [hello]\n    window: {last_percent: 12.5, percent_of: media}\n",
    )
    .unwrap();
    let (_, out, err) = run(talklint()
        .args(["rules", "--no-config", "--format", "json", "-r"])
        .arg(&rules));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    assert_eq!(v[0]["window"], json!({"between_seconds": [0.5, 90.75]}));
    assert_eq!(
        v[1]["window"],
        json!({"last_percent": 12.5, "percent_of": "media"})
    );
    let (_, out, _) = run(talklint()
        .args(["rules", "--no-config", "-r"])
        .arg(&rules)
        .arg("a/b"));
    assert!(out.contains("window      seconds 0.5–90.75\n"), "{out}");
}

#[test]
fn explaining_a_rule_the_config_disables_says_so() {
    // It said "no loaded rule has id", as of a rule that does not exist.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("talklint.yaml"), "disable: [ownership]\n").unwrap();
    let (code, _, err) = run(talklint()
        .current_dir(dir.path())
        .args(["explain", "ownership/closed-door"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("`ownership/closed-door` is loaded and then disabled by the `disable` of"),
        "{err}"
    );
    let (code, _, err) = run(talklint()
        .current_dir(dir.path())
        .args(["explain", "ownership/nope"]));
    assert_eq!(code, 2);
    assert!(
        err.contains("no loaded rule has id `ownership/nope`"),
        "{err}"
    );
}

/// An example that failed was quoted as Rust's `{:?}` writes it, which escapes the marks of
/// Thai, Hindi and vowelled Arabic and an emoji's variation selector (`क\u{943}पया`).
#[test]
fn test_quotes_a_failed_example_in_its_own_letters() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("r.yaml");
    let example = "कृपया शांत ❤\u{fe0f} ไม่ใช่ اِهْدَأْ";
    fs::write(
        &rules,
        format!(
            "rules:\n  - id: t/x\n    phrases: [nope]\n    examples:\n      hit: [\"{example}\"]\n"
        ),
    )
    .unwrap();
    let (code, out, _) = run(talklint().args(["test", "--no-config"]).arg(&rules));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(&format!("hit example 1 did not match: \"{example}\"\n")),
        "{out}"
    );
    // What is not seen is shown: a zero-width space made an example look like one that passes.
    fs::write(
        &rules,
        "rules:\n  - id: t/x\n    phrases: [calm down]\n    examples:\n      clean: [\"calm\u{200b} down\"]\n",
    )
    .unwrap();
    let (_, out, _) = run(talklint().args(["test", "--no-config"]).arg(&rules));
    assert!(
        out.contains("clean example 1 matched: \"calm\\u{200b} down\""),
        "{out}"
    );
}

/// A rule's `description` is shown where the rule is: one rule's listing and the JSON listing
/// (SARIF's `shortDescription` had it alone), with the rule's place to its column.
#[test]
fn a_rules_description_and_place_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("d.yaml");
    let rule = "rules:\n  - id: x/y\n    description: |\n      Tells the customer to calm down.\n      \
                Say what you will do.\n    phrases: [\"calm down\"]\n";
    fs::write(&file, rule).unwrap();
    let path = file.to_str().unwrap();
    let (_, one, _) = run(talklint().args(["rules", "--no-config", "-r", path, "x/y"]));
    // A description of lines goes on under its first.
    let lines = "  description Tells the customer to calm down.\n              Say what you will do.\n  kind";
    assert!(one.contains(lines), "{one}");
    assert!(
        one.contains(&format!("  defined at  {path}:2:9\n")),
        "{one}"
    );
    let (_, listed, _) = run(talklint().args(["rules", "--no-config", "-r", path, "-f", "json"]));
    let listed: serde_json::Value = serde_json::from_str(&listed).unwrap();
    assert_eq!(
        listed[0]["description"],
        "Tells the customer to calm down.\nSay what you will do.\n"
    );
}
