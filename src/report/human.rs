//! Human output, like rustc and cargo: each problem as a snippet of the transcript with a caret
//! under the words matched, the rule id, the message, and the suggestion as help; then a score
//! line per conversation with its rewards; the summary after them is [`human_summary`]'s.
//!
//! [`human_summary`]: super::human_summary

use super::unapplied::Needs;
use super::{Conversation, Finding, Printer, PrinterOptions, Totals};
use crate::redact::{Redactor, Span, mask_lines, widen};
use crate::rules::{Count, Kind, Rule, RuleSet, Severity, Target};
use crate::suppress::Suppression;
use crate::text::controls::{escape_controls, escape_name};
use annotate_snippets::{Level, Renderer, Snippet};
use std::borrow::Cow;
use std::io::{self, Write};

use super::human_summary::{BOLD, GREEN, RED, paint};

/// The human printer: colour for terminals; `quiet` prints only the problems.
pub(super) struct Human {
    color: bool,
    quiet: bool,
    /// By rule index: what a `require` finding without a match points at (the trigger an
    /// `after` rule left unanswered, the conversation a `when` rule's condition fails in, else
    /// the start of its window).
    requires: Vec<Missing>,
    /// By rule index: whether a hit fails the conversation whatever its score.
    auto_fail: Vec<bool>,
    /// What the rules a conversation could not apply need.
    needs: Needs,
}

impl Human {
    pub(super) fn new(rules: &RuleSet, opts: PrinterOptions) -> Human {
        let requires = |r: &Rule| match &r.target {
            Target::Find { after: Some(_), .. } => Missing::Unanswered,
            Target::When(_) => Missing::Unmet,
            Target::Find { find, .. } => match find.count {
                Some(Count {
                    min,
                    max: Some(max),
                }) => Missing::Outside(min, max),
                Some(count) if count.min > 1 => Missing::TooFew(count.min),
                _ => Missing::FromWindow,
            },
        };
        Human {
            color: opts.color,
            quiet: opts.quiet,
            requires: rules.rules.iter().map(requires).collect(),
            auto_fail: super::auto_fail(rules),
            needs: Needs::new(rules),
        }
    }
}

impl Printer for Human {
    fn conversation(&self, c: &Conversation, source: &str, out: &mut Vec<u8>) {
        conversation(c, source, self, out);
    }

    fn finish(&self, w: &mut dyn Write, totals: &Totals) -> io::Result<()> {
        if self.quiet {
            return Ok(());
        }
        super::human_summary::finish(w, totals, self.color)
    }
}

fn conversation(c: &Conversation, source: &str, human: &Human, out: &mut Vec<u8>) {
    let (color, quiet) = (human.color, human.quiet);
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    // Names and text from input are shown with their control characters escaped.
    let name = format!("{}{}", escape_name(c.path), escape_name(&c.suffix()));
    for w in c.warnings {
        let _ = writeln!(
            out,
            "{}: {name}: {}",
            paint(color, "\x1b[1;33m", "warning"),
            escape_controls(w)
        );
    }
    let problems = c.findings.iter().any(|f| f.is_problem());
    // Suppressed findings are in the report only with `--show-suppressed`.
    let suppressed =
        |f: &&Finding| f.suppressed.is_some() && matches!(f.kind, Kind::Forbid | Kind::Require);
    // With `--redact`, the personal data of every turn: a snippet's lines may show other turns
    // (the messages of a JSON line) as well as the finding's own.
    let mut personal: Option<Cow<[Span]>> = None;
    for f in c
        .findings
        .iter()
        .filter(|f| f.is_problem() || suppressed(f))
    {
        let redacting = c.redactor.map(|r| {
            let turns = &c.transcript.turns;
            let spans = personal.get_or_insert_with(|| match c.file_personal {
                Some(all) => Cow::Borrowed(all),
                None => Cow::Owned(r.conversation_spans(turns, source)),
            });
            (r, &spans[..])
        });
        let missing = match (f.kind, &f.matched) {
            (_, Some(_)) => Missing::No,
            (Kind::Require, None) => human
                .requires
                .get(f.rule_index)
                .copied()
                .unwrap_or(Missing::FromWindow),
            (_, None) => Missing::AtTurn,
        };
        snippet(
            f,
            missing,
            (c.path, c.id),
            source,
            redacting,
            &renderer,
            out,
        );
    }
    let unapplied = human.needs.said(c);
    // Quiet still says which conversations fail, and why: one may fail with no finding shown
    // (a score under `--min-score`), and the exit code alone would not say which.
    if (quiet && c.passed) || (!problems && c.passed && c.tags.is_empty() && unapplied.is_none()) {
        return;
    }
    let verdict = if c.passed {
        paint(color, GREEN, "pass")
    } else {
        let why = super::why_failed(c, &human.auto_fail);
        let sep = if why.is_empty() { "" } else { ": " };
        paint(color, RED, "FAIL") + sep + &why.join("; ")
    };
    let _ = writeln!(
        out,
        "{}: score {} ({verdict})",
        paint(color, BOLD, &name),
        c.score
    );
    if quiet {
        // A blank line before the next conversation's findings, as without `-q`.
        if problems {
            out.push(b'\n');
        }
        return;
    }
    if !c.tags.is_empty() {
        let _ = writeln!(out, "  tags: {}", c.tags.join(", "));
    }
    if let Some(unapplied) = unapplied {
        let _ = writeln!(out, "  {unapplied}");
    }
    // Each reward that earned points; hits past a rule's `max_hits` (and rewards worth nothing,
    // such as customer-side signals) are named once on a line of their own, not listed as `+0`.
    let (scored, unscored): (Vec<&Finding>, Vec<&Finding>) = c
        .findings
        .iter()
        .filter(|f| f.kind == Kind::Reward && f.suppressed.is_none())
        .partition(|f| f.points != 0);
    for f in scored {
        let _ = writeln!(
            out,
            "  {} {}:{} {} “{}”",
            paint(color, GREEN, &format!("{:+}", f.points)),
            f.line,
            f.column,
            f.rule,
            escape_controls(&on_one_line(f.matched.as_deref().unwrap_or("")))
        );
    }
    if !unscored.is_empty() {
        // Each rule once, in the order of its first hit.
        let mut rules: Vec<&str> = Vec::new();
        for f in &unscored {
            if !rules.contains(&f.rule) {
                rules.push(f.rule);
            }
        }
        let n = unscored.len();
        let _ = writeln!(
            out,
            "  {n} more reward {} with no points: {}",
            if n == 1 { "hit" } else { "hits" },
            rules.join(", ")
        );
    }
    out.push(b'\n');
}

