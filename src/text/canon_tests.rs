//! Canonical words: contractions, elisions, split words and case folding, with the places of
//! their pieces in the word as written.

use super::*;

fn words(text: &str) -> Vec<&str> {
    Words::new(text).map(|w| &text[w.start..w.end]).collect()
}

#[test]
fn a_contraction_before_a_participle_reads_has_or_had() {
    assert_eq!(canonical_words("It's been"), ["it", "has", "been"]);
    assert_eq!(
        canonical_words("I'd never been"),
        ["i", "had", "never", "been"]
    );
    assert_eq!(canonical_words("she's got"), ["she", "has", "got"]);
    assert_eq!(canonical_words("it's done"), ["it", "is", "done"]);
    assert_eq!(canonical_words("it is been"), ["it", "is", "been"]);
    assert_eq!(canonical_words("let's get"), ["let", "us", "get"]);
    assert_eq!(canonical_words("thats been"), ["that", "has", "been"]);
}

#[test]
fn an_elided_article_or_pronoun_is_a_word_of_its_own() {
    assert_eq!(canonical_words("L’équipe"), ["l'", "équipe"]);
    assert_eq!(
        canonical_words("j'ai qu'il dell'ordine"),
        ["j'", "ai", "qu'", "il", "dell'", "ordine"]
    );
    assert_eq!(canonical_words("aujourd'hui"), ["aujourd'hui"]);
    // English words of the same shapes stay as they were.
    assert_eq!(
        canonical_words("all's I'd don't"),
        ["all's", "i", "would", "do", "not"]
    );
    let e = Expander::default().expand("l’équipe").pieces.to_vec();
    assert_eq!((e[0].start, e[0].end, e[1].start, e[1].end), (0, 4, 4, 11));
}

#[test]
fn curly_apostrophe_stays_inside_a_word() {
    assert_eq!(words("it’s out"), ["it’s", "out"]);
    assert_eq!(canonical_words("It’s OUT"), ["it", "is", "out"]);
}

#[test]
fn contractions_expand() {
    assert_eq!(canonical_words("that's"), ["that", "is"]);
    assert_eq!(
        canonical_words("can't won't don't"),
        ["can", "not", "will", "not", "do", "not"]
    );
    assert_eq!(
        canonical_words("I'm I'll you're we've I'd let's"),
        [
            "i", "am", "i", "will", "you", "are", "we", "have", "i", "would", "let", "us"
        ]
    );
    assert_eq!(canonical_words("cannot"), ["can", "not"]);
    assert_eq!(
        canonical_words("Dont thats IM wont its well were ill"),
        [
            "do", "not", "that", "is", "i", "am", "will", "not", "its", "well", "were", "ill"
        ]
    );
    assert_eq!(canonical_words("manufacturer's"), ["manufacturer's"]);
}

/// Each canonical piece of `raw` and the raw text it comes from.
fn pieces(raw: &str) -> Vec<(String, &str)> {
    let mut expander = Expander::default();
    let e = expander.expand(raw);
    let pieces = e.pieces.iter();
    pieces
        .map(|p| (e.word(p).to_string(), &raw[p.start..p.end]))
        .collect()
}

#[test]
fn pieces_point_back_into_the_raw_word() {
    let owned = |v: &[(&str, &'static str)]| -> Vec<(String, &'static str)> {
        v.iter().map(|(w, r)| (w.to_string(), *r)).collect()
    };
    assert_eq!(pieces("Can’t"), owned(&[("can", "Ca"), ("not", "n’t")]));
    assert_eq!(pieces("THAT’S"), owned(&[("that", "THAT"), ("is", "’S")]));
    // Without the apostrophe, the word parts where that spelling does.
    assert_eq!(pieces("Wont"), owned(&[("will", "Wo"), ("not", "nt")]));
    assert_eq!(
        pieces("ＤＯＮＴ"),
        owned(&[("do", "ＤＯ"), ("not", "ＮＴ")])
    );
    assert_eq!(pieces("thats"), owned(&[("that", "that"), ("is", "s")]));
}

#[test]
fn folding_beyond_lowercase() {
    assert_eq!(canonical_words("ΣΑΣ σας"), ["σασ", "σασ"]);
    assert_eq!(canonical_words("İade İADE"), ["iade", "iade"]);
    assert_eq!(canonical_words("STRASSE Straße STRAẞE"), ["strasse"; 3]);
    assert_eq!(canonical_words("ＯＫ，Ｎｏ１"), ["ok", "no1"]);
    assert_eq!(
        canonical_words("depart\u{200B}ment de\u{00AD}part\u{2060}ment"),
        ["department"; 2]
    );
    assert_eq!(
        canonical_words("لَا أَعْـــرِفُ אֵין לִי מוּשָּׂג"),
        canonical_words("لا أعرف אין לי מושג")
    );
    let got = pieces("Stra\u{00AD}ße’ll");
    assert_eq!(got[0], ("strasse".to_string(), "Stra\u{00AD}ße"));
    assert_eq!(got[1], ("will".to_string(), "’ll"));
}

#[test]
fn non_ascii_letters_are_word_characters() {
    assert_eq!(words("café déjà-vu"), ["café", "déjà", "vu"]);
    assert_eq!(canonical_words("CAFÉ"), ["café"]);
}
