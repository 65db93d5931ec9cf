//! Danger zone: change e-mail and delete account (S7, S9).

#[cfg(feature = "gallery")]
pub mod gallery;

use leptos::prelude::*;

use crate::components::panel::PanelNav;
use crate::components::Panel;
use crate::routes::Route;

/// `/map/delete-account/`.
#[component]
pub fn DeleteAccountPage() -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    view! {
        <Panel title=Signal::derive(move || i18n.t().delete_account_title.to_string()) nav=PanelNav::Back(Route::Account.href())>
            <p class="empty-state">{move || i18n.t().not_available_yet}</p>
        </Panel>
    }
}

/// The ⋮ menu of the e-mail row on the account home (Change e-mail).
#[component]
pub fn EmailActions(#[prop(into)] email: Signal<String>) -> impl IntoView {
    let _ = email;
}
