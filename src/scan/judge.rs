//! One conversation checked with its file's suppressions: the engine's evaluation, the
//! suppressed findings to show, and the warnings the directives earned. Shared by the report
//! and by `--fix`, so that a fix never touches a suppressed match.

use super::Context;
use crate::baseline::KnownFile;
use crate::engine::{Evaluation, Outcome, Scratch};
use crate::redact::Quoter;
use crate::rules::Kind;
use crate::suppress::{Suppression, Suppressions};
use crate::text::lines::LineCursor;
use crate::transcript::{Directives, Transcript};

/// A checked conversation.
pub(super) struct Judged {
    pub evaluation: Evaluation,
    /// Why each of `evaluation.suppressed` was suppressed, when `--show-suppressed` asks.
    pub shown: Vec<Suppression>,
    /// What the directives earned: unknown rules, and (`--warn-unused-ignores`) unused ones.
    pub warnings: Vec<String>,
    /// How many problems the baseline knew, and held back.
    pub baselined: usize,
}

impl Judged {
    /// The suppressed outcomes to report, with why.
    pub(super) fn shown(&self) -> Vec<(&Outcome, Suppression)> {
        self.evaluation
            .suppressed
            .iter()
            .zip(self.shown.iter().copied())
            .collect()
    }
}

/// Checks `t` (parsed from `source`) under the file's `directives`, the rules
/// `per_path_disable` turns off for it, and what `--baseline` knows of the file.
pub(super) fn judge(
    t: &Transcript,
    source: &str,
    directives: &Directives,
    per_path: &Option<Vec<usize>>,
    baseline: Option<&mut KnownFile>,
    ctx: &Context,
    scratch: &mut Scratch,
) -> Judged {
    let mut known = baseline.and_then(|b| b.next(t.id.as_deref()));
    if directives.list.is_empty() && per_path.is_none() && known.is_none() {
        return Judged {
            evaluation: ctx.engine.check(t, source, scratch),
            shown: Vec::new(),
            warnings: Vec::new(),
            baselined: 0,
        };
    }
    let found = &directives.list;
    let mut sup = Suppressions::new(found, t, source, ctx.rules, per_path.clone());
    // The engine asks once for each outcome, in the order it keeps the suppressed ones.
    let mut reasons = Vec::new();
    // Quoted as the report that made the baseline quoted them (masked, with `--redact`), and
    // placed as it placed them.
    let mut quoter = Quoter::new(ctx.opts.redact.as_ref());
    let mut lines = LineCursor::new(source);
    let evaluation = ctx
        .engine
        .check_setting_apart(t, source, scratch, &mut |outcomes| {
            let mut why: Vec<Option<Suppression>> = (outcomes.iter())
                .map(|o| {
                    let (at, last) = outcome_bytes(t, o);
                    sup.check(o.rule, at, last)
                })
                .collect();
            // A baseline knows problems; rewards and tags are never held against a file.
            if let Some(known) = known.as_mut() {
                let problem = |o: &Outcome| {
                    matches!(ctx.rules.rules[o.rule].kind, Kind::Forbid | Kind::Require)
                };
                let open: Vec<usize> = (0..outcomes.len())
                    .filter(|&i| why[i].is_none() && problem(&outcomes[i]))
                    .collect();
                // Quoted whole words, as the report quotes them (`that's not possible` for a
                // phrase that begins at its `is`).
                let quoted: Vec<Option<String>> = (open.iter().map(|&i| &outcomes[i]))
                    .map(|o| {
                        let text = t.turns[o.turn].text(source);
                        (o.written(text))
                            .map(|(s, e)| quoter.quote(o.turn, text, s..e).into_owned())
                    })
                    .collect();
                let found: Vec<_> = (open.iter().zip(&quoted))
                    .map(|(&i, quoted)| {
                        let o = &outcomes[i];
                        let place = lines.position(outcome_bytes(t, o).0);
                        (
                            ctx.rules.rules[o.rule].id.as_str(),
                            quoted.as_deref(),
                            place,
                        )
                    })
                    .collect();
                for (&i, taken) in open.iter().zip(known.take(&found)) {
                    if taken {
                        why[i] = Some(Suppression::Baseline);
                    }
                }
            }
            reasons.extend(why.iter().flatten());
            why.iter().map(Option::is_some).collect()
        });
    let baselined = (reasons.iter())
        .filter(|&&why| why == Suppression::Baseline)
        .count();
    let shown = match ctx.suppress.show {
        true => reasons,
        false => Vec::new(),
    };
    let mut warnings = std::mem::take(&mut sup.warnings);
    if ctx.suppress.warn_unused {
        warnings.extend(sup.unused(found, ctx.rules));
    }
    Judged {
        evaluation,
        shown,
        warnings,
        baselined,
    }
}

/// Where an outcome starts in the source, and its last byte: its match, its trigger, or its
/// turn's start.
fn outcome_bytes(t: &Transcript, o: &Outcome) -> (usize, usize) {
    let turn = &t.turns[o.turn];
    let (start, end) = o.range.or(o.trigger).unwrap_or((0, 0));
    let at = turn.source_offset(start);
    (at, turn.source_end(end).saturating_sub(1).max(at))
}
