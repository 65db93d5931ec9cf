//! S11: the Download-all dialog — category tree with group and type checkboxes, ZIP/OSF, the
//! size and time estimate, real progress, Cancel, and the result or a retryable error.

use leptos::prelude::*;

use crate::account::backup::{estimate_secs, BackupFormat, BackupTree, Check, Download, Group};
use crate::account::strings::{type_name, AccountStrings};
use crate::components::{Dialog, ErrorBanner};
use crate::i18n::format::{format_size, plural};
use crate::i18n::{fill, use_i18n, Locale};

/// A group's name.
pub fn group_label(g: Group, s: &AccountStrings) -> &'static str {
    match g {
        Group::MyPlaces => s.group_my_places,
        Group::Settings => s.group_settings,
        Group::Resources => s.group_resources,
        Group::Maps => s.group_maps,
    }
}

/// "Takes less than a minute." / "Takes about 3 minutes."
pub fn estimate_text(files: usize, bytes: i64, l: Locale) -> String {
    let secs = estimate_secs(files, bytes);
    if secs < 60 {
        l.strings().account.estimate_short.to_string()
    } else {
        plural(
            l.strings().account.estimate_minutes,
            secs.div_ceil(60) as i64,
            l,
        )
    }
}

/// The status line under the progress bar while running and after the end.
pub fn status_text(d: &Download, l: Locale) -> Option<String> {
    let s = l.strings().account;
    match d {
        Download::Preparing { secs } => Some(format!("{} {}", s.preparing, elapsed_clock(*secs))),
        Download::Running {
            received,
            total: Some(total),
        } => Some(fill(
            s.received_of,
            &[
                ("received", &format_size(*received as i64, l)),
                ("total", &format_size(*total as i64, l)),
            ],
        )),
        Download::Running {
            received,
            total: None,
        } => Some(fill(
            s.received,
            &[("received", &format_size(*received as i64, l))],
        )),
        Download::Done {
            name,
            size,
            unpacked,
        } => Some(fill(
            s.done,
            &[
                ("name", name),
                ("size", &format_size(*size as i64, l)),
                ("unpacked", &format_size(*unpacked as i64, l)),
            ],
        )),
        Download::Cancelled => Some(s.cancelled.to_string()),
        Download::Idle | Download::Failed(_) => None,
    }
}

/// `m:ss` (or `h:mm:ss`): how long the server has been building the archive.
pub fn elapsed_clock(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// The note under the tree when some stored files never go into a backup, so that the
/// dialog's files and OsmAnd Cloud's "Total files" visibly add up.
pub fn left_out_text(tree: &BackupTree, l: Locale) -> Option<String> {
    (tree.left_out > 0).then(|| {
        let n = tree.left_out as i64;
        fill(
            &plural(l.strings().account.left_out, n, l),
            &[("size", &format_size(tree.left_out_size, l))],
        )
    })
}

/// Where focus goes when a download changes phase (`None`: it stays): Cancel once it runs, then
/// the result line, or the Download button to try again after a failure. Progress within a
/// run moves nothing.
pub fn focus_after(prev: &Download, now: &Download) -> Option<&'static str> {
    // Waiting for the archive and receiving it are one phase (one Cancel button).
    let phase = |d: &Download| match d {
        Download::Preparing { .. } => std::mem::discriminant(&Download::Running {
            received: 0,
            total: None,
        }),
        d => std::mem::discriminant(d),
    };
    if phase(prev) == phase(now) {
        return None;
    }
    match now {
        Download::Running { .. } | Download::Preparing { .. } => Some("se-download-backup-cancel"),
        Download::Done { .. } | Download::Cancelled => Some("se-download-backup-status"),
        Download::Failed(_) => Some("se-download-backup-btn"),
        Download::Idle => None,
    }
}

