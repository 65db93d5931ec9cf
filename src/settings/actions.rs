//! The server calls behind Changes and Trash, each a [`Call`] whose answer lands in the list's
//! [`ListState`]: the load, and the row actions (download, restore, delete version with Undo,
//! delete now, empty trash).

use std::sync::Arc;

use leptos::prelude::*;
use osmand_api::client::{Downloaded, ListFilesQuery};
use osmand_api::error::ApiError;
use osmand_api::models::{EmptyTrashResult, TrashItem, UserFile};

use super::list::{tz, Ask, ListState, Load, Mode, Pending, UNDO_MS};
use super::model::{self, Item};
use crate::call::Call;
use crate::errors::error_message;
use crate::i18n::{fill, use_i18n, I18n};

/// `deviceInfo` of versions written by the web portal (brand "OsmAnd", model "Web").
const WEB_DEVICE: &str = "OsmAnd__model__Web";

/// What a confirmed action did.
#[derive(Clone)]
enum Confirmed {
    FileDeleted(Box<Item>),
    /// The requested entries, the answer, and the list read again afterwards (`None` when that
    /// read failed).
    TrashEmptied(Vec<Item>, EmptyTrashResult, Option<Vec<UserFile>>),
    /// Emptying the trash got no answer (none in 10 minutes, or the connection broke): the
    /// requested entries and the list read afterwards, which tells what the server did.
    TrashUnconfirmed(Vec<Item>, Vec<UserFile>),
}

/// The list's calls (a `Copy` handle, made once by the list).
#[derive(Clone, Copy)]
pub struct ListActions {
    state: ListState,
    load: Call<(), Vec<UserFile>>,
    download: Call<(Mode, Item), (Item, Downloaded)>,
    restore: Call<Item, (Item, UserFile)>,
    delete_version: Call<Item, Option<(Item, ApiError)>>,
    confirmed: Call<Ask, Confirmed>,
}

