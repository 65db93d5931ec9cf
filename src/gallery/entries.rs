//! The gallery's states. Each renders a presentational component with fixed data.

use leptos::prelude::*;
use osmand_api::error::ApiError;

use crate::account::home::RowLine;
use crate::account::AccountHome;
use crate::auth::create_account::{CreateAccountPage, SignupState, SignupStep};
use crate::auth::reset_password::{ResetPasswordPage, ResetState, ResetStep};
use crate::auth::rules::{CodeFailure, CodeWear, RegisterFailure};
use crate::auth::{EmptyLogin, LoginFailure, LoginForm};
use crate::components::panel::PanelNav;
use crate::components::{ErrorBanner, InfoBanner, Panel};
use crate::gallery::Note;
use crate::i18n::use_i18n;
use crate::routes::Route;
use crate::session::Notice;

/// Designers' notes on this file's components (the gallery shows them beside the states).
pub const NOTES: &[Note] = &[
    Note {
        component: "login-form",
        about: "E-mail and password login, with the field the server's error belongs to marked.",
        used_in: "Account → Log in (/map/account/login)",
        reference: "S3 Login",
        ids: &[
            "se-submit-login",
            "se-login-error",
            "se-forgot-password",
            "se-login-create-account",
        ],
    },
    Note {
        component: "empty-login",
        about: "The logged-out account panel: log in or create an account; session notices.",
        used_in: "Account (/map/account/) when nobody is logged in",
        reference: "S2 Account panel, logged out",
        ids: &[
            "se-empty-login-page",
            "se-login-btn",
            "se-create-account-btn",
        ],
    },
    Note {
        component: "account-home",
        about: "The logged-in account panel: e-mail, My data, purchases, log out, danger zone.",
        used_in: "Account (/map/account/) after login",
        reference: "S6 Account panel, logged in",
        ids: &[
            "se-account-email",
            "se-login-menu-osmand-cloud-item",
            "se-login-menu-osmand-purchases",
            "se-logout-btn",
        ],
    },
    Note {
        component: "create-account",
        about: "Sign-up in three steps: e-mail, the code from the mail, a password.",
        used_in: "Account → Create account (/map/account/create)",
        reference: "S4 Create account",
        ids: &[
            "se-signup-continue",
            "se-code-continue",
            "se-create-account-submit",
            "se-signup-error",
        ],
    },
    Note {
        component: "reset-password",
        about: "Change or reset the password with a code sent by e-mail.",
        used_in: "Log in → I don't have or forgot password (/map/account/reset-password)",
        reference: "S5 Change or reset password",
        ids: &[
            "se-reset-continue",
            "se-change-password",
            "se-reset-result",
            "se-reset-error",
        ],
    },
];

/// One named state of one component.
#[derive(Clone, Copy)]
pub struct Entry {
    pub component: &'static str,
    pub state: &'static str,
    pub render: fn() -> AnyView,
}

/// Every state, in the order the side list shows them: the shared screens here, then each
/// area's own list (`<area>/gallery.rs`).
pub fn entries() -> Vec<Entry> {
    let mut all = own_entries();
    all.extend(crate::account::gallery::entries());
    all.extend(crate::purchases::gallery::entries());
    all.extend(crate::settings::gallery::entries());
    all.extend(crate::danger::gallery::entries());
    all
}

