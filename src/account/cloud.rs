//! S10: My data → OsmAnd Cloud info: files, versions, storage and the quota.
//!
//! Each figure has one definition, shared by every screen that shows it (mapapi.md §5, the
//! server's `UserdataService.getUserFilesResults`):
//! - files: `totalFiles`, the newest version of every file that is not deleted (`.info`
//!   companions included); the backup dialog's files plus its left-out files add up to it;
//! - storage: `totalFileSize`, those files unpacked; the dialog's sizes are also unpacked;
//! - used: `totalZipSize`, those files compressed as stored, what the quota counts; the account
//!   home's OsmAnd Cloud row and the "What uses the space" bar show the same;
//! - quota: `maximumAccountSize`, which the server defines in megabytes (`3000 * MB`, `5 * MB`),
//!   so storage figures are given in megabytes ([`storage_text`], [`quota_text`]), never as
//!   "2.93 GB".

use leptos::prelude::*;
use osmand_api::client::ListFilesQuery;
use osmand_api::error::ApiError;
use osmand_api::models::{AccountInfo, ListFiles};

use crate::account::backup::{BackupFormat, BackupTree, Download, Group};
use crate::account::download::BackupDownload;
use crate::account::download_dialog::DownloadDialog;
use crate::account::usage::Usage;
use crate::call::Call;
use crate::components::panel::PanelNav;
use crate::components::{loaded_view, Panel};
use crate::i18n::format::{format_count, format_megabytes, format_size};
use crate::i18n::{fill, use_i18n, Locale};
use crate::routes::Route;

/// The figures shown, from `list-files` (latest versions) and the account's quota.
#[derive(Clone, Debug, PartialEq)]
pub struct CloudFigures {
    pub files: i64,
    pub versions: i64,
    pub storage: i64,
    pub used: i64,
    /// `None` when account info is missing: the quota line then says so instead of "null".
    pub quota: Option<u64>,
}

impl CloudFigures {
    /// Combines the two answers; the list's own `maximumAccountSize` stands in for account info.
    pub fn from(list: &ListFiles, info: Option<&AccountInfo>) -> Self {
        Self {
            files: list.total_files,
            versions: list.total_file_versions,
            storage: list.total_file_size,
            used: list.total_zip_size,
            quota: info
                .and_then(|i| i.max_account_size())
                .or(list.maximum_account_size),
        }
    }

    /// "12 (30 including versions)".
    pub fn files_text(&self, locale: Locale) -> String {
        fill(
            locale.strings().cloud_files_value,
            &[
                ("n", &format_count(self.files, locale)),
                ("m", &format_count(self.versions, locale)),
            ],
        )
    }

    /// "1.2 MB of 3000 MB" (or just the size when the quota is unknown).
    pub fn used_text(&self, locale: Locale) -> String {
        let used = storage_text(self.used, locale);
        match self.quota {
            Some(q) => fill(
                locale.strings().cloud_used_of,
                &[("used", &used), ("quota", &quota_text(q, locale))],
            ),
            None => used,
        }
    }

    /// Share of the quota in use, 0–100.
    pub fn percent(&self) -> Option<u8> {
        let q = self.quota.filter(|q| *q > 0)? as f64;
        Some(
            ((self.used.max(0) as f64 / q) * 100.0)
                .clamp(0.0, 100.0)
                .round() as u8,
        )
    }
}

/// A storage figure (used, storage, the account home's row): below 1 MB as [`format_size`]
/// gives it, from 1 MB on in megabytes with one decimal, the quota's unit ("2560.0 MB", not
/// "2.50 GB").
pub fn storage_text(bytes: i64, locale: Locale) -> String {
    if bytes < 1024 * 1024 {
        format_size(bytes, locale)
    } else {
        format_megabytes(bytes, 1, locale)
    }
}

/// The quota in the server's own unit: whole megabytes ("3000 MB", "5 MB").
pub fn quota_text(bytes: u64, locale: Locale) -> String {
    let bytes = i64::try_from(bytes).unwrap_or(i64::MAX);
    if bytes % (1024 * 1024) == 0 {
        format_megabytes(bytes, 0, locale)
    } else {
        storage_text(bytes, locale)
    }
}

