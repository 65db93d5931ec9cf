//! Payments and purchases as plain data: which rows the list shows, truthful status texts,
//! remaining validity, the store's help and its (allow-listed) management link.

use osmand_api::error::ApiError;
use osmand_api::models::{AccountInfo, InAppPurchase, Subscription, SubscriptionState};

use crate::i18n::format::{format_date, plural};
use crate::i18n::{fill, Locale};
use crate::purchases::strings::PurchaseStrings;

const DAY_MS: i64 = 86_400_000;

/// One entry of the list, as addressed in the URL (`free`, `sub0`, `inapp2`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Free,
    Sub(usize),
    InApp(usize),
}

impl Item {
    pub fn parse(s: &str) -> Option<Item> {
        let s = s.trim().trim_end_matches('/');
        if s == "free" {
            return Some(Item::Free);
        }
        if let Some(n) = s.strip_prefix("sub") {
            return n.parse().ok().map(Item::Sub);
        }
        if let Some(n) = s.strip_prefix("inapp") {
            return n.parse().ok().map(Item::InApp);
        }
        None
    }

    pub fn slug(self) -> String {
        match self {
            Item::Free => "free".into(),
            Item::Sub(i) => format!("sub{i}"),
            Item::InApp(i) => format!("inapp{i}"),
        }
    }
}

/// The account's purchases, decoded once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Purchases {
    /// `Some(regtime)` for a free account (the "OsmAnd Start" row).
    pub free: Option<Option<i64>>,
    pub subs: Vec<Subscription>,
    pub inapps: Vec<InAppPurchase>,
}

impl Purchases {
    pub fn from_info(info: &AccountInfo) -> Result<Self, ApiError> {
        Ok(Purchases {
            free: info.is_free().then(|| info.regtime_ms()),
            subs: info.subscriptions()?,
            inapps: info.in_app_purchases()?,
        })
    }

    /// Whether the item exists (deep links to a bad index go back to the list).
    pub fn has(&self, item: Item) -> bool {
        match item {
            Item::Free => self.free.is_some(),
            Item::Sub(i) => i < self.subs.len(),
            Item::InApp(i) => i < self.inapps.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.subs.is_empty() && self.inapps.is_empty()
    }

    /// Whether the list calls this item ended ("Expired on …", a one-time purchase that is no
    /// longer valid): exactly what "Hide expired" hides.
    pub fn is_ended(&self, item: Item, now_ms: i64) -> bool {
        match item {
            Item::Free => false,
            Item::Sub(i) => self
                .subs
                .get(i)
                .is_some_and(|s| standing(s, now_ms) == Standing::Ended),
            Item::InApp(i) => self
                .inapps
                .get(i)
                .is_some_and(|p| Pill::of_inapp(p) == Pill::NotValid),
        }
    }

    /// The subscriptions and the one-time purchases in the order the list shows them: active
    /// first, then the ones still running with a warning, then on hold or paused, ended last;
    /// the server's order (newest first) within each group. Items keep their server index.
    pub fn display_order(&self, now_ms: i64) -> (Vec<Item>, Vec<Item>) {
        let rank = |item: Item| -> u8 {
            match item {
                Item::Free => 0,
                Item::Sub(i) => self.subs.get(i).map_or(3, |s| match standing(s, now_ms) {
                    Standing::Running if Pill::of_sub(s) == Pill::Active => 0,
                    Standing::Running => 1,
                    Standing::OnHold | Standing::Paused => 2,
                    Standing::Ended => 3,
                }),
                Item::InApp(_) => {
                    if self.is_ended(item, now_ms) {
                        3
                    } else {
                        0
                    }
                }
            }
        };
        let mut subs: Vec<Item> = (0..self.subs.len()).map(Item::Sub).collect();
        let mut inapps: Vec<Item> = (0..self.inapps.len()).map(Item::InApp).collect();
        subs.sort_by_key(|it| rank(*it));
        inapps.sort_by_key(|it| rank(*it));
        (subs, inapps)
    }
}

/// Where a subscription stands at `now`: every date text of its card and details, and whether
/// "Hide expired" hides it, follow from this one answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Standing {
    /// Usable until its expiry date (active, cancelled but not run out, in grace, unknown).
    Running,
    /// The paid period is over and the store has not received the renewal payment
    /// (`on_hold`: not paid, renewing, expiry past — OsmAnd-tools `getSubscriptionInfo`).
    OnHold,
    /// The paid period is over and the renewal is paused (`paused`: paid, renewing, expiry past).
    Paused,
    /// Over: expired, not valid, or its expiry date has passed.
    Ended,
}

