//! Logged-out screens: the empty state, login, sign-up and password reset.

pub mod cancel_link;
pub mod code_flow;
pub mod create_account;
pub mod empty_login;
#[cfg(feature = "gallery")]
pub mod gallery;
pub mod link_strings;
pub mod login;
pub mod login_form;
pub mod password_pair;
pub mod resend;
pub mod reset_password;
pub mod rules;

pub use create_account::CreateAccountPage;
pub use empty_login::EmptyLogin;
pub use login::LoginPage;
pub use login_form::{LoginFailure, LoginForm};
pub use reset_password::ResetPasswordPage;
