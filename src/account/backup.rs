//! The Download-all backup (S11) as plain data: which of the user's files the server will put in
//! the archive, grouped as the dialog shows them, what is selected, sizes, the time estimate and
//! the progress of a running download. The views only render this.
//!
//! The grouping follows the server's own selection rules (mapapi.md §6, `devserver/src/backup.rs`),
//! not the reference client's looser ones, so the size shown is what the archive will hold:
//! `.info` files and deleted files are left out, and `FILE` rows count only when their top folder
//! is a known resource kind (root `.obf` maps count as `FILE_MAPS`).

use std::collections::{BTreeMap, BTreeSet};

use osmand_api::models::UserFile;

/// The dialog's four groups, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Group {
    MyPlaces,
    Settings,
    Resources,
    Maps,
}

impl Group {
    pub const ALL: [Group; 4] = [
        Group::MyPlaces,
        Group::Settings,
        Group::Resources,
        Group::Maps,
    ];

    /// Stable id fragment (`se-backup-group-my-places`).
    pub fn slug(self) -> &'static str {
        match self {
            Group::MyPlaces => "my-places",
            Group::Settings => "settings",
            Group::Resources => "resources",
            Group::Maps => "maps",
        }
    }
}

const MY_PLACES: &[&str] = &[
    "FAVOURITES",
    "GPX",
    "SEARCH_HISTORY",
    "OSM_NOTES",
    "OSM_EDITS",
    "ACTIVE_MARKERS",
    "HISTORY_MARKERS",
    "ITINERARY_GROUPS",
];
const SETTINGS: &[&str] = &[
    "PROFILE",
    "GLOBAL",
    "QUICK_ACTIONS",
    "AVOID_ROADS",
    "POI_UI_FILTERS",
    "COLOR_DATA",
];
const MAPS: &[&str] = &[
    "MAP_SOURCES",
    "FILE_MAPS",
    "FILE_SRTM",
    "FILE_ROADS",
    "FILE_TILES",
    "FILE_WIKI",
    "TERRAIN_DATA",
];
/// Resource folders the server knows for `FILE` rows (others are never exported).
const FILE_FOLDERS: &[&str] = &[
    "rendering",
    "routing",
    "srtm",
    "tiles",
    "voice",
    "wiki",
    "roads",
    "travel",
    "avnotes",
    "color-palette",
];

/// The type key the server selects a file by (`GPX`, `FILE_SRTM`, …), or `None` when the file
/// never goes into a backup.
pub fn type_key(file: &UserFile) -> Option<String> {
    if file.filesize < 0 || file.name.ends_with(".info") {
        return None;
    }
    let kind = file.r#type.trim().to_ascii_uppercase();
    if kind.is_empty() {
        return None;
    }
    if kind != "FILE" {
        return Some(kind);
    }
    match file.name.split_once('/') {
        Some((folder, _)) => FILE_FOLDERS
            .iter()
            .find(|f| f.eq_ignore_ascii_case(folder))
            .map(|f| format!("FILE_{}", f.to_ascii_uppercase())),
        None if file.name.to_ascii_lowercase().ends_with(".obf") => Some("FILE_MAPS".into()),
        None => None,
    }
}

/// The group a type key is shown in.
pub fn group_of(key: &str) -> Group {
    if MY_PLACES.contains(&key) {
        Group::MyPlaces
    } else if SETTINGS.contains(&key) {
        Group::Settings
    } else if MAPS.contains(&key) {
        Group::Maps
    } else {
        Group::Resources
    }
}

/// Position inside its group: the reference's order, unknown keys after, alphabetically.
fn rank(key: &str) -> (usize, String) {
    let pos = [MY_PLACES, SETTINGS, MAPS]
        .iter()
        .find_map(|list| list.iter().position(|k| *k == key))
        .unwrap_or(usize::MAX);
    (pos, key.to_string())
}

/// One type inside a group: how many files and their uncompressed size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TypeNode {
    pub key: String,
    pub files: usize,
    pub size: i64,
}

/// A non-empty group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupNode {
    pub group: Group,
    pub types: Vec<TypeNode>,
}

impl GroupNode {
    pub fn size(&self) -> i64 {
        self.types.iter().map(|t| t.size).sum()
    }
}

