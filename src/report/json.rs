//! JSON and JSONL output (SPEC §6). The JSON document is streamed: conversations are written as
//! they are scanned, and the skipped files, errors and summary close the object, so memory does
//! not grow with the number of conversations.

use super::{Conversation, FileError, Skipped, Summary};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

const TOOL: Tool = Tool {
    name: "talklint",
    version: env!("CARGO_PKG_VERSION"),
};

fn to_io(e: serde_json::Error) -> io::Error {
    io::Error::other(e)
}

pub fn conversation(c: &Conversation, out: &mut Vec<u8>) {
    // Serializing plain data into a Vec cannot fail.
    serde_json::to_writer(&mut *out, c).expect("report types serialize");
    out.push(b'\n');
}

pub fn start(w: &mut dyn Write) -> io::Result<()> {
    w.write_all(b"{\"version\":1,\"tool\":")?;
    serde_json::to_writer(&mut *w, &TOOL).map_err(to_io)?;
    w.write_all(b",\"conversations\":[\n")
}

pub fn finish(
    w: &mut dyn Write,
    summary: &Summary,
    skipped: &[Skipped],
    errors: &[FileError],
) -> io::Result<()> {
    w.write_all(b"],\"skipped\":")?;
    serde_json::to_writer(&mut *w, skipped).map_err(to_io)?;
    w.write_all(b",\"errors\":")?;
    serde_json::to_writer(&mut *w, errors).map_err(to_io)?;
    w.write_all(b",\"summary\":")?;
    serde_json::to_writer(&mut *w, summary).map_err(to_io)?;
    w.write_all(b"}\n")
}

/// A skipped file or an error, as its own JSONL line: `{"skipped": …}` or `{"error": …}`.
pub fn event(
    w: &mut dyn Write,
    skipped: Option<&Skipped>,
    error: Option<&FileError>,
) -> io::Result<()> {
    #[derive(Serialize)]
    struct Event<'a> {
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<&'a Skipped>,
        #[serde(skip_serializing_if = "Option::is_none")]
        error: Option<&'a FileError>,
    }
    serde_json::to_writer(&mut *w, &Event { skipped, error }).map_err(to_io)?;
    w.write_all(b"\n")
}

pub fn finish_lines(w: &mut dyn Write, summary: &Summary) -> io::Result<()> {
    #[derive(Serialize)]
    struct Last<'a> {
        summary: &'a Summary,
    }
    serde_json::to_writer(&mut *w, &Last { summary }).map_err(to_io)?;
    w.write_all(b"\n")
}
