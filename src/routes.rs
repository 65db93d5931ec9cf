//! The app's URLs, parsed into a typed [`Route`]. Matching is a pure function, so trailing slashes,
//! unknown paths and redirect targets are unit-tested without a browser.

/// Everything the app lives under (the reference's `MAIN_URL`).
pub const BASE: &str = "/map";

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
        let segments: Vec<&str> = rest.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Map,
            ["account"] => Route::Account,
            ["account", "login"] => Route::Login,
            ["account", "create"] => Route::CreateAccount,
            ["account", "reset-password"] => Route::ResetPassword,
            ["account", "cloud"] => Route::Cloud,
            ["account", "purchases"] => Route::Purchases,
            ["account", "purchases", item] => Route::Purchase((*item).to_string()),
            ["delete-account"] => Route::DeleteAccount,
            ["settings"] => Route::Settings,
            ["settings", "cloud", "changes"] => Route::CloudChanges,
            ["settings", "cloud", "trash"] => Route::CloudTrash,
            _ => Route::NotFound,
        }
    }

    /// The canonical path of this route.
    pub fn href(&self) -> String {
        match self {
            Route::Map | Route::NotFound => format!("{BASE}/"),
            Route::Account => format!("{BASE}/account/"),
            Route::Login => format!("{BASE}/account/login"),
            Route::CreateAccount => format!("{BASE}/account/create"),
            Route::ResetPassword => format!("{BASE}/account/reset-password"),
            Route::Cloud => format!("{BASE}/account/cloud"),
            Route::Purchases => format!("{BASE}/account/purchases/"),
            Route::Purchase(item) => format!("{BASE}/account/purchases/{item}"),
            Route::DeleteAccount => format!("{BASE}/delete-account/"),
            Route::Settings => format!("{BASE}/settings/"),
            Route::CloudChanges => format!("{BASE}/settings/cloud/changes"),
            Route::CloudTrash => format!("{BASE}/settings/cloud/trash"),
        }
    }

    /// Whether the side panel is open on this route.
    pub fn has_panel(&self) -> bool {
        !matches!(self, Route::Map)
    }

    /// Whether this screen needs a logged-in user (logged-out visitors log in first and come back).
    pub fn needs_login(&self) -> bool {
        matches!(
            self,
            Route::Cloud
                | Route::Purchases
                | Route::Purchase(_)
                | Route::DeleteAccount
                | Route::CloudChanges
                | Route::CloudTrash
        )
    }
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
        assert_eq!(
            Route::parse("/map/settings/cloud/trash/"),
            Route::CloudTrash
        );
        assert_eq!(Route::parse("/map/nope"), Route::NotFound);
        assert_eq!(Route::parse("/elsewhere"), Route::NotFound);
        assert_eq!(Route::parse("/mapx/account"), Route::NotFound);
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
