//! The account panel: `/map/account/` (`page.rs`: the logged-out state or the home rows of
//! `home.rs`) and `/map/account/cloud` (`cloud.rs`: My data → OsmAnd Cloud, Download all).

pub mod backup;
pub mod cloud;
pub mod download;
pub mod download_dialog;
#[cfg(feature = "gallery")]
pub mod gallery;
pub mod home;
pub mod page;
pub mod strings;
pub mod usage;

pub use cloud::CloudPage;
pub use home::AccountHome;
pub use page::AccountPanel;
