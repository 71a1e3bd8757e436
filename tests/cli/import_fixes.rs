//! What a trial migrating AWS Call Analytics categories and CCAI phrase matchers with
//! `talklint import` found: regexes that missed white space beyond ASCII, a missing AWS role read
//! as any speaker (the platform's own messages included), errors placed at 1:1 or not raised at
//! all, and messages in the wrong file format's terms.

use crate::support::{run, talklint, write};
use serde_json::{Value, json};

/// A CCAI matcher `name` of one query, case-sensitive or not.
fn ccai(name: &str, query: &str, case_sensitive: bool) -> Value {
    json!({"displayName": name, "type": "ANY_OF", "active": true, "phraseMatchRuleGroups": [
        {"type": "ANY_OF", "phraseMatchRules": [{"query": query,
            "config": {"exactMatchConfig": {"caseSensitive": case_sensitive}}}]}]})
}

/// An AWS category `name` of `rules`.
fn aws(name: &str, rules: Value) -> Value {
    json!({"CategoryName": name, "Rules": rules})
}

/// A chat of `(role, text)` messages, as JSON.
fn chat(messages: &[(&str, &str)]) -> String {
    let messages: Vec<Value> = (messages.iter())
        .map(|(role, text)| json!({"role": role, "text": text}))
        .collect();
    json!({ "messages": messages }).to_string()
}

/// `check` of each of `calls` (chat JSON) with the rule file `rule` (JSON): each call's tags.
fn tags(rule: &Value, calls: &[String]) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = talklint();
    cmd.args(["check", "--no-config", "-f", "json", "-r"])
        .arg(write(dir.path(), "rule.json", &rule.to_string()));
    for (i, call) in calls.iter().enumerate() {
        cmd.arg(write(dir.path(), &format!("{i}.json"), call));
    }
    let (code, out, err) = run(&mut cmd);
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let conversations = v["conversations"].as_array().unwrap();
    conversations.iter().map(|c| c["tags"].clone()).collect()
}

/// `talklint import --no-config` of `text` written to `name`: exit code, stdout, stderr.
fn import(name: &str, text: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), name, text);
    run(talklint().args(["import", "--no-config"]).arg(file))
}

/// A case-sensitive query and an address target match their words across any white space, as
/// their case-insensitive and phrase forms do: the regex was compiled ASCII-only, where `\s`
/// is no no-break space, U+0085 or U+2028.
#[test]
fn regex_targets_match_across_white_space_beyond_ascii() {
    let spaces = ["\u{a0}", "\u{85}", "\u{2028}", " \u{a0} "];
    let calls = |words: [&str; 2]| -> Vec<String> {
        spaces
            .iter()
            .map(|s| chat(&[("agent", &format!("Is it {}{s}{}?", words[0], words[1]))]))
            .collect()
    };
    for case_sensitive in [true, false] {
        let rule = ccai("Order id", "Order ID", case_sensitive);
        let got = tags(&rule, &calls(["Order", "ID"]));
        assert!(
            got.iter().all(|t| *t == json!(["ccai/order-id"])),
            "{got:?}"
        );
    }
    let cs = tags(&ccai("Order id", "Order ID", true), &calls(["ORDER", "ID"]));
    assert!(cs.iter().all(Value::is_null), "{cs:?}");
    let target = json!([{"TranscriptFilter": {"TranscriptFilterType": "EXACT",
        "ParticipantRole": "AGENT", "Targets": ["email help@example.com"]}}]);
    let got = tags(
        &aws("sent-link", target),
        &calls(["email", "help@example.com"]),
    );
    assert!(
        got.iter().all(|t| *t == json!(["aws/sent-link"])),
        "{got:?}"
    );
}

