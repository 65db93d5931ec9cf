//! Texts of the account home, OsmAnd Cloud info and the Download-all dialog, in English (the other languages: `i18n/<code>.json`).

use crate::i18n::Plural;

crate::i18n::text::table! {
    pub struct AccountStrings {
        pub usage_title: &'static str,
        pub usage_legend: &'static str,
        pub kind_tracks: &'static str,
        pub kind_favourites: &'static str,
        pub kind_settings: &'static str,
        pub kind_maps: &'static str,
        pub kind_other: &'static str,
        pub no_files: &'static str,
        pub download_all: &'static str,
        pub dialog_title: &'static str,
        pub dialog_intro: &'static str,
        pub group_my_places: &'static str,
        pub group_settings: &'static str,
        pub group_resources: &'static str,
        pub group_maps: &'static str,
        pub show_types: &'static str,
        pub files: Plural,
        pub format: &'static str,
        pub format_osf_hint: &'static str,
        pub format_zip_hint: &'static str,
        pub estimate_short: &'static str,
        pub estimate_minutes: Plural,
        pub download_button: &'static str,
        pub nothing_selected: &'static str,
        pub preparing: &'static str,
        pub received_of: &'static str,
        pub received: &'static str,
        pub cancel_download: &'static str,
        pub cancelled: &'static str,
        pub done: &'static str,
        pub failed: &'static str,
        pub progress_label: &'static str,
        pub nothing_to_back_up: &'static str,
        pub cloud_used_short: &'static str,
        // Names of the backup type keys ([`type_name`])
        pub type_favourites: &'static str,
        pub type_gpx: &'static str,
        pub type_search_history: &'static str,
        pub type_osm_notes: &'static str,
        pub type_osm_edits: &'static str,
        pub type_active_markers: &'static str,
        pub type_history_markers: &'static str,
        pub type_itinerary_groups: &'static str,
        pub type_profile: &'static str,
        pub type_global: &'static str,
        pub type_quick_actions: &'static str,
        pub type_avoid_roads: &'static str,
        pub type_poi_ui_filters: &'static str,
        pub type_color_data: &'static str,
        pub type_map_sources: &'static str,
        pub type_file_maps: &'static str,
        pub type_file_srtm: &'static str,
        pub type_file_roads: &'static str,
        pub type_file_tiles: &'static str,
        pub type_file_wiki: &'static str,
        pub type_terrain_data: &'static str,
        pub type_online_routing_engines: &'static str,
        pub type_file_rendering: &'static str,
        pub type_file_routing: &'static str,
        pub type_file_voice: &'static str,
        pub type_file_travel: &'static str,
        pub type_file_avnotes: &'static str,
        pub type_file_color_palette: &'static str,
        // Account home sections, and what the figures count (one definition each, see `cloud.rs`)
        pub home_my_data: &'static str,
        pub home_payments: &'static str,
        pub home_cloud_failed: &'static str,
        pub home_purchases_failed: &'static str,
        pub storage_hint: &'static str,
        pub used_hint: &'static str,
        pub usage_note: &'static str,
        pub sizes_unpacked: &'static str,
        pub left_out: Plural,
    }
}

