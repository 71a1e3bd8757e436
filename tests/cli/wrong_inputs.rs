//! A command given the wrong kind of input says what it takes: `import` a transcript, `eval` its
//! labels on standard input, `-r` a transcript or a folder of cloud exports, a CCAI query that is a number, an AWS
//! range of nothing, an unknown key of a cloud export.

use crate::support::{run, talklint, write};

#[test]
fn import_of_a_transcript_or_a_rule_file_says_which_command_takes_it() {
    let dir = tempfile::tempdir().unwrap();
    let call = write(dir.path(), "call.txt", "Agent: hello\n");
    let rules = write(dir.path(), "r.yaml", "rules: [{id: a/b, phrases: [x]}]\n");
    let (code, _, err) = run(talklint().arg("import").arg(&call));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("help: name the .json files of AWS categories or CCAI phrase matchers; a transcript is checked with `talklint check`"), "{err}");
    let (code, _, err) = run(talklint().arg("import").arg(&rules));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("help: YAML rule files are talklint's own"),
        "{err}"
    );
}

/// A transcript or a cloud export without its `.json` given to `-r` said only that its first
/// key (`Agent`, `Categories`) is no key of a rule file; a rule file named `.txt` still loads.
#[test]
fn a_transcript_given_as_rules_says_it_is_a_transcript() {
    let dir = tempfile::tempdir().unwrap();
    let call = write(dir.path(), "call.txt", "Agent: calm down\nCustomer: ok\n");
    let (code, _, err) = run(talklint().args(["check", "-r"]).arg(&call).arg(&call));
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("call.txt:1:1: unknown field `Agent`"), "{err}");
    assert!(
        err.contains("call.txt is named as a text transcript, not a rule file: rule files (`-r`, `--rules`) are YAML"),
        "{err}"
    );
    // A cloud export saved without its `.json` said only that `Categories` is no key.
    let export = std::fs::read_to_string("fixtures/rules/cloud/aws-categories.json").unwrap();
    let cats = write(dir.path(), "cats", &export);
    let (code, _, err) = run(talklint().args(["check", "-r"]).arg(&cats).arg(&call));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("cats holds cloud rules (AWS categories or CCAI phrase matchers), which talklint reads from a file named `.json`"),
        "{err}"
    );
    let renamed = cats.with_extension("json");
    assert!(
        err.contains(&format!("rename it to `{}`", renamed.display())),
        "{err}"
    );
    // The help leads somewhere: import too reads it once renamed, not before.
    let (code, _, _) = run(talklint().args(["import"]).arg(&cats));
    assert_eq!(code, 2);
    std::fs::copy(&cats, &renamed).unwrap();
    let (code, out, err) = run(talklint().args(["import"]).arg(&renamed));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("rules:"), "{out}");
    let rules = write(
        dir.path(),
        "rules.txt",
        "rules: [{id: a/b, phrases: [calm down]}]\n",
    );
    let (code, out, err) = run(talklint().args(["check", "-r"]).arg(&rules).arg(&call));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("a/b"), "{out}");
}

#[test]
fn eval_labels_on_standard_input_say_they_are_a_file() {
    let (code, _, err) = run(talklint()
        .args(["eval", "--labels", "-", "fixtures/calls"])
        .write_stdin("path,respect\n"));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("the labels are read from a file, not standard input\n  help: save them"),
        "it said `cannot read -: No such file or directory`: {err}"
    );
}

#[test]
fn a_rules_folder_of_cloud_exports_says_to_name_them_or_import_them() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("exports")).unwrap();
    write(dir.path(), "exports/cats.json", "{\"Categories\": []}\n");
    write(dir.path(), "call.txt", "Agent: hello\n");
    let (code, _, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "-r",
        "exports",
        "call.txt",
    ]));
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "exports:1:1: the folder holds no .yaml or .yml rule files\n  help: its .json files \
             are read only where each is named (`-r exports/cats.json`), or imported once: \
             `talklint import exports/*.json > rules.yaml`"
        ),
        "{err}"
    );
}

#[test]
fn a_ccai_query_that_is_no_string_is_named_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let matcher = write(
        dir.path(),
        "m.json",
        r#"{"phraseMatchers":[{"displayName":"x","type":"ANY_OF","phraseMatchRuleGroups":[{"type":"ANY_OF","phraseMatchRules":[{"query":42}]}]}]}"#,
    );
    let (code, _, err) = run(talklint().arg("import").arg(&matcher));
    assert_eq!(code, 2, "{err}");
    // It said "`the query` must be …", quoting prose as a key.
    assert!(
        err.contains(":1:126: the query must be a string in double quotes, not a number"),
        "{err}"
    );
}

#[test]
fn an_aws_range_of_nothing_says_what_to_write() {
    let dir = tempfile::tempdir().unwrap();
    let category = write(
        dir.path(),
        "c.json",
        r#"{"CategoryProperties":{"CategoryName":"x","Rules":[{"TranscriptFilter":{"TranscriptFilterType":"EXACT","Targets":["hi"],"RelativeTimeRange":{"First":0}}}]}}"#,
    );
    let (code, _, err) = run(talklint().arg("import").arg(&category));
    assert_eq!(code, 2, "{err}");
    // Its help said "percent from 0 to 100", which 0 is.
    assert!(
        err.contains(
            "RelativeTimeRange.First is 0: the range holds nothing\n  help: write `First` as 1 \
             or more (percent up to 100), or leave out the range to search the whole call"
        ),
        "{err}"
    );
}

#[test]
fn an_unknown_top_level_key_lists_the_keys_passed_over_too() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(
        dir.path(),
        "c.json",
        "{\"NextTokn\": \"x\", \"Categories\": []}\n",
    );
    let (code, _, err) = run(talklint().arg("import").arg(&file));
    assert_eq!(code, 2, "{err}");
    // The keys it suggests were missing from the list its help gave.
    assert!(err.contains("(did you mean `NextToken`?)"), "{err}");
    assert!(
        err.contains(
            "help: the file's top-level object holds CategoryProperties, Categories, \
             phraseMatchers, and may carry NextToken, nextPageToken, ResponseMetadata, which are \
             passed over"
        ),
        "{err}"
    );
}
