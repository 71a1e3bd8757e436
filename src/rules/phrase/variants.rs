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
        let token = match item {
            Item::Word(w) => Token::Word(w.clone()),
            Item::Stem(w) => Token::Stem(w.clone()),
            Item::Any => Token::Any,
            Item::End => Token::End,
            Item::Choice(alternatives) => {
                let mut all = Vec::new();
                for a in alternatives.iter() {
                    all.extend(sequence_variants(a, limit - all.len().min(limit)));
                }
                acc = product(acc, &all, limit);
                continue;
            }
        };
        // One way on (the most common item): each sequence grows in place, the last taking the
        // token itself.
        acc.truncate(limit);
        if let Some((last, others)) = acc.split_last_mut() {
            others.iter_mut().for_each(|a| a.push(token.clone()));
            last.push(token);
        }
    }
    acc
}

/// Each sequence of `acc` followed by each of `options`, at most `limit` of them.
fn product(mut acc: Vec<Vec<Token>>, options: &[Vec<Token>], limit: usize) -> Vec<Vec<Token>> {
    if let [only] = options {
        acc.truncate(limit);
        acc.iter_mut().for_each(|a| a.extend_from_slice(only));
        return acc;
    }
    acc.iter()
        .flat_map(|a| {
            options.iter().map(move |b| {
                let mut v = a.clone();
                v.extend_from_slice(b);
                v
            })
        })
        .take(limit)
        .collect()
}
