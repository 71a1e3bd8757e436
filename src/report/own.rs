//! Recognising a report talklint wrote, so that a run may write over its last report but never
//! over a transcript that sits where a report is asked for.

use super::csv_dialect::{BOM, CsvDelimiter};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// How much of a file's start and end is read to recognise it.
const HEAD: u64 = 4096;
/// A human report's summary may name three skipped files, each with its path and why.
const TAIL: u64 = 16 * 1024;

/// Whether the file at `path` is a report talklint wrote, in any output format, or empty. Told by
/// how each format opens (and, for JUnit, SARIF and HTML, by the tool's name near the start); a
/// human report by its first diagnostic or by its closing `Findings:` line.
pub(crate) fn is_own_report(path: &Path) -> bool {
    let Ok(mut file) = File::open(path) else {
        return false;
    };
    let mut head = Vec::new();
    if (&mut file).take(HEAD).read_to_end(&mut head).is_err() {
        return false;
    }
    if head.is_empty() || opens_a_report(&head) {
        return true;
    }
    let mut tail = Vec::new();
    let from_end = file.seek(SeekFrom::End(-(TAIL as i64))).is_ok();
    let end = if from_end {
        file.read_to_end(&mut tail).map(|_| tail.as_slice())
    } else {
        Ok(head.as_slice())
    };
    end.is_ok_and(closes_a_human_report)
}

/// Whether `text`, a file read whole or its start, opens as one of talklint's reports does:
/// a walk skips such a file rather than read an earlier run's report as a transcript.
pub(crate) fn opens_as_report(text: &[u8]) -> bool {
    opens_a_report(text.get(..HEAD as usize).unwrap_or(text))
}

/// Whether `text`, a file read whole as text (`.txt`, `.md`), is a human or GitHub report:
/// opens as one does, or ends as a human report does (its first conversation passed, so no
/// diagnostic opens it). `-o lint.txt` in a folder being checked was read by the next run as a
/// transcript, its quoted phrases found again.
pub(crate) fn is_text_report(text: &[u8]) -> bool {
    let tail = &text[text.len().saturating_sub(TAIL as usize)..];
    opens_as_report(text) || ends_as_summary(tail) && closes_a_human_report(tail)
}

/// Whether the last line of `text` may end a human report's summary: asked of every text file a
/// walk finds, so it reads that one line before the summary is looked for.
fn ends_as_summary(text: &[u8]) -> bool {
    let text = text.trim_ascii_end();
    let last = &text[memchr::memrchr(b'\n', text).map_or(0, |n| n + 1)..];
    last.contains(&0x1b)
        || last.ends_with(b"reward.")
        || last.ends_with(b"rewards.")
        || is_summary_line(last)
}

