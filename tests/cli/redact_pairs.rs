//! `--redact` on France's numbers in pairs among other pairs and slashes: a number is masked
//! with the whole run of pairs it stands in, never with a pair of it left showing; five pairs
//! parted by slashes are a number, and dates are not.

use crate::redact_runs::assert_masked;

/// A run of pairs that holds five opening with `01` to `09` is masked whole, however long: no
/// pair of a number is left showing, whether it is said with a time, with another number or in
/// a list.
#[test]
fn a_run_of_pairs_holding_a_number_is_masked_whole() {
    assert_masked(&[
        // Two numbers one after the other and a pair, or a number and a time.
        (
            "appelez le 06 12 34 56 78 01 23 45 67 89 12",
            "appelez le [PHONE]",
        ),
        ("appelez le 06 12 34 56 78 17 30", "appelez le [PHONE]"),
        ("two 06 12 34 56 78 01 23 45 67 89", "two [PHONE]"),
        // Five of the six may be the number: the pair left showing may be its last.
        ("slots 09 10 11 12 13 45", "slots [PHONE]"),
        ("le 17 06 12 34 56 78 ok", "le [PHONE] ok"),
        ("call 09 88 77 66 55 17 h", "call [PHONE] h"),
        // A list is masked as the number it may hold is, five pairs at any place in it.
        ("list 01 02 03 04 05 06 07", "list [PHONE]"),
        ("slots 08 15 09 15 10 15 11 15", "slots [PHONE]"),
        ("x 10 20 30 06 12 34 56 78 90 11", "x [PHONE]"),
        // Pairs joined by another gap go on the run at the side that gap is on.
        ("x 05-06 07 08 09 10", "x [PHONE]"),
        ("x 01 05 50 15 65-05 10 66-41 97", "x [PHONE]"),
        // The run is masked with an international number it runs into.
        ("call +33 1 23 45 67 89 06 12 34 56 78", "call [PHONE]"),
        (
            "card 4111 1111 1111 1111 06 12 34 56 78 90",
            "card [CARD] [PHONE]",
        ),
        // A pair that goes on into a word or another number is a number said after it, and so
        // is a longer group.
        ("call 05 91 92 93 94 24h/24", "call [PHONE] 24h/24"),
        (
            "call 24h/24 06 12 34 56 78 or 01/02 03 04 05 06",
            "call 24h/24 [PHONE] or 01/[PHONE]",
        ),
        ("call 06 12 34 56 78 17.30", "call [PHONE] 17.30"),
        ("le 17.30 06 12 34 56 78 ok", "le 17.30 [PHONE] ok"),
        ("call 07 11 22 33 44 2 fois", "call [PHONE] 2 fois"),
        ("ref 12345-06-12-34-56-78", "ref 12345-[PHONE]"),
        // No five pairs open with 01 to 09.
        (
            "sizes 12 13 14 15 16 17 18 19",
            "sizes 12 13 14 15 16 17 18 19",
        ),
        ("x 10 20 30 40 06 12 34 56", "x 10 20 30 40 06 12 34 56"),
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
        // Pairs that go on by the same slash are masked with the number, as with dots.
        ("ref 06/12/34/56/78/90", "ref [PHONE]"),
        ("ref 01/06/12/34/56/78", "ref [PHONE]"),
        ("ref 06.12.34.56.78.90", "ref [PHONE]"),
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
