//! Choices written once and shared again when read back. A lexicon is one [`Choice`] that every
//! phrase naming it shares, and the engine compiles it once for all of them, knowing it by its
//! address. Written as plain values, a rule set would hold each lexicon again in every phrase
//! that names it; inside [`written`] and [`read`], a choice met again is written as the number of
//! its first writing, and read back as the same `Arc`.

use super::{Alternatives, Choice};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::cell::RefCell;
use std::sync::Arc;

thread_local! {
    /// While [`written`] runs: the number of each choice written, by address.
    static WRITTEN: RefCell<Option<FxHashMap<*const Choice, u32>>> = const { RefCell::new(None) };
    /// While [`read`] runs: every choice read, by number.
    static READ: RefCell<Option<Vec<Alternatives>>> = const { RefCell::new(None) };
}

/// A choice as written: whole the first time, by number after.
#[derive(Serialize, Deserialize)]
enum Form<C> {
    Whole(C),
    Again(u32),
}

/// Runs `write` with each choice written once: the choices inside a choice are numbered before
/// it, as [`read`] numbers them.
#[cfg(test)]
pub(crate) fn written<T>(write: impl FnOnce() -> T) -> T {
    WRITTEN.with(|w| w.replace(Some(FxHashMap::default())));
    let out = write();
    WRITTEN.with(|w| w.replace(None));
    out
}

/// Runs `read` with each choice written again shared with its first reading.
pub(crate) fn read<T>(read: impl FnOnce() -> T) -> T {
    READ.with(|r| r.replace(Some(Vec::new())));
    let out = read();
    READ.with(|r| r.replace(None));
    out
}

pub(super) fn serialize<S: Serializer>(choice: &Alternatives, s: S) -> Result<S::Ok, S::Error> {
    let key = Arc::as_ptr(choice);
    let known = WRITTEN.with(|w| w.borrow().as_ref().and_then(|w| w.get(&key).copied()));
    if let Some(number) = known {
        return Form::<&Choice>::Again(number).serialize(s);
    }
    let out = Form::Whole(&**choice).serialize(s)?;
    WRITTEN.with(|w| {
        if let Some(w) = w.borrow_mut().as_mut() {
            let number = w.len() as u32;
            w.insert(key, number);
        }
    });
    Ok(out)
}

pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Alternatives, D::Error> {
    match Form::<Choice>::deserialize(d)? {
        Form::Whole(choice) => {
            let choice = Arc::new(choice);
            READ.with(|r| {
                if let Some(r) = r.borrow_mut().as_mut() {
                    r.push(Arc::clone(&choice));
                }
            });
            Ok(choice)
        }
        Form::Again(number) => READ
            .with(|r| r.borrow().as_ref()?.get(number as usize).cloned())
            .ok_or_else(|| {
                serde::de::Error::custom("a choice read again before its first reading")
            }),
    }
}
