//! A fix writes over whole words only: a phrase that matches part of a written word (`can` of
//! `cannot` or `can't`, which read as `can not`) leaves it for the writer, where written over,
//! the rest of the word would stay (`maynot`); a phrase that matches the whole word fixes it.

use crate::support::{check_in, write};

#[test]
fn a_match_of_part_of_a_word_is_not_written_over() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "r.yaml",
        "rules:\n  - {id: t/can, phrases: [can], replace: may}\n  - {id: t/will, phrases: [will], replace: shall}\n",
    );
    let text = "Agent: I can't, you cannot, we won't. They can and will.\n";
    let path = write(dir.path(), "s.txt", text);
    let (_, _, err) = check_in(dir.path(), &["-r", "r.yaml", "--fix", "s.txt"]);
    let fixed = "Agent: I can't, you cannot, we won't. They may and shall.\n";
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed, "{err}");
    assert!(err.contains("s.txt: 2 matches replaced"), "{err}");
    // A phrase of the whole written word fixes it.
    write(
        dir.path(),
        "r.yaml",
        "rules: [{id: t/cant, phrases: [can not], replace: cannot}]",
    );
    let (_, _, err) = check_in(dir.path(), &["-r", "r.yaml", "--fix", "s.txt"]);
    let fixed = "Agent: I cannot, you cannot, we won't. They may and shall.\n";
    assert_eq!(std::fs::read_to_string(&path).unwrap(), fixed, "{err}");
}
