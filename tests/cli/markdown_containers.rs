//! A code fence inside a block quote or a list item is code, as CommonMark reads it (it was
//! read as speech, linted, and `--fix` rewrote it): `> ```…`, `> > ```…`, `- ```…`. The
//! quote's or the item's end ends the code, closed or not, and what follows is read. Indented
//! code in a quote (`>     …`) is code too, as it is outside one (it was read as speech).

use crate::support::{check_in, findings, write};

/// A rule that rewrites "calm down", so that `--fix` shows what is read as speech.
const RULE: &str = "rules: [{id: t/calm, phrases: [calm down], replace: take your time}]";

#[test]
fn a_fence_in_a_quote_or_an_item_is_code() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "calm.yaml", RULE);
    for (name, example) in [
        ("quote.md", "> ```\n> Agent: calm down\n> ```\n"),
        ("nested.md", "> > ~~~\n> > Agent: calm down\n> > ~~~\n"),
        (
            "item.md",
            "- Never say:\n- ```\n  Agent: calm down\n  ```\n",
        ),
        ("numbered.md", "1. ```text\n   Agent: calm down\n   ```\n"),
        ("quoted_item.md", "> - ```\n>   Agent: calm down\n>   ```\n"),
    ] {
        let text = format!("Agent: Hello.\n\n{example}\nAgent: Calm down, please.\n");
        let path = write(dir.path(), name, &text);
        let (_, out, err) = check_in(dir.path(), &["-r", "calm.yaml", "-f", "json", name]);
        let report: serde_json::Value = serde_json::from_str(&out).unwrap();
        let calm: Vec<u64> = findings(&report, 0).into_iter().map(|f| f.1).collect();
        assert_eq!(calm, [text.lines().count() as u64], "{name}: {out}{err}");
        // Only the spoken line is rewritten.
        let (_, _, err) = check_in(dir.path(), &["-r", "calm.yaml", "--fix", name]);
        let fixed = text.replace("Calm down, please", "Take your time, please");
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            fixed,
            "{name}: {err}"
        );
    }
}

/// A fence that nothing closes in a quote or an item ends with it, as CommonMark reads it: the
/// text after is spoken, and no warning says the rest of the file is hidden.
#[test]
fn an_open_fence_ends_with_its_quote_or_item() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "calm.yaml", RULE);
    for (name, example) in [
        ("quote.md", "> ```\n> Agent: fine\n"),
        ("lazy.md", "> ```\n> Agent: fine\nAgent: Please hold.\n"),
        ("item.md", "- ```\n  Agent: fine\n"),
    ] {
        let text = format!("{example}\nAgent: Calm down, please.\n");
        write(dir.path(), name, &text);
        let (_, out, err) = check_in(dir.path(), &["-r", "calm.yaml", "-f", "json", name]);
        let report: serde_json::Value = serde_json::from_str(&out).unwrap();
        let last = text.lines().count() as u64;
        let calm: Vec<u64> = findings(&report, 0)
            .into_iter()
            .filter(|f| f.0 == "t/calm")
            .map(|f| f.1)
            .collect();
        assert_eq!(calm, [last], "{name}: {out}");
        assert!(!(out + &err).contains("never closed"), "{name}: {err}");
    }
    // At the end of the file, a fence in a quote is never closed, and said so.
    write(
        dir.path(),
        "open.md",
        "Agent: Hi.\n\n> ```\n> Agent: calm down\n",
    );
    let (_, out, _) = check_in(dir.path(), &["-r", "calm.yaml", "open.md"]);
    assert!(
        out.contains("open.md: line 3, column 3: this code fence is never closed"),
        "{out}"
    );
    assert!(!out.contains("t/calm"), "{out}");
}

#[test]
fn indented_code_in_a_quote_is_code() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "calm.yaml", RULE);
    let text = "Agent: Hello.\n\n> Never say this\n>\n>     Agent: calm down\n\n> > \tcalm down\n\n\
                > Agent: Please\n>     calm down, but in your own words.\n";
    let path = write(dir.path(), "q.md", text);
    let (_, out, err) = check_in(dir.path(), &["-r", "calm.yaml", "-f", "json", "q.md"]);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    let calm: Vec<u64> = findings(&report, 0).into_iter().map(|f| f.1).collect();
    // A line indented under a line of the quote's text goes on that text.
    assert_eq!(calm, [10], "{out}{err}");
    let (_, diff, _) = check_in(dir.path(), &["-r", "calm.yaml", "--diff", "q.md"]);
    assert_eq!(diff.matches("take your time").count(), 1, "{diff}");
    assert!(diff.contains("+>     take your time, but"), "{diff}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_directive_alone_in_a_quote_line_applies_to_the_next_line() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "calm.yaml", RULE);
    for (name, text, left) in [
        (
            "quote.md",
            "# Snippets\n\n> <!-- talklint: ignore t/calm -->\n> Calm down please.\n\n> Calm down.\n",
            vec![6],
        ),
        (
            "nested.md",
            "> > <!-- talklint: ignore t -->\n> > Agent: calm down\n> > Agent: calm down\n",
            vec![3],
        ),
        // Text beside it in the quote: it ends that line, as unquoted.
        (
            "beside.md",
            "> Calm down. <!-- talklint: ignore t/calm -->\n> Calm down again.\n",
            vec![2],
        ),
    ] {
        write(dir.path(), name, text);
        let args = [
            "-r",
            "calm.yaml",
            "-f",
            "json",
            "--warn-unused-ignores",
            name,
        ];
        let (_, out, err) = check_in(dir.path(), &args);
        let report: serde_json::Value = serde_json::from_str(&out).unwrap();
        let calm: Vec<u64> = findings(&report, 0).into_iter().map(|f| f.1).collect();
        assert_eq!(calm, left, "{name}: {out}{err}");
        assert!(!(out + &err).contains("unused directive"), "{name}");
    }
}
