//! Plain logic of Changes and Trash: decoding versions once into rows, grouping by month,
//! filtering, device names. No DOM here; tested natively.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::Datelike;
use osmand_api::models::{ChangeKind, UserFile};

use crate::i18n::format::local_datetime;

/// Fixed row height (px) of the windowed list; headers and items share it.
pub const ROW_HEIGHT: f64 = ROW_PX as f64;
/// The same height as a whole number, for CSS lengths.
pub const ROW_PX: usize = 72;
/// Rows rendered above and below the visible window.
pub const OVERSCAN: usize = 8;

/// One version, decoded once.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub file: UserFile,
    /// `$0D`/`$0A` decoded.
    pub name: String,
    /// Lower-case name for filtering.
    pub search: String,
    pub kind: ChangeKind,
    /// Brand + model (Apple ids mapped), if the server sent device info.
    pub device: Option<String>,
    /// (year, month0) of the version in local time.
    pub month: (i32, u32),
}

/// A row of the flat list: a month heading or an index into the items.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Month(i32, u32),
    Item(usize),
}

/// Apple model identifiers → marketing names (the common recent ones).
const APPLE_MODELS: &[(&str, &str)] = &[
    ("iPhone12,1", "iPhone 11"),
    ("iPhone12,3", "iPhone 11 Pro"),
    ("iPhone12,5", "iPhone 11 Pro Max"),
    ("iPhone12,8", "iPhone SE (2nd generation)"),
    ("iPhone13,1", "iPhone 12 mini"),
    ("iPhone13,2", "iPhone 12"),
    ("iPhone13,3", "iPhone 12 Pro"),
    ("iPhone13,4", "iPhone 12 Pro Max"),
    ("iPhone14,2", "iPhone 13 Pro"),
    ("iPhone14,3", "iPhone 13 Pro Max"),
    ("iPhone14,4", "iPhone 13 mini"),
    ("iPhone14,5", "iPhone 13"),
    ("iPhone14,6", "iPhone SE (3rd generation)"),
    ("iPhone14,7", "iPhone 14"),
    ("iPhone14,8", "iPhone 14 Plus"),
    ("iPhone15,2", "iPhone 14 Pro"),
    ("iPhone15,3", "iPhone 14 Pro Max"),
    ("iPhone15,4", "iPhone 15"),
    ("iPhone15,5", "iPhone 15 Plus"),
    ("iPhone16,1", "iPhone 15 Pro"),
    ("iPhone16,2", "iPhone 15 Pro Max"),
    ("iPhone17,1", "iPhone 16 Pro"),
    ("iPhone17,2", "iPhone 16 Pro Max"),
    ("iPhone17,3", "iPhone 16"),
    ("iPhone17,4", "iPhone 16 Plus"),
    ("iPad13,18", "iPad (10th generation)"),
    ("iPad14,1", "iPad mini (6th generation)"),
];

/// The marketing name of an Apple model id, or the id itself.
pub fn apple_model_name(model: &str) -> &str {
    APPLE_MODELS
        .iter()
        .find(|(id, _)| *id == model)
        .map_or(model, |(_, name)| name)
}

/// "Google Pixel 8", "iPhone 14 Pro" (Apple's brand is implied by the name), or `None`.
pub fn device_name(file: &UserFile) -> Option<String> {
    let (brand, model) = file.device_label()?;
    if brand.eq_ignore_ascii_case("apple") && !model.is_empty() {
        return Some(apple_model_name(model).to_string());
    }
    let text = match (brand.is_empty(), model.is_empty()) {
        (false, false) => {
            if model.to_lowercase().starts_with(&brand.to_lowercase()) {
                model.to_string()
            } else {
                format!("{brand} {model}")
            }
        }
        (false, true) => brand.to_string(),
        _ => model.to_string(),
    };
    Some(text)
}

/// Map files kept on the server that the web client does not download.
pub fn is_map_file(file: &UserFile) -> bool {
    let name = file.name.to_ascii_lowercase();
    file.r#type == "FILE"
        && [".obf", ".sqlitedb", ".tif"]
            .iter()
            .any(|e| name.ends_with(e))
}

/// Whether the server can restore a deleted file of this kind. Its `restore-file`
/// (`UserdataService.restoreFile` → `getZipFile`) re-reads the old version as GPX and writes it
/// back as GPX, and answers `Error restore file` for anything that is not GPX: tracks, and
/// favourites (stored as GPX documents), come back; settings, maps and other files do not.
pub fn can_restore(file: &UserFile) -> bool {
    match file.r#type.as_str() {
        "GPX" => true,
        "FAVOURITES" => file.name.to_ascii_lowercase().ends_with(".gpx"),
        _ => false,
    }
}