pub fn standing(sub: &Subscription, now_ms: i64) -> Standing {
    match Pill::of_sub(sub) {
        Pill::OnHold => Standing::OnHold,
        Pill::Paused => Standing::Paused,
        Pill::Expired | Pill::NotValid => Standing::Ended,
        _ => match sub.expire_ms() {
            Some(until) if until <= now_ms => Standing::Ended,
            _ => Standing::Running,
        },
    }
}

/// The status pill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pill {
    Active,
    Cancelled,
    InGracePeriod,
    OnHold,
    Paused,
    Expired,
    NotValid,
    Unknown,
}

impl Pill {
    /// The server's state, as it is (the reference shows cancelled and in-grace as "Active").
    pub fn of_sub(sub: &Subscription) -> Pill {
        match sub.state_kind() {
            SubscriptionState::Active => Pill::Active,
            SubscriptionState::Cancelled => Pill::Cancelled,
            SubscriptionState::InGracePeriod => Pill::InGracePeriod,
            SubscriptionState::OnHold => Pill::OnHold,
            SubscriptionState::Paused => Pill::Paused,
            SubscriptionState::Expired => Pill::Expired,
            SubscriptionState::Unknown => Pill::Unknown,
        }
    }

    pub fn of_inapp(p: &InAppPurchase) -> Pill {
        if p.is_valid() == Some(false) {
            Pill::NotValid
        } else {
            Pill::Active
        }
    }

    pub fn label(self, s: &PurchaseStrings) -> &'static str {
        match self {
            Pill::Active => s.active,
            Pill::Cancelled => s.cancelled,
            Pill::InGracePeriod => s.in_grace,
            Pill::OnHold => s.on_hold,
            Pill::Paused => s.paused,
            Pill::Expired => s.expired,
            Pill::NotValid => s.not_valid,
            Pill::Unknown => s.unknown,
        }
    }

    /// CSS modifier: green, warning (still usable or recoverable), red, grey.
    pub fn tone(self) -> &'static str {
        match self {
            Pill::Active => "active",
            Pill::Cancelled | Pill::InGracePeriod | Pill::OnHold | Pill::Paused => "warn",
            Pill::Expired | Pill::NotValid => "expired",
            Pill::Unknown => "unknown",
        }
    }
}

/// "Monthly subscription", "Annual subscription", or the raw type.
pub fn type_text(sub: &Subscription, s: &PurchaseStrings) -> String {
    match sub.r#type.as_deref().map(str::trim) {
        Some(t) if t.eq_ignore_ascii_case("monthly") => s.monthly.into(),
        Some(t) if t.eq_ignore_ascii_case("annual") => s.annual.into(),
        Some(t) if !t.is_empty() => t.into(),
        _ => s.subscription.into(),
    }
}

fn date(ms: i64, l: Locale) -> String {
    format_date(ms, crate::browser::tz_offset_minutes(ms), l).unwrap_or_default()
}

/// A date, or "N/A".
pub fn date_or_na(ms: Option<i64>, l: Locale) -> String {
    ms.map(|m| date(m, l))
        .filter(|d| !d.is_empty())
        .unwrap_or_else(|| l.strings().purchases.not_available.to_string())
}

/// "Next billing date: 12 Mar 2027" — only a date still to come ("N/A" when it does not
/// renew or the date has passed); on hold and paused say what the renewal waits for instead.
pub fn billing_text(sub: &Subscription, now_ms: i64, l: Locale) -> String {
    let s = l.strings().purchases;
    match standing(sub, now_ms) {
        Standing::OnHold => s.on_hold_billing.into(),
        Standing::Paused => s.paused_billing.into(),
        Standing::Running | Standing::Ended => {
            let next = sub.billing_ms().filter(|b| *b > now_ms);
            fill(s.next_billing, &[("date", &date_or_na(next, l))])
        }
    }
}

/// Whole days from `now` until `until`, rounded up.
pub fn days_left(until_ms: i64, now_ms: i64) -> i64 {
    let left = until_ms.saturating_sub(now_ms);
    if left <= 0 {
        0
    } else {
        (left + DAY_MS - 1) / DAY_MS
    }
}

