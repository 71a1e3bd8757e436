//! A file of two YAML documents or more (packs pasted one after another, each opening with
//! `---`). The library says "more than one document" with no place: this finds the line where
//! the second document starts, so that the error points at it.

/// What the error says at the second document's start.
pub(super) const MESSAGE: &str =
    "a second YAML document starts here: talklint reads one document per file";

/// How to fix it.
pub(super) const HINT: &str = "join the two into one and remove this line (a rule pack has one \
                               `rules:` list), or split the file in two";

/// Whether the library's `message` is the one about several documents.
pub(super) fn is_several(message: &str) -> bool {
    message.starts_with("deserializing from YAML containing more than one document")
}

/// The 1-based line and column of the `---` (or the content after a `...`) that starts the
/// second document of `source`: a `---` opening the file, before any content, starts the first.
pub(super) fn second(source: &str) -> Option<(usize, usize)> {
    let mut content = false;
    let mut ended = false;
    for (i, line) in source.lines().enumerate() {
        let marker = |m: &str| {
            line.strip_prefix(m)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
        };
        let blank = line.trim().is_empty() || line.trim_start().starts_with('#');
        if marker("---") {
            if content || ended {
                return Some((i + 1, 1));
            }
            content = true;
        } else if marker("...") {
            ended = true;
        } else if !blank && !line.starts_with('%') {
            if ended {
                return Some((i + 1, 1));
            }
            content = true;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::second;

    #[test]
    fn the_second_document_starts_at_its_marker() {
        assert_eq!(second("---\nrules: []\n---\nrules: []\n"), Some((3, 1)));
        assert_eq!(
            second("# pack\nrules: []\n--- # more\nrules: []\n"),
            Some((3, 1))
        );
        assert_eq!(second("rules: []\n...\n\nrules: []\n"), Some((4, 1)));
        assert_eq!(second("%YAML 1.2\n---\nrules: []\n"), None);
        assert_eq!(second("rules:\n  - id: a\n    message: '--- x'\n"), None);
    }
}
