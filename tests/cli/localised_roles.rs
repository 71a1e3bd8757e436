//! Speaker labels as a contact centre of Spanish, German and French calls writes them: French
//! typography's no-break spaces around a label's colon, role words of those languages, a
//! company's service named with a customer word (`Customer Service:`), and note lines of those
//! languages (`Nota:`). Each was misread, silently: the agent's words went unjudged or the
//! customer's were judged as the agent's.

use crate::support::{run, talklint, write};
use serde_json::Value;
use std::path::Path;

/// A pack of one tag on `hola`, whoever says it: its findings give each turn's role.
pub(crate) const HOLA: &str =
    "rules:\n  - {id: t/hola, kind: tag, speaker: any, phrases: [\"hola\"]}\n";

/// `talklint check --exit-zero ARGS` on `text` in `dir`, with a config that says `config`:
/// its output and its errors (it must exit 0).
pub(crate) fn check_call(dir: &Path, config: &str, text: &str, args: &[&str]) -> (String, String) {
    let config = write(dir, "talklint.yaml", config);
    let call = write(dir, "call.txt", text);
    let (code, out, err) = run(talklint()
        .args(["check", "--exit-zero", "--config"])
        .arg(&config)
        .args(args)
        .arg(&call));
    assert_eq!(code, 0, "{err}");
    (out, err)
}

/// The conversation of `text`, checked with the `hola` tag (and `roles`, a config's `roles:`
/// line, if any).
fn conversation(text: &str, roles: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "hola.yaml", HOLA);
    let config = format!("rules: [hola.yaml]\n{roles}");
    let (out, _) = check_call(dir.path(), &config, text, &["--format", "json"]);
    let report: Value = serde_json::from_str(&out).unwrap();
    report["conversations"][0].clone()
}

/// The (line, role, speaker) of each `hola` in `c`.
fn said(c: &Value) -> Vec<(u64, &str, &str)> {
    c["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["role"].as_str().unwrap(),
                f["speaker"].as_str().unwrap_or_default(),
            )
        })
        .collect()
}

/// The roles of the lines that say `hola`, in order, and the conversation's warnings.
fn roles(text: &str, roles: &str) -> (Vec<String>, Value) {
    let c = conversation(text, roles);
    let found = said(&c)
        .iter()
        .map(|(_, role, _)| role.to_string())
        .collect();
    (found, c["warnings"].clone())
}

/// `roles` as the report writes them.
fn owned(roles: &[&str]) -> Vec<String> {
    roles.iter().map(|r| r.to_string()).collect()
}

/// A no-break space after a label's colon, narrow or not (or a thin space), as French
/// typography writes `Client\u{a0}:\u{a0}…`: the label is read, where the line went on the turn
/// before it (the customer's words judged as the agent's) with a warning that said to write the
/// label as it was written. A narrow no-break space before a label is passed over, as a no-break
/// space is.
#[test]
fn a_no_break_space_after_a_labels_colon_opens_a_turn() {
    let text = "Agent: hola uno\nCustomer:\u{a0}hola dos\nAgent :\u{a0}hola tres\n\
                Client\u{a0}:\u{a0}hola quatre\nAgent:\thola cinco\nCustomer:\u{2009}hola seis\n\
                Agent:\u{202f}hola siete\nCustomer :\u{202f}hola ocho\n\
                Agent\u{202f}:\u{202f}hola nueve\nClient\u{202f}: hola diez\n\
                \u{202f}Agent: hola once\n\u{a0}Customer: hola doce\n";
    let (found, warnings) = roles(text, "");
    let turns = owned(&["agent", "customer"].repeat(6));
    assert_eq!((found, warnings), (turns, Value::Null));
    // `http://` and `10:30` still go on their sentence.
    let text = "Agent: see\nhttp://example.com hola\nCustomer: 10:30 hola\n";
    let (found, _) = roles(text, "");
    assert_eq!(found, ["agent", "customer"]);
}

/// `Customer Service:`, `Client Services:`, `Customer Care:`: a customer word followed by a word
/// of the company's side names the agent's side (they were customers, so the agent's words
/// escaped every agent rule); `Customer 2` and `Customer (Ann)` stay customers.
#[test]
fn a_customer_word_before_a_service_word_names_the_agent_side() {
    let text = "Customer Support: hola a\nCustomer: hola b\nCustomer Care: hola c\n\
                Customer: hola d\nClient Services: hola e\nCustomer 2: hola f\n\
                Customer Service Agent: hola g\nCustomer (Ann): hola h\n\
                Customer Success: hola i\nCaller: hola j\nService client : hola k\n\
                Kunde: hola l\nCustomer Service (Sam): hola m\nClient: hola n\n";
    let (found, warnings) = roles(text, "");
    let turns = owned(&["agent", "customer"].repeat(7));
    assert_eq!((found, warnings), (turns, Value::Null));
    // Only words of the company's side after the customer word: a survey or a package the
    // customer names is no agent.
    let text = "Agent: hola a\nCustomer Care Package: hola b\nAgent: hola c\n\
                Customer Experience Survey: hola d\n";
    let (found, _) = roles(text, "");
    assert_eq!(found, owned(&["agent", "customer"].repeat(2)));
    // Through the default pack, the agent's deflection is found.
    let dir = tempfile::tempdir().unwrap();
    let call = write(
        dir.path(),
        "cs.txt",
        "Customer Service: I am sorry, that is not my department.\nCustomer: Seriously?\n",
    );
    let c = crate::support::default_pack(call.to_str().unwrap());
    let roles: Vec<_> = crate::labels::found(&c)
        .iter()
        .map(|f| (f.0, f.1))
        .collect();
    assert!(roles.contains(&("ownership/closed-door", "agent")), "{c}");
}

