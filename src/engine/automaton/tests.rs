//! The automaton finds what brute force finds, built or read back from its bytes.

use super::*;

/// Every (pattern, end) by brute force.
fn naive(patterns: &[Vec<Sym>], text: &[Sym]) -> Vec<(usize, usize)> {
    let mut all = Vec::new();
    for end in 1..=text.len() {
        for (id, p) in patterns.iter().enumerate() {
            if end >= p.len() && text[end - p.len()..end] == p[..] {
                all.push((id, end));
            }
        }
    }
    all.sort_unstable();
    all
}

fn found(a: &Automaton, text: &[Sym]) -> Vec<(usize, usize)> {
    let mut all = Vec::new();
    a.find(text, &mut all);
    let mut all: Vec<(usize, usize)> = all
        .into_iter()
        .map(|(p, end)| (p as usize, end as usize))
        .collect();
    all.sort_unstable();
    all
}

#[test]
fn overlapping_and_nested_patterns_are_all_found() {
    let patterns = vec![
        vec![2, 3, 4],
        vec![3, 4],
        vec![4],
        vec![2, 3, 5],
        vec![3, 3, 3],
    ];
    let a = Automaton::new(&patterns, 8);
    for text in [
        vec![2, 3, 4, 2, 3, 5],
        vec![3, 3, 3, 3, 4],
        vec![0, 2, 3, 0, 4, 7, 1, 2],
        vec![],
    ] {
        assert_eq!(found(&a, &text), naive(&patterns, &text), "{text:?}");
    }
}

/// Pseudo-random patterns and texts agree with brute force: over a small alphabet, so that
/// failure links go deep, and over a larger one with many patterns, so that some states are
/// wide enough for dense rows.
#[test]
fn random_texts_agree_with_brute_force() {
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut rand = |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    for (letters, most) in [(4, 12), (40, 400)] {
        for _ in 0..50 {
            let mut patterns: Vec<Vec<Sym>> = (0..1 + rand(most))
                .map(|_| (0..1 + rand(4)).map(|_| 2 + rand(letters) as Sym).collect())
                .collect();
            patterns.sort();
            patterns.dedup();
            let symbols = letters as usize + 3;
            let a = Automaton::new(&patterns, symbols);
            let text: Vec<Sym> = (0..rand(200))
                .map(|_| rand(symbols as u64) as Sym)
                .collect();
            assert_eq!(found(&a, &text), naive(&patterns, &text), "{patterns:?}");
        }
    }
}

#[test]
fn unused_symbols_reset_and_tables_stay_small() {
    let patterns = vec![vec![5, 6]];
    let a = Automaton::new(&patterns, 10);
    assert_eq!(found(&a, &[5, 9, 6, 5, 6]), [(0, 5)]);
    assert!(a.memory() < 200, "{}", a.memory());
}

/// Tables written as bytes and read back in place find what the built ones find, dense rows
/// too; bytes cut short, with a byte more, or not aligned to four, are not read.
#[test]
fn tables_read_in_place_find_what_the_built_ones_find() {
    let mut patterns: Vec<Vec<Sym>> = (0..40)
        .map(|k| vec![2 + k % 7, 2 + k % 5, 2 + k % 3])
        .collect();
    // A state of more edges than `DENSE_FROM`: after symbol 30, each of 20 others.
    patterns.extend((0..20).map(|k| vec![30, 40 + k]));
    let built = Automaton::new(&patterns, 64);
    assert!(built.dense.len() >= 64);
    let mut with_more = built.to_bytes();
    with_more.push(0);
    let bytes = Automaton::kept_aligned(&with_more);
    let whole = &bytes[..bytes.len() - 1];
    assert!(Automaton::from_bytes(bytes).is_none());
    let read = Automaton::from_bytes(whole).expect("the bytes are read back");
    let text: Vec<Sym> = patterns
        .iter()
        .step_by(3)
        .flat_map(|p| [&p[..], &[0]])
        .flatten()
        .copied()
        .collect();
    assert_eq!(found(&read, &text), found(&built, &text));
    assert!(found(&read, &text).iter().any(|&(p, _)| p >= 40));
    assert!(Automaton::from_bytes(&whole[..whole.len() - 4]).is_none());
    let shifted = Automaton::kept_aligned(&[&[0][..], whole].concat());
    assert!(Automaton::from_bytes(&shifted[1..]).is_none());
}
