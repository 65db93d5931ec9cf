//! The danger zone's rules as plain functions: input checks before a call, and where a
//! server's refusal belongs on screen.

use osmand_api::error::ApiError;

use crate::auth::rules::{code_complete, looks_like_email, normalize_email, CodeFailure, CodeWear};

/// Which field a message is shown under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    OldCode,
    NewEmail,
    NewCode,
    Email,
    Code,
    /// Not about one field (network, server error): shown above the buttons.
    General,
}

/// A message for one field (already in the user's language). Editing that field clears it
/// (`components::field::clear_on_edit`, the one rule for every form).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    pub field: Field,
    pub text: String,
}

impl Failure {
    /// The text, if it is about `field`.
    pub fn text_for(&self, field: Field) -> Option<&str> {
        (self.field == field).then_some(self.text.as_str())
    }
}

/// What became of a Delete account whose answer arrived, or did not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Deletion {
    /// The server said the account is deleted.
    Confirmed,
    /// No answer came, but the session has ended: the server ends it once the account is gone.
    SessionEnded,
    /// No answer came and the session is still there: the server has not deleted the account
    /// (yet: it deletes every stored file first, and may still be at it).
    StillThere,
    /// No answer came, and asking who is logged in failed too.
    Unknown,
}

/// Reads the answer of `auth/info` asked after a lost Delete account answer.
pub fn deletion_from_auth_info<T>(answer: &Result<Option<T>, ApiError>) -> Deletion {
    match answer {
        Ok(None) => Deletion::SessionEnded,
        Err(e) if e.is_session_end() => Deletion::SessionEnded,
        Ok(Some(_)) => Deletion::StillThere,
        Err(_) => Deletion::Unknown,
    }
}

/// Local problems that stop a call before it is sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    InvalidEmail,
    SameEmail,
    EmailMismatch,
    CodeMissing,
}

/// Step 1 of Change e-mail: the old code and a new, different, valid address.
pub fn check_change(current: &str, old_code: &str, new_email: &str) -> Option<(Field, Problem)> {
    if !code_complete(old_code) {
        return Some((Field::OldCode, Problem::CodeMissing));
    }
    if !looks_like_email(new_email) {
        return Some((Field::NewEmail, Problem::InvalidEmail));
    }
    if normalize_email(new_email) == normalize_email(current) {
        return Some((Field::NewEmail, Problem::SameEmail));
    }
    None
}

/// Delete account: the address typed again must be the account's, and a code is needed.
pub fn check_delete(account: &str, typed: &str, code: &str) -> Option<(Field, Problem)> {
    let typed = normalize_email(typed);
    if typed.len() < 3 || typed.len() >= 320 || !looks_like_email(&typed) {
        return Some((Field::Email, Problem::InvalidEmail));
    }
    if typed != normalize_email(account) {
        return Some((Field::Email, Problem::EmailMismatch));
    }
    if !code_complete(code) {
        return Some((Field::Code, Problem::CodeMissing));
    }
    None
}

/// Where a refusal of `send-code-to-new-email` / `change-email` / `delete-account` goes: code
/// texts under the code field, address texts under the address, the rest above the buttons.
pub fn field_of(err: &ApiError, code_field: Field, email_field: Field) -> Field {
    let Some(text) = err.server_text() else {
        return Field::General;
    };
    let t = text.to_ascii_lowercase();
    if t.contains("token") || t.contains("code") {
        code_field
    } else if t.contains("email") || t.contains("registered") {
        email_field
    } else {
        Field::General
    }
}

