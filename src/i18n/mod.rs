//! Internationalisation: a typed string table per language plus locale-aware formatting.
//!
//! Every user-visible text is reached through [`Strings`], and only through it:
//! `i18n.t().<field>` in views (tracked), `i18n.t_untracked().<field>` in event handlers, or
//! `locale.strings().<field>` where only a [`Locale`] is at hand. The shell, login and account
//! texts are fields of `Strings` itself; each area keeps its own table next to its code
//! (`account/strings.rs`, `settings/strings.rs` for the cloud screens, `danger/strings.rs`,
//! `purchases/strings.rs`), and that table is a field of `Strings` (`i18n.t().cloud.trash`).
//! `en.rs` and `nl.rs` each fill the whole struct, and each area's English and Dutch tables fill
//! the whole area struct, so a key missing in one language is a compile error. Templates use
//! `{name}` placeholders ([`fill`]).

#[cfg(test)]
mod complete;
mod en;
pub mod format;
pub mod load;
pub(crate) mod text;

use leptos::prelude::*;
use serde::Serialize;

pub use format::{format_date, format_size, plural};
pub use load::{ensure, LoadError};

/// A supported UI language: the eleven of the reference's Account panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Locale {
    Ar,
    De,
    En,
    Es,
    Fr,
    It,
    Nl,
    Pl,
    Pt,
    Tr,
    Uk,
}

/// A CLDR plural category (cardinal numbers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Locale {
    /// Every language, in the order the switch lists them (by code).
    pub const ALL: [Locale; 11] = [
        Locale::Ar,
        Locale::De,
        Locale::En,
        Locale::Es,
        Locale::Fr,
        Locale::It,
        Locale::Nl,
        Locale::Pl,
        Locale::Pt,
        Locale::Tr,
        Locale::Uk,
    ];

    /// The BCP 47 code, also sent as `lang` to the server.
    pub fn code(self) -> &'static str {
        match self {
            Locale::Ar => "ar",
            Locale::De => "de",
            Locale::En => "en",
            Locale::Es => "es",
            Locale::Fr => "fr",
            Locale::It => "it",
            Locale::Nl => "nl",
            Locale::Pl => "pl",
            Locale::Pt => "pt",
            Locale::Tr => "tr",
            Locale::Uk => "uk",
        }
    }

    /// The language's own name, for the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::Ar => "العربية",
            Locale::De => "Deutsch",
            Locale::En => "English",
            Locale::Es => "Español",
            Locale::Fr => "Français",
            Locale::It => "Italiano",
            Locale::Nl => "Nederlands",
            Locale::Pl => "Polski",
            Locale::Pt => "Português",
            Locale::Tr => "Türkçe",
            Locale::Uk => "Українська",
        }
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        self == Locale::Ar
    }

    /// `rtl` or `ltr`, for `<html dir>` and the gallery's frames.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// Parses a code such as `nl`, `pt-BR` or `en_GB`; unknown languages give `None`.
    pub fn from_code(code: &str) -> Option<Locale> {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Locale::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The best language for the browser's preference list (`navigator.languages`, best
    /// first): the first one we have, else English.
    pub fn best_match<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Locale {
        preferred
            .into_iter()
            .find_map(Locale::from_code)
            .unwrap_or(Locale::En)
    }

    /// The CLDR cardinal plural category of the whole number `n` in this language.
    pub fn plural_category(self, n: i64) -> PluralCategory {
        use PluralCategory::*;
        let i = n.unsigned_abs();
        let (m10, m100) = (i % 10, i % 100);
        match self {
            Locale::En | Locale::De | Locale::Nl | Locale::Tr => {
                if i == 1 {
                    One
                } else {
                    Other
                }
            }
            // French and Portuguese count 0 and 1 as one; these and Spanish and Italian use
            // "many" for whole millions ("1 000 000 de fichiers").
            Locale::Fr | Locale::Pt | Locale::Es | Locale::It => {
                let one = match self {
                    Locale::Fr | Locale::Pt => i <= 1,
                    _ => i == 1,
                };
                if one {
                    One
                } else if i != 0 && i.is_multiple_of(1_000_000) {
                    Many
                } else {
                    Other
                }
            }
            Locale::Pl => {
                if i == 1 {
                    One
                } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
                    Few
                } else {
                    Many
                }
            }
            Locale::Uk => {
                if m10 == 1 && m100 != 11 {
                    One
                } else if (2..=4).contains(&m10) && !(12..=14).contains(&m100) {
                    Few
                } else {
                    Many
                }
            }
            Locale::Ar => match (i, m100) {
                (0, _) => Zero,
                (1, _) => One,
                (2, _) => Two,
                (_, 3..=10) => Few,
                (_, 11..=99) => Many,
                _ => Other,
            },
        }
    }

    /// The categories whole numbers reach in this language: each needs its own form.
    pub fn plural_categories(self) -> &'static [PluralCategory] {
        use PluralCategory::*;
        match self {
            Locale::En | Locale::De | Locale::Nl | Locale::Tr => &[One, Other],
            Locale::Fr | Locale::Pt | Locale::Es | Locale::It => &[One, Many, Other],
            Locale::Pl | Locale::Uk => &[One, Few, Many],
            Locale::Ar => &[Zero, One, Two, Few, Many, Other],
        }
    }

    /// The string table of this language. English is built in; the others are the tables
    /// [`load`] fetched (in the browser) or compiled in (native tests and the gallery). A table
    /// that is not there yet gives English, never raw keys.
    pub fn strings(self) -> &'static Strings {
        load::table(self).unwrap_or(&en::EN)
    }
}

