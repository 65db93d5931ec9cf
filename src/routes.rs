//! The app's URLs, parsed into a typed [`Route`]. Matching is a pure function, so trailing slashes,
//! unknown paths and redirect targets are unit-tested without a browser.

use leptos::prelude::*;

/// Everything the app lives under (the reference's `MAIN_URL`).
pub const BASE: &str = "/map";

/// The path segments of every screen: the route table (`shell.rs`) and [`Route::href`] are both
/// written from these, so a link and the screen it opens cannot drift apart.
pub mod seg {
    pub const MAP: &str = "map";
    pub const ACCOUNT: &str = "account";
    pub const LOGIN: &str = "login";
    pub const CREATE: &str = "create";
    pub const RESET_PASSWORD: &str = "reset-password";
    pub const CLOUD: &str = "cloud";
    pub const PURCHASES: &str = "purchases";
    /// The router's name for the purchase in `/map/account/purchases/<item>`.
    pub const ITEM: &str = "item";
    /// `/map/account/purchases/help`: matched before `<item>` (no purchase is called `help`).
    pub const HELP: &str = "help";
    pub const DELETE_ACCOUNT: &str = "delete-account";
    pub const SETTINGS: &str = "settings";
    pub const CHANGES: &str = "changes";
    pub const TRASH: &str = "trash";
}

/// A screen of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/map/`: the map with the panel closed.
    Map,
    /// `/map/account/`: the account panel (logged-out state or account home).
    Account,
    /// `/map/account/login`: the login form.
    Login,
    /// `/map/account/create`: sign-up (e-mail → code → password).
    CreateAccount,
    /// `/map/account/reset-password`: change or reset the password.
    ResetPassword,
    /// `/map/account/cloud`: My data → OsmAnd Cloud info and the backup download.
    Cloud,
    /// `/map/account/purchases/`: the purchases list.
    Purchases,
    /// `/map/account/purchases/help`: Purchases help (`#<anchor>` opens one section).
    PurchasesHelp,
    /// `/map/account/purchases/<item>`: one purchase (`sub0`, `inapp0`, `free`, …; validated by the page).
    Purchase(String),
    /// `/map/delete-account/`: the delete-account dialog (also a deep link from the apps).
    DeleteAccount,
    /// `/map/settings/`: settings with the OsmAnd Cloud section.
    Settings,
    /// `/map/settings/cloud/changes`: the version history.
    CloudChanges,
    /// `/map/settings/cloud/trash`: deleted files.
    CloudTrash,
    /// Anything else under `/map/`.
    NotFound,
}

