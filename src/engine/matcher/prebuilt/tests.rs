//! The embedded bytes are what the default pack builds today, and a matcher read back from bytes
//! finds what the built one finds.

use super::*;
use crate::engine::compile::Compiled;
use crate::engine::matcher::build::EXPAND_UP_TO;
use crate::engine::matcher::{Hit, Matcher, Scratch};
use crate::engine::matcher_input;
use rustc_hash::FxHashMap;
use std::path::Path;

/// Gives each choice an index once, after the choices inside it.
#[derive(Default)]
struct Freezer {
    ids: FxHashMap<*const Choice, u32>,
    choices: Vec<ChoiceForm>,
}

impl Freezer {
    fn nodes(&mut self, nodes: &[Node]) -> Vec<NodeForm> {
        nodes
            .iter()
            .map(|node| match node {
                Node::Word(s) => NodeForm::Word(*s),
                Node::Stem(s) => NodeForm::Stem(*s),
                Node::Any => NodeForm::Any,
                Node::Gap(n) => NodeForm::Gap(*n),
                Node::End => NodeForm::End,
                Node::Choice(c) => NodeForm::Choice(self.choice(c)),
            })
            .collect()
    }

    fn choice(&mut self, choice: &Arc<Choice>) -> u32 {
        if let Some(&id) = self.ids.get(&Arc::as_ptr(choice)) {
            return id;
        }
        let form = self.form(choice);
        let id = self.choices.len() as u32;
        self.choices.push(form);
        self.ids.insert(Arc::as_ptr(choice), id);
        id
    }

    fn form(&mut self, choice: &Choice) -> ChoiceForm {
        let (alternatives, first, last, heads) = choice.parts();
        ChoiceForm {
            alternatives: alternatives.iter().map(|a| self.nodes(a)).collect(),
            first: first.clone(),
            last: last.clone(),
            heads: heads.clone(),
        }
    }
}

/// `matcher` as bytes, for input whose fingerprint is `key`.
fn freeze(matcher: &Matcher, key: u64) -> Vec<u8> {
    let mut freezer = Freezer::default();
    let anchored = matcher
        .anchored
        .iter()
        .map(|a| (freezer.nodes(&a.nodes), a.sites.clone()))
        .collect();
    let locals = matcher
        .locals
        .iter()
        .map(|l| (freezer.form(&l.phrases), l.longest, l.anchored))
        .collect();
    let prebuilt = Prebuilt {
        vocab: matcher.vocab.clone(),
        targets: matcher.targets.clone(),
        choices: freezer.choices,
        anchored,
        locals,
        local_anchors: matcher.local_anchors.clone(),
    };
    let form = postcard::to_allocvec(&prebuilt).expect("a matcher serialises");
    let mut bytes = key.to_le_bytes().to_vec();
    bytes.extend((form.len() as u32).to_le_bytes());
    bytes.extend(form);
    if let Some(automaton) = &matcher.automaton {
        bytes.resize(bytes.len() + padding(bytes.len()), 0);
        bytes.extend(automaton.to_bytes());
    }
    bytes
}

/// The matcher of `input` built from scratch, and the bytes it freezes to (kept for the rest of
/// the test run, as the embedded bytes are, so that its automaton can be read in place).
fn built(input: MatcherInput) -> (Matcher, &'static [u8]) {
    let key = fingerprint::fingerprint(&input);
    let matcher = Matcher::build(input, EXPAND_UP_TO).expect("the default pack builds");
    let bytes = Automaton::kept_aligned(&freeze(&matcher, key));
    (matcher, bytes)
}

#[test]
fn the_embedded_bytes_are_what_the_default_pack_builds_today() {
    let rules = crate::default_rules();
    let compiled = Compiled::new(&rules);
    let make_input = || matcher_input(&compiled, &rules);
    let (_, fresh) = built(make_input());
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine/matcher/prebuilt/default-pack.bin");
    if std::env::var("TALKLINT_BLESS").as_deref() == Ok("1") {
        std::fs::write(&path, fresh).expect("the prebuilt matcher is written");
        return;
    }
    assert!(
        fresh == &DEFAULT_PACK.0,
        "{} is stale: the default pack, or the code that builds a matcher, changed since it was \
         written. Write it again with `TALKLINT_BLESS=1 cargo test prebuilt`",
        path.display()
    );
}

/// Every line of every UTF-8 fixture a turn, each file a conversation.
fn fixture_conversations() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
        .collect()
}

fn hits(matcher: &Matcher, conversation: &str) -> Vec<Hit> {
    let turns: Vec<(&str, u8)> = conversation.lines().map(|l| (l, u8::MAX)).collect();
    let (mut scratch, mut hits) = (Scratch::default(), Vec::new());
    matcher.find(&turns, &mut scratch, &mut hits);
    hits
}