/// The category tree of one account: built once from `uniqueFiles` (one pass; 10 000 files
/// take well under a millisecond).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BackupTree {
    pub groups: Vec<GroupNode>,
    /// Stored files the server never puts into a backup (`.info` companions, `FILE`s of an
    /// unknown kind): with the groups' files they add up to OsmAnd Cloud's "Total files".
    pub left_out: usize,
    /// Their unpacked size: with the groups' sizes it adds up to "Storage".
    pub left_out_size: i64,
}

impl BackupTree {
    pub fn from_files(files: &[UserFile]) -> Self {
        let mut by_key: BTreeMap<String, (usize, i64)> = BTreeMap::new();
        let (mut left_out, mut left_out_size) = (0, 0);
        for f in files {
            match type_key(f) {
                Some(key) => {
                    let e = by_key.entry(key).or_default();
                    e.0 += 1;
                    e.1 += f.filesize.max(0);
                }
                None if f.filesize >= 0 => {
                    left_out += 1;
                    left_out_size += f.filesize;
                }
                None => {}
            }
        }
        let mut groups: Vec<GroupNode> = Group::ALL
            .iter()
            .map(|g| GroupNode {
                group: *g,
                types: Vec::new(),
            })
            .collect();
        for (key, (files, size)) in by_key {
            let g = group_of(&key);
            if let Some(node) = groups.iter_mut().find(|n| n.group == g) {
                node.types.push(TypeNode { key, files, size });
            }
        }
        for node in &mut groups {
            crate::sort::sort_by(&mut node.types, |a, b| rank(&a.key).cmp(&rank(&b.key)));
        }
        groups.retain(|g| !g.types.is_empty());
        BackupTree {
            groups,
            left_out,
            left_out_size,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    fn types(&self) -> impl Iterator<Item = &TypeNode> {
        self.groups.iter().flat_map(|g| g.types.iter())
    }

    /// The reference's default: everything except the Maps group.
    pub fn default_selection(&self) -> Selection {
        // Inserted one by one: collecting into a set would compile in a sort of its own.
        let mut keys = BTreeSet::new();
        for g in self.groups.iter().filter(|g| g.group != Group::Maps) {
            keys.extend(g.types.iter().map(|t| t.key.clone()));
        }
        Selection(keys)
    }

    pub fn group(&self, group: Group) -> Option<&GroupNode> {
        self.groups.iter().find(|g| g.group == group)
    }

    /// Whether a group's box is checked, clear or mixed.
    pub fn group_check(&self, group: Group, sel: &Selection) -> Check {
        let Some(node) = self.group(group) else {
            return Check::Off;
        };
        let on = node.types.iter().filter(|t| sel.0.contains(&t.key)).count();
        match on {
            0 => Check::Off,
            n if n == node.types.len() => Check::On,
            _ => Check::Mixed,
        }
    }

    /// The group box: a fully checked group clears, anything else selects all its types.
    pub fn toggle_group(&self, group: Group, sel: &mut Selection) {
        let check = self.group_check(group, sel);
        if let Some(node) = self.group(group) {
            for t in &node.types {
                if check == Check::On {
                    sel.0.remove(&t.key);
                } else {
                    sel.0.insert(t.key.clone());
                }
            }
        }
    }

    /// The selected type keys in tree order: the request body.
    pub fn selected_keys(&self, sel: &Selection) -> Vec<String> {
        self.types()
            .filter(|t| sel.0.contains(&t.key))
            .map(|t| t.key.clone())
            .collect()
    }

    /// Files and uncompressed bytes the archive will hold.
    pub fn selected_totals(&self, sel: &Selection) -> (usize, i64) {
        self.types()
            .filter(|t| sel.0.contains(&t.key))
            .fold((0, 0), |(n, s), t| (n + t.files, s + t.size))
    }
}

/// A group checkbox's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Check {
    On,
    Off,
    Mixed,
}

/// The selected type keys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection(pub BTreeSet<String>);

impl Selection {
    pub fn contains(&self, key: &str) -> bool {
        self.0.contains(key)
    }

