//! CSV files as Excel writes them on Windows: an id on a conversation's first row only, empty
//! rows at the end, dates in the sheet's own spelling, a stray quote and a `sep=` line.

use crate::support::{json_report, warnings, write};
use serde_json::Value;

/// Runs a JSON check of `text` written to `name`: the exit code and the report.
fn report(name: &str, text: &str) -> (i32, Value) {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, text);
    json_report(&[path.to_str().unwrap()])
}

/// The (id, turns) of every conversation of a report.
fn conversations(v: &Value) -> Vec<(Option<&str>, u64)> {
    let list = v["conversations"].as_array().expect("conversations");
    list.iter()
        .map(|c| (c["id"].as_str(), c["turns"].as_u64().unwrap_or_default()))
        .collect()
}

/// The line, column and start time of the first conversation's "calm down" findings.
fn calm(v: &Value) -> Vec<(u64, u64, Option<u64>)> {
    let list = v["conversations"][0]["findings"]
        .as_array()
        .expect("findings");
    list.iter()
        .filter(|f| f["rule"] == "respect/calm-down")
        .map(|f| {
            let at = |key: &str| f[key].as_u64().unwrap_or_default();
            (at("line"), at("column"), f["start_ms"].as_u64())
        })
        .collect()
}

#[test]
fn a_row_with_a_blank_id_goes_on_the_conversation_before_it() {
    // The blank-id rows of both conversations were once pooled into one conversation "".
    let (_, v) = report(
        "sheet.csv",
        "conversation_id,role,message\r\n,customer,Hello?\r\nc-1,customer,Hi there\r\n\
         ,agent,Please calm down.\r\nc-2,customer,Hello\r\n,agent,That is not my department.\r\n",
    );
    assert_eq!(
        conversations(&v),
        [(None, 1), (Some("c-1"), 2), (Some("c-2"), 2)],
        "{v}"
    );
}

#[test]
fn empty_rows_make_no_conversation() {
    // `,,,` rows at the end once made a conversation "" of no turns that passed with 80.
    let (_, v) = report(
        "sheet.csv",
        "conversation_id,role,speaker,message\r\nc-1,agent,Ria,Please calm down.\r\n,,,\r\n  \r\n,,,\r\n",
    );
    assert_eq!(conversations(&v), [(Some("c-1"), 1)], "{v}");
    assert_eq!(v["summary"]["conversations"], 1, "{v}");
    let (_, v) = report(
        "sheet.csv",
        "role,message\r\nagent,Please calm down.\r\n,\r\n",
    );
    assert_eq!(conversations(&v), [(None, 1)], "{v}");
}

#[test]
fn times_excel_writes_are_read() {
    let rows = |header: &str, times: [&str; 3]| {
        format!(
            "{header},role,message\r\n{},customer,Hallo\r\n{},agent,Hello\r\n{},agent,Please calm down.\r\n",
            times[0], times[1], times[2]
        )
    };
    // A time of day alone counts from midnight, as a clock (`12:01:00`) does.
    let noon = 12 * 3_600_000;
    for (text, calm_at) in [
        (
            rows(
                "timestamp",
                [
                    "01.06.2024 12:00:00",
                    "01.06.2024 12:00:40",
                    "01.06.2024 12:01:10",
                ],
            ),
            70_000,
        ),
        (
            rows(
                "timestamp",
                ["1.6.2024 12:00", "1.6.2024 12:00", "1.6.2024 12:01"],
            ),
            60_000,
        ),
        (
            rows("time", ["11:59:50 AM", "12:00:40 PM", "01:01:00 PM"]),
            noon + 3_660_000,
        ),
        (
            rows(
                "Date,Time",
                [
                    "2024-06-01,12:00:00",
                    "2024-06-01,12:00:40",
                    "2024-06-01,12:01:10",
                ],
            ),
            70_000,
        ),
        (
            rows(
                "Date,Time",
                [
                    "01.06.2024,11:59:10 AM",
                    "01.06.2024,12:00:40",
                    "01.06.2024,12:00:20 PM",
                ],
            ),
            70_000,
        ),
    ] {
        let (_, v) = report("sheet.csv", &text);
        assert!(warnings(&v, 0).is_empty(), "{text}\n{v}");
        assert_eq!(calm(&v)[0].2, Some(calm_at), "{text}\n{v}");
    }
}

