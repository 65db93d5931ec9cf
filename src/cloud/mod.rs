//! Settings → OsmAnd Cloud: Changes and Trash (S14–S16).

#[cfg(feature = "gallery")]
pub mod gallery;

use leptos::prelude::*;

use crate::components::panel::PanelNav;
use crate::components::Panel;
use crate::routes::Route;

/// `/map/settings/`.
#[component]
pub fn SettingsPage() -> impl IntoView {
    view! { <Panel title="Settings".to_string() nav=PanelNav::Close(Route::Map.href())><p>"…"</p></Panel> }
}

/// `/map/settings/cloud/changes`.
#[component]
pub fn ChangesPage() -> impl IntoView {
    view! { <Panel title="Changes".to_string() nav=PanelNav::Back(Route::Settings.href())><p>"…"</p></Panel> }
}

/// `/map/settings/cloud/trash`.
#[component]
pub fn TrashPage() -> impl IntoView {
    view! { <Panel title="Trash".to_string() nav=PanelNav::Back(Route::Settings.href())><p>"…"</p></Panel> }
}
