//! Reading a labels file (SPEC §9): CSV or TSV with a header of `path`, optional `turn` and
//! `id`, then one column per selector; values `1/0`, `yes/no`, `true/false`, empty when
//! unlabelled. Every row has one cell per header column (a delimiter too many or too few would
//! move labels into other columns). Every error names the file, line and column.

use super::label_cells::{misaligned, value, whole};
use super::label_places::{Place, newlines};
use super::selector::Selector;
use crate::transcript::formats::csv;
use std::fmt;

/// One labelled row: a turn, or a whole conversation when `turn` is `None`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// As the labels file writes it.
    pub path: String,
    /// The conversation's id, for files that hold several.
    pub id: Option<String>,
    /// 1-based turn; `None` labels the conversation.
    pub turn: Option<usize>,
    /// One value per selector; `None` where the cell is empty.
    pub values: Vec<Option<bool>>,
    /// The row's 1-based line in the file.
    pub line: usize,
    /// Where the row starts in the file, for the places of its cells ([`Labels::place`]).
    pub at: usize,
}

/// A cell of a row that an error about the row points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Path,
    Turn,
    Id,
    /// The cell of the selector of this index.
    Selector(usize),
}

/// A labels file, read.
#[derive(Debug, Clone)]
pub struct Labels {
    pub selectors: Vec<Selector>,
    /// The 1-based column where each selector is written in the header line.
    pub columns: Vec<usize>,
    pub rows: Vec<Row>,
    /// Whether the header has an `id` column (a row's id may still be empty).
    pub has_id: bool,
    /// The header's 1-based line (2 below a `sep=;` line).
    pub header_line: usize,
    /// The file, its delimiter, and the fields of `path`, `turn`, `id` and each selector: where
    /// a row's cells are, worked out only for an error.
    text: String,
    delimiter: u8,
    fields: Fields,
}

#[derive(Debug, Clone)]
struct Fields {
    path: usize,
    turn: Option<usize>,
    id: Option<usize>,
    selectors: Vec<usize>,
}

/// A labels file that cannot be read: where and why.
#[derive(Debug, Clone, thiserror::Error)]
pub struct LabelError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

impl fmt::Display for LabelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.column, self.message
        )
    }
}

