//! Otter's turn headers (a name, two spaces and a time alone on a line, the turn's text on the
//! lines below): read where the file is written in them, and only those whose times run
//! forward, so a line such as `Order total  12:30` in a turn stays its text.

use crate::labels::found;
use crate::support::{default_pack, json_report_in, run, talklint, write};
use serde_json::Value;

/// A line of a name, two spaces and a time in a dialogue of `Name:` labels (`Order total  12:30`)
/// is no Otter header, nor is one whose time goes back in a file of headers: the agent's words
/// after it stay the agent's (each opened a turn of a speaker with no role, its words unjudged).
#[test]
fn a_name_and_a_time_is_an_otter_header_only_among_headers_running_forward() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Agent: Here is your order.\nOrder total  12:30\n\
                Please calm down, it ships soon.\nCustomer: Fine.\n";
    let c = default_pack(write(dir.path(), "order.txt", text).to_str().unwrap());
    assert_eq!(
        (&c["turns"], &c["unknown_turns"], &c["warnings"]),
        (&2.into(), &0.into(), &Value::Null),
        "{c}"
    );
    assert_eq!(found(&c), [("respect/calm-down", "agent", 3, None)], "{c}");
    let text = "Agent  0:05\nHello, how can I help?\n\nCustomer  0:09\nMy order is late.\n\n\
                Agent  0:15\nI see.\nOrder placed  0:02\nPlease calm down.\n";
    three_turns_calm_down_at(dir.path(), text, (10, 15_000));
    // A few `Name:` lines in a file of headers leave the headers standing, and one misread
    // header whose time runs ahead does not put out the headers after it.
    let text = "Sarah Lee  0:05\nThanks for calling Acme.\n\nJohn Smith  0:12\n\
                Your last agent told me to calm down.\nOrder number: 12345\nPostcode: 90210\n\
                Email: john@example.com\n\nSarah Lee  0:40\nI have your order here.\n\
                Order total  12:30\nIt was discounted.\n\nJohn Smith  0:52\nFine.\n";
    let config = "roles:\n  agent: [Sarah Lee]\n  customer: [John Smith]\n";
    write(dir.path(), "talklint.yaml", config);
    write(dir.path(), "headers.txt", text);
    let (_, out, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "-f",
        "json",
        "--exit-zero",
        "headers.txt",
    ]));
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|_| panic!("{err}"));
    let c = &v["conversations"][0];
    assert_eq!(
        (&c["turns"], &c["unknown_turns"]),
        (&4.into(), &0.into()),
        "{c}"
    );
    // The customer's "calm down" is the customer's: no agent rule judges it.
    assert!(found(c).iter().all(|f| f.0 != "respect/calm-down"), "{c}");
}

/// Two speakers who each speak once, in turns longer than a line (was one turn of the default
/// role, headers and all, unless each said one line): a dialogue of two turns, each its
/// speaker's from its header's time. A line of a name and a time in a turn, out of order, stays
/// the turn's text.
#[test]
fn two_headers_with_their_text_below_are_a_dialogue() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Sarah Lee  0:05\nThanks for calling Acme.\nHow can I help?\nOrder total  12:30\n\n\
                John Smith  0:09\nMy order is late.\nIt was due on Monday.\n";
    let call = write(dir.path(), "call.txt", text);
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - id: t/said\n    speaker: any\n    phrases: [thanks, order total, late]\n",
    );
    let (_, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "json", "-r"])
        .arg(&rules)
        .arg(&call));
    let v: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let c = &v["conversations"][0];
    assert_eq!(c["turns"], 2, "{c}");
    let said: Vec<(&str, u64, u64, Option<u64>)> = c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["speaker"].as_str().unwrap_or("none"),
                f["turn"].as_u64().unwrap(),
                f["line"].as_u64().unwrap(),
                f["start_ms"].as_u64(),
            )
        })
        .collect();
    assert_eq!(
        said,
        [
            ("Sarah Lee", 1, 2, Some(5_000)),
            ("Sarah Lee", 1, 4, Some(5_000)),
            ("John Smith", 2, 7, Some(9_000)),
        ],
        "{c}"
    );
}

