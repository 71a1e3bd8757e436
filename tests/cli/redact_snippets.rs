//! `--redact` in human snippets, which show source lines as they are: the personal data of the
//! other messages a line holds (written with JSON escapes) is masked too, and a masked number
//! broken over lines or cues keeps the snippet's line numbers true.

use crate::support::{check_in, run, talklint, write};

/// A rule that quotes what `REGEX` matches in customer turns.
const TURN: &str = r#"rules:
  - id: pii/turn
    kind: forbid
    severity: warning
    speaker: customer
    regex: ['REGEX']
    message: "T: {match}"
"#;

/// The default pack's human report with `--redact` on `name`, holding `text`.
fn human(name: &str, text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), name, text);
    let (_, out, err) = check_in(dir.path(), &["--redact", "--color", "never", name]);
    assert!(
        out.contains("calm down"),
        "{name}: the snippet:\n{out}\n{err}"
    );
    out
}

#[test]
fn other_messages_on_a_shown_json_line_are_masked() {
    let agent = r#"{"role":"agent","text":"calm down"}"#;
    let cases = [
        (r#""card 4111\n1111\n1111\n1111""#, "1111"),
        (r#""card 4111\u00201111\u00201111\u00201111""#, "1111"),
        (r#""card 4111\u20131111\u20131111\u20131111""#, "1111"),
        (r#""write to jane\u0040example.com""#, "example"),
    ];
    for (text, data) in cases {
        let customer = format!(r#"{{"role":"customer","text":{text}}}"#);
        let array = format!("[{customer},{agent}]\n");
        let record = format!("{{\"messages\":[{customer},{agent}]}}\n{{\"messages\":[{agent}]}}\n");
        for (name, file) in [("chat.json", &array), ("calls.jsonl", &record)] {
            let out = human(name, file);
            assert!(!out.contains(data), "{name} shows {data}:\n{out}");
            assert!(out.contains("[CARD]") || out.contains("[EMAIL]"), "{out}");
        }
        let stdin = talklint()
            .args(["check", "--no-config", "--redact", "--color", "never"])
            .args(["--stdin-filename", "chat.json", "-"])
            .write_stdin(array)
            .output()
            .unwrap();
        let out = String::from_utf8_lossy(&stdin.stdout);
        assert!(
            out.contains("calm down") && !out.contains(data),
            "stdin:\n{out}"
        );
    }
}

/// The snippet's numbered lines: (number, text after the gutter).
fn numbered(out: &str) -> Vec<(usize, String)> {
    let line = |l: &str| {
        let (number, rest) = l.split_once(" |")?;
        Some((number.trim().parse().ok()?, rest.to_string()))
    };
    out.lines().filter_map(line).collect()
}

#[test]
fn a_number_masked_across_lines_keeps_the_line_numbers() {
    let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Agent>Hello how can I help\n\n\
               00:00:03.000 --> 00:00:04.000\n<v Customer>my card is 4111 1111\n\n\
               00:00:05.000 --> 00:00:06.000\n<v Customer>1111 1111 thanks\n\n\
               00:00:07.000 --> 00:00:08.000\n<v Agent>fine\n";
    let txt = "Agent: Hello how can I help\nCustomer: card 4111 1111\n1111 1111\nthanks a lot\n";
    let dir = tempfile::tempdir().unwrap();
    // Each whole turn of the captions; a match over lines in the text.
    let cases = [
        ("v.vtt", vtt, "^.*$", 7..=10),
        ("t.txt", txt, "(?s)card.*thanks", 2..=4),
    ];
    for (name, text, regex, lines) in cases {
        write(dir.path(), name, text);
        write(dir.path(), "turn.yaml", &TURN.replace("REGEX", regex));
        let args = ["-r", "turn.yaml", "--redact", "--color", "never", name];
        let (_, out, err) = check_in(dir.path(), &args);
        assert!(!out.contains("1111"), "{name}:\n{out}\n{err}");
        let shown = numbered(&out);
        let numbers: Vec<usize> = shown.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, lines.collect::<Vec<_>>(), "{name}:\n{out}");
        let last = &shown[shown.len() - 1].1;
        assert!(last.contains("thanks"), "{name}: the last line:\n{out}");
    }
    // JSON's `end_line` agrees.
    write(dir.path(), "turn.yaml", &TURN.replace("REGEX", "^.*$"));
    let (_, out, _) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "-r",
        "turn.yaml",
        "--redact",
        "-f",
        "json",
        "v.vtt",
    ]));
    assert!(out.contains(r#""end_line":10,"#), "{out}");
}

/// A one-line JSON array of two conversations (split by `conversation_id`): the snippet of one
/// masks the other's personal data too, even a number that only its joined text parts show.
#[test]
fn another_conversation_on_a_shown_line_is_masked() {
    let line = "[{\"conversation_id\":\"a\",\"role\":\"agent\",\"text\":\"calm down\"},\
                {\"conversation_id\":\"b\",\"role\":\"customer\",\"text\":[\"card 4111 1111\",\"1111 1111\"]}]\n";
    let out = human("parts.json", line);
    assert!(out.contains("\"text\":[\"card [CARD]\"]"), "{out}");
    assert!(!out.contains("1111"), "{out}");
}
