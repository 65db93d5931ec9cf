//! S5: change or reset the password — e-mail, then code with the new password twice, then a
//! result screen that leads to the login form.

use leptos::html::Input;
use leptos::prelude::*;
use osmand_api::error::ApiError;

use crate::auth::create_account::{
    code_failure_text, focus_when_shown, register_failure_text, run_clock,
};
use crate::auth::password_pair::{PairLabels, PasswordPair};
use crate::auth::resend::ResendHelp;
use crate::auth::rules::{
    clean_code, looks_like_email, normalize_email, password_ok, resend_wait_secs, CodeFailure,
    RegisterFailure,
};
use crate::components::panel::PanelNav;
use crate::components::{ErrorBanner, Panel, TextField};
use crate::ctx::use_api;
use crate::i18n::{fill, use_i18n};
use crate::routes::Route;

/// The steps of the reset flow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ResetStep {
    Email,
    Code,
    Done,
    Failed,
}

/// Everything the reset screen shows; the gallery builds one per state.
#[derive(Clone, Copy)]
pub struct ResetState {
    pub step: RwSignal<ResetStep>,
    pub email: RwSignal<String>,
    pub code: RwSignal<String>,
    pub password: RwSignal<String>,
    pub confirm: RwSignal<String>,
    pub email_failure: RwSignal<Option<RegisterFailure>>,
    pub code_failure: RwSignal<Option<CodeFailure>>,
    pub resend_open: RwSignal<bool>,
    pub resend_email: RwSignal<String>,
    pub resent_to: RwSignal<Option<String>>,
    pub resend_failure: RwSignal<Option<RegisterFailure>>,
    pub sent_at: RwSignal<Option<i64>>,
    pub now: RwSignal<i64>,
    pub force_pending: RwSignal<bool>,
    /// Why saving failed (the Failed screen).
    pub failed_with: RwSignal<Option<ApiError>>,
}

impl ResetState {
    /// A fresh reset at the e-mail step, pre-filled with the last used address.
    pub fn new() -> Self {
        Self {
            step: RwSignal::new(ResetStep::Email),
            email: RwSignal::new(
                crate::browser::local_storage_get(crate::auth::login::LAST_EMAIL_KEY)
                    .unwrap_or_default(),
            ),
            code: RwSignal::new(String::new()),
            password: RwSignal::new(String::new()),
            confirm: RwSignal::new(String::new()),
            email_failure: RwSignal::new(None),
            code_failure: RwSignal::new(None),
            resend_open: RwSignal::new(false),
            resend_email: RwSignal::new(String::new()),
            resent_to: RwSignal::new(None),
            resend_failure: RwSignal::new(None),
            sent_at: RwSignal::new(None),
            now: RwSignal::new(crate::browser::now_ms()),
            force_pending: RwSignal::new(false),
            failed_with: RwSignal::new(None),
        }
    }
}

impl Default for ResetState {
    fn default() -> Self {
        Self::new()
    }
}

