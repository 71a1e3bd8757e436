//! Lines meant as directives that the directive reader does not read (SPEC §8 allows only a few
//! forms): found apart from the reader so that each can be left unspoken and said, with how to
//! write it, rather than read as what the conversation says.

use super::{KEY, unpadded};
use std::ops::Range;
use std::str::MatchIndices;

/// A line's text that is meant as a directive but is not read as one.
pub(super) struct NearMiss {
    /// Byte offset in the line of what the warning points at.
    pub at: usize,
    /// Byte offset in the line from which the rest of it is directive text, never spoken.
    pub hidden_from: usize,
    /// How to write it.
    pub fix: &'static str,
    /// A directive written that way.
    pub example: &'static str,
}

/// Where `talklint:` (or another needle: `<!--`) stands in a source, searched once, by the
/// standard library's search (which a debug build has optimised: memchr's cost 1.2% of its check
/// of 20,000 lines under one directive, a search of each line 1.8%, this 0.4%).
pub(super) struct Keys<'s> {
    found: MatchIndices<'s, &'static str>,
    /// The first at or after the last line asked about.
    next: Option<usize>,
}

impl<'s> Keys<'s> {
    pub(super) fn new(source: &'s str, needle: &'static str) -> Keys<'s> {
        let mut found = source.match_indices(needle);
        let next = found.next().map(|(at, _)| at);
        Keys { found, next }
    }

    /// Whether one starts in the bytes `line`, asked of lines in order.
    pub(super) fn within(&mut self, line: Range<usize>) -> bool {
        while self.next.is_some_and(|k| k < line.start) {
            self.next = self.found.next().map(|(at, _)| at);
        }
        self.next.is_some_and(|k| k < line.end)
    }
}

/// The verbs of a directive.
const VERBS: [&str; 4] = ["ignore", "ignore-file", "disable", "enable"];

/// Where `line`, which holds no directive read, writes a directive that the reader does not
/// read, or `None`; one after its text is looked for only when it holds `talklint:` (`keyed`),
/// or an HTML comment (`commented`).
pub(super) fn near_miss(line: &str, (keyed, commented): (bool, bool)) -> Option<NearMiss> {
    at_start(line)
        .or_else(|| keyed.then(|| at_end(line, &[])).flatten())
        .or_else(|| commented.then(|| comment_at_end(line)).flatten())
}

/// An HTML comment after text written as [`at_start`] finds one at a line's start (`Agent: Calm
/// down. <!-- Talklint: ignore respect -->`, `<!-- talklint-ignore x -->`): the comment is
/// directive text, the text before it is said. It was read as neither, and the finding stood.
fn comment_at_end(line: &str) -> Option<NearMiss> {
    memchr::memmem::find_iter(line.as_bytes(), b"<!--")
        .filter(|&k| !unpadded(&line[..k]).is_empty())
        .find_map(|k| {
            let miss = at_start(&line[k..])?;
            Some(NearMiss {
                at: k + miss.at,
                hidden_from: k,
                ..miss
            })
        })
}

/// Where `line`, which holds text and the HTML comment directives read in its bytes `read`,
/// writes a `#`, `//` or `--` directive after text (`Agent: hi <!-- talklint: ignore a --> #
/// talklint: ignore b`), as [`near_miss`] finds one in a line without them.
pub(super) fn beside_read(line: &str, read: &[Range<usize>]) -> Option<NearMiss> {
    at_end(line, read)
}

/// A comment with `talklint` in another case, without its colon or joined to the verb by a
/// dash before a directive's verb (`# Talklint: ignore x`, `// talklint ignore x`, `<!--
/// talklint-disable x -->`), or `talklint:` with no comment marker before it (`talklint: ignore
/// x`, which would otherwise be a speaker named talklint): the whole line is directive text.
fn at_start(line: &str) -> Option<NearMiss> {
    let rest = unpadded(line);
    let html = rest.starts_with("<!--");
    let marked = ["<!--", "#", "//", "--"]
        .into_iter()
        .find_map(|p| rest.strip_prefix(p));
    let after = marked.unwrap_or(rest).trim_start();
    let at = line.len() - after.len();
    let word = after
        .get(..8)
        .filter(|w| w.eq_ignore_ascii_case("talklint"))?;
    let colon = after[word.len()..].strip_prefix(':');
    let rest = colon.unwrap_or(&after[word.len()..]);
    // `talklint-disable`, as ESLint spells its own.
    let dashed = rest.strip_prefix('-').filter(|_| colon.is_none());
    let spaced = dashed.is_some() || rest.starts_with(char::is_whitespace);
    let verb = (dashed.unwrap_or(rest).trim_start())
        .split(char::is_whitespace)
        .next()?;
    let fix = match marked {
        Some(_) => "write `talklint:` in lower case, with its colon",
        None if colon.is_some() => "write a comment marker before it, `#`, `//`, `--` or `<!--`",
        None => return None,
    };
    (spaced && VERBS.contains(&verb)).then_some(NearMiss {
        at,
        // An HTML comment hides itself where it is hidden (Markdown), and text may follow it
        // on the line (`<!-- Talklint: ignore x --> Agent: …`): nothing more is hidden.
        hidden_from: if html { line.len() } else { 0 },
        fix,
        example: match html {
            true => "`<!-- talklint: ignore RULE -->`",
            false => "`# talklint: ignore RULE`",
        },
    })
}

/// A `#`, `//` or `--` marker then `talklint:` and a verb after text on the line
/// (`Agent: That's not my department. # talklint: ignore ownership`): only an HTML comment
/// works there. The marker and what follows it are directive text; the text before it is said.
/// A marker counts after a blank only, so `<!--` or a link's `#talklint:` is none; nor does one
/// inside the bytes `read` (in order, apart).
fn at_end(line: &str, read: &[Range<usize>]) -> Option<NearMiss> {
    // The keys come in order too: the ranges behind them are passed once (each key looked
    // through every range made a line of thousands of directives quadratic).
    let mut ahead = read.iter().peekable();
    let unread = |k: &usize| {
        while ahead.next_if(|r| r.end <= *k).is_some() {}
        !ahead.peek().is_some_and(|r| r.contains(k))
    };
    memchr::memmem::find_iter(line.as_bytes(), KEY)
        .filter(unread)
        .find_map(|k| {
            let verb = line[k + KEY.len()..].split_whitespace().next()?;
            let before = line[..k].trim_end();
            let marker = ["#", "//", "--"]
                .into_iter()
                .find_map(|m| before.strip_suffix(m))?;
            let said = marker.strip_suffix(char::is_whitespace)?;
            let spoken = !unpadded(said).is_empty() && VERBS.contains(&verb);
            spoken.then_some(NearMiss {
                at: marker.len(),
                hidden_from: marker.len(),
                fix: "only an HTML comment works at the end of a line",
                example: "`<!-- talklint: ignore RULE -->`",
            })
        })
}