/// A problem's points as its annotation says them: `-5 points`, `-1 point`, `not counted` when
/// suppressed; a missing `require` says where it was looked for.
fn points_label(f: &Finding, missing: Missing) -> String {
    let points = match f.points {
        _ if f.suppressed.is_some() => "not counted".to_string(),
        0 => String::new(),
        1 | -1 => format!("{:+} point", f.points),
        n => format!("{n:+} points"),
    };
    let sep = if points.is_empty() { "" } else { ", " };
    match missing {
        Missing::No => points,
        Missing::FromWindow => format!("{points}{sep}not found in the window that starts here"),
        Missing::TooFew(min) => {
            format!("{points}{sep}found fewer than {min} times in the window that starts here")
        }
        Missing::Outside(min, max) => {
            let times = |n: usize| match n {
                1 => "once".to_string(),
                n => format!("{n} times"),
            };
            let found = match (min, max) {
                (0, max) => format!("found more than {}", times(max)),
                (min, max) if min == max => format!("not found exactly {}", times(min)),
                (1, max) => format!("not found, or found more than {}", times(max)),
                (min, max) => format!(
                    "found fewer than {} or more than {}",
                    times(min),
                    times(max)
                ),
            };
            format!("{points}{sep}{found} in the window that starts here")
        }
        Missing::Unanswered => format!("{points}{sep}not answered"),
        Missing::Unmet => format!("{points}{sep}its condition does not hold in this conversation"),
        Missing::AtTurn => format!("{points}{sep}at this turn"),
    }
}

/// How a finding without a match points at the transcript.
#[derive(Clone, Copy)]
enum Missing {
    /// It has a match.
    No,
    /// A missing `require`: the start of the turns it was looked for in.
    FromWindow,
    /// A `require` with `count`, found fewer times than its `min`: the start of its window.
    TooFew(usize),
    /// A `require` with a `count` of a `max` (and a `min`), found more (or fewer) times: the
    /// start of its window.
    Outside(usize, usize),
    /// An unanswered `after` trigger: the trigger.
    Unanswered,
    /// A `require` rule whose `when` condition does not hold: the conversation's first turn.
    Unmet,
    /// A finding of the turns' times or of a condition (a silence): the turn it is about.
    AtTurn,
}

/// The shown text `source[shown]` as the pieces before, in and after the match `start..end`
/// (byte offsets of `source`); with `--redact` (the redactor and the personal data of the
/// conversation's turns), each personal-data span replaced by its token on each line it covers
/// (the lines stay, so that they keep their numbers), the match widened to hold any span it
/// overlaps whole.
fn pieces<'t>(
    source: &'t str,
    shown: std::ops::Range<usize>,
    (start, end): (usize, usize),
    redacting: Option<(&Redactor, &[Span])>,
) -> [Cow<'t, str>; 3] {
    let Some((r, turn)) = redacting else {
        let parts = [shown.start..start, start..end, end..shown.end];
        return parts.map(|range| Cow::Borrowed(&source[range]));
    };
    let spans = r.shown_spans(source, shown.clone(), turn);
    let (lo, hi) = widen(&spans, start, end);
    let (lo, hi) = (lo.max(shown.start), hi.min(shown.end));
    [shown.start..lo, lo..hi, hi..shown.end].map(|range| match range.is_empty() {
        true => Cow::Borrowed(""),
        false => mask_lines(source, &spans, range),
    })
}

