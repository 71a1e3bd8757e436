//! The matcher against its definition: words across spellings, wildcards, sentence ends,
//! regexes, and the anchored path equal to the expanded one.

use super::anchored::Node;
use super::*;
use crate::rules::phrase::{Choice, Item, Pattern, no_lexicons, parse};
use regex::Regex;

fn parsed(phrases: &[&[&str]]) -> Vec<Vec<Pattern>> {
    let fillers = vec!["um".to_string(), "uh".to_string()];
    let mut lexicon = |name: &str| match name {
        "team" => Ok(Choice::new(vec![
            vec![Item::Word("billing".into())],
            vec![Item::Word("the".into()), Item::Word("store".into())],
        ])),
        _ => no_lexicons(name),
    };
    phrases
        .iter()
        .map(|list| {
            list.iter()
                .map(|p| parse(p, &fillers, &mut lexicon).unwrap())
                .collect()
        })
        .collect()
}

fn build(phrases: &[&[&str]], expand_up_to: usize) -> Matcher {
    let parsed = parsed(phrases);
    Matcher::build(
        MatcherInput {
            lists: parsed.iter().map(|l| l.iter().collect()).collect(),
            list_roles: vec![u8::MAX; parsed.len()],
            locals: Vec::new(),
            regexes: Vec::new(),
            fillers: &["um".to_string(), "uh".to_string()],
        },
        expand_up_to,
    )
    .unwrap()
}

fn matcher(phrases: &[&[&str]]) -> Matcher {
    build(phrases, 256)
}

fn quotes(m: &Matcher, turns: &[&str]) -> Vec<(usize, usize, String)> {
    let input: Vec<(&str, u8)> = turns.iter().map(|t| (*t, u8::MAX)).collect();
    let mut hits = Vec::new();
    m.find(&input, &mut Scratch::default(), &mut hits);
    hits.iter()
        .map(|h| {
            let turn = h.turn as usize;
            let quoted = turns[turn][h.start as usize..h.end as usize].to_string();
            (h.list as usize, turn, quoted)
        })
        .collect()
}

/// The hits a rule would count: per list and turn, from each start the longest, sorted.
fn counted(m: &Matcher, turns: &[&str]) -> Vec<(usize, usize, String)> {
    let input: Vec<(&str, u8)> = turns.iter().map(|t| (*t, u8::MAX)).collect();
    let mut hits = Vec::new();
    m.find(&input, &mut Scratch::default(), &mut hits);
    let mut longest: Vec<(u32, u32, u32, u32)> = Vec::new();
    hits.sort_by_key(|h| (h.list, h.turn, h.start, std::cmp::Reverse(h.end)));
    for h in hits {
        if longest
            .last()
            .is_some_and(|l| (l.0, l.1, l.2) == (h.list, h.turn, h.start))
        {
            continue;
        }
        longest.push((h.list, h.turn, h.start, h.end));
    }
    longest
        .iter()
        .map(|&(list, turn, s, e)| {
            let turn = turn as usize;
            (
                list as usize,
                turn,
                turns[turn][s as usize..e as usize].to_string(),
            )
        })
        .collect()
}

#[test]
fn phrases_match_whole_words_across_spellings() {
    let m = matcher(&[&["(that is|it is) not my department"], &["calm down"]]);
    assert_eq!(
        quotes(&m, &["Sorry, THAT’S not my\ndepartment."]),
        [(0, 0, "THAT’S not my\ndepartment".into())]
    );
    assert_eq!(
        quotes(&m, &["it's uh not my department"]),
        [(0, 0, "it's uh not my department".into())]
    );
    assert!(quotes(&m, &["becalm downstairs", "calm downs"]).is_empty());
    assert_eq!(
        quotes(&m, &["x", "please calm down"]),
        [(1, 1, "calm down".into())]
    );
}

#[test]
fn no_match_spans_two_turns() {
    for limit in [0, 256] {
        let m = build(&[&["calm down"], &["[please] calm *"]], limit);
        assert!(quotes(&m, &["please calm", "down now"]).is_empty());
    }
}

#[test]
fn wildcards_take_exactly_one_word() {
    let m = matcher(&[&["my name is *"], &["you are * wrong"]]);
    assert_eq!(
        quotes(&m, &["Hi, my name is Sam."]),
        [(0, 0, "my name is Sam".into())]
    );
    assert!(quotes(&m, &["my name is"]).is_empty());
    assert_eq!(quotes(&m, &["you're just wrong"]).len(), 1);
    assert!(quotes(&m, &["you are wrong"]).is_empty());
}

