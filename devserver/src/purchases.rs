//! Store purchases: SKU → platform/store/name/type rules (account-ui.md §4.1–4.3), states,
//! the Pro check behind `orderid`, and the string maps of `get-account-info` (mapapi.md §7).

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::accounts::{self, Account};
use crate::clock::DAY_MS;

/// Storage quota of a free account (5 MB) and of a Pro account (3000 MB).
pub const FREE_MAX_ACC_SIZE: i64 = 5_242_880;
pub const PRO_MAX_ACC_SIZE: i64 = 3_145_728_000;

/// Lifetime of a one-time Pro purchase such as `…inapp.pro.15y`.
const FIFTEEN_YEARS_MS: i64 = 15 * 365 * DAY_MS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Subscription {
    pub id: i64,
    pub userid: Option<i64>,
    pub orderid: String,
    pub sku: String,
    pub start_time: Option<i64>,
    pub expire_time: Option<i64>,
    pub autorenewing: Option<bool>,
    pub paid: Option<bool>,
    pub valid: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InApp {
    pub id: i64,
    pub userid: Option<i64>,
    pub orderid: String,
    pub sku: String,
    pub purchase_time: Option<i64>,
    pub valid: Option<bool>,
    pub platform: Option<String>,
}

/// A subscription row to insert.
#[derive(Debug, Clone)]
pub struct NewSubscription<'a> {
    pub userid: Option<i64>,
    pub orderid: &'a str,
    pub sku: &'a str,
    pub start_time: i64,
    pub expire_time: i64,
    pub autorenewing: bool,
    pub paid: bool,
    pub valid: bool,
}

pub fn add_subscription(conn: &Connection, s: &NewSubscription<'_>) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO subscriptions (userid, orderid, sku, start_time, expire_time, autorenewing, paid, valid)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            s.userid,
            s.orderid,
            s.sku,
            s.start_time,
            s.expire_time,
            s.autorenewing,
            s.paid,
            s.valid
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn add_inapp(
    conn: &Connection,
    userid: Option<i64>,
    orderid: &str,
    sku: &str,
    purchase_time: i64,
    platform: &str,
) -> rusqlite::Result<i64> {
    conn.execute(
        "INSERT INTO inapps (userid, orderid, sku, purchase_time, valid, platform)
         VALUES (?1, ?2, ?3, ?4, 1, ?5)",
        params![userid, orderid, sku, purchase_time, platform],
    )?;
    Ok(conn.last_insert_rowid())
}

const SUB_COLS: &str =
    "id, userid, orderid, sku, start_time, expire_time, autorenewing, paid, valid";

fn sub_from_row(r: &Row<'_>) -> rusqlite::Result<Subscription> {
    Ok(Subscription {
        id: r.get(0)?,
        userid: r.get(1)?,
        orderid: r.get(2)?,
        sku: r.get(3)?,
        start_time: r.get(4)?,
        expire_time: r.get(5)?,
        autorenewing: r.get(6)?,
        paid: r.get(7)?,
        valid: r.get(8)?,
    })
}

const IAP_COLS: &str = "id, userid, orderid, sku, purchase_time, valid, platform";

fn iap_from_row(r: &Row<'_>) -> rusqlite::Result<InApp> {
    Ok(InApp {
        id: r.get(0)?,
        userid: r.get(1)?,
        orderid: r.get(2)?,
        sku: r.get(3)?,
        purchase_time: r.get(4)?,
        valid: r.get(5)?,
        platform: r.get(6)?,
    })
}

/// The user's subscriptions, newest start first.
pub fn subscriptions_of(conn: &Connection, userid: i64) -> rusqlite::Result<Vec<Subscription>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {SUB_COLS} FROM subscriptions WHERE userid = ?1
         ORDER BY start_time DESC, id DESC"
    ))?;
    let rows = stmt.query_map([userid], sub_from_row)?;
    rows.collect()
}

/// The user's one-time purchases, newest first.
pub fn inapps_of(conn: &Connection, userid: i64) -> rusqlite::Result<Vec<InApp>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {IAP_COLS} FROM inapps WHERE userid = ?1
         ORDER BY purchase_time DESC, id DESC"
    ))?;
    let rows = stmt.query_map([userid], iap_from_row)?;
    rows.collect()
}

/// Store platform from the SKU (`PurchaseHelper` rules).
pub fn platform(sku: &str) -> Option<&'static str> {
    const GOOGLE_PREFIXES: &[&str] = &[
        "osm_live_subscription_",
        "osm_free_live_subscription_",
        "osmand_pro_monthly_",
        "osmand_pro_annual_",
        "osmand_maps_annual_",
        "osmand_full_version_price",
        "net.osmand.contourlines",
        "net.osmand.seadepth",
    ];
    if GOOGLE_PREFIXES.iter().any(|p| sku.starts_with(p)) {
        Some("google")
    } else if sku.starts_with("net.osmand.maps.") {
        Some("apple")
    } else if sku.contains(".huawei.") {
        Some("huawei")
    } else if sku.contains(".amazon.") {
        Some("amazon")
    } else if sku.contains(".fastspring.") {
        Some("fastspring")
    } else {
        None
    }
}

