//! Gallery states of the account home's pages: OsmAnd Cloud info and the Download-all dialog.

use leptos::prelude::*;
use osmand_api::models::{ListFiles, UserFile};

use crate::account::backup::{BackupFormat, BackupTree, Download, Group, Selection};
use crate::account::cloud::{CloudData, CloudInfo};
use crate::account::download_dialog::DownloadDialog;
use crate::account::home::RowLine;
use crate::account::strings::AccountStrings;
use crate::account::AccountHome;
use crate::components::panel::PanelNav;
use crate::components::Panel;
use crate::gallery::Entry;
use crate::gallery::Note;
use crate::routes::Route;
use osmand_api::error::ApiError;

/// Designers' notes on this area's components (the gallery shows them beside the states).
pub const NOTES: &[Note] = &[
    Note {
        component: "cloud-info",
        about: "How much of the cloud is used, by what, and the backup download button.",
        used_in: "Account → My data → OsmAnd Cloud (/map/account/cloud)",
        reference: "S10 My data → OsmAnd Cloud",
        ids: &[
            "se-cloud-info",
            "cloud-info-total-files",
            "cloud-info-storage",
            "cloud-info-cloud-storage",
            "se-download-backup",
        ],
    },
    Note {
        component: "download-backup",
        about: "Choose what to back up, the format, then a download with byte progress.",
        used_in: "OsmAnd Cloud → Download backup",
        reference: "S11 Download backup dialog",
        ids: &[
            "se-download-backup-dialog",
            "se-download-backup-btn",
            "se-download-backup-progress",
            "se-osf-backup",
            "se-zip-backup",
        ],
    },
];

fn file(kind: &str, name: &str, size: i64) -> UserFile {
    UserFile {
        r#type: kind.into(),
        name: name.into(),
        filesize: size,
        zip_size: size * 2 / 5,
        ..UserFile::default()
    }
}

/// Files like the demo account's: tracks, favourites, settings, a few resources and maps.
fn files() -> Vec<UserFile> {
    vec![
        file("GPX", "Alps/Hike to Lake Oeschinen.gpx", 412_000),
        file("GPX", "Alps/Hike to Lake Oeschinen.gpx.info", 2_000),
        file("GPX", "Canal walk.gpx", 96_000),
        file("GPX", "<b>Bold</b> & <script>x</script>.gpx", 14_000),
        file("FAVOURITES", "favorites.gpx", 52_000),
        file("FAVOURITES", "favorites-Restaurants.gpx", 8_000),
        file("OSM_NOTES", "notes.json", 3_000),
        file("PROFILE", "car.json", 4_000),
        file("GLOBAL", "general_settings.json", 9_000),
        file("QUICK_ACTIONS", "quick_actions.json", 1_000),
        file("FILE", "rendering/Topo.render.xml", 120_000),
        file("FILE", "routing/bicycle.xml", 60_000),
        file("FILE", "Netherlands_europe.obf", 3_400_000),
        file("FILE", "srtm/N52E004.srtm.obf", 900_000),
    ]
}

fn list(files: Vec<UserFile>, max: Option<u64>) -> ListFiles {
    let live: Vec<&UserFile> = files.iter().filter(|f| f.filesize >= 0).collect();
    ListFiles {
        total_files: live.len() as i64,
        total_file_versions: live.len() as i64 * 3,
        total_file_size: live.iter().map(|f| f.filesize).sum(),
        total_zip_size: live.iter().map(|f| f.zip_size).sum(),
        maximum_account_size: max,
        unique_files: files,
        ..ListFiles::default()
    }
}

/// The page as the route shows it: the info inside the panel (its insets are the panel's).
fn info(files: Vec<UserFile>, max: Option<u64>) -> AnyView {
    let i18n = crate::i18n::use_i18n();
    let data = CloudData::from(&list(files, max), None);
    view! {
        <Panel title=Signal::derive(move || i18n.t().cloud_title.to_string()) nav=PanelNav::Back(Route::Account.href())>
            <CloudInfo data=data/>
        </Panel>
    }
    .into_any()
}

fn dialog(
    files: Vec<UserFile>,
    setup: fn(&BackupTree, &mut Selection),
    format: BackupFormat,
    expanded: Option<Group>,
    state: Download,
) -> AnyView {
    let tree = BackupTree::from_files(&files);
    let mut sel = tree.default_selection();
    setup(&tree, &mut sel);
    view! {
        <DownloadDialog
            open=Signal::stored(true)
            tree=StoredValue::new(tree)
            selection=RwSignal::new(sel)
            format=RwSignal::new(format)
            expanded=RwSignal::new(expanded)
            state=RwSignal::new(state)
            on_download=Callback::new(|_| ())
            on_cancel=Callback::new(|_| ())
            on_close=Callback::new(|_| ())
        />
    }
    .into_any()
}

