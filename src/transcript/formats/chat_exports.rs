//! Contact-center and helpdesk exports whose roles and times need the format's own rules:
//! Genesys Cloud phrases (`internal`/`external` purposes, epoch-millisecond times), Zendesk ticket
//! comments (internal notes skipped; the requester is the customer), Intercom conversations (HTML
//! bodies, author types, Unix-second times) and the Amazon Connect participant list.

use super::json_text::{Clock, Unit, from_part, in_time_order, number_or_text, string, text_of};
use super::markup::strip_html;
use super::message_text::is_blank_literal;
use crate::text::lines::LineCursor;
use crate::transcript::role_words::is_role_word;
use crate::transcript::roles::Names;
use crate::transcript::{ParseError, ParseOptions, Role, Roles, Transcript, Turn, TurnText};
use serde::Deserialize;
use serde_json::value::RawValue;
use std::sync::Arc;

/// Gives turns whose speaker is a Connect `ParticipantId` the role the `Participants` list
/// names for it (Lex and Contact Lens files with ids in place of roles).
pub fn join_participants(
    source: &str,
    participants: Option<&RawValue>,
    t: &mut Transcript,
    opts: &ParseOptions,
) -> Result<(), ParseError> {
    #[derive(Deserialize)]
    struct Participant {
        #[serde(rename = "ParticipantId")]
        id: Option<String>,
        #[serde(rename = "ParticipantRole")]
        role: Option<String>,
    }
    let Some(raw) = participants else {
        return Ok(());
    };
    let list: Vec<Participant> = from_part(source, raw)?;
    let named = list.into_iter().filter_map(|p| Some((p.id?, p.role?)));
    roles_by_speaker(t, &named.collect::<Vec<_>>(), &opts.roles);
    Ok(())
}

/// Takes from each turn a speaker that is a role word, as Contact Lens calls' `ParticipantId`
/// `AGENT` and `CUSTOMER` are: the turn keeps its role and names no one, as a Call Analytics
/// turn's `ParticipantRole` names no one, so that the two layouts of one call read alike (talk
/// share in a window where one side talks alone was judged in one and unknown in the other).
pub fn role_ids_name_no_one(t: &mut Transcript) {
    let role_word = |s: &Option<Arc<str>>| s.as_deref().is_some_and(is_role_word);
    for turn in t.turns.iter_mut().filter(|t| role_word(&t.speaker)) {
        turn.speaker = None;
    }
}

/// Gives each turn still without a role the role of the label `named` pairs with its speaker
/// (speaker as the turns name it, label as the file gives it). Only turns no label or config
/// `roles:` mapped are changed, so a `roles:` entry naming the speaker wins over the file.
pub(super) fn roles_by_speaker(t: &mut Transcript, named: &[(String, String)], roles: &Roles) {
    for turn in t.turns.iter_mut().filter(|t| t.role == Role::Unknown) {
        let label = named
            .iter()
            .find(|(speaker, _)| turn.speaker.as_deref() == Some(speaker.as_str()));
        if let Some((_, label)) = label {
            turn.role = roles.role_of(label);
        }
    }
}

/// Twilio authors are channel addresses (`whatsapp:+1555…`, `+1555…`) for customers and
/// identities (`sam@acme.example`) for agents, or `system`. Turns no alias or config maps are
/// read that way: addresses are customers and, once one is, every other author is an agent (a
/// chat handed from one agent to another has two); with no address, one other author is the
/// agent, or the customer where an alias or the config named the agent (`roles: {agent:
/// [sam]}` made the customer an agent too).
pub fn twilio_roles(t: &mut Transcript) {
    let is_address = |a: &str| {
        let number = a.rsplit(':').next().unwrap_or(a);
        number.starts_with('+') && number[1..].bytes().all(|b| b.is_ascii_digit())
    };
    let mut others: Vec<Arc<str>> = Vec::new();
    let mut customer = false;
    for turn in t.turns.iter_mut().filter(|t| t.role == Role::Unknown) {
        match &turn.speaker {
            Some(a) if is_address(a) => {
                turn.role = Role::Customer;
                customer = true;
            }
            Some(a) if &**a == "system" => turn.role = Role::System,
            Some(a) if !others.contains(a) => others.push(a.clone()),
            _ => {}
        }
    }
    customer |= t.turns.iter().any(|t| t.role == Role::Customer);
    let agent = t.turns.iter().any(|t| t.role == Role::Agent);
    let role = match (customer, others.len()) {
        (true, _) => Role::Agent,
        (false, 1) if agent => Role::Customer,
        (false, 1) => Role::Agent,
        _ => return,
    };
    for turn in &mut t.turns {
        if turn.role == Role::Unknown && turn.speaker.as_ref().is_some_and(|a| others.contains(a)) {
            turn.role = role;
        }
    }
}

fn turn(role: Role, speaker: Option<Arc<str>>, start_ms: Option<u64>, text: TurnText) -> Turn {
    Turn {
        role,
        speaker,
        start_ms,
        end_ms: None,
        sentiment: None,
        text,
    }
}