impl ListActions {
    pub fn new(state: ListState) -> Self {
        let i18n = use_i18n();
        let report = move |e: &ApiError| {
            state.busy.set(None);
            state.error.set(Some(error_message(e, i18n.t_untracked())));
        };
        let load = Call::new(|api, _: ()| async move {
            let list = api.list_files(&ListFilesQuery::history()).await?;
            Ok(list.all_files.unwrap_or(list.unique_files))
        })
        .on_ok(move |files: &Vec<UserFile>| {
            state
                .items
                .set(Arc::new(model::build_items(files.clone(), tz)));
            state.load.set(Load::Ready);
        })
        .on_err(move |e| {
            state
                .load
                .set(Load::Failed(error_message(e, i18n.t_untracked())))
        });
        let download = Call::new(|api, (mode, it): (Mode, Item)| async move {
            let f = &it.file;
            // A deleted file's content is the version before its tombstone.
            let got = if mode == Mode::Trash || f.is_tombstone() {
                api.download_file_from_prev_version(&f.name, &f.r#type, f.updatetimems)
                    .await?
            } else {
                api.download_file(&f.name, &f.r#type, Some(f.updatetimems))
                    .await?
            };
            Ok((it, got))
        })
        .on_ok(move |(it, got): &(Item, Downloaded)| {
            state.busy.set(None);
            // Master answers a version it no longer has with an empty 200.
            if got.bytes.is_empty() {
                state.error.set(Some(i18n.t().cloud.empty_download.into()));
            } else if save_bytes(&it.file.name, &got.bytes) {
                state
                    .notice
                    .set(Some(fill(i18n.t().cloud.downloaded, &[("name", &it.name)])));
            }
        })
        .on_err(move |e: &ApiError| {
            state.busy.set(None);
            state.error.set(Some(crate::errors::download_error_message(
                e,
                i18n.t_untracked(),
            )));
        });
        let restore = Call::new(|api, it: Item| async move {
            let f = &it.file;
            let new = api.restore_file(&f.name, &f.r#type, f.updatetimems).await?;
            Ok((it, new))
        })
        .on_ok(move |(it, new): &(Item, UserFile)| {
            state.busy.set(None);
            // The answer carries no device; the server files it under the web portal's device,
            // which a reload shows as "OsmAnd Web": show the same now.
            let mut new = new.clone();
            new.device_info = Some(WEB_DEVICE.to_string());
            let item = model::to_item(new, &tz);
            state.items.update(|v| *v = model::with_inserted(v, item));
            state
                .notice
                .set(Some(fill(i18n.t().cloud.restored, &[("name", &it.name)])));
        })
        .on_err(report);
        // Each delete is its own: every answer counts, and one sent as the list closes is not
        // aborted (the user was promised it). A refusal comes back with its row, which returns.
        let delete_version = Call::new(|api, it: Item| async move {
            let f = &it.file;
            match api
                .delete_file_version(&f.name, &f.r#type, f.updatetimems)
                .await
            {
                Ok(()) => Ok(None),
                Err(e) if e.is_session_end() => Err(e),
                Err(e) => Ok(Some((it, e))),
            }
        })
        .every_answer()
        .keep_on_leave()
        .on_ok(move |refused: &Option<(Item, ApiError)>| match refused {
            None => state
                .notice
                .set(Some(i18n.t().cloud.version_deleted.to_string())),
            Some((it, e)) => {
                state
                    .items
                    .update(|v| *v = model::with_inserted(v, it.clone()));
                state.error.set(Some(error_message(e, i18n.t_untracked())));
            }
        });
        let confirmed = Call::new(move |api, ask: Ask| async move {
            match ask {
                Ask::DeleteFile(it) => {
                    let f = &it.file;
                    api.delete_file_all_versions(&f.name, &f.r#type, f.updatetimems, true)
                        .await?;
                    Ok(Confirmed::FileDeleted(it))
                }
                Ask::EmptyTrash => {
                    let trash = model::trash_items(&state.items.get_untracked());
                    let req: Vec<TrashItem> = trash
                        .iter()
                        .map(|t| TrashItem {
                            name: t.file.name.clone(),
                            r#type: t.file.r#type.clone(),
                            updatetime: t.file.updatetimems,
                        })
                        .collect();
                    let answer = api.empty_trash(&req).await;
                    if let Err(e) = &answer {
                        if !e.answer_lost() {
                            return Err(e.clone());
                        }
                    }
                    // Master answers a bare "ok" whatever happened to each file, and a lost
                    // answer may hide work done: list the trash again to tell what is left.
                    let after = api
                        .list_files(&ListFilesQuery::history())
                        .await
                        .ok()
                        .map(|l| l.all_files.unwrap_or(l.unique_files));
                    match (answer, after) {
                        (Ok(res), after) => Ok(Confirmed::TrashEmptied(trash, res, after)),
                        (Err(_), Some(files)) => Ok(Confirmed::TrashUnconfirmed(trash, files)),
                        (Err(e), None) => Err(e),
                    }
                }
            }
        })
        .on_ok(move |done: &Confirmed| {
            state.ask_pending.set(false);
            match confirmed_text(state, done, i18n) {
                Ok(text) => {
                    state.ask.set(None);
                    state.notice.set(Some(text));
                }
                // Unconfirmed and not all gone: the dialog stays, to try again on what is left.
                Err(text) => state.ask_error.set(Some(text)),
            }
        })
        .on_err(move |e| {
            state.ask_pending.set(false);
            state
                .ask_error
                .set(Some(error_message(e, i18n.t_untracked())));
        });
        ListActions {
            state,
            load,
            download,
            restore,
            delete_version,
            confirmed,
        }
    }

    /// Loads (or reloads) the list.
    pub fn load(&self) {
        self.state.load.set(Load::Loading);
        self.load.dispatch(());
    }

    pub fn download(&self, mode: Mode, it: Item) {
        self.start_row(&it);
        self.download.dispatch((mode, it));
    }

    pub fn restore(&self, it: Item) {
        self.start_row(&it);
        self.restore.dispatch(it);
    }

    fn start_row(&self, it: &Item) {
        self.state.busy.set(Some(key(it)));
        self.state.error.set(None);
    }

    /// Delete version: the row goes at once, Undo is offered for [`UNDO_MS`], then the server is
    /// asked. A failure puts the row back with the reason.
    pub fn delete_with_undo(&self, it: Item) {
        self.flush_pending();
        let state = self.state;
        let f = &it.file;
        state
            .items
            .update(|v| *v = model::without_version(v, &f.r#type, &f.name, f.updatetimems));
        state.error.set(None);
        state.notice.set(None);
        let this = *self;
        let timer = leptos::leptos_dom::helpers::set_timeout_with_handle(
            move || this.flush_pending(),
            std::time::Duration::from_millis(UNDO_MS),
        )
        .ok();
        state.pending.set(Some(Pending { item: it, timer }));
    }

    /// Undo: the version comes back; the server was never asked.
    pub fn undo_delete(&self) {
        let state = self.state;
        let Some(p) = state.pending.get_untracked() else {
            return;
        };
        if let Some(t) = p.timer {
            t.clear();
        }
        state.pending.set(None);
        state.items.update(|v| *v = model::with_inserted(v, p.item));
    }

    /// Sends the waiting delete now (timer ran out, another delete, or the list is closing).
    pub fn flush_pending(&self) {
        let Some(Some(p)) = self.state.pending.try_get_untracked() else {
            return;
        };
        if let Some(t) = p.timer {
            t.clear();
        }
        self.state.pending.try_set(None);
        self.delete_version.dispatch(p.item);
    }

    /// Runs the confirmed action (Delete now, Empty trash).
    pub fn confirm(&self) {
        let Some(ask) = self.state.ask.get_untracked() else {
            return;
        };
        self.state.ask_pending.set(true);
        self.state.ask_error.set(None);
        self.confirmed.dispatch(ask);
    }
}

/// Applies a confirmed action to the list and says what it did; `Err` when an unconfirmed
/// Empty trash left files in the trash (said in the dialog, which stays open).
fn confirmed_text(state: ListState, done: &Confirmed, i18n: I18n) -> Result<String, String> {
    let text = match done {
        Confirmed::FileDeleted(it) => {
            let f = &it.file;
            state
                .items
                .update(|v| *v = model::without_file(v, &f.r#type, &f.name));
            fill(i18n.t().cloud.file_deleted, &[("name", &it.name)])
        }
        Confirmed::TrashUnconfirmed(trash, files) => {
            let items = model::build_items(files.clone(), tz);
            let (gone, left) = model::empty_trash_outcome(trash, &items);
            state.items.set(Arc::new(items));
            if !left.is_empty() {
                let names: Vec<&str> = left.iter().map(|l| l.name.as_str()).collect();
                let names = names.join(", ");
                return Err(fill(
                    i18n.t().cloud.empty_trash_unconfirmed,
                    &[("names", &names)],
                ));
            }
            emptied_text(i18n, gone.len() as i64, "", &[])
        }
        Confirmed::TrashEmptied(trash, _, Some(files)) => {
            let items = model::build_items(files.clone(), tz);
            let (gone, left) = model::empty_trash_outcome(trash, &items);
            state.items.set(Arc::new(items));
            let names: Vec<&str> = left.iter().map(|l| l.name.as_str()).collect();
            emptied_text(
                i18n,
                gone.len() as i64,
                i18n.t().cloud.empty_trash_left,
                &names,
            )
        }
        Confirmed::TrashEmptied(trash, res, None) => {
            let failed: Vec<String> = res.problems().map(|p| p.name.clone()).collect();
            let mut items = state.items.get_untracked();
            for t in trash {
                if !failed.contains(&t.file.name) {
                    items = model::without_file(&items, &t.file.r#type, &t.file.name);
                }
            }
            state.items.set(items);
            let deleted = res
                .summary
                .as_ref()
                .map_or((trash.len() - failed.len()) as i64, |s| s.deleted);
            let names: Vec<&str> = failed.iter().map(String::as_str).collect();
            emptied_text(i18n, deleted, i18n.t().cloud.empty_trash_failed, &names)
        }
    };
    Ok(text)
}

/// "N files deleted for good.", then `rest` naming the files still in the trash, if any.
fn emptied_text(i18n: I18n, deleted: i64, rest: &str, names: &[&str]) -> String {
    let files = crate::i18n::plural(i18n.t_untracked().files, deleted, i18n.locale_untracked());
    let mut msg = fill(i18n.t().cloud.empty_trash_done, &[("files", &files)]);
    if !names.is_empty() {
        msg.push(' ');
        msg.push_str(&fill(rest, &[("names", &names.join(", "))]));
    }
    msg
}

/// (type, name, updatetime): which row an action runs on.
pub fn key(it: &Item) -> (String, String, i64) {
    (
        it.file.r#type.clone(),
        it.file.name.clone(),
        it.file.updatetimems,
    )
}

/// Saves bytes under `name` via a Blob and a temporary `<a download>`.
fn save_bytes(name: &str, bytes: &[u8]) -> bool {
    let arr = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&arr);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence(&parts) else {
        return false;
    };
    crate::browser::save_blob(&model::save_name(name), &blob)
}
