//! Gallery states of Payments and purchases: every row state and store, details per store,
//! free, empty, loading and error, and the Purchases help screen (English and Dutch).

use leptos::prelude::*;
use osmand_api::models::{InAppPurchase, Subscription};

use crate::components::{ErrorBanner, Spinner};
use crate::gallery::Entry;
use crate::gallery::Note;
use crate::i18n::{I18n, Locale};
use crate::purchases::details::PurchaseDetails;
use crate::purchases::help::HelpPage;
use crate::purchases::list::PurchaseList;
use crate::purchases::model::{Item, Purchases};
use leptos::context::Provider;

/// Designers' notes on this area's components (the gallery shows them beside the states).
pub const NOTES: &[Note] = &[
    Note {
        component: "purchases-help",
        about: "Every topic of the purchases FAQ, one section per topic; other screens link to a section.",
        used_in: "Purchases → Help (/map/account/purchases/help#<topic>), also logged out",
        reference: "Purchases FAQ (source document 000_…); no reference screen",
        ids: &["<topic anchors of the source document>"],
    },
    Note {
        component: "purchase-list",
        about: "Subscriptions and one-time purchases with their status; hide expired; help.",
        used_in: "Account → Payments and purchases (/map/account/purchases/)",
        reference: "S12 Purchases list",
        ids: &[
            "se-purchases-list",
            "se-subs-item-<name>",
            "se-inapp-item-<name>",
            "se-purchases-hide-expired",
            "se-empty-purchase-page",
        ],
    },
    Note {
        component: "purchase-details",
        about: "One purchase: status, store, dates and how to manage it in its store.",
        used_in: "Purchases → a purchase (/map/account/purchases/<item>)",
        reference: "S13 Purchase details",
        ids: &[
            "se-purchase-info-status",
            "se-purchase-info-store",
            "se-purchase-info-expire-time",
            "se-purchase-manage",
        ],
    },
];

/// The gallery's fixed "now" (2026-11-20 12:00 UTC, as the screenshots' clock).
const NOW: i64 = 1_795_176_000_000;
const DAY: i64 = 86_400_000;

#[allow(clippy::too_many_arguments)]
fn sub(
    name: &str,
    ty: &str,
    store: &str,
    platform: &str,
    state: &str,
    start_d: i64,
    expire_d: i64,
    renews: bool,
) -> Subscription {
    Subscription {
        sku: Some(format!("sku.{platform}.{ty}")),
        platform: Some(platform.into()),
        name: Some(name.into()),
        r#type: (!ty.is_empty()).then(|| ty.to_string()),
        store: Some(store.into()),
        state: Some(state.into()),
        start_time: Some((NOW + start_d * DAY).to_string()),
        expire_time: Some((NOW + expire_d * DAY).to_string()),
        billing_date: renews.then(|| (NOW + expire_d * DAY).to_string()),
        valid: Some((expire_d > 0).to_string()),
    }
}

fn inapp(name: &str, store: &str, platform: &str, days_ago: i64) -> InAppPurchase {
    InAppPurchase {
        sku: Some(format!("sku.{platform}.inapp")),
        name: Some(name.into()),
        store: Some(store.into()),
        platform: Some(platform.into()),
        purchase_time: Some((NOW - days_ago * DAY).to_string()),
        valid: Some("true".into()),
    }
}

/// Like the demo account: every store and state.
fn all() -> Purchases {
    Purchases {
        free: None,
        subs: vec![
            sub(
                "OsmAnd Pro",
                "annual",
                "OsmAnd Web (FastSpring)",
                "fastspring",
                "active",
                -100,
                265,
                true,
            ),
            sub(
                "OsmAnd Pro",
                "monthly",
                "Google Play",
                "google",
                "cancelled",
                -20,
                10,
                false,
            ),
            sub(
                "OsmAnd Pro",
                "annual",
                "Apple App Store",
                "apple",
                "in_grace_period",
                -368,
                4,
                true,
            ),
            sub(
                "OsmAnd Pro",
                "monthly",
                "Huawei AppGallery",
                "huawei",
                "on_hold",
                -33,
                -3,
                true,
            ),
            sub(
                "OsmAnd Pro",
                "monthly",
                "Amazon",
                "amazon",
                "paused",
                -40,
                -10,
                true,
            ),
            sub(
                "OsmAnd+",
                "annual",
                "Google Play",
                "google",
                "expired",
                -565,
                -200,
                false,
            ),
            sub("Other", "", "Other", "", "undefined", -430, -65, false),
        ],
        inapps: vec![
            inapp("Maps+", "OsmAnd Web (FastSpring)", "fastspring", 300),
            inapp("Other", "Google Play", "google", 800),
            // The Topography plugin: the server names unknown one-time SKUs "Other".
            InAppPurchase {
                sku: Some("net.osmand.contourlines_plus".into()),
                ..inapp("Other", "Google Play", "google", 1200)
            },
        ],
    }
}

