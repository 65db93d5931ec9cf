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

mod en;
pub mod format;
mod nl;

use leptos::prelude::*;

pub use format::{format_date, format_size, plural};

/// A supported UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Locale {
    En,
    Nl,
}

impl Locale {
    /// Every language, in the order the switch lists them.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Nl];

    /// The BCP 47 code, also sent as `lang` to the server.
    pub fn code(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Nl => "nl",
        }
    }

    /// The language's own name, for the switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Nl => "Nederlands",
        }
    }

    /// Parses a code such as `nl`, `nl-BE` or `en_GB`; unknown languages give `None`.
    pub fn from_code(code: &str) -> Option<Locale> {
        let primary = code
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "nl" => Some(Locale::Nl),
            _ => None,
        }
    }

    /// The string table of this language.
    pub fn strings(self) -> &'static Strings {
        match self {
            Locale::En => &en::EN,
            Locale::Nl => &nl::NL,
        }
    }
}

/// Singular and plural form of a counted phrase (`{n}` is replaced by the count).
#[derive(Clone, Copy, Debug)]
pub struct Plural {
    pub one: &'static str,
    pub other: &'static str,
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
}

const STORAGE_KEY: &str = "osmand-account.lang";

impl I18n {
    /// A context with the given starting language.
    pub fn new(locale: Locale) -> Self {
        Self {
            locale: RwSignal::new(locale),
        }
    }

    /// The language saved by the user, else the browser's, else English.
    pub fn detect() -> Locale {
        let saved = crate::browser::local_storage_get(STORAGE_KEY)
            .and_then(|code| Locale::from_code(&code));
        saved
            .or_else(|| crate::browser::navigator_language().and_then(|l| Locale::from_code(&l)))
            .unwrap_or(Locale::En)
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

    /// Switches the language, remembers it and updates `<html lang>`.
    pub fn set(&self, locale: Locale) {
        self.locale.set(locale);
        crate::browser::local_storage_set(STORAGE_KEY, locale.code());
        crate::browser::set_document_lang(locale.code());
    }
}

/// The language context. The app, the gallery and the tests provide one; a component used
/// without it is a bug and stops with a message naming the missing context.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Every user-visible text of the app.
#[derive(Debug)]
pub struct Strings {
    // Shell
    pub app_title: &'static str,
    pub map_placeholder: &'static str,
    pub menu_account: &'static str,
    pub menu_login: &'static str,
    pub menu_settings: &'static str,
    pub menu_label: &'static str,
    pub language: &'static str,
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
    pub files: Plural,

    // Area tables: each area keeps its texts in its own `strings.rs`, reached through here
    pub account: &'static crate::account::strings::AccountStrings,
    pub cloud: &'static crate::settings::strings::CloudStrings,
    pub danger: &'static crate::danger::strings::DangerStrings,
    pub server: &'static crate::errors::ServerStrings,
    pub purchases: &'static crate::purchases::strings::PurchaseStrings,
    pub link: &'static crate::auth::link_strings::LinkStrings,
}

#[cfg(test)]
mod tests {
    use super::*;

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