/// The remaining validity, truthfully: "Still active until …", "… 12 days left", and for past
/// dates the past tense: "Expired on …", "On hold since …", "Paused since …".
pub fn validity_text(sub: &Subscription, now_ms: i64, l: Locale) -> Option<String> {
    let s = l.strings().purchases;
    let until = sub.expire_ms()?;
    let since = match standing(sub, now_ms) {
        Standing::Running => None,
        Standing::OnHold => Some(s.on_hold_since),
        Standing::Paused => Some(s.paused_since),
        Standing::Ended => Some(s.expired_on),
    };
    if let Some(template) = since {
        return Some(fill(template, &[("date", &date(until, l))]));
    }
    let left = plural(s.days_left, days_left(until, now_ms), l);
    let main = match Pill::of_sub(sub) {
        Pill::Cancelled => fill(s.active_until, &[("date", &date(until, l))]),
        Pill::InGracePeriod => fill(s.grace_until, &[("date", &date(until, l))]),
        _ => return Some(left),
    };
    Some(format!("{main} · {left}"))
}

/// The date row of a subscription's details: "Expires" for a date to come, else the label
/// that says what the past date was ("Expired on", "On hold since", "Paused since").
pub fn date_row(sub: &Subscription, now_ms: i64, l: Locale) -> (&'static str, String) {
    let s = l.strings().purchases;
    let label = match standing(sub, now_ms) {
        Standing::Running => s.expires,
        Standing::OnHold => s.on_hold_label,
        Standing::Paused => s.paused_label,
        Standing::Ended => s.expired_label,
    };
    (label, date_or_na(sub.expire_ms(), l))
}

/// Whether a one-time purchase is the Topography (formerly Contour lines) plugin: its store
/// SKUs are `net.osmand.contourlines…` (Android) and `…srtm` (iOS); the server names it "Other".
pub fn is_topography(p: &InAppPurchase) -> bool {
    let sku = p.sku.as_deref().unwrap_or("").to_ascii_lowercase();
    sku.contains("contourlines") || sku.contains("srtm")
}

/// The Purchases row's second line on the account home: "Active · OsmAnd Pro", "Cancelled ·
/// OsmAnd Pro" (truthful, unlike the reference), or "OsmAnd Start" for a free account.
pub fn home_summary(info: &AccountInfo, l: Locale) -> String {
    let s = l.strings().purchases;
    if info.is_free() {
        return s.free_name.to_string();
    }
    let plan = info.plan_name().unwrap_or("OsmAnd Pro");
    match info.state() {
        Some(state) => {
            let pill = Pill::of_sub(&Subscription {
                state: Some(state.to_string()),
                ..Subscription::default()
            });
            format!("{} · {plan}", pill.label(s))
        }
        None => plan.to_string(),
    }
}

/// Where a purchase was made, from the server's store label (or its platform).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    Google,
    Apple,
    Huawei,
    FastSpring,
    Amazon,
    Other,
}

impl Store {
    pub fn of(store: Option<&str>, platform: Option<&str>) -> Store {
        let label = store.unwrap_or("").to_ascii_lowercase();
        let platform = platform.unwrap_or("").to_ascii_lowercase();
        let has = |needle: &str| label.contains(needle) || platform.contains(needle);
        if has("google") {
            Store::Google
        } else if has("apple") {
            Store::Apple
        } else if has("huawei") {
            Store::Huawei
        } else if has("fastspring") {
            Store::FastSpring
        } else if has("amazon") {
            Store::Amazon
        } else {
            Store::Other
        }
    }

    /// The store's page for managing subscriptions; none for Amazon (closed) and unknown stores.
    pub fn manage_url(self) -> Option<&'static str> {
        let url = match self {
            Store::Google => "https://play.google.com/store/account/subscriptions",
            Store::Apple => "https://account.apple.com/account/manage/section/subscriptions",
            Store::Huawei => "https://consumer.huawei.com/en/support/content/en-us00729195/",
            Store::FastSpring => "https://osmand.onfastspring.com/account",
            Store::Amazon | Store::Other => return None,
        };
        is_allowed(url).then_some(url)
    }

    pub fn help(self, s: &PurchaseStrings) -> &'static str {
        match self {
            Store::Google => s.help_google,
            Store::Apple => s.help_apple,
            Store::Huawei => s.help_huawei,
            Store::FastSpring => s.help_fastspring,
            Store::Amazon => s.help_amazon,
            Store::Other => s.help_other,
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Store::Google => "google",
            Store::Apple => "apple",
            Store::Huawei => "huawei",
            Store::FastSpring => "fastspring",
            Store::Amazon => "amazon",
            Store::Other => "other",
        }
    }
}