/// Slash dates of two days that read both ways: which is meant the file cannot say.
#[test]
fn a_date_that_reads_two_ways_is_warned_about_at_its_cell() {
    // `6/1/2024` was once left out without a word, and timed rules said "not applied".
    let (_, v) = report(
        "sheet.csv",
        "role,text,timestamp\r\nagent,Hello,6/1/2024 12:00\r\nagent,Please calm down.,\"6/2/2024 12:01\"\r\n",
    );
    let w = warnings(&v, 0);
    assert_eq!(w.len(), 1, "{v}");
    assert!(
        w[0].starts_with("line 2, column 13: `timestamp` is `6/1/2024 12:00`, a date with slashes, which reads day first in some places and month first in others")
            && w[0].contains("write a number of seconds, a clock, an ISO 8601 date and time")
            && w[0].contains("or name the order of slash dates with --date-order")
            && w[0].ends_with("(… and 1 more message whose `timestamp` cannot be read)"),
        "{w:?}"
    );
    assert_eq!(calm(&v), [(3, 14, None)], "{v}");
    // Of one day, either order reads every time alike: read, with no warning.
    let (_, v) = report(
        "sheet.csv",
        "role,text,timestamp\r\nagent,Hello,6/1/2024 12:00\r\nagent,Please calm down.,\"6/1/2024 12:01\"\r\n",
    );
    assert!(warnings(&v, 0).is_empty(), "{v}");
    assert_eq!(calm(&v), [(3, 14, Some(60_000))], "{v}");
    // A day in neither order is no question of order: the warning says it is no date.
    let (_, v) = report(
        "sheet.csv",
        "role,text,timestamp\r\nagent,Hello,13/13/2024 12:00\r\nagent,Please calm down.,6/14/2024 12:01\r\n",
    );
    let w = warnings(&v, 0);
    assert_eq!(w.len(), 1, "{v}");
    assert!(
        w[0].starts_with("line 2, column 13: `timestamp` is `13/13/2024 12:00`, a date with slashes that is no day read either way")
            && w[0].contains("write a number of seconds, a clock")
            && !w[0].contains("--date-order"),
        "{w:?}"
    );
}

/// A file whose slash dates write a day past 12 says which number is the day, for all its
/// dates: `6/13/2024` is month first, so `6/1/2024` in the same file is 1 June; `13/06/2024` day
/// first. Dates that show both orders are warned about as a mixture (see csv_mistakes.rs).
#[test]
fn a_day_past_12_says_the_order_of_a_files_slash_dates() {
    let sheet = |dates: [&str; 3]| {
        format!(
            "conversation,role,text,timestamp\r\nc1,agent,Hello,{}\r\nc1,agent,Please calm down.,{}\r\n\
             c2,agent,Calm down.,{}\r\n",
            dates[0], dates[1], dates[2]
        )
    };
    let at = |v: &Value, i: usize| v["conversations"][i]["findings"][0]["start_ms"].as_u64();
    for dates in [
        [
            "6/13/2024 12:00:00 PM",
            "6/13/2024 12:00:30 PM",
            "6/1/2024 9:00 AM",
        ],
        ["13/06/2024 12:00", "13/06/2024 12:00:30", "1/6/2024 09:00"],
        ["13/06/24 12:00", "13/06/24 12:00:30", "01/06/24 09:00"],
    ] {
        let (_, v) = report("sheet.csv", &sheet(dates));
        assert!(
            warnings(&v, 0).is_empty() && warnings(&v, 1).is_empty(),
            "{dates:?}: {v}"
        );
        assert_eq!(calm(&v)[0].2, Some(30_000), "{dates:?}: {v}");
        assert_eq!(at(&v, 1), Some(0), "{dates:?}: {v}");
    }
    let (_, v) = report(
        "sheet.csv",
        &sheet(["13/06/2024 12:00", "06/13/2024 12:00:30", "1/6/2024 09:00"]),
    );
    assert_eq!(calm(&v)[0].2, None, "{v}");
    assert!(
        warnings(&v, 0)[0].contains("a date with slashes, and this file mixes the two orders"),
        "{v}"
    );
}

