//! The embedded bytes are what the built-in pack loads today, read back whole, and read only
//! where they stand for what is loaded.

use super::*;
use crate::rules::Rule;
use crate::rules::load::{RuleSource, check_files, read_sources};
use std::path::Path;

fn builtin_files() -> Vec<RuleFile> {
    read_sources(&[RuleSource::Builtin]).expect("the built-in pack is read")
}

fn default_fillers() -> Vec<String> {
    crate::text::canon::DEFAULT_FILLERS
        .iter()
        .map(|f| f.to_string())
        .collect()
}

/// The built-in pack checked from its YAML, as the bytes were.
fn checked_today() -> Checked {
    let files = builtin_files();
    check_files(&files, &Overrides::default(), &default_fillers())
        .expect("the built-in pack loads")
        .0
}

#[test]
fn the_embedded_bytes_are_what_the_built_in_pack_loads_today() {
    let fresh = bytes(&checked_today(), &default_fillers());
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules/prebuilt/default-rules.bin");
    if std::env::var("TALKLINT_BLESS").as_deref() == Ok("1") {
        std::fs::write(&path, fresh).expect("the prebuilt rules are written");
        return;
    }
    assert!(
        fresh == DEFAULT_PACK,
        "{} is stale: the built-in pack, or the code that loads it, changed since it was \
         written. Write it again with `TALKLINT_BLESS=1 cargo test prebuilt`",
        path.display()
    );
}

/// The addresses of the choices of `rules`' phrases, in order, numbered by first sight: two
/// rule sets share their choices alike when these are equal.
fn sharing(rules: &[Rule]) -> Vec<usize> {
    fn walk(
        items: &[crate::rules::phrase::Item],
        seen: &mut Vec<*const crate::rules::phrase::Choice>,
        out: &mut Vec<usize>,
    ) {
        for item in items {
            if let crate::rules::phrase::Item::Choice(c) = item {
                let at = std::sync::Arc::as_ptr(c);
                let number = seen.iter().position(|&s| s == at).unwrap_or_else(|| {
                    seen.push(at);
                    seen.len() - 1
                });
                out.push(number);
                for alternative in c.iter() {
                    walk(alternative, seen, out);
                }
            }
        }
    }
    let (mut seen, mut out) = (Vec::new(), Vec::new());
    for rule in rules {
        for phrase in rule.phrases() {
            walk(&phrase.pattern.items, &mut seen, &mut out);
        }
    }
    out
}

#[test]
fn rules_read_back_are_the_rules_checked_with_their_lexicons_shared_alike() {
    let today = checked_today();
    let read = read(&builtin_files(), &Overrides::default(), &default_fillers())
        .expect("the embedded rules are read");
    assert_eq!(format!("{read:?}"), format!("{today:?}"));
    let shared = sharing(&read.rules);
    assert_eq!(shared, sharing(&today.rules));
    // A lexicon is one choice in every phrase that names it, not a copy in each.
    let distinct = shared.iter().max().map_or(0, |m| m + 1);
    assert!(
        distinct < shared.len() / 2,
        "{distinct} choices in {} places",
        shared.len()
    );
}

#[test]
fn bytes_are_read_only_for_the_pack_they_were_written_from() {
    let files = builtin_files();
    let fillers = default_fillers();
    assert!(read(&files, &Overrides::default(), &fillers).is_some());
    // Other fillers, config lexicons, a rule file more or less, a changed text: loaded as always.
    assert!(read(&files, &Overrides::default(), &fillers[1..]).is_none());
    let lexicons = Overrides {
        lexicons: [("polite".to_string(), vec!["kindly".to_string()])].into(),
        ..Overrides::default()
    };
    assert!(read(&files, &lexicons, &fillers).is_none());
    assert!(read(&files[1..], &Overrides::default(), &fillers).is_none());
    let mut more = files.clone();
    more.push(("mine.yaml".to_string(), "rules: []".into()));
    assert!(read(&more, &Overrides::default(), &fillers).is_none());
    let mut changed = files.clone();
    changed[0].1 = format!("{}\n# changed", changed[0].1).into();
    assert!(read(&changed, &Overrides::default(), &fillers).is_none());
    // Bytes cut short, or of other code, are not read.
    assert!(read_bytes(&DEFAULT_PACK[..DEFAULT_PACK.len() / 2], &fillers).is_none());
    assert!(read_bytes(&DEFAULT_PACK[..7], &fillers).is_none());
    let mut other_code = DEFAULT_PACK.to_vec();
    other_code[0] ^= 1;
    assert!(read_bytes(&other_code, &fillers).is_none());
}