#[test]
fn optional_wildcards_take_up_to_their_number_of_words_either_way() {
    // Expanded (a limit of 256) and anchored (0) must agree: the anchored walk reads a run of
    // `[*]` as one gap, forward after the anchor and backward before it.
    for limit in [0, 256] {
        let m = build(
            &[
                &["send [*] [*] (to|with) billing"],
                &["[*] [*] refund (now|today)"],
            ],
            limit,
        );
        let found = |text: &str| quotes(&m, &[text]);
        assert_eq!(found("send it to billing")[0].2, "send it to billing");
        assert_eq!(
            found("send it all to billing")[0].2,
            "send it all to billing"
        );
        assert!(found("send it all back to billing").is_empty(), "{limit}");
        assert_eq!(found("a full refund today")[0].2, "a full refund today");
        assert_eq!(found("refund now")[0].2, "refund now");
    }
}

#[test]
fn regexes_find_their_turns_with_and_without_the_set() {
    for count in [2, 11] {
        let regexes: Vec<(ListId, Regex)> = (0..count)
            .map(|i| (i as ListId, Regex::new(&format!("(?m)code{i}$")).unwrap()))
            .collect();
        let m = Matcher::new(MatcherInput {
            lists: Vec::new(),
            list_roles: Vec::new(),
            locals: Vec::new(),
            regexes,
            fillers: &[],
        })
        .unwrap();
        let turns = [
            ("say code1", 1),
            ("code1 no", 1),
            ("x code0", 0),
            ("code0", 1),
        ];
        let mut hits = Vec::new();
        m.find(&turns, &mut Scratch::default(), &mut hits);
        let got: Vec<(ListId, u32, u32)> = hits.iter().map(|h| (h.list, h.turn, h.start)).collect();
        assert_eq!(got.len(), 2, "{count} regexes: {got:?}");
        assert!(
            got.contains(&(1, 0, 4)) && got.contains(&(0, 3, 0)),
            "{got:?}"
        );
    }
}

#[test]
fn a_dollar_phrase_must_end_a_sentence() {
    for limit in [0, 256] {
        let m = build(&[&["i (do not|don't) know $"]], limit);
        assert_eq!(quotes(&m, &["Well, I don't know."]).len(), 1);
        assert_eq!(quotes(&m, &["i dont know", "i do not know  ! ok"]).len(), 2);
        assert!(quotes(&m, &["i dont know it", "I don't know the password"]).is_empty());
        // Emphasis closed on the last word is markup; a redaction apart from it is words.
        assert_eq!(
            quotes(&m, &["**I don't know**, sorry", "**I do not know**!"]).len(),
            2
        );
        assert!(quotes(&m, &["I don't know *** sorry.", "I don't know **** yet"]).is_empty());
        // A dash between spaces, an en or an em dash ends a clause; a hyphen in a word does not.
        let dashed = [
            "I don't know - sorry",
            "I don't know – sorry",
            "I don't know—sorry",
        ];
        assert_eq!(quotes(&m, &dashed).len(), 3);
        assert!(quotes(&m, &["I don't know-how"]).is_empty());
        let more = [
            "I don't know- sorry",
            "I don't know\u{2010} sorry",
            "I don't know \u{2212} no",
        ];
        assert_eq!(quotes(&m, &more).len(), 3);
        assert!(quotes(&m, &["I don't know***, sorry"]).is_empty());
    }
}

#[test]
fn overlapping_phrases_of_different_rules_all_hit() {
    let m = matcher(&[&["not my job"], &["that is not my job"]]);
    let got = quotes(&m, &["that's not my job"]);
    assert_eq!(got.len(), 2);
}

#[test]
fn lexicons_and_stems_match_without_expansion() {
    let m = matcher(&[&["please (call|contact) {team} [today]"], &["full refund*"]]);
    assert_eq!(
        counted(
            &m,
            &["Please contact the store today.", "please call billing"]
        ),
        [
            (0, 0, "Please contact the store today".into()),
            (0, 1, "please call billing".into())
        ]
    );
    assert_eq!(
        counted(&m, &["a FULL refund, full Refunds, fully refunded"]),
        [(1, 0, "FULL refund".into()), (1, 0, "full Refunds".into())]
    );
}

/// Matched around an anchor, a phrase counts the same hits as expanded into its sequences.
#[test]
fn anchored_phrases_count_what_expanded_ones_count() {
    let phrases: &[&[&str]] = &[
        &["[please] hold [on] [a (moment|second)]"],
        &["(i|we) (will|can) (check|look) [into] (this|that|it) [for you] $"],
        &["you * need (to|a) * (manager|supervisor)"],
        &["[so|very] sorry [to hear] (that|this)", "sorry $"],
    ];
    let texts: &[&[&str]] = &[
        &["Please hold on a moment, we will look into it for you."],
        &[
            "I can check this. So sorry to hear that! sorry.",
            "hold hold on",
        ],
        &[
            "you really need a real manager",
            "you do need to ask supervisor please",
        ],
        &["we can look that for you", "very sorry this", "sorry"],
    ];
    let (expanded, anchored) = (build(phrases, 1_000_000), build(phrases, 0));
    assert!(!anchored.anchored.is_empty() && expanded.anchored.is_empty());
    for turns in texts {
        assert_eq!(
            counted(&anchored, turns),
            counted(&expanded, turns),
            "{turns:?}"
        );
    }
}

