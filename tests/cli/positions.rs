//! Where a finding is, as every report gives it: line and column counted as editors count them,
//! from after a byte-order mark and in the file's characters, not in the text as shown.

use crate::support::{run, talklint, write};

/// The `line:col` of the first finding in `--format github` and in the human report's `-->`.
fn places(path: &std::path::Path) -> (String, String) {
    let at = |format: &str| {
        let (_, out, err) = run(talklint()
            .args(["check", "--no-config", "--exit-zero", "--format", format])
            .arg(path));
        assert!(err.is_empty(), "{err}");
        out
    };
    let github = at("github");
    let github = github
        .split_once(",line=")
        .and_then(|(_, rest)| rest.split_once(",endLine"))
        .map(|(place, _)| place.replace(",col=", ":"))
        .unwrap_or_else(|| panic!("no annotation: {github}"));
    let human = at("human");
    let arrow = (human
        .split_once("--> ")
        .and_then(|(_, rest)| rest.lines().next()))
    .unwrap_or_else(|| panic!("no place: {human}"));
    let mut parts = arrow.rsplitn(3, ':');
    let (column, line) = (parts.next().unwrap(), parts.next().unwrap());
    let human = format!("{line}:{column}");
    (github, human)
}

#[test]
fn a_byte_order_mark_is_no_column_in_any_format() {
    let dir = tempfile::tempdir().unwrap();
    let bom = "\u{feff}";
    for (name, text, place) in [
        ("a.txt", "Agent: that is not my department\n", "1:8"),
        (
            "a.json",
            "[{\"role\":\"agent\",\"text\":\"that is not my department\"}]\n",
            "1:26",
        ),
        (
            "a.jsonl",
            "{\"role\":\"agent\",\"text\":\"that is not my department\"}\n",
            "1:25",
        ),
        (
            "a.csv",
            "role,text\nagent,that is not my department\n",
            "2:7",
        ),
        (
            "a.vtt",
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Agent>that is not my department\n",
            "4:10",
        ),
    ] {
        let plain = write(dir.path(), &format!("plain-{name}"), text);
        let marked = write(
            dir.path(),
            &format!("marked-{name}"),
            &format!("{bom}{text}"),
        );
        let expected = (place.to_string(), place.to_string());
        assert_eq!(places(&plain), expected, "{name}");
        assert_eq!(places(&marked), expected, "{name} with a byte-order mark");
    }
    let (_, out, _) = run(talklint()
        .args(["check", "--no-config", "--exit-zero"])
        .arg(dir.path().join("marked-a.txt")));
    assert!(
        out.contains("1 | Agent: that"),
        "the mark is not shown:\n{out}"
    );
}

#[test]
fn control_characters_shown_escaped_keep_the_file_column() {
    let dir = tempfile::tempdir().unwrap();
    let call = write(
        dir.path(),
        "c.txt",
        "Agent: \u{1}\u{2} that is not my department\n",
    );
    assert_eq!(places(&call), ("1:11".to_string(), "1:11".to_string()));
}

/// A match over the words of a speech-to-text file, one JSON object of several lines each, is
/// marked on its first word's line, and a note quotes it whole and says where it ends (the
/// snippet was the forty lines of JSON between them).
#[test]
fn a_match_over_many_lines_is_marked_on_its_first() {
    let dir = tempfile::tempdir().unwrap();
    let item = |word: &str, at: f64| {
        format!(
            "    {{\n      \"type\": \"pronunciation\",\n      \"start_time\": \"{at}\",\n      \
             \"end_time\": \"{}\",\n      \"alternatives\": [{{\"content\": \"{word}\"}}]\n    }}",
            at + 0.2
        )
    };
    let words = ["Please", "calm", "down"];
    let items: Vec<String> = (words.iter().enumerate())
        .map(|(i, w)| item(w, i as f64 * 0.3))
        .collect();
    let path = write(
        dir.path(),
        "call.json",
        &format!(
            "{{\"results\": {{\"items\": [\n{}\n]}}}}\n",
            items.join(",\n")
        ),
    );
    let (_, out, _) = run(talklint()
        .args(["check", "--no-config", "--color", "never"])
        .arg(&path));
    let at = out
        .find("respect/calm-down")
        .unwrap_or_else(|| panic!("{out}"));
    let report = &out[at..];
    let snippet = &report[..report.find("\n\n").unwrap_or(report.len())];
    assert!(
        snippet.contains("  --> ") && snippet.contains(":12:37\n"),
        "{snippet}"
    );
    let marked: Vec<&str> = snippet.lines().filter(|l| l.contains('^')).collect();
    assert_eq!(marked.len(), 1, "{snippet}");
    assert!(marked[0].contains("^^^^ "), "{snippet}");
    assert!(
        snippet.contains("= note: the match runs on to line 18, column 41: “calm down”"),
        "{snippet}"
    );
    // In a text file the note quotes the match on one line, not the lines it runs over.
    let path = write(
        dir.path(),
        "wrapped.txt",
        "Agent: please\ncalm\n\ndown\n\nnow\nCustomer: ok\n",
    );
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules: [{id: t/x, phrases: [please calm down now]}]",
    );
    let (_, out, _) = run(talklint()
        .args(["check", "--no-config", "--color", "never", "-r"])
        .arg(&rules)
        .arg(&path));
    assert!(
        out.contains("= note: the match runs on to line 6, column 4: “please calm down now”\n"),
        "{out}"
    );
}

