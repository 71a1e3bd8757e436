//! A caption cue written right under the one above, with no blank line between them (seen in
//! real WebVTT and SRT files, youtube-dl's among them): its timing line used to be read as words
//! of the cue above, and its start time lost. It is a cue of its own, as browsers read it, with a
//! warning at the first such cue.

/// The cues of a file that follow the one above without a blank line: the first's line, and how
/// many more.
#[derive(Default)]
pub(super) struct UnpartedCues(super::FirstOf<usize>);

impl UnpartedCues {
    /// Notes the cue that starts on line `number`.
    pub fn note(&mut self, number: usize) {
        self.0.note(|| number);
    }

    /// The warning, if a cue followed another without a blank line.
    pub fn warning(self) -> Option<String> {
        self.0.warning("cue", |line| {
            format!(
                "line {line}, column 1: this cue follows the one above without a blank line; it \
                 is read as a cue of its own, as browsers read it, but readers that part cues at \
                 blank lines join it to the cue above: add a blank line before it"
            )
        })
    }
}

/// Where a block of caption lines holds a second cue: the index of its first line (its number or
/// id when that is digits, else its timing line), if a timing line follows the one at `t`.
pub(super) fn second_cue(
    block: &[(usize, usize, &str)],
    t: usize,
    is_timing: impl Fn(&str) -> bool,
) -> Option<usize> {
    let u = t + 1 + block[t + 1..].iter().position(|l| is_timing(l.2))?;
    let id = block[u - 1].2.trim();
    let numbered = u - 1 > t && !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
    Some(if numbered { u - 1 } else { u })
}
