//! The default pack, loaded ahead of time. Parsing its YAML and its phrases was most of a
//! one-file check's start-up; reading the checked rules back is a small part of that. Their
//! bytes are committed beside this file (`default-rules.bin`), embedded in the binary, and read
//! only where the built-in pack is loaded alone, with the fillers and without the config lexicons
//! they were checked with, by the code that wrote them: `build.rs` fingerprints the pack's YAML
//! and the code that loads it. Anything else is loaded as always. A test fails when the bytes
//! differ from what the code loads today, and `TALKLINT_BLESS=1 cargo test prebuilt` writes them
//! again.

#[cfg(test)]
mod tests;

use super::builtin;
use super::load::{Checked, Overrides, RuleFile};
use super::phrase::shared;

/// The fingerprint of the code that loads the pack (8 bytes, little-endian), the fillers its
/// phrases were read without, then the [`Checked`] rules.
static DEFAULT_PACK: &[u8] = include_bytes!("default-rules.bin");

/// The fingerprint `build.rs` made of the pack's files and the code that loads them.
const CODE: &str = env!("TALKLINT_RULES_CODE");

/// The built-in pack's checked rules, when `files` are the built-in pack alone and the bytes
/// were written by this code with `fillers`.
pub(super) fn read(
    files: &[RuleFile],
    overrides: &Overrides,
    fillers: &[String],
) -> Option<Checked> {
    if !overrides.lexicons.is_empty() || !is_builtin_pack(files) {
        return None;
    }
    read_bytes(DEFAULT_PACK, fillers)
}

/// Whether `files` are the built-in pack's, all of them, in order.
fn is_builtin_pack(files: &[RuleFile]) -> bool {
    files.len() == builtin::FILES.len()
        && (files.iter().zip(builtin::FILES)).all(|((name, text), (n, t))| {
            name.strip_prefix(builtin::PREFIX) == Some(*n) && text == t
        })
}

/// The rules in `bytes`, when this code wrote them with `fillers`.
fn read_bytes(bytes: &[u8], fillers: &[String]) -> Option<Checked> {
    let (key, rest) = bytes.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*key) != code() {
        return None;
    }
    let (written_with, rest): (Vec<String>, _) = postcard::take_from_bytes(rest).ok()?;
    if written_with != fillers {
        return None;
    }
    shared::read(|| postcard::from_bytes(rest).ok())
}

/// [`CODE`] as a number.
fn code() -> u64 {
    u64::from_str_radix(CODE, 16).unwrap_or_default()
}

/// `checked`, loaded with `fillers`, as [`read_bytes`] reads it.
#[cfg(test)]
fn bytes(checked: &Checked, fillers: &[String]) -> Vec<u8> {
    let mut out = code().to_le_bytes().to_vec();
    out.extend(postcard::to_allocvec(fillers).expect("fillers are written"));
    out.extend(shared::written(|| postcard::to_allocvec(checked)).expect("rules are written"));
    out
}