/// The "Purchased on" label for a platform.
pub fn store(platform: Option<&str>) -> &'static str {
    match platform {
        Some("google") => "Google Play",
        Some("apple") => "Apple App Store",
        Some("huawei") => "Huawei AppGallery",
        Some("amazon") => "Amazon",
        Some("fastspring") => "OsmAnd Web (FastSpring)",
        _ => "Other",
    }
}

/// Pro subscription SKUs (the catalog's "OsmAnd Pro" entries) of every store.
pub fn is_pro_subscription(sku: &str) -> bool {
    let s = sku.to_ascii_lowercase();
    s.starts_with("osmand_pro_")
        || s.starts_with("promo_")
        || s.contains(".pro.")
        || s.ends_with(".pro")
        || s.contains("_pro_")
}

/// Display name of a subscription: catalog Pro SKUs first, then the server's fallbacks.
pub fn subscription_name(sku: &str) -> &'static str {
    if is_pro_subscription(sku) {
        "OsmAnd Pro"
    } else if sku.contains("_live_") {
        "OsmAnd Live"
    } else if sku.contains("promo") {
        "OsmAnd Promo"
    } else if sku.contains("maps") {
        "OsmAnd+"
    } else {
        "Other"
    }
}

/// Display name of a one-time purchase.
pub fn inapp_name(sku: &str) -> &'static str {
    if sku.contains("maps") {
        "Maps+"
    } else if sku.contains("osmand_premium") {
        "OsmAnd Premium"
    } else {
        "Other"
    }
}

/// `annual`/`monthly` (stands in for the catalog's duration), or none.
pub fn subscription_type(sku: &str) -> Option<&'static str> {
    if sku.contains("annual") {
        Some("annual")
    } else if sku.contains("monthly") {
        Some("monthly")
    } else {
        None
    }
}

/// The store state (account-ui.md §4.3).
pub fn state(sub: &Subscription, now: i64) -> &'static str {
    let Some(expire) = sub.expire_time else {
        return "undefined";
    };
    let paid = sub.paid.unwrap_or(true);
    let renewing = sub.autorenewing.unwrap_or(false);
    if expire > now {
        match (paid, renewing) {
            (true, true) => "active",
            (true, false) => "cancelled",
            (false, true) => "in_grace_period",
            (false, false) => "undefined",
        }
    } else {
        match (paid, renewing) {
            (false, true) => "on_hold",
            (true, true) => "paused",
            (_, false) => "expired",
        }
    }
}

fn put(map: &mut Map<String, Value>, key: &str, value: impl ToString) {
    map.insert(key.to_owned(), Value::String(value.to_string()));
}

/// One subscription as the reference's all-string map.
pub fn subscription_info(sub: &Subscription, now: i64) -> Map<String, Value> {
    let mut m = Map::new();
    let plat = platform(&sub.sku);
    put(&mut m, "sku", &sub.sku);
    if let Some(p) = plat {
        put(&mut m, "platform", p);
    }
    if let Some(v) = sub.valid {
        put(&mut m, "valid", v);
    }
    if let Some(t) = sub.start_time {
        put(&mut m, "start_time", t);
    }
    if let Some(t) = sub.expire_time {
        put(&mut m, "expire_time", t);
    }
    put(&mut m, "state", state(sub, now));
    put(&mut m, "name", subscription_name(&sub.sku));
    if let Some(t) = subscription_type(&sub.sku) {
        put(&mut m, "type", t);
    }
    put(&mut m, "store", store(plat));
    if sub.autorenewing == Some(true) {
        if let Some(t) = sub.expire_time {
            put(&mut m, "billingDate", t);
        }
    }
    m
}

/// One in-app purchase as the reference's all-string map.
pub fn inapp_info(iap: &InApp) -> Map<String, Value> {
    let mut m = Map::new();
    let plat = iap
        .platform
        .clone()
        .or_else(|| platform(&iap.sku).map(str::to_owned));
    put(&mut m, "sku", &iap.sku);
    if let Some(v) = iap.valid {
        put(&mut m, "valid", v);
    }
    if let Some(t) = iap.purchase_time {
        put(&mut m, "purchaseTime", t);
    }
    put(&mut m, "name", inapp_name(&iap.sku));
    put(&mut m, "store", store(plat.as_deref()));
    if let Some(p) = plat {
        put(&mut m, "platform", p);
    }
    m
}

