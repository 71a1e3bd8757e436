//! Who the agents are, and per-agent figures: a call handed from one agent to another counts
//! for both, each finding goes to the agent who spoke its turn, and one agent written in two
//! cases or spacings is one agent.

use crate::html_report::report;
use crate::merge::merge;
use crate::support::*;
use serde_json::{Value, json};

const RULES: &str = "rules:\n  - id: t/calm\n    severity: error\n    phrases: [calm down]\n  \
                     - id: t/dept\n    phrases: [not my department]\n";

/// A call Maria hands on to Tom: her findings are hers, his are his.
const HANDED_ON: &str = "Agent Maria: Hello. Please calm down.\n\
                         Customer: I want a refund.\n\
                         Agent Maria: That is not my department, I will transfer you.\n\
                         Agent Tom: Hi, Tom here. Calm down.\n\
                         Customer: ok\n";

fn handed_on() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.yaml", RULES);
    write(dir.path(), "t.txt", HANDED_ON);
    dir
}

/// `check_in` adds `--no-config`.
const ARGS: [&str; 3] = ["-r", "r.yaml", "--exit-zero"];

/// The HTML report of `path` in `dir` with the rules `r.yaml` there.
fn html(dir: &std::path::Path, path: &str) -> std::path::PathBuf {
    let (rules, path) = (dir.join("r.yaml"), dir.join(path));
    report(
        dir,
        &["-r", rules.to_str().unwrap(), path.to_str().unwrap()],
    )
}

/// Every finding of a handed-on call went to the first agent: Tom's "calm down" counted
/// against Maria in `--statistics`, the HTML agent table and the findings CSV.
#[test]
fn a_handed_on_call_charges_each_finding_to_the_agent_who_spoke_it() {
    let dir = handed_on();
    let (_, v) = json_report_in(
        dir.path(),
        &[&["--no-config"], &ARGS[..], &["t.txt"]].concat(),
    );
    let c = &v["conversations"][0];
    assert_eq!(
        (&c["agent"], &c["agents"]),
        (&json!("Maria"), &json!(["Maria", "Tom"]))
    );
    let charged: Vec<(&str, &str)> = (c["findings"].as_array().unwrap().iter())
        .map(|f| (f["rule"].as_str().unwrap(), f["agent"].as_str().unwrap()))
        .collect();
    assert_eq!(
        charged,
        [("t/calm", "Maria"), ("t/dept", "Maria"), ("t/calm", "Tom")]
    );

    let csv = |extra: &[&str]| {
        check_in(
            dir.path(),
            &[&ARGS[..], &["--format", "csv"], extra].concat(),
        )
        .1
    };
    let rows = csv(&["--csv-findings", "t.txt"]);
    let agents = csv_column(&rows, "agent");
    assert_eq!(agents, ["Maria", "Maria", "Tom"], "{rows}");
    assert!(
        csv(&["t.txt"]).contains(",Maria; Tom,"),
        "the conversation row names both"
    );

    // The conversation (score 55) counts for both; each keeps only their own problems.
    let (_, human, _) = check_in(
        dir.path(),
        &[&ARGS[..], &["--statistics", "t.txt"]].concat(),
    );
    assert!(
        human.contains("55.0  Maria (1)\n     55.0  Tom (1)"),
        "{human}"
    );
    let html = std::fs::read_to_string(html(dir.path(), "t.txt")).unwrap();
    let row = |name: &str| -> Vec<String> {
        let row = (html.split("<tr>"))
            .find(|r| r.contains(&format!("#agent={name}\"")))
            .unwrap_or_else(|| panic!("a row for {name}"));
        let pills = row.split("class=\"pill ").skip(1);
        pills
            .filter_map(|p| Some(p.split('<').next()?.rsplit('>').next()?.to_string()))
            .collect()
    };
    // The test packs load too: the top three problems of each; the closing Tom did not say is his.
    let maria = ["ownership/not-my-department", "t/calm", "respect/calm-down"];
    assert_eq!(row("Maria"), maria);
    assert_eq!(
        row("Tom"),
        ["t/calm", "closing/anything-else", "respect/calm-down"]
    );
}

