//! S12: `/map/account/purchases/` — the free plan, subscriptions, one-time purchases, the empty
//! state, "Hide expired", and what to know about purchases on other devices.

use leptos::prelude::*;

use crate::call::Call;
use crate::components::panel::PanelNav;
use crate::components::{loaded_view, InfoBanner, Panel};
use crate::i18n::format::plural;
use crate::i18n::use_i18n;
use crate::purchases::card::{card_data, PurchaseCard};
use crate::purchases::help::{HelpHomeLink, HelpLink, Topic};
use crate::purchases::model::{is_allowed, Item, Purchases, PRICING_URL};
use crate::routes::{use_query_param, Route};

const HIDE_EXPIRED_KEY: &str = "osmand-account.hide-expired";

/// Loads account info once per page and shows `ready` with the decoded purchases.
#[component]
pub fn WithPurchases(ready: Callback<Purchases, AnyView>) -> impl IntoView {
    let data = Call::load(|api| async move {
        let info = api.account_info().await?;
        Purchases::from_info(&info)
    });
    loaded_view(data, "se-purchases-error", move |p| ready.run(p))
}

/// The list page.
#[component]
pub fn PurchasesPage() -> impl IntoView {
    let i18n = use_i18n();
    // `?missing=sub9`: a deep link to a purchase that does not exist came back here.
    let missing = use_query_param("missing");
    let notice = Signal::derive(move || {
        missing
            .get()
            .map(|_| i18n.t().purchases.unknown_item.to_string())
    });
    let hide = RwSignal::new(crate::browser::local_storage_get(HIDE_EXPIRED_KEY).is_some());
    Effect::new(move |_| {
        if hide.get() {
            crate::browser::local_storage_set(HIDE_EXPIRED_KEY, "1");
        } else {
            crate::browser::local_storage_remove(HIDE_EXPIRED_KEY);
        }
    });
    view! {
        <Panel
            title=Signal::derive(move || i18n.t().purchases_title.to_string())
            nav=PanelNav::Back(Route::Account.href())
            nav_id="se-purchases-menu-back"
        >
            <InfoBanner message=notice id="se-purchases-notice"/>
            <WithPurchases ready=Callback::new(move |p: Purchases| {
                view! { <PurchaseList data=p now_ms=crate::browser::now_ms() hide_expired=hide/> }.into_any()
            })/>
        </Panel>
    }
}

/// The list itself. Presentational.
#[component]
pub fn PurchaseList(data: Purchases, now_ms: i64, hide_expired: RwSignal<bool>) -> impl IntoView {
    let i18n = use_i18n();
    let data = StoredValue::new(data);
    let rows = move |items: Vec<Item>| {
        let l = i18n.locale();
        let hide = hide_expired.get();
        data.with_value(|p| {
            items
                .into_iter()
                .filter(|it| !(hide && p.is_ended(*it, now_ms)))
                .filter_map(|it| card_data(p, it, now_ms, l).map(|c| (it, c)))
                .map(|(it, c)| {
                    view! { <li><PurchaseCard data=c href=Route::Purchase(it.slug()).href()/></li> }
                })
                .collect_view()
        })
    };
    let (subs, inapps) = data.with_value(|p| p.display_order(now_ms));
    let has_subs = !subs.is_empty();
    let has_inapps = !inapps.is_empty();
    let expired_count = move || {
        data.with_value(|p| {
            let all = subs_and_inapps(p);
            all.into_iter().filter(|it| p.is_ended(*it, now_ms)).count()
        })
    };
    let free = data.with_value(|p| p.free.is_some());
    let empty = data.with_value(Purchases::is_empty);
    let learn_more = is_allowed(PRICING_URL).then_some(PRICING_URL);
    view! {
        <div class="purchases" id="se-purchases-list">
            {(has_subs || has_inapps).then(|| view! {
                <div class="purchases__tools">
                    <label class="purchases__toggle">
                        <input type="checkbox" id="se-purchases-hide-expired"
                            prop:checked=move || hide_expired.get()
                            on:change:target=move |ev| hide_expired.set(ev.target().checked())/>
                        <span>{move || i18n.t().purchases.hide_expired}</span>
                    </label>
                    <span class="purchases__hidden" aria-live="polite">
                        {move || {
                            let n = expired_count();
                            (hide_expired.get() && n > 0).then(|| plural(i18n.t().purchases.hidden, n as i64, i18n.locale()))
                        }}
                    </span>
                </div>
            })}
            {free.then(|| view! {
                <ul class="purchases__list">{move || rows(vec![Item::Free])}</ul>
            })}
            {has_subs.then(|| {
                let subs = subs.clone();
                view! {
                    <h3 class="purchases__title">{move || i18n.t().purchases.subscriptions}</h3>
                    <ul class="purchases__list">{move || rows(subs.clone())}</ul>
                }
            })}
            {has_inapps.then(|| {
                let inapps = inapps.clone();
                view! {
                    <h3 class="purchases__title">{move || i18n.t().purchases.one_time_purchases}</h3>
                    <ul class="purchases__list">{move || rows(inapps.clone())}</ul>
                }
            })}
            {empty.then(|| view! {
                <div class="purchases__empty" id="se-empty-purchase-page">
                    <h3 class="purchases__empty-title">{move || i18n.t().purchases.empty_title}</h3>
                    <p>{move || i18n.t().purchases.empty_text}</p>
                    {learn_more.map(|href| view! {
                        <a class="btn btn--primary" id="se-purchases-learn-more" href=href target="_blank" rel="noopener noreferrer">
                            {move || i18n.t().purchases.learn_more}
                            <span class="visually-hidden">{move || format!(" {}", i18n.t().purchases.new_tab)}</span>
                        </a>
                    })}
                    <HelpHomeLink id="se-purchases-empty-help"/>
                </div>
            })}
            <CrossPlatform/>
            <section class="purchases__help" aria-labelledby="se-purchases-troubleshooting">
                <h3 class="purchases__title" id="se-purchases-troubleshooting">{move || i18n.t().purchases.troubleshooting}</h3>
                <p>{move || i18n.t().purchases.troubleshooting_text}</p>
                <p><HelpHomeLink id="se-purchases-help-link"/></p>
            </section>
        </div>
    }
}

fn subs_and_inapps(p: &Purchases) -> Vec<Item> {
    (0..p.subs.len())
        .map(Item::Sub)
        .chain((0..p.inapps.len()).map(Item::InApp))
        .collect()
}

/// How purchases follow the account across platforms, and how to link one.
#[component]
pub fn CrossPlatform() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="purchases__help" aria-labelledby="se-purchases-cross-title" id="se-purchases-cross">
            <h3 class="purchases__title" id="se-purchases-cross-title">{move || i18n.t().purchases.cross_title}</h3>
            <p>{move || i18n.t().purchases.cross_follow}</p>
            <p>{move || i18n.t().purchases.cross_store}</p>
            <p>{move || i18n.t().purchases.cross_link}</p>
            <ul class="help-links">
                <li><HelpLink topic=Topic::LinkPurchase id="se-purchases-cross-help-link"/></li>
                <li><HelpLink topic=Topic::SeveralAccounts id="se-purchases-cross-help-accounts"/></li>
            </ul>
        </section>
    }
}
