//! S10: My data → OsmAnd Cloud info, with the Download-all backup dialog (S11).

use leptos::prelude::*;

use crate::components::panel::PanelNav;
use crate::components::Panel;
use crate::routes::Route;

/// `/map/account/cloud`.
#[component]
pub fn CloudPage() -> impl IntoView {
    view! { <Panel title="OsmAnd Cloud".to_string() nav=PanelNav::Back(Route::Account.href())><p>"…"</p></Panel> }
}
