//! The words that name speakers' roles in labels, in English and in the languages of the
//! product's users (Spanish, Portuguese, Italian, German, French): kept apart from the rules that
//! read labels (`roles.rs`), as the lists grow with each language and contact centre seen.

use super::roles::Role;

/// The built-in aliases of SPEC §4 (plus a few common spellings), for a lowercase label, and
/// the role words of the product's users' other languages (Spanish, Portuguese, Italian, German,
/// French): only words that name one role.
pub(super) fn builtin(lower: &str) -> Option<Role> {
    Some(match lower {
        "agent" | "rep" | "representative" | "advisor" | "adviser" | "associate" | "csr"
        | "support" | "operator" | "staff" | "human_agent" | "humanagent" | "human agent"
        | "any_agent" | "supervisor" => Role::Agent,
        // Spanish, Portuguese and Italian.
        "agente" | "asesor" | "asesora" | "operador" | "operadora" | "teleoperador"
        | "teleoperadora" | "representante" | "operatore" | "operatrice" | "atendente" => {
            Role::Agent
        }
        // German and French.
        "agentin" | "berater" | "beraterin" | "mitarbeiter" | "mitarbeiterin" | "kundenberater"
        | "kundenberaterin" | "kundenbetreuer" | "kundenbetreuerin" | "sachbearbeiter"
        | "sachbearbeiterin" | "conseiller" | "conseillère" | "conseillere" | "téléconseiller"
        | "téléconseillère" | "teleconseiller" | "teleconseillere" | "opérateur" | "opératrice"
        | "operateur" => Role::Agent,
        // A company's service named as its languages write it (`Service client :`).
        "kundenservice"
        | "kundendienst"
        | "service client"
        | "service clients"
        | "service clientèle"
        | "atención al cliente"
        | "servicio al cliente"
        | "servizio clienti"
        | "assistenza clienti"
        | "atendimento ao cliente" => Role::Agent,
        "customer" | "caller" | "client" | "user" | "member" | "guest" | "visitor" | "end_user"
        | "end-user" | "enduser" | "end user" | "consumer" => Role::Customer,
        // A customer, a user and a caller in Spanish, Portuguese, Italian, German and French.
        "cliente" | "clienta" | "usuario" | "usuaria" | "usuário" | "usuária" | "utilizador"
        | "utilizadora" | "utente" | "kunde" | "kundin" | "anrufer" | "anruferin" | "nutzer"
        | "nutzerin" | "benutzer" | "benutzerin" | "utilisateur" | "utilisatrice" | "appelant"
        | "appelante" => Role::Customer,
        "bot" | "assistant" | "ivr" | "virtual agent" | "virtual_agent" | "virtualagent"
        | "automated_agent" | "automatedagent" | "custom_bot" => Role::Bot,
        "system" => Role::System,
        _ => return None,
    })
}

/// The words for an agent that may stand before a person's name in a label (`Agent Smith`,
/// `Agente Lucía`, `Conseillère Hélène`), any case.
pub(super) const TITLES: [&str; 17] = [
    "agent",
    "agentin",
    "rep",
    "representative",
    "advisor",
    "adviser",
    "associate",
    "agente",
    "asesor",
    "asesora",
    "atendente",
    "berater",
    "beraterin",
    "sachbearbeiter",
    "sachbearbeiterin",
    "conseiller",
    "conseillère",
];

/// Whether a lowercase `word` after a customer word makes a label the company's side: a service
/// (`Customer Service`, `Client Services`, `Customer Care`), a team or desk, or a word for its
/// staff (`Customer Service Agent`, `Customer Success Specialist`).
pub(super) fn is_service_word(word: &str) -> bool {
    matches!(
        word,
        "service"
            | "services"
            | "support"
            | "care"
            | "success"
            | "experience"
            | "relations"
            | "team"
            | "desk"
            | "helpdesk"
            | "center"
            | "centre"
            | "agent"
            | "representative"
            | "rep"
            | "advisor"
            | "adviser"
            | "associate"
            | "specialist"
            | "officer"
            | "executive"
            | "operator"
            | "staff"
    )
}

/// Whether `word` names a group, not a person (`Team`, `Services`, `Desk`).
pub(super) fn is_team_word(word: &str) -> bool {
    let groups = [
        "team", "services", "service", "support", "care", "desk", "help", "group",
    ];
    groups.iter().any(|g| g.eq_ignore_ascii_case(word))
}

/// Whether a speaker label is a role word and nothing more (`AGENT`, `customer`): it tells the
/// turn's side, not who of that side speaks.
pub(crate) fn is_role_word(label: &str) -> bool {
    let label = label.trim();
    label.len() <= 32 && builtin(&label.to_lowercase()).is_some()
}
