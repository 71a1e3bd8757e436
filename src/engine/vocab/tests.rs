//! The vocabulary's fast paths against the reference scanner.

use super::hash::{FOLD, block_at, finish, hash_folded, mix, short_key};
use super::symbolize::{alnum_run, short_word};
use super::*;
use crate::text::canon;
use crate::text::words::Words;

fn vocab(words: &[&str]) -> Vocab {
    let words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
    Vocab::new(&words, &[], &["um".into(), "uh".into()]).unwrap()
}

fn syms(v: &Vocab, text: &str) -> Vec<String> {
    let mut s = SymbolStream::default();
    v.symbolize(text, 0, &mut s);
    (0..s.len()).map(|i| v.word(s.sym(i)).to_string()).collect()
}

#[test]
fn words_become_symbols_and_fillers_vanish() {
    let v = vocab(&["out", "of", "my", "hands", "it", "is", "can", "not"]);
    assert_eq!(
        syms(&v, "It’s UH out of my Hands!"),
        ["it", "is", "out", "of", "my", "hands"]
    );
    assert_eq!(
        syms(&v, "we cannot go"),
        ["<other>", "can", "not", "<other>"]
    );
    assert_eq!(syms(&v, "handsome"), ["<other>"]);
}

#[test]
fn spans_point_at_the_original_bytes() {
    let v = vocab(&["that", "is", "not"]);
    let text = "Well, that’s NOT it";
    let mut s = SymbolStream::default();
    v.symbolize(text, 10, &mut s);
    let quoted: Vec<&str> = s
        .spans
        .iter()
        .map(|&(a, b)| &text[a as usize - 10..b as usize - 10])
        .collect();
    assert_eq!(quoted, ["Well", "that", "’s", "NOT", "it"]);
}

/// The fused fast path gives the same symbols and spans as scanning with [`Words`] and
/// expanding every word.
#[test]
fn fast_path_equals_the_reference_scanner() {
    let v = vocab(&[
        "that", "is", "not", "my", "job", "can", "i", "will", "café", "'em",
    ]);
    let texts = [
        "That's NOT my job, I'll say; can't/won't cannot",
        "‘quoted’ “double” it’s café—déjà vu 'em' x'",
        "trailing apostrophe' and `backtick`s, um, 24/7 e-mail",
        "'",
        "’’",
        "",
        "a",
        "é",
        "don’t\nstop",
        "🙂 i will 🙂",
        "I'm I’m i'M don't DON’T don't let's LET'S y'all y'all can't Can’t x'y'z x'y'z",
        "that's THAT’S abcdefghijkl'mnopq abcdefghijkl'mnopq it's' it's it’s—it's",
        "cannotn't'",
        "I dont know, thats not my dept; WONT, Wont, im, ive, shouldnt shouldve youre",
        "its well were ill dontt adont dont' dont’s don’t ｄｏｎｔ do\u{200B}nt",
    ];
    let mut expander = canon::Expander::default();
    for text in texts {
        let mut fast = SymbolStream::default();
        v.symbolize(text, 3, &mut fast);
        let reference = reference_symbols(&v, text, 3, &mut expander);
        assert_eq!(fast.syms, reference.syms, "{text}");
        assert_eq!(fast.spans, reference.spans, "{text}");
    }
}

/// The symbols of `text` found the slow, plain way: [`Words`], then every word expanded.
fn reference_symbols(
    v: &Vocab,
    text: &str,
    base: u32,
    expander: &mut canon::Expander,
) -> SymbolStream {
    let mut reference = SymbolStream::default();
    for w in Words::new(text) {
        let raw = &text[w.start..w.end];
        let e = expander.expand(raw);
        for p in e.pieces {
            let word = e.word(p);
            let (start, end) = (w.start + p.start, w.start + p.end);
            // A possessive the vocabulary does not know reads as its noun, if it knows that.
            let noun = word.strip_suffix("'s").filter(|n| !n.is_empty());
            let noun = noun.map(|n| v.lookup(n.as_bytes(), false));
            if v.lookup(word.as_bytes(), false) == [OTHER]
                && let Some(&[sym]) = noun
                && sym != OTHER
            {
                let apostrophe = raw[..p.end]
                    .rfind(crate::text::punct::is_apostrophe)
                    .unwrap();
                reference.push(
                    sym,
                    base + start as u32,
                    base + (w.start + apostrophe) as u32,
                );
                continue;
            }
            for &sym in v.lookup(word.as_bytes(), false) {
                reference.push(sym, base + start as u32, base + end as u32);
            }
        }
    }
    reference
}

