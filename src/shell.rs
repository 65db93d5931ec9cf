//! The page frame and the route table: the main menu, the map area, and the side panel that
//! leptos_router picks for the address. Every screen is named once here, built from
//! [`crate::routes`]' segments (the same ones `Route::href` writes), and wrapped in the one
//! login [`Gate`], which follows [`Route::access`].

use leptos::prelude::*;
use leptos_router::components::{Route as RouteView, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::{ParamSegment, StaticSegment};

use crate::account::AccountPanel;
use crate::auth::{CreateAccountPage, LoginPage, ResetPasswordPage};
use crate::call::Call;
use crate::components::icons::{IconPerson, IconSettings};
use crate::components::panel::PanelNav;
use crate::components::{LangSwitch, Panel};
use crate::i18n::use_i18n;
use crate::routes::seg::*;
use crate::routes::{current_route, login_href, safe_redirect, Access, Area, Route};
use crate::session::{use_session, SessionStatus};

/// The router, the session (which navigates with it), the session check and the frame.
#[component]
pub fn AppRouter() -> impl IntoView {
    view! {
        <Router>
            <WithSession/>
        </Router>
    }
}

#[component]
fn WithSession() -> impl IntoView {
    crate::session::provide_session();
    view! {
        <SessionKeeper/>
        <Shell/>
    }
}

/// Lives for the whole app: checks the session at start and on request ("Try again").
#[component]
pub fn SessionKeeper() -> impl IntoView {
    let session = use_session();
    let check = Call::new(|api, _: ()| async move { api.auth_info().await })
        .on_ok(move |info| session.set_checked(Ok(info.clone())))
        .on_err(move |e| session.set_checked(Err(e.clone())));
    Effect::new(move |_| {
        session.recheck.track();
        check.dispatch(());
    });
    // A session can end on the server while the tab is in the background (logout elsewhere,
    // the server's idle limit, cookies cleared). No polling timer: the next call notices
    // (`Call` ends the session on a 302/401), and so does coming back to the tab.
    let on_return = Call::new(|api, _: ()| async move { api.auth_info().await }).on_ok(
        move |info: &Option<osmand_api::models::AuthInfo>| {
            if crate::session::status_from_check(Ok(info.clone())) == SessionStatus::LoggedOut {
                session.lost();
            }
        },
    );
    let listener =
        leptos::leptos_dom::helpers::window_event_listener_untyped("visibilitychange", move |_| {
            if crate::browser::tab_visible() && session.is_logged_in_untracked() {
                on_return.dispatch(());
            }
        });
    on_cleanup(move || listener.remove());
}

/// The frame: main menu, map, and the routed side panel.
#[component]
pub fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    let location = use_location();
    let route = Signal::derive(move || location.pathname.with(|p| Route::parse(p)));
    Effect::new(move |_| crate::browser::set_title(i18n.t().app_title));
    crate::components::focus::install_focus_keeper();
    view! {
        <div class="app" class:app--panel-open=move || route.get().has_panel()>
            <MainMenu route=route/>
            <main class="map" aria-label=move || i18n.t().map_placeholder>
                <div class="map__canvas" aria-hidden="true"></div>
            </main>
            <Routes fallback=|| side(Route::NotFound)>
                <RouteView path=at("", "", "", "") view=(|| ().into_any()) as Screen/>
                <RouteView path=at(MAP, "", "", "") view=(|| ().into_any()) as Screen/>
                <RouteView path=at(MAP, ACCOUNT, "", "") view=(|| side(Route::Account)) as Screen/>
                <RouteView path=at(MAP, ACCOUNT, LOGIN, "") view=(|| side(Route::Login)) as Screen/>
                <RouteView path=at(MAP, ACCOUNT, CREATE, "") view=(|| side(Route::CreateAccount)) as Screen/>
                <RouteView path=at(MAP, ACCOUNT, RESET_PASSWORD, "") view=(|| side(Route::ResetPassword)) as Screen/>
                <RouteView path=at(MAP, ACCOUNT, CLOUD, "") view=(|| side(Route::Cloud)) as Screen/>
                <RouteView path=at(MAP, ACCOUNT, PURCHASES, "") view=(|| side(Route::Purchases)) as Screen/>
                // Before `<item>`: the first matching route wins.
                <RouteView path=at(MAP, ACCOUNT, PURCHASES, HELP) view=(|| side(Route::PurchasesHelp)) as Screen/>
                <RouteView path=(StaticSegment(MAP), StaticSegment(ACCOUNT), StaticSegment(PURCHASES), ParamSegment(ITEM))
                    view=(|| side(Route::Purchase(String::new()))) as Screen/>
                <RouteView path=at(MAP, DELETE_ACCOUNT, "", "") view=(|| side(Route::DeleteAccount)) as Screen/>
                <RouteView path=at(MAP, SETTINGS, "", "") view=(|| side(Route::Settings)) as Screen/>
                <RouteView path=at(MAP, SETTINGS, CLOUD, CHANGES) view=(|| side(Route::CloudChanges)) as Screen/>
                <RouteView path=at(MAP, SETTINGS, CLOUD, TRASH) view=(|| side(Route::CloudTrash)) as Screen/>
            </Routes>
        </div>
    }
}

