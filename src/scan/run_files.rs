//! The files a run reads as something else than transcripts (its configs, their rule files, its
//! `--baseline` report, eval's labels): met as inputs, named or walked, they are skipped with the reason. Read
//! as transcripts they are errors (a cloud rule file or a report is no JSON shape a transcript
//! has) that make every run exit 2, as when a pre-commit hook passes the committed baseline.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// What a run reads a file as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReadAs {
    /// A config: the run's own or one nearer to some files.
    Config,
    /// A rule file a config's `rules:`, `--rules` or `talklint test` names.
    Rules,
    /// The report `--baseline` names.
    Baseline,
    /// The labels file `talklint eval` scores against.
    Labels,
}

impl ReadAs {
    /// The reason a file met as an input is skipped.
    pub(crate) fn reason(self) -> &'static str {
        match self {
            ReadAs::Config => "a config this run reads",
            ReadAs::Rules => "a rule file this run loads",
            ReadAs::Baseline => "the report this run reads as --baseline",
            ReadAs::Labels => "the labels file this run scores against",
        }
    }
}

/// One name a loaded file is known by: its own, or the name of a link to it that it was named by.
#[derive(Debug, Clone)]
struct Name {
    name: OsString,
    /// The file, canonical (absolute, links resolved).
    file: PathBuf,
    read_as: ReadAs,
}

/// The files a run reads besides its inputs, by name: a scan asks each input's name, and only
/// a name that one of them has costs a system call (to resolve the input's path). A run without
/// such files (no config, the built-in rules, no baseline) asks nothing.
#[derive(Debug, Clone, Default)]
pub(crate) struct RunFiles {
    names: Vec<Name>,
}

impl RunFiles {
    /// Adds the file at `path` (relative to the current folder, or absolute), read as `read_as`;
    /// a path that names no file (a pipe's, `--baseline <(…)`) is left out, since no input can
    /// be that file.
    pub(crate) fn add(&mut self, path: &Path, read_as: ReadAs) {
        let Ok(file) = std::fs::canonicalize(path) else {
            return;
        };
        for name in [path.file_name(), file.file_name()].into_iter().flatten() {
            self.push(Name {
                name: name.to_os_string(),
                file: file.clone(),
                read_as,
            });
        }
    }

    /// Adds every file `other` holds.
    pub(crate) fn extend(&mut self, other: &RunFiles) {
        for n in &other.names {
            self.push(n.clone());
        }
    }

    /// Adds `name`, unless the file is known by that name already.
    fn push(&mut self, name: Name) {
        if !(self.names.iter()).any(|n| n.name == name.name && n.file == name.file) {
            self.names.push(name);
        }
    }

    /// What the run reads the file at `path` as, when it is one of these files (why it is
    /// skipped as an input).
    pub(crate) fn read_as(&self, path: &Path) -> Option<ReadAs> {
        let name = path.file_name()?;
        let mut named = self.names.iter().filter(|n| n.name == name).peekable();
        named.peek()?;
        let file = std::fs::canonicalize(path).ok()?;
        named.find(|n| n.file == file).map(|n| n.read_as)
    }
}

#[cfg(test)]
mod tests {
    use super::{ReadAs, RunFiles};

    #[test]
    fn a_file_is_known_by_its_name_and_by_a_link_to_it() {
        let dir = tempfile::tempdir().unwrap();
        let rules = dir.path().join("aws-escalation.json");
        std::fs::write(&rules, "{}").unwrap();
        let other = dir.path().join("sub").join("aws-escalation.json");
        std::fs::create_dir(other.parent().unwrap()).unwrap();
        std::fs::write(&other, "{}").unwrap();
        let mut loaded = RunFiles::default();
        assert_eq!(loaded.read_as(&rules), None);
        #[cfg(unix)]
        {
            let link = dir.path().join("escalation.json");
            std::os::unix::fs::symlink(&rules, &link).unwrap();
            loaded.add(&link, ReadAs::Rules);
            assert_eq!(loaded.read_as(&link), Some(ReadAs::Rules));
        }
        loaded.add(&rules, ReadAs::Rules);
        loaded.add(&dir.path().join("nowhere.json"), ReadAs::Baseline);
        let through = dir
            .path()
            .join("sub")
            .join("..")
            .join("aws-escalation.json");
        assert_eq!(loaded.read_as(&through), Some(ReadAs::Rules));
        assert_eq!(loaded.read_as(&other), None);
        assert_eq!(loaded.read_as(&dir.path().join("nowhere.json")), None);
    }
}