pub(super) fn own_entries() -> Vec<Entry> {
    vec![
        Entry {
            component: "login-form",
            state: "empty",
            render: || login("", "", None, false),
        },
        Entry {
            component: "login-form",
            state: "filled",
            render: || login("demo@example.com", "demo-password", None, false),
        },
        Entry {
            component: "login-form",
            state: "error-email",
            render: || {
                login(
                    "nobody@example.com",
                    "secret123",
                    Some(LoginFailure::EmailUnknown),
                    false,
                )
            },
        },
        Entry {
            component: "login-form",
            state: "error-password",
            render: || {
                login(
                    "demo@example.com",
                    "wrong",
                    Some(LoginFailure::WrongPassword),
                    false,
                )
            },
        },
        Entry {
            component: "login-form",
            state: "error-network",
            render: || {
                login(
                    "demo@example.com",
                    "demo-password",
                    Some(LoginFailure::Other(ApiError::Network(
                        "Failed to fetch".into(),
                    ))),
                    false,
                )
            },
        },
        Entry {
            component: "login-form",
            state: "error-timeout",
            render: || {
                login(
                    "demo@example.com",
                    "demo-password",
                    Some(LoginFailure::Other(ApiError::TimedOut)),
                    false,
                )
            },
        },
        Entry {
            component: "login-form",
            state: "error-server",
            render: || {
                login(
                    "demo@example.com",
                    "demo-password",
                    Some(LoginFailure::Other(ApiError::Server {
                        status: 500,
                        text: String::new(),
                    })),
                    false,
                )
            },
        },
        Entry {
            component: "login-form",
            state: "submitting",
            render: || login("demo@example.com", "demo-password", None, true),
        },
        Entry {
            component: "create-account",
            state: "email",
            render: || signup(|_| {}),
        },
        Entry {
            component: "create-account",
            state: "email-invalid",
            render: || {
                signup(|s| {
                    s.flow.email.set("ada@example".into());
                    s.flow
                        .email_failure
                        .set(Some(RegisterFailure::InvalidEmail));
                })
            },
        },
        Entry {
            component: "create-account",
            state: "email-taken",
            render: || {
                signup(|s| {
                    s.flow.email.set("demo@example.com".into());
                    s.flow
                        .email_failure
                        .set(Some(RegisterFailure::AlreadyRegistered));
                })
            },
        },
        Entry {
            component: "create-account",
            state: "email-too-many",
            render: || {
                signup(|s| {
                    s.flow.email.set("ada@example.com".into());
                    s.flow
                        .email_failure
                        .set(Some(RegisterFailure::TooManyRequests));
                })
            },
        },
        Entry {
            component: "create-account",
            state: "email-sending",
            render: || {
                signup(|s| {
                    s.flow.email.set("ada@example.com".into());
                    s.flow.force_pending.set(true);
                })
            },
        },
        Entry {
            component: "create-account",
            state: "code",
            render: || {
                signup(|s| {
                    code_step(s);
                })
            },
        },
        Entry {
            component: "create-account",
            state: "code-invalid",
            render: || {
                signup(|s| {
                    code_step(s);
                    s.flow.code.set("1234".into());
                    s.flow.code_failure.set(Some(CodeFailure::InvalidCode));
                })
            },
        },
        Entry {
            component: "create-account",
            state: "code-used-up",
            render: || {
                signup(|s| {
                    code_step(s);
                    s.flow.code.set("1234".into());
                    s.flow.resend_open.set(true);
                    s.flow.code_failure.set(Some(CodeFailure::CodeUsedUp));
                })
            },
        },
        Entry {
            component: "create-account",
            state: "code-resend-wait",
            render: || {
                signup(|s| {
                    code_step(s);
                    s.flow.resend_open.set(true);
                })
            },
        },
        Entry {
            component: "create-account",
            state: "code-resend-ready",
            render: || {
                signup(|s| {
                    code_step(s);
                    s.flow.wear.set(CodeWear::sent(0));
                    s.flow.resend_open.set(true);
                })
            },
        },
        Entry {
            component: "create-account",
            state: "code-resent",
            render: || {
                signup(|s| {
                    code_step(s);
                    s.flow.resent_to.set(Some("ada@example.com".into()));
                })
            },
        },
        Entry {
            component: "create-account",
            state: "code-resend-failed",
            render: || {
                signup(|s| {
                    code_step(s);
                    s.flow.wear.set(CodeWear::sent(0));
                    s.flow.resend_open.set(true);
                    s.flow
                        .resend_failure
                        .set(Some(RegisterFailure::TooManyRequests));
                })
            },
        },
        Entry {
            component: "create-account",
            state: "password",
            render: || {
                signup(|s| {
                    s.flow.email.set("ada@example.com".into());
                    s.step.set(SignupStep::Password);
                })
            },
        },
        Entry {
            component: "create-account",
            state: "password-too-short",
            render: || {
                signup(|s| {
                    s.step.set(SignupStep::Password);
                    s.password.set("short".into());
                    s.confirm.set("short".into());
                })
            },
        },
        Entry {
            component: "create-account",
            state: "password-mismatch",
            render: || {
                signup(|s| {
                    s.step.set(SignupStep::Password);
                    s.password.set("long-enough-1".into());
                    s.confirm.set("long-enough-2".into());
                })
            },
        },
        Entry {
            component: "create-account",
            state: "password-creating",
            render: || {
                signup(|s| {
                    s.step.set(SignupStep::Password);
                    s.password.set("long-enough-1".into());
                    s.confirm.set("long-enough-1".into());
                    s.flow.force_pending.set(true);
                })
            },
        },
        Entry {
            component: "create-account",
            state: "password-error",
            render: || {
                signup(|s| {
                    s.step.set(SignupStep::Password);
                    s.password.set("long-enough-1".into());
                    s.confirm.set("long-enough-1".into());
                    s.flow
                        .code_failure
                        .set(Some(CodeFailure::Other(ApiError::Server {
                            status: 500,
                            text: String::new(),
                        })));
                })
            },
        },
        Entry {
            component: "reset-password",
            state: "email",
            render: || reset(|s| s.flow.email.set(String::new())),
        },
        Entry {
            component: "reset-password",
            state: "email-unknown",
            render: || {
                reset(|s| {
                    s.flow.email.set("nobody@example.com".into());
                    s.flow
                        .email_failure
                        .set(Some(RegisterFailure::NotRegistered));
                })
            },
        },
        Entry {
            component: "reset-password",
            state: "code",
            render: || {
                reset(|s| {
                    s.flow.email.set("ada@example.com".into());
                    s.step.set(ResetStep::Code);
                    s.flow.wear.set(CodeWear::sent(crate::browser::now_ms()));
                })
            },
        },
        Entry {
            component: "reset-password",
            state: "code-invalid",
            render: || {
                reset(|s| {
                    s.flow.email.set("ada@example.com".into());
                    s.step.set(ResetStep::Code);
                    s.flow.code.set("1234".into());
                    s.password.set("long-enough-1".into());
                    s.confirm.set("long-enough-1".into());
                    s.flow.code_failure.set(Some(CodeFailure::InvalidCode));
                })
            },
        },
        Entry {
            component: "reset-password",
            state: "code-used-up",
            render: || {
                reset(|s| {
                    s.flow.email.set("ada@example.com".into());
                    s.step.set(ResetStep::Code);
                    s.flow.code.set("1234".into());
                    s.password.set("long-enough-1".into());
                    s.confirm.set("long-enough-1".into());
                    s.flow.resend_open.set(true);
                    s.flow.code_failure.set(Some(CodeFailure::CodeUsedUp));
                })
            },
        },
        Entry {
            component: "reset-password",
            state: "code-mismatch",
            render: || {
                reset(|s| {
                    s.flow.email.set("ada@example.com".into());
                    s.step.set(ResetStep::Code);
                    s.flow.code.set("1234".into());
                    s.password.set("long-enough-1".into());
                    s.confirm.set("long-enough-2".into());
                })
            },
        },
        Entry {
            component: "reset-password",
            state: "done",
            render: || reset(|s| s.step.set(ResetStep::Done)),
        },
        Entry {
            component: "reset-password",
            state: "failed",
            render: || {
                reset(|s| {
                    s.step.set(ResetStep::Failed);
                    s.failed_with
                        .set(Some(ApiError::Network("Failed to fetch".into())));
                })
            },
        },
        Entry {
            component: "empty-login",
            state: "default",
            render: || empty_login(None, None),
        },
        Entry {
            component: "empty-login",
            state: "session-expired",
            render: || empty_login(Some(Notice::SessionExpired), None),
        },
        Entry {
            component: "empty-login",
            state: "account-deleted",
            render: || empty_login(Some(Notice::AccountDeleted), None),
        },
        Entry {
            component: "empty-login",
            state: "account-deleted-unconfirmed",
            render: || empty_login(Some(Notice::AccountDeletedUnconfirmed), None),
        },
        Entry {
            component: "empty-login",
            state: "check-failed",
            render: || empty_login(None, Some(ApiError::Network("Failed to fetch".into()))),
        },
        Entry {
            component: "empty-login",
            state: "delete-login-first",
            render: || view! { <crate::shell::LoginFirst/> }.into_any(),
        },
        Entry {
            component: "account-home",
            state: "lines-failed",
            render: crate::account::gallery::home_failed,
        },
        Entry {
            component: "account-home",
            state: "default",
            render: || home("demo@example.com", false, None),
        },
        Entry {
            component: "account-home",
            state: "free",
            render: || home_lines("start@example.com", Some("12.0 KB"), Some("OsmAnd Start")),
        },
        Entry {
            component: "account-home",
            state: "lines-loading",
            render: || home_lines("demo@example.com", None, None),
        },
        Entry {
            component: "account-home",
            state: "long-email",
            render: || {
                home("a.very.long.mailbox.name.that.goes.on+osmand-cloud-sync@subdomain.example-company.co.uk", false, None)
            },
        },
        Entry {
            component: "account-home",
            state: "logging-out",
            render: || home("demo@example.com", true, None),
        },
        Entry {
            component: "account-home",
            state: "logout-error",
            render: || {
                home(
                    "demo@example.com",
                    false,
                    Some(ApiError::Network("Failed to fetch".into())),
                )
            },
        },
    ]
}