/// The only hosts an external link may point to.
pub const ALLOWED_HOSTS: &[&str] = &[
    "play.google.com",
    "account.apple.com",
    "consumer.huawei.com",
    "osmand.onfastspring.com",
    "osmand.net",
];

/// `https://` to an allow-listed host, nothing else.
pub fn is_allowed(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    ALLOWED_HOSTS.contains(&host)
}

/// The plans page behind "Learn more".
pub const PRICING_URL: &str = "https://osmand.net/pricing";

/// A product's badge: which icon family (Pro, Maps+/OsmAnd+, Live, Start).
pub fn badge(name: &str) -> &'static str {
    let n = name.to_ascii_lowercase();
    if n.contains("live") {
        "live"
    } else if n.contains("maps") || n.contains('+') {
        "maps"
    } else if n.contains("start") {
        "start"
    } else {
        "pro"
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn info(v: serde_json::Value) -> AccountInfo {
        serde_json::from_str(&json!({ "info": v }).to_string()).unwrap()
    }

    fn sub(state: &str, expire: i64, billing: Option<i64>) -> Subscription {
        Subscription {
            state: Some(state.into()),
            expire_time: Some(expire.to_string()),
            billing_date: billing.map(|b| b.to_string()),
            r#type: Some("monthly".into()),
            ..Subscription::default()
        }
    }

    #[test]
    fn items_round_trip_and_bad_ones_are_refused() {
        for s in ["free", "sub0", "sub12", "inapp3"] {
            assert_eq!(Item::parse(s).map(Item::slug).as_deref(), Some(s));
        }
        for s in ["", "sub", "subx", "inapp-1", "foo", "sub1x"] {
            assert_eq!(Item::parse(s), None, "{s}");
        }
        let p = Purchases {
            free: None,
            subs: vec![Subscription::default()],
            inapps: vec![],
        };
        assert!(p.has(Item::Sub(0)));
        assert!(!p.has(Item::Sub(1)));
        assert!(!p.has(Item::InApp(0)));
        assert!(!p.has(Item::Free));
    }

    #[test]
    fn states_are_shown_as_they_are() {
        let s = Locale::En.strings().purchases;
        let cases = [
            ("active", "Active", "active"),
            ("cancelled", "Cancelled", "warn"),
            ("in_grace_period", "In grace period", "warn"),
            ("on_hold", "On hold", "warn"),
            ("paused", "Paused", "warn"),
            ("expired", "Expired", "expired"),
            ("undefined", "Unknown", "unknown"),
        ];
        for (state, label, tone) in cases {
            let p = Pill::of_sub(&sub(state, 0, None));
            assert_eq!(p.label(s), label);
            assert_eq!(p.tone(), tone);
        }
        assert_eq!(
            Pill::of_sub(&sub("cancelled", 0, None)).label(Locale::Nl.strings().purchases),
            "Opgezegd"
        );
    }

    #[test]
    fn validity_says_until_when_a_cancelled_one_stays_active() {
        let now = 1_700_000_000_000;
        let cancelled = sub("cancelled", now + 10 * DAY_MS, None);
        let text = validity_text(&cancelled, now, Locale::En).unwrap();
        assert!(text.starts_with("Still active until "), "{text}");
        assert!(text.ends_with("10 days left"), "{text}");
        let active = sub("active", now + DAY_MS / 2, Some(now + DAY_MS / 2));
        assert_eq!(
            validity_text(&active, now, Locale::En).as_deref(),
            Some("1 day left")
        );
        let gone = sub("expired", now - DAY_MS, None);
        assert!(validity_text(&gone, now, Locale::Nl)
            .unwrap()
            .starts_with("Verlopen op "));
        assert_eq!(
            billing_text(&cancelled, now, Locale::En),
            "Next billing date: N/A"
        );
        assert_eq!(days_left(now + 3 * DAY_MS, now), 3);
        assert_eq!(days_left(now + 3 * DAY_MS + 1, now), 4);
        assert_eq!(days_left(now - 5, now), 0);
    }

    /// Issue #20 item 6: each state's card and details say what is true for it, and "Hide
    /// expired" hides exactly the cards that say "Expired on".
    #[test]
    fn every_state_has_wording_true_for_it() {
        let now = 1_700_000_000_000;
        let renewing = |state: &str, expire: i64| sub(state, expire, Some(expire));
        let cases = [
            // (subscription, standing, billing line, validity line starts with)
            (
                renewing("active", now + 30 * DAY_MS),
                Standing::Running,
                "Next billing date: ",
                "30 days left",
            ),
            (
                sub("cancelled", now + 10 * DAY_MS, None),
                Standing::Running,
                "Next billing date: N/A",
                "Still active until ",
            ),
            (
                renewing("in_grace_period", now + 4 * DAY_MS),
                Standing::Running,
                "Next billing date: ",
                "Payment problem",
            ),
            (
                renewing("on_hold", now - 3 * DAY_MS),
                Standing::OnHold,
                "Payment not received",
                "On hold since ",
            ),
            (
                renewing("paused", now - 10 * DAY_MS),
                Standing::Paused,
                "Billing resumes when the pause ends",
                "Paused since ",
            ),
            (
                sub("expired", now - 200 * DAY_MS, None),
                Standing::Ended,
                "Next billing date: N/A",
                "Expired on ",
            ),
            // A state the server could not name, with a past date: ended all the same.
            (
                sub("undefined", now - 65 * DAY_MS, None),
                Standing::Ended,
                "Next billing date: N/A",
                "Expired on ",
            ),
            // A stale "active" whose date has passed: never a next billing date in the past.
            (
                renewing("active", now - DAY_MS),
                Standing::Ended,
                "Next billing date: N/A",
                "Expired on ",
            ),
        ];
        for (x, want, billing, validity) in cases {
            let state = x.state.clone().unwrap_or_default();
            assert_eq!(standing(&x, now), want, "{state}");
            let b = billing_text(&x, now, Locale::En);
            assert!(b.starts_with(billing), "{state}: {b}");
            assert!(
                b != "Next billing date: " && !b.ends_with(": "),
                "{state}: {b}"
            );
            let v = validity_text(&x, now, Locale::En).unwrap();
            assert!(v.starts_with(validity), "{state}: {v}");
            // Only a past date is spoken of in the past tense, and on hold / paused never as ended.
            let past = x.expire_ms().unwrap() <= now;
            assert_eq!(
                v.contains("Expired on"),
                want == Standing::Ended,
                "{state}: {v}"
            );
            assert!(!v.contains("Ended"), "{state}: {v}");
            let (label, _) = date_row(&x, now, Locale::En);
            assert_eq!(label == "Expires", !past, "{state}: {label}");
        }
        // Dutch says the same.
        let on_hold = renewing("on_hold", now - 3 * DAY_MS);
        assert!(validity_text(&on_hold, now, Locale::Nl)
            .unwrap()
            .starts_with("In de wacht sinds "));
        assert!(billing_text(&on_hold, now, Locale::Nl).starts_with("Betaling niet ontvangen"));
        let paused = renewing("paused", now - 3 * DAY_MS);
        assert!(validity_text(&paused, now, Locale::Nl)
            .unwrap()
            .starts_with("Gepauzeerd sinds "));
    }

    #[test]
    fn hide_expired_hides_what_the_list_calls_ended_and_active_comes_first() {
        let now = 1_700_000_000_000;
        let renewing = |state: &str, expire: i64| sub(state, expire, Some(expire));
        // In the server's order (newest start first), as in the demo account.
        let p = Purchases {
            free: None,
            subs: vec![
                sub("cancelled", now + 10 * DAY_MS, None),
                renewing("on_hold", now - 3 * DAY_MS),
                renewing("paused", now - 10 * DAY_MS),
                renewing("active", now + 265 * DAY_MS),
                sub("expired", now - 200 * DAY_MS, None),
                sub("undefined", now - 65 * DAY_MS, None),
                renewing("in_grace_period", now + 4 * DAY_MS),
            ],
            inapps: vec![
                InAppPurchase {
                    valid: Some("false".into()),
                    ..InAppPurchase::default()
                },
                InAppPurchase {
                    valid: Some("true".into()),
                    ..InAppPurchase::default()
                },
            ],
        };
        let (subs, inapps) = p.display_order(now);
        assert_eq!(
            subs,
            [3, 0, 6, 1, 2, 4, 5].map(Item::Sub).to_vec(),
            "active, running with a warning, on hold / paused, ended"
        );
        assert_eq!(inapps, vec![Item::InApp(1), Item::InApp(0)]);
        let ended: Vec<Item> = subs
            .iter()
            .chain(inapps.iter())
            .copied()
            .filter(|it| p.is_ended(*it, now))
            .collect();
        assert_eq!(ended, vec![Item::Sub(4), Item::Sub(5), Item::InApp(0)]);
        // What is hidden is exactly what says "Expired on" (or is a not-valid one-time purchase).
        for (i, x) in p.subs.iter().enumerate() {
            let says_expired =
                validity_text(x, now, Locale::En).is_some_and(|v| v.starts_with("Expired on"));
            assert_eq!(p.is_ended(Item::Sub(i), now), says_expired, "sub{i}");
        }
        assert!(!p.is_ended(Item::Free, now));
        assert!(!p.is_ended(Item::Sub(99), now));
    }

    #[test]
    fn topography_is_recognised_by_its_store_skus() {
        let with = |sku: &str| InAppPurchase {
            sku: Some(sku.into()),
            ..InAppPurchase::default()
        };
        assert!(is_topography(&with("net.osmand.contourlines")));
        assert!(is_topography(&with("net.osmand.contourlines_plus")));
        assert!(is_topography(&with("net.osmand.maps.inapp.addon.srtm")));
        assert!(!is_topography(&with(
            "net.osmand.fastspring.inapp.maps.plus"
        )));
        assert!(!is_topography(&with("osmand_full_version_price")));
        assert!(!is_topography(&InAppPurchase::default()));
    }

    #[test]
    fn home_summary_is_truthful() {
        assert_eq!(
            home_summary(
                &info(json!({"account": "Free", "maxAccSize": "5242880"})),
                Locale::En
            ),
            "OsmAnd Start"
        );
        assert_eq!(
            home_summary(
                &info(json!({"state": "active", "name": "OsmAnd Pro"})),
                Locale::En
            ),
            "Active · OsmAnd Pro"
        );
        assert_eq!(
            home_summary(
                &info(json!({"state": "cancelled", "name": "OsmAnd Pro"})),
                Locale::Nl
            ),
            "Opgezegd · OsmAnd Pro"
        );
        // Pro through a one-time purchase: no main subscription keys.
        assert_eq!(
            home_summary(&info(json!({"maxAccSize": "3145728000"})), Locale::En),
            "OsmAnd Pro"
        );
    }

    #[test]
    fn stores_links_and_allow_list() {
        let cases = [
            (Some("Google Play"), Some("google"), Store::Google, true),
            (Some("Apple App Store"), Some("apple"), Store::Apple, true),
            (Some("Huawei AppGallery"), None, Store::Huawei, true),
            (
                Some("OsmAnd Web (FastSpring)"),
                Some("fastspring"),
                Store::FastSpring,
                true,
            ),
            (Some("Amazon"), Some("amazon"), Store::Amazon, false),
            (Some("Other"), None, Store::Other, false),
            (None, Some("google"), Store::Google, true),
        ];
        for (label, platform, store, link) in cases {
            assert_eq!(Store::of(label, platform), store, "{label:?}");
            assert_eq!(store.manage_url().is_some(), link, "{label:?}");
        }
        assert_eq!(
            Store::FastSpring.manage_url(),
            Some("https://osmand.onfastspring.com/account")
        );
        assert!(!is_allowed("http://play.google.com/x"));
        assert!(!is_allowed("https://play.google.com.evil.example/x"));
        assert!(!is_allowed("javascript:alert(1)"));
        assert!(is_allowed(PRICING_URL));
    }

    #[test]
    fn types_and_badges() {
        let s = Locale::En.strings().purchases;
        let mut x = Subscription::default();
        assert_eq!(type_text(&x, s), "Subscription");
        x.r#type = Some("annual".into());
        assert_eq!(type_text(&x, s), "Annual subscription");
        x.r#type = Some("quarterly".into());
        assert_eq!(type_text(&x, s), "quarterly");
        assert_eq!(badge("OsmAnd Pro"), "pro");
        assert_eq!(badge("OsmAnd+"), "maps");
        assert_eq!(badge("Maps+"), "maps");
        assert_eq!(badge("OsmAnd Live"), "live");
        assert_eq!(badge("OsmAnd Start"), "start");
    }

    #[test]
    fn decodes_the_lists_from_account_info() {
        let i = info(json!({
            "maxAccSize": "3145728000",
            "subscriptions": "[{\"sku\":\"osmand_pro_monthly_full\",\"state\":\"cancelled\",\"store\":\"Google Play\"}]",
            "inAppPurchases": "[]",
        }));
        let p = Purchases::from_info(&i).unwrap();
        assert_eq!(p.free, None);
        assert_eq!(p.subs.len(), 1);
        assert!(!p.is_empty());
        let bad = info(json!({"subscriptions": "{not json"}));
        assert!(Purchases::from_info(&bad).is_err());
    }
}
