//! `--redact` on the ways people write numbers: any white space, a dash or one line break between
//! digit groups, national forms, and runs of groups that are no card or phone number.

use crate::support::{FORMATS, check_in, quoting, write};

/// A rule that reads back whatever follows `card` or `call`, so that reports quote the numbers.
const RULES: &str = r#"pack: pii
version: 1
rules:
  - id: privacy/read-back
    severity: error
    speaker: any
    regex: ['(card|call|ssn|invoice|tracking|zeros) \S+']
    message: "Reads back “{match}”"
"#;

/// `check --redact` of `name` (holding `text`) with [`RULES`], in every format: each report.
fn reports(name: &str, text: &str) -> Vec<(&'static str, String)> {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "pii.yaml", RULES);
    write(dir.path(), name, text);
    let run = |format: &'static str| {
        let rows = quoting(format);
        let args = [
            "-r", "pii.yaml", "--redact", "--color", "never", rows, "-f", format, name,
        ];
        let (code, out, err) = check_in(dir.path(), &args);
        assert_eq!(code, 1, "{format}: {err}");
        (format, out)
    };
    FORMATS.into_iter().map(run).collect()
}

#[test]
fn numbers_with_any_gap_between_groups_are_masked_in_every_format() {
    let lf = "Agent: That is not my department, card 4111 1111\n1111 1111 ok.\n\
              Customer: card 4111  1111 1111 1111, call (555)  123-4567.\n\
              Agent: card 4111\t1111\u{a0}1111\u{2007}1111 or call +44 20\n7946 0958 now.\n\
              Customer: card 4111 - 1111 — 1111 - 1111, call 07700 900123.\n";
    let crlf = "Agent: card 5500 0000\r\n0000 0004 ok.\r\nCustomer: fine\r\n";
    for (name, text) in [("lf.txt", lf), ("crlf.txt", crlf)] {
        for (format, out) in reports(name, text) {
            for data in ["4111", "5500", "0004", "123-4567", "7946", "0958", "07700"] {
                assert!(!out.contains(data), "{name} {format} shows {data}:\n{out}");
            }
            assert!(out.contains("[CARD]"), "{name} {format}:\n{out}");
        }
    }
}

#[test]
fn runs_of_groups_and_zeros_are_not_masked() {
    let text = "Agent: invoice 2024-0001-0002-0003, tracking 9400 1000 0000 0000 0000 00.\n\
                Customer: card 0000 0000 0000 0000 and zeros 0000-0000-0000-0000.\n\
                Agent: ssn 123 45 6789 noted.\n";
    for (format, out) in reports("runs.txt", text) {
        // Every format quotes the matches; human and HTML show the turns too.
        for kept in ["invoice 2024-0001-0002-0003", "tracking 9400", "card 0000"] {
            assert!(out.contains(kept), "{format} lacks {kept}:\n{out}");
        }
        if format == "human" || format == "html" {
            assert!(out.contains(" 1000 0000 0000 0000 00."), "{format}:\n{out}");
            assert!(
                out.contains("zeros 0000-0000-0000-0000"),
                "{format}:\n{out}"
            );
        }
        assert!(
            !out.contains("[PHONE]") && !out.contains("[CARD]"),
            "{format}:\n{out}"
        );
        assert!(!out.contains("6789"), "{format}:\n{out}");
    }
}

#[test]
fn dates_times_and_epochs_that_pass_luhn_are_no_cards() {
    // Each passes the Luhn check, as a tenth of all numbers do, and was masked as a card; no
    // card network issues numbers that open with 20, nor 13 digits that open with 1.
    let text = "Agent: invoice 20240626080400 placed, invoice 2024 0626 1430 0000 too.\n\
                Customer: zeros 1718000000014 in ms, card 4111111111111111 then.\n";
    for (format, out) in reports("dates.txt", text) {
        for kept in ["20240626080400", "1718000000014"] {
            assert!(out.contains(kept), "{format} lacks {kept}:\n{out}");
        }
        if format == "human" {
            assert!(out.contains("2024 0626 1430 0000"), "{format}:\n{out}");
        }
        assert!(!out.contains("4111"), "{format}:\n{out}");
    }
}

#[test]
fn a_card_followed_by_more_digits_is_masked() {
    // The card pattern runs on into the next line's `2` (17 digits, which fail Luhn): the 16
    // digits before it are the card, and are masked; so are the 16 after a `1` on the line before.
    let text = "Agent: my card 4111 1111 1111 1111\n2 attempts failed\n\
                Customer: 1\n5500 0000 0000 0004 was the card\n";
    for (format, out) in reports("card.txt", text) {
        for data in ["4111", "5500", "0004"] {
            assert!(!out.contains(data), "{format} shows {data}:\n{out}");
        }
        assert!(out.contains("card [CARD]"), "{format}:\n{out}");
    }
}

#[test]
fn a_short_number_said_after_a_phone_or_card_is_no_part_of_it() {
    // `24`, `5` and `12` are too short to make a longer number with the groups before them.
    let text = "Agent: call 0800 123 4567 24 hours a day\n\
                Customer: call 555 123 4567 5 pm is best, card 4111 1111 1111 1111 12/25\n";
    for (format, out) in reports("short.txt", text) {
        for data in ["0800", "4567", "555 123", "4111"] {
            assert!(!out.contains(data), "{format} shows {data}:\n{out}");
        }
        assert!(out.contains("call [PHONE]"), "{format}:\n{out}");
        if format == "human" {
            assert!(out.contains("[PHONE] 24 hours a day"), "{out}");
            assert!(out.contains("[CARD] 12/25"), "{out}");
        }
    }
}

/// Five pairs opening with `0` are a French number, also parted by slashes or beside a short
/// number said after it; with one pair more beside them, the six are masked whole.
#[test]
fn french_numbers_in_pairs_are_masked() {
    let text = "Agent: call 01 23 45 67 89 or call 06.12.34.56.78 please.\n\
                Customer: call 06-12-34-56-78 then, card 4111 1111 1111 1111.\n\
                Agent: call 07 11 22 33 44 2 fois, call 09 88 77 66 55 17 h, call 05 91 92 93 94 24h/24.\n\
                Customer: call 0612345678 or call 0798765432, invoice 0523400099.\n\
                Agent: call 04 91 12 13 14 75001 Paris.\n\
                Customer: call 06/12/34/56/78 or call 09 10 11 12 13 45.\n";
    for (format, out) in reports("fr.txt", text) {
        for data in [
            "23 45", "12.34", "12-34", "67 89", "56.78", "56-78", "22 33", "77 66", "92 93",
            "12345678", "98765432", "12 13", "12/34", "13 45",
        ] {
            assert!(!out.contains(data), "{format} shows {data}:\n{out}");
        }
        assert!(out.contains("call [PHONE]"), "{format}:\n{out}");
        // Ten digits in one run are a mobile's only: 06 or 07.
        assert!(out.contains("0523400099"), "{format}:\n{out}");
    }
}
