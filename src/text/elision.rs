//! Articles, pronouns and conjunctions that French and Italian write elided onto the next word
//! (`l'équipe`, `j'ai`, `dell'ordine`) are words of their own, so that `équipe` matches
//! `l'équipe`.

/// Articles, pronouns and conjunctions that French and Italian write elided onto the next word
/// (`l'équipe`, `j'ai`, `qu'il`, `dell'ordine`).
const ELIDED: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    "un", "dell", "all", "dall", "nell", "sull", "coll", "quest", "quell",
];

/// Where the word after an elided article or pronoun starts in `norm` (after its `'`): at the
/// first apostrophe, when what stands before it is in [`ELIDED`] and what follows it is a word
/// of two letters or more that is not an English contraction's end (`all'll`, `all's` stay).
pub(super) fn elision(norm: &str) -> Option<usize> {
    let apos = norm.find('\'')?;
    let (stem, rest) = (&norm[..apos], &norm[apos + 1..]);
    let word = rest.chars().take_while(|c| c.is_alphabetic()).count() >= 2;
    let english = matches!(rest, "ll" | "re" | "ve");
    (ELIDED.contains(&stem) && word && !english).then_some(apos + 1)
}
