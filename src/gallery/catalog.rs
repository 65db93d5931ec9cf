//! What the gallery lists, as plain data: areas → components → states, each component's note,
//! the search and the URL of a view. No view code here, so native tests reach all of it.

use super::Entry;

/// A designer's note on one component, written in the area's `gallery.rs` next to its states.
#[derive(Clone, Copy, Debug)]
pub struct Note {
    pub component: &'static str,
    /// What it is for.
    pub about: &'static str,
    /// Where the app shows it.
    pub used_in: &'static str,
    /// The reference screen it matches (`account-ui.md`).
    pub reference: &'static str,
    /// Its `se-…` ids (the ids OsmAnd's browser tests look for).
    pub ids: &'static [&'static str],
}

/// One area of the app with its states and notes.
pub struct Area {
    pub name: &'static str,
    pub entries: Vec<Entry>,
    pub notes: Vec<Note>,
}

/// Every area, in the order the side list shows them.
pub fn areas() -> Vec<Area> {
    vec![
        Area {
            name: "Login and account home",
            entries: [
                super::entries::own_entries(),
                crate::auth::gallery::entries(),
            ]
            .concat(),
            notes: [super::entries::NOTES, crate::auth::gallery::NOTES].concat(),
        },
        Area {
            name: "Account",
            entries: crate::account::gallery::entries(),
            notes: crate::account::gallery::NOTES.to_vec(),
        },
        Area {
            name: "Purchases",
            entries: crate::purchases::gallery::entries(),
            notes: crate::purchases::gallery::NOTES.to_vec(),
        },
        Area {
            name: "Cloud settings",
            entries: crate::settings::gallery::entries(),
            notes: crate::settings::gallery::NOTES.to_vec(),
        },
        Area {
            name: "Danger zone",
            entries: crate::danger::gallery::entries(),
            notes: crate::danger::gallery::NOTES.to_vec(),
        },
    ]
}

/// One component of an area with its states, in source order.
pub struct Component<'a> {
    pub name: &'static str,
    pub states: Vec<&'a Entry>,
    pub note: Option<&'a Note>,
}

/// The components of an area, in the order their first state appears.
pub fn components(area: &Area) -> Vec<Component<'_>> {
    let mut out: Vec<Component<'_>> = Vec::new();
    for e in &area.entries {
        match out.iter_mut().find(|c| c.name == e.component) {
            Some(c) => c.states.push(e),
            None => out.push(Component {
                name: e.component,
                states: vec![e],
                note: area.notes.iter().find(|n| n.component == e.component),
            }),
        }
    }
    out
}

/// Whether a state matches the search: every word of `query` (case-insensitive) occurs in its
/// component, state, area, note or the text it shows (`shown`, once known).
pub fn matches(query: &str, area: &str, entry: &Entry, note: Option<&Note>, shown: &str) -> bool {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return true;
    }
    let mut hay = format!("{} {} {} {}", area, entry.component, entry.state, shown);
    if let Some(n) = note {
        hay.push(' ');
        hay.push_str(n.about);
        hay.push(' ');
        hay.push_str(n.used_in);
        hay.push(' ');
        hay.push_str(&n.ids.join(" "));
    }
    let hay = hay.to_lowercase();
    words.iter().all(|w| hay.contains(w.as_str()))
}

/// The width of the preview frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Width {
    Phone,
    Tablet,
    /// The app's side panel as it sits on a desktop map.
    Desktop,
    /// A free width in CSS pixels.
    Px(u32),
}

/// The smallest and largest free width.
pub const MIN_WIDTH: u32 = 240;
pub const MAX_WIDTH: u32 = 1600;

impl Width {
    pub const PRESETS: [Width; 3] = [Width::Phone, Width::Tablet, Width::Desktop];

    /// The frame's width in CSS pixels (the desktop panel is `--panel-width` in `main.css`).
    pub fn px(self) -> u32 {
        match self {
            Width::Phone => 375,
            Width::Tablet => 768,
            Width::Desktop => 360,
            Width::Px(px) => px,
        }
    }

