//! S4: create an account in three steps — e-mail, code, password — ending signed in.

use leptos::html::Input;
use leptos::prelude::*;
use osmand_api::error::ApiError;
use osmand_api::models::AuthInfo;

use crate::auth::code_flow::{CodeFlow, EmailStepForm};
use crate::auth::password_pair::{PairLabels, PasswordPair};
use crate::auth::resend::ResendHelp;
use crate::auth::rules::{password_ok, CodeFailure};
use crate::call::Call;
use crate::components::focus::focus_when_shown;
use crate::components::panel::PanelNav;
use crate::components::{ErrorBanner, Panel, TextField};
use crate::errors::code_failure_text;
use crate::i18n::{fill, use_i18n, Strings};
use crate::routes::Route;
use crate::session::use_session;

/// The three steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignupStep {
    Email,
    Code,
    Password,
}

/// Everything the sign-up screen shows; the gallery builds one per state.
#[derive(Clone, Copy)]
pub struct SignupState {
    pub step: RwSignal<SignupStep>,
    /// The address, the code and the resend section.
    pub flow: CodeFlow,
    pub password: RwSignal<String>,
    pub confirm: RwSignal<String>,
}

impl SignupState {
    /// A fresh sign-up at the e-mail step, with the address typed on the form the user came from.
    pub fn new() -> Self {
        Self {
            step: RwSignal::new(SignupStep::Email),
            flow: CodeFlow::new(crate::session::form_email(
                crate::session::EmailForm::SignUp,
            )),
            password: RwSignal::new(String::new()),
            confirm: RwSignal::new(String::new()),
        }
    }
}

impl Default for SignupState {
    fn default() -> Self {
        Self::new()
    }
}

/// The sign-up screen.
#[component]
pub fn CreateAccountPage(#[prop(optional)] state: Option<SignupState>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let st = state.unwrap_or_default();
    st.flow.run();

    let register = st
        .flow
        .code_call(true, "code", move || st.step.set(SignupStep::Code));
    let validate = Call::new(move |api, (email, code): (String, String)| async move {
        api.validate_token(&email, &code).await
    })
    .on_ok(move |_| st.step.set(SignupStep::Password))
    .on_err(move |e| st.flow.code_refused(CodeFailure::from_error(e.clone())));
    let activate = Call::new(
        move |api, (email, password, code): (String, String, String)| async move {
            let lang = i18n.locale_untracked().code();
            api.activate(&email, &password, &code, lang).await?;
            // The server leaves new users logged out; sign them in with the password just set.
            api.login(&email, &password, lang).await?;
            match api.auth_info().await? {
                Some(info) => Ok::<AuthInfo, ApiError>(info),
                None => Err(ApiError::Decode("no session after login".into())),
            }
        },
    )
    .on_ok(move |info| session.log_in(info.clone(), &Route::Account.href()))
    .on_err(move |e| {
        let f = CodeFailure::from_error(e.clone());
        // A dead code can't be fixed on the password step: go back to enter a new one.
        if f == CodeFailure::InvalidCode {
            st.step.set(SignupStep::Code);
        }
        st.flow.code_refused(f);
    });

    let busy = Signal::derive(move || {
        st.flow.force_pending.get()
            || register.pending().get()
            || validate.pending().get()
            || activate.pending().get()
    });

    let submit_email = Callback::new(move |_: ()| {
        if let Some(email) = st.flow.first_send_to() {
            register.dispatch(email);
        }
    });
    let resend = Callback::new(move |_: ()| {
        if let Some(email) = st.flow.resend_to() {
            register.dispatch(email);
        }
    });
    let submit_code = Callback::new(move |_: ()| {
        st.flow.code_failure.set(None);
        validate.dispatch((st.flow.email.get_untracked(), st.flow.code.get_untracked()));
    });
    let submit_password = Callback::new(move |_: ()| {
        st.flow.code_failure.set(None);
        activate.dispatch((
            st.flow.email.get_untracked(),
            st.password.get_untracked(),
            st.flow.code.get_untracked(),
        ));
    });

    view! {
        <Panel
            title=Signal::derive(move || i18n.t().create_title.to_string())
            nav=PanelNav::Close(Route::Map.href())
            nav_id="se-login-menu-close"
        >
            {move || match st.step.get() {
                SignupStep::Email => view! { <EmailStep st=st busy=busy on_submit=submit_email/> }.into_any(),
                SignupStep::Code => view! { <CodeStep st=st busy=busy on_submit=submit_code on_resend=resend/> }.into_any(),
                SignupStep::Password => view! { <PasswordStep st=st busy=busy on_submit=submit_password/> }.into_any(),
            }}
        </Panel>
    }
}

