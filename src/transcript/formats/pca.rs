//! AWS Post-Call Analytics speakers' roles. Its `ConversationAnalytics.SpeakerLabels` are roles
//! only in Call Analytics mode, where the parser names each speaker after its channel's role
//! (`Agent`, `Customer`). In standard mode they are the configured speaker names given to
//! `spk_0`, `spk_1`, … in order (pca-server's `pca-aws-sf-process-turn-by-turn.py`: "look them
//! up in the order in the config"), true only when the agent happened to speak in that order: so
//! there, and where the file does not say its mode, the two-speaker guess applies as in the other
//! diarised formats. A file that does not say its mode but whose labels name roles could be
//! either: the guess reads it, with a warning, where the labels would say otherwise, that says
//! whom it took as the agent and how to say which the labels are.

use super::chat_exports::roles_by_speaker;
use super::json_text::{from_part, position};
use crate::transcript::roles::assign_diarised_roles;
use crate::transcript::{ParseError, ParseOptions, Role, Transcript, Turn};
use serde::Deserialize;
use serde_json::value::RawValue;

/// Gives turns the roles `SpeakerLabels` (`{"Speaker": "spk_0", "DisplayText": "Agent"}`) name
/// for their speakers when `analytics` (the file's `ConversationAnalytics`) says the call went
/// through Call Analytics; with two speakers and one of them labelled, the other takes the other
/// role. Where the file does not say its mode, the two-speaker guess reads it (see
/// [`guess_unstated`]). Speakers `roles:` names keep the config's role.
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
    let Some(raw) = analytics else {
        return Ok(());
    };
    match mode(raw) {
        Some(Mode::Analytics) => {
            let analytics: Labels = from_part(source, raw)?;
            let named = analytics
                .labels
                .into_iter()
                .filter_map(|l| Some((l.speaker?, l.display?)));
            roles_by_speaker(t, &named.collect::<Vec<_>>(), &opts.roles);
            pair(&mut t.turns);
        }
        Some(Mode::Standard) => {}
        None => guess_unstated(source, raw, t, opts),
    }
    Ok(())
}

/// One of `SpeakerLabels`: `{"Speaker": "spk_0", "DisplayText": "Agent"}`.
#[derive(Deserialize)]
struct Label {
    #[serde(rename = "Speaker")]
    speaker: Option<String>,
    #[serde(rename = "DisplayText")]
    display: Option<String>,
}

/// The Transcribe API a PCA file says its call went through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Analytics,
    Standard,
}

/// The mode `ConversationAnalytics` states in `SourceInformation[].TranscribeJobInfo.
/// TranscribeApiType` (`analytics` or `standard`); `None` where it states none. Read leniently:
/// metadata of another shape says nothing, and fails no file.
fn mode(analytics: &RawValue) -> Option<Mode> {
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
    let sources = serde_json::from_str::<Sources>(analytics.get()).ok()?;
    let apis = sources.sources.into_iter().filter_map(|s| s.job?.api);
    let stated: Vec<&RawValue> = apis.collect();
    let is = |name: &str| {
        stated
            .iter()
            .any(|api| api.get().eq_ignore_ascii_case(name))
    };
    if is("\"analytics\"") {
        Some(Mode::Analytics)
    } else if is("\"standard\"") {
        Some(Mode::Standard)
    } else {
        None
    }
}

/// Reads a call whose file does not say its mode with the two-speaker guess, and when it took
/// the agent from the words where `SpeakerLabels` (in `analytics`) name roles, says so: whom it
/// took, what the labels say, and how to state which they are. A user who kept PCA's labels
/// would otherwise never learn that they were not read.
fn guess_unstated(source: &str, analytics: &RawValue, t: &mut Transcript, opts: &ParseOptions) {
    #[derive(Deserialize)]
    struct Labels<'a> {
        #[serde(rename = "SpeakerLabels", borrow)]
        labels: &'a RawValue,
    }
    let no_roles = t.turns.iter().all(|turn| turn.role == Role::Unknown);
    assign_diarised_roles(t, source);
    let agent = t.turns.iter().find(|turn| turn.role == Role::Agent);
    let Some(agent) = agent
        .and_then(|turn| turn.speaker.clone())
        .filter(|_| no_roles)
    else {
        return;
    };
    let Ok(Labels { labels: raw }) = serde_json::from_str(analytics.get()) else {
        return;
    };
    let labels: Vec<Label> = serde_json::from_str(raw.get()).unwrap_or_default();
    let speakers = || t.turns.iter().filter_map(|turn| turn.speaker.as_deref());
    // The labels of this call's speakers that name a role, with the role each names.
    let roles: Vec<(&str, &str, Role)> = labels
        .iter()
        .filter_map(|l| Some((l.speaker.as_deref()?, l.display.as_deref()?)))
        .filter(|(speaker, _)| speakers().any(|s| s == *speaker))
        .map(|(speaker, display)| (speaker, display, opts.roles.role_of(display)))
        .filter(|(.., role)| matches!(role, Role::Agent | Role::Customer))
        .collect();
    // Labels that agree with the guess change nothing: no warning on every file of a corpus.
    let agrees = roles
        .iter()
        .all(|&(speaker, _, role)| (speaker == &*agent) == (role == Role::Agent));
    if roles.is_empty() || agrees {
        return;
    }
    let labelled = |s: &str| roles.iter().find(|l| l.0 == s).map(|l| l.2);
    // The agent by the labels: the one labelled so, else the speaker not labelled a customer.
    let by_labels = speakers()
        .find(|s| labelled(s) == Some(Role::Agent))
        .or_else(|| speakers().find(|s| labelled(s).is_none()))
        .filter(|s| *s != &*agent);
    let (verdict, hint) = match by_labels {
        Some(other) => (format!(", where the labels make {other} the agent"), other),
        None => (", where the labels say otherwise".to_string(), &*agent),
    };
    // The guess read two speakers: the config names both, or the other is left without a role.
    let customer = speakers().find(|s| *s != hint).unwrap_or_default();
    let named: Vec<String> = roles
        .iter()
        .map(|(speaker, display, _)| format!("{speaker} \"{display}\""))
        .collect();
    let (line, column) = position(source, raw.get());
    t.warnings.push(format!(
        "line {line}, column {column}: the file does not state its mode, so its `SpeakerLabels` \
         ({}) are read as speaker names, not roles, and {agent} was taken as the agent, the first \
         speaker to say three words or more{verdict}; PCA's labels are roles only in Call \
         Analytics mode: if the call went through it, state `\"TranscribeApiType\": \
         \"analytics\"` in `ConversationAnalytics.SourceInformation[].TranscribeJobInfo`, or name \
         both in the config (`roles: {{agent: [\"{hint}\"], customer: [\"{customer}\"]}}`)",
        named.join(", ")
    ));
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
