//! Tolerant field decoders: the server's maps are "all strings", but nothing promises it.

use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// A JSON scalar as text: strings as they are, numbers and booleans printed, `null` → `None`.
/// Arrays and objects are kept as their JSON text.
pub(crate) fn value_to_string(value: Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s),
        other => Some(other.to_string()),
    }
}

/// `Option<String>` that also accepts numbers and booleans.
pub(crate) fn opt_string<'de, D: Deserializer<'de>>(de: D) -> Result<Option<String>, D::Error> {
    Ok(value_to_string(Value::deserialize(de)?))
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
