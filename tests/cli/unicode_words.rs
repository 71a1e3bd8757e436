//! Words in every script: punctuation of other scripts parts words as ASCII punctuation does,
//! case folding finds the Greek, Turkish and German words written in capitals, invisible
//! characters inside a word do not split it, and a combining accent is its composed letter.

use crate::support::{run, talklint, write};

/// The findings of one `check` of `lines` (one `Agent:` turn each) against a rule of `phrases`:
/// for each, its line, column and the original text matched.
pub(crate) fn matches(phrases: &[&str], lines: &[&str]) -> Vec<(u64, u64, String)> {
    let dir = tempfile::tempdir().expect("temporary folder");
    // Single-quoted YAML: no escapes, a quote written twice.
    let list: Vec<String> = phrases
        .iter()
        .map(|p| format!("'{}'", p.replace('\'', "''")))
        .collect();
    let rules = format!("rules:\n  - id: t/x\n    phrases: [{}]\n", list.join(", "));
    let turns: String = lines.iter().map(|l| format!("Agent: {l}\n")).collect();
    let (code, out, err) = json_check(dir.path(), &rules, &turns);
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).expect("JSON report");
    let findings = report["conversations"][0]["findings"].as_array().cloned();
    findings
        .unwrap_or_default()
        .iter()
        .map(|f| {
            let n = |key: &str| f[key].as_u64().unwrap_or_default();
            let text = f["match"].as_str().unwrap_or_default().to_string();
            (n("line"), n("column"), text)
        })
        .collect()
}

/// `check --format json --exit-zero` of the rule file `rules` on a text file holding
/// `text`, both written in `dir`: exit code, output and errors.
fn json_check(dir: &std::path::Path, rules: &str, text: &str) -> (i32, String, String) {
    let rules = write(dir, "r.yaml", rules);
    let text = write(dir, "t.txt", text);
    run(talklint()
        .args(crate::support::JSON_CHECK)
        .arg("-r")
        .arg(&rules)
        .arg(&text))
}

/// The lines of `matches` that hold a finding.
fn lines_found(phrases: &[&str], lines: &[&str]) -> Vec<u64> {
    matches(phrases, lines).into_iter().map(|m| m.0).collect()
}

#[test]
fn punctuation_of_other_scripts_ends_a_word() {
    let lines = [
        "not my department？",
        "not my department：ok",
        "not my department；really",
        "「not my department」",
        "not my department。",
    ];
    assert_eq!(lines_found(&["not my department"], &lines), [1, 2, 3, 4, 5]);
    let found = matches(
        &["لا أستطيع"],
        &["لا أستطيع؟", "لا أستطيع، آسف", "لا أستطيع؛ آسف"],
    );
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[1], (2, 8, "لا أستطيع".to_string()));
    let found = matches(
        &["यह मेरी समस्या नहीं"],
        &["यह मेरी समस्या नहीं।", "यह मेरी समस्या नहीं॥"],
    );
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn a_sentence_ends_at_the_punctuation_of_other_scripts() {
    let lines = [
        "I don't know。 Bye",
        "I don't know？ Bye",
        "I don't know। Bye",
    ];
    assert_eq!(lines_found(&["i (do not|don't) know $"], &lines), [1, 2, 3]);
    assert_eq!(
        lines_found(&["i (do not|don't) know $"], &["I don't know you"]),
        [0; 0]
    );
}

#[test]
fn greek_capitals_match_a_final_sigma() {
    let found = matches(
        &["σας παρακαλώ"],
        &["ΣΑΣ ΠΑΡΑΚΑΛΏ", "σας παρακαλώ", "Σας παρακαλώ"],
    );
    assert_eq!(found.len(), 3, "{found:?}");
    assert_eq!(found[0], (1, 8, "ΣΑΣ ΠΑΡΑΚΑΛΏ".to_string()));
    // The phrase written in capitals too.
    assert_eq!(lines_found(&["ΣΑΣ ΠΑΡΑΚΑΛΩ"], &["σας παρακαλω"]), [1]);
}

#[test]
fn a_dotted_capital_i_is_i() {
    assert_eq!(lines_found(&["iade"], &["İade yok", "iade yok"]), [1, 2]);
    let found = matches(&["iade*"], &["İadeniz yapıldı"]);
    assert_eq!(found, [(1, 8, "İadeniz".to_string())]);
}

#[test]
fn sharp_s_is_ss_and_full_width_letters_are_ascii() {
    assert_eq!(
        lines_found(&["straße"], &["STRASSE", "Strasse", "Straße"]),
        [1, 2, 3]
    );
    assert_eq!(lines_found(&["strasse"], &["Straße"]), [1]);
    let found = matches(
        &["not my department"],
        &["ＮＯＴ ＭＹ ｄｅｐａｒｔｍｅｎｔ"],
    );
    assert_eq!(
        found,
        [(1, 8, "ＮＯＴ ＭＹ ｄｅｐａｒｔｍｅｎｔ".to_string())]
    );
}