fn step_label(n: u32, s: &Strings) -> String {
    fill(s.step_of, &[("n", &n.to_string()), ("total", "3")])
}

#[component]
fn EmailStep(
    st: SignupState,
    #[prop(into)] busy: Signal<bool>,
    on_submit: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let offers_login = move || {
        st.flow
            .email_failure
            .get()
            .is_some_and(|f| f.offers_login())
    };
    view! {
        <EmailStepForm
            flow=st.flow
            busy=busy
            on_submit=on_submit
            field_id="signup-email"
            button_id="se-signup-continue"
            autocomplete="email"
            step=Signal::derive(move || step_label(1, i18n.t()))
            intro=Signal::derive(move || i18n.t().create_intro.to_string())
        >
            <Show when=offers_login>
                <a class="btn btn--accent btn--small" id="se-signup-login" href=Route::Login.href()>{move || i18n.t().log_in}</a>
            </Show>
        </EmailStepForm>
    }
}

#[component]
fn CodeStep(
    st: SignupState,
    #[prop(into)] busy: Signal<bool>,
    on_submit: Callback<()>,
    on_resend: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<Input>::new();
    focus_when_shown(node);
    let error = Signal::derive(move || {
        st.flow
            .code_failure
            .get()
            .map(|f| code_failure_text(&f, i18n.t()))
    });
    let invalid = move || st.flow.code_failure.get() == Some(CodeFailure::InvalidCode);
    let wait = st.flow.wait_secs();
    view! {
        <form class="form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            if !busy.get_untracked() && st.flow.code.with_untracked(|c| crate::auth::rules::code_complete(c)) {
                on_submit.run(());
            }
        }>
            <p class="form__step">{move || step_label(2, i18n.t())}</p>
            <p class="form__intro" id="se-code-intro">{move || fill(i18n.t().code_intro, &[("email", &st.flow.email.get())])}</p>
            <TextField
                id="code"
                label=Signal::derive(move || i18n.t().verification_code.to_string())
                value=st.flow.code
                autocomplete="one-time-code"
                inputmode="numeric"
                error=error
                hint=Signal::derive(move || i18n.t().code_hint.to_string())
                node_ref=node
                maxlength=crate::auth::rules::CODE_INPUT_MAX
            >
                <Show when=invalid>
                    <p class="field__hint">{move || i18n.t().err_invalid_code_hint}</p>
                </Show>
            </TextField>
            <button type="submit" class="btn btn--primary btn--wide" id="se-code-continue"
                disabled=move || busy.get() || !st.flow.code.with(|c| crate::auth::rules::code_complete(c))>
                {move || if busy.get() { i18n.t().checking } else { i18n.t().continue_btn }}
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
            <button type="button" class="link link--button" id="se-signup-other-email"
                on:click=move |_| { st.step.set(SignupStep::Email); st.flow.code.set(String::new()); }>
                {move || i18n.t().use_other_email}
            </button>
        </form>
    }
}

#[component]
fn PasswordStep(
    st: SignupState,
    #[prop(into)] busy: Signal<bool>,
    on_submit: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<Input>::new();
    focus_when_shown(node);
    let ready = move || password_ok(&st.password.get(), &st.confirm.get());
    let error = Signal::derive(move || {
        st.flow
            .code_failure
            .get()
            .map(|f| code_failure_text(&f, i18n.t()))
    });
    view! {
        <form class="form" novalidate on:submit=move |ev| {
            ev.prevent_default();
            if !busy.get_untracked() && password_ok(&st.password.get_untracked(), &st.confirm.get_untracked()) {
                on_submit.run(());
            }
        }>
            <p class="form__step">{move || step_label(3, i18n.t())}</p>
            <p class="form__intro">{move || i18n.t().password_intro}</p>
            <PasswordPair password=st.password confirm=st.confirm labels=PairLabels::Create first_ref=node/>
            <ErrorBanner message=error id="se-signup-error"/>
            <button type="submit" class="btn btn--primary btn--wide" id="se-create-account-submit"
                disabled=move || busy.get() || !ready()>
                {move || if busy.get() { i18n.t().creating } else { i18n.t().create_account }}
            </button>
        </form>
    }
}
