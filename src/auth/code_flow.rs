//! What sign-up and password reset share: the address a code goes to, the code the user types,
//! "I didn't receive the code" with its countdown, and the errors of each.

use leptos::prelude::*;
use osmand_api::error::ApiError;

use crate::call::Call;
use crate::i18n::use_i18n;

use crate::auth::rules::{
    looks_like_email, normalize_email, resend_wait_secs, CodeFailure, CodeWear, RegisterFailure,
};

/// The code part of a flow; the gallery builds one per state.
#[derive(Clone, Copy)]
pub struct CodeFlow {
    pub email: RwSignal<String>,
    pub code: RwSignal<String>,
    pub email_failure: RwSignal<Option<RegisterFailure>>,
    pub code_failure: RwSignal<Option<CodeFailure>>,
    pub resend_open: RwSignal<bool>,
    pub resend_email: RwSignal<String>,
    /// Set after a successful resend: the address the new code went to.
    pub resent_to: RwSignal<Option<String>>,
    pub resend_failure: RwSignal<Option<RegisterFailure>>,
    /// When the last code was requested (drives the resend countdown) and how many refused
    /// checks have worn it.
    pub wear: RwSignal<CodeWear>,
    /// The clock, ticking every second while the screen is open.
    pub now: RwSignal<i64>,
    /// Shows the busy state without a request (gallery).
    pub force_pending: RwSignal<bool>,
    /// Whether the running code request is a resend.
    resending: RwSignal<bool>,
}

impl CodeFlow {
    /// A flow that starts at the e-mail step with this address.
    pub fn new(email: String) -> Self {
        Self {
            email: RwSignal::new(email),
            code: RwSignal::new(String::new()),
            email_failure: RwSignal::new(None),
            code_failure: RwSignal::new(None),
            resend_open: RwSignal::new(false),
            resend_email: RwSignal::new(String::new()),
            resent_to: RwSignal::new(None),
            resend_failure: RwSignal::new(None),
            wear: RwSignal::new(CodeWear::default()),
            now: RwSignal::new(crate::browser::now_ms()),
            force_pending: RwSignal::new(false),
            resending: RwSignal::new(false),
        }
    }

    /// Records a refused code check and shows why: a wrong code, or (when the server can no
    /// longer accept this code) that only a new one helps, with the resend section opened.
    pub fn code_refused(&self, failure: CodeFailure) {
        // `validate-token`/`activate` wear a code only when they refuse it.
        let failure = if failure == CodeFailure::InvalidCode {
            let now = crate::browser::now_ms();
            let failure = self
                .wear
                .try_update(|w| w.refused(now))
                .unwrap_or(CodeFailure::InvalidCode);
            if failure == CodeFailure::CodeUsedUp {
                self.resend_open.set(true);
            }
            failure
        } else {
            failure
        };
        self.code_failure.set(Some(failure));
    }

    /// The address of the e-mail step, normalised, if it looks valid (else the error is shown).
    pub fn first_send_to(&self) -> Option<String> {
        let email = normalize_email(&self.email.get_untracked());
        if !looks_like_email(&email) {
            self.email_failure.set(Some(RegisterFailure::InvalidEmail));
            return None;
        }
        self.email_failure.set(None);
        self.resending.set(false);
        Some(email)
    }

    /// The address of the resend section, normalised, if it looks valid (else the error is shown).
    pub fn resend_to(&self) -> Option<String> {
        let email = normalize_email(&self.resend_email.get_untracked());
        if !looks_like_email(&email) {
            self.resend_failure.set(Some(RegisterFailure::InvalidEmail));
            return None;
        }
        self.resend_failure.set(None);
        self.resent_to.set(None);
        self.resending.set(true);
        Some(email)
    }

    /// The call both flows send codes with (`register`: a new account for sign-up, an existing
    /// one for reset). Its answers land here; `on_first_sent` moves the flow to its code step.
    pub fn code_call(
        self,
        new_account: bool,
        code_field_id: &'static str,
        on_first_sent: impl Fn() + 'static,
    ) -> Call<String, String> {
        let i18n = use_i18n();
        Call::new(move |api, email: String| async move {
            api.register(&email, i18n.locale_untracked().code(), new_account)
                .await
                .map(|()| email)
        })
        .on_ok(move |email: &String| {
            if self.code_sent(Ok(email.clone()), code_field_id) {
                on_first_sent();
            }
        })
        .on_err(move |e| {
            self.code_sent(Err(e.clone()), code_field_id);
        })
    }

