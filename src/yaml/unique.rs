//! Keys written twice in one YAML mapping read as a map (a config's `severity:`, `roles:`,
//! `per_path_disable:`, `lexicons:`, a rule file's `lexicons:`). serde's maps keep the last of
//! two keys without a word, while a struct refuses its second ("duplicate field"): every document
//! is read through [`Unique`], which refuses a map's second key as it reads it, in the one parse
//! (a second parse to look for them would double the YAML's part of every start-up).

use rustc_hash::FxHashSet;
use serde::de::{self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, Visitor};
use std::fmt;
use variant::Variant;

mod variant;

/// What a key written twice in a map is called, before its name and a closing backquote.
pub(super) const DUPLICATE_KEY: &str = "duplicate key `";

/// A deserializer whose maps refuse a key written twice, in whatever it reads.
pub(super) struct Unique<'k, D> {
    inner: D,
    /// Where the text of the scalar read is kept, when this reads a map's key.
    key: Option<&'k mut Option<String>>,
    /// Whether this reads a struct field's value, which may not be empty (see [`Watch`]).
    field: bool,
}

impl<D> Unique<'static, D> {
    pub(super) fn new(inner: D) -> Self {
        Unique {
            inner,
            key: None,
            field: false,
        }
    }
}

/// Forwards each `deserialize_*` method (with its arguments) to the wrapped deserializer, the
/// visitor watched. `maps` says whether a mapping read so is a map whose keys are checked: a
/// struct's are not, as serde refuses its duplicate fields itself, by their names.
macro_rules! forward {
    ($maps:literal: $($method:ident($($arg:ident: $ty:ty),*))*) => {$(
        fn $method<V: Visitor<'de>>(self, $($arg: $ty,)* visitor: V) -> Result<V::Value, D::Error> {
            let watch =
                Watch { inner: visitor, key: self.key, maps: $maps, field: self.field, rule: false };
            self.inner.$method($($arg,)* watch)
        }
    )*};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Unique<'_, D> {
    type Error = D::Error;

    forward!(true: deserialize_any() deserialize_bool() deserialize_i8() deserialize_i16()
        deserialize_i32() deserialize_i64() deserialize_i128() deserialize_u8() deserialize_u16()
        deserialize_u32() deserialize_u64() deserialize_u128() deserialize_f32() deserialize_f64()
        deserialize_char() deserialize_str() deserialize_string() deserialize_bytes()
        deserialize_byte_buf() deserialize_option() deserialize_unit()
        deserialize_unit_struct(name: &'static str) deserialize_newtype_struct(name: &'static str)
        deserialize_seq() deserialize_tuple(len: usize)
        deserialize_tuple_struct(name: &'static str, len: usize) deserialize_map()
        deserialize_enum(name: &'static str, variants: &'static [&'static str])
        deserialize_identifier() deserialize_ignored_any());

    /// A struct: serde refuses its duplicate fields itself. A rule file's (its types are named
    /// `…Spec`) refuses a field with no value too (see [`Watch`]); a config's takes one, `null`
    /// or nothing, as no value (`min_score:` lifts a parent config's bar).
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        let watch = Watch {
            inner: visitor,
            key: self.key,
            maps: false,
            field: self.field,
            rule: name.ends_with("Spec"),
        };
        self.inner.deserialize_struct(name, fields, watch)
    }

    fn is_human_readable(&self) -> bool {
        self.inner.is_human_readable()
    }
}

/// A visitor that keeps a map key's text, and hands on what it is given wrapped so that the maps
/// inside are checked too.
struct Watch<'k, V> {
    inner: V,
    key: Option<&'k mut Option<String>>,
    /// Whether a mapping visited is a map whose keys are checked.
    maps: bool,
    /// Whether this is the value of a rule file's struct field: an empty one (`after:` with its
    /// lines commented out, or `null`) is refused, as it read as the key left out, and the rule
    /// changed meaning without a word (an `after` dropped ran its rule on the whole call).
    field: bool,
    /// Whether a mapping visited is a rule file's struct, whose fields are such values.
    rule: bool,
}

/// Forwards each scalar `visit_*` method, keeping the scalar's text when it is a map's key.
macro_rules! scalars {
    ($($method:ident($ty:ty))*) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            if let Some(slot) = self.key {
                *slot = Some(v.to_string());
            }
            self.inner.$method(v)
        }
    )*};
}

