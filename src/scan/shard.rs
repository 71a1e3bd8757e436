//! `--shard K/N` (SPEC §10): which files one of N machines checks. A file belongs to shard
//! `FNV-1a-64(path) mod N + 1`, where the path is the one reports print, lexically normalised (no
//! `.` segments, no doubled `/`). The hash needs no state and no listing shared between machines,
//! and every file found (checked, skipped or unreadable) is in exactly one shard, so the N
//! reports merge into the report of one run.

use super::shown_path::tidy;
use crate::fnv::Fnv;
use std::fmt;
use std::str::FromStr;

/// One shard of N: `index` counts from 0, the command line from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: u64,
    count: u64,
}

/// Why a `--shard` value is not `K/N` with 1 <= K <= N.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{given}` is not a shard: write K/N with 1 <= K <= N, e.g. 2/8 (the second of eight)")]
pub struct ShardError {
    given: String,
}

impl FromStr for Shard {
    type Err = ShardError;

    fn from_str(s: &str) -> Result<Shard, ShardError> {
        let error = || ShardError { given: s.into() };
        let (k, n) = s.split_once('/').ok_or_else(error)?;
        let k: u64 = k.trim().parse().map_err(|_| error())?;
        let n: u64 = n.trim().parse().map_err(|_| error())?;
        if k == 0 || k > n {
            return Err(error());
        }
        Ok(Shard {
            index: k - 1,
            count: n,
        })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "{}/{}", self.index + 1, self.count)
    }
}

impl Shard {
    /// K of `K/N`, counted from 1.
    pub fn number(self) -> u64 {
        self.index + 1
    }

    /// N of `K/N`: how many shards the files are split into.
    pub fn count(self) -> u64 {
        self.count
    }

    /// Whether this shard checks the file reports name `path`.
    pub fn keeps(self, path: &str) -> bool {
        path_hash(path) % self.count == self.index
    }
}

/// FNV-1a 64 of `path` lexically normalised as reports print it ([`tidy`]): `.` segments and
/// empty ones (doubled `/`) dropped, a leading `/` kept. A path a report printed is tidy already
/// (`merge` hashes those).
pub fn path_hash(path: &str) -> u64 {
    let mut hash = Fnv::default();
    hash.bytes(tidy(path).trim_end_matches('/').as_bytes());
    hash.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_of_the_normalised_path() {
        // The published FNV-1a 64 test vectors.
        assert_eq!(path_hash(""), 0xcbf29ce484222325);
        assert_eq!(path_hash("a"), 0xaf63dc4c8601ec8c);
        assert_eq!(path_hash("foobar"), 0x85944171f73967e8);
        let h = path_hash("calls/day 1/a.txt");
        for same in [
            "./calls/day 1/a.txt",
            "calls//day 1/./a.txt",
            "calls/day 1/a.txt/",
        ] {
            assert_eq!(path_hash(same), h, "{same}");
        }
        assert_ne!(path_hash("/calls/day 1/a.txt"), h);
        assert_ne!(path_hash("calls/day 1/b.txt"), h);
    }

    #[test]
    fn shards_are_one_based_and_checked() {
        let s: Shard = "2/8".parse().unwrap();
        assert_eq!((s.index, s.count, s.to_string()), (1, 8, "2/8".into()));
        for bad in ["0/4", "5/4", "1", "a/b", "1/0", "-1/4"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        let paths: Vec<String> = (0..500).map(|i| format!("d/{i}.txt")).collect();
        for n in 1..=9 {
            let shards: Vec<Shard> = (1..=n)
                .map(|k| format!("{k}/{n}").parse().unwrap())
                .collect();
            for p in &paths {
                assert_eq!(
                    shards.iter().filter(|s| s.keeps(p)).count(),
                    1,
                    "{p} in {n}"
                );
            }
        }
    }
}
