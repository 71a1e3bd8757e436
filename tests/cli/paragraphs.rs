//! The paragraph an `unless` looks in, through the binary: blank lines, Markdown headings
//! (hidden from a `.md` file's text or not) and thematic breaks part a script's sections.

/// An `unless` drops a hit only in its paragraph: a script without labels is one turn, and a
/// blank line parts its sections, so "I will check…" in one section no longer clears "That's
/// not my department" in another.
#[test]
fn unless_keeps_to_the_paragraph_of_the_hit() {
    let dir = tempfile::tempdir().unwrap();
    let macro_file = crate::support::write(
        dir.path(),
        "macro.md",
        "# Macro: shipping delay\n\nThanks for reaching out. I will check your order status today.\n\n\
         ## If they ask about a refund\n\nThat's not my department, you'll have to call billing.\n",
    );
    let v = crate::support::default_pack_report(&macro_file);
    let rules: Vec<String> = crate::support::findings(&v, 0)
        .into_iter()
        .map(|f| f.0)
        .collect();
    assert!(
        rules.contains(&"ownership/closed-door".to_string()),
        "{rules:?}"
    );
    let np = crate::support::write(
        dir.path(),
        "np.txt",
        "No problem!\n\nThere is no problem with your account. No problem at all.\n",
    );
    let v = crate::support::default_pack_report(&np);
    let lines: Vec<u64> = (v["conversations"][0]["findings"].as_array().unwrap().iter())
        .filter(|f| f["rule"] == "enthusiasm/no-problem")
        .map(|f| f["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [1], "only the standalone yes of the first paragraph");
}

/// Markdown headings and thematic breaks part paragraphs too: an ATX heading, hidden in a `.md`
/// file and in the text of a `.txt` one, a setext underline and `***`. Without them "I will
/// check…" in the next section cleared the auto-fail "That is not my department".
#[test]
fn headings_and_breaks_part_the_paragraphs_of_unless() {
    let dir = tempfile::tempdir().unwrap();
    let (hit, later) = (
        "That is not my department.\n",
        "I will check with the team and call you back.\n",
    );
    for (name, text, found) in [
        (
            "atx.md",
            format!("## Refund request\n{hit}## Follow-up\n{later}"),
            1,
        ),
        (
            "atx.txt",
            format!("## Refund request\n{hit}## Follow-up\n{later}"),
            1,
        ),
        (
            "setext.md",
            format!("Refund\n======\n{hit}Next\n----\n{later}"),
            1,
        ),
        ("break.txt", format!("{hit}***\n{later}"), 1),
        ("one.md", format!("## Refund request\n{hit}{later}"), 0),
    ] {
        let v =
            crate::support::default_pack_report(&crate::support::write(dir.path(), name, &text));
        let closed = crate::support::findings(&v, 0)
            .into_iter()
            .filter(|f| f.0 == "ownership/closed-door")
            .count();
        assert_eq!(closed, found, "{name}: {v}");
    }
}
