//! The human report's closing lines: how many conversations passed or failed, the findings by
//! severity, and what the scan could not judge (conversations with no agent turn, agents
//! guessed), so that "all passed" is never read of a scan in which no agent was heard.

use super::{Skipped, Totals, plural};
use crate::text::controls::escape_name;
use std::io::{self, Write};

/// At most this many skipped files are named, with why, in the summary (a pre-commit hook's
/// run, a few files named): more are counted, and the JSON report lists them.
pub(crate) const SKIPPED_NAMED: usize = 3;

pub(super) const BOLD: &str = "\x1b[1m";
pub(super) const RED: &str = "\x1b[1;31m";
pub(super) const GREEN: &str = "\x1b[1;32m";
const YELLOW: &str = "\x1b[1;33m";
const RESET: &str = "\x1b[0m";

/// `text` in `style` where `color` is on.
pub(super) fn paint(color: bool, style: &str, text: &str) -> String {
    if color {
        format!("{style}{text}{RESET}")
    } else {
        text.to_string()
    }
}

/// Writes the summary of a scan.
pub(super) fn finish(w: &mut dyn Write, totals: &Totals, color: bool) -> io::Result<()> {
    let s = totals.summary;
    // A conversation with no agent turn passes, as no agent rule finds anything: "all passed"
    // would be read of a scan in which no agent was heard.
    let verdict = match (s.failed, s.no_agent_turn) {
        (0, 0) => paint(color, GREEN, "all passed"),
        (0, n) if n == s.conversations => paint(color, YELLOW, "none judged, no agent turn found"),
        (0, n) => paint(
            color,
            YELLOW,
            &format!("none failed, {n} with no agent turn"),
        ),
        (failed, _) => paint(color, RED, &format!("{failed} failed")),
    };
    let files = plural(s.files, "file", "files");
    match s.mean_score {
        None => writeln!(w, "No conversations in {files}.")?,
        Some(mean) => writeln!(
            w,
            "{} in {files}: {verdict}, mean score {mean:.1}.",
            plural(s.conversations, "conversation", "conversations"),
        )?,
    }
    writeln!(
        w,
        "Findings: {}, {}, {}; {}.",
        plural(s.findings.error, "error", "errors"),
        plural(s.findings.warning, "warning", "warnings"),
        plural(s.findings.info, "info", "info"),
        plural(s.findings.reward, "reward", "rewards"),
    )?;
    // Scores rise once a baseline holds problems back: the count says by how much it hid.
    if s.baselined > 0 {
        writeln!(
            w,
            "{} held back by the baseline: not counted in the findings or scores \
             (--show-suppressed shows them, marked).",
            plural(s.baselined, "known problem", "known problems"),
        )?;
    }
    // Only the counts that are not zero; the first skipped files are named, with why.
    let shown = &totals.skipped[..totals.skipped.len().min(SKIPPED_NAMED)];
    let more = s.skipped.saturating_sub(shown.len());
    let skipped = (s.skipped > 0).then(|| {
        let n = plural(s.skipped, "file", "files");
        match (shown.is_empty(), more) {
            (true, _) => format!("{n} skipped"),
            (false, 0) => format!("{n} skipped: {}", why_skipped(shown)),
            (false, more) => format!("{n} skipped: {} and {more} more", why_skipped(shown)),
        }
    });
    let errors = (s.errors > 0).then(|| {
        let n = plural(s.errors, "error", "errors");
        format!(
            "{n} (a file or a line of one that could not be read, or a folder's config with a \
             mistake)"
        )
    });
    let listed = (s.errors == 0 && more == 0 && !shown.is_empty()).then_some(".");
    let parts: Vec<String> = skipped.into_iter().chain(errors).collect();
    if !parts.is_empty() {
        let end = listed.unwrap_or("; see --format json for the list.");
        writeln!(w, "{}{end}", parts.join("; "))?;
    }
    // One line for the scan, not a warning per conversation.
    if s.no_agent_turn > 0 {
        writeln!(
            w,
            "No agent turn in {}, so no agent's words were judged there: where a speaker is \
             the agent, name its label under `roles:` in talklint.yaml (`roles: {{agent: \
             [LABEL]}}`; a conversation's warning proposes the line).",
            plural(s.no_agent_turn, "conversation", "conversations")
        )?;
    }
    if s.agent_guessed > 0 {
        writeln!(
            w,
            "Agent guessed in {}: no label or `roles:` names the agent, so the agent is the \
             speaker beside a named customer, else the one whose words are an agent's (an offer \
             of help, a greeting that names the company), else the first to speak at length; \
             name the speakers under `roles:` in talklint.yaml to be sure.",
            plural(s.agent_guessed, "conversation", "conversations")
        )?;
    }
    Ok(())
}

/// The skipped files, each with why: `png.txt (binary), notes.md (no turns)`.
fn why_skipped(skipped: &[Skipped]) -> String {
    let each = skipped
        .iter()
        .map(|s| format!("{} ({})", escape_name(&s.path), s.reason));
    each.collect::<Vec<_>>().join(", ")
}
