//! An AWS Transcribe Call Analytics category (`CreateCallAnalyticsCategory`, field by field in
//! `reference/cloud-rules.md`) read as a talklint condition: all `Rules` must hold; each
//! transcript, interruption or non-talk-time filter is one condition, `Negate` a `not`, time
//! ranges windows. A `SentimentFilter` needs AWS's sentiment model (SPEC §12): it is checked
//! as the others are, and its category left out whole with a warning.

mod range;

use super::json::{Bad, Fields, Node, bad};
use super::literal::Literal;
use super::{
    Category, Cond, Cx, Look, NEEDS_MODEL, Read, Search, Skipped, Test, Vendor, Window, id,
};
use crate::rules::schema::Speaker;
use crate::transcript::Sentiment;
use range::range;

/// The longest call AWS accepts in a time range: 4 hours, in milliseconds.
const MAX_MS: u64 = 14_400_000;
/// The most characters AWS accepts in a `CategoryName`.
const MAX_NAME: usize = 200;
/// The most characters AWS accepts in one transcript filter target.
const MAX_TARGET: usize = 2000;

const CATEGORY_KEYS: [&str; 3] = ["CategoryName", "InputType", "Rules"];
/// Keys of a category that say nothing about what it matches.
const IGNORED: [&str; 3] = ["Tags", "CreateTime", "LastUpdateTime"];
const FILTERS: [&str; 4] = [
    "TranscriptFilter",
    "InterruptionFilter",
    "NonTalkTimeFilter",
    "SentimentFilter",
];
const RANGES: [&str; 2] = ["AbsoluteTimeRange", "RelativeTimeRange"];
/// The keys a transcript or sentiment filter holds after its own ([`common`]).
const SPOKEN: [&str; 4] = [
    "ParticipantRole",
    "Negate",
    "AbsoluteTimeRange",
    "RelativeTimeRange",
];

/// Reads one category.
pub(super) fn category(node: &Node, cx: &Cx) -> Result<Read, Bad> {
    let f = Fields::new(node, "an AWS category", &CATEGORY_KEYS, &IGNORED, false)?;
    let name_node = f.require(
        "CategoryName",
        "the AWS category",
        "add \"CategoryName\": the category's name, which makes the rule id aws/ and the name in kebab-case",
    )?;
    let name = category_name(name_node)?;
    let id = id(Vendor::Aws, &name, name_node.at)?;
    let real_time = f
        .get("InputType")
        .map(|n| n.choice("InputType", &[("POST_CALL", false), ("REAL_TIME", true)]))
        .transpose()?
        .unwrap_or(false);
    let rules = f.items(
        "Rules",
        "the AWS category",
        "add \"Rules\": a list of 1 to 20 filters, all of which must match",
    )?;
    if rules.len() > 20 {
        return Err(bad(
            f.get("Rules").map_or(f.at, |n| n.at),
            format!("`Rules` holds {} rules; AWS allows 1 to 20", rules.len()),
            "give the category 1 to 20 rules (all must match)",
        ));
    }
    let mut all = Vec::with_capacity(rules.len());
    // Where the first `SentimentFilter` is, and its rule's name.
    let mut needs_model = None;
    for (i, rule) in rules.iter().enumerate() {
        let what = format!("Rules[{i}]");
        let rf = Fields::new(rule, &what, &FILTERS, &[], false)?;
        let [entry] = FILTERS
            .map(|k| rf.entry(k))
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()[..]
        else {
            return Err(bad(
                rule.at,
                format!("{what} must hold exactly one filter"),
                format!("write one of {} per rule", FILTERS.join(", ")),
            ));
        };
        let filter = entry.key.as_str();
        if real_time && filter != "TranscriptFilter" {
            return Err(bad(
                entry.key_at,
                format!("a REAL_TIME category allows only TranscriptFilter, not {filter}"),
                "make the category POST_CALL, or remove this rule",
            ));
        }
        let what = format!("{what}.{filter}");
        let node = &entry.node;
        match filter {
            "TranscriptFilter" => all.push(transcript(node, &what, cx)?),
            "InterruptionFilter" => all.push(threshold(node, &what, true)?),
            "NonTalkTimeFilter" => all.push(threshold(node, &what, false)?),
            _ => {
                sentiment(node, &what)?;
                needs_model = needs_model.or(Some((entry.key_at, what)));
            }
        }
    }
    if let Some((at, what)) = needs_model {
        // Dropping the filter would widen the category; reading one turn's label would guess
        // how AWS weighs the turns, which it does not say.
        return Ok(Read::Skipped(Skipped {
            label: Vendor::Aws.label(&name),
            at,
            reason: format!("{what} asks for AWS's sentiment of the call, which needs its model"),
            strict_hint: Some(NEEDS_MODEL),
        }));
    }
    let input = if real_time { "REAL_TIME" } else { "POST_CALL" };
    Ok(Read::Category(Category {
        vendor: Vendor::Aws,
        note: format!("CategoryName \"{name}\", InputType {input}: all Rules must match"),
        name,
        id,
        at: name_node.at,
        when: Cond {
            note: None,
            test: Test::All(all),
        },
    }))
}