/// A match that ends on an escaped character ends after the escape in the file: JSON's
/// `\u00e9` and `\"`, a CSV's doubled quote, a caption's `&amp;`. It ended where the escape
/// starts, so `café` was underlined `caf`.
#[test]
fn a_match_ending_on_an_escape_ends_after_it() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules: [{id: t/x, speaker: any, max_hits: 9, regex: ['caf.', '\"hi\"', 'A&B']}]",
    );
    let files = [
        (
            "a.json",
            "[{\"role\":\"agent\",\"text\":\"caf\\u00e9 q \\\"hi\\\"\"}]",
            &[(26, 35), (38, 44)][..],
        ),
        (
            "a.csv",
            "role,text\nagent,\"say \"\"hi\"\" now\"\n",
            &[(12, 18)][..],
        ),
        (
            "a.vtt",
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nA&amp;B ok\n",
            &[(1, 8)][..],
        ),
    ];
    for (name, text, spans) in files {
        let path = write(dir.path(), name, text);
        let (_, out, err) = run(talklint()
            .args(["check", "--no-config", "-f", "json", "-r"])
            .arg(&rules)
            .arg(&path));
        let v: serde_json::Value =
            serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}{err}"));
        let found: Vec<(u64, u64)> = (v["conversations"][0]["findings"].as_array().unwrap())
            .iter()
            .map(|f| {
                (
                    f["column"].as_u64().unwrap(),
                    f["end_column"].as_u64().unwrap(),
                )
            })
            .collect();
        assert_eq!(found, spans, "{name}: {v}");
    }
}

/// A long line of wide letters (Japanese, emoji) or of Cyrillic is cut to the columns it takes
/// on a terminal: annotate-snippets counted a wide letter as one column, drew the underline over
/// the margin and left out the match (`1......`), or cut a Cyrillic line early.
#[test]
fn a_long_line_of_wide_letters_shows_its_match_under_its_underline() {
    let dir = tempfile::tempdir().unwrap();
    let width = |c: char| match c {
        'あ' | '😀' => 2,
        _ => 1,
    };
    for (name, filler) in [("ja.txt", "あ"), ("emoji.txt", "😀"), ("ru.txt", "д")] {
        let text = format!("Agent: {} calm down, please.\n", filler.repeat(90));
        crate::support::write(dir.path(), name, &text);
        let mut cmd = crate::support::talklint();
        cmd.args(["check", "--no-config", "--color", "never"]);
        let (_, out, _) = crate::support::run(cmd.arg(dir.path().join(name)));
        let shown = out
            .lines()
            .find(|l| l.starts_with("1 | "))
            .expect("the line");
        let caret = out
            .lines()
            .find(|l| l.contains('^'))
            .expect("the underline");
        let at = shown
            .find("calm down")
            .unwrap_or_else(|| panic!("{name}: {out}"));
        let column: usize = shown[..at].chars().map(width).sum();
        assert_eq!(caret.find('^'), Some(column), "{name}: {out}");
        assert!(shown.ends_with("please."), "{name}: {out}");
        let columns: usize = shown.chars().map(width).sum();
        assert!(columns <= 140, "{name}: {out}");
    }
}

/// A match over two lines is laid out by annotate-snippets, both lines whole, whatever letters
/// they hold: the cut for wide letters counted both lines as one and cut each short.
#[test]
fn a_match_over_two_lines_shows_both_lines_whole() {
    let dir = tempfile::tempdir().unwrap();
    let text = "[00:00:09] Agent: I’m sorry to hear that, I really am. Honestly, that’s not my\n\
                department, you will need to phone back tomorrow morning when the team is in.\n";
    crate::support::write(dir.path(), "call.txt", text);
    let mut cmd = crate::support::talklint();
    cmd.args(["check", "--no-config", "--color", "never"]);
    let (_, out, _) = crate::support::run(cmd.arg(dir.path().join("call.txt")));
    for line in text.lines() {
        assert!(out.contains(line), "{out}");
    }
}
