//! A path's file name and extension, read from the end of its bytes. Every walked file asks for
//! them several times (to open it in its folder, to detect its format, to know Markdown), and
//! `Path`'s own methods parse the path's components to answer, about 250 instructions a time.
//! Paths whose last component is not plain (`.`, `..`, a trailing `/`) are left to `Path`.

use std::ffi::OsStr;
use std::path::Path;

/// What [`Path::file_name`] answers.
pub(crate) fn name(path: &Path) -> Option<&OsStr> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        let name = match memchr::memrchr(b'/', bytes) {
            Some(slash) => &bytes[slash + 1..],
            None => bytes,
        };
        if !matches!(name, b"" | b"." | b"..") {
            return Some(OsStr::from_bytes(name));
        }
    }
    path.file_name()
}

/// What [`Path::extension`] answers: the file name after its last `.`, unless that `.` is its
/// first byte.
#[cfg(unix)]
pub(crate) fn extension(path: &Path) -> Option<&OsStr> {
    use std::os::unix::ffi::OsStrExt;
    // `name` is never `..`, whose last `.` is not its first byte.
    let name = name(path)?.as_bytes();
    let dot = memchr::memrchr(b'.', name)?;
    (dot > 0).then(|| OsStr::from_bytes(&name[dot + 1..]))
}

/// What [`Path::extension`] answers.
#[cfg(not(unix))]
pub(crate) fn extension(path: &Path) -> Option<&OsStr> {
    path.extension()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_extensions_read_as_path_reads_them() {
        for p in [
            "a/b.txt",
            "b.txt",
            ".bashrc",
            "a/.b",
            "a.",
            "a/b/",
            "a/b/.",
            "a/..",
            "/",
            "",
            "..",
            ".",
            "x/..y",
            "a.b/c",
            "a//b.tar.gz",
            "./x.vtt",
        ] {
            let path = Path::new(p);
            assert_eq!(name(path), path.file_name(), "{p:?}");
            assert_eq!(extension(path), path.extension(), "{p:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_path_reads_as_path_reads_it(p in "[a./]{0,10}") {
            let path = Path::new(&p);
            proptest::prop_assert_eq!(name(path), path.file_name());
            proptest::prop_assert_eq!(extension(path), path.extension());
        }
    }
}
