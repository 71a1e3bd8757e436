//! Walking the paths given: sorted, hidden files and `.git` skipped, ignore files honoured as
//! ripgrep does (its walker, the `ignore` crate), `--include` and `--exclude` and the configs'
//! `include` and `exclude` applied (to a file named only with `--force-exclude`); every path
//! found becomes one [`Input`].

use super::folder::{Folder, Folders};
use super::ignore_files;
use super::overlap::{Overlap, distinct};
use super::piece::Piece;
use super::shown_path::shown;
use super::walk_error::walk_error;
use super::{Globs, Profiles, ScanOptions};
use crate::report::{FileError, Skipped};
use std::path::{Path, PathBuf};

/// One thing the walk found.
#[derive(Debug)]
pub(super) enum Input {
    /// A file; `forced` when named on the command line or matched by `--include` (read whatever
    /// its extension).
    File {
        path: PathBuf,
        display: String,
        forced: bool,
        /// Its folder, open, when the walk found it.
        folder: Option<Folder>,
    },
    /// Standard input, read whole; `head` is what has been read of it already.
    Stdin {
        head: Vec<u8>,
    },
    /// One conversation of a stream on standard input or of a large JSONL file (boxed: inputs
    /// are moved in chunks of thousands, and files outnumber pieces).
    Piece(Box<Piece>),
    Skip(Skipped),
    Error(FileError),
}

impl Input {
    /// The files it counts for in the summary: 1, or 0 for a stream's pieces after its first.
    pub(super) fn files(&self) -> usize {
        match self {
            Input::Piece(p) => usize::from(p.first),
            _ => 1,
        }
    }

    /// The path reports give the input.
    pub(super) fn display<'a>(&'a self, opts: &'a ScanOptions) -> &'a str {
        match self {
            Input::File { display, .. } => display,
            Input::Stdin { .. } => opts.stdin_name(),
            Input::Piece(p) => &p.origin.name,
            Input::Skip(s) => &s.path,
            Input::Error(e) => &e.path,
        }
    }
}

/// Lists the inputs in order: those of `--shard` only, when given.
pub(super) fn walk(opts: &ScanOptions) -> impl Iterator<Item = Input> + '_ {
    all(opts).filter(|input| opts.shard.is_none_or(|s| s.keeps(input.display(opts))))
}

/// The paths given; without any, standard input when it is named (`--stdin-filename`, as ruff
/// reads it), else the current folder.
pub(crate) fn roots(opts: &ScanOptions) -> Vec<PathBuf> {
    roots_of(&opts.paths, opts.stdin_filename.is_some())
}

/// [`roots`] of `paths` given, and `--stdin-filename` or not (`stdin_named`).
pub(crate) fn roots_of(paths: &[PathBuf], stdin_named: bool) -> Vec<PathBuf> {
    match (paths.is_empty(), stdin_named) {
        (true, true) => vec!["-".into()],
        (true, false) => vec![".".into()],
        (false, _) => paths.to_vec(),
    }
}

/// Whether a path given is `-`, standard input.
pub(crate) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn all(opts: &ScanOptions) -> impl Iterator<Item = Input> + '_ {
    // A file or folder named twice, or standard input (`- -`), is scanned once, where first
    // named; a path that does not exist is one error, not one per naming.
    let (roots, again) = distinct(roots(opts));
    let read = |root: &Path| force_excluded(root, opts).is_none();
    let mut overlap = Overlap::of(&roots, &again, read);
    roots
        .into_iter()
        .flat_map(
            move |path| -> Box<dyn Iterator<Item = (Input, bool)> + '_> {
                let named = |input| Box::new(std::iter::once((input, false)));
                if is_stdin(&path) {
                    let name = opts.stdin_filename.as_deref().map(Path::new);
                    return named(match name.and_then(|name| force_excluded(name, opts)) {
                        Some(reason) => Input::Skip(Skipped {
                            path: opts.stdin_name().into(),
                            line: None,
                            reason,
                        }),
                        None => Input::Stdin { head: Vec::new() },
                    });
                }
                match std::fs::metadata(&path) {
                    Err(e) => named(Input::Error(FileError {
                        path: shown(&path),
                        line: None,
                        message: format!("cannot read: {e}"),
                    })),
                    Ok(m) if !m.is_dir() => named(named_file(path, opts)),
                    // A folder in a folder a config excludes: its files are excluded too.
                    Ok(_) if opts.profiles.excluding(&path).is_some() => {
                        Box::new(std::iter::empty())
                    }
                    Ok(_) => Box::new(walk_dir(path, opts).map(|input| (input, true))),
                }
            },
        )
        .filter_map(move |(input, walked)| match walked {
            true => overlap.first_time(input),
            false => Some(input),
        })
        .chain(again)
}

/// A file named on the command line: read whatever its extension, and whatever excludes it
/// unless `--force-exclude` says otherwise, when it is listed as skipped with the glob.
fn named_file(path: PathBuf, opts: &ScanOptions) -> Input {
    let display = shown(&path);
    match force_excluded(&path, opts) {
        Some(reason) => Input::Skip(Skipped {
            path: display,
            line: None,
            reason,
        }),
        None => Input::File {
            display,
            path,
            forced: true,
            folder: None,
        },
    }
}

