//! In-process tests of the importer: shapes told apart by their keys, ids, and robustness
//! (whatever the JSON, a rule set or an error, never a panic).

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

#[test]
fn ids_are_kebab_case_names() {
    let id = |v, name| super::id(v, name, 0).map_err(|b| b.message);
    assert_eq!(
        id(Vendor::Aws, "Late_Refund.v2"),
        Ok("aws/late-refund-v2".into())
    );
    assert_eq!(
        id(Vendor::Ccai, "  Billing dispute — without apology! "),
        Ok("ccai/billing-dispute-without-apology".into())
    );
    assert!(id(Vendor::Ccai, "—").unwrap().starts_with("ccai/name-"));
    assert_eq!(
        id(Vendor::Ccai, "Réclamation"),
        Ok("ccai/reclamation".into())
    );
    assert_eq!(
        id(Vendor::Aws, "Ünïcødé Çat Straße"),
        Ok("aws/unicode-cat-strasse".into())
    );
    // Another script: a hash of the name, the same each time, different between names.
    let japanese = id(Vendor::Ccai, "請求の問題").unwrap();
    assert!(japanese.starts_with("ccai/name-") && japanese.len() == "ccai/name-".len() + 8);
    assert_eq!(id(Vendor::Ccai, "請求の問題").unwrap(), japanese);
    assert_ne!(id(Vendor::Ccai, "返金").unwrap(), japanese);
    // Marks written apart, Turkish İ, and names whose letters are lost in part.
    assert_eq!(
        id(Vendor::Ccai, "Re\u{301}clamation"),
        Ok("ccai/reclamation".into())
    );
    assert_eq!(
        id(Vendor::Ccai, "İade talebi"),
        Ok("ccai/iade-talebi".into())
    );
    // No letter or digit at all (`._-` is a valid AWS name): a hash too; only a blank name
    // has no id.
    let dots = id(Vendor::Aws, "._-").unwrap();
    assert!(dots.starts_with("aws/name-") && dots != id(Vendor::Aws, "-._").unwrap());
    assert!(id(Vendor::Ccai, "  ").is_err());
    let v2 = |n| id(Vendor::Ccai, n).unwrap();
    assert!(v2("請求の問題 (v2)").starts_with("ccai/v2-"));
    assert_ne!(v2("請求の問題 (v2)"), v2("返金 (v2)"));
    assert_ne!(v2("Hoàn tiền"), v2("Hoàn tiến"));
}

#[test]
fn shapes_are_told_apart_by_their_keys() {
    let vendors = |text: &str| -> Result<Vec<Vendor>, String> {
        let root = json::parse(text).map_err(|e| format!("{e:?}"))?;
        shape::items(&root)
            .map(|s| s.items.into_iter().map(|(v, _)| v).collect())
            .map_err(|b| b.message)
    };
    let aws = r#"{"CategoryName": "a", "Rules": []}"#;
    let ccai = r#"{"display_name": "b", "type": "ALL_OF"}"#;
    assert_eq!(vendors(aws), Ok(vec![Vendor::Aws]));
    assert_eq!(
        vendors(&format!(r#"{{"CategoryProperties": {aws}}}"#)),
        Ok(vec![Vendor::Aws])
    );
    assert_eq!(
        vendors(&format!(
            r#"{{"Categories": [{aws}, {aws}], "NextToken": "t"}}"#
        )),
        Ok(vec![Vendor::Aws, Vendor::Aws])
    );
    assert_eq!(vendors(&format!("[{ccai}]")), Ok(vec![Vendor::Ccai]));
    assert_eq!(
        vendors(&format!(
            r#"{{"phraseMatchers": [{ccai}], "CategoryProperties": {aws}}}"#
        )),
        Ok(vec![Vendor::Ccai, Vendor::Aws])
    );
    assert_eq!(
        vendors(&format!(
            r#"{{"phrase_matchers": [{ccai}], "next_page_token": ""}}"#
        )),
        Ok(vec![Vendor::Ccai])
    );
    // A CCAI matcher wrapped as an AWS response, a transcript, a number: none is a shape.
    for other in [
        format!(r#"{{"CategoryProperties": {ccai}}}"#),
        r#"{"messages": []}"#.to_string(),
        "3".to_string(),
    ] {
        assert_eq!(
            vendors(&other),
            Err("not a cloud rule file talklint can read".into())
        );
    }
}
