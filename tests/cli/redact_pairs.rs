//! `--redact` on France's numbers in pairs among other pairs: a number is masked whole or, in a
//! list, not at all, never with a pair of it left showing.

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