/// Everything the page shows, computed once when the answers arrive.
#[derive(Clone, Debug)]
pub struct CloudData {
    pub figures: CloudFigures,
    pub usage: Usage,
    pub tree: BackupTree,
}

impl CloudData {
    pub fn from(list: &ListFiles, info: Option<&AccountInfo>) -> Self {
        CloudData {
            figures: CloudFigures::from(list, info),
            usage: Usage::from_files(&list.unique_files),
            tree: BackupTree::from_files(&list.unique_files),
        }
    }
}

/// `/map/account/cloud`.
#[component]
pub fn CloudPage() -> impl IntoView {
    let i18n = use_i18n();
    let data = Call::load(|api| async move {
        let list = api.list_files(&ListFilesQuery::latest()).await?;
        // The quota comes from account info; without it the list's own figure is used.
        let info = api.account_info().await.ok();
        Ok::<_, ApiError>(CloudData::from(&list, info.as_ref()))
    });
    let body = loaded_view(data, "se-cloud-error", |d| {
        view! { <CloudInfo data=d/> }.into_any()
    });
    view! {
        <Panel
            title=Signal::derive(move || i18n.t().cloud_title.to_string())
            nav=PanelNav::Back(Route::Account.href())
        >
            {body}
        </Panel>
    }
}

/// The figures, the usage bar and Download all (with its dialog).
#[component]
pub fn CloudInfo(data: CloudData) -> impl IntoView {
    let i18n = use_i18n();
    let CloudData {
        figures: f,
        usage,
        tree,
    } = data;
    let f2 = f.clone();
    let f3 = f.clone();
    let percent = f.percent();
    let no_files = f.files == 0 && usage.total == 0;
    view! {
        <ul class="list" id="se-cloud-info">
            <li class="list__row">
                <div class="list__text">
                    <span class="list__label">{move || i18n.t().cloud_total_files}</span>
                    <span class="list__value" id="cloud-info-total-files">{move || f.files_text(i18n.locale())}</span>
                </div>
            </li>
            <li class="list__row">
                <div class="list__text">
                    <span class="list__label">{move || i18n.t().cloud_storage}</span>
                    <span class="list__value" id="cloud-info-storage">{move || storage_text(f2.storage, i18n.locale())}</span>
                    <span class="list__sub" id="se-cloud-storage-hint">{move || i18n.t().account.storage_hint}</span>
                </div>
            </li>
            <li class="list__row">
                <div class="list__text">
                    <span class="list__label">{move || i18n.t().cloud_used}</span>
                    <span class="list__value" id="cloud-info-cloud-storage">{move || f3.used_text(i18n.locale())}</span>
                    <span class="list__sub" id="se-cloud-used-hint">{move || i18n.t().account.used_hint}</span>
                    {percent.map(|p| view! {
                        <span class="quota" role="progressbar" aria-valuemin="0" aria-valuemax="100"
                            aria-valuenow=p.to_string() aria-label=move || i18n.t().cloud_used>
                            <span class="quota__fill" style=format!("width: {p}%")></span>
                        </span>
                    })}
                </div>
            </li>
        </ul>
        {if no_files {
            view! { <p class="empty-state" id="se-cloud-empty">{move || i18n.t().account.no_files}</p> }.into_any()
        } else {
            view! { <UsageBar usage=usage/> }.into_any()
        }}
        <DownloadBackup tree=tree/>
    }
}

