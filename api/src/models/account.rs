//! `GET /mapapi/get-account-info`: `{"info":{…every value a string…}}` (mapapi.md §7).

use super::lenient::{json_text, parse_i64, Object};
use super::purchases::{InAppPurchase, Subscription, SubscriptionState};
use crate::error::ApiError;
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::value::RawValue;
use std::collections::BTreeMap;

/// The account summary. Keeps the raw string map (open-ended catalog keys included) and offers
/// typed accessors for the keys the panel uses.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct AccountInfo {
    /// The raw `info` map. Non-string values the server might send are kept as their JSON text;
    /// `null`s are dropped.
    pub info: BTreeMap<String, String>,
}

impl<'de> Deserialize<'de> for AccountInfo {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Raw {
            info: InfoMap,
        }
        Raw::deserialize(de).map(|raw| AccountInfo { info: raw.info.0 })
    }
}

/// The `info` object read straight into strings (each value through [`json_text`]), without an
/// intermediate map of JSON values.
struct InfoMap(BTreeMap<String, String>);

impl<'de> Deserialize<'de> for InfoMap {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        struct MapVisitor;
        impl<'de> serde::de::Visitor<'de> for MapVisitor {
            type Value = InfoMap;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<InfoMap, A::Error> {
                let mut info = BTreeMap::new();
                while let Some((key, value)) = map.next_entry::<String, Box<RawValue>>()? {
                    let text = json_text(&value).map_err(A::Error::custom)?;
                    // A key given twice is an error, except after a `null` (which only means
                    // "absent", so the later value wins as it would anyway).
                    if info.contains_key(&key) {
                        return Err(A::Error::custom(format!("duplicate key `{key}`")));
                    }
                    if let Some(text) = text {
                        info.insert(key, text);
                    }
                }
                Ok(InfoMap(info))
            }
        }
        de.deserialize_map(MapVisitor)
    }
}

impl AccountInfo {
    /// The value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.info.get(key).map(String::as_str)
    }

    /// The value of `key`, trimmed, if present and non-empty.
    fn non_empty(&self, key: &str) -> Option<&str> {
        self.get(key).map(str::trim).filter(|s| !s.is_empty())
    }

    /// `account == "Free"`: no valid pro order (even if the purchase lists are not empty).
    pub fn is_free(&self) -> bool {
        self.get("account").map(str::trim) == Some("Free")
    }

    /// `maxAccSize` in bytes (`5242880` free, `3145728000` pro).
    pub fn max_account_size(&self) -> Option<u64> {
        self.non_empty("maxAccSize")?.parse().ok()
    }

    /// The main subscription's product name (`name`), when the account is pro through a
    /// subscription. The reference client shows "OsmAnd Start" when this is absent or free.
    pub fn plan_name(&self) -> Option<&str> {
        if self.is_free() {
            return None;
        }
        self.non_empty("name")
    }

    /// The main subscription's raw `state` (`active`, `cancelled`, …).
    pub fn state(&self) -> Option<&str> {
        self.non_empty("state")
    }

    /// The main subscription's state as an enum (`Unknown` when absent).
    pub fn state_kind(&self) -> SubscriptionState {
        SubscriptionState::parse(self.state())
    }

    /// Registration time (`regtime`, epoch ms); `None` for `""` or absent.
    pub fn regtime_ms(&self) -> Option<i64> {
        parse_i64(self.get("regtime"))
    }

    /// The main subscription's `expire_time` (epoch ms).
    pub fn expire_ms(&self) -> Option<i64> {
        parse_i64(self.get("expire_time"))
    }

    /// The main subscription's `start_time` (epoch ms).
    pub fn start_ms(&self) -> Option<i64> {
        parse_i64(self.get("start_time"))
    }

    /// The nickname, if set.
    pub fn nickname(&self) -> Option<&str> {
        self.non_empty("nickname")
    }

    /// The `subscriptions` list (a JSON-encoded string). Missing, empty or `null` → empty list;
    /// anything that is not a JSON array of objects → [`ApiError::Decode`].
    pub fn subscriptions(&self) -> Result<Vec<Subscription>, ApiError> {
        self.embedded_list("subscriptions")
    }

    /// The `inAppPurchases` list (a JSON-encoded string), same rules as [`Self::subscriptions`].
    pub fn in_app_purchases(&self) -> Result<Vec<InAppPurchase>, ApiError> {
        self.embedded_list("inAppPurchases")
    }

    fn embedded_list<T: DeserializeOwned>(&self, key: &str) -> Result<Vec<T>, ApiError> {
        let Some(text) = self.non_empty(key) else {
            return Ok(Vec::new());
        };
        serde_json::from_str::<Option<Vec<Object<T>>>>(text)
            .map(|list| list.unwrap_or_default().into_iter().map(|o| o.0).collect())
            .map_err(|e| ApiError::Decode(format!("account info `{key}`: {e}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(json: &str) -> Result<AccountInfo, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn info_values_read_as_text() {
        let info = decode(r#"{"info":{"a":"x","n":5,"b":true,"z":null,"o":{"k":[1]}}}"#).unwrap();
        assert_eq!(info.get("a"), Some("x"));
        assert_eq!(info.get("n"), Some("5"));
        assert_eq!(info.get("b"), Some("true"));
        assert_eq!(info.get("z"), None);
        assert_eq!(info.get("o"), Some(r#"{"k":[1]}"#));
    }

    #[test]
    fn a_key_given_twice_is_an_error_unless_the_first_was_null() {
        assert_eq!(
            decode(r#"{"info":{"a":null,"a":"x"}}"#).unwrap().get("a"),
            Some("x")
        );
        assert!(decode(r#"{"info":{"a":"x","a":"y"}}"#).is_err());
        assert!(decode(r#"{"info":{"a":"x","a":null}}"#).is_err());
        assert!(
            decode(r#"{"info":{"a":"\ud800"}}"#).is_err(),
            "lone surrogate"
        );
        assert!(decode(r#"{"info":null}"#).is_err());
        assert!(decode(r#"{"info":["a"]}"#).is_err());
    }
}