impl Route {
    /// Parses a location path such as `/map/account/` (trailing slashes and case of the prefix as the
    /// server sends them; query and hash must already be stripped).
    pub fn parse(path: &str) -> Route {
        let Some(rest) = path.strip_prefix(BASE) else {
            return if path == "/" || path.is_empty() {
                Route::Map
            } else {
                Route::NotFound
            };
        };
        use seg::*;
        let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Map,
            [ACCOUNT] => Route::Account,
            [ACCOUNT, LOGIN] => Route::Login,
            [ACCOUNT, CREATE] => Route::CreateAccount,
            [ACCOUNT, RESET_PASSWORD] => Route::ResetPassword,
            [ACCOUNT, CLOUD] => Route::Cloud,
            [ACCOUNT, PURCHASES] => Route::Purchases,
            [ACCOUNT, PURCHASES, HELP] => Route::PurchasesHelp,
            [ACCOUNT, PURCHASES, item] => Route::Purchase((*item).to_string()),
            [DELETE_ACCOUNT] => Route::DeleteAccount,
            [SETTINGS] => Route::Settings,
            [SETTINGS, CLOUD, CHANGES] => Route::CloudChanges,
            [SETTINGS, CLOUD, TRASH] => Route::CloudTrash,
            _ => Route::NotFound,
        }
    }

    /// The canonical path of this route.
    pub fn href(&self) -> String {
        use seg::*;
        match self {
            Route::Map | Route::NotFound => format!("{BASE}/"),
            Route::Account => format!("{BASE}/{ACCOUNT}/"),
            Route::Login => format!("{BASE}/{ACCOUNT}/{LOGIN}"),
            Route::CreateAccount => format!("{BASE}/{ACCOUNT}/{CREATE}"),
            Route::ResetPassword => format!("{BASE}/{ACCOUNT}/{RESET_PASSWORD}"),
            Route::Cloud => format!("{BASE}/{ACCOUNT}/{CLOUD}"),
            Route::Purchases => format!("{BASE}/{ACCOUNT}/{PURCHASES}/"),
            Route::PurchasesHelp => format!("{BASE}/{ACCOUNT}/{PURCHASES}/{HELP}"),
            Route::Purchase(item) => format!("{BASE}/{ACCOUNT}/{PURCHASES}/{item}"),
            Route::DeleteAccount => format!("{BASE}/{DELETE_ACCOUNT}/"),
            Route::Settings => format!("{BASE}/{SETTINGS}/"),
            Route::CloudChanges => format!("{BASE}/{SETTINGS}/{CLOUD}/{CHANGES}"),
            Route::CloudTrash => format!("{BASE}/{SETTINGS}/{CLOUD}/{TRASH}"),
        }
    }

    /// Whether the side panel is open on this route.
    pub fn has_panel(&self) -> bool {
        !matches!(self, Route::Map)
    }

    /// Who may see this screen: the one list the login gate ([`crate::shell::Gate`]) follows.
    pub fn access(&self) -> Access {
        match self {
            Route::Cloud
            | Route::Purchases
            | Route::Purchase(_)
            | Route::DeleteAccount
            | Route::CloudChanges
            | Route::CloudTrash => Access::LoggedIn,
            Route::Login => Access::LoggedOut,
            // Help is for everyone: the sign-up form's "didn't get the code" help links here
            // before there is an account, and a purchase question may come before a login.
            // It shows no account data.
            Route::PurchasesHelp
            | Route::Map
            | Route::Account
            | Route::CreateAccount
            | Route::ResetPassword
            | Route::Settings
            | Route::NotFound => Access::Anyone,
        }
    }

    /// Whether a logged-out visitor of this screen first sees the logged-out panel with a note on
    /// why a login is needed, instead of going straight to the login form (Delete account: a
    /// link from an e-mail or the app, and OsmAnd's browser suite expects that panel there).
    pub fn explains_login(&self) -> bool {
        matches!(self, Route::DeleteAccount)
    }

    /// Whether this screen needs a logged-in user (logged-out visitors log in first and come back).
    pub fn needs_login(&self) -> bool {
        self.access() == Access::LoggedIn
    }

    /// The main-menu area this screen belongs to (its entry is the active one).
    pub fn area(&self) -> Area {
        match self {
            Route::Map => Area::None,
            Route::Settings | Route::CloudChanges | Route::CloudTrash => Area::Settings,
            _ => Area::Account,
        }
    }
}

/// Who may open a screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    Anyone,
    /// Logged-out visitors log in first and come back.
    LoggedIn,
    /// Logged-in users are sent on (to the `?redirect=` target or the account home).
    LoggedOut,
}

/// The main-menu entries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    None,
    Account,
    Settings,
}

/// A query parameter of the current address, decoded (tracked: the router's query map).
pub fn use_query_param(key: &'static str) -> Signal<Option<String>> {
    let query = leptos_router::hooks::use_query_map();
    Signal::derive(move || query.with(|q| q.get(key)))
}

/// The screen for the current address (`/map/account/?x=1` works too).
pub fn current_route() -> Route {
    let here = crate::browser::current_path();
    Route::parse(here.split(['?', '#']).next().unwrap_or_default())
}

/// The login URL that brings the user back to `back_to` afterwards.
pub fn login_href(back_to: Option<&str>) -> String {
    match back_to.and_then(safe_redirect) {
        Some(target) => format!(
            "{}?redirect={}",
            Route::Login.href(),
            osmand_api::http::encode_query_value(&target)
        ),
        None => Route::Login.href(),
    }
}