/// A `CategoryName` as AWS accepts it: 1 to 200 characters, each a letter A-Z or a-z, a
/// digit, `.`, `_` or `-`. AWS refuses any other, so it is an error like the other limits.
fn category_name(node: &Node) -> Result<String, Bad> {
    let name = sized(node, "CategoryName", MAX_NAME)?;
    let allowed = |c: char| c.is_ascii_alphanumeric() || "._-".contains(c);
    let Some(c) = name.chars().find(|&c| !allowed(c)) else {
        return Ok(name.to_string());
    };
    let mut renamed = String::with_capacity(name.len());
    for c in name.chars() {
        if allowed(c) {
            renamed.push(c);
        } else if !renamed.is_empty() && !renamed.ends_with('-') {
            renamed.push('-');
        }
    }
    let renamed = renamed.trim_end_matches('-');
    let example = if renamed.is_empty() {
        String::new()
    } else {
        format!(", such as \"{renamed}\"")
    };
    Err(bad(
        node.at,
        format!(
            "`CategoryName` {name:?} holds {c:?}: AWS allows only letters A-Z and a-z, digits, `.`, `_` and `-`"
        ),
        format!("rename the category with those characters only{example}: AWS refuses this name"),
    ))
}

/// A string `what` of 1 to `max` characters, the lengths AWS accepts.
fn sized<'a>(node: &'a Node, what: &str, max: usize) -> Result<&'a str, Bad> {
    let text = node.string(what)?;
    let chars = text.chars().count();
    if !(1..=max).contains(&chars) {
        return Err(bad(
            node.at,
            format!("`{what}` has {chars} characters: AWS allows 1 to {max}"),
            format!("write it in 1 to {max} characters: AWS refuses it otherwise"),
        ));
    }
    Ok(text)
}

/// A `TranscriptFilter`: any of its `Targets`, exactly, said by the role, in the range.
fn transcript(node: &Node, what: &str, cx: &Cx) -> Result<Cond, Bad> {
    let keys = [&["TranscriptFilterType", "Targets"][..], &SPOKEN].concat();
    let f = Fields::new(node, what, &keys, &[], false)?;
    let kind = f.require(
        "TranscriptFilterType",
        what,
        "add \"TranscriptFilterType\": \"EXACT\" (the only type AWS has)",
    )?;
    // AWS has only exact transcript filters.
    kind.choice("TranscriptFilterType", &[("EXACT", ())])?;
    let targets = f.items(
        "Targets",
        what,
        "add \"Targets\": [\"phrase\", …] (the filter holds when any of them is said)",
    )?;
    let (mut phrases, mut regex, mut regex_note) = (Vec::new(), Vec::new(), String::new());
    for (i, t) in targets.iter().enumerate() {
        let name = format!("Targets[{i}]");
        sized(t, &name, MAX_TARGET)?;
        match cx.literal(t, "the target", false)? {
            Literal::Phrase(p) => phrases.push(p),
            Literal::Regex(r, why) => {
                regex.push(r);
                regex_note.push_str(&format!("; {name} {why}: a regex on the original text"));
            }
        }
    }
    let common = common(&f, what, true)?;
    let targets = if common.negate {
        "Negate: none of"
    } else {
        "any of"
    };
    let note = format!(
        "{what}: EXACT, {}{targets} Targets{}{regex_note}",
        common.role_note, common.range_note
    );
    Ok(common.cond(Look::words(phrases, regex), note))
}

