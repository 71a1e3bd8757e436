//! Each rule key, through the binary, on small transcripts.

use crate::support::{findings, json_report, json_report_in};
use std::fs;

fn report_for(text: &str, name: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, text).unwrap();
    json_report(&[path.to_str().unwrap()]).1
}

fn rules_hit(v: &serde_json::Value) -> Vec<String> {
    findings(v, 0).into_iter().map(|f| f.0).collect()
}

#[test]
fn regex_rules_match_the_original_text_with_placeholders_and_link() {
    let v = report_for(
        "Customer: hi\nAgent: please stop   yelling at me\n",
        "a.txt",
    );
    let f = v["conversations"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "respect/shout")
        .cloned()
        .expect("regex hit");
    assert_eq!(f["match"], "stop   yelling");
    assert_eq!(f["message"], "Agent said stop yelling (respect/shout)");
    assert_eq!(f["link"], "https://example.org/respect");
    assert_eq!(f["severity"], "info");
    assert_eq!(f["points"], -1, "info forbid defaults to -1");
}

#[test]
fn speaker_lists_and_zero_points() {
    let v = report_for(
        "Agent: cancel my account\nCustomer: Please cancel my subscription.\n",
        "a.txt",
    );
    let hits: Vec<_> = findings(&v, 0)
        .into_iter()
        .filter(|f| f.0 == "loyalty/cancel")
        .collect();
    assert_eq!(hits.len(), 1, "only the customer's turn: {hits:?}");
    assert_eq!(hits[0].1, 2);
    let f = v["conversations"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "loyalty/cancel")
        .unwrap()
        .clone();
    assert_eq!(f["points"], 0);
}

/// A customer-side rule (no agent's or bot's words can hit it) marks the conversation and scores
/// nothing unless it sets points; an agent's or a bot's rule of the same severity costs its
/// default (SPEC 5: a bot's error cost nothing, though its prompts speak for the company).
#[test]
fn customer_side_rules_score_only_their_own_points() {
    let dir = tempfile::tempdir().unwrap();
    let rules = crate::support::write(
        dir.path(),
        "rules.yaml",
        "rules:\n  - id: risk/cancel\n    speaker: customer\n    phrases: [\"cancel my account\"]\n\
         \n  - id: risk/cancel-priced\n    speaker: customer\n    points: -3\n    phrases: [\"cancel my account\"]\n\
         \n  - id: risk/agent-cancel\n    speaker: [agent, customer]\n    phrases: [\"cancel my account\"]\n\
         \n  - id: ivr/press\n    speaker: bot\n    phrases: [\"press one\"]\n\
         \n  - id: risk/either\n    speaker: [customer, bot]\n    phrases: [\"cancel my account\"]\n",
    );
    let call = crate::support::write(
        dir.path(),
        "call.txt",
        "Bot: For billing, press one.\nAgent: Hello, how can I help?\n\
         Customer: I want to cancel my account.\n",
    );
    let v = crate::support::pack_report(Some(&rules), &call);
    let c = &v["conversations"][0];
    let points = |rule: &str| crate::support::finding(c, rule)["points"].clone();
    assert_eq!(points("risk/cancel"), 0, "SPEC 5: no points unless set");
    assert_eq!(points("risk/cancel-priced"), -3);
    assert_eq!(
        points("risk/agent-cancel"),
        -5,
        "a rule agents can hit keeps its default"
    );
    assert_eq!(points("ivr/press"), -5, "a bot's rule keeps its default");
    assert_eq!(points("risk/either"), 0, "it listens to the customer too");
    assert_eq!(c["score"], 67);
}

#[test]
fn unless_drops_a_hit_in_the_same_turn_only() {
    let v = report_for(
        "Agent: I don't know, but let me find out.\nAgent: I do not know.\n",
        "a.txt",
    );
    let hits: Vec<_> = findings(&v, 0)
        .into_iter()
        .filter(|f| f.0 == "knowledge/i-do-not-know")
        .collect();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].1, 2);
}

#[test]
fn require_windows_in_turns_and_min_turns() {
    // The closing offer is in the last agent turn: no finding. Missing: one finding at the window.
    let ok = report_for(
        "Agent: hi this is Al\nCustomer: x\nAgent: anything else?\n",
        "a.txt",
    );
    assert!(!rules_hit(&ok).contains(&"closing/anything-else".to_string()));
    let missing = report_for(
        "Agent: hi this is Al\nCustomer: x\nAgent: anything else?\nAgent: bye\n",
        "a.txt",
    );
    let f = missing["conversations"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "closing/anything-else")
        .unwrap()
        .clone();
    assert_eq!(f["match"], serde_json::Value::Null);
    assert_eq!(
        (f["line"].as_u64(), f["turn"].as_u64(), f["points"].as_i64()),
        (Some(4), Some(4), Some(-7))
    );
    // greeting/agent-name has min_turns 2: a one-turn snippet is not judged.
    let short = report_for("Agent: hello\n", "a.txt");
    assert!(!rules_hit(&short).contains(&"greeting/agent-name".to_string()));
    let long = report_for("Agent: hello\nCustomer: hi\nAgent: yes\n", "a.txt");
    assert!(rules_hit(&long).contains(&"greeting/agent-name".to_string()));
}

