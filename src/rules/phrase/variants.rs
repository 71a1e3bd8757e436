//! The word sequences a phrase stands for, expanded: the matcher puts those of small phrases in
//! its automaton, and `talklint rules` lists them.

use super::{Item, Pattern, Token};

impl Pattern {
    /// How many word sequences the pattern stands for (repeats counted; saturating).
    pub fn variant_count(&self) -> usize {
        sequence_count(&self.items)
    }

    /// The first `limit` word sequences the pattern stands for, in order, without repeats.
    pub fn variants(&self, limit: usize) -> Vec<Vec<Token>> {
        let all = sequence_variants(&self.items, limit);
        let mut seen = rustc_hash::FxHashSet::default();
        let first: Vec<bool> = all.iter().map(|v| seen.insert(v.as_slice())).collect();
        drop(seen);
        all.into_iter()
            .zip(first)
            .filter_map(|(v, first)| first.then_some(v))
            .collect()
    }
}

fn sequence_count(items: &[Item]) -> usize {
    items.iter().fold(1usize, |n, item| match item {
        Item::Choice(alternatives) => n.saturating_mul(
            alternatives
                .iter()
                .fold(0usize, |sum, a| sum.saturating_add(sequence_count(a))),
        ),
        _ => n,
    })
}

/// The sequences of `items`, at most `limit` of them.
fn sequence_variants(items: &[Item], limit: usize) -> Vec<Vec<Token>> {
    let mut acc: Vec<Vec<Token>> = vec![Vec::new()];
    for item in items {
        let options: Vec<Vec<Token>> = match item {
            Item::Word(w) => vec![vec![Token::Word(w.clone())]],
            Item::Stem(w) => vec![vec![Token::Stem(w.clone())]],
            Item::Any => vec![vec![Token::Any]],
            Item::End => vec![vec![Token::End]],
            Item::Choice(alternatives) => {
                let mut all = Vec::new();
                for a in alternatives.iter() {
                    all.extend(sequence_variants(a, limit - all.len().min(limit)));
                }
                all
            }
        };
        if let [only] = options.as_slice()
            && acc.len() <= limit
        {
            // One way on (a word, the most common item): each sequence grows in place.
            acc.iter_mut().for_each(|a| a.extend(only.iter().cloned()));
            continue;
        }
        acc = acc
            .iter()
            .flat_map(|a| {
                options.iter().map(move |b| {
                    let mut v = a.clone();
                    v.extend(b.iter().cloned());
                    v
                })
            })
            .take(limit)
            .collect();
    }
    acc
}