/// A split word is one lookup on the fast path, whatever the vocabulary holds: its two words
/// are those of its apostrophe spelling, their spans part it where that spelling does, and its
/// `is` reads `has` before a participle as `'s` does.
#[test]
fn a_word_without_its_apostrophe_reads_as_the_contraction() {
    let spans = |v: &Vocab, text: &str| {
        let mut s = SymbolStream::default();
        v.symbolize(text, 0, &mut s);
        let quoted = s
            .spans
            .iter()
            .map(|&(a, b)| text[a as usize..b as usize].to_string());
        (s.syms.clone(), quoted.collect::<Vec<_>>())
    };
    for words in [
        &["that", "has", "been", "will", "not"][..],
        &["refund"],
        &[],
    ] {
        let v = vocab(words);
        let (syms, quoted) = spans(&v, "thats been WONT");
        assert_eq!(quoted, ["that", "s", "been", "WO", "NT"], "{words:?}");
        assert_eq!(syms, spans(&v, "that's been WON'T").0, "{words:?}");
    }
    let v = vocab(&["that", "is", "has", "been"]);
    assert_eq!(
        syms(&v, "thats never been"),
        ["that", "has", "<other>", "been"]
    );
    assert_eq!(syms(&v, "thats done"), ["that", "is", "<other>"]);
    // A filler as one of its words leaves the word as it is.
    let words: Vec<String> = ["do", "not"].iter().map(|w| w.to_string()).collect();
    let v = Vocab::new(&words, &[], &["do".into()]).unwrap();
    assert_eq!(syms(&v, "dont don't"), ["<other>", "not"]);
}

/// The memo of contractions answers for the vocabulary it was filled by, not another one
/// sharing the stream.
#[test]
fn remembered_contractions_follow_the_vocabulary() {
    let a = vocab(&["i", "am"]);
    let b = vocab(&["am", "not"]);
    let mut stream = SymbolStream::default();
    for _ in 0..2 {
        for (v, want) in [(&a, ["i", "am"]), (&b, ["<other>", "am"])] {
            stream.clear();
            v.symbolize("I’m", 0, &mut stream);
            let got: Vec<&str> = stream.syms.iter().map(|&s| v.word(s)).collect();
            assert_eq!(got, want);
            assert_eq!(stream.spans, [(0, 1), (1, 5)]);
        }
    }
}

#[test]
fn alnum_runs_end_where_the_byte_loop_ends() {
    let text = "Hello world09 AZaz@[`{/:’x\u{7f}ÿ 0123456789abcdefXYZ!";
    let bytes = text.as_bytes();
    for start in 0..bytes.len() {
        let mut end = start;
        while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
            end += 1;
        }
        assert_eq!(alnum_run(bytes, start), end, "from {start}");
    }
}

#[test]
fn short_words_are_read_whole_from_one_block() {
    let text = "Hi there, cancel7 it's café x\u{7f}y depart  a";
    let bytes = text.as_bytes();
    for start in 0..bytes.len() {
        let end = alnum_run(bytes, start);
        let separated = bytes.get(end).is_some_and(|&b| {
            b.is_ascii() && !b.is_ascii_alphanumeric() && b != b'\'' && b != b'`'
        });
        let expected = (end > start && end - start < 8 && start + 8 <= bytes.len() && separated)
            .then(|| (end - start, block_at(bytes, start, end - start) | FOLD));
        assert_eq!(short_word(bytes, start), expected, "from {start}");
    }
}

#[test]
fn the_block_hash_and_key_equal_the_general_ones() {
    let text = b"Hi THERE department representative's x";
    for start in 0..text.len() {
        for len in 1..=8.min(text.len() - start) {
            let block = block_at(text, start, len);
            let word = &text[start..start + len];
            assert_eq!(finish(mix(len as u64, block)), hash_folded(word));
            assert_eq!(block | FOLD, short_key(&word.to_ascii_lowercase()));
        }
    }
    assert_eq!(hash_folded(b"ABCdef"), hash_folded(b"abcDEF"));
    assert_ne!(short_key(b"no"), short_key(b"not"));
}

