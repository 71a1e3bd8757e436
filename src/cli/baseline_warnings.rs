//! What a run says of its `--baseline` when it ends: a baseline that names no file there is,
//! findings of it no longer found, and findings of files no longer there.

use crate::report::{Summary, plural};
use crate::text::controls::escape_name;

/// Says on standard error when the baseline holds findings no longer found, or findings of files
/// no longer there, or names none of the files checked (every finding of them is then new).
pub(super) fn warn(b: &crate::baseline::Baseline, totals: &Summary) {
    let names_none = b.names_no_file_there();
    if totals.files > 0 && names_none {
        super::stderr::warning(&format!(
            "the baseline {} names no file there is, so every finding counts as new: its paths \
             are read from the folder it is in; {}, and again after files move",
            b.name,
            crate::baseline::make(&b.name),
        ));
    }
    let findings = |n: usize| {
        let verb = if n == 1 { "is" } else { "are" };
        format!(
            "{} of the baseline {} {verb}",
            plural(n, "finding", "findings"),
            b.name
        )
    };
    let (files, held) = b.files_gone();
    if held > 0 && !names_none {
        let names: Vec<String> = (files.iter().take(3))
            .map(|p| escape_name(&p.display().to_string()).into_owned())
            .collect();
        let more = match files.len() {
            0..=3 => String::new(),
            n => format!(" and {} more", n - 3),
        };
        super::stderr::warning(&format!(
            "{} of files no longer there ({}{more}): make it again to keep it current",
            findings(held),
            names.join(", "),
        ));
    }
    let n = b.gone();
    if n > 0 {
        super::stderr::warning(&format!(
            "{} no longer found in the conversations checked: make it again to keep it current",
            findings(n),
        ));
    }
}