/// Whether `head`, a file's first bytes, is how one of talklint's reports opens: each format's
/// first keys or tags exactly as it writes them, so that a transcript is never taken for one;
/// CSV in any delimiter `--csv-delimiter` names, after a byte order mark (`--csv-bom`) or not.
fn opens_a_report(head: &[u8]) -> bool {
    let head = head.strip_prefix(BOM).unwrap_or(head);
    let names_talklint = |marker: &str| contains(head, marker.as_bytes());
    let opens = |prefix: &str| head.starts_with(prefix.as_bytes());
    // Asked of every JSON, JSONL and CSV file a walk finds: the first byte picks the formats
    // that can open so, and a transcript is turned away in a few comparisons.
    match head.first() {
        Some(b'{') => {
            let first_line = || {
                let end = memchr::memchr(b'\n', head).unwrap_or(head.len());
                &head[..end]
            };
            let jsonl_conversation = opens("{\"path\":")
                && [
                    ",\"format\":",
                    ",\"turns\":",
                    ",\"unknown_turns\":",
                    ",\"score\":",
                ]
                .iter()
                .all(|key| contains(first_line(), key.as_bytes()));
            opens("{\"version\":1,\"tool\":{\"name\":\"talklint\"")
                || jsonl_conversation
                || [
                    "{\"skipped\":{\"path\":",
                    "{\"error\":{\"path\":",
                    "{\"summary\":{\"files\":",
                ]
                .iter()
                .any(|p| opens(p))
                || opens("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\"")
                    && names_talklint("\"name\":\"talklint\"")
        }
        Some(b'<') => {
            opens("<?xml") && names_talklint("<testsuites name=\"talklint\"")
                || opens("<!doctype html>") && names_talklint("<title>talklint report")
        }
        Some(b'p') => {
            // The byte after `path` is the delimiter the header is written with.
            let Some(&delimiter) = head.get(4) else {
                return false;
            };
            let opens_csv = |header: &str| {
                let with = |b: u8| if b == b',' { delimiter } else { b };
                let start = head.get(..header.len());
                start.is_some_and(|start| header.bytes().map(with).eq(start.iter().copied()))
            };
            CsvDelimiter::ALL.iter().any(|d| d.byte() == delimiter)
                && (opens_csv("path,id,format,turns,score,passed,")
                    || opens_csv("path,id,turn,role,speaker,line,column,rule,"))
        }
        // An annotation titled as talklint titles its own (a rule's id, or `talklint …`), not
        // another tool's line pasted into a chat.
        Some(b':') => {
            let first = head.split(|&b| b == b'\n').next().unwrap_or(head);
            ["::error file=", "::warning file=", "::notice file="]
                .iter()
                .any(|p| opens(p))
                && titled_by_talklint(first)
        }
        _ => is_diagnostic(head),
    }
}

/// Whether `head` opens with a human report's diagnostic: `error[rule/id]: …` on its first line,
/// and the ` --> file:line:column` line under it.
fn is_diagnostic(head: &[u8]) -> bool {
    // A report opens with a severity, or with the colour code before it: anything else is
    // turned away before the colour codes are taken out of a copy.
    let severities: [&[u8]; 3] = [b"error[", b"warning[", b"info["];
    if !head.starts_with(b"\x1b") && !severities.iter().any(|s| head.starts_with(s)) {
        return false;
    }
    let plain = without_color(head);
    let mut lines = plain.split(|&b| b == b'\n');
    let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
        return false;
    };
    // A rule's id is `category/name`: rustc's `error[E0308]` pasted into a chat is no report.
    let titled = ["error[", "warning[", "info["].iter().any(|p| {
        let id = first.strip_prefix(p.as_bytes()).and_then(|rest| {
            let end = memchr::memmem::find(rest, b"]: ")?;
            Some(&rest[..end])
        });
        id.is_some_and(is_rule_id)
    });
    titled && second.trim_ascii_start().starts_with(b"--> ")
}

/// Whether `tail`, a file's last bytes, ends as a human report does: the line counting the
/// conversations, the `Findings:` line, and after it only the summary's own lines (the files
/// skipped or unread, the conversations with no agent turn, the agents guessed).
fn closes_a_human_report(tail: &[u8]) -> bool {
    let plain = without_color(tail);
    let lines: Vec<&[u8]> = plain
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    let after = lines
        .iter()
        .rev()
        .take_while(|l| is_summary_line(l))
        .count();
    let findings = lines.len().checked_sub(after + 1);
    findings
        .is_some_and(|i| i > 0 && is_findings_line(lines[i]) && is_conversations_line(lines[i - 1]))
}

/// A line of the human summary after its `Findings:` line.
fn is_summary_line(line: &[u8]) -> bool {
    let counted = line.first().is_some_and(u8::is_ascii_digit)
        && (contains(line, b" skipped")
            || contains(line, b" error")
            || contains(line, b" held back by the baseline"));
    counted || line.starts_with(b"No agent turn in ") || line.starts_with(b"Agent guessed in ")
}

/// Whether `id` is written as the rule loader requires a rule's id to be (`category/name`).
fn is_rule_id(id: &[u8]) -> bool {
    std::str::from_utf8(id).is_ok_and(crate::rules::valid_id)
}

