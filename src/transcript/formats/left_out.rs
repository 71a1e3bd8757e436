//! A line of a file of conversations that could not be read (a JSONL message, a CSV row) is left
//! out, and the file's error names it; the conversation it belonged to says so too, since its
//! score and the numbers of its later turns are without it.

/// The warning of a conversation that lost `lines` (1-based, in file order), if it lost any.
pub(super) fn warning(lines: &[usize]) -> Option<String> {
    let (first, more) = lines.split_first()?;
    let more = match more.len() {
        0 => String::new(),
        1 => " (and 1 more line)".to_string(),
        n => format!(" (and {n} more lines)"),
    };
    Some(format!(
        "line {first}, column 1: this line could not be read and is left out of this \
         conversation{more}: its score, and the numbers of its turns after it, are without it \
         (the file's error says why)"
    ))
}
