//! Shared building blocks: one panel, one field, one banner, one dialog, one confirm.

pub mod banner;
pub mod confirm;
pub mod dialog;
pub mod field;
pub mod focus;
pub mod icons;
pub mod lang_switch;
pub mod loaded;
pub mod menu;
pub mod panel;
pub mod spinner;

pub use banner::{ErrorBanner, InfoBanner};
pub use confirm::Confirm;
pub use dialog::Dialog;
pub use field::TextField;
pub use lang_switch::LangSwitch;
pub use loaded::loaded_view;
pub use menu::{ActionMenu, MenuItem};
pub use panel::Panel;
pub use spinner::Spinner;