/// Genesys Cloud speech and text analytics transcript: the phrases of every `transcripts[]`
/// entry, in time order, times relative to the conversation start. `participantPurpose`
/// `internal` is the agent side, `external` the customer; config `roles:` may remap them.
pub fn genesys(
    source: &str,
    top: &RawValue,
    opts: &ParseOptions,
) -> Result<Transcript, ParseError> {
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Top<'a> {
        #[serde(borrow)]
        transcripts: Vec<Communication<'a>>,
        #[serde(default, deserialize_with = "number_or_text")]
        conversation_start_time: Option<f64>,
    }
    #[derive(Deserialize)]
    struct Communication<'a> {
        #[serde(borrow, default)]
        phrases: Vec<Phrase<'a>>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Phrase<'a> {
        #[serde(borrow)]
        text: Option<&'a RawValue>,
        #[serde(borrow)]
        decorated_text: Option<&'a RawValue>,
        participant_purpose: Option<String>,
        #[serde(default, deserialize_with = "number_or_text")]
        start_time_ms: Option<f64>,
        duration: Option<Duration>,
    }
    #[derive(Deserialize)]
    struct Duration {
        #[serde(default, deserialize_with = "number_or_text")]
        milliseconds: Option<f64>,
    }
    fn purpose(label: &str) -> Option<Role> {
        Some(match label {
            "internal" | "agent" | "user" => Role::Agent,
            "external" | "customer" => Role::Customer,
            "acd" | "ivr" | "bot" | "workflow" => Role::Bot,
            _ => return None,
        })
    }

    let top: Top = from_part(source, top)?;
    let mut phrases: Vec<Phrase> = top
        .transcripts
        .into_iter()
        .flat_map(|c| c.phrases)
        .collect();
    phrases.sort_by(|a, b| {
        a.start_time_ms
            .unwrap_or(0.0)
            .total_cmp(&b.start_time_ms.unwrap_or(0.0))
    });
    let first = phrases.iter().find_map(|p| p.start_time_ms);
    let start = top
        .conversation_start_time
        .or(first)
        .map(|v| v.max(0.0) as u64);
    let mut clock = Clock::earliest(start);
    let mut names = Names::default();
    let mut turns = Vec::with_capacity(phrases.len());
    for p in phrases {
        // The phrase's text, else its `decoratedText` where it has only that; one of neither
        // is passed over.
        let worded = |raw: &&RawValue| !is_blank_literal(raw.get());
        let said = p.text.filter(worded).or(p.decorated_text.filter(worded));
        let Some(text) = said.and_then(|raw| text_of(source, raw.get())) else {
            continue;
        };
        let speaker = p.participant_purpose.as_deref().map(|s| names.get(s));
        let role = speaker
            .as_deref()
            .map_or(opts.default_role, |s| opts.roles.role_in(s, purpose));
        let start_ms = p
            .start_time_ms
            .and_then(|v| clock.absolute(v.max(0.0) as u64));
        let mut t = turn(role, speaker, start_ms, text);
        t.end_ms = start_ms
            .zip(p.duration.and_then(|d| d.milliseconds))
            .map(|(s, d)| s.saturating_add(d.max(0.0) as u64));
        turns.push(t);
    }
    clock.rebase(&mut turns);
    Ok(Transcript {
        id: None,
        turns,
        warnings: Vec::new(),
        agent_guessed: false,
    })
}

/// Zendesk ticket comments (`GET /api/v2/tickets/{id}/comments`). Private comments (internal
/// notes, `public: false`) are skipped. The requester, `requester_id` at the top or in `ticket`,
/// else the author of the first comment, is the customer; every other author an agent. Speaker
/// labels are the author ids, which config `roles:` may name.
pub fn zendesk(
    source: &str,
    top: &RawValue,
    opts: &ParseOptions,
) -> Result<Transcript, ParseError> {
    #[derive(Deserialize)]
    struct Top<'a> {
        #[serde(borrow)]
        comments: Vec<Comment<'a>>,
        #[serde(borrow)]
        requester_id: Option<&'a RawValue>,
        ticket: Option<Ticket<'a>>,
    }
    #[derive(Deserialize)]
    struct Ticket<'a> {
        #[serde(borrow)]
        requester_id: Option<&'a RawValue>,
        #[serde(borrow)]
        id: Option<&'a RawValue>,
    }
    #[derive(Deserialize)]
    struct Comment<'a> {
        #[serde(borrow)]
        author_id: Option<&'a RawValue>,
        #[serde(borrow)]
        plain_body: Option<&'a RawValue>,
        #[serde(borrow)]
        body: Option<&'a RawValue>,
        public: Option<bool>,
        #[serde(borrow)]
        created_at: Option<&'a RawValue>,
    }

    let top: Top = from_part(source, top)?;
    let id_of = |raw: &RawValue| string(raw.get()).unwrap_or_else(|| raw.get().to_string());
    let mut clock = Clock::earliest(None);
    let times: Vec<Option<u64>> = top
        .comments
        .iter()
        .map(|c| {
            let ms = clock.time(c.created_at?.get(), Unit::Seconds)?;
            clock.epoch_or_offset(ms)
        })
        .collect();
    // The ticket's opening comment is the earliest, wherever the API's `sort_order` put it.
    let opening = (0..top.comments.len()).min_by_key(|&i| (times[i].is_none(), times[i]));
    let requester = top
        .requester_id
        .or_else(|| top.ticket.as_ref()?.requester_id)
        .or_else(|| top.comments.get(opening?)?.author_id)
        .map(id_of);
    let mut names = Names::default();
    let mut turns = Vec::new();
    let public = top
        .comments
        .iter()
        .zip(times)
        .filter(|(c, _)| c.public != Some(false));
    for (c, start_ms) in public {
        let Some(text) = c
            .plain_body
            .or(c.body)
            .and_then(|raw| text_of(source, raw.get()))
        else {
            continue;
        };
        let author = c.author_id.map(id_of);
        let role = match &author {
            Some(a) if opts.roles.knows(a) => opts.roles.role_of(a),
            Some(a) if Some(a) == requester.as_ref() => Role::Customer,
            Some(_) => Role::Agent,
            None => opts.default_role,
        };
        turns.push(turn(role, author.map(|a| names.get(&a)), start_ms, text));
    }
    clock.rebase(&mut turns);
    let warnings = in_time_order(&mut turns, &mut LineCursor::new(source));
    let id = top.ticket.and_then(|t| t.id).map(id_of);
    Ok(Transcript {
        id,
        turns,
        warnings: warnings.into_iter().collect(),
        agent_guessed: false,
    })
}

