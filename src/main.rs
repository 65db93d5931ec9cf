//! Entry point: panic hook, the language's texts, then mount the app.

use osmand_account::i18n::{ensure, I18n};

fn main() {
    console_error_panic_hook::set_once();
    #[cfg(target_arch = "wasm32")]
    osmand_api::browser::mark_activity();
    let locale = I18n::detect();
    // The texts of a language other than English arrive first (a few KB, fetched while the
    // session check preloads), so the first paint is already in the user's language.
    // Not `leptos::task::spawn_local`: its executor starts with the mount below.
    wasm_bindgen_futures::spawn_local(async move {
        let _ = ensure(locale).await;
        leptos::mount::mount_to_body(move || {
            osmand_account::App(osmand_account::AppProps { locale })
        });
        // The first render is done: the page is ready for OsmAnd's browser suite.
        osmand_account::browser::mark_ready();
    });
}
