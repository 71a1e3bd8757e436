//! What can be said of every word sequence that part of a phrase stands for: whether one is
//! empty, ends a sentence, has no word or a stem, and how many there are. Parsing checks a whole
//! phrase by it; a choice works out its own once, so that a lexicon nested in others is not
//! walked again for every phrase and entry that names it.

use super::Item;

/// What can be said of every word sequence a part of a pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(super) struct Shape {
    /// Some sequence is empty.
    empty: bool,
    /// Some sequence is not empty.
    nonempty: bool,
    /// Some sequence ends with `$`.
    ends_with_end: bool,
    /// Some sequence has a `$` before its last token.
    pub end_inside: bool,
    /// Some sequence has no word: `Some(true)` when one of them is empty, `Some(false)` when all
    /// of them hold `*` or `$`.
    pub without_word: Option<bool>,
    /// Some sequence has a stem (`refund*`).
    pub stem: bool,
    /// How many sequences there are, repeats counted (saturating: lexicons that each name the
    /// next twice stand for 2^depth).
    pub sequences: usize,
    /// How many items (words, stems, `*`) the longest sequence has (saturating: lexicons that
    /// each name the next twice in a row stand for 2^depth words).
    pub longest: usize,
}

impl Shape {
    fn of_item(item: &Item) -> Shape {
        let token = |is_end: bool, is_word: bool, stem: bool| Shape {
            empty: false,
            nonempty: true,
            ends_with_end: is_end,
            end_inside: false,
            without_word: (!is_word).then_some(false),
            stem,
            sequences: 1,
            longest: usize::from(!is_end),
        };
        match item {
            Item::Word(_) => token(false, true, false),
            Item::Stem(_) => token(false, true, true),
            Item::Any => token(false, false, false),
            Item::End => token(true, false, false),
            Item::Choice(choice) => choice.shape,
        }
    }

    pub(super) fn of_choice(alternatives: &[Vec<Item>]) -> Shape {
        let shapes: Vec<Shape> = alternatives.iter().map(|a| Shape::of_sequence(a)).collect();
        Shape {
            empty: shapes.iter().any(|s| s.empty),
            nonempty: shapes.iter().any(|s| s.nonempty),
            ends_with_end: shapes.iter().any(|s| s.ends_with_end),
            end_inside: shapes.iter().any(|s| s.end_inside),
            without_word: shapes
                .iter()
                .filter_map(|s| s.without_word)
                .reduce(|a, b| a || b),
            stem: shapes.iter().any(|s| s.stem),
            sequences: shapes
                .iter()
                .fold(0, |n: usize, s| n.saturating_add(s.sequences)),
            longest: shapes.iter().map(|s| s.longest).max().unwrap_or(0),
        }
    }

    /// Sequences are chosen independently per item, so each property follows from the items'.
    pub(super) fn of_sequence(items: &[Item]) -> Shape {
        let mut acc = Shape {
            empty: true,
            nonempty: false,
            ends_with_end: false,
            end_inside: false,
            without_word: Some(true),
            stem: false,
            sequences: 1,
            longest: 0,
        };
        for item in items {
            let s = Shape::of_item(item);
            acc = Shape {
                empty: acc.empty && s.empty,
                nonempty: acc.nonempty || s.nonempty,
                ends_with_end: s.ends_with_end || (s.empty && acc.ends_with_end),
                end_inside: acc.end_inside || s.end_inside || (acc.ends_with_end && s.nonempty),
                without_word: match (acc.without_word, s.without_word) {
                    (Some(a), Some(b)) => Some(a && b),
                    _ => None,
                },
                stem: acc.stem || s.stem,
                sequences: acc.sequences.saturating_mul(s.sequences),
                longest: acc.longest.saturating_add(s.longest),
            };
        }
        acc
    }
}
