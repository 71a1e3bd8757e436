//! Hashing words for the vocabulary table: ASCII case folded in the hash, the first eight bytes
//! read as one block.

pub(super) const K: u64 = 0x9E37_79B9_7F4A_7C15;
pub(super) const FOLD: u64 = 0x2020_2020_2020_2020;

#[inline(always)]
pub(super) fn mix(h: u64, block: u64) -> u64 {
    (h ^ (block | FOLD)).wrapping_mul(K)
}

#[inline(always)]
pub(super) fn finish(h: u64) -> u64 {
    h ^ (h >> 29)
}

/// A hash of a word's bytes with ASCII letters folded to lowercase (`| 0x20` leaves digits and
/// `'` as they are). Only the hash folds; equality is checked separately.
#[inline(always)]
pub(super) fn hash_folded(bytes: &[u8]) -> u64 {
    if bytes.len() <= 8 {
        let mut block = [0u8; 8];
        block[..bytes.len()].copy_from_slice(bytes);
        return finish(mix(bytes.len() as u64, u64::from_le_bytes(block)));
    }
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks(8);
    for chunk in &mut chunks {
        let mut block = [0u8; 8];
        block[..chunk.len()].copy_from_slice(chunk);
        h = mix(h, u64::from_le_bytes(block)).rotate_left(27);
    }
    finish(h)
}

/// `KEEP[n]` keeps the low `n` bytes of a block.
pub(super) const KEEP: [u64; 9] = {
    let mut t = [u64::MAX; 9];
    let mut n = 0;
    while n < 8 {
        t[n] = (1u64 << (n * 8)) - 1;
        n += 1;
    }
    t
};

/// The first (at most) eight bytes of a word as a little-endian block, zero-padded; read with
/// one unaligned load when eight bytes are available.
#[inline(always)]
pub(super) fn block_at(text: &[u8], start: usize, len: usize) -> u64 {
    let mut block = [0u8; 8];
    match text.get(start..start + 8) {
        Some(eight) => {
            block.copy_from_slice(eight);
            let v = u64::from_le_bytes(block);
            v & KEEP[len.min(8)]
        }
        None => {
            let n = len.min(8);
            block[..n].copy_from_slice(&text[start..start + n]);
            u64::from_le_bytes(block)
        }
    }
}

/// The comparison key of a word of at most eight bytes: its folded block. For words of ASCII
/// letters and digits, equal keys mean equal words up to ASCII case (`| 0x20` only folds case
/// there, and the padding folds to spaces, which no word contains). Longer words have no key.
#[inline(always)]
pub(super) fn short_key(bytes: &[u8]) -> u64 {
    if bytes.len() > 8 {
        return 0;
    }
    block_at(bytes, 0, bytes.len()) | FOLD
}