/// One problem as an annotated snippet of the lines it spans.
fn snippet(
    f: &Finding,
    missing: Missing,
    (path, id): (&str, Option<&str>),
    source: &str,
    redacting: Option<(&Redactor, &[Span])>,
    renderer: &Renderer,
    out: &mut Vec<u8>,
) {
    // The title says the severity as every other report does (`info`, not `note`); the
    // underline is drawn at a level whose label gets no prefix, so that every label reads
    // `-5 points`.
    let (title_level, level) = match f.severity {
        Severity::Error => (Level::Error, Level::Error),
        Severity::Warning => (Level::Warning, Level::Warning),
        Severity::Info => (Level::Info, Level::Warning),
    };
    let (start, mut end) = f.span;
    if end <= start {
        // A finding with no match (a missing `require`, a silence) points at the start of the
        // turns it is about, and its label says so.
        end = source[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
    }
    // A match over many lines is marked on its first line only; a note quotes it whole.
    let runs_on = f.end_line.saturating_sub(f.line) >= super::excerpt::MOST_LINES_MARKED;
    if runs_on {
        end = super::excerpt::first_line_end(source, start, end);
    }
    let shown = super::excerpt::around(source, start, end);
    let first = shown.first;
    let text = source[first..shown.last].trim_end_matches('\r');
    let end = end.min(first + text.len()).max(start);
    // Masked and escaped piece by piece, so that the underline still falls under the words
    // matched (and under the whole token of personal data the match overlaps).
    let pieces = pieces(source, first..first + text.len(), (start, end), redacting);
    // A tab is shown as one space: annotate-snippets counts a tab as one column where it lays
    // out four, and on a long line that underflows its margin (found by fuzzing).
    let [before, hit, after] = pieces.map(|p| escape_controls(&p).replace('\t', " "));
    // annotate-snippets cuts a long line of ASCII well, and lays out a match over several lines;
    // a line of other text is cut here (see `fit`).
    let ascii = before.is_ascii() && hit.is_ascii() && after.is_ascii();
    let cut_here = !ascii && !hit.contains('\n');
    let ellipsis = |cut: bool| if cut { "…" } else { "" };
    let before = format!("{}{before}", ellipsis(shown.cut_before));
    let after = format!("{after}{}", ellipsis(shown.cut_after));
    let wide;
    let (before, after, renderer) = match cut_here {
        false => (before, after, renderer),
        true => {
            let (before, after) = super::excerpt::fit(&before, &hit, &after);
            wide = renderer.clone().term_width(1 << 20);
            (before, after, &wide)
        }
    };
    let span = before.len()..before.len() + hit.len();
    let text = format!("{before}{hit}{after}");
    let label = points_label(f, missing);
    // `--> PATH:LINE:COLUMN`, which editors and terminals open; a conversation of a file of
    // several is named below the snippet.
    let name = escape_name(path);
    let conversation = id.map(|id| format!("in conversation {}", escape_name(id)));
    let message_text = f.message.text();
    let title = escape_controls(&message_text);
    let snippet = Snippet::source(&text)
        .line_start(f.line)
        .annotation(level.span(span).label(&label));
    let mut message = title_level.title(&title).id(f.rule).snippet(snippet);
    let whole = (f.matched.as_deref()).filter(|_| runs_on).map(|m| {
        // On one line: the lines it runs over are the snippet's to show.
        let joined = on_one_line(m);
        let quoted = escape_controls(&joined);
        format!(
            "the match runs on to line {}, column {}: “{quoted}”",
            f.end_line, f.end_column
        )
    });
    if let Some(whole) = &whole {
        message = message.footer(Level::Note.title(whole));
    }
    if let Some(conversation) = &conversation {
        message = message.footer(Level::Note.title(conversation));
    }
    let help = f.suggestion.map(escape_controls);
    if let Some(help) = &help {
        message = message.footer(Level::Help.title(help));
    }
    if let Some(why) = f.suppressed {
        message = message.footer(Level::Note.title(match why {
            Suppression::InSource => "suppressed by a talklint directive; not counted",
            Suppression::External => "suppressed by per_path_disable in the config; not counted",
            Suppression::Baseline => "in the --baseline report; not counted",
        }));
    }
    // The renderer would count the `-->` line's column in the text as shown (cut, escaped,
    // masked): the finding's own column, counted in the file, is written in its place.
    let rendered = renderer.render(message).to_string();
    let (head, rest) = rendered.split_once('\n').unwrap_or((&rendered, ""));
    let pad = " ".repeat(f.line.to_string().len());
    let _ = writeln!(
        out,
        "{head}\n{pad}--> {name}:{}:{}\n{rest}\n",
        f.line, f.column
    );
}

/// A match that runs over lines, on one: its words joined by a space, as a message quotes it.
fn on_one_line(m: &str) -> std::borrow::Cow<'_, str> {
    match m.contains(['\n', '\r']) {
        true => m.split_whitespace().collect::<Vec<_>>().join(" ").into(),
        false => m.into(),
    }
}