#[test]
fn invisible_characters_do_not_split_a_word() {
    let lines = [
        "not my depart\u{200B}ment",
        "not my de\u{00AD}part\u{00AD}ment",
        "not my depart\u{2060}ment",
        "not my depart\u{FEFF}ment",
    ];
    assert_eq!(lines_found(&["not my department"], &lines), [1, 2, 3, 4]);
    // The match ends at the word's last letter, not at an invisible character after it.
    let found = matches(&["department"], &["department\u{200B} ok"]);
    assert_eq!(found, [(1, 8, "department".to_string())]);
}

#[test]
fn a_run_of_a_script_without_spaces_is_one_word() {
    // Documented in README: Japanese, Chinese and Thai words are not told apart, so a phrase
    // matches a whole run between punctuation or spaces, and `regex:` finds a word inside one.
    let lines = ["少々お待ちください。", "「お待ち」ください"];
    assert_eq!(lines_found(&["お待ち"], &lines), [2]);
    let dir = tempfile::tempdir().expect("temporary folder");
    let (_, out, err) = json_check(
        dir.path(),
        "rules:\n  - id: t/x\n    regex: ['お待ち']\n",
        "Agent: 少々お待ちください。\n",
    );
    assert!(
        out.contains(r#""column":10,"end_line":1,"end_column":13"#),
        "{out}{err}"
    );
}

#[test]
fn a_phrase_in_a_script_without_spaces_is_warned_of() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let rules = "rules:\n  - id: t/x\n    phrases: [\"お待ち\", \"not my job\"]\n";
    let rules = write(dir.path(), "r.yaml", rules);
    let text = write(dir.path(), "t.txt", "Agent: 「お待ち」\n");
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "-q", "--exit-zero", "-r"])
        .arg(&rules)
        .arg(&text));
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Avoid “お待ち”"), "{out}");
    assert!(
        err.contains("rule `t/x`: its phrase `お待ち` holds `お`") && err.contains("`regex:`"),
        "{err}"
    );
    assert_eq!(err.matches("warning").count(), 1, "{err}");
}

#[test]
fn marks_written_inside_a_word_do_not_split_it() {
    // Hebrew's geresh, Armenian's question mark, and `々`, a letter among CJK punctuation.
    let lines = ["בצ׳אט", "Ինչո՞ւ", "少々お待ちください"];
    assert_eq!(
        lines_found(&["אט", "ւ", "お待ちください"], &lines),
        [0u64; 0]
    );
    assert_eq!(lines_found(&["בצ׳אט", "Ինչո՞ւ"], &lines), [1, 2]);
}

#[test]
fn a_decomposed_accent_matches_the_composed_letter_both_ways() {
    // `e` + U+0301 was another word than `é`: the README said to convert files to NFC first.
    let found = matches(
        &["désolé", "cafe\u{301}"],
        &["Je suis de\u{301}sole\u{301}.", "Un café ? DÉSOLÉ."],
    );
    let expected = [
        (1, 16, "de\u{301}sole\u{301}"),
        (2, 11, "café"),
        (2, 18, "DÉSOLÉ"),
    ];
    let expected: Vec<(u64, u64, String)> = expected
        .iter()
        .map(|&(l, c, m)| (l, c, m.to_string()))
        .collect();
    assert_eq!(found, expected);
}

/// A word is read as NFC writes it: Korean typed in jamo (as macOS saves it), marks typed in
/// another order (Hebrew's shin dot and vowel, Vietnamese's `ệ`), and a letter NFC writes apart
/// (Hindi's `फ़`, U+095E, is `फ` and a nukta). Each missed the other spelling.
#[test]
fn a_word_in_another_canonical_spelling_matches() {
    let lines = [
        "\u{110c}\u{1175}\u{11ab}\u{110c}\u{1165}\u{11bc}\u{1112}\u{1162}",
        "\u{5e9}\u{5b8}\u{5c1}\u{5dc}\u{5d5}\u{5b9}\u{5dd}",
        "vie\u{323}\u{302}t",
        "मा\u{92b}\u{93c}ी",
    ];
    let phrases = [
        "진정해",
        "\u{5e9}\u{5c1}\u{5b8}\u{5dc}\u{5d5}\u{5b9}\u{5dd}",
        "vie\u{302}\u{323}t",
        "मा\u{95e}ी",
    ];
    assert_eq!(lines_found(&phrases, &lines), [1, 2, 3, 4]);
}

