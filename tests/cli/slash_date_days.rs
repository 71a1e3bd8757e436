//! Slash dates that read both ways (`03/04/2024`) are read, day first, where they are all of one
//! day, since either order then gives each turn the same time: the same rule for a CSV file's
//! cells and a text transcript's stamps, the day known by its date, however written.

use crate::support::{default_pack, write};
use serde_json::Value;

/// The warnings and the start of the agent's "calm down" in the conversation of `name`, holding
/// `text`.
fn read(name: &str, text: &str) -> (Vec<String>, Option<u64>) {
    let dir = tempfile::tempdir().unwrap();
    let c = default_pack(write(dir.path(), name, text).to_str().unwrap());
    let calm = (c["findings"].as_array().into_iter().flatten())
        .find(|f| f["rule"] == "respect/calm-down")
        .unwrap_or_else(|| panic!("calm down in {c}"));
    let warnings = (c["warnings"].as_array().into_iter().flatten()).filter_map(Value::as_str);
    (
        warnings.map(String::from).collect(),
        calm["start_ms"].as_u64(),
    )
}

/// In a CSV file, `3/4/2024` and `03/04/2024` were two days, as written, so neither was read
/// ("reads day first in some places and month first in others"), and a cell that is no date
/// (`13/13/2024`) made the file's one day two. A text transcript read both.
#[test]
fn dates_of_one_day_written_two_ways_or_beside_no_date_are_read_in_csv_as_in_text() {
    for (first, then) in [
        ("03/04/2024 10:00", "3/4/2024 10:01"),
        ("03/04/2024 10:00", "03/04/24 10:01"),
    ] {
        let sheet =
            format!("role,text,time\nagent,Hello,{first}\nagent,Please calm down.,{then}\n");
        assert_eq!(read("sheet.csv", &sheet), (vec![], Some(60_000)), "{sheet}");
        let text = format!("[{first}] Agent: Hello\n[{then}] Agent: Please calm down.\n");
        assert_eq!(read("call.txt", &text), (vec![], Some(60_000)), "{text}");
    }
    let sheet = "role,text,time\nagent,Hello,03/04/2024 10:00\ncustomer,hi,13/13/2024 10:00\n\
                 agent,Please calm down.,03/04/2024 10:01\n";
    let (w, calm) = read("sheet.csv", sheet);
    assert_eq!(calm, Some(60_000), "{w:?}");
    assert!(
        w.len() == 1 && w[0].starts_with("line 3, column 13: `time` is `13/13/2024 10:00`"),
        "{w:?}"
    );
}

/// In a text transcript, dates of one day with clocks in two zones were "of more than one day"
/// (the day was taken where each began in its own zone), so no turn had a time; a CSV file read
/// them.
#[test]
fn dates_of_one_day_in_two_zones_are_read_in_text_as_in_csv() {
    let (first, then) = ("03/04/2024 09:00 -05:00", "03/04/2024 23:01 +09:00");
    let text = format!("[{first}] Agent: Hello\n[{then}] Agent: Please calm down.\n");
    assert_eq!(read("call.txt", &text), (vec![], Some(60_000)), "{text}");
    let sheet = format!("role,text,time\nagent,Hello,{first}\nagent,Please calm down.,{then}\n");
    assert_eq!(read("sheet.csv", &sheet), (vec![], Some(60_000)), "{sheet}");
}

/// Dates of two days still need their order named, in both formats.
#[test]
fn dates_of_two_days_that_read_both_ways_are_not_read_in_either_format() {
    let sheet =
        "role,text,time\nagent,Hello,03/04/2024 10:00\nagent,Please calm down.,4/3/2024 10:01\n";
    let (w, calm) = read("sheet.csv", sheet);
    assert!(calm.is_none() && w[0].contains("--date-order"), "{w:?}");
    let text = "[03/04/2024 10:00] Agent: Hello\n[4/3/2024 10:01] Agent: Please calm down.\n";
    let (w, calm) = read("call.txt", text);
    assert!(calm.is_none() && w[0].contains("--date-order"), "{w:?}");
}