/// One-time purchases that grant Pro for a while (15-year "XV").
fn inapp_pro_expiry(iap: &InApp) -> Option<i64> {
    let pro = iap.sku.contains("pro.15y") || iap.sku.contains("osmand_pro_xv");
    if pro {
        iap.purchase_time
            .map(|t| t.saturating_add(FIFTEEN_YEARS_MS))
    } else {
        None
    }
}

/// What makes an account Pro.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProOrder {
    Subscription(Subscription),
    InApp(InApp),
}

fn valid_pro_sub(sub: &Subscription, now: i64) -> bool {
    sub.valid == Some(true)
        && sub.expire_time.is_some_and(|t| t > now)
        && is_pro_subscription(&sub.sku)
}

fn valid_pro_inapp(iap: &InApp, now: i64) -> bool {
    iap.valid == Some(true) && inapp_pro_expiry(iap).is_some_and(|t| t > now)
}

/// The valid Pro purchase behind `orderid` for this user, if any (first valid row wins).
pub fn pro_order(
    conn: &Connection,
    userid: i64,
    orderid: &str,
    now: i64,
) -> rusqlite::Result<Option<ProOrder>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {SUB_COLS} FROM subscriptions WHERE orderid = ?1 AND (userid = ?2 OR userid IS NULL)
         ORDER BY id"
    ))?;
    let subs: Vec<Subscription> = stmt
        .query_map(params![orderid, userid], sub_from_row)?
        .collect::<rusqlite::Result<_>>()?;
    if let Some(s) = subs.into_iter().find(|s| valid_pro_sub(s, now)) {
        return Ok(Some(ProOrder::Subscription(s)));
    }
    let iap = conn
        .query_row(
            &format!(
                "SELECT {IAP_COLS} FROM inapps WHERE orderid = ?1 AND (userid = ?2 OR userid IS NULL)
                 ORDER BY id LIMIT 1"
            ),
            params![orderid, userid],
            iap_from_row,
        )
        .optional()?;
    Ok(iap.filter(|i| valid_pro_inapp(i, now)).map(ProOrder::InApp))
}

