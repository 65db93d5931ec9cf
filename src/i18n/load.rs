//! The string tables of the languages other than English, loaded on demand.
//!
//! English is compiled in (`en.rs`) and is the fallback. Every other language is one JSON file,
//! `i18n/<code>.json` in the repository, with the same shape as [`Strings`] (field names as keys;
//! serde rejects a missing or unknown key). The Trunk hook `scripts/i18n-dist.mjs` copies each
//! into the bundle as `i18n/<code>.<content hash>.json` and names the files in a
//! `<meta name="osmand-i18n">` of `index.html`; the browser fetches only the language it shows.
//! A loaded table lives for the rest of the page (leaked once per language), so views keep
//! using `&'static str` exactly as with the built-in English. How a file becomes a table:
//! `text.rs`.
//!
//! Native tests and the gallery compile every file in instead (`include_str!`): they need every
//! language without a server, and the gallery's static copy opens from `file://`, where `fetch`
//! is refused.
//!
//! The fetch is a plain `spawn_local` of a static file, not a `/mapapi` call, so it does not go
//! through `call.rs` (no session, no server error texts).

use std::sync::OnceLock;

use super::{Locale, Strings};

/// One slot per language of [`Locale::ALL`].
static TABLES: [OnceLock<&'static Strings>; 11] = [const { OnceLock::new() }; 11];

fn slot(l: Locale) -> Option<&'static OnceLock<&'static Strings>> {
    let i = Locale::ALL.iter().position(|x| *x == l)?;
    TABLES.get(i)
}

/// The table of `l` if it is there: English always, another language once loaded (or, in
/// native tests and the gallery, compiled in).
pub(super) fn table(l: Locale) -> Option<&'static Strings> {
    if l == Locale::En {
        return Some(&super::en::EN);
    }
    let slot = slot(l)?;
    if let Some(t) = slot.get() {
        return Some(t);
    }
    builtin(l)
        .and_then(|text| parse(text).ok())
        .map(|t| *slot.get_or_init(|| t))
}

/// Whether `l` can be shown at once (no fetch needed).
pub fn is_loaded(l: Locale) -> bool {
    table(l).is_some()
}

/// Parses a language file into a table that lives for the rest of the page. In the browser
/// the browser's `JSON.parse` reads it; natively `serde_json`.
pub fn parse(text: &str) -> Result<&'static Strings, String> {
    #[cfg(target_arch = "wasm32")]
    let tree = js_sys::JSON::parse(text).map_err(|_| "not JSON".to_string())?;
    #[cfg(not(target_arch = "wasm32"))]
    let tree: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut t: Strings = super::en::EN;
    super::text::Fill::fill(&mut t, &tree)?;
    Ok(Box::leak(Box::new(t)))
}

/// The compiled-in file of `l` (native tests and the gallery only).
#[cfg(any(not(target_arch = "wasm32"), feature = "gallery"))]
pub fn builtin(l: Locale) -> Option<&'static str> {
    Some(match l {
        Locale::Ar => include_str!("../../i18n/ar.json"),
        Locale::De => include_str!("../../i18n/de.json"),
        Locale::En => return None,
        Locale::Es => include_str!("../../i18n/es.json"),
        Locale::Fr => include_str!("../../i18n/fr.json"),
        Locale::It => include_str!("../../i18n/it.json"),
        Locale::Nl => include_str!("../../i18n/nl.json"),
        Locale::Pl => include_str!("../../i18n/pl.json"),
        Locale::Pt => include_str!("../../i18n/pt.json"),
        Locale::Tr => include_str!("../../i18n/tr.json"),
        Locale::Uk => include_str!("../../i18n/uk.json"),
    })
}

#[cfg(not(any(not(target_arch = "wasm32"), feature = "gallery")))]
fn builtin(_l: Locale) -> Option<&'static str> {
    None
}

/// Why a language could not be loaded (the switch says so, in the language still shown).
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// The page names no file for it (an old or hand-made `index.html`).
    NotListed,
    /// The file could not be fetched (offline, 404).
    Fetch(String),
    /// The file is not a complete table.
    Invalid(String),
}

/// The address of `l`'s file, as the bundle's `<meta name="osmand-i18n">` lists it
/// (`"ar=/map/i18n/ar.1f2e….json de=…"`).
pub fn file_url(meta: &str, l: Locale) -> Option<String> {
    meta.split_whitespace().find_map(|pair| {
        let (code, url) = pair.split_once('=')?;
        (code == l.code()).then(|| url.to_string())
    })
}

/// Makes `l`'s table available: at once if it is there, else by fetching its file.
pub async fn ensure(l: Locale) -> Result<(), LoadError> {
    if is_loaded(l) {
        return Ok(());
    }
    let meta = crate::browser::meta_content("osmand-i18n").ok_or(LoadError::NotListed)?;
    let url = file_url(&meta, l).ok_or(LoadError::NotListed)?;
    let text = crate::browser::fetch_text(&url)
        .await
        .map_err(LoadError::Fetch)?;
    install(l, &text).map_err(LoadError::Invalid)
}

/// Makes `text` (a language file) `l`'s table. The browser tests use it with the repository's
/// file, as `ensure` does with the fetched one.
pub fn install(l: Locale, text: &str) -> Result<(), String> {
    let t = parse(text)?;
    if let Some(slot) = slot(l) {
        let _ = slot.set(t);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_language_file_in_the_meta_list() {
        let meta = "ar=/map/i18n/ar.01.json  de=/map/i18n/de.02.json";
        assert_eq!(
            file_url(meta, Locale::De).as_deref(),
            Some("/map/i18n/de.02.json")
        );
        assert_eq!(file_url(meta, Locale::Pl), None);
        assert_eq!(file_url("", Locale::Ar), None);
    }

    #[test]
    fn every_language_is_there_natively() {
        for l in Locale::ALL {
            assert!(is_loaded(l), "{l:?} does not load");
        }
    }
}
