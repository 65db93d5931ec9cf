//! Gallery states of this area.

use leptos::prelude::*;
use osmand_api::models::UserFile;

use super::page::ProOffer;
use super::{Ask, CloudList, ListState, Load, Mode};
use crate::components::panel::PanelNav;
use crate::components::Panel;
use crate::gallery::Entry;
use crate::gallery::Note;
use crate::routes::Route;

/// Designers' notes on this area's components (the gallery shows them beside the states).
pub const NOTES: &[Note] = &[
    Note {
        component: "settings",
        about: "Settings with the OsmAnd Cloud section; a free account sees what Pro adds.",
        used_in: "Main menu → Settings (/map/settings/)",
        reference: "S14 Settings → OsmAnd Cloud section",
        ids: &[
            "se-cloud-pro-offers",
            "se-cloud-pro-link",
            "se-settings-error",
        ],
    },
    Note {
        component: "cloud-changes",
        about: "Every stored version, newest first, by month: download, restore, delete a version.",
        used_in: "Settings → OsmAnd Cloud → Changes (/map/settings/cloud/changes)",
        reference: "S15 Changes",
        ids: &[
            "se-cloud-filter",
            "se-cloud_change-<name>-<kind>",
            "se-cloud-changes-actions-<name>",
            "se-changes-actions",
            "se-empty-changes",
            "se-cloud-undo",
        ],
    },
    Note {
        component: "cloud-trash",
        about: "Deleted files: restore, download or delete for good; empty the trash.",
        used_in: "Settings → OsmAnd Cloud → Trash (/map/settings/cloud/trash)",
        reference: "S16 Trash",
        ids: &[
            "se-cloud-trash-actions-<name>-1",
            "se-trash-actions",
            "se-empty-trash-page",
            "se-delete-version-dialog",
            "se-delete-trash-dialog",
        ],
    },
];

const NOW_ISH: i64 = 1_763_800_000_000;

fn v(kind: &str, name: &str, ago_h: i64, tomb: bool, dev: Option<&str>) -> UserFile {
    let t = NOW_ISH - ago_h * 3_600_000;
    UserFile {
        r#type: kind.into(),
        name: name.into(),
        updatetimems: t,
        clienttimems: if ago_h % 2 == 0 { t } else { t - 60_000 },
        filesize: if tomb { -1 } else { 1200 },
        zip_size: if tomb { -1 } else { 600 },
        device_info: dev.map(String::from),
        ..UserFile::default()
    }
}

fn sample() -> Vec<UserFile> {
    vec![
        v("GPX", "Alps/Hike to Lake Oeschinen.gpx", 2, false, Some("Apple__model__iPhone15,2")),
        v("GPX", "Alps/Hike to Lake Oeschinen.gpx", 30, false, Some("samsung__model__SM-S918B")),
        v("GPX", "Canal walk.gpx", 5, true, Some("Google__model__Pixel 8")),
        v("FAVOURITES", "favorites.gpx", 800, false, None),
        v("GPX", "Line$0Abreak and a very long name that does not fit into one row of the panel at all.gpx", 900, false, Some("<script>alert(1)</script>__model__<b>x</b>")),
        v("WEIRD", "<img src=x onerror=alert(1)>.dat", 1900, false, Some("Acme__model__")),
        v("FILE", "Netherlands.obf", 2000, false, Some("Google__model__Pixel 8")),
    ]
}

/// The sample trash with the Empty trash confirmation open.
fn confirming_empty() -> ListState {
    let s = ListState::with_files(sample());
    s.ask.set(Some(Ask::EmptyTrash));
    s
}

fn list(mode: Mode, state: ListState) -> AnyView {
    view! { <CloudList mode=mode state=state/> }.into_any()
}

/// Every state of this area's components, for the designers' gallery.
pub fn entries() -> Vec<Entry> {
    vec![
        Entry {
            component: "cloud-changes",
            state: "rows",
            render: || list(Mode::Changes, ListState::with_files(sample())),
        },
        Entry {
            component: "cloud-changes",
            state: "loading",
            render: || list(Mode::Changes, ListState::new()),
        },
        Entry {
            component: "cloud-changes",
            state: "error",
            render: || {
                let s = ListState::new();
                s.load.set(Load::Failed(
                    "The server could not be reached. Check your connection and try again.".into(),
                ));
                list(Mode::Changes, s)
            },
        },
        Entry {
            component: "cloud-changes",
            state: "empty",
            render: || list(Mode::Changes, ListState::with_files(vec![])),
        },
        Entry {
            component: "cloud-changes",
            state: "action-failed",
            render: || {
                let s = ListState::with_files(sample());
                s.error.set(Some("File is not deleted".into()));
                list(Mode::Changes, s)
            },
        },
        Entry {
            component: "cloud-changes",
            state: "undo-delete-version",
            render: || {
                let s = ListState::with_files(sample());
                let first = s.items.get_untracked().first().cloned();
                if let Some(f) = first.as_ref().map(|it| it.file.clone()) {
                    s.items.update(|v| {
                        *v = super::model::without_version(v, &f.r#type, &f.name, f.updatetimems)
                    });
                }
                s.pending
                    .set(first.map(|item| super::Pending { item, timer: None }));
                list(Mode::Changes, s)
            },
        },
        Entry {
            component: "cloud-trash",
            state: "rows",
            render: || list(Mode::Trash, ListState::with_files(sample())),
        },
        Entry {
            component: "cloud-trash",
            state: "empty",
            render: || list(Mode::Trash, ListState::with_files(vec![])),
        },
        Entry {
            component: "cloud-trash",
            state: "confirm-empty",
            render: || list(Mode::Trash, confirming_empty()),
        },
        Entry {
            component: "cloud-trash",
            state: "empty-answer-lost",
            render: || {
                let s = confirming_empty();
                let i18n = crate::i18n::use_i18n();
                s.ask_error.set(Some(crate::i18n::fill(
                    i18n.t_untracked().cloud.empty_trash_unconfirmed,
                    &[("names", "Canal walk.gpx")],
                )));
                list(Mode::Trash, s)
            },
        },
        Entry {
            component: "cloud-trash",
            state: "left-after-empty",
            render: || {
                let s = ListState::with_files(vec![v(
                    "GPX",
                    "Canal walk.gpx",
                    1,
                    true,
                    Some("OsmAnd__model__Web"),
                )]);
                s.notice.set(Some(
                    "1 file deleted for good. Still in the trash: Canal walk.gpx".into(),
                ));
                list(Mode::Trash, s)
            },
        },
        Entry {
            component: "cloud-changes",
            state: "version-gone",
            render: || {
                let s = ListState::with_files(sample());
                s.error
                    .set(Some("This version is no longer available.".into()));
                list(Mode::Changes, s)
            },
        },
        Entry {
            component: "cloud-trash",
            state: "emptied-with-failures",
            render: || {
                let s = ListState::with_files(sample());
                s.notice.set(Some(
                    "2 deleted for good. Not deleted: Canal walk.gpx".into(),
                ));
                list(Mode::Trash, s)
            },
        },
        Entry {
            component: "settings",
            state: "free-account",
            render: || {
                let i18n = crate::i18n::use_i18n();
                view! {
                    <Panel title=Signal::derive(move || i18n.t().cloud.settings.to_string())
                        nav=PanelNav::Close(Route::Map.href())>
                        <ProOffer/>
                    </Panel>
                }
                .into_any()
            },
        },
    ]
}