/// Storage used by kind: one stacked bar and a legend that says the same in words.
#[component]
pub fn UsageBar(usage: Usage) -> impl IntoView {
    let i18n = use_i18n();
    let u = usage.clone();
    let segments = usage
        .parts
        .iter()
        .map(|(kind, bytes)| {
            let width = usage.share_bp(*bytes);
            view! {
                <span class=format!("usage__seg usage__seg--{}", kind.slug())
                    style=format!("width: {}.{:02}%", width / 100, width % 100)></span>
            }
        })
        .collect_view();
    let legend = move || {
        let l = i18n.locale();
        u.parts
            .iter()
            .map(|(kind, bytes)| {
                let text = fill(
                    l.strings().account.usage_legend,
                    &[
                        ("kind", kind.label(l.strings().account)),
                        ("size", &format_size(*bytes, l)),
                        ("percent", &u.percent_text(*bytes)),
                    ],
                );
                view! {
                    <li class="usage__item" id=format!("se-cloud-usage-{}", kind.slug())>
                        <span class=format!("usage__dot usage__seg--{}", kind.slug()) aria-hidden="true"></span>
                        {text}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="usage" aria-labelledby="se-cloud-usage-title">
            <h2 class="usage__title" id="se-cloud-usage-title">{move || i18n.t().account.usage_title}</h2>
            <p class="usage__note" id="se-cloud-usage-note">{move || i18n.t().account.usage_note}</p>
            <div class="usage__bar" aria-hidden="true">{segments}</div>
            <ul class="usage__legend" id="se-cloud-usage">{legend}</ul>
        </section>
    }
}

/// The Download all button and its dialog, with the download's state.
#[component]
pub fn DownloadBackup(tree: BackupTree) -> impl IntoView {
    let i18n = use_i18n();
    let selection = RwSignal::new(tree.default_selection());
    let tree = StoredValue::new(tree);
    let open = RwSignal::new(false);
    let format = RwSignal::new(BackupFormat::Osf);
    let expanded = RwSignal::new(None::<Group>);
    let state = RwSignal::new(Download::Idle);
    let backup = BackupDownload::new(state);
    let run = Callback::new(move |_| {
        let (types, (_, unpacked)) = tree.with_value(|t| {
            selection.with_untracked(|sel| (t.selected_keys(sel), t.selected_totals(sel)))
        });
        backup.start(types, unpacked, format.get_untracked());
    });
    let close = Callback::new(move |_| {
        // Closing stops a running download: nothing half-saved stays behind.
        backup.cancel();
        open.set(false);
        if !state.get_untracked().is_running() {
            state.set(Download::Idle);
        }
    });
    view! {
        <div class="cloud-actions">
            <button type="button" class="btn" id="se-download-backup" on:click=move |_| {
                state.set(Download::Idle);
                open.set(true);
            }>
                {move || i18n.t().account.download_all}
            </button>
        </div>
        <DownloadDialog
            open=open
            tree=tree
            selection=selection
            format=format
            expanded=expanded
            state=state
            on_download=run
            on_cancel=Callback::new(move |_| backup.cancel())
            on_close=close
        />
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use osmand_api::models::UserFile;

    fn list(files: i64, versions: i64, zip: i64, max: Option<u64>) -> ListFiles {
        serde_json::from_value(serde_json::json!({
            "totalFiles": files, "totalFileVersions": versions, "totalZipSize": zip,
            "totalFileSize": zip * 3, "uniqueFiles": [], "maximumAccountSize": max,
        }))
        .unwrap()
    }

    #[test]
    fn figures_never_print_null() {
        let f = CloudFigures::from(&list(12, 30, 1_572_864, None), None);
        assert_eq!(f.files_text(Locale::En), "12 (30 including versions)");
        assert_eq!(f.used_text(Locale::En), "1.5 MB");
        assert_eq!(f.percent(), None);
        let f = CloudFigures::from(&list(1, 1, 2_621_440, Some(5_242_880)), None);
        assert_eq!(f.used_text(Locale::En), "2.5 MB of 5 MB");
        assert_eq!(f.used_text(Locale::Nl), "2,5 MB van 5 MB");
        assert_eq!(f.percent(), Some(50));
    }

    #[test]
    fn storage_figures_stay_in_the_quotas_megabytes() {
        // The Pro quota is 3000 MB on the server (`3000 * MB`): never "2.93 GB".
        let f = CloudFigures::from(&list(1, 1, 2_684_354_560, Some(3_145_728_000)), None);
        assert_eq!(f.used_text(Locale::En), "2560.0 MB of 3000 MB");
        assert_eq!(f.used_text(Locale::Nl), "2560,0 MB van 3000 MB");
        assert_eq!(storage_text(1_126, Locale::En), "1.1 KB");
        assert_eq!(storage_text(1_048_576, Locale::En), "1.0 MB");
        assert_eq!(quota_text(5_242_880, Locale::En), "5 MB");
        assert_eq!(quota_text(1_500_000, Locale::En), "1.4 MB");
        // Below 1 GB a storage figure reads as every other size on the page.
        for b in [0, 900, 4_505, 3_000_000, 1_073_741_823] {
            assert_eq!(storage_text(b, Locale::En), format_size(b, Locale::En));
        }
    }

    /// A list as the server builds it (newest non-deleted version of each file, with the totals
    /// of `getUserFilesResults`): tracks with a `.info` companion, a favourites file, a profile,
    /// a rendering style, a map, and a `FILE` of a kind the backup does not know.
    fn server_list() -> ListFiles {
        let files = serde_json::json!([
            {"type": "GPX", "name": "Alps/Hike.gpx", "filesize": 3072, "zipSize": 1126, "updatetimems": 9},
            {"type": "GPX", "name": "Alps/Hike.gpx.info", "filesize": 200, "zipSize": 150, "updatetimems": 9},
            {"type": "GPX", "name": "walk.gpx", "filesize": 1000, "zipSize": 400, "updatetimems": 8},
            {"type": "FAVOURITES", "name": "favorites.gpx", "filesize": 2048, "zipSize": 700, "updatetimems": 7},
            {"type": "PROFILE", "name": "car.json", "filesize": 500, "zipSize": 300, "updatetimems": 6},
            {"type": "FILE", "name": "rendering/Topo.render.xml", "filesize": 6000, "zipSize": 1500, "updatetimems": 5},
            {"type": "FILE", "name": "Luxembourg_europe.obf", "filesize": 90000, "zipSize": 88000, "updatetimems": 4},
            {"type": "FILE", "name": "odd/thing.bin", "filesize": 77, "zipSize": 70, "updatetimems": 3}
        ]);
        let unique: Vec<UserFile> = serde_json::from_value(files).unwrap();
        serde_json::from_value(serde_json::json!({
            "totalFiles": unique.len(),
            "totalFileVersions": 20,
            "totalFileSize": unique.iter().map(|f| f.filesize).sum::<i64>(),
            "totalZipSize": unique.iter().map(|f| f.zip_size).sum::<i64>(),
            "uniqueFiles": unique,
            "maximumAccountSize": 3_145_728_000u64,
        }))
        .unwrap()
    }

    #[test]
    fn the_screens_agree_on_the_same_files() {
        let data = CloudData::from(&server_list(), None);
        let (f, tree) = (&data.figures, &data.tree);
        // The bar splits exactly what "Cloud storage used" (and the home row) show.
        assert_eq!(data.usage.total, f.used);
        assert_eq!(data.usage.parts.iter().map(|(_, b)| b).sum::<i64>(), f.used);
        // Everything the dialog can select, plus what it says it leaves out, is "Total files"
        // and "Storage".
        let mut all = tree.default_selection();
        tree.toggle_group(Group::Maps, &mut all);
        let (files, bytes) = tree.selected_totals(&all);
        assert_eq!((tree.left_out, tree.left_out_size), (2, 277));
        assert_eq!(files + tree.left_out, f.files as usize);
        assert_eq!(bytes + tree.left_out_size, f.storage);
        // The tracks are 3.0 KB unpacked in the dialog and 1.5 KB compressed in the bar: two
        // figures, each labelled with what it counts.
        let gpx = tree
            .group(Group::MyPlaces)
            .and_then(|g| g.types.iter().find(|t| t.key == "GPX"))
            .map(|t| t.size);
        assert_eq!(gpx, Some(4072));
        assert_eq!(
            data.usage.parts.first(),
            Some(&(crate::account::usage::Kind::Tracks, 1676))
        );
    }
}
