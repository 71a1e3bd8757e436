//! The case a fix writes: a replacement's first letter takes the case of the match's, and where
//! the match starts with a word always written with a capital (`I don't know`), the case of
//! where it stands: a capital only at the start of a sentence. A replacement holds no placeholder.

use crate::support::{check_in, run, talklint, write};

#[test]
fn a_fix_over_a_capital_i_is_capitalised_only_where_a_sentence_starts() {
    let dir = tempfile::tempdir().unwrap();
    let rules = write(
        dir.path(),
        "r.yaml",
        "rules:\n  - id: knowledge/idk\n    phrases: [\"i (do not|don't) know\"]\n    replace: let me find out\n",
    );
    let call = write(
        dir.path(),
        "call.txt",
        "Agent: Well I don't know.\nAgent: I don't know. Sorry, I don't know.\n",
    );
    let (code, _, err) = run(talklint()
        .args(["check", "--no-config", "--fix", "-r"])
        .arg(&rules)
        .arg(&call));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        std::fs::read_to_string(&call).unwrap(),
        "Agent: Well let me find out.\nAgent: Let me find out. Sorry, let me find out.\n"
    );
}

/// `talklint check --no-config --diff -r RULES FILE` on `text` written as `name`: the `+` lines
/// of the diff (not its header), and the exit code.
fn diffed(rules: &str, name: &str, text: &str) -> (i32, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.yaml", rules);
    write(dir.path(), name, text);
    let (code, out, err) = run(talklint().current_dir(dir.path()).args([
        "check",
        "--no-config",
        "--diff",
        "-r",
        "r.yaml",
        name,
    ]));
    assert_ne!(code, 2, "{err}");
    let added = out
        .lines()
        .filter(|l| l.starts_with('+') && !l.starts_with("+++"))
        .map(|l| l[1..].to_string())
        .collect();
    (code, added)
}

const IDK: &str =
    "rules:\n  - id: knowledge/idk\n    phrases: [i do not know]\n    replace: let me find out\n";

#[test]
fn a_sentence_starts_at_a_markdown_item_quote_bracket_or_emphasis() {
    let lines = [
        "- I don't know yet.",
        "",
        "\"I don't know,\" he said.",
        "",
        "**I don't know**",
        "",
        "1. I don't know",
        "* I don't know",
        "+ I don't know",
        "2) I don't know",
        "> I don't know",
        "> - I don't know",
        "",
        "“I don't know,” she said.",
        "",
        "(I don't know.)",
        "",
        "_I don't know_",
        "",
        "He said so. *I don't know* why.",
    ];
    let (code, added) = diffed(IDK, "cs.md", &(lines.join("\n") + "\n"));
    assert_eq!(code, 1);
    let expected: Vec<String> = lines
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| l.replace("I don't know", "Let me find out"))
        .collect();
    assert_eq!(added, expected);
    // Within a sentence, and on a line that goes on with one, the replacement stays lower case;
    // a heading is not spoken, and is left as it is.
    let text = "## I don't know\n\nWell, \"I don't know\" is\n**I don't know** (I don't know)\n";
    let (_, added) = diffed(IDK, "cs.md", text);
    assert_eq!(
        added,
        [
            "Well, \"let me find out\" is",
            "**let me find out** (let me find out)"
        ]
    );
}

#[test]
fn a_replacement_that_differs_from_its_match_only_in_case_is_no_fix() {
    let rules =
        "rules:\n  - id: e/pleasure\n    phrases: [my pleasure]\n    replace: my Pleasure\n";
    let text = "Agent: It is my pleasure. My pleasure, really. MY PLEASURE!\n";
    let (code, added) = diffed(rules, "call.txt", text);
    assert_eq!((code, added), (0, Vec::<String>::new()));
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "r.yaml", rules);
    let call = write(dir.path(), "call.txt", text);
    let (_, _, err) = check_in(dir.path(), &["--fix", "-r", "r.yaml", "call.txt"]);
    assert!(!err.contains("fixed:"), "no fix is counted: {err}");
    assert_eq!(std::fs::read_to_string(call).unwrap(), text);
}

