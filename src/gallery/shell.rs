//! The gallery's page: the side list (groups, search, language and width switches) and the stage
//! (one state, or a component's sheet). Everything it shows is read from the URL
//! ([`GalleryView`]) and every control writes the URL, so any view is a link.

use std::collections::HashMap;

use leptos::context::Provider;
use leptos::prelude::*;
use leptos::tachys::view::{Mountable, Render};
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use super::catalog::{self, components, matches, Area, GalleryView, Width, MAX_WIDTH, MIN_WIDTH};
use super::{Entry, Note};
use crate::components::dialog::InPlace;
use crate::i18n::{use_i18n, I18n, Locale};

/// The text each state shows, by (component, state): what the search looks in.
type ShownText = HashMap<(&'static str, &'static str), String>;

/// Moves to another view; `replace` keeps the history clean while typing a search.
type Go = Callback<(GalleryView, bool)>;

#[component]
pub fn Gallery() -> impl IntoView {
    let i18n = use_i18n();
    let query = use_query_map();
    let current = Memo::new(move |_| query.with(|q| GalleryView::from_params(|k| q.get(k))));
    Effect::new(move |_| {
        let lang = current.with(|v| v.lang.clone());
        if let Some(l) = Locale::from_code(&lang) {
            if i18n.locale_untracked() != l {
                i18n.set(l);
            }
        }
    });
    let location = use_location();
    let navigate = use_navigate();
    let go: Go = Callback::new(move |(v, replace): (GalleryView, bool)| {
        let path = location.pathname.get_untracked();
        let options = NavigateOptions {
            replace,
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&format!("{path}{}", v.href()), options);
    });
    let areas = StoredValue::new(catalog::areas());
    let shown: StoredValue<Option<ShownText>> = StoredValue::new(None);
    let bare = move || current.with(|v| v.bare);
    view! {
        <div class="gallery" class:gallery--bare=bare>
            <Show when=move || !bare()>
                <SideList current=current areas=areas shown=shown go=go/>
            </Show>
            <main class="gallery__stage">
                <h1 class="visually-hidden" hidden=move || !bare()>"Gallery"</h1>
                <Stage current=current areas=areas/>
            </main>
        </div>
    }
}

#[component]
fn SideList(
    current: Memo<GalleryView>,
    areas: StoredValue<Vec<Area>>,
    shown: StoredValue<Option<ShownText>>,
    go: Go,
) -> impl IntoView {
    let owner = Owner::current();
    let query = Memo::new(move |_| current.with(|v| v.query.clone()));
    let searching = move || query.with(|q| !q.trim().is_empty());
    // A search arriving with the URL needs the index too.
    if current.with_untracked(|v| !v.query.trim().is_empty()) {
        build_index(owner.as_ref(), areas, shown);
    }
    let on_search = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        if !text.trim().is_empty() {
            build_index(owner.as_ref(), areas, shown);
        }
        go.run((
            GalleryView {
                query: text,
                ..current.get_untracked()
            },
            true,
        ));
    };
    let visible = move |area: &'static str, e: Entry, note: Option<Note>| {
        query.with(|q| {
            shown.with_value(|m| {
                let text = m
                    .as_ref()
                    .and_then(|m| m.get(&(e.component, e.state)))
                    .map(String::as_str)
                    .unwrap_or("");
                matches(q, area, &e, note.as_ref(), text)
            })
        })
    };
    let total = areas.with_value(|a| a.iter().map(|a| a.entries.len()).sum::<usize>());
    let count = move || {
        areas.with_value(|all| {
            all.iter()
                .flat_map(|a| {
                    a.entries.iter().map(move |e| {
                        let note = a.notes.iter().find(|n| n.component == e.component).copied();
                        (a.name, *e, note)
                    })
                })
                .filter(|(a, e, n)| visible(a, *e, *n))
                .count()
        })
    };
    let tree = areas.with_value(|all| {
        all.iter()
            .map(|area| {
                let name = area.name;
                let groups: Vec<(&'static str, Vec<Entry>, Option<Note>)> = components(area)
                    .into_iter()
                    .map(|c| {
                        (
                            c.name,
                            c.states.into_iter().copied().collect(),
                            c.note.copied(),
                        )
                    })
                    .collect();
                let shown_in_area = {
                    let groups = groups.clone();
                    move || {
                        groups
                            .iter()
                            .any(|(_, es, n)| es.iter().any(|e| visible(name, *e, *n)))
                    }
                };
                let items = groups
                    .into_iter()
                    .map(|(c, states, note)| {
                        component_group(name, c, states, note, current, searching, visible)
                    })
                    .collect_view();
                view! {
                    <li class="gallery__area" hidden=move || !shown_in_area()>
                        <details open>
                            <summary class="gallery__area-name">{name}</summary>
                            <ul class="gallery__components">{items}</ul>
                        </details>
                    </li>
                }
            })
            .collect_view()
    });
    view! {
        <nav class="gallery__nav" aria-label="Gallery states" on:keydown=on_tree_keys>
            <h1 class="gallery__title">"Gallery"</h1>
            <label class="gallery__label" for="gallery-search">"Search"</label>
            <input
                id="gallery-search"
                class="gallery__search"
                type="search"
                autocomplete="off"
                placeholder="component, state or text"
                prop:value=move || query.get()
                on:input=on_search
            />
            <p class="gallery__count" id="gallery-count" role="status">
                {count} " of " {total} " states"
            </p>
            <Switches current=current go=go/>
            <ul class="gallery__tree">{tree}</ul>
        </nav>
    }
}

