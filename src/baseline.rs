//! `--baseline FILE`: the problems of an earlier JSON or JSONL report that a run leaves out of
//! the score, so that a team can adopt talklint on files that already have findings and fail on
//! new ones only. A problem is known by its file, conversation, rule and matched words (not its
//! line, which edits elsewhere move); a baseline that holds a problem N times covers N of them,
//! and of more than N alike, the N nearest where it held them.
//! Conversations of one file with the same id, or with none (JSONL records without ids), are
//! told apart by their order in the file, as the report lists them.

use crate::scan::normal;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

mod known;
mod written;
pub(crate) use known::KnownFile;
use written::{Report, WrittenFinding, jsonl};

/// A conversation's findings in the baseline: by (rule id, matched words), the line and column
/// of each, in the report's order.
type Counts = HashMap<(String, String), Vec<(usize, usize)>>;

/// The problems of a baseline report, by file and conversation.
#[derive(Debug, Default)]
pub(crate) struct Baseline {
    /// The report's file, as named on the command line.
    pub name: String,
    /// By the conversation's file (absolute, links resolved, see [`real`]) and id, and its place
    /// among the file's conversations of that id (0 for the first).
    known: HashMap<PathBuf, HashMap<(Option<String>, usize), Counts>>,
    /// The folder this run's relative paths start from.
    cwd: PathBuf,
    /// Findings of the baseline in the conversations checked that no finding matched.
    gone: std::sync::Mutex<Vec<Gone>>,
    /// The files of the baseline this run checked (there, whatever their names read as).
    checked: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
    /// The last path asked for ([`Baseline::file`]) and its real path: a large file's or a
    /// stream's conversations are checked apart, and each asks (17,000 conversations made
    /// 102,000 `readlink` calls, half a second).
    last: std::sync::Mutex<Option<(String, PathBuf)>>,
}

/// A finding of the baseline that no finding of its conversation matched this run: its rule,
/// and its file (as this run names it), line and column, where the baseline held it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Gone {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub rule: String,
}

/// A baseline that cannot be read, or is no report.
#[derive(Debug, thiserror::Error)]
pub(crate) enum BaselineError {
    #[error(
        "cannot read the baseline {name}: {source}{}",
        help(name, source.kind() == std::io::ErrorKind::NotFound)
    )]
    Read {
        name: String,
        source: std::io::Error,
    },
    #[error(
        "{name}:{line}:{column}: not a talklint JSON or JSONL report: {message}{}",
        help(name, name.ends_with(".json") || name.ends_with(".jsonl"))
    )]
    NotReport {
        name: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// A comma after a list's or an object's last item, named at the comma.
    #[error(
        "{name}:{line}:{column}: {}\n  help: {}",
        crate::json_comma::message(*.closing),
        crate::json_comma::HELP
    )]
    Comma {
        name: String,
        line: usize,
        column: usize,
        closing: char,
    },
}

/// How to make the baseline `name`: without reading one (a config's `baseline:` would be read,
/// and the shell's `>` would have emptied it first), written by talklint when the run ends.
pub(crate) fn make(name: &str) -> String {
    let format = if name.ends_with(".jsonl") {
        "jsonl"
    } else {
        "json"
    };
    // Run from the folder that holds it, the command names it by its file name alone.
    let path = Path::new(name);
    let file = path
        .file_name()
        .map_or(name.into(), |f| f.to_string_lossy());
    let from = match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(folder) => format!("from {}, the folder that holds it", folder.display()),
        None => "from the folder that holds it".to_string(),
    };
    format!(
        "make a baseline with `talklint check --no-baseline --exit-zero -f {format} -o {file} \
         PATHS`, {from}"
    )
}

/// The help that says how to make the baseline `name`, where it may be one: not a transcript, a
/// folder or a pipe named by mistake, which the command would write over.
fn help(name: &str, may_be_one: bool) -> String {
    match may_be_one {
        true => format!("\n  help: {}", make(name)),
        false => String::new(),
    }
}

