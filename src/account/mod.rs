//! The logged-in account panel.

pub mod home;
pub mod panel;

pub use home::AccountHome;
pub use panel::AccountPanel;
