//! Unit tests of `redact.rs`: what each pattern masks and keeps, and masking ranges of a text.

use super::builtin::{DASH, DIGIT, SPACE};
use super::checks::{dni, iban, luhn};
use super::*;

fn masked(text: &str) -> String {
    Redactor::new(&[]).unwrap().mask(text).into_owned()
}

#[test]
fn luhn_accepts_valid_numbers_only() {
    assert!(luhn("4111 1111 1111 1111"));
    assert!(luhn("5500-0000-0000-0004"));
    assert!(luhn("378282246310005"));
    assert!(!luhn("4111 1111 1111 1112"));
    assert!(!luhn("1234 5678 9012 3456"));
}

#[test]
fn iban_checks_mod_97() {
    assert!(iban("GB82 WEST 1234 5698 7654 32"));
    assert!(iban("DE89370400440532013000"));
    assert!(!iban("GB82 WEST 1234 5698 7654 33"));
}

#[test]
fn dni_checks_the_letter_of_the_number_modulo_23() {
    for good in [
        "12345678Z",
        "12.345.678-z",
        "00000000T",
        "X1234567L",
        "y1234567 x",
        "Z1234567R",
    ] {
        assert!(dni(good), "{good}");
    }
    for bad in ["12345678A", "00000000R", "X1234567A", "A1234567L"] {
        assert!(!dni(bad), "{bad}");
    }
}

#[test]
fn each_kind_is_masked_with_its_token() {
    assert_eq!(masked("card 4111 1111 1111 1111 ok"), "card [CARD] ok");
    assert_eq!(masked("card 4111-1111-1111-1111."), "card [CARD].");
    assert_eq!(masked("bad 1234 5678 9012 3456"), "bad 1234 5678 9012 3456");
    assert_eq!(masked("mail jo.doe+x@mail.example.com!"), "mail [EMAIL]!");
    assert_eq!(masked("call +44 20 7946 0958 now"), "call [PHONE] now");
    assert_eq!(masked("call +14155552671."), "call [PHONE].");
    assert_eq!(masked("call (555) 123-4567"), "call [PHONE]");
    assert_eq!(
        masked("call 1-800-555-0199 or 1 (800) 555-0199"),
        "call [PHONE] or [PHONE]"
    );
    assert_eq!(masked("call 555-123-4567"), "call [PHONE]");
    assert_eq!(masked("call 020 7946 0958"), "call [PHONE]");
    assert_eq!(masked("ssn 123-45-6789"), "ssn [SSN]");
    assert_eq!(masked("iban GB82 WEST 1234 5698 7654 32."), "iban [IBAN].");
    assert_eq!(masked("order 12345, 3 items"), "order 12345, 3 items");
    assert_eq!(masked("score +5 123 today"), "score +5 123 today");
}

#[test]
fn custom_patterns_and_partial_overlaps() {
    let r = Redactor::new(&["ACC-\\d+".to_string()]).unwrap();
    assert_eq!(r.mask("ref ACC-991 done"), "ref [REDACTED] done");
    let text = "my card 4111 1111 1111 1111 thanks";
    let spans = r.spans(text);
    // A range that covers part of the card shows the whole token.
    let at = text.find("card").unwrap();
    assert_eq!(mask_range(text, &spans, at..at + 9), "card [CARD]");
    let at = text.find("1111 thanks").unwrap();
    assert_eq!(mask_range(text, &spans, at..text.len()), "[CARD] thanks");
    assert_eq!(mask_range(text, &spans, 0..2), "my");
    let card = (text.find('4').unwrap(), text.find(" thanks").unwrap());
    assert_eq!(widen(&spans, at, at + 4), card);
    assert_eq!(widen(&spans, 0, 7), (0, 7));
    assert!(Redactor::new(&["(".to_string()]).is_err());
}

