//! Where keyboard focus goes when a view appears, and the clock views count down with.

use leptos::html::Input;
use leptos::prelude::*;

/// Focuses an input once it is in the DOM.
pub fn focus_when_shown(node: NodeRef<Input>) {
    Effect::new(move |_| {
        if let Some(el) = node.get() {
            let _ = el.focus();
        }
    });
}

/// Moves focus to the element with this id once the view is shown (a result heading, so screen
/// readers announce it).
pub fn focus_id_when_shown(id: &'static str) {
    Effect::new(move |_| crate::browser::focus_id(id));
}

/// Ticks `now` every second while the owner lives (resend countdowns).
pub fn run_clock(now: RwSignal<i64>) {
    if let Ok(handle) = set_interval_with_handle(
        move || now.set(crate::browser::now_ms()),
        std::time::Duration::from_secs(1),
    ) {
        on_cleanup(move || handle.clear());
    }
}
