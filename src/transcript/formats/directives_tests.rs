//! Tests of finding directives in a text: prefixes, HTML comments, columns, misspellings.

use super::*;

#[test]
fn a_directive_misspelt_is_hidden_and_named() {
    let src = "# Talklint: ignore a\n// talklint ignore b\n# talklint is great\n \
               talklint: ignore c\ntalklint ignore d\n";
    let f = find(src);
    assert!(f.directives.list.is_empty());
    let lines: Vec<&str> = f.directives.warnings.iter().map(|w| &w.1[..18]).collect();
    let said = [
        "line 1, column 3: ",
        "line 2, column 4: ",
        "line 4, column 2: ",
    ];
    assert_eq!(lines, said);
    assert_eq!(f.hidden, [0..21, 21..42, 62..82]);
}

#[test]
fn comment_prefixes_and_html_comments() {
    let src = "# talklint: ignore a/b, c\nhi <!-- talklint: ignore -->\n  // talklint: disable x\n-- talklint: enable x\n<!-- talklint: ignore-file y -->\n";
    let f = find(src);
    let got: Vec<(Action, Vec<String>, bool, usize)> = f
        .directives
        .list
        .iter()
        .map(|d| {
            let names = d.rules.iter().map(|r| r.name.clone()).collect();
            (d.action, names, d.own_line, d.line)
        })
        .collect();
    assert_eq!(
        got,
        [
            (Action::Ignore, vec!["a/b".into(), "c".into()], true, 1),
            (Action::Ignore, vec![], false, 2),
            (Action::Disable, vec!["x".into()], true, 3),
            (Action::Enable, vec!["x".into()], true, 4),
            (Action::IgnoreFile, vec!["y".into()], true, 5),
        ]
    );
    assert_eq!(&src[f.hidden[0].clone()], "# talklint: ignore a/b, c\n");
    assert_eq!(&src[f.hidden[1].clone()], "<!-- talklint: ignore -->");
    // A directive's column is its verb's, and each name's its own, in characters.
    assert_eq!(f.directives.list[1].column, 19);
    let first = &f.directives.list[0];
    let columns: Vec<usize> = first.rules.iter().map(|r| r.column).collect();
    assert_eq!((first.column, columns), (13, vec![20, 25]));
    let wide = find("« <!-- talklint: ignore  é/x,ü -->\n");
    let d = &wide.directives.list[0];
    let columns: Vec<usize> = d.rules.iter().map(|r| r.column).collect();
    assert_eq!((d.column, columns), (18, vec![26, 30]));
}

#[test]
fn a_list_of_separators_alone_is_no_directive() {
    let f = find("hi\n# talklint: ignore ,,,\nAgent: x <!-- talklint: disable , -->\n");
    assert!(f.directives.list.is_empty());
    let said: Vec<&str> = f.directives.warnings.iter().map(|w| w.1.as_str()).collect();
    // At the list, not at the comment that holds it.
    assert!(said[0].starts_with("line 2, column 20: `talklint: ignore ,,,` names no rule"));
    assert!(said[1].starts_with("line 3, column 33: `talklint: disable ,` names no rule"));
    assert_eq!(f.hidden.len(), 2, "still no speech");
}

#[test]
fn unknown_verbs_warn_and_plain_text_is_no_directive() {
    let f = find("# talklint: silence x\nWe say talklint: often.\n# heading\n");
    assert!(f.directives.list.is_empty());
    assert_eq!(f.hidden.len(), 1);
    assert!(
        f.directives.warnings[0]
            .1
            .starts_with("line 1, column 13: unknown directive")
    );
}

#[test]
fn html_comments_side_by_side_are_each_a_directive() {
    let src = "<!-- talklint: ignore a --> <!-- note --> <!-- talklint: ignore b --> Agent: hi\n\
               <!-- talklint: disable c --><!-- talklint: enable d -->\n";
    let f = find(src);
    let got: Vec<(Action, String, bool)> = (f.directives.list.iter())
        .map(|d| (d.action, d.rules[0].name.clone(), d.own_line))
        .collect();
    let want = |a, n: &str, own| (a, n.to_string(), own);
    assert_eq!(
        got,
        [
            want(Action::Ignore, "a", false),
            want(Action::Ignore, "b", false),
            want(Action::Disable, "c", true),
            want(Action::Enable, "d", true),
        ]
    );
    // A plain comment between them is text, not a directive's.
    let hidden: Vec<&str> = f.hidden.iter().map(|r| &src[r.clone()]).collect();
    assert_eq!(
        hidden,
        [
            "<!-- talklint: ignore a -->",
            "<!-- talklint: ignore b -->",
            "<!-- talklint: disable c --><!-- talklint: enable d -->\n"
        ]
    );
}

#[test]
fn a_marker_directive_beside_an_html_one_hides_from_its_marker() {
    for (src, hidden) in [
        (
            "Agent: hi <!-- talklint: ignore a --> # talklint: ignore b\n",
            vec!["<!-- talklint: ignore a -->", "# talklint: ignore b\n"],
        ),
        // The comment after the marker is in its text: one range, sorted and apart.
        (
            "Agent: hi # talklint: ignore b <!-- talklint: ignore a -->\n",
            vec!["# talklint: ignore b <!-- talklint: ignore a -->\n"],
        ),
    ] {
        let f = find(src);
        let names: Vec<&str> = (f.directives.list.iter())
            .map(|d| d.rules[0].name.as_str())
            .collect();
        assert_eq!(names, ["a"], "{src}");
        let shown: Vec<&str> = f.hidden.iter().map(|r| &src[r.clone()]).collect();
        assert_eq!(shown, hidden, "{src}");
        assert_eq!(f.directives.warnings.len(), 1, "{src}");
    }
}
