//! The language switch.

use leptos::prelude::*;

use crate::components::icons::IconLanguage;
use crate::i18n::{fill, use_i18n, Locale};

/// A labelled `<select>` of the supported languages. A language whose texts are not here yet
/// switches once they have arrived; if they cannot be loaded, a notice in the language still
/// shown says so and offers to try again.
#[component]
pub fn LangSwitch(#[prop(default = "lang-switch")] id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="lang-switch">
            <label class="lang-switch__label" for=id>
                <IconLanguage/>
                <span class="visually-hidden">{move || i18n.t().language}</span>
            </label>
            <select
                id=id
                class="lang-switch__select"
                aria-busy=move || i18n.pending().is_some().then_some("true")
                // Shows the language on screen: back to it when a switch fails.
                prop:value=move || {
                    i18n.failed();
                    i18n.locale().code()
                }
                on:change:target=move |ev| {
                    if let Some(l) = Locale::from_code(&ev.target().value()) {
                        i18n.set(l);
                    }
                }
            >
                {Locale::ALL.into_iter().map(|l| view! {
                    <option value=l.code() lang=l.code() aria-label=l.native_name() title=l.native_name() selected=move || i18n.locale() == l>
                        {l.code().to_uppercase()}
                    </option>
                }).collect_view()}
            </select>
            {move || i18n.failed().map(|l| view! {
                <p class="lang-toast" role="alert" id="lang-load-failed" lang=i18n.locale().code()>
                    <span>{fill(i18n.t().lang_load_failed, &[("language", l.native_name())])}</span>
                    <button type="button" class="lang-toast__retry" on:click=move |_| i18n.set(l)>
                        {i18n.t().retry}
                    </button>
                </p>
            })}
        </div>
    }
}
