//! The one confirmation dialog: a question, Cancel, and a (possibly destructive) confirm button
//! that is disabled while the action runs.

use leptos::prelude::*;

use crate::components::{Dialog, ErrorBanner};
use crate::i18n::use_i18n;

/// Asks before doing something that can't be undone.
#[component]
pub fn Confirm(
    #[prop(into)] open: Signal<bool>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] text: Signal<String>,
    #[prop(into)] confirm_label: Signal<String>,
    /// Red confirm button.
    #[prop(optional)]
    destructive: bool,
    /// The action is running: both buttons wait, Escape is ignored by the owner.
    #[prop(optional, into)]
    pending: Signal<bool>,
    /// Why the last attempt failed.
    #[prop(optional, into)]
    error: Signal<Option<String>>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
    id: &'static str,
    /// The confirm button is `<id>-<confirm_suffix>` (default `confirm`; the reference's
    /// dialogs use `delete`).
    #[prop(optional)]
    confirm_suffix: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let suffix = if confirm_suffix.is_empty() {
        "confirm"
    } else {
        confirm_suffix
    };
    let confirm_id = format!("{id}-{suffix}");
    let cancel_id = format!("{id}-cancel");
    view! {
        <Dialog open=open on_close=on_cancel title=title id=id>
            <p class="dialog__text">{move || text.get()}</p>
            <ErrorBanner message=error/>
            <div class="dialog__actions">
                <button type="button" class="btn" id=cancel_id.clone() disabled=move || pending.get()
                    on:click=move |_| on_cancel.run(())>
                    {move || i18n.t().cancel}
                </button>
                <button
                    type="button"
                    class="btn"
                    class:btn--danger=destructive
                    class:btn--primary=!destructive
                    id=confirm_id.clone()
                    disabled=move || pending.get()
                    aria-busy=move || if pending.get() { "true" } else { "false" }
                    on:click=move |_| {
                        if !pending.get_untracked() {
                            on_confirm.run(());
                        }
                    }
                >
                    {move || confirm_label.get()}
                </button>
            </div>
        </Dialog>
    }
}
