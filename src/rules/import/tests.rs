//! Robustness of the importer: whatever the JSON, a rule set or an error, never a panic.

use super::*;

/// Every fixture with each value replaced by values of other kinds and sizes, and cut
/// short at every byte: each reads or is an error, never a panic.
#[test]
fn no_input_panics() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/rules/cloud");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        if is_cloud(&entry.path().display().to_string()) {
            texts.push(std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    assert!(texts.len() >= 7);
    let odd = [
        "null", "0", "-1", "2.5", "101", "14400001", "1e400", "\"\"", "\"um\"", "\"x(\"", "[]",
        "{}", "true", "[{}]",
    ];
    let fillers = vec!["um".to_string()];
    let read_one = |text: &str| {
        let _ = read_text("x.json", text, &fillers);
    };
    for text in &texts {
        for cut in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
            read_one(&text[..cut]);
        }
        let root: serde_json::Value = serde_json::from_str(text).unwrap();
        let mut paths = Vec::new();
        walk(&root, &mut Vec::new(), &mut paths);
        for path in &paths {
            for value in odd {
                let mut changed = root.clone();
                if let Some(slot) = changed.pointer_mut(path) {
                    *slot = serde_json::from_str(value).unwrap_or(serde_json::Value::Null);
                }
                read_one(&changed.to_string());
            }
        }
    }
}

/// The JSON pointer of every value below `v`.
fn walk(v: &serde_json::Value, at: &mut Vec<String>, out: &mut Vec<String>) {
    out.push(at.iter().map(|p| format!("/{p}")).collect());
    let children: Vec<(String, &serde_json::Value)> = match v {
        serde_json::Value::Object(m) => m.iter().map(|(k, v)| (k.clone(), v)).collect(),
        serde_json::Value::Array(a) => a
            .iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
        _ => Vec::new(),
    };
    for (key, child) in children {
        at.push(key);
        walk(child, at, out);
        at.pop();
    }
}
