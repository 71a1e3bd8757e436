//! serde names the Rust type a YAML value did not fit (`expected i32`); a rule or config
//! author needs it in words, with the range a number must be in.

/// serde's "…, expected i32" (a Rust type a value did not fit) with the type in words, and the
/// range of a type narrower than 64 bits. A whole number past 64 bits is read "as i128" or "as
/// u128", which is no word of the file's: it is said to be out of range.
pub(super) fn type_in_words(message: &str) -> Option<String> {
    let (head, rust) = message.rsplit_once(", expected ")?;
    let past_64_bits = head
        .strip_suffix(" as i128")
        .or(head.strip_suffix(" as u128"));
    let words = match (rust, past_64_bits.is_some()) {
        ("i8", _) => "a whole number from -128 to 127",
        ("i16", _) => "a whole number from -32768 to 32767",
        ("i32", _) => "a whole number from -2147483648 to 2147483647",
        ("i64" | "isize", false) => "a whole number",
        ("i64" | "isize", true) => {
            "a whole number from -9223372036854775808 to 9223372036854775807"
        }
        ("u8", _) => "a whole number from 0 to 255",
        ("u16", _) => "a whole number from 0 to 65535",
        ("u32", _) => "a whole number from 0 to 4294967295",
        ("u64" | "usize", false) => "a whole number, 0 or more",
        ("u64" | "usize", true) => "a whole number from 0 to 18446744073709551615",
        ("f32" | "f64", _) => "a number",
        ("a sequence", _) => "a list",
        ("a map", _) => "a mapping (`key: value` lines)",
        _ => return None,
    };
    let head = match past_64_bits {
        Some(number) => number.replacen("invalid type: ", "invalid value: ", 1),
        None => head.to_string(),
    };
    Some(format!("{head}, expected {words}"))
}
