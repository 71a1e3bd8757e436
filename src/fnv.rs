//! FNV-1a 64: a hash whose value is fixed by its definition, for numbers that must be the same on
//! every machine and in every build (a file's shard, a matcher's fingerprint); `build.rs`
//! compiles it too, to fingerprint the matcher's code.

/// An FNV-1a 64 hash, fed bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    pub fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    /// A number, in LEB128: seven bits a byte, low bits first, the high bit set on all bytes
    /// but the last. No byte string is two numbers', and small numbers are one byte.
    pub fn number(&mut self, mut n: u64) {
        while n >= 0x80 {
            self.bytes(&[(n as u8) | 0x80]);
            n >>= 7;
        }
        self.bytes(&[n as u8]);
    }

    pub fn finish(self) -> u64 {
        self.0
    }
}