impl Labels {
    /// Reads `text`, a labels file named `file`, parted as the CSV reader parts a file: as a
    /// first line `sep=X` says (Excel's), by tabs when its header has tabs and no comma, by `;`
    /// when `;` (and no comma outside quotes) parts a text column from others, else by commas.
    pub fn parse(file: &str, text: &str) -> Result<Labels, LabelError> {
        let fail = |line: usize, column: usize, message: String| LabelError {
            file: file.to_string(),
            line,
            column,
            message,
        };
        if text.trim_start_matches('\u{feff}').trim().is_empty() {
            let hint = "write a header `path[,turn][,id],selector,…` and a row per labelled turn";
            return Err(fail(1, 1, format!("the labels file is empty: {hint}")));
        }
        let (mut reader, body_start, mut delimiter) = csv::open(text);
        // The header's line: 2 below Excel's `sep=;` line.
        let top = 1 + newlines(&text[..body_start]);
        let mut header = reader
            .headers()
            .map_err(|e| fail(top, 1, format!("cannot read the header: {e}")))?
            .clone();
        // `path;turn;…` with no text column is no transcript CSV, and is a labels file.
        if header.len() == 1 && header[0].contains(';') {
            delimiter = b';';
            reader = csv::reader_of(&text[body_start..], delimiter);
            header = reader
                .headers()
                .map_err(|e| fail(top, 1, format!("cannot read the header: {e}")))?
                .clone();
        }
        let head = Place::new(text, body_start, delimiter);
        let column_of =
            |name: &str| (header.iter()).position(|h| h.trim().eq_ignore_ascii_case(name));
        // A header cell left empty (`path,turn,x,`): its column is read only to be empty.
        let unnamed: Vec<usize> = (header.iter().enumerate())
            .filter(|(_, h)| h.trim().is_empty())
            .map(|(k, _)| k)
            .collect();
        let path = column_of("path").ok_or_else(|| {
            // Written with the file's own separator; a tab said in words.
            let (sep, tabs) = match delimiter {
                b'\t' => (',', " (with tabs for the commas)"),
                b => (char::from(b), ""),
            };
            let header = format!("path[{sep}turn][{sep}id]{sep}selector{sep}…");
            fail(
                top,
                1,
                format!("no `path` column: the header is `{header}`{tabs}"),
            )
        })?;
        let (turn, id) = (column_of("turn"), column_of("id"));
        for (name, first) in [("path", Some(path)), ("turn", turn), ("id", id)] {
            let again = (header.iter().enumerate())
                .find(|&(k, h)| Some(k) != first && h.trim().eq_ignore_ascii_case(name));
            if let (Some(first), Some((k, _))) = (first, again) {
                let message = format!(
                    "`{name}` is a column twice (first at character {} of the header line): keep one",
                    head.column(first)
                );
                return Err(fail(top, head.column(k), message));
            }
        }
        let mut selectors = Vec::new();
        let mut selector_columns = Vec::new();
        for (k, name) in header.iter().enumerate() {
            if [Some(path), turn, id].contains(&Some(k)) || unnamed.contains(&k) {
                continue;
            }
            let selector = Selector::parse(name.trim())
                .map_err(|message| fail(top, head.column(k), message))?;
            if let Some(twin) = selectors
                .iter()
                .position(|s: &Selector| s.name == selector.name)
            {
                let message = format!(
                    "`{}` is a column twice (first at character {} of the header line): keep one",
                    selector.name,
                    head.column(selector_columns[twin])
                );
                return Err(fail(top, head.column(k), message));
            }
            selectors.push(selector);
            selector_columns.push(k);
        }
        if selectors.is_empty() {
            return Err(fail(top, 1, "no label columns: add a column per selector (`ownership:forbid`, a rule id, a category)".into()));
        }
        let mut rows = Vec::new();
        let mut record = ::csv::StringRecord::new();
        // Lines are counted here, up to each row's start: the reader counts a CRLF row's line
        // ends apart.
        let (mut counted_to, mut line) = (0, 1);
        loop {
            let at = body_start + usize::try_from(reader.position().byte()).unwrap_or(0);
            let more = reader.read_record(&mut record).map_err(|e| {
                let to = body_start + e.position().map_or(0, |p| p.byte() as usize);
                let line = line + newlines(text.get(counted_to..to).unwrap_or(""));
                fail(line, 1, format!("cannot read the row: {e}"))
            })?;
            if !more {
                break;
            }
            // The reader ends a CRLF row at its CR and passes over the LF (and blank lines) as
            // the next row begins: the row starts after them.
            let at = at
                + text
                    .get(at..)
                    .unwrap_or("")
                    .bytes()
                    .take_while(|b| matches!(b, b'\r' | b'\n'))
                    .count();
            line += newlines(text.get(counted_to..at).unwrap_or(""));
            counted_to = at;
            let place = Place::new(text, at, delimiter);
            // A quote never closed runs to the end of the file: only the last row can hold one.
            let last = body_start + usize::try_from(reader.position().byte()).unwrap_or(0);
            if last >= text.len()
                && let Some((down, column)) = place.unclosed_quote()
            {
                return Err(fail(line + down, column, csv::UNCLOSED_QUOTE.into()));
            }
            let cell = |k: usize| record.get(k).unwrap_or("").trim();
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            // An error about field `k`, where the field starts.
            let fail_at = |k: usize, message: String| {
                let (down, column) = place.at(k);
                fail(line + down, column, message)
            };
            if record.len() != header.len() {
                return Err(fail_at(
                    record.len().min(header.len()),
                    misaligned(record.len(), header.len(), delimiter),
                ));
            }
            let turn = match turn.map(cell).filter(|t| !t.is_empty()) {
                None => None,
                Some(t) => Some(
                    whole(t)
                        .parse::<usize>()
                        .ok()
                        .filter(|&n| n > 0)
                        .ok_or_else(|| {
                            fail_at(
                                turn.unwrap_or(0),
                                format!("turn `{t}` is not a 1-based turn number"),
                            )
                        })?,
                ),
            };
            if let Some(&k) = unnamed.iter().find(|&&k| !cell(k).is_empty()) {
                let message = format!(
                    "`{}` is in column {}, which has no name in the header: write its \
                     selector there, or leave the cell empty",
                    cell(k),
                    k + 1
                );
                return Err(fail_at(k, message));
            }
            let mut values = Vec::with_capacity(selector_columns.len());
            for &k in &selector_columns {
                let label = value(cell(k), &header[k]).map_err(|message| fail_at(k, message))?;
                values.push(label);
            }
            if cell(path).is_empty() {
                let message = "the row's `path` cell is empty: write the path of the file it \
                               labels, as reports print it";
                return Err(fail_at(path, message.into()));
            }
            rows.push(Row {
                path: cell(path).to_string(),
                id: id.map(cell).filter(|i| !i.is_empty()).map(str::to_string),
                turn,
                values,
                line,
                at,
            });
        }
        if rows.is_empty() {
            return Err(fail(1, 1, "no labelled rows: a floor over no labels would pass whatever the rules do; add a row per labelled turn or conversation".into()));
        }
        // A column no row labels is scored nowhere and left out of the table: a floor over it
        // would pass unmeasured, as one over a file with no labels at all.
        let unlabelled: Vec<usize> = (0..selectors.len())
            .filter(|&s| rows.iter().all(|r| r.values[s].is_none()))
            .collect();
        if unlabelled.len() == selectors.len() {
            let rows_leave = match rows.len() {
                1 => "its only row leaves".to_string(),
                n => format!("its {n} rows leave"),
            };
            return Err(fail(
                1,
                1,
                format!(
                    "no cell holds a label: {rows_leave} every selector cell empty, and a \
                     floor over no labels would pass whatever the rules do; write 1/0, yes/no or \
                     true/false in the cells to score"
                ),
            ));
        }
        if let Some(&first) = unlabelled.first() {
            let names: Vec<String> = unlabelled
                .iter()
                .map(|&s| format!("`{}`", selectors[s].name))
                .collect();
            let (holds, it, its, the_column) = if names.len() == 1 {
                ("holds", "it", "its cells", "the column")
            } else {
                ("hold", "them", "their cells", "the columns")
            };
            return Err(fail(
                top,
                head.column(selector_columns[first]),
                format!(
                    "{} {holds} no label in any row: a floor over {it} would pass whatever the \
                     rules do; label {its} (1/0, yes/no or true/false), or drop {the_column}",
                    names.join(", ")
                ),
            ));
        }
        let columns = selector_columns.iter().map(|&k| head.column(k)).collect();
        Ok(Labels {
            selectors,
            columns,
            rows,
            has_id: id.is_some(),
            header_line: top,
            text: text.to_string(),
            delimiter,
            fields: Fields {
                path,
                turn,
                id,
                selectors: selector_columns,
            },
        })
    }