pub(crate) static EN: AccountStrings = AccountStrings {
    usage_title: "What uses the space",
    usage_legend: "{kind}: {size} ({percent})",
    kind_tracks: "Tracks",
    kind_favourites: "Favourites",
    kind_settings: "Settings",
    kind_maps: "Maps",
    kind_other: "Other",
    no_files: "No files in OsmAnd Cloud yet. Turn on OsmAnd Cloud in the app to back up your data.",
    download_all: "Download all",
    dialog_title: "Select the data to be exported",
    dialog_intro: "Choose what goes into the backup file. Maps are left out unless you add them: they are large and can be downloaded again in the app.",
    group_my_places: "My places",
    group_settings: "Settings",
    group_resources: "Resources",
    group_maps: "Maps",
    show_types: "Show the types in {group}",
    files: Plural::two("{n} file", "{n} files"),
    format: "Format",
    format_osf_hint: "OSF: opens in OsmAnd and restores everything at once.",
    format_zip_hint: "ZIP: plain folders you can open on any computer.",
    estimate_short: "Takes less than a minute.",
    estimate_minutes: Plural::two("Takes about {n} minute.", "Takes about {n} minutes."),
    download_button: "Download backup ({size})",
    nothing_selected: "Select at least one category to download.",
    preparing: "The server is packing your files…",
    received_of: "{received} of the {total} archive",
    received: "{received} received",
    cancel_download: "Cancel download",
    cancelled: "Download cancelled. Nothing was saved.",
    done: "Saved as {name}: a {size} archive of {unpacked} of files.",
    failed: "The backup could not be downloaded. {reason}",
    progress_label: "Download progress",
    nothing_to_back_up: "There is nothing to back up yet.",
    cloud_used_short: "{used} used",
    type_favourites: "Favourites",
    type_gpx: "Tracks",
    type_search_history: "Search history",
    type_osm_notes: "OSM notes",
    type_osm_edits: "OSM edits",
    type_active_markers: "Markers",
    type_history_markers: "Marker history",
    type_itinerary_groups: "Itinerary groups",
    type_profile: "Profiles",
    type_global: "General settings",
    type_quick_actions: "Quick actions",
    type_avoid_roads: "Roads to avoid",
    type_poi_ui_filters: "POI filters",
    type_color_data: "Colours",
    type_map_sources: "Map sources",
    type_file_maps: "Standard maps",
    type_file_srtm: "Contour lines",
    type_file_roads: "Road maps",
    type_file_tiles: "Map tiles",
    type_file_wiki: "Wikipedia",
    type_terrain_data: "Terrain",
    type_online_routing_engines: "Online routing",
    type_file_rendering: "Rendering styles",
    type_file_routing: "Routing files",
    type_file_voice: "Voice prompts",
    type_file_travel: "Travel guides",
    type_file_avnotes: "Audio and video notes",
    type_file_color_palette: "Colour palettes",
    home_my_data: "My data",
    home_payments: "Payments and purchases",
    home_cloud_failed: "The storage used could not be loaded.",
    home_purchases_failed: "Your plan and purchases could not be loaded.",
    storage_hint: "All your files, unpacked",
    used_hint: "Compressed, as stored: this counts towards your limit",
    usage_note: "Compressed sizes, as counted in Cloud storage used.",
    sizes_unpacked: "Sizes are of the files unpacked; the archive you download is compressed and smaller.",
    left_out: Plural::two("{n} more file in OsmAnd Cloud ({size}) is never part of a backup: track info files and files of an unknown kind stay out.", "{n} more files in OsmAnd Cloud ({size}) are never part of a backup: track info files and files of an unknown kind stay out."),
};

/// A type key's name (`GPX` → "Tracks"); unknown keys prettified (`FILE_FOO_BAR` → "Foo bar").
pub fn type_name(key: &str, s: &AccountStrings) -> String {
    let name = match key {
        "FAVOURITES" => s.type_favourites,
        "GPX" => s.type_gpx,
        "SEARCH_HISTORY" => s.type_search_history,
        "OSM_NOTES" => s.type_osm_notes,
        "OSM_EDITS" => s.type_osm_edits,
        "ACTIVE_MARKERS" => s.type_active_markers,
        "HISTORY_MARKERS" => s.type_history_markers,
        "ITINERARY_GROUPS" => s.type_itinerary_groups,
        "PROFILE" => s.type_profile,
        "GLOBAL" => s.type_global,
        "QUICK_ACTIONS" => s.type_quick_actions,
        "AVOID_ROADS" => s.type_avoid_roads,
        "POI_UI_FILTERS" => s.type_poi_ui_filters,
        "COLOR_DATA" => s.type_color_data,
        "MAP_SOURCES" => s.type_map_sources,
        "FILE_MAPS" => s.type_file_maps,
        "FILE_SRTM" => s.type_file_srtm,
        "FILE_ROADS" => s.type_file_roads,
        "FILE_TILES" => s.type_file_tiles,
        "FILE_WIKI" => s.type_file_wiki,
        "TERRAIN_DATA" => s.type_terrain_data,
        "ONLINE_ROUTING_ENGINES" => s.type_online_routing_engines,
        "FILE_RENDERING" => s.type_file_rendering,
        "FILE_ROUTING" => s.type_file_routing,
        "FILE_VOICE" => s.type_file_voice,
        "FILE_TRAVEL" => s.type_file_travel,
        "FILE_AVNOTES" => s.type_file_avnotes,
        "FILE_COLOR-PALETTE" => s.type_file_color_palette,
        other => return prettify(other),
    };
    name.to_string()
}

/// `FILE_FOO_BAR` → "Foo bar" (the reference's rule for keys without a name).
pub fn prettify(key: &str) -> String {
    let words = key
        .strip_prefix("FILE_")
        .unwrap_or(key)
        .replace(['_', '-'], " ")
        .to_lowercase();
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => key.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn names_known_and_unknown_keys() {
        let (en, nl) = (Locale::En.strings().account, Locale::Nl.strings().account);
        assert_eq!(type_name("GPX", en), "Tracks");
        assert_eq!(type_name("FAVOURITES", nl), "Favorieten");
        assert_eq!(type_name("FILE_COLOR-PALETTE", nl), "Kleurenpaletten");
        assert_eq!(type_name("FILE_SOMETHING_NEW", en), "Something new");
        assert_eq!(type_name("WEIRD", nl), "Weird");
        assert_eq!(prettify(""), "");
    }
}
