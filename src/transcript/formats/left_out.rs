//! A line of a file of conversations that could not be read (a JSONL message, a CSV row) is left
//! out, and the file's error names it; the conversation it belonged to says so too, since its
//! score and the numbers of its later turns are without it.

/// The warning of a conversation that lost `lines` (1-based, in file order), if it lost any.
pub(super) fn warning(lines: &[usize]) -> Option<String> {
    let (first, more) = lines.split_first()?;
    let more = and_more(more.len(), "line");
    Some(format!(
        "line {first}, column 1: this line could not be read and is left out of this \
         conversation{more}: its score, and the numbers of its turns after it, are without it \
         (the file's error says why)"
    ))
}

/// ` (and N more THINGs)` after the first of several, or nothing after the only one.
pub(super) fn and_more(n: usize, thing: &str) -> String {
    match n {
        0 => String::new(),
        1 => format!(" (and 1 more {thing})"),
        n => format!(" (and {n} more {thing}s)"),
    }
}
