//! `--redact` masks personal data in speaker labels too: a chat's author that is a phone number
//! or an e-mail address, a caption's `<v jane@example.com>`, wherever a report writes a speaker,
//! the agent's name or a warning that quotes a label.

use crate::support::{check_in, run, talklint, write};

const CHAT: &str = r#"{"messages":[
{"author":"+15551234567","text":"That is not my department."},
{"author":"agent.smith@corp.example","text":"That is not my department, sorry."}]}"#;

/// Captions of three voices, so that no guess gives the unnamed ones a role.
const CAPTIONS: &str = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v jane@example.com>That is \
                        not my department.\n\n00:00:04.000 --> 00:00:05.000\n<v Customer>ok\n\n\
                        00:00:06.000 --> 00:00:07.000\n<v Sam>Joining.\n";

const LABELS: [&str; 3] = ["5551234567", "agent.smith", "jane@"];

const FORMATS: [&str; 8] = [
    "human", "json", "jsonl", "sarif", "junit", "github", "csv", "html",
];

/// The argument that makes each format write rows a label can show in.
fn rows(format: &str) -> &'static str {
    if format == "csv" {
        "--csv-findings"
    } else {
        "--fail-on=warning"
    }
}

#[test]
fn speaker_labels_are_masked_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "chat.json", CHAT);
    write(dir.path(), "captions.vtt", CAPTIONS);
    for format in FORMATS {
        let rows = rows(format);
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

#[test]
fn merge_masks_the_speaker_labels_of_reports_made_without_redaction() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "chat.json", CHAT);
    write(dir.path(), "captions.vtt", CAPTIONS);
    let (_, report, _) = check_in(
        dir.path(),
        &["-f", "jsonl", "--exit-zero", "chat.json", "captions.vtt"],
    );
    assert!(
        LABELS.iter().filter(|l| report.contains(*l)).count() == 2,
        "{report}"
    );
    write(dir.path(), "shard.jsonl", &report);
    for format in FORMATS {
        let (code, out, err) = run(talklint().current_dir(dir.path()).args([
            "merge",
            "--no-config",
            "--redact",
            "--color=never",
            rows(format),
            "-f",
            format,
            "shard.jsonl",
        ]));
        assert_eq!(code, 1, "{format}: {err}");
        for label in LABELS {
            assert!(!out.contains(label), "{format} shows {label}:\n{out}");
        }
    }
}