/// Role words of Spanish, Portuguese, Italian, German and French label turns of their roles
/// (they were speakers with no role, so no agent or customer rule judged them), in any case and
/// with a name in brackets.
#[test]
fn role_words_of_the_users_languages_label_their_roles() {
    let text = "[00:00:01] Conseillère : hola uno\n[00:00:03] CLIENT : hola dos\n\
                [00:00:05] CONSEILLÈRE : hola tres\n[00:00:07] Cliente: hola cuatro\n\
                [00:00:09] Agente (Lucía): hola cinco\n[00:00:11] Cliente (Sr. Muñoz): hola seis\n\
                [00:00:13] Beraterin: hola sieben\n[00:00:15] Kunde (Herr Müller): hola acht\n\
                [00:00:17] Berater: hola neun\n[00:00:19] Kundin: hola zehn\n\
                [00:00:21] Asesora: hola once\n[00:00:23] Clienta: hola doce\n\
                [00:00:25] Dani: hola trece\n";
    let c = conversation(text, "");
    let mut turns = ["agent", "customer"].repeat(6);
    turns.push("unknown");
    let found: Vec<_> = said(&c).iter().map(|f| f.1.to_string()).collect();
    assert_eq!(found, turns, "{c}");
    for word in [
        "Agente",
        "Asesor",
        "Operador",
        "Operadora",
        "Operatore",
        "Operatrice",
        "Atendente",
        "Mitarbeiter",
        "Mitarbeiterin",
        "Conseiller",
    ] {
        let (found, warnings) = roles(&format!("Cliente: hola\n{word}: hola\n"), "");
        assert_eq!(
            (found, warnings),
            (owned(&["customer", "agent"]), Value::Null),
            "{word}"
        );
    }
    // French typography on both sides of the colon, and an agent named after the role word.
    let text = "Conseiller\u{a0}:\u{a0}Bonjour, je m’appelle Hélène, hola.\n\
                Client\u{a0}:\u{a0}Ce n’est pas mon service qui a fait l’erreur\u{a0}! hola\n\
                Conseiller\u{a0}:\u{a0}Je suis désolé, je m’occupe de tout, hola.\n";
    let (found, warnings) = roles(text, "");
    assert_eq!(
        (found, warnings),
        (owned(&["agent", "customer", "agent"]), Value::Null)
    );
    let c = conversation("Agente Lucía: hola\nCliente: hola\n", "");
    assert_eq!(c["agent"], "Lucía", "{c}");
}

/// More role words of those languages, each of one role: German `Agentin`, `Sachbearbeiter(in)`
/// and `Kundenbetreuer(in)`, Spanish `Teleoperador(a)` and `Representante`, French
/// `Téléconseiller(ère)` and `Opérateur`/`Opératrice` for the agent; a user or a caller for the
/// customer (`Usuario`, `Usuária`, `Utente`, `Nutzer`, `Anruferin`, `Utilisateur`, `Appelant`).
/// Each was a speaker with no role, the warning proposing `Kundin`'s other side as the agent.
#[test]
fn more_role_words_of_the_users_languages_label_their_roles() {
    let agents = [
        "Agentin",
        "Sachbearbeiter",
        "Sachbearbeiterin",
        "Kundenbetreuerin",
        "Teleoperadora",
        "Representante",
        "Téléconseillère",
        "Opérateur",
        "Opératrice",
    ];
    let customers = [
        "Usuario",
        "Usuaria",
        "Usuário",
        "Utilizador",
        "Utente",
        "Nutzer",
        "Benutzerin",
        "Anrufer",
        "Utilisatrice",
        "Appelant",
    ];
    // Each word beside a label of the other side: both sides named, no warning.
    let sides = [
        (&agents[..], "Kundin", ["customer", "agent"]),
        (&customers[..], "Agentin", ["agent", "customer"]),
    ];
    for (words, other, expected) in sides {
        for word in words {
            let found = roles(&format!("{other}: hola\n{word}: hola\n"), "");
            assert_eq!(found, (owned(&expected), Value::Null), "{word}");
        }
    }
    // A name after the new titles is the agent's.
    for (text, agent) in [
        (
            "Agentin Müller: hola
Kundin: hola
",
            "Müller",
        ),
        (
            "Sachbearbeiterin Weber: hola
Kunde: hola
",
            "Weber",
        ),
    ] {
        let c = conversation(text, "");
        assert_eq!(c["agent"], agent, "{c}");
    }
}

