//! The typed client: one async method per endpoint of mapapi.md §1 (rows 1–21), all going
//! through [`Client::send`] (transport, then [`classify`]).

mod auth;
mod build;
mod files;

pub use crate::http::parse_content_disposition_filename;
pub use auth::LINK_NOT_VALID;
pub use build::*;

use crate::error::ApiError;
use crate::http::{classify, HttpRequest, HttpResponse, Transport};

/// The API client over a [`Transport`]. Cheap to clone when the transport is.
#[derive(Debug, Clone, Default)]
pub struct Client<T: Transport> {
    transport: T,
}

impl<T: Transport> Client<T> {
    /// A client sending through `transport`.
    pub fn new(transport: T) -> Self {
        Client { transport }
    }

    /// The transport (e.g. to stream a download with progress).
    pub fn transport(&self) -> &T {
        &self.transport
    }

    /// The one send path: transport, then [`classify`]. `Ok` only for a 2xx answer.
    pub async fn send(&self, req: HttpRequest) -> Result<HttpResponse, ApiError> {
        classify(self.transport.send(req).await?)
    }
}

/// Which e-mail code `send-code` should send (`action=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodeAction {
    /// Set up a password (`setup`).
    Setup,
    /// Change the e-mail (`change`), code to the current address.
    Change,
    /// Delete the account (`delete`).
    Delete,
}

impl CodeAction {
    /// The query value.
    pub fn as_str(self) -> &'static str {
        match self {
            CodeAction::Setup => "setup",
            CodeAction::Change => "change",
            CodeAction::Delete => "delete",
        }
    }
}

/// The archive layout of `download-backup` (`format=`, also the file name suffix).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum BackupFormat {
    /// OsmAnd backup (`.osf`), the reference client's default.
    #[default]
    Osf,
    /// Plain zip with `<TYPE>/<name>` entries (`.zip`).
    Zip,
}

impl BackupFormat {
    /// The query value (`.osf` / `.zip`).
    pub fn as_str(self) -> &'static str {
        match self {
            BackupFormat::Osf => ".osf",
            BackupFormat::Zip => ".zip",
        }
    }
}

/// The `list-files` query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ListFilesQuery {
    /// Exact file name filter.
    pub name: Option<String>,
    /// Type filter (sent comma-separated); empty = all types.
    pub types: Vec<String>,
    /// Also return every version (`allFiles`).
    pub all_versions: bool,
    /// Add `deviceInfo` to `allFiles` (only with `all_versions`).
    pub add_devices: bool,
}

impl ListFilesQuery {
    /// Newest versions only (account summary, backup dialog).
    pub fn latest() -> Self {
        Self::default()
    }

    /// Every version with device info (Changes and Trash panels).
    pub fn history() -> Self {
        ListFilesQuery {
            all_versions: true,
            add_devices: true,
            ..Self::default()
        }
    }
}

/// A downloaded file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Downloaded {
    /// The bytes. The server answers a missing version with 200 and an empty body.
    pub bytes: Vec<u8>,
    /// The name from `Content-Disposition`, if any.
    pub filename: Option<String>,
}

impl Downloaded {
    fn from_response(resp: HttpResponse) -> Self {
        let filename = resp
            .content_disposition
            .as_deref()
            .and_then(parse_content_disposition_filename);
        Downloaded {
            bytes: resp.body,
            filename,
        }
    }
}