/// `merge --redact` of a report made without `--redact` writes what `check --redact` writes:
/// two agents named by e-mail addresses are one `[EMAIL]` (they were listed twice, each finding
/// charged to one, and `--statistics` counted the conversation twice), and the unknown-speaker
/// warning proposes no masked label as a role to write (it proposed `["[EMAIL]"]`).
#[test]
fn merge_redact_of_a_plain_report_writes_what_check_redact_writes() {
    let dir = tempfile::tempdir().unwrap();
    let two_agents = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v jane@example.com>That is not \
                      my department.\n\n00:00:04.000 --> 00:00:05.000\n<v Customer>ok\n\n\
                      00:00:06.000 --> 00:00:08.000\n<v bob@example.com>calm down please.\n";
    write(dir.path(), "agents.vtt", two_agents);
    write(dir.path(), "captions.vtt", CAPTIONS);
    let roles = "rules: [default]\nroles: {agent: [jane@example.com, bob@example.com]}\n";
    write(dir.path(), "agents.yaml", roles);
    let cases = [
        (&["--config", "agents.yaml"][..], "agents.vtt"),
        (&["--no-config"][..], "captions.vtt"),
    ];
    for (config, file) in cases {
        let check = |args: &[&str]| {
            let (_, out, err) = run(talklint().current_dir(dir.path()).args(args));
            assert!(err.is_empty() || !err.contains("error"), "{err}");
            out
        };
        let plain = check(&[&["check"], config, &["-f", "jsonl", "--exit-zero", file]].concat());
        write(dir.path(), "shard.jsonl", &plain);
        let json = ["-f", "json"];
        let redacted = check(&[&["check", "--redact"], config, &json, &[file]].concat());
        let merged = check(&[&["merge", "--redact"], config, &json, &["shard.jsonl"]].concat());
        assert_eq!(merged, redacted, "{file}");
        assert!(redacted.contains("[EMAIL]"), "{redacted}");
        // The human report of a merge has no turns to quote: its agents' scores are compared.
        let per_agent = |out: String| {
            let lines = out
                .lines()
                .skip_while(|l| !l.starts_with("Mean score per agent"));
            lines
                .take_while(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        };
        let stats = ["--statistics", "--color=never"];
        let redacted = per_agent(check(
            &[&["check", "--redact"], config, &stats, &[file]].concat(),
        ));
        let merged = check(&[&["merge", "--redact"], config, &stats, &["shard.jsonl"]].concat());
        assert_eq!(per_agent(merged), redacted, "{file}");
    }
}

#[test]
fn the_unknown_speaker_warning_names_no_masked_label_as_a_role_to_write() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "captions.vtt", CAPTIONS);
    let (_, out, _) = check_in(dir.path(), &["--redact", "captions.vtt"]);
    assert!(out.contains("(\"[EMAIL]\", \"Sam\")"), "{out}");
    assert!(!out.contains("[\"[EMAIL]\"]"), "{out}");
    assert!(out.contains("as the file writes it"), "{out}");
    let (_, out, _) = check_in(dir.path(), &["captions.vtt"]);
    assert!(
        out.contains("`roles: {agent: [\"jane@example.com\"]}`"),
        "{out}"
    );
}

/// A rule that quotes, as `{speaker}: {match}`, the words `regex` finds in any speaker's turn.
fn any_speaker(regex: &str) -> String {
    format!(
        "rules:\n  - id: any/said\n    kind: forbid\n    severity: error\n    speaker: any\n    \
         regex: ['{regex}']\n    message: \"{{speaker}}: {{match}}\"\n"
    )
}

/// Asserts that `check --redact` of `captions` with [`any_speaker`]`(regex)` shows none of
/// `personal` and masks an address, in every format; returns the folder.
fn masked_in_every_format(captions: &str, regex: &str, personal: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "captions.vtt", captions);
    write(dir.path(), "any.yaml", &any_speaker(regex));
    for format in FORMATS {
        let args = [
            "-r",
            "any.yaml",
            "--redact",
            "--color=never",
            rows(format),
            "-f",
            format,
        ];
        let (code, out, err) = check_in(dir.path(), &[&args[..], &["captions.vtt"]].concat());
        assert_eq!(code, 1, "{format}: {err}");
        for data in personal {
            assert!(!out.contains(data), "{format} shows {data}:\n{out}");
        }
        assert!(out.contains("[EMAIL]"), "{format}:\n{out}");
    }
    dir
}

#[test]
fn a_voice_name_written_with_entities_is_read_decoded_and_masked() {
    let captions = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v jane.doe&#64;example.com>That \
                    is not my department.\n\n00:00:04.000 --> 00:00:05.000\n<v Customer>ok\n";
    let dir = masked_in_every_format(captions, "department", &["jane.doe"]);
    let (_, plain, _) = check_in(
        dir.path(),
        &["-r", "any.yaml", "-f", "json", "captions.vtt"],
    );
    let read = plain.contains("\"speaker\":\"jane.doe@example.com\"");
    assert!(read, "{plain}");
}

#[test]
fn an_address_broken_over_caption_lines_or_cues_is_masked() {
    let captions = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Customer>mail jane.doe@\n\
                    example.com please\n\n00:00:04.000 --> 00:00:05.000\n<v Customer>or john.roe@\n\n\
                    00:00:05.000 --> 00:00:06.000\n<v Customer>example.org thanks\n";
    masked_in_every_format(captions, "(mail|or) .*", &["jane", "john", "example"]);
}