/// Dates that do not show their order (a US export of the first days of a month) are read in
/// the order `--date-order` or the config's `date_order:` names; the file's own order wins.
#[test]
fn date_order_names_the_order_the_dates_do_not_show() {
    let dir = tempfile::tempdir().unwrap();
    let sheet = "role,text,timestamp\nagent,Hello,6/1/2024 11:59:50 PM\n\
                 agent,Please calm down.,6/2/2024 12:00:10 AM\n";
    let path = write(dir.path(), "sheet.csv", sheet);
    let calm_at = |args: &[&str]| {
        let mut all = args.to_vec();
        all.push(path.to_str().unwrap());
        calm(&json_report(&all).1)[0].2
    };
    assert_eq!(calm_at(&[]), None);
    // 6 January, then 6 February.
    assert_eq!(
        calm_at(&["--date-order", "day-first"]),
        Some(30 * 86_400_000 + 20_000)
    );
    assert_eq!(calm_at(&["--date-order", "month-first"]), Some(20_000));
    let config = write(dir.path(), "talklint.yaml", "date_order: month-first\n");
    let (_, v) = crate::support::json_report_in(
        dir.path(),
        &["--config", config.to_str().unwrap(), "sheet.csv"],
    );
    assert_eq!(calm(&v)[0].2, Some(20_000), "{v}");
    let shown = write(
        dir.path(),
        "shown.csv",
        &sheet.replace("6/2/2024", "13/6/2024"),
    );
    let (_, v) = json_report(&["--date-order", "month-first", shown.to_str().unwrap()]);
    // `13/6/2024` reads only day first: 6 January, then 13 June.
    assert_eq!(calm(&v)[0].2, Some(13_651_220_000), "{v}");
}

#[test]
fn a_stray_quote_in_a_quoted_field_keeps_the_text_after_it_and_is_warned_about() {
    // The turn was once cut at the quote after 27, and the rule after it missed.
    let (code, v) = report(
        "sheet.csv",
        "role,text\r\nagent,\"Sure, the 27\" monitor ships today. Please calm down.\"\r\ncustomer,ok\r\n",
    );
    assert_eq!(code, 1, "{v}");
    assert_eq!(calm(&v), [(2, 50, None)], "{v}");
    let w = warnings(&v, 0);
    assert_eq!(w.len(), 1, "{v}");
    assert!(
        w[0].starts_with("line 2, column 20: this `\"` ends the quoted field"),
        "{w:?}"
    );
    assert!(
        w[0].contains("write a quote that is part of the text as `\"\"`"),
        "{w:?}"
    );
}

#[test]
fn a_sep_line_names_the_delimiter() {
    // Excel's `sep=;` line was once read as the header: "no text column" at line 1.
    let (code, v) = report(
        "sheet.csv",
        "\u{feff}sep=;\r\nconversation_id;role;speaker;message\r\nc-1;agent;Ria, Rep;Please calm down.\r\n",
    );
    assert_eq!(code, 1, "{v}");
    assert_eq!(conversations(&v), [(Some("c-1"), 1)], "{v}");
    assert_eq!(calm(&v), [(3, 27, None)], "{v}");
    let (_, v) = report("sheet.csv", "sep=,\nrole,words\nagent,hi\n");
    let errors = v["errors"].to_string();
    assert!(errors.contains("2:1") || errors.contains("line 2"), "{v}");
}

#[test]
fn a_row_with_a_field_too_many_is_left_out_and_the_others_are_read() {
    // One unquoted comma in a text once lost the whole file.
    let (code, v) = report(
        "sheet.csv",
        "conversation_id,role,text\r\nc-1,agent,Thanks for calling, calm down\r\nc-2,agent,Please calm down.\r\n",
    );
    assert_eq!(code, 2, "{v}");
    assert_eq!(conversations(&v), [(Some("c-2"), 1)], "{v}");
    let errors = crate::support::error_messages(&v);
    assert_eq!(errors.len(), 1, "{v}");
    assert!(
        errors[0].starts_with("line 2, column 30: this row has 4 fields and the header 3")
            && errors[0].ends_with("; the other lines were read"),
        "{errors:?}"
    );
}

