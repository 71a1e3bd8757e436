//! Talk share needs to know whose talk each turn is: in a recording where no turn names its
//! speaker, every turn has `--default-role`'s role, so a share above or below would only
//! measure that default. Such a rule is not checked there, and is listed in `not_applied`;
//! AWS and CCAI name no speakers but give each turn its participant's role, and are judged;
//! Contact Lens's `ParticipantId` `AGENT` is a role, not a speaker's name.

use crate::support::{json_report_in, write};

const RULES: &str = "rules:
  - id: t/quiet-agent
    speaker: agent
    timing: {talk_share_below: 0.2}
    message: The agent hardly talks
  - id: t/quiet-customer
    speaker: customer
    timing: {talk_share_below: 0.2}
    message: The customer hardly talks
";

/// The rules that fired, and those not applied, on the one conversation of `name`.
fn judged(name: &str, text: &str, extra: &[&str]) -> (Vec<String>, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.yaml", RULES);
    write(dir.path(), name, text);
    let mut args = vec!["-r", "r.yaml", name];
    args.extend(extra);
    let (_, v) = json_report_in(dir.path(), &args);
    let c = &v["conversations"][0];
    let names = |list: &serde_json::Value, key: Option<&str>| -> Vec<String> {
        let items = list.as_array().cloned().unwrap_or_default();
        let name = |x: &serde_json::Value| key.map_or(x, |k| &x[k]).as_str().map(String::from);
        items.iter().filter_map(name).collect()
    };
    (
        names(&c["findings"], Some("rule")),
        names(&c["not_applied"], None),
    )
}

#[test]
fn talk_share_is_not_judged_where_no_turn_names_its_speaker() {
    let cues = "WEBVTT\n\n00:00:00.000 --> 00:00:10.000\nhello there, how are you\n\n\
                00:00:11.000 --> 00:00:20.000\nfine thanks\n";
    for role in ["agent", "any"] {
        let (fired, not_applied) = judged("call.vtt", cues, &["--default-role", role]);
        assert_eq!(fired, Vec::<String>::new(), "--default-role {role}");
        assert_eq!(not_applied, ["t/quiet-agent", "t/quiet-customer"], "{role}");
    }
    // With voices, the customer's 1 s of 19 is a share below 0.2.
    let voiced = "WEBVTT\n\n00:00:00.000 --> 00:00:18.000\n<v Agent>hello there, how are you\n\n\
                  00:00:19.000 --> 00:00:20.000\n<v Customer>fine\n";
    let (fired, not_applied) = judged("call.vtt", voiced, &[]);
    assert_eq!(fired, ["t/quiet-customer"]);
    assert_eq!(not_applied, Vec::<String>::new());
}

#[test]
fn talk_share_is_judged_where_turns_have_roles_but_no_names() {
    // AWS Call Analytics: a role a turn, no speaker names; the customer talks 1 s of 19.
    let call = r#"{"JobName": "j", "Participants": [{"ParticipantRole": "AGENT"}],
      "Transcript": [
        {"ParticipantRole": "AGENT", "Content": "hello there", "BeginOffsetMillis": 0, "EndOffsetMillis": 18000},
        {"ParticipantRole": "CUSTOMER", "Content": "fine", "BeginOffsetMillis": 19000, "EndOffsetMillis": 20000}
      ]}"#;
    let (fired, not_applied) = judged("call.json", call, &[]);
    assert_eq!(fired, ["t/quiet-customer"]);
    assert_eq!(not_applied, Vec::<String>::new());
}