/// The dialog. Presentational: the owner keeps the state and runs the download.
#[component]
pub fn DownloadDialog(
    #[prop(into)] open: Signal<bool>,
    tree: StoredValue<BackupTree>,
    selection: RwSignal<crate::account::backup::Selection>,
    format: RwSignal<BackupFormat>,
    expanded: RwSignal<Option<Group>>,
    state: RwSignal<Download>,
    on_download: Callback<()>,
    on_cancel: Callback<()>,
    on_close: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let running = Signal::derive(move || state.with(Download::is_running));
    let totals =
        Signal::derive(move || tree.with_value(|t| selection.with(|sel| t.selected_totals(sel))));
    let error = Signal::derive(move || match state.get() {
        Download::Failed(m) => Some(m),
        _ => None,
    });
    let groups = move || {
        tree.with_value(|t| t.groups.iter().map(|g| g.group).collect::<Vec<_>>())
            .into_iter()
            .map(|g| view! { <GroupRow group=g tree=tree selection=selection expanded=expanded running=running/> })
            .collect_view()
    };
    let empty = move || tree.with_value(BackupTree::is_empty);
    // Focus follows the download (the button it started from is disabled while it runs).
    Effect::new(move |prev: Option<Download>| {
        let now = state.get();
        if let Some(id) = prev.and_then(|p| focus_after(&p, &now)) {
            request_animation_frame(move || crate::browser::focus_id(id));
        }
        now
    });
    view! {
        <Dialog
            open=open
            on_close=on_close
            title=Signal::derive(move || i18n.t().account.dialog_title.to_string())
            id="se-download-backup-dialog"
            close_id="se-download-backup-dialog-close"
            wide=true
        >
            {move || {
                let d = state.get();
                d.is_running().then(|| match d.percent() {
                    Some(p) => view! {
                        <progress class="backup__progress" id="se-download-backup-progress" max="100"
                            value=p.to_string() aria-label=move || i18n.t().account.progress_label></progress>
                    }.into_any(),
                    None => view! {
                        <progress class="backup__progress" id="se-download-backup-progress"
                            aria-label=move || i18n.t().account.progress_label></progress>
                    }.into_any(),
                })
            }}
            <Show
                when=move || !empty()
                fallback=move || view! { <p class="empty-state" id="se-download-backup-empty">{move || i18n.t().account.nothing_to_back_up}</p> }
            >
                <p class="dialog__text">{move || i18n.t().account.dialog_intro}</p>
                <p class="backup__hint" id="se-download-backup-sizes">{move || i18n.t().account.sizes_unpacked}</p>
                <ul class="backup-tree" id="se-download-backup-tree">{groups}</ul>
                {move || tree.with_value(|t| left_out_text(t, i18n.locale())).map(|text| view! {
                    <p class="backup__hint" id="se-download-backup-left-out">{text}</p>
                })}
                <fieldset class="segmented" disabled=move || running.get()>
                    <legend class="segmented__legend">{move || i18n.t().account.format}</legend>
                    <FormatOption value=BackupFormat::Osf id="se-osf-backup" label="OSF" format=format/>
                    <FormatOption value=BackupFormat::Zip id="se-zip-backup" label="ZIP" format=format/>
                </fieldset>
                <p class="backup__hint">
                    {move || if format.get() == BackupFormat::Zip { i18n.t().account.format_zip_hint } else { i18n.t().account.format_osf_hint }}
                </p>
                <p class="backup__estimate" id="se-download-backup-estimate">
                    {move || {
                        let (n, bytes) = totals.get();
                        if n == 0 {
                            i18n.t().account.nothing_selected.to_string()
                        } else {
                            format!("{} · {}", plural(i18n.t().account.files, n as i64, i18n.locale()), estimate_text(n, bytes, i18n.locale()))
                        }
                    }}
                </p>
            </Show>
            <p class="backup__status" id="se-download-backup-status" role="status" tabindex="-1">
                {move || state.with(|d| status_text(d, i18n.locale()))}
            </p>
            <ErrorBanner message=error on_retry=on_download id="se-download-backup-error"/>
            <div class="dialog__actions">
                <Show when=move || running.get()>
                    <button type="button" class="btn" id="se-download-backup-cancel" on:click=move |_| on_cancel.run(())>
                        {move || i18n.t().account.cancel_download}
                    </button>
                </Show>
                <button
                    type="button"
                    class="btn btn--primary"
                    id="se-download-backup-btn"
                    data-bytes=move || totals.get().1.to_string()
                    disabled=move || running.get() || totals.get().0 == 0
                    aria-busy=move || if running.get() { "true" } else { "false" }
                    on:click=move |_| {
                        if !running.get_untracked() && totals.get_untracked().0 > 0 {
                            on_download.run(());
                        }
                    }
                >
                    {move || fill(i18n.t().account.download_button, &[("size", &format_size(totals.get().1, i18n.locale()))])}
                </button>
            </div>
        </Dialog>
    }
}

