//! A map for the speaker labels of one file: a call has two or three speakers, searched in a
//! list (which costs less than hashing the label of every turn); past [`FEW`] keys, as a
//! diariser or a meeting may name a speaker per line, the rest go in a hash map, so a file of a
//! new name per line is still read in linear time.

use rustc_hash::FxHashMap;
use std::borrow::Borrow;
use std::hash::Hash;

/// How many keys are searched in order before the rest are hashed.
const FEW: usize = 8;

/// Keys and values, the first [`FEW`] in a list, the rest in a map.
#[derive(Debug)]
pub(crate) struct FewMap<K, V> {
    few: Vec<(K, V)>,
    many: FxHashMap<K, V>,
}

impl<K, V> Default for FewMap<K, V> {
    fn default() -> Self {
        FewMap {
            few: Vec::new(),
            many: FxHashMap::default(),
        }
    }
}

impl<K: Eq + Hash, V> FewMap<K, V> {
    /// The stored key and the value of `key`.
    pub(crate) fn get_key_value<Q>(&self, key: &Q) -> Option<(&K, &V)>
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        match self.few.iter().find(|(k, _)| k.borrow() == key) {
            Some((k, v)) => Some((k, v)),
            None => self.many.get_key_value(key),
        }
    }

    /// The value of `key`, to change.
    pub(crate) fn get_mut<Q>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
        Q: Eq + Hash + ?Sized,
    {
        match self.few.iter_mut().find(|(k, _)| (*k).borrow() == key) {
            Some((_, v)) => Some(v),
            None => self.many.get_mut(key),
        }
    }

    /// Adds `key`, which the map does not hold, with `value`.
    pub(crate) fn insert_new(&mut self, key: K, value: V) {
        if self.few.len() < FEW {
            self.few.push((key, value));
        } else {
            self.many.insert(key, value);
        }
    }
}
