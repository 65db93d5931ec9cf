//! Turns any [`ApiError`] into a specific, human message in the current language: every text the
//! OsmAnd server can answer to the panel is listed once ([`SERVER_TEXTS`]) with its meaning, and
//! each meaning has its message in every language; a text not in the list gets a generic message
//! that names the HTTP status. The server's own words are never shown.

pub mod strings;

use osmand_api::error::ApiError;

use crate::auth::rules::{CodeFailure, RegisterFailure};
use crate::i18n::{fill, Strings};

pub use strings::ServerStrings;

/// What a refusal of the server means for the user.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    FieldsMissing,
    EmailUnknown,
    AccountGone,
    WrongPassword,
    InvalidEmail,
    AlreadyRegistered,
    NewEmailTaken,
    WrongCode,
    PasswordShort,
    TooMany,
    NewEmailFailed,
    NewEmailSubscription,
    NewEmailFiles,
    NewEmailDevices,
    DeleteEmailMismatch,
    DeleteFailed,
    FileGone,
    FileNotDeleted,
    AlreadyRestored,
    NoPreviousVersion,
    RestoreFailed,
    VersionChanged,
    FileNotAvailable,
    FreeTypes,
    FreeFileTooBig,
    CloudFull,
    LinkNotValid,
    BadRequest,
}

/// How a listed text is compared with the server's answer (both trimmed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Match {
    Exact,
    /// The server appends details (an address, a list of types, sizes).
    Prefix,
}

/// Every text the real server (OsmAnd-tools `java-tools/OsmAndServer`: `MapApiController`,
/// `UserdataService`) answers on an endpoint the panel calls, and what it means. The devserver
/// answers with exactly these texts.
pub const SERVER_TEXTS: &[(&str, Match, Refusal)] = {
    use Match::*;
    use Refusal::*;
    &[
        // login, register, validate-token, activate, change-email
        ("Username and password are required", Exact, FieldsMissing),
        ("Username is required", Exact, FieldsMissing),
        ("Username and token are required", Exact, FieldsMissing),
        ("Token are required", Exact, FieldsMissing),
        ("error_email", Exact, EmailUnknown),
        ("Email is not registered", Exact, EmailUnknown),
        ("error_password", Exact, WrongPassword),
        ("Email is not valid.", Exact, InvalidEmail),
        ("Please enter valid email", Exact, InvalidEmail),
        (
            "An account is already registered with this email address.",
            Exact,
            AlreadyRegistered,
        ),
        ("Too many requests. Try again later.", Exact, TooMany),
        ("error_token", Exact, WrongCode),
        (
            "enter password with at least 8 symbols",
            Exact,
            PasswordShort,
        ),
        // send-code, send-code-to-new-email, change-email
        ("User not found", Exact, AccountGone),
        ("User is not registered", Exact, AccountGone),
        (
            "Unexpected error: user is not registered.",
            Exact,
            AccountGone,
        ),
        ("Token is not valid or expired (24h)", Exact, WrongCode),
        ("Token is not valid", Exact, WrongCode),
        (
            "User was already registered with such email",
            Exact,
            NewEmailTaken,
        ),
        (
            "Something went wrong with your new email",
            Exact,
            NewEmailFailed,
        ),
        (
            "You can't change email, because you have subscription on new email",
            Exact,
            NewEmailSubscription,
        ),
        (
            "You can't change email, because you have files in account on new email",
            Exact,
            NewEmailFiles,
        ),
        (
            "You can't change email, because you have devices in account on new email",
            Exact,
            NewEmailDevices,
        ),
        // newer server versions (mapapi.md §12a); the devserver answers it too
        ("Unknown action", Exact, BadRequest),
        // delete-account (the code check also names a password nobody is asked for)
        (
            "Token is not valid or expired (24h), or password is not valid",
            Exact,
            WrongCode,
        ),
        (
            "Email doesn't match login username",
            Exact,
            DeleteEmailMismatch,
        ),
        ("Unable to delete user files (", Prefix, DeleteFailed),
        ("Account hasn't been deleted (", Prefix, DeleteFailed),
        // Changes and Trash
        ("File not found", Exact, FileGone),
        ("File version not found", Exact, FileGone),
        ("File is not deleted", Exact, FileNotDeleted),
        (
            "This is not trash, the file is not deleted",
            Exact,
            FileNotDeleted,
        ),
        (
            "File has already been restored from this version",
            Exact,
            AlreadyRestored,
        ),
        (
            "Previous version of file not found",
            Exact,
            NoPreviousVersion,
        ),
        ("Error restore file", Exact, RestoreFailed),
        ("File version was changed", Exact, VersionChanged),
        ("File is not available", Exact, FileNotAvailable),
        ("Invalid trash file data", Exact, BadRequest),
        // restore-file's upload check (validateUserForUpload)
        (
            "Free account can upload files with types:",
            Prefix,
            FreeTypes,
        ),
        ("Free account file size exceeded", Prefix, FreeFileTooBig),
        ("Maximum size of OsmAnd Cloud exceeded", Prefix, CloudFull),
        ("Not enough space to save file.", Prefix, CloudFull),
        // cancel-link (support login links)
        (osmand_api::client::LINK_NOT_VALID, Exact, LinkNotValid),
    ]
};