/// `merge` reads the agents back: the merged report charges each finding as `check` did.
#[test]
fn a_merged_report_keeps_whom_each_finding_is_charged_to() {
    let dir = handed_on();
    let (_, out, _) = check_in(
        dir.path(),
        &[&ARGS[..], &["--format", "json", "t.txt"]].concat(),
    );
    let written = write(dir.path(), "a.json", &out);
    let rules = dir.path().join("r.yaml");
    let rules = ["-r", rules.to_str().unwrap()];
    let csv = [&rules[..], &["--format", "csv", "--csv-findings"]].concat();
    let (_, merged, err) = merge(&csv, std::slice::from_ref(&written));
    let agents = csv_column(&merged, "agent");
    assert_eq!(agents, ["Maria", "Maria", "Tom"], "{merged}{err}");
    let (_, merged, _) = merge(&[&rules[..], &["--format", "json"]].concat(), &[written]);
    let merged: Value = serde_json::from_str(&merged).unwrap();
    assert_eq!(
        merged["conversations"][0]["agents"],
        json!(["Maria", "Tom"])
    );
}

/// `SARAH`, `Sarah` and `Sarah  Lee` with two spaces made rows of their own in `--statistics`
/// and the HTML agent table; they are one agent, named as first seen.
#[test]
fn one_agent_written_in_two_cases_or_spacings_is_one_row() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.yaml", RULES);
    write(
        dir.path(),
        "a.txt",
        "Agent (SARAH): Calm down.\nCustomer: hm\n",
    );
    write(dir.path(), "b.txt", "Agent (Sarah): Hello.\nCustomer: hm\n");
    write(
        dir.path(),
        "c.txt",
        "Agent (Sarah  Lee): Hello.\nCustomer: hm\n",
    );
    write(
        dir.path(),
        "d.txt",
        "Agent (sarah lee): Calm down.\nCustomer: hm\n",
    );
    let (_, human, _) = check_in(dir.path(), &[&ARGS[..], &["--statistics", "."]].concat());
    let agents = human.split("per agent (conversations):\n").nth(1).unwrap();
    let agents: Vec<&str> = agents.lines().take_while(|l| !l.is_empty()).collect();
    assert_eq!(
        agents,
        ["     75.0  SARAH (2)", "     75.0  Sarah  Lee (2)"],
        "{human}"
    );
    let html = std::fs::read_to_string(html(dir.path(), ".")).unwrap();
    assert_eq!(
        html.matches("<th scope=\"row\"><a href=\"#agent=").count(),
        2
    );
}

/// Timing per agent: each agent's talk share is of their own turns, not of every agent turn of
/// the call.
#[test]
fn a_handed_on_calls_talk_share_is_each_agents_own() {
    let dir = tempfile::tempdir().unwrap();
    let call = "[00:00:00-00:00:10] Agent Maria: Hello, I will transfer you.\n\
                [00:00:10-00:00:20] Customer: Fine.\n\
                [00:00:20-00:00:40] Agent Tom: Hi, Tom here, let me help.\n";
    write(dir.path(), "t.txt", call);
    let (_, human, _) = check_in(dir.path(), &["--exit-zero", "--statistics", "t.txt"]);
    let timing = human.split("per call\n").nth(1).unwrap_or_default();
    let shares: Vec<&str> = timing
        .lines()
        .take(2)
        .map(|l| l.split(" (").next().unwrap())
        .collect();
    assert_eq!(shares, ["    25.0%  Maria", "    50.0%  Tom"], "{human}");
}