impl Baseline {
    /// Reads the report at `path`; its paths are read from its own folder, this run's from
    /// `cwd`.
    pub(crate) fn read(path: &Path, cwd: &Path) -> Result<Baseline, BaselineError> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| BaselineError::Read {
            name: name.clone(),
            source,
        })?;
        // serde's error `e` in `piece`, read from line `line` of the file: a trailing comma at
        // the comma, else serde's message without the place it appends, which the error gives
        // first.
        let not_report = |line: usize, piece: &str, e: serde_json::Error| {
            if let Some((comma, closing)) = crate::json_comma::trailing(piece, &e) {
                let (below, column) = crate::text::lines::LineCursor::new(piece).position(comma);
                return BaselineError::Comma {
                    name: name.clone(),
                    line: line + below - 1,
                    column,
                    closing,
                };
            }
            let message = e.to_string();
            let suffix = format!(" at line {} column {}", e.line(), e.column());
            let (below, column) = crate::json_comma::serde_place(piece, &e);
            BaselineError::NotReport {
                name: name.clone(),
                line: line + below - 1,
                column,
                message: message
                    .strip_suffix(&suffix)
                    .unwrap_or(&message)
                    .to_string(),
            }
        };
        // A JSONL report's first line is a whole value; a JSON report's is not (or is the
        // whole report, with its `conversations`).
        let first = text.lines().next().unwrap_or_default();
        let conversations = match serde_json::from_str::<Report>(first) {
            Ok(report) => report.conversations,
            Err(_) if serde_json::from_str::<serde_json::Value>(first).is_ok() => {
                jsonl(&text, &name, not_report)?
            }
            Err(_) => match serde_json::from_str::<Report>(&text) {
                Ok(report) => report.conversations,
                Err(e) => return Err(not_report(1, &text, e)),
            },
        };
        // A baseline read through a pipe (`<(git show main:base.json)`) has no folder of its
        // own: its paths are read from the current one.
        let file = std::fs::canonicalize(cwd.join(path))
            .ok()
            .filter(|p| p.is_file());
        let folder = file
            .as_deref()
            .and_then(Path::parent)
            .map_or_else(|| real(cwd, Path::new("")), Path::to_path_buf);
        let mut known: HashMap<_, HashMap<_, _>> = HashMap::new();
        // How many conversations of each file and id came before.
        let mut before: HashMap<(PathBuf, Option<String>), usize> = HashMap::new();
        // A file's conversations come together: its path is resolved once.
        let mut last: Option<(String, PathBuf)> = None;
        for c in conversations {
            let path = match &last {
                Some((written, path)) if *written == c.path => path.clone(),
                _ => real(&folder, &c.path),
            };
            last = Some((c.path.clone(), path.clone()));
            let place = before.entry((path.clone(), c.id.clone())).or_default();
            let file = known.entry(path).or_default();
            let counts: &mut Counts = file.entry((c.id, *place)).or_default();
            *place += 1;
            for f in c
                .findings
                .into_iter()
                .filter(WrittenFinding::is_known_problem)
            {
                let words = f.matched.as_deref().map(words).unwrap_or_default();
                let place = (f.line, f.column);
                counts.entry((f.rule, words)).or_default().push(place);
            }
        }
        Ok(Baseline {
            name,
            known,
            cwd: cwd.to_path_buf(),
            gone: Default::default(),
            checked: Default::default(),
            last: Default::default(),
        })
    }

    /// What the baseline holds of the file `path` (as this run names it); `None` when nothing.
    pub(crate) fn file(&self, path: &str) -> Option<KnownFile<'_>> {
        let file = self.real(path);
        let conversations = self.known.get(&file)?;
        self.checked_files().insert(file);
        Some(KnownFile {
            path: path.to_string(),
            conversations,
            before: HashMap::new(),
            counted_in: Some(self),
        })
    }

    /// Whether the report holds no conversation at all: made by a run that checked none (in
    /// another folder, or with every file skipped), it knows no problem.
    pub(crate) fn holds_nothing(&self) -> bool {
        self.known.is_empty()
    }

    /// Whether the baseline holds files, none of them checked and none of them there: its
    /// paths are read from its own folder, so one saved elsewhere (or before the files moved)
    /// names other files. A run of new files only (a pre-commit hook's) checks none of a
    /// baseline's files, which are still there.
    pub(crate) fn names_no_file_there(&self) -> bool {
        !self.known.is_empty()
            && self.checked_files().is_empty()
            && !self.known.keys().any(|path| path.exists())
    }

    /// The files the baseline holds findings of that are no longer there (deleted, or moved),
    /// by their paths from this run's folder, and how many findings they hold: entries that
    /// would otherwise stay forever, and know the findings of a new file given the same name.
    pub(crate) fn files_gone(&self) -> (Vec<&Path>, usize) {
        let checked = self.checked_files();
        let gone: Vec<(&PathBuf, usize)> = (self.known.iter())
            .filter(|(path, _)| !checked.contains(*path) && !path.exists())
            .map(|(path, conversations)| {
                let held = conversations.values().flat_map(|c| c.values());
                (path, held.map(Vec::len).sum())
            })
            .filter(|&(_, n)| n > 0)
            .collect();
        let findings = gone.iter().map(|(_, n)| n).sum();
        let mut paths: Vec<&Path> = (gone.into_iter())
            .map(|(p, _)| p.strip_prefix(&self.cwd).unwrap_or(p))
            .collect();
        paths.sort();
        (paths, findings)
    }

    /// The real path of `path`, as [`real`] gives it, remembered for the last path asked.
    fn real(&self, path: &str) -> PathBuf {
        if let Some((asked, file)) = &*self.last_asked()
            && asked == path
        {
            return file.clone();
        }
        // Resolved without the lock, which threads checking other files would wait on.
        let file = real(&self.cwd, path);
        *self.last_asked() = Some((path.to_string(), file.clone()));
        file
    }

    fn last_asked(&self) -> std::sync::MutexGuard<'_, Option<(String, PathBuf)>> {
        locked(&self.last)
    }

    fn checked_files(&self) -> std::sync::MutexGuard<'_, std::collections::HashSet<PathBuf>> {
        locked(&self.checked)
    }

    /// The findings of the baseline, in the conversations checked, that no finding matched, in
    /// file and line order.
    pub(crate) fn gone(&self) -> Vec<Gone> {
        let mut gone = self.gone_so_far().clone();
        gone.sort();
        gone
    }

    fn gone_so_far(&self) -> std::sync::MutexGuard<'_, Vec<Gone>> {
        locked(&self.gone)
    }
}

/// The value behind `lock`, also after a thread panicked holding it: what a baseline remembers
/// (the last path, the files checked, the findings gone) stays true.
fn locked<T>(lock: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    lock.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The file `path` names from `folder`, with links resolved where it exists (a folder reached
/// through a link is one file), else as [`normal`] spells it.
fn real(folder: &Path, path: impl AsRef<Path>) -> PathBuf {
    let joined = folder.join(path);
    std::fs::canonicalize(&joined).unwrap_or_else(|_| normal(&joined))
}

/// Matched words as a baseline compares them: the canonical words the matcher reads (case
/// folded, curly and straight apostrophes alike, contractions spelt out, punctuation and runs of
/// white space a word boundary), so that an edit that changes only how the same words are
/// written (`that's` → `that’s`) keeps the finding known. A baseline stores the match's
/// original text and is folded when read, so reports written before this fold still load.
fn words(matched: &str) -> String {
    crate::text::canon::canonical_words(matched).join(" ")
}
