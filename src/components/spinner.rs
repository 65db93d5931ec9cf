//! A small loading indicator with a text for screen readers.

use leptos::prelude::*;

/// Spinner plus a visible label.
#[component]
pub fn Spinner(#[prop(into)] label: Signal<String>) -> impl IntoView {
    view! {
        <div class="spinner" role="status" aria-live="polite">
            <span class="spinner__wheel" aria-hidden="true"></span>
            <span class="spinner__label">{move || label.get()}</span>
        </div>
    }
}
