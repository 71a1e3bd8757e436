//! `--redact` masks personal data in speaker labels too: a chat's author that is a phone number
//! or an e-mail address, a caption's `<v jane@example.com>`, wherever a report writes a speaker,
//! the agent's name or a warning that quotes a label.

use crate::support::{check_in, write};

const CHAT: &str = r#"{"messages":[
{"author":"+15551234567","text":"That is not my department."},
{"author":"agent.smith@corp.example","text":"That is not my department, sorry."}]}"#;

const CAPTIONS: &str = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v jane@example.com>That is \
                        not my department.\n\n00:00:04.000 --> 00:00:05.000\n<v Customer>ok\n";

const LABELS: [&str; 3] = ["5551234567", "agent.smith", "jane@"];

#[test]
fn speaker_labels_are_masked_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "chat.json", CHAT);
    write(dir.path(), "captions.vtt", CAPTIONS);
    for format in [
        "human", "json", "jsonl", "sarif", "junit", "github", "csv", "html",
    ] {
        let rows = if format == "csv" {
            "--csv-findings"
        } else {
            "--fail-on=warning"
        };
        let args = |redact: &'static str| {
            let base = [
                "--color",
                "never",
                rows,
                "-f",
                format,
                "chat.json",
                "captions.vtt",
            ];
            [&[redact][..], &base[..]].concat()
        };
        let (code, out, err) = check_in(dir.path(), &args("--redact"));
        assert_eq!(code, 1, "{format}: {err}");
        for label in LABELS {
            assert!(!out.contains(label), "{format} shows {label}:\n{out}");
        }
        // Without --redact the report names a label (each format writes the speakers, the
        // agent's name or the unknown-speaker warning), masked with it.
        let (_, plain, _) = check_in(dir.path(), &args("-j1"));
        assert!(
            LABELS.iter().any(|l| plain.contains(l)),
            "{format}:\n{plain}"
        );
        assert!(
            out.contains("[EMAIL]") || out.contains("[PHONE]"),
            "{format}:\n{out}"
        );
    }
}