#[test]
fn a_matcher_read_from_bytes_finds_what_the_built_one_finds() {
    let rules = crate::default_rules();
    let compiled = Compiled::new(&rules);
    let make_input = || matcher_input(&compiled, &rules);
    let (built, bytes) = built(make_input());
    let input = make_input();
    let read = read_bytes(bytes, &input).expect("the bytes are read back");
    let read = read.into_matcher(input.list_roles, input.regexes).unwrap();
    assert_eq!(
        freeze(&read, u64::from_le_bytes(bytes[..8].try_into().unwrap())),
        bytes
    );
    let (mut compared, mut found) = (0, 0);
    for conversation in fixture_conversations() {
        let expected = hits(&built, &conversation);
        assert_eq!(hits(&read, &conversation), expected);
        compared += 1;
        found += expected.len();
    }
    assert!(
        compared > 100 && found > 1000,
        "{compared} conversations, {found} hits"
    );
}

#[test]
fn bytes_are_read_only_for_the_input_they_were_built_from() {
    let rules = crate::default_rules();
    let compiled = Compiled::new(&rules);
    let make_input = || matcher_input(&compiled, &rules);
    let (_, bytes) = built(make_input());
    let input = make_input();
    assert!(read_bytes(bytes, &input).is_some());

    // One more filler changes what the phrases' words become.
    let mut more_fillers = rules.fillers.clone();
    more_fillers.push("anyway".into());
    let changed = MatcherInput {
        fillers: &more_fillers,
        ..make_input()
    };
    assert!(read_bytes(bytes, &changed).is_none());

    // One phrase fewer.
    let mut fewer = make_input();
    let list = fewer.lists.iter_mut().find(|l| l.len() > 1).unwrap();
    list.pop();
    assert!(read_bytes(bytes, &fewer).is_none());

    // Bytes cut short, or not there at all.
    assert!(read_bytes(&bytes[..bytes.len() / 2], &input).is_none());
    assert!(read_bytes(&bytes[..bytes.len() - 1], &input).is_none());
    assert!(read_bytes(&[], &input).is_none());
}

/// A matcher of no phrases has no automaton: its bytes end with its form, unpadded, and are read
/// back (they were refused where the form's end was not a multiple of four); so are the default
/// pack's bytes cut there.
#[test]
fn bytes_without_an_automaton_are_read_back() {
    let fillers: Vec<String> = Vec::new();
    let input = || MatcherInput {
        lists: vec![Vec::new()],
        list_roles: vec![u8::MAX],
        locals: Vec::new(),
        regexes: Vec::new(),
        fillers: &fillers,
    };
    let (built, bytes) = built(input());
    assert!(built.automaton.is_none());
    let read = read_bytes(bytes, &input()).expect("the bytes are read back");
    assert!(read.automaton.is_none());

    let rules = crate::default_rules();
    let compiled = Compiled::new(&rules);
    let input = matcher_input(&compiled, &rules);
    let form_len = u32::from_le_bytes(DEFAULT_PACK.0[8..12].try_into().unwrap()) as usize;
    let cut = Automaton::kept_aligned(&DEFAULT_PACK.0[..12 + form_len]);
    let read = read_bytes(cut, &input).expect("the cut bytes are read back");
    assert!(read.automaton.is_none());
}

/// Inputs that build different matchers have different fingerprints: a lexicon entry changed, a
/// word written as a stem, a list looked for only around hits, phrases in another list.
#[test]
fn fingerprints_tell_apart_inputs_that_build_different_matchers() {
    use crate::rules::phrase::{self, Item, Pattern, no_lexicons};
    let fillers: Vec<String> = Vec::new();
    let parse = |text: &str, entry: &str| {
        let mut lexicon = |name: &str| match name {
            "team" => Ok(phrase::Choice::new(vec![vec![Item::Word(entry.into())]])),
            _ => no_lexicons(name),
        };
        phrase::parse(text, &fillers, &mut lexicon).unwrap()
    };
    let of = |lists: Vec<Vec<&Pattern>>, locals: Vec<Vec<&Pattern>>| {
        fingerprint::fingerprint(&MatcherInput {
            lists,
            list_roles: Vec::new(),
            locals,
            regexes: Vec::new(),
            fillers: &fillers,
        })
    };
    let (billing, sales) = (
        parse("call {team}", "billing"),
        parse("call {team}", "sales"),
    );
    let (word, stem) = (parse("refund", ""), parse("refund*", ""));
    let base = of(vec![vec![&billing]], vec![]);
    // The same phrase parsed again, its lexicon another allocation: the same fingerprint.
    assert_eq!(
        base,
        of(vec![vec![&parse("call {team}", "billing")]], vec![])
    );
    assert_ne!(base, of(vec![vec![&sales]], vec![]));
    assert_ne!(of(vec![vec![&word]], vec![]), of(vec![vec![&stem]], vec![]));
    assert_ne!(base, of(vec![], vec![vec![&billing]]));
    assert_ne!(
        of(vec![vec![&billing], vec![]], vec![]),
        of(vec![vec![], vec![&billing]], vec![])
    );
}
