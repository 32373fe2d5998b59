//! Feature-id → weight-row lookup: open addressing over the (already well mixed) 32-bit ids.
//! Built at load time from the sorted id list stored in the model file.

#[derive(Clone, Debug, Default)]
pub(crate) struct FeatureTable {
    /// Feature id of each row, in row order.
    keys: Vec<u32>,
    /// Slot → (feature id, row); id 0 marks an empty slot. The id sits beside its row so a
    /// probe costs one cache miss, not two (tagging is bound by these lookups). Length is a
    /// power of two, at least twice the row count.
    slots: Vec<(u32, u32)>,
    mask: usize,
}

impl FeatureTable {
    /// `keys` must be distinct and nonzero (the model reader checks this).
    pub(crate) fn new(keys: Vec<u32>) -> FeatureTable {
        let cap = (keys.len() * 2).max(16).next_power_of_two();
        let mut slots = vec![(0u32, 0u32); cap];
        let mask = cap - 1;
        for (row, &k) in keys.iter().enumerate() {
            let mut s = Self::slot_of(k, mask);
            while slots[s].0 != 0 {
                s = (s + 1) & mask;
            }
            slots[s] = (k, row as u32);
        }
        FeatureTable { keys, slots, mask }
    }

    fn slot_of(key: u32, mask: usize) -> usize {
        // Ids are hash outputs; a multiplicative step still helps against clustered low bits.
        (key.wrapping_mul(0x9e37_79b1) as usize) & mask
    }

    #[inline]
    pub(crate) fn get(&self, key: u32) -> Option<usize> {
        let mut s = Self::slot_of(key, self.mask);
        loop {
            let (k, row) = *self.slots.get(s)?;
            if k == 0 {
                return None;
            }
            if k == key {
                return Some(row as usize);
            }
            s = (s + 1) & self.mask;
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    pub(crate) fn keys(&self) -> &[u32] {
        &self.keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup() {
        let keys: Vec<u32> = (1..1000u32).map(|k| k * 7919).collect();
        let t = FeatureTable::new(keys.clone());
        for (i, k) in keys.iter().enumerate() {
            assert_eq!(t.get(*k), Some(i));
        }
        assert_eq!(t.get(3), None);
        assert_eq!(t.get(0), None);
        assert_eq!(FeatureTable::new(Vec::new()).get(5), None);
    }
}