#[test]
fn unknown_words_take_their_longest_stem() {
    let words: Vec<String> = ["refund", "full"].iter().map(|w| w.to_string()).collect();
    let stems: Vec<String> = ["ref", "refund"].iter().map(|w| w.to_string()).collect();
    let v = Vocab::new(&words, &stems, &[]).unwrap();
    assert_eq!(
        syms(&v, "Refund REFUNDED referral re full’s"),
        ["refund", "refund", "ref", "<other>", "full"]
    );
    let (short, long) = (
        v.stem_symbol("ref").unwrap(),
        v.stem_symbol("refund").unwrap(),
    );
    let word = v.symbol("refund").unwrap();
    assert!(v.has_stem(short, long) && v.has_stem(short, word) && v.has_stem(long, word));
    assert!(!v.has_stem(long, short));
    assert_eq!(v.stem_members(long), [word, long]);
}

/// Words are turned away by the first two bytes of the stems, unless a stem is one byte long:
/// what is left is what a search of every stem gives.
#[test]
fn a_word_takes_its_longest_stem_whatever_its_first_two_bytes() {
    let text = "REFUNDS ref re r x rÉsumé Über refx xref";
    for (stems, expected) in [
        (
            &["ref", "refund", "ré", "über"][..],
            [
                "refund", "ref", "<other>", "<other>", "<other>", "ré", "über", "ref", "<other>",
            ],
        ),
        (
            &["r", "refund"][..],
            [
                "refund", "r", "r", "r", "<other>", "r", "<other>", "r", "<other>",
            ],
        ),
    ] {
        let stems: Vec<String> = stems.iter().map(|w| w.to_string()).collect();
        let v = Vocab::new(&[], &stems, &[]).unwrap();
        assert_eq!(syms(&v, text), expected, "{stems:?}");
    }
}

/// Text drawn from the characters where the byte map can go wrong: every apostrophe spelling,
/// letters whose lowercase has another length (`İ`, `ẞ`, `Ω`), combining marks, emoji, digits,
/// separators and the vocabulary's own words.
fn tricky_text() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let pieces = prop::sample::select(vec![
        "that", "is", "not", "can", "I", "will", "café", "em", "cannot", "let", "s", "t", "n", "'",
        "dont", "wont", "thats", "im", "do", "nt", "’", "‘", "ʼ", "´", "`", "İ", "ẞ", "Ω",
        "\u{301}", "🙂", "é", "K", "ǅ", "ﬁ", "9", " ", "\n", ",", "-", "—", "/", "_", "\u{0}",
        "\u{200b}",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|p| p.concat())
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// Whatever the text, each canonical word's span lies inside it, on character boundaries,
    /// starting where the one before starts or later; and the fast path agrees with the
    /// reference scanner.
    #[test]
    fn canonical_spans_always_point_inside_the_text(texts in proptest::collection::vec(tricky_text(), 1..4)) {
        let v = vocab(&["that", "is", "not", "can", "i", "will", "café", "'em", "us", "am"]);
        let mut stream = SymbolStream::default();
        let mut expander = canon::Expander::default();
        for text in &texts {
            // One stream for all the texts, as on a scan's thread: its memo carries over.
            stream.clear();
            let base = 7;
            v.symbolize(text, base, &mut stream);
            let reference = reference_symbols(&v, text, base, &mut expander);
            proptest::prop_assert_eq!(&stream.syms, &reference.syms, "{:?}", text);
            proptest::prop_assert_eq!(&stream.spans, &reference.spans, "{:?}", text);
            // Spans start in order; two symbols of one word may share its span (`cannot` inside
            // `cannotn't`: `can` and `not` both cover `cannot`).
            let mut previous_start = base as usize;
            for &(start, end) in &stream.spans {
                let (start, end) = (start as usize, end as usize);
                proptest::prop_assert!(previous_start <= start && start <= end, "{text:?}");
                proptest::prop_assert!(end <= base as usize + text.len(), "{text:?}");
                let (a, b) = (start - base as usize, end - base as usize);
                proptest::prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
                previous_start = start;
            }
            for w in Words::new(text) {
                let raw = &text[w.start..w.end];
                for p in expander.expand(raw).pieces {
                    proptest::prop_assert!(p.start <= p.end && p.end <= raw.len(), "{raw:?}");
                    proptest::prop_assert!(raw.is_char_boundary(p.start) && raw.is_char_boundary(p.end));
                }
            }
        }
    }
}
