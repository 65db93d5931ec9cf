//! Who is logged in, app-wide notices, and the one set of session transitions: [`Session::log_in`],
//! [`Session::log_out`] (with the reason), [`Session::expire`] (a call found the session gone)
//! and [`Session::set_checked`] (the answer of `auth/info`). Nothing else writes the session,
//! the notice or the remembered e-mail.

use std::rc::Rc;

use leptos::prelude::*;
use osmand_api::error::ApiError;
use osmand_api::models::AuthInfo;

use crate::routes::{login_href, Route};

/// localStorage key of the last e-mail used to log in (pre-fills the form; not a secret).
pub const LAST_EMAIL_KEY: &str = "osmand-account.last-email";

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
    /// Deleting the account got no answer, but the server has ended the session, as it does
    /// once the account is gone.
    AccountDeletedUnconfirmed,
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
            Notice::AccountDeletedUnconfirmed => s.notice_account_deleted_unconfirmed,
            Notice::EmailChanged => s.notice_email_changed,
        }
    }
}

/// Why the session ends, and so what the user sees next.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogOut {
    /// Logout pressed: the logged-out account panel.
    Pressed,
    /// The account was deleted: the logged-out panel; the remembered address is forgotten.
    /// `confirmed`: the server said so (else its answer was lost and the session found ended).
    AccountDeleted { confirmed: bool },
    /// The e-mail was changed: the login form, filled in with the new address.
    EmailChanged { new_email: String },
    /// A call found the session gone: the login form, which brings the user back to `back_to`.
    Expired { back_to: String },
    /// Coming back to the tab found the session gone (no call was running): the panel closes;
    /// the main menu's Log in opens the logged-out panel with the notice.
    Lost,
}

impl LogOut {
    /// The notice shown next.
    pub fn notice(&self) -> Notice {
        match self {
            LogOut::Pressed => Notice::LoggedOut,
            LogOut::AccountDeleted { confirmed: true } => Notice::AccountDeleted,
            LogOut::AccountDeleted { confirmed: false } => Notice::AccountDeletedUnconfirmed,
            LogOut::EmailChanged { .. } => Notice::EmailChanged,
            LogOut::Expired { .. } | LogOut::Lost => Notice::SessionExpired,
        }
    }

    /// Where the app goes next.
    pub fn destination(&self) -> String {
        match self {
            LogOut::Pressed | LogOut::AccountDeleted { .. } => Route::Account.href(),
            LogOut::EmailChanged { .. } => Route::Login.href(),
            LogOut::Expired { back_to } => login_href(Some(back_to)),
            LogOut::Lost => Route::Map.href(),
        }
    }

    /// The remembered login address afterwards: `Some(Some(a))` = remember `a`, `Some(None)` =
    /// forget it, `None` = keep what is there.
    pub fn remembered(&self) -> Option<Option<&str>> {
        match self {
            LogOut::Pressed | LogOut::Expired { .. } | LogOut::Lost => None,
            LogOut::AccountDeleted { .. } => Some(None),
            LogOut::EmailChanged { new_email } => Some(Some(new_email.as_str())),
        }
    }
}

type Go = Rc<dyn Fn(&str, bool)>;

/// The session context, provided once at the root (inside the router, whose navigation it uses).
#[derive(Clone, Copy)]
pub struct Session {
    pub status: ReadSignal<SessionStatus>,
    set_status: WriteSignal<SessionStatus>,
    pub notice: ReadSignal<Option<Notice>>,
    set_notice: WriteSignal<Option<Notice>>,
    /// Bumped to ask for a new `auth/info` check (the keeper at the root watches it).
    pub recheck: RwSignal<u32>,
    /// What the e-mail field of the login, sign-up or reset form holds: carried from one of these
    /// forms to the next ([`Session::form_email`], [`Session::carry_email`]); cleared when the
    /// session changes.
    typed_email: RwSignal<String>,
    /// Moves to an address (`replace` = in place of the current history entry).
    go: StoredValue<Go, LocalStorage>,
}

impl Session {
    /// A fresh context in the `Checking` state that navigates with `go(href, replace)`.
    pub fn new(go: impl Fn(&str, bool) + 'static) -> Self {
        let (status, set_status) = signal(SessionStatus::Checking);
        let (notice, set_notice) = signal(None);
        Self {
            status,
            set_status,
            notice,
            set_notice,
            recheck: RwSignal::new(0),
            typed_email: RwSignal::new(String::new()),
            go: StoredValue::new_local(Rc::new(go)),
        }
    }

    /// Moves to `href` (as a new history entry, or in place of the current one).
    pub fn go(&self, href: &str, replace: bool) {
        if let Some(go) = self.go.try_get_value() {
            go(href, replace);
        }
    }

    /// The logged-in user's e-mail (tracked).
    pub fn email(&self) -> Option<String> {
        self.status.with(|s| match s {
            SessionStatus::LoggedIn(info) => Some(info.username.clone()),
            _ => None,
        })
    }

