//! Which checked conversation a label row names: by its path (an absolute one as the path below
//! the current folder too), else by a unique trailing part of one (a bare file name), through an
//! index of every path's trailing parts, so that matching the labels of many files costs about
//! one look-up a row.

use super::{Cell, Digest, Row};
use std::collections::HashMap;

/// The checked conversations, by path and by each trailing part of their paths.
pub(super) struct Index<'d> {
    digests: &'d [Digest],
    /// Each normalised path and its conversations.
    paths: Vec<(String, Vec<usize>)>,
    /// A normalised path: its place in `paths`.
    by_path: HashMap<String, usize>,
    /// A path's trailing whole segments, short of the whole path (`b/c.txt` and `c.txt` of
    /// `a/b/c.txt`): the places in `paths` of the paths that end so.
    by_tail: HashMap<String, Vec<usize>>,
}

impl<'d> Index<'d> {
    pub(super) fn new(digests: &'d [Digest]) -> Index<'d> {
        let mut paths: Vec<(String, Vec<usize>)> = Vec::new();
        let mut by_path = HashMap::new();
        for (i, d) in digests.iter().enumerate() {
            let path = normalize(&d.path);
            let at = *by_path.entry(path.clone()).or_insert_with(|| {
                paths.push((path, Vec::new()));
                paths.len() - 1
            });
            paths[at].1.push(i);
        }
        let mut by_tail: HashMap<String, Vec<usize>> = HashMap::new();
        for (at, (path, _)) in paths.iter().enumerate() {
            for (slash, _) in path.match_indices('/') {
                by_tail
                    .entry(path[slash + 1..].to_string())
                    .or_default()
                    .push(at);
            }
        }
        Index {
            digests,
            paths,
            by_path,
            by_tail,
        }
    }

    /// The conversation `row` labels: by its path, else by a unique trailing file name; by its
    /// id when the file holds several (`has_id`: the labels have an `id` column).
    /// An error names the cell it is about.
    pub(super) fn find(&self, row: &Row, has_id: bool) -> Result<usize, (Cell, String)> {
        let wanted = normalize(&row.path);
        let found = self.by_path.get(&wanted);
        let at = match found.or_else(|| self.by_path.get(&below_here(&row.path)?)) {
            Some(&at) => at,
            None => match self.by_tail.get(&wanted).map(Vec::as_slice) {
                Some([one]) => *one,
                None | Some([]) => {
                    return Err((
                        Cell::Path,
                        format!(
                            "`{}` names no checked file (give its path to eval; a file that \
                             could not be read, or was skipped, has no conversations)",
                            row.path
                        ),
                    ));
                }
                Some(many) => {
                    return Err((
                        Cell::Path,
                        format!(
                            "`{}` is ambiguous: {} checked files end with it; write more of \
                             the path",
                            row.path,
                            many.len()
                        ),
                    ));
                }
            },
        };
        let mut candidates = self.paths[at].1.clone();
        if let Some(id) = &row.id {
            let unnamed = self.unnamed(&candidates, id);
            candidates.retain(|&i| self.digests[i].id.as_deref() == Some(id));
            candidates.extend(unnamed.filter(|_| candidates.is_empty()));
        } else if has_id {
            // An empty id cell names the file's one conversation without an id, which reports
            // name by the path alone.
            let unnamed: Vec<usize> = (candidates.iter().copied())
                .filter(|&i| self.digests[i].id.is_none())
                .collect();
            if let [one] = unnamed[..] {
                candidates = vec![one];
            }
        }
        match candidates.as_slice() {
            [one] => Ok(*one),
            [] => Err((
                Cell::Id,
                format!(
                    "`{}` holds no conversation with id `{}`",
                    row.path,
                    row.id.as_deref().unwrap_or("")
                ),
            )),
            many => {
                let holds = format!(
                    "`{}` holds {} conversations{}",
                    row.path,
                    many.len(),
                    some_ids(many, self.digests)
                );
                let unnamed = match many.iter().any(|&i| self.digests[i].id.is_none()) {
                    true => {
                        " (one without an id is `(N)`, N its place among the file's conversations, as reports name it)"
                    }
                    false => "",
                };
                Err(match (has_id, &row.id) {
                    (true, Some(id)) => (
                        Cell::Id,
                        format!(
                            "`{}` holds {} conversations with the id `{id}`: a report names a \
                             conversation by its file and id, so give each of them an id of \
                             its own",
                            row.path,
                            many.len()
                        ),
                    ),
                    (true, None) => (
                        Cell::Id,
                        format!(
                            "the row's `id` cell is empty, and {holds}: write the id of the one \
                             it labels{unnamed}"
                        ),
                    ),
                    (false, _) => (Cell::Path, format!("{holds}: add an `id` column{unnamed}")),
                })
            }
        }
    }

    /// The conversation of `found` (a file's, in its order) that `id`, written `(N)`, names as
    /// reports name a conversation without an id: by its place among all of the file's
    /// (`path#(N)`).
    fn unnamed(&self, found: &[usize], id: &str) -> Option<usize> {
        let n: usize = id.strip_prefix('(')?.strip_suffix(')')?.parse().ok()?;
        let at = *found.get(n.checked_sub(1)?)?;
        self.digests[at].id.is_none().then_some(at)
    }
}

/// A path as reports and labels may both write it: `/` separators, no `./`, no doubled `/`.
/// An absolute label path, normalised, as the path below the current folder that a run given
/// a relative path reports (`/home/qa/calls/a.txt` is `calls/a.txt` run from `/home/qa`).
fn below_here(path: &str) -> Option<String> {
    let here = std::env::current_dir().ok()?;
    let below = std::path::Path::new(path).strip_prefix(here).ok()?;
    Some(normalize(&below.to_string_lossy()))
}

fn normalize(path: &str) -> String {
    let path = path.replace('\\', "/");
    path.split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect::<Vec<_>>()
        .join("/")
}

/// The first few ids of the conversations `found`, for a message: `` (ids `a`, `b`)``; empty
/// when they have none.
fn some_ids(found: &[usize], digests: &[Digest]) -> String {
    const SHOWN: usize = 3;
    let ids: Vec<String> = found
        .iter()
        .filter_map(|&i| digests[i].id.as_deref())
        .map(|id| format!("`{id}`"))
        .collect();
    match ids.len() {
        0 => String::new(),
        n if n > SHOWN => format!(" (ids {}, …)", ids[..SHOWN].join(", ")),
        _ => format!(" (ids {})", ids.join(", ")),
    }
}
