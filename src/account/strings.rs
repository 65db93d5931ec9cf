//! Texts of the account home, OsmAnd Cloud info and the Download-all dialog, English and Dutch.

use crate::i18n::{Locale, Plural};

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
}

const EN: AccountStrings = AccountStrings {
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
    files: Plural {
        one: "{n} file",
        other: "{n} files",
    },
    format: "Format",
    format_osf_hint: "OSF: opens in OsmAnd and restores everything at once.",
    format_zip_hint: "ZIP: plain folders you can open on any computer.",
    estimate_short: "Takes less than a minute.",
    estimate_minutes: Plural {
        one: "Takes about {n} minute.",
        other: "Takes about {n} minutes.",
    },
    download_button: "Download backup ({size})",
    nothing_selected: "Select at least one category to download.",
    preparing: "The server is packing your files…",
    received_of: "{received} of {total}",
    received: "{received} received",
    cancel_download: "Cancel download",
    cancelled: "Download cancelled. Nothing was saved.",
    done: "Saved as {name} ({size}).",
    failed: "The backup could not be downloaded. {reason}",
    progress_label: "Download progress",
    nothing_to_back_up: "There is nothing to back up yet.",
    cloud_used_short: "{used} used",
};

const NL: AccountStrings = AccountStrings {
    usage_title: "Waar de ruimte naartoe gaat",
    usage_legend: "{kind}: {size} ({percent})",
    kind_tracks: "Tracks",
    kind_favourites: "Favorieten",
    kind_settings: "Instellingen",
    kind_maps: "Kaarten",
    kind_other: "Overig",
    no_files: "Nog geen bestanden in OsmAnd Cloud. Zet OsmAnd Cloud aan in de app om je gegevens te bewaren.",
    download_all: "Alles downloaden",
    dialog_title: "Kies de gegevens om te exporteren",
    dialog_intro: "Kies wat er in het back-upbestand komt. Kaarten blijven weg tenzij je ze toevoegt: ze zijn groot en je kunt ze in de app opnieuw downloaden.",
    group_my_places: "Mijn plekken",
    group_settings: "Instellingen",
    group_resources: "Bronnen",
    group_maps: "Kaarten",
    show_types: "Toon de soorten in {group}",
    files: Plural {
        one: "{n} bestand",
        other: "{n} bestanden",
    },
    format: "Formaat",
    format_osf_hint: "OSF: opent in OsmAnd en zet alles in één keer terug.",
    format_zip_hint: "ZIP: gewone mappen die je op elke computer kunt openen.",
    estimate_short: "Duurt minder dan een minuut.",
    estimate_minutes: Plural {
        one: "Duurt ongeveer {n} minuut.",
        other: "Duurt ongeveer {n} minuten.",
    },
    download_button: "Back-up downloaden ({size})",
    nothing_selected: "Kies minstens één categorie om te downloaden.",
    preparing: "De server pakt je bestanden in…",
    received_of: "{received} van {total}",
    received: "{received} ontvangen",
    cancel_download: "Download annuleren",
    cancelled: "Download geannuleerd. Er is niets opgeslagen.",
    done: "Opgeslagen als {name} ({size}).",
    failed: "De back-up kon niet worden gedownload. {reason}",
    progress_label: "Voortgang van de download",
    nothing_to_back_up: "Er is nog niets om te bewaren.",
    cloud_used_short: "{used} gebruikt",
};

pub fn strings(l: Locale) -> &'static AccountStrings {
    match l {
        Locale::En => &EN,
        Locale::Nl => &NL,
    }
}

/// A type key's name (`GPX` → "Tracks"); unknown keys prettified (`FILE_FOO_BAR` → "Foo bar").
pub fn type_name(key: &str, l: Locale) -> String {
    let known = |en: &'static str, nl: &'static str| match l {
        Locale::En => en,
        Locale::Nl => nl,
    };
    let name = match key {
        "FAVOURITES" => known("Favourites", "Favorieten"),
        "GPX" => known("Tracks", "Tracks"),
        "SEARCH_HISTORY" => known("Search history", "Zoekgeschiedenis"),
        "OSM_NOTES" => known("OSM notes", "OSM-notities"),
        "OSM_EDITS" => known("OSM edits", "OSM-bewerkingen"),
        "ACTIVE_MARKERS" => known("Markers", "Markeringen"),
        "HISTORY_MARKERS" => known("Marker history", "Markeringsgeschiedenis"),
        "ITINERARY_GROUPS" => known("Itinerary groups", "Reisplangroepen"),
        "PROFILE" => known("Profiles", "Profielen"),
        "GLOBAL" => known("General settings", "Algemene instellingen"),
        "QUICK_ACTIONS" => known("Quick actions", "Snelle acties"),
        "AVOID_ROADS" => known("Roads to avoid", "Te vermijden wegen"),
        "POI_UI_FILTERS" => known("POI filters", "POI-filters"),
        "COLOR_DATA" => known("Colours", "Kleuren"),
        "MAP_SOURCES" => known("Map sources", "Kaartbronnen"),
        "FILE_MAPS" => known("Standard maps", "Standaardkaarten"),
        "FILE_SRTM" => known("Contour lines", "Hoogtelijnen"),
        "FILE_ROADS" => known("Road maps", "Wegenkaarten"),
        "FILE_TILES" => known("Map tiles", "Kaarttegels"),
        "FILE_WIKI" => known("Wikipedia", "Wikipedia"),
        "TERRAIN_DATA" => known("Terrain", "Terrein"),
        "ONLINE_ROUTING_ENGINES" => known("Online routing", "Online routeplanning"),
        "FILE_RENDERING" => known("Rendering styles", "Weergavestijlen"),
        "FILE_ROUTING" => known("Routing files", "Routeringsbestanden"),
        "FILE_VOICE" => known("Voice prompts", "Gesproken aanwijzingen"),
        "FILE_TRAVEL" => known("Travel guides", "Reisgidsen"),
        "FILE_AVNOTES" => known("Audio and video notes", "Audio- en videonotities"),
        "FILE_COLOR-PALETTE" => known("Colour palettes", "Kleurenpaletten"),
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

    #[test]
    fn names_known_and_unknown_keys() {
        assert_eq!(type_name("GPX", Locale::En), "Tracks");
        assert_eq!(type_name("FAVOURITES", Locale::Nl), "Favorieten");
        assert_eq!(type_name("FILE_SOMETHING_NEW", Locale::En), "Something new");
        assert_eq!(type_name("WEIRD", Locale::Nl), "Weird");
        assert_eq!(prettify(""), "");
    }
}
