//! A rule id from a vendor's category or matcher name: `aws/` or `ccai/` and the name in
//! kebab-case, written in ASCII where the name's letters have an ASCII spelling, and made unique
//! by a hash where they do not.

use super::Vendor;
use super::json::{Bad, bad};

/// The id of a vendor name: `<prefix>/<name>` in kebab-case (runs of other characters become
/// one `-`, and a capital after a small letter starts a word: `AgentRudeness` is
/// `agent-rudeness`), accented Latin letters written without their marks (`Réclamation` is
/// `reclamation`, composed or not). A name with letters that have no such spelling (another
/// script, `請求の問題 (v2)`) gets a hash of the whole name after what is left (`v2-…`, or
/// `name-…`), the same on every run, so two such names do not share an id.
pub(super) fn id(vendor: Vendor, name: &str, at: usize) -> Result<String, Bad> {
    let mut kebab = String::with_capacity(name.len());
    let mut lost = false;
    let mut after_small = false;
    let dash = |kebab: &mut String| {
        if !kebab.is_empty() && !kebab.ends_with('-') {
            kebab.push('-');
        }
    };
    for written in name.chars() {
        if written.is_uppercase() && after_small {
            dash(&mut kebab);
        }
        // A mark written apart (`e` and U+0301) belongs to the letter before it.
        if !is_combining_mark(written) {
            after_small = written.is_lowercase();
        }
        for c in written.to_lowercase() {
            if c.is_ascii_alphanumeric() {
                kebab.push(c);
            } else if let Some(plain) = unaccented(c) {
                kebab.push_str(plain);
            } else if !is_combining_mark(c) {
                lost |= c.is_alphanumeric();
                dash(&mut kebab);
            }
        }
    }
    let kebab = kebab.trim_end_matches('-');
    if !lost && !kebab.is_empty() {
        return Ok(format!("{}/{kebab}", vendor.prefix()));
    }
    if !lost {
        return Err(bad(
            at,
            format!("the name \"{name}\" has no letter or digit to make a rule id of"),
            "give it a name with letters or digits: the rule id is its kebab-case",
        ));
    }
    let mut hash = crate::fnv::Fnv::default();
    hash.bytes(name.trim().as_bytes());
    let head = if kebab.is_empty() { "name" } else { kebab };
    Ok(format!(
        "{}/{head}-{:08x}",
        vendor.prefix(),
        hash.finish() as u32
    ))
}

/// Whether `c` is a combining diacritical mark (U+0300–U+036F).
fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// A lower-case Latin letter with a mark (or a ligature) as ASCII letters.
fn unaccented(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => "i",
        'ł' | 'ľ' | 'ĺ' => "l",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ř' | 'ŕ' => "r",
        'ś' | 'š' | 'ş' | 'ș' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}
