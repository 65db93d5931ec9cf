//! The one modal dialog: a native `<dialog>` opened with `showModal()`, so the browser makes the
//! page behind it inert, keeps Tab inside, closes on Escape and returns focus to the opener.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::icons::IconClose;
use crate::i18n::use_i18n;

/// Provided around a subtree whose dialogs open in place (`show()`) rather than over the page:
/// the gallery's sheets, where several states with an open dialog sit side by side.
#[derive(Clone, Copy, Debug)]
pub struct InPlace;

/// The first text field of a dialog's body.
const FIRST_FIELD: &str = ".dialog__body input:not([type=checkbox]):not([type=radio]):not([disabled]), .dialog__body textarea:not([disabled])";

/// A modal dialog with a title bar and a close button. Content is mounted only while open, so
/// every opening starts fresh.
#[component]
pub fn Dialog(
    /// Whether the dialog is shown.
    #[prop(into)]
    open: Signal<bool>,
    /// Escape, the × button: the owner sets `open` to false (it may refuse while busy).
    on_close: Callback<()>,
    #[prop(into)] title: Signal<String>,
    /// Element id (the reference's Selenium ids, e.g. `se-delete-account-dialog`).
    id: &'static str,
    /// Id of the × button.
    #[prop(optional)]
    close_id: &'static str,
    /// Wider layout for trees and lists.
    #[prop(optional)]
    wide: bool,
    children: ChildrenFn,
) -> impl IntoView {
    let i18n = use_i18n();
    let node = NodeRef::<html::Dialog>::new();
    let in_place = use_context::<InPlace>().is_some();
    Effect::new(move |_| {
        let want = open.get();
        if let Some(el) = node.get() {
            if want && !el.open() {
                if in_place {
                    el.show();
                } else {
                    let _ = el.show_modal();
                }
                // A form opens on its first field (the browser alone would pick the × button).
                request_animation_frame(move || {
                    if let Ok(Some(field)) = el.query_selector(FIRST_FIELD) {
                        if let Some(f) = field.dyn_ref::<web_sys::HtmlElement>() {
                            let _ = f.focus();
                        }
                    }
                });
            } else if !want && el.open() {
                el.close();
            }
        }
    });
    let title_id = format!("{id}-title");
    let labelled_by = title_id.clone();
    let close_id = (!close_id.is_empty()).then_some(close_id);
    view! {
        <dialog
            node_ref=node
            id=id
            class="dialog"
            class:dialog--wide=wide
            aria-labelledby=labelled_by
            on:cancel=move |ev: leptos::ev::Event| {
                // Escape: let the owner decide (keeps the signal the single source of truth).
                ev.prevent_default();
                on_close.run(());
            }
        >
            <div class="dialog__header">
                <h2 class="dialog__title" id=title_id>{move || title.get()}</h2>
                <button
                    type="button"
                    class="icon-btn"
                    id=close_id
                    aria-label=move || i18n.t().close_dialog
                    on:click=move |_| on_close.run(())
                >
                    <IconClose/>
                </button>
            </div>
            <div class="dialog__body">
                <Show when=move || open.get()>{children()}</Show>
            </div>
        </dialog>
    }
}
