//! Labels of a record's fields, read out or pasted into a turn (`Order number: 998877`,
//! `Customer ID: 4521`, `Dirección: Calle Mayor 5`): with a value after them, they name no
//! speaker, and join their turn.
//! Every labelled line asks, so each word list turns most labels away by their first letter and
//! length before comparing a word.

/// The words of a field that stand alone as a label (`Address: 12 High Street`), in English and
/// the product's users' other languages (Spanish, Portuguese, Italian, German, French).
const FIELDS: Words = Words::new(&[
    "address",
    "reference",
    "order",
    "account",
    "tracking",
    "postcode",
    "zip",
    "email",
    "e-mail",
    "phone",
    "tel",
    "telephone",
    "date",
    "total",
    "amount",
    "price",
    "ticket",
    "booking",
    "invoice",
    "dirección",
    "direccion",
    "referencia",
    "pedido",
    "teléfono",
    "telefono",
    "correo",
    "fecha",
    "importe",
    "adresse",
    "kundennummer",
    "bestellnummer",
    "telefon",
    "datum",
    "betrag",
    "referenz",
    "rechnungsnummer",
    "vertragsnummer",
    "auftragsnummer",
    "référence",
    "commande",
    "téléphone",
    "montant",
    "indirizzo",
    "ordine",
    "importo",
    "endereço",
    "valor",
    "postleitzahl",
]);

/// The words that end a field's label of two words or more (`Order number`, `Customer ID`,
/// `Booking ref`).
const FIELD_ENDS: Words = Words::new(&[
    "id",
    "number",
    "no",
    "no.",
    "nr",
    "nr.",
    "#",
    "ref",
    "reference",
    "code",
    "address",
    "email",
    "phone",
]);

/// The words that open a field's label of two words or more in Spanish, Portuguese, Italian and
/// French (`Número de pedido`, `Numéro de commande`).
const FIELD_OPENINGS: Words = Words::new(&["número", "numero", "numéro", "nº", "n°", "id"]);

/// Whether `label` is a field's: one word of [`FIELDS`], or two to four words that end in one
/// of [`FIELD_ENDS`] or open with one of [`FIELD_OPENINGS`].
pub(super) fn is_field(label: &str) -> bool {
    // The usual label is one word (`Agent`, `Customer`): asked at once.
    if memchr::memchr2(b' ', b'\t', label.as_bytes()).is_none() {
        return !label.is_empty() && FIELDS.holds(label);
    }
    let mut words = label.split_whitespace();
    let (Some(first), second) = (words.next(), words.next()) else {
        return false;
    };
    match second {
        None => FIELDS.holds(first),
        Some(_) => {
            let last = words.last().or(second).unwrap_or(first);
            FIELD_ENDS.holds(last) || FIELD_OPENINGS.holds(first)
        }
    }
}

/// Whether a labelled line may be a record's field that joins its turn: `label` is a field's
/// (even where it opens with a role word, `Customer ID`, which names no customer), and `after`,
/// the text after its colon, reads as a field's value (short, with a digit or an `@`: `998877`,
/// `Calle Mayor 5`, `jane@example.com`). Speech after a label (`Caller ID: my order never
/// arrived`) is a speaker's, however the label reads; and so is a label `roles:` names, which the
/// caller asks last, as it costs the most.
pub(super) fn joins_as_field(label: &str, after: &str) -> bool {
    let after = after.trim();
    if is_placeholder(after) {
        return true;
    }
    let value = after.len() <= 60 && after.bytes().any(|b| b.is_ascii_digit() || b == b'@');
    value && is_field(label)
}

/// Whether `value` is only a template's placeholder (`{{name}}`, `{name}`, `%NAME%`, `${name}`;
/// not `<unk>` or `[inaudible]`, which speech-to-text writes for a turn): a canned reply's `Customer Name: {{name}}` is a field to fill in, not the customer
/// speaking (read so, the reply after it was the customer's, and no agent rule judged it).
fn is_placeholder(value: &str) -> bool {
    let inner = |open: &str, close: &str| {
        (value.strip_prefix(open)?.strip_suffix(close))
            .filter(|name| !name.is_empty() && !name.contains([' ', '{', '}', '%']))
    };
    [("{{", "}}"), ("${", "}"), ("{", "}"), ("%", "%")]
        .iter()
        .any(|(open, close)| inner(open, close).is_some())
}

/// Lowercase words, and for each ASCII letter a word may open or end with, the byte lengths of
/// those that do, a bit each.
struct Words {
    words: &'static [&'static str],
    firsts: [u64; 26],
    lasts: [u64; 26],
}

/// The index of an ASCII letter in any case, if `b` is one.
const fn letter(b: u8) -> Option<usize> {
    match b.to_ascii_lowercase() {
        l @ b'a'..=b'z' => Some((l - b'a') as usize),
        _ => None,
    }
}

impl Words {
    const fn new(words: &'static [&'static str]) -> Words {
        let (mut firsts, mut lasts) = ([0u64; 26], [0u64; 26]);
        let mut i = 0;
        while i < words.len() {
            let w = words[i].as_bytes();
            if let (Some(f), true) = (letter(w[0]), w.len() < 64) {
                firsts[f] |= 1 << w.len();
            }
            if let (Some(l), true) = (letter(w[w.len() - 1]), w.len() < 64) {
                lasts[l] |= 1 << w.len();
            }
            i += 1;
        }
        Words {
            words,
            firsts,
            lasts,
        }
    }

    /// Whether `word` is one of the words, in any case.
    fn holds(&self, word: &str) -> bool {
        let b = word.as_bytes();
        let (first, last) = (b[0], b[b.len() - 1]);
        // A word whose first or last letter opens or ends no word of its length is none.
        let length = |at: Option<usize>, masks: &[u64; 26]| match at {
            Some(i) => b.len() < 64 && masks[i] & (1 << b.len()) != 0,
            None => true,
        };
        if !length(letter(first), &self.firsts) || !length(letter(last), &self.lasts) {
            return false;
        }
        self.words.iter().any(|w| {
            w.len() == b.len()
                && (!first.is_ascii() || w.as_bytes()[0] == first.to_ascii_lowercase())
                && word.chars().flat_map(char::to_lowercase).eq(w.chars())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_in_any_case_and_not_speakers() {
        for label in [
            "Address",
            "ORDER NUMBER",
            "Customer ID",
            "Dirección",
            "Número de pedido",
            "Kundennummer",
        ] {
            assert!(is_field(label), "{label}");
        }
        for label in [
            "Agent",
            "Customer",
            "Sarah Lee",
            "Customer Service",
            "Speaker 2",
            "Addresses",
        ] {
            assert!(!is_field(label), "{label}");
        }
    }
}
