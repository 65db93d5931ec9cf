//! S3 container: wires the login form to the server and the session.

use leptos::prelude::*;
use osmand_api::error::ApiError;

use crate::auth::{LoginFailure, LoginForm};
use crate::call::Call;
use crate::components::panel::PanelNav;
use crate::components::{InfoBanner, Panel};
use crate::i18n::use_i18n;
use crate::routes::Route;
use crate::session::{use_session, EmailForm};
use crate::shell::after_login_target;

/// What the login call sends.
#[derive(Clone)]
struct LoginInput {
    email: String,
    password: String,
}

/// The login screen (logged-in users never see it: the gate sends them on).
#[component]
pub fn LoginPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();

    let email = RwSignal::new(session.form_email(EmailForm::Login));
    session.carry_email(email);
    let password = RwSignal::new(String::new());
    let failure = RwSignal::new(None::<LoginFailure>);

    let login = Call::new(move |api, input: LoginInput| async move {
        let lang = i18n.locale_untracked().code();
        api.login(&input.email, &input.password, lang).await?;
        // The session cookie is set; ask who we are (roles, e-mail as the server knows it).
        match api.auth_info().await? {
            Some(info) => Ok(info),
            None => Err(ApiError::Decode("no session after login".into())),
        }
    })
    .on_ok(move |info| {
        password.set(String::new());
        session.log_in(info.clone(), &after_login_target());
    })
    .on_err(move |err| failure.set(Some(LoginFailure::from_error(err.clone()))));

    // Editing a field clears the error that belongs to it.
    crate::components::field::clear_on_edit(email, failure, |f| {
        matches!(f, LoginFailure::EmailUnknown)
    });
    crate::components::field::clear_on_edit(password, failure, |f| {
        matches!(f, LoginFailure::WrongPassword)
    });

    let on_submit = Callback::new(move |_: ()| {
        failure.set(None);
        login.dispatch(LoginInput {
            email: email.get_untracked().trim().to_lowercase(),
            password: password.get_untracked(),
        });
    });

    let notice = Signal::derive(move || session.notice.get().map(|n| n.text(i18n.t()).to_string()));

    view! {
        <Panel
            title=Signal::derive(move || i18n.t().login_title.to_string())
            nav=PanelNav::Close(Route::Map.href())
            nav_id="se-login-menu-close"
            title_id="se-login-menu-name"
        >
            <InfoBanner message=notice id="se-alert-login-info"/>
            <LoginForm
                email=email
                password=password
                pending=login.pending()
                failure=failure
                on_submit=on_submit
                autofocus=true
            />
        </Panel>
    }
}