/// Why `--force-exclude` leaves out the file named `path`: the glob of `--exclude` (matching the
/// path as given), of a config's `exclude` (the path below the config's folder) or of an ignore
/// file the walk honours that matches it or a folder above it.
fn force_excluded(path: &Path, opts: &ScanOptions) -> Option<String> {
    if !opts.force_exclude {
        return None;
    }
    let by_flag = || {
        let glob = opts.exclude.as_ref()?.matching(unrooted(&shown(path)))?;
        Some(format!("`{glob}` on the command line"))
    };
    let by_ignore_file = || {
        let file = opts.profiles.absolute(path);
        opts.ignore.then(|| ignore_files::ignoring(&file)).flatten()
    };
    let why = by_flag()
        .or_else(|| opts.profiles.excluding(path))
        .or_else(by_ignore_file)?;
    Some(format!("excluded by {why} (--force-exclude)"))
}

/// Whether a glob of `--include` or `--exclude` (`matches`) holds for `path`, as ripgrep's
/// `-g` reads it: the path below the folder walked, `root`, or the path reports print, `printed`
/// (`a/*.txt` or `calls/a/*.txt` checking `calls`).
fn flag_glob(path: &Path, root: &Path, printed: &str, matches: impl Fn(&str) -> bool) -> bool {
    let below = shown(path.strip_prefix(root).unwrap_or(path));
    let printed = unrooted(printed);
    matches(&below) || below != printed && matches(printed)
}

/// A path as reports print it, as a glob with a `/` matches it: without a leading `/` (globs
/// are anchored without theirs, so `/srv/calls/*.txt` matches `/srv/calls/a.txt`).
fn unrooted(shown: &str) -> &str {
    shown.strip_prefix('/').unwrap_or(shown)
}

/// The name of talklint's own ignore file, honoured in every folder, in a git repository or not.
pub(super) const IGNORE_FILE: &str = ".talklintignore";

/// The walker of one folder: ripgrep's (the `ignore` crate), sorted by name, hidden entries
/// skipped, links not followed (listed as skipped below), `--exclude` pruning folders. With
/// `opts.ignore` it honours what ripgrep does by default (`.gitignore`, `.git/info/exclude` and
/// git's global excludes inside a git repository only, `.ignore` anywhere, those of parent
/// folders too) and `.talklintignore` anywhere; without (`--no-ignore`), none of them.
/// `folders_only` leaves files out, and does not sort (sorting was half of such a walk's
/// instructions).
fn walker(root: &Path, opts: &ScanOptions, folders_only: bool) -> ignore::Walk {
    let mut builder = ignore::WalkBuilder::new(root);
    if !folders_only {
        // Sorted by name: entries of one folder share its path, so their whole paths compare as
        // their names do, without splitting each path into components on every comparison
        // (6M instructions fewer a folder of 1,000 files).
        builder.sort_by_file_path(|a, b| a.as_os_str().cmp(b.as_os_str()));
    }
    builder
        .hidden(true)
        .follow_links(false)
        .parents(opts.ignore)
        .ignore(opts.ignore)
        .git_ignore(opts.ignore)
        .git_global(opts.ignore)
        .git_exclude(opts.ignore);
    if opts.ignore {
        builder.add_custom_ignore_filename(IGNORE_FILE);
    }
    let exclude = opts.exclude.clone();
    // The configs' `exclude`, below their folders, prunes as `--exclude` does.
    let profiles = opts.profiles.clone();
    if exclude.is_some() || folders_only || !profiles.select_nothing() {
        let root = root.to_path_buf();
        builder.filter_entry(move |e| {
            e.depth() == 0
                || (!folders_only || e.file_type().is_some_and(|t| t.is_dir()))
                    && !excluded(e.path(), &root, exclude.as_ref(), &profiles)
        });
    }
    builder.build()
}

/// The folders the walk of each folder in `opts.paths` enters, the folder itself first: where
/// configs nearer to their files than the run's are looked for.
pub(crate) fn folders(opts: &ScanOptions) -> impl Iterator<Item = Walked> + '_ {
    roots(opts)
        .into_iter()
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.is_dir()))
        .filter(|p| opts.profiles.excluding(p).is_none())
        .flat_map(|root| {
            let walked = walker(&root, opts, true);
            walked.filter_map(move |entry| {
                let folder = entry.ok()?.into_path();
                Some(Walked {
                    folder,
                    root: root.clone(),
                })
            })
        })
}

/// A folder a walk enters, and the folder the walk started from.
pub(crate) struct Walked {
    pub folder: PathBuf,
    pub root: PathBuf,
}

impl Walked {
    /// Whether the walk leaves out the file `name` of this folder by an exclude glob
    /// (`--exclude`, a config's `exclude`): `old/**` leaves out `old/talklint.yaml`, which is
    /// then not read, as none of the folder's files is checked.
    pub(crate) fn leaves_out(&self, name: &std::ffi::OsStr, opts: &ScanOptions) -> bool {
        let path = self.folder.join(name);
        excluded(&path, &self.root, opts.exclude.as_ref(), &opts.profiles)
    }
}