/// Like the reference's `verifyAndRefreshProOrderId`: keeps a still-valid `orderid`, else
/// points it at the user's best valid Pro purchase, else clears it. Returns the Pro order.
pub fn refresh_orderid(
    conn: &Connection,
    acc: &Account,
    now: i64,
) -> rusqlite::Result<Option<ProOrder>> {
    if let Some(current) = acc.orderid.as_deref() {
        if let Some(order) = pro_order(conn, acc.id, current, now)? {
            return Ok(Some(order));
        }
    }
    let mut subs: Vec<Subscription> = subscriptions_of(conn, acc.id)?
        .into_iter()
        .filter(|s| valid_pro_sub(s, now))
        .collect();
    subs.sort_by_key(|s| std::cmp::Reverse(s.expire_time));
    let best = match subs.into_iter().next() {
        Some(s) => Some(ProOrder::Subscription(s)),
        None => inapps_of(conn, acc.id)?
            .into_iter()
            .find(|i| valid_pro_inapp(i, now))
            .map(ProOrder::InApp),
    };
    let new_id = best.as_ref().map(|o| match o {
        ProOrder::Subscription(s) => s.orderid.clone(),
        ProOrder::InApp(i) => i.orderid.clone(),
    });
    if new_id != acc.orderid {
        accounts::set_orderid(conn, acc.id, new_id.as_deref())?;
    }
    Ok(best)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sub(sku: &str, expire: i64, paid: bool, renew: bool) -> Subscription {
        Subscription {
            id: 1,
            userid: Some(1),
            orderid: "o".into(),
            sku: sku.into(),
            start_time: Some(0),
            expire_time: Some(expire),
            autorenewing: Some(renew),
            paid: Some(paid),
            valid: Some(true),
        }
    }

    #[test]
    fn states() {
        let s = "net.osmand.fastspring.subscription.pro.annual";
        assert_eq!(state(&sub(s, 10, true, true), 5), "active");
        assert_eq!(state(&sub(s, 10, true, false), 5), "cancelled");
        assert_eq!(state(&sub(s, 10, false, true), 5), "in_grace_period");
        assert_eq!(state(&sub(s, 1, false, true), 5), "on_hold");
        assert_eq!(state(&sub(s, 1, true, true), 5), "paused");
        assert_eq!(state(&sub(s, 1, true, false), 5), "expired");
    }

    #[test]
    fn sku_rules() {
        let cases = [
            (
                "osmand_pro_monthly_full",
                Some("google"),
                "Google Play",
                "OsmAnd Pro",
                Some("monthly"),
            ),
            (
                "net.osmand.maps.subscription.pro.annual",
                Some("apple"),
                "Apple App Store",
                "OsmAnd Pro",
                Some("annual"),
            ),
            (
                "net.osmand.huawei.monthly.pro",
                Some("huawei"),
                "Huawei AppGallery",
                "OsmAnd Pro",
                Some("monthly"),
            ),
            (
                "net.osmand.amazon.pro.monthly",
                Some("amazon"),
                "Amazon",
                "OsmAnd Pro",
                Some("monthly"),
            ),
            (
                "net.osmand.fastspring.subscription.pro.annual",
                Some("fastspring"),
                "OsmAnd Web (FastSpring)",
                "OsmAnd Pro",
                Some("annual"),
            ),
            (
                "net.osmand.fastspring.subscription.maps.annual",
                Some("fastspring"),
                "OsmAnd Web (FastSpring)",
                "OsmAnd+",
                Some("annual"),
            ),
            (
                "osm_live_subscription_annual_free_v2",
                Some("google"),
                "Google Play",
                "OsmAnd Live",
                Some("annual"),
            ),
            ("osmand_legacy_yearly", None, "Other", "Other", None),
        ];
        for (sku, plat, st, name, ty) in cases {
            assert_eq!(platform(sku), plat, "{sku}");
            assert_eq!(store(platform(sku)), st, "{sku}");
            assert_eq!(subscription_name(sku), name, "{sku}");
            assert_eq!(subscription_type(sku), ty, "{sku}");
        }
        assert_eq!(inapp_name("net.osmand.fastspring.inapp.maps.plus"), "Maps+");
        assert_eq!(inapp_name("net.osmand.fastspring.inapp.pro.15y"), "Other");
        assert_eq!(inapp_name("osmand_full_version_price"), "Other");
    }

    #[test]
    fn more_reference_examples() {
        // Google prefixes without a store infix, Apple's prefix, and the name fallbacks.
        assert_eq!(platform("osmand_maps_annual_free"), Some("google"));
        assert_eq!(subscription_name("osmand_maps_annual_free"), "OsmAnd+");
        assert_eq!(platform("net.osmand.contourlines"), Some("google"));
        assert_eq!(platform("net.osmand.seadepth"), Some("google"));
        assert_eq!(platform("osm_free_live_subscription_2"), Some("google"));
        assert_eq!(platform("net.osmand.maps.inapp.maps.plus"), Some("apple"));
        assert_eq!(platform("some.unknown.sku"), None);
        assert_eq!(store(Some("nope")), "Other");
        assert_eq!(subscription_name("promo_osmand_pro"), "OsmAnd Pro");
        assert_eq!(subscription_name("osmand_promo_x"), "OsmAnd Promo");
        assert_eq!(
            subscription_name("net.osmand.fastspring.subscription.pro.monthly"),
            "OsmAnd Pro"
        );
        assert_eq!(inapp_name("osmand_premium_v1"), "OsmAnd Premium");
        assert_eq!(subscription_type("net.osmand.huawei.pro"), None);
    }

    #[test]
    fn info_maps_are_all_strings_and_billing_only_when_renewing() {
        let renewing = sub(
            "net.osmand.fastspring.subscription.pro.annual",
            10,
            true,
            true,
        );
        let m = subscription_info(&renewing, 5);
        assert!(m.values().all(Value::is_string));
        assert_eq!(m.get("billingDate"), Some(&Value::String("10".into())));
        assert_eq!(
            m.get("store"),
            Some(&Value::String("OsmAnd Web (FastSpring)".into()))
        );
        assert_eq!(m.get("type"), Some(&Value::String("annual".into())));
        let cancelled = sub(
            "net.osmand.fastspring.subscription.pro.annual",
            10,
            true,
            false,
        );
        let m = subscription_info(&cancelled, 5);
        assert_eq!(m.get("billingDate"), None);
        assert_eq!(m.get("state"), Some(&Value::String("cancelled".into())));
        let mut unknown = sub("x", 10, true, true);
        unknown.expire_time = None;
        assert_eq!(state(&unknown, 5), "undefined");
        // One-time purchases keep their stored platform.
        let iap = InApp {
            id: 1,
            userid: Some(1),
            orderid: "o".into(),
            sku: "osmand_full_version_price".into(),
            purchase_time: Some(3),
            valid: Some(true),
            platform: Some("amazon".into()),
        };
        let m = inapp_info(&iap);
        assert_eq!(m.get("store"), Some(&Value::String("Amazon".into())));
        assert_eq!(m.get("name"), Some(&Value::String("Other".into())));
        assert_eq!(m.get("purchaseTime"), Some(&Value::String("3".into())));
        assert_eq!(m.get("type"), None);
    }
}
