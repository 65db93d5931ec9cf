//! Turns any [`ApiError`] into a specific, human message in the current language.

use osmand_api::error::ApiError;

use crate::auth::rules::{CodeFailure, RegisterFailure};
use crate::i18n::{fill, Strings};

/// The message a person reads for a failed call. Server texts meant for people (plain-text 400s,
/// API exception messages) are shown as the server wrote them; codes and transport failures get
/// our own words.
pub fn error_message(err: &ApiError, s: &Strings) -> String {
    match err {
        ApiError::Network(_) => s.err_network.to_string(),
        ApiError::TimedOut => s.err_timeout.to_string(),
        ApiError::Aborted => s.err_aborted.to_string(),
        ApiError::SessionExpired { .. } | ApiError::Unauthorized => s.err_session.to_string(),
        ApiError::TooManyRequests(text) => non_empty(text).unwrap_or(s.err_too_many).to_string(),
        ApiError::Api {
            message, status, ..
        } => non_empty(message)
            .map(str::to_string)
            .unwrap_or_else(|| status_text(s.err_unexpected, *status)),
        ApiError::Rejected { text, status } => non_empty(text)
            .map(str::to_string)
            .unwrap_or_else(|| status_text(s.err_unexpected, *status)),
        ApiError::Server { status, .. } => status_text(s.err_server, *status),
        ApiError::Http { status, .. } => status_text(s.err_unexpected, *status),
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
        CodeFailure::PasswordTooShort => s.err_password_short.to_string(),
        CodeFailure::UnknownEmail => s.error_email_not_registered.to_string(),
        CodeFailure::Other(e) => error_message(e, s),
    }
}

fn non_empty(text: &str) -> Option<&str> {
    let t = text.trim();
    (!t.is_empty()).then_some(t)
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
            "Username and password are required"
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
            "enter password with at least 8 symbols"
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
}
