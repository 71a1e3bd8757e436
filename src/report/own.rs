//! Recognising a report talklint wrote, so that a run may write over its last report but never
//! over a transcript that sits where a report is asked for.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// How much of a file's start and end is read to recognise it.
const HEAD: u64 = 4096;
const TAIL: u64 = 512;

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

/// Whether `head`, a file's first bytes, is how one of talklint's reports opens.
fn opens_a_report(head: &[u8]) -> bool {
    let names_talklint = |marker: &str| contains(head, marker.as_bytes());
    let opens = |prefix: &str| head.starts_with(prefix.as_bytes());
    opens("{\"version\":1,\"tool\":{\"name\":\"talklint\"")
        || [
            "{\"path\":",
            "{\"skipped\":",
            "{\"error\":",
            "{\"summary\":",
        ]
        .iter()
        .any(|p| opens(p))
        || opens("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\"")
            && names_talklint("\"name\":\"talklint\"")
        || opens("<?xml") && names_talklint("<testsuites name=\"talklint\"")
        || opens("<!doctype html>") && names_talklint("<title>talklint report")
        || opens("path,id,format,turns,score,passed,")
        || opens("path,id,turn,role,speaker,line,column,rule,")
        || ["::error ", "::warning ", "::notice "]
            .iter()
            .any(|p| opens(p))
        || is_diagnostic(head)
}

/// Whether `head` opens with a human report's diagnostic: `error[rule/id]: …` and the like, on
/// its first line.
fn is_diagnostic(head: &[u8]) -> bool {
    let first_line = strip_color(head)
        .split(|&b| b == b'\n')
        .next()
        .unwrap_or_default();
    ["error[", "warning[", "info["].iter().any(|p| {
        first_line
            .strip_prefix(p.as_bytes())
            .is_some_and(|rest| contains(rest, b"]: "))
    })
}

/// Whether `tail`, a file's last bytes, ends as a human report does: its `Findings:` line, then
/// at most the line counting skipped files.
fn closes_a_human_report(tail: &[u8]) -> bool {
    let lines: Vec<&[u8]> = tail
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .collect();
    lines
        .iter()
        .rev()
        .take(2)
        .any(|line| strip_color(line).starts_with(b"Findings: "))
}

/// `bytes` without its leading ANSI colour sequences (`--color always` into a file).
fn strip_color(mut bytes: &[u8]) -> &[u8] {
    while let Some(rest) = bytes.strip_prefix(b"\x1b[") {
        match rest.iter().position(|&b| b == b'm') {
            Some(m) => bytes = &rest[m + 1..],
            None => break,
        }
    }
    bytes
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
            "{\"path\":\"a.txt\",\"id\":null}\n",
            "{\"summary\":{\"files\":0}}\n",
            "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"talklint\"}}}]}",
            "<?xml version=\"1.0\"?>\n<testsuites name=\"talklint\">",
            "<!doctype html>\n<html><head><title>talklint report</title>",
            "path,id,format,turns,score,passed,errors\n",
            "path,id,turn,role,speaker,line,column,rule,kind\n",
            "::warning file=a.txt,line=1::x\n",
            "warning[closing/thanks]: The agent did not thank\n --> a.txt:3:8\n",
            "\x1b[1m\x1b[33merror[x/y]: z\n",
        ] {
            assert!(opens_a_report(report.as_bytes()), "{report}");
        }
        for transcript in [
            "Agent: hello\nCustomer: hi\n",
            "{\"messages\":[{\"role\":\"agent\",\"text\":\"hi\"}]}",
            "{\"role\":\"agent\",\"text\":\"hi\"}\n",
            "speaker,text\nAgent,hi\n",
            "WEBVTT\n\n00:00.000 --> 00:01.000\n<v Agent>hi\n",
            "<?xml version=\"1.0\"?>\n<transcript>",
            "warning[x\ny]: not one line\n",
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
        assert!(!closes_a_human_report(
            b"Agent: Findings: none\nCustomer: ok\n"
        ));
    }
}