/// The reset screen.
#[component]
pub fn ResetPasswordPage(#[prop(optional)] state: Option<ResetState>) -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let st = state.unwrap_or_default();
    run_clock(st.now);
    let resending = RwSignal::new(false);

    let request_code = {
        let api = api.clone();
        Action::new_local(move |email: &String| {
            let api = api.clone();
            let email = email.clone();
            async move {
                api.register(&email, i18n.locale_untracked().code(), false)
                    .await?;
                Ok::<String, ApiError>(email)
            }
        })
    };
    let save = Action::new_local(move |(email, password, code): &(String, String, String)| {
        let api = api.clone();
        let (email, password, code) = (email.clone(), password.clone(), code.clone());
        async move {
            api.activate(&email, &password, &code, i18n.locale_untracked().code())
                .await
        }
    });

    Effect::new(move |_| {
        let Some(result) = request_code.value().get() else {
            return;
        };
        let was_resend = resending.get_untracked();
        match result {
            Ok(email) => {
                st.email.set(email.clone());
                st.sent_at.set(Some(crate::browser::now_ms()));
                st.code.set(String::new());
                st.code_failure.set(None);
                if was_resend {
                    st.resent_to.set(Some(email));
                    st.resend_open.set(false);
                    crate::browser::focus_id("reset-code");
                } else {
                    st.resent_to.set(None);
                    st.step.set(ResetStep::Code);
                }
            }
            Err(e) => {
                let f = RegisterFailure::from_error(e);
                if was_resend {
                    st.resend_failure.set(Some(f));
                } else {
                    st.email_failure.set(Some(f));
                }
            }
        }
    });
    Effect::new(move |_| {
        let Some(result) = save.value().get() else {
            return;
        };
        match result {
            Ok(()) => {
                st.password.set(String::new());
                st.confirm.set(String::new());
                crate::browser::local_storage_set(
                    crate::auth::login::LAST_EMAIL_KEY,
                    &st.email.get_untracked(),
                );
                st.step.set(ResetStep::Done);
            }
            Err(e) => match CodeFailure::from_error(e) {
                // A wrong code or a too-short password can be fixed right here.
                f @ (CodeFailure::InvalidCode | CodeFailure::PasswordTooShort) => {
                    st.code_failure.set(Some(f))
                }
                CodeFailure::UnknownEmail => st.code_failure.set(Some(CodeFailure::UnknownEmail)),
                CodeFailure::Other(e) => {
                    st.failed_with.set(Some(e));
                    st.step.set(ResetStep::Failed);
                }
            },
        }
    });
    let busy = Signal::derive(move || {
        st.force_pending.get() || request_code.pending().get() || save.pending().get()
    });

    let submit_email = Callback::new(move |_: ()| {
        let email = normalize_email(&st.email.get_untracked());
        if !looks_like_email(&email) {
            st.email_failure.set(Some(RegisterFailure::InvalidEmail));
            return;
        }
        st.email_failure.set(None);
        resending.set(false);
        request_code.dispatch(email);
    });
    let resend = Callback::new(move |_: ()| {
        let email = normalize_email(&st.resend_email.get_untracked());
        if !looks_like_email(&email) {
            st.resend_failure.set(Some(RegisterFailure::InvalidEmail));
            return;
        }
        st.resend_failure.set(None);
        st.resent_to.set(None);
        resending.set(true);
        request_code.dispatch(email);
    });
    let submit = Callback::new(move |_: ()| {
        st.code_failure.set(None);
        save.dispatch((
            st.email.get_untracked(),
            st.password.get_untracked(),
            st.code.get_untracked(),
        ));
    });
    Effect::new(move |_| {
        if st.resend_open.get() {
            st.resend_email.set(st.email.get_untracked());
        }
    });

    view! {
        <Panel
            title=Signal::derive(move || i18n.t().reset_title.to_string())
            nav=PanelNav::Back(Route::Login.href())
            nav_id="se-reset-back"
        >
            {move || match st.step.get() {
                ResetStep::Email => view! { <ResetEmailStep st=st busy=busy on_submit=submit_email/> }.into_any(),
                ResetStep::Code => view! { <ResetCodeStep st=st busy=busy on_submit=submit on_resend=resend/> }.into_any(),
                ResetStep::Done | ResetStep::Failed => view! { <ResetResult st=st/> }.into_any(),
            }}
        </Panel>
    }
}

#[component]
fn ResetEmailStep(
    st: ResetState,
    #[prop(into)] busy: Signal<bool>,
    on_submit: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<Input>::new();
    focus_when_shown(node);
    let error = Signal::derive(move || {
        st.email_failure
            .get()
            .map(|f| register_failure_text(&f, i18n.t()))
    });
    let unknown = move || st.email_failure.get() == Some(RegisterFailure::NotRegistered);
    Effect::new(move |prev: Option<()>| {
        st.email.track();
        if prev.is_some() {
            st.email_failure.set(None);
        }
    });
    view! {
        <form class="form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            if !busy.get_untracked() && !st.email.get_untracked().trim().is_empty() {
                on_submit.run(());
            }
        }>
            <p class="form__intro">{move || i18n.t().reset_intro}</p>
            <TextField
                id="reset-email"
                label=Signal::derive(move || i18n.t().email.to_string())
                value=st.email
                input_type="email"
                autocomplete="username"
                error=error
                node_ref=node
                maxlength=320
            >
                <Show when=unknown>
                    <a class="btn btn--accent btn--small" id="se-reset-create-account" href=Route::CreateAccount.href()>{move || i18n.t().create_account}</a>
                </Show>
            </TextField>
            <button type="submit" class="btn btn--primary btn--wide" id="se-reset-continue"
                disabled=move || busy.get() || st.email.get().trim().is_empty()>
                {move || if busy.get() { i18n.t().sending } else { i18n.t().continue_btn }}
            </button>
        </form>
    }
}

