//! A CSV field with a quote not doubled that no quote of its line ends, run on over a line
//! break (`1,agent,"He said "no` and then `and hung up",`): CSV readers end the row at the line
//! break, and its next line, read as a row of its own, lost its text or gave it to the wrong
//! column. Where the header's number of fields says where the field ends, it is read whole;
//! where it does not, the row is an error at the quote.

use crate::support::{error_messages, json_report, warnings, write};
use serde_json::Value;

/// Runs a JSON check of `text` as `sheet.csv` (or `sheet.tsv` with `tsv`), with a rule that
/// tags every turn with its whole text: the exit code and the report.
fn report(text: &str, tsv: bool) -> (i32, Value) {
    let dir = tempfile::tempdir().unwrap();
    let rule = "rules:\n  - id: t/all\n    kind: tag\n    speaker: any\n    regex: ['(?s)^.+$']\n";
    let rules = write(dir.path(), "all.yaml", rule);
    let name = if tsv { "sheet.tsv" } else { "sheet.csv" };
    let path = write(dir.path(), name, text);
    json_report(&["-r", rules.to_str().unwrap(), path.to_str().unwrap()])
}

/// The (line, column, text) of each turn of conversation `i`.
fn turns(v: &Value, i: usize) -> Vec<(u64, u64, &str)> {
    let list = v["conversations"][i]["findings"].as_array();
    list.into_iter()
        .flatten()
        .filter(|f| f["rule"] == "t/all")
        .map(|f| {
            let at = |key: &str| f[key].as_u64().unwrap_or_default();
            (at("line"), at("column"), f["match"].as_str().unwrap_or(""))
        })
        .collect()
}

/// The (line, column) of conversation `i`'s "calm down" findings.
fn calm(v: &Value, i: usize) -> Vec<(u64, u64)> {
    let list = v["conversations"][i]["findings"].as_array();
    list.into_iter()
        .flatten()
        .filter(|f| f["rule"] == "respect/calm-down")
        .map(|f| {
            let at = |key: &str| f[key].as_u64().unwrap_or_default();
            (at("line"), at("column"))
        })
        .collect()
}

/// The text after the line break was read as a row of two fields, with no text column, and
/// lost without a word; the turn read `He said "no`.
#[test]
fn a_field_that_runs_on_over_a_line_break_is_read_whole() {
    for end in ["\n", "\r\n"] {
        let sheet = [
            "id,speaker,text",
            "1,Agent,\"He said \"no",
            "and hung up\",",
            "2,Customer,ok",
            "",
        ]
        .join(end);
        let (code, v) = report(&sheet, false);
        assert_eq!(code, 0, "{v}");
        let text = format!("He said \"no{end}and hung up");
        assert_eq!(
            turns(&v, 0),
            [(2, 10, text.as_str()), (4, 12, "ok")],
            "{end:?}: {v}"
        );
        let w = warnings(&v, 0);
        assert_eq!(w.len(), 1, "{v}");
        assert!(
            w[0].starts_with(
                "line 2, column 18: this `\"` is not doubled inside its quoted field: CSV readers \
                 end the field here and the row at the line break after it"
            ) && w[0]
                .contains("the field, over the line break, up to the quote at line 3, column 12")
                && w[0].contains("write a quote that is part of the text as `\"\"`"),
            "{w:?}"
        );
    }
}

/// A finding after the line break is found, at its own line; a comma on the first line (a field
/// too many there) and blank lines inside the field do not stop it; nor does a TSV file.
#[test]
fn a_field_run_on_is_read_with_its_commas_and_blank_lines() {
    let (_, v) = report(
        "id,speaker,text\n1,Agent,\"He said \"no, never\n\nso please calm down\"\n2,Agent,hi\n",
        false,
    );
    assert!(error_messages(&v).is_empty(), "{v}");
    assert_eq!(calm(&v, 0), [(4, 11)], "{v}");
    assert_eq!(turns(&v, 0)[1], (5, 9, "hi"), "{v}");
    let (_, v) = report(
        "speaker\ttext\tchat_id\nAgent\t\"He said \"no\nso please calm down\"\tc1\n",
        true,
    );
    assert_eq!(v["conversations"][0]["id"], "c1", "{v}");
    assert_eq!(calm(&v, 0), [(3, 11)], "{v}");
}

