//! Which CSV column holds a conversation's id: one named in the words of the export's locale
//! splits the file into conversations, and one that only looks like an id (a telephone's
//! number, a message's count, a case's number beside a chat's id) does not.

use crate::localised_roles::HOLA;
use crate::support::{run, talklint, write};
use serde_json::Value;
use std::path::Path;

/// The ids of the conversations of a CSV file holding `csv` in `dir`, as the JSON report gives
/// them (an empty one for none).
fn ids(dir: &Path, csv: &str) -> Vec<String> {
    let rules = write(dir, "hola.yaml", HOLA);
    let path = write(dir, "calls.csv", csv);
    let (_, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "json", "-r"])
        .arg(&rules)
        .arg(&path));
    let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let conversations = report["conversations"].as_array().unwrap().iter();
    let ids = conversations.map(|c| c["id"].as_str().unwrap_or_default().to_string());
    ids.collect()
}

/// A CSV export's conversation id in the words its locale writes (`Anruf-ID`, `ID de llamada`,
/// `Conversación ID`, `Ticketnummer`, `interaction_id`) splits its conversations: such a file was
/// read as one conversation, every call's turns blended into one score, without a word.
#[test]
fn a_csv_conversation_id_in_any_locale_splits_the_file() {
    let dir = tempfile::tempdir().unwrap();
    for header in [
        "Anruf-ID",
        "ID de llamada",
        "Conversación ID",
        "Ticketnummer",
        "interaction_id",
        "Identifiant de conversation",
    ] {
        let csv = format!(
            "{header};Sprecher;Nachricht\nA1;Berater;hola\nA1;Kunde;danke\nB2;Berater;hola\n"
        );
        assert_eq!(ids(dir.path(), &csv), ["A1", "B2"], "{header}");
    }
}

/// A column that only looks like an id does not split the file, nor win over one that is: a
/// contact's or a call's number is a telephone's, a dialogue's node or an interaction's count is
/// a message's, and a case's number may span chats.
#[test]
fn a_csv_column_that_only_looks_like_an_id_does_not_split_the_file() {
    let dir = tempfile::tempdir().unwrap();
    for (header, found) in [
        ("Contact Number,Speaker,Message", &[""][..]),
        ("Anrufnummer,Sprecher,Nachricht", &[""][..]),
        ("Interaction,Speaker,Message", &[""][..]),
        ("Case Number,Chat ID,Speaker,Message", &["c1", "c2"][..]),
        ("Dialog,conversation_id,Speaker,Message", &["c1", "c2"][..]),
        (
            "Conversation Number,Call ID,Speaker,Message",
            &["c1", "c2"][..],
        ),
    ] {
        let row = |first: &str, chat: &str, who: &str| match header.contains("ID")
            || header.contains("_id")
        {
            true => format!("{first},{chat},{who},hola\n"),
            false => format!("{first},{who},hola\n"),
        };
        let csv = [
            header.to_string() + "\n",
            row("1", "c1", "Agent"),
            row("2", "c1", "Customer"),
            row("1", "c2", "Agent"),
        ]
        .concat();
        assert_eq!(ids(dir.path(), &csv), found, "{header}");
    }
}
