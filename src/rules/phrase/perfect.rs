//! `it's been` is `it has been`. A contraction is expanded one word at a time, so `'s` after
//! `it` reads `is` and `'d` reads `would`, whatever follows; before `been`, `got` or `gotten` they
//! mean `has` and `had`. Rather than look ahead in every text, a phrase takes both readings
//! there: `it has been` also matches the `it is been` that `it's been` expands to, and a phrase
//! written `it's been` also matches `it has been`.

use super::{Choice, Item};

/// The words that make `'s` mean `has` and `'d` mean `had` when they follow.
const PARTICIPLES: &[&str] = &["been", "got", "gotten"];

/// Words that may stand between the two (`it's never been`), one at most.
const ADVERBS: &[&str] = &[
    "not",
    "never",
    "already",
    "just",
    "only",
    "always",
    "also",
    "really",
    "ever",
    "still",
    "probably",
    "definitely",
    "certainly",
    "actually",
];

/// The other reading of an auxiliary before a participle.
fn other_reading(word: &str) -> Option<&'static str> {
    match word {
        "is" => Some("has"),
        "has" => Some("is"),
        "would" => Some("had"),
        "had" => Some("would"),
        _ => None,
    }
}

/// `items`, with each auxiliary that comes before a participle (in any of the sequences it
/// stands for) widened to both its readings; `None` when nothing changes. Applying it twice
/// changes nothing the second time.
pub(super) fn widen(items: &[Item]) -> Option<Vec<Item>> {
    let mut changed: Option<Vec<Item>> = None;
    for (k, item) in items.iter().enumerate() {
        let inner = match item {
            Item::Choice(choice) => widen_choice(choice),
            _ => None,
        };
        let current = inner.as_ref().unwrap_or(item);
        let outer = match starts_with_participle(&[&items[k + 1..]], true) {
            true => widen_end(current),
            false => None,
        };
        if let Some(new) = outer.or(inner) {
            changed.get_or_insert_with(|| items.to_vec())[k] = new;
        }
    }
    changed
}

/// A choice whose sequences are each widened, when one of them changes.
fn widen_choice(choice: &Choice) -> Option<Item> {
    let widened: Vec<Option<Vec<Item>>> = choice.iter().map(|seq| widen(seq)).collect();
    if widened.iter().all(Option::is_none) {
        return None;
    }
    let alternatives = widened
        .into_iter()
        .zip(choice.iter())
        .map(|(new, old)| new.unwrap_or_else(|| old.clone()))
        .collect();
    Some(Item::Choice(Choice::new(alternatives)))
}

/// `item` taking both readings where it ends in an auxiliary: a word becomes a choice of the
/// two; a choice gains, for each sequence ending in one, that sequence with the other reading.
fn widen_end(item: &Item) -> Option<Item> {
    match item {
        Item::Word(word) => {
            let other = other_reading(word)?;
            let both = vec![vec![item.clone()], vec![Item::Word(other.to_string())]];
            Some(Item::Choice(Choice::new(both)))
        }
        Item::Choice(choice) => {
            let mut alternatives: Vec<Vec<Item>> = choice.to_vec();
            for (i, seq) in choice.iter().enumerate() {
                let Some((last, head)) = seq.split_last() else {
                    continue;
                };
                let mut other = head.to_vec();
                match last {
                    // A nested choice is widened in place.
                    Item::Choice(_) => match widen_end(last) {
                        Some(widened) => {
                            other.push(widened);
                            alternatives[i] = other;
                        }
                        None => continue,
                    },
                    // A word's other reading goes beside it, once.
                    Item::Word(word) => match other_reading(word) {
                        Some(reading) => {
                            other.push(Item::Word(reading.to_string()));
                            if !alternatives.contains(&other) {
                                alternatives.push(other);
                            }
                        }
                        None => continue,
                    },
                    _ => continue,
                }
            }
            let changed = alternatives.len() != choice.len() || alternatives[..] != choice[..];
            changed.then(|| Item::Choice(Choice::new(alternatives)))
        }
        _ => None,
    }
}

/// Whether some word sequence the `segments` stand for, read in order, starts with a
/// participle (after one adverb, when `adverb` allows it).
fn starts_with_participle(segments: &[&[Item]], adverb: bool) -> bool {
    let Some(at) = segments.iter().position(|s| !s.is_empty()) else {
        return false;
    };
    let (first, rest) = segments[at].split_first().unwrap_or((&Item::Any, &[]));
    let mut after: Vec<&[Item]> = vec![rest];
    after.extend_from_slice(&segments[at + 1..]);
    match first {
        Item::Word(w) if PARTICIPLES.contains(&w.as_str()) => true,
        Item::Word(w) => {
            adverb && ADVERBS.contains(&w.as_str()) && starts_with_participle(&after, false)
        }
        Item::Choice(choice) => choice.iter().any(|seq| {
            let mut through: Vec<&[Item]> = vec![seq.as_slice()];
            through.extend_from_slice(&after);
            starts_with_participle(&through, adverb)
        }),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Token, no_lexicons, parse};

    fn variants(phrase: &str) -> Vec<String> {
        let pattern = parse(phrase, &[], &mut no_lexicons).unwrap();
        let mut all: Vec<String> = pattern
            .variants(100)
            .iter()
            .map(|v| {
                v.iter()
                    .map(|t| match t {
                        Token::Word(w) => w.as_str(),
                        _ => "?",
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        all.sort();
        all
    }

    #[test]
    fn an_auxiliary_before_a_participle_takes_both_readings() {
        assert_eq!(variants("it's been"), ["it has been", "it is been"]);
        assert_eq!(variants("it has been"), ["it has been", "it is been"]);
        assert_eq!(variants("I'd been"), ["i had been", "i would been"]);
        assert_eq!(
            variants("she's never been"),
            ["she has never been", "she is never been"]
        );
        assert_eq!(variants("he's got"), ["he has got", "he is got"]);
    }

    #[test]
    fn elsewhere_an_auxiliary_keeps_one_reading() {
        assert_eq!(variants("it's done"), ["it is done"]);
        assert_eq!(variants("I'd like"), ["i would like"]);
        assert_eq!(
            variants("it has not really been"),
            ["it has not really been"]
        );
        assert_eq!(variants("been there"), ["been there"]);
    }

    #[test]
    fn choices_on_either_side_are_read_through() {
        assert_eq!(
            variants("(it's|that has) been"),
            ["it has been", "it is been", "that has been", "that is been"]
        );
        assert_eq!(
            variants("it is (been|become)"),
            ["it has become", "it has been", "it is become", "it is been"]
        );
        assert_eq!(
            variants("it is [not] been"),
            [
                "it has been",
                "it has not been",
                "it is been",
                "it is not been"
            ]
        );
        assert_eq!(
            variants("(we|i) (know|see) (it|this) (is|has been) hard"),
            variants("(we|i) (know|see) (it|this) (is|has been|is been) hard")
        );
    }

    #[test]
    fn widening_twice_changes_nothing() {
        let pattern = parse("(it's|that would) [not] been", &[], &mut no_lexicons).unwrap();
        assert_eq!(super::widen(&pattern.items), None);
    }
}
