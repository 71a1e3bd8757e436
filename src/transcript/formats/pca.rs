//! AWS Post-Call Analytics speakers' roles. Its `ConversationAnalytics.SpeakerLabels` are roles
//! only in Call Analytics mode, where the parser names each speaker after its channel's role
//! (`Agent`, `Customer`). In standard mode they are the configured speaker names given to
//! `spk_0`, `spk_1`, … in order (pca-server's `pca-aws-sf-process-turn-by-turn.py`: "look them
//! up in the order in the config"), true only when the agent happened to speak in that order: so
//! there, and where the file does not say its mode, the two-speaker guess applies as in the other
//! diarised formats.

use super::chat_exports::roles_by_speaker;
use super::json_text::from_part;
use crate::transcript::{ParseError, ParseOptions, Role, Transcript, Turn};
use serde::Deserialize;
use serde_json::value::RawValue;

/// Gives turns the roles `SpeakerLabels` (`{"Speaker": "spk_0", "DisplayText": "Agent"}`) name
/// for their speakers when `analytics` (the file's `ConversationAnalytics`) says the call went
/// through Call Analytics; with two speakers and one of them labelled, the other takes the other
/// role. Speakers `roles:` names keep the config's role.
pub fn speaker_roles(
    source: &str,
    analytics: Option<&RawValue>,
    t: &mut Transcript,
    opts: &ParseOptions,
) -> Result<(), ParseError> {
    #[derive(Deserialize)]
    struct Labels {
        #[serde(rename = "SpeakerLabels", default)]
        labels: Vec<Label>,
    }
    #[derive(Deserialize)]
    struct Label {
        #[serde(rename = "Speaker")]
        speaker: Option<String>,
        #[serde(rename = "DisplayText")]
        display: Option<String>,
    }
    let Some(raw) = analytics.filter(|raw| call_analytics(raw)) else {
        return Ok(());
    };
    let analytics: Labels = from_part(source, raw)?;
    let named = analytics
        .labels
        .into_iter()
        .filter_map(|l| Some((l.speaker?, l.display?)));
    roles_by_speaker(t, &named.collect::<Vec<_>>(), &opts.roles);
    pair(&mut t.turns);
    Ok(())
}

/// Whether `ConversationAnalytics` says the call was transcribed by Call Analytics: a
/// `SourceInformation[].TranscribeJobInfo.TranscribeApiType` of `analytics` (else `standard`).
/// Read leniently: metadata of another shape says nothing, and fails no file.
fn call_analytics(analytics: &RawValue) -> bool {
    #[derive(Deserialize)]
    struct Sources<'a> {
        #[serde(rename = "SourceInformation", borrow)]
        sources: Vec<Source<'a>>,
    }
    #[derive(Deserialize)]
    struct Source<'a> {
        #[serde(rename = "TranscribeJobInfo", borrow)]
        job: Option<Job<'a>>,
    }
    #[derive(Deserialize)]
    struct Job<'a> {
        #[serde(rename = "TranscribeApiType", borrow)]
        api: Option<&'a RawValue>,
    }
    serde_json::from_str::<Sources>(analytics.get()).is_ok_and(|s| {
        s.sources
            .iter()
            .filter_map(|s| s.job.as_ref()?.api)
            .any(|api| api.get().eq_ignore_ascii_case("\"analytics\""))
    })
}

/// With exactly two speakers, one an agent or a customer and the other of no role (a
/// `SpeakerLabels` list naming only one), gives the other the other role.
fn pair(turns: &mut [Turn]) {
    let mut speakers: Vec<(&str, Role)> = Vec::new();
    for t in turns.iter() {
        let Some(s) = t.speaker.as_deref() else {
            continue;
        };
        if !speakers.iter().any(|(seen, _)| *seen == s) {
            if speakers.len() == 2 {
                return;
            }
            speakers.push((s, t.role));
        }
    }
    let (speaker, role) = match speakers[..] {
        [(_, Role::Agent), (s, Role::Unknown)] | [(s, Role::Unknown), (_, Role::Agent)] => {
            (s.to_string(), Role::Customer)
        }
        [(_, Role::Customer), (s, Role::Unknown)] | [(s, Role::Unknown), (_, Role::Customer)] => {
            (s.to_string(), Role::Agent)
        }
        _ => return,
    };
    for t in turns.iter_mut() {
        if t.role == Role::Unknown && t.speaker.as_deref() == Some(speaker.as_str()) {
            t.role = role;
        }
    }
}