    /// Whether someone is logged in (tracked).
    pub fn is_logged_in(&self) -> bool {
        self.status
            .with(|s| matches!(s, SessionStatus::LoggedIn(_)))
    }

    /// Asks the root to run the session check again ("Try again" after a failed one).
    pub fn request_check(&self) {
        self.set_status.set(SessionStatus::Checking);
        self.recheck.update(|n| *n = n.wrapping_add(1));
    }

    /// Records the answer of `auth/info`.
    pub fn set_checked(&self, result: Result<Option<AuthInfo>, ApiError>) {
        self.set_status.try_set(status_from_check(result));
    }

    /// The address an e-mail form opens with: what the user typed on the form they came from,
    /// else (login form only) the remembered address.
    pub fn form_email(&self, form: EmailForm) -> String {
        let typed = self.typed_email.try_get_untracked().unwrap_or_default();
        start_email(form, &typed, remembered_email().as_deref())
    }

    /// Keeps the carried address in step with a form's e-mail field while the form is open.
    pub fn carry_email(&self, field: RwSignal<String>) {
        let typed = self.typed_email;
        Effect::new(move |_| {
            if let Some(value) = field.try_get() {
                typed.try_set(value);
            }
        });
    }

    /// Logged in (login, or sign-up's automatic login): remembers the address, clears the notice
    /// and goes to `to`.
    pub fn log_in(&self, info: AuthInfo, to: &str) {
        self.typed_email.try_set(String::new());
        remember_email(&info.username);
        // Move first: the guest-only gate of the page being left must not redirect as well.
        self.go(to, false);
        self.set_notice.try_set(None);
        self.set_status.try_set(SessionStatus::LoggedIn(info));
    }

    /// The session ended for `why`: the notice, the remembered address and the next page follow.
    pub fn log_out(&self, why: LogOut) {
        self.typed_email.try_set(String::new());
        match why.remembered() {
            Some(Some(email)) => remember_email(email),
            Some(None) => crate::browser::local_storage_remove(LAST_EMAIL_KEY),
            None => {}
        }
        self.go(&why.destination(), false);
        self.set_notice.try_set(Some(why.notice()));
        self.set_status.try_set(SessionStatus::LoggedOut);
    }

    /// A call was answered with a redirect to the login page or a 401: log in again, then come
    /// back to the page the user is on. Only acts while someone is logged in (several calls may
    /// find out at once); returns whether it did.
    pub fn expire(&self) -> bool {
        if self
            .status
            .try_with_untracked(|s| matches!(s, SessionStatus::LoggedIn(_)))
            != Some(true)
        {
            return false;
        }
        self.log_out(LogOut::Expired {
            back_to: crate::browser::current_path(),
        });
        true
    }

    /// `auth/info`, asked when the tab came back into view, says nobody is logged in while we
    /// thought someone was: [`LogOut::Lost`]. Does nothing when already logged out.
    pub fn lost(&self) {
        if self.is_logged_in_untracked() {
            self.log_out(LogOut::Lost);
        }
    }

    /// Whether someone is logged in (untracked, for event handlers).
    pub fn is_logged_in_untracked(&self) -> bool {
        self.status
            .try_with_untracked(|s| matches!(s, SessionStatus::LoggedIn(_)))
            == Some(true)
    }

    /// The notice was read (the login form shows it once).
    pub fn clear_notice(&self) {
        self.set_notice.try_set(None);
    }
}

/// Provides the session inside a `<Router>`, navigating with the router (the app, the gallery).
pub fn provide_session() -> Session {
    let navigate = leptos_router::hooks::use_navigate();
    let session = Session::new(move |href, replace| {
        navigate(
            href,
            leptos_router::NavigateOptions {
                replace,
                ..Default::default()
            },
        )
    });
    provide_context(session);
    session
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

/// The session context. Provided by the app (and by the gallery and tests): a component used
/// without one is a bug and stops with a message naming the missing context.
pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// The forms that ask for an e-mail address and carry it between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmailForm {
    Login,
    SignUp,
    Reset,
}

/// The rule of [`Session::form_email`]: what was typed on the previous form wins; the remembered
/// address only fills an empty login form.
pub fn start_email(form: EmailForm, typed: &str, remembered: Option<&str>) -> String {
    if !typed.trim().is_empty() {
        return typed.to_string();
    }
    match (form, remembered) {
        (EmailForm::Login, Some(r)) => r.to_string(),
        _ => String::new(),
    }
}

/// The address a form opens with, from the session in context (none: empty, e.g. a bare test).
pub fn form_email(form: EmailForm) -> String {
    match use_context::<Session>() {
        Some(s) => s.form_email(form),
        None => start_email(form, "", remembered_email().as_deref()),
    }
}

/// Carries a form's e-mail field to the next form, through the session in context.
pub fn carry_email(field: RwSignal<String>) {
    if let Some(s) = use_context::<Session>() {
        s.carry_email(field);
    }
}

/// Remembers `email` as the login address (a password was just set for it).
pub fn remember_email(email: &str) {
    crate::browser::local_storage_set(LAST_EMAIL_KEY, email.trim());
}

