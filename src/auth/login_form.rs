//! S3: the login form itself, without any server access (the gallery renders it in every state).

use leptos::html::Input;
use leptos::prelude::*;
use osmand_api::error::ApiError;

use crate::components::{ErrorBanner, TextField};
use crate::errors::error_message;
use crate::i18n::{use_i18n, Strings};
use crate::routes::Route;

/// Why a login attempt failed, kept as data so the message follows a language switch.
#[derive(Clone, Debug, PartialEq)]
pub enum LoginFailure {
    /// `error_email`: no account with this address.
    EmailUnknown,
    /// `error_password`: wrong password, or the account never set a web password.
    WrongPassword,
    /// Anything else, shown above the button.
    Other(ApiError),
}

impl LoginFailure {
    /// Classifies a failed login call.
    pub fn from_error(err: ApiError) -> Self {
        if err.is_rejection("error_email") {
            LoginFailure::EmailUnknown
        } else if err.is_rejection("error_password") {
            LoginFailure::WrongPassword
        } else {
            LoginFailure::Other(err)
        }
    }

    /// The message under the e-mail field.
    pub fn email_message(&self, s: &Strings) -> Option<String> {
        matches!(self, LoginFailure::EmailUnknown).then(|| s.error_email_not_registered.to_string())
    }

    /// The message under the password field.
    pub fn password_message(&self, s: &Strings) -> Option<String> {
        matches!(self, LoginFailure::WrongPassword).then(|| s.error_wrong_password.to_string())
    }

    /// The message above the button.
    pub fn general_message(&self, s: &Strings) -> Option<String> {
        match self {
            LoginFailure::Other(e) => Some(error_message(e, s)),
            _ => None,
        }
    }
}

/// Whether the form can be sent: both fields filled (the e-mail ignoring spaces).
pub fn can_submit(email: &str, password: &str) -> bool {
    !email.trim().is_empty() && !password.is_empty()
}

/// The login form. `on_submit` runs on Continue or Enter, only when both fields are filled and no
/// request is in flight.
#[component]
pub fn LoginForm(
    email: RwSignal<String>,
    password: RwSignal<String>,
    #[prop(into)] pending: Signal<bool>,
    #[prop(into)] failure: Signal<Option<LoginFailure>>,
    on_submit: Callback<()>,
    /// Focus the first empty field when shown.
    #[prop(optional)]
    autofocus: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let email_ref = NodeRef::<Input>::new();
    let password_ref = NodeRef::<Input>::new();
    if autofocus {
        Effect::new(move |_| {
            let target = if email.get_untracked().trim().is_empty() {
                email_ref.get()
            } else {
                password_ref.get()
            };
            if let Some(el) = target {
                let _ = el.focus();
            }
        });
    }
    let ready = move || can_submit(&email.get(), &password.get());
    let email_error = Signal::derive(move || failure.get().and_then(|f| f.email_message(i18n.t())));
    let password_error =
        Signal::derive(move || failure.get().and_then(|f| f.password_message(i18n.t())));
    let general_error =
        Signal::derive(move || failure.get().and_then(|f| f.general_message(i18n.t())));
    let email_unknown = move || failure.get() == Some(LoginFailure::EmailUnknown);
    view! {
        <form
            class="form"
            novalidate
            aria-busy=move || if pending.get() { "true" } else { "false" }
            on:submit=move |ev| {
                ev.prevent_default();
                if ready() && !pending.get_untracked() {
                    on_submit.run(());
                }
            }
        >
            <p class="form__intro">{move || i18n.t().login_intro}</p>
            <TextField
                id="username"
                label=Signal::derive(move || i18n.t().email.to_string())
                value=email
                input_type="email"
                autocomplete="username"
                error=email_error
                node_ref=email_ref
                maxlength=320
            >
                <Show when=email_unknown>
                    <a class="btn btn--accent btn--small" id="se-login-create-account" href=Route::CreateAccount.href()>
                        {move || i18n.t().create_account}
                    </a>
                </Show>
            </TextField>
            <TextField
                id="pwd"
                label=Signal::derive(move || i18n.t().password.to_string())
                value=password
                input_type="password"
                autocomplete="current-password"
                error=password_error
                node_ref=password_ref
                revealable=true
            />
            <a class="link" id="se-forgot-password" href=Route::ResetPassword.href()>
                {move || i18n.t().forgot_password}
            </a>
            <ErrorBanner message=general_error id="se-login-error"/>
            <button
                type="submit"
                class="btn btn--primary btn--wide"
                id="se-submit-login"
                disabled=move || !ready() || pending.get()
            >
                {move || if pending.get() { i18n.t().signing_in } else { i18n.t().continue_btn }}
            </button>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn server_codes_go_under_the_right_field() {
        let s = Locale::En.strings();
        let email = LoginFailure::from_error(ApiError::Rejected {
            status: 400,
            text: "error_email".into(),
        });
        assert_eq!(email, LoginFailure::EmailUnknown);
        assert!(email.email_message(s).is_some());
        assert!(email.password_message(s).is_none());
        let pwd = LoginFailure::from_error(ApiError::Rejected {
            status: 400,
            text: "error_password".into(),
        });
        assert_eq!(
            pwd.password_message(s).as_deref(),
            Some("Incorrect password.")
        );
        let down = LoginFailure::from_error(ApiError::Network("refused".into()));
        assert!(down
            .general_message(s)
            .is_some_and(|m| m.contains("can’t be reached")));
        assert!(down.email_message(s).is_none());
    }

    #[test]
    fn submit_needs_both_fields() {
        assert!(!can_submit("", "x"));
        assert!(!can_submit("   ", "x"));
        assert!(!can_submit("a@b.c", ""));
        assert!(can_submit(" a@b.c ", " "));
    }
}
