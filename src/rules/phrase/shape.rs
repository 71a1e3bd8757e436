//! What can be said of every word sequence that part of a phrase stands for: whether one is
//! empty, ends a sentence, or has no word. Parsing checks a whole phrase by it; a choice works
//! out its own once.

use super::Item;

/// What can be said of every word sequence a part of a pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
}

impl Shape {
    fn of_item(item: &Item) -> Shape {
        let token = |is_end: bool, is_word: bool| Shape {
            empty: false,
            nonempty: true,
            ends_with_end: is_end,
            end_inside: false,
            without_word: (!is_word).then_some(false),
        };
        match item {
            Item::Word(_) | Item::Stem(_) => token(false, true),
            Item::Any => token(false, false),
            Item::End => token(true, false),
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
            };
        }
        acc
    }
}