    /// The `vp` value of the URL (free widths are `w=<px>`).
    pub fn code(self) -> &'static str {
        match self {
            Width::Phone => "phone",
            Width::Tablet => "tablet",
            Width::Desktop => "desktop",
            Width::Px(_) => "free",
        }
    }

    /// The label the frame shows, e.g. "phone · 375 px".
    pub fn label(self) -> String {
        match self {
            Width::Px(px) => format!("{px} px"),
            w => format!("{} · {} px", w.code(), w.px()),
        }
    }

    fn parse(vp: Option<&str>, w: Option<&str>) -> Width {
        if let Some(px) = w.and_then(|w| w.trim().parse::<u32>().ok()) {
            return Width::Px(px.clamp(MIN_WIDTH, MAX_WIDTH));
        }
        match vp {
            Some("phone") => Width::Phone,
            Some("tablet") => Width::Tablet,
            _ => Width::Desktop,
        }
    }
}

/// Everything the gallery's URL keeps: `?c=&s=` (one state) or `?sheet=` (every state of one
/// component), `lang`, `lang2` (a second language beside the first), `vp`/`w`, `q` (the search)
/// and `bare=1` (no side list: the screenshot tests use it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GalleryView {
    pub component: Option<String>,
    pub state: Option<String>,
    pub sheet: Option<String>,
    pub lang: String,
    pub lang2: Option<String>,
    pub width: Width,
    pub query: String,
    pub bare: bool,
}

impl Default for GalleryView {
    fn default() -> Self {
        GalleryView {
            component: None,
            state: None,
            sheet: None,
            lang: "en".into(),
            lang2: None,
            width: Width::Desktop,
            query: String::new(),
            bare: false,
        }
    }
}

impl GalleryView {
    /// Reads a view from the URL's parameters (`get` returns a parameter's value).
    pub fn from_params(get: impl Fn(&str) -> Option<String>) -> Self {
        let nonempty = |k: &str| get(k).filter(|v| !v.is_empty());
        GalleryView {
            component: nonempty("c"),
            state: nonempty("s"),
            sheet: nonempty("sheet"),
            lang: nonempty("lang").unwrap_or_else(|| "en".into()),
            lang2: nonempty("lang2"),
            width: Width::parse(get("vp").as_deref(), get("w").as_deref()),
            query: get("q").unwrap_or_default(),
            bare: get("bare").as_deref() == Some("1"),
        }
    }

    /// The query string of this view (`?…`), with only what differs from the defaults.
    pub fn href(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut add = |k: &str, v: &str| parts.push(format!("{k}={}", encode(v)));
        if let Some(sheet) = &self.sheet {
            add("sheet", sheet);
        } else {
            if let Some(c) = &self.component {
                add("c", c);
            }
            if let Some(s) = &self.state {
                add("s", s);
            }
        }
        add("lang", &self.lang);
        if let Some(l2) = &self.lang2 {
            add("lang2", l2);
        }
        match self.width {
            Width::Px(px) => add("w", &px.to_string()),
            w => add("vp", w.code()),
        }
        if !self.query.is_empty() {
            add("q", &self.query);
        }
        if self.bare {
            add("bare", "1");
        }
        format!("?{}", parts.join("&"))
    }

    /// The same view showing one state.
    pub fn with_state(&self, component: &str, state: &str) -> Self {
        GalleryView {
            component: Some(component.into()),
            state: Some(state.into()),
            sheet: None,
            ..self.clone()
        }
    }

    /// The same view showing a component's sheet.
    pub fn with_sheet(&self, component: &str) -> Self {
        GalleryView {
            sheet: Some(component.into()),
            component: Some(component.into()),
            state: None,
            ..self.clone()
        }
    }
}

