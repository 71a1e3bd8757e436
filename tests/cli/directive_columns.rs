//! Every warning about an in-file directive points at the word it is about: the unknown verb,
//! the unknown rule name, the list that names no rule, the misspelt `talklint`, the verb of a
//! directive that suppressed nothing (they had pointed at the comment that holds some of them).

use crate::support::{json_report, write};

/// The warnings of the one conversation of a file holding `text`, with `--warn-unused-ignores`.
fn warnings(name: &str, text: &str) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), name, text);
    let (_, v) = json_report(&["--warn-unused-ignores", path.to_str().unwrap()]);
    let list = v["conversations"][0]["warnings"].as_array().cloned();
    (list.unwrap_or_default().iter())
        .filter_map(|w| w.as_str().map(str::to_string))
        .collect()
}

/// The `line L, column C` a warning starts with, and the word at that place of `text` (up to a
/// blank; columns count characters).
fn place_and_word(warning: &str, text: &str) -> ((usize, usize), String) {
    let numbers: Vec<usize> = warning
        .split(':')
        .next()
        .unwrap_or_default()
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    let (line, column) = (numbers[0], numbers[1]);
    let word = (text.lines().nth(line - 1).unwrap_or_default().chars())
        .skip(column - 1)
        .take_while(|c| !c.is_whitespace())
        .collect();
    ((line, column), word)
}

#[test]
fn each_kind_of_directive_warning_points_at_its_word() {
    let text = "Agent: Hello.\n\
                # talklint: frobnicate respect\n\
                Agent: Thanks. <!-- talklint: ignore respect, nosuch/rule -->\n\
                Agent: Caf\u{e9}. <!-- talklint: ignore ,,, -->\n\
                # Talklint: ignore respect\n\
                -- talklint disable respect\n\
                Agent: Bye. <!-- talklint: ignore ownership -->\n";
    let got: Vec<_> = (warnings("s.txt", text).iter())
        .map(|w| {
            let (place, word) = place_and_word(w, text);
            let said = w.split_once(": ").map_or("", |(_, said)| said);
            (place, word, said.to_string())
        })
        .collect();
    // In the file's order: they were told kind by kind (line 3's after line 6's).
    let want = [
        ((2, 13), "frobnicate", "unknown directive `talklint"),
        (
            (3, 31),
            "ignore",
            "unused directive (nothing to suppress); remove it",
        ),
        (
            (3, 47),
            "nosuch/rule",
            "`nosuch/rule` in a talklint directive is no loaded rule or category",
        ),
        ((4, 36), ",,,", "`talklint: ignore ,,,` names no rule"),
        ((5, 3), "Talklint:", "not read as a directive"),
        ((6, 4), "talklint", "not read as a directive"),
        (
            (7, 28),
            "ignore",
            "unused directive (nothing to suppress); remove it",
        ),
    ];
    assert_eq!(got.len(), want.len(), "{got:#?}");
    for (got, want) in got.iter().zip(want) {
        assert_eq!((got.0, got.1.as_str()), (want.0, want.1), "{got:?}");
        assert!(got.2.starts_with(want.2), "{got:?}");
    }
}

/// In a script (no speaker labels), an `ignore` at the end of a line whose list names an unknown
/// rule after a known one: the warning stands at the unknown one, its column counted in
/// characters past characters of two bytes.
#[test]
fn an_unknown_name_is_found_past_wide_characters() {
    let text = "Calm down, caf\u{e9}. <!-- talklint: ignore respect,\u{e9}t\u{e9}/x -->\n";
    let w = warnings("s.md", text);
    let unknown: Vec<_> = w.iter().filter(|w| w.contains("é/x")).collect();
    assert_eq!(unknown.len(), 1, "{w:?}");
    assert_eq!(
        place_and_word(unknown[0], text),
        ((1, 48), "\u{e9}t\u{e9}/x".into())
    );
}

/// A byte-order mark opening the file is no column, for the directives' warnings as for the
/// findings: the directive's warnings counted it, or not, by which reader wrote them, so two
/// warnings of one line disagreed.
#[test]
fn a_byte_order_mark_is_no_column_of_a_directive_warning() {
    let line = "Agent: hi <!-- talklint: ignore a/b --> # talklint: ignore c\n";
    let plain = warnings("plain.txt", line);
    assert_eq!(plain.len(), 3, "{plain:?}");
    assert_eq!(warnings("bom.txt", &format!("\u{feff}{line}")), plain);
    // On a later line, a U+FEFF is a character like another: the finding counts it too.
    let later = warnings("later.txt", &format!("Customer: hi\n\u{feff}{line}"));
    let column = |w: &String| -> usize {
        let after = w.split(", column ").nth(1).unwrap_or_default();
        after
            .split(':')
            .next()
            .unwrap_or_default()
            .parse()
            .unwrap_or(0)
    };
    let one_on: Vec<usize> = plain.iter().map(|w| column(w) + 1).collect();
    assert_eq!(
        later.iter().map(column).collect::<Vec<_>>(),
        one_on,
        "{later:?}"
    );
}

/// A name of a directive that suppressed nothing is warned of at the name, where another name
/// of the directive did suppress a finding (as ruff names a `noqa`'s unused codes): dead names
/// piled up in scripts in silence.
#[test]
fn a_name_of_a_used_directive_that_suppressed_nothing_is_warned_of_at_it() {
    let text = "Agent: Please calm down. <!-- talklint: ignore respect, ownership -->\n";
    let got: Vec<_> = (warnings("n.txt", text).iter())
        .map(|w| {
            let (place, word) = place_and_word(w, text);
            (
                place,
                word,
                w.split_once(": ").map_or("", |(_, s)| s).to_string(),
            )
        })
        .collect();
    let said = "`ownership` in this directive suppressed nothing; remove it from the directive";
    assert_eq!(got, [((1, 57), "ownership".to_string(), said.to_string())]);
}
