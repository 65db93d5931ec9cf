//! One row of Changes or Trash: icon, name, kind, time and device, and its action menu.

use leptos::prelude::*;
use osmand_api::models::ChangeKind;

use super::actions::{key, ListActions};
use super::list::{tz, Ask, ListState, Mode};
use super::model::{self, Item};
use crate::components::{ActionMenu, MenuItem};
use crate::i18n::format::format_change_time;
use crate::i18n::{fill, use_i18n};

/// One version (Changes) or one deleted file (Trash).
#[component]
pub fn ItemRow(
    mode: Mode,
    state: ListState,
    actions: ListActions,
    item: Item,
    top: String,
    /// Position in the flat list: where the focus keeper moves on from when the row goes.
    pos: usize,
) -> impl IntoView {
    let i18n = use_i18n();
    let k = key(&item);
    let k2 = k.clone();
    let busy = Signal::derive(move || state.busy.get().as_ref() == Some(&k2));
    let any_busy = Signal::derive(move || state.busy.get().is_some());
    let kind = item.kind;
    let ms = item.file.updatetimems;
    let is_map = model::is_map_file(&item.file);
    let type_class = format!(
        "cloud-icon cloud-icon--{}",
        match item.file.r#type.as_str() {
            "GPX" => "gpx",
            "FAVOURITES" => "fav",
            "PROFILE" | "OSMAND_SETTINGS" => "settings",
            "FILE" => "file",
            _ => "other",
        }
    );
    let type_letter = model::type_letter(&item.file);
    let device = item.device.clone();
    let name = item.name.clone();
    let suite_name = model::suite_name(&item.name);
    let mut items = Vec::new();
    {
        let it = item.clone();
        items.push(MenuItem {
            id: match mode {
                Mode::Changes => "se-changes-actions-download".to_string(),
                Mode::Trash => "se-trash-actions-download".to_string(),
            },
            // A map can't be downloaded here: the item says why instead of only greying out.
            label: Signal::derive(move || {
                if is_map {
                    i18n.t().cloud.download_map_unavailable.to_string()
                } else {
                    i18n.t().cloud.download.to_string()
                }
            }),
            // A deletion row downloads the version before it (what was deleted).
            disabled: Signal::derive(move || is_map || any_busy.get()),
            on_select: Callback::new(move |_| actions.download(mode, it.clone())),
        });
    }
    // Restore only where it can work: not on a deletion a newer version has already undone,
    // and only for what the server can restore (GPX documents).
    let deletion = mode == Mode::Trash
        || (kind == ChangeKind::Deleted
            && !state
                .items
                .with_untracked(|v| model::already_restored(v, &item.file)));
    let restorable = model::can_restore(&item.file);
    if deletion && !restorable {
        // The server would refuse (`Error restore file`): say why instead of offering it.
        items.push(MenuItem {
            id: match mode {
                Mode::Changes => "se-changes-actions-no-restore".to_string(),
                Mode::Trash => "se-trash-actions-no-restore".to_string(),
            },
            label: Signal::derive(move || i18n.t().cloud.no_restore.to_string()),
            disabled: Signal::stored(true),
            on_select: Callback::new(|_| ()),
        });
    }
    if deletion && restorable {
        let it = item.clone();
        items.push(MenuItem {
            id: match mode {
                Mode::Changes => "se-changes-actions-restore".to_string(),
                Mode::Trash => "se-trash-actions-restore".to_string(),
            },
            label: Signal::derive(move || match mode {
                Mode::Changes => i18n.t().cloud.restore.to_string(),
                Mode::Trash => i18n.t().cloud.restore_from_trash.to_string(),
            }),
            disabled: any_busy,
            on_select: Callback::new(move |_| actions.restore(it.clone())),
        });
    }
    {
        let it = item.clone();
        let trash = mode == Mode::Trash;
        items.push(MenuItem {
            id: if trash {
                "se-trash-actions-delete".to_string()
            } else {
                "se-changes-actions-delete".to_string()
            },
            label: Signal::derive(move || {
                if trash {
                    i18n.t().cloud.delete_now.to_string()
                } else {
                    i18n.t().cloud.delete_version.to_string()
                }
            }),
            disabled: any_busy,
            on_select: Callback::new(move |_| {
                if trash {
                    state.ask_error.set(None);
                    state.ask.set(Some(Ask::DeleteFile(Box::new(it.clone()))));
                } else {
                    actions.delete_with_undo(it.clone());
                }
            }),
        });
    }
    let label_name = name.clone();
    // The reference's ids (OsmAnd's browser suite): the row by name without extension and the
    // English kind, its ⋮ by name; several rows may share them (the suite takes the first, the
    // newest).
    let (row_id, menu_button_id, menu_id) = match mode {
        Mode::Changes => (
            format!("se-cloud_change-{suite_name}-{}", kind_word(kind)),
            format!("se-cloud-changes-actions-{suite_name}"),
            "se-changes-actions",
        ),
        Mode::Trash => (
            format!("se-cloud-trash-{suite_name}-1"),
            format!("se-cloud-trash-actions-{suite_name}-1"),
            "se-trash-actions",
        ),
    };
    view! {
        <div class="cloud-row" role="listitem" id=row_id style:top=top aria-busy=move || busy.get().to_string()
            data-focus-row=pos.to_string() data-focus-key=format!("{}|{}|{ms}", item.file.r#type, item.file.name)>
            <span class=type_class aria-hidden="true">{type_letter}</span>
            <div class="cloud-row__main">
                <span class="cloud-row__name" title=name.clone()>{model::one_line(&name)}</span>
                <span class="cloud-row__meta">
                    <span class=kind_class(kind)>{move || match kind {
                        ChangeKind::Deleted => i18n.t().cloud.deleted,
                        ChangeKind::Added => i18n.t().cloud.added,
                        _ => i18n.t().cloud.modified,
                    }}</span>
                    " · "
                    <span class="cloud-row__time">{move || format_change_time(ms, crate::browser::now_ms(), tz(ms), i18n.locale()).unwrap_or_default()}</span>
                </span>
                <span class="cloud-row__meta cloud-row__device">{move || device.clone().unwrap_or_else(|| i18n.t().cloud.unknown_device.to_string())}</span>
            </div>
            {move || busy.get().then(|| view! { <span class="cloud-row__busy">{move || i18n.t().cloud.working}</span> })}
            <ActionMenu
                id=menu_button_id
                menu_id=menu_id
                label=Signal::derive(move || fill(i18n.t().cloud.actions_for, &[("name", &label_name)]))
                items=items
                disabled=busy
            />
        </div>
    }
}

/// The kind in English, whatever the UI language (the reference's row ids).
fn kind_word(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Deleted => "Deleted",
        ChangeKind::Added => "Added",
        ChangeKind::Modified => "Modified",
        ChangeKind::Unchanged => "Unchanged",
    }
}

/// The label's classes for a version's kind (fixed per row).
fn kind_class(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Deleted => "cloud-kind cloud-kind--deleted",
        ChangeKind::Added => "cloud-kind cloud-kind--added",
        ChangeKind::Modified => "cloud-kind cloud-kind--modified",
        ChangeKind::Unchanged => "cloud-kind cloud-kind--unchanged",
    }
}