/// The forms of a counted phrase (`{n}` is replaced by the count), one per CLDR category. A
/// language fills the categories its numbers reach ([`Locale::plural_categories`]); the others
/// stay empty and fall back to `other`.
#[derive(Clone, Copy, Debug, Default, Serialize)]
pub struct Plural {
    #[serde(skip_serializing_if = "str::is_empty")]
    pub zero: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub one: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub two: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub few: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub many: &'static str,
    #[serde(skip_serializing_if = "str::is_empty")]
    pub other: &'static str,
}

impl Plural {
    /// The English shape: one and other.
    pub const fn two(one: &'static str, other: &'static str) -> Plural {
        Plural {
            zero: "",
            one,
            two: "",
            few: "",
            many: "",
            other,
        }
    }

    /// The form for a category, `other` (then `many`) when the language left it empty.
    pub fn form(&self, c: PluralCategory) -> &'static str {
        let f = match c {
            PluralCategory::Zero => self.zero,
            PluralCategory::One => self.one,
            PluralCategory::Two => self.two,
            PluralCategory::Few => self.few,
            PluralCategory::Many => self.many,
            PluralCategory::Other => self.other,
        };
        [f, self.other, self.many]
            .into_iter()
            .find(|f| !f.is_empty())
            .unwrap_or_default()
    }
}

/// Replaces each `{key}` in `template` by its value.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (key, value) in args {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

/// The reactive UI language, provided once at the root.
#[derive(Clone, Copy)]
pub struct I18n {
    locale: RwSignal<Locale>,
    /// The language being fetched after a switch (the old one stays until it arrives).
    pending: RwSignal<Option<Locale>>,
    /// The language whose file could not be loaded, for the switch to say so.
    failed: RwSignal<Option<Locale>>,
}

const STORAGE_KEY: &str = "osmand-account.lang";

impl I18n {
    /// A context with the given starting language (its table should be loaded already, see
    /// [`load::ensure`]; until it is, English shows).
    pub fn new(locale: Locale) -> Self {
        Self {
            locale: RwSignal::new(locale),
            pending: RwSignal::new(None),
            failed: RwSignal::new(None),
        }
    }

    /// The app's context for the language `main` detected and tried to load: that language
    /// when its texts are here, else English with [`Self::failed`] saying why.
    pub fn start(detected: Locale) -> Self {
        if load::is_loaded(detected) {
            Self::new(detected)
        } else {
            let i18n = Self::new(Locale::En);
            i18n.failed.set(Some(detected));
            i18n
        }
    }

    /// The language saved by the user, else the best of the browser's, else English.
    pub fn detect() -> Locale {
        crate::browser::local_storage_get(STORAGE_KEY)
            .and_then(|code| Locale::from_code(&code))
            .unwrap_or_else(|| {
                let preferred = crate::browser::navigator_languages();
                Locale::best_match(preferred.iter().map(String::as_str))
            })
    }

    /// The current language (tracked).
    pub fn locale(&self) -> Locale {
        self.locale.get()
    }

    /// The current language without tracking.
    pub fn locale_untracked(&self) -> Locale {
        self.locale.get_untracked()
    }

