//! Danger zone: change e-mail and delete account (S7, S9).

pub mod change_email;
pub mod delete_account;
pub mod email_actions;
#[cfg(feature = "gallery")]
pub mod gallery;
pub mod rules;
pub mod strings;

pub use delete_account::DeleteAccountPage;
pub use email_actions::EmailActions;