/// One component in the side list: its sheet link and its states (open while it is selected or
/// a search is on).
fn component_group(
    area: &'static str,
    c: &'static str,
    states: Vec<Entry>,
    note: Option<Note>,
    current: Memo<GalleryView>,
    searching: impl Fn() -> bool + Copy + Send + Sync + 'static,
    visible: impl Fn(&'static str, Entry, Option<Note>) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let any_visible = {
        let states = states.clone();
        move || states.iter().any(|e| visible(area, *e, note))
    };
    let is_open = move || searching() || current.with(|v| v.component.as_deref() == Some(c));
    let n = states.len();
    let links = states
        .into_iter()
        .map(|e| {
            let s = e.state;
            let here = move || {
                current.with(|v| {
                    v.sheet.is_none()
                        && v.component.as_deref() == Some(c)
                        && v.state.as_deref() == Some(s)
                })
            };
            view! {
                <li hidden=move || !visible(area, e, note)>
                    <a
                        class="gallery__link"
                        href=move || current.with(|v| v.with_state(c, s).href())
                        aria-current=move || here().then_some("page")
                        data-state=format!("{c}/{s}")
                    >
                        {s}
                    </a>
                </li>
            }
        })
        .collect_view();
    let sheet_here = move || current.with(|v| v.sheet.as_deref() == Some(c));
    view! {
        <li class="gallery__component" hidden=move || !any_visible()>
            <details prop:open=is_open>
                <summary class="gallery__component-name">{c}</summary>
                <a
                    class="gallery__sheet-link"
                    href=move || current.with(|v| v.with_sheet(c).href())
                    aria-current=move || sheet_here().then_some("page")
                >
                    {format!("Sheet: all {n} states")}
                </a>
                <ul class="gallery__list">{links}</ul>
            </details>
        </li>
    }
}

/// Language, a second language beside it, and the frame's width.
#[component]
fn Switches(current: Memo<GalleryView>, go: Go) -> impl IntoView {
    let lang = move || current.with(|v| v.lang.clone());
    let with = move |f: &dyn Fn(&mut GalleryView)| {
        let mut v = current.get();
        f(&mut v);
        v.href()
    };
    let languages = Locale::ALL
        .into_iter()
        .map(|l| {
            view! {
                <a
                    class="btn btn--small"
                    aria-current=move || (lang() == l.code()).then_some("true")
                    href=move || with(&|v| v.lang = l.code().into())
                >
                    {l.native_name()}
                </a>
            }
        })
        .collect_view();
    let second = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        let v = GalleryView {
            lang2: (!code.is_empty()).then_some(code),
            ..current.get_untracked()
        };
        go.run((v, false));
    };
    let widths = Width::PRESETS
        .into_iter()
        .map(|w| {
            view! {
                <a
                    class="btn btn--small"
                    aria-current=move || (current.with(|v| v.width) == w).then_some("true")
                    href=move || with(&|v| v.width = w)
                >
                    {w.code()}
                </a>
            }
        })
        .collect_view();
    let free = move |ev: leptos::ev::Event| {
        if let Ok(px) = event_target_value(&ev).trim().parse::<u32>() {
            let v = GalleryView {
                width: Width::Px(px.clamp(MIN_WIDTH, MAX_WIDTH)),
                ..current.get_untracked()
            };
            go.run((v, false));
        }
    };
    view! {
        <div class="gallery__switches" role="group" aria-label="Language">{languages}</div>
        <label class="gallery__label" for="gallery-lang2">"Second language beside it"</label>
        <select id="gallery-lang2" class="gallery__select" on:change=second>
            <option value="" selected=move || current.with(|v| v.lang2.is_none())>"none"</option>
            {Locale::ALL
                .into_iter()
                .map(|l| {
                    view! {
                        <option
                            value=l.code()
                            selected=move || current.with(|v| v.lang2.as_deref() == Some(l.code()))
                        >
                            {l.native_name()}
                        </option>
                    }
                })
                .collect_view()}
        </select>
        <div class="gallery__switches" role="group" aria-label="Width">{widths}</div>
        <label class="gallery__label" for="gallery-width">"Free width (px)"</label>
        <input
            id="gallery-width"
            class="gallery__select"
            type="number"
            min=MIN_WIDTH
            max=MAX_WIDTH
            step="1"
            prop:value=move || current.with(|v| v.width.px().to_string())
            on:change=free
        />
    }
}

