//! A JSONL file or stream with a line that cannot be read: the line is an error entry, and
//! every other conversation is still checked (nothing is lost for one bad line).

use crate::merge::merge;
use crate::support::{run, talklint, write};

/// Two broken records, around two good ones that each break a rule.
const RECORDS: &str = "{\"id\":\"a\",\"messages\":[{\"role\":\"agent\",\"text\":\"calm down\"}\n\
                       {\"id\":\"b\",\"messages\":[{\"role\":\"agent\",\"text\":\"Please calm down.\"}]}\n\
                       not json\n\
                       {\"id\":\"c\",\"messages\":[{\"role\":\"agent\",\"text\":\"That's not my department.\"}]}\n";

/// `talklint check --no-config --format jsonl ARGS`, with standard input: code, out, err.
fn jsonl(args: &[&str], stdin: &str) -> (i32, String, String) {
    run(talklint()
        .args(["check", "--no-config", "--format", "jsonl"])
        .args(args)
        .write_stdin(stdin))
}

/// Each line of a JSONL report: a conversation's id, or the error's message.
fn entries(report: &str) -> Vec<String> {
    report
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|v| v.get("summary").is_none())
        .map(|v| match v["error"]["message"].as_str() {
            Some(message) => format!("error: {message}"),
            None => v["id"].as_str().unwrap_or("(none)").to_string(),
        })
        .collect()
}

#[test]
fn a_broken_line_of_a_jsonl_file_loses_no_other_conversation() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "calls.jsonl", RECORDS);
    let (code, out, err) = jsonl(&[file.to_str().unwrap()], "");
    // The broken first line once made the file JSON, whose error lost all four lines.
    assert_eq!(code, 2, "{err}");
    assert_eq!(
        entries(&out),
        [
            "error: line 1, column 57: the JSON ends inside a list: a `]` is missing (read as \
             jsonl); 1 more line could not be read: line 3, column 1: expected a JSON object: \
             one message or one whole conversation per line; the other lines were read",
            "b",
            "c",
        ],
        "{out}"
    );
    assert!(out.contains("\"errors\":1,"), "{out}");
    // The error comes first among the file's entries, as `merge` sorts them: merging the
    // report gives it back byte for byte.
    let report = write(dir.path(), "report.jsonl", &out);
    let (merged_code, merged, _) = merge(&["--format", "jsonl"], &[report]);
    assert_eq!((merged_code, merged), (code, out));
}

#[test]
fn a_broken_message_line_is_left_out_of_its_conversation() {
    let dir = tempfile::tempdir().unwrap();
    let text = "{\"role\":\"agent\",\"text\":\"calm down\"}\n{\"role\":\"agent\",\"text\":\n\
                {\"role\":\"agent\",\"text\":\"not my department\"}\n";
    let file = write(dir.path(), "chat.jsonl", text);
    let (code, out, _) = jsonl(&[file.to_str().unwrap()], "");
    assert_eq!(code, 2);
    let v: serde_json::Value = serde_json::from_str(out.lines().nth(1).unwrap()).unwrap();
    let lines: Vec<_> = (v["findings"].as_array().unwrap().iter())
        .map(|f| f["line"].as_u64())
        .collect();
    assert_eq!(lines, [Some(1), Some(3)], "{out}");
    // The conversation says it lost a line: its score and later turns' numbers are without it.
    let warning = v["warnings"][0].as_str().unwrap_or_default();
    assert!(
        warning.starts_with("line 2, column 1: this line could not be read and is left out"),
        "{out}"
    );
    // eval scores no file read in part: its labels would meet other turns.
    write(
        dir.path(),
        "labels.csv",
        "path,turn,respect
chat.jsonl,2,1
",
    );
    let (code, _, err) = run(talklint().current_dir(dir.path()).args([
        "eval",
        "--no-config",
        "--labels",
        "labels.csv",
        "chat.jsonl",
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("`chat.jsonl` names no checked file"), "{err}");
}

#[test]
fn a_broken_first_record_on_standard_input_starts_a_stream() {
    // Read whole, standard input was one JSON error, and records b and c were lost.
    let (code, out, err) = jsonl(&["-"], RECORDS);
    assert_eq!(code, 2, "{err}");
    let read = entries(&out);
    assert_eq!(read.len(), 4, "{out}");
    assert!(read[0].starts_with("error: line 1, column 57: "), "{out}");
    assert_eq!(read[1], "b");
    assert!(read[2].starts_with("error: line 3, column 1: "), "{out}");
    assert_eq!(read[3], "c");
    // A stray first line, or one over the size limit, before records: read whole, standard
    // input was one text transcript of JSON lines, or skipped as too large (exit 0).
    let records = RECORDS.lines().skip(1).collect::<Vec<_>>().join("\n");
    for first in [
        "garbage",
        &format!("{{\"id\":\"z\",\"text\":\"{}\"}}", "x".repeat(2000)),
    ] {
        let (code, out, err) = jsonl(
            &["--max-filesize", "1K", "-"],
            &format!("{first}\n{records}\n"),
        );
        // Line 3 of the records is not JSON: exit 2 either way.
        assert_eq!(code, 2, "{err}");
        let read = entries(&out);
        let third = "error: line 3, column 1: expected a JSON object: one message or one whole \
                     conversation per line (read as jsonl)";
        assert_eq!(read[read.len() - 3..], ["b", third, "c"], "{out}");
    }
    // A JSON document over many lines is no stream, whatever its lines: the document is read
    // (an array of two messages with ids was once read as a stream of three errors).
    for document in [
        "[\n{\"conversation_id\": \"a\", \"text\": \"hi\"},\n\
         {\"conversation_id\": \"a\", \"role\": \"agent\", \"text\": \"calm down\"}\n]\n",
        "{\"messages\": [\n{\"conversation_id\": \"a\", \"text\": \"hi\"},\n\
         {\"conversation_id\": \"a\", \"role\": \"agent\", \"text\": \"calm down\"}\n]}\n",
        "{\"messages\": [\n{\"role\": \"agent\", \"text\": \"calm down\"}\n]}\n",
        "{\"meta\": 1, \"messages\": [{\"conversation_id\": \"a\", \"text\": \"hi\"},\n\
         {\"conversation_id\": \"a\", \"role\": \"agent\", \"text\": \"calm down\"}\n]}\n",
    ] {
        let (code, out, _) = jsonl(&["-"], document);
        assert_eq!((code, entries(&out).len()), (1, 1), "{out}");
        // Over the size limit, it is one skip, not a line's error each.
        let limit = (document.len() - 1).to_string();
        let (code, out, _) = jsonl(&["--max-filesize", &limit, "-"], document);
        assert_eq!(code, 0, "{out}");
        assert!(out.contains("\"skipped\":1,\"errors\":0"), "{out}");
    }
}

#[test]
fn the_human_summary_counts_read_errors_not_files() {
    // A stream of bad lines said "0 files skipped, 2 files could not be read".
    let (code, out, _) = run(talklint()
        .args(["check", "--no-config", "-"])
        .write_stdin(RECORDS));
    assert_eq!(code, 2);
    let last = out.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        "2 errors (a file or a line of one that could not be read, or a folder's config with a \
         mistake); see --format json for the list."
    );
}

#[test]
fn a_broken_message_line_on_standard_input_reads_as_in_a_file() {
    // On standard input the line was an error of its own, and its conversation did not say
    // that it had lost it.
    let lines = "{\"conversation_id\":\"a\",\"role\":\"agent\",\"text\":\"calm down\"}\n\
                 {\"conversation_id\":\"a\",\"role\":\"agent\",\"text\":\n\
                 {\"conversation_id\":\"a\",\"role\":\"agent\",\"text\":\"not my department\"}\n\
                 {\"conversation_id\":\"b\",\"role\":\"agent\",\"text\":\"hi\"}\n";
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "chat.jsonl", lines);
    let name = file.to_str().unwrap();
    let from_file = jsonl(&[name], "");
    let from_stdin = jsonl(&["--stdin-filename", name, "-"], lines);
    assert_eq!(from_stdin.0, from_file.0);
    // But that the stream's error says which of its lines it is, as `merge` reads it.
    let as_file = from_stdin.1.replacen("\"line\":2,", "", 1);
    assert_eq!(as_file, from_file.1);
    assert_ne!(as_file, from_stdin.1);
    assert!(
        from_file
            .1
            .contains("line 2, column 1: this line could not be read and is left out"),
        "{}",
        from_file.1
    );
}