#[test]
fn gaps_between_groups_are_any_white_space_a_dash_or_one_line_break() {
    for card in [
        "4111  1111 1111 1111",
        "4111\t1111\t1111\t1111",
        "4111\u{a0}1111\u{a0}1111\u{a0}1111",
        "4111\u{2013}1111\u{2013}1111\u{2013}1111",
        "4111 - 1111 — 1111 - 1111",
        "4111 1111\n1111 1111",
        "4111 1111\r\n  1111 1111",
    ] {
        assert_eq!(
            masked(&format!("card {card} ok")),
            "card [CARD] ok",
            "{card:?}"
        );
    }
    assert_eq!(masked("call (555)  123-4567."), "call [PHONE].");
    assert_eq!(masked("call +44 20\n7946 0958"), "call [PHONE]");
    // Wrapped at a dash; and the next `+` number after one of a single run of digits.
    assert_eq!(masked("card 4111-1111-\n1111-1111 ok"), "card [CARD] ok");
    assert_eq!(masked("call 030 12345-\n67 now"), "call [PHONE] now");
    assert_eq!(masked("+15551234567 or +15557654321"), "[PHONE] or [PHONE]");
    assert_eq!(masked("call 555\u{a0}123\u{2013}4567"), "call [PHONE]");
    // Two line breaks end a number.
    assert_eq!(masked("4111 1111\n\n1111 1111"), "4111 1111\n\n1111 1111");
    // A number does not run on into the time or numbered label of the next line.
    assert_eq!(
        masked("call +44 20 7946\n00:01 Customer: ok"),
        "call [PHONE]\n00:01 Customer: ok"
    );
    assert_eq!(masked("ref 12 34\n5: no"), "ref 12 34\n5: no");
}

#[test]
fn a_security_code_alone_on_the_line_after_its_card_is_masked() {
    for (said, shown) in [
        ("card 4111 1111 1111 1111\n123", "card [CARD]\n[CARD]"),
        (
            "card 4111 1111 1111 1111 \r\n 0427 \r\nok",
            "card [CARD] \r\n [CARD] \r\nok",
        ),
        (
            "card 4111-1111-1111-1111-\n123\nthanks",
            "card [CARD]-\n[CARD]\nthanks",
        ),
        // An expiry, then the code.
        ("card 4111 1111 1111 1111\n0427 123", "card [CARD]\n[CARD]"),
        // A second card is a card of its own, masked whole.
        (
            "card 4111 1111 1111 1111\n4111 1111 1111 1111 ok",
            "card [CARD]\n[CARD] ok",
        ),
        ("4111-1111-1111-1111\n4111-1111-1111-1111", "[CARD]\n[CARD]"),
    ] {
        assert_eq!(masked(said), shown, "{said:?}");
    }
    // Not after a blank line, nor a line that goes on: a label, an address, a list, a number.
    for kept in [
        "\n\n123",
        "\n100: Customer",
        "\n123-4567 ok",
        "\n221 Baker Street",
        "\n123. ship it",
        "\n1230 ok",
        "\n1234 5678 9012",
    ] {
        let said = format!("card 4111 1111 1111 1111{kept}");
        assert_eq!(masked(&said), format!("card [CARD]{kept}"), "{said:?}");
    }
}

#[test]
fn national_forms_and_ssns_with_spaces() {
    assert_eq!(masked("call 07700 900123 now"), "call [PHONE] now");
    assert_eq!(masked("ssn 123 45 6789."), "ssn [SSN].");
    assert_eq!(
        masked("ssn 000-45-6789, 666 12 3456"),
        "ssn 000-45-6789, 666 12 3456"
    );
    // A bare run of ten digits may be an order number: not masked (see the README).
    assert_eq!(masked("call 5551234567"), "call 5551234567");
}