#[test]
fn windows_in_seconds_need_times_and_caps_limit_points() {
    let timed = "[00:00:01] Agent: hello there\n[00:00:30] Customer: hi\n[00:00:40] Agent: hello again, thank you\n[00:00:50] Customer: ok\n\
                 [00:01:00] Agent: thank you, thank you, thank you\n";
    let v = report_for(timed, "a.txt");
    let quick: Vec<_> = findings(&v, 0)
        .into_iter()
        .filter(|f| f.0 == "greeting/quick-hello")
        .collect();
    assert_eq!(quick.len(), 1, "only the hello within the first 5 seconds");
    let thanks: Vec<i64> = v["conversations"][0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "closing/late-thanks")
        .map(|f| f["points"].as_i64().unwrap())
        .collect();
    assert_eq!(
        thanks,
        [3, 3, 0],
        "max_hits 2: every hit reported, two counted; the thanks at 0:40 (its turn ends at 0:50) is outside the last 5 seconds"
    );
    let untimed = report_for("Agent: hello there\n", "a.txt");
    assert!(
        !rules_hit(&untimed).contains(&"greeting/quick-hello".to_string()),
        "no times, no seconds window"
    );
}

#[test]
fn word_boundaries_and_canonical_forms() {
    let v = report_for(
        "Agent: becalm downstairs\nAgent: It\u{2019}s uh OUT of my\nhands.\nAgent: notmyjob\n",
        "a.txt",
    );
    let got: Vec<_> = findings(&v, 0)
        .into_iter()
        .filter(|f| f.0 == "ownership/not-my-department")
        .collect();
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!((got[0].1, got[0].2), (2, 16));
    assert_eq!(got[0].3.as_deref(), Some("OUT of my\nhands"));
    assert!(!rules_hit(&v).contains(&"respect/calm-down".to_string()));
}

#[test]
fn default_role_applies_to_unlabelled_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("macro.md");
    fs::write(&path, "Sorry, that is not my job.\n").unwrap();
    let p = path.to_str().unwrap();
    let deflections = |v: &serde_json::Value| {
        findings(v, 0)
            .into_iter()
            .filter(|f| f.0 == "ownership/not-my-department")
            .count()
    };
    let (_, agent) = json_report(&[p]);
    assert_eq!(deflections(&agent), 1);
    let (_, customer) = json_report(&["--default-role", "customer", p]);
    assert_eq!(deflections(&customer), 0);
    let (_, any) = json_report(&["--default-role", "any", p]);
    assert_eq!(deflections(&any), 1);
    assert_eq!(any["conversations"][0]["findings"][0]["role"], "any");
}

#[test]
fn windowed_regex_rules_search_only_their_window() {
    let v = report_for(
        "Agent: I am Sam\nCustomer: I am Lee\nAgent: I am Bob, i am al\n",
        "a.txt",
    );
    let hits: Vec<_> = findings(&v, 0)
        .into_iter()
        .filter(|f| f.0 == "greeting/caps-name")
        .collect();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!((hits[0].1, hits[0].3.as_deref()), (1, Some("I am Sam")));
}

/// `auto_fail` fails a conversation whatever its score, a score under the pass mark fails it with
/// no finding at or above `--fail-on`, and either makes the exit status 1.
#[test]
fn auto_fail_and_the_pass_mark_fail_conversations() {
    let dir = tempfile::tempdir().unwrap();
    let rules = dir.path().join("rules.yaml");
    fs::write(
        &rules,
        "rules:\n\
         \x20 - id: compliance/guarantee\n    severity: info\n    phrases: [guaranteed]\n    points: -1\n    auto_fail: true\n\
         \x20 - id: courtesy/whatever\n    severity: info\n    phrases: [whatever]\n    points: -15\n",
    )
    .unwrap();
    let verdict = |text: &str| {
        fs::write(dir.path().join("call.txt"), text).unwrap();
        let (code, v) =
            json_report_in(dir.path(), &["--no-config", "-r", "rules.yaml", "call.txt"]);
        let c = &v["conversations"][0];
        (
            c["score"].as_i64().unwrap(),
            c["passed"].as_bool().unwrap(),
            code,
        )
    };
    assert_eq!(verdict("Agent: hello\n"), (80, true, 0));
    assert_eq!(
        verdict("Agent: it is guaranteed\n"),
        (79, false, 1),
        "auto_fail"
    );
    assert_eq!(
        verdict("Agent: whatever\n"),
        (65, false, 1),
        "65 is under the pass mark 70"
    );
}