/// One state, or a component's sheet.
#[component]
fn Stage(current: Memo<GalleryView>, areas: StoredValue<Vec<Area>>) -> impl IntoView {
    // Only what changes the pictures re-renders them (not the search, not the first language).
    let shape = Memo::new(move |_| {
        current.with(|v| {
            (
                v.component.clone(),
                v.state.clone(),
                v.sheet.clone(),
                v.width,
                v.lang2.clone(),
                v.bare,
            )
        })
    });
    move || {
        let (c, s, sheet, width, lang2, bare) = shape.get();
        let second = lang2.as_deref().and_then(Locale::from_code);
        let find_note = |name: &str| {
            areas.with_value(|all| {
                all.iter()
                    .flat_map(|a| a.notes.iter())
                    .find(|n| n.component == name)
                    .copied()
            })
        };
        if let Some(sheet) = sheet {
            let states: Vec<Entry> = areas.with_value(|all| {
                all.iter()
                    .flat_map(|a| a.entries.iter().copied())
                    .filter(|e| e.component == sheet)
                    .collect()
            });
            let note = find_note(&sheet);
            let cards = states
                .into_iter()
                .map(|e| {
                    view! {
                        <figure class="gallery__card" data-state=format!("{}/{}", e.component, e.state)>
                            <figcaption class="gallery__caption">{e.state}</figcaption>
                            <div class="gallery__pair">
                                {frame(e, width, None, None, true)}
                                {second.map(|l| frame(e, width, Some(l), None, true))}
                            </div>
                        </figure>
                    }
                })
                .collect_view();
            view! {
                <section class="gallery__sheet" id="gallery-sheet" data-sheet=sheet.clone()>
                    <header class="gallery__head">
                        <h2 class="gallery__heading">{sheet.clone()}</h2>
                        <p class="gallery__size" id="gallery-size">{width.label()}</p>
                        {note_view(note)}
                    </header>
                    <div class="gallery__cards">{cards}</div>
                </section>
            }
            .into_any()
        } else {
            let entry = areas.with_value(|all| {
                let mut every = all.iter().flat_map(|a| a.entries.iter().copied());
                let first = all.iter().flat_map(|a| a.entries.iter().copied()).next();
                every
                    .find(|e| Some(e.component) == c.as_deref() && Some(e.state) == s.as_deref())
                    .or(first)
            });
            let Some(entry) = entry else {
                return ().into_any();
            };
            let head = (!bare).then(|| {
                view! {
                    <header class="gallery__head">
                        <h2 class="gallery__heading">{format!("{} · {}", entry.component, entry.state)}</h2>
                        <p class="gallery__size" id="gallery-size">{format!("{} × 640 px", width.label())}</p>
                        {note_view(find_note(entry.component))}
                    </header>
                }
            });
            view! {
                {head}
                <div class="gallery__pair">
                    {frame(entry, width, None, Some("gallery-frame"), false)}
                    {second.map(|l| frame(entry, width, Some(l), Some("gallery-frame-2"), false))}
                </div>
            }
            .into_any()
        }
    }
}