    /// The line and column of `row`'s `cell` (its path's where the header has no such column).
    pub fn place(&self, row: &Row, cell: Cell) -> (usize, usize) {
        let f = &self.fields;
        let k = match cell {
            Cell::Path => f.path,
            Cell::Turn => f.turn.unwrap_or(f.path),
            Cell::Id => f.id.unwrap_or(f.path),
            Cell::Selector(s) => f.selectors.get(s).copied().unwrap_or(f.path),
        };
        let (down, column) = Place::new(&self.text, row.at, self.delimiter).at(k);
        (row.line + down, column)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_and_csv_with_turns_and_empty_cells() {
        let l = Labels::parse(
            "l.tsv",
            "path\tturn\townership:forbid\tempathy\na.jsonl\t2\t1\t\nb.txt\t\tno\tyes\n",
        )
        .unwrap();
        assert_eq!(l.selectors.len(), 2);
        assert_eq!(l.rows[0].values, [Some(true), None]);
        assert_eq!((l.rows[1].turn, l.rows[1].values[1]), (None, Some(true)));
        let l = Labels::parse("l.csv", "id,path,x/y\n7,a.csv,0\n").unwrap();
        assert_eq!((l.rows[0].id.as_deref(), l.rows[0].line), (Some("7"), 2));
    }

    #[test]
    fn bad_cells_are_errors_where_they_are() {
        let e = Labels::parse("l.csv", "path,turn,x\na,1,maybe\n").unwrap_err();
        assert_eq!((e.line, e.column), (2, 5));
        assert!(e.message.contains("`maybe` is not a label"), "{e}");
        assert!(
            Labels::parse("l.csv", "file,x\n")
                .unwrap_err()
                .message
                .contains("no `path`")
        );
        assert!(Labels::parse("l.csv", "path,turn,x\na,zero,1\n").is_err());
        assert!(Labels::parse("l.csv", "path,x:sometimes\n").is_err());
    }

    #[test]
    fn a_selector_twice_or_no_rows_are_errors() {
        let e = Labels::parse("l.csv", "path,x,turn,x\na,1,1,0\n").unwrap_err();
        assert_eq!((e.line, e.column), (1, 13));
        assert!(
            e.message
                .contains("`x` is a column twice (first at character 6 of the header line)"),
            "{e}"
        );
        let e = Labels::parse("l.csv", "path,turn,x\n\n").unwrap_err();
        assert!(e.message.starts_with("no labelled rows"), "{e}");
    }
}
