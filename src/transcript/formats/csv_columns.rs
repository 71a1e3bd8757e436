//! Which column of a CSV header holds what: the text, the speaker's role and name, the times and
//! the conversation id, found by their names in any case, with the spellings exports use.

use super::super::json_text::Unit;
use super::id_columns::{IdOf, id_of};

/// Header names each column may have.
pub(super) const TEXT: &[&str] = &[
    "text",
    "msg",
    "message",
    "content",
    "body",
    "utterance",
    "transcript",
    // Spanish, Portuguese, Italian, German, French.
    "mensaje",
    "texto",
    "contenido",
    "mensagem",
    "messaggio",
    "testo",
    "nachricht",
    "inhalt",
    "texte",
    "contenu",
];
const ROLE: &[&str] = &[
    "role",
    "speaker_role",
    "participant_role",
    "sender_type",
    "author_type",
    "participant_type",
    "actor_type",
    // The same in camel case, as a header's case is not read: `senderType`, `sentBy`.
    "sendertype",
    "authortype",
    "participanttype",
    "actortype",
    "sentby",
    "rol",
    "papel",
    "ruolo",
    "rolle",
    "rôle",
];
const NAME: &[&str] = &[
    "speaker",
    "author",
    "sender",
    "sender_name",
    "author_name",
    "sendername",
    "authorname",
    "from",
    "name",
    "user",
    "participant",
    "interlocutor",
    "hablante",
    "remitente",
    "autor",
    "remetente",
    "locutor",
    "mittente",
    "autore",
    "sprecher",
    "absender",
    "teilnehmer",
    "interlocuteur",
    "locuteur",
    "auteur",
    "expéditeur",
];
const TIME: &[&str] = &[
    "start",
    "start_time",
    "timestamp",
    "time",
    "created_at",
    "date",
    "datetime",
    "sent_at",
    "fecha",
    "hora",
    "datum",
    "uhrzeit",
    "zeit",
    "heure",
    "ora",
    "fecha_y_hora",
    "marca_de_tiempo",
    "zeitstempel",
    "horodatage",
];
/// A date column and a time column, read together (a sheet's `Date` and `Time`).
const DATE: &[&str] = &["date", "fecha", "datum"];
const CLOCK: &[&str] = &["time", "hora", "uhrzeit", "zeit", "heure", "ora"];
const END: &[&str] = &["end", "end_time"];
/// Columns of milliseconds: the start, and the end.
const TIME_MS: &[&str] = &[
    "start_ms",
    "start_millis",
    "offset_ms",
    "timestamp_ms",
    "time_ms",
    "start_time_ms",
    "begin_ms",
    "ts_ms",
];
const END_MS: &[&str] = &["end_ms", "end_millis", "end_time_ms"];
/// Column positions, found from the header row.
pub(super) struct Columns {
    pub(super) text: usize,
    pub(super) role: Option<usize>,
    pub(super) name: Option<usize>,
    /// The start and end columns, and the unit of their numbers.
    pub(super) start: Option<(usize, Unit)>,
    pub(super) end: Option<(usize, Unit)>,
    /// A time column apart from the start's, which is then a date column (a sheet's `Date`
    /// and `Time`).
    pub(super) clock: Option<usize>,
    /// The columns that may hold a conversation's id, in the order read: one of a
    /// conversation's own id, one of a call's, the first of the others.
    pub(super) conversation: Vec<usize>,
}

impl Columns {
    /// The columns `header` names; none without a text column.
    pub(super) fn find(header: &csv::StringRecord) -> Option<Columns> {
        let normal: Vec<String> = header
            .iter()
            .map(|h| h.trim().to_lowercase().replace([' ', '-'], "_"))
            .collect();
        let col = |names: &[&str]| normal.iter().position(|h| names.contains(&h.as_str()));
        let timed = |seconds: &[&str], millis: &[&str]| {
            (col(seconds).map(|i| (i, Unit::Seconds))).or(col(millis).map(|i| (i, Unit::Millis)))
        };
        let start = timed(TIME, TIME_MS);
        let (date, time) = (col(DATE), col(CLOCK));
        let (start, clock) = match (date, time) {
            (Some(d), Some(t)) if [date, time].contains(&start.map(|s| s.0)) => {
                (Some((d, Unit::Seconds)), Some(t))
            }
            _ => (start, None),
        };
        Some(Columns {
            text: col(TEXT)?,
            role: col(ROLE),
            name: col(NAME),
            start,
            end: timed(END, END_MS),
            clock,
            conversation: id_columns(header),
        })
    }
}

/// Whether `source` opens with a CSV header that names a text column and a speaker's column
/// (`speaker,text`, `Role;Message`; after Excel's `sep=;` line too), every cell a column's name
/// or empty: how the content shows CSV where no extension says so. A chat export piped to
/// `talklint check -` was read as one turn of text, its header and rows together, and passed.
pub(crate) fn opens_with_header(source: &str) -> bool {
    let body = source.trim_start_matches('\u{feff}');
    let mut lines = body.lines();
    let first = lines.next().unwrap_or_default();
    let first = match first.starts_with("sep=") {
        true => lines.next().unwrap_or_default(),
        false => first,
    };
    // Read as CSV only where the line holds nothing but names, delimiters and quotes: a text
    // transcript's first line (`Agent: Hello, …`) is told apart without a reader.
    let word =
        |c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | ' ' | '.' | '(' | ')' | '/' | '#');
    let header_char = |c: char| word(c) || matches!(c, ',' | ';' | '\t' | '"' | '\r');
    if !first.contains([',', ';', '\t']) || !first.chars().all(header_char) {
        return false;
    }
    let (mut reader, ..) = super::open(source);
    let Ok(header) = reader.headers() else {
        return false;
    };
    let named = |cell: &str| cell.trim().len() <= 40 && cell.trim().chars().all(word);
    let names = header.iter().filter(|cell| !cell.trim().is_empty()).count();
    names >= 2
        && header.iter().all(named)
        && Columns::find(header).is_some_and(|c| c.role.is_some() || c.name.is_some())
}

/// The columns of `header` that may hold a conversation's id, in the order read: the first of a
/// conversation's own id, the first of a call's, the first of the others.
fn id_columns(header: &csv::StringRecord) -> Vec<usize> {
    let mut firsts: Vec<(IdOf, usize)> = Vec::new();
    for (i, name) in header.iter().enumerate() {
        if let Some(of) = id_of(name)
            && !firsts.iter().any(|&(seen, _)| seen == of)
        {
            firsts.push((of, i));
        }
    }
    firsts.sort();
    firsts.into_iter().map(|(_, i)| i).collect()
}