/// One rendered state in a frame of the chosen width; `second` renders it in another language;
/// `in_place` (sheets) keeps its dialogs inside the frame.
fn frame(
    e: Entry,
    width: Width,
    second: Option<Locale>,
    id: Option<&'static str>,
    in_place: bool,
) -> impl IntoView {
    let class = match width {
        Width::Px(_) => "gallery__frame".to_string(),
        w => format!("gallery__frame gallery__frame--{}", w.code()),
    };
    let style = match width {
        Width::Px(px) => Some(format!("width: {px}px")),
        _ => None,
    };
    // Rendered inside the providers, so the state's components find them; rendered afresh when
    // the gallery's language changes, so texts a state computes once (a server error turned
    // into a message) are in the language shown.
    let i18n = use_i18n();
    let render = move || {
        i18n.locale();
        untrack(|| (e.render)())
    };
    let body = match (second, in_place) {
        (None, false) => view! { {render} }.into_any(),
        (Some(l), false) => view! { <Provider value=I18n::new(l)>{render}</Provider> }.into_any(),
        (None, true) => view! { <Provider value=InPlace>{render}</Provider> }.into_any(),
        (Some(l), true) => view! {
            <Provider value=InPlace>
                <Provider value=I18n::new(l)>{render}</Provider>
            </Provider>
        }
        .into_any(),
    };
    view! {
        <div
            class=class
            style=style
            id=id
            lang=second.map(Locale::code)
            dir=second.map(Locale::dir)
            data-state=format!("{}/{}", e.component, e.state)
        >
            {body}
        </div>
    }
}

fn note_view(note: Option<Note>) -> impl IntoView {
    note.map(|n| {
        let ids = n
            .ids
            .iter()
            .map(|id| view! { <code class="gallery__id">{*id}</code> })
            .collect_view();
        view! {
            <dl class="gallery__note">
                <dt>"What"</dt>
                <dd>{n.about}</dd>
                <dt>"Where"</dt>
                <dd>{n.used_in}</dd>
                <dt>"Reference"</dt>
                <dd>{n.reference}</dd>
                <dt>"Ids"</dt>
                <dd>{ids}</dd>
            </dl>
        }
    })
}

/// Renders every state once, off screen, to learn the text it shows (for the search).
fn build_index(
    owner: Option<&Owner>,
    areas: StoredValue<Vec<Area>>,
    shown: StoredValue<Option<ShownText>>,
) {
    if shown.with_value(Option::is_some) {
        return;
    }
    let (Some(owner), Some(doc)) = (owner, web_sys::window().and_then(|w| w.document())) else {
        return;
    };
    let all: Vec<Entry> =
        areas.with_value(|a| a.iter().flat_map(|a| a.entries.iter().copied()).collect());
    let mut map = ShownText::new();
    for e in all {
        let text = owner.with(|| {
            let child = Owner::new();
            let text = child.with(|| {
                let Ok(el) = doc.create_element("div") else {
                    return String::new();
                };
                let mut state = (e.render)().build();
                state.mount(&el, None);
                let text = el.text_content().unwrap_or_default();
                state.unmount();
                text
            });
            child.cleanup();
            text
        });
        map.insert((e.component, e.state), text);
    }
    shown.set_value(Some(map));
}

/// Arrow keys (and Home/End inside the list) move between the list's groups and states.
fn on_tree_keys(ev: leptos::ev::KeyboardEvent) {
    let key = ev.key();
    if !matches!(key.as_str(), "ArrowDown" | "ArrowUp" | "Home" | "End") {
        return;
    }
    let Some(nav) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Ok(list) = nav.query_selector_all(".gallery__tree summary, .gallery__tree a") else {
        return;
    };
    let items: Vec<web_sys::HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        // Shown: not in a `hidden` item, not inside a closed group (whose content Chromium keeps
        // laid out, so offsetParent alone does not tell).
        .filter(|el| {
            el.offset_parent().is_some()
                && matches!(el.closest("details:not([open]) :not(summary)"), Ok(None))
        })
        .collect();
    let Some(last) = items.len().checked_sub(1) else {
        return;
    };
    let active = document().active_element();
    let pos = items.iter().position(|el| {
        active
            .as_ref()
            .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
    });
    let next = match (key.as_str(), pos) {
        ("ArrowDown", Some(i)) => (i + 1).min(last),
        ("ArrowUp", Some(i)) => i.saturating_sub(1),
        ("ArrowDown", None) => 0,
        ("Home", Some(_)) => 0,
        ("End", Some(_)) => last,
        // Up, Home and End in the search box stay the box's own keys.
        _ => return,
    };
    if let Some(el) = items.get(next) {
        ev.prevent_default();
        let _ = el.focus();
    }
}
