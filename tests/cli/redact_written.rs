//! `--redact` on personal data as people write it beyond ASCII and the common forms: e-mail
//! addresses in any script, international numbers opened by `00`, bracketed area codes, cards
//! glued to letters, IBANs with any gap; and ordinary text beside them left as it is.

use crate::support::{json_report_in, write};

/// A rule that quotes each whole line of a customer's turn.
const TURN: &str = "rules:\n  - id: pii/turn\n    kind: forbid\n    severity: warning\n    \
                    speaker: customer\n    regex: ['^.*$']\n    message: \"T: {match}\"\n";

/// Each line of `lines`, said by a customer, as `--redact` quotes it.
fn quoted(lines: &[&str]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "turn.yaml", TURN);
    let text: String = lines.iter().map(|l| format!("Customer: {l}\n")).collect();
    write(dir.path(), "t.txt", &text);
    let args = ["--no-config", "-r", "turn.yaml", "--redact", "t.txt"];
    let (_, report) = json_report_in(dir.path(), &args);
    let findings = report["conversations"][0]["findings"].as_array().unwrap();
    let quotes = findings
        .iter()
        .map(|f| f["match"].as_str().unwrap().to_string());
    quotes.collect()
}

/// Asserts that each (line, as quoted) of `cases` is quoted so.
fn assert_quoted(cases: &[(&str, &str)]) {
    let lines: Vec<&str> = cases.iter().map(|c| c.0).collect();
    let got = quoted(&lines);
    let want: Vec<&str> = cases.iter().map(|c| c.1).collect();
    assert_eq!(got, want);
}

#[test]
fn addresses_in_any_script_are_masked_whole() {
    assert_quoted(&[
        ("mail josé.garcía@correo.es now", "mail [EMAIL] now"),
        ("mail müller@firma.de", "mail [EMAIL]"),
        ("mail o'brien@example.ie.", "mail [EMAIL]."),
        ("mail john@bücher.de", "mail [EMAIL]"),
        ("mail 田中@例え.jp", "mail [EMAIL]"),
        ("mail jane＠example.com", "mail [EMAIL]"),
        ("mail jo.doe+x@mail.example.com!", "mail [EMAIL]!"),
        (
            "ask @team or a@b, it's 5@home",
            "ask @team or a@b, it's 5@home",
        ),
    ]);
}

#[test]
fn numbers_opened_by_00_and_bracketed_area_codes_are_phones() {
    assert_quoted(&[
        ("call 0044 20 7946 0958 please", "call [PHONE] please"),
        (
            "call 001 212 555 0199 or 0049 30 12345678",
            "call [PHONE] or [PHONE]",
        ),
        (
            "call (020) 7946 0958 or (02) 9876 5432",
            "call [PHONE] or [PHONE]",
        ),
        ("call (07700) 900123", "call [PHONE]"),
        (
            "call 0044 20 7946 0958 4111 1111 1111 1111",
            "call [PHONE] [CARD]",
        ),
    ]);
}

#[test]
fn times_prices_quantities_and_invoices_stay() {
    let plain = [
        "at 00:30 or 00 30, qty 0010 and 0012, price 0.00 or 1,000.00 or €0044.50",
        "invoice 0012-3456-7890, order 0012 3456 7890, ref 00123 45678",
        "INV-0044-2024-0001, ticket 0049-1234-5678, batch 0044.2024.06.26",
        "times 10:00 11:30, 98765 43210, (2) 1234 5678, (12) 3456 7890",
    ];
    assert_quoted(&plain.map(|l| (l, l)));
}

#[test]
fn cards_glued_to_words_and_ibans_with_any_gap_are_masked() {
    assert_quoted(&[
        ("cc4111111111111111 ok", "cc[CARD] ok"),
        ("4111111111111111exp0427", "[CARD]exp0427"),
        ("card_4111-1111-1111-1111", "card_[CARD]"),
        ("4111 1111 1111 1111exp 04/27", "[CARD]exp 04/27"),
        (
            "iban DE89\u{a0}3704\u{a0}0044\u{a0}0532\u{a0}0130\u{a0}00 ok",
            "iban [IBAN] ok",
        ),
        ("iban DE89  3704  0044  0532  0130  00", "iban [IBAN]"),
        ("iban DE89-3704-0044-0532-0130-00.", "iban [IBAN]."),
        // No card is taken from inside a longer run of digits.
        (
            "run 94111111111111111111111 x12345678901234567890123",
            "run 94111111111111111111111 x12345678901234567890123",
        ),
    ]);
}

#[test]
fn addresses_with_invisible_characters_or_a_punycode_domain_are_masked_whole() {
    assert_quoted(&[
        ("mail jane.doe@exam\u{200B}ple.com now", "mail [EMAIL] now"),
        ("mail jane\u{AD}Doe@example.com now", "mail [EMAIL] now"),
        ("mail jane.doe@example.xn--p1ai now", "mail [EMAIL] now"),
        ("mail jane.doe@пример.рф now", "mail [EMAIL] now"),
    ]);
}
