//! A CSV file's slash dates (`6/13/2024`) say which of their numbers is the day only all
//! together, as [`file_order`] decides for every format. A file whose dates show
//! both orders mixes them (two exports pasted together, a sheet edited by hand), and its dates
//! that are not read are warned about as such, with a date of each order named, and not as dates
//! that could be read either way.

use super::super::slash_order::{FileOrder, Shows, file_order};
use super::super::time::SlashOrder;
use crate::text::lines::LineCursor;

/// What a file's slash dates show of their order, and the order they are read in.
pub(super) struct SlashDates<'s> {
    /// The order they show, else the one `--date-order` or `date_order:` names, if any.
    pub(super) order: Option<SlashOrder>,
    /// Where they show both: the first day first and the first month first, each placed once
    /// for the warning of every conversation that has a date that is not read.
    mixed: Option<[Example<'s>; 2]>,
}

/// A date of one order in a file that mixes them: its cell, and its line and column.
struct Example<'s> {
    cell: &'s str,
    line: usize,
    column: usize,
}

/// A slash date that is not read, in a file whose dates mix both orders: its column's name and
/// its cell as written, a slice of the source.
pub(super) struct Unread<'s> {
    pub(super) name: &'s str,
    pub(super) raw: &'s str,
}

impl<'s> SlashDates<'s> {
    /// What `dates` show (what each says of the order, and its cell, a slice of `source`):
    /// the order they are read in and, where they show both, the first cell of each (see
    /// [`file_order`], placed by `lines`, a cursor over `source`); `named` is the order the
    /// user names.
    pub(super) fn of(
        (source, lines): (&'s str, &mut LineCursor),
        dates: impl Iterator<Item = (Shows, &'s str)>,
        named: Option<SlashOrder>,
    ) -> Self {
        let placed =
            dates.map(|(shows, cell)| (shows, (crate::text::offset_in(source, cell), cell)));
        let FileOrder { order, mixed } = file_order(placed, named);
        let mixed = mixed.map(|dates| {
            dates.map(|(at, cell)| {
                let (line, column) = lines.position(at);
                Example { cell, line, column }
            })
        });
        SlashDates { order, mixed }
    }

    /// Whether the file's dates show both orders.
    pub(super) fn mixed(&self) -> bool {
        self.mixed.is_some()
    }

    /// The warning for a conversation's slash dates that are not read in a file that mixes the
    /// orders (`unread`, the first named, placed by `lines`).
    pub(super) fn warning(&self, unread: &[Unread], lines: &mut LineCursor) -> Option<String> {
        let [d, m] = self.mixed.as_ref()?;
        let (first, more) = unread.split_first()?;
        let (line, column) = lines.position(crate::text::offset_in(lines.text(), first.raw));
        let more = super::super::more_like(more.len(), "slash date");
        let [d, m] =
            [d, m].map(|e| format!("`{}` at line {}, column {}", e.cell, e.line, e.column));
        Some(format!(
            "line {line}, column {column}: `{}` is `{}`, a date with slashes, and this file \
             mixes the two orders of them, day first ({d}) and month first ({m}): the turn is \
             read without this time; write all the file's dates in one order, best as ISO 8601 \
             (`2024-06-13 10:00:00`), or name the order to read with --date-order or \
             `date_order:` (the dates in the other order are then read without a time){more}",
            first.name, first.raw
        ))
    }
}
