//! A caption cue that ends before it starts (`00:00:05.000 --> 00:00:01.000`, seen in real
//! files) is read as ending where it starts, a cue of no length: its file is still read, and a
//! warning at the first such cue says so, as a text span or a JSON turn that ends before it
//! starts is warned about.

/// The cues of a file that end before they start: the first's warning, and how many more.
#[derive(Default)]
pub(super) struct BackwardCues {
    first: Option<String>,
    more: usize,
}

impl BackwardCues {
    /// Notes the cue of timing line `line` (number `number`), whose end `end` (a part of `line`)
    /// reads as `end_ms`, before its start at `start_ms`.
    pub fn note(&mut self, number: usize, line: &str, end: &str, (start_ms, end_ms): (u64, u64)) {
        if self.first.is_some() {
            self.more += 1;
            return;
        }
        let offset = (end.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
        let column = line
            .get(..offset)
            .map_or(1, |before| before.chars().count() + 1);
        let seconds = |ms: u64| ms as f64 / 1000.0;
        self.first = Some(format!(
            "line {number}, column {column}: this cue ends at {} s, before it starts at {} s, so \
             it is read as ending where it starts; write the end after the start",
            seconds(end_ms),
            seconds(start_ms),
        ));
    }

    /// The warning, if a cue ended before it started.
    pub fn warning(self) -> Option<String> {
        let more = super::more_like(self.more, "cue");
        self.first.map(|first| first + &more)
    }
}
