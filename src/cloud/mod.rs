//! Settings → OsmAnd Cloud: Changes and Trash (S14–S16).

#[cfg(feature = "gallery")]
pub mod gallery;
pub mod model;
pub mod strings;

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use osmand_api::client::ListFilesQuery;
use osmand_api::error::ApiError;
use osmand_api::models::{ChangeKind, TrashItem, UserFile};

use crate::components::panel::PanelNav;
use crate::components::{ActionMenu, Confirm, ErrorBanner, InfoBanner, MenuItem, Panel, Spinner};
use crate::ctx::use_api;
use crate::errors::error_message;
use crate::i18n::format::{format_change_time, format_count, month_label};
use crate::i18n::{fill, use_i18n, I18n};
use crate::routes::Route;
use crate::session::use_session;
use model::{Filter, Item, Row, ROW_HEIGHT, ROW_PX};

fn cs(i18n: I18n) -> &'static strings::CloudStrings {
    strings::strings(i18n.locale())
}

/// `/map/settings/`.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let api = use_api();
    let pro = RwSignal::new(None::<Result<bool, String>>);
    let load = move || {
        let api = api.clone();
        pro.set(None);
        spawn_local(async move {
            match api.account_info().await {
                Ok(info) => pro.set(Some(Ok(!info.is_free()))),
                Err(e) => {
                    if !session.end_if_expired(&e) {
                        pro.set(Some(Err(error_message(&e, i18n.t()))));
                    }
                }
            }
        });
    };
    let load2 = load.clone();
    Effect::new(move |prev: Option<bool>| {
        let logged_in = session.is_logged_in();
        if logged_in && prev != Some(true) {
            load2();
        }
        logged_in
    });
    let error = Signal::derive(move || match pro.get() {
        Some(Err(m)) => Some(m),
        _ => None,
    });
    view! {
        <Panel title=Signal::derive(move || cs(i18n).settings.to_string()) nav=PanelNav::Close(Route::Map.href())>
            {move || {
                if !session.is_logged_in() {
                    return view! {
                        <p class="cloud-note">{move || cs(i18n).login_needed}</p>
                        <a class="btn btn--primary" id="se-cloud-login" href=Route::Login.href()>{move || cs(i18n).login}</a>
                    }.into_any();
                }
                match pro.get() {
                    None => view! { <Spinner label=Signal::derive(move || i18n.t().loading.to_string())/> }.into_any(),
                    Some(Err(_)) => {
                        let load = load.clone();
                        view! { <ErrorBanner message=error on_retry=Callback::new(move |_| load()) id="se-settings-error"/> }.into_any()
                    }
                    Some(Ok(false)) => view! { <p class="cloud-note" id="se-cloud-pro-only">{move || cs(i18n).pro_only}</p> }.into_any(),
                    Some(Ok(true)) => view! {
                        <section class="cloud-settings" aria-labelledby="cloud-section-title">
                            <h2 class="cloud-settings__title" id="cloud-section-title">{move || cs(i18n).cloud_section}</h2>
                            <ul class="list">
                                <li class="list__row"><a class="cloud-settings__link" id="se-cloud_changes" href=Route::CloudChanges.href()>
                                    <span class="cloud-settings__label">{move || cs(i18n).changes}</span>
                                    <span class="cloud-settings__hint">{move || cs(i18n).changes_hint}</span>
                                </a></li>
                                <li class="list__row"><a class="cloud-settings__link" id="se-cloud_trash" href=Route::CloudTrash.href()>
                                    <span class="cloud-settings__label">{move || cs(i18n).trash}</span>
                                    <span class="cloud-settings__hint">{move || cs(i18n).trash_hint}</span>
                                </a></li>
                            </ul>
                        </section>
                    }.into_any(),
                }
            }}
        </Panel>
    }
}

/// Which list a [`CloudList`] shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Changes,
    Trash,
}