/// Lexicons shared by several phrases (and nested in one another) are compiled once, and match
/// as separate copies of them would.
#[test]
fn a_shared_lexicon_matches_as_separate_copies_would() {
    let word = |w: &str| Item::Word(w.into());
    let place = || {
        Choice::new(vec![
            vec![word("billing")],
            vec![word("the"), word("store")],
        ])
    };
    let team = |place: &crate::rules::phrase::Alternatives| {
        let named = || Item::Choice(std::sync::Arc::clone(place));
        Choice::new(vec![vec![named()], vec![named(), word("team")]])
    };
    let (shared_place, phrases) = (
        place(),
        ["please call {team}", "{team} will call you", "ring {place}"],
    );
    let shared_team = team(&shared_place);
    let parse_all = |shared: bool| -> Vec<Pattern> {
        let mut lexicon = |name: &str| match (name, shared) {
            ("place", true) => Ok(std::sync::Arc::clone(&shared_place)),
            ("team", true) => Ok(std::sync::Arc::clone(&shared_team)),
            ("place", false) => Ok(place()),
            ("team", false) => Ok(team(&place())),
            _ => no_lexicons(name),
        };
        phrases
            .iter()
            .map(|p| parse(p, &[], &mut lexicon).unwrap())
            .collect()
    };
    let compile = |patterns: &[Pattern], expand_up_to: usize| {
        let input = MatcherInput {
            lists: vec![
                patterns[..2].iter().collect(),
                patterns[2..].iter().collect(),
            ],
            list_roles: vec![u8::MAX; 2],
            locals: Vec::new(),
            regexes: Vec::new(),
            fillers: &[],
        };
        Matcher::build(input, expand_up_to).unwrap()
    };
    let (shared, copies) = (parse_all(true), parse_all(false));
    let turns = [
        "Please call billing today.",
        "The store team will call you back.",
        "Ring the store, or please call the store team.",
    ];
    let anchored = compile(&shared, 0);
    let found = counted(&anchored, &turns);
    assert_eq!(found, counted(&compile(&copies, 0), &turns));
    assert_eq!(found, counted(&compile(&shared, 256), &turns));
    assert_eq!(
        found,
        [
            (0, 0, "Please call billing".into()),
            (0, 1, "The store team will call you".into()),
            (0, 2, "please call the store team".into()),
            (1, 2, "Ring the store".into()),
        ]
    );
    // The two phrases naming {team} hold one compiled choice.
    let (Node::Choice(a), Node::Choice(b)) = (
        &anchored.anchored[0].nodes[2],
        &anchored.anchored[1].nodes[0],
    ) else {
        panic!("{{team}} is a choice in both phrases");
    };
    assert!(std::sync::Arc::ptr_eq(a, b));
}

#[test]
fn a_near_list_answers_as_its_phrases_found_everywhere_would() {
    // The first phrase can begin with any word: it is found around its anchor, "desk"; the
    // others are walked from each place.
    let near = ["[the] [*] [*] desk", "call (them|us) *", "the {team} $"];
    let parsed = parsed(&[&["help"], &near]);
    let lists: Vec<Vec<&Pattern>> = parsed.iter().map(|l| l.iter().collect()).collect();
    let input = MatcherInput {
        locals: vec![lists[1].clone()],
        lists,
        list_roles: vec![u8::MAX; 2],
        regexes: Vec::new(),
        fillers: &[],
    };
    let m = Matcher::build(input, 256).unwrap();
    assert!(m.locals[0].anchored);
    let turns = [
        "I can help, or call the front desk.",
        "The help desk can help you. Help!",
        "Help, call us now, then help the billing",
        "the big old help desk, and help",
    ];
    let input: Vec<(&str, u8)> = turns.iter().map(|t| (*t, u8::MAX)).collect();
    let (mut scratch, mut hits) = (Scratch::default(), Vec::new());
    m.find(&input, &mut scratch, &mut hits);
    let gap = |h: &Hit, first: u32, last: u32| {
        if last < h.first_word {
            h.first_word - last - 1
        } else if first > h.last_word {
            first - h.last_word - 1
        } else {
            0
        }
    };
    // The same phrases as a rule's list: found wherever they are.
    let (helps, everywhere): (Vec<&Hit>, Vec<&Hit>) = hits.iter().partition(|h| h.list == 0);
    let mut near_some = 0;
    for h in &helps {
        for reach in 0..8 {
            let close = |p: &&Hit| p.turn == h.turn && gap(h, p.first_word, p.last_word) <= reach;
            let expected = everywhere.iter().any(close);
            let text = turns[h.turn as usize];
            let found = m.near(&scratch, 0, h, reach as usize, text, &mut |first, last| {
                gap(h, first, last) <= reach
            });
            assert_eq!(
                found, expected,
                "help at word {} within {reach}",
                h.first_word
            );
            near_some += usize::from(found);
        }
    }
    assert!(near_some > 0 && near_some < helps.len() * 8);
}
