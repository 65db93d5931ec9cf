//! `POST /mapapi/empty-trash`: request items and both answer forms (mapapi.md §9, §12a).

use super::lenient::null_default;
use serde::{Deserialize, Serialize};

/// One trash entry to delete for good: the tombstone's `updatetimems` as `updatetime`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TrashItem {
    /// File name.
    pub name: String,
    /// File type.
    pub r#type: String,
    /// The tombstone version (epoch ms).
    pub updatetime: i64,
}

/// The answer: `{"status":"ok"}` (current server) or the same with `summary` and `results`
/// (newer server).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EmptyTrashResult {
    /// `ok`.
    #[serde(deserialize_with = "null_default")]
    pub status: String,
    /// Counts (newer server only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<TrashSummary>,
    /// Per-file outcome (newer server only; empty otherwise).
    #[serde(
        deserialize_with = "null_default",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub results: Vec<TrashItemResult>,
}

impl EmptyTrashResult {
    /// Whether the server reported per-file outcomes.
    pub fn is_detailed(&self) -> bool {
        self.summary.is_some() || !self.results.is_empty()
    }

    /// Entries that were not deleted (skipped or failed); empty for the short form.
    pub fn problems(&self) -> impl Iterator<Item = &TrashItemResult> {
        self.results.iter().filter(|r| {
            matches!(
                r.status_kind(),
                TrashItemStatus::SkippedNotTrash | TrashItemStatus::Failed
            )
        })
    }
}

/// Counts of the newer empty-trash answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TrashSummary {
    /// Entries in the request.
    #[serde(deserialize_with = "null_default")]
    pub requested: i64,
    /// Deleted now.
    #[serde(deserialize_with = "null_default")]
    pub deleted: i64,
    /// Already gone (or duplicates).
    #[serde(deserialize_with = "null_default")]
    pub already_missing: i64,
    /// Not trash (the file is live again).
    #[serde(deserialize_with = "null_default")]
    pub skipped: i64,
    /// Errors.
    #[serde(deserialize_with = "null_default")]
    pub failed: i64,
}

/// One entry's outcome in the newer answer.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TrashItemResult {
    /// File name.
    #[serde(default, deserialize_with = "null_default")]
    pub name: String,
    /// File type.
    #[serde(default, deserialize_with = "null_default")]
    pub r#type: String,
    /// The requested version (epoch ms).
    #[serde(default, deserialize_with = "null_default")]
    pub updatetime: i64,
    /// `deleted`, `already_missing`, `skipped_not_trash` or `failed`.
    #[serde(default, deserialize_with = "null_default")]
    pub status: String,
    /// Error text, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl TrashItemResult {
    /// `status` as an enum.
    pub fn status_kind(&self) -> TrashItemStatus {
        match self.status.trim() {
            "deleted" => TrashItemStatus::Deleted,
            "already_missing" => TrashItemStatus::AlreadyMissing,
            "skipped_not_trash" => TrashItemStatus::SkippedNotTrash,
            "failed" => TrashItemStatus::Failed,
            _ => TrashItemStatus::Unknown,
        }
    }
}

/// A per-entry empty-trash outcome.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TrashItemStatus {
    /// Deleted now.
    Deleted,
    /// Already gone.
    AlreadyMissing,
    /// The newest version is live: not trash.
    SkippedNotTrash,
    /// An error; see `message`.
    Failed,
    /// Anything else.
    Unknown,
}