fn login(email: &str, password: &str, failure: Option<LoginFailure>, pending: bool) -> AnyView {
    let i18n = use_i18n();
    let (email, password) = (
        RwSignal::new(email.to_string()),
        RwSignal::new(password.to_string()),
    );
    view! {
        <Panel title=Signal::derive(move || i18n.t().login_title.to_string()) nav=PanelNav::Close(Route::Map.href())>
            <LoginForm
                email=email
                password=password
                pending=Signal::stored(pending)
                failure=Signal::stored(failure)
                on_submit=Callback::new(|_| ())
            />
        </Panel>
    }
    .into_any()
}

fn empty_login(notice: Option<Notice>, check_error: Option<ApiError>) -> AnyView {
    let i18n = use_i18n();
    let notice = Signal::derive(move || notice.map(|n| n.text(i18n.t()).to_string()));
    let error = Signal::derive(move || {
        check_error.as_ref().map(|e| {
            format!(
                "{} {}",
                i18n.t().err_session_check,
                crate::errors::error_message(e, i18n.t())
            )
        })
    });
    view! {
        <Panel title=Signal::derive(move || i18n.t().osmand_account.to_string()) nav=PanelNav::Close(Route::Map.href())>
            <EmptyLogin login_href=Route::Login.href()>
                <InfoBanner message=notice/>
                <ErrorBanner message=error on_retry=Callback::new(|_| ())/>
            </EmptyLogin>
        </Panel>
    }
    .into_any()
}

