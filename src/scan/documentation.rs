//! The files a project keeps beside its scripts and transcripts to explain itself (`README.md`,
//! `LICENSE.txt`, `CHANGELOG.md`): a walk leaves them out, as they are written about the
//! repository, not said to a customer. A README that quoted a forbidden phrase ("never tell a
//! customer to calm down") failed as an agent's script, and a folder of calls counted its README
//! among the conversations that passed. Named on the command line or taken by `--include`, such
//! a file is read; a config's `include` names kinds of files, and does not take it.

use std::path::Path;

/// The names, before any extension and in any case, of a project's documentation files. Names
/// a canned reply may have (`security.md`, `notice.txt`, `changes.txt`) are not among them.
const NAMES: [&str; 9] = [
    "readme",
    "license",
    "licence",
    "copying",
    "changelog",
    "contributing",
    "code_of_conduct",
    "authors",
    "contributors",
];

/// Why a walk leaves such a file out.
pub(super) const REASON: &str = concat!(
    "the project's documentation, not a transcript or script; ",
    "name it, or --include it, to check it"
);

/// Whether `path` names a project's documentation file: one of [`NAMES`], alone or before an
/// extension (`README.md`, `LICENSE.txt`), with dashes for its underscores
/// (`CODE-OF-CONDUCT.md`). A longer name is a script's (`license-renewal.txt`).
pub(super) fn is_documentation(path: &Path) -> bool {
    let Some(name) = crate::file_name::name(path).and_then(|n| n.to_str()) else {
        return false;
    };
    let stem = name.split('.').next().unwrap_or(name);
    let same = |n: &&str| {
        stem.len() == n.len()
            && (stem.bytes().zip(n.bytes()))
                .all(|(a, b)| a.to_ascii_lowercase() == b || a == b'-' && b == b'_')
    };
    NAMES.iter().any(same)
}

#[cfg(test)]
mod tests {
    use super::is_documentation;
    use std::path::Path;

    #[test]
    fn a_projects_documentation_is_known_by_its_name() {
        for doc in [
            "README.md",
            "calls/readme.txt",
            "LICENSE",
            "Licence.md",
            "CHANGELOG.md",
            "CODE-OF-CONDUCT.md",
            "code_of_conduct.md",
            "CONTRIBUTING.markdown",
        ] {
            assert!(is_documentation(Path::new(doc)), "{doc}");
        }
        for reply in [
            "readmes-for-agents/x.txt",
            "readmefirst.txt",
            "license-renewal.txt",
            "LICENSE-MIT.txt",
            "security.md",
            "refund.txt",
            "notice.txt",
        ] {
            assert!(!is_documentation(Path::new(reply)), "{reply}");
        }
    }
}
