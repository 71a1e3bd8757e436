//! The advice given for speakers whose label names no role: the `roles:` line to write, as
//! `check` warns of it and as `talklint test` says of an example that missed because of it.
//! Followed, the advice gives each speaker a role and the other role to the other speaker.

use crate::localised_roles::check_call;
use crate::support::{run, talklint, write};

/// `check`'s warnings on `text` with a config of `roles`.
fn warnings(text: &str, roles: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let config = format!("rules: [default]\n{roles}");
    let (out, err) = check_call(dir.path(), &config, text, &[]);
    out + &err
}

/// With the agent named, the speaker left is proposed as the customer (it was proposed as an
/// agent too, so that following the advice put both under `agent`); with neither named, one
/// line names both, said to be a guess.
#[test]
fn the_roles_proposed_are_the_ones_missing() {
    let out = warnings(
        "Pepa: Hola, tengo un problema.\nLucía: Hola, dígame.\n",
        "roles: {agent: [Lucía]}\n",
    );
    assert!(
        out.contains("1 of 2 turns have a speaker with no role (\"Pepa\")")
            && out.contains("(`roles: {customer: [\"Pepa\"]}`)"),
        "{out}"
    );
    let out = warnings(
        "Pepa: Hola, tengo un problema.\nLucía: Hola, dígame.\n",
        "roles: {customer: [Pepa]}\n",
    );
    assert!(out.contains("(`roles: {agent: [\"Lucía\"]}`)"), "{out}");
    let out = warnings(
        "Lucía: Buenos días, le atiende Lucía.\nPepa: Hola, tengo un problema.\n",
        "",
    );
    assert!(
        out.contains(
            "2 of 2 turns have a speaker with no role (\"Lucía\", \"Pepa\"): agent and customer \
             rules skip them; name their roles in the config (`roles: {agent: [\"Lucía\"], \
             customer: [\"Pepa\"]}`, a guess that the first to speak is the agent: swap them if \
             the customer spoke first)"
        ),
        "{out}"
    );
    // With both roles known, a third speaker is proposed as the agent where their words say
    // so (a call handed on), else as a customer: it was always the agent.
    let both = "Agent: Hello, how can I help?\nCustomer: hi\n";
    let out = warnings(&format!("{both}Pepa: my order is late\n"), "");
    assert!(out.contains("(`roles: {customer: [\"Pepa\"]}`)"), "{out}");
    let out = warnings(
        &format!("{both}Tom: Hi, my name is Tom, how can I help you today?\n"),
        "",
    );
    assert!(out.contains("(`roles: {agent: [\"Tom\"]}`)"), "{out}");
    // The line proposed, written in the config, leaves no speaker without a role.
    let out = warnings(
        "Lucía: Buenos días, le atiende Lucía.\nPepa: Hola, tengo un problema.\n",
        "roles: {agent: [\"Lucía\"], customer: [\"Pepa\"]}\n",
    );
    assert!(!out.contains("no role"), "{out}");
}

/// Two speakers of a text transcript with no role: the line proposed names as the agent the one
/// whose words say so, as JSON's guess does, not the first to speak (an outbound call's customer
/// answers "Hello?" and thanks the agent for calling, and was proposed as the agent). WebVTT
/// voices are told apart by that guess itself, as JSON's speakers are.
#[test]
fn the_agent_proposed_is_the_one_whose_words_say_so() {
    let proposed = |path: &str| {
        let (_, v) = crate::support::json_report(&[path]);
        let c = &v["conversations"][0];
        assert_eq!(c["unknown_turns"], c["turns"], "{c}");
        c["warnings"][0].as_str().unwrap_or_default().to_string()
    };
    let guess = ", a guess from what each says: swap them if it is wrong)";
    let said = proposed("fixtures/two-names/outbound-call.txt");
    let roles = "(`roles: {agent: [\"Maria\"], customer: [\"John\"]}`";
    assert!(said.contains(&format!("{roles}{guess}")), "{said}");
    let path = std::path::Path::new("fixtures/two-names/outbound-voices.vtt");
    let (_, turns, _) = crate::time_order::first_words(path, &[]);
    let roles: Vec<(String, Option<String>)> =
        turns.into_iter().map(|t| (t.0, t.1)).take(2).collect();
    let named = |role: &str, who: &str| (role.to_string(), Some(who.to_string()));
    assert_eq!(
        roles,
        [
            named("customer", "Tom Becker"),
            named("agent", "Aisha Rahman")
        ]
    );
    // A customer who thanks the agent by name for calling ("thank you for calling Maria") does
    // not greet as an agent does, at the opening of a call's first turn: both say a phrase
    // either side says, and the first to speak is the agent.
    let dir = tempfile::tempdir().unwrap();
    let call = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v spk_0>Hello, it's Maria at Brightline about your order.\n\n\
                00:00:05.000 --> 00:00:08.000\n<v spk_1>Oh yes, thank you for calling Maria, I was hoping you would.\n\n\
                00:00:09.000 --> 00:00:12.000\n<v spk_0>Thanks for your patience, it ships Monday.\n";
    let path = write(dir.path(), "call.vtt", call);
    let (_, turns, _) = crate::time_order::first_words(&path, &[]);
    let roles: Vec<(String, Option<String>)> = turns.into_iter().map(|t| (t.0, t.1)).collect();
    assert_eq!(
        roles[..2],
        [named("agent", "spk_0"), named("customer", "spk_1")]
    );
}

