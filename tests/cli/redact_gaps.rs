//! `--redact` on numbers whose groups are parted or bounded in ways the common forms are not: a
//! Windows-1252 file's no-break spaces and en dashes read as U+FFFD, an extension or a word glued
//! to a phone number, bracketed area codes with a dash or no gap after them.

use crate::support::{FORMATS, check_in, quoting};

/// A rule that quotes each whole line of a customer's turn.
const TURN: &str = "rules:\n  - id: pii/turn\n    kind: forbid\n    severity: error\n    \
                    speaker: customer\n    regex: ['^.*$']\n    message: \"T: {match}\"\n";

/// `check --redact` of `t.txt` (holding `bytes`) in every format: each report.
fn reports(bytes: &[u8]) -> Vec<(&'static str, String)> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("turn.yaml"), TURN).unwrap();
    std::fs::write(dir.path().join("t.txt"), bytes).unwrap();
    let run = |format: &'static str| {
        let rows = quoting(format);
        let args = [
            "-r",
            "turn.yaml",
            "--redact",
            "--color",
            "never",
            rows,
            "-f",
            format,
            "t.txt",
        ];
        let (code, out, err) = check_in(dir.path(), &args);
        assert_eq!(code, 1, "{format}: {err}");
        (format, format!("{out}{err}"))
    };
    FORMATS.into_iter().map(run).collect()
}

/// Asserts that every report of `t.txt` holding `bytes` shows none of `personal` and each of
/// `shown` (what the masked lines read as); also for other `--redact` tests of every format.
pub(crate) fn assert_masked(bytes: &[u8], personal: &[&str], shown: &[&str]) {
    for (format, out) in reports(bytes) {
        for data in personal {
            assert!(!out.contains(data), "{format} shows {data}:\n{out}");
        }
        for line in shown {
            assert!(out.contains(line), "{format} lacks {line}:\n{out}");
        }
    }
}

#[test]
fn windows_1252_spaces_and_dashes_between_groups_are_gaps() {
    let text: &[u8] = b"Customer: card 4539\xa01488\xa00343\xa06467 ok\n\
        Customer: call 555\x96867\x965309 or ssn 078\x9605\x961120 then\n";
    assert_masked(
        text,
        &["4539", "6467", "867", "5309", "078", "1120"],
        &["card [CARD] ok", "call [PHONE] or ssn [SSN] then"],
    );
}

#[test]
fn extensions_and_words_glued_to_phones_and_ssns_are_masked() {
    let text = "Customer: call 555-867-5309x204 or (555) 867-5309x22 now\n\
                Customer: call +1 555 867 5309x22 or +15558675309ext22 now\n\
                Customer: call +44 20 7946 0958ext. 204 or +44 20 7946 0958 Extension 12 now\n\
                Customer: phone555-867-5309 and ssn078-05-1120 now\n\
                Customer: ref AB2024-0001-0002, box 10x20, ext 5, INV-0044-2024-0001 ok\n";
    assert_masked(
        text.as_bytes(),
        &["867", "5309", "7946", "204", "x22", "ext22", "078", "1120"],
        &[
            "call [PHONE] or [PHONE] now",
            "phone[PHONE] and ssn[SSN] now",
            "ref AB2024-0001-0002, box 10x20, ext 5, INV-0044-2024-0001 ok",
        ],
    );
}

#[test]
fn bracketed_area_codes_amex_in_fours_and_australian_numbers_are_masked() {
    let text = "Customer: call (555)-867-5309 or (555) 8675309 or 02 9876 5432 now\n\
                Customer: card 3782 8224 6310 005 ok\n\
                Customer: ref 4111 1111 1111 009, order 01 2024 0001, 05 10 15 20 25 30 35 ok\n";
    assert_masked(
        text.as_bytes(),
        &["867", "5309", "9876", "3782", "005 "],
        &[
            "call [PHONE] or [PHONE] or [PHONE] now",
            "card [CARD] ok",
            "ref 4111 1111 1111 009, order 01 2024 0001, [PHONE] ok",
        ],
    );
}

/// Two leaks a trial found, in every format: the second of two phone numbers written as one run
/// of digits after a `+` (the search went on from the next run's first digit, past its `+`),
/// and a number wrapped onto the next line right after a dash; and a card's security code said
/// alone on the line after it.
#[test]
fn runs_of_plus_numbers_and_numbers_wrapped_at_a_dash_are_masked() {
    let text = "Customer: a +15551234567 b +15557654321 c (+34)612345678 (+34)612345679 d\n\
                Customer: card 4111-1111-\n1111-1111 and ssn 078-05-\r\n1120 and 555-867-\n5309 end\n\
                Customer: ruf 030 12345-\n67 an\n\
                Customer: visa 4111 1111 1111 1111\n917\n";
    assert_masked(
        text.as_bytes(),
        &[
            "7654321",
            "1234567",
            "612345679",
            "4111",
            "1120",
            "5309",
            "12345",
            "917",
        ],
        &["a [PHONE] b [PHONE] c [PHONE] [PHONE] d", "card [CARD]"],
    );
}
