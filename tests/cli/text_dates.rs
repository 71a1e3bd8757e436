//! Dates written as much of Europe and the US write them (`05.03.2024`, `05/03/2024`) before a
//! text transcript's labels: the label is read, and the time too, a slash date in the order the
//! file's dates show or the one named. A bare date used to hide the label, so the whole call was
//! one agent turn, the customer's words the agent's; a bracketed one lost every time.

use crate::labels::found;
use crate::support::{JSON_CHECK, default_pack, run, talklint, write};
use serde_json::Value;

/// The customer, then the agent closing the door, each at its `stamp`.
fn call(customer: &str, agent: &str) -> String {
    format!("{customer} Customer: calm down, please\n{agent} Agent: that is not my department\n")
}

#[test]
fn a_date_day_first_or_with_slashes_before_a_label_is_read_with_its_time() {
    let dir = tempfile::tempdir().unwrap();
    for (customer, agent, agent_ms) in [
        ("05.03.2024 10:00:00", "05.03.2024 10:00:05", 5_000),
        ("[05.03.2024 10:00:00]", "[05.03.2024 10:01:00]", 60_000),
        ("05.03.24 23:59:50", "06.03.24 00:00:10", 20_000),
        // One day: either order gives the same times.
        ("05/03/2024 10:01", "05/03/2024 10:02", 60_000),
        (
            "[05/03/2024 10:00:00 PM]",
            "[05/03/2024 10:00:30 PM]",
            30_000,
        ),
        // A day past 12 shows the order, across midnight.
        ("[13/03/2024 23:59:50]", "[14/03/2024 00:00:00]", 10_000),
        ("[03/13/2024 23:59:50]", "[03/14/2024 00:00:00]", 10_000),
        ("3/13/24 23:59", "3/14/24 00:01", 120_000),
    ] {
        let text = call(customer, agent);
        let c = default_pack(write(dir.path(), "call.txt", &text).to_str().unwrap());
        assert_eq!(
            (&c["turns"], &c["warnings"]),
            (&2.into(), &Value::Null),
            "{text}{c}"
        );
        let found = found(&c);
        assert!(
            found.contains(&("ownership/closed-door", "agent", 2, Some(agent_ms))),
            "{text}{c}"
        );
        // The customer's `calm down` is no agent's.
        assert!(
            found.iter().all(|f| f.1 == "agent" && f.2 == 2),
            "{text}{c}"
        );
    }
}

/// Slash dates of two days that read both ways: which is meant the file cannot say, so their
/// turns are read without a time, with a warning at the first that says how to name the order;
/// named, they are read in it.
#[test]
fn slash_dates_whose_order_the_file_leaves_open_are_named_or_read_as_told() {
    let dir = tempfile::tempdir().unwrap();
    let text = call("[05/03/2024 23:59:50]", "[06/03/2024 00:00:10]");
    let path = write(dir.path(), "call.txt", &text);
    let c = default_pack(path.to_str().unwrap());
    assert_eq!(c["turns"], 2, "{c}");
    assert!(
        found(&c).contains(&("ownership/closed-door", "agent", 2, None)),
        "{c}"
    );
    let warnings = c["warnings"].to_string();
    assert!(
        warnings.contains(
            "line 1, column 2: the date `05/03/2024` may be read day first or month first"
        ) && warnings.contains("--date-order")
            && warnings.contains("(1 more turns are too)"),
        "{warnings}"
    );
    for (order, agent_ms) in [("day-first", 20_000), ("month-first", 2_592_020_000)] {
        let (_, out, err) = run(talklint()
            .args(JSON_CHECK)
            .args(["--date-order", order])
            .arg(&path));
        let report: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
        let c = &report["conversations"][0];
        assert_eq!(c["warnings"], Value::Null, "{order}: {c}");
        assert!(
            found(c).contains(&("ownership/closed-door", "agent", 2, Some(agent_ms))),
            "{order}: {c}"
        );
    }
    // A file whose dates show both orders: named as such, each turn untimed; with the order
    // named, only a date that is none in it.
    let text = format!(
        "{}[3/13/2024 00:00:20] Agent: ok\n",
        call("[13/03/2024 00:00:00]", "[14/03/2024 00:00:10]")
    );
    let path = write(dir.path(), "call.txt", &text);
    let c = default_pack(path.to_str().unwrap());
    let warnings = c["warnings"].to_string();
    assert!(
        warnings.contains(
            "line 1, column 2: the date `13/03/2024` is one of the file's slash dates, some day \
             first and some month first; write them in one order"
        ) && warnings.contains("(2 more turns are too)"),
        "{c}"
    );
    let (_, out, _) = run(talklint()
        .args(JSON_CHECK)
        .args(["--date-order", "day-first"])
        .arg(&path));
    let report: Value = serde_json::from_str(&out).unwrap();
    let c = &report["conversations"][0];
    assert!(
        c["warnings"].to_string().contains(
            "line 3, column 2: the date `3/13/2024` is no date read day first, the order the \
             file's slash dates are read in; its turn is read without a time\""
        ),
        "{c}"
    );
    assert!(
        found(c).contains(&("ownership/closed-door", "agent", 2, Some(86_410_000))),
        "{c}"
    );
}