fn defaults(_: &BackupTree, _: &mut Selection) {}

/// The account home when both second lines failed to load: each row says so, with a retry.
/// Listed with the other account-home states (`gallery/entries.rs`).
pub(crate) fn home_failed() -> AnyView {
    let i18n = crate::i18n::use_i18n();
    let failed = move |what: fn(&AccountStrings) -> &'static str| {
        Signal::derive(move || {
            let t = i18n.t();
            let reason =
                crate::errors::error_message(&ApiError::Network("Failed to fetch".into()), t);
            RowLine::Failed(format!("{} {reason}", what(t.account)))
        })
    };
    view! {
        <AccountHome
            email="demo@example.com".to_string()
            on_logout=Callback::new(|_| ())
            logging_out=Signal::stored(false)
            logout_error=Signal::stored(None::<String>)
            cloud_used=failed(|s| s.home_cloud_failed)
            purchases_line=failed(|s| s.home_purchases_failed)
            on_retry_cloud=Callback::new(|_| ())
            on_retry_purchases=Callback::new(|_| ())
        />
    }
    .into_any()
}

/// Every state of this area's components, for the designers' gallery.
pub fn entries() -> Vec<Entry> {
    vec![
        Entry {
            component: "cloud-info",
            state: "pro",
            render: || info(files(), Some(3_145_728_000)),
        },
        Entry {
            component: "cloud-info",
            state: "free-near-quota",
            render: || {
                info(
                    vec![
                        file("FAVOURITES", "favorites.gpx", 6_000_000),
                        file("PROFILE", "car.json", 4_000),
                        file("GLOBAL", "general_settings.json", 9_000),
                    ],
                    Some(5_242_880),
                )
            },
        },
        Entry {
            component: "cloud-info",
            state: "no-files",
            render: || info(vec![], Some(5_242_880)),
        },
        Entry {
            component: "cloud-info",
            state: "quota-unknown",
            render: || info(files(), None),
        },
        Entry {
            component: "download-backup",
            state: "default",
            render: || dialog(files(), defaults, BackupFormat::Osf, None, Download::Idle),
        },
        Entry {
            component: "download-backup",
            state: "group-open-mixed",
            render: || {
                dialog(
                    files(),
                    |_, sel| sel.toggle("FAVOURITES"),
                    BackupFormat::Zip,
                    Some(Group::MyPlaces),
                    Download::Idle,
                )
            },
        },
        Entry {
            component: "download-backup",
            state: "nothing-selected",
            render: || {
                dialog(
                    files(),
                    |_, sel| sel.0.clear(),
                    BackupFormat::Osf,
                    None,
                    Download::Idle,
                )
            },
        },
        Entry {
            component: "download-backup",
            state: "preparing",
            render: || {
                dialog(
                    files(),
                    defaults,
                    BackupFormat::Osf,
                    None,
                    Download::Preparing { secs: 42 },
                )
            },
        },
        Entry {
            component: "download-backup",
            state: "progress",
            render: || {
                dialog(
                    files(),
                    defaults,
                    BackupFormat::Zip,
                    None,
                    Download::Running {
                        received: 310_000,
                        total: Some(790_000),
                    },
                )
            },
        },
        Entry {
            component: "download-backup",
            state: "done",
            render: || {
                dialog(
                    files(),
                    defaults,
                    BackupFormat::Osf,
                    None,
                    Download::Done {
                        name: "Export_20-11-26.osf".into(),
                        size: 310_000,
                        unpacked: 779_000,
                    },
                )
            },
        },
        Entry {
            component: "download-backup",
            state: "cancelled",
            render: || {
                dialog(
                    files(),
                    defaults,
                    BackupFormat::Osf,
                    None,
                    Download::Cancelled,
                )
            },
        },
        Entry {
            component: "download-backup",
            state: "failed",
            render: || {
                dialog(
                    files(),
                    defaults,
                    BackupFormat::Osf,
                    None,
                    Download::Failed(crate::account::download::failure_text(
                        &osmand_api::error::ApiError::Network("connection dropped".into()),
                        crate::i18n::use_i18n(),
                    )),
                )
            },
        },
        Entry {
            component: "download-backup",
            state: "maps-included",
            render: || {
                dialog(
                    files(),
                    |t, sel| t.toggle_group(Group::Maps, sel),
                    BackupFormat::Osf,
                    Some(Group::Maps),
                    Download::Idle,
                )
            },
        },
        Entry {
            component: "download-backup",
            state: "empty",
            render: || dialog(vec![], defaults, BackupFormat::Osf, None, Download::Idle),
        },
    ]
}
