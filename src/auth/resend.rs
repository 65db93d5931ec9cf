//! "I didn't receive the verification code": the address (editable) and Resend with a visible
//! countdown first, so Resend stays in view, then the advice.

use leptos::prelude::*;

use crate::auth::rules::{mm_ss, RegisterFailure};
use crate::components::{ErrorBanner, InfoBanner, TextField};
use crate::errors::register_failure_text;
use crate::i18n::{fill, use_i18n};
use crate::purchases::help::{HelpLink, Topic};

/// The resend section. `open` toggles it (the link is a real button, so keyboards reach it).
#[component]
pub fn ResendHelp(
    open: RwSignal<bool>,
    /// The address to send to; editable here.
    email: RwSignal<String>,
    /// Seconds until a new code may be requested.
    #[prop(into)]
    wait_secs: Signal<i64>,
    #[prop(into)] pending: Signal<bool>,
    /// Set after a successful resend: the address the new code went to.
    #[prop(into)]
    resent_to: Signal<Option<String>>,
    #[prop(into)] failure: Signal<Option<RegisterFailure>>,
    on_resend: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let resent = Signal::derive(move || {
        resent_to
            .get()
            .map(|to| fill(i18n.t().resent, &[("email", &to)]))
    });
    let error = Signal::derive(move || failure.get().map(|f| register_failure_text(&f, i18n.t())));
    view! {
        <InfoBanner message=resent id="se-resend-result"/>
        <button
            type="button"
            class="link link--button"
            id="se-resend-code-link"
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls="resend-help"
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {move || i18n.t().no_code_link}
        </button>
        <Show when=move || open.get()>
            <div class="resend" id="resend-help">
                <h2 class="resend__title">{move || i18n.t().no_code_title}</h2>
                <TextField
                    id="resend-email"
                    label=Signal::derive(move || i18n.t().email.to_string())
                    value=email
                    input_type="email"
                    autocomplete="email"
                    maxlength=320
                />
                <ErrorBanner message=error id="se-resend-error"/>
                <button
                    type="button"
                    class="btn btn--accent btn--wide"
                    id="se-resend-btn"
                    disabled=move || { pending.get() || wait_secs.get() > 0 || email.get().trim().is_empty() }
                    on:click=move |_| on_resend.run(())
                >
                    {move || if pending.get() { i18n.t().sending } else { i18n.t().resend_btn }}
                </button>
                <p class="resend__wait" id="se-resend-wait">
                    {move || (wait_secs.get() > 0).then(|| fill(i18n.t().resend_wait, &[("time", &mm_ss(wait_secs.get()))]))}
                </p>
                <ul class="resend__tips">
                    <li>{move || i18n.t().no_code_tip_address}</li>
                    <li>{move || i18n.t().no_code_tip_spam}</li>
                    <li>{move || i18n.t().no_code_tip_delay}</li>
                    <li>{move || i18n.t().no_code_tip_filter}</li>
                </ul>
                // All the steps, in a new tab: this form keeps what the user has typed so far.
                <p class="resend__more">
                    <HelpLink topic=Topic::VerificationCode new_tab=true id="se-resend-help-link"/>
                </p>
            </div>
        </Show>
    }
}
