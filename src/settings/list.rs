//! The Changes or Trash page over a [`ListState`]: status and Undo, the filter, the windowed
//! list of rows ([`super::rows`]) and the confirmation of destructive actions.

use std::sync::Arc;

use leptos::prelude::*;
use osmand_api::models::UserFile;

use super::actions::ListActions;
use super::model::{self, Filter, Item, Row, ROW_HEIGHT, ROW_PX};
use super::rows::ItemRow;
use crate::components::icons::IconBin;
use crate::components::panel::PanelNav;
use crate::components::{Confirm, ErrorBanner, InfoBanner, Panel, Spinner};
use crate::i18n::format::month_label;
use crate::i18n::{fill, use_i18n};
use crate::routes::Route;

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

pub fn tz(ms: i64) -> i32 {
    crate::browser::tz_offset_minutes(ms)
}

/// The Changes or Trash screen over a [`ListState`].
#[component]
pub fn CloudList(
    mode: Mode,
    state: ListState,
    /// Load the list from the server (the routed pages; the gallery passes a prepared state).
    #[prop(optional)]
    load: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let actions = ListActions::new(state);
    if load {
        actions.load();
    }
    // Leaving the list while Undo is offered sends the delete right away: nothing is left half-done.
    on_cleanup(move || actions.flush_pending());
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
    // Only the types of the rows this page lists, by the names the backup dialog uses.
    let types = Memo::new(move |_| model::type_choices(&shown.get(), i18n.t().account));
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
        Mode::Changes => i18n.t().cloud.changes.to_string(),
        Mode::Trash => i18n.t().cloud.trash.to_string(),
    };
    let header_actions: ChildrenFn = Arc::new(move || {
        if mode != Mode::Trash {
            return ().into_any();
        }
        view! {
                <button type="button" class="icon-btn icon-btn--danger" id="se-empty_trash"
                    title=move || i18n.t().cloud.empty_trash
                    aria-label=move || i18n.t().cloud.empty_trash
                    disabled=move || state.load.get() != Load::Ready || shown.get().is_empty()
                    on:click=move |_| { state.ask_error.set(None); state.ask.set(Some(Ask::EmptyTrash)); }>
                    <IconBin/>
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
    let asks_empty = Signal::derive(move || matches!(state.ask.get(), Some(Ask::EmptyTrash)));
    let on_cancel = Callback::new(move |_| {
        state.ask.set(None);
        state.ask_error.set(None);
    });
    let ask_title = Signal::derive(move || match state.ask.get() {
        Some(Ask::DeleteFile(_)) => i18n.t().cloud.delete_now_title.to_string(),
        Some(Ask::EmptyTrash) | None => i18n.t().cloud.empty_trash_title.to_string(),
    });
    let ask_text = Signal::derive(move || {
        let l = i18n.locale();
        match state.ask.get() {
            Some(Ask::DeleteFile(it)) => {
                fill(i18n.t().cloud.delete_now_text, &[("name", &it.name)])
            }
            Some(Ask::EmptyTrash) | None => fill(
                i18n.t().cloud.empty_trash_text,
                &[(
                    "files",
                    &crate::i18n::plural(i18n.t().files, shown.get().len() as i64, l),
                )],
            ),
        }
    });
    let ask_label = Signal::derive(move || match state.ask.get() {
        Some(Ask::DeleteFile(_)) => i18n.t().cloud.delete_now.to_string(),
        Some(Ask::EmptyTrash) | None => i18n.t().cloud.empty_trash.to_string(),
    });
    let retry = Callback::new(move |_| actions.load());

    let body = move || {
        match state.load.get() {
        Load::Loading => view! {
            <div id="se-loading-page"><Spinner label=Signal::derive(move || i18n.t().loading.to_string())/></div>
        }
        .into_any(),
        Load::Failed(_) => {
            view! { <ErrorBanner message=load_error on_retry=retry id="se-cloud-load-error"/> }
                .into_any()
        }
        Load::Ready => {
            if shown.get().is_empty() {
                return match mode {
                    Mode::Trash => view! {
                        <div class="cloud-empty" id="se-empty-trash-page">
                            <p class="cloud-empty__title">{move || i18n.t().cloud.trash_empty}</p>
                            <p class="cloud-note">{move || i18n.t().cloud.trash_retention}</p>
                        </div>
                    }.into_any(),
                    Mode::Changes => view! {
                        <div class="cloud-empty" id="se-empty-changes"><p class="cloud-note">{move || i18n.t().cloud.no_changes}</p></div>
                    }.into_any(),
                };
            }
            view! {
                {(mode == Mode::Trash).then(|| view! { <p class="cloud-note cloud-note--top">{move || i18n.t().cloud.trash_retention}</p> })}
                <div class="cloud-filter">
                    <input type="search" class="cloud-filter__text" id="se-cloud-filter"
                        aria-label=move || i18n.t().cloud.filter_name
                        placeholder=move || i18n.t().cloud.filter_name
                        prop:value=move || state.filter_text.get()
                        on:input=move |ev| state.filter_text.set(event_target_value(&ev))/>
                    <select class="cloud-filter__type" id="se-cloud-filter-type"
                        aria-label=move || i18n.t().cloud.filter_type
                        on:change=move |ev| state.filter_kind.set(event_target_value(&ev))>
                        <option value="">{move || i18n.t().cloud.all_types}</option>
                        {move || types.get().into_iter().map(|(key, name)| {
                            let selected = state.filter_kind.get_untracked() == key;
                            view! { <option value=key selected=selected>{name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                {move || rows.get().is_empty().then(|| view! { <p class="cloud-note" id="se-cloud-no-matches">{move || i18n.t().cloud.no_matches}</p> })}
                <div class="cloud-list" node_ref=list_ref on:scroll=on_scroll role="list"
                    id=match mode { Mode::Changes => "se-cloud_changes-items", Mode::Trash => "se-cloud-trash-items" }
                    aria-label=title data-focus-list="">
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
                                    Some(it) => view! { <ItemRow mode=mode state=state actions=actions item=it top=top pos=pos/> }.into_any(),
                                }
                            }
                        />
                    </div>
                </div>
            }.into_any()
        }
    }
    };

    view! {
        <Panel title=Signal::derive(title) nav=PanelNav::Back(Route::Settings.href()) actions=header_actions>
            <div class="cloud-page">
                <div aria-live="polite" class="cloud-status" id="se-cloud-status">
                    <InfoBanner message=notice id="se-cloud-notice"/>
                    {move || state.pending.with(Option::is_some).then(|| view! {
                        <div class="banner banner--info" id="se-cloud-undo-bar">
                            <span class="banner__text">{move || i18n.t().cloud.version_deleted_undo}</span>
                            <button type="button" class="btn btn--small" id="se-cloud-undo"
                                on:click=move |_| actions.undo_delete()>
                                {move || i18n.t().cloud.undo}
                            </button>
                        </div>
                    })}
                </div>
                <ErrorBanner message=action_error id="se-cloud-action-error"/>
                {body}
            </div>
            // Two dialogs with the reference's ids: delete one file now, empty the trash.
            <Confirm
                open=Signal::derive(move || ask_open.get() && !asks_empty.get())
                title=ask_title
                text=ask_text
                confirm_label=ask_label
                destructive=true
                pending=Signal::derive(move || state.ask_pending.get())
                error=Signal::derive(move || state.ask_error.get())
                on_confirm=Callback::new(move |_| actions.confirm())
                on_cancel=on_cancel
                id="se-delete-version-dialog"
                confirm_suffix="delete"
            />
            <Confirm
                open=Signal::derive(move || ask_open.get() && asks_empty.get())
                title=ask_title
                text=ask_text
                confirm_label=ask_label
                destructive=true
                pending=Signal::derive(move || state.ask_pending.get())
                error=Signal::derive(move || state.ask_error.get())
                on_confirm=Callback::new(move |_| actions.confirm())
                on_cancel=on_cancel
                id="se-delete-trash-dialog"
                confirm_suffix="delete"
            />
        </Panel>
    }
}
