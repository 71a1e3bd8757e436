//! Whether a text's labelled lines make a dialogue or are a script's (`Note:`, `Hours: 9 to 5`,
//! section titles with times): read from the labels that open turns, how often each does, and
//! the lines that open none.

use super::text::Opening;
use crate::transcript::few_map::FewMap;
use crate::transcript::{Role, Roles};

/// What the lines of a text that open no turn say of it.
#[derive(Clone, Copy)]
pub(super) struct Lines {
    /// Spoken lines that neither open a turn nor join one by their label (`Note:`).
    pub(super) unlabelled: usize,
    /// Whether the first spoken line opens a turn.
    pub(super) opens_first: bool,
    /// Whether a line opens a turn after one that neither opens nor joins one: a wrapped line
    /// answered, where a script's header lines (`Title: …`, `Note: …`) come only before its text.
    pub(super) opens_after_text: bool,
    /// Spoken lines after the last line that opens a turn, that neither open nor join one.
    pub(super) after_last_opening: usize,
    /// Whether a sign-off (`Best,`, `Kind regards,`) is one of the two lines before the first
    /// line that opens a turn.
    pub(super) signed_off: bool,
}

/// Whether `line` is a letter's sign-off: a short line that ends with a comma (`Best,`,
/// `Kind regards,`, `Thanks,`).
pub(super) fn is_sign_off(line: &str) -> bool {
    let line = line.trim_end();
    line.ends_with(',')
        && (1..=3).contains(&line.split_whitespace().count())
        && !line.contains(|c: char| c.is_ascii_digit())
}

/// The most lines after a reply's signature (`Customer Care: Acme Ltd`, then a web address).
const AFTER_SIGNATURE: usize = 2;

/// Whether the labelled lines make a dialogue: a known role alias among the labels, at least two
/// distinct labels each used more than once, or (a short exchange, `Sarah: …` / `Bob: …`) at least
/// two distinct labels opening every line but those that join a turn (`Note:`, `Step 2:`), or
/// opening the first line, a line after a wrapped one, and at least as many lines as go on a turn
/// (`Weber: …`, a line wrapped from it, `Roth: …`: a short exchange with a long line). A
/// script's lone "Note:" line stays text, and so do a script that opens with prose and has a few
/// `Hours: 9 to 5` lines and one that opens with header lines (`Title: …`, `Reminder: …`). Otter's
/// headers that stand (see [`super::otter::keep_headers`]) and open the first line make a dialogue of
/// two speakers or more, however long their turns, when a speaker heads two turns or more or
/// the file is two turns of two speakers (the shortest exchange); headers of three names or
/// more, none heading a second turn, are a script's section titles with their times
/// (`Greeting  0:15`, `Verify  0:45`, `Close  2:00`), unless `roles:` names one.
pub(super) fn is_dialogue(openings: &[(usize, Opening)], lines: Lines, roles: &Roles) -> bool {
    // One label at a reply's end, after its sign-off, is a signature (`Best,` then `Support:
    // help@acme.com`, `Customer Care: Acme Ltd`), not a speaker: read as one, the reply before it
    // was no one's turn, and passed. A customer's line quoted in a reply stays the customer's.
    let signature = |label: &str| {
        lines.signed_off
            && lines.after_last_opening <= AFTER_SIGNATURE
            && roles.role_of(label) != Role::Customer
    };
    if let [(_, only)] = openings
        && signature(only.label)
    {
        return false;
    }
    // The labels, told apart; those that open two turns or more; whether one is a role.
    let (mut tally, mut distinct, mut repeated, mut known) = (Tally::default(), 0, 0, false);
    for (_, o) in openings {
        match tally.add(o.label) {
            1 => {
                distinct += 1;
                known = known || roles.knows(o.label);
            }
            2 => repeated += 1,
            _ => {}
        }
    }
    let headers = || openings.iter().all(|(_, o)| o.otter);
    let turn_taking = repeated > 0 || openings.len() == 2;
    known
        || repeated >= 2
        || (distinct >= 2 && turn_taking && lines.opens_first && headers())
        || (distinct >= 2
            && (lines.unlabelled == 0
                || (lines.opens_first
                    && lines.opens_after_text
                    && openings.len() >= lines.unlabelled)))
}

/// How many turns each label opens.
#[derive(Default)]
struct Tally<'a>(FewMap<&'a str, usize>);

impl<'a> Tally<'a> {
    /// Counts one more turn of `label`: how many it has opened now.
    fn add(&mut self, label: &'a str) -> usize {
        if let Some(n) = self.0.get_mut(label) {
            *n += 1;
            return *n;
        }
        self.0.insert_new(label, 1);
        1
    }
}
