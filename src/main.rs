//! Entry point: panic hook, then mount the app.

fn main() {
    console_error_panic_hook::set_once();
    #[cfg(target_arch = "wasm32")]
    osmand_api::browser::mark_activity();
    leptos::mount::mount_to_body(osmand_account::App);
    // The first render is done: the page is ready for OsmAnd's browser suite.
    osmand_account::browser::mark_ready();
}
