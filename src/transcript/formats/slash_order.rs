//! Which number of a slash date (`03/04/2024`) is the day, only a file's dates all together
//! say: one day past 12 shows the order of every date of the file. One rule for every reader
//! of slash dates (a text transcript's stamps, a CSV file's time cells), so a file reads alike
//! whatever its format.

use super::time::{SlashOrder, slash_date_time, slash_time};

/// What one slash date says of its file's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Shows {
    /// It is a date in this order only (`13/06/2024` day first, `06/13/2024` month first).
    Order(SlashOrder),
    /// It is a date in both orders: its day as written (`03/04/2024` and `3/4/24` are one), as
    /// epoch milliseconds of its day-first reading at midnight, whatever its clock and zone.
    Day(u64),
    /// It is a date in neither order (`13/13/2024`, `31/02/2024`): no example of either.
    Nothing,
}

impl Shows {
    /// What `text`, a slash date and maybe a clock after it, says.
    pub(super) fn of(text: &str) -> Shows {
        let read = |order| slash_date_time(text, order).is_some();
        match (read(SlashOrder::DayFirst), read(SlashOrder::MonthFirst)) {
            (true, false) => Shows::Order(SlashOrder::DayFirst),
            (false, true) => Shows::Order(SlashOrder::MonthFirst),
            (true, true) => {
                let date = text.trim().split(' ').next().unwrap_or("");
                slash_time(date, SlashOrder::DayFirst).map_or(Shows::Nothing, Shows::Day)
            }
            (false, false) => Shows::Nothing,
        }
    }
}

/// The order a file's slash dates are read in, and where they show both orders.
pub(super) struct FileOrder<P> {
    /// The order they show; where they show none or both, the one named (`--date-order`,
    /// `date_order:`); with none named, day first where every date is of one day (either order
    /// then reads each time alike); else `None`, and no slash date is read.
    pub(super) order: Option<SlashOrder>,
    /// Where they show both: the least place of a date day first and of one month first.
    pub(super) mixed: Option<[P; 2]>,
}

/// The [`FileOrder`] of a file whose slash dates say `dates`, each with its place (any order:
/// the least place of each order is kept), where `named` is the order the user names.
pub(super) fn file_order<P: Ord>(
    dates: impl IntoIterator<Item = (Shows, P)>,
    named: Option<SlashOrder>,
) -> FileOrder<P> {
    let (mut day_first, mut month_first) = (None, None);
    // The day of the dates that read both ways, while they are all of one.
    let (mut day, mut one_day) = (None, true);
    for (shows, place) in dates {
        let first: &mut Option<P> = match shows {
            Shows::Order(SlashOrder::DayFirst) => &mut day_first,
            Shows::Order(SlashOrder::MonthFirst) => &mut month_first,
            Shows::Day(d) => {
                one_day &= *day.get_or_insert(d) == d;
                continue;
            }
            Shows::Nothing => continue,
        };
        if first.as_ref().is_none_or(|before| place < *before) {
            *first = Some(place);
        }
    }
    let (order, mixed) = match (day_first, month_first) {
        (Some(d), Some(m)) => (named, Some([d, m])),
        (Some(_), None) => (Some(SlashOrder::DayFirst), None),
        (None, Some(_)) => (Some(SlashOrder::MonthFirst), None),
        (None, None) => (named.or(one_day.then_some(SlashOrder::DayFirst)), None),
    };
    FileOrder { order, mixed }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_shows_the_order_it_alone_reads_in_or_its_day() {
        let day = |text| match Shows::of(text) {
            Shows::Day(d) => Some(d),
            _ => None,
        };
        assert_eq!(
            Shows::of("13/06/2024 10:00"),
            Shows::Order(SlashOrder::DayFirst)
        );
        assert_eq!(Shows::of("6/13/24"), Shows::Order(SlashOrder::MonthFirst));
        assert_eq!(Shows::of("13/13/2024"), Shows::Nothing);
        assert_eq!(Shows::of("04/31/2024"), Shows::Nothing);
        assert!(day("03/04/2024 23:00 -05:00").is_some());
        assert_eq!(day("03/04/2024 23:00 -05:00"), day("3/4/24 01:00 +09:00"));
        assert_ne!(day("03/04/2024"), day("04/03/2024"));
    }

    #[test]
    fn the_least_place_of_each_order_is_kept() {
        let day_first = Shows::Order(SlashOrder::DayFirst);
        let month_first = Shows::Order(SlashOrder::MonthFirst);
        let dates = [
            (month_first, 9),
            (day_first, 7),
            (month_first, 3),
            (day_first, 8),
        ];
        let file = file_order(dates, None);
        assert_eq!((file.order, file.mixed), (None, Some([7, 3])));
        let named = Some(SlashOrder::MonthFirst);
        assert_eq!(file_order(dates, named).order, named);
    }

    #[test]
    fn dates_of_one_day_read_day_first_and_of_two_need_a_name() {
        let one = [
            (Shows::Day(5), ()),
            (Shows::Nothing, ()),
            (Shows::Day(5), ()),
        ];
        assert_eq!(file_order(one, None).order, Some(SlashOrder::DayFirst));
        let two = [(Shows::Day(5), ()), (Shows::Day(6), ())];
        assert_eq!(file_order(two, None).order, None);
        let named = Some(SlashOrder::MonthFirst);
        assert_eq!(file_order(two, named).order, named);
        let shown = [
            (Shows::Day(5), ()),
            (Shows::Order(SlashOrder::MonthFirst), ()),
        ];
        assert_eq!(file_order(shown, None).order, named);
    }
}
