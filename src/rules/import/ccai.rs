//! A Google CCAI Insights phrase matcher (`projects.locations.phraseMatchers`, camelCase or
//! snake_case) read as a talklint condition: `ALL_OF`/`ANY_OF` over rule groups, each group
//! `ALL_OF`/`ANY_OF` over its queries, `negated` a `not`, `roleMatch` the speaker of every
//! query. A case-sensitive query becomes a `(?-i)` regex on the original text (SPEC §12).

use super::json::{Bad, Fields, Node, bad};
use super::literal::Literal;
use super::{Category, Cond, Cx, Look, NEEDS_MODEL, Read, Search, Skipped, Test, Vendor, id};
use crate::rules::schema::Speaker;

const MATCHER_KEYS: [&str; 5] = [
    "displayName",
    "type",
    "active",
    "roleMatch",
    "phraseMatchRuleGroups",
];
/// Fields the server sets, which say nothing about what a matcher matches.
const SERVER_KEYS: [&str; 6] = [
    "name",
    "revisionId",
    "versionTag",
    "revisionCreateTime",
    "updateTime",
    "activationUpdateTime",
];

/// Reads one phrase matcher.
pub(super) fn matcher(node: &Node, cx: &Cx) -> Result<Read, Bad> {
    let what = "a CCAI phrase matcher";
    let f = Fields::new(node, what, &MATCHER_KEYS, &SERVER_KEYS, true)?;
    let (name, name_at) = name(&f)?;
    let id = id(Vendor::Ccai, &name, name_at)?;
    let (all, kind_name, groups) = typed_list(
        &f,
        what,
        "type",
        "phraseMatchRuleGroups",
        "groups of phraseMatchRules",
    )?;
    let speaker = role(f.get("roleMatch"))?;
    let mut semantic = None;
    let mut conds = Vec::with_capacity(groups.len());
    for (i, g) in groups.iter().enumerate() {
        let what = format!("phraseMatchRuleGroups[{i}]");
        let (cond, needs_model) = group(g, &what, speaker, cx)?;
        semantic = semantic.or(needs_model);
        conds.push(cond);
    }
    let skip = |at: usize, reason: String, needs_model: bool| {
        Ok(Read::Skipped(Skipped {
            label: Vendor::Ccai.label(&name),
            at,
            reason,
            strict_hint: needs_model.then_some(NEEDS_MODEL),
        }))
    };
    // Inactive first: CCAI runs no inactive matcher, semantic or not, so that is its reason
    // and never an error (`--strict-import` included).
    match f.get("active") {
        Some(n) if n.boolean("active")? => {}
        Some(n) => {
            return skip(
                n.at,
                "it is inactive (`active: false`), so CCAI does not run it either".into(),
                false,
            );
        }
        // The REST API's JSON leaves out a proto3 bool that is false: an inactive matcher
        // exported from it has no `active` key. It is read as CCAI reads it.
        None => {
            return skip(
                name_at,
                "it has no `active` key, which CCAI reads as false (its JSON leaves a false `active` out), so CCAI does not run it either; write \"active\": true to load it, or \"active\": false to say it is off".into(),
                false,
            );
        }
    }
    if let Some((at, what)) = semantic {
        return skip(
            at,
            format!("{what} asks for semantic matching, which needs a model"),
            true,
        );
    }
    let role_note = f
        .get("roleMatch")
        .and_then(|n| n.string("roleMatch").ok())
        .unwrap_or("ROLE_UNSPECIFIED");
    Ok(Read::Category(Category {
        vendor: Vendor::Ccai,
        note: format!(
            "displayName \"{name}\", type {kind_name} of phraseMatchRuleGroups, roleMatch {role_note}"
        ),
        name,
        id,
        at: name_at,
        when: Cond {
            note: None,
            test: if all {
                Test::All(conds)
            } else {
                Test::Any(conds)
            },
        },
    }))
}

/// `displayName`, else the last part of the server's `name`.
fn name(f: &Fields) -> Result<(String, usize), Bad> {
    if let Some(n) = f.get("displayName") {
        return Ok((n.string("displayName")?.to_string(), n.at));
    }
    match f.get("name") {
        Some(n) => {
            let full = n.string("name")?;
            Ok((full.rsplit('/').next().unwrap_or(full).to_string(), n.at))
        }
        None => Err(bad(
            f.at,
            "the phrase matcher has no `displayName`",
            "add \"displayName\": the matcher's name, which makes the rule id ccai/ and the name in kebab-case",
        )),
    }
}

/// A matcher's or group's `type` (named `type_name` in messages) and the list it applies to
/// (`key`, a list of `items`): whether all must hold, the type as written, and the list.
fn typed_list<'a>(
    f: &Fields<'a>,
    what: &str,
    type_name: &str,
    key: &str,
    items: &str,
) -> Result<(bool, &'static str, &'a [Node]), Bad> {
    let add_type = format!("add \"type\": \"ALL_OF\" or \"ANY_OF\" (over its {key})");
    let (all, name) = all_or_any(f.require("type", what, &add_type)?, type_name)?;
    let list = f.items(key, what, &format!("add \"{key}\": a list of {items}"))?;
    Ok((all, name, list))
}