/// A `SentimentFilter` is checked like the other filters, at its line and column; a well-formed
/// one leaves its category out, with a warning.
#[test]
fn a_malformed_sentiment_filter_is_an_error_at_its_place() {
    let category = |filter: &str| {
        format!(
            "{{\"CategoryName\": \"moody\", \"Rules\": [\n  {{\"SentimentFilter\": {filter}}}\n]}}"
        )
    };
    for (filter, at, message, hint) in [
        (
            r#"{"Sentiments": ["NEGATIVE"], "Bogus": 1, "ParticipantRole": "BOTH"}"#,
            "2:52",
            "unknown key `Bogus` in Rules[0].SentimentFilter",
            "Rules[0].SentimentFilter holds Sentiments, ParticipantRole, Negate",
        ),
        (
            r#"{"Sentiments": ["NEGATIVE"], "ParticipantRole": "BOTH"}"#,
            "2:71",
            "unknown ParticipantRole \"BOTH\"",
            "ParticipantRole is one of \"AGENT\", \"CUSTOMER\"",
        ),
        (
            r#""oops""#,
            "2:23",
            "`Rules[0].SentimentFilter` must be an object `{…}`, not a string \"oops\"",
            "write an object `{…}` here",
        ),
        (
            r#"{"Sentiments": ["ANGRY"]}"#,
            "2:39",
            "unknown Sentiments \"ANGRY\"",
            "Sentiments is one of \"POSITIVE\", \"NEGATIVE\", \"NEUTRAL\", \"MIXED\"",
        ),
        (
            r#"{"Sentiments": ["NEGATIVE", "MIXED"]}"#,
            "2:51",
            "`Sentiments` holds 2 values: AWS takes exactly one",
            "keep one sentiment per filter",
        ),
        (
            r#"{"ParticipantRole": "AGENT"}"#,
            "2:23",
            "Rules[0].SentimentFilter has no `Sentiments`",
            "add \"Sentiments\": [\"NEGATIVE\"]",
        ),
        (
            r#"{"Sentiments": ["NEGATIVE"], "RelativeTimeRange": {"Last": 101}}"#,
            "2:82",
            "`RelativeTimeRange.Last` is 101",
            "write a whole number of percent",
        ),
    ] {
        let (code, out, err) = import("mood.json", &category(filter));
        assert_eq!((code, out.as_str()), (2, ""), "{filter}: {err}");
        assert!(
            err.contains(&format!("mood.json:{at}: {message}")),
            "{filter}:\n{err}"
        );
        assert!(err.contains(&format!("  help: {hint}")), "{filter}:\n{err}");
        assert!(!err.contains("left out"), "{filter}:\n{err}");
    }
    let good = category(r#"{"Sentiments": ["NEGATIVE"], "ParticipantRole": "CUSTOMER"}"#);
    let (code, out, err) = import("mood.json", &good);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("aws/moody"), "{out}");
    assert!(
        err.contains("mood.json:2:4: AWS Transcribe Call Analytics category \"moody\" left out"),
        "{err}"
    );
}

/// A key written twice in one object is an error at the second that names the first, as in a
/// YAML rule file: JSON readers keep one of the two without a word.
#[test]
fn a_key_written_twice_is_an_error_at_the_second() {
    let silence = r#"{"CategoryName": "quiet", "Rules": [
  {"NonTalkTimeFilter": {"Threshold": 1000, "Threshold": 2000}}]}"#;
    let renamed = "{\"CategoryName\": \"quiet\",\n \"Rules\": [{\"NonTalkTimeFilter\": {\"Threshold\": 1000}}],\n \"CategoryName\": \"loud\"}";
    let matcher = r#"{"displayName": "Refunds", "type": "ANY_OF", "active": true,
 "display_name": "Returns", "phraseMatchRuleGroups": [{"type": "ANY_OF",
 "phraseMatchRules": [{"query": "refund"}]}]}"#;
    for (text, at, message, hint) in [
        (
            silence,
            "2:45",
            "duplicate key `Threshold`",
            "remove one of the two: `Threshold` is also written at line 2, column 26",
        ),
        (
            renamed,
            "3:2",
            "duplicate key `CategoryName`",
            "remove one of the two: `CategoryName` is also written at line 1, column 2",
        ),
        (
            matcher,
            "2:2",
            "`display_name` is `displayName` written again in a CCAI phrase matcher",
            "remove one of the two: both are `displayName`",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let file = write(dir.path(), "twice.json", text);
        let call = write(dir.path(), "call.txt", "Agent: Hello.\n");
        let mut import = talklint();
        import.args(["import", "--no-config"]).arg(&file);
        let mut check = talklint();
        check
            .args(["check", "--no-config", "-r"])
            .arg(&file)
            .arg(&call);
        for mut cmd in [import, check] {
            let (code, out, err) = run(&mut cmd);
            assert_eq!((code, out.as_str()), (2, ""), "{text}: {err}");
            assert!(
                err.contains(&format!("twice.json:{at}: {message}")),
                "{err}"
            );
            assert!(err.contains(&format!("  help: {hint}")), "{err}");
        }
    }
}