/// Note lines of the users' languages (`Nota:`, `Remarque :`, `Hinweis:`, `Anmerkung:`, `NB:`,
/// `注意：`, `備考：`, `참고:`) join the turn they are in, as `Note:` does: they were speakers
/// with no role, and the
/// warning proposed `Nota` as the agent. So does a record's field read out or pasted with its
/// value (`Dirección: Calle Mayor 5`, `Order number: 998877`); `Customer ID: 4521` was the
/// customer's turn. A field's label before speech (`Customer Name: my order…`) stays a speaker.
#[test]
fn note_lines_of_the_users_languages_join_their_turn() {
    let notes = [
        "Nota:",
        "Remarque :",
        "Hinweis:",
        "Anmerkung:",
        "NB:",
        "N.B.:",
        "注意：",
        "備考：",
        "お知らせ：",
        "참고:",
    ];
    let fields = [
        "Dirección:",
        "Referencia:",
        "Kundennummer:",
        "Número de pedido:",
        "Address:",
        "Order number:",
        "Customer ID:",
        "Booking ref:",
    ];
    let lines = notes
        .iter()
        .map(|n| format!("{n} hola nota"))
        .chain(fields.iter().map(|f| format!("{f} hola 12345")));
    for line in lines {
        let text = format!("Agente: hola uno\n{line}\nCliente: hola dos\n");
        let c = conversation(&text, "");
        let expected = [
            (1, "agent", "Agente"),
            (2, "agent", "Agente"),
            (3, "customer", "Cliente"),
        ];
        assert_eq!(
            (said(&c), &c["turns"], &c["warnings"]),
            (expected.to_vec(), &2.into(), &Value::Null),
            "{line}"
        );
    }
    // A `roles:` that names one makes it a speaker.
    let c = conversation("Agente: hola\nNota: hola\n", "roles: {customer: [Nota]}\n");
    assert_eq!(said(&c)[1], (2, "customer", "Nota"), "{c}");
    let roles = "roles: {customer: [\"Customer ID\"]}\n";
    let c = conversation("Agente: hola\nCustomer ID: hola 4521\n", roles);
    assert_eq!(said(&c)[1], (2, "customer", "Customer ID"), "{c}");
    // Speech after a field's label is a speaker's: anonymised labels, a caller's id.
    let text = "Agent Name: hola, how can I help?\nCustomer Name: hola, my order never came\n\
                Caller ID: hola, still nothing\n";
    let c = conversation(text, "");
    let roles: Vec<&str> = said(&c).iter().map(|s| s.1).collect();
    assert_eq!(roles, ["agent", "customer", "customer"], "{c}");
}

/// A CRM export's header in Spanish or German (`Fecha;Hora;ID Conversación;Interlocutor;Mensaje`)
/// names its columns as an English one does: it was "no text column in the CSV header", and every
/// export had to be renamed first. Its slash dates, all of one day, read either way alike.
#[test]
fn a_csv_header_in_spanish_or_german_names_its_columns() {
    let dir = tempfile::tempdir().unwrap();
    for (name, csv) in [
        (
            "es.csv",
            "Fecha;Hora;ID Conversación;Interlocutor;Mensaje\n05/03/2024;10:00:00;C-1;Agente;hola\n\
             05/03/2024;10:00:20;C-1;Cliente;hola\n05/03/2024;10:00:45;C-1;Agente;hola\n",
        ),
        (
            "de.csv",
            "Datum;Uhrzeit;Gesprächs-ID;Sprecher;Nachricht\n05.03.2024;10:00:00;G-1;Berater;hola\n\
             05.03.2024;10:00:20;G-1;Kunde;hola\n05.03.2024;10:00:45;G-1;Berater;hola\n",
        ),
    ] {
        write(dir.path(), "hola.yaml", HOLA);
        let path = write(dir.path(), name, csv);
        let (_, out, err) = run(talklint()
            .args(["check", "--no-config", "-f", "json", "-r"])
            .arg(dir.path().join("hola.yaml"))
            .arg(&path));
        let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
        let c = &report["conversations"][0];
        assert_eq!(c["warnings"], Value::Null, "{name}: {c}");
        let found: Vec<(&str, u64)> = c["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["role"].as_str().unwrap(), f["start_ms"].as_u64().unwrap()))
            .collect();
        assert_eq!(
            found,
            [("agent", 0), ("customer", 20_000), ("agent", 45_000)],
            "{name}: {c}"
        );
        assert!(c["id"].as_str().unwrap().ends_with("-1"), "{name}: {c}");
    }
}
