//! How CSV reports are written for the spreadsheet that opens them (`--csv-delimiter`,
//! `--csv-bom`, the config's `csv_delimiter:` and `csv_bom:`). Excel reads a CSV file without a
//! byte order mark in the locale's ANSI code page (`Cálmese` shows as `CÃ¡lmese`), and splits
//! its rows at the locale's list separator, which is `;` where the comma is the decimal mark
//! (Spain, Germany): a comma-separated report then opens with every row in column A. A `sep=;`
//! first line would split it in any locale, but Excel reads a file with one in the code page
//! again, BOM or not; so the delimiter and the BOM are chosen, and no `sep=` line is written.

use schemars::JsonSchema;
use serde::Deserialize;
use std::borrow::Cow;

/// The bytes of a UTF-8 byte order mark, which opens a CSV report with [`CsvDialect::bom`].
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// What separates the fields of a CSV report's rows, by name or (`,`, `;`) as itself.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CsvDelimiter {
    #[default]
    #[serde(alias = ",")]
    Comma,
    #[serde(alias = ";")]
    Semicolon,
    Tab,
}

impl CsvDelimiter {
    pub const ALL: [CsvDelimiter; 3] = [
        CsvDelimiter::Comma,
        CsvDelimiter::Semicolon,
        CsvDelimiter::Tab,
    ];

    /// The delimiter's name as `--csv-delimiter` and `csv_delimiter:` take it.
    pub fn name(self) -> &'static str {
        match self {
            CsvDelimiter::Comma => "comma",
            CsvDelimiter::Semicolon => "semicolon",
            CsvDelimiter::Tab => "tab",
        }
    }

    /// The character itself, also taken for the name (none for a tab, which a shell or YAML
    /// file hardly shows).
    pub fn symbol(self) -> Option<&'static str> {
        match self {
            CsvDelimiter::Comma => Some(","),
            CsvDelimiter::Semicolon => Some(";"),
            CsvDelimiter::Tab => None,
        }
    }

    /// What the delimiter is for, in a line.
    pub fn about(self) -> &'static str {
        match self {
            CsvDelimiter::Comma => "`,` (default): Excel in an English locale, most tools",
            CsvDelimiter::Semicolon => {
                "`;`: Excel where the comma is the decimal mark (Spanish, German, French)"
            }
            CsvDelimiter::Tab => "a tab: tab-separated values",
        }
    }

    /// The delimiter's byte.
    pub(crate) fn byte(self) -> u8 {
        match self {
            CsvDelimiter::Comma => b',',
            CsvDelimiter::Semicolon => b';',
            CsvDelimiter::Tab => b'\t',
        }
    }
}

/// In the schema: each delimiter's name and symbol, which serde's aliases read and a derived
/// schema would leave out.
impl JsonSchema for CsvDelimiter {
    fn schema_name() -> Cow<'static, str> {
        "CsvDelimiter".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let each = CsvDelimiter::ALL.map(|d| {
            let spellings: Vec<&str> = [Some(d.name()), d.symbol()].into_iter().flatten().collect();
            schemars::json_schema!({"description": d.about(), "enum": spellings})
        });
        schemars::json_schema!({
            "description": "What separates the fields of CSV reports: a name, or `,` or `;` itself.",
            "type": "string",
            "oneOf": each,
        })
    }
}

/// How a run's CSV reports are written; the default writes them as talklint always has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CsvDialect {
    pub delimiter: CsvDelimiter,
    /// A UTF-8 byte order mark opens the file, so that Excel reads it as UTF-8 (other readers
    /// may take the mark for part of the first column's name).
    pub bom: bool,
}

impl CsvDialect {
    /// A CSV writer of rows in this dialect into `out`. Its buffer is small: a row is short,
    /// and a writer is made per conversation.
    pub(super) fn writer<W: std::io::Write>(self, out: W) -> csv::Writer<W> {
        csv::WriterBuilder::new()
            .delimiter(self.delimiter.byte())
            .buffer_capacity(1024)
            .from_writer(out)
    }
}
