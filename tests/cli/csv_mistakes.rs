//! CSV files with a mistake a spreadsheet user makes by hand: a quote inside a quoted field that
//! is not doubled, before a comma; slash dates written day first in some rows and month first in
//! others. Each is named where it stands, with how to mend it, and the rest of the file is read.

use crate::support::{error_messages, json_report, warnings, write};
use serde_json::Value;

/// Runs a JSON check of `text` written to `name`, with `args` before the file: the exit code
/// and the report.
fn report(name: &str, text: &str, args: &[&str]) -> (i32, Value) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, text);
    let mut all = args.to_vec();
    all.push(path.to_str().unwrap());
    json_report(&all)
}

/// The (line, column, match, start time) of conversation `i`'s "calm down" findings.
fn calm(v: &Value, i: usize) -> Vec<(u64, u64, &str, Option<u64>)> {
    let list = v["conversations"][i]["findings"].as_array();
    list.into_iter()
        .flatten()
        .filter(|f| f["rule"] == "respect/calm-down")
        .map(|f| {
            let at = |key: &str| f[key].as_u64().unwrap_or_default();
            let text = f["match"].as_str().unwrap_or_default();
            (at("line"), at("column"), text, f["start_ms"].as_u64())
        })
        .collect()
}

/// `"He said "no", then …"`: the quote after `said` ended the field and the comma after `no"`
/// made a field too many, so the row was left out with an error about "a field that holds a
/// comma". Where the header's number of fields says where the field ends, the row is read, the
/// quotes kept as text, with a warning at the quote that says to write it `""`.
#[test]
fn a_quote_not_doubled_before_a_comma_is_read_where_the_header_says_the_field_ends() {
    let (code, v) = report(
        "chat.csv",
        "turn,role,text,conversation_id\n\
         1,agent,\"He said \"no\", then \"maybe\", so please calm down.\",c1\n\
         2,customer,ok thanks,c1\n",
        &[],
    );
    assert_eq!(code, 1, "{v}");
    assert!(error_messages(&v).is_empty(), "{v}");
    assert_eq!(v["conversations"][0]["id"], "c1", "{v}");
    assert_eq!(v["conversations"][0]["turns"], 2, "{v}");
    assert_eq!(calm(&v, 0), [(2, 48, "calm down", None)], "{v}");
    let w = warnings(&v, 0);
    assert_eq!(w.len(), 1, "{v}");
    assert!(
        w[0].starts_with(
            "line 2, column 18: this `\"` is not doubled inside its quoted field: CSV readers end \
             the field here"
        ) && w[0].contains("the field up to the quote at line 2, column 58")
            && w[0].contains("write a quote that is part of the text as `\"\"`"),
        "{w:?}"
    );
    // In a TSV file too, and on the text's second line.
    let (_, v) = report(
        "chat.tsv",
        "role\ttext\tchat_id\nagent\t\"Hi.\nHe said \"no\"\tthen left. Calm down.\"\tc1\n",
        &[],
    );
    assert!(error_messages(&v).is_empty(), "{v}");
    assert_eq!(calm(&v, 0), [(3, 25, "Calm down", None)], "{v}");
    assert!(
        warnings(&v, 0)[0].starts_with("line 3, column 9: this `\"`"),
        "{v}"
    );
}

