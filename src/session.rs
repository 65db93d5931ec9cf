//! Who is logged in, app-wide notices, and the one place where "your session ended" is handled.

use leptos::prelude::*;
use osmand_api::error::ApiError;
use osmand_api::models::AuthInfo;

/// What the app knows about the session.
#[derive(Clone, Debug, PartialEq)]
pub enum SessionStatus {
    /// `GET /mapapi/auth/info` has not answered yet.
    Checking,
    /// The check itself failed (server down, 500…): we don't know. The panel offers a retry.
    Unknown(ApiError),
    /// Nobody is logged in.
    LoggedOut,
    /// Logged in as this user.
    LoggedIn(AuthInfo),
}

/// A message shown once at the top of the account panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A call was answered with a redirect to the login page or a 401.
    SessionExpired,
    /// The user pressed Logout.
    LoggedOut,
    /// The account was deleted from this browser.
    AccountDeleted,
    /// The e-mail address was changed: the server ended the session.
    EmailChanged,
}

impl Notice {
    /// The notice in the user's language.
    pub fn text(self, s: &crate::i18n::Strings) -> &'static str {
        match self {
            Notice::SessionExpired => s.notice_session_expired,
            Notice::LoggedOut => s.notice_logged_out,
            Notice::AccountDeleted => s.notice_account_deleted,
            Notice::EmailChanged => s.notice_email_changed,
        }
    }
}

/// The session context, provided once at the root.
#[derive(Clone, Copy)]
pub struct Session {
    pub status: RwSignal<SessionStatus>,
    pub notice: RwSignal<Option<Notice>>,
    /// Set when a call found the session gone: the path to come back to after logging in.
    /// The shell watches it and opens the login form.
    pub expired_at: RwSignal<Option<String>>,
    /// Bumped to ask for a new `auth/info` check (the keeper at the root watches it).
    pub recheck: RwSignal<u32>,
}

impl Session {
    /// A fresh context in the `Checking` state.
    pub fn new() -> Self {
        Self {
            status: RwSignal::new(SessionStatus::Checking),
            notice: RwSignal::new(None),
            expired_at: RwSignal::new(None),
            recheck: RwSignal::new(0),
        }
    }

    /// The logged-in user's e-mail (tracked).
    pub fn email(&self) -> Option<String> {
        match self.status.get() {
            SessionStatus::LoggedIn(info) => Some(info.username),
            _ => None,
        }
    }

    /// Whether someone is logged in (tracked).
    pub fn is_logged_in(&self) -> bool {
        matches!(self.status.get(), SessionStatus::LoggedIn(_))
    }

    /// Asks the root to run the session check again ("Try again" after a failed one).
    pub fn request_check(&self) {
        self.status.set(SessionStatus::Checking);
        self.recheck.update(|n| *n = n.wrapping_add(1));
    }

    /// Passes every API error of a logged-in screen through here: a redirect-to-login or 401 ends
    /// the session in the app and opens the login form, which brings the user back to the current
    /// page. Returns `true` when that happened (the caller then shows nothing else).
    pub fn end_if_expired(&self, err: &ApiError) -> bool {
        self.handle_error(err, &crate::browser::current_path())
    }

    /// Records the answer of `auth/info`.
    pub fn set_checked(&self, result: Result<Option<AuthInfo>, ApiError>) {
        self.status.set(status_from_check(result));
    }

    /// Call with every API error: if it means the session ended, the user is sent to the login form
    /// with a notice and will come back to `current_path` afterwards. Returns whether it did.
    pub fn handle_error(&self, err: &ApiError, current_path: &str) -> bool {
        if !err.is_session_end() {
            return false;
        }
        self.status.set(SessionStatus::LoggedOut);
        self.notice.set(Some(Notice::SessionExpired));
        self.expired_at.set(Some(current_path.to_string()));
        true
    }
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

/// Maps the answer of `auth/info` to a status.
pub fn status_from_check(result: Result<Option<AuthInfo>, ApiError>) -> SessionStatus {
    match result {
        Ok(Some(info)) if !info.username.trim().is_empty() => SessionStatus::LoggedIn(info),
        Ok(_) => SessionStatus::LoggedOut,
        // The info endpoint is public; a redirect or 401 there still means "not logged in".
        Err(e) if e.is_session_end() => SessionStatus::LoggedOut,
        Err(e) => SessionStatus::Unknown(e),
    }
}

/// The session context; a detached one if none was provided (isolated component tests).
pub fn use_session() -> Session {
    use_context::<Session>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(name: &str) -> AuthInfo {
        AuthInfo {
            username: name.to_string(),
            roles: vec!["ROLE_PRO_USER".to_string()],
        }
    }

    #[test]
    fn check_results_map_to_status() {
        assert_eq!(
            status_from_check(Ok(Some(info("a@b.c")))),
            SessionStatus::LoggedIn(info("a@b.c"))
        );
        assert_eq!(status_from_check(Ok(None)), SessionStatus::LoggedOut);
        assert_eq!(
            status_from_check(Ok(Some(info(" ")))),
            SessionStatus::LoggedOut
        );
        assert_eq!(
            status_from_check(Err(ApiError::Unauthorized)),
            SessionStatus::LoggedOut
        );
        let down = ApiError::Network("connection refused".into());
        assert_eq!(
            status_from_check(Err(down.clone())),
            SessionStatus::Unknown(down)
        );
    }

    #[test]
    fn session_end_errors_send_the_user_to_login() {
        let owner = Owner::new();
        owner.set();
        let s = Session::new();
        s.status.set(SessionStatus::LoggedIn(info("a@b.c")));
        assert!(!s.handle_error(&ApiError::Network("x".into()), "/map/account/"));
        assert!(s.is_logged_in());
        assert!(s.handle_error(
            &ApiError::SessionExpired { redirect: None },
            "/map/account/purchases/"
        ));
        assert!(!s.is_logged_in());
        assert_eq!(s.notice.get(), Some(Notice::SessionExpired));
        assert_eq!(
            s.expired_at.get().as_deref(),
            Some("/map/account/purchases/")
        );
    }
}