    pub fn toggle(&mut self, key: &str) {
        if !self.0.remove(key) {
            self.0.insert(key.to_string());
        }
    }
}

/// Milliseconds the server needs per file while it builds the archive (the reference's figure).
pub const MS_PER_FILE: u64 = 80;
/// A modest line speed for the transfer part of the estimate (2 MB/s).
pub const BYTES_PER_SEC: u64 = 2 * 1024 * 1024;

/// Estimated seconds for `files` files of `bytes` in total.
pub fn estimate_secs(files: usize, bytes: i64) -> u64 {
    let build_ms = (files as u64).saturating_mul(MS_PER_FILE);
    let transfer_ms = (bytes.max(0) as u64).saturating_mul(1000) / BYTES_PER_SEC;
    build_ms.saturating_add(transfer_ms).div_ceil(1000)
}

/// The dialog's archive format switch.
pub use osmand_api::client::BackupFormat;

/// A download's state.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Download {
    #[default]
    Idle,
    /// Waiting for the first byte, `secs` so far: the server builds the whole archive, reading
    /// every file from storage, before it sends a header. No deadline: Cancel ends the wait.
    Preparing {
        secs: u64,
    },
    /// Receiving: `received` bytes of `total` (from `Content-Length`, when sent).
    Running {
        received: u64,
        total: Option<u64>,
    },
    /// Saved by the browser under `name`: an archive of `size` bytes holding `unpacked` bytes
    /// of files (the figure the Download button showed).
    Done {
        name: String,
        size: u64,
        unpacked: u64,
    },
    Cancelled,
    /// The specific reason, already in the user's language.
    Failed(String),
}

impl Download {
    pub fn is_running(&self) -> bool {
        matches!(self, Download::Running { .. } | Download::Preparing { .. })
    }

    /// 0–100 when the size is known and bytes are arriving.
    pub fn percent(&self) -> Option<u8> {
        match self {
            Download::Running {
                received,
                total: Some(total),
            } if *total > 0 => {
                Some(((*received as f64 / *total as f64) * 100.0).clamp(0.0, 100.0) as u8)
            }
            _ => None,
        }
    }
}

