//! How reports write a path: as given, with `/` separators, lexically tidy, and every byte
//! of a name kept apart from the others.

use std::borrow::Cow;
use std::path::Path;

/// The display form of a path: `/` separators (on Windows; elsewhere a `\` is part of a
/// name), lexically tidy (no `.` segments, no doubled `/`), and each byte of a name that is no
/// UTF-8 written `\xFF`, so that two such names stay two (replaced with U+FFFD, they were one
/// in every report).
pub(crate) fn shown(path: &Path) -> String {
    // `to_str` validates with the fast UTF-8 check; the escapes read a path's bytes in chunks,
    // which cost several times as much on every file of a scan.
    let s = path.to_str().map_or_else(|| escaped(path), Cow::Borrowed);
    let s = if cfg!(windows) && s.contains('\\') {
        s.replace('\\', "/")
    } else {
        s.into_owned()
    };
    tidied(s)
}

/// `path` without its `.` segments and doubled `/`, a leading `/` kept: `.//calls` names
/// `calls`, not the root's `/calls`, and `calls//day/./a.txt` is `calls/day/a.txt`, the path
/// shards hash (SPEC §10).
pub(super) fn tidy(path: &str) -> Cow<'_, str> {
    let untidy = path.starts_with("./")
        || path.ends_with("/.")
        || path.contains("//")
        || path.contains("/./");
    if !untidy {
        return Cow::Borrowed(path);
    }
    let segments: Vec<&str> = (path.split('/'))
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    let joined = segments.join("/");
    // On Windows a leading `//` opens a UNC or verbatim path (`\\server\share`), whose
    // doubled `/` is its own.
    let root = match path.starts_with('/') {
        true if cfg!(windows) && path.starts_with("//") => "//",
        true => "/",
        // Owned, as every tidied path is: `tidied` keeps the input where it is borrowed.
        false if joined.is_empty() => return Cow::Owned(".".into()),
        false => "",
    };
    Cow::Owned(format!("{root}{joined}"))
}

/// `path` with each byte that is no UTF-8 written `\xFF`.
fn escaped(path: &Path) -> Cow<'_, str> {
    #[cfg(unix)]
    {
        use std::fmt::Write;
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                let _ = write!(out, "\\x{b:02X}");
            }
        }
        Cow::Owned(out)
    }
    #[cfg(not(unix))]
    path.to_string_lossy()
}

/// `path` tidy, owned: a report's path as reports print it since they are tidy (`a//b.txt` of
/// an older report is `a/b.txt`), so that `merge` knows one file by one path.
pub(crate) fn tidied(path: String) -> String {
    match tidy(&path) {
        Cow::Borrowed(_) => path,
        Cow::Owned(tidy) => tidy,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_is_tidied_not_resolved() {
        for (given, expected) in [
            ("./calls/a.txt", "calls/a.txt"),
            (".//calls/a.txt", "calls/a.txt"),
            ("calls//day/./a.txt", "calls/day/a.txt"),
            ("/srv//calls/a.txt", "/srv/calls/a.txt"),
            ("../calls/./a.txt", "../calls/a.txt"),
            ("./", "."),
            (".", "."),
            ("calls/a.txt", "calls/a.txt"),
        ] {
            assert_eq!(shown(Path::new(given)), expected, "{given}");
        }
    }
}
