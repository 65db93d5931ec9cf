//! Payments and purchases (S12, S13).

#[cfg(feature = "gallery")]
pub mod gallery;

use leptos::prelude::*;

use crate::components::panel::PanelNav;
use crate::components::Panel;
use crate::routes::Route;

/// `/map/account/purchases/`.
#[component]
pub fn PurchasesPage() -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    view! {
        <Panel title=Signal::derive(move || i18n.t().purchases_title.to_string()) nav=PanelNav::Back(Route::Account.href()) nav_id="se-purchases-menu-back">
            <p class="empty-state">{move || i18n.t().not_available_yet}</p>
        </Panel>
    }
}

/// `/map/account/purchases/<item>`.
#[component]
pub fn PurchasePage(item: String) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let _ = item;
    view! {
        <Panel title=Signal::derive(move || i18n.t().purchases_title.to_string()) nav=PanelNav::Back(Route::Purchases.href()) nav_id="se-purchase-info-header-back">
            <p class="empty-state">{move || i18n.t().not_available_yet}</p>
        </Panel>
    }
}
