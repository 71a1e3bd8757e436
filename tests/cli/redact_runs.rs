//! `--redact` on numbers beside other numbers: a piece of personal data bounds the run of digit
//! groups beside it, a card is printed in a card's grouping with one kind of gap, and the
//! separators and digits the matcher folds (full-width digits, invisible characters, other
//! dashes) are masked as the plain ones are.

use crate::support::{check_in, write};
use serde_json::Value;

/// A rule that quotes every turn whole, so that each turn's text is shown as a report masks it.
const QUOTE: &str = r#"pack: quote
version: 1
rules:
  - id: quote/turn
    severity: warning
    speaker: any
    regex: ['\S[^\n]*']
    message: "Says {match}"
"#;

/// Each of `lines` said by the customer, as a redacted report quotes it.
fn masked(lines: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "quote.yaml", QUOTE);
    let text: String = lines.iter().map(|l| format!("Customer: {l}\n")).collect();
    write(dir.path(), "calls.txt", &text);
    let args = ["-r", "quote.yaml", "--redact", "-f", "json", "calls.txt"];
    let (code, out, err) = check_in(dir.path(), &args);
    assert_eq!(code, 1, "{err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    let findings = report["conversations"][0]["findings"].as_array().unwrap();
    let quoted = findings
        .iter()
        .map(|f| f["match"].as_str().unwrap_or_default());
    quoted.map(str::to_string).collect()
}

/// Asserts that each `(said, shown)` pair's line is quoted as `shown` (also by other `--redact`
/// tests of one line at a time).
pub(crate) fn assert_masked(cases: &[(&str, &str)]) {
    let said: Vec<&str> = cases.iter().map(|(said, _)| *said).collect();
    let shown: Vec<&str> = cases.iter().map(|(_, shown)| *shown).collect();
    assert_eq!(masked(&said), shown);
}

#[test]
fn a_number_beside_other_personal_data_is_masked_with_its_own_token() {
    assert_masked(&[
        ("ssn 123-45-6789 4111 1111 1111 1111", "ssn [SSN] [CARD]"),
        (
            "iban GB82 WEST 1234 5698 7654 32 4111 1111 1111 1111",
            "iban [IBAN] [CARD]",
        ),
        (
            "phone (555) 123-4567 4111 1111 1111 1111",
            "phone [PHONE] [CARD]",
        ),
        (
            "card 5500 0000 0000 0004 +44 20 7946 0958",
            "card [CARD] [PHONE]",
        ),
        ("4111111111111111 555 123 4567", "[CARD] [PHONE]"),
        (
            "card 4111 1111 1111 1111 555-867-5309",
            "card [CARD] [PHONE]",
        ),
        (
            "phone +44 20 7946 0958 4111 1111 1111 1111",
            "phone [PHONE] [CARD]",
        ),
        (
            "phone 555-123-4567 4111-1111-1111-1111",
            "phone [PHONE] [CARD]",
        ),
        ("phones 555-867-5309 555-867-5309", "phones [PHONE] [PHONE]"),
        // The SSN's area was taken as the phone's last group, and `-45-6789` shown.
        ("phone +44 20 7946 0958 123-45-6789", "phone [PHONE] [SSN]"),
        ("ssn 123 45 6789 020 7946 0958 end", "ssn [SSN] [PHONE] end"),
        (
            "cards 4111 1111 1111 1111 5500 0000 0000 0004",
            "cards [CARD] [CARD]",
        ),
        (
            "mail jo@example.com 4111 1111 1111 1111",
            "mail [EMAIL] [CARD]",
        ),
    ]);
}

#[test]
fn runs_that_are_no_personal_data_are_kept() {
    let kept = [
        "invoice 2024-0001-0002-0003",
        "tracking 9400 1000 0000 0000 0000 00",
        "invoice 2024 0001 0002 0003 0004",
        "slots 08:15 09:15 10:15 11:15 free",
        "prices 1006.99 1007.99 1008.49 each",
        "ISBN 978-0-306-40615-7 and 978 0 306 40615 7",
        // Dates, years, sizes and times that pass the Luhn check by chance: no card's grouping,
        // or four years in a row.
        "valid 2024-06-26 2024-07-03 only",
        "we covered 2023 2024 2025 2026",
        "the years 2017-2018-2019-2020",
        "pick sizes 12 13 14 15 16 17 18 19",
        "seats 20 21 22 23 24 25 26 27",
        // A card's grouping with two kinds of gap.
        "ranges 4111-1111 1111-1111",
    ];
    let cases: Vec<(&str, &str)> = kept.iter().map(|k| (*k, *k)).collect();
    assert_masked(&cases);
}

