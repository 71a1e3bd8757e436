//! Whether the reports a merge is given hold every shard of a run: `check --shard K/N` writes its
//! shard in its summary. A shard's report left out, or given twice, made a merged report short
//! of files, or counting them twice, and nothing said so.

use super::MergeError;
use crate::scan::Shard;

/// At most this many shards are named missing; more are counted.
const NAMED: usize = 5;

/// An error unless the shards the reports' summaries name (`(report, shard)`, a report by its
/// index in `names`) are, where any is named, every shard of one N, each once. A report of a
/// whole run (no shard) beside them is merged as it is.
pub(super) fn complete(
    shards: &[(usize, Option<String>)],
    names: &[String],
) -> Result<(), MergeError> {
    let mut seen: Vec<(Shard, usize)> = Vec::new();
    for (report, written) in shards {
        let Some(written) = written else {
            continue;
        };
        let invalid = |message: String| MergeError::Invalid {
            at: names[*report].clone(),
            message,
        };
        let shard: Shard = written
            .parse()
            .map_err(|_| invalid(format!("its summary's shard `{written}` is not K/N")))?;
        if let Some((first, at)) = seen.first()
            && first.count() != shard.count()
        {
            let first = format!("{} is shard {first}", names[*at]);
            return Err(invalid(format!(
                "it is shard {shard}, and {first}: merge the shards of one run, split alike"
            )));
        }
        if let Some((_, at)) = seen.iter().find(|(s, _)| *s == shard) {
            return Err(invalid(format!(
                "shard {shard} again: {} is that shard too; merge each shard's report once",
                names[*at]
            )));
        }
        seen.push((shard, *report));
    }
    let Some(&(first, _)) = seen.first() else {
        return Ok(());
    };
    let count = first.count();
    // The shards seen are distinct, each of 1..=N: how many are missing, without counting to
    // an N that a summary may make as large as it likes.
    let absent = count - seen.len() as u64;
    if absent == 0 {
        return Ok(());
    }
    let given = |k: u64| seen.iter().any(|(s, _)| s.number() == k);
    let missing: Vec<u64> = (1..=count).filter(|&k| !given(k)).take(NAMED).collect();
    let mut numbers: Vec<u64> = seen.iter().map(|(s, _)| s.number()).collect();
    numbers.sort_unstable();
    let missing = listed(&missing, absent, count);
    Err(MergeError::MissingShards {
        missing: match absent {
            1 => format!("shard {missing} is"),
            _ => format!("shards {missing} are"),
        },
        given: listed(&numbers, numbers.len() as u64, count),
    })
}

/// The first of `total` shards of `count`, `numbers`: `3/4`, `1/4, 2/4`, or the first few and
/// how many more.
fn listed(numbers: &[u64], total: u64, count: u64) -> String {
    let shown: Vec<String> = (numbers.iter().take(NAMED))
        .map(|k| format!("{k}/{count}"))
        .collect();
    match total.saturating_sub(shown.len() as u64) {
        0 => shown.join(", "),
        more => format!("{} and {more} more", shown.join(", ")),
    }
}