/// A script's section titles with their times (`Greeting  0:15`, `Verify  0:45`, `Close  2:00`)
/// take Otter's header shape, but no title heads a second section: the script is one turn of
/// the default role, its lines judged (was a dialogue of three speakers of no role, unjudged).
/// A name that heads a second turn, or a `roles:` entry, makes the same headers a dialogue.
#[test]
fn section_titles_with_times_are_a_script_not_speakers() {
    let dir = tempfile::tempdir().unwrap();
    let script = "Greeting  0:15\nSay hello and give your name. Calm down is never said.\n\
                  We confirm the account.\nVerify  0:45\nAsk for the account number and confirm \
                  the address on file, that is not my department.\nClose  2:00\n\
                  Thank the customer.\n";
    let c = default_pack(write(dir.path(), "script.txt", script).to_str().unwrap());
    assert_eq!(
        (&c["turns"], &c["unknown_turns"]),
        (&1.into(), &0.into()),
        "{c}"
    );
    let rules: Vec<_> = found(&c)
        .into_iter()
        .filter(|f| f.0 == "respect/calm-down" || f.0 == "ownership/closed-door")
        .map(|f| (f.0, f.1, f.2))
        .collect();
    assert_eq!(
        rules,
        [
            ("respect/calm-down", "agent", 2),
            ("ownership/closed-door", "agent", 5)
        ],
        "{c}"
    );
    // Sarah speaks again: three turns of two speakers.
    let call = "Sarah Lee  0:05\nThanks for calling.\nJohn Smith  0:09\nMy order is late.\n\
                Sarah Lee  0:15\nPlease calm down.\n";
    let c = default_pack(write(dir.path(), "call.txt", call).to_str().unwrap());
    assert_eq!(c["turns"], 3, "{c}");
    // Three who each speak once, one of them named by `roles:`: a dialogue.
    let call = "Sarah Lee  0:05\nThanks for calling.\nJohn Smith  0:09\nMy order is late.\n\
                Ann Ray  0:15\nPlease calm down.\n";
    write(dir.path(), "three.txt", call);
    write(dir.path(), "talklint.yaml", "roles:\n  agent: [Ann Ray]\n");
    let (_, v) = json_report_in(dir.path(), &["--exit-zero", "three.txt"]);
    let c = &v["conversations"][0];
    assert_eq!(c["turns"], 3, "{c}");
    assert!(
        found(c).contains(&("respect/calm-down", "agent", 6, Some(15_000))),
        "{c}"
    );
}

/// A header whose time goes back right after the first leaves that first header standing: of
/// two runs forward as long (0:05, 0:10, 0:12 and 0:03, 0:10, 0:12), the one that keeps the
/// file's first header. The other lost the opening words from every turn, and the whole file
/// read as one turn of no speaker.
#[test]
fn of_two_runs_as_long_the_one_with_the_first_header_stands() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Agent  0:05\nHello, how can I help?\n\nCustomer  0:03\nBackwards\n\n\
                Agent  0:10\nPlease calm down.\n\nCustomer  0:12\nFine\n";
    three_turns_calm_down_at(dir.path(), text, (8, 10_000));
}

/// Checks that the Otter file `text`, written in `dir`, reads as three turns of known roles
/// with the agent's "calm down" on line `at.0`, at `at.1` milliseconds.
fn three_turns_calm_down_at(dir: &std::path::Path, text: &str, at: (u64, u64)) {
    let c = default_pack(write(dir, "otter.txt", text).to_str().unwrap());
    assert_eq!(
        (&c["turns"], &c["unknown_turns"]),
        (&3.into(), &0.into()),
        "{c}"
    );
    let calm = found(&c).into_iter().find(|f| f.0 == "respect/calm-down");
    assert_eq!(
        calm,
        Some(("respect/calm-down", "agent", at.0, Some(at.1))),
        "{c}"
    );
}
