//! `--redact` on German numbers written in groups after the area code (DIN 5008's pairs,
//! `030 12 34 56 78`, and groups of two to four digits, `0151 123 456 78`), which end where
//! German digit counts say; and the times, dates, amounts, postcodes, order numbers and IBANs
//! beside them, which a number must not take in.

use crate::redact_gaps::assert_masked as assert_in_every_format;
use crate::redact_runs::assert_masked;

/// A German number grouped after its area code is masked whole: its last pair was left showing
/// (`[PHONE] 78`), or the whole number, when no other form read its pairs.
#[test]
fn a_german_number_grouped_after_its_area_code_is_masked_whole() {
    assert_masked(&[
        ("Handy 0151 123 456 78 ok", "Handy [PHONE] ok"),
        ("Tel 030 123 456 78 ok", "Tel [PHONE] ok"),
        ("Tel 030 12 34 56 78 ok", "Tel [PHONE] ok"),
        ("Handy 0171 12 34 567 ok", "Handy [PHONE] ok"),
        ("Tel 03843 12 34 56, 089 12 34 56", "Tel [PHONE], [PHONE]"),
        (
            "Tel (030) 12 34 56 78 oder 030/12 34 56 78",
            "Tel [PHONE] oder [PHONE]",
        ),
        ("Tel 030 12 34 56-78 oder", "Tel [PHONE] oder"),
        (
            "Tel 030 12 34 56 78 und 0171 98 76 543",
            "Tel [PHONE] und [PHONE]",
        ),
        // Fewer than nine digits are no number: a time, a short code.
        (
            "ab 0800 12 30 Uhr, Code 0815 12 34",
            "ab 0800 12 30 Uhr, Code 0815 12 34",
        ),
    ]);
}

/// A German number has twelve digits at most: a group after it that would make more is
/// another number, kept, and so is a group that goes on into a time, a date, an amount or a
/// word; a postcode and its town are kept as after any number.
#[test]
fn what_follows_a_grouped_german_number_is_kept() {
    assert_masked(&[
        (
            "Tel 030 12 34 56 78 10115 Berlin",
            "Tel [PHONE] 10115 Berlin",
        ),
        (
            "Tel 0171 12 34 567 01067 Dresden",
            "Tel [PHONE] 01067 Dresden",
        ),
        ("Tel 030 12 34 56 12:30 Uhr", "Tel [PHONE] 12:30 Uhr"),
        ("Tel 030 12 34 56 08:00-17:00", "Tel [PHONE] 08:00-17:00"),
        ("Tel 030 12 34 56 12.03.2024", "Tel [PHONE] 12.03.2024"),
        ("Tel 030 12 34 56 12,50 €", "Tel [PHONE] 12,50 €"),
        ("Tel 030 12 34 56 78 1 234,56 €", "Tel [PHONE] 1 234,56 €"),
        ("Tel 030 12 34 56 24h/24", "Tel [PHONE] 24h/24"),
        ("Tel 030 12 34 56 78 90 Stück", "Tel [PHONE] 90 Stück"),
        ("Handy 0171 12 34 56 78 90", "Handy [PHONE] 90"),
        (
            "Tel 030 12 34 56 78 4711 Auftrag",
            "Tel [PHONE] 4711 Auftrag",
        ),
        // Twelve digits at most: a pair after nine or ten is read as the number's last.
        ("call 0800 123 456 24 hours", "call [PHONE] hours"),
    ]);
}

/// Opening hours written as four-digit times with a dash (`0800 1700-1800`) were read as a
/// number with an extension; a number's own extension is still masked.
#[test]
fn opening_hours_are_no_number_with_an_extension() {
    assert_masked(&[
        ("Zeiten 0800 1700-1800", "Zeiten 0800 1700-1800"),
        (
            "Zeiten 0800-1200 1300-1700 Uhr",
            "Zeiten 0800-1200 1300-1700 Uhr",
        ),
        ("Zeiten 0900 1330 - 1800", "Zeiten 0900 1330 - 1800"),
        ("Tel 030 12345-67 oder", "Tel [PHONE] oder"),
        ("Tel 0221 9876-0, 0711 123456-789", "Tel [PHONE], [PHONE]"),
        // Not times on the quarter hour, or no later end after the dash: a number.
        ("Tel 0221 1234-1530", "Tel [PHONE]"),
        ("Tel 0800 1800-1700", "Tel [PHONE]"),
        ("Zeiten 08:00-17:00 Uhr", "Zeiten 08:00-17:00 Uhr"),
    ]);
}

/// Dates, times, amounts, postcodes and order numbers said with a grouped German number stay,
/// and an IBAN is masked as an IBAN, in every report format.
#[test]
fn grouped_german_numbers_leave_what_is_no_number_in_every_format() {
    let text = "Customer: Tel 030 12 34 56 78, Handy 0151 123 456 78 am 12.03.2024\n\
        Customer: Zeiten 0800 1700-1800 oder 08:00-17:00, Betrag 1 234,56 € ok\n\
        Customer: Bestellnummer 0301234567, Auftrag 2024 12345-67, Order 12 34 56 78\n\
        Customer: PLZ 10115 Berlin, IBAN DE89 3704 0044 0532 0130 00 ok\n";
    assert_in_every_format(
        text.as_bytes(),
        &["56 78,", "456 78 am", "3704", "0130"],
        &[
            "Tel [PHONE], Handy [PHONE] am 12.03.2024",
            "Zeiten 0800 1700-1800 oder 08:00-17:00, Betrag 1 234,56 € ok",
            "Bestellnummer 0301234567, Auftrag 2024 12345-67, Order 12 34 56 78",
            "PLZ 10115 Berlin, IBAN [IBAN] ok",
        ],
    );
}
