//! `GET /mapapi/list-files` and the file-version object (mapapi.md §5).

use super::lenient::null_default;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// The `UserFilesResults` answer. Gson omits `null` fields, so everything is defaulted.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ListFiles {
    /// Σ `zipSize` of the counted live versions.
    #[serde(deserialize_with = "null_default")]
    pub total_zip_size: i64,
    /// Σ `filesize` of the counted live versions.
    #[serde(deserialize_with = "null_default")]
    pub total_file_size: i64,
    /// Files whose newest version is live.
    #[serde(deserialize_with = "null_default")]
    pub total_files: i64,
    /// Live version rows.
    #[serde(deserialize_with = "null_default")]
    pub total_file_versions: i64,
    /// Newest version of every live file.
    #[serde(deserialize_with = "null_default")]
    pub unique_files: Vec<UserFile>,
    /// Every version incl. tombstones; only with `allVersions=true`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub all_files: Option<Vec<UserFile>>,
    /// Account id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub userid: Option<i64>,
    /// Quota in bytes (5 MB free, 3000 MB pro).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum_account_size: Option<u64>,
}

impl ListFiles {
    /// Σ `zipSize` of `uniqueFiles` (what the reference client calls `totalUniqueZipSize`).
    pub fn unique_zip_size(&self) -> i64 {
        self.unique_files.iter().map(|f| f.zip_size.max(0)).sum()
    }
}

/// One stored version of a file (`UserFileNoData`). A file is identified by (`type`, `name`);
/// a version by `updatetimems`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct UserFile {
    /// Account id.
    #[serde(default, deserialize_with = "null_default")]
    pub userid: i64,
    /// Row id.
    #[serde(default, deserialize_with = "null_default")]
    pub id: i64,
    /// Id of the device row that uploaded it.
    #[serde(default, deserialize_with = "null_default")]
    pub deviceid: i64,
    /// Uncompressed size; `-1` for a tombstone.
    #[serde(default, deserialize_with = "null_default")]
    pub filesize: i64,
    /// Stored (gzip) size; `-1` for a tombstone.
    #[serde(rename = "zipSize", default, deserialize_with = "null_default")]
    pub zip_size: i64,
    /// `GPX`, `FAVOURITES`, `FILE`, …
    pub r#type: String,
    /// Path-like name; `\r`/`\n` are encoded as `$0D`/`$0A` (see [`Self::display_name`]).
    pub name: String,
    /// Server-formatted date text; do not parse, use [`Self::updatetimems`].
    #[serde(default, deserialize_with = "null_default")]
    pub updatetime: String,
    /// Version key (epoch ms).
    pub updatetimems: i64,
    /// Client time text, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clienttime: Option<String>,
    /// Client time (epoch ms), `0` if unknown.
    #[serde(default, deserialize_with = "null_default")]
    pub clienttimems: i64,
    /// Storage id(s), e.g. `local`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage: Option<String>,
    /// Shortened storage name, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storagename: Option<String>,
    /// GPX analysis / metadata, free-form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub details: Option<super::RawJson>,
    /// `<brand>__model__<model>`, only on `allFiles` with `addDevices=true`.
    #[serde(
        rename = "deviceInfo",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub device_info: Option<String>,
}

/// A restored version, as `restore-file` answers it.
pub type RestoredFile = UserFile;

/// How a version row is labelled in the Changes list (reference client rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// A tombstone.
    Deleted,
    /// Server time equals client time (to the second).
    Added,
    /// Server time is later than client time.
    Modified,
    /// Neither.
    Unchanged,
}

impl UserFile {
    /// A deletion marker: `zipSize ≤ 0` (the client's rule) or `filesize == -1`.
    pub fn is_tombstone(&self) -> bool {
        self.zip_size <= 0 || self.filesize < 0
    }

    /// The uploading device as (brand, model), split from `brand__model__model`.
    pub fn device_label(&self) -> Option<(&str, &str)> {
        let info = self.device_info.as_deref()?;
        let (brand, model) = info.split_once("__model__").unwrap_or((info, ""));
        let (brand, model) = (brand.trim(), model.trim());
        (!brand.is_empty() || !model.is_empty()).then_some((brand, model))
    }

    /// The name with `$0D`/`$0A` decoded to `\r`/`\n`.
    pub fn display_name(&self) -> Cow<'_, str> {
        if self.name.contains("$0D") || self.name.contains("$0A") {
            Cow::Owned(self.name.replace("$0D", "\r").replace("$0A", "\n"))
        } else {
            Cow::Borrowed(&self.name)
        }
    }

    /// Companion metadata files (`….info`) that the reference client hides.
    pub fn is_info_file(&self) -> bool {
        self.name.ends_with(".info")
    }

    /// The Changes-list label: deleted, added, modified or none.
    pub fn change_kind(&self) -> ChangeKind {
        if self.is_tombstone() {
            ChangeKind::Deleted
        } else if rounded_secs(self.updatetimems) == rounded_secs(self.clienttimems) {
            ChangeKind::Added
        } else if self.updatetimems > self.clienttimems {
            ChangeKind::Modified
        } else {
            ChangeKind::Unchanged
        }
    }
}

fn rounded_secs(ms: i64) -> i64 {
    ms.saturating_add(500).div_euclid(1000)
}