/// `ALL_OF` (true) or `ANY_OF` (false), and the value as written.
fn all_or_any(node: &Node, what: &str) -> Result<(bool, &'static str), Bad> {
    node.choice(
        what,
        &[("ALL_OF", (true, "ALL_OF")), ("ANY_OF", (false, "ANY_OF"))],
    )
}

/// The speakers of `roleMatch` (SPEC §12); any speaker when it is absent.
fn role(node: Option<&Node>) -> Result<&'static [Speaker], Bad> {
    let Some(node) = node else {
        return Ok(&[Speaker::Any]);
    };
    node.choice(
        "roleMatch",
        &[
            ("ROLE_UNSPECIFIED", &[Speaker::Any]),
            ("HUMAN_AGENT", &[Speaker::Agent]),
            ("AUTOMATED_AGENT", &[Speaker::Bot]),
            ("ANY_AGENT", &[Speaker::Agent, Speaker::Bot]),
            ("END_USER", &[Speaker::Customer]),
        ],
    )
}

/// A rule group, and where it asks for semantic matching, if it does.
fn group(
    node: &Node,
    what: &str,
    speaker: &[Speaker],
    cx: &Cx,
) -> Result<(Cond, Option<(usize, String)>), Bad> {
    let f = Fields::new(node, what, &["type", "phraseMatchRules"], &[], true)?;
    let (all, kind_name, rules) = typed_list(
        &f,
        what,
        &format!("{what}.type"),
        "phraseMatchRules",
        "rules with a query",
    )?;
    let mut semantic = None;
    let mut conds = Vec::with_capacity(rules.len());
    for (i, r) in rules.iter().enumerate() {
        let what = format!("{what}.phraseMatchRules[{i}]");
        let f = Fields::new(r, &what, &["query", "negated", "config"], &[], true)?;
        let query = f.require("query", &what, "add \"query\": the words to match")?;
        let negated = f
            .get("negated")
            .map(|n| n.boolean("negated"))
            .transpose()?
            .unwrap_or(false);
        let (case_sensitive, needs_model) = config(f.get("config"), &what)?;
        semantic = semantic.or(needs_model);
        let (look, note) = match cx.literal(query, "the query", case_sensitive)? {
            Literal::Phrase(p) => (Look::words(vec![p], Vec::new()), None),
            Literal::Regex(r, why) => (
                Look::words(Vec::new(), vec![r]),
                Some(format!(
                    "{what}: {why}, matched as a regex on the original text"
                )),
            ),
        };
        let search = Cond {
            note: None,
            test: Test::Search(Search {
                speaker: speaker.to_vec(),
                look,
                window: None,
            }),
        };
        conds.push(Cond {
            note,
            test: if negated {
                Test::Not(Box::new(search))
            } else {
                search.test
            },
        });
    }
    let note = format!("{what}: {kind_name} of its phraseMatchRules");
    let test = if all {
        Test::All(conds)
    } else {
        Test::Any(conds)
    };
    Ok((
        Cond {
            note: Some(note),
            test,
        },
        semantic,
    ))
}

/// A rule's `config`: whether it is case-sensitive, and where it asks for semantic matching.
fn config(node: Option<&Node>, what: &str) -> Result<(bool, Option<(usize, String)>), Bad> {
    let Some(node) = node else {
        return Ok((false, None));
    };
    let what = format!("{what}.config");
    let f = Fields::new(
        node,
        &what,
        &["exactMatchConfig", "semanticMatchConfig"],
        &[],
        true,
    )?;
    // `config` is a oneof in CCAI's API: a rule is matched one way, and the API refuses both.
    if let (Some(exact), Some(semantic)) =
        (f.entry("exactMatchConfig"), f.entry("semanticMatchConfig"))
    {
        let second = exact.key_at.max(semantic.key_at);
        return Err(bad(
            second,
            format!(
                "{what} holds both `{}` and `{}`: CCAI matches a rule one way",
                exact.key, semantic.key
            ),
            "keep one of the two: exactMatchConfig (loaded) or semanticMatchConfig (needs a model, left out)",
        ));
    }
    if let Some(e) = f.entry("semanticMatchConfig") {
        e.node.object(&format!("{what}.{}", e.key))?;
        return Ok((false, Some((e.key_at, format!("{what}.{}", e.key)))));
    }
    let Some(exact) = f.get("exactMatchConfig") else {
        return Ok((false, None));
    };
    let ef = Fields::new(
        exact,
        &format!("{what}.exactMatchConfig"),
        &["caseSensitive"],
        &[],
        true,
    )?;
    let case = ef
        .get("caseSensitive")
        .map(|n| n.boolean("caseSensitive"))
        .transpose()?;
    Ok((case.unwrap_or(false), None))
}
