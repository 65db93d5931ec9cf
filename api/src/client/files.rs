//! Session endpoints: account info, files, versions, trash, backup (mapapi.md §5–§9).

use super::build::*;
use super::{BackupFormat, Client, Downloaded, ListFilesQuery};
use crate::error::ApiError;
use crate::http::{decode_json_object, expect_status_ok, HttpRequest, Transport};
use crate::models::{AccountInfo, EmptyTrashResult, ListFiles, TrashItem, UserFile};

impl<T: Transport> Client<T> {
    /// Plan, quota and purchases.
    pub async fn account_info(&self) -> Result<AccountInfo, ApiError> {
        decode_json_object(&self.send(build_account_info()).await?)
    }

    /// Files (and with [`ListFilesQuery::all_versions`] every version).
    pub async fn list_files(&self, query: &ListFilesQuery) -> Result<ListFiles, ApiError> {
        decode_json_object(&self.send(build_list_files(query)).await?)
    }

    /// The backup request, for callers that stream the answer themselves (progress); pass the
    /// answer through [`crate::http::classify`].
    pub fn download_backup_request(&self, types: &[String], format: BackupFormat) -> HttpRequest {
        build_download_backup(types, format)
    }

    /// Downloads the whole backup archive in one go.
    pub async fn download_backup(
        &self,
        types: &[String],
        format: BackupFormat,
    ) -> Result<Downloaded, ApiError> {
        let resp = self.send(build_download_backup(types, format)).await?;
        Ok(Downloaded::from_response(resp))
    }

    /// One version of a file (`None` = newest). A missing version gives empty bytes.
    pub async fn download_file(
        &self,
        name: &str,
        file_type: &str,
        updatetime: Option<i64>,
    ) -> Result<Downloaded, ApiError> {
        let resp = self
            .send(build_download_file(name, file_type, updatetime))
            .await?;
        Ok(Downloaded::from_response(resp))
    }

    /// The newest version older than `updatetime` (how a deleted file is downloaded).
    pub async fn download_file_from_prev_version(
        &self,
        name: &str,
        file_type: &str,
        updatetime: i64,
    ) -> Result<Downloaded, ApiError> {
        let req = build_download_file_from_prev_version(name, file_type, updatetime);
        Ok(Downloaded::from_response(self.send(req).await?))
    }

    /// Removes exactly one version.
    pub async fn delete_file_version(
        &self,
        name: &str,
        file_type: &str,
        updatetime: i64,
    ) -> Result<(), ApiError> {
        let req = build_delete_file_version(name, file_type, updatetime);
        expect_status_ok(&self.send(req).await?)
    }

    /// Moves a file to the trash (adds a tombstone version).
    pub async fn delete_file(&self, name: &str, file_type: &str) -> Result<(), ApiError> {
        expect_status_ok(&self.send(build_delete_file(name, file_type)).await?)
    }

    /// Deletes every version (Trash "delete immediately" with `is_trash`).
    pub async fn delete_file_all_versions(
        &self,
        name: &str,
        file_type: &str,
        updatetime: i64,
        is_trash: bool,
    ) -> Result<(), ApiError> {
        let req = build_delete_file_all_versions(name, file_type, updatetime, is_trash);
        expect_status_ok(&self.send(req).await?)
    }

    /// Restores the version before the tombstone at `updatetime`; returns the new version.
    pub async fn restore_file(
        &self,
        name: &str,
        file_type: &str,
        updatetime: i64,
    ) -> Result<UserFile, ApiError> {
        decode_json_object(
            &self
                .send(build_restore_file(name, file_type, updatetime))
                .await?,
        )
    }

    /// Deletes all given trash entries; short or detailed answer.
    pub async fn empty_trash(&self, items: &[TrashItem]) -> Result<EmptyTrashResult, ApiError> {
        let resp = self.send(build_empty_trash(items)).await?;
        expect_status_ok(&resp)?;
        decode_json_object(&resp)
    }
}