/// Arabic's vowel marks and tatweel, and Hebrew's points, are written or left out as the writer
/// likes: a phrase matches either spelling, written either way, and the match is the text as
/// written.
#[test]
fn arabic_vowel_marks_and_hebrew_points_may_be_left_out() {
    let lines = [
        "لَا أَعْرِفُ",
        "لا أعـــرف",
        "لا أعرف",
        "לא, אֵין לִי מוּשָּׂג",
        "אין לי מושג",
    ];
    let plain = ["لا أعرف", "אין לי מושג"];
    assert_eq!(lines_found(&plain, &lines), [1, 2, 3, 4, 5]);
    let pointed = ["لَا أَعْرِفُ", "אֵין לִי מוּשָּׂג"];
    assert_eq!(lines_found(&pointed, &lines), [1, 2, 3, 4, 5]);
    let found = matches(&plain, &[lines[1]]);
    assert_eq!(found, [(1, 8, lines[1].to_string())]);
    // A mark is no word of its own: a line of tatweel alone, or of a shadda, holds no phrase,
    // and one between two words parts them no more than a zero-width space does.
    let none = Vec::<u64>::new();
    assert_eq!(lines_found(&plain, &["ـــــ", "\u{651}"]), none);
    assert_eq!(lines_found(&plain, &["لا ـــ أعرف", "אין ֑ לי מושג"]), [1, 2]);
    assert_eq!(lines_found(&["لا * أعرف"], &["لا ـــ أعرف"]), none);
}

/// Half-width katakana, as older Japanese systems write it, is its full-width letters, its
/// voiced marks composed with their letter: `ｶｰﾄﾞ` is `カード`, either way round.
#[test]
fn half_width_katakana_matches_its_full_width_spelling() {
    let lines = ["ｶｰﾄﾞ", "カード", "ｶｰﾄ"];
    assert_eq!(lines_found(&["カード"], &lines), [1, 2]);
    assert_eq!(lines_found(&["ｶｰﾄﾞ"], &lines), [1, 2]);
    assert_eq!(
        matches(&["カード"], &[lines[0]]),
        [(1, 8, lines[0].to_string())]
    );
}

/// A lexicon's entry in a script without spaces matches only a whole run too: it was warned of
/// only when written in a phrase, not in a rule file's `lexicons:` or a config's.
#[test]
fn a_lexicon_entry_in_a_script_without_spaces_is_warned_of() {
    let dir = tempfile::tempdir().expect("temporary folder");
    // A comment and another name that end in `deflect:` come first.
    let rules = "lexicons:\n  # deflect: no\n  my_deflect: [x]\n  deflect: [\"担当外\", \"not my job\"]\n\
                 rules:\n  - id: t/x\n    phrases: [\"{deflect}\", \"{team}\", \"{my_deflect}\"]\n";
    write(dir.path(), "r.yaml", rules);
    let config = "rules: [r.yaml]\nlexicons:\n  team: [\"お客様係\"]\n";
    write(dir.path(), "talklint.yaml", config);
    write(dir.path(), "t.txt", "Agent: それは担当外です。\n");
    let (code, out, err) =
        run(talklint()
            .current_dir(dir.path())
            .args(["check", "-q", "--exit-zero", "t.txt"]));
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        err.contains("r.yaml:4:14: lexicon `deflect`: its entry `担当外` holds `担`"),
        "{err}"
    );
    assert!(
        err.contains("talklint.yaml:3:11: lexicon `team`: its entry `お客様係` holds `お`"),
        "{err}"
    );
    assert_eq!(err.matches("warning").count(), 2, "{err}");
}

/// The pieces of a word read as NFC keep their places: a match after an elision (`l’équipe`,
/// the accent typed apart) took the elided article in, and a fix deleted it.
#[test]
fn a_decomposed_word_keeps_the_places_of_its_pieces() {
    let line = "je vais contacter l’e\u{301}quipe demain";
    let found = matches(&["équipe"], &[line]);
    assert_eq!(found, [(1, 28, "e\u{301}quipe".to_string())]);
    let dir = tempfile::tempdir().expect("temporary folder");
    let rules = "rules:\n  - {id: t/x, phrases: [équipe], replace: agence}\n";
    write(dir.path(), "r.yaml", rules);
    write(dir.path(), "t.txt", &format!("Agent: {line}\n"));
    let (_, out, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "-r",
        "r.yaml",
        "--diff",
        "t.txt",
    ]));
    assert!(
        out.contains("+Agent: je vais contacter l’agence demain"),
        "{out}{err}"
    );
}

/// A change to or from a script written without spaces parts words, as Japanese chat writes
/// English words joined to its own: `calm downです` was one word `downです`, and the phrase missed.
#[test]
fn english_joined_to_japanese_is_its_own_word() {
    let lines = ["calm downです", "日本語calm down", "少々calm down"];
    assert_eq!(lines_found(&["calm down"], &lines), [1, 2, 3]);
    // A run of the script is still one word.
    assert_eq!(lines_found(&["待ち"], &["少々お待ちください"]), [0u64; 0]);
}
