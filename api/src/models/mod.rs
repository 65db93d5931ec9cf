//! Serde models of the account API, with the server's exact JSON field names.

mod account;
mod auth;
mod files;
pub(crate) mod lenient;
mod purchases;
mod trash;

pub use account::AccountInfo;
pub use auth::AuthInfo;
pub use files::{ChangeKind, ListFiles, RestoredFile, UserFile};
pub use lenient::RawJson;
pub use purchases::{InAppPurchase, Subscription, SubscriptionState};
pub use trash::{EmptyTrashResult, TrashItem, TrashItemResult, TrashItemStatus, TrashSummary};
