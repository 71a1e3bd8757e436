//! `--redact` on files that cannot be read: an error that quotes the file (a bad cue timing,
//! text after a JSON document) is masked in every report, on standard error and in `merge`, as
//! the parser's warnings are; the path it names is not.

use crate::support::{FORMATS, check_in, run, talklint, write};

/// Broken files whose errors quote personal data; their names hold a number, which stays.
const BROKEN: [(&str, &str); 3] = [
    (
        "cues-555-867-5309.vtt",
        "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Agent>hello\n\n\
         00:00:03.000 --> 4111 1111 1111 1111 john.doe+billing@example.com\n<v Customer>hi\n",
    ),
    (
        "cues.srt",
        "1\n00:00:01,000 --> 00:00:02,000\nAgent: hello\n\n2\n555-867-5309 --> 123-45-6789\n\
         Customer: hi\n",
    ),
    (
        "chat.json",
        "{\"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}]} trailing \
         john.doe+billing@example.com 4111 1111 1111 1111\n",
    ),
];

/// What the errors quote, as a redacted report must never show it.
const PERSONAL: [&str; 5] = ["4111", "john.doe", "example.com", "867-5309 -", "123-45"];

fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in BROKEN {
        write(dir.path(), name, text);
    }
    dir
}

#[test]
fn file_errors_are_masked_in_every_format_and_on_standard_error() {
    let dir = folder();
    for format in FORMATS {
        let (code, out, err) = check_in(dir.path(), &["--redact", "-f", format, "."]);
        assert_eq!(code, 2, "{format}: {err}");
        for data in PERSONAL {
            assert!(!out.contains(data), "{format} shows {data}:\n{out}");
            assert!(!err.contains(data), "{format} stderr shows {data}:\n{err}");
        }
        // The path is not masked; the errors' places and words stay.
        let both = format!("{out}{err}");
        assert!(both.contains("cues-555-867-5309.vtt"), "{format}:\n{both}");
        assert!(err.contains("bad cue timing `[PHONE] --> [SSN]`"), "{err}");
        assert!(
            err.contains("bad cue timing `00:00:03.000 --> [CARD] [EMAIL]`"),
            "{err}"
        );
        assert!(err.contains("(`trailing [EMAIL] [CARD]`)"), "{err}");
        // Without --redact the errors quote the file as it is.
        let (_, out, err) = check_in(dir.path(), &["-f", format, "."]);
        assert!(
            err.contains("john.doe+billing@example.com"),
            "{format}: {err}"
        );
        let listed = ["human", "csv"].contains(&format) || out.contains("john.doe+billing@");
        assert!(listed, "{format}:\n{out}");
    }
}

#[test]
fn merge_masks_the_errors_of_reports_made_without_redaction() {
    let dir = folder();
    let (code, report, err) = check_in(dir.path(), &["-f", "json", "-o", "shard.json", "."]);
    assert_eq!(code, 2, "{report}{err}");
    for format in FORMATS {
        let (code, out, err) = run(talklint().current_dir(dir.path()).args([
            "merge",
            "--no-config",
            "--redact",
            "-f",
            format,
            "shard.json",
        ]));
        assert_eq!(code, 2, "{format}: {err}");
        for data in PERSONAL {
            assert!(!out.contains(data), "{format} shows {data}:\n{out}");
            assert!(!err.contains(data), "{format} stderr shows {data}:\n{err}");
        }
        // The human summary only counts the errors, and CSV has no rows for them.
        let named = ["human", "csv"].contains(&format) || out.contains("cues-555-867-5309.vtt");
        assert!(named, "{format}:\n{out}");
    }
}

#[test]
fn what_errors_and_warnings_quote_with_json_escapes_is_masked() {
    let dir = tempfile::tempdir().unwrap();
    let trailing = "{\"messages\": [{\"role\": \"customer\", \"text\": \"hi\"}]} card \
                    4539\\u00a01488\\u00a00343\\u00a06467 mail jane\\u0040example.com ssn \
                    078\\u201305\\u20131120 or 4111\\n1111 1111 1111\n";
    write(dir.path(), "trailing.json", trailing);
    let times = "{\"messages\":[{\"role\":\"agent\",\"text\":\"hi\",\"timestamp\":\
                 \"called from +1\\u00a0555\\u00a0867\\u00a05309\"},{\"role\":\"customer\",\
                 \"text\":\"hi\",\"start\":\"jane.doe\\u0040example.com\"}]}\n";
    write(dir.path(), "times.json", times);
    for format in FORMATS {
        let (code, out, err) = check_in(dir.path(), &["--redact", "-f", format, "."]);
        assert_eq!(code, 2, "{format}: {err}");
        let both = format!("{out}{err}");
        for data in [
            "4539", "6467", "jane", "example", "078", "1120", "4111", "867", "5309",
        ] {
            assert!(!both.contains(data), "{format} shows {data}:\n{both}");
        }
        assert!(
            err.contains("card [CARD] mail [EMAIL] ssn [SSN] or [CARD]"),
            "{err}"
        );
        // CSV has no column for warnings.
        let warned = format == "csv" || both.contains("called from [PHONE]");
        assert!(warned, "{format}:\n{both}");
    }
}

#[test]
fn merge_masks_warnings_that_quote_with_json_escapes() {
    // A report made without --redact and merged with it showed the escaped phone number.
    let dir = tempfile::tempdir().unwrap();
    let times = "{\"messages\":[{\"role\":\"agent\",\"text\":\"hi\",\"timestamp\":\
                 \"called from +1\\u00a0555\\u00a0867\\u00a05309\"}]}\n";
    write(dir.path(), "times.json", times);
    let (_, report, _) = check_in(dir.path(), &["-f", "jsonl", "-o", "shard.jsonl", "."]);
    assert!(report.is_empty());
    let (_, out, err) = run(talklint().current_dir(dir.path()).args([
        "merge",
        "--no-config",
        "--redact",
        "-f",
        "jsonl",
        "shard.jsonl",
    ]));
    assert!(out.contains("called from [PHONE]"), "{out}{err}");
    assert!(!out.contains("867"), "{out}");
}
