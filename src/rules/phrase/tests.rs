//! The phrase parser's tests: what each syntax reads as, and each mistake's error at its character.

use super::*;

fn parse_plain(phrase: &str) -> Result<Pattern, PhraseError> {
    parse(phrase, &["um".to_string()], &mut no_lexicons)
}

fn show(pattern: &Pattern) -> Vec<String> {
    pattern
        .variants(100)
        .iter()
        .map(|v| {
            v.iter()
                .map(|t| match t {
                    Token::Word(w) => w.clone(),
                    Token::Stem(w) => format!("{w}*"),
                    Token::Any => "*".into(),
                    Token::End => "$".into(),
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn expand(phrase: &str) -> Vec<String> {
    show(&parse_plain(phrase).unwrap())
}

#[test]
fn alternatives_options_and_wildcards_expand() {
    assert_eq!(
        expand("(that's|it is) not my department"),
        ["that is not my department", "it is not my department"]
    );
    assert_eq!(expand("[please] hold"), ["please hold", "hold"]);
    assert_eq!(expand("you * wrong"), ["you * wrong"]);
    assert_eq!(
        expand("not my (job|[own] problem)"),
        ["not my job", "not my own problem", "not my problem"]
    );
    assert_eq!(expand("I CAN'T, um, help"), ["i can not help"]);
    assert_eq!(expand("can I help?"), ["can i help"]);
    assert_eq!(expand("i (do not|don't) know $"), ["i do not know $"]);
    assert_eq!(expand("a|b c"), ["a", "b c"]);
    assert_eq!(expand("(x|y) $"), ["x $", "y $"]);
}

#[test]
fn stems_escapes_and_lexicons() {
    assert_eq!(expand("full refund*"), ["full refund*"]);
    assert_eq!(expand("refund *"), ["refund *"]);
    assert_eq!(expand("50\\% off \\(today\\) \\*"), ["50 off today"]);
    assert!(parse_plain("50 \\").is_err());
    let mut teams = |name: &str| match name {
        "team" => Ok(Choice::new(vec![
            vec![Item::Word("billing".into())],
            vec![Item::Word("the".into()), Item::Word("store".into())],
        ])),
        _ => Err(format!("unknown lexicon `{name}`")),
    };
    let p = parse("call {team} now", &[], &mut teams).unwrap();
    assert_eq!(show(&p), ["call billing now", "call the store now"]);
    let e = parse("call {nobody}", &[], &mut teams).unwrap_err();
    assert_eq!((e.at, e.message.as_str()), (5, "unknown lexicon `nobody`"));
    assert!(
        parse("call {team", &[], &mut teams)
            .unwrap_err()
            .message
            .contains("never closed")
    );
    assert!(parse("a } b", &[], &mut teams).is_err());
}

#[test]
fn phrases_that_cannot_match_are_errors() {
    assert!(parse_plain("um").is_err());
    assert!(parse_plain("[please]").is_err());
    assert!(parse_plain("*").is_err());
    assert!(parse_plain("...").is_err());
    let e = parse_plain("(not my job").unwrap_err();
    assert!(e.message.contains("never closed"), "{}", e.message);
    assert_eq!(parse_plain("not my job)").unwrap_err().at, 10);
    assert!(
        parse_plain("i know $ you")
            .unwrap_err()
            .message
            .contains("can only end")
    );
    assert!(parse_plain("(a $|b) c").is_err());
    assert!(parse_plain("(a $|b) [c]").is_err());
    assert!(parse_plain("(a $|b)").is_ok());
    assert!(parse_plain("a $ [um]").is_ok());
    for (phrase, at, fix) in [
        ("\\bcalm down\\b", 0, "leave the `\\b` out"),
        ("not\\s+my job", 3, "write a space"),
        ("refund\\d+", 6, "write a `regex:`"),
        ("any \\w help", 4, "write `*`"),
    ] {
        let e = parse_plain(phrase).unwrap_err();
        assert_eq!(e.at, at, "{phrase}");
        assert!(
            e.message.contains("regex syntax") && e.message.contains(fix),
            "{}",
            e.message
        );
    }
    assert!(parse_plain("a \\* b").is_ok());
    let e = parse_plain("your (own )?fault").unwrap_err();
    assert!(e.message.contains("regex syntax"), "{}", e.message);
    assert!(parse_plain("* $").unwrap_err().message.contains("only `*`"));
    assert!(
        parse_plain("[a] [b]")
            .unwrap_err()
            .message
            .contains("no words")
    );
    assert!(parse_plain("refund*").is_ok());
}

#[test]
fn an_alternative_or_group_with_no_word_in_it_is_an_error_at_its_bar_or_bracket() {
    // An empty alternative made its group optional: `(calm|relax|) down` matched "down".
    for (phrase, at) in [
        ("(calm|relax|) down", 11),
        ("(|relax) down", 1),
        ("(calm| ) down", 5),
        ("calm down|", 9),
        ("[calm|] down", 5),
        ("(calm|...) down", 5),
        ("(calm|\\-) down", 5),
    ] {
        let e = parse_plain(phrase).unwrap_err();
        assert_eq!(e.at, at, "{phrase}");
        assert!(e.message.contains("no word in it"), "{}", e.message);
    }
    for (phrase, at) in [("please () down", 7), ("[ ] ok", 0)] {
        let e = parse_plain(phrase).unwrap_err();
        assert_eq!(e.at, at, "{phrase}");
        assert!(e.message.contains("holds nothing"), "{}", e.message);
    }
    // A filler is written, so it is no empty alternative (it warns elsewhere).
    assert!(parse_plain("(um|calm) down").is_ok());
    assert!(parse_plain("(*) down").is_ok());
    assert!(parse_plain("can I help you[?]").is_ok());
    assert!(parse_plain("[calm|relax] down").is_ok());
}

#[test]
fn a_star_inside_a_word_is_an_error_at_the_star() {
    for (phrase, at, fix) in [
        (
            "e*mail",
            1,
            "`(email|e-mail)`, or end the stem at the `*`: `e*`",
        ),
        ("send *mail", 5, "write `* mail` for any word"),
        ("(e|x)*mail", 5, "write `* mail`"),
    ] {
        let e = parse_plain(phrase).unwrap_err();
        assert_eq!(e.at, at, "{phrase}");
        assert!(
            e.message.starts_with("a `*` inside a word"),
            "{}",
            e.message
        );
        assert!(e.message.contains(fix), "{}", e.message);
    }
    assert_eq!(expand("e*-mail \\*x"), ["e* mail x"]);
}

#[test]
fn variants_are_counted_without_expanding() {
    let wide = format!("({})", vec!["w"; 100].join("|"));
    let p = parse_plain(&format!("{wide} {wide} x {wide}")).unwrap();
    assert_eq!(p.variant_count(), 1_000_000);
    assert_eq!(
        p.variants(10).len(),
        1,
        "repeats are dropped after the limit"
    );
    assert_eq!(parse_plain("[a] b (c|d e)").unwrap().variant_count(), 4);
}

#[test]
fn nested_choices_are_counted_once_each() {
    // A hundred choices, each of the one inside and a word two ways: 2^100 sequences of 101
    // words, known from each choice's own count (walking every path would never end).
    let word = |w: &str| Item::Word(w.into());
    let mut inner = vec![word("x")];
    for _ in 0..100 {
        let choice = Item::Choice(Choice::new(vec![
            [inner.clone(), vec![word("a")]].concat(),
            [inner, vec![Item::Stem("b".into())]].concat(),
        ]));
        inner = vec![choice];
    }
    let p = Pattern { items: inner };
    assert_eq!(p.variant_count(), usize::MAX);
    assert!(p.has_stem());
    assert_eq!(Shape::of_sequence(&p.items).longest, 101);
    assert_eq!(show(&p)[0], format!("x{}", " a".repeat(100)));
    let e = parse(&vec!["w"; 1001].join(" "), &[], &mut no_lexicons).unwrap_err();
    assert!(
        e.message.contains("longer than 1000 words"),
        "{}",
        e.message
    );
    assert!(parse(&vec!["w"; 1000].join(" "), &[], &mut no_lexicons).is_ok());
}
