//! The page frame: the main menu, the map area and the side panel chosen by the route.

use leptos::prelude::*;

use crate::account::AccountPanel;
use crate::auth::{CreateAccountPage, LoginPage, ResetPasswordPage};
use crate::components::icons::{IconPerson, IconSettings};
use crate::components::panel::PanelNav;
use crate::components::{LangSwitch, Panel};
use crate::ctx::use_api;
use crate::i18n::use_i18n;
use crate::routes::{login_href, Route};
use crate::session::{use_session, SessionStatus};
use crate::task::Task;

/// Lives for the whole app: checks the session at start (and on request) and
/// opens the login form when a call finds the session gone.
#[component]
pub fn SessionKeeper() -> impl IntoView {
    let session = use_session();
    let api = use_api();
    let check = Task::new(move |_: &()| {
        let api = api.clone();
        async move { api.auth_info().await }
    });
    Effect::new(move |_| {
        session.recheck.track();
        check.dispatch(());
    });
    Effect::new(move |_| {
        if let Some(result) = check.value() {
            session.set_checked(result);
        }
    });
    // A call found the session gone: open the login form, remembering where the user was.
    let nav = crate::nav::use_nav();
    Effect::new(move |_| {
        if let Some(path) = session.expired_at.get() {
            session.expired_at.set(None);
            nav.go(&login_href(Some(&path)));
        }
    });
}

/// The page for the current URL (the same view for every path; the route is read from it).
#[component]
pub fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let nav = crate::nav::use_nav();
    let route = Memo::new(move |_| Route::parse(&nav.path()));
    let recheck = Callback::new(move |_| session.request_check());

    // A page that needs a login, opened while logged out: log in first, then come back.
    Effect::new(move |_| {
        if route.get().needs_login() && session.status.get() == SessionStatus::LoggedOut {
            let back = crate::browser::current_path();
            nav.replace(&login_href(Some(&back)));
        }
    });

    Effect::new(move |_| crate::browser::set_title(i18n.t().app_title));

    let panel = move || match route.get() {
        Route::Map => None,
        Route::Account => Some(view! { <AccountPanel on_recheck=recheck/> }.into_any()),
        Route::Login => Some(view! { <LoginPage/> }.into_any()),
        Route::CreateAccount => Some(view! { <CreateAccountPage/> }.into_any()),
        Route::ResetPassword => Some(view! { <ResetPasswordPage/> }.into_any()),
        Route::NotFound => Some(view! { <NotFound/> }.into_any()),
        // Screens that need a login wait for the session check; logged-out visitors are sent to
        // the login form by the effect above and come back afterwards.
        r if r.needs_login() && !session.is_logged_in() => Some(view! { <Waiting/> }.into_any()),
        Route::Cloud => Some(view! { <crate::account::CloudPage/> }.into_any()),
        Route::Purchases => Some(view! { <crate::purchases::PurchasesPage/> }.into_any()),
        Route::Purchase(item) => {
            Some(view! { <crate::purchases::PurchasePage item=item/> }.into_any())
        }
        Route::DeleteAccount => Some(view! { <crate::danger::DeleteAccountPage/> }.into_any()),
        Route::Settings => Some(view! { <crate::cloud::SettingsPage/> }.into_any()),
        Route::CloudChanges => Some(view! { <crate::cloud::ChangesPage/> }.into_any()),
        Route::CloudTrash => Some(view! { <crate::cloud::TrashPage/> }.into_any()),
    };

    view! {
        <div class="app" class:app--panel-open=move || route.get().has_panel()>
            <MainMenu route=route/>
            <main class="map" aria-label=move || i18n.t().map_placeholder>
                <div class="map__canvas" aria-hidden="true"></div>
            </main>
            <Show when=move || route.get().has_panel()>
                <aside class="side-panel">{panel}</aside>
            </Show>
        </div>
    }
}

/// S1: the left main menu with the Account entry and the language switch.
#[component]
fn MainMenu(route: Memo<Route>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // The entry toggles the panel, like the reference.
    let href = move || {
        if route.get().has_panel() {
            Route::Map.href()
        } else {
            Route::Account.href()
        }
    };
    view! {
        <nav class="main-menu" aria-label=move || i18n.t().menu_label>
            <a
                class="main-menu__item"
                class:main-menu__item--active=move || route.get().has_panel()
                id=move || if session.is_logged_in() { "se-logout-button" } else { "se-login-button" }
                href=href
                aria-current=move || route.get().has_panel().then_some("page")
            >
                <IconPerson/>
                <span class="main-menu__text">
                    <span class="main-menu__label">
                        {move || if session.is_logged_in() { i18n.t().menu_account } else { i18n.t().menu_login }}
                    </span>
                    <span class="main-menu__email">{move || session.email()}</span>
                </span>
            </a>
            <a
                class="main-menu__item"
                class:main-menu__item--active=move || matches!(route.get(), Route::Settings | Route::CloudChanges | Route::CloudTrash)
                id="se-main-menu-settings"
                href=Route::Settings.href()
            >
                <IconSettings/>
                <span class="main-menu__text"><span class="main-menu__label">{move || i18n.t().menu_settings}</span></span>
            </a>
            <div class="main-menu__spacer"></div>
            <LangSwitch/>
        </nav>
    }
}

/// A logged-in screen while the session is being checked.
#[component]
fn Waiting() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Panel title=Signal::derive(move || i18n.t().osmand_account.to_string()) nav=PanelNav::Close(Route::Map.href())>
            <crate::components::Spinner label=Signal::derive(move || i18n.t().checking_session.to_string())/>
        </Panel>
    }
}

/// Unknown addresses under `/map/`.
#[component]
fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Panel title=Signal::derive(move || i18n.t().not_found_title.to_string()) nav=PanelNav::Close(Route::Map.href())>
            <div class="empty-state">
                <p>{move || i18n.t().not_found_text}</p>
                <a class="btn" href=Route::Account.href()>{move || i18n.t().go_to_account}</a>
            </div>
        </Panel>
    }
}
