//! Telling the index's entries apart: the conversations without an id of one file, numbered
//! by their place as `check` names them, and the entries two reports (or one) hold twice.

use super::MergeError;
use super::index::Item;
use crate::text::controls::escape_name;

/// Numbers the conversations without an id of each file whose report holds several of them,
/// by their place among the file's conversations in the report (its conversations come
/// together, in the file's order), as `check` names them `path#(N)`; `items` are in the
/// reports' order. A report that gives their places (`place`, as `check` writes it now) is
/// read as it says: a stream's first conversation has none, and a line that could not be read
/// takes none.
pub(super) fn number_unnamed(items: &mut [Item]) {
    let placed: std::collections::HashSet<usize> = (items.iter())
        .filter_map(|i| match i {
            Item::Conversation {
                number: Some(_),
                place,
                ..
            } => Some(place.report),
            _ => None,
        })
        .collect();
    fn file(i: &Item) -> Option<(usize, &str)> {
        match i {
            Item::Conversation { path, place, .. } => Some((place.report, path)),
            _ => None,
        }
    }
    let one_file = |a: &Item, b: &Item| file(a).is_some() && file(a) == file(b);
    for run in items.chunk_by_mut(one_file) {
        let given = file(&run[0]).is_some_and(|(report, _)| placed.contains(&report));
        if given || run.iter().filter(|i| i.id().is_none()).count() < 2 {
            continue;
        }
        for (k, item) in run.iter_mut().enumerate() {
            if let Item::Conversation {
                id: None, number, ..
            } = item
            {
                *number = Some(k + 1);
            }
        }
    }
}

/// Whether `item` is one line of a stream, not a whole file, as its `line` says: a conversation
/// that was skipped (a record too large), or a line that could not be read. Such an entry may
/// stand beside the stream's conversations, and beside another report's of the same line: each
/// Spark partition is a stream of its own on `<stdin>`, and two of them may both fail at their
/// line 3. A file's error has no `line`, though its message may name one (`line 3, column 7: …`
/// of a malformed file): the file's error is one error.
fn is_piece(item: &Item) -> bool {
    match item {
        Item::Skipped(s, _) => s.line.is_some(),
        Item::Error(e, _) => e.line.is_some(),
        Item::Conversation { .. } => false,
    }
}

/// The first conversation reported twice (SPEC §10: a duplicate path and id is an error), or a
/// file both skipped, unreadable or checked, in sorted items. Conversations of one file without
/// an id in one report are none: they are told apart by their place, in the report's order (a
/// file of records without ids, which `check` reads without a word). A file that could not be
/// read is one error however many reports list it: in two, they overlap (one report does list
/// it again when a run names it again).
pub(super) fn duplicate(items: &[Item], names: &[String]) -> Result<(), MergeError> {
    let name = |i: &Item| names[i.report()].clone();
    // Items of one path are together, those without an id first, in the reports' order.
    let whole: Vec<&Item> = items.iter().filter(|i| !is_piece(i)).collect();
    for pair in whole.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        // Each report's standard input is a stream of its own (a Spark partition's): what
        // two of them hold without an id is no conversation twice, unless the two reports are
        // one file named twice.
        let file = |i: &Item| crate::file_node::node(std::path::Path::new(&names[i.report()]));
        let streams = a.path() == crate::scan::STDIN
            && a.report() != b.report()
            && (file(a).is_none() || file(a) != file(b));
        let same = match (a, b) {
            _ if streams && a.id().is_none() && b.id().is_none() => false,
            (Item::Conversation { .. }, Item::Conversation { .. }) => {
                a.id() == b.id() && (a.id().is_some() || a.report() != b.report())
            }
            (Item::Error(..), _) | (_, Item::Error(..)) => a.report() != b.report(),
            _ => true,
        };
        if same && a.path() == b.path() {
            return Err(MergeError::Duplicate {
                what: what(a, b),
                first: name(a),
                second: name(b),
                one_report: a.report() == b.report(),
                with_id: a.id().is_some() && b.id().is_some(),
            });
        }
    }
    Ok(())
}

/// What two entries of one path that clash are.
fn what(a: &Item, b: &Item) -> String {
    let kind = |i: &Item| match i {
        Item::Conversation { .. } => None,
        Item::Skipped(..) => Some("skipped"),
        Item::Error(..) => Some("could not be read"),
    };
    // A name on one line: a line break in a path or id is shown escaped, as other controls are.
    let path = escape_name(a.path());
    match (kind(a), kind(b)) {
        (None, None) => match a.id() {
            Some(id) => format!("conversation {path}#{}", escape_name(id)),
            None => format!("conversation {path} (no id)"),
        },
        (Some(one), Some(other)) if one != other => {
            format!("file {path} ({one} in one report, {other} in the other)")
        }
        (Some(kind), _) | (None, Some(kind)) => format!("file {path} ({kind})"),
    }
}
