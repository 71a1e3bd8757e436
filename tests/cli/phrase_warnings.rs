//! The warnings for phrases that load but do not match as they read (a script without spaces,
//! an escaped punctuation mark) cover every place a phrase is written, each at the phrase's own
//! line and column: `phrases`, `unless`, `near`, `not_near`, `after` and `when` conditions.

use crate::support::{run, talklint, write};

/// The warnings of `talklint check` with the rule file `rules`, one line each.
fn warnings(rules: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.yaml", rules);
    write(dir.path(), "c.txt", "Customer: 苦情があります\n");
    let (code, _, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "-q",
        "-r",
        "r.yaml",
        "c.txt",
    ]));
    assert_eq!(code, 0, "{err}");
    err.lines()
        .filter_map(|l| l.strip_prefix("warning: "))
        .map(|l| l.split(": its phrase").next().unwrap_or(l).to_string())
        .collect()
}

#[test]
fn a_phrase_of_a_script_without_spaces_is_warned_of_wherever_it_is_written() {
    let rules = "rules:
  - id: x/when
    kind: tag
    when: {all: [{speaker: any, phrases: [\"苦情\"]}]}
  - id: x/more
    phrases: [hello]
    unless: ['お待ち']
    near: {phrases: [ご注文], words: 3}
    not_near: {phrases: [\"ไทย\"], words: 3}
    after: {speaker: customer, phrases: ['請求'], within_turns: 2}
";
    assert_eq!(
        warnings(rules),
        [
            "r.yaml:4:44: rule `x/when`",
            "r.yaml:7:15: rule `x/more`",
            "r.yaml:8:22: rule `x/more`",
            "r.yaml:9:27: rule `x/more`",
            "r.yaml:10:43: rule `x/more`",
        ]
    );
}

#[test]
fn an_escaped_punctuation_mark_is_warned_of_wherever_it_is_written() {
    let rules = "rules:
  - id: x/p
    phrases: [hello]
    near: {phrases: ['press \\*'], words: 3}
  - id: x/w
    kind: tag
    when:
      any:
        - {speaker: any, phrases: ['option \\(a\\)']}
";
    assert_eq!(
        warnings(rules),
        ["r.yaml:4:23: rule `x/p`", "r.yaml:9:37: rule `x/w`"]
    );
}

/// German `um` is an English filler: `ich kümmere mich um` matched `Ich kümmere mich.` without a
/// word said. The warning says so, and how to give the pack its own language's fillers; with
/// them, the phrase needs its `um` and is not warned of.
#[test]
fn a_phrase_holding_a_filler_word_is_warned_of() {
    let dir = tempfile::tempdir().unwrap();
    let rules = "rules:\n  - id: de/um\n    phrases: [\"ich kümmere mich um\"]\n";
    write(dir.path(), "r.yaml", rules);
    write(dir.path(), "c.txt", "Berater: Ich kümmere mich.\n");
    let check = |config: &str| {
        write(dir.path(), "talklint.yaml", config);
        let (_, out, err) = run(talklint().current_dir(dir.path()).args([
            "check",
            "-f",
            "json",
            "--exit-zero",
            "-r",
            "r.yaml",
            "c.txt",
        ]));
        let report: serde_json::Value = serde_json::from_str(&out).unwrap();
        (report["summary"]["findings"]["warning"].clone(), err)
    };
    let (findings, err) = check("{}\n");
    assert_eq!(findings, 1, "{err}");
    assert!(
        err.contains(
            "warning: r.yaml:3:16: rule `de/um`: its phrase `ich kümmere mich um` holds `um`, a \
             filler word"
        ) && err.contains("the config's `fillers:` (`fillers: [äh, ähm]`)"),
        "{err}"
    );
    let (findings, err) = check("fillers: [äh, ähm]\n");
    assert_eq!(findings, 0, "{err}");
    assert!(!err.contains("filler word"), "{err}");
}

/// An emoji in a phrase is no word (`calm down 😡` matched `calm down`, in silence); a phrase of
/// letters of other scripts or Spanish punctuation is no emoji.
#[test]
fn a_phrase_that_holds_an_emoji_is_warned_of() {
    let rules = "rules:
  - id: x/emoji
    phrases: [\"calm down 😡\", \"¿algo más?\", \"thanks ❤ again\", \"𠮷野家\", \"wait ⏰ please\"]
";
    assert_eq!(
        warnings(rules),
        [
            "r.yaml:3:16: rule `x/emoji`",
            "r.yaml:3:45: rule `x/emoji`",
            // A letter of a script without spaces (CJK Extension B), no emoji.
            "r.yaml:3:63: rule `x/emoji`",
            "r.yaml:3:70: rule `x/emoji`"
        ]
    );
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.yaml", rules);
    write(dir.path(), "c.txt", "Agent: hi\n");
    let (_, _, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "-r",
        "r.yaml",
        "c.txt",
    ]));
    assert!(
        err.contains("`𠮷野家` holds `𠮷`, of a script written"),
        "{err}"
    );
    assert_eq!(err.matches("which is no word").count(), 3, "{err}");
}

/// A symbol that means something (`100%`, `C#`) parts words as punctuation does: `100%` matched
/// `100 dollars`, `C#` every `c`, and a fix of `100%` wrote `fully%`. Said when the rules load.
#[test]
fn a_phrase_that_holds_a_symbol_is_warned_of() {
    let rules = "rules:
  - id: x/symbols
    phrases: [\"100%\", \"C#\", \"AT&T\", \"e-mail\", \"U.S. office\", \"can I help?\"]
";
    assert_eq!(
        warnings(rules),
        [
            "r.yaml:3:16: rule `x/symbols`",
            "r.yaml:3:24: rule `x/symbols`",
            "r.yaml:3:30: rule `x/symbols`",
        ]
    );
    // So is a lexicon's entry, as its script or its filler words are, at the entry.
    let rules = "lexicons:
  carrier: [\"AT&T\", \"verizon\", \"ok 😡\", \"press \\\\*\"]
rules:
  - id: x/switch
    phrases: [\"switch to {carrier}\"]
";
    let said: Vec<String> = (warnings(rules).iter())
        .map(|w| w.split(": its entry").next().unwrap_or(w).to_string())
        .collect();
    assert_eq!(
        said,
        [
            "r.yaml:2:14: lexicon `carrier`",
            "r.yaml:2:33: lexicon `carrier`",
            "r.yaml:2:41: lexicon `carrier`",
        ]
    );
}