/// A character YAML refuses anywhere (a control, a noncharacter) in a rule or config file is an
/// error at its line and column that names it; it was placed at 1:1 with the reader's byte
/// position. An import whose name or query holds one prints it escaped, so the YAML loads back.
#[test]
fn a_character_yaml_refuses_is_named_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "rules:\n  - id: a/b\n    kind: forbid\n\n    phrases: [\"hello\u{b}there\"]\n";
    let file = write(dir.path(), "ctl.yaml", rules);
    let (code, _, err) = run(talklint().args(["rules", "--no-config", "-r"]).arg(&file));
    assert_eq!(code, 2, "{err}");
    let want = "ctl.yaml:5:21: a control character U+000B (vertical tab), which YAML does not allow anywhere, quoted or not\n  help: delete it: such characters are often pasted from a word processor";
    assert!(err.contains(want), "{err}");
    // Lines that end in a CR alone or CRLF are counted as YAML counts them.
    for end in ["\r", "\r\n"] {
        let file = write(dir.path(), "cr.yaml", &rules.replace('\n', end));
        let (_, _, err) = run(talklint().args(["rules", "--no-config", "-r"]).arg(&file));
        assert!(
            err.contains("cr.yaml:5:21: a control character U+000B"),
            "{end:?}: {err}"
        );
    }
    let config = "fail_on: warning\nmin_score: 7\u{7f}0\n";
    write(dir.path(), "talklint.yaml", config);
    let call = write(dir.path(), "call.txt", "Agent: Hello.\n");
    let (code, _, err) = run(talklint().current_dir(dir.path()).arg("check").arg(&call));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("talklint.yaml:2:13: a control character U+007F (delete)"),
        "{err}"
    );
    let name = "Order \u{ffff} id";
    let matcher = ccai(name, "Order\u{fffe}ID", false);
    let (code, yaml, err) = import("nc.json", &matcher.to_string());
    assert_eq!(code, 0, "{err}");
    assert!(
        yaml.contains("Order \\uffff id") && yaml.contains("Order\\ufffeID"),
        "{yaml}"
    );
    let printed = write(dir.path(), "nc.yaml", &yaml);
    let (code, out, err) = run(talklint()
        .args(["rules", "--no-config", "--format", "json", "-r"])
        .arg(&printed));
    assert_eq!(code, 0, "{err}\n{yaml}");
    let rules: Value = serde_json::from_str(&out).unwrap();
    let query = &rules[0]["when"]["any"][0]["any"][0]["phrases"][0];
    assert_eq!(*query, json!("Order\u{fffe}ID"), "{out}");
}

/// A target read as a regex that holds a control character is refused in the JSON's terms (the
/// check of a rule file's regex spoke of YAML double quotes and single-quoted regexes).
#[test]
fn a_control_character_in_a_regex_target_is_named_in_json_terms() {
    let text = ccai("Order id", "Order\u{8}ID", true).to_string();
    let (code, _, err) = import("cs.json", &text);
    assert_eq!(code, 2, "{err}");
    // The file is one line of ASCII: the query's column is its byte offset, plus one.
    let column = text.find(r#""Order\b"#).unwrap() + 1;
    let want = format!(
        "cs.json:1:{column}: the query \"Order\\u{{8}}ID\" holds the control character U+0008: in a JSON string `\\b` is a backspace, not a word boundary\n  help: remove it from the JSON string: the query matches its words exactly"
    );
    assert!(err.contains(&want), "{err}");
    let target = json!([{"TranscriptFilter": {"TranscriptFilterType": "EXACT",
        "Targets": ["mail\u{7} help@example.com"]}}]);
    let (code, _, err) = import("addr.json", &aws("sent-link", target).to_string());
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "the target \"mail\\u{7} help@example.com\" holds the control character U+0007\n"
        ),
        "{err}"
    );
    assert!(!err.contains("YAML"), "{err}");
}

