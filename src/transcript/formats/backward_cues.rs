//! A caption cue that ends before it starts (`00:00:05.000 --> 00:00:01.000`, seen in real
//! files) is read as ending where it starts, a cue of no length: its file is still read, and a
//! warning at the first such cue says so, as a text span or a JSON turn that ends before it
//! starts is warned about.

/// The cues of a file that end before they start: the first's warning, and how many more.
#[derive(Default)]
pub(super) struct BackwardCues(super::FirstOf<String>);

impl BackwardCues {
    /// Notes the cue of timing line `line` (number `number`), whose end `end` (a part of `line`)
    /// reads as `end_ms`, before its start at `start_ms`.
    pub fn note(&mut self, number: usize, line: &str, end: &str, (start_ms, end_ms): (u64, u64)) {
        self.0
            .note(|| warning(number, line, end, (start_ms, end_ms)));
    }

    /// The warning, if a cue ended before it started.
    pub fn warning(self) -> Option<String> {
        self.0.warning("cue", |first| first)
    }
}

/// What the first cue that ends before it starts is warned of (see [`BackwardCues::note`]).
fn warning(number: usize, line: &str, end: &str, (start_ms, end_ms): (u64, u64)) -> String {
    let offset = (end.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
    let column = line
        .get(..offset)
        .map_or(1, |before| before.chars().count() + 1);
    let seconds = |ms: u64| ms as f64 / 1000.0;
    format!(
        "line {number}, column {column}: this cue ends at {} s, before it starts at {} s, so it \
         is read as ending where it starts; write the end after the start",
        seconds(end_ms),
        seconds(start_ms),
    )
}
