//! Vendor targets a phrase cannot match as the vendor does are imported as regexes on the
//! original text: one holding a web or e-mail address (one word in a turn; was a rule error
//! that failed the whole file) and one in a script without spaces (AWS and Google find it
//! inside a run of such letters), pretty-printed or not. A case-sensitive query, a regex too,
//! starts and ends where its tokens do, at a letter or at punctuation (`C++` is not in `C++11`).

use crate::support::{run, talklint, write};

/// An AWS category `name` holding `targets`, compact or pretty-printed.
fn aws(name: &str, targets: &[&str], pretty: bool) -> String {
    let v = serde_json::json!({"CategoryName": name, "Rules": [{"TranscriptFilter":
        {"TranscriptFilterType": "EXACT", "Targets": targets}}]});
    if pretty {
        serde_json::to_string_pretty(&v).unwrap()
    } else {
        v.to_string()
    }
}

/// `check` of `calls` with the rule file `rule`: the tags of each call, and the warnings.
fn tags(rule: &str, calls: &[&str]) -> (Vec<String>, String) {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = talklint();
    cmd.args(["check", "--no-config", "-f", "json", "-r"])
        .arg(write(dir.path(), "c.json", rule));
    for (i, call) in calls.iter().enumerate() {
        cmd.arg(write(dir.path(), &format!("{i}.txt"), call));
    }
    let (code, out, err) = run(&mut cmd);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let tags = v["conversations"].as_array().unwrap();
    (tags.iter().map(|c| c["tags"].to_string()).collect(), err)
}

#[test]
fn a_target_holding_an_address_is_imported_as_a_regex() {
    let calls = [
        "Agent: Please EMAIL help@example.com today.\n",
        "Agent: Email us, help is on the way.\n",
        "Agent: I will pay you now.\n",
    ];
    for pretty in [false, true] {
        let rule = aws("sent-link", &["email help@example.com", "pay"], pretty);
        let (tags, err) = tags(&rule, &calls);
        assert_eq!(
            tags,
            [r#"["aws/sent-link"]"#, "null", r#"["aws/sent-link"]"#]
        );
        assert!(err.is_empty(), "{err}");
        let dir = tempfile::tempdir().unwrap();
        let file = write(dir.path(), "c.json", &rule);
        let (code, yaml, err) = run(talklint().args(["import", "--no-config"]).arg(&file));
        assert_eq!(code, 0, "{err}");
        assert!(
            yaml.contains(r#"{speaker: any, phrases: ["pay"], regex: ["(?u:\\b)email(?u:\\s)+help@example\\.com(?u:\\b)"]}"#)
                && yaml.contains("Targets[0] holds an address: a regex on the original text"),
            "{yaml}"
        );
    }
}

#[test]
fn a_target_in_a_script_without_spaces_is_found_inside_a_run() {
    let calls = ["Customer: 苦情があります\n", "Customer: 大丈夫です\n"];
    let ccai = r#"{"displayName":"complaint","type":"ANY_OF","active":true,"phraseMatchRuleGroups":[{"type":"ANY_OF","phraseMatchRules":[{"query":"苦情"}]}]}"#;
    for (rule, tag) in [
        (ccai.to_string(), r#"["ccai/complaint"]"#),
        (aws("complaint", &["苦情"], true), r#"["aws/complaint"]"#),
    ] {
        let (tags, err) = tags(&rule, &calls);
        assert_eq!(tags, [tag, "null"]);
        assert!(err.is_empty(), "{err}");
    }
}

#[test]
fn a_case_sensitive_query_ending_in_punctuation_ends_where_its_token_does() {
    let matcher = |query: &str| {
        serde_json::json!({"displayName": "q", "type": "ANY_OF", "active": true,
            "phraseMatchRuleGroups": [{"type": "ANY_OF", "phraseMatchRules": [
                {"query": query, "config": {"exactMatchConfig": {"caseSensitive": true}}}]}]})
        .to_string()
    };
    let tag = r#"["ccai/q"]"#;
    for (query, calls, expected) in [
        (
            "C++",
            [
                "Customer: I know C++ well.\n",
                "Customer: I know C++11 well.\n",
                "Customer: I know (C++).\n",
                "Customer: I know xC++ well.\n",
            ],
            [tag, "null", tag, "null"],
        ),
        (
            "$5 Credit",
            [
                "Customer: a $5 Credit please\n",
                "Customer: a US$5 Credit please\n",
                "Customer: ($5 Credit)\n",
                "Customer: a $5 Credits please\n",
            ],
            [tag, "null", tag, "null"],
        ),
    ] {
        let (tags, err) = tags(&matcher(query), &calls);
        assert_eq!(tags, expected, "{query}");
        assert!(err.is_empty(), "{err}");
    }
}

#[test]
fn a_target_holding_a_symbol_is_matched_with_it() {
    // A phrase passes over symbols as punctuation: `press *` tagged "the press release", `C++
    // support` "C support", `$5 Credit` "US$5 Credit" and `100%` "100 sure", in silence. (`*`
    // after a word stays a word boundary: `refund*` is "refund", see `import.rs`.)
    let targets = [
        "press *",
        "C++ support",
        "$5 Credit",
        "100%",
        "[beta]",
        "😀 thanks",
        "™ brand",
        "€",
    ];
    let calls = [
        "Agent: Please press * now.\n",
        "Agent: The press release is out.\n",
        "Agent: We give C++ support.\n",
        "Agent: We give C support.\n",
        "Agent: Here is a $5 Credit.\n",
        "Agent: Here is a US$5 Credit.\n",
        "Agent: I am 100% sure.\n",
        "Agent: I am 100 sure.\n",
        "Agent: It is in [beta] now.\n",
        "Agent: It is in beta now.\n",
        "Agent: 😀 thanks!\n",
        "Agent: thanks!\n",
        "Agent: the Acme™ brand.\n",
        "Agent: our brand.\n",
        // A target of a symbol alone loads (it was "no word talklint can match"), and a sign
        // outside ASCII is found against a figure or a word (`5€`, `Acme™`).
        "Agent: 5€ please.\n",
        "Agent: 5 please.\n",
    ];
    let (tags, err) = tags(&aws("ivr", &targets, false), &calls);
    let tagged: Vec<bool> = tags.iter().map(|t| t != "null").collect();
    let expected = [true, false].repeat(targets.len());
    assert_eq!(tagged, expected, "{tags:?}");
    assert!(err.is_empty(), "{err}");
}
