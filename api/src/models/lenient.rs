//! Tolerant field decoders: the server's maps are "all strings", but nothing promises it.
//!
//! Values of unknown shape are taken as raw JSON text ([`RawValue`]) rather than as a
//! `serde_json::Value` tree: the bundle then carries no `Value` machinery at all. Raw text is
//! checked for JSON syntax only; a string in it is checked fully (escapes) when it is read.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

/// A JSON value kept as its raw text (free-form server fields such as a file's `details`).
#[derive(Debug, Clone)]
pub struct RawJson(Box<RawValue>);

impl RawJson {
    /// The JSON text, as the server sent it.
    pub fn get(&self) -> &str {
        self.0.get()
    }
}

impl PartialEq for RawJson {
    fn eq(&self, other: &Self) -> bool {
        self.get() == other.get()
    }
}

impl Eq for RawJson {}

impl<'de> Deserialize<'de> for RawJson {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        Box::<RawValue>::deserialize(de).map(RawJson)
    }
}

impl Serialize for RawJson {
    fn serialize<S: Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(ser)
    }
}

/// The string a raw JSON value holds (`None` when it is not a string). A string with a broken
/// escape (a lone surrogate, which raw capture lets through) is an error, as in a full parse.
pub(crate) fn json_str(raw: &RawValue) -> Result<Option<String>, serde_json::Error> {
    let text = raw.get();
    if text.starts_with('"') {
        serde_json::from_str(text).map(Some)
    } else {
        Ok(None)
    }
}

/// A raw JSON value as text: strings unquoted, `null` → `None`, anything else (numbers,
/// booleans, arrays, objects) as the JSON text the server sent.
pub(crate) fn json_text(raw: &RawValue) -> Result<Option<String>, serde_json::Error> {
    match raw.get() {
        "null" => Ok(None),
        text if text.starts_with('"') => json_str(raw),
        text => Ok(Some(text.to_string())),
    }
}

/// `Option<String>` that also accepts numbers and booleans.
pub(crate) fn opt_string<'de, D: Deserializer<'de>>(de: D) -> Result<Option<String>, D::Error> {
    json_text(&Box::<RawValue>::deserialize(de)?).map_err(serde::de::Error::custom)
}

/// A present field as its raw JSON text, `null` included (`#[serde(default)]` gives `None` for
/// a missing one): tells "absent" from "null", which `Option<&RawValue>` cannot.
pub(crate) fn present<'de, D: Deserializer<'de>>(de: D) -> Result<Option<&'de RawValue>, D::Error> {
    <&RawValue>::deserialize(de).map(Some)
}

/// A value whose JSON `null` means "default".
pub(crate) fn null_default<'de, D, T>(de: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Default + Deserialize<'de>,
{
    Ok(Option::<T>::deserialize(de)?.unwrap_or_default())
}

/// Parses a string holding epoch milliseconds (or any integer).
pub(crate) fn parse_i64(text: Option<&str>) -> Option<i64> {
    text?.trim().parse().ok()
}

/// A `T` that must come as a JSON object: serde's derived structs also accept an array of their
/// fields (and `[]` when every field has a default), which the server never sends.
pub(crate) struct Object<T>(pub T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct ObjectVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for ObjectVisitor<T> {
            type Value = T;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map))
            }
        }
        de.deserialize_map(ObjectVisitor(std::marker::PhantomData))
            .map(Object)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(json: &str) -> Option<String> {
        let raw: Box<RawValue> = serde_json::from_str(json).unwrap();
        json_text(&raw).unwrap()
    }

    #[test]
    fn raw_values_read_as_text() {
        assert_eq!(text(r#""a\"b\u00e9""#).as_deref(), Some("a\"bé"));
        assert_eq!(text("null"), None);
        assert_eq!(text("5242880").as_deref(), Some("5242880"));
        assert_eq!(text("true").as_deref(), Some("true"));
        assert_eq!(text(r#"[1,"x"]"#).as_deref(), Some(r#"[1,"x"]"#));
        let raw: Box<RawValue> = serde_json::from_str("12").unwrap();
        assert_eq!(json_str(&raw).unwrap(), None);
        // Raw capture lets a lone surrogate through; reading the string rejects it.
        let raw: Box<RawValue> = serde_json::from_str(r#""\ud800""#).unwrap();
        assert!(json_text(&raw).is_err());
    }
}
