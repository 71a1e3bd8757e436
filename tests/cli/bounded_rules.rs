//! Rules whose size or numbers could run away: lexicons nested in each other (2^depth word
//! sequences, or 2^depth words in one), points near the ends of 32 bits, and a scoring base
//! outside the scores.

use crate::support::{JSON_CHECK, run, talklint, write};
use serde_json::Value;
use std::time::Duration;

/// Lexicons `l0` … `l{depth}`, each entry of one naming the next (`entry` with `L` for it), the
/// last `leaf`; then `rules`.
fn nested(depth: usize, entries: &[&str], leaf: &str, rules: &str) -> String {
    let mut text = String::from("lexicons:\n");
    for k in 0..depth {
        let next = format!("{{l{}}}", k + 1);
        let quoted: Vec<String> = (entries.iter())
            .map(|e| format!("\"{}\"", e.replace('L', &next)))
            .collect();
        text.push_str(&format!("  l{k}: [{}]\n", quoted.join(", ")));
    }
    text + &format!("  l{depth}: [\"{leaf}\"]\nrules:\n{rules}")
}

/// `talklint check` of `files` (name, text) with the rule file `rules`, killed after a minute
/// (a build that took time doubling with depth never ended): the exit code and the JSON report.
fn check(rules: &str, files: &[(&str, &str)]) -> (i32, Value, String) {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(dir.path(), "r.yaml", rules);
    let mut cmd = talklint();
    cmd.args(JSON_CHECK).arg("-r").arg(&rules);
    for (name, text) in files {
        cmd.arg(write(dir.path(), name, text));
    }
    let (code, out, err) = run(cmd.timeout(Duration::from_secs(60)));
    let report = serde_json::from_str(&out).unwrap_or(Value::Null);
    (code, report, err)
}

/// The matched words of each conversation's findings, by conversation.
fn matches(report: &Value) -> Vec<Vec<&str>> {
    let conversations = report["conversations"].as_array().expect("conversations");
    (conversations.iter())
        .map(|c| {
            let findings = c["findings"].as_array().expect("findings");
            findings
                .iter()
                .filter_map(|f| f["match"].as_str())
                .collect()
        })
        .collect()
}

/// `x` then `n` words, each `a` or `b`.
fn words(n: usize) -> String {
    let ab: Vec<&str> = (0..n).map(|k| if k % 3 == 0 { "b" } else { "a" }).collect();
    format!("x {}", ab.join(" "))
}

