//! The shards of a run that the reports merged leave out: `check --shard K/N` writes its shard
//! in its summary. A shard's report left out made a merged report short of that shard's files,
//! and nothing said so. Said as a warning: one shard's report merged alone (to write it as
//! SARIF) or shards merged in stages are merges a user means.

use crate::scan::Shard;
use std::collections::{BTreeMap, BTreeSet};

/// At most this many missing shards are named; more are counted.
const NAMED: usize = 5;

/// The warning of the shards that `shards` (the `K/N` the reports' summaries name) leave out:
/// for each N named, those of 1/N to N/N that none names. A summary's shard that is no `K/N`
/// is passed over.
pub(super) fn missing(shards: &[String]) -> Option<String> {
    let mut by_count: BTreeMap<u64, BTreeSet<u64>> = BTreeMap::new();
    for shard in shards.iter().filter_map(|s| s.parse::<Shard>().ok()) {
        by_count
            .entry(shard.count())
            .or_default()
            .insert(shard.number());
    }
    let each = by_count.into_iter().filter_map(|(count, given)| {
        // Counted without counting to an N that a summary may make as large as it likes.
        let absent = count - given.len() as u64;
        if absent == 0 {
            return None;
        }
        let first = (1..=count).filter(|k| !given.contains(k)).take(NAMED);
        let missing = listed(first.collect(), absent, count);
        let given = listed(
            given.into_iter().take(NAMED).collect(),
            count - absent,
            count,
        );
        Some(match absent {
            1 => format!("shard {missing} is missing (the reports hold shards {given})"),
            _ => format!("shards {missing} are missing (the reports hold shards {given})"),
        })
    });
    let said: Vec<String> = each.collect();
    (!said.is_empty()).then(|| {
        format!(
            "{}: the merged report lacks their files; merge every shard's report, or check the \
             missing shards and merge their reports too",
            said.join("; ")
        )
    })
}

/// The first of `total` shards of `count`, `numbers`: `3/4`, `1/4, 2/4`, or the first few and
/// how many more.
fn listed(numbers: Vec<u64>, total: u64, count: u64) -> String {
    let shown: Vec<String> = numbers.iter().map(|k| format!("{k}/{count}")).collect();
    match total.saturating_sub(shown.len() as u64) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}