fn home_lines(email: &str, used: Option<&str>, line: Option<&str>) -> AnyView {
    let row = |t: Option<&str>| t.map_or(RowLine::Loading, |t| RowLine::Ready(t.to_string()));
    let (used, line) = (row(used), row(line));
    view! {
        <AccountHome
            email=email.to_string()
            on_logout=Callback::new(|_| ())
            logging_out=Signal::stored(false)
            logout_error=Signal::stored(None::<String>)
            cloud_used=Signal::stored(used)
            purchases_line=Signal::stored(line)
        />
    }
    .into_any()
}

fn home(email: &str, logging_out: bool, error: Option<ApiError>) -> AnyView {
    let i18n = use_i18n();
    let email = email.to_string();
    let message = Signal::derive(move || {
        error
            .as_ref()
            .map(|e| crate::errors::error_message(e, i18n.t()))
    });
    view! {
        <AccountHome
            email=email
            on_logout=Callback::new(|_| ())
            logging_out=Signal::stored(logging_out)
            logout_error=message
            cloud_used=Signal::derive(move || RowLine::Ready(crate::i18n::format_size(1_468_006, i18n.locale())))
            purchases_line=Signal::derive(move || RowLine::Ready(format!("{} · OsmAnd Pro", i18n.t().purchases.active)))
        />
    }
    .into_any()
}

fn signup(setup: fn(&SignupState)) -> AnyView {
    let state = SignupState::new();
    setup(&state);
    view! { <CreateAccountPage state=state/> }.into_any()
}

fn code_step(s: &SignupState) {
    s.flow.email.set("ada@example.com".into());
    s.step.set(SignupStep::Code);
    s.flow.wear.set(CodeWear::sent(crate::browser::now_ms()));
}

fn reset(setup: fn(&ResetState)) -> AnyView {
    let state = ResetState::new();
    setup(&state);
    view! { <ResetPasswordPage state=state/> }.into_any()
}