/// What an "Empty trash" really did, read from the list fetched again afterwards (by type and
/// name), whatever its answer said: the requested entries that are gone for good, and those
/// the trash still holds. An entry that is neither was restored meanwhile.
pub fn empty_trash_outcome(requested: &[Item], relisted: &[Item]) -> (Vec<Item>, Vec<Item>) {
    let left = trash_items(relisted);
    let same = |a: &Item, b: &Item| a.file.r#type == b.file.r#type && a.file.name == b.file.name;
    let gone = requested
        .iter()
        .filter(|r| !relisted.iter().any(|x| same(x, r)))
        .cloned()
        .collect();
    let kept = requested
        .iter()
        .filter(|r| left.iter().any(|l| same(l, r)))
        .cloned()
        .collect();
    (gone, kept)
}

/// The letter on a row's type icon. Each type the lists show has its own (tracks T, favourites F,
/// maps M, other resources R, general settings G, …), so two kinds never share one.
pub fn type_letter(file: &UserFile) -> &'static str {
    match file.r#type.as_str() {
        "GPX" => "T",
        "FAVOURITES" => "F",
        "FILE" if is_map_file(file) => "M",
        "FILE" => "R",
        "MAP_SOURCES" => "O",
        "GLOBAL" => "G",
        "PROFILE" => "P",
        "QUICK_ACTIONS" => "Q",
        "OSM_EDITS" => "E",
        "OSM_NOTES" => "N",
        "SEARCH_HISTORY" => "H",
        "AVOID_ROADS" => "A",
        "POI_UI_FILTERS" => "U",
        "ACTIVE_MARKERS" | "HISTORY_MARKERS" => "K",
        "ITINERARY_GROUPS" => "I",
        "COLOR_DATA" => "C",
        "ONLINE_ROUTING_ENGINES" => "W",
        "TERRAIN_DATA" => "D",
        _ => "•",
    }
}