/// An Intercom conversation: the opening `source` message and the `comment` parts of
/// `conversation_parts` (notes, assignments and state changes are skipped), HTML bodies
/// stripped to text. Authors of type `admin` and `team` are agents, `bot` the bot, `user`,
/// `lead` and `contact` customers; `created_at` is in Unix seconds.
pub fn intercom(
    source: &str,
    top: &RawValue,
    opts: &ParseOptions,
) -> Result<Transcript, ParseError> {
    #[derive(Deserialize)]
    struct Top<'a> {
        #[serde(borrow)]
        source: Option<Part<'a>>,
        #[serde(borrow)]
        conversation_parts: PartList<'a>,
        #[serde(default, deserialize_with = "number_or_text")]
        created_at: Option<f64>,
    }
    #[derive(Deserialize)]
    struct PartList<'a> {
        #[serde(borrow, default)]
        conversation_parts: Vec<Part<'a>>,
    }
    #[derive(Deserialize)]
    struct Part<'a> {
        part_type: Option<String>,
        #[serde(borrow)]
        body: Option<&'a RawValue>,
        author: Option<Author>,
        #[serde(default, deserialize_with = "number_or_text")]
        created_at: Option<f64>,
    }
    #[derive(Deserialize)]
    struct Author {
        #[serde(rename = "type")]
        kind: Option<String>,
        name: Option<String>,
    }
    fn author_type(label: &str) -> Option<Role> {
        Some(match label {
            "admin" | "team" => Role::Agent,
            "bot" => Role::Bot,
            "user" | "lead" | "contact" => Role::Customer,
            _ => return None,
        })
    }

    let top: Top = from_part(source, top)?;
    let start = top.created_at.map(|s| (s.max(0.0) * 1000.0) as u64);
    let mut clock = Clock::earliest(start);
    let mut names = Names::default();
    let mut turns = Vec::new();
    let parts = top.source.into_iter().chain(
        top.conversation_parts
            .conversation_parts
            .into_iter()
            .filter(|p| p.part_type.as_deref().is_none_or(|t| t == "comment")),
    );
    for p in parts {
        let Some(body) = p.body.and_then(|raw| text_of(source, raw.get())) else {
            continue;
        };
        let text = strip_html(&body, source);
        if crate::text::blank::is_blank(&text.text) {
            continue;
        }
        let kind = p.author.as_ref().and_then(|a| a.kind.as_deref());
        let name = p.author.as_ref().and_then(|a| a.name.as_deref()).or(kind);
        let role = role_of_author(&opts.roles, name, kind, author_type, opts.default_role);
        // The opening message has no time of its own: it starts the conversation.
        let created = p.created_at.or(top.created_at);
        let start_ms = created.and_then(|s| clock.absolute((s.max(0.0) * 1000.0) as u64));
        let speaker = name.map(|n| names.get(n));
        turns.push(turn(role, speaker, start_ms, TurnText::Decoded(text)));
    }
    clock.rebase(&mut turns);
    let warnings = in_time_order(&mut turns, &mut LineCursor::new(source));
    Ok(Transcript {
        id: None,
        turns,
        warnings: warnings.into_iter().collect(),
        agent_guessed: false,
    })
}

/// A role from a configured name, else from the author type in the format's words.
fn role_of_author(
    roles: &Roles,
    name: Option<&str>,
    kind: Option<&str>,
    native: fn(&str) -> Option<Role>,
    default: Role,
) -> Role {
    match (name, kind) {
        (Some(n), _) if roles.is_configured(n) => roles.role_of(n),
        (_, Some(k)) => roles.role_in(k, native),
        _ => default,
    }
}