/// Where no quote of the row ends the field at the header's number of fields, the row is left
/// out, as before, but the error points at the quote and says to double it.
#[test]
fn a_row_no_quote_mends_is_left_out_with_an_error_at_its_quote() {
    let (code, v) = report(
        "chat.csv",
        "role,text\nagent,\"He said \"no\", then left\nagent,Please calm down.\n",
        &[],
    );
    assert_eq!(code, 2, "{v}");
    assert_eq!(calm(&v, 0).len(), 1, "the other lines are read: {v}");
    let errors = error_messages(&v);
    assert_eq!(errors.len(), 1, "{v}");
    assert!(
        errors[0].starts_with(
            "line 2, column 16: this `\"` is not doubled inside its quoted field, which CSV \
             readers end here, before its text does, so this row has 3 fields and the header 2: \
             write a quote that is part of the text as `\"\"`"
        ),
        "{errors:?}"
    );
    // An unquoted comma before such a quote is still the comma's error.
    let (_, v) = report(
        "chat.csv",
        "role,text\nagent,Hello, there,\"the 27\" tv\"\ncustomer,Please calm down.\n",
        &[],
    );
    assert!(
        error_messages(&v)[0]
            .starts_with("line 2, column 13: this row has 4 fields and the header 2: put a field"),
        "{v}"
    );
}

/// `13/06/2024` is day first, `06/25/2024` month first: a file with both was warned about as if
/// its dates read either way, with `--date-order` as the fix. The warning says the file mixes the
/// two orders, names a date of each, and says to write one order; what is read stays as it was:
/// no slash date without an order named, the dates of the order named with one.
#[test]
fn slash_dates_in_both_orders_are_warned_about_as_a_mixture() {
    let sheet = "conversation_id,role,text,time\n\
                 c1,agent,hello there,13/06/2024 10:00\n\
                 c1,customer,hi,06/25/2024 10:01\n\
                 c1,agent,Please calm down.,06/07/2024 10:02\n\
                 c2,agent,Calm down.,06/07/2024 11:00\n";
    let mixture = "a date with slashes, and this file mixes the two orders of them, day first \
                   (`13/06/2024 10:00` at line 2, column 22) and month first (`06/25/2024 10:01` \
                   at line 3, column 16): the turn is read without this time; write all the \
                   file's dates in one order, best as ISO 8601 (`2024-06-13 10:00:00`), or name \
                   the order to read with --date-order or `date_order:`";
    let (_, v) = report("sheet.csv", sheet, &[]);
    let w = warnings(&v, 0);
    assert_eq!(w.len(), 1, "{v}");
    assert!(
        w[0].starts_with(&format!(
            "line 2, column 22: `time` is `13/06/2024 10:00`, {mixture}"
        )) && w[0].ends_with("(… and 2 more slash dates like it)"),
        "{w:?}"
    );
    assert!(
        warnings(&v, 1)[0].starts_with(&format!(
            "line 5, column 21: `time` is `06/07/2024 11:00`, {mixture}"
        )),
        "{v}"
    );
    assert_eq!(calm(&v, 0)[0].3, None, "{v}");
    // Read day first: 13 June, then 6 July; 25 June is no day-first date.
    let (_, v) = report("sheet.csv", sheet, &["--date-order", "day-first"]);
    assert_eq!(calm(&v, 0)[0].3, Some(23 * 86_400_000 + 120_000), "{v}");
    let w = warnings(&v, 0);
    assert!(
        w[0].starts_with(&format!(
            "line 3, column 16: `time` is `06/25/2024 10:01`, {mixture}"
        )),
        "{w:?}"
    );
}

/// A date with both numbers past 12 (`13/13/2024`) is no date, and shows no order: it once
/// counted as both, so a month-first file lost all its dates, and the warning would have called
/// it day first.
#[test]
fn a_date_past_12_in_both_numbers_shows_no_order() {
    let (_, v) = report(
        "sheet.csv",
        "role,text,time\nagent,hello,6/13/2024 9:00\nagent,hi,13/13/2024 9:01\n\
         agent,Please calm down.,6/13/2024 9:02\n",
        &[],
    );
    assert_eq!(calm(&v, 0)[0].3, Some(120_000), "{v}");
    let w = warnings(&v, 0);
    assert_eq!(w.len(), 1, "{v}");
    assert!(
        w[0].starts_with("line 3, column 10: `time` is `13/13/2024 9:01`, a date with slashes that is no day read either way")
            && !w[0].contains("mixes"),
        "{w:?}"
    );
}