/// Whether a deleted version (Changes) was already restored: the same file has a newer version.
/// `items` are newest first, so only the ones before it are looked at.
pub fn already_restored(items: &[Item], file: &UserFile) -> bool {
    file.is_tombstone()
        && items
            .iter()
            .take_while(|it| it.file.updatetimems > file.updatetimems)
            .any(|it| it.file.r#type == file.r#type && it.file.name == file.name)
}

/// The file name without folders, for saving a download.
pub fn save_name(name: &str) -> String {
    let base = name.rsplit('/').next().unwrap_or(name);
    let clean: String = base
        .chars()
        .map(|c| if c.is_control() { '_' } else { c })
        .collect();
    if clean.trim().is_empty() {
        "download".to_string()
    } else {
        clean
    }
}

/// A file's name without its extension, as the reference's Changes/Trash ids use it
/// (`Alps/Hike.gpx` → `Alps/Hike`; a name without a dot stays as it is).
pub fn suite_name(name: &str) -> &str {
    let base_from = name.rfind('/').map_or(0, |i| i + 1);
    match name.rfind('.') {
        Some(dot) if dot > base_from => name.get(..dot).unwrap_or(name),
        _ => name,
    }
}

/// A name shown on one line: each line break (`\r\n`, `\n`, `\r`) becomes a visible "⏎", so
/// a name with breaks keeps to its row and still reads differently from one without.
pub fn one_line(name: &str) -> String {
    name.replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .collect::<Vec<_>>()
        .join(" ⏎ ")
}

/// Newest first, then by name: the one order of both lists (one comparator, one sort in the WASM).
fn newest_first(a: &Item, b: &Item) -> std::cmp::Ordering {
    b.file
        .updatetimems
        .cmp(&a.file.updatetimems)
        .then_with(|| a.name.cmp(&b.name))
}

/// Decodes every version once (dropping `.info` companions), newest first.
pub fn build_items(files: Vec<UserFile>, offset: impl Fn(i64) -> i32) -> Vec<Item> {
    let mut items: Vec<Item> = files
        .into_iter()
        .filter(|f| !f.is_info_file())
        .map(|file| to_item(file, &offset))
        .collect();
    crate::sort::sort_by(&mut items, newest_first);
    items
}

pub fn to_item(file: UserFile, offset: &impl Fn(i64) -> i32) -> Item {
    let name = file.display_name().into_owned();
    let search = name.to_lowercase();
    let kind = file.change_kind();
    let device = device_name(&file);
    let ms = file.updatetimems;
    let month = local_datetime(ms, offset(ms)).map_or((1970, 0), |d| (d.year(), d.month0()));
    Item {
        file,
        name,
        search,
        kind,
        device,
        month,
    }
}

/// Files whose newest version is a tombstone: one item (the tombstone) per file, newest first.
pub fn trash_items(items: &[Item]) -> Vec<Item> {
    let mut newest: HashMap<(&str, &str), &Item> = HashMap::new();
    for it in items {
        let key = (it.file.r#type.as_str(), it.file.name.as_str());
        match newest.get(&key) {
            Some(cur) if cur.file.updatetimems >= it.file.updatetimems => {}
            _ => {
                newest.insert(key, it);
            }
        }
    }
    let mut out: Vec<Item> = newest
        .into_values()
        .filter(|it| it.file.is_tombstone())
        .cloned()
        .collect();
    crate::sort::sort_by(&mut out, newest_first);
    out
}

/// What the user filters by.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub text: String,
    /// Exact type, empty = all.
    pub kind: String,
}

impl Filter {
    pub fn matches(&self, needle: &str, item: &Item) -> bool {
        (self.kind.is_empty() || item.file.r#type == self.kind)
            && (needle.is_empty() || item.search.contains(needle))
    }
}

/// The flat list: a month heading before each month's items (items already newest first).
pub fn group(items: &[Item], filter: &Filter) -> Vec<Row> {
    let needle = filter.text.trim().to_lowercase();
    let mut rows = Vec::with_capacity(items.len() + 32);
    let mut current: Option<(i32, u32)> = None;
    for (i, it) in items.iter().enumerate() {
        if !filter.matches(&needle, it) {
            continue;
        }
        if current != Some(it.month) {
            current = Some(it.month);
            rows.push(Row::Month(it.month.0, it.month.1));
        }
        rows.push(Row::Item(i));
    }
    rows
}

/// The type filter's choices for the listed `items`: each server type present once, named as
/// in the backup dialog (in the language of `s`), sorted by that name.
pub fn type_choices(
    items: &[Item],
    s: &crate::account::strings::AccountStrings,
) -> Vec<(String, String)> {
    let mut kinds: Vec<&str> = items.iter().map(|i| i.file.r#type.as_str()).collect();
    crate::sort::sort_by(&mut kinds, |a, b| a.cmp(b));
    kinds.dedup();
    let mut out: Vec<(String, String)> = kinds
        .into_iter()
        .map(|k| (k.to_string(), type_label(k, s)))
        .collect();
    crate::sort::sort_by(&mut out, |a, b| a.1.cmp(&b.1));
    out
}

/// A server type's name: the backup dialog's (`GPX` → "Tracks"); plain `FILE` rows are resources.
pub fn type_label(kind: &str, s: &crate::account::strings::AccountStrings) -> String {
    if kind.eq_ignore_ascii_case("FILE") {
        s.group_resources.to_string()
    } else {
        crate::account::strings::type_name(kind, s)
    }
}

/// The index range of rows to render for a scroll position.
pub fn window(scroll_top: f64, viewport: f64, total: usize) -> (usize, usize) {
    let first = (scroll_top.max(0.0) / ROW_HEIGHT).floor() as usize;
    let count = (viewport.max(ROW_HEIGHT) / ROW_HEIGHT).ceil() as usize;
    let start = first.saturating_sub(OVERSCAN).min(total);
    let end = (first + count + OVERSCAN).min(total);
    (start, end)
}

/// Replaces / inserts / removes versions and returns the new items (kept sorted).
pub fn with_inserted(items: &[Item], new: Item) -> Arc<Vec<Item>> {
    let mut v: Vec<Item> = items.to_vec();
    let pos = v
        .iter()
        .position(|it| it.file.updatetimems < new.file.updatetimems)
        .unwrap_or(v.len());
    v.insert(pos, new);
    Arc::new(v)
}

/// Items without the given version.
pub fn without_version(items: &[Item], kind: &str, name: &str, updatetime: i64) -> Arc<Vec<Item>> {
    Arc::new(
        items
            .iter()
            .filter(|it| {
                !(it.file.r#type == kind
                    && it.file.name == name
                    && it.file.updatetimems == updatetime)
            })
            .cloned()
            .collect(),
    )
}

/// Items without any version of the file.
pub fn without_file(items: &[Item], kind: &str, name: &str) -> Arc<Vec<Item>> {
    Arc::new(
        items
            .iter()
            .filter(|it| !(it.file.r#type == kind && it.file.name == name))
            .cloned()
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(kind: &str, name: &str, t: i64, tomb: bool, dev: Option<&str>) -> UserFile {
        UserFile {
            r#type: kind.into(),
            name: name.into(),
            updatetimems: t,
            clienttimems: t,
            filesize: if tomb { -1 } else { 10 },
            zip_size: if tomb { -1 } else { 8 },
            device_info: dev.map(String::from),
            ..UserFile::default()
        }
    }

    const JAN_2025: i64 = 1_736_000_000_000; // 2025-01-04
    const MAR_2025: i64 = 1_741_000_000_000; // 2025-03-03

    #[test]
    fn names_with_line_breaks_keep_to_one_line() {
        assert_eq!(one_line("Line\nbreak.gpx"), "Line ⏎ break.gpx");
        assert_eq!(one_line("a\r\nb\rc"), "a ⏎ b ⏎ c");
        assert_eq!(one_line("plain.gpx"), "plain.gpx");
    }

    #[test]
    fn groups_by_month_newest_first_and_drops_info() {
        let items = build_items(
            vec![
                f("GPX", "a.gpx", JAN_2025, false, None),
                f("GPX", "a.gpx.info", JAN_2025, false, None),
                f("GPX", "b.gpx", MAR_2025, false, None),
                f("GPX", "c.gpx", MAR_2025 + 1000, true, None),
            ],
            |_| 0,
        );
        assert_eq!(items.len(), 3);
        let rows = group(&items, &Filter::default());
        assert_eq!(
            rows,
            vec![
                Row::Month(2025, 2),
                Row::Item(0),
                Row::Item(1),
                Row::Month(2025, 0),
                Row::Item(2)
            ]
        );
        assert_eq!(items[0].name, "c.gpx");
        assert_eq!(items[0].kind, ChangeKind::Deleted);
    }

    #[test]
    fn type_letters_do_not_collide() {
        let kinds = [
            ("GPX", "a.gpx"),
            ("FAVOURITES", "favorites.gpx"),
            ("FILE", "Luxembourg_europe.obf"),
            ("FILE", "rendering/Topo-dark.render.xml"),
            ("MAP_SOURCES", "OpenTopoMap"),
            ("GLOBAL", "general_settings.json"),
            ("PROFILE", "car.json"),
            ("QUICK_ACTIONS", "quick_actions.json"),
            ("OSM_EDITS", "edits.osc"),
            ("OSM_NOTES", "notes.osc"),
            ("SEARCH_HISTORY", "history.json"),
            ("AVOID_ROADS", "roads.json"),
        ];
        let letters: Vec<&str> = kinds
            .iter()
            .map(|(k, n)| type_letter(&f(k, n, JAN_2025, false, None)))
            .collect();
        let mut unique = letters.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), letters.len(), "{letters:?}");
    }

    #[test]
    fn a_deletion_with_a_newer_version_was_already_restored() {
        let items = build_items(
            vec![
                f("GPX", "back.gpx", 1, false, None),
                f("GPX", "back.gpx", 2, true, None),
                f("GPX", "back.gpx", 3, false, None),
                f("GPX", "gone.gpx", 2, true, None),
                f("FAVOURITES", "gone.gpx", 5, false, None),
            ],
            |_| 0,
        );
        let find = |name: &str, t: i64| {
            items
                .iter()
                .find(|i| i.file.name == name && i.file.updatetimems == t)
                .map(|i| i.file.clone())
                .unwrap()
        };
        assert!(already_restored(&items, &find("back.gpx", 2)));
        assert!(
            !already_restored(&items, &find("gone.gpx", 2)),
            "another type"
        );
        assert!(
            !already_restored(&items, &find("back.gpx", 3)),
            "not a deletion"
        );
    }

    #[test]
    fn filter_by_text_and_type() {
        let items = build_items(
            vec![
                f("GPX", "Hike.gpx", JAN_2025, false, None),
                f("FAVOURITES", "favorites.gpx", MAR_2025, false, None),
            ],
            |_| 0,
        );
        let rows = group(
            &items,
            &Filter {
                text: " hIKE ".into(),
                kind: String::new(),
            },
        );
        assert_eq!(rows, vec![Row::Month(2025, 0), Row::Item(1)]);
        let rows = group(
            &items,
            &Filter {
                text: String::new(),
                kind: "FAVOURITES".into(),
            },
        );
        assert_eq!(rows, vec![Row::Month(2025, 2), Row::Item(0)]);
        assert!(group(
            &items,
            &Filter {
                text: "zzz".into(),
                kind: String::new()
            }
        )
        .is_empty());
        let en = crate::i18n::Locale::En.strings().account;
        let nl = crate::i18n::Locale::Nl.strings().account;
        assert_eq!(
            type_choices(&items, en),
            [
                ("FAVOURITES".to_string(), "Favourites".to_string()),
                ("GPX".to_string(), "Tracks".to_string())
            ]
        );
        assert_eq!(type_choices(&items, nl)[0].1, "Favorieten");
        assert_eq!(type_label("FILE", en), "Resources");
        assert_eq!(type_label("MAP_SOURCES", en), en.type_map_sources);
        // Only types present in the list offered (Trash lists only its tombstones).
        assert_eq!(type_choices(&trash_items(&items), en), []);
        let mixed = build_items(
            vec![
                f("GPX", "x.gpx", JAN_2025, true, None),
                f("MAP_SOURCES", "OpenTopoMap", MAR_2025, false, None),
            ],
            |_| 0,
        );
        assert_eq!(
            type_choices(&trash_items(&mixed), nl),
            [("GPX".to_string(), "Tracks".to_string())]
        );
    }

    #[test]
    fn month_uses_local_offset() {
        // 2025-01-31 23:30 UTC is February in UTC+1.
        let t = 1_738_366_200_000;
        assert_eq!(
            to_item(f("GPX", "x", t, false, None), &|_| 0).month,
            (2025, 0)
        );
        assert_eq!(
            to_item(f("GPX", "x", t, false, None), &|_| 60).month,
            (2025, 1)
        );
    }

    #[test]
    fn names_are_decoded() {
        let it = to_item(f("GPX", "a$0Db$0Ac.gpx", 1, false, None), &|_| 0);
        assert_eq!(it.name, "a\rb\nc.gpx");
        assert_eq!(save_name("Alps/a\nb.gpx"), "a_b.gpx");
        assert_eq!(save_name("dir/"), "download");
    }

    #[test]
    fn device_names() {
        let d = |s: Option<&str>| device_name(&f("GPX", "x", 1, false, s));
        assert_eq!(
            d(Some("Apple__model__iPhone15,2")).as_deref(),
            Some("iPhone 14 Pro")
        );
        assert_eq!(
            d(Some("Apple__model__iPhone99,9")).as_deref(),
            Some("iPhone99,9")
        );
        assert_eq!(
            d(Some("Google__model__Pixel 8")).as_deref(),
            Some("Google Pixel 8")
        );
        assert_eq!(
            d(Some("samsung__model__SM-S918B")).as_deref(),
            Some("samsung SM-S918B")
        );
        assert_eq!(
            d(Some("Google__model__Google Pixel 8")).as_deref(),
            Some("Google Pixel 8")
        );
        assert_eq!(d(Some("<b>x</b>")).as_deref(), Some("<b>x</b>"));
        assert_eq!(d(Some("__model__")), None);
        assert_eq!(d(None), None);
    }

    #[test]
    fn map_files_are_not_downloadable() {
        assert!(is_map_file(&f("FILE", "Netherlands.OBF", 1, false, None)));
        assert!(is_map_file(&f("FILE", "tiles.sqlitedb", 1, false, None)));
        assert!(!is_map_file(&f("FILE", "notes.txt", 1, false, None)));
        assert!(!is_map_file(&f("GPX", "a.obf", 1, false, None)));
    }

    #[test]
    fn trash_is_files_whose_newest_version_is_a_tombstone() {
        let items = build_items(
            vec![
                f("GPX", "gone.gpx", 1, false, None),
                f("GPX", "gone.gpx", 2, true, None),
                f("GPX", "back.gpx", 1, true, None),
                f("GPX", "back.gpx", 3, false, None),
                f("FAVOURITES", "gone.gpx", 5, false, None),
            ],
            |_| 0,
        );
        let t = trash_items(&items);
        assert_eq!(t.len(), 1);
        assert_eq!(
            (t[0].file.r#type.as_str(), t[0].file.updatetimems),
            ("GPX", 2)
        );
    }

    #[test]
    fn suite_names_drop_only_the_extension() {
        assert_eq!(suite_name("Morning run.gpx"), "Morning run");
        assert_eq!(suite_name("Alps/Hike.gpx"), "Alps/Hike");
        assert_eq!(suite_name("a.gpx.info"), "a.gpx");
        assert_eq!(suite_name("OpenTopoMap"), "OpenTopoMap");
        assert_eq!(suite_name("v1.2/notes"), "v1.2/notes");
    }

    #[test]
    fn only_gpx_documents_are_restorable() {
        assert!(can_restore(&f("GPX", "Hike.gpx", 1, true, None)));
        assert!(can_restore(&f(
            "FAVOURITES",
            "favorites-Parking.GPX",
            1,
            true,
            None
        )));
        assert!(!can_restore(&f("PROFILE", "car.json", 1, true, None)));
        assert!(!can_restore(&f(
            "GLOBAL",
            "general_settings.json",
            1,
            true,
            None
        )));
        assert!(!can_restore(&f(
            "FILE",
            "rendering/Topo.render.xml",
            1,
            true,
            None
        )));
        assert!(!can_restore(&f(
            "FILE",
            "Luxembourg_europe.obf",
            1,
            true,
            None
        )));
        assert!(!can_restore(&f(
            "FAVOURITES",
            "favourites.json",
            1,
            true,
            None
        )));
    }

    #[test]
    fn what_an_empty_trash_left_is_read_from_the_new_list() {
        let before = build_items(
            vec![
                f("GPX", "a.gpx", 1, false, None),
                f("GPX", "a.gpx", 2, true, None),
                f("PROFILE", "car.json", 1, false, None),
                f("PROFILE", "car.json", 3, true, None),
                f("GPX", "b.gpx", 1, false, None),
                f("GPX", "b.gpx", 4, true, None),
            ],
            |_| 0,
        );
        let requested = trash_items(&before);
        assert_eq!(requested.len(), 3);
        // The server removed a.gpx, kept car.json, and b.gpx was restored meanwhile.
        let after = build_items(
            vec![
                f("PROFILE", "car.json", 1, false, None),
                f("PROFILE", "car.json", 3, true, None),
                f("GPX", "b.gpx", 1, false, None),
                f("GPX", "b.gpx", 4, true, None),
                f("GPX", "b.gpx", 5, false, None),
            ],
            |_| 0,
        );
        let (gone, left) = empty_trash_outcome(&requested, &after);
        assert_eq!(gone.len(), 1, "b.gpx was restored, not deleted");
        assert_eq!(gone[0].file.name, "a.gpx");
        assert_eq!(left.len(), 1);
        assert_eq!(left[0].file.name, "car.json");
        let (gone, left) = empty_trash_outcome(&requested, &[]);
        assert_eq!((gone.len(), left.len()), (3, 0));
    }

    #[test]
    fn window_range() {
        let ten_rows = 10.0 * ROW_HEIGHT;
        assert_eq!(window(0.0, ten_rows, 1000), (0, 18));
        assert_eq!(window(100.0 * ROW_HEIGHT, ten_rows, 1000), (92, 118));
        assert_eq!(window(1e9, ten_rows, 1000), (1000, 1000));
        assert_eq!(window(0.0, ten_rows, 3), (0, 3));
    }

    #[test]
    fn insert_and_remove_keep_order() {
        let items = build_items(
            vec![
                f("GPX", "a", 10, false, None),
                f("GPX", "a", 30, true, None),
            ],
            |_| 0,
        );
        let v = with_inserted(&items, to_item(f("GPX", "a", 20, false, None), &|_| 0));
        let times: Vec<i64> = v.iter().map(|i| i.file.updatetimems).collect();
        assert_eq!(times, vec![30, 20, 10]);
        assert_eq!(without_version(&v, "GPX", "a", 20).len(), 2);
        assert_eq!(without_file(&v, "GPX", "a").len(), 0);
    }

    #[test]
    fn builds_50k_items() {
        let files: Vec<UserFile> = (0..50_000)
            .map(|i| {
                f(
                    "GPX",
                    &format!("t{}.gpx", i % 9000),
                    JAN_2025 + i * 60_000,
                    i % 7 == 0,
                    None,
                )
            })
            .collect();
        let items = build_items(files, |_| 0);
        let rows = group(&items, &Filter::default());
        assert!(rows.len() > 50_000);
        assert!(!trash_items(&items).is_empty());
    }
}
