//! Tests of the text transcript reader: labels, continuations, stamps, notes and hidden text.

use super::*;

/// Whether `label` is a speaker label.
fn is_label(label: &str) -> bool {
    speaker_name(label, &Roles::default()).is_some()
}

fn turns(src: &str) -> Vec<(Role, Option<String>, Option<u64>, String)> {
    parse(src, &ParseOptions::default(), false)
        .0
        .turns
        .iter()
        .map(|t| {
            (
                t.role,
                t.speaker.as_deref().map(str::to_string),
                t.start_ms,
                t.text(src).to_string(),
            )
        })
        .collect()
}

#[test]
fn labels_in_any_case_with_continuations() {
    let t = turns("AGENT: Hello there\nhow are you?\ncustomer: fine\n\n");
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].0, Role::Agent);
    assert_eq!(t[0].3, "Hello there\nhow are you?");
    assert_eq!(t[1].0, Role::Customer);
    assert_eq!(t[1].3, "fine");
}

#[test]
fn a_note_in_a_turn_is_no_speaker() {
    let t = turns("Agent: I will check.\nNote: that is not my department\nCustomer: ok\n");
    assert_eq!(t.len(), 2);
    assert_eq!(
        (t[0].0, t[0].3.as_str()),
        (
            Role::Agent,
            "I will check.\nNote: that is not my department"
        )
    );
}

#[test]
fn timestamps_before_or_after_labels() {
    let t = turns("[00:01:02] Agent: hi\n00:01:05 Customer: yo\nAgent [00:02:00]: bye");
    assert_eq!(
        t.iter().map(|t| t.2).collect::<Vec<_>>(),
        [Some(62_000), Some(65_000), Some(120_000)]
    );
    assert_eq!(t[2].3, "bye");
}

#[test]
fn dates_and_times_open_turns_and_count_from_the_first() {
    let t = turns(
        "[2024-05-01 10:00:00] Customer: my card was charged twice\n\
         [2024-05-01 10:00:07] Agent: let me fix that\n\
         2024-05-01 10:01:00 Customer: thanks\n\
         2024-05-01T10:01:30Z Agent: done\n\
         Agent [2024-05-01 10:02:00+00:00]: anything else?",
    );
    assert_eq!(
        t.iter().map(|t| (t.0, t.2)).collect::<Vec<_>>(),
        [
            (Role::Customer, Some(0)),
            (Role::Agent, Some(7_000)),
            (Role::Customer, Some(60_000)),
            (Role::Agent, Some(90_000)),
            (Role::Agent, Some(120_000)),
        ]
    );
    assert_eq!(t[1].3, "let me fix that");
    assert_eq!(t[4].3, "anything else?");
    // A date alone is no stamp: the line stays text of the turn before.
    let t = turns("Agent: hi\n2024-05-01 was the day\nCustomer: ok");
    assert_eq!(t[0].3, "hi\n2024-05-01 was the day");
}

#[test]
fn hours_and_minutes_twelve_hour_times_and_clocks_after_a_date() {
    let m = 60_000;
    let starts = |src: &str| turns(src).iter().map(|t| t.2).collect::<Vec<_>>();
    assert_eq!(
        starts(
            "[2024-05-01 10:00] Customer: hi\n[2024-05-01 10:05] Agent: a\n[2024-05-01 11:00] Agent: b"
        ),
        [Some(0), Some(5 * m), Some(60 * m)]
    );
    // A clock after a date is a time of that day.
    assert_eq!(
        starts(
            "[2024-05-01 10:00:00] Agent: hi\n[10:00:30] Customer: hello\n[2024-05-01 10:01:00] Agent: ok"
        ),
        [Some(0), Some(30_000), Some(m)]
    );
    let t = turns(
        "2024-05-01 11:59:00 AM Customer: am\n2024-05-01 12:01:00 PM Agent: pm\n[1:00 PM] Agent: later",
    );
    assert_eq!(
        t.iter()
            .map(|t| (t.0, t.1.as_deref(), t.2))
            .collect::<Vec<_>>(),
        [
            (Role::Customer, Some("Customer"), Some(0)),
            (Role::Agent, Some("Agent"), Some(2 * m)),
            (Role::Agent, Some("Agent"), Some(61 * m)),
        ]
    );
    // A long label before a dated stamp still opens a turn.
    let t = turns("Agent: hi\nSenior Customer Support Agent [2024-05-01 10:00:00+02:00]: dated");
    assert_eq!(t.len(), 2);
    assert_eq!(t[1].3, "dated");
}