/// A date and time that is none names its wrong part where it stands: an hour past 23 after a
/// bare dotted date (`1.1.24 25:00` was read as 01:00 of the next day, without a word), a day its
/// month lacks (`31.02.2024` was "not a time", with no word of February), a month past 12. The
/// label is still read, and its turn untimed.
#[test]
fn a_date_and_time_that_is_none_names_the_wrong_part() {
    let dir = tempfile::tempdir().unwrap();
    for (customer, agent, said) in [
        (
            "1.1.24 10:00",
            "1.1.24 25:00",
            "line 2, column 1: `1.1.24 25:00` is no date and time: in `25:00`, hours run 0–23; \
             write the time of day the turn began; the turn is read without a time",
        ),
        (
            "[2024-01-01 10:00]",
            "[2024-01-01 24:30]",
            "line 2, column 2: `2024-01-01 24:30` is no date and time: in `24:30`, hours run 0–23",
        ),
        (
            "05.02.2024 10:00",
            "31.02.2024 10:00",
            "line 2, column 1: `31.02.2024 10:00` is no date and time: there is no 31 February \
             2024 (February 2024 has 29 days); write the date the call was on",
        ),
        (
            "[05.03.2024 10:00]",
            "[05.13.2024 10:00]",
            "line 2, column 2: `05.13.2024 10:00` is no date and time: there is no month 13",
        ),
    ] {
        let text = call(customer, agent);
        let c = default_pack(write(dir.path(), "call.txt", &text).to_str().unwrap());
        assert_eq!(c["turns"], 2, "{text}{c}");
        assert!(c["warnings"].to_string().contains(said), "{text}{c}");
        assert!(
            found(&c).contains(&("ownership/closed-door", "agent", 2, None)),
            "{text}{c}"
        );
    }
}

/// Dates and times count from the file's earliest: a turn dated before the first keeps its
/// time, and is warned of as one that starts before the turn above it. It was put at 0 s, as
/// the first turn is, in silence.
#[test]
fn a_turn_dated_before_the_first_keeps_its_time_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "d.txt",
        "[2024-05-01 10:00:30] Agent: One\n[2024-05-01 10:00:20] Customer: Two\n\
         [2024-05-01 10:00:40] Agent: Three\n",
    );
    let (_, turns, warnings) = crate::time_order::first_words(&path, &[]);
    let starts: Vec<Option<u64>> = turns.iter().map(|t| t.2).collect();
    assert_eq!(starts, [Some(10_000), Some(0), Some(20_000)]);
    assert!(
        warnings.iter().any(|w| w.starts_with(
            "line 2, column 33: this turn starts at 0 s, before the turn above it at 10 s"
        )),
        "{warnings:?}"
    );
}
