//! `/map/settings/`: the OsmAnd Cloud section with Changes and Trash (Pro accounts), what Pro
//! offers with a link to the plans for free accounts, and a way to log in for visitors.

use leptos::prelude::*;

use crate::call::Call;
use crate::components::panel::PanelNav;
use crate::components::{ErrorBanner, Panel, Spinner};
use crate::i18n::use_i18n;
use crate::purchases::model::{is_allowed, PRICING_URL};
use crate::routes::Route;
use crate::session::use_session;

/// The Settings screen.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let pro = Call::new(|api, _: ()| async move { api.account_info().await.map(|i| !i.is_free()) });
    // Loads once someone is logged in (also after logging in from here).
    let logged_in = Memo::new(move |_| session.is_logged_in());
    Effect::new(move |_| {
        if logged_in.get() {
            pro.reload();
        }
    });
    let retry = Callback::new(move |_| pro.reload());
    view! {
        <Panel title=Signal::derive(move || i18n.t().cloud.settings.to_string()) nav=PanelNav::Close(Route::Map.href())>
            {move || {
                if !logged_in.get() {
                    return view! {
                        <p class="cloud-note">{move || i18n.t().cloud.login_needed}</p>
                        <a class="btn btn--primary" id="se-cloud-login" href=Route::Login.href()>{move || i18n.t().cloud.login}</a>
                    }.into_any();
                }
                if pro.error().is_some() {
                    return view! { <ErrorBanner message=pro.message() on_retry=retry id="se-settings-error"/> }.into_any();
                }
                match pro.value() {
                    None => view! { <Spinner label=Signal::derive(move || i18n.t().loading.to_string())/> }.into_any(),
                    Some(false) => view! { <ProOffer/> }.into_any(),
                    Some(true) => view! {
                        <section class="cloud-settings" aria-labelledby="cloud-section-title">
                            <h2 class="cloud-settings__title" id="cloud-section-title">{move || i18n.t().cloud.cloud_section}</h2>
                            <ul class="list">
                                <li class="list__row"><a class="cloud-settings__link" id="se-cloud_changes" href=Route::CloudChanges.href()>
                                    <span class="cloud-settings__label">{move || i18n.t().cloud.changes}</span>
                                    <span class="cloud-settings__hint">{move || i18n.t().cloud.changes_hint}</span>
                                </a></li>
                                <li class="list__row"><a class="cloud-settings__link" id="se-cloud_trash" href=Route::CloudTrash.href()>
                                    <span class="cloud-settings__label">{move || i18n.t().cloud.trash}</span>
                                    <span class="cloud-settings__hint">{move || i18n.t().cloud.trash_hint}</span>
                                </a></li>
                            </ul>
                        </section>
                    }.into_any(),
                }
            }}
        </Panel>
    }
}

/// What a free account gets with OsmAnd Pro (as the user docs and the reference describe it) and
/// a link to the plans: the free account's Settings page is not a dead end.
#[component]
pub fn ProOffer() -> impl IntoView {
    let i18n = use_i18n();
    let plans = is_allowed(PRICING_URL).then_some(PRICING_URL);
    view! {
        <section class="pro-offer" aria-labelledby="se-cloud-pro-title">
            <p class="cloud-note cloud-note--top" id="se-cloud-pro-only">{move || i18n.t().cloud.pro_only}</p>
            <h2 class="cloud-settings__title" id="se-cloud-pro-title">{move || i18n.t().cloud.pro_offers_title}</h2>
            <ul class="pro-offer__list" id="se-cloud-pro-offers">
                <li>{move || i18n.t().cloud.pro_sync}</li>
                <li>{move || i18n.t().cloud.pro_history}</li>
                <li>{move || i18n.t().cloud.pro_devices}</li>
            </ul>
            {plans.map(|href| view! {
                <a class="btn btn--primary" id="se-cloud-pro-link" href=href target="_blank" rel="noopener noreferrer">
                    {move || i18n.t().cloud.pro_link}
                    <span class="visually-hidden">{move || format!(" {}", i18n.t().purchases.new_tab)}</span>
                </a>
            })}
        </section>
    }
}