    /// The current string table (tracked).
    pub fn t(&self) -> &'static Strings {
        self.locale.get().strings()
    }

    /// The current string table without tracking (event handlers).
    pub fn t_untracked(&self) -> &'static Strings {
        self.locale.get_untracked().strings()
    }

    /// The language still loading after a switch (tracked).
    pub fn pending(&self) -> Option<Locale> {
        self.pending.get()
    }

    /// The language that could not be loaded, if the last switch failed (tracked).
    pub fn failed(&self) -> Option<Locale> {
        self.failed.get()
    }

    /// Switches the language: at once when its texts are there, else once they have arrived.
    /// A file that cannot be loaded leaves the current language and sets [`Self::failed`].
    pub fn set(&self, locale: Locale) {
        self.failed.set(None);
        if load::is_loaded(locale) {
            self.pending.set(None);
            self.apply(locale);
            return;
        }
        self.pending.set(Some(locale));
        let this = *self;
        leptos::task::spawn_local(async move {
            let result = load::ensure(locale).await;
            // A later switch wins over this one.
            if this.pending.get_untracked() != Some(locale) {
                return;
            }
            this.pending.set(None);
            match result {
                Ok(()) => this.apply(locale),
                Err(e) => {
                    leptos::logging::warn!("language {}: {e:?}", locale.code());
                    this.failed.set(Some(locale));
                }
            }
        });
    }

    /// Shows `locale`, remembers it and updates `<html lang dir>`.
    fn apply(&self, locale: Locale) {
        self.locale.set(locale);
        crate::browser::local_storage_set(STORAGE_KEY, locale.code());
        crate::browser::set_document_lang(locale.code(), locale.dir());
    }
}

/// The language context. The app, the gallery and the tests provide one; a component used
/// without it is a bug and stops with a message naming the missing context.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