/// Percent-encodes a query value (letters, digits and `-_.~` stay).
fn encode(v: &str) -> String {
    let mut out = String::new();
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos::prelude::*;

    fn none() -> AnyView {
        ().into_any()
    }

    fn e(c: &'static str, s: &'static str) -> Entry {
        Entry {
            component: c,
            state: s,
            render: none,
        }
    }

    #[test]
    fn every_component_has_a_note_and_every_note_a_component() {
        for area in areas() {
            for c in components(&area) {
                let note = c.note.unwrap_or_else(|| panic!("{} has no note", c.name));
                assert!(
                    !note.about.is_empty() && !note.used_in.is_empty(),
                    "{}",
                    c.name
                );
                assert!(!note.reference.is_empty(), "{}", c.name);
            }
            for n in &area.notes {
                assert!(
                    area.entries.iter().any(|e| e.component == n.component),
                    "note for {} has no states in {}",
                    n.component,
                    area.name
                );
            }
        }
    }

    #[test]
    fn states_are_unique_and_components_stay_in_one_area() {
        let mut seen = std::collections::HashSet::new();
        let mut owner = std::collections::HashMap::new();
        for area in areas() {
            for e in &area.entries {
                assert!(
                    seen.insert((e.component, e.state)),
                    "{}/{} twice",
                    e.component,
                    e.state
                );
                let first = *owner.entry(e.component).or_insert(area.name);
                assert_eq!(first, area.name, "{} is in two areas", e.component);
            }
        }
        assert!(seen.len() > 50);
    }

    #[test]
    fn components_group_states_in_source_order() {
        let area = Area {
            name: "A",
            entries: vec![e("x", "1"), e("y", "1"), e("x", "2")],
            notes: Vec::new(),
        };
        let cs = components(&area);
        assert_eq!(cs.len(), 2);
        assert_eq!(cs[0].name, "x");
        assert_eq!(
            cs[0].states.iter().map(|e| e.state).collect::<Vec<_>>(),
            ["1", "2"]
        );
        assert_eq!(cs[1].name, "y");
    }

    #[test]
    fn search_needs_every_word_somewhere() {
        let entry = e("login-form", "error-password");
        assert!(matches("", "Sign-in", &entry, None, ""));
        assert!(matches("LOGIN password", "Sign-in", &entry, None, ""));
        assert!(matches("sign-in", "Sign-in", &entry, None, ""));
        assert!(!matches("login trash", "Sign-in", &entry, None, ""));
        assert!(matches(
            "incorrect",
            "Sign-in",
            &entry,
            None,
            "Incorrect password"
        ));
        const NOTE: Note = Note {
            component: "login-form",
            about: "Logs a user in",
            used_in: "Login",
            reference: "Login screen",
            ids: &["se-login-submit"],
        };
        assert!(matches(
            "se-login-submit",
            "Sign-in",
            &entry,
            Some(&NOTE),
            ""
        ));
    }

    #[test]
    fn a_view_survives_its_url() {
        let get = |q: &'static str| {
            move |k: &str| {
                q.split('&').find_map(|kv| {
                    let (a, b) = kv.split_once('=')?;
                    (a == k).then(|| b.replace("%20", " "))
                })
            }
        };
        let v = GalleryView::from_params(get("c=login-form&s=empty&lang=nl&vp=phone&q=a%20b"));
        assert_eq!(v.component.as_deref(), Some("login-form"));
        assert_eq!(v.width, Width::Phone);
        assert_eq!(v.query, "a b");
        assert_eq!(v.href(), "?c=login-form&s=empty&lang=nl&vp=phone&q=a%20b");
        let sheet = v.with_sheet("cloud-info");
        assert_eq!(sheet.href(), "?sheet=cloud-info&lang=nl&vp=phone&q=a%20b");
        let free = GalleryView::from_params(get("sheet=x&w=99999&lang2=nl&bare=1"));
        assert_eq!(free.width, Width::Px(MAX_WIDTH));
        assert_eq!(free.href(), "?sheet=x&lang=en&lang2=nl&w=1600&bare=1");
        assert_eq!(GalleryView::from_params(|_| None), GalleryView::default());
        assert_eq!(Width::Tablet.label(), "tablet · 768 px");
    }
}
