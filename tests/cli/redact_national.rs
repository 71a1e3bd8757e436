//! `--redact` on Spain's and Germany's national forms: a DNI or NIE with its check letter, phone
//! numbers written without the country code, and a country code in brackets; and the dates,
//! amounts, postcodes and order numbers beside them that are kept.

use crate::redact_gaps::assert_masked as assert_in_every_format;
use crate::redact_runs::assert_masked;

/// A DNI or NIE is masked when its letter is its number's check letter, as a card is when it
/// passes the Luhn check.
#[test]
fn a_dni_or_nie_with_its_check_letter_is_masked() {
    assert_masked(&[
        ("DNI 12345678Z, ok", "DNI [ID], ok"),
        ("dni 12345678-z o 12345678 Z", "dni [ID] o [ID]"),
        ("DNI 12.345.678-Z", "DNI [ID]"),
        ("NIE X1234567L y1234567-x Z1234567R", "NIE [ID] [ID] [ID]"),
        ("nie x1234567-l.", "nie [ID]."),
        // The wrong letter: no DNI or NIE.
        ("ref 12345678A, X1234567A", "ref 12345678A, X1234567A"),
        // Eight digits and a word after them.
        ("tengo 12345678 y dos", "tengo 12345678 y dos"),
    ]);
}

/// Spain's nine digits without `+34`: a mobile's (6 or 7) in 3-2-2-2, 3-3-3 or one run, a
/// landline's (9) in 2-3-2-2, 3-2-2-2 or 3-3-3.
#[test]
fn spanish_phones_without_the_country_code_are_masked() {
    assert_masked(&[
        ("móvil 612 34 56 78.", "móvil [PHONE]."),
        ("móvil 712 345 678 o 612345678", "móvil [PHONE] o [PHONE]"),
        ("móvil 612-345-678", "móvil [PHONE]"),
        ("fijo 91 234 56 78, 912 34 56 78", "fijo [PHONE], [PHONE]"),
        ("fijo 912 345 678", "fijo [PHONE]"),
        // A French number and a Spanish one, back to back.
        ("call 06 12 34 56 78 91 234 56 78", "call [PHONE]"),
        // A landline in one run reads as an order number; a mobile's is masked whatever its word.
        (
            "pedido 912345678 o 123456789, pedido 612345678",
            "pedido 912345678 o 123456789, pedido [PHONE]",
        ),
        // Postcodes, amounts and dates.
        (
            "CP 28013 Madrid, 1.234,56 € el 05/03/2024",
            "CP 28013 Madrid, 1.234,56 € el 05/03/2024",
        ),
        ("total 612.345.678 €", "total 612.345.678 €"),
    ]);
}

/// Germany's trunk `0`, an area code of two to five digits and the number, nine to twelve digits
/// in all, parted by a space, a dash or a slash; a mobile's in one run.
#[test]
fn german_phones_without_the_country_code_are_masked() {
    assert_masked(&[
        ("Tel 030 12345678.", "Tel [PHONE]."),
        (
            "Handy 0171 1234567 oder 0171-1234567",
            "Handy [PHONE] oder [PHONE]",
        ),
        ("Tel 030/1234567, 030 / 1234567", "Tel [PHONE], [PHONE]"),
        (
            "Tel 089 123456 oder 03843 1234567",
            "Tel [PHONE] oder [PHONE]",
        ),
        (
            "Tel (030) 12345678 oder (0171)1234567",
            "Tel [PHONE] oder [PHONE]",
        ),
        (
            "Handy 01711234567 oder 015112345678",
            "Handy [PHONE] oder [PHONE]",
        ),
        // A landline in one run reads as an order number, as France's does.
        (
            "Bestellnummer 0301234567, Kundennummer 4711 123456",
            "Bestellnummer 0301234567, Kundennummer 4711 123456",
        ),
        // Dates, amounts, postcodes, opening hours and a number too short to be one.
        (
            "am 05.03.2024 oder 05/03/2024, 1.234,56 € oder 0,99 €",
            "am 05.03.2024 oder 05/03/2024, 1.234,56 € oder 0,99 €",
        ),
        (
            "PLZ 10115 Berlin, 01067 Dresden, 0800-1700 Uhr, 030 12345",
            "PLZ 10115 Berlin, 01067 Dresden, 0800-1700 Uhr, 030 12345",
        ),
    ]);
}

/// A country code in brackets is masked with the number it opens.
#[test]
fn a_country_code_in_brackets_is_masked_with_the_number() {
    assert_masked(&[
        ("llame al (+34) 612 345 678.", "llame al [PHONE]."),
        ("Tel (+49) 30 12345678", "Tel [PHONE]"),
        ("appelez le (+33) 6 12 34 56 78", "appelez le [PHONE]"),
        ("ring (+44)20 7946 0958", "ring [PHONE]"),
    ]);
}

