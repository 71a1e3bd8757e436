//! What a rule scores, by kind: its default points, and the scoring keys (`points`,
//! `auto_fail`, `severity`, `min_turns`, `max_hits`) each kind takes.

use super::search::Checker;
use crate::rules::error::RuleError;
use crate::rules::schema::{Kind, RuleSpec, Severity, Speaker};

/// The points of a rule that does not set them: by kind, and for `forbid` by severity. A
/// customer-side rule, one that no agent's words can hit and that listens to the customer
/// (`speaker: customer`, `[customer, bot]`, or a `when` whose every condition, under `not` too,
/// is on other speakers' words), marks the conversation and scores nothing (SPEC §5); a bot's
/// alone, its prompts the company's words, scores.
pub(crate) fn default_points(kind: Kind, severity: Severity, roles: u8) -> i32 {
    if roles & Speaker::Agent.roles() == 0 && roles != Speaker::Bot.roles() {
        return 0;
    }
    match (kind, severity) {
        (Kind::Reward, _) => 5,
        (Kind::Require, _) => -10,
        (Kind::Tag, _) => 0,
        (Kind::Forbid, Severity::Error) => -10,
        (Kind::Forbid, Severity::Warning) => -5,
        (Kind::Forbid, Severity::Info) => -1,
    }
}

/// Points, `auto_fail`, `severity`, `min_turns` and `max_hits` by kind.
pub(super) fn check(c: &Checker, spec: &RuleSpec) -> Result<(), RuleError> {
    let kind = spec.kind.name();
    let points_ok = match (spec.kind, spec.points) {
        (_, None) => true,
        (Kind::Reward, Some(p)) => p >= 0,
        (Kind::Forbid | Kind::Require, Some(p)) => p <= 0,
        (Kind::Tag, Some(_)) => false,
    };
    if !points_ok {
        let allowed = match spec.kind {
            Kind::Reward => "0 or more",
            Kind::Tag => "none: a tag only labels the conversation",
            _ => "0 or less",
        };
        // A tag's `points` is the fault; a reward's or a forbid's, its value.
        let place = match spec.kind {
            Kind::Tag => Checker::fail_in,
            _ => Checker::fail_value,
        };
        return Err(place(
            c,
            &["points"],
            format!("`points` of a {kind} rule: {allowed}"),
            "rewards add points, forbid and require rules take them away, tags carry none",
        ));
    }
    if spec.auto_fail && spec.kind == Kind::Tag {
        return Err(c.fail(
            "auto_fail",
            "`auto_fail` on a tag rule: a tag never fails a conversation, it only labels it".into(),
            "use `kind: forbid` to fail a conversation on these words, or remove `auto_fail`",
        ));
    }
    if spec.auto_fail && spec.kind == Kind::Reward {
        return Err(c.fail(
            "auto_fail",
            format!("`auto_fail` on a {kind} rule would fail a conversation for good language"),
            "use `auto_fail` on forbid and require rules only",
        ));
    }
    if spec.min_turns.is_some() && spec.kind != Kind::Require {
        return Err(c.fail(
            "min_turns",
            "`min_turns` only applies to `kind: require` rules".into(),
            "remove it, or make the rule a require rule",
        ));
    }
    let uncapped = match (spec.kind, &spec.when, &spec.count) {
        (Kind::Require, ..) => Some("require rule: it reports each missing answer, uncapped"),
        (Kind::Tag, ..) => Some("tag rule: a tag carries no points to cap"),
        (_, Some(_), _) => Some("`when` rule: it reports once, when its condition holds"),
        (_, _, Some(_)) => Some("`count` rule: it reports once, when the count is in range"),
        _ => None,
    };
    if let (Some(_), Some(what)) = (spec.max_hits, uncapped) {
        return Err(c.fail(
            "max_hits",
            format!("`max_hits` on a {what}"),
            "remove it: `max_hits` caps the points of forbid and reward rules that report each match",
        ));
    }
    // `info`, the severity such rules have anyway (SPEC §2), is no contradiction.
    let claimed = spec.severity.is_some_and(|s| s != Severity::Info);
    if claimed && matches!(spec.kind, Kind::Reward | Kind::Tag) {
        let what = match spec.kind {
            Kind::Tag => "a tag only labels the conversation",
            _ => "a reward adds points and is never a problem",
        };
        return Err(c.fail(
            "severity",
            format!("`severity` on a {kind} rule: {what}, so it has no severity"),
            "remove it, or make the rule a `kind: forbid` rule to report a problem",
        ));
    }
    if spec.max_hits == Some(0) {
        return Err(c.fail_value(
            &["max_hits"],
            "`max_hits: 0` would count no hit".into(),
            "use `points: 0` for a rule that should not score, or a cap of 1 or more",
        ));
    }
    Ok(())
}