#[test]
fn numbers_inside_longer_runs_and_zeros_are_kept() {
    for text in [
        "invoice 2024-0001-0002-0003",
        "invoice 2025-555-123-4567",
        "tracking 9400 1000 0000 0000 0000 00",
        "zeros 0000 0000 0000 0000",
        "ref 555-123-4567-89",
    ] {
        assert_eq!(masked(text), text);
    }
    // A number of one or two digits said after a number is another number.
    assert_eq!(
        masked("call 0800 123 4567 24 hours a day"),
        "call [PHONE] 24 hours a day"
    );
    assert_eq!(
        masked("call 555 123 4567 5 pm is best"),
        "call [PHONE] 5 pm is best"
    );
    assert_eq!(
        masked("card 4111 1111 1111 1111 12/25"),
        "card [CARD] 12/25"
    );
    assert_eq!(
        masked("card 5500 0000 0000\n0004\n3 times"),
        "card [CARD]\n3 times"
    );
    // A different gap next to a number is no longer run.
    assert_eq!(masked("call 555-123-4567 2 times"), "call [PHONE] 2 times");
    assert_eq!(masked("on 12/3 call 555-123-4567"), "on 12/3 call [PHONE]");
}

#[test]
fn a_number_that_runs_on_into_more_digits_is_masked_by_its_longest_part() {
    // 17 digits fail Luhn: the 16 before the line break are the card.
    assert_eq!(
        masked("card 4111 1111 1111 1111\n2 attempts"),
        "card [CARD]\n2 attempts"
    );
    // A suffix, when the digits before are no part of the card.
    assert_eq!(masked("ref 7\n4111 1111 1111 1111 ok"), "ref 7\n[CARD] ok");
}

#[test]
fn each_number_bounds_the_run_beside_it() {
    for (text, shown) in [
        ("555 123 4567 4111 1111 1111 1111", "[PHONE] [CARD]"),
        ("ssn 123-45-6789 4111 1111 1111 1111", "ssn [SSN] [CARD]"),
        ("+44 20 7946 0958 4111 1111 1111 1111", "[PHONE] [CARD]"),
        ("4111 1111 1111 1111 5500 0000 0000 0004", "[CARD] [CARD]"),
        ("4111 1111 1111 1111\n555-867-5309", "[CARD]\n[PHONE]"),
        // A number beside a run that is no number is part of that run…
        (
            "ref 1234 5678 4111 1111 1111 1111",
            "ref 1234 5678 4111 1111 1111 1111",
        ),
        (
            "4111 1111 1111 1111 2026 0001 9999",
            "4111 1111 1111 1111 2026 0001 9999",
        ),
        // …but a card with one group of three or four digits after or before it that ends the
        // run (a security code, an expiry, a PIN) is masked with it.
        ("pin 1234 4111 1111 1111 1111", "pin [CARD]"),
        ("4111 1111 1111 1111 2026", "[CARD]"),
        ("4111-1111-1111-1111-123, ok", "[CARD], ok"),
        // An expiry and a code; a code before a full stop; beside other numbers.
        ("4111 1111 1111 1111 0427 123", "[CARD]"),
        ("4111 1111 1111 1111 123. 2 more", "[CARD]. 2 more"),
        ("123-45-6789 4111 1111 1111 1111 123", "[SSN] [CARD]"),
        ("4111 1111 1111 1111 123 555-867-5309", "[CARD] [PHONE]"),
        (
            "4111 1111 1111 1111 5500 0000 0000 0004 456",
            "[CARD] [CARD]",
        ),
        ("4111-1111-1111-1111-0427-123", "[CARD]"),
        ("4111 1111 1111 1111 123 45 6789", "[CARD] [SSN]"),
        // A number of another kind of gap beside a card bounds it.
        ("4111 1111 1111 1111 867-5309", "[CARD] 867-5309"),
        ("867-5309 4111 1111 1111 1111", "867-5309 [CARD]"),
        // Not a number that opens as no card network's does: a tracking number's part.
        ("1000 0000 0000 0008 1234", "1000 0000 0000 0008 1234"),
        // A blank line parts two numbers, which are each masked on their own.
        ("555 123 4567\n\n4111 1111 1111 1111", "[PHONE]\n\n[CARD]"),
    ] {
        assert_eq!(masked(text), shown, "{text:?}");
    }
}