/// Whether a GitHub annotation's first line is titled as talklint titles its own: with a rule's
/// id, or `talklint` (a skipped file, a score).
fn titled_by_talklint(line: &[u8]) -> bool {
    let Some(at) = memchr::memmem::find(line, b",title=") else {
        return false;
    };
    let title = &line[at + 7..];
    let title = &title[..memchr::memmem::find(title, b"::").unwrap_or(title.len())];
    title.starts_with(b"talklint") || is_rule_id(title)
}

/// `Findings: 2 errors, 5 warnings, 0 info; 7 rewards.`
fn is_findings_line(line: &[u8]) -> bool {
    let Some(rest) = line.strip_prefix(b"Findings: ") else {
        return false;
    };
    let parts: Vec<&[u8]> = rest
        .split(|&b| b == b',' || b == b';')
        .map(<[u8]>::trim_ascii)
        .collect();
    let counted = |part: &[u8], one: &str, many: &str| {
        let mut words = part.split(|&b| b == b' ');
        let number = words
            .next()
            .is_some_and(|w| !w.is_empty() && w.iter().all(u8::is_ascii_digit));
        let noun = words.next();
        number
            && (noun == Some(one.as_bytes()) || noun == Some(many.as_bytes()))
            && words.next().is_none()
    };
    matches!(parts[..], [errors, warnings, info, rewards]
        if counted(errors, "error", "errors")
            && counted(warnings, "warning", "warnings")
            && counted(info, "info", "info")
            && rewards.strip_suffix(b".").is_some_and(|r| counted(r, "reward", "rewards")))
}

/// `3 conversations in 2 files: 1 failed, mean score 69.5.` or `No conversations in 2 files.`
fn is_conversations_line(line: &[u8]) -> bool {
    let counts_files = |s: &[u8]| contains(s, b" in ") && contains(s, b" file");
    line.starts_with(b"No conversations in ") && counts_files(line)
        || line.first().is_some_and(u8::is_ascii_digit)
            && contains(line, b" conversation")
            && counts_files(line)
            && contains(line, b", mean score ")
}