/// Sixty lexicons, each entry naming the next (2^60 word sequences of 61 words): within the
/// nesting limit, so the phrase loads at once and finds exactly its words. Counting its
/// sequences and looking for stems once walked every path of the lexicons.
#[test]
fn lexicons_nested_sixty_deep_load_and_match() {
    let rule = "  - id: x/lex\n    phrases: [\"{l0}\"]\n";
    let text = nested(60, &["L a", "L b"], "x", rule);
    let hit = format!("Agent: so {} ok\n", words(60));
    let short = format!("Agent: so {} ok\n", words(59));
    let (code, report, err) = check(&text, &[("hit.txt", &hit), ("short.txt", &short)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(matches(&report), [vec![words(60).as_str()], vec![]]);
}

/// Entries that read alike once canonical ("a", "A") stand for one word sequence twice: the
/// words an anchor may be were once listed again for every path of the lexicons.
#[test]
fn lexicons_whose_entries_read_alike_load_and_match() {
    let rule = "  - id: x/lex\n    phrases: [\"{l0}\"]\n";
    let text = nested(60, &["L a", "L A"], "x", rule);
    let said = |n: usize| format!("Agent: so x {} ok\n", vec!["a"; n].join(" "));
    let (code, report, err) = check(&text, &[("all.txt", &said(60)), ("short.txt", &said(59))]);
    assert_eq!(code, 0, "{err}");
    let all = said(60);
    assert_eq!(matches(&report), [vec![&all[10..all.len() - 4]], vec![]]);
}

/// An `unless` list is matched around the rule's match: the most words it can span was worked
/// out by walking every path of its lexicons.
#[test]
fn a_nested_lexicon_in_unless_loads_and_holds() {
    let rule = "  - id: x/ok\n    phrases: [\"ok\"]\n    unless: [\"{l0} ok\"]\n";
    let text = nested(60, &["a L", "b L"], "x", rule);
    let said = |n: usize| {
        let ab: Vec<&str> = (0..n).map(|k| if k % 2 == 0 { "a" } else { "b" }).collect();
        format!("Agent: {} x ok\n", ab.join(" "))
    };
    let (code, report, err) = check(&text, &[("all.txt", &said(60)), ("short.txt", &said(59))]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(matches(&report), [vec![], vec!["ok"]]);
}

/// Choices that match the same words many ways, in a row or in lexicons nested in each other:
/// a walk that tried every way took 2^40 steps for forty `(please|please please)`, and over a
/// minute for the lexicons. Each is found, from its first word to its last.
#[test]
fn choices_that_match_alike_in_many_ways_are_matched_at_once() {
    let choices = vec!["(please|please please)"; 40].join(" ");
    let in_a_row = format!("rules:\n  - id: x/row\n    phrases: [\"hello {choices} down\"]\n");
    let rule = "  - id: x/lex\n    phrases: [\"hello {l0} down\"]\n";
    let nested = nested(7, &["L L", "L"], "(please|please please)", rule);
    let said = format!("hello {}down", "please ".repeat(60));
    let text = format!("Agent: so {said} now\n");
    for rules in [in_a_row, nested] {
        let (code, report, err) = check(&rules, &[("t.txt", &text)]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(matches(&report), [vec![said.as_str()]], "{rules}");
    }
}

/// A `near` or `not_near` distance near the top of 64 bits reaches the whole turn, as a
/// smaller large one does: the sums of positions wrapped round, and `near` found nothing while
/// `not_near` dropped nothing.
#[test]
fn a_near_distance_of_any_size_reaches_the_whole_turn() {
    for words in ["4294967296", "9223372036854775807", "18446744073709551615"] {
        let rules = format!(
            "rules:\n  - id: x/near\n    phrases: [\"x\"]\n    near: {{phrases: [\"y\"], words: {words}}}\n  - id: x/far\n    phrases: [\"x\"]\n    not_near: {{phrases: [\"y\"], words: {words}}}\n"
        );
        let (code, report, err) = check(&rules, &[("t.txt", "Agent: x y x\n")]);
        assert_eq!(code, 0, "{words}: {err}");
        let rules: Vec<&str> = report["conversations"][0]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|f| f["rule"].as_str())
            .collect();
        assert_eq!(rules, ["x/near", "x/near"], "{words}");
    }
}

/// Lexicons that each name the next twice in a row stand for one sequence of 2^depth words: an
/// error at the first entry past the limit (1,000 words), not a build that never ends.
#[test]
fn lexicons_that_double_a_phrase_past_1000_words_are_an_error_at_the_entry() {
    let rule = "  - id: x/lex\n    phrases: [\"{l0}\"]\n";
    let long = vec!["w"; 1001].join(" ");
    for (rules, at) in [
        // l51 stands for 2^9 = 512 words, l50 for 1,024: its line is the 52nd.
        (
            nested(60, &["L L"], "x", rule),
            "r.yaml:52:10: lexicon `l50`",
        ),
        // A phrase of its own is placed at the phrase.
        (
            format!("rules:\n  - id: x/long\n    phrases: [\"{long}\"]\n"),
            "r.yaml:3:16:",
        ),
    ] {
        let (code, _, err) = check(&rules, &[("tiny.txt", "Agent: hi\n")]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains(at), "{err}");
        assert!(err.contains("longer than 1000 words"), "{err}");
        assert!(err.contains("help: "), "{err}");
    }
}

/// Points near the ends of 32 bits are summed without wrapping round: two hits of -2^31 once
/// scored 80 and passed, two rewards of 1.5 billion 0.
#[test]
fn points_near_the_ends_of_32_bits_score_as_written() {
    let rules = "rules:
  - id: x/bad
    severity: error
    points: -2147483648
    phrases: [\"bad\"]
  - id: x/good
    kind: reward
    points: 1500000000
    phrases: [\"great\"]
";
    let files = [
        ("bad.txt", "Agent: bad and bad\n"),
        ("great.txt", "Agent: great and great\n"),
        ("both.txt", "Agent: bad great bad great great\n"),
    ];
    let (code, report, err) = check(rules, &files);
    assert_eq!(code, 0, "{err}");
    let scores: Vec<(i64, bool)> = (report["conversations"].as_array().unwrap().iter())
        .map(|c| (c["score"].as_i64().unwrap(), c["passed"].as_bool().unwrap()))
        .collect();
    // -2^32 + 4.5e9 = +205 032 704 over the base.
    assert_eq!(scores, [(0, false), (100, true), (100, true)]);
    // One past the ends is an error that gives the range (it said only "a whole number" of
    // -2147483649, and of a number past 64 bits "as i128").
    for points in ["-2147483649", "-9223372036854775809"] {
        let rules = format!("rules:\n  - id: x/bad\n    points: {points}\n    phrases: [bad]\n");
        let (code, _, err) = check(&rules, &files[..1]);
        assert_eq!(code, 2, "{err}");
        let want = format!(
            "r.yaml:3:13: rules[0].points: invalid value: integer `{points}`, expected a whole number from -2147483648 to 2147483647"
        );
        assert!(err.contains(&want), "{err}");
    }
}

/// `scoring.base` is a score from 0 to 100, as `scoring.pass` is: -5 scored every conversation
/// without rewards 0.
#[test]
fn a_scoring_base_outside_the_scores_is_an_error_at_it() {
    let dir = tempfile::tempdir().unwrap();
    for (base, fine) in [("-5", false), ("101", false), ("0", true), ("100", true)] {
        let config = format!("scoring:\n  pass: 70\n  base: {base}\n");
        let config = write(dir.path(), "talklint.yaml", &config);
        let (code, _, err) = run(talklint()
            .args(["check", "--config"])
            .arg(&config)
            .arg("fixtures/calls"));
        if fine {
            assert_ne!(code, 2, "{base}: {err}");
            continue;
        }
        assert_eq!(code, 2, "{base}: {err}");
        let at = format!("talklint.yaml:3:9: scoring.base: invalid value: integer `{base}`");
        assert!(err.contains(&at), "{base}: {err}");
        assert!(
            err.contains("expected a score from 0 to 100"),
            "{base}: {err}"
        );
    }
}