fn list(p: Purchases, hide: bool) -> AnyView {
    view! { <PurchaseList data=p now_ms=NOW hide_expired=RwSignal::new(hide)/> }.into_any()
}

fn details(item: Item) -> AnyView {
    view! { <PurchaseDetails data=all() item=item now_ms=NOW/> }.into_any()
}

/// Every state of this area's components, for the designers' gallery.
pub fn entries() -> Vec<Entry> {
    vec![
        Entry {
            component: "purchase-list",
            state: "every-state",
            render: || list(all(), false),
        },
        Entry {
            component: "purchase-list",
            state: "hide-expired",
            render: || list(all(), true),
        },
        Entry {
            component: "purchase-list",
            state: "free-account",
            render: || {
                list(
                    Purchases {
                        free: Some(Some(NOW - 40 * DAY)),
                        ..Purchases::default()
                    },
                    false,
                )
            },
        },
        Entry {
            component: "purchase-list",
            state: "empty",
            render: || list(Purchases::default(), false),
        },
        Entry {
            component: "purchase-list",
            state: "long-name",
            render: || {
                list(
                    Purchases {
                        subs: vec![sub(
                            "OsmAnd Pro <b>Family</b> & Friends Edition with a very long product name",
                            "quarterly",
                            "Google Play",
                            "google",
                            "active",
                            -10,
                            80,
                            true,
                        )],
                        ..Purchases::default()
                    },
                    false,
                )
            },
        },
        Entry {
            component: "purchase-list",
            state: "loading",
            render: || view! { <Spinner label=Signal::stored("Loading".to_string())/> }.into_any(),
        },
        Entry {
            component: "purchase-list",
            state: "error",
            render: || {
                view! {
                    <ErrorBanner
                        message=Signal::stored(Some("Something went wrong on the OsmAnd server (error 500). Please try again in a moment.".to_string()))
                        on_retry=Callback::new(|_| ())
                    />
                }
                .into_any()
            },
        },
        Entry {
            component: "purchase-details",
            state: "fastspring-active",
            render: || details(Item::Sub(0)),
        },
        Entry {
            component: "purchase-details",
            state: "google-cancelled",
            render: || details(Item::Sub(1)),
        },
        Entry {
            component: "purchase-details",
            state: "apple-grace",
            render: || details(Item::Sub(2)),
        },
        Entry {
            component: "purchase-details",
            state: "huawei-on-hold",
            render: || details(Item::Sub(3)),
        },
        Entry {
            component: "purchase-details",
            state: "amazon-paused",
            render: || details(Item::Sub(4)),
        },
        Entry {
            component: "purchase-details",
            state: "expired",
            render: || details(Item::Sub(5)),
        },
        Entry {
            component: "purchase-details",
            state: "other-store",
            render: || details(Item::Sub(6)),
        },
        Entry {
            component: "purchase-details",
            state: "one-time",
            render: || details(Item::InApp(0)),
        },
        Entry {
            component: "purchase-details",
            state: "one-time-topography",
            render: || details(Item::InApp(2)),
        },
        Entry {
            component: "purchases-help",
            state: "top",
            render: || view! { <HelpPage/> }.into_any(),
        },
        Entry {
            component: "purchases-help",
            state: "dutch",
            // Dutch whatever the gallery's language switch says, so Dutch has its own baseline.
            render: || {
                view! {
                    <Provider value=I18n::new(Locale::Nl)>
                        <div lang="nl"><HelpPage/></div>
                    </Provider>
                }
                .into_any()
            },
        },
        Entry {
            component: "purchase-details",
            state: "free",
            render: || {
                view! {
                    <PurchaseDetails data=Purchases { free: Some(Some(NOW - 40 * DAY)), ..Purchases::default() } item=Item::Free now_ms=NOW/>
                }
                .into_any()
            },
        },
    ]
}
