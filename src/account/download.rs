//! Runs a backup download: a streamed `fetch` whose bytes drive the progress bar, an
//! `AbortController` behind Cancel, and the browser download under the server's file name.

use leptos::prelude::*;
use osmand_api::error::ApiError;

use crate::account::backup::{BackupFormat, Download};
use crate::account::strings::strings;
use crate::errors::error_message;
use crate::i18n::{fill, I18n};

/// Every backup (OSF or ZIP) is a zip archive: it starts with a local file header.
#[cfg(target_arch = "wasm32")]
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// The running request's canceller (browser only).
#[cfg(target_arch = "wasm32")]
pub type Canceller = StoredValue<Option<web_sys::AbortController>, LocalStorage>;
#[cfg(not(target_arch = "wasm32"))]
pub type Canceller = StoredValue<Option<()>, LocalStorage>;

pub fn canceller() -> Canceller {
    StoredValue::new_local(None)
}

/// Aborts the running download, if any (its task then reports `Cancelled`).
pub fn cancel(c: Canceller) {
    #[cfg(target_arch = "wasm32")]
    c.with_value(|ctrl| {
        if let Some(ctrl) = ctrl {
            ctrl.abort();
        }
    });
    #[cfg(not(target_arch = "wasm32"))]
    let _ = c;
}

/// The message for a failed download, in the user's language.
pub fn failure_text(err: &ApiError, i18n: I18n) -> String {
    let reason = error_message(err, i18n.t_untracked());
    fill(
        strings(i18n.locale_untracked()).failed,
        &[("reason", &reason)],
    )
}

/// `(day, month, year)` today in the browser's time zone.
fn today() -> (u32, u32, i32) {
    use chrono::Datelike;
    let now = crate::browser::now_ms();
    crate::i18n::format::local_datetime(now, crate::browser::tz_offset_minutes(now))
        .map(|d| (d.day(), d.month(), d.year()))
        .unwrap_or((1, 1, 1970))
}

/// Starts downloading the backup of `types` in `format`; `state` follows it to the end.
pub fn start(
    types: Vec<String>,
    format: BackupFormat,
    state: RwSignal<Download>,
    cancel_with: Canceller,
    i18n: I18n,
) {
    if state.get_untracked().is_running() {
        return;
    }
    state.set(Download::Running {
        received: 0,
        total: None,
    });
    let req = crate::ctx::use_api().download_backup_request(&types, format);
    let session = use_context::<crate::session::Session>();
    #[cfg(target_arch = "wasm32")]
    {
        let ctrl = web_sys::AbortController::new().ok();
        let signal = ctrl.as_ref().map(web_sys::AbortController::signal);
        cancel_with.set_value(ctrl);
        leptos::task::spawn_local(async move {
            let res = osmand_api::browser::fetch_streamed(
                req,
                signal.as_ref(),
                ZIP_MAGIC,
                |received, total| {
                    state.set(Download::Running { received, total });
                },
            )
            .await;
            cancel_with.set_value(None);
            let next = match res {
                Ok(body) => {
                    let name =
                        crate::account::backup::fallback_name(body.file_name, format, today());
                    if crate::browser::save_blob(&name, &body.blob) {
                        Download::Done {
                            name,
                            size: body.size,
                        }
                    } else {
                        Download::Failed(failure_text(
                            &ApiError::Network("the browser refused the download".into()),
                            i18n,
                        ))
                    }
                }
                Err(ApiError::Aborted) => Download::Cancelled,
                Err(e) => {
                    if session.is_some_and(|s| s.end_if_expired(&e)) {
                        Download::Idle
                    } else {
                        Download::Failed(failure_text(&e, i18n))
                    }
                }
            };
            state.set(next);
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        // No `fetch` natively: report it like a dropped connection.
        let _ = (req, session, cancel_with, today());
        state.set(Download::Failed(failure_text(
            &ApiError::Network("no browser".into()),
            i18n,
        )));
    }
}