/// With the id after the text, the line after the break was a row whose role was the text and
/// whose text was the id: the conversation of that id got a turn `c2` from nobody.
#[test]
fn the_columns_after_a_field_run_on_are_its_rows() {
    let (_, v) = report(
        "role,text,conversation_id\nagent,\"He said \"no\nplease calm down\",c2\ncustomer,ok,c2\n",
        false,
    );
    assert_eq!(v["conversations"].as_array().map(Vec::len), Some(1), "{v}");
    assert_eq!(v["conversations"][0]["id"], "c2", "{v}");
    assert_eq!(calm(&v, 0), [(3, 8)], "{v}");
    assert_eq!(
        turns(&v, 0),
        [(2, 8, "He said \"no\nplease calm down"), (4, 10, "ok")],
        "{v}"
    );
}

/// Where no one quote of the next lines ends the field with the header's number of fields,
/// the row is an error at the quote that says how to mend it; it was read without a word.
#[test]
fn a_field_run_on_that_no_quote_ends_is_an_error_at_its_quote() {
    let (code, v) = report(
        "id,speaker,text\n1,Agent,\"He said \"no\nand hung up\", bye, then\n2,Agent,Please calm down.\n",
        false,
    );
    assert_eq!(code, 2, "{v}");
    let errors = error_messages(&v);
    assert_eq!(errors.len(), 1, "{v}");
    assert!(
        errors[0].starts_with(
            "line 2, column 18: this `\"` is not doubled inside its quoted field, which CSV \
             readers end here, and no quote of its line ends the field, so it runs on over the \
             line break"
        ) && errors[0].contains(
            "write a quote that is part of the text as `\"\"` and end the field with one `\"`"
        ),
        "{errors:?}"
    );
    assert_eq!(calm(&v, 0), [(4, 16)], "{v}");
}

/// A line that reads as a row of its own is one: the field before it ends at its line break,
/// as CSV readers read it, with the warning of a stray quote.
#[test]
fn a_field_does_not_run_on_over_a_row_of_its_own() {
    let (code, v) = report(
        "id,speaker,text\n1,Agent,\"He said \"no\n2,Agent,\"Please calm down.\"\n",
        false,
    );
    assert_eq!(code, 1, "{v}");
    assert_eq!(
        turns(&v, 0),
        [(2, 10, "He said \"no"), (3, 10, "Please calm down.")],
        "{v}"
    );
    assert!(
        warnings(&v, 0)[0].starts_with("line 2, column 18: this `\"` ends the quoted field"),
        "{v}"
    );
}

/// `"he said "no" ok,"` and a line break: the quote not doubled made CSV readers take `,"` for
/// a comma and the quote that opens a field, which ran on into the next row, so both rows were
/// left out. The quote before the line break ends the field where the header says, and the
/// next row is read as written.
#[test]
fn a_quote_before_a_line_break_ends_the_field() {
    let (code, v) = report(
        "id,role,text\n0,customer,\"he said \"no\" ok,\"\n1,agent,\"fine,\nplease calm down\"\n",
        false,
    );
    assert_eq!(code, 1, "{v}");
    assert!(error_messages(&v).is_empty(), "{v}");
    assert_eq!(
        turns(&v, 0),
        [
            (2, 13, "he said \"no\" ok,"),
            (3, 10, "fine,\nplease calm down")
        ],
        "{v}"
    );
    assert!(
        warnings(&v, 0)[0].contains("up to the quote at line 2, column 29"),
        "{v}"
    );
}