#[test]
fn a_pack_of_regex_searches_still_honours_unless_and_near_phrases() {
    // No search has phrases, so nothing else needs the turns' words: the phrases looked for
    // around a hit still read them, walked from each place ("the manager") or found around
    // their anchors ("* supervisor", which may begin with any word).
    let dir = tempfile::tempdir().unwrap();
    let transcript = crate::support::write(
        dir.path(),
        "a.txt",
        "Agent: a refund, ask the manager\nAgent: a refund for the supervisor\nAgent: a refund now\n\
         Agent: wait a minute\nAgent: wait, it takes more than a minute\n",
    );
    for (unless, near) in [
        ("the (manager|supervisor)", "a minute"),
        ("* (manager|supervisor)", "* minute"),
    ] {
        let pack = format!(
            "rules:\n  - id: t/refund\n    kind: forbid\n    speaker: agent\n    regex: ['refund']\n    \
             unless: ['{unless}']\n    message: m\n  - id: t/wait\n    kind: forbid\n    speaker: agent\n    \
             regex: ['wait']\n    near: {{phrases: ['{near}'], words: 2}}\n    message: m\n"
        );
        let rules = crate::support::write(dir.path(), "regex.yaml", &pack);
        let v = crate::support::pack_report(Some(&rules), &transcript);
        let hits: Vec<(String, u64)> = findings(&v, 0).into_iter().map(|f| (f.0, f.1)).collect();
        assert_eq!(
            hits,
            [("t/refund".into(), 3), ("t/wait".into(), 4)],
            "{unless}, {near}"
        );
    }
}

/// A regex finds its matches in each turn alone: a match that would run on into the speaker's
/// next turn is no match, and a greedy one does not hide the matches of later turns.
#[test]
fn a_regex_never_matches_across_turns() {
    let dir = tempfile::tempdir().unwrap();
    let transcript = crate::support::write(
        dir.path(),
        "a.txt",
        "Agent: I am so sorry.\nCustomer: Whatever.\nAgent: But hello, we can fix it.\n\
         Customer: hello there\nAgent: hello again, sorry but no\n",
    );
    let rules = crate::support::write(
        dir.path(),
        "regex.yaml",
        "rules:\n  - id: t/sorry-but\n    kind: forbid\n    speaker: agent\n    regex: ['sorry\\W+but']\n    \
         message: m\n  - id: t/hello\n    kind: forbid\n    speaker: agent\n    regex: ['(?s)hello.*']\n    \
         message: m\n",
    );
    let v = crate::support::pack_report(Some(&rules), &transcript);
    let hits: Vec<(String, u64, Option<String>)> = findings(&v, 0)
        .into_iter()
        .map(|f| (f.0, f.1, f.3))
        .collect();
    let hit = |rule: &str, line, text: &str| (rule.to_string(), line, Some(text.to_string()));
    assert_eq!(
        hits,
        [
            hit("t/hello", 3, "hello, we can fix it."),
            hit("t/hello", 5, "hello again, sorry but no"),
            hit("t/sorry-but", 5, "sorry but"),
        ]
    );
}

/// A final `$`: no word before the sentence, a clause or the turn ends, so a filler, an emoji or
/// a symbol after the phrase does not hide its end, and a word does, as does a redaction's
/// `***`; a dash between spaces ends a clause, as a comma does, and a hyphen in a word does not.
#[test]
fn a_final_dollar_ends_past_fillers_emoji_and_symbols() {
    let dir = tempfile::tempdir().unwrap();
    let rules = crate::support::write(
        dir.path(),
        "r.yaml",
        "rules:\n  - id: qa/idk\n    phrases: [\"i (do not|don't) know $\"]\n",
    );
    let call = crate::support::write(
        dir.path(),
        "call.txt",
        "Agent: I don't know.\nAgent: I don't know uh.\nAgent: I don't know um\n\
         Agent: I don't know 🙂\nAgent: I don't know ★\nAgent: I don't know ★ the answer\n\
         Agent: I don't know the answer\nAgent: I don't know - the answer\n\
         Agent: I don't know *** ***, sorry.\nAgent: I don't know-how\n",
    );
    let v = crate::support::pack_report(Some(&rules), &call);
    let turns: Vec<u64> = findings(&v, 0).into_iter().map(|f| f.1).collect();
    assert_eq!(turns, [1, 2, 3, 4, 5, 8]);
}
