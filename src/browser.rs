//! Thin, panic-free wrappers around the browser APIs the app needs. On native targets (unit tests)
//! they do nothing, so logic that calls them stays testable.

/// Milliseconds since the epoch, now.
pub fn now_ms() -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now() as i64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        chrono::Utc::now().timestamp_millis()
    }
}

/// The browser's time-zone offset at `ms`, in minutes east of UTC (0 natively).
pub fn tz_offset_minutes(ms: i64) -> i32 {
    #[cfg(target_arch = "wasm32")]
    {
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
        -(date.get_timezone_offset() as i32)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = ms;
        0
    }
}

#[cfg(target_arch = "wasm32")]
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads a non-sensitive preference (language, last e-mail) from localStorage.
pub fn local_storage_get(key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        storage()?.get_item(key).ok().flatten()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

/// Stores a non-sensitive preference; failures (private mode, quota) are ignored.
pub fn local_storage_set(key: &str, value: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = storage() {
        let _ = s.set_item(key, value);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (key, value);
}

/// Removes a stored preference.
pub fn local_storage_remove(key: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = key;
}

/// Sets `<html lang>` and `<html dir>`, so screen readers pronounce the texts right and
/// right-to-left languages mirror the layout.
pub fn set_document_lang(code: &str, dir: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", code);
        let _ = el.set_attribute("dir", dir);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (code, dir);
}

/// The browser's preferred languages, best first (`navigator.languages`, else `language`).
pub fn navigator_languages() -> Vec<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(nav) = web_sys::window().map(|w| w.navigator()) else {
            return Vec::new();
        };
        let list: Vec<String> = nav
            .languages()
            .iter()
            .filter_map(|v| v.as_string())
            .collect();
        if list.is_empty() {
            nav.language().into_iter().collect()
        } else {
            list
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Vec::new()
    }
}

/// The `content` of `<meta name="{name}">` in the page, if there is one.
pub fn meta_content(name: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?
            .document()?
            .query_selector(&format!("meta[name=\"{name}\"]"))
            .ok()??
            .get_attribute("content")
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        None
    }
}

/// Fetches a static file of the bundle as text (same origin, normal HTTP caching). The error
/// is a short technical reason for the console and the tests; the user sees their own message.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let window = web_sys::window().ok_or("no window")?;
        let resp = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
            .await
            .map_err(|_| "network".to_string())?;
        let resp: web_sys::Response = resp.dyn_into().map_err(|_| "not a response")?;
        if !resp.ok() {
            return Err(format!("HTTP {}", resp.status()));
        }
        let text = resp.text().map_err(|_| "unreadable")?;
        wasm_bindgen_futures::JsFuture::from(text)
            .await
            .ok()
            .and_then(|v| v.as_string())
            .ok_or_else(|| "unreadable".to_string())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Err(format!("no fetch outside the browser ({url})"))
    }
}

/// What OsmAnd's browser suite waits for at the end of every test: `window.seIsTilesLoaded`.
/// The real web map sets it once its tiles have loaded; this page has no tile map, so it says
/// so once the app is mounted (with an activity stamp, see `osmand_api::browser::mark_activity`).
pub fn mark_ready() {
    #[cfg(target_arch = "wasm32")]
    {
        if let Some(w) = web_sys::window() {
            let _ = js_sys::Reflect::set(
                &w,
                &wasm_bindgen::JsValue::from_str("seIsTilesLoaded"),
                &wasm_bindgen::JsValue::TRUE,
            );
        }
        osmand_api::browser::mark_activity();
    }
}

/// Whether the page is in view (`document.visibilityState == "visible"`; always natively).
pub fn tab_visible() -> bool {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| {
                js_sys::Reflect::get(&d, &wasm_bindgen::JsValue::from_str("visibilityState")).ok()
            })
            .and_then(|v| v.as_string())
            .is_none_or(|v| v == "visible")
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        true
    }
}

/// Sets the document title.
pub fn set_title(title: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = title;
}

/// Moves keyboard focus to the element with this id, if it exists.
pub fn focus_id(id: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = id;
}

/// The current path and query (`/map/account/purchases/?x=1`), for "come back here after login".
pub fn current_path() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .map(|w| w.location())
            .map(|l| {
                format!(
                    "{}{}",
                    l.pathname().unwrap_or_default(),
                    l.search().unwrap_or_default()
                )
            })
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// Hands a Blob to the browser as a download named `name` (a temporary `<a download>`).
/// Returns whether the browser accepted it.
pub fn save_blob(name: &str, blob: &web_sys::Blob) -> bool {
    use wasm_bindgen::JsCast;
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return false;
    };
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(a) = doc
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return false;
    };
    a.set_href(&url);
    a.set_download(name);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
    let _ = web_sys::Url::revoke_object_url(&url);
    true
}

/// Shows the element `id` at the top of its scrolling panel body and moves keyboard focus to
/// `focus` (a heading with `tabindex="-1"` inside it), so a link to a section lands every user
/// there. Only the panel body scrolls: the frame around it is put back if anything (the
/// router's own jump to the hash) moved it.
pub fn show_id(id: &str, focus: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
        else {
            return;
        };
        focus_id(focus);
        match el.closest(".panel__body").ok().flatten() {
            Some(body) => {
                let offset =
                    el.get_bounding_client_rect().top() - body.get_bounding_client_rect().top();
                body.set_scroll_top(body.scroll_top() + offset as i32 - 8);
                unscroll_above(&body);
            }
            None => el.scroll_into_view(),
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (id, focus);
}

/// Scrolls the panel body (the first `.panel__body`) back to its top, and the frame with it.
pub fn scroll_panel_to_top() {
    #[cfg(target_arch = "wasm32")]
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(".panel__body").ok().flatten())
    {
        body.set_scroll_top(0);
        unscroll_above(&body);
    }
}

/// Puts every ancestor of `el` back to its top (they are not meant to scroll).
#[cfg(target_arch = "wasm32")]
fn unscroll_above(el: &web_sys::Element) {
    let mut up = el.parent_element();
    while let Some(p) = up {
        if p.scroll_top() != 0 {
            p.set_scroll_top(0);
        }
        up = p.parent_element();
    }
}
