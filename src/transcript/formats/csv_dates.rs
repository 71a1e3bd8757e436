//! A CSV file's slash dates (`6/13/2024`) say which of their numbers is the day only all
//! together: one day past 12 shows the order of every date of the file. A file whose dates show
//! both orders mixes them (two exports pasted together, a sheet edited by hand), and its dates
//! that are not read are warned about as such, with a date of each order named, and not as dates
//! that could be read either way.

use super::super::time::SlashOrder;
use crate::text::lines::LineCursor;

/// What a file's slash dates show of their order, and the order they are read in.
pub(super) struct SlashDates<'s> {
    /// The order they show, else the one `--date-order` or `date_order:` names, if any.
    pub(super) order: Option<SlashOrder>,
    /// Where they show both: the first day first and the first month first, bytes of the
    /// source where their cells are written, and the cells.
    mixed: Option<[(usize, &'s str); 2]>,
}

/// A slash date that is not read, in a file whose dates mix both orders: its column's name and
/// its cell as written, a slice of the source.
pub(super) struct Unread<'s> {
    pub(super) name: &'s str,
    pub(super) raw: &'s str,
}

impl<'s> SlashDates<'s> {
    /// What `dates` show (each date's order, if it shows one, and its cell, a slice of
    /// `source`); where they show no one order, `named` is the order they are read in, else day
    /// first where all are of one day, which either order reads alike.
    pub(super) fn of(
        source: &'s str,
        dates: impl Iterator<Item = (Option<SlashOrder>, &'s str)>,
        named: Option<SlashOrder>,
    ) -> Self {
        let (mut day_first, mut month_first) = (None, None);
        // The one day all dates are of, as written, while they are (either order then reads
        // every time alike).
        let (mut day, mut one_day) = (None, true);
        for (shown, cell) in dates {
            let written = cell
                .trim()
                .trim_matches('"')
                .split(' ')
                .next()
                .unwrap_or("");
            one_day &= *day.get_or_insert(written) == written;
            let first: &mut Option<(usize, &str)> = match shown {
                Some(SlashOrder::DayFirst) => &mut day_first,
                Some(SlashOrder::MonthFirst) => &mut month_first,
                None => continue,
            };
            let at = crate::text::offset_in(source, cell);
            if first.is_none_or(|(before, _)| at < before) {
                *first = Some((at, cell));
            }
        }
        let (order, mixed) = match (day_first, month_first) {
            (Some(d), Some(m)) => (named, Some([d, m])),
            (Some(_), None) => (Some(SlashOrder::DayFirst), None),
            (None, Some(_)) => (Some(SlashOrder::MonthFirst), None),
            (None, None) => (named.or(one_day.then_some(SlashOrder::DayFirst)), None),
        };
        SlashDates { order, mixed }
    }

    /// Whether the file's dates show both orders.
    pub(super) fn mixed(&self) -> bool {
        self.mixed.is_some()
    }

    /// The warning for a conversation's slash dates that are not read in a file that mixes the
    /// orders (`unread`, the first named, placed by `lines`).
    pub(super) fn warning(&self, unread: &[Unread], lines: &mut LineCursor) -> Option<String> {
        let [(d_at, d), (m_at, m)] = self.mixed?;
        let (first, more) = unread.split_first()?;
        let (line, column) = lines.position(crate::text::offset_in(lines.text(), first.raw));
        let (d_line, d_column) = lines.position(d_at);
        let (m_line, m_column) = lines.position(m_at);
        let more = super::super::more_like(more.len(), "slash date");
        Some(format!(
            "line {line}, column {column}: `{}` is `{}`, a date with slashes, and this file \
             mixes the two orders of them, day first (`{d}` at line {d_line}, column \
             {d_column}) and month first (`{m}` at line {m_line}, column {m_column}): the turn \
             is read without this time; write all the file's dates in one order, best as ISO \
             8601 (`2024-06-13 10:00:00`), or name the order to read with --date-order or \
             `date_order:` (the dates in the other order are then read without a time){more}",
            first.name, first.raw
        ))
    }
}