/// Loading state of a list.
#[derive(Debug, Clone, PartialEq)]
pub enum Load {
    Loading,
    Failed(String),
    Ready,
}

/// A pending confirmation.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    DeleteFile(Box<Item>),
    EmptyTrash,
}

/// Everything a list screen shows; the gallery prepares one with fixed data.
#[derive(Clone, Copy)]
pub struct ListState {
    pub load: RwSignal<Load>,
    /// Every version (decoded once), newest first.
    pub items: RwSignal<Arc<Vec<Item>>>,
    /// (type, name, updatetime) of the row whose action is running.
    pub busy: RwSignal<Option<(String, String, i64)>>,
    /// Result of the last action (announced politely).
    pub notice: RwSignal<Option<String>>,
    /// Failure of the last action (announced as an alert).
    pub error: RwSignal<Option<String>>,
    pub ask: RwSignal<Option<Ask>>,
    pub ask_error: RwSignal<Option<String>>,
    pub ask_pending: RwSignal<bool>,
    pub filter_text: RwSignal<String>,
    pub filter_kind: RwSignal<String>,
    /// Index of the first visible row (changes only when scrolling crosses a row).
    pub first_row: RwSignal<usize>,
    /// A version delete waiting out its undo period (the server is asked only afterwards).
    pub pending: RwSignal<Option<Pending>>,
}

/// A version removed from the list but not yet from the server.
#[derive(Clone)]
pub struct Pending {
    pub item: Item,
    pub timer: Option<leptos::leptos_dom::helpers::TimeoutHandle>,
}

/// How long Undo is offered after Delete version.
pub const UNDO_MS: u64 = 8_000;

impl ListState {
    pub fn new() -> Self {
        ListState {
            load: RwSignal::new(Load::Loading),
            items: RwSignal::new(Arc::new(Vec::new())),
            busy: RwSignal::new(None),
            notice: RwSignal::new(None),
            error: RwSignal::new(None),
            ask: RwSignal::new(None),
            ask_error: RwSignal::new(None),
            ask_pending: RwSignal::new(false),
            filter_text: RwSignal::new(String::new()),
            filter_kind: RwSignal::new(String::new()),
            first_row: RwSignal::new(0),
            pending: RwSignal::new(None),
        }
    }

    pub fn with_files(files: Vec<UserFile>) -> Self {
        let s = Self::new();
        s.items.set(Arc::new(model::build_items(files, tz)));
        s.load.set(Load::Ready);
        s
    }
}

impl Default for ListState {
    fn default() -> Self {
        Self::new()
    }
}

fn tz(ms: i64) -> i32 {
    crate::browser::tz_offset_minutes(ms)
}

fn key(it: &Item) -> (String, String, i64) {
    (
        it.file.r#type.clone(),
        it.file.name.clone(),
        it.file.updatetimems,
    )
}

/// `/map/settings/cloud/changes`.
#[component]
pub fn ChangesPage() -> impl IntoView {
    let state = ListState::new();
    start_load(state);
    view! { <CloudList mode=Mode::Changes state=state/> }
}

/// `/map/settings/cloud/trash`.
#[component]
pub fn TrashPage() -> impl IntoView {
    let state = ListState::new();
    start_load(state);
    view! { <CloudList mode=Mode::Trash state=state/> }
}

fn start_load(state: ListState) {
    let api = use_api();
    let session = use_session();
    let i18n = use_i18n();
    state.load.set(Load::Loading);
    spawn_local(async move {
        match api.list_files(&ListFilesQuery::history()).await {
            Ok(list) => {
                let files = list.all_files.unwrap_or(list.unique_files);
                state.items.set(Arc::new(model::build_items(files, tz)));
                state.load.set(Load::Ready);
            }
            Err(e) => {
                if !session.end_if_expired(&e) {
                    state.load.set(Load::Failed(error_message(&e, i18n.t())));
                }
            }
        }
    });
}