#[component]
fn ResetCodeStep(
    st: ResetState,
    #[prop(into)] busy: Signal<bool>,
    on_submit: Callback<()>,
    on_resend: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<Input>::new();
    focus_when_shown(node);
    let code_error = Signal::derive(move || match st.code_failure.get() {
        Some(f @ (CodeFailure::InvalidCode | CodeFailure::UnknownEmail)) => {
            Some(code_failure_text(&f, i18n.t()))
        }
        _ => None,
    });
    let other_error = Signal::derive(move || match st.code_failure.get() {
        Some(f @ CodeFailure::PasswordTooShort) => Some(code_failure_text(&f, i18n.t())),
        _ => None,
    });
    Effect::new(move |_| {
        let raw = st.code.get();
        let clean = clean_code(&raw);
        if clean != raw {
            st.code.set(clean);
        }
    });
    let ready =
        move || !st.code.get().is_empty() && password_ok(&st.password.get(), &st.confirm.get());
    let wait = Signal::derive(move || resend_wait_secs(st.sent_at.get(), st.now.get()));
    view! {
        <form class="form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            if !busy.get_untracked() && ready() {
                on_submit.run(());
            }
        }>
            <p class="form__intro" id="se-reset-code-intro">{move || fill(i18n.t().reset_code_intro, &[("email", &st.email.get())])}</p>
            <TextField
                id="reset-code"
                label=Signal::derive(move || i18n.t().verification_code.to_string())
                value=st.code
                autocomplete="one-time-code"
                inputmode="numeric"
                error=code_error
                node_ref=node
                maxlength=12
            />
            <PasswordPair password=st.password confirm=st.confirm labels=PairLabels::Change/>
            <ErrorBanner message=other_error id="se-reset-error"/>
            <button type="submit" class="btn btn--primary btn--wide" id="se-change-password"
                disabled=move || busy.get() || !ready()>
                {move || if busy.get() { i18n.t().saving } else { i18n.t().change_password_btn }}
            </button>
            <ResendHelp
                open=st.resend_open
                email=st.resend_email
                wait_secs=wait
                pending=busy
                resent_to=st.resent_to
                failure=st.resend_failure
                on_resend=on_resend
            />
        </form>
    }
}

#[component]
fn ResetResult(st: ResetState) -> impl IntoView {
    let i18n = use_i18n();
    let ok = move || st.step.get() == ResetStep::Done;
    let reason = Signal::derive(move || {
        st.failed_with
            .get()
            .map(|e| crate::errors::error_message(&e, i18n.t()))
    });
    focus_when_shown_id("se-reset-result-title");
    view! {
        <div class="result" id="se-reset-result">
            <h2 class="result__title" id="se-reset-result-title" tabindex="-1">
                {move || if ok() { i18n.t().reset_done_title } else { i18n.t().reset_failed_title }}
            </h2>
            <p class="result__text">{move || if ok() { i18n.t().reset_done_text } else { i18n.t().reset_failed_text }}</p>
            <Show when=move || !ok()>
                <ErrorBanner message=reason/>
                <button type="button" class="btn btn--wide" id="se-reset-retry"
                    on:click=move |_| { st.failed_with.set(None); st.step.set(ResetStep::Code); }>
                    {move || i18n.t().retry}
                </button>
            </Show>
            <a class="btn btn--primary btn--wide" id="se-reset-login" href=Route::Login.href()>{move || i18n.t().log_in}</a>
        </div>
    }
}

/// Moves focus to a heading so screen readers announce the result.
fn focus_when_shown_id(id: &'static str) {
    Effect::new(move |_| crate::browser::focus_id(id));
}