#[test]
fn cards_are_grouped_as_cards_are_printed() {
    for card in [
        "4111 1111 1111 1111",
        "6759 6498 2643 8450 009",
        "3782 822463 10005",
        "3056 930902 5904",
        "4111111111111111",
        "4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1",
        "４１１１－１１１１－１１１１－１１１１",
        "4111\u{200b}1111\u{ad}1111\u{2060}1111",
        // UATP's 15 digits.
        "135412345678911",
    ] {
        assert!(passes(Check::Card, card), "{card:?}");
    }
    for other in [
        "2023 2024 2025 2026",
        "1999-2000-2001-2002",
        "4111-1111 1111-1111",
        "41 11 11 11 11 11 11 11",
        "41111 111 1111 1111",
        "4111 1111 1111 1112",
        // Each passes the Luhn check, and opens as no card network's numbers do.
        "20240626080400",
        "2024 0626 1430 0000",
        "2024062608001234",
        "1718000000014",
        "0411111111111116",
    ] {
        assert!(!passes(Check::Card, other), "{other:?}");
    }
    assert!(luhn("４１１１ １１１１ １１１１ １１１１"));
}

#[test]
fn lower_case_ibans_need_their_countrys_length() {
    assert!(iban("de89 3704 0044 0532 0130 00"));
    assert!(iban("Gb82 west 1234 5698 7654 32"));
    // Upper case needs only the mod-97 check.
    assert!(iban("DE89370400440532013000"));
    assert_eq!(
        masked("es91 2100 0418 4502 0005 1332 from home"),
        "[IBAN] from home"
    );
    assert_eq!(masked("at10 from home"), "at10 from home");
    assert_eq!(masked("at61 1904 3002 3457 3201."), "[IBAN].");
}

#[test]
fn redact_patterns_match_in_any_case() {
    let r = Redactor::new(&["John Doe".to_string(), "(?-i)Jane".to_string()]).unwrap();
    assert_eq!(
        r.mask("JOHN DOE, john doe, Jane, JANE"),
        "[REDACTED], [REDACTED], [REDACTED], JANE"
    );
}

#[test]
fn the_character_tests_agree_with_the_pattern_classes() {
    let class = |re: &str| Regex::new(&format!("^{re}$")).unwrap();
    let (dash, space, digit) = (class(DASH), class(SPACE), class(DIGIT));
    for c in ('\0'..='\u{3000}').chain('\u{FE00}'..='\u{FFFF}') {
        let text = c.to_string();
        assert_eq!(dash.is_match(&text), digits::is_dash(c), "{c:?}");
        // U+FFFD (a Windows-1252 space or dash read as UTF-8) is a gap, but no invisible one.
        let lost = c == '\u{FFFD}';
        let other = space.is_match(&text) && !c.is_whitespace() && !digits::is_invisible(c);
        assert_eq!(other, lost && digits::is_gap(c), "{c:?}");
        let invisible = space.is_match(&text) && !c.is_whitespace() && !lost;
        assert_eq!(invisible, digits::is_invisible(c), "{c:?}");
        assert_eq!(digit.is_match(&text), digits::digit(c).is_some(), "{c:?}");
    }
}

#[test]
fn a_long_run_of_pairs_is_one_span() {
    // Each number of the run stands in all of it: walked again from each, a line of 16,000
    // pairs took 15 s to redact (the walk is now remembered, see `pairs::Reached`).
    let run = "01 ".repeat(16_000);
    let text = format!("call me on {run}please");
    assert_eq!(masked(&text), "call me on [PHONE] please");
    let dotted = format!("ref {}.", "07.".repeat(8_000).trim_end_matches('.'));
    assert_eq!(masked(&dotted), "ref [PHONE].");
}
