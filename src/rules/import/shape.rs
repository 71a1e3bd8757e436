//! Which shape a cloud rule file has, told by its keys: one category or matcher, a list of
//! them, or a vendor's answer that wraps lists (`CategoryProperties`, `Categories`,
//! `phraseMatchers`) beside the fields an answer carries (page tokens, boto3's
//! `ResponseMetadata`). Every list a file wraps is read, so none is lost, and a page token
//! that says more categories exist is a warning: the file holds one page of several.

use super::json::{Bad, Fields, Node, Value, bad, camel};
use super::{Skipped, Vendor};

/// The shapes `-r FILE.json` reads, for the error on any other JSON.
const SHAPES: &str = "a JSON rule file is an AWS Transcribe Call Analytics category (the CreateCallAnalyticsCategory request with `CategoryName` and `Rules`, a `{\"CategoryProperties\": …}` response, a list of them, or `{\"Categories\": […]}`) or a Google CCAI Insights phrase matcher (`displayName`, `type`, `phraseMatchRuleGroups`, camelCase or snake_case; one, a list, or `{\"phraseMatchers\": […]}`); talklint's own rules are YAML";

/// The keys of an answer that hold categories or matchers.
const WRAPPERS: [&str; 3] = ["CategoryProperties", "Categories", "phraseMatchers"];
/// The keys of an answer beside its lists: page tokens, and what boto3 adds to every answer
/// (the request's id, the HTTP status), which says nothing about a category.
const BESIDE: [&str; 3] = ["NextToken", "nextPageToken", "ResponseMetadata"];
const WHAT: &str = "the file's top-level object";

/// What a file holds: its categories and matchers, and a warning per page token that says
/// the list goes on.
pub(super) struct Shape<'a> {
    pub(super) items: Vec<(Vendor, &'a Node)>,
    pub(super) pages: Vec<Skipped>,
}

/// The categories and matchers a file holds, by the keys of its shape.
pub(super) fn items(root: &Node) -> Result<Shape<'_>, Bad> {
    let entries = match &root.value {
        Value::Array(_) => {
            return Ok(Shape {
                items: list(root, "the list")?,
                pages: Vec::new(),
            });
        }
        Value::Scalar(_) => return Err(unknown(root.at)),
        Value::Object(entries) => entries,
    };
    if let Some(item) = one(root) {
        return Ok(Shape {
            items: vec![item],
            pages: Vec::new(),
        });
    }
    // An answer, or a misspelling of one (`Categoris`): its keys are checked, so that a key
    // beside a list, misspelt or unknown, is named at its place. Other JSON is no answer.
    let keys = || entries.iter().map(|e| camel(&e.key));
    let answer = keys().any(|k| {
        WRAPPERS.contains(&k.as_str())
            || crate::suggest::closest(&k, WRAPPERS.iter().chain(&BESIDE).copied()).is_some()
    });
    if !answer {
        return Err(unknown(root.at));
    }
    let f = Fields::new(root, WHAT, &WRAPPERS, &BESIDE, true)?;
    let mut items = Vec::new();
    // In the file's order, so that the rules keep it.
    for e in entries {
        let key = camel(&e.key);
        let n = &e.node;
        match key.as_str() {
            "CategoryProperties" => {
                let item = one(n).filter(|(v, _)| *v == Vendor::Aws);
                items.push(item.ok_or_else(|| unknown(n.at))?);
            }
            "Categories" | "phraseMatchers" => items.extend(list(n, &format!("`{}`", e.key))?),
            _ => {}
        }
    }
    if items.is_empty() {
        return Err(unknown(root.at));
    }
    let pages = [("NextToken", Vendor::Aws), ("nextPageToken", Vendor::Ccai)]
        .into_iter()
        .filter_map(|(key, vendor)| page(f.entry(key)?, vendor).transpose())
        .collect::<Result<_, _>>()?;
    Ok(Shape { items, pages })
}

/// The warning of a page token (`entry`, of `vendor`'s list) that is set: the file holds one
/// page of a longer list. Nothing for an empty or null token, the last page's.
fn page(entry: &super::json::Entry, vendor: Vendor) -> Result<Option<Skipped>, Bad> {
    let n = &entry.node;
    if matches!(n.value, Value::Scalar(serde_json::Value::Null)) || n.string(&entry.key)?.is_empty()
    {
        return Ok(None);
    }
    let (things, list, fetch) = match vendor {
        Vendor::Aws => (
            "AWS Transcribe Call Analytics categories",
            "Categories",
            "`aws transcribe list-call-analytics-categories` without `--max-results` (the CLI follows NextToken), or call ListCallAnalyticsCategories again with this NextToken until an answer has none",
        ),
        Vendor::Ccai => (
            "Google CCAI Insights phrase matchers",
            "phraseMatchers",
            "call projects.locations.phraseMatchers.list again with `pageToken` set to this token until an answer has none (the client libraries' list methods follow it)",
        ),
    };
    Ok(Some(Skipped {
        label: format!("the {things} of later pages"),
        at: n.at,
        reason: format!(
            "`{}` is set, so `{list}` is one page of a longer list; save every page in the file: {fetch}",
            entry.key
        ),
        strict_hint: Some(
            "save every page of the list in the file, or drop --strict-import to load this page with a warning",
        ),
    }))
}

/// The error for JSON of no shape talklint reads.
fn unknown(at: usize) -> Bad {
    bad(at, "not a cloud rule file talklint can read", SHAPES)
}

/// A list of categories or matchers, `what` by name.
fn list<'a>(node: &'a Node, what: &str) -> Result<Vec<(Vendor, &'a Node)>, Bad> {
    let items = node.array(what)?;
    if items.is_empty() {
        return Err(bad(
            node.at,
            format!("{what} is empty: nothing to load"),
            SHAPES,
        ));
    }
    items
        .iter()
        .map(|n| one(n).ok_or_else(|| unknown(n.at)))
        .collect()
}

/// A single category or matcher, told apart by its keys.
fn one(node: &Node) -> Option<(Vendor, &Node)> {
    let Value::Object(entries) = &node.value else {
        return None;
    };
    let has = |keys: &[&str]| entries.iter().any(|e| keys.contains(&e.key.as_str()));
    if has(&["CategoryName", "Rules"]) {
        Some((Vendor::Aws, node))
    } else if has(&[
        "displayName",
        "display_name",
        "phraseMatchRuleGroups",
        "phrase_match_rule_groups",
        "roleMatch",
        "role_match",
    ]) {
        Some((Vendor::Ccai, node))
    } else {
        None
    }
}