/// A quote not doubled before no comma is text too, as a mended field's quotes are:
/// `"the 27" monitor ships"` reads `the 27" monitor ships` (it read `the 27 monitor ships"`, the
/// quote moved to the field's end).
#[test]
fn a_quote_not_doubled_before_no_comma_is_read_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let rule = "rules:\n  - id: t/size\n    kind: tag\n    speaker: any\n    regex: ['27\\S* \\S+ \\S+']\n";
    let rules = write(dir.path(), "r.yaml", rule);
    let sheet = "role,text\nagent,\"the 27\" monitor ships\"\ncustomer,ok\n";
    let (_, v) = report("sheet.csv", sheet, &["-r", rules.to_str().unwrap()]);
    let conversation = &v["conversations"][0];
    let matched: Vec<&str> = (conversation["findings"].as_array().unwrap().iter())
        .filter(|f| f["rule"] == "t/size")
        .filter_map(|f| f["match"].as_str())
        .collect();
    assert_eq!(matched, ["27\" monitor ships"], "{v}");
    assert!(
        warnings(&v, 0)[0].contains("talklint reads it as text"),
        "{v}"
    );
}

/// Under a header with a column after the text, a row whose last field is blank: the field a
/// quote not doubled cut is mended too (its rest went to the next column, and was lost).
#[test]
fn a_quote_not_doubled_before_a_blank_last_field_is_mended() {
    for blanks in [",", ",,"] {
        let sheet = format!(
            "role,text,note\nagent,\"He said \"no\", so please calm down.\"{blanks}\ncustomer,ok,\n"
        );
        let (_, v) = report("sheet.csv", &sheet, &[]);
        assert_eq!(calm(&v, 0), [(2, 32, "calm down", None)], "{v}");
        assert!(warnings(&v, 0)[0].starts_with("line 2, column 16: "), "{v}");
    }
}

/// A conversation's warnings of quotes not doubled, one mended before a comma and one before
/// none, come in the order of their lines (the later came first), each showing its own cell as
/// it should be written (they showed a fixed example).
#[test]
fn warnings_of_quotes_come_in_line_order_with_their_cells_mended() {
    let sheet = "role,text\ncustomer,\"She said \"yes\", then went\"\nagent,\"a 32\" screen\"\n";
    let (_, v) = report("sheet.csv", sheet, &[]);
    let w = warnings(&v, 0);
    let lines: Vec<&str> = w.iter().filter_map(|w| w.split(',').next()).collect();
    assert_eq!(lines, ["line 2", "line 3"], "{v}");
    assert!(
        w[0].contains("(`\"She said \"\"yes\"\", then went\"`)"),
        "{w:?}"
    );
    assert!(w[1].contains("(`\"a 32\"\" screen\"`)"), "{w:?}");
}

/// After a quote not doubled, a quote written `""` is one quote, as before it:
/// `"the 27" one is ""big"" now"` read `the 27" one is ""big"" now`, its quotes doubled.
#[test]
fn a_doubled_quote_after_a_quote_not_doubled_is_one_quote() {
    let dir = tempfile::tempdir().unwrap();
    let rule = "rules:\n  - id: t/all\n    kind: tag\n    speaker: any\n    regex: ['(?s)^.+$']\n";
    let rules = write(dir.path(), "r.yaml", rule);
    let sheet = "role,text,note\nagent,\"the 27\" one is \"\"big\"\" now\",\n\
                 agent,\"He said \"no\nit is \"\"big\"\"\",\n";
    let (_, v) = report("sheet.csv", sheet, &["-r", rules.to_str().unwrap()]);
    let texts: Vec<&str> = (v["conversations"][0]["findings"].as_array().into_iter())
        .flatten()
        .filter(|f| f["rule"] == "t/all")
        .filter_map(|f| f["match"].as_str())
        .collect();
    assert_eq!(
        texts,
        ["the 27\" one is \"big\" now", "He said \"no\nit is \"big\""],
        "{v}"
    );
    assert!(
        warnings(&v, 0)[0].contains("(`\"the 27\"\" one is \"\"big\"\" now\"`)"),
        "{v}"
    );
}

