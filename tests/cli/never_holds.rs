//! Rule keys that could never change what a rule finds are rule errors at their key, with a fix:
//! an empty `unless` list, a talk share that never holds or always does, and a phrase that uses a
//! lexicon with no entries (unless the config adds some), an alternative or group with nothing in
//! it. A lexicon cycle says how to break it.

use crate::support::{rule_error, run, talklint, write};

#[test]
fn an_empty_unless_list_is_an_error_at_its_key() {
    // `unless: []` loaded as no `unless` at all, while `phrases: []` and `speaker: []` were errors.
    for (rule, place) in [
        (
            "  - id: test/calm\n    phrases: [calm down]\n    unless: []\n",
            "4:5",
        ),
        (
            "  - id: test/calm\n    when:\n      all:\n        - phrases: [please]\n          unless: []\n",
            "6:11",
        ),
    ] {
        let err = rule_error(&format!("rules:\n{rule}"));
        assert!(
            err.contains(&format!(
                "r.yaml:{place}: `unless: []` lists no phrase, so it never drops a hit"
            )),
            "{err}"
        );
    }
}

/// An empty alternative made its group optional: `(calm|relax|) down` matched "down" alone, and
/// `please () down` read as "please down", without a word.
#[test]
fn an_alternative_or_group_with_nothing_in_it_is_an_error_at_its_place() {
    for (phrase, place, message) in [
        (
            "(calm|relax|) down",
            "3:27",
            "a `|` beside an alternative with no word in it",
        ),
        ("please () down", "3:23", "`()` holds nothing"),
    ] {
        let err = rule_error(&format!(
            "rules:\n  - id: t/x\n    phrases: [\"{phrase}\"]\n"
        ));
        assert!(err.contains(&format!("r.yaml:{place}: phrase")), "{err}");
        assert!(err.contains(message), "{err}");
    }
}

/// `near: []` and `not_near: []` were read as no `near`, where `near: {phrases: []}` and an
/// empty `all` are errors.
#[test]
fn an_empty_near_list_is_an_error_at_its_key() {
    for (rule, message) in [
        (
            "  - id: test/calm\n    phrases: [calm down]\n    near: []\n",
            "r.yaml:4:5: `near: []` lists no condition, so it never judges a hit",
        ),
        (
            "  - id: test/calm\n    kind: tag\n    when: {phrases: [please], not_near: []}\n",
            "r.yaml:4:31: `not_near: []` lists no condition, so it never judges a hit",
        ),
    ] {
        let err = rule_error(&format!("rules:\n{rule}"));
        assert!(err.contains(message), "{err}");
    }
}

#[test]
fn a_talk_share_that_never_varies_is_an_error_at_its_value() {
    for (keys, message) in [
        (
            "speaker: any\n    timing: {talk_share_above: 0.7}",
            "`talk_share_above` of `speaker: any` measures every speaker's talk, whose share is always 1",
        ),
        (
            "speaker: agent\n    timing: {talk_share_below: 0}",
            "`talk_share_below: 0` never holds: no share is below 0",
        ),
        (
            "speaker: customer\n    timing: {talk_share_above: 1}",
            "`talk_share_above: 1` never holds: no share is above 1",
        ),
    ] {
        let err = rule_error(&format!(
            "rules:\n  - id: test/share\n    kind: tag\n    {keys}\n"
        ));
        assert!(err.contains(&format!("r.yaml:5:32: {message}")), "{err}");
    }
}

#[test]
fn a_phrase_of_an_empty_lexicon_is_an_error_unless_the_config_fills_it() {
    let pack = "lexicons: {team: []}\nrules:\n  - id: test/send\n    phrases: [\"call {team}\"]\n";
    let err = rule_error(pack);
    assert!(
        err.contains(
            "r.yaml:4:21: phrase \"call {team}\": lexicon `{team}` has no entries, so this can \
             never match"
        ),
        "{err}"
    );
    // A config that adds entries to the list makes the phrase one that matches.
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.yaml", pack);
    write(
        dir.path(),
        "talklint.yaml",
        "rules: [r.yaml]\nlexicons: {team: [billing team]}\n",
    );
    write(dir.path(), "c.txt", "Agent: call billing team\n");
    let (code, out, err) = run(talklint().current_dir(dir.path()).args(["check", "c.txt"]));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("warning[test/send]"), "{out}{err}");
}