/// The server's file name when it sent one, else `Export_dd-MM-yy.<ext>` for today.
pub fn fallback_name(name: Option<String>, format: BackupFormat, today: (u32, u32, i32)) -> String {
    name.map(|n| n.trim().trim_matches('"').to_string())
        .filter(|n| !n.is_empty() && !n.contains(['/', '\\']))
        .unwrap_or_else(|| {
            let (d, m, y) = today;
            format!(
                "Export_{d:02}-{m:02}-{:02}{}",
                y.rem_euclid(100),
                format.as_str()
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(kind: &str, name: &str, size: i64) -> UserFile {
        UserFile {
            r#type: kind.into(),
            name: name.into(),
            filesize: size,
            zip_size: if size < 0 { -1 } else { size / 2 },
            ..UserFile::default()
        }
    }

    fn sample() -> Vec<UserFile> {
        vec![
            f("GPX", "Alps/hike.gpx", 1000),
            f("GPX", "walk.gpx", 500),
            f("GPX", "walk.gpx.info", 20),
            f("FAVOURITES", "favorites.gpx", 300),
            f("PROFILE", "car.json", 40),
            f("FILE", "Netherlands.obf", 9000),
            f("FILE", "srtm/N52E004.srtm.obf", 7000),
            f("FILE", "rendering/Topo.render.xml", 60),
            f("FILE", "unknown/thing.bin", 77),
            f("FILE", "loose.txt", 5),
            f("GPX", "gone.gpx", -1),
            f("ONLINE_ROUTING_ENGINES", "engines.json", 10),
            f("weird_type", "x.dat", 3),
        ]
    }

    #[test]
    fn keys_follow_the_servers_subtype_rules() {
        let keys: Vec<Option<String>> = sample().iter().map(type_key).collect();
        assert_eq!(
            keys,
            vec![
                Some("GPX".into()),
                Some("GPX".into()),
                None,
                Some("FAVOURITES".into()),
                Some("PROFILE".into()),
                Some("FILE_MAPS".into()),
                Some("FILE_SRTM".into()),
                Some("FILE_RENDERING".into()),
                None,
                None,
                None,
                Some("ONLINE_ROUTING_ENGINES".into()),
                Some("WEIRD_TYPE".into()),
            ]
        );
        assert_eq!(
            type_key(&f("FILE", "Color-Palette/x.txt", 1)).as_deref(),
            Some("FILE_COLOR-PALETTE")
        );
    }

    #[test]
    fn tree_groups_in_order_without_empty_groups() {
        let tree = BackupTree::from_files(&sample());
        type Shape<'a> = Vec<(Group, Vec<(&'a str, usize, i64)>)>;
        let shape: Shape = tree
            .groups
            .iter()
            .map(|g| {
                (
                    g.group,
                    g.types
                        .iter()
                        .map(|t| (t.key.as_str(), t.files, t.size))
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (
                    Group::MyPlaces,
                    vec![("FAVOURITES", 1, 300), ("GPX", 2, 1500)]
                ),
                (Group::Settings, vec![("PROFILE", 1, 40)]),
                (
                    Group::Resources,
                    vec![
                        ("FILE_RENDERING", 1, 60),
                        ("ONLINE_ROUTING_ENGINES", 1, 10),
                        ("WEIRD_TYPE", 1, 3)
                    ]
                ),
                (
                    Group::Maps,
                    vec![("FILE_MAPS", 1, 9000), ("FILE_SRTM", 1, 7000)]
                ),
            ]
        );
        assert!(BackupTree::from_files(&[]).is_empty());
        // `.info`, `unknown/thing.bin` and `loose.txt`; not the deleted `gone.gpx`.
        assert_eq!((tree.left_out, tree.left_out_size), (3, 20 + 77 + 5));
    }

    #[test]
    fn defaults_leave_maps_out_and_groups_show_mixed_states() {
        let tree = BackupTree::from_files(&sample());
        let mut sel = tree.default_selection();
        assert_eq!(tree.group_check(Group::MyPlaces, &sel), Check::On);
        assert_eq!(tree.group_check(Group::Maps, &sel), Check::Off);
        assert_eq!(
            tree.selected_totals(&sel),
            (7, 1500 + 300 + 40 + 60 + 10 + 3)
        );
        sel.toggle("GPX");
        assert_eq!(tree.group_check(Group::MyPlaces, &sel), Check::Mixed);
        // A mixed group box selects everything; checking the last child re-checks the group.
        tree.toggle_group(Group::MyPlaces, &mut sel);
        assert_eq!(tree.group_check(Group::MyPlaces, &sel), Check::On);
        tree.toggle_group(Group::MyPlaces, &mut sel);
        assert_eq!(tree.group_check(Group::MyPlaces, &sel), Check::Off);
        sel.toggle("FAVOURITES");
        sel.toggle("GPX");
        assert_eq!(tree.group_check(Group::MyPlaces, &sel), Check::On);
        tree.toggle_group(Group::Maps, &mut sel);
        assert_eq!(
            tree.selected_keys(&sel),
            vec![
                "FAVOURITES",
                "GPX",
                "PROFILE",
                "FILE_RENDERING",
                "ONLINE_ROUTING_ENGINES",
                "WEIRD_TYPE",
                "FILE_MAPS",
                "FILE_SRTM"
            ]
        );
        let none = Selection::default();
        assert_eq!(tree.selected_totals(&none), (0, 0));
        assert!(tree.selected_keys(&none).is_empty());
    }

    #[test]
    fn estimate_counts_files_and_bytes() {
        assert_eq!(estimate_secs(0, 0), 0);
        assert_eq!(estimate_secs(1, 10), 1);
        assert_eq!(estimate_secs(750, 0), 60);
        assert_eq!(estimate_secs(0, 20 * 1024 * 1024), 10);
    }

    #[test]
    fn progress_and_names() {
        let d = Download::Running {
            received: 50,
            total: Some(200),
        };
        assert_eq!(d.percent(), Some(25));
        assert!(d.is_running());
        let waiting = Download::Running {
            received: 10,
            total: None,
        };
        assert_eq!(waiting.percent(), None);
        assert_eq!(Download::Idle.percent(), None);
        assert_eq!(
            fallback_name(
                Some("Export_22-11-26.osf".into()),
                BackupFormat::Osf,
                (1, 1, 2026)
            ),
            "Export_22-11-26.osf"
        );
        assert_eq!(
            fallback_name(None, BackupFormat::Zip, (3, 4, 2026)),
            "Export_03-04-26.zip"
        );
        assert_eq!(
            fallback_name(Some("../evil".into()), BackupFormat::Osf, (3, 4, 2026)),
            "Export_03-04-26.osf"
        );
    }

    #[test]
    fn ten_thousand_files_build_one_tree() {
        let files: Vec<UserFile> = (0..10_000)
            .map(|i| {
                f(
                    if i % 2 == 0 { "GPX" } else { "FAVOURITES" },
                    &format!("t{i}.gpx"),
                    10,
                )
            })
            .collect();
        let tree = BackupTree::from_files(&files);
        assert_eq!(
            tree.selected_totals(&tree.default_selection()),
            (10_000, 100_000)
        );
    }
}
