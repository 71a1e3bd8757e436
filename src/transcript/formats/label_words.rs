//! Labels that end in a colon in a turn's text and name no speaker: a note word (`Note:`, `PS:`)
//! or a numbered part of a script (`Option 1:`, `Step 2:`); a record's field (`Order number:`) is
//! told in `field_labels`. Kept apart from the label reader so that the word lists, which grow
//! with each script seen, stand in one place.

/// Whether `label` ends in a colon in a turn's text and names no speaker: a note word (`Note:
/// the refund is sent`, `PS:`, `FYI:`), a numbered part of a script (`Option 1:`, `Step 2:`,
/// `Q1:`, `Option B:`), or a field (`Address:`, `Order number:`), in any case. Asked of every
/// label, so each check is of its length or shape first: `Agent` and `Customer` are turned away
/// by theirs.
pub(super) fn names_no_speaker(label: &str) -> bool {
    is_note_word(label) || is_numbered_part(label)
}

/// Whether `label` is a note word: `Note`, `PS`, `FYI`, `Update`, …, and those of the
/// product's users' other languages: `Nota` (Spanish, Portuguese, Italian), `Remarque` (French),
/// `Hinweis` and `Anmerkung` (German), `NB`; Japanese and Chinese `注`, `注意`, `備考`, `备注`,
/// `補足`, `参考`, `提示`, `メモ`, `お知らせ`, `注意事項`, and Korean `참고`, `메모`, `주의`,
/// `비고` (a CJK letter is three bytes).
fn is_note_word(label: &str) -> bool {
    let words: &[&str] = match label.len() {
        2 => &["nb", "ps", "re"],
        3 => &["btw", "fyi", "n.b", "p.s", "tip", "注"],
        4 => &["also", "edit", "n.b.", "nota", "note", "p.s."],
        6 => &[
            "update", "注意", "備考", "备注", "補足", "参考", "提示", "メモ", "참고", "메모",
            "주의", "비고",
        ],
        7 => &["example", "hinweis", "subject", "warning"],
        8 => &["remarque"],
        9 => &["anmerkung", "important"],
        12 => &["お知らせ", "注意事項"],
        _ => return false,
    };
    words.iter().any(|w| w.eq_ignore_ascii_case(label))
}

/// Whether `label` is a word for a part of a script and its number or letter (`Option 1`, `Step
/// #2`, `Q1`, `A1`, `Section 3.2`, `Reply 2b`, `Option A`). Diarisers number speakers the same way
/// (`Speaker 1`, `Caller 2`, `Participant 1`), so only these words are parts.
fn is_numbered_part(label: &str) -> bool {
    // Most labels end in two letters (`Agent`, `Customer`): their last two bytes turn them away.
    let numbered_end = match label.as_bytes() {
        [.., last] if last.is_ascii_digit() => true,
        [.., before, last] => {
            last.is_ascii_alphabetic()
                && (before.is_ascii_digit() || matches!(before, b' ' | b'#' | b'-' | b'_'))
        }
        _ => false,
    };
    if !numbered_end {
        return false;
    }
    let word_len = label.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (word, number) = label.split_at(word_len);
    let number = number.trim_start_matches([' ', '#', '-', '_']).as_bytes();
    let digits = number
        .iter()
        .take_while(|b| b.is_ascii_digit() || **b == b'.')
        .count();
    let numbered = match number {
        // `1`, `3.2`, `2b`.
        [first, ..] if first.is_ascii_digit() => match number[digits..] {
            [] => true,
            [letter] => letter.is_ascii_alphabetic(),
            _ => false,
        },
        [letter] => letter.is_ascii_alphabetic(),
        _ => false,
    };
    if !numbered {
        return false;
    }
    let words: &[&str] = match word.len() {
        1 => &["a", "q"],
        3 => &["alt", "tip"],
        4 => &["case", "item", "part", "step"],
        5 => &["draft", "macro", "reply", "stage"],
        6 => &["answer", "option", "sample", "script"],
        7 => &["example", "section", "variant", "version"],
        8 => &["question", "response", "scenario", "template"],
        11 => &["alternative"],
        _ => return false,
    };
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}