#[component]
fn FormatOption(
    value: BackupFormat,
    id: &'static str,
    label: &'static str,
    format: RwSignal<BackupFormat>,
) -> impl IntoView {
    view! {
        <label class="segmented__option" class:segmented__option--on=move || format.get() == value>
            <input type="radio" name="backup-format" id=id
                prop:checked=move || format.get() == value
                on:change=move |_| format.set(value)/>
            <span>{label}</span>
        </label>
    }
}

#[component]
fn GroupRow(
    group: Group,
    tree: StoredValue<BackupTree>,
    selection: RwSignal<crate::account::backup::Selection>,
    expanded: RwSignal<Option<Group>>,
    #[prop(into)] running: Signal<bool>,
) -> impl IntoView {
    let i18n = use_i18n();
    let slug = group.slug();
    let box_id = format!("se-backup-group-{slug}");
    let list_id = format!("se-backup-group-{slug}-types");
    let check = Signal::derive(move || {
        tree.with_value(|t| selection.with(|sel| t.group_check(group, sel)))
    });
    let size = tree.with_value(|t| t.group(group).map(|g| g.size()).unwrap_or(0));
    let open = move || expanded.get() == Some(group);
    let types = tree.with_value(|t| t.group(group).map(|g| g.types.clone()).unwrap_or_default());
    let label_id = format!("{box_id}-label");
    view! {
        <li class="backup-tree__group">
            <div class="backup-tree__row">
                <input
                    type="checkbox"
                    class="check__box"
                    id=box_id.clone()
                    aria-labelledby=label_id.clone()
                    prop:checked=move || check.get() == Check::On
                    prop:indeterminate=move || check.get() == Check::Mixed
                    disabled=move || running.get()
                    on:change=move |_| tree.with_value(|t| selection.update(|sel| t.toggle_group(group, sel)))
                />
                <button
                    type="button"
                    class="backup-tree__toggle"
                    id=format!("{box_id}-toggle")
                    aria-expanded=move || if open() { "true" } else { "false" }
                    aria-controls=list_id.clone()
                    on:click=move |_| expanded.update(|e| *e = if *e == Some(group) { None } else { Some(group) })
                >
                    <span class="backup-tree__name" id=label_id>{move || group_label(group, i18n.t().account)}</span>
                    <span class="backup-tree__size">{move || format_size(size, i18n.locale())}</span>
                    <span class="backup-tree__chevron" class:backup-tree__chevron--open=open aria-hidden="true"></span>
                </button>
            </div>
            <ul class="backup-tree__types" id=list_id hidden=move || !open()>
                {types.into_iter().map(|t| {
                    let key = t.key.clone();
                    let id = format!("se-backup-type-{}", t.key.to_ascii_lowercase());
                    let k2 = key.clone();
                    view! {
                        <li class="backup-tree__row backup-tree__row--type">
                            <input type="checkbox" class="check__box" id=id.clone()
                                prop:checked=move || selection.with(|sel| sel.contains(&key))
                                disabled=move || running.get()
                                on:change=move |_| selection.update(|sel| sel.toggle(&k2))/>
                            <label class="backup-tree__name" for=id>
                                {let k = t.key.clone(); move || type_name(&k, i18n.t().account)}
                                <span class="backup-tree__meta">{move || plural(i18n.t().account.files, t.files as i64, i18n.locale())}</span>
                            </label>
                            <span class="backup-tree__size">{move || format_size(t.size, i18n.locale())}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn estimate_and_status_texts() {
        assert_eq!(
            estimate_text(3, 1000, Locale::En),
            "Takes less than a minute."
        );
        assert_eq!(estimate_text(1500, 0, Locale::En), "Takes about 2 minutes.");
        assert_eq!(
            estimate_text(750, 0, Locale::Nl),
            "Duurt ongeveer 1 minuut."
        );
        let run = |received, total| Download::Running { received, total };
        assert_eq!(
            status_text(&Download::Preparing { secs: 42 }, Locale::En).as_deref(),
            Some("The server is packing your files… 0:42")
        );
        assert_eq!(
            status_text(&Download::Preparing { secs: 3725 }, Locale::Nl).as_deref(),
            Some("De server zet uw bestanden klaar… 1:02:05")
        );
        assert_eq!(
            status_text(&run(0, Some(2048)), Locale::En).as_deref(),
            Some("0 B of the 2.0 KB archive")
        );
        assert_eq!(
            status_text(&run(1536, Some(3072)), Locale::En).as_deref(),
            Some("1.5 KB of the 3.0 KB archive")
        );
        assert_eq!(
            status_text(&run(1536, None), Locale::Nl).as_deref(),
            Some("1,5 KB ontvangen")
        );
        assert_eq!(status_text(&Download::Idle, Locale::En), None);
        assert_eq!(
            status_text(
                &Download::Done {
                    name: "Export_22-11-26.zip".into(),
                    size: 2048,
                    unpacked: 6451,
                },
                Locale::En
            )
            .as_deref(),
            Some("Saved as Export_22-11-26.zip: a 2.0 KB archive of 6.3 KB of files.")
        );
    }

    #[test]
    fn focus_moves_when_the_download_changes_phase_only() {
        let run = |received| Download::Running {
            received,
            total: Some(10),
        };
        assert_eq!(
            focus_after(&Download::Idle, &Download::Preparing { secs: 0 }),
            Some("se-download-backup-cancel")
        );
        assert_eq!(focus_after(&Download::Preparing { secs: 9 }, &run(0)), None);
        assert_eq!(
            focus_after(
                &Download::Preparing { secs: 0 },
                &Download::Preparing { secs: 1 }
            ),
            None
        );
        assert_eq!(focus_after(&run(0), &run(5)), None);
        let done = Download::Done {
            name: "x.osf".into(),
            size: 1,
            unpacked: 2,
        };
        assert_eq!(
            focus_after(&run(5), &done),
            Some("se-download-backup-status")
        );
        assert_eq!(
            focus_after(&run(5), &Download::Cancelled),
            Some("se-download-backup-status")
        );
        assert_eq!(
            focus_after(&run(5), &Download::Failed("x".into())),
            Some("se-download-backup-btn")
        );
        assert_eq!(focus_after(&done, &Download::Idle), None);
    }

    #[test]
    fn the_left_out_note_names_what_total_files_counts_beyond_the_tree() {
        use osmand_api::models::UserFile;
        let f = |kind: &str, name: &str, size: i64| UserFile {
            r#type: kind.into(),
            name: name.into(),
            filesize: size,
            ..UserFile::default()
        };
        let one = BackupTree::from_files(&[f("GPX", "a.gpx", 10), f("GPX", "a.gpx.info", 2048)]);
        assert_eq!(
            left_out_text(&one, Locale::En).as_deref(),
            Some("1 more file in OsmAnd Cloud (2.0 KB) is never part of a backup: track info files and files of an unknown kind stay out.")
        );
        let two = BackupTree::from_files(&[f("GPX", "a.gpx.info", 1), f("FILE", "x/y.bin", 1)]);
        assert!(left_out_text(&two, Locale::Nl).is_some_and(|t| t.starts_with("Nog 2 bestanden")));
        assert_eq!(
            left_out_text(&BackupTree::from_files(&[f("GPX", "a.gpx", 1)]), Locale::En),
            None
        );
    }
}
