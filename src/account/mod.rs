//! The logged-in account panel.

pub mod backup;
pub mod cloud_page;
pub mod download;
pub mod download_dialog;
#[cfg(feature = "gallery")]
pub mod gallery;
pub mod home;
pub mod panel;
pub mod strings;
pub mod usage;

pub use cloud_page::CloudPage;
pub use home::AccountHome;
pub use panel::AccountPanel;