/// In a file that mixes the orders, a date in neither order (`13/13/2024`, `31/02/2024`) was
/// counted among the mixed dates "like it", and could be the one the warning named, or the
/// example of day first. It is warned about as a time that cannot be read, and the mixture's
/// warning names and counts only dates of one order or the other.
#[test]
fn a_date_in_neither_order_is_no_example_of_a_mixture() {
    let (_, v) = report(
        "sheet.csv",
        "role,text,time\nagent,hi,31/02/2024 10:00\ncustomer,hello,06/25/2024 10:01\n\
         agent,ok,13/06/2024 10:02\nagent,Please calm down.,13/13/2024 10:03\n",
        &[],
    );
    let w = warnings(&v, 0);
    assert_eq!(w.len(), 2, "{v}");
    let mixture = w.iter().find(|w| w.contains("mixes")).expect("a mixture");
    assert!(
        mixture.starts_with("line 3, column 16: `time` is `06/25/2024 10:01`, a date with slashes")
            && mixture.contains("day first (`13/06/2024 10:02` at line 4, column 10)")
            && mixture.ends_with("(… and 1 more slash date like it)"),
        "{w:?}"
    );
    let neither = w.iter().find(|w| !w.contains("mixes")).expect("no date");
    assert!(
        neither.starts_with("line 2, column 10: `time` is `31/02/2024 10:00`")
            && neither.ends_with("(… and 1 more message whose `time` cannot be read)"),
        "{w:?}"
    );
}

/// A row that ends before the text column (`c1,customer` under `conversation_id,role,text`)
/// makes no turn, as a blank text does, but may be a row an export cut short: its conversation
/// says so, where a row with a field too many is an error. Blank last fields after the text
/// stay unremarked.
#[test]
fn a_row_cut_short_before_its_text_is_warned_about() {
    let text = "conversation_id,role,text,start\nc1,agent,please calm down\nc1,customer\n\
                c2,customer\nc2,agent,calm down now\nc2,customer\nc2,agent,ok,\n";
    let (code, v) = report("rows.csv", text, &["--no-config"]);
    assert_eq!(code, 1, "{v}");
    assert_eq!(v["conversations"][0]["turns"], 1, "{v}");
    assert_eq!(
        warnings(&v, 0),
        [
            "line 3, column 1: this row ends before the text column, so it makes no turn; if it \
          was cut short, complete it (a message with no text leaves its cell empty: `,`)"
        ]
    );
    // The first row of a conversation counts too, before its conversation opens.
    let second = warnings(&v, 1);
    assert_eq!(second.len(), 1, "{second:?}");
    assert!(
        second[0].starts_with("line 4, column 1: this row ends before the text column, so it makes no turn (and 1 more row)"),
        "{second:?}"
    );
    assert!(error_messages(&v).is_empty(), "{v}");
    // A conversation of such rows alone is read as nothing: an error that names its first row;
    // a line of blanks is no row.
    let text = "conversation_id,role,text\nc1,agent,calm down\nc2,customer\nc2,agent\n   \n";
    let (code, v) = report("rows.csv", text, &["--no-config"]);
    assert_eq!(code, 2, "{v}");
    assert_eq!(v["summary"]["conversations"], 1, "{v}");
    assert!(warnings(&v, 0).is_empty(), "{v}");
    assert_eq!(
        error_messages(&v),
        [
            "line 3, column 1: this row ends before the text column (and 1 more row), and no row of \
          its conversation has text, so none of it is read; complete the rows if they were cut \
          short (read as csv); the other lines were read"
        ],
        "{v}"
    );
}
