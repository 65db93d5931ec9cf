//! Settings (`/map/settings/`) and its OsmAnd Cloud screens, Changes and Trash (S14–S16).
//!
//! | route | file |
//! | --- | --- |
//! | `/map/settings/` | `page.rs` |
//! | `/map/settings/cloud/changes` | `changes.rs` |
//! | `/map/settings/cloud/trash` | `trash.rs` |
//!
//! Both lists share `list.rs` (the page: status, filter, confirm), `rows.rs` (the windowed
//! list and a row with its menu) and `actions.rs` (the server calls behind the rows: load,
//! download, restore, delete with undo, delete now, empty trash). `model.rs` is the pure logic.

mod actions;
pub mod changes;
#[cfg(feature = "gallery")]
pub mod gallery;
pub mod list;
pub mod model;
pub mod page;
mod rows;
pub mod strings;
pub mod trash;

pub use changes::ChangesPage;
pub use list::{Ask, CloudList, ListState, Load, Mode, Pending, UNDO_MS};
pub use page::SettingsPage;
pub use trash::TrashPage;
