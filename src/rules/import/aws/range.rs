//! An AWS filter's time range, `AbsoluteTimeRange` in milliseconds or `RelativeTimeRange` in
//! percent, read as the window it limits the filter to, with AWS's limits checked at their place.

use super::MAX_MS;
use crate::rules::import::Window;
use crate::rules::import::json::{Bad, Fields, Node, bad};

/// An `AbsoluteTimeRange` (milliseconds) or `RelativeTimeRange` (percent): start and end
/// together, or `First`, or `Last`. Gives the window and the range as written.
pub(super) fn range(node: &Node, key: &str) -> Result<(Window, String), Bad> {
    let absolute = key == "AbsoluteTimeRange";
    let (start, end, max, unit) = if absolute {
        ("StartTime", "EndTime", MAX_MS, "milliseconds")
    } else {
        ("StartPercentage", "EndPercentage", 100, "percent")
    };
    let keys = [start, end, "First", "Last"];
    let f = Fields::new(node, key, &keys, &[], false)?;
    let value = |k: &str| -> Result<Option<u64>, Bad> {
        f.get(k)
            .map(|n| n.whole(&format!("{key}.{k}"), max, unit))
            .transpose()
    };
    let given: Vec<&str> = keys
        .iter()
        .copied()
        .filter(|k| f.get(k).is_some())
        .collect();
    let hint =
        format!("write `{start}` with `{end}`, or `First`, or `Last` ({unit} from 0 to {max})");
    let wrong = |message: String| {
        let at = given
            .get(1)
            .and_then(|k| f.entry(k))
            .map_or(node.at, |e| e.key_at);
        bad(at, message, hint.clone())
    };
    let s = |ms: u64| {
        if absolute {
            ms as f64 / 1000.0
        } else {
            ms as f64
        }
    };
    let (window, text) = match given.as_slice() {
        [a, b] if *a == start && *b == end => {
            let (a, b) = (value(start)?.unwrap_or(0), value(end)?.unwrap_or(0));
            if a >= b {
                return Err(wrong(format!("{key}: {start} {a} is not before {end} {b}")));
            }
            let w = if absolute {
                Window::BetweenSeconds(s(a), s(b))
            } else {
                Window::BetweenPercent(s(a), s(b))
            };
            (w, format!("{start} {a} {end} {b}"))
        }
        [one @ ("First" | "Last")] => {
            let n = value(one)?.unwrap_or(0);
            if n == 0 {
                return Err(bad(
                    f.get(one).map_or(node.at, |n| n.at),
                    format!("{key}.{one} is 0: the range holds nothing"),
                    format!(
                        "write `{one}` as 1 or more ({unit} up to {max}), or leave out the range to search the whole call"
                    ),
                ));
            }
            let w = match (absolute, *one == "First") {
                (true, true) => Window::BetweenSeconds(0.0, s(n)),
                (true, false) => Window::LastSeconds(s(n)),
                (false, true) => Window::FirstPercent(s(n)),
                (false, false) => Window::LastPercent(s(n)),
            };
            (w, format!("{one} {n}"))
        }
        [] => return Err(bad(node.at, format!("{key} is empty"), hint)),
        more => {
            return Err(wrong(format!(
                "{key} takes `{start}` with `{end}`, or `First`, or `Last`, not {}",
                more.join(" with ")
            )));
        }
    };
    Ok((window, text))
}
