//! `/map/settings/cloud/trash`: files whose newest version is a deletion (S16).

use leptos::prelude::*;

use super::list::{CloudList, ListState, Mode};

/// The Trash screen.
#[component]
pub fn TrashPage() -> impl IntoView {
    view! { <CloudList mode=Mode::Trash state=ListState::new() load=true/> }
}