/// A target of fillers only is refused with how to make fillers words: `fillers: []`.
#[test]
fn a_filler_only_target_says_how_to_match_fillers() {
    let target = json!([{"TranscriptFilter": {"TranscriptFilterType": "EXACT",
        "Targets": ["um", "uh"]}}]);
    let rule = aws("hesitation", target).to_string();
    let (code, _, err) = import("um.json", &rule);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("the target \"um\" has no word talklint can match"),
        "{err}"
    );
    assert!(
        err.contains("or, to match fillers as words, write `fillers: []` in talklint.yaml"),
        "{err}"
    );
    // As the hint says: with no fillers, the targets load and match.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "talklint.yaml", "fillers: []\n");
    let file = write(dir.path(), "um.json", &rule);
    let call = write(dir.path(), "call.txt", "Customer: Um, well.\n");
    let (code, out, err) = run(talklint()
        .current_dir(dir.path())
        .args(["check", "-f", "json", "-r"])
        .arg(&file)
        .arg(&call));
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        v["conversations"][0]["tags"],
        json!(["aws/hesitation"]),
        "{out}"
    );
}

/// `talklint import -` and `talklint import FOLDER` say that stdin and folders are not read and
/// to name the .json files (they said import reads .json files, with a hint about YAML), with no
/// place in a file (they were placed at `-:1:1`). A cloud's name given as a file says that
/// the files' fields tell their cloud; errors in a file say nothing was imported.
#[test]
fn stdin_and_folders_given_to_import_say_to_name_the_files() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("exports");
    std::fs::create_dir(&folder).unwrap();
    let (code, _, err) = run(talklint().args(["import", "--no-config", "-"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.starts_with("error: talklint import does not read stdin\n  help: save the cloud definitions to .json files and name them"), "{err}");
    let (code, _, err) = run(talklint().args(["import", "--no-config"]).arg(&folder));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("exports: talklint import does not read folders\n  help: name the .json files in it: `talklint import "), "{err}");
    assert!(err.contains("exports/*.json`"), "{err}");
    assert!(!err.contains(":1:1"), "{err}");
    let (code, _, err) =
        run(talklint()
            .current_dir(dir.path())
            .args(["import", "--no-config", "aws"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("error: cannot read aws: "), "{err}");
    assert!(err.contains("help: name only the .json files: each file's fields tell AWS categories from CCAI phrase matchers"), "{err}");
    write(dir.path(), "bad.json", "{\n");
    let (code, _, err) =
        run(talklint()
            .current_dir(dir.path())
            .args(["import", "--no-config", "bad.json"]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("bad.json:2:1: invalid JSON"), "{err}");
    assert!(
        err.ends_with("1 rule error; nothing was imported.\n"),
        "{err}"
    );
}

/// A whole number written `5000.0`, `1e3` or `-0` is that number (it was refused as "not a whole
/// number"), a negative one is still refused, and the help of a type error says what to write:
/// "without quotes" only for a number or boolean written as a string, and a key it names in
/// backticks once.
#[test]
fn whole_numbers_in_any_json_form_and_plain_type_errors() {
    let silence = |threshold: &str| {
        format!(
            "{{\"CategoryName\": \"quiet\", \"Rules\": [{{\"NonTalkTimeFilter\": {{\"Threshold\": {threshold}}}}}]}}"
        )
    };
    for (written, seconds) in [("5000.0", "5"), ("1e3", "1"), ("-0", "0")] {
        let (code, out, err) = import("q.json", &silence(written));
        assert_eq!(code, 0, "{written}: {err}");
        assert!(
            out.contains(&format!("silence_seconds: {seconds}}}")),
            "{written}: {out}"
        );
    }
    let (code, _, err) = import("q.json", &silence("-5.0"));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("`Threshold` is -5.0"), "{err}");
    let (code, _, err) = import("c.json", r#"{"Categories": {"x": 1}}"#);
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "`Categories` must be a list `[…]`, not an object\n  help: write a list `[…]` here\n"
        ),
        "{err}"
    );
    let (_, _, err) = import("c.json", r#"{"Rules": []}"#);
    assert!(
        err.contains(
            "help: add \"CategoryName\": the category's name, which makes the rule id aws/"
        ),
        "{err}"
    );
}
