//! `GET /mapapi/get-account-info`: `{"info":{…every value a string…}}` (mapapi.md §7).

use super::lenient::{parse_i64, value_to_string};
use super::purchases::{InAppPurchase, Subscription, SubscriptionState};
use crate::error::ApiError;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
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
            info: BTreeMap<String, Value>,
        }
        let raw = Raw::deserialize(de)?;
        // Inserted one by one: collecting into a map would compile in a sort of its own.
        let mut info = BTreeMap::new();
        for (k, v) in raw.info {
            if let Some(v) = value_to_string(v) {
                info.insert(k, v);
            }
        }
        Ok(AccountInfo { info })
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

/// A `T` that must come as a JSON object: serde's derived structs also accept an array of their
/// fields (and `[]` when every field has a default), which the server never sends.
struct Object<T>(T);

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
