//! What a labels file's cells say: a label, a whole number as spreadsheets write one, and the
//! message of a row whose cells do not line up with the header.

use crate::text::controls::escape_name;

/// A number as a spreadsheet or pandas may write a whole one, `3.0` for `3`: without its
/// fraction of zeros.
pub(super) fn whole(cell: &str) -> &str {
    match cell.split_once('.') {
        Some((int, zeros))
            if !int.is_empty() && !zeros.is_empty() && zeros.bytes().all(|b| b == b'0') =>
        {
            int
        }
        _ => cell,
    }
}

/// A row with more or fewer fields than the header: a delimiter too many or too few moves
/// every label after it into another column, so no cell of it is read.
pub(super) fn misaligned(fields: usize, header: usize, delimiter: u8) -> String {
    let what = match delimiter {
        b'\t' => "tab",
        b';' => "semicolon",
        _ => "comma",
    };
    let plural = if fields == 1 { "" } else { "s" };
    format!(
        "this row has {fields} field{plural} and the header {header}: a {what} too many or too few \
         moves labels into other columns; give the row one cell per header column (empty where \
         unlabelled), and put a cell that holds a {what} in double quotes"
    )
}

/// A label cell of the column headed `selector`: `1/0` (`1.0`/`0.0` too, as pandas writes a
/// column with empty cells), `yes/no`, `y/n`, `true/false` (any case), empty for no label.
pub(super) fn value(cell: &str, selector: &str) -> Result<Option<bool>, String> {
    match whole(cell).to_ascii_lowercase().as_str() {
        "" => Ok(None),
        "1" | "yes" | "true" | "y" => Ok(Some(true)),
        "0" | "no" | "false" | "n" => Ok(Some(false)),
        // A quoted cell may hold a line break: the message stays on one line.
        _ => Err(format!(
            "`{}` is not a label of `{}`: write 1/0, yes/no (y/n) or true/false, or leave it \
             empty; every column but path, turn and id is a selector, so drop a column of \
             notes",
            escape_name(cell),
            escape_name(selector.trim())
        )),
    }
}
