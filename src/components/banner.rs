//! Error and info banners. Errors are announced by screen readers (`role="alert"`).

use leptos::prelude::*;

use crate::i18n::use_i18n;

/// A visible, specific error with an optional retry button.
#[component]
pub fn ErrorBanner(
    /// The message; nothing is rendered while it is `None`.
    #[prop(into)]
    message: Signal<Option<String>>,
    /// When given, a "Try again" button calls it.
    #[prop(optional)]
    on_retry: Option<Callback<()>>,
    /// Element id (for tests and the reference's Selenium ids).
    #[prop(optional)]
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        message.get().map(|text| {
            view! {
                <div class="banner banner--error" role="alert" id=(!id.is_empty()).then_some(id)>
                    <span class="banner__text">{text}</span>
                    {on_retry.map(|cb| view! {
                        <button type="button" class="btn btn--small" on:click=move |_| cb.run(())>
                            {move || i18n.t().retry}
                        </button>
                    })}
                </div>
            }
        })
    }
}

/// A neutral notice (`role="status"`).
#[component]
pub fn InfoBanner(
    #[prop(into)] message: Signal<Option<String>>,
    #[prop(optional)] id: &'static str,
) -> impl IntoView {
    move || {
        message.get().map(|text| {
            view! {
                <div class="banner banner--info" role="status" id=(!id.is_empty()).then_some(id)>
                    <span class="banner__text">{text}</span>
                </div>
            }
        })
    }
}