#[test]
fn spans_give_end_times() {
    let src = "[00:00:01-00:00:05] Agent: hi\n[00:00:06 --> 00:00:09] Customer: yo\nAgent [00:00:10–00:00:12]: bye\nAgent: ok";
    let (t, _) = parse(src, &ParseOptions::default(), false);
    let times: Vec<_> = t.turns.iter().map(|t| (t.start_ms, t.end_ms)).collect();
    assert_eq!(
        times,
        [
            (Some(1_000), Some(5_000)),
            (Some(6_000), Some(9_000)),
            (Some(10_000), Some(12_000)),
            (None, None)
        ]
    );
}

#[test]
fn unlabelled_text_is_one_turn_of_the_default_role() {
    let src = "# Refund script\n\nNote: be kind.\nThank you for calling.\n";
    let t = turns(src);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].0, Role::Agent);
    assert_eq!(t[0].3, src.trim());
}

#[test]
fn markdown_bold_labels_and_preamble() {
    let t = turns("# Call 12\n\n**Agent:** hi\n- **Customer**: hello\n");
    assert_eq!(t.len(), 3);
    assert_eq!(t[0].0, Role::System);
    assert_eq!((t[1].0, t[1].3.as_str()), (Role::Agent, "hi"));
    assert_eq!((t[2].0, t[2].3.as_str()), (Role::Customer, "hello"));
}

#[test]
fn unknown_names_open_turns_in_a_dialogue() {
    let t = turns("Sarah: hi\nBob: hey\nSarah: ok\nBob: bye\n");
    assert_eq!(t.len(), 4);
    assert!(t.iter().all(|t| t.0 == Role::Unknown));
    let t = turns("Sarah: hi\nAgent: hey\n");
    assert_eq!(t.len(), 2);
    // Two names once each, every line labelled: two speakers, not one agent's text.
    let t = turns("Sarah: hi there\nBob: fine\n");
    assert_eq!(t.len(), 2);
    assert!(t.iter().all(|t| t.0 == Role::Unknown));
    // A note in a script's prose stays the script's text.
    assert_eq!(
        turns("Note: be kind\nSay hello first.\nTip: smile\n").len(),
        1
    );
}

#[test]
fn labels_are_a_letter_then_up_to_four_words() {
    assert!(is_label("Agent"));
    assert!(is_label("Dr. Jane  O'Neil-Smith #2"));
    assert!(is_label("Ágata"));
    assert!(!is_label("a b c d e"));
    assert!(is_label("a  b c  d "));
    assert!(!is_label("1st agent"));
    assert!(!is_label(""));
    assert!(!is_label("Agent/Bot"));
    assert!(!is_label("Agent\tBot"));
}

#[test]
fn urls_and_times_in_text_are_not_labels() {
    let t = turns("Agent: see https://x.org at 10:30 today\n");
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].3, "see https://x.org at 10:30 today");
}

#[test]
fn a_role_and_a_name_in_brackets_open_a_turn() {
    let t = turns(
        "Agent (Sarah): Hello there\nCustomer (John): It is out of my hands.\n\
         Sarah (Agent) [00:01:02]: Let me help.\n",
    );
    assert_eq!(
        t.iter()
            .map(|t| (t.0, t.1.as_deref(), t.2, t.3.as_str()))
            .collect::<Vec<_>>(),
        [
            (Role::Agent, Some("Agent (Sarah)"), None, "Hello there"),
            (
                Role::Customer,
                Some("Customer (John)"),
                None,
                "It is out of my hands."
            ),
            (
                Role::Agent,
                Some("Sarah (Agent)"),
                Some(62_000),
                "Let me help."
            ),
        ]
    );
    // A note is a note with a word in brackets too.
    let t = turns("Agent: I will check.\nNote (internal): escalate\nCustomer: ok\n");
    assert_eq!(t[0].3, "I will check.\nNote (internal): escalate");
    assert!(is_label("Dr. Jane (Senior Agent)"));
    assert!(!is_label("Agent (Sarah"));
    assert!(!is_label("Agent (Sarah) Lee"));
    assert!(!is_label("Agent ((Sarah))"));
    assert!(!is_label("(Sarah)"));
    // Beside a role word, the part in brackets may be an id, a list or a longer name.
    for label in [
        "Customer (#C-1234)",
        "Agent (4521)",
        "Agent (Sarah, Billing)",
        "Agent (Mary Ann De La Cruz)",
        "Mary Ann De La Cruz (Agent)",
        "C-1234 (customer)",
    ] {
        assert!(is_label(label), "{label}");
    }
    for label in [
        "Sarah (Billing, Refunds)",
        "Agent (see: ticket)",
        "Agent (a very long department name, written out in full)",
        "Agent ()",
    ] {
        assert!(!is_label(label), "{label}");
    }
}

