//! An enum read through [`Unique`](super::Unique): its variant's name kept when it is a map's
//! key (`roles:` keys are roles), its content read so that the maps inside are checked too.

use super::{Seed, Watch};
use serde::de::{self, DeserializeSeed, EnumAccess, Visitor};

/// An enum's variant: its name kept when it is a map's key (`roles:` keys are roles), its
/// content read through [`Unique`](super::Unique).
pub(super) struct Variant<'k, A> {
    pub(super) inner: A,
    pub(super) key: Option<&'k mut Option<String>>,
}

impl<'de, A: EnumAccess<'de>> EnumAccess<'de> for Variant<'_, A> {
    type Error = A::Error;
    type Variant = Content<A::Variant>;

    fn variant_seed<S: DeserializeSeed<'de>>(
        self,
        seed: S,
    ) -> Result<(S::Value, Content<A::Variant>), A::Error> {
        let key = self.key;
        let seed = Seed {
            inner: seed,
            key,
            field: false,
        };
        let (value, content) = self.inner.variant_seed(seed)?;
        Ok((value, Content(content)))
    }
}

/// What an enum's variant holds, read through [`Unique`].
pub(super) struct Content<A>(A);

impl<'de, A: de::VariantAccess<'de>> de::VariantAccess<'de> for Content<A> {
    type Error = A::Error;

    fn unit_variant(self) -> Result<(), A::Error> {
        self.0.unit_variant()
    }

    fn newtype_variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<S::Value, A::Error> {
        self.0.newtype_variant_seed(Seed {
            inner: seed,
            key: None,
            field: false,
        })
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, A::Error> {
        let watch = Watch {
            inner: visitor,
            key: None,
            maps: true,
            field: false,
            rule: false,
        };
        self.0.tuple_variant(len, watch)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        let watch = Watch {
            inner: visitor,
            key: None,
            maps: false,
            field: false,
            rule: false,
        };
        self.0.struct_variant(fields, watch)
    }
}