/// Every route's view has this one type, and every path one of two (see [`at`]): the router's
/// matching and rendering code is then built once for all routes instead of once per route
/// (about 10 KB less brotli than a route table of `path!` literals and closures).
type Screen = fn() -> AnyView;

type Seg = StaticSegment<&'static str>;

/// A path of up to four static segments; `""` segments match nothing (so `/map/account/` is
/// `at(MAP, ACCOUNT, "", "")`).
fn at(a: &'static str, b: &'static str, c: &'static str, d: &'static str) -> (Seg, Seg, Seg, Seg) {
    (
        StaticSegment(a),
        StaticSegment(b),
        StaticSegment(c),
        StaticSegment(d),
    )
}

/// A screen in the side panel, behind the gate its route asks for.
fn side(route: Route) -> AnyView {
    view! {
        <aside class="side-panel">
            <Gate route=route/>
        </aside>
    }
    .into_any()
}

/// The page of each screen. `Purchase` reads its item from the router's params.
fn screen(route: &Route) -> AnyView {
    match route {
        Route::Map => ().into_any(),
        Route::Account => view! { <AccountPanel/> }.into_any(),
        Route::Login => view! { <LoginPage/> }.into_any(),
        Route::CreateAccount => view! { <CreateAccountPage/> }.into_any(),
        Route::ResetPassword => view! { <ResetPasswordPage/> }.into_any(),
        Route::Cloud => view! { <crate::account::CloudPage/> }.into_any(),
        Route::Purchases => view! { <crate::purchases::PurchasesPage/> }.into_any(),
        Route::PurchasesHelp => view! { <crate::purchases::HelpPage/> }.into_any(),
        Route::Purchase(_) => view! { <crate::purchases::PurchasePage/> }.into_any(),
        Route::DeleteAccount => view! { <crate::danger::DeleteAccountPage/> }.into_any(),
        Route::Settings => view! { <crate::settings::SettingsPage/> }.into_any(),
        Route::CloudChanges => view! { <crate::settings::ChangesPage/> }.into_any(),
        Route::CloudTrash => view! { <crate::settings::TrashPage/> }.into_any(),
        Route::NotFound => view! { <NotFound/> }.into_any(),
    }
}

