//! `--redact` on France's numbers in pairs among other pairs and slashes: a number is masked
//! whole or, in a list, not at all, never with a pair of it left showing; five pairs parted by
//! slashes are a number, and dates are not.

use crate::redact_runs::assert_masked;

#[test]
fn six_pairs_are_masked_whole_and_seven_are_a_list() {
    assert_masked(&[
        // Five of the six may be the number: the pair left showing may be its last.
        ("slots 09 10 11 12 13 45", "slots [PHONE]"),
        ("codes 01 02 03 04 05 06", "codes [PHONE]"),
        ("le 17 06 12 34 56 78 ok", "le [PHONE] ok"),
        ("call 09 88 77 66 55 17 h", "call [PHONE] h"),
        (
            "card 4111 1111 1111 1111 06 12 34 56 78 90",
            "card [CARD] [PHONE]",
        ),
        // A pair more on each side is a list, as two more on one side are.
        ("list 01 02 03 04 05 06 07", "list 01 02 03 04 05 06 07"),
        // A pair that goes on into a word or another number is a number said after it.
        ("call 05 91 92 93 94 24h/24", "call [PHONE] 24h/24"),
        ("call 06 12 34 56 78 17.30", "call [PHONE] 17.30"),
        ("call 07 11 22 33 44 2 fois", "call [PHONE] 2 fois"),
        ("two 06 12 34 56 78 01 23 45 67 89", "two [PHONE] [PHONE]"),
    ]);
}

#[test]
fn five_pairs_parted_by_slashes_are_a_phone_and_dates_are_not() {
    assert_masked(&[
        ("call 06/12/34/56/78.", "call [PHONE]."),
        (
            "fixe 01/23/45/67/89 ou 06.12.34.56.78",
            "fixe [PHONE] ou [PHONE]",
        ),
        (
            "le 06/12/2024 ou le 06/12/24",
            "le 06/12/2024 ou le 06/12/24",
        ),
        ("ratio 50/50, 1/2 and 24/7", "ratio 50/50, 1/2 and 24/7"),
        // Pairs that go on by the same slash are a longer reference, as with dots.
        ("ref 06/12/34/56/78/90", "ref 06/12/34/56/78/90"),
        ("ref 01/06/12/34/56/78", "ref 01/06/12/34/56/78"),
        ("ref 10/12/34/56/78", "ref 10/12/34/56/78"),
    ]);
}

/// A mobile written without its `0` is masked after a country code only: alone, a digit and
/// four pairs read as a list of numbers.
#[test]
fn a_mobile_without_its_zero_is_masked_after_a_country_code() {
    assert_masked(&[
        ("call +33 6 12 34 56 78", "call [PHONE]"),
        ("call 0033 6 12 34 56 78", "call [PHONE]"),
        ("call +33 (0)6 12 34 56 78", "call [PHONE]"),
        ("packs of 6 12 18 24 30", "packs of 6 12 18 24 30"),
    ]);
}
