//! `/map/account/`: shows the right thing for the session state.

use leptos::prelude::*;

use crate::account::AccountHome;
use crate::auth::EmptyLogin;
use crate::components::panel::PanelNav;
use crate::components::{ErrorBanner, InfoBanner, Panel, Spinner};
use crate::ctx::use_api;
use crate::errors::error_message;
use crate::i18n::format::format_size;
use crate::i18n::use_i18n;
use crate::routes::{login_href, Route};
use crate::session::{use_session, Notice, SessionStatus};
use crate::task::{Loader, Task};
use osmand_api::client::ListFilesQuery;

/// The account panel root.
#[component]
pub fn AccountPanel(
    /// Re-runs the session check (after a failed one).
    on_recheck: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let nav = crate::nav::use_nav();

    // A `?redirect=` from the server's 302 page is carried to the login form.
    let login_link = Signal::derive(move || {
        let target = nav.param("redirect");
        login_href(target.as_deref())
    });

    move || {
        match session.status.get() {
        SessionStatus::Checking => view! {
            <Panel title=Signal::derive(move || i18n.t().osmand_account.to_string()) nav=PanelNav::Close(Route::Map.href())>
                <Spinner label=Signal::derive(move || i18n.t().checking_session.to_string())/>
            </Panel>
        }
        .into_any(),
        SessionStatus::LoggedIn(info) => view! { <LoggedIn email=info.username/> }.into_any(),
        status => {
            let check_error = match status {
                SessionStatus::Unknown(e) => Some(e),
                _ => None,
            };
            let message = Signal::derive(move || {
                check_error.as_ref().map(|e| {
                    format!("{} {}", i18n.t().err_session_check, error_message(e, i18n.t()))
                })
            });
            let notice = Signal::derive(move || {
                session.notice.get().map(|n| n.text(i18n.t()).to_string())
            });
            view! {
                <Panel title=Signal::derive(move || i18n.t().osmand_account.to_string()) nav=PanelNav::Close(Route::Map.href())>
                    <EmptyLogin login_href=login_link>
                        <InfoBanner message=notice id="se-alert-login-info"/>
                        <ErrorBanner message=message on_retry=on_recheck id="se-session-error"/>
                    </EmptyLogin>
                </Panel>
            }
            .into_any()
        }
    }
    }
}

/// The logged-in home with its logout wiring.
#[component]
fn LoggedIn(email: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let api = use_api();
    let nav = crate::nav::use_nav();
    let logout_error = RwSignal::new(None::<osmand_api::error::ApiError>);

    let logout = Task::new(move |_: &()| {
        let api = api.clone();
        async move { api.logout().await }
    });
    Effect::new(move |_| {
        let Some(result) = logout.value() else {
            return;
        };
        match result {
            // Already logged out on the server counts as done.
            Ok(()) => finish_logout(session, nav),
            Err(e) if e.is_session_end() => finish_logout(session, nav),
            Err(e) => logout_error.set(Some(e)),
        }
    });
    let message = Signal::derive(move || logout_error.get().map(|e| error_message(&e, i18n.t())));
    // The rows' second lines; a failure only leaves them empty (the pages behind them explain).
    let api2 = use_api();
    let info = Loader::new(move || {
        let api = api2.clone();
        async move { api.account_info().await.ok() }
    });
    let api3 = use_api();
    let used = Loader::new(move || {
        let api = api3.clone();
        async move {
            api.list_files(&ListFilesQuery::latest())
                .await
                .ok()
                .map(|l| l.total_zip_size)
        }
    });
    let cloud_used =
        Signal::derive(move || used.get().flatten().map(|b| format_size(b, i18n.locale())));
    let purchases_line = Signal::derive(move || {
        info.get()
            .flatten()
            .map(|i| crate::purchases::home_summary(&i, i18n.locale()))
    });
    view! {
        <AccountHome
            email=email
            on_logout=Callback::new(move |_| {
                logout_error.set(None);
                logout.dispatch(());
            })
            logging_out=logout.pending()
            logout_error=message
            cloud_used=cloud_used
            purchases_line=purchases_line
        />
    }
}

fn finish_logout(session: crate::session::Session, nav: crate::nav::Nav) {
    session.status.set(SessionStatus::LoggedOut);
    session.notice.set(Some(Notice::LoggedOut));
    nav.go(&Route::Account.href());
}
