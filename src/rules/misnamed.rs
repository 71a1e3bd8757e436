//! A file given as rules that is something else: a cloud export saved without its `.json`, or a
//! transcript (`-r call.txt`). Its YAML error alone (an unknown key `Categories`, or `Agent`)
//! does not say so; its help does.

use super::error::{RuleError, SourceFile};
use super::import;
use crate::transcript::Format;
use std::path::Path;

/// A rule file that cannot be read as YAML, whose text is a cloud export (saved without its
/// `.json`) or whose name is a transcript's (`-r call.txt`): its error says so, as the YAML
/// error alone (an unknown key `Categories`, or `Agent`) does not.
pub(super) fn misnamed(mut e: RuleError, file: &SourceFile, fillers: &[String]) -> RuleError {
    let path = Path::new(file.name);
    let yaml = crate::file_name::extension(path)
        .is_some_and(|x| x.eq_ignore_ascii_case("yaml") || x.eq_ignore_ascii_case("yml"));
    if import::read(file, fillers).is_ok() {
        let renamed = path.with_extension("json");
        e.hint = Some(format!(
            "{} holds cloud rules (AWS categories or CCAI phrase matchers), which talklint reads \
             from a file named `.json`: rename it to `{}`, then pass it to `-r` as it is, or \
             turn it into YAML with `talklint import`",
            file.name,
            renamed.display()
        ));
    } else if let Some(format) = Format::from_extension(path).filter(|_| !yaml) {
        e.hint = Some(format!(
            "{} is named as a {} transcript, not a rule file: rule files (`-r`, `--rules`) \
             are YAML (`.yaml`); name transcripts to check without `-r`",
            file.name,
            format.name()
        ));
    }
    e
}