/// The one login gate. A screen for logged-in users waits for the session check and sends
/// logged-out visitors to the login form (which brings them back); a screen for logged-out
/// visitors (the login form) sends logged-in users on to where they were going.
#[component]
pub fn Gate(route: Route) -> AnyView {
    let access = route.access();
    if access == Access::Anyone {
        return screen(&route);
    }
    let explained = route.explains_login();
    let session = use_session();
    let status = move || {
        session.status.with(|s| match s {
            SessionStatus::LoggedIn(_) => Some(true),
            SessionStatus::LoggedOut => Some(false),
            SessionStatus::Checking | SessionStatus::Unknown(_) => None,
        })
    };
    Effect::new(move |_| {
        let logged_in = status();
        // Only for the screen still shown: a transition may already have moved on.
        if current_route().access() != access {
            return;
        }
        match (access, logged_in) {
            (Access::LoggedIn, Some(false)) if explained => {}
            (Access::LoggedIn, Some(false)) => {
                session.go(&login_href(Some(&crate::browser::current_path())), true)
            }
            (Access::LoggedOut, Some(true)) => session.go(&after_login_target(), true),
            _ => {}
        }
    });
    // Re-rendered only when what is shown changes (not on every status change).
    let allowed = Memo::new(move |_| match access {
        Access::LoggedIn => status() == Some(true),
        _ => status() != Some(true),
    });
    (move || {
        if allowed.get() {
            screen(&route)
        } else if explained && status() == Some(false) {
            view! { <LoginFirst/> }.into_any()
        } else if access == Access::LoggedIn {
            view! { <Waiting/> }.into_any()
        } else {
            ().into_any()
        }
    })
    .into_any()
}

/// Where a login sends the user: the page that asked for it (`?redirect=`), else the account.
pub fn after_login_target() -> String {
    let here = crate::browser::current_path();
    let query = here.split_once('?').map_or("", |(_, q)| q);
    osmand_api::http::query_param(&format!("?{query}"), "redirect")
        .and_then(|r| safe_redirect(&r))
        .unwrap_or_else(|| Route::Account.href())
}

/// S1: the left main menu with the Account entry and the language switch.
#[component]
fn MainMenu(route: Signal<Route>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let area = move || route.with(Route::area);
    // The Account entry closes the account panel when it is open, else opens it.
    let href = move || {
        if area() == Area::Account {
            Route::Map.href()
        } else {
            Route::Account.href()
        }
    };
    view! {
        <nav class="main-menu" aria-label=move || i18n.t().menu_label>
            <a
                class="main-menu__item"
                class:main-menu__item--active=move || area() == Area::Account
                id=move || if session.is_logged_in() { "se-logout-button" } else { "se-login-button" }
                href=href
                aria-current=move || (area() == Area::Account).then_some("page")
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
                class:main-menu__item--active=move || area() == Area::Settings
                id="se-show-menu-settings"
                href=Route::Settings.href()
                aria-current=move || (area() == Area::Settings).then_some("page")
            >
                <IconSettings/>
                <span class="main-menu__text"><span class="main-menu__label">{move || i18n.t().menu_settings}</span></span>
            </a>
            <div class="main-menu__spacer"></div>
            <LangSwitch/>
        </nav>
    }
}

/// A screen that [`Route::explains_login`], for a logged-out visitor: the logged-out panel with
/// a note on why, whose Log in brings the visitor back here.
#[component]
pub fn LoginFirst() -> impl IntoView {
    let i18n = use_i18n();
    let back = login_href(Some(&crate::browser::current_path()));
    let note = Signal::derive(move || Some(i18n.t().login_first_delete.to_string()));
    view! {
        <Panel title=Signal::derive(move || i18n.t().osmand_account.to_string()) nav=PanelNav::Close(Route::Map.href())>
            <crate::auth::EmptyLogin login_href=Signal::stored(back)>
                <crate::components::InfoBanner message=note id="se-alert-login-info"/>
            </crate::auth::EmptyLogin>
        </Panel>
    }
}

/// A logged-in screen while the session is being checked.
#[component]
fn Waiting() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // A failed check says why and offers a retry (not a spinner that never ends).
    let failure = Signal::derive(move || {
        session.status.with(|s| match s {
            SessionStatus::Unknown(e) => Some(format!(
                "{} {}",
                i18n.t().err_session_check,
                crate::errors::error_message(e, i18n.t())
            )),
            _ => None,
        })
    });
    view! {
        <Panel title=Signal::derive(move || i18n.t().osmand_account.to_string()) nav=PanelNav::Close(Route::Map.href())>
            <Show when=move || failure.with(Option::is_none)>
                <crate::components::Spinner label=Signal::derive(move || i18n.t().checking_session.to_string())/>
            </Show>
            <crate::components::ErrorBanner
                message=failure
                on_retry=Callback::new(move |_| session.request_check())
                id="se-session-error"
            />
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
