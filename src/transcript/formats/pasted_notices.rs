//! A message pasted into a dialogue's turn with its own label and time (`05.03.2024 10:02
//! Reminder: your payment is due`, an app's notice a customer copied in): in a file whose other
//! labels all name roles, a label that names a kind of message (`Reminder`, `Alert`,
//! `Notification`) and opens one turn alone is text of the turn it stands in. It opened a turn of
//! a speaker with no role, whose warning proposed `Reminder` as the agent.
//!
//! Only in such a file: where the label opens two turns or more, or the other labels are names,
//! it may be a platform's speaker (a chat tool's `Notification:` lines) or a person, and it stays
//! a speaker, as `roles:` can then name it.

use super::lines::Line;
use super::text::Labelled;
use crate::transcript::Roles;

/// Turns each pasted message of `read` (a text's lines and how each reads) into a line of the
/// turn it stands in: a label that names a kind of message (see [`is_message_word`]), `roles`
/// names it not, it opens one turn alone and not the first, and every other label of the file is
/// one `roles` knows.
pub(super) fn join_pasted<'a>(read: &mut [(Line<'a>, Option<Labelled<'a>>)], roles: &Roles) {
    // Most files have no such label: one look at each opening's last word, but for the two
    // labels last found none (a dialogue's `Agent` and `Customer`, over and over).
    let mut none: [&str; 2] = ["", ""];
    let mut openings = read.iter().filter_map(|(_, r)| label(r));
    let any = openings.any(|l| {
        if none.contains(&l) {
            return false;
        }
        let found = is_message_word(l);
        none = [l, none[0]];
        found
    });
    if !any {
        return;
    }
    // Each label with how many turns it opens, in the order first seen.
    let mut tally: Vec<(&str, usize)> = Vec::new();
    for l in read.iter().filter_map(|(_, r)| label(r)) {
        match tally.iter_mut().find(|(t, _)| *t == l) {
            Some((_, n)) => *n += 1,
            None => tally.push((l, 1)),
        }
    }
    let pasted = |(l, n): &(&str, usize)| *n == 1 && is_message_word(l) && !roles.knows(l);
    let (notices, speakers): (Vec<_>, Vec<_>) = tally.iter().partition(|t| pasted(t));
    if notices.is_empty() || speakers.is_empty() || !speakers.iter().all(|(l, _)| roles.knows(l)) {
        return;
    }
    // A message before the first turn has no turn to join: it stays as it is read.
    let mut opened = false;
    for (_, r) in read.iter_mut() {
        let Some(l) = label(r) else { continue };
        if opened && notices.iter().any(|(n, _)| *n == l) {
            *r = Some(Labelled::Joins);
        }
        opened = true;
    }
}

/// The label of a line that opens a turn.
fn label<'a>(r: &Option<Labelled<'a>>) -> Option<&'a str> {
    match r {
        Some(Labelled::Opens(o)) => Some(o.label),
        _ => None,
    }
}

/// Whether the last word of `label` names a kind of message, not a person (`Reminder`, `Payment
/// reminder`, `Alert`, `Notification`), in English or the product's users' other languages
/// (Spanish, Portuguese, Italian, German, French), in any case of its ASCII letters. Asked of
/// every label that opens a turn, so the words are found by their length first: `Agent` and
/// `Customer` are compared with one word each, by their first letters.
fn is_message_word(label: &str) -> bool {
    // Labels are short: a plain loop, not a vectorised search's set-up.
    let word = match label.bytes().rposition(|b| b == b' ') {
        Some(at) => &label[at + 1..],
        None => label,
    };
    let words: &[&str] = match word.len() {
        3 => &["sms"],
        4 => &["avis", "info"],
        5 => &["alert", "aviso", "error"],
        6 => &[
            "alerta", "alerte", "avviso", "erreur", "fehler", "notice", "rappel", "status",
        ],
        7 => &["mensaje", "message", "receipt"],
        8 => &["conferma", "lembrete", "mensagem", "notifica", "reminder"],
        9 => &["autoreply", "messaggio", "nachricht"],
        10 => &["auto-reply", "erinnerung", "mitteilung", "promemoria"],
        11 => &["confirmacao", "notificacao"],
        12 => &[
            "announcement",
            "bestätigung",
            "confirmacion",
            "confirmation",
            "notificacion",
            "notification",
            "recordatorio",
        ],
        13 => &["confirmación", "confirmação", "notificación", "notificação"],
        16 => &["benachrichtigung"],
        18 => &["zahlungserinnerung"],
        _ => return false,
    };
    // The first letter, then the word: a label of the same length as some (`Agent`) is mostly
    // turned away by its first.
    let Some(first) = word.as_bytes().first().map(u8::to_ascii_lowercase) else {
        return false;
    };
    words
        .iter()
        .any(|w| w.as_bytes()[0] == first && w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::is_message_word;

    #[test]
    fn words_for_a_kind_of_message_are_told_from_names() {
        for label in [
            "Reminder",
            "Payment reminder",
            "ALERT",
            "Recordatorio",
            "Rappel",
        ] {
            assert!(is_message_word(label), "{label}");
        }
        for label in ["Agent", "Sarah", "Remi", "Customer", "Alerts team"] {
            assert!(!is_message_word(label), "{label}");
        }
    }
}
