//! Labelled form fields with inline, announced errors.

use leptos::html::Input;
use leptos::prelude::*;

use crate::components::icons::{IconEye, IconEyeOff};
use crate::i18n::use_i18n;

/// The ids an input's `aria-describedby` lists.
pub fn described_by(id: &str, has_hint: bool, has_error: bool) -> Option<String> {
    let mut ids = Vec::new();
    if has_error {
        ids.push(format!("{id}-error"));
    }
    if has_hint {
        ids.push(format!("{id}-hint"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A text, e-mail or password input with its label, optional hint and error.
#[component]
pub fn TextField(
    /// The input's id (the reference's ids are kept: `username`, `pwd`, …).
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    /// Two-way bound value.
    value: RwSignal<String>,
    /// `text`, `email`, `password`, …
    #[prop(default = "text")]
    input_type: &'static str,
    /// The `autocomplete` token (`email`, `current-password`, `one-time-code`, …).
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// `inputmode`, e.g. `numeric` for codes.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// Error under the field; also sets `aria-invalid`.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    /// Help text under the field.
    #[prop(optional, into)]
    hint: Option<Signal<String>>,
    #[prop(optional, into)] disabled: Signal<bool>,
    /// Lets the parent focus the input.
    #[prop(optional)]
    node_ref: Option<NodeRef<Input>>,
    /// For passwords: an eye button that shows the text.
    #[prop(optional)]
    revealable: bool,
    #[prop(optional)] maxlength: Option<u32>,
    /// Extra content under the error (e.g. a "Create account" shortcut).
    #[prop(optional)]
    children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let revealed = RwSignal::new(false);
    let node_ref = node_ref.unwrap_or_default();
    let has_hint = hint.is_some();
    let current_type = move || {
        if revealable && revealed.get() {
            "text"
        } else {
            input_type
        }
    };
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field" class:field--invalid=move || error.get().is_some()>
            <label class="field__label" for=id>{move || label.get()}</label>
            <div class="field__control">
                <input
                    id=id
                    class="field__input"
                    type=current_type
                    autocomplete=autocomplete
                    inputmode=inputmode
                    maxlength=maxlength
                    node_ref=node_ref
                    prop:value=move || value.get()
                    on:input:target=move |ev| value.set(ev.target().value())
                    disabled=move || disabled.get()
                    aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                    aria-describedby=move || described_by(id, has_hint, error.get().is_some())
                    spellcheck="false"
                    autocapitalize="off"
                />
                {revealable.then(|| view! {
                    <button
                        type="button"
                        class="field__reveal"
                        aria-pressed=move || if revealed.get() { "true" } else { "false" }
                        aria-label=move || if revealed.get() { i18n.t().hide_password } else { i18n.t().show_password }
                        on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| revealed.update(|r| *r = !*r)
                    >
                        {move || if revealed.get() { view! { <IconEyeOff/> }.into_any() } else { view! { <IconEye/> }.into_any() }}
                    </button>
                })}
            </div>
            <p class="field__error" id=error_id aria-live="polite">
                {move || error.get()}
            </p>
            {hint.map(|h| view! { <p class="field__hint" id=hint_id>{move || h.get()}</p> })}
            {children.map(|c| c())}
        </div>
    }
}

/// The one rule for field errors: editing a field clears the error that belongs to it
/// (`belongs`), so the next try is always possible. Forms keep their failure as data in one
/// signal and read each field's message from it.
pub fn clear_on_edit<F: Send + Sync + 'static>(
    field: RwSignal<String>,
    failure: RwSignal<Option<F>>,
    belongs: impl Fn(&F) -> bool + Send + Sync + 'static,
) {
    Effect::new(move |prev: Option<String>| {
        let now = field.get();
        if prev.is_some_and(|p| p != now)
            && failure.with_untracked(|f| f.as_ref().is_some_and(&belongs))
        {
            failure.set(None);
        }
        now
    });
}

/// The one digits-only code input rule: keeps only digits as the user types or pastes (spaces
/// and dashes of a pasted code go), for every code field of every flow.
pub fn digits_only(field: RwSignal<String>) {
    Effect::new(move |_| {
        let v = field.get();
        let clean = crate::auth::rules::clean_code(&v);
        if clean != v {
            field.set(clean);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describedby_lists_error_then_hint() {
        assert_eq!(described_by("pwd", false, false), None);
        assert_eq!(
            described_by("pwd", true, false).as_deref(),
            Some("pwd-hint")
        );
        assert_eq!(
            described_by("pwd", true, true).as_deref(),
            Some("pwd-error pwd-hint")
        );
    }
}
