//! `/map/settings/cloud/changes`: every version of every file, newest first (S15).

use leptos::prelude::*;

use super::list::{CloudList, ListState, Mode};

/// The Changes screen.
#[component]
pub fn ChangesPage() -> impl IntoView {
    view! { <CloudList mode=Mode::Changes state=ListState::new() load=true/> }
}