/// The remembered login address, if any.
pub fn remembered_email() -> Option<String> {
    crate::browser::local_storage_get(LAST_EMAIL_KEY)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

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

    fn recording() -> (Session, Rc<RefCell<Vec<String>>>) {
        let moves = Rc::new(RefCell::new(Vec::new()));
        let m = Rc::clone(&moves);
        let s = Session::new(move |href, _| m.borrow_mut().push(href.to_string()));
        (s, moves)
    }

    #[test]
    fn log_in_and_out_set_status_notice_and_destination() {
        let owner = Owner::new();
        owner.set();
        let (s, moves) = recording();
        s.log_in(info("a@b.c"), "/map/account/cloud");
        assert!(s.is_logged_in());
        assert_eq!(s.email().as_deref(), Some("a@b.c"));
        s.log_out(LogOut::Pressed);
        assert!(!s.is_logged_in());
        assert_eq!(s.notice.get(), Some(Notice::LoggedOut));
        s.log_in(info("a@b.c"), "/map/account/");
        assert_eq!(s.notice.get(), None, "logging in clears the notice");
        s.log_out(LogOut::EmailChanged {
            new_email: "n@b.c".into(),
        });
        assert_eq!(s.notice.get(), Some(Notice::EmailChanged));
        assert_eq!(
            *moves.borrow(),
            [
                "/map/account/cloud",
                "/map/account/",
                "/map/account/",
                "/map/account/login"
            ]
        );
    }

    #[test]
    fn expiry_sends_the_user_to_login_once() {
        let owner = Owner::new();
        owner.set();
        let (s, moves) = recording();
        assert!(!s.expire());
        assert!(
            moves.borrow().is_empty(),
            "nobody logged in: nothing to end"
        );
        s.log_in(info("a@b.c"), "/map/account/");
        assert!(s.expire());
        assert!(!s.expire());
        assert!(!s.is_logged_in());
        assert_eq!(s.notice.get(), Some(Notice::SessionExpired));
        // Natively there is no current path: the login form without a way back.
        assert_eq!(*moves.borrow(), ["/map/account/", "/map/account/login"]);
    }

    #[test]
    fn typed_addresses_travel_between_forms_and_the_remembered_one_only_fills_an_empty_login() {
        let r = Some("remembered@example.com");
        for form in [EmailForm::Login, EmailForm::SignUp, EmailForm::Reset] {
            assert_eq!(
                start_email(form, "typed@example.com", r),
                "typed@example.com"
            );
        }
        assert_eq!(
            start_email(EmailForm::Login, "  ", r),
            "remembered@example.com"
        );
        assert_eq!(start_email(EmailForm::Reset, "", r), "");
        assert_eq!(start_email(EmailForm::SignUp, "", r), "");
        assert_eq!(start_email(EmailForm::Login, "", None), "");
    }

    #[test]
    fn a_session_change_drops_the_carried_address() {
        let owner = Owner::new();
        owner.set();
        let (s, _) = recording();
        s.typed_email.set("typed@example.com".into());
        assert_eq!(s.form_email(EmailForm::Reset), "typed@example.com");
        s.log_in(info("a@b.c"), "/map/account/");
        assert_eq!(s.form_email(EmailForm::Reset), "");
        s.typed_email.set("other@example.com".into());
        s.log_out(LogOut::Pressed);
        assert_eq!(s.form_email(EmailForm::SignUp), "");
    }

    #[test]
    fn every_reason_has_its_notice_address_and_destination() {
        assert_eq!(LogOut::Pressed.remembered(), None);
        let deleted = LogOut::AccountDeleted { confirmed: true };
        let unconfirmed = LogOut::AccountDeleted { confirmed: false };
        assert_eq!(deleted.remembered(), Some(None));
        assert_eq!(unconfirmed.remembered(), Some(None));
        assert_eq!(deleted.notice(), Notice::AccountDeleted);
        assert_eq!(unconfirmed.notice(), Notice::AccountDeletedUnconfirmed);
        assert_eq!(unconfirmed.destination(), "/map/account/");
        let changed = LogOut::EmailChanged {
            new_email: "n@b.c".into(),
        };
        assert_eq!(changed.remembered(), Some(Some("n@b.c")));
        assert_eq!(changed.destination(), "/map/account/login");
        assert_eq!(deleted.destination(), "/map/account/");
        // Found gone on coming back to the tab: the panel closes, the notice waits for it.
        assert_eq!(LogOut::Lost.destination(), "/map/");
        assert_eq!(LogOut::Lost.notice(), Notice::SessionExpired);
        assert_eq!(LogOut::Lost.remembered(), None);
        let expired = LogOut::Expired {
            back_to: "/map/account/purchases/".into(),
        };
        assert_eq!(expired.notice(), Notice::SessionExpired);
        assert_eq!(
            expired.destination(),
            "/map/account/login?redirect=%2Fmap%2Faccount%2Fpurchases%2F"
        );
    }
}