/// Where only the agent talks, the two layouts of AWS's format read alike: Contact Lens names
/// each turn's participant `AGENT`, a role word and no one's name, as Transcribe Call Analytics
/// gives the role alone, so talk share is unknown in both (Contact Lens's was judged: the agent
/// "talked over 70%", the customer "hardly").
#[test]
fn a_participant_named_by_a_role_word_names_no_one() {
    let turns = |key: &str| {
        format!(
            r#"{{"Participants": [{{"ParticipantId": "AGENT", "ParticipantRole": "AGENT"}},
              {{"ParticipantId": "CUSTOMER", "ParticipantRole": "CUSTOMER"}}],
            "Transcript": [
              {{"{key}": "AGENT", "Content": "Thank you for calling.", "BeginOffsetMillis": 0, "EndOffsetMillis": 30000}},
              {{"{key}": "AGENT", "Content": "Hello? Anyone there?", "BeginOffsetMillis": 31000, "EndOffsetMillis": 40000}}
            ]}}"#
        )
    };
    for key in ["ParticipantId", "ParticipantRole"] {
        let (fired, not_applied) = judged("call.json", &turns(key), &[]);
        assert_eq!(fired, Vec::<String>::new(), "{key}");
        assert_eq!(not_applied, ["t/quiet-agent", "t/quiet-customer"], "{key}");
    }
    // A transcript's own `Agent:` label says who speaks: the same call written so is judged.
    let text = "[00:00:00-00:00:30] Agent: Thank you for calling.\n\
                [00:00:31-00:00:40] Agent: Hello? Anyone there?\n";
    let (fired, not_applied) = judged("call.txt", text, &[]);
    assert_eq!(fired, ["t/quiet-customer"]);
    assert_eq!(not_applied, Vec::<String>::new());
}

/// Speakers named but of no known role (no label, no `roles:`): whose share is whose cannot be
/// told, so talk share is unknown, not a share of 0 for a role nobody has.
#[test]
fn talk_share_is_not_judged_where_speakers_have_no_role() {
    // A text transcript's names (captions' two voices are told apart by the role guess).
    let voices = "[00:00:00-00:00:18] Marie Dupont: bonjour, je vous écoute\n\
                  [00:00:19-00:00:20] Jean Martin: merci\n";
    let (fired, not_applied) = judged("call.txt", voices, &[]);
    assert_eq!(fired, Vec::<String>::new());
    assert_eq!(not_applied, ["t/quiet-agent", "t/quiet-customer"]);
    // Named as the agent, Marie talks 18 s of 19, Jean 1 s: the customer hardly talks.
    let dir = tempfile::tempdir().unwrap();
    let roles = "roles: {agent: [Marie Dupont], customer: [Jean Martin]}\n";
    write(dir.path(), "talklint.yaml", roles);
    write(dir.path(), "r.yaml", RULES);
    write(dir.path(), "call.txt", voices);
    let (_, v) = json_report_in(dir.path(), &["-r", "r.yaml", "call.txt"]);
    let c = &v["conversations"][0];
    assert_eq!(c["findings"][0]["rule"], "t/quiet-customer", "{c}");
}

/// An unnamed voice that says little (a recording's beep) leaves the share known where it holds
/// either way: the customer's 2 s of 36.5 are below 0.2 whoever's the beep's 0.5 s are.
#[test]
fn a_short_turn_of_no_role_leaves_a_clear_share_judged() {
    let cues = "WEBVTT\n\n00:00:00.000 --> 00:00:34.000\n<v Agent>let me explain the plan\n\n\
                00:00:34.500 --> 00:00:35.000\n<v Recording>Beep.\n\n\
                00:00:35.000 --> 00:00:37.000\n<v Customer>fine\n";
    let (fired, not_applied) = judged("call.vtt", cues, &[]);
    assert_eq!(fired, ["t/quiet-customer"]);
    assert_eq!(not_applied, Vec::<String>::new());
}

/// A window of no talk time at all (every turn of no length) has no share to judge: it is not
/// applied, where it was judged as holding nowhere, in silence.
#[test]
fn talk_share_of_no_talk_time_is_not_applied() {
    let text = "[00:00:01-00:00:01] Agent: hello there\n[00:00:02-00:00:02] Customer: hi\n";
    let (fired, not_applied) = judged("call.txt", text, &[]);
    assert_eq!(fired, Vec::<String>::new());
    assert_eq!(not_applied, ["t/quiet-agent", "t/quiet-customer"]);
}
