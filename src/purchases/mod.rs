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
    view! { <Panel title="Purchases".to_string() nav=PanelNav::Back(Route::Account.href())><p>"…"</p></Panel> }
}

/// `/map/account/purchases/<item>`.
#[component]
pub fn PurchasePage(item: String) -> impl IntoView {
    view! { <Panel title=item nav=PanelNav::Back(Route::Purchases.href())><p>"…"</p></Panel> }
}
