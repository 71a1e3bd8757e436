//! The built-in pack: its examples pass, its docs are current, and on 1,025 real support
//! conversations (twitter-cdp, Apache-2.0, in fixtures/corpora) no agent rule fires on a
//! customer turn and no phrase matches inside a longer word.

use crate::support::{default_pack_report, pack_report, run, talklint};
use serde_json::Value;
use std::fs;

#[test]
fn every_shipped_rule_passes_its_examples() {
    let (code, out, _) = run(talklint().args(["test", "--no-config"]));
    assert_eq!(code, 0, "{out}");
    let rules: usize = out
        .split(" rules,")
        .next()
        .and_then(|n| n.trim().rsplit('\n').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(rules >= 50, "the default pack is broad: {out}");
    assert!(
        out.contains(", 0 failed (0 rules failing, 0 rules without examples)"),
        "{out}"
    );
}

#[test]
fn the_rule_docs_are_up_to_date() {
    let (code, out, _) = run(talklint().args(["rules", "--no-config", "--format", "markdown"]));
    assert_eq!(code, 0);
    let committed = fs::read_to_string("docs/rules.md").unwrap_or_default();
    assert!(
        committed == out,
        "docs/rules.md is out of date: run `cargo run -- rules --no-config --format markdown > docs/rules.md`"
    );
}

/// Converts the twitter-cdp conversations to chat JSONL files: `client*` entries are customer
/// turns, `agent` entries agent turns, and the closing agent reply (`agentURL`) the last turn.
fn twitter_cdp(dir: &std::path::Path) -> usize {
    let mut count = 0;
    for split in ["dev", "test"] {
        let path = format!("fixtures/corpora/twitter-cdp/{split}.json");
        let data: Vec<Value> =
            serde_json::from_str(&fs::read_to_string(&path).expect("fixtures/corpora/twitter-cdp"))
                .unwrap();
        for (i, conv) in data.iter().enumerate() {
            let mut lines = String::new();
            for entry in conv["dialogContent"].as_array().into_iter().flatten() {
                let role = if entry.get("agent").is_some() {
                    "agent"
                } else {
                    "customer"
                };
                let text = entry["message"].as_str().unwrap_or_default();
                lines.push_str(&serde_json::json!({"role": role, "text": text}).to_string());
                lines.push('\n');
            }
            if let Some(last) = conv["agentURL"]["url_utterance"].as_str() {
                lines.push_str(&serde_json::json!({"role": "agent", "text": last}).to_string());
                lines.push('\n');
            }
            fs::write(dir.join(format!("{split}_{i:04}.jsonl")), lines).unwrap();
            count += 1;
        }
    }
    count
}

#[test]
fn real_conversations_no_agent_rule_on_customer_turns_and_no_partial_words() {
    let dir = tempfile::tempdir().unwrap();
    let n = twitter_cdp(dir.path());
    assert_eq!(n, 1025);
    let report = default_pack_report(dir.path());
    assert_eq!(report["summary"]["conversations"], 1025);
    let (_, rules_out, _) = run(talklint().args(["rules", "--no-config", "--format", "json"]));
    let rules: Vec<Value> = serde_json::from_str(&rules_out).unwrap();
    let rule_of = |id: &str| {
        rules
            .iter()
            .find(|r| r["id"] == id)
            .cloned()
            .unwrap_or_default()
    };
    // A rule's findings sit on its speaker's turns; a sequence's unanswered trigger sits on the
    // trigger's.
    let speakers = |id: &str| -> Vec<String> {
        let r = rule_of(id);
        let of = |v: &Value| -> Vec<String> {
            v.as_array()
                .map(|a| a.iter().map(|s| s.as_str().unwrap().to_string()).collect())
                .unwrap_or_default()
        };
        [of(&r["speaker"]), of(&r["after"]["speaker"])].concat()
    };
    let mut checked = 0;
    for conv in report["conversations"].as_array().unwrap() {
        let source = fs::read_to_string(conv["path"].as_str().unwrap()).unwrap();
        for f in conv["findings"].as_array().unwrap() {
            let rule = f["rule"].as_str().unwrap();
            let role = f["role"].as_str().unwrap();
            assert!(
                speakers(rule).iter().any(|s| s == role),
                "{rule} fired on a {role} turn"
            );
            let Some(matched) = f["match"].as_str() else {
                continue;
            };
            // The match stands in the source line (JSON-escaped text aside) between non-word characters.
            let line = source
                .lines()
                .nth(f["line"].as_u64().unwrap() as usize - 1)
                .unwrap();
            let col = f["column"].as_u64().unwrap() as usize - 1;
            let chars: Vec<char> = line.chars().collect();
            // A JSON escape such as `\n` before the match is a line break, not a letter.
            let escaped = col >= 2 && chars[col - 2] == '\\';
            let before = chars
                .get(col.wrapping_sub(1))
                .copied()
                .filter(|_| col > 0 && !escaped);
            let end_col = f["end_column"].as_u64().unwrap() as usize - 1;
            let after = chars.get(end_col).copied();
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
            // A match may start at the second half of a contraction ("'s" of "That's" is "is").
            let contraction = matched.starts_with(['\'', '’']) || matched.starts_with("n't");
            if f["line"] == f["end_line"] && !matched.contains('\\') && !contraction {
                assert!(
                    !word(before) && !word(after),
                    "{rule} matched inside a word: {matched:?} in {line:?}"
                );
            }
            checked += 1;
        }
    }
    assert!(
        checked > 300,
        "the pack finds things in real conversations: {checked}"
    );
}

/// The built-in pack's matcher is read prebuilt from the binary; the same pack from files, with
/// one more rule, is built from its phrases. On 1,025 real conversations both find the same.
#[test]
fn the_prebuilt_default_pack_finds_what_the_pack_built_from_its_files_finds() {
    let dir = tempfile::tempdir().unwrap();
    let conversations = dir.path().join("conversations");
    let rules = dir.path().join("rules");
    fs::create_dir_all(&conversations).unwrap();
    fs::create_dir_all(&rules).unwrap();
    twitter_cdp(&conversations);
    for entry in fs::read_dir("rules").unwrap() {
        let path = entry.unwrap().path();
        fs::copy(&path, rules.join(path.file_name().unwrap())).unwrap();
    }
    let never = "rules:\n  - id: test/never-said\n    phrases: [\"zyzzyva quokka\"]\n";
    fs::write(rules.join("zz-never.yaml"), never).unwrap();

    let prebuilt = default_pack_report(&conversations);
    let built = pack_report(Some(&rules), &conversations);
    let of = |report: &Value| -> Vec<(Value, Value)> {
        let all = report["conversations"].as_array().unwrap();
        all.iter()
            .map(|c| (c["findings"].clone(), c["score"].clone()))
            .collect()
    };
    let (prebuilt, built) = (of(&prebuilt), of(&built));
    assert_eq!((prebuilt.len(), built.len()), (1025, 1025));
    let found: usize = prebuilt
        .iter()
        .map(|(f, _)| f.as_array().unwrap().len())
        .sum();
    assert!(found > 300, "{found} findings");
    for (k, (a, b)) in prebuilt.iter().zip(&built).enumerate() {
        assert_eq!(a, b, "conversation {k}");
    }
}
