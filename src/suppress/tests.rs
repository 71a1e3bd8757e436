//! Tests of which rules directives turn off where.

use super::*;
use crate::transcript::{Format, ParseOptions, parse};

const PACK: &str = "rules:
  - id: ownership/a
    phrases: [alpha]
  - id: ownership/b
    phrases: [beta]
  - id: respect/c
    phrases: [gamma]
";

/// The rules suppressed at each line's first word of `source` (after a speaker label), as
/// (line, rule indices).
fn suppressed(source: &str) -> Vec<(usize, Vec<usize>)> {
    let rules = crate::load_rules(&[("p.yaml".into(), PACK.into())]).unwrap();
    let parsed = parse(source, Format::Text, &ParseOptions::default()).unwrap();
    let list = &parsed.directives.list;
    let mut s = Suppressions::new(list, &parsed.transcripts[0], source, &rules, None);
    let mut at = 0;
    let mut out = Vec::new();
    for (i, line) in source.split_inclusive('\n').enumerate() {
        let word = at + line.find(": ").map_or(0, |i| i + 2);
        let off: Vec<usize> = (0..3)
            .filter(|&r| s.check(r, word, word).is_some())
            .collect();
        if !off.is_empty() {
            out.push((i + 1, off));
        }
        at += line.len();
    }
    out
}

#[test]
fn ids_categories_and_wildcards_select_rules() {
    let rules = crate::load_rules(&[("p.yaml".into(), PACK.into())]).unwrap();
    let names = |n: &[&str]| n.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(select(&names(&["ownership"]), &rules).0, Some(vec![0, 1]));
    assert_eq!(select(&names(&["ownership/*"]), &rules).0, Some(vec![0, 1]));
    let given = names(&["respect/c", "nope"]);
    let (picked, unknown) = select(&given, &rules);
    assert_eq!((picked, unknown), (Some(vec![2]), vec![&given[1]]));
    assert_eq!(select::<String>(&[], &rules).0, None);
}

#[test]
fn scripts_suppress_lines_and_ranges() {
    let src = "one\n# talklint: ignore respect\n\ntwo\nthree <!-- talklint: ignore ownership/b -->\n// talklint: disable ownership\nfour\n// talklint: enable ownership\nfive\n";
    assert_eq!(
        suppressed(src),
        // The range runs from the `disable` directive up to the `enable` directive.
        [(4, vec![2]), (5, vec![1]), (6, vec![0, 1]), (7, vec![0, 1])]
    );
}

#[test]
fn an_enable_turns_back_on_only_the_rules_it_selects() {
    let src = "// talklint: disable ownership/a\n// talklint: enable ownership/b\none\n// talklint: enable ownership/a\ntwo\n// talklint: disable\n// talklint: enable respect/c\nthree\n// talklint: disable respect\n// talklint: enable\nfour\n";
    assert_eq!(
        suppressed(src),
        // An `enable` of another rule leaves a rule off; one of some rules after a bare
        // `disable` turns those back on; one that names none ends every `disable`.
        [
            (1, vec![0]),
            (2, vec![0]),
            (3, vec![0]),
            (6, vec![0, 1, 2]),
            (7, vec![0, 1]),
            (8, vec![0, 1]),
            (9, vec![0, 1, 2])
        ]
    );
    let src = "// talklint: disable ownership, respect\n// talklint: enable respect\none\n// talklint: enable ownership/a\ntwo\n// talklint: enable ownership\nthree\n";
    assert_eq!(
        suppressed(src),
        // A category's rules come back on one by one, by id or by category.
        [
            (1, vec![0, 1, 2]),
            (2, vec![0, 1]),
            (3, vec![0, 1]),
            (4, vec![1]),
            (5, vec![1])
        ]
    );
    let src = "// talklint: disable\n// talklint: enable respect/c\none\n// talklint: disable respect\ntwo\n// talklint: enable ownership\nthree\n// talklint: disable\nfour\n";
    assert_eq!(
        suppressed(src),
        // With no bare `enable` after it, a bare `disable` still lets an `enable` of one
        // rule turn it back on, up to that rule's next `disable`, bare or not.
        [
            (1, vec![0, 1, 2]),
            (2, vec![0, 1]),
            (3, vec![0, 1]),
            (4, vec![0, 1, 2]),
            (5, vec![0, 1, 2]),
            (6, vec![2]),
            (7, vec![2]),
            (8, vec![0, 1, 2]),
            (9, vec![0, 1, 2])
        ]
    );
}

#[test]
fn dialogues_suppress_turns() {
    let src = "Agent: one\n# talklint: ignore\nCustomer: two\nmore of two\nAgent: three <!-- talklint: ignore respect -->\n";
    assert_eq!(
        suppressed(src),
        [(3, vec![0, 1, 2]), (4, vec![0, 1, 2]), (5, vec![2])]
    );
}
