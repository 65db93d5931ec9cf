//! `/map/account/`: shows the right thing for the session state.

use leptos::prelude::*;

use crate::account::cloud::storage_text;
use crate::account::home::RowLine;
use crate::account::AccountHome;
use crate::auth::EmptyLogin;
use crate::call::Call;
use crate::components::panel::PanelNav;
use crate::components::{ErrorBanner, InfoBanner, Panel, Spinner};
use crate::errors::error_message;
use crate::i18n::use_i18n;
use crate::routes::{login_href, use_query_param, Route};
use crate::session::{use_session, LogOut, SessionStatus};
use osmand_api::client::ListFilesQuery;

/// The account panel root.
#[component]
pub fn AccountPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let on_recheck = Callback::new(move |_| session.request_check());

    // A `?redirect=` from the server's 302 page is carried to the login form.
    let redirect = use_query_param("redirect");
    let login_link = Signal::derive(move || login_href(redirect.get().as_deref()));

    let panel = move || {
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
    };
    // A support login link's cancel link opens its dialog over whichever panel is shown.
    view! {
        {panel}
        <crate::auth::cancel_link::CancelLinkFromUrl/>
    }
}

/// The logged-in home with its logout wiring.
#[component]
fn LoggedIn(email: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let logout = Call::new(|api, _: ()| async move {
        match api.logout().await {
            // Already logged out on the server counts as done.
            Err(e) if e.is_session_end() => Ok(()),
            other => other,
        }
    })
    .on_ok(move |_| session.log_out(LogOut::Pressed));
    // The rows' second lines; a failed load says so in its row, with a retry.
    let info = Call::load(|api| async move { api.account_info().await });
    let used = Call::load(|api| async move {
        api.list_files(&ListFilesQuery::latest())
            .await
            .map(|l| l.total_zip_size)
    });
    let (used_error, info_error) = (used.message(), info.message());
    let cloud_used = Signal::derive(move || {
        let l = i18n.locale();
        RowLine::of(
            used.value(),
            used_error.get(),
            |b| storage_text(b, l),
            l.strings().account.home_cloud_failed,
        )
    });
    let purchases_line = Signal::derive(move || {
        let l = i18n.locale();
        RowLine::of(
            info.value(),
            info_error.get(),
            |i| crate::purchases::home_summary(&i, l),
            l.strings().account.home_purchases_failed,
        )
    });
    view! {
        <AccountHome
            email=email
            on_logout=Callback::new(move |_| logout.dispatch(()))
            logging_out=logout.pending()
            logout_error=logout.message()
            cloud_used=cloud_used
            purchases_line=purchases_line
            on_retry_cloud=Callback::new(move |_| used.reload())
            on_retry_purchases=Callback::new(move |_| info.reload())
        />
    }
}
