//! S3 container: wires the login form to the server and the session.

use leptos::prelude::*;
use osmand_api::error::ApiError;
use osmand_api::models::AuthInfo;

use crate::auth::{LoginFailure, LoginForm};
use crate::components::panel::PanelNav;
use crate::components::{InfoBanner, Panel};
use crate::ctx::use_api;
use crate::i18n::use_i18n;
use crate::routes::{safe_redirect, Route};
use crate::session::{use_session, SessionStatus};
use crate::task::Task;

/// localStorage key of the last e-mail used to log in (pre-fills the form; not a secret).
pub const LAST_EMAIL_KEY: &str = "osmand-account.last-email";

/// What the login call sends.
#[derive(Clone)]
struct LoginInput {
    email: String,
    password: String,
    remember: bool,
}

/// The login screen.
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let api = use_api();
    let nav = crate::nav::use_nav();

    let email =
        RwSignal::new(crate::browser::local_storage_get(LAST_EMAIL_KEY).unwrap_or_default());
    let password = RwSignal::new(String::new());
    let remember = RwSignal::new(false);
    let failure = RwSignal::new(None::<LoginFailure>);

    let login = Task::new(move |input: &LoginInput| {
        let api = api.clone();
        let input = input.clone();
        async move {
            let lang = i18n.locale_untracked().code();
            api.login(&input.email, &input.password, lang, input.remember)
                .await?;
            // The session cookie is set; ask who we are (roles, e-mail as the server knows it).
            match api.auth_info().await? {
                Some(info) => Ok::<AuthInfo, ApiError>(info),
                None => Err(ApiError::Decode("no session after login".into())),
            }
        }
    });

    // Read untracked: the effects below must run on their own trigger only, not again when the
    // navigation they cause changes the query.
    let redirect_target = move || {
        nav.param_untracked("redirect")
            .and_then(|r| safe_redirect(&r))
            .unwrap_or_else(|| Route::Account.href())
    };

    // The answer of the login call.
    Effect::new(move |_| {
        let Some(result) = login.value() else {
            return;
        };
        match result {
            Ok(info) => {
                crate::browser::local_storage_set(LAST_EMAIL_KEY, info.username.trim());
                password.set(String::new());
                session.notice.set(None);
                session.status.set(SessionStatus::LoggedIn(info));
                nav.go(&redirect_target());
            }
            Err(err) => failure.set(Some(LoginFailure::from_error(err))),
        }
    });

    // Editing a field clears the error that belongs to it.
    Effect::new(move |prev: Option<()>| {
        email.track();
        if prev.is_some() {
            failure.update(|f| {
                if matches!(f, Some(LoginFailure::EmailUnknown)) {
                    *f = None;
                }
            });
        }
    });
    Effect::new(move |prev: Option<()>| {
        password.track();
        if prev.is_some() {
            failure.update(|f| {
                if matches!(f, Some(LoginFailure::WrongPassword)) {
                    *f = None;
                }
            });
        }
    });

    // Someone already logged in has nothing to do here.
    Effect::new(move |_| {
        if session.is_logged_in() && login.value_untracked().is_none() {
            nav.replace(&redirect_target());
        }
    });

    let on_submit = Callback::new(move |_: ()| {
        failure.set(None);
        login.dispatch(LoginInput {
            email: email.get_untracked().trim().to_lowercase(),
            password: password.get_untracked(),
            remember: remember.get_untracked(),
        });
    });

    let notice = Signal::derive(move || session.notice.get().map(|n| n.text(i18n.t()).to_string()));

    view! {
        <Panel
            title=Signal::derive(move || i18n.t().login_title.to_string())
            nav=PanelNav::Close(Route::Map.href())
            nav_id="se-login-menu-close"
        >
            <InfoBanner message=notice id="se-alert-login-info"/>
            <LoginForm
                email=email
                password=password
                remember=remember
                pending=login.pending()
                failure=failure
                on_submit=on_submit
                autofocus=true
            />
        </Panel>
    }
}
