//! The logged-in account panel.

pub mod cloud_page;
#[cfg(feature = "gallery")]
pub mod gallery;
pub mod home;
pub mod panel;

pub use cloud_page::CloudPage;
pub use home::AccountHome;
pub use panel::AccountPanel;
