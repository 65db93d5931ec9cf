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
    view! { <Panel title="Delete account".to_string() nav=PanelNav::Back(Route::Account.href())><p>"…"</p></Panel> }
}

/// The ⋮ menu of the e-mail row on the account home (Change e-mail).
#[component]
pub fn EmailActions(#[prop(into)] email: Signal<String>) -> impl IntoView {
    let _ = email;
}
