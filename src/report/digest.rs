//! A conversation as `talklint eval` needs it, one JSON line each: its path and id, how many
//! turns it has, which rule fired on which turn, and (for `--show`) the turns' texts. Rendered on
//! the worker threads like any report, read back by the eval command.

use super::escape::{int, json_string};
use super::{Conversation, Printer};

/// The eval digest printer; `texts` keeps each turn's text.
pub(crate) struct Digest {
    pub texts: bool,
}

impl Printer for Digest {
    fn conversation(&self, c: &Conversation, source: &str, out: &mut Vec<u8>) {
        out.extend_from_slice(b"{\"path\":");
        json_string(out, c.path);
        out.extend_from_slice(b",\"id\":");
        match c.id {
            Some(id) => json_string(out, id),
            None => out.extend_from_slice(b"null"),
        }
        out.extend_from_slice(b",\"turns\":");
        int(out, c.turns);
        out.extend_from_slice(b",\"fired\":[");
        for (i, f) in c.findings.iter().enumerate() {
            out.extend_from_slice(if i > 0 { b",[" } else { b"[" });
            int(out, f.turn);
            out.push(b',');
            int(out, f.rule_index);
            out.push(b']');
        }
        out.extend_from_slice(b"],\"texts\":[");
        if self.texts {
            for (i, turn) in c.transcript.turns.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                let text = turn.text(source);
                match c.redactor {
                    Some(r) => json_string(out, &r.mask(text)),
                    None => json_string(out, text),
                }
            }
        }
        out.extend_from_slice(b"]}\n");
    }
}
