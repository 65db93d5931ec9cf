//! Subscription and in-app purchase objects embedded in account info (mapapi.md §7).

use super::lenient::{opt_string, parse_i64};
use serde::{Deserialize, Serialize};

/// A store subscription. Every value is a string on the wire; all are optional. Catalog keys
/// the panel does not show (`icon`, `duration`, `feature_pro`, …) are skipped when decoding.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Subscription {
    /// Store SKU.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub sku: Option<String>,
    /// `google`, `apple`, `huawei`, `amazon`, `fastspring`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub platform: Option<String>,
    /// `"true"` / `"false"`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub valid: Option<String>,
    /// Epoch ms.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub start_time: Option<String>,
    /// Epoch ms.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub expire_time: Option<String>,
    /// `active`, `cancelled`, `in_grace_period`, `on_hold`, `paused`, `expired`, `undefined`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub state: Option<String>,
    /// Product name, e.g. `OsmAnd Pro`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// `monthly` / `annual`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub r#type: Option<String>,
    /// Store label, e.g. `Google Play`, `OsmAnd Web (FastSpring)`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub store: Option<String>,
    /// Next billing date (epoch ms), only when auto-renewing.
    #[serde(
        rename = "billingDate",
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub billing_date: Option<String>,
}

impl Subscription {
    /// `start_time` as epoch ms.
    pub fn start_ms(&self) -> Option<i64> {
        parse_i64(self.start_time.as_deref())
    }

    /// `expire_time` as epoch ms.
    pub fn expire_ms(&self) -> Option<i64> {
        parse_i64(self.expire_time.as_deref())
    }

    /// `billingDate` as epoch ms.
    pub fn billing_ms(&self) -> Option<i64> {
        parse_i64(self.billing_date.as_deref())
    }

    /// `valid` as a boolean.
    pub fn is_valid(&self) -> Option<bool> {
        parse_bool(self.valid.as_deref())
    }

    /// `state` as an enum.
    pub fn state_kind(&self) -> SubscriptionState {
        SubscriptionState::parse(self.state.as_deref())
    }
}

/// A one-time store purchase (no `type`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InAppPurchase {
    /// Store SKU.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub sku: Option<String>,
    /// `"true"` / `"false"`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub valid: Option<String>,
    /// Epoch ms.
    #[serde(
        rename = "purchaseTime",
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub purchase_time: Option<String>,
    /// Product name, e.g. `Maps+`.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub name: Option<String>,
    /// Store label.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub store: Option<String>,
    /// Store platform.
    #[serde(
        default,
        deserialize_with = "opt_string",
        skip_serializing_if = "Option::is_none"
    )]
    pub platform: Option<String>,
}

impl InAppPurchase {
    /// `purchaseTime` as epoch ms.
    pub fn purchase_ms(&self) -> Option<i64> {
        parse_i64(self.purchase_time.as_deref())
    }

    /// `valid` as a boolean.
    pub fn is_valid(&self) -> Option<bool> {
        parse_bool(self.valid.as_deref())
    }
}

fn parse_bool(text: Option<&str>) -> Option<bool> {
    match text?.trim() {
        t if t.eq_ignore_ascii_case("true") => Some(true),
        t if t.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

/// A subscription `state`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SubscriptionState {
    /// Not expired, paid, auto-renewing.
    Active,
    /// Not expired, paid, not renewing.
    Cancelled,
    /// Payment problem, still usable.
    InGracePeriod,
    /// Payment problem, suspended.
    OnHold,
    /// Paused by the user.
    Paused,
    /// Expired.
    Expired,
    /// `undefined`, absent or anything else.
    Unknown,
}

impl SubscriptionState {
    /// Parses the server's state text (case-insensitive).
    pub fn parse(state: Option<&str>) -> Self {
        match state.map(|s| s.trim().to_ascii_lowercase()).as_deref() {
            Some("active") => Self::Active,
            Some("cancelled" | "canceled") => Self::Cancelled,
            Some("in_grace_period") => Self::InGracePeriod,
            Some("on_hold") => Self::OnHold,
            Some("paused") => Self::Paused,
            Some("expired") => Self::Expired,
            _ => Self::Unknown,
        }
    }

    /// The reference client shows `cancelled` and `in_grace_period` as "Active" too.
    pub fn shown_as_active(self) -> bool {
        matches!(self, Self::Active | Self::Cancelled | Self::InGracePeriod)
    }
}
