//! Which CSV header names a conversation's id, in the words exports write it in English, Spanish,
//! Portuguese, Italian, German and French: `conversation_id`, `Conversación ID`, `ID de
//! llamada`, `Anruf-ID`, `GesprächsID`, `Identifiant de conversation`, `Ticketnummer`. A header
//! of the shape but not the words (`message_id`, `agent_id`) names no conversation.

/// What a conversation-id column is the id of, in the order its columns are read: of two, a
/// conversation's own id, else a call's, else the first of the other ids, else the first
/// number of a record (`Case Number` beside `Chat ID`: a case may span chats).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum IdOf {
    Conversation,
    Call,
    Other,
    Numbered,
}

/// The words for a conversation that name its id alone, as a column's whole header.
const BARE: &[&str] = &["conversation", "conversación", "conversacion"];

/// Words for a conversation.
const CONVERSATION: &[&str] = &[
    "conversation",
    "conversación",
    "conversacion",
    "conversa",
    "conversação",
    "conversacao",
    "conversazione",
    "gespräch",
    "gespraech",
    "konversation",
    "interaction",
    "interacción",
    "interaccion",
    "interação",
    "interacao",
    "interazione",
    "interaktion",
    "dialog",
    "dialogue",
    "diálogo",
];
const CALL: &[&str] = &[
    "call",
    "llamada",
    "chamada",
    "ligação",
    "ligacao",
    "chiamata",
    "anruf",
    "telefonat",
    "appel",
];
const OTHER: &[&str] = &[
    "chat",
    "ticket",
    "contact",
    "contacto",
    "contato",
    "contatto",
    "kontakt",
    "session",
    "sesión",
    "sesion",
    "sessão",
    "sessao",
    "sessione",
    "sitzung",
    "thread",
    "transcript",
    "transcripción",
    "transcripcion",
    "transkript",
    "case",
    "caso",
    "vorgang",
    "incident",
    "incidencia",
];
/// The words for an id, before or after the thing's (`ID Llamada`, `call_id`).
const ID: &[&str] = &[
    "id",
    "ids",
    "identifier",
    "identifiant",
    "identificador",
    "identificativo",
    "kennung",
];
/// The words for a number, which name an id beside a record's word only (`Ticket Number`,
/// `Case No`): a contact's or a call's number is a telephone's (`Contact Number`,
/// `Anrufnummer`).
const NUMBER: &[&str] = &[
    "nr", "no", "num", "number", "nummer", "numero", "número", "numéro",
];
/// The things whose number is their id: a conversation's and a record's words.
const NUMBERED: &[&str] = &[
    "ticket",
    "case",
    "caso",
    "vorgang",
    "incident",
    "incidencia",
];
/// An id's words written onto the thing's (`callId`, `GesprächsID`, `Ticketnummer`).
const GLUED_ID: &[&str] = &["id"];
const GLUED_NUMBER: &[&str] = &["nr", "nummer", "number"];
/// Words that join an id's to the thing's (`ID de la llamada`, `Numéro du ticket`, French's
/// elided `l'` and `d'`: `ID de l'appel`, `Numéro d'appel`).
const JOINING: &[&str] = &[
    "de", "del", "la", "el", "da", "do", "di", "della", "du", "des", "of", "the", "l", "d",
];

/// What the column headed `header` is the id of, if it is a conversation's id.
pub(super) fn id_of(header: &str) -> Option<IdOf> {
    let lower = header.trim().to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !JOINING.contains(w))
        .collect();
    match words.as_slice() {
        [one] if BARE.contains(one) => Some(IdOf::Conversation),
        [one] => glued(one),
        [a, b] if ID.contains(a) => thing(b),
        [a, b] if ID.contains(b) => thing(a),
        [a, b] if NUMBER.contains(a) => numbered(b),
        [a, b] if NUMBER.contains(b) => numbered(a),
        _ => None,
    }
}

/// A thing's id written as one word: `callid`, `gesprächsid`, `ticketnummer`.
fn glued(word: &str) -> Option<IdOf> {
    let id = GLUED_ID
        .iter()
        .filter_map(|id| word.strip_suffix(id))
        .find_map(thing);
    let number = || {
        (GLUED_NUMBER.iter())
            .filter_map(|n| word.strip_suffix(n))
            .find_map(numbered)
    };
    id.or_else(number)
}

/// Whether `word` is a conversation's or a record's (a ticket's), whose number may be its id: one
/// read after every column named an id (`Conversation Number` may count a call's parts).
fn numbered(word: &str) -> Option<IdOf> {
    let record = |w: &str| NUMBERED.contains(&w);
    let conversation = thing(word) == Some(IdOf::Conversation);
    let numbered = conversation || record(word) || word.strip_suffix('s').is_some_and(record);
    numbered.then_some(IdOf::Numbered)
}

/// What `word` names, with German's joining `s` (`Gesprächs`, `Anrufs`) read off.
fn thing(word: &str) -> Option<IdOf> {
    let named = |w: &str| {
        [
            (CONVERSATION, IdOf::Conversation),
            (CALL, IdOf::Call),
            (OTHER, IdOf::Other),
        ]
        .into_iter()
        .find_map(|(words, of)| words.contains(&w).then_some(of))
    };
    named(word).or_else(|| word.strip_suffix('s').and_then(named))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_exports_write_name_conversation_ids() {
        for (header, of) in [
            ("conversation_id", IdOf::Conversation),
            ("Conversation", IdOf::Conversation),
            ("ConversationId", IdOf::Conversation),
            ("Conversación ID", IdOf::Conversation),
            ("ID de Conversación", IdOf::Conversation),
            ("Id. conversación", IdOf::Conversation),
            ("Gesprächs-ID", IdOf::Conversation),
            ("GesprächsID", IdOf::Conversation),
            ("Gespraechs-ID", IdOf::Conversation),
            ("Identifiant de conversation", IdOf::Conversation),
            ("interaction_id", IdOf::Conversation),
            ("call_id", IdOf::Call),
            ("CallId", IdOf::Call),
            ("Anruf-ID", IdOf::Call),
            ("ID Llamada", IdOf::Call),
            ("ID de la llamada", IdOf::Call),
            ("ID Chiamata", IdOf::Call),
            ("ID de l'appel", IdOf::Call),
            ("Identifiant d’appel", IdOf::Call),
            ("Case No.", IdOf::Numbered),
            ("Vorgangsnummer", IdOf::Numbered),
            ("conversation number", IdOf::Numbered),
            ("ContactId", IdOf::Other),
            ("chatId", IdOf::Other),
            ("Ticket Number", IdOf::Numbered),
            ("Ticketnummer", IdOf::Numbered),
            ("Numéro du ticket", IdOf::Numbered),
            ("case_id", IdOf::Other),
            ("session_id", IdOf::Other),
        ] {
            assert_eq!(id_of(header), Some(of), "{header}");
        }
        for header in [
            "id",
            "message_id",
            "msg_id",
            "agent_id",
            "customer id",
            "turn",
            "session",
            "call",
            "call type",
            "paid",
            "android",
            "phone number",
            // A contact's or a call's number is a telephone's.
            "Contact Number",
            "Número de contacto",
            "Kontaktnummer",
            "Anrufnummer",
            "call number",
            "No.",
            // A word of a conversation alone is a column of its own (a dialogue's node, an
            // interaction's number).
            "Dialog",
            "Interaction",
            "session_number",
        ] {
            assert_eq!(id_of(header), None, "{header}");
        }
    }
}
