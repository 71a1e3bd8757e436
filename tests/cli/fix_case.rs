//! The case a fix writes: a replacement's first letter takes the case of the match's, and where
//! the match starts with a word always written with a capital (`I don't know`), the case of
//! where it stands: a capital only at the start of a sentence.

use crate::support::{run, talklint, write};

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