    /// Applies the answer of a code request. Returns `true` when a first send succeeded (the caller
    /// moves on to the code step); after a resend, focus goes back to the code field.
    pub fn code_sent(&self, result: Result<String, ApiError>, code_field_id: &str) -> bool {
        let was_resend = self.resending.get_untracked();
        match result {
            Ok(email) => {
                self.email.set(email.clone());
                self.wear.set(CodeWear::sent(crate::browser::now_ms()));
                self.code.set(String::new());
                self.code_failure.set(None);
                if was_resend {
                    self.resent_to.set(Some(email));
                    self.resend_open.set(false);
                    crate::browser::focus_id(code_field_id);
                    false
                } else {
                    self.resent_to.set(None);
                    true
                }
            }
            Err(e) => {
                let f = RegisterFailure::from_error(e);
                if was_resend {
                    self.resend_failure.set(Some(f));
                } else {
                    self.email_failure.set(Some(f));
                }
                false
            }
        }
    }

    /// Seconds until a new code may be requested.
    pub fn wait_secs(&self) -> Signal<i64> {
        let (wear, now) = (self.wear, self.now);
        Signal::derive(move || resend_wait_secs(wear.with(CodeWear::sent_at), now.get()))
    }

    /// Effects every screen with this flow needs: the ticking clock, the resend address starting
    /// from the current one, and a pasted "Code: 12 34" keeping only its digits.
    pub fn run(&self) {
        crate::components::focus::run_clock(self.now);
        let (open, email, resend_email, code) =
            (self.resend_open, self.email, self.resend_email, self.code);
        Effect::new(move |_| {
            if open.get() {
                resend_email.set(email.get_untracked());
            }
        });
        crate::components::field::digits_only(code);
        crate::session::carry_email(email);
    }

    /// Editing the address clears its error (call from the e-mail step).
    pub fn clear_email_error_on_edit(&self) {
        crate::components::field::clear_on_edit(self.email, self.email_failure, |_| true);
    }
}

/// The e-mail step both flows start with: intro, the address with its error and an optional
/// shortcut under it (Log in / Create account), and Continue.
#[component]
pub fn EmailStepForm(
    flow: CodeFlow,
    #[prop(into)] busy: Signal<bool>,
    on_submit: Callback<()>,
    field_id: &'static str,
    button_id: &'static str,
    /// `email` for a new address, `username` for an existing account.
    autocomplete: &'static str,
    /// "Step 1 of 3", when the flow shows steps.
    #[prop(optional, into)]
    step: Option<Signal<String>>,
    #[prop(into)] intro: Signal<String>,
    /// Shown under the field (e.g. a shortcut that fits the error).
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    let node = leptos::prelude::NodeRef::<leptos::html::Input>::new();
    crate::components::focus::focus_when_shown(node);
    let error = Signal::derive(move || {
        flow.email_failure
            .get()
            .map(|f| crate::errors::register_failure_text(&f, i18n.t()))
    });
    flow.clear_email_error_on_edit();
    view! {
        <form class="form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            if !busy.get_untracked() && !flow.email.get_untracked().trim().is_empty() {
                on_submit.run(());
            }
        }>
            {step.map(|s| view! { <p class="form__step">{move || s.get()}</p> })}
            <p class="form__intro">{move || intro.get()}</p>
            <crate::components::TextField
                id=field_id
                label=Signal::derive(move || i18n.t().email.to_string())
                value=flow.email
                input_type="email"
                autocomplete=autocomplete
                error=error
                node_ref=node
                maxlength=320
            >
                {children()}
            </crate::components::TextField>
            <button type="submit" class="btn btn--primary btn--wide" id=button_id
                disabled=move || busy.get() || flow.email.get().trim().is_empty()>
                {move || if busy.get() { i18n.t().sending } else { i18n.t().continue_btn }}
            </button>
        </form>
    }
}