#[test]
fn spanish_and_german_forms_are_masked_in_every_format() {
    let text = "Customer: mi DNI es 12345678Z y el NIE X1234567L\n\
                Customer: llame al (+34) 612 345 678 o al 91 234 56 78\n\
                Customer: Tel 030 12345678, Handy 0171-1234567, am 05.03.2024\n";
    assert_in_every_format(
        text.as_bytes(),
        &[
            "12345678Z",
            "1234567L",
            "+34",
            "345 678",
            "234 56",
            "12345678,",
            "1234567,",
        ],
        &[
            "mi DNI es [ID] y el NIE [ID]",
            "llame al [PHONE] o al [PHONE]",
            "Tel [PHONE], Handy [PHONE], am 05.03.2024",
        ],
    );
}

/// A DNI or NIE glued to the word before it (`DNI12345678Z`, `es12345678Z`), or an NIE with its
/// letters parted by dashes (`X-1234567-L`), is masked; its letter must still be the check
/// letter, and no digit may stand before it.
#[test]
fn a_dni_or_nie_glued_to_a_word_is_masked() {
    assert_masked(&[
        ("DNI12345678Z, ok", "DNI[ID], ok"),
        ("NIE:X1234567L y NIEX1234567L", "NIE:[ID] y NIE[ID]"),
        ("mi DNI es12345678Z", "mi DNI es[ID]"),
        ("dni_87654321x", "dni_[ID]"),
        ("NIE X-1234567-L o y-1234567-x", "NIE [ID] o [ID]"),
        // Codes whose letter is no check letter, and digits before the eight.
        (
            "ref12345678A, pedido AB87654321C, SKU11223344A",
            "ref12345678A, pedido AB87654321C, SKU11223344A",
        ),
        (
            "lote 912345678Z, A112345678Z, 12345678Zabc, X-1234567-A",
            "lote 912345678Z, A112345678Z, 12345678Zabc, X-1234567-A",
        ),
    ]);
}

/// A German number with its extension after a dash, as DIN 5008 writes it (`030 12345-67`), is
/// masked whole, however its area code or country code is written.
#[test]
fn a_german_number_with_an_extension_after_a_dash_is_masked() {
    assert_masked(&[
        ("Tel 030 12345-67.", "Tel [PHONE]."),
        ("Tel +49 30 12345-67 oder", "Tel [PHONE] oder"),
        ("Tel (030) 1234567-89 oder", "Tel [PHONE] oder"),
        ("Tel (030) 12345-67, 030/12345-0", "Tel [PHONE], [PHONE]"),
        ("Tel 030 12345678-9 oder", "Tel [PHONE] oder"),
        ("Tel 0049 30 12345-67 oder", "Tel [PHONE] oder"),
        ("Tel.: 0151/12345678", "Tel.: [PHONE]"),
        // Numbers that open with no area code, dates, times and short numbers are kept.
        (
            "Auftrag 2024 12345-67, Artikel 12345-67, 030 12345",
            "Auftrag 2024 12345-67, Artikel 12345-67, 030 12345",
        ),
        (
            "am 05-03-2024 oder 2024-03-05, 10:15-11:30 Uhr, 08-17 Uhr",
            "am 05-03-2024 oder 2024-03-05, 10:15-11:30 Uhr, 08-17 Uhr",
        ),
    ]);
}

/// A postcode and its town said after a number (`10115 Berlin`) are another number, not part of
/// a longer run with it: the number is masked and the postcode kept.
#[test]
fn a_postcode_and_town_after_a_number_leave_the_number_masked() {
    assert_masked(&[
        ("Tel 030 12345678 10115 Berlin", "Tel [PHONE] 10115 Berlin"),
        (
            "Tel +49 30 12345678 10115 Berlin",
            "Tel [PHONE] 10115 Berlin",
        ),
        (
            "Tel 0171 1234567 80331 München",
            "Tel [PHONE] 80331 München",
        ),
        ("Tel 912 345 678 28013 Madrid", "Tel [PHONE] 28013 Madrid"),
        ("Tel 91 234 56 78 28013 Madrid", "Tel [PHONE] 28013 Madrid"),
        (
            "card 4111 1111 1111 1111 10115 Berlin",
            "card [CARD] 10115 Berlin",
        ),
        ("Tel +34 91-123-45-67", "Tel [PHONE]"),
        // Five digits with no word after them are still part of the run.
        (
            "Sendung 0300 1234 5678 90123, Bestellnummer 030 12345678 10115",
            "Sendung 0300 1234 5678 90123, Bestellnummer 030 12345678 10115",
        ),
        // A postcode and an amount or an order number alone are kept.
        (
            "PLZ 28013 Madrid, 12345 Artikel, pedido 912345678 28013 Madrid",
            "PLZ 28013 Madrid, 12345 Artikel, pedido 912345678 28013 Madrid",
        ),
    ]);
}
