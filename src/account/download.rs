//! Runs a backup download: a streamed `fetch` whose bytes drive the progress bar, the call's
//! abort behind Cancel, and the browser download under the server's file name.

use leptos::prelude::*;
use osmand_api::error::ApiError;

use crate::account::backup::{BackupFormat, Download};
use crate::call::Call;
use crate::ctx::ApiClient;
use crate::errors::error_message;
use crate::i18n::{fill, use_i18n, I18n};

/// Every backup (OSF or ZIP) is a zip archive: it starts with a local file header.
#[cfg(target_arch = "wasm32")]
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// The message for a failed download, in the user's language.
pub fn failure_text(err: &ApiError, i18n: I18n) -> String {
    let reason = error_message(err, i18n.t_untracked());
    fill(i18n.t_untracked().account.failed, &[("reason", &reason)])
}

/// `(day, month, year)` today in the browser's time zone.
fn today() -> (u32, u32, i32) {
    use chrono::Datelike;
    let now = crate::browser::now_ms();
    crate::i18n::format::local_datetime(now, crate::browser::tz_offset_minutes(now))
        .map(|d| (d.day(), d.month(), d.year()))
        .unwrap_or((1, 1, 1970))
}

/// Whole seconds from `from_ms` to `now_ms` (0 when the clock went back).
pub fn elapsed_secs(from_ms: i64, now_ms: i64) -> u64 {
    u64::try_from(now_ms.saturating_sub(from_ms) / 1000).unwrap_or(0)
}

/// The backup download of one dialog: a [`Call`] whose progress and end land in `state`.
#[derive(Clone, Copy)]
pub struct BackupDownload {
    call: Call<(Vec<String>, BackupFormat), (String, u64)>,
    state: RwSignal<Download>,
    /// The unpacked size the Download button showed for the running download.
    unpacked: StoredValue<u64>,
}

impl BackupDownload {
    /// A download whose state is `state`.
    pub fn new(state: RwSignal<Download>) -> Self {
        let i18n = use_i18n();
        let unpacked = StoredValue::new(0u64);
        let call = Call::new(move |api, (types, format): (Vec<String>, BackupFormat)| {
            fetch_and_save(api, types, format, state)
        })
        .on_ok(move |(name, size)| {
            state.set(Download::Done {
                name: name.clone(),
                size: *size,
                unpacked: unpacked.get_value(),
            })
        })
        .on_err(move |e| {
            state.set(match e {
                ApiError::Aborted => Download::Cancelled,
                e => Download::Failed(failure_text(e, i18n)),
            })
        });
        BackupDownload {
            call,
            state,
            unpacked,
        }
    }

    /// Starts downloading the backup of `types` (`unpacked` bytes of files) in `format` (not
    /// while one runs).
    pub fn start(&self, types: Vec<String>, unpacked: i64, format: BackupFormat) {
        if self.state.get_untracked().is_running() {
            return;
        }
        self.unpacked
            .set_value(u64::try_from(unpacked).unwrap_or_default());
        self.state.set(Download::Preparing { secs: 0 });
        self.tick_while_preparing(crate::browser::now_ms());
        self.call.dispatch((types, format));
    }

    /// Counts the seconds of the wait for the first byte (every second, until it ends).
    fn tick_while_preparing(&self, started_ms: i64) {
        let state = self.state;
        let timer = StoredValue::new_local(None::<leptos::leptos_dom::helpers::IntervalHandle>);
        let handle = leptos::leptos_dom::helpers::set_interval_with_handle(
            move || {
                let waiting = state
                    .try_update(|d| match d {
                        Download::Preparing { secs } => {
                            *secs = elapsed_secs(started_ms, crate::browser::now_ms());
                            true
                        }
                        _ => false,
                    })
                    .unwrap_or(false);
                if !waiting {
                    if let Some(Some(h)) = timer.try_get_value() {
                        h.clear();
                    }
                }
            },
            std::time::Duration::from_millis(1000),
        )
        .ok();
        timer.set_value(handle);
    }

    /// Cancel: aborts the running download (it then ends as `Cancelled`).
    pub fn cancel(&self) {
        self.call.abort();
    }
}

/// Streams the archive (progress into `state`) and hands it to the browser: `(name, size)`.
async fn fetch_and_save(
    api: ApiClient,
    types: Vec<String>,
    format: BackupFormat,
    state: RwSignal<Download>,
) -> Result<(String, u64), ApiError> {
    let req = api.download_backup_request(&types, format);
    #[cfg(target_arch = "wasm32")]
    {
        let signal = match api.transport() {
            crate::ctx::AppTransport::Browser(t) => t.abort_signal().cloned(),
            crate::ctx::AppTransport::Mock(_) => None,
        };
        let body = osmand_api::browser::fetch_streamed(
            req,
            signal.as_ref(),
            // No deadline for the first byte: the server builds the whole archive first (the
            // dialog shows the wait, Cancel ends it).
            None,
            ZIP_MAGIC,
            |received, total| {
                state.try_set(Download::Running { received, total });
            },
        )
        .await?;
        let name = crate::account::backup::fallback_name(body.file_name, format, today());
        if crate::browser::save_blob(&name, &body.blob) {
            Ok((name, body.size))
        } else {
            Err(ApiError::Network("the browser refused the download".into()))
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        // No `fetch` natively: report it like a dropped connection.
        let _ = (req, state, today());
        Err(ApiError::Network("no browser".into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elapsed_seconds_are_whole_and_never_negative() {
        assert_eq!(elapsed_secs(1000, 43_999), 42);
        assert_eq!(elapsed_secs(5000, 1000), 0);
    }
}