/// An `InterruptionFilter` (`interruptions`; its role is the one who interrupts) or a
/// `NonTalkTimeFilter` (no role): a `Threshold` in milliseconds.
fn threshold(node: &Node, what: &str, interruptions: bool) -> Result<Cond, Bad> {
    let mut keys = vec![
        "Threshold",
        "Negate",
        "AbsoluteTimeRange",
        "RelativeTimeRange",
    ];
    if interruptions {
        keys.push("ParticipantRole");
    }
    let f = Fields::new(node, what, &keys, &[], false)?;
    let ms = f
        .require(
            "Threshold",
            what,
            "add \"Threshold\": a number of milliseconds (talklint does not guess AWS's default)",
        )?
        .whole("Threshold", MAX_MS, "milliseconds")?;
    let seconds = ms as f64 / 1000.0;
    let common = common(&f, what, interruptions)?;
    let (look, measure) = if interruptions {
        (
            Look::InterruptsTotal(seconds),
            "interruptions lasting more than",
        )
    } else {
        (Look::Silence(seconds), "silence between turns of at least")
    };
    let negate = if common.negate { "Negate: no " } else { "" };
    let note = format!(
        "{what}: {}{negate}{measure} Threshold {ms} ms{}",
        common.role_note, common.range_note
    );
    Ok(common.cond(look, note))
}

/// Checks a `SentimentFilter` as AWS does (exactly one of `Sentiments`, a role, `Negate`, a
/// range), so that a malformed one is an error at its place, as in any other filter.
fn sentiment(node: &Node, what: &str) -> Result<(), Bad> {
    let keys = [&["Sentiments"][..], &SPOKEN].concat();
    let f = Fields::new(node, what, &keys, &[], false)?;
    let values = f.items(
        "Sentiments",
        what,
        "add \"Sentiments\": [\"NEGATIVE\"] (one of POSITIVE, NEGATIVE, NEUTRAL, MIXED)",
    )?;
    let [value] = values else {
        return Err(bad(
            values.get(1).map_or(f.at, |n| n.at),
            format!(
                "`Sentiments` holds {} values: AWS takes exactly one",
                values.len()
            ),
            "keep one sentiment per filter: a rule per sentiment, in one category or several",
        ));
    };
    let sentiments = Sentiment::ALL.map(|s| (s.aws_name(), s));
    value.choice("Sentiments", &sentiments)?;
    common(&f, what, true)?;
    Ok(())
}

/// The fields every filter shares: role, `Negate` and a time range.
struct Common {
    speaker: Speaker,
    negate: bool,
    window: Option<Window>,
    /// `ParticipantRole X, ` when it is given, for comments.
    role_note: String,
    /// `, AbsoluteTimeRange …` when a range is given, for comments.
    range_note: String,
}

fn common(f: &Fields, what: &str, has_role: bool) -> Result<Common, Bad> {
    let (speaker, role_note) = match f.get("ParticipantRole").filter(|_| has_role) {
        None => (Speaker::Any, String::new()),
        Some(n) => {
            let roles = [("AGENT", Speaker::Agent), ("CUSTOMER", Speaker::Customer)];
            let speaker = n.choice("ParticipantRole", &roles)?;
            let role = n.string("ParticipantRole")?;
            (speaker, format!("ParticipantRole {role}, "))
        }
    };
    let negate = f
        .get("Negate")
        .map(|n| n.boolean("Negate"))
        .transpose()?
        .unwrap_or(false);
    let mut range_note = String::new();
    let ranges: Vec<_> = RANGES.iter().filter_map(|k| f.entry(k)).collect();
    let window = match ranges.as_slice() {
        [] => None,
        [e] => {
            let (window, text) = range(&e.node, &e.key)?;
            range_note = format!(", {} {text}", e.key);
            Some(window)
        }
        [_, second, ..] => {
            return Err(bad(
                second.key_at,
                format!("{what} has both AbsoluteTimeRange and RelativeTimeRange"),
                "keep one time range per filter",
            ));
        }
    };
    Ok(Common {
        speaker,
        negate,
        window,
        role_note,
        range_note,
    })
}

impl Common {
    fn cond(self, look: Look, note: String) -> Cond {
        let search = Cond {
            note: None,
            test: Test::Search(Search {
                speaker: vec![self.speaker],
                look,
                window: self.window,
            }),
        };
        let test = if self.negate {
            Test::Not(Box::new(search))
        } else {
            search.test
        };
        Cond {
            note: Some(note),
            test,
        }
    }
}
