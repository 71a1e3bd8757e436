//! Otter's turn header: a name, two spaces or more and a time alone on its line (`Sarah Lee
//! 0:05`), the turn's text on the lines below. Any line can take that shape (`Order total  12:30`
//! in an agent's turn), so a header is read only where the file is written in them (more headers
//! than `Name:` labels) or where it names a role, and only when its time does not go back:
//! Otter's run forward. A line misread as a header opened a turn of an unknown speaker, and the
//! agent's words after it escaped the agent's rules.

use super::lines::Line;
use super::stamps::{Stamp, stamp};
use super::text::{Labelled, MAX_LABEL};
use crate::transcript::Roles;

/// The name, the time and the text after them (none) of a header that is `rest`.
pub(super) fn header(rest: &str) -> Option<(&str, Stamp, &str)> {
    let head = &rest.as_bytes()[..rest.len().min(MAX_LABEL + 32)];
    let gap = memchr::memmem::find(head, b"  ")?;
    let time = rest[gap..].trim();
    let at = stamp(time).filter(|_| time.starts_with(|c: char| c.is_ascii_digit()))?;
    Some((&rest[..gap], at, &rest[rest.len()..]))
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
    let in_headers = headers > others;
    let mut last: Option<u64> = None;
    for (_, r) in read.iter_mut() {
        let Some(Labelled::Opens(o)) = r else {
            continue;
        };
        let Some(at) = o.stamp.filter(|_| o.otter).map(Stamp::start_ms) else {
            continue;
        };
        if (in_headers || roles.knows(o.label)) && last.is_none_or(|l| at >= l) {
            last = Some(at);
        } else {
            *r = None;
        }
    }
}
