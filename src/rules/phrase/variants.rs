//! The word sequences a phrase stands for, expanded: the matcher puts those of small phrases in
//! its automaton, and `talklint rules` lists them.

use super::shape::Shape;
use super::{Item, Pattern, Token};

impl Pattern {
    /// How many word sequences the pattern stands for (repeats counted; saturating). Each
    /// choice's count is known, so this reads the phrase's own items only.
    pub fn variant_count(&self) -> usize {
        Shape::of_sequence(&self.items).sequences
    }

    /// Whether some word sequence the pattern stands for has a stem (`refund*`).
    pub fn has_stem(&self) -> bool {
        Shape::of_sequence(&self.items).stem
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

/// The sequences of `items`, at most `limit` of them. A choice's alternatives are expanded only
/// while the limit leaves room, so that a lexicon that stands for 2^60 sequences costs no more
/// than the few it gives.
fn sequence_variants(items: &[Item], limit: usize) -> Vec<Vec<Token>> {
    if limit == 0 {
        return Vec::new();
    }
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
                    if all.len() >= limit {
                        break;
                    }
                    all.extend(sequence_variants(a, limit - all.len()));
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