/// A `hit` example that missed because its speakers have no role says so, with the `roles:` to
/// write, as `check` would have warned (it said only that the example did not match); so does
/// one without a turn of the rule's speaker.
#[test]
fn a_test_example_whose_speakers_have_no_role_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - id: p/dept\n    phrases: [\"not my department\"]\n    examples:\n      \
         hit: [\"Speaker 1: that's not my department\\nSpeaker 2: what?\", \"Agent: hi\"]\n",
    );
    let (code, out, _) = run(talklint().args(["test", "--no-config"]).arg(&rules));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "p/dept: Missing: hit example 1 did not match: \"Speaker 1: that's not my \
             department\\nSpeaker 2: what?\"; 2 of 2 turns have a speaker with no role (\"Speaker 1\", \
             \"Speaker 2\"): agent and customer rules skip them; name their roles in the config \
             (`roles: {agent: [\"Speaker 1\"], customer: [\"Speaker 2\"]}`"
        ),
        "{out}"
    );
    // An example that missed with every speaker's role known says no more.
    assert!(
        out.contains("p/dept: Missing: hit example 2 did not match: \"Agent: hi\"\n"),
        "{out}"
    );
    // One whose turns are all another speaker's than the rule reads says so.
    let rules = write(
        dir.path(),
        "c.yaml",
        "rules:\n  - id: churn/switch\n    speaker: customer\n    phrases: [\"switching to \
         verizon\"]\n    examples:\n      hit: [\"Agent: I am switching to Verizon\"]\n",
    );
    let (code, out, _) = run(talklint().args(["test", "--no-config"]).arg(&rules));
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains(
            "did not match: \"Agent: I am switching to Verizon\"; the rule reads customer turns \
             (`speaker:`), and the example has none (its turns are agent's): label them as the \
             rule's speaker (`Customer: …`)"
        ),
        "{out}"
    );
    // An agent's rule is told of the agent's label, each other role named once.
    let rules = write(
        dir.path(),
        "a.yaml",
        "rules:\n  - id: x/calm\n    phrases: [\"calm down\"]\n    examples:\n      \
         hit: [\"Customer: calm down\\nSystem: x\\nCustomer: calm down\"]\n",
    );
    let (_, out, _) = run(talklint().args(["test", "--no-config"]).arg(&rules));
    assert!(
        out.contains(
            "the rule reads agent turns (`speaker:`), and the example has none (its turns are \
             customer's and system's): label them as the rule's speaker (`Agent: …`)"
        ),
        "{out}"
    );
}

/// A call transcribed without speaker labels is read as the default role's whole: a warning at
/// the first turn says so and how to fix it, unless `--default-role any` says no side is known.
#[test]
fn speech_to_text_without_speaker_labels_is_warned_about() {
    let dir = tempfile::tempdir().unwrap();
    let whisper = write(
        dir.path(),
        "call.json",
        r#"{"segments": [{"start": 0.0, "end": 2.0, "text": "Thanks for calling."},
 {"start": 2.5, "end": 4.0, "text": "Calm down, sir."}]}"#,
    );
    let diarised = write(
        dir.path(),
        "diarised.json",
        r#"{"segments": [{"start": 0.0, "end": 2.0, "text": "Thanks for calling.", "speaker": "SPEAKER_00"},
 {"start": 2.5, "end": 4.0, "text": "Calm down, sir.", "speaker": "SPEAKER_01"}]}"#,
    );
    let warnings = |path: &std::path::Path, extra: &[&str]| -> Vec<String> {
        let mut args = vec!["--format", "json"];
        args.extend_from_slice(extra);
        let (_, out, _) = run(crate::support::check(&args).arg(path));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let list = v["conversations"][0]["warnings"].as_array().cloned();
        let text = |w: &serde_json::Value| w.as_str().map(String::from);
        list.unwrap_or_default().iter().filter_map(text).collect()
    };
    let said = warnings(&whisper, &[]);
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].starts_with(
            "line 1, column 51: no turn of this whisper transcript names its speaker (it was \
             transcribed without speaker labels), so all of it is read as the agent's"
        ),
        "{said:?}"
    );
    assert!(said[0].contains("--default-role any"), "{said:?}");
    assert_eq!(
        warnings(&whisper, &["--default-role", "any"]),
        Vec::<String>::new()
    );
    assert_eq!(warnings(&diarised, &[]), Vec::<String>::new());
}

/// Where more than one speaker has no role and one role is known, the line names the first, and
/// says to name the others too: pasted alone, it left them without one.
#[test]
fn the_line_for_one_of_several_speakers_says_to_name_the_others() {
    let out = warnings(
        "Lucía: Hola, dígame.\nPepa: Tengo un problema.\nRita: Un momento.\n",
        "roles: {agent: [Lucía]}\n",
    );
    assert!(
        out.contains("(`roles: {customer: [\"Pepa\"]}`, and each other speaker's role likewise)"),
        "{out}"
    );
}

/// With no role known and three speakers, the line names two, and says to name the third.
#[test]
fn the_line_for_two_of_three_speakers_says_to_name_the_others() {
    let out = warnings(
        "Lucía: Hola, dígame.\nPepa: Tengo un problema.\nRita: Un momento.\n",
        "",
    );
    assert!(
        out.contains(
            "swap them if the customer spoke first; and each other speaker's role likewise)"
        ),
        "{out}"
    );
}