impl<'de, V: Visitor<'de>> Visitor<'de> for Watch<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.inner.expecting(f)
    }

    scalars!(visit_bool(bool) visit_i64(i64) visit_i128(i128) visit_u64(u64) visit_u128(u128)
        visit_f64(f64) visit_char(char) visit_str(&str) visit_borrowed_str(&'de str)
        visit_string(String));

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<V::Value, E> {
        self.inner.visit_bytes(v)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        match self.field {
            true => Err(super::empty::unnamed()),
            false => self.inner.visit_none(),
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        match self.field {
            true => Err(super::empty::unnamed()),
            false => self.inner.visit_unit(),
        }
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let key = self.key;
        self.inner.visit_some(Unique {
            inner: d,
            key,
            field: false,
        })
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        let key = self.key;
        self.inner.visit_newtype_struct(Unique {
            inner: d,
            key,
            field: false,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.inner.visit_seq(Elements(seq))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let seen = self.maps.then(FxHashSet::default);
        self.inner.visit_map(Entries {
            inner: map,
            seen,
            name: None,
            rule: self.rule,
        })
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        let key = self.key;
        self.inner.visit_enum(Variant { inner: data, key })
    }
}

/// A value to read, read through [`Unique`].
struct Seed<'k, S> {
    inner: S,
    key: Option<&'k mut Option<String>>,
    /// See [`Watch`].
    field: bool,
}

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        let key = self.key;
        self.inner.deserialize(Unique {
            inner: d,
            key,
            field: self.field,
        })
    }
}

/// A list's items, each read through [`Unique`].
struct Elements<A>(A);

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Elements<A> {
    type Error = A::Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, A::Error> {
        self.0.next_element_seed(Seed {
            inner: seed,
            key: None,
            field: false,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        self.0.size_hint()
    }
}

/// A mapping's entries, each read through [`Unique`]; a map's keys are remembered and the second
/// of a name refused.
struct Entries<A> {
    inner: A,
    /// The keys read so far, when this is a map's (else a struct's) mapping.
    seen: Option<FxHashSet<String>>,
    /// A struct's field being read, to name in the error when its value is empty.
    name: Option<String>,
    /// Whether this is a rule file's struct, whose fields may not be empty.
    rule: bool,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Entries<A> {
    type Error = A::Error;

    fn next_key_seed<S: DeserializeSeed<'de>>(
        &mut self,
        seed: S,
    ) -> Result<Option<S::Value>, A::Error> {
        let Some(seen) = &mut self.seen else {
            return self.inner.next_key_seed(Seed {
                inner: seed,
                key: self.rule.then_some(&mut self.name),
                field: false,
            });
        };
        let mut text = None;
        let key = self.inner.next_key_seed(Seed {
            inner: seed,
            key: Some(&mut text),
            field: false,
        })?;
        match text {
            // Raised while the reader is at the mapping: the library places it at its start, and
            // `duplicate::written_twice` finds the second key from there.
            Some(text) if seen.contains(&text) => {
                Err(de::Error::custom(format_args!("{DUPLICATE_KEY}{text}`")))
            }
            Some(text) => {
                seen.insert(text);
                Ok(key)
            }
            // A key that is no scalar (`? [a, b]`): none of talklint's maps reads one.
            None => Ok(key),
        }
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        // A rule file's struct field may not be empty; a map's value may (`roles: {agent: }`).
        let field = self.rule;
        let read = self.inner.next_value_seed(Seed {
            inner: seed,
            key: None,
            field,
        });
        read.map_err(|e| match (field, &self.name) {
            (true, Some(name)) if super::empty::is_unnamed(&e) => {
                super::empty::named(&format!("`{name}`"))
            }
            _ => e,
        })
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn read<T: de::DeserializeOwned>(text: &str) -> Result<T, String> {
        T::deserialize(Unique::new(serde_yaml::Deserializer::from_str(text))).map_err(|e| {
            let place = e.location().map(|l| (l.line(), l.column()));
            format!("{e} {place:?}")
        })
    }

    #[test]
    fn a_map_refuses_its_second_key_as_serde_refuses_a_structs() {
        let e = read::<BTreeMap<String, u8>>("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert!(e.starts_with("duplicate key `a`"), "{e}");
        // Inside a list, in flow style, and a number read as text.
        let e = read::<Vec<BTreeMap<String, u8>>>("- {x: 1}\n- {x: 1, '1': 2, 1: 3}\n");
        let e = e.unwrap_err();
        assert!(e.starts_with(".[1]: duplicate key `1`"), "{e}");
        // The same name in two maps, and in a struct's value map, is no duplicate.
        let two = read::<Vec<BTreeMap<String, u8>>>("- {a: 1}\n- {a: 2}\n").unwrap();
        assert_eq!(two.len(), 2);
        let nested = read::<BTreeMap<String, BTreeMap<String, u8>>>("a: {a: 1}\nb: {a: 2}\n");
        assert_eq!(nested.unwrap()["b"]["a"], 2);
    }

    #[test]
    fn keys_that_are_enum_variants_are_checked_by_name() {
        #[derive(serde::Deserialize, PartialEq, Eq, PartialOrd, Ord, Debug)]
        #[serde(rename_all = "lowercase")]
        enum Side {
            Left,
            Right,
        }
        let e = read::<BTreeMap<Side, u8>>("left: 1\nright: 2\nleft: 3\n").unwrap_err();
        assert!(e.starts_with("duplicate key `left`"), "{e}");
        assert_eq!(
            read::<BTreeMap<Side, u8>>("left: 1\nright: 2\n")
                .unwrap()
                .len(),
            2
        );
    }
}