/// Where a refusal of a `confirmCode` endpoint goes ([`field_of`]) and, when it is about the code,
/// whether that code is used up now. The server wears the code on every such check (also a
/// successful one, see [`CodeWear::wear`]); after enough of them even the right code is refused,
/// and only a new code helps.
pub fn code_refusal(
    err: &ApiError,
    code_field: Field,
    email_field: Field,
    wear: &mut CodeWear,
    now_ms: i64,
) -> (Field, bool) {
    let field = field_of(err, code_field, email_field);
    let used_up = field == code_field && wear.refused(now_ms) == CodeFailure::CodeUsedUp;
    (field, used_up)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lost_delete_answer_is_read_from_who_is_logged_in() {
        let logged_in: Result<Option<&str>, ApiError> = Ok(Some("a@b.c"));
        assert_eq!(deletion_from_auth_info(&logged_in), Deletion::StillThere);
        assert_eq!(
            deletion_from_auth_info::<&str>(&Ok(None)),
            Deletion::SessionEnded
        );
        assert_eq!(
            deletion_from_auth_info::<&str>(&Err(ApiError::Unauthorized)),
            Deletion::SessionEnded
        );
        assert_eq!(
            deletion_from_auth_info::<&str>(&Err(ApiError::TimedOut)),
            Deletion::Unknown
        );
        let down = ApiError::Server {
            status: 503,
            text: String::new(),
        };
        assert_eq!(
            deletion_from_auth_info::<&str>(&Err(down)),
            Deletion::Unknown
        );
    }

    fn rejected(text: &str) -> ApiError {
        ApiError::Rejected {
            status: 400,
            text: text.into(),
        }
    }

    #[test]
    fn change_needs_a_code_and_a_new_valid_address() {
        let me = "demo@example.com";
        assert_eq!(
            check_change(me, "12", "new@example.com"),
            Some((Field::OldCode, Problem::CodeMissing))
        );
        assert_eq!(
            check_change(me, "1234", "not-an-address"),
            Some((Field::NewEmail, Problem::InvalidEmail))
        );
        assert_eq!(
            check_change(me, "1234", " Demo@Example.com "),
            Some((Field::NewEmail, Problem::SameEmail))
        );
        assert_eq!(check_change(me, "1234", "new@example.com"), None);
        // Longer codes of newer servers and permanent codes pass the same rule.
        assert_eq!(check_change(me, "123456", "new@example.com"), None);
        assert_eq!(check_change(me, "123456789012", "new@example.com"), None);
        assert_eq!(
            check_change(me, "1234567890123", "new@example.com"),
            Some((Field::OldCode, Problem::CodeMissing))
        );
    }

    #[test]
    fn delete_needs_the_same_address_and_a_code() {
        let me = "demo@example.com";
        assert_eq!(
            check_delete(me, "", "1234"),
            Some((Field::Email, Problem::InvalidEmail))
        );
        assert_eq!(
            check_delete(me, "other@example.com", "1234"),
            Some((Field::Email, Problem::EmailMismatch))
        );
        assert_eq!(
            check_delete(me, " DEMO@example.com", ""),
            Some((Field::Code, Problem::CodeMissing))
        );
        assert_eq!(check_delete(me, "demo@example.com", "1234"), None);
        assert_eq!(check_delete(me, "demo@example.com", "654321"), None);
        assert_eq!(
            check_delete(me, "demo@example.com", "123"),
            Some((Field::Code, Problem::CodeMissing))
        );
        let long = format!("{}@example.com", "a".repeat(320));
        assert_eq!(
            check_delete(me, &long, "1234"),
            Some((Field::Email, Problem::InvalidEmail))
        );
    }

    #[test]
    fn a_message_belongs_to_one_field() {
        let f = Failure {
            field: Field::Code,
            text: "Token is not valid".into(),
        };
        assert_eq!(f.text_for(Field::Code), Some("Token is not valid"));
        assert_eq!(f.text_for(Field::Email), None);
        assert_eq!(f.text_for(Field::General), None);
    }

    #[test]
    fn the_fourth_refused_code_is_used_up_and_a_new_code_starts_over() {
        let token = rejected("Token is not valid or expired (24h), or password is not valid");
        let mut wear = CodeWear::sent(0);
        for _ in 0..3 {
            assert_eq!(
                code_refusal(&token, Field::Code, Field::Email, &mut wear, 10),
                (Field::Code, false)
            );
        }
        assert_eq!(
            code_refusal(&token, Field::Code, Field::Email, &mut wear, 10),
            (Field::Code, true)
        );
        assert_eq!(
            code_refusal(&token, Field::Code, Field::Email, &mut wear, 10),
            (Field::Code, true),
            "the right code is refused too"
        );
        // Faults and address refusals are not about the code: no wear counted here.
        let mut fresh = CodeWear::sent(20);
        let net = ApiError::Network("Failed to fetch".into());
        for _ in 0..5 {
            assert_eq!(
                code_refusal(&net, Field::Code, Field::Email, &mut fresh, 20),
                (Field::General, false)
            );
        }
        assert_eq!(fresh.wears(), 0);
        assert_eq!(
            code_refusal(&token, Field::Code, Field::Email, &mut fresh, 20),
            (Field::Code, false)
        );
        // Change e-mail's old code: two good checks (Next, a resend to the new address) and two
        // refusals use it up.
        let mut old = CodeWear::sent(0);
        old.wear();
        old.wear();
        let t = rejected("Token is not valid or expired (24h)");
        assert_eq!(
            code_refusal(&t, Field::OldCode, Field::NewEmail, &mut old, 0),
            (Field::OldCode, false)
        );
        assert_eq!(
            code_refusal(&t, Field::OldCode, Field::NewEmail, &mut old, 0),
            (Field::OldCode, true)
        );
    }

    #[test]
    fn refusals_land_under_the_right_field() {
        let f = |e: &ApiError| field_of(e, Field::NewCode, Field::NewEmail);
        assert_eq!(
            f(&rejected("Token is not valid or expired (24h)")),
            Field::NewCode
        );
        assert_eq!(
            f(&rejected("User was already registered with such email")),
            Field::NewEmail
        );
        assert_eq!(f(&rejected("Please enter valid email")), Field::NewEmail);
        assert_eq!(
            f(&ApiError::Network("Failed to fetch".into())),
            Field::General
        );
        assert_eq!(
            f(&ApiError::Server {
                status: 500,
                text: String::new()
            }),
            Field::General
        );
    }
}
