//! The flags of CSV reports, one struct that `check` (and so `eval`, for `--output-csv`) and
//! `merge` flatten, as all three write CSV alike; [`super::super::settings`] puts them over the
//! config's `csv_delimiter:` and `csv_bom:`.

use super::super::values::csv_delimiter;
use crate::report::CsvDelimiter;
use clap::Args;

#[derive(Debug, Args, Clone, Default)]
pub(crate) struct CsvArgs {
    /// With --format csv: one row per finding instead of one per conversation.
    #[arg(long)]
    pub(crate) csv_findings: bool,
    /// What separates the fields of CSV reports (`,` and `;` are taken too; default: the
    /// config's `csv_delimiter`, else comma). Excel splits rows at its locale's list separator,
    /// `;` where the comma is the decimal mark.
    #[arg(long, value_name = "DELIMITER", value_parser = csv_delimiter())]
    pub(crate) csv_delimiter: Option<CsvDelimiter>,
    /// Open CSV reports with a UTF-8 byte order mark, so that Excel reads them as UTF-8
    /// (`Cálmese`, not `CÃ¡lmese`); some other readers take the mark for part of the first
    /// column's name.
    #[arg(long, overrides_with = "no_csv_bom")]
    pub(crate) csv_bom: bool,
    /// No byte order mark in CSV reports, whatever the config's `csv_bom` says.
    #[arg(long, overrides_with = "csv_bom")]
    pub(crate) no_csv_bom: bool,
}