/// A cycle that a config's entries close through the pack's lexicons is reported where it closes,
/// and its help names each use on it with its file, the config's too: it named the rule file
/// alone, with the help every lexicon entry gets.
#[test]
fn a_lexicon_cycle_names_each_use_and_its_file() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "lex.yaml",
        "lexicons:\n  other_party: [billing, \"{maker}\"]\nrules:\n  - id: t/call\n    phrases: [\"call {other_party}\"]\n",
    );
    write(
        dir.path(),
        "talklint.yaml",
        "rules: [lex.yaml]\nlexicons: {maker: [\"{other_party}\"]}\n",
    );
    write(dir.path(), "a.txt", "Agent: hi\n");
    let (code, _, err) = run(talklint().current_dir(dir.path()).args(["check", "a.txt"]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("lex.yaml:2:27: lexicon `other_party`, entry \"{maker}\": a lexicon cycle: maker → other_party → maker"),
        "{err}"
    );
    assert!(
        err.contains("help: a lexicon cannot use itself, even through others: remove one of these uses: `maker` uses `{other_party}` in "),
        "{err}"
    );
    assert!(
        err.contains("talklint.yaml; `other_party` uses `{maker}` in "),
        "{err}"
    );
}

/// A pack loaded twice lists every mistake in one run, in the order written, each with where the
/// first definition is: the repeated lexicons stopped the load (in name order, "already defined
/// in qa.yaml" with no line), and the repeated ids showed only once they were fixed.
#[test]
fn a_pack_loaded_twice_names_each_repeat_at_both_places_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let pack = "lexicons:\n  zeta: [one]\n  alpha: [two]\nrules:\n  - id: t/a\n    \
                phrases: [\"{zeta} thing\"]\n";
    write(dir.path(), "qa.yaml", pack);
    write(dir.path(), "copy.yaml", pack);
    write(dir.path(), "a.txt", "Agent: hi\n");
    let (code, _, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "-r",
        "qa.yaml",
        "-r",
        "copy.yaml",
        "a.txt",
    ]));
    assert_eq!(code, 2, "{err}");
    let said: Vec<&str> = err.lines().filter(|l| l.starts_with("error: ")).collect();
    assert_eq!(
        said,
        [
            "error: copy.yaml:2:3: lexicon `zeta` is already defined at qa.yaml:2:3",
            "error: copy.yaml:3:3: lexicon `alpha` is already defined at qa.yaml:3:3",
            "error: copy.yaml:5:9: duplicate rule id `t/a`: already defined at qa.yaml:5:9",
        ],
        "{err}"
    );
    // Said so by every command that loads rules (`test` said "nothing was checked").
    let (code, _, tested) =
        run(talklint()
            .current_dir(dir.path())
            .args(["test", "qa.yaml", "copy.yaml"]));
    assert_eq!(code, 2, "{tested}");
    for said in [&err, &tested] {
        assert!(
            said.ends_with("\n3 rule errors; no rule was loaded.\n"),
            "{said}"
        );
    }
}

/// A lexicon entry that holds a filler (`uh oh`, `uh` a filler) is warned of at the entry, as a
/// phrase that holds one is: it matched every "oh", and no warning said so (the built-in
/// pack's own `acknowledgement` held one).
#[test]
fn a_lexicon_entry_that_holds_a_filler_is_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "lexicons:\n  ack: [\"(oh no|uh oh)\"]\nrules:\n  - id: t/ack\n    kind: reward\n    \
                 phrases: [\"{ack}\"]\n";
    write(dir.path(), "r.yaml", rules);
    write(dir.path(), "a.txt", "Agent: Oh, I see.\n");
    let (_, _, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "-r",
        "r.yaml",
        "a.txt",
    ]));
    assert!(
        err.contains(
            "r.yaml:2:10: lexicon `ack`: its entry `(oh no|uh oh)` holds `uh`, a filler word"
        ),
        "{err}"
    );
    // The built-in pack holds none.
    let (_, _, err) =
        run(talklint()
            .current_dir(dir.path())
            .args(["check", "--no-config", "a.txt"]));
    assert!(!err.contains("filler"), "{err}");
}
