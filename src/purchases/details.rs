//! S13: `/map/account/purchases/<item>` — the card, type, expiry or purchase date, the store, and
//! the store's help with its management link (allow-listed hosts only, new tab, no referrer).

use leptos::prelude::*;

use crate::components::panel::PanelNav;
use crate::components::Panel;
use crate::i18n::use_i18n;
use crate::purchases::card::{card_data, PurchaseCard};
use crate::purchases::help::{HelpHomeLink, HelpLink, Topic};
use crate::purchases::list::{CrossPlatform, WithPurchases};
use crate::purchases::model::{
    date_or_na, date_row, is_topography, type_text, Item, Pill, Purchases, Store,
};
use crate::routes::Route;

/// The store as the user reads it: the server's names are brand names, except its fallback
/// `Other`, which is a word and gets translated.
pub fn store_name(label: &str, s: &crate::purchases::strings::PurchaseStrings) -> String {
    if label.trim() == "Other" {
        s.store_other.to_string()
    } else {
        label.to_string()
    }
}

/// Support's address, for purchases without a store page.
const SUPPORT_MAILTO: &str = "mailto:support@osmand.net";

/// `/map/account/purchases/<item>`: the page of the item the router matched (built anew when
/// the address names another item).
#[component]
pub fn PurchasePage() -> impl IntoView {
    let params = leptos_router::hooks::use_params_map();
    move || {
        let item = params
            .with(|p| p.get(crate::routes::seg::ITEM))
            .unwrap_or_default();
        view! { <ItemPage item=item/> }
    }
}

/// The details page of one item; an unknown item goes back to the list with a notice.
#[component]
fn ItemPage(item: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = crate::session::use_session();
    let parsed = Item::parse(&item);
    let title = RwSignal::new(String::new());
    let back_to_list = move || {
        let href = format!(
            "{}?missing={}",
            Route::Purchases.href(),
            osmand_api::http::encode_query_value(&item)
        );
        session.go(&href, true);
    };
    let back_to_list = StoredValue::new_local(back_to_list);
    view! {
        <Panel
            title=Signal::derive(move || {
                let t = title.get();
                if t.is_empty() { i18n.t().purchases_title.to_string() } else { t }
            })
            nav=PanelNav::Back(Route::Purchases.href())
            nav_id="se-purchase-info-header-back"
        >
            <WithPurchases ready=Callback::new(move |p: Purchases| {
                match parsed.filter(|it| p.has(*it)) {
                    Some(it) => {
                        if let Some(c) = card_data(&p, it, crate::browser::now_ms(), i18n.locale_untracked()) {
                            title.set(c.name);
                        }
                        view! { <PurchaseDetails data=p item=it now_ms=crate::browser::now_ms()/> }.into_any()
                    }
                    None => {
                        // Out of the render pass: the navigation replaces this page.
                        request_animation_frame(move || back_to_list.with_value(|f| f()));
                        ().into_any()
                    }
                }
            })/>
        </Panel>
    }
}