/// A chat of two names that no label or `roles:` maps had its agent guessed without a word
/// anywhere; now one line of the human summary counts such conversations, as JSON's summary
/// does, and a conversation whose labels name the roles is written as before.
#[test]
fn conversations_whose_agent_was_guessed_are_counted_once() {
    let dir = tempfile::tempdir().unwrap();
    let guessed = r#"[{"speaker": "Ben", "text": "my order is late"},
                      {"speaker": "Ria", "text": "Thanks for contacting us, how can I help?"}]"#;
    write(dir.path(), "guessed.json", guessed);
    let labelled = r#"[{"role": "customer", "text": "hi"}, {"role": "agent", "text": "hello"}]"#;
    write(dir.path(), "labelled.json", labelled);
    let (_, human, _) = check_in(dir.path(), &["--exit-zero", "."]);
    let line = "Agent guessed in 1 conversation: no label or `roles:` names the agent";
    assert_eq!(human.matches(line).count(), 1, "{human}");
    assert!(human.contains("under `roles:` in talklint.yaml"), "{human}");
    let (_, v) = json_report_in(dir.path(), &["--no-config", "--exit-zero", "."]);
    assert_eq!(v["summary"]["agent_guessed"], 1);
    let (g, l) = (&v["conversations"][0], &v["conversations"][1]);
    assert_eq!(
        (&g["agent"], &g["agent_guessed"]),
        (&json!("Ria"), &json!(true)),
        "{g}"
    );
    assert!(l.get("agent_guessed").is_none(), "{l}");
    let (_, human, _) = check_in(dir.path(), &["--exit-zero", "labelled.json"]);
    assert!(!human.contains("Agent guessed"), "{human}");
    // AWS post-call analytics that does not say its mode: the reader's guess by speaker order
    // is counted too (a second look, finding every turn with a role, wrote it off).
    let pca = r#"{"ConversationAnalytics": {"SpeakerLabels": [{"Speaker": "spk_0", "DisplayText": "Maria"}]},
      "SpeechSegments": [
        {"SegmentStartTime": 0.5, "SegmentEndTime": 3.0, "SegmentSpeaker": "spk_0", "DisplayText": "Thank you for calling."},
        {"SegmentStartTime": 3.5, "SegmentEndTime": 5.0, "SegmentSpeaker": "spk_1", "DisplayText": "I said sorry."}]}"#;
    write(dir.path(), "pca.json", pca);
    let (_, v) = json_report_in(dir.path(), &["--no-config", "--exit-zero", "pca.json"]);
    assert_eq!(v["summary"]["agent_guessed"], 1, "{v}");
}

/// The HTML report's agent filter lists every conversation the agent spoke in, whatever the
/// case or spacing of the name there: Tom's own call and the one Maria handed on to him.
/// (Runs where Chromium and Playwright are, as in CI.)
#[test]
fn the_html_agent_filter_finds_each_conversation_the_agent_spoke_in() {
    let dir = handed_on();
    write(dir.path(), "u.txt", "Agent (TOM): Hello.\nCustomer: hi\n");
    write(dir.path(), "v.txt", "Agent (Maria): Hello.\nCustomer: hi\n");
    let path = html(dir.path(), ".");
    let steps = json!([
        {"do": "select", "selector": "select[name=agent]", "value": "Tom"},
        {"do": "wait_for", "js": "location.hash.includes('agent=Tom')"},
        {"do": "eval", "name": "tom", "js": crate::html_report::LISTED},
    ]);
    let Some(seen) = crate::html_report::browse(&path, steps) else {
        return;
    };
    // Reports tidy the `/./` of the folder given as `DIR/.` away.
    let listed = |names: &[&str]| -> Vec<String> {
        let dir = dir.path();
        names
            .iter()
            .map(|n| format!("{}/{n}", dir.display()))
            .collect()
    };
    assert_eq!(seen["tom"], json!(listed(&["t.txt", "u.txt"])));
}

/// A label that names the company's service (`Customer Service`, `Client Services`) is the
/// agent's side, and no agent's name: it was the conversation's agent, and a row of the
/// per-agent statistics.
#[test]
fn a_label_naming_the_service_names_no_agent() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.yaml", RULES);
    for label in [
        "Customer Service",
        "Customer Care",
        "Client Services",
        "Customer Service Agent",
        "Support Team",
    ] {
        let text = format!("{label}: Calm down.\nCustomer: hm\n");
        write(dir.path(), "a.txt", &text);
        let (_, v) = json_report_in(dir.path(), &["--no-config", "-r", "r.yaml", "a.txt"]);
        let c = &v["conversations"][0];
        assert_eq!(c["agent"], Value::Null, "{label}: {c}");
        assert_eq!(c["findings"][0]["role"], "agent", "{label}: {c}");
    }
}
