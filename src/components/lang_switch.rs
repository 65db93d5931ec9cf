//! The language switch.

use leptos::prelude::*;

use crate::components::icons::IconLanguage;
use crate::i18n::{use_i18n, Locale};

/// A labelled `<select>` of the supported languages.
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
        </div>
    }
}