#[test]
fn a_broken_line_that_names_the_next_conversation_is_its_loss_not_the_open_ones() {
    // Line 3 opens `b` and line 7 names `c`, which never begins: both were put on the
    // conversation open before them, `a` and `b`, which said they had lost a line.
    let message = |id: &str, text: &str| {
        format!("{{\"conversation_id\":\"{id}\",\"role\":\"agent\",\"text\":\"{text}\"}}\n")
    };
    let broken = |id: &str| format!("{{\"conversation_id\": \"{id}\", \"text\": \"cut\n");
    let lines = [
        message("a", "hello"),
        message("a", "hi"),
        broken("b"),
        "\n".to_string(),
        message("b", "calm down"),
        message("b", "hi"),
        broken("c"),
        message("b", "bye"),
        message("d", "hi"),
    ]
    .concat();
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "chat.jsonl", &lines);
    let warnings = |report: &str| -> Vec<String> {
        let all = report.lines().map(|l| serde_json::from_str(l).unwrap());
        let conversations = all.filter(|v: &serde_json::Value| v["id"].is_string());
        conversations
            .map(|c| format!("{}: {}", c["id"], c["warnings"]))
            .collect()
    };
    let (code, from_file, err) = jsonl(&[file.to_str().unwrap()], "");
    assert_eq!(code, 2, "{err}");
    let lost = "line 3, column 1: this line could not be read and is left out of this conversation";
    let said = warnings(&from_file);
    assert_eq!(said.len(), 3, "{said:?}");
    assert_eq!(said[0], "\"a\": null", "{said:?}");
    assert!(
        said[1].starts_with(&format!("\"b\": [\"{lost}")),
        "{said:?}"
    );
    assert!(!said[1].contains("line 7"), "{said:?}");
    assert_eq!(said[2], "\"d\": null", "{said:?}");
    let (code, from_stdin, err) = jsonl(&["-"], &lines);
    assert_eq!((code, warnings(&from_stdin)), (2, said), "{err}");
    // Each line is an error all the same: line 3 written with `b`, line 7, no one's, when
    // the next line shows it (before `b`, still open, ends).
    let lines_of = |entries: Vec<String>| -> Vec<String> {
        let line = |e: &str| e.split(',').next().unwrap_or_default().to_string();
        (entries.iter())
            .map(|e| e.strip_prefix("error: ").map_or(e.clone(), line))
            .collect()
    };
    assert_eq!(
        lines_of(entries(&from_stdin)),
        ["a", "line 7", "line 3", "b", "d"]
    );
}
