//! Payments and purchases (S12, S13).

pub mod card;
pub mod details;
#[cfg(feature = "gallery")]
pub mod gallery;
pub mod help;
pub mod help_strings;
pub mod list;
pub mod model;
pub mod strings;

pub use details::PurchasePage;
pub use help::HelpPage;
pub use list::PurchasesPage;
pub use model::home_summary;
