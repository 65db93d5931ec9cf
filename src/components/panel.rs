//! The side panel frame: a header with close or back, a title, optional actions, and a body.

use leptos::prelude::*;

use crate::components::icons::{IconBack, IconClose};
use crate::i18n::use_i18n;

/// What the header's left button does.
#[derive(Clone)]
pub enum PanelNav {
    /// Close the panel: a link to this href (`/map/`).
    Close(String),
    /// Go back: a link to this href.
    Back(String),
    /// Go back to a place that depends on state (the purchases help: the list when logged in,
    /// else the account panel).
    BackTo(Signal<String>),
}

/// The panel frame. The title is the panel's `<h1>`, focusable by script: where the focus keeper
/// ([`crate::components::focus::install_focus_keeper`]) puts focus when a page replaced the last one.
#[component]
pub fn Panel(
    #[prop(into)] title: Signal<String>,
    nav: PanelNav,
    /// Id of the left button (the reference's Selenium ids).
    #[prop(optional)]
    nav_id: &'static str,
    /// Id of the title (default `panel-title`; the login form's is the reference's
    /// `se-login-menu-name`, which OsmAnd's browser suite waits on).
    #[prop(optional)]
    title_id: &'static str,
    /// Buttons shown at the right of the header.
    #[prop(optional)]
    actions: Option<ChildrenFn>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let nav_id = (!nav_id.is_empty()).then_some(nav_id);
    let title_id = if title_id.is_empty() {
        crate::components::focus::PANEL_HEADING_ID
    } else {
        title_id
    };
    let nav_view = match nav {
        PanelNav::Close(href) => view! {
            <a class="icon-btn" href=href id=nav_id aria-label=move || i18n.t().close_panel><IconClose/></a>
        }
        .into_any(),
        PanelNav::Back(href) => view! {
            <a class="icon-btn" href=href id=nav_id aria-label=move || i18n.t().back><IconBack/></a>
        }
        .into_any(),
        PanelNav::BackTo(href) => view! {
            <a class="icon-btn" href=move || href.get() id=nav_id aria-label=move || i18n.t().back><IconBack/></a>
        }
        .into_any(),
    };
    view! {
        <section class="panel" aria-labelledby=title_id>
            <header class="panel__header">
                {nav_view}
                <h1 class="panel__title" id=title_id tabindex="-1">{move || title.get()}</h1>
                <div class="panel__actions">{actions.map(|a| a())}</div>
            </header>
            <div class="panel__body">{children()}</div>
        </section>
    }
}
