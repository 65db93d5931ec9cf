//! S5: change or reset the password — e-mail, then code with the new password twice, then a
//! result screen that leads to the login form.

use leptos::html::Input;
use leptos::prelude::*;
use osmand_api::error::ApiError;

use crate::auth::code_flow::{CodeFlow, EmailStepForm};
use crate::auth::password_pair::{PairLabels, PasswordPair};
use crate::auth::resend::ResendHelp;
use crate::auth::rules::{password_ok, CodeFailure, RegisterFailure};
use crate::call::Call;
use crate::components::focus::{focus_id_when_shown, focus_when_shown};
use crate::components::panel::PanelNav;
use crate::components::{ErrorBanner, Panel, TextField};
use crate::errors::code_failure_text;
use crate::i18n::{fill, use_i18n};
use crate::routes::Route;
use crate::session::remember_email;

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
    /// The address, the code and the resend section.
    pub flow: CodeFlow,
    pub password: RwSignal<String>,
    pub confirm: RwSignal<String>,
    /// Why saving failed (the Failed screen).
    pub failed_with: RwSignal<Option<ApiError>>,
}

impl ResetState {
    /// A fresh reset at the e-mail step, with the address typed on the form the user came from.
    pub fn new() -> Self {
        Self {
            step: RwSignal::new(ResetStep::Email),
            flow: CodeFlow::new(crate::session::form_email(crate::session::EmailForm::Reset)),
            password: RwSignal::new(String::new()),
            confirm: RwSignal::new(String::new()),
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
    let st = state.unwrap_or_default();
    st.flow.run();

    let request_code = st
        .flow
        .code_call(false, "reset-code", move || st.step.set(ResetStep::Code));
    let save = Call::new(
        move |api, (email, password, code): (String, String, String)| async move {
            api.activate(&email, &password, &code, i18n.locale_untracked().code())
                .await
        },
    )
    .on_ok(move |_| {
        st.password.set(String::new());
        st.confirm.set(String::new());
        remember_email(&st.flow.email.get_untracked());
        st.step.set(ResetStep::Done);
    })
    .on_err(move |e| match CodeFailure::from_error(e.clone()) {
        // A wrong code or a too-short password can be fixed right here.
        f
        @ (CodeFailure::InvalidCode | CodeFailure::CodeUsedUp | CodeFailure::PasswordTooShort) => {
            st.flow.code_refused(f)
        }
        CodeFailure::UnknownEmail => st.flow.code_failure.set(Some(CodeFailure::UnknownEmail)),
        CodeFailure::Other(e) => {
            st.failed_with.set(Some(e));
            st.step.set(ResetStep::Failed);
        }
    });
    let busy = Signal::derive(move || {
        st.flow.force_pending.get() || request_code.pending().get() || save.pending().get()
    });

    let submit_email = Callback::new(move |_: ()| {
        if let Some(email) = st.flow.first_send_to() {
            request_code.dispatch(email);
        }
    });
    let resend = Callback::new(move |_: ()| {
        if let Some(email) = st.flow.resend_to() {
            request_code.dispatch(email);
        }
    });
    let submit = Callback::new(move |_: ()| {
        st.flow.code_failure.set(None);
        save.dispatch((
            st.flow.email.get_untracked(),
            st.password.get_untracked(),
            st.flow.code.get_untracked(),
        ));
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
    let unknown = move || st.flow.email_failure.get() == Some(RegisterFailure::NotRegistered);
    view! {
        <EmailStepForm
            flow=st.flow
            busy=busy
            on_submit=on_submit
            field_id="reset-email"
            button_id="se-reset-continue"
            autocomplete="username"
            intro=Signal::derive(move || i18n.t().reset_intro.to_string())
        >
            <Show when=unknown>
                <a class="btn btn--accent btn--small" id="se-reset-create-account" href=Route::CreateAccount.href()>{move || i18n.t().create_account}</a>
            </Show>
        </EmailStepForm>
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
    let code_error = Signal::derive(move || match st.flow.code_failure.get() {
        Some(
            f @ (CodeFailure::InvalidCode | CodeFailure::CodeUsedUp | CodeFailure::UnknownEmail),
        ) => Some(code_failure_text(&f, i18n.t())),
        _ => None,
    });
    let other_error = Signal::derive(move || match st.flow.code_failure.get() {
        Some(f @ CodeFailure::PasswordTooShort) => Some(code_failure_text(&f, i18n.t())),
        _ => None,
    });
    let ready = move || {
        st.flow.code.with(|c| crate::auth::rules::code_complete(c))
            && password_ok(&st.password.get(), &st.confirm.get())
    };
    let wait = st.flow.wait_secs();
    view! {
        <form class="form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            if !busy.get_untracked() && ready() {
                on_submit.run(());
            }
        }>
            <p class="form__intro" id="se-reset-code-intro">{move || fill(i18n.t().reset_code_intro, &[("email", &st.flow.email.get())])}</p>
            <TextField
                id="reset-code"
                label=Signal::derive(move || i18n.t().verification_code.to_string())
                value=st.flow.code
                autocomplete="one-time-code"
                inputmode="numeric"
                error=code_error
                node_ref=node
                maxlength=crate::auth::rules::CODE_INPUT_MAX
            />
            <PasswordPair password=st.password confirm=st.confirm labels=PairLabels::Change/>
            <ErrorBanner message=other_error id="se-reset-error"/>
            <button type="submit" class="btn btn--primary btn--wide" id="se-change-password"
                disabled=move || busy.get() || !ready()>
                {move || if busy.get() { i18n.t().saving } else { i18n.t().change_password_btn }}
            </button>
            <ResendHelp
                open=st.flow.resend_open
                email=st.flow.resend_email
                wait_secs=wait
                pending=busy
                resent_to=st.flow.resent_to
                failure=st.flow.resend_failure
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
    focus_id_when_shown("se-reset-result-title");
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