#[test]
fn cards_in_each_printed_grouping_are_masked() {
    assert_masked(&[
        ("amex 3782 822463 10005", "amex [CARD]"),
        ("diners 3056 930902 5904", "diners [CARD]"),
        ("maestro 6759 6498 2643 8450 009", "maestro [CARD]"),
        ("plain 4111111111111111", "plain [CARD]"),
        (
            "read out 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 ok",
            "read out [CARD] ok",
        ),
        ("dashes 4111 – 1111 — 1111-1111", "dashes [CARD]"),
    ]);
}

#[test]
fn a_card_with_its_security_code_expiry_or_pin_beside_it_is_masked_with_them() {
    assert_masked(&[
        ("card 4111 1111 1111 1111 123 thanks", "card [CARD] thanks"),
        ("card 5500-0000-0000-0004-0427", "card [CARD]"),
        ("pin 1234 4111 1111 1111 1111", "pin [CARD]"),
        // A longer run stays a run: a tracking number, or a part that opens as no card does.
        (
            "ref 4111 1111 1111 1111 2026 0001 9999",
            "ref 4111 1111 1111 1111 2026 0001 9999",
        ),
        ("exp 4111 1111 1111 1111 0427 123", "exp [CARD]"),
        (
            "4111 1111 1111 1111 123. 2 more things",
            "[CARD]. 2 more things",
        ),
        (
            "ssn 123-45-6789 4111 1111 1111 1111 123",
            "ssn [SSN] [CARD]",
        ),
        (
            "pin 1234 4111 1111 1111 1111 555-867-5309",
            "pin [CARD] [PHONE]",
        ),
        ("card 5500-0000-0000-0004-0427-123", "card [CARD]"),
        ("card 4111 1111 1111 1111 123 45 6789", "card [CARD] [SSN]"),
        (
            "card 4111 1111 1111 1111 2024-06-26",
            "card [CARD] 2024-06-26",
        ),
        (
            "ref 1000 0000 0000 0008 1234",
            "ref 1000 0000 0000 0008 1234",
        ),
    ]);
}

#[test]
fn folded_digits_invisible_separators_and_other_dashes_are_masked() {
    assert_masked(&[
        ("card ４１１１ １１１１ １１１１ １１１１", "card [CARD]"),
        (
            "zwsp 4111\u{200b}1111\u{200b}1111\u{200b}1111",
            "zwsp [CARD]",
        ),
        ("shy 4111\u{ad}1111\u{ad}1111\u{ad}1111", "shy [CARD]"),
        ("ssn 123\u{2011}45\u{2011}6789", "ssn [SSN]"),
        (
            "minus 4111\u{2212}1111\u{2212}1111\u{2212}1111",
            "minus [CARD]",
        ),
        ("call 555\u{2011}867\u{2011}5309", "call [PHONE]"),
        ("iban de89 3704 0044 0532 0130 00.", "iban [IBAN]."),
        ("iban de89370400440532013000 ok", "iban [IBAN] ok"),
    ]);
}

/// A phone number typed in full-width digits is the number: the national forms' trunk `0` and
/// area digits, written out in the patterns, fold as `\d` does.
#[test]
fn full_width_national_and_international_phone_numbers_are_masked() {
    assert_masked(&[
        ("call ０２０ ７９４６ ０９５８ now", "call [PHONE] now"),
        ("call (０２０) ７９４６ ０９５８", "call [PHONE]"),
        ("call ０６ １２ ３４ ５６ ７８", "call [PHONE]"),
        ("call ０３０ １２３４５６７８", "call [PHONE]"),
        ("call １-８００-５５５-０１９９", "call [PHONE]"),
        ("call ００４４ ２０ ７９４６ ０９５８", "call [PHONE]"),
        ("in ２０２４ ok", "in ２０２４ ok"),
    ]);
}