text::table! {
    /// Every user-visible text of the app. English fills it in `en.rs`; the other languages in
    /// `i18n/<code>.json`, with these field names as keys.
    pub struct Strings {
        // Shell
        pub app_title: &'static str,
        pub map_placeholder: &'static str,
        pub menu_account: &'static str,
        pub menu_login: &'static str,
        pub menu_settings: &'static str,
        pub menu_label: &'static str,
        pub language: &'static str,
        /// A language's texts could not be loaded (`{language}`: its own name).
        pub lang_load_failed: &'static str,
        pub close_panel: &'static str,
        pub back: &'static str,
        pub loading: &'static str,
        pub cancel: &'static str,
        pub close_dialog: &'static str,
        pub retry: &'static str,
        pub not_found_title: &'static str,
        pub not_found_text: &'static str,
        pub go_to_account: &'static str,

        // Logged-out panel (S2)
        pub osmand_account: &'static str,
        pub empty_login_text: &'static str,
        pub log_in: &'static str,
        pub create_account: &'static str,
        pub checking_session: &'static str,

        // Login (S3)
        pub login_title: &'static str,
        pub login_intro: &'static str,
        pub email: &'static str,
        pub password: &'static str,
        pub show_password: &'static str,
        pub hide_password: &'static str,
        pub forgot_password: &'static str,
        pub continue_btn: &'static str,
        pub signing_in: &'static str,
        pub error_email_not_registered: &'static str,
        pub error_wrong_password: &'static str,
        pub error_fill_both: &'static str,

        // Sign-up and password reset (S4, S5)
        pub create_title: &'static str,
        pub create_intro: &'static str,
        pub code_intro: &'static str,
        pub verification_code: &'static str,
        pub code_hint: &'static str,
        pub no_code_link: &'static str,
        pub no_code_title: &'static str,
        pub no_code_tip_address: &'static str,
        pub no_code_tip_spam: &'static str,
        pub no_code_tip_delay: &'static str,
        pub no_code_tip_filter: &'static str,
        pub resend_btn: &'static str,
        pub resend_wait: &'static str,
        pub resent: &'static str,
        pub use_other_email: &'static str,
        pub password_intro: &'static str,
        pub confirm_password: &'static str,
        pub creating: &'static str,
        pub sending: &'static str,
        pub checking: &'static str,
        pub saving: &'static str,
        pub err_invalid_email: &'static str,
        pub err_already_registered: &'static str,
        pub err_too_many_codes: &'static str,
        pub err_invalid_code: &'static str,
        pub err_invalid_code_hint: &'static str,
        pub err_code_used_up: &'static str,
        pub err_password_short: &'static str,
        /// Live: how many characters a new password still lacks.
        pub err_password_missing: Plural,
        pub err_password_mismatch: &'static str,
        pub reset_title: &'static str,
        pub reset_intro: &'static str,
        pub reset_code_intro: &'static str,
        pub new_password: &'static str,
        pub repeat_password: &'static str,
        pub min_8: &'static str,
        pub change_password_btn: &'static str,
        pub reset_done_title: &'static str,
        pub reset_done_text: &'static str,
        pub reset_failed_title: &'static str,
        pub reset_failed_text: &'static str,
        pub err_not_registered_reset: &'static str,
        pub step_of: &'static str,

        // Notices
        pub notice_logged_out_by_server: &'static str,
        pub login_first_delete: &'static str,
        pub notice_session_expired: &'static str,
        pub notice_logged_out: &'static str,
        pub notice_account_deleted: &'static str,
        pub notice_account_deleted_unconfirmed: &'static str,
        pub notice_email_changed: &'static str,

        // Account home (S6)
        pub logout: &'static str,
        pub logging_out: &'static str,

        // Account areas
        pub cloud_title: &'static str,
        pub cloud_total_files: &'static str,
        pub cloud_files_value: &'static str,
        pub cloud_storage: &'static str,
        pub cloud_used: &'static str,
        pub cloud_used_of: &'static str,
        pub purchases_title: &'static str,
        pub delete_account_title: &'static str,
        pub not_available_yet: &'static str,

        // Generic failures (one per ApiError kind)
        pub err_network: &'static str,
        pub err_timeout: &'static str,
        pub err_server: &'static str,
        pub err_too_many: &'static str,
        pub err_decode: &'static str,
        pub err_unexpected: &'static str,
        pub err_session: &'static str,
        pub err_aborted: &'static str,
        pub err_session_check: &'static str,

        // Formatting
        pub months: [&'static str; 12],
        pub months_short: [&'static str; 12],
        pub today: &'static str,
        pub yesterday: &'static str,
        pub decimal_separator: char,
        pub thousands_separator: char,
        /// A full date: `{day}`, `{month}` (short name) and `{year}`: `{month} {day}, {year}`.
        pub date_pattern: &'static str,
        /// A date in the current year: `{month} {day}`.
        pub day_month_pattern: &'static str,
        /// A clock time: `{h12}`, `{HH}`, `{mm}`, `{ampm}`: `{h12}:{mm} {ampm}` or `{HH}:{mm}`.
        pub time_pattern: &'static str,
        pub am: &'static str,
        pub pm: &'static str,
        /// A change's day and time: `{day}, {time}`.
        pub day_time_pattern: &'static str,
        /// A month heading (Changes): `{month} {year}`, the month's full name.
        pub month_year_pattern: &'static str,
        pub files: Plural,

        // Area tables: each area keeps its texts in its own `strings.rs`, reached through here
        pub account: &'static crate::account::strings::AccountStrings,
        pub cloud: &'static crate::settings::strings::CloudStrings,
        pub danger: &'static crate::danger::strings::DangerStrings,
        pub server: &'static crate::errors::ServerStrings,
        pub purchases: &'static crate::purchases::strings::PurchaseStrings,
        pub link: &'static crate::auth::link_strings::LinkStrings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `cargo test --lib dump_english -- --ignored`: the English table as a language file,
    /// `target/i18n-dump/en.json`, the reference for translators (keys, placeholders, plurals).
    #[test]
    #[ignore]
    fn dump_english() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/target/i18n-dump");
        std::fs::create_dir_all(dir).unwrap();
        let json = serde_json::to_string_pretty(&en::EN).unwrap();
        std::fs::write(format!("{dir}/en.json"), json + "\n").unwrap();
    }

    #[test]
    fn each_language_reaches_its_own_area_tables() {
        let (en, nl) = (Locale::En.strings(), Locale::Nl.strings());
        assert_eq!(en.account.download_all, "Download all");
        assert_eq!(nl.account.download_all, "Alles downloaden");
        assert_eq!(en.cloud.trash, "Trash");
        assert_eq!(nl.cloud.trash, "Prullenbak");
        assert_eq!(en.danger.change_email, "Change email");
        assert_eq!(nl.danger.change_email, "E-mailadres wijzigen");
        assert_eq!(en.purchases.subscriptions, "Subscriptions");
        assert_eq!(nl.purchases.subscriptions, "Abonnementen");
    }
}
