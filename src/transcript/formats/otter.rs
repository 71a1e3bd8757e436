//! Otter's turn header: a name, two spaces or more and a time alone on its line (`Sarah Lee
//! 0:05`), the turn's text on the lines below. Any line can take that shape (`Order total  12:30`
//! in an agent's turn), so a header is read only where the file is written in them (two headers
//! or more, and no fewer than `Name:` labels) or where it names a role, and only those whose times
//! make the longest run forward: Otter's run forward. A line misread as a header opened a turn of an unknown speaker, and the
//! agent's words after it escaped the agent's rules.

use super::lines::Line;
use super::stamps::{Stamp, stamp};
use super::text::{Labelled, label_room};
use crate::transcript::Roles;

/// The name, the time (as it reads and as written) and the text after them (none) of a header
/// that is `rest`.
pub(super) fn header(rest: &str) -> Option<(&str, Stamp, &str, &str)> {
    let head = label_room(rest);
    let gap = memchr::memmem::find(head, b"  ")?;
    let time = rest[gap..].trim();
    let at = stamp(time).filter(|_| time.starts_with(|c: char| c.is_ascii_digit()))?;
    Some((&rest[..gap], at, time, &rest[rest.len()..]))
}

/// Reads as text (`None`) each header in `read`, a file's lines and how each reads, that is not
/// one of the file's turn headers (see the module's note).
pub(super) fn keep_headers(read: &mut [(Line, Option<Labelled>)], roles: &Roles) {
    let (mut headers, mut others) = (0, 0);
    for (_, r) in read.iter() {
        match r {
            Some(Labelled::Opens(o)) if o.otter => headers += 1,
            Some(Labelled::Opens(_)) => others += 1,
            _ => {}
        }
    }
    if headers == 0 {
        return;
    }
    // A file of headers may hold a few `Order number: 12345` lines; one header among labels is
    // a line that happens to end in a time.
    let in_headers = headers >= 2 && headers >= others;
    let header = |r: &Option<Labelled>| match r {
        Some(Labelled::Opens(o)) if o.otter => o.stamp.map(Stamp::start_ms),
        _ => None,
    };
    let mut candidates = Vec::new();
    for (i, (_, r)) in read.iter_mut().enumerate() {
        // In a file of headers, a `Postcode: 90210` line is the text of its turn.
        if in_headers && matches!(r, Some(Labelled::Opens(o)) if !o.otter && !roles.knows(o.label))
        {
            *r = Some(Labelled::Joins);
        }
        let Some(at) = header(r) else { continue };
        match r {
            Some(Labelled::Opens(o)) if in_headers || roles.knows(o.label) => {
                candidates.push((i, at));
            }
            _ => *r = None,
        }
    }
    // Of those, the most whose times run forward: a line misread as a header (`Order total
    // 12:30` in a call of minutes) is the one out of order, and the headers after it stand.
    let times: Vec<u64> = candidates.iter().map(|&(_, at)| at).collect();
    for (&(i, _), kept) in candidates.iter().zip(longest_forward(&times)) {
        if !kept {
            read[i].1 = None;
        }
    }
}

/// Which of `times` make the longest run, in order, that never goes back: where a run that long
/// can start at the file's first header, one that does (a run that dropped the first header for
/// a later one as long left the file's opening words outside every turn, and the file read as a
/// script of one turn); of the others, the one whose times stay lowest (a line misread as a
/// header, `Order total  12:30`, runs ahead).
fn longest_forward(times: &[u64]) -> Vec<bool> {
    let all = lowest_run(times.iter().copied().enumerate(), times.len());
    let Some(&first) = times.first() else {
        return all;
    };
    let after = (times.iter().copied().enumerate().skip(1)).filter(|&(_, t)| t >= first);
    let mut with_first = lowest_run(after, times.len());
    with_first[0] = true;
    let count = |run: &[bool]| run.iter().filter(|&&k| k).count();
    match count(&with_first) >= count(&all) {
        true => with_first,
        false => all,
    }
}

/// Which of `times` (each with its place among `len`) make the longest run that never goes back,
/// of those the one whose times stay lowest (patience sorting: `n log n`).
fn lowest_run(times: impl Iterator<Item = (usize, u64)>, len: usize) -> Vec<bool> {
    // For each run length, the place of the smallest last time of a run that long.
    let mut tails: Vec<(usize, u64)> = Vec::new();
    let mut before: Vec<Option<usize>> = vec![None; len];
    for (i, t) in times {
        let at = tails.partition_point(|&(_, tail)| tail <= t);
        before[i] = at.checked_sub(1).map(|k| tails[k].0);
        match tails.get_mut(at) {
            Some(tail) => *tail = (i, t),
            None => tails.push((i, t)),
        }
    }
    let mut kept = vec![false; len];
    let mut at = tails.last().map(|&(i, _)| i);
    while let Some(i) = at {
        kept[i] = true;
        at = before[i];
    }
    kept
}

#[cfg(test)]
mod tests {
    use super::longest_forward;

    #[test]
    fn the_longest_run_forward_leaves_out_the_time_out_of_order() {
        assert_eq!(
            longest_forward(&[5, 750, 40, 52]),
            [true, false, true, true]
        );
        assert_eq!(longest_forward(&[5, 5, 3, 9]), [true, true, false, true]);
        // Of two runs as long, the one that keeps the first header.
        assert_eq!(longest_forward(&[5, 3, 10, 12]), [true, false, true, true]);
        assert_eq!(longest_forward(&[9, 1, 2, 3]), [false, true, true, true]);
        assert_eq!(longest_forward(&[]), Vec::<bool>::new());
    }
}