/// Accepts a redirect target only if it stays inside this app: a path under `/map/`, no scheme, no
/// protocol-relative `//host`, no backslashes. Anything else is dropped (open-redirect guard).
pub fn safe_redirect(target: &str) -> Option<String> {
    let t = target.trim();
    let inside = t == BASE || t.starts_with("/map/");
    if !inside || t.starts_with("//") || t.contains('\\') || t.contains("://") {
        return None;
    }
    // Never send someone back to the login form itself.
    if Route::parse(t.split(['?', '#']).next().unwrap_or_default()) == Route::Login {
        return None;
    }
    Some(t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_with_and_without_trailing_slash() {
        assert_eq!(Route::parse("/map/"), Route::Map);
        assert_eq!(Route::parse("/map"), Route::Map);
        assert_eq!(Route::parse("/"), Route::Map);
        assert_eq!(Route::parse("/map/account/"), Route::Account);
        assert_eq!(Route::parse("/map/account"), Route::Account);
        assert_eq!(Route::parse("/map/account/login"), Route::Login);
        assert_eq!(Route::parse("/map/account/login/"), Route::Login);
        assert_eq!(Route::parse("/map/account/purchases/"), Route::Purchases);
        assert_eq!(
            Route::parse("/map/account/purchases/inapp2"),
            Route::Purchase("inapp2".into())
        );
        assert_eq!(Route::parse("/map/delete-account"), Route::DeleteAccount);
        assert!(Route::DeleteAccount.explains_login());
        assert!(!Route::Cloud.explains_login() && !Route::Purchases.explains_login());
        assert_eq!(
            Route::parse("/map/settings/cloud/trash/"),
            Route::CloudTrash
        );
        assert_eq!(Route::parse("/map/nope"), Route::NotFound);
        assert_eq!(Route::parse("/elsewhere"), Route::NotFound);
        assert_eq!(Route::parse("/mapx/account"), Route::NotFound);
    }

    #[test]
    fn purchases_help_wins_over_the_item_route_and_is_open_to_everyone() {
        for p in [
            "/map/account/purchases/help",
            "/map/account/purchases/help/",
        ] {
            assert_eq!(Route::parse(p), Route::PurchasesHelp, "{p}");
        }
        assert_eq!(Route::PurchasesHelp.href(), "/map/account/purchases/help");
        // Other items still are items; help has no deeper pages.
        assert_eq!(
            Route::parse("/map/account/purchases/helps"),
            Route::Purchase("helps".into())
        );
        assert_eq!(
            Route::parse("/map/account/purchases/help/x"),
            Route::NotFound
        );
        assert_eq!(Route::PurchasesHelp.access(), Access::Anyone);
        assert_eq!(Route::PurchasesHelp.area(), Area::Account);
        assert_eq!(
            safe_redirect("/map/account/purchases/help").as_deref(),
            Some("/map/account/purchases/help")
        );
    }

    #[test]
    fn the_base_is_the_map_segment() {
        assert_eq!(BASE, format!("/{}", seg::MAP));
    }

    #[test]
    fn hrefs_round_trip() {
        for r in [
            Route::Map,
            Route::Account,
            Route::Login,
            Route::CreateAccount,
            Route::ResetPassword,
            Route::Cloud,
            Route::Purchases,
            Route::PurchasesHelp,
            Route::Purchase("sub0".into()),
            Route::DeleteAccount,
            Route::Settings,
            Route::CloudChanges,
            Route::CloudTrash,
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
    }

    #[test]
    fn redirects_stay_inside_the_app() {
        assert_eq!(
            safe_redirect("/map/account/").as_deref(),
            Some("/map/account/")
        );
        assert_eq!(
            safe_redirect("/map/account/purchases/sub0?x=1").as_deref(),
            Some("/map/account/purchases/sub0?x=1")
        );
        assert_eq!(safe_redirect("https://evil.example/map/"), None);
        assert_eq!(safe_redirect("//evil.example/map/"), None);
        assert_eq!(safe_redirect("/map/\\evil"), None);
        assert_eq!(safe_redirect("/other"), None);
        assert_eq!(safe_redirect("/map/account/login"), None);
    }

    #[test]
    fn login_href_keeps_a_safe_target() {
        assert_eq!(login_href(None), "/map/account/login");
        assert_eq!(
            login_href(Some("/map/account/?a=b")),
            "/map/account/login?redirect=%2Fmap%2Faccount%2F%3Fa%3Db"
        );
        assert_eq!(
            login_href(Some("https://evil.example")),
            "/map/account/login"
        );
    }
}
