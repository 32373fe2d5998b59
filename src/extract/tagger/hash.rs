//! Fixed, platform-independent hashing and a seeded RNG. Feature ids in a saved model are these
//! hashes, so they must never depend on `std`'s randomised hasher or on the build.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

pub(crate) fn hash_bytes(bytes: &[u8]) -> u64 {
    hash_more(FNV_OFFSET, bytes)
}

/// The hash of a string continued by `bytes`: `hash_more(hash_str(a), b) == hash_str(a + b)`,
/// so a string built up piece by piece can be hashed without being built.
pub(crate) fn hash_more(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

/// [`hash_more`] with one character's UTF-8 bytes.
pub(crate) fn hash_char(h: u64, c: char) -> u64 {
    hash_more(h, c.encode_utf8(&mut [0u8; 4]).as_bytes())
}

pub(crate) fn hash_str(s: &str) -> u64 {
    hash_bytes(s.as_bytes())
}

/// SplitMix64 finaliser: spreads bits so that the low bits can index a table.
pub(crate) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Combines two hashes order-sensitively.
pub(crate) fn combine(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// Final 32-bit feature id; 0 is reserved for "empty slot" in the lookup table.
pub(crate) fn fold(h: u64) -> u32 {
    let x = ((h >> 32) ^ h) as u32;
    if x == 0 { 1 } else { x }
}

/// SplitMix64 generator: tiny, seedable, same sequence everywhere.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x5eed_0fb7_110e)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        mix(self.0)
    }

    /// Uniform-enough index below `n` (n > 0); modulo bias is irrelevant for shuffling.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stable_values() {
        // Pinned: changing these silently invalidates every saved model.
        assert_eq!(hash_str(""), FNV_OFFSET);
        assert_eq!(hash_str("a"), 0xaf63_dc4c_8601_ec8c);
        assert_ne!(combine(1, 2), combine(2, 1));
        assert_ne!(fold(0), 0);
        assert_eq!(hash_more(hash_str("Saint-"), "Étienne".as_bytes()), hash_str("Saint-Étienne"));
        assert_eq!(hash_char(hash_str("caf"), 'é'), hash_str("café"));
    }

    #[test]
    fn rng_is_deterministic() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        let mut v: Vec<u32> = (0..50).collect();
        let mut w = v.clone();
        a.shuffle(&mut v);
        b.shuffle(&mut w);
        assert_eq!(v, w);
    }
}
