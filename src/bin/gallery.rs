//! The designers' gallery entry point (`make gallery`).

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(osmand_account::gallery::GalleryApp);
}