#[test]
fn a_match_in_capitals_is_replaced_in_capitals() {
    let rules = "rules:\n  - id: e/np\n    phrases: [no problem, asap]\n    replace: my pleasure\n";
    let text = "Agent: NO PROBLEM! No problem. ASAP.\n";
    let (_, added) = diffed(rules, "call.txt", text);
    assert_eq!(added, ["Agent: MY PLEASURE! My pleasure. My pleasure."]);
}

#[test]
fn a_replacement_in_capitals_leaves_its_links_as_written() {
    let rules = "rules:\n  - id: e/np\n    phrases: [no problem]\n    replace: \"my pleasure, see https://Example.com/Help or Jo@Example.com\"\n";
    let text = "Agent: NO PROBLEM! No problem.\n";
    let (_, added) = diffed(rules, "call.txt", text);
    assert_eq!(
        added,
        [
            "Agent: MY PLEASURE, SEE https://Example.com/Help OR Jo@Example.com! My pleasure, see https://Example.com/Help or Jo@Example.com."
        ]
    );
}

/// A replacement is the words written: `{match}, please` was written as is, `{Match}, please`
/// once recased. A placeholder there is a rule error at the value.
#[test]
fn a_placeholder_in_a_replacement_is_a_rule_error() {
    let err = crate::support::rule_error(
        "rules:\n  - id: t/hang\n    phrases: [hang on]\n    replace: \"{match}, please\"\n",
    );
    assert!(
        err.contains("r.yaml:4:14: `replace` holds `{match}`, which a fix would write as is"),
        "{err}"
    );
}

/// A replacement with a case of its own (`JavaScript`, `eBay`) is written as it is: recased by
/// its match's first letter it read `javaScript` over `javascript`, which reads as the match and
/// was no fix, and `EBay` over `E bay`. A phrase that matches its own replacement is warned of.
#[test]
fn a_replacement_with_a_case_of_its_own_is_written_as_it_is() {
    let rules = "rules:
  - id: s/js
    regex: ['(?-i)\\b(javascript|Javascript)\\b']
    replace: JavaScript
  - id: s/eb
    phrases: ['e bay']
    replace: eBay
";
    let (code, added) = diffed(
        rules,
        "t.txt",
        "Agent: Enable javascript or Javascript.\nAgent: E bay has it.\n",
    );
    assert_eq!(code, 1);
    assert_eq!(
        added,
        [
            "Agent: Enable JavaScript or JavaScript.",
            "Agent: eBay has it."
        ]
    );
    // Only the words with a case of their own keep it: the first letter still follows the
    // match's, a shouted match still shouts the rest, and an acronym's plural is an acronym.
    let rules = "rules:
  - id: s/desk
    phrases: ['contact the helpdesk']
    replace: contact the ServiceDesk
  - id: s/faq
    phrases: ['see the guide']
    replace: read our FAQs
";
    let (_, added) = diffed(
        rules,
        "t.txt",
        "Agent: Contact the helpdesk. SEE THE GUIDE now, or see the guide.\n",
    );
    assert_eq!(
        added,
        ["Agent: Contact the ServiceDesk. READ OUR FAQS now, or read our FAQs."]
    );
    // A match that ends at a contraction's apostrophe is left for the writer: written over, the
    // `'s` would stay (`that's` as `this's`); a phrase written with the `'s` replaces it.
    let rules = "rules:\n  - id: s/it\n    phrases: [it]\n    replace: this\n  - id: s/cust\n    phrases: [\"the customer's\"]\n    replace: your\n";
    let (_, added) = diffed(
        rules,
        "t.txt",
        "Agent: it's done, the customer's account.\n",
    );
    assert_eq!(added, ["Agent: it's done, your account."]);
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "r.yaml",
        "rules:\n  - id: s/gh\n    phrases: [github]\n    replace: GitHub\n",
    );
    write(dir.path(), "t.txt", "Agent: see github\n");
    let (_, _, err) = check_in(dir.path(), &["-r", "r.yaml", "t.txt"]);
    assert!(
        err.contains("r.yaml:2:9: rule `s/gh`: it matches its replacement “GitHub” as written"),
        "{err}"
    );
}
