//! Speech-to-text output without speaker labels (a call transcribed without diarisation): every
//! turn takes `--default-role`'s role, so the customer's words are judged as the agent's. A
//! script has no speakers by design; a recorded call has two, so the reader is told.

use crate::text::lines::LineCursor;
use crate::transcript::{Format, ParseOptions, Role, Turn};

/// The warning for a speech-to-text transcript of `format` none of whose turns names its
/// speaker, placed by `lines` at the first turn's text; none where `--default-role any` already
/// says that no one's side is known.
pub fn warning(
    format: Format,
    turns: &[Turn],
    opts: &ParseOptions,
    lines: &mut LineCursor,
) -> Option<String> {
    let speech = matches!(
        format,
        Format::AwsTranscribe
            | Format::Deepgram
            | Format::Assemblyai
            | Format::GoogleStt
            | Format::Whisper
    );
    let role = opts.default_role;
    if !speech || role == Role::Any || turns.iter().any(|t| t.speaker.is_some()) {
        return None;
    }
    let (line, column) = lines.position(turns.first()?.source_offset(0));
    Some(format!(
        "line {line}, column {column}: no turn of this {} transcript names its speaker (it was \
         transcribed without speaker labels), so all of it is read as the {}'s: {} rules judge \
         both sides' words, and talk share is unknown; transcribe with speaker diarization, or \
         pass --default-role any to read it as either side's",
        format.name(),
        role.name(),
        role.name()
    ))
}