#[test]
fn zoom_lines_of_a_time_a_name_and_text_between_tabs_open_turns() {
    let t = turns("00:00:05\tSarah Lee\tHello: how can I help?\n00:00:09\tCustomer\tIt broke.\n");
    assert_eq!(
        t.iter()
            .map(|t| (t.0, t.1.as_deref(), t.2, t.3.as_str()))
            .collect::<Vec<_>>(),
        [
            (
                Role::Unknown,
                Some("Sarah Lee"),
                Some(5_000),
                "Hello: how can I help?"
            ),
            (Role::Customer, Some("Customer"), Some(9_000), "It broke."),
        ]
    );
    // A colon label after a time and a tab is read as before.
    let t = turns("00:00:05\tAgent: hi\tthere\n00:00:09\tCustomer: ok\n");
    assert_eq!((t[0].0, t[0].3.as_str()), (Role::Agent, "hi\tthere"));
    assert_eq!(t[1].0, Role::Customer);
}

#[test]
fn numbered_parts_of_a_script_are_no_speakers() {
    for label in [
        "Option 1",
        "option 2",
        "Step 1",
        "Step #2",
        "Reply 2",
        "Q 1",
        "Q1",
        "A1",
        "Answer 3",
        "Variant 2",
        "Example 1",
        "Version 2.0",
        "Macro 4",
        "Template 1",
        "Scenario 2",
        "Part 1",
        "Section 3.2",
        "Tip 1",
        "Response 2b",
        "Option A",
        "QUESTION 10",
    ] {
        assert!(names_no_speaker(label), "{label}");
    }
    // Diarisers number speakers, and a part word alone or with more after it is a label.
    for label in [
        "Speaker 1",
        "spk_0",
        "Caller 1",
        "Agent 2",
        "Customer 1",
        "Participant 1",
        "Option",
        "Options 2",
        "Step 1 of 3",
        "Q",
        "QA 1",
        "Reply ab",
        "Part 1.x2",
    ] {
        assert!(!names_no_speaker(label), "{label}");
    }
    let t = turns("Option 1: Sorry, that's not my department.\nOption 2: Calm down.\n");
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].0, Role::Agent);
    let t = turns("Speaker 1: Hello there friend\nSpeaker 2: hi\nSpeaker 1: ok\n");
    assert_eq!(t.len(), 3);
    // A part that `roles:` names speaks as that role.
    let opts = ParseOptions {
        roles: Roles::default().with_aliases(Role::Customer, ["Option 2"]),
        ..ParseOptions::default()
    };
    let src = "Option 1: Sorry.\nOption 2: Calm down.\n";
    let roles: Vec<_> = parse(src, &opts, false)
        .0
        .turns
        .iter()
        .map(|t| t.role)
        .collect();
    assert_eq!(roles, [Role::System, Role::Customer]);
}

#[test]
fn numbered_parts_in_a_short_exchange_join_its_turns() {
    // Two names used once each and parts: the parts join Sarah's turn, and it is a dialogue.
    let t = turns(
        "John: Calm down, they said!\nSarah: I am sorry.\nStep 1: I will check.\nStep 2: I will call.\n",
    );
    assert_eq!(
        t.iter()
            .map(|t| (t.0, t.1.as_deref(), t.3.as_str()))
            .collect::<Vec<_>>(),
        [
            (Role::Unknown, Some("John"), "Calm down, they said!"),
            (
                Role::Unknown,
                Some("Sarah"),
                "I am sorry.\nStep 1: I will check.\nStep 2: I will call."
            ),
        ]
    );
    // Parts before any label open no dialogue: the lone labels are text of the script.
    let t = turns("Step 1: Greet.\nStep 2: Ask.\nTone: warm\nGoal: calm down\n");
    assert_eq!((t.len(), t[0].0), (1, Role::Agent));
    // An FAQ's `Q:` and `A:` are speakers; its numbered `Q1:` and `A1:` join their turns.
    let t = turns("Q: Refund?\nA: Yes.\nQ1: Shipping?\nA1: Free.\nQ: Hours?\nA: Nine to five.\n");
    let speakers: Vec<_> = t.iter().map(|t| t.1.as_deref()).collect();
    assert_eq!(speakers, [Some("Q"), Some("A"), Some("Q"), Some("A")]);
    assert_eq!(t[1].3, "Yes.\nQ1: Shipping?\nA1: Free.");
}

#[test]
fn otter_headers_are_read_where_they_are_no_fewer_than_colon_labels() {
    // A stray `Yes:` line in a file of headers leaves them read, and is its turn's text.
    let t = turns(
        "Sarah Lee  0:05\nHi.\n\nJohn Smith  0:09\nYes: a question.\n\nSarah Lee  0:15\nOk.\n",
    );
    let heads: Vec<_> = t.iter().map(|t| (t.1.as_deref(), t.2)).collect();
    assert_eq!(
        heads,
        [
            (Some("Sarah Lee"), Some(5_000)),
            (Some("John Smith"), Some(9_000)),
            (Some("Sarah Lee"), Some(15_000))
        ]
    );
    assert_eq!(t[1].3, "Yes: a question.");
}