#[test]
fn a_conversation_that_lost_a_row_says_so_and_keeps_the_rows_after_it() {
    // The row left out carried conversation b's id: the blank-id row after it went to a, and
    // neither conversation said it had lost a row.
    let (code, v) = report(
        "sheet.csv",
        "conversation_id,role,text\na,agent,hello how are you today\n\
         b,agent,thanks for calling, how can I help\n,customer,I want to cancel my account\n\
         a,agent,bye\n",
    );
    assert_eq!(code, 2, "{v}");
    assert_eq!(conversations(&v), [(Some("a"), 2), (Some("b"), 1)], "{v}");
    assert!(warnings(&v, 0).is_empty(), "{v}");
    assert!(
        warnings(&v, 1)[0].starts_with(
            "line 3, column 1: this line could not be read and is left out of this conversation:"
        ),
        "{v}"
    );
}

#[test]
fn a_separate_time_column_goes_with_the_start_only() {
    // The end column was read with the time appended (`12:00:05 12:00:00`) and dropped.
    let (_, v) = report(
        "times.csv",
        "Date,Time,End,Role,Text\n01.06.2024,12:00:00,12:00:05,agent,hello\n\
         01.06.2024,12:00:10,12:00:15,agent,please calm down\n",
    );
    assert!(warnings(&v, 0).is_empty(), "{v}");
    assert_eq!(calm(&v), [(3, 43, Some(10_000))], "{v}");
}

#[test]
fn a_row_left_out_keeps_its_id_only_when_the_id_comes_before_the_text() {
    // The comma in the text moved the cells after it: `sir` was read as an id and made a
    // conversation of its own.
    let (_, v) = report(
        "ids.csv",
        "text,conversation_id,role\nhello,c1,agent\nno problem, sir,c1,agent\n\
         calm down,,customer\nhi,c3,agent\n",
    );
    assert_eq!(conversations(&v), [(Some("c1"), 2), (Some("c3"), 1)], "{v}");
}

#[test]
fn an_end_clock_beside_date_and_time_columns_is_on_the_starts_date() {
    // Read alone, the end counted from midnight, and each turn ran about twelve hours.
    let dir = tempfile::tempdir().unwrap();
    let sheet = write(
        dir.path(),
        "dt.csv",
        "Date,Time,End,Speaker,Text\n01.06.2024,12:00:00,12:00:05,Agent,hello there\n\
         01.06.2024,12:00:10,12:00:20,Customer,I am fine\n01.06.2024,12:01:00,12:01:05,Agent,bye\n",
    );
    let rule = "rules:\n  - id: t/long\n    speaker: any\n    timing: {turn_seconds_above: 8}\n";
    let rules = write(dir.path(), "long.yaml", rule);
    let (_, v) = json_report(&["-r", rules.to_str().unwrap(), sheet.to_str().unwrap()]);
    let turns: Vec<_> = (v["conversations"][0]["findings"].as_array().unwrap().iter())
        .filter(|f| f["rule"] == "t/long")
        .map(|f| f["turn"].as_u64())
        .collect();
    assert_eq!(turns, [Some(2)], "{v}");
}

/// A day the month does not have (31 June, 30 February) is no date: warned about at its cell,
/// where it was read as the next month's first days.
#[test]
fn a_day_past_the_months_end_is_no_date() {
    for date in [
        "6/31/2024 9:00:10 AM",
        "2024-06-31 09:00:10",
        "2023-02-29 09:00:10",
    ] {
        let (_, v) = report(
            "sheet.csv",
            &format!(
                "role,text,timestamp\nagent,Hello,6/13/2024 9:00:00 AM\nagent,Please calm down.,{date}\n"
            ),
        );
        assert_eq!(calm(&v)[0].2, None, "{date}: {v}");
        assert!(
            warnings(&v, 0)[0].contains(&format!("`timestamp` is `{date}`")),
            "{date}: {v}"
        );
    }
    let (_, v) = report(
        "sheet.csv",
        "role,text,timestamp\nagent,Hello,2024-02-29 09:00:00\nagent,Please calm down.,2024-02-29 09:00:10\n",
    );
    assert_eq!(calm(&v)[0].2, Some(10_000), "a leap day is a day: {v}");
}
