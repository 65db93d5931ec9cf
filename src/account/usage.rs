//! Cloud storage used, broken down by kind of data (tracks, favourites, settings, maps, other),
//! from the compressed sizes (`zipSize`) of the newest versions — what the quota counts.

use osmand_api::models::UserFile;

use crate::account::backup::{group_of, type_key, Group};
use crate::account::strings::AccountStrings;

/// The bar's five kinds, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Tracks,
    Favourites,
    Settings,
    Maps,
    Other,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Tracks,
        Kind::Favourites,
        Kind::Settings,
        Kind::Maps,
        Kind::Other,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Kind::Tracks => "tracks",
            Kind::Favourites => "favourites",
            Kind::Settings => "settings",
            Kind::Maps => "maps",
            Kind::Other => "other",
        }
    }

    pub fn label(self, s: &AccountStrings) -> &'static str {
        match self {
            Kind::Tracks => s.kind_tracks,
            Kind::Favourites => s.kind_favourites,
            Kind::Settings => s.kind_settings,
            Kind::Maps => s.kind_maps,
            Kind::Other => s.kind_other,
        }
    }
}

/// The kind a file's storage counts as.
pub fn kind_of(file: &UserFile) -> Kind {
    let kind = file.r#type.trim().to_ascii_uppercase();
    match kind.as_str() {
        "GPX" => Kind::Tracks,
        "FAVOURITES" => Kind::Favourites,
        _ => match type_key(file).map(|k| group_of(&k)) {
            Some(Group::Settings) => Kind::Settings,
            Some(Group::Maps) => Kind::Maps,
            _ if kind == "FILE" && file.name.to_ascii_lowercase().ends_with(".obf") => Kind::Maps,
            _ => Kind::Other,
        },
    }
}

/// Bytes per kind (only kinds with data, in display order) and their total.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Usage {
    pub parts: Vec<(Kind, i64)>,
    pub total: i64,
}

impl Usage {
    pub fn from_files(files: &[UserFile]) -> Self {
        let mut sums = [0i64; 5];
        for f in files.iter().filter(|f| f.zip_size > 0) {
            let k = kind_of(f);
            if let Some(i) = Kind::ALL.iter().position(|x| *x == k) {
                if let Some(slot) = sums.get_mut(i) {
                    *slot += f.zip_size;
                }
            }
        }
        let parts: Vec<(Kind, i64)> = Kind::ALL
            .iter()
            .zip(sums)
            .filter(|(_, s)| *s > 0)
            .map(|(k, s)| (*k, s))
            .collect();
        let total = parts.iter().map(|(_, s)| s).sum();
        Usage { parts, total }
    }

    /// A part's share of the total in basis points (0–10 000), for CSS widths.
    pub fn share_bp(&self, bytes: i64) -> i64 {
        if self.total <= 0 {
            0
        } else {
            let part = i128::from(bytes.clamp(0, self.total));
            i64::try_from(part * 10_000 / i128::from(self.total)).unwrap_or(10_000)
        }
    }

    /// "42%" / "<1%" for the legend (never "0%" for a part that exists).
    pub fn percent_text(&self, bytes: i64) -> String {
        let bp = self.share_bp(bytes);
        if bytes > 0 && bp < 100 {
            "<1%".to_string()
        } else {
            format!("{}%", (bp + 50) / 100)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(kind: &str, name: &str, zip: i64) -> UserFile {
        UserFile {
            r#type: kind.into(),
            name: name.into(),
            filesize: zip * 2,
            zip_size: zip,
            ..UserFile::default()
        }
    }

    #[test]
    fn sums_by_kind_in_order() {
        let u = Usage::from_files(&[
            f("FAVOURITES", "favorites.gpx", 100),
            f("GPX", "a.gpx", 600),
            f("GPX", "b.gpx", 200),
            f("PROFILE", "car.json", 50),
            f("FILE", "NL.obf", 1000),
            f("FILE", "srtm/x.obf", 30),
            f("OSM_NOTES", "n.osn", 20),
            f("GPX", "gone.gpx", -1),
        ]);
        assert_eq!(
            u.parts,
            vec![
                (Kind::Tracks, 800),
                (Kind::Favourites, 100),
                (Kind::Settings, 50),
                (Kind::Maps, 1030),
                (Kind::Other, 20)
            ]
        );
        assert_eq!(u.total, 2000);
        assert_eq!(u.share_bp(500), 2_500);
        assert_eq!(u.share_bp(1), 5);
        assert_eq!(u.share_bp(5_000), 10_000);
        assert_eq!(Usage::from_files(&[]).share_bp(1), 0);
        assert_eq!(u.percent_text(1), "<1%");
        assert_eq!(u.percent_text(1030), "52%");
        assert_eq!(u.percent_text(500), "25%");
    }
}
