//! Fixes never write over markup or comments: a match whose words are parted by Markdown (`**`,
//! a link's `[`), by an HTML comment or a link's target the turn's text leaves out, or by a JSON
//! escape or a caption's line break, is reported and left as it is (one edit from its first
//! byte to its last would leave `**` unclosed or write the comment away); markup around a match
//! stays where it is.

use crate::support::{check_in, write};

/// Rule files, each of one rule.
const RULES: [(&str, &str); 2] = [
    (
        "call.yaml",
        "rules: [{id: t/call, phrases: [call the help desk], replace: let us help}]",
    ),
    (
        "desk.yaml",
        "rules: [{id: t/desk, phrases: [help desk], replace: support team}]",
    ),
];

/// Writes the files of `RULES` into `dir`.
fn write_rules(dir: &std::path::Path) {
    for (name, text) in RULES {
        write(dir, name, text);
    }
}

#[test]
fn a_match_through_markup_or_a_comment_is_reported_not_fixed() {
    let dir = tempfile::tempdir().unwrap();
    write_rules(dir.path());
    let files = [
        (
            "np.md",
            "**No** problem, happy to help!\n",
            "enthusiasm/no-problem",
        ),
        (
            "link.md",
            "Please call the [help desk](https://x.example/hd) today.\n",
            "t/call",
        ),
        (
            "comment.md",
            "Call the help <!-- c --> desk now.\n",
            "t/desk",
        ),
        ("quote.md", "> Call the help\n> desk now.\n", "t/desk"),
    ];
    for (name, text, rule) in files {
        let path = write(dir.path(), name, text);
        let pack: &[&str] = match rule {
            "t/call" => &["-r", "call.yaml"],
            "t/desk" => &["-r", "desk.yaml"],
            _ => &[],
        };
        let (code, out, err) = check_in(dir.path(), &[pack, &["--diff", name]].concat());
        assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""), "{name}");
        let (_, _, err) = check_in(dir.path(), &[pack, &["--fix", name]].concat());
        assert!(!err.contains("fixed:"), "{name}: {err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "{name}");
        let (_, report, _) = check_in(dir.path(), &[pack, &["-f", "json", name]].concat());
        let hit = format!("\"rule\":\"{rule}\"");
        assert!(report.contains(&hit), "{name}: still a finding: {report}");
    }
}

#[test]
fn markup_around_a_match_stays() {
    let dir = tempfile::tempdir().unwrap();
    write_rules(dir.path());
    let text = "**No problem**, happy to help!\n\nCall the [help desk](https://x.example/hd) \
                or the help desk<!-- c --> now.\n";
    let path = write(dir.path(), "a.md", text);
    let (code, _, err) = check_in(dir.path(), &["--fix", "a.md"]);
    assert!(code != 2 && err.contains("a.md: 1 match replaced"), "{err}");
    let (code, _, err) = check_in(dir.path(), &["-r", "desk.yaml", "--fix", "a.md"]);
    assert!(
        code != 2 && err.contains("a.md: 2 matches replaced"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "**My pleasure**, happy to help!\n\nCall the [support team](https://x.example/hd) \
         or the support team<!-- c --> now.\n"
    );
}

/// JSON and captions are never rewritten, and their pending fixes are said: a match through an
/// escape or a cue's line break is no pending fix, since it could not be made either.
#[test]
fn a_match_through_an_escape_or_a_cue_break_is_no_pending_fix() {
    let dir = tempfile::tempdir().unwrap();
    write_rules(dir.path());
    let files = [
        (
            "chat.json",
            r#"[{"role":"agent","text":"Call the help\ndesk."}]"#,
        ),
        (
            "call.vtt",
            "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Agent>Call the help\ndesk.\n",
        ),
    ];
    for (name, text) in files {
        write(dir.path(), name, text);
        let (code, out, err) = check_in(dir.path(), &["-r", "call.yaml", "--diff", name]);
        assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""), "{name}");
        let (_, report, _) = check_in(dir.path(), &["-r", "call.yaml", "-f", "json", name]);
        assert!(report.contains("\"rule\":\"t/call\""), "{name}: {report}");
    }
}