/// Whether `--exclude` (`exclude`, matched below the walk's `root` or as reports print the path)
/// or a config's `exclude` leaves out the file or folder at `path`.
fn excluded(path: &Path, root: &Path, exclude: Option<&Globs>, profiles: &Profiles) -> bool {
    let by_flag = |x: &Globs| flag_glob(path, root, &shown(path), |p| x.is_match(p));
    exclude.is_some_and(by_flag) || profiles.excludes(path)
}

fn walk_dir(root: PathBuf, opts: &ScanOptions) -> impl Iterator<Item = Input> + '_ {
    let mut folders = Folders::default();
    let mut entries = walker(&root, opts, false);
    // A folder's broken config, listed after what the folder itself gives (an ignore file's
    // error); a loop, not `flat_map`, which cost every file of a scan.
    let mut pending = None;
    std::iter::from_fn(move || {
        loop {
            if let Some(input) = pending.take() {
                return Some(input);
            }
            let entry = entries.next()?;
            pending = entry.as_ref().ok().and_then(|e| broken_config(e, opts));
            if let Some(input) = walked(entry, &root, opts, &mut folders) {
                return Some(input);
            }
        }
    })
}

/// The error entry of the broken config of a folder the walk meets: in the folder, or for the
/// folder it starts from, nearest above it too. The walk reads none of its files (see
/// `Profiles::excludes`).
fn broken_config(e: &ignore::DirEntry, opts: &ScanOptions) -> Option<Input> {
    let profiles = &opts.profiles;
    if !profiles.any_broken() {
        return None;
    }
    let broken = match e.depth() {
        0 => profiles.broken_nearest(e.path()),
        _ if e.file_type().is_some_and(|t| t.is_dir()) => profiles.broken_in(e.path()),
        _ => None,
    };
    broken.map(|b| Input::Error(b.entry()))
}

/// What one entry of the walk of `root` is to the scan, if anything.
fn walked(
    entry: Result<ignore::DirEntry, ignore::Error>,
    root: &Path,
    opts: &ScanOptions,
    folders: &mut Folders,
) -> Option<Input> {
    let e = match entry {
        Err(e) => return Some(Input::Error(walk_error(&e, root))),
        Ok(e) => e,
    };
    // Only standard input has no file type, and it is never walked.
    let file_type = e.file_type()?;
    match () {
        // The root is a folder (perhaps through a symbolic link, which is followed). A
        // folder's ignore file that cannot be used is an error, as in ripgrep.
        () if file_type.is_dir() || e.depth() == 0 => {
            folders.enter(e.depth(), e.path());
            e.error().map(|err| Input::Error(walk_error(err, root)))
        }
        () if file_type.is_symlink() => Some(Input::Skip(Skipped {
            path: shown(e.path()),
            line: None,
            reason: "symbolic link (not followed)".into(),
        })),
        // Opening a FIFO would wait for a writer forever; a device or socket is no transcript.
        () if !file_type.is_file() => Some(Input::Skip(Skipped {
            path: shown(e.path()),
            line: None,
            reason: format!("not a regular file ({})", special_kind(file_type)),
        })),
        () if is_report(e.path(), &opts.reports) => Some(Input::Skip(Skipped {
            path: shown(e.path()),
            line: None,
            reason: "this run's report".into(),
        })),
        () => {
            // `--include` and the run's config's `include` take a file either takes; a
            // nested config's own `include` narrows the files under its folder further.
            let named = shown(e.path());
            let by_flag = (opts.include.as_ref())
                .map(|g| flag_glob(e.path(), root, &named, |p| g.is_match(p)));
            let (by_run, selected) = opts.profiles.includes(e.path());
            let included = match (by_flag, by_run) {
                (Some(a), Some(b)) => Some(a || b),
                (flag, run) => flag.or(run),
            };
            if included == Some(false) || selected == Some(false) {
                return None;
            }
            // A config's `include: ["**/*.md"]` names a kind of file, not the project's README.
            if by_flag != Some(true) && super::documentation::is_documentation(e.path()) {
                return Some(Input::Skip(Skipped {
                    path: named,
                    line: None,
                    reason: super::documentation::REASON.into(),
                }));
            }
            Some(Input::File {
                display: named,
                folder: folders.of(e.depth()),
                path: e.into_path(),
                forced: included == Some(true) || selected == Some(true),
            })
        }
    }
}

/// Whether `path` is one of the reports this run writes (compared by name first: cheap).
fn is_report(path: &Path, reports: &[PathBuf]) -> bool {
    reports.iter().any(|r| {
        r.file_name() == path.file_name() && std::fs::canonicalize(path).is_ok_and(|p| p == *r)
    })
}

/// What a file that is neither a regular file, a folder nor a link is, for the skip reason.
fn special_kind(t: std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return "a FIFO";
        } else if t.is_socket() {
            return "a socket";
        } else if t.is_block_device() || t.is_char_device() {
            return "a device";
        }
    }
    let _ = t;
    "a special file"
}