/// `bytes` without ANSI colour sequences (`--color always` into a file).
fn without_color(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some(at) = memchr::memchr(0x1b, rest) {
        out.extend_from_slice(&rest[..at]);
        let after = &rest[at + 1..];
        rest = match after.strip_prefix(b"[") {
            Some(seq) => match seq.iter().position(|&b| b == b'm') {
                Some(m) => &seq[m + 1..],
                None => seq,
            },
            None => after,
        };
    }
    out.extend_from_slice(rest);
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    memchr::memmem::find(haystack, needle).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_are_told_from_transcripts_by_how_they_open() {
        for report in [
            "{\"version\":1,\"tool\":{\"name\":\"talklint\",\"version\":\"0.1.0\"}}",
            "{\"path\":\"a.txt\",\"id\":null,\"format\":\"text\",\"turns\":5,\"unknown_turns\":0,\"score\":92}\n",
            "{\"summary\":{\"files\":0}}\n",
            "{\"skipped\":{\"path\":\"b.txt\",\"reason\":\"binary\"}}\n",
            "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"talklint\"}}}]}",
            "<?xml version=\"1.0\"?>\n<testsuites name=\"talklint\">",
            "<!doctype html>\n<html><head><title>talklint report</title>",
            "path,id,format,turns,score,passed,errors\n",
            "path,id,turn,role,speaker,line,column,rule,kind\n",
            "\u{feff}path;id;format;turns;score;passed;errors\n",
            "path\tid\tturn\trole\tspeaker\tline\tcolumn\trule\tkind\n",
            "::warning file=a.txt,line=1,title=respect/calm-down::x\n",
            "::notice file=a.txt,title=talklint skipped::binary\n",
            "warning[closing/thanks]: The agent did not thank\n --> a.txt:3:8\n",
            "\x1b[1m\x1b[33merror[x/y]\x1b[0m: z\n\x1b[34m  --> \x1b[0ma.txt:1:1\n",
        ] {
            assert!(opens_a_report(report.as_bytes()), "{report}");
        }
        for transcript in [
            "Agent: hello\nCustomer: hi\n",
            "{\"messages\":[{\"role\":\"agent\",\"text\":\"hi\"}]}",
            "{\"role\":\"agent\",\"text\":\"hi\"}\n",
            "{\"summary\":\"a refund\",\"messages\":[{\"role\":\"agent\",\"text\":\"hi\"}]}",
            "{\"path\":\"calls/1.wav\",\"speaker\":\"Agent\",\"text\":\"hi\"}\n",
            "{\"error\":\"none\",\"messages\":[]}",
            "speaker,text\nAgent,hi\n",
            "path;id;format;turns,score,passed,errors\n",
            "path|id|format|turns|score|passed|errors\n",
            "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Agent>hi\n",
            "<?xml version=\"1.0\"?>\n<transcript>",
            "warning[x]: not followed by a location\nAgent: hi\n",
            ":: Agent: hi\n",
            "::error file=src/app.ts,line=3::Type error\nAgent: calm down\n",
            "error[E0308]: mismatched types\n --> src/main.rs:4:5\nAgent: hi\n",
        ] {
            assert!(!opens_a_report(transcript.as_bytes()), "{transcript}");
        }
    }

    #[test]
    fn a_human_report_is_told_by_its_summary_at_the_end() {
        let report = "1 conversation in 1 file: all passed, mean score 92.0.\nFindings: 0 errors, 1 warning, 0 info; 5 rewards.\n";
        assert!(closes_a_human_report(report.as_bytes()));
        let skipped = format!("{report}2 files skipped, 0 files could not be read.\n");
        assert!(closes_a_human_report(skipped.as_bytes()));
        // Errors alone, as reports now say it and as they said it before.
        for errors in [
            "1 error (a file or a line of one that could not be read, or a folder's config with \
             a mistake)",
            "2 read errors",
        ] {
            let closed = format!("{report}{errors}; see --format json for the list.\n");
            assert!(closes_a_human_report(closed.as_bytes()), "{closed}");
        }
        let none =
            "No conversations in 3 files.\nFindings: 0 errors, 0 warnings, 0 info; 0 rewards.\n";
        assert!(closes_a_human_report(none.as_bytes()));
        let colored = "2 conversations in 2 files: \x1b[31m1 failed\x1b[0m, mean score 69.5.\nFindings: 2 errors, 5 warnings, 0 info; 7 rewards.\n";
        assert!(closes_a_human_report(colored.as_bytes()));
        // The summary's own lines after `Findings:`: named skipped files, however long, and
        // the conversations with no agent turn or a guessed agent.
        let long = format!(
            "{report}3 files skipped: {} (no turns), b.md (binary), c.md (binary).\n\
             No agent turn in 1 conversation, so no agent's words were judged there.\n\
             Agent guessed in 1 conversation: no label or `roles:` names the agent.\n",
            "a/".repeat(2000)
        );
        assert!(closes_a_human_report(long.as_bytes()));
        let held = format!(
            "{report}2 known problems held back by the baseline: not counted in the findings or \
             scores (--show-suppressed shows them, marked).\n"
        );
        assert!(is_text_report(held.as_bytes()), "{held}");
        for transcript in [
            "Agent: Findings: none\nCustomer: ok\n",
            "1 conversation in 1 file: all passed, mean score 92.0.\nFindings: 0 errors, 1 warning, 0 info; 5 rewards.\nAgent: and then?\n",
            "Agent: hi\n\nQA notes\nFindings: agent was polite, issue resolved.\n",
            "Agent: hi\nFindings: 0 errors, 1 warning, 0 info; 5 rewards.\n",
        ] {
            assert!(
                !closes_a_human_report(transcript.as_bytes()),
                "{transcript}"
            );
        }
    }
}
