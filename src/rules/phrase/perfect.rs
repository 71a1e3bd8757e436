//! `it's been` is `it has been`. A contraction is expanded one word at a time, so `'s` after
//! `it` reads `is` and `'d` reads `would`, whatever follows; before `been`, `got` or `gotten` they
//! mean `has` and `had`. Rather than look ahead in every text, a phrase takes both readings
//! there: `it has been` also matches the `it is been` that `it's been` expands to, and a phrase
//! written `it's been` also matches `it has been`.
//!
//! Each sequence is widened once, as the parser finishes it; a choice knows from its own
//! sequences whether one may end in an auxiliary or open with a participle ([`Edges`]), so a
//! phrase never walks the lexicons it names again.

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

/// What a choice's sequences may hold at their edges, worked out once when it is made.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Edges {
    /// Some sequence ends in an auxiliary that has another reading (`is`, `has`, …).
    ends_in_auxiliary: bool,
    /// Some sequence opens with a participle.
    opens_participle: bool,
    /// Some sequence opens with a participle after one adverb (or straight away).
    opens_participle_after_adverb: bool,
}

impl Edges {
    pub(super) fn of_choice(alternatives: &[Vec<Item>]) -> Edges {
        let ends = |seq: &Vec<Item>| seq.last().is_some_and(ends_in_auxiliary);
        Edges {
            ends_in_auxiliary: alternatives.iter().any(ends),
            opens_participle: alternatives.iter().any(|s| opens_participle(s, false)),
            opens_participle_after_adverb: alternatives.iter().any(|s| opens_participle(s, true)),
        }
    }
}

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

fn ends_in_auxiliary(item: &Item) -> bool {
    match item {
        Item::Word(w) => other_reading(w).is_some(),
        Item::Choice(c) => c.edges.ends_in_auxiliary,
        _ => false,
    }
}

/// Whether some word sequence `items` stand for opens with a participle (after one adverb, when
/// `adverb` allows it).
fn opens_participle(items: &[Item], adverb: bool) -> bool {
    let Some((first, rest)) = items.split_first() else {
        return false;
    };
    match first {
        Item::Word(w) if PARTICIPLES.contains(&w.as_str()) => true,
        Item::Word(w) => adverb && ADVERBS.contains(&w.as_str()) && opens_participle(rest, false),
        Item::Choice(c) => {
            let opens = match adverb {
                true => c.edges.opens_participle_after_adverb,
                false => c.edges.opens_participle,
            };
            // An optional part may be left out: what follows it opens the sequence then.
            opens || (c.shape.empty && opens_participle(rest, adverb))
        }
        _ => false,
    }
}

/// Widens, in `items` (a sequence just parsed, whose choices are widened already), each
/// auxiliary that comes before a participle to both its readings. Doing it twice changes
/// nothing the second time.
pub(super) fn widen(items: &mut [Item]) {
    for k in 0..items.len().saturating_sub(1) {
        if ends_in_auxiliary(&items[k])
            && opens_participle(&items[k + 1..], true)
            && let Some(wide) = widen_end(&items[k])
        {
            items[k] = wide;
        }
    }
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
                        Some(wide) => {
                            other.push(wide);
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
            let changed = alternatives[..] != choice[..];
            changed.then(|| Item::Choice(Choice::new(alternatives)))
        }
        _ => None,
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
        let mut pattern = parse("(it's|that would) [not] been", &[], &mut no_lexicons).unwrap();
        let once = pattern.items.clone();
        super::widen(&mut pattern.items);
        assert_eq!(pattern.items, once);
    }
}
