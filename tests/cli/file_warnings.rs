//! A warning about a file as a whole (its encoding) in a file of several conversations goes to
//! the conversation whose lines hold its place, not to every conversation of the file.

use crate::support::{run, talklint, write};

#[test]
fn an_encoding_warning_goes_to_the_conversation_it_is_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "u.jsonl", "");
    // Latin-1 `é` on line 2: one byte that is no UTF-8.
    let bytes: &[u8] = b"{\"id\":\"a\",\"messages\":[{\"role\":\"agent\",\"text\":\"hi\"}]}\n\
        {\"id\":\"b\",\"messages\":[{\"role\":\"agent\",\"text\":\"caf\xe9\"}]}\n\
        {\"id\":\"c\",\"messages\":[{\"role\":\"agent\",\"text\":\"three\"}]}\n";
    std::fs::write(&path, bytes).unwrap();
    let (code, out, err) = run(talklint()
        .args(["check", "--no-config", "-f", "json", "--fail-on", "never"])
        .arg(&path));
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let warned: Vec<(&str, usize)> = (v["conversations"].as_array().unwrap().iter())
        .map(|c| {
            let count = c["warnings"].as_array().map_or(0, Vec::len);
            (c["id"].as_str().unwrap(), count)
        })
        .collect();
    assert_eq!(warned, [("a", 0), ("b", 1), ("c", 0)], "{v}");
    let said = v["conversations"][1]["warnings"][0].as_str().unwrap();
    assert!(
        said.starts_with("invalid UTF-8 at line 2, column "),
        "{said}"
    );
}