/// The meaning of a server text, if it is one the server is known to send.
pub fn refusal_of(text: &str) -> Option<Refusal> {
    let text = text.trim();
    SERVER_TEXTS
        .iter()
        .find(|(known, how, _)| match how {
            Match::Exact => text == *known,
            Match::Prefix => text.starts_with(known),
        })
        .map(|(_, _, r)| *r)
}

/// The message for a refusal, in the language of `s`.
pub fn refusal_text(r: Refusal, s: &Strings) -> &'static str {
    let t = s.server;
    match r {
        Refusal::FieldsMissing => t.fields_missing,
        Refusal::LinkNotValid => s.link.not_valid,
        Refusal::EmailUnknown => t.email_unknown,
        Refusal::AccountGone => t.account_gone,
        Refusal::WrongPassword => t.wrong_password,
        Refusal::InvalidEmail => t.invalid_email,
        Refusal::AlreadyRegistered => t.already_registered,
        Refusal::NewEmailTaken => t.new_email_taken,
        Refusal::WrongCode => t.wrong_code,
        Refusal::PasswordShort => t.password_short,
        Refusal::TooMany => t.too_many,
        Refusal::NewEmailFailed => t.new_email_failed,
        Refusal::NewEmailSubscription => t.new_email_subscription,
        Refusal::NewEmailFiles => t.new_email_files,
        Refusal::NewEmailDevices => t.new_email_devices,
        Refusal::DeleteEmailMismatch => t.delete_email_mismatch,
        Refusal::DeleteFailed => t.delete_failed,
        Refusal::FileGone => t.file_gone,
        Refusal::FileNotDeleted => t.file_not_deleted,
        Refusal::AlreadyRestored => t.already_restored,
        Refusal::NoPreviousVersion => t.no_previous_version,
        Refusal::RestoreFailed => t.restore_failed,
        Refusal::VersionChanged => t.version_changed,
        Refusal::FileNotAvailable => t.file_not_available,
        Refusal::FreeTypes => t.free_types,
        Refusal::FreeFileTooBig => t.free_file_too_big,
        Refusal::CloudFull => t.cloud_full,
        Refusal::BadRequest => t.bad_request,
    }
}

/// The message a person reads for a failed call: a listed server text gets its own message; any
/// other text, and codes and transport failures, get our own words naming the status.
pub fn error_message(err: &ApiError, s: &Strings) -> String {
    if let Some(r) = err.server_text().and_then(refusal_of) {
        return refusal_text(r, s).to_string();
    }
    match err {
        ApiError::Network(_) => s.err_network.to_string(),
        ApiError::TimedOut => s.err_timeout.to_string(),
        ApiError::Aborted => s.err_aborted.to_string(),
        ApiError::SessionExpired { .. } | ApiError::Unauthorized => s.err_session.to_string(),
        ApiError::TooManyRequests(_) => s.err_too_many.to_string(),
        ApiError::Server { status, .. } => status_text(s.err_server, *status),
        ApiError::Api { status, .. }
        | ApiError::Rejected { status, .. }
        | ApiError::Http { status, .. } => status_text(s.err_unexpected, *status),
        ApiError::Decode(_) => s.err_decode.to_string(),
    }
}

/// The message for a failed download of one file version: a server that says the version is
/// not there (404, the friendlier servers' answer) means what master's empty answer means.
pub fn download_error_message(err: &ApiError, s: &Strings) -> String {
    match err {
        ApiError::Http { status: 404, .. } | ApiError::Rejected { status: 404, .. } => {
            s.cloud.empty_download.to_string()
        }
        e => error_message(e, s),
    }
}

/// The message for a failed e-mail step (sign-up, reset, resend).
pub fn register_failure_text(f: &RegisterFailure, s: &Strings) -> String {
    match f {
        RegisterFailure::InvalidEmail => s.err_invalid_email.to_string(),
        RegisterFailure::AlreadyRegistered => s.err_already_registered.to_string(),
        RegisterFailure::NotRegistered => s.err_not_registered_reset.to_string(),
        RegisterFailure::TooManyRequests => s.err_too_many_codes.to_string(),
        RegisterFailure::Other(e) => error_message(e, s),
    }
}

/// The message for a failed code or password step.
pub fn code_failure_text(f: &CodeFailure, s: &Strings) -> String {
    match f {
        CodeFailure::InvalidCode => s.err_invalid_code.to_string(),
        CodeFailure::CodeUsedUp => s.err_code_used_up.to_string(),
        CodeFailure::PasswordTooShort => s.err_password_short.to_string(),
        CodeFailure::UnknownEmail => s.error_email_not_registered.to_string(),
        CodeFailure::Other(e) => error_message(e, s),
    }
}

