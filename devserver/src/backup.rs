//! `download-backup`: which files go into the archive and the archive itself (mapapi.md §6).

use std::io::{Cursor, Write};

use chrono::{Datelike, Local, TimeZone, Timelike};
use serde_json::json;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

use crate::files::FileRow;

/// Resource folders of `FILE` rows and the subtype names written to `items.json`.
const FILE_FOLDERS: &[(&str, &str)] = &[
    ("rendering", "RENDERING_STYLE"),
    ("routing", "ROUTING_CONFIG"),
    ("srtm", "SRTM_MAP"),
    ("tiles", "TILES_MAP"),
    ("voice", "VOICE"),
    ("wiki", "WIKI_MAP"),
    ("roads", "ROAD_MAP"),
    ("travel", "TRAVEL"),
    ("avnotes", "AV_NOTES"),
    ("color-palette", "COLOR_PALETTE"),
];

/// For a `FILE` row: its folder and subtype name; root `.obf` maps have folder "".
/// `None` for files of no known subtype (they are never exported).
pub fn file_subtype(name: &str) -> Option<(&'static str, &'static str)> {
    match name.split_once('/') {
        Some((folder, _)) => FILE_FOLDERS
            .iter()
            .find(|(f, _)| f.eq_ignore_ascii_case(folder))
            .copied(),
        None if name.to_ascii_lowercase().ends_with(".obf") => Some(("", "OBF_MAP")),
        None => None,
    }
}

/// Whether a row's type is among the selected type keys (`GPX`, `FILE_RENDERING`, …).
pub fn is_selected(row: &FileRow, selectors: &[String]) -> bool {
    let kind = row.kind.to_ascii_uppercase();
    if kind != "FILE" {
        return selectors.iter().any(|s| s.eq_ignore_ascii_case(&kind));
    }
    let Some((folder, _)) = file_subtype(&row.name) else {
        return false;
    };
    selectors.iter().any(|s| {
        let upper = s.to_ascii_uppercase();
        match upper.strip_prefix("FILE_") {
            Some(key) if folder.is_empty() => key == "MAPS" || key == "OTHER",
            Some(key) => key.eq_ignore_ascii_case(folder),
            None => false,
        }
    })
}

/// Companion and folder metadata files are never exported.
pub fn is_skipped_name(name: &str) -> bool {
    name.ends_with(".info")
}

/// `Export_dd-MM-yy<format>` in the server's local date.
pub fn file_name(now_ms: i64, format: &str) -> String {
    let date = Local
        .timestamp_millis_opt(now_ms)
        .single()
        .map(|t| t.format("%d-%m-%y").to_string())
        .unwrap_or_default();
    format!("Export_{date}{format}")
}

/// One file to put into the archive (plain contents).
#[derive(Debug, Clone)]
pub struct Entry {
    pub kind: String,
    pub name: String,
    pub updatetime: i64,
    pub content: Vec<u8>,
}

fn zip_time(ms: i64) -> zip::DateTime {
    Local
        .timestamp_millis_opt(ms)
        .single()
        .and_then(|t| {
            let year = u16::try_from(t.year()).ok()?;
            let b = |v: u32| u8::try_from(v).ok();
            zip::DateTime::from_date_and_time(
                year,
                b(t.month())?,
                b(t.day())?,
                b(t.hour())?,
                b(t.minute())?,
                b(t.second())?,
            )
            .ok()
        })
        .unwrap_or_default()
}

/// Builds the archive: entries `<TYPE>/<name>` for `.zip`, else the OSF layout
/// (`tracks/<name>` for GPX, `<name>` otherwise), plus `items.json`.
pub fn build(entries: &[Entry], format: &str) -> zip::result::ZipResult<Vec<u8>> {
    let zip_layout = format.eq_ignore_ascii_case(".zip");
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let mut items = Vec::new();
    for e in entries {
        let osf_path = if e.kind == "GPX" {
            format!("tracks/{}", e.name)
        } else {
            e.name.clone()
        };
        let path = if zip_layout {
            format!("{}/{}", e.kind, e.name)
        } else {
            osf_path.clone()
        };
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(zip_time(e.updatetime));
        zip.start_file(path, options)?;
        zip.write_all(&e.content)?;
        let subtype = if e.kind == "FILE" {
            file_subtype(&e.name).map_or("UNKNOWN", |(_, s)| s)
        } else {
            "UNKNOWN"
        };
        items.push(json!({"file": osf_path, "type": e.kind, "subtype": subtype}));
    }
    let manifest = json!({"version": 1, "items": items}).to_string();
    zip.start_file("items.json", SimpleFileOptions::default())?;
    zip.write_all(manifest.as_bytes())?;
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(kind: &str, name: &str) -> FileRow {
        FileRow {
            id: 1,
            userid: 1,
            deviceid: 1,
            kind: kind.into(),
            name: name.into(),
            filesize: 1,
            zipfilesize: 1,
            updatetime: 0,
            clienttime: None,
            storage: None,
            details: None,
        }
    }

    #[test]
    fn selection() {
        let sel = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert!(is_selected(&row("GPX", "a.gpx"), &sel(&["GPX"])));
        assert!(!is_selected(&row("GPX", "a.gpx"), &sel(&["FAVOURITES"])));
        assert!(is_selected(
            &row("FILE", "rendering/x.render.xml"),
            &sel(&["FILE_RENDERING"])
        ));
        assert!(!is_selected(
            &row("FILE", "rendering/x.render.xml"),
            &sel(&["FILE"])
        ));
        assert!(is_selected(&row("FILE", "Lux.obf"), &sel(&["FILE_MAPS"])));
        assert!(is_selected(&row("FILE", "Lux.obf"), &sel(&["FILE_OTHER"])));
        assert!(!is_selected(
            &row("FILE", "notes.txt"),
            &sel(&["FILE_OTHER"])
        ));
        assert!(is_selected(
            &row("FILE", "color-palette/a.txt"),
            &sel(&["FILE_COLOR-PALETTE"])
        ));
        assert!(is_skipped_name("a.gpx.info"));
        assert!(is_skipped_name("x/__folder__.info"));
        assert_eq!(file_name(0, ".osf").len(), "Export_01-01-70.osf".len());
    }
}