/// What the details page shows below the card.
#[derive(Clone, Debug, PartialEq)]
pub struct DetailRows {
    pub type_text: String,
    /// ("Expires" | "Expired on" | "On hold since" | "Paused since" | "Purchased", date).
    pub date: (&'static str, String),
    pub store_label: String,
    pub store: Store,
    /// Subscriptions get store help and a link; one-time purchases a short note.
    pub subscription: bool,
}

pub fn detail_rows(
    p: &Purchases,
    item: Item,
    now_ms: i64,
    l: crate::i18n::Locale,
) -> Option<DetailRows> {
    let s = l.strings().purchases;
    match item {
        Item::Free => Some(DetailRows {
            type_text: s.free_account.into(),
            date: (s.purchased_label, date_or_na(p.free?, l)),
            store_label: "OsmAnd Web".into(),
            store: Store::Other,
            subscription: false,
        }),
        Item::Sub(i) => {
            let sub = p.subs.get(i)?;
            Some(DetailRows {
                type_text: type_text(sub, s),
                date: date_row(sub, now_ms, l),
                store_label: sub.store.clone().unwrap_or_else(|| "Other".into()),
                store: Store::of(sub.store.as_deref(), sub.platform.as_deref()),
                subscription: true,
            })
        }
        Item::InApp(i) => {
            let inapp = p.inapps.get(i)?;
            Some(DetailRows {
                type_text: s.one_time.into(),
                date: (s.purchased_label, date_or_na(inapp.purchase_ms(), l)),
                store_label: inapp.store.clone().unwrap_or_else(|| "Other".into()),
                store: Store::of(inapp.store.as_deref(), inapp.platform.as_deref()),
                subscription: false,
            })
        }
    }
}

/// The sections of Purchases help this item's page links to: its store's (Huawei, Amazon),
/// the free plan's downloads, the Topography plugin's restore steps.
pub fn help_topics(p: &Purchases, item: Item) -> Vec<Topic> {
    let store = match item {
        Item::Free => return vec![Topic::FreeDownloads, Topic::ExtraDownloads],
        Item::Sub(i) => p
            .subs
            .get(i)
            .map(|s| Store::of(s.store.as_deref(), s.platform.as_deref())),
        Item::InApp(i) => p
            .inapps
            .get(i)
            .map(|x| Store::of(x.store.as_deref(), x.platform.as_deref())),
    };
    let mut topics = Vec::new();
    if let Item::InApp(i) = item {
        if p.inapps.get(i).is_some_and(is_topography) {
            topics.push(Topic::Topography);
        }
    }
    match store {
        Some(Store::Huawei) => topics.push(Topic::Huawei),
        Some(Store::Amazon) => topics.push(Topic::Amazon),
        _ => {}
    }
    topics
}

/// The details. Presentational.
#[component]
pub fn PurchaseDetails(data: Purchases, item: Item, now_ms: i64) -> impl IntoView {
    let i18n = use_i18n();
    let data = StoredValue::new(data);
    let body = move || {
        let l = i18n.locale();
        data.with_value(|p| {
            let card = card_data(p, item, now_ms, l)?;
            let rows = detail_rows(p, item, now_ms, l)?;
            let topics = help_topics(p, item);
            let store = rows.store;
            let help = if rows.subscription {
                store.help(i18n.t().purchases)
            } else if item == Item::Free {
                i18n.t().purchases.help_free
            } else {
                i18n.t().purchases.help_one_time
            };
            let link = rows.subscription.then(|| store.manage_url()).flatten();
            let status = card.pill;
            Some(view! {
                <PurchaseCard data=card/>
                <dl class="pdetails">
                    <div class="pdetails__row">
                        <dt>{move || i18n.t().purchases.type_label}</dt>
                        <dd id="se-purchase-info-type">{rows.type_text.clone()}</dd>
                    </div>
                    <div class="pdetails__row">
                        <dt>{rows.date.0}</dt>
                        <dd id="se-purchase-info-expire-time">{rows.date.1.clone()}</dd>
                    </div>
                    <div class="pdetails__row">
                        <dt>{move || i18n.t().purchases.purchased_on}</dt>
                        <dd id="se-purchase-info-store">{
                            let label = rows.store_label.clone();
                            move || store_name(&label, i18n.t().purchases)
                        }</dd>
                    </div>
                    <div class="pdetails__row">
                        <dt>{move || i18n.t().purchases.status}</dt>
                        <dd id="se-purchase-info-status">{move || status_line(status, i18n.t().purchases)}</dd>
                    </div>
                </dl>
                <section class="pdetails__help" id=format!("se-purchase-help-{}", store.slug())>
                    <p>{help}</p>
                    {match link {
                        Some(href) => view! {
                            <a class="pdetails__manage" id="se-purchase-manage" href=href target="_blank" rel="noopener noreferrer">
                                {move || i18n.t().purchases.manage}
                                <span class="visually-hidden">{move || format!(" {}", i18n.t().purchases.new_tab)}</span>
                            </a>
                        }.into_any(),
                        // No store page to send to: the way to a person instead.
                        None => view! {
                            <a class="pdetails__manage" id="se-purchase-support" href=SUPPORT_MAILTO>
                                {move || i18n.t().purchases.contact_support}
                            </a>
                        }.into_any(),
                    }}
                    {(!topics.is_empty()).then(|| view! {
                        <ul class="help-links" id="se-purchase-help-topics">
                            {topics.into_iter().map(|t| view! { <li><HelpLink topic=t/></li> }).collect_view()}
                        </ul>
                    })}
                    <p><HelpHomeLink id="se-purchase-help-link"/></p>
                </section>
            })
        })
    };
    view! {
        <div class="purchases">
            {body}
            <CrossPlatform/>
        </div>
    }
}

fn status_line(p: Pill, s: &crate::purchases::strings::PurchaseStrings) -> &'static str {
    p.label(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;
    use osmand_api::models::{InAppPurchase, Subscription};

    const NOW: i64 = 1_795_176_000_000;
    const DAY: i64 = 86_400_000;

    fn sub(store: &str, platform: &str, state: &str, expire_d: i64) -> Subscription {
        Subscription {
            store: Some(store.into()),
            platform: Some(platform.into()),
            state: Some(state.into()),
            expire_time: Some((NOW + expire_d * DAY).to_string()),
            ..Subscription::default()
        }
    }

    fn inapp(sku: &str, store: &str, platform: &str) -> InAppPurchase {
        InAppPurchase {
            sku: Some(sku.into()),
            store: Some(store.into()),
            platform: Some(platform.into()),
            ..InAppPurchase::default()
        }
    }

    fn data() -> Purchases {
        Purchases {
            free: Some(Some(NOW - 40 * DAY)),
            subs: vec![
                sub("Huawei AppGallery", "huawei", "on_hold", -3),
                sub("Amazon", "amazon", "paused", -10),
                sub("Google Play", "google", "active", 30),
                sub("Google Play", "google", "expired", -200),
            ],
            inapps: vec![
                inapp("net.osmand.contourlines_plus", "Google Play", "google"),
                inapp(
                    "net.osmand.maps.inapp.addon.srtm",
                    "Apple App Store",
                    "apple",
                ),
                inapp(
                    "net.osmand.fastspring.inapp.maps.plus",
                    "OsmAnd Web (FastSpring)",
                    "fastspring",
                ),
                inapp("net.osmand.amazon.maps.inapp", "Amazon", "amazon"),
            ],
        }
    }

    #[test]
    fn each_detail_page_links_to_the_help_sections_it_needs() {
        let p = data();
        assert_eq!(help_topics(&p, Item::Sub(0)), vec![Topic::Huawei]);
        assert_eq!(help_topics(&p, Item::Sub(1)), vec![Topic::Amazon]);
        assert_eq!(help_topics(&p, Item::Sub(2)), vec![]);
        assert_eq!(
            help_topics(&p, Item::Free),
            vec![Topic::FreeDownloads, Topic::ExtraDownloads]
        );
        assert_eq!(help_topics(&p, Item::InApp(0)), vec![Topic::Topography]);
        assert_eq!(help_topics(&p, Item::InApp(1)), vec![Topic::Topography]);
        assert_eq!(help_topics(&p, Item::InApp(2)), vec![]);
        assert_eq!(help_topics(&p, Item::InApp(3)), vec![Topic::Amazon]);
        assert_eq!(help_topics(&p, Item::InApp(9)), vec![]);
    }

    #[test]
    fn the_date_row_is_in_the_past_tense_for_past_dates() {
        let p = data();
        let label = |i: Item, l: Locale| detail_rows(&p, i, NOW, l).unwrap().date.0;
        assert_eq!(label(Item::Sub(0), Locale::En), "On hold since");
        assert_eq!(label(Item::Sub(1), Locale::En), "Paused since");
        assert_eq!(label(Item::Sub(2), Locale::En), "Expires");
        assert_eq!(label(Item::Sub(3), Locale::En), "Expired on");
        assert_eq!(label(Item::Sub(3), Locale::Nl), "Verlopen op");
        assert_eq!(label(Item::InApp(0), Locale::En), "Purchased");
        assert_eq!(label(Item::Free, Locale::En), "Purchased");
    }

    #[test]
    fn the_fallback_store_name_is_translated_brand_names_are_not() {
        let nl = Locale::Nl.strings().purchases;
        assert_eq!(store_name("Other", nl), "Een andere winkel");
        assert_eq!(store_name("Google Play", nl), "Google Play");
        assert_eq!(store_name("Other", Locale::En.strings().purchases), "Other");
    }
}