/// Reports a failed action: session end, else the server's message. The session comes from
/// [`Deps`], captured when the action started (there is no reactive owner in a task).
fn report(state: ListState, e: &ApiError, d: &Deps) {
    if d.session.is_some_and(|s| s.end_if_expired(e)) {
        return;
    }
    state
        .error
        .set(Some(error_message(e, d.i18n.t_untracked())));
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

fn do_download(state: ListState, mode: Mode, it: Item, i18n: I18n) {
    let d = deps(i18n);
    let api = d.api.clone();
    state.busy.set(Some(key(&it)));
    state.error.set(None);
    spawn_local(async move {
        let f = &it.file;
        let res = match mode {
            Mode::Changes => {
                api.download_file(&f.name, &f.r#type, Some(f.updatetimems))
                    .await
            }
            Mode::Trash => {
                api.download_file_from_prev_version(&f.name, &f.r#type, f.updatetimems)
                    .await
            }
        };
        state.busy.set(None);
        match res {
            Ok(d) if d.bytes.is_empty() => state.error.set(Some(cs(i18n).empty_download.into())),
            Ok(d) => {
                if save_bytes(&f.name, &d.bytes) {
                    state
                        .notice
                        .set(Some(fill(cs(i18n).downloaded, &[("name", &it.name)])));
                }
            }
            Err(e) => report(state, &e, &d),
        }
    });
}

/// `deviceInfo` of versions written by the web portal (brand "OsmAnd", model "Web").
const WEB_DEVICE: &str = "OsmAnd__model__Web";

fn do_restore(state: ListState, it: Item, i18n: I18n) {
    let d = deps(i18n);
    let api = d.api.clone();
    state.busy.set(Some(key(&it)));
    state.error.set(None);
    spawn_local(async move {
        let f = &it.file;
        let res = api.restore_file(&f.name, &f.r#type, f.updatetimems).await;
        state.busy.set(None);
        match res {
            Ok(mut new) => {
                // The answer carries no device; the server files it under the web portal's
                // device, which a reload shows as "OsmAnd Web": show the same now.
                new.device_info = Some(WEB_DEVICE.to_string());
                let item = model::to_item(new, &tz);
                state.items.update(|v| *v = model::with_inserted(v, item));
                state
                    .notice
                    .set(Some(fill(cs(i18n).restored, &[("name", &it.name)])));
            }
            Err(e) => report(state, &e, &d),
        }
    });
}

/// What a delayed delete needs once its owner may be gone (no context lookups then).
#[derive(Clone)]
struct Deps {
    api: crate::ctx::ApiClient,
    session: Option<crate::session::Session>,
    i18n: I18n,
}

fn deps(i18n: I18n) -> Deps {
    Deps {
        api: use_api(),
        session: use_context::<crate::session::Session>(),
        i18n,
    }
}

/// Delete version: the row goes at once, Undo is offered for [`UNDO_MS`], then the server is
/// asked. A failure puts the row back with the reason.
fn delete_with_undo(state: ListState, it: Item, d: Deps) {
    flush_pending(state, d.clone());
    let f = &it.file;
    state
        .items
        .update(|v| *v = model::without_version(v, &f.r#type, &f.name, f.updatetimems));
    state.error.set(None);
    state.notice.set(None);
    let later = d.clone();
    let timer = leptos::leptos_dom::helpers::set_timeout_with_handle(
        move || flush_pending(state, later),
        std::time::Duration::from_millis(UNDO_MS),
    )
    .ok();
    state.pending.set(Some(Pending { item: it, timer }));
}

/// Undo: the version comes back; the server was never asked.
fn undo_delete(state: ListState) {
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
fn flush_pending(state: ListState, d: Deps) {
    let Some(Some(p)) = state.pending.try_get_untracked() else {
        return;
    };
    if let Some(t) = p.timer {
        t.clear();
    }
    state.pending.try_set(None);
    spawn_local(async move {
        let f = &p.item.file;
        let res = d
            .api
            .delete_file_version(&f.name, &f.r#type, f.updatetimems)
            .await;
        match res {
            Ok(()) => {
                state
                    .notice
                    .try_set(Some(cs(d.i18n).version_deleted.to_string()));
            }
            Err(e) => {
                if d.session.is_some_and(|s| s.end_if_expired(&e)) {
                    return;
                }
                state
                    .items
                    .try_update(|v| *v = model::with_inserted(v, p.item.clone()));
                state
                    .error
                    .try_set(Some(error_message(&e, d.i18n.t_untracked())));
            }
        }
    });
}

fn do_confirmed(state: ListState, i18n: I18n) {
    let Some(ask) = state.ask.get_untracked() else {
        return;
    };
    let api = use_api();
    let session = use_context::<crate::session::Session>();
    state.ask_pending.set(true);
    state.ask_error.set(None);
    spawn_local(async move {
        let result: Result<Option<String>, ApiError> = match &ask {
            Ask::DeleteFile(it) => {
                let f = &it.file;
                api.delete_file_all_versions(&f.name, &f.r#type, f.updatetimems, true)
                    .await
                    .map(|()| {
                        state
                            .items
                            .update(|v| *v = model::without_file(v, &f.r#type, &f.name));
                        Some(fill(cs(i18n).file_deleted, &[("name", &it.name)]))
                    })
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
                api.empty_trash(&req).await.map(|res| {
                    let failed: Vec<String> = res.problems().map(|p| p.name.clone()).collect();
                    let mut items = state.items.get_untracked();
                    for t in &trash {
                        if !failed.contains(&t.file.name) {
                            items = model::without_file(&items, &t.file.r#type, &t.file.name);
                        }
                    }
                    state.items.set(items);
                    let deleted = res
                        .summary
                        .map_or((trash.len() - failed.len()) as i64, |s| s.deleted);
                    let mut msg = fill(
                        cs(i18n).empty_trash_done,
                        &[("count", &format_count(deleted, i18n.locale_untracked()))],
                    );
                    if !failed.is_empty() {
                        msg.push(' ');
                        msg.push_str(&fill(
                            cs(i18n).empty_trash_failed,
                            &[("names", &failed.join(", "))],
                        ));
                    }
                    Some(msg)
                })
            }
        };
        state.ask_pending.set(false);
        match result {
            Ok(msg) => {
                state.ask.set(None);
                state.notice.set(msg);
            }
            Err(e) => {
                if session.is_some_and(|s| s.end_if_expired(&e)) {
                    state.ask.set(None);
                    return;
                }
                state.ask_error.set(Some(error_message(&e, i18n.t())));
            }
        }
    });
}

/// The Changes or Trash screen over a [`ListState`].
#[component]
pub fn CloudList(mode: Mode, state: ListState) -> impl IntoView {
    let i18n = use_i18n();
    // Leaving the list while Undo is offered sends the delete right away: nothing is left half-done.
    let closing = deps(i18n);
    on_cleanup(move || flush_pending(state, closing));
    // Trash rows: one per file whose newest version is a tombstone.
    let shown: Memo<Arc<Vec<Item>>> = Memo::new(move |_| {
        let items = state.items.get();
        match mode {
            Mode::Changes => items,
            Mode::Trash => Arc::new(model::trash_items(&items)),
        }
    });
    // Debounced filter text: the flat list is rebuilt once the typing pauses.
    let applied_text = RwSignal::new(String::new());
    let timer = StoredValue::new(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
    Effect::new(move |_| {
        let text = state.filter_text.get();
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        let h = leptos::leptos_dom::helpers::set_timeout_with_handle(
            move || applied_text.set(text),
            std::time::Duration::from_millis(120),
        )
        .ok();
        timer.set_value(h);
    });
    let rows: Memo<Arc<Vec<Row>>> = Memo::new(move |_| {
        let filter = Filter {
            text: applied_text.get(),
            kind: state.filter_kind.get(),
        };
        Arc::new(model::group(&shown.get(), &filter))
    });
    let types = Memo::new(move |_| model::types_of(&state.items.get()));
    let viewport = RwSignal::new(640.0_f64);
    let list_ref = NodeRef::<leptos::html::Div>::new();
    let on_scroll = move |_| {
        if let Some(el) = list_ref.get_untracked() {
            let top = f64::from(el.scroll_top());
            let first = (top / ROW_HEIGHT).floor() as usize;
            if state.first_row.get_untracked() != first {
                state.first_row.set(first);
            }
            let h = f64::from(el.client_height());
            if (viewport.get_untracked() - h).abs() > 1.0 && h > 0.0 {
                viewport.set(h);
            }
        }
    };
    let title = move || match mode {
        Mode::Changes => cs(i18n).changes.to_string(),
        Mode::Trash => cs(i18n).trash.to_string(),
    };
    let header_actions: ChildrenFn = Arc::new(move || {
        if mode != Mode::Trash {
            return ().into_any();
        }
        view! {
                <button type="button" class="btn btn--danger cloud-empty-btn" id="se-empty_trash"
                    disabled=move || state.load.get() != Load::Ready || shown.get().is_empty()
                    on:click=move |_| { state.ask_error.set(None); state.ask.set(Some(Ask::EmptyTrash)); }>
                    {move || cs(i18n).empty_trash}
                </button>
            }
            .into_any()
    });
    let load_error = Signal::derive(move || match state.load.get() {
        Load::Failed(m) => Some(m),
        _ => None,
    });
    let action_error = Signal::derive(move || state.error.get());
    let notice = Signal::derive(move || state.notice.get());
    let ask_open = Signal::derive(move || state.ask.get().is_some());
    let ask_title = Signal::derive(move || match state.ask.get() {
        Some(Ask::DeleteFile(_)) => cs(i18n).delete_now_title.to_string(),
        Some(Ask::EmptyTrash) | None => cs(i18n).empty_trash_title.to_string(),
    });
    let ask_text = Signal::derive(move || {
        let l = i18n.locale();
        match state.ask.get() {
            Some(Ask::DeleteFile(it)) => fill(cs(i18n).delete_now_text, &[("name", &it.name)]),
            Some(Ask::EmptyTrash) | None => fill(
                cs(i18n).empty_trash_text,
                &[("count", &format_count(shown.get().len() as i64, l))],
            ),
        }
    });
    let ask_label = Signal::derive(move || match state.ask.get() {
        Some(Ask::DeleteFile(_)) => cs(i18n).delete_now.to_string(),
        Some(Ask::EmptyTrash) | None => cs(i18n).empty_trash.to_string(),
    });
    let retry = Callback::new(move |_| start_load_again(state));

    let body = move || match state.load.get() {
        Load::Loading => {
            view! { <Spinner label=Signal::derive(move || i18n.t().loading.to_string())/> }
                .into_any()
        }
        Load::Failed(_) => {
            view! { <ErrorBanner message=load_error on_retry=retry id="se-cloud-load-error"/> }
                .into_any()
        }
        Load::Ready => {
            if shown.get().is_empty() {
                return match mode {
                    Mode::Trash => view! {
                        <div class="cloud-empty" id="se-empty-trash-page">
                            <p class="cloud-empty__title">{move || cs(i18n).trash_empty}</p>
                            <p class="cloud-note">{move || cs(i18n).trash_retention}</p>
                        </div>
                    }.into_any(),
                    Mode::Changes => view! {
                        <div class="cloud-empty" id="se-empty-changes"><p class="cloud-note">{move || cs(i18n).no_changes}</p></div>
                    }.into_any(),
                };
            }
            view! {
                {(mode == Mode::Trash).then(|| view! { <p class="cloud-note cloud-note--top">{move || cs(i18n).trash_retention}</p> })}
                <div class="cloud-filter">
                    <input type="search" class="cloud-filter__text" id="se-cloud-filter"
                        aria-label=move || cs(i18n).filter_name
                        placeholder=move || cs(i18n).filter_name
                        prop:value=move || state.filter_text.get()
                        on:input=move |ev| state.filter_text.set(event_target_value(&ev))/>
                    <select class="cloud-filter__type" id="se-cloud-filter-type"
                        aria-label=move || cs(i18n).filter_type
                        on:change=move |ev| state.filter_kind.set(event_target_value(&ev))>
                        <option value="">{move || cs(i18n).all_types}</option>
                        {move || types.get().into_iter().map(|t| {
                            let selected = state.filter_kind.get_untracked() == t;
                            view! { <option value=t.clone() selected=selected>{t.clone()}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {move || rows.get().is_empty().then(|| view! { <p class="cloud-note" id="se-cloud-no-matches">{move || cs(i18n).no_matches}</p> })}
                <div class="cloud-list" node_ref=list_ref on:scroll=on_scroll role="list"
                    aria-label=title>
                    <div class="cloud-list__spacer"
                        style:height=move || format!("{}px", rows.get().len() * ROW_PX)>
                        <For
                            each=move || {
                                let rows = rows.get();
                                let items = shown.get();
                                let (start, end) = model::window(
                                    state.first_row.get() as f64 * ROW_HEIGHT,
                                    viewport.get(),
                                    rows.len(),
                                );
                                rows.get(start..end)
                                    .unwrap_or_default()
                                    .iter()
                                    .enumerate()
                                    .filter_map(|(k, row)| {
                                        let pos = start + k;
                                        match *row {
                                            Row::Month(y, m) => Some((format!("{pos}|m|{y}|{m}"), pos, None, (y, m))),
                                            Row::Item(i) => items.get(i).map(|it| {
                                                (format!("{pos}|{}|{}|{}", it.file.r#type, it.file.name, it.file.updatetimems), pos, Some(it.clone()), (0, 0))
                                            }),
                                        }
                                    })
                                    .collect::<Vec<_>>()
                            }
                            key=|(k, _, _, _)| k.clone()
                            children=move |(_, pos, item, (y, m))| {
                                let top = format!("{}px", pos * ROW_PX);
                                match item {
                                    None => view! {
                                        <div class="cloud-row cloud-row--month" role="listitem" style:top=top>
                                            <h3 class="cloud-month">{move || month_label(y, m, i18n.locale())}</h3>
                                        </div>
                                    }.into_any(),
                                    Some(it) => view! { <ItemRow mode=mode state=state item=it top=top/> }.into_any(),
                                }
                            }
                        />
                    </div>
                </div>
            }.into_any()
        }
    };

    view! {
        <Panel title=Signal::derive(title) nav=PanelNav::Back(Route::Settings.href()) actions=header_actions>
            <div class="cloud-page">
                <div aria-live="polite" class="cloud-status" id="se-cloud-status">
                    <InfoBanner message=notice id="se-cloud-notice"/>
                    {move || state.pending.with(Option::is_some).then(|| view! {
                        <div class="banner banner--info" id="se-cloud-undo-bar">
                            <span class="banner__text">{move || cs(i18n).version_deleted_undo}</span>
                            <button type="button" class="btn btn--small" id="se-cloud-undo"
                                on:click=move |_| undo_delete(state)>
                                {move || cs(i18n).undo}
                            </button>
                        </div>
                    })}
                </div>
                <ErrorBanner message=action_error id="se-cloud-action-error"/>
                {body}
            </div>
            <Confirm
                open=ask_open
                title=ask_title
                text=ask_text
                confirm_label=ask_label
                destructive=true
                pending=Signal::derive(move || state.ask_pending.get())
                error=Signal::derive(move || state.ask_error.get())
                on_confirm=Callback::new(move |_| do_confirmed(state, i18n))
                on_cancel=Callback::new(move |_| { state.ask.set(None); state.ask_error.set(None); })
                id="se-cloud-confirm"
            />
        </Panel>
    }
}

fn start_load_again(state: ListState) {
    start_load(state);
}

/// One version (Changes) or one deleted file (Trash).
#[component]
fn ItemRow(mode: Mode, state: ListState, item: Item, top: String) -> impl IntoView {
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
    let type_letter = item.file.r#type.chars().next().unwrap_or('?').to_string();
    let device = item.device.clone();
    let name = item.name.clone();
    let menu_name = model::id_part(&item.file.r#type, &item.file.name);
    let mut items = Vec::new();
    {
        let it = item.clone();
        items.push(MenuItem {
            id: match mode {
                Mode::Changes => "se-cloud-changes-actions-download".to_string(),
                Mode::Trash => "se-trash-actions-download".to_string(),
            },
            label: Signal::derive(move || cs(i18n).download.to_string()),
            disabled: Signal::derive(move || {
                is_map || (mode == Mode::Changes && kind == ChangeKind::Deleted) || any_busy.get()
            }),
            on_select: Callback::new(move |_| do_download(state, mode, it.clone(), i18n)),
        });
    }
    if mode == Mode::Trash || kind == ChangeKind::Deleted {
        let it = item.clone();
        items.push(MenuItem {
            id: match mode {
                Mode::Changes => "se-cloud-changes-actions-restore".to_string(),
                Mode::Trash => "se-trash-actions-restore".to_string(),
            },
            label: Signal::derive(move || cs(i18n).restore.to_string()),
            disabled: any_busy,
            on_select: Callback::new(move |_| do_restore(state, it.clone(), i18n)),
        });
    }
    {
        let it = item.clone();
        let trash = mode == Mode::Trash;
        let undo_deps = deps(i18n);
        items.push(MenuItem {
            id: if trash {
                "se-trash-actions-delete".to_string()
            } else {
                "se-cloud-changes-actions-delete".to_string()
            },
            label: Signal::derive(move || {
                if trash {
                    cs(i18n).delete_now.to_string()
                } else {
                    cs(i18n).delete_version.to_string()
                }
            }),
            disabled: any_busy,
            on_select: Callback::new(move |_| {
                if trash {
                    state.ask_error.set(None);
                    state.ask.set(Some(Ask::DeleteFile(Box::new(it.clone()))));
                } else {
                    delete_with_undo(state, it.clone(), undo_deps.clone());
                }
            }),
        });
    }
    let label_name = name.clone();
    view! {
        <div class="cloud-row" role="listitem" style:top=top aria-busy=move || busy.get().to_string()>
            <span class=type_class aria-hidden="true">{type_letter}</span>
            <div class="cloud-row__main">
                <span class="cloud-row__name" title=name.clone()>{name.clone()}</span>
                <span class="cloud-row__meta">
                    <span class=kind_class(kind)>{move || match kind {
                        ChangeKind::Deleted => cs(i18n).deleted,
                        ChangeKind::Added => cs(i18n).added,
                        _ => cs(i18n).modified,
                    }}</span>
                    " · "
                    <span class="cloud-row__time">{move || format_change_time(ms, crate::browser::now_ms(), tz(ms), i18n.locale()).unwrap_or_default()}</span>
                    " · "
                    <span class="cloud-row__device">{move || device.clone().unwrap_or_else(|| cs(i18n).unknown_device.to_string())}</span>
                </span>
            </div>
            {move || busy.get().then(|| view! { <span class="cloud-row__busy">{move || cs(i18n).working}</span> })}
            <ActionMenu
                id=match mode { Mode::Changes => format!("se-cloud-changes-actions-{menu_name}-{ms}"), Mode::Trash => format!("se-trash-actions-{menu_name}") }
                label=Signal::derive(move || fill(cs(i18n).actions_for, &[("name", &label_name)]))
                items=items
                disabled=busy
            />
        </div>
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