fn status_text(template: &str, status: u16) -> String {
    fill(template, &[("status", &status.to_string())])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn a_missing_version_reads_as_no_longer_available() {
        let s = Locale::En.strings();
        for e in [
            ApiError::Http {
                status: 404,
                text: String::new(),
            },
            ApiError::Rejected {
                status: 404,
                text: "File version not found".into(),
            },
        ] {
            assert_eq!(
                download_error_message(&e, s),
                "This version is no longer available."
            );
        }
        assert!(
            download_error_message(&ApiError::Network("x".into()), s).contains("can’t be reached")
        );
    }

    #[test]
    fn every_kind_has_a_specific_message() {
        let s = Locale::En.strings();
        assert!(error_message(&ApiError::Network("refused".into()), s).contains("can’t be reached"));
        assert!(error_message(&ApiError::TimedOut, s).contains("did not answer within 30 seconds"));
        assert!(error_message(&ApiError::TimedOut, Locale::Nl.strings()).contains("30 seconden"));
        assert_eq!(
            error_message(
                &ApiError::Server {
                    status: 500,
                    text: String::new()
                },
                s
            ),
            "Something went wrong on the OsmAnd server (error 500). Please try again in a moment."
        );
        assert_eq!(
            error_message(
                &ApiError::Rejected {
                    status: 400,
                    text: "Username and password are required".into()
                },
                s
            ),
            "The request was missing a field. Fill in every field and try again."
        );
        assert_eq!(
            error_message(
                &ApiError::Api {
                    status: 400,
                    code: 112,
                    message: "enter password with at least 8 symbols".into()
                },
                s
            ),
            "Password must be at least 8 characters long."
        );
        assert_eq!(
            error_message(
                &ApiError::Rejected {
                    status: 415,
                    text: " ".into()
                },
                s
            ),
            "The server refused the request (error 415)."
        );
        assert!(error_message(&ApiError::Decode("eof".into()), s).contains("does not understand"));
        assert!(error_message(&ApiError::TooManyRequests(String::new()), s).starts_with("Too many"));
        let nl = Locale::Nl.strings();
        assert!(error_message(
            &ApiError::Server {
                status: 503,
                text: String::new()
            },
            nl
        )
        .contains("fout 503"));
    }

    /// Every text the server is known to send, as each error style that can carry it, in every
    /// language: a message of our own, never the server's words.
    #[test]
    fn every_known_server_text_gets_our_own_message_in_every_language() {
        for (text, how, meaning) in SERVER_TEXTS {
            let sent = match how {
                Match::Exact => text.to_string(),
                Match::Prefix => format!("{text} details (demo@example.com)"),
            };
            assert_eq!(refusal_of(&format!("  {sent}\n")), Some(*meaning), "{sent}");
            for locale in Locale::ALL {
                let s = locale.strings();
                for err in [
                    ApiError::Rejected {
                        status: 400,
                        text: sent.clone(),
                    },
                    ApiError::Api {
                        status: 400,
                        code: 104,
                        message: sent.clone(),
                    },
                ] {
                    let shown = error_message(&err, s);
                    assert_eq!(shown, refusal_text(*meaning, s), "{sent} ({locale:?})");
                    assert!(
                        !shown.contains(text.trim()),
                        "{sent} shown raw ({locale:?})"
                    );
                    assert!(!shown.trim().is_empty());
                }
            }
        }
        let nl = Locale::Nl.strings();
        assert_eq!(
            error_message(
                &ApiError::Rejected {
                    status: 400,
                    text: "Token is not valid or expired (24h), or password is not valid".into()
                },
                nl
            ),
            "Deze code is onjuist of verlopen. Kijk in de nieuwste e-mail of vraag een nieuwe code aan."
        );
        // Dutch and English differ for every meaning (nothing left untranslated).
        for (_, _, meaning) in SERVER_TEXTS {
            assert_ne!(
                refusal_text(*meaning, Locale::En.strings()),
                refusal_text(*meaning, nl)
            );
        }
    }

    #[test]
    fn unknown_server_texts_get_a_generic_message_naming_the_status() {
        for locale in Locale::ALL {
            let s = locale.strings();
            let shown = error_message(
                &ApiError::Rejected {
                    status: 409,
                    text: "Something new the server says".into(),
                },
                s,
            );
            assert!(shown.contains("409"), "{shown}");
            assert!(!shown.contains("Something new"));
            let shown = error_message(
                &ApiError::Server {
                    status: 502,
                    text: "Bad gateway from nginx".into(),
                },
                s,
            );
            assert!(shown.contains("502") && !shown.contains("nginx"), "{shown}");
            let shown = error_message(&ApiError::TooManyRequests("Slow down, friend".into()), s);
            assert_eq!(shown, s.err_too_many);
        }
    }
}
