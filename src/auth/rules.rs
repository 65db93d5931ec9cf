//! Pure rules of the sign-up and password-reset flows: input clean-up, live password validation,
//! the resend countdown and what each server answer means. Unit-tested natively.

use osmand_api::error::ApiError;

/// The shortest password the server accepts.
pub const MIN_PASSWORD: usize = 8;
/// How long the user waits before another code can be requested.
pub const RESEND_COOLDOWN_MS: i64 = 60_000;
/// How long the server accepts a code after sending it.
pub const CODE_TTL_MS: i64 = 24 * 3_600_000;
/// How much older each wrong try makes a code on the server (`UserdataService.wearOutToken`).
pub const CODE_WEAR_MS: i64 = 7 * 3_600_000;
/// Longest e-mail address we send (RFC 5321 path limit).
pub const MAX_EMAIL: usize = 320;

/// The e-mail as the server will store it: trimmed and lower-cased.
pub fn normalize_email(raw: &str) -> String {
    raw.trim().to_lowercase()
}

/// The same quick check the server makes (no spaces, one `@`, a local part, a dot in the domain),
/// so obvious typos are caught before a request.
pub fn looks_like_email(raw: &str) -> bool {
    let e = normalize_email(raw);
    if e.is_empty() || e.len() > MAX_EMAIL || e.contains(char::is_whitespace) {
        return false;
    }
    let mut parts = e.split('@');
    match (parts.next(), parts.next(), parts.next()) {
        (Some(local), Some(domain), None) => !local.is_empty() && domain.contains('.'),
        _ => false,
    }
}

/// The one rule for every e-mailed code (sign-up, password reset, change e-mail, delete
/// account): 4 to 12 digits. Master issues 4 (`UserdataService.sendCode`), newer servers 6–12,
/// and support can set permanent codes of 8 or more.
pub const CODE_MIN_DIGITS: usize = 4;
/// See [`CODE_MIN_DIGITS`].
pub const CODE_MAX_DIGITS: usize = 12;
/// How many characters a code field takes in: more than [`CODE_MAX_DIGITS`], so a code pasted
/// with spaces or dashes (`"123 456 789 012"`) arrives whole and is cleaned to its digits.
pub const CODE_INPUT_MAX: u32 = 40;

/// Keeps only the digits of a pasted or typed code (`" 12 34 "`, `"Code: 1234"` → `"1234"`), at
/// most [`CODE_MAX_DIGITS`].
pub fn clean_code(raw: &str) -> String {
    raw.chars()
        .filter(char::is_ascii_digit)
        .take(CODE_MAX_DIGITS)
        .collect()
}

/// Whether a code may be sent: after trimming, only digits (spaces inside are what a paste
/// leaves), and 4 to 12 of them.
pub fn code_complete(raw: &str) -> bool {
    let raw = raw.trim();
    let digits = raw.chars().filter(char::is_ascii_digit).count();
    raw.chars().all(|c| c.is_ascii_digit() || c == ' ')
        && (CODE_MIN_DIGITS..=CODE_MAX_DIGITS).contains(&digits)
}

/// What is wrong with a new password and its confirmation, if anything (shown live once both
/// fields have text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordProblem {
    TooShort,
    Mismatch,
}

/// Live validation: nothing is reported until both fields are filled.
pub fn password_problem(password: &str, confirm: &str) -> Option<PasswordProblem> {
    if password.is_empty() || confirm.is_empty() {
        return None;
    }
    if password.chars().count() < MIN_PASSWORD {
        Some(PasswordProblem::TooShort)
    } else if password != confirm {
        Some(PasswordProblem::Mismatch)
    } else {
        None
    }
}

/// Whether the new password may be sent.
pub fn password_ok(password: &str, confirm: &str) -> bool {
    !password.is_empty() && !confirm.is_empty() && password_problem(password, confirm).is_none()
}

/// Seconds left before "Resend" is allowed again (0 = now).
pub fn resend_wait_secs(sent_at_ms: Option<i64>, now_ms: i64) -> i64 {
    match sent_at_ms {
        Some(sent) => {
            let left = sent
                .saturating_add(RESEND_COOLDOWN_MS)
                .saturating_sub(now_ms);
            (left.max(0) + 999) / 1000
        }
        None => 0,
    }
}

/// Whether the server can no longer accept the code sent at `sent_at_ms` after `wrong_tries`
/// refused checks: each wrong try ages the code by 7 h and the server refuses codes older than
/// 24 h (a fresh code survives three wrong tries; after the fourth even the right one is refused).
pub fn code_used_up(sent_at_ms: Option<i64>, now_ms: i64, wrong_tries: u32) -> bool {
    let age = sent_at_ms.map_or(0, |sent| now_ms.saturating_sub(sent).max(0));
    age.saturating_add(CODE_WEAR_MS.saturating_mul(i64::from(wrong_tries))) > CODE_TTL_MS
}

/// How worn the code on screen is: when it was sent (client clock) and how many server checks
/// have aged it since. The one counter behind "this code no longer works" in every code flow
/// (sign-up, reset, change e-mail, delete account); each flow says which answers wear a code
/// (`validate-token`/`activate`: a refusal; `confirmCode` endpoints: every check).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CodeWear {
    sent_at_ms: Option<i64>,
    wears: u32,
}

impl CodeWear {
    /// A new code, sent at `now_ms`: nothing worn yet.
    pub const fn sent(now_ms: i64) -> Self {
        CodeWear {
            sent_at_ms: Some(now_ms),
            wears: 0,
        }
    }

    /// When the code was sent (`None`: not this visit, e.g. a code from an earlier e-mail).
    pub fn sent_at(&self) -> Option<i64> {
        self.sent_at_ms
    }

    /// How many checks have aged this code.
    pub fn wears(&self) -> u32 {
        self.wears
    }

    /// One server check aged the code (also a successful `confirmCode`).
    pub fn wear(&mut self) {
        self.wears = self.wears.saturating_add(1);
    }

    /// Whether the server can no longer accept this code (see [`code_used_up`]).
    pub fn used_up(&self, now_ms: i64) -> bool {
        code_used_up(self.sent_at_ms, now_ms, self.wears)
    }

    /// The server refused the code: that check wore it too. Says what to tell the user: a wrong
    /// code, or (once it cannot work any more) that only a new code helps.
    pub fn refused(&mut self, now_ms: i64) -> CodeFailure {
        self.wear();
        if self.used_up(now_ms) {
            CodeFailure::CodeUsedUp
        } else {
            CodeFailure::InvalidCode
        }
    }
}

/// `m:ss` for the countdown.
pub fn mm_ss(secs: i64) -> String {
    format!("{}:{:02}", secs.max(0) / 60, secs.max(0) % 60)
}

/// What a failed `register` call means for the e-mail step.
#[derive(Clone, Debug, PartialEq)]
pub enum RegisterFailure {
    /// `Email is not valid.`
    InvalidEmail,
    /// `An account is already registered with this email address.`
    AlreadyRegistered,
    /// `error_email` (reset flow: no such account).
    NotRegistered,
    /// 429 `Too many requests. Try again later.`
    TooManyRequests,
    /// Anything else.
    Other(ApiError),
}

impl RegisterFailure {
    /// Classifies a failed `register` call.
    pub fn from_error(err: ApiError) -> Self {
        match &err {
            ApiError::TooManyRequests(_) => RegisterFailure::TooManyRequests,
            e if e.is_rejection("Email is not valid.") => RegisterFailure::InvalidEmail,
            e if e.is_rejection("An account is already registered with this email address.") => {
                RegisterFailure::AlreadyRegistered
            }
            e if e.is_rejection("error_email") => RegisterFailure::NotRegistered,
            _ => RegisterFailure::Other(err),
        }
    }

    /// Whether a "Log in" shortcut helps (the reference offers it for every error but an invalid
    /// address).
    pub fn offers_login(&self) -> bool {
        matches!(
            self,
            RegisterFailure::AlreadyRegistered | RegisterFailure::TooManyRequests
        )
    }
}

/// What a failed code or password call means.
#[derive(Clone, Debug, PartialEq)]
pub enum CodeFailure {
    /// `error_token`: wrong, worn out or older than 24 h.
    InvalidCode,
    /// `error_token` once the code cannot work any more (too many wrong tries or too old, see
    /// [`code_used_up`]): only a new code helps.
    CodeUsedUp,
    /// Error 112: password too short for the server.
    PasswordTooShort,
    /// `error_email`: the account vanished meanwhile.
    UnknownEmail,
    Other(ApiError),
}

impl CodeFailure {
    /// Classifies a failed `validate-token` or `activate` call.
    pub fn from_error(err: ApiError) -> Self {
        match &err {
            ApiError::Api { code: 112, .. } => CodeFailure::PasswordTooShort,
            e if e.is_rejection("error_token") => CodeFailure::InvalidCode,
            e if e.is_rejection("error_email") => CodeFailure::UnknownEmail,
            _ => CodeFailure::Other(err),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rejected(text: &str) -> ApiError {
        ApiError::Rejected {
            status: 400,
            text: text.into(),
        }
    }

    #[test]
    fn emails_are_normalised_and_checked_like_the_server() {
        assert_eq!(normalize_email("  Ada@Example.COM "), "ada@example.com");
        assert!(looks_like_email(" Ada@Example.com "));
        assert!(!looks_like_email("ada@example"));
        assert!(!looks_like_email("@example.com"));
        assert!(!looks_like_email("a@b@c.com"));
        assert!(!looks_like_email("a b@c.com"));
        assert!(!looks_like_email(""));
        let long = format!("{}@example.com", "a".repeat(400));
        assert!(!looks_like_email(&long));
    }

    #[test]
    fn codes_keep_digits_only() {
        assert_eq!(clean_code(" 12 34 "), "1234");
        assert_eq!(clean_code("Code: 5678."), "5678");
        assert_eq!(clean_code("abc"), "");
        assert_eq!(clean_code("1234567890123456"), "123456789012");
        assert_eq!(clean_code("123 456 789 012"), "123456789012");
        assert_eq!(clean_code("12-34-56"), "123456");
    }

    #[test]
    fn every_code_field_takes_4_to_12_digits() {
        for ok in [
            "1234",
            "123456",
            "12345678",
            "123456789012",
            " 123456 ",
            "123 456",
        ] {
            assert!(code_complete(ok), "{ok:?}");
        }
        for bad in [
            "",
            "   ",
            "123",
            "1234567890123",
            "12a4",
            "12.34",
            "１２３４",
        ] {
            assert!(!code_complete(bad), "{bad:?}");
        }
        // A pasted code with spaces fits the field and cleans to a complete code.
        let pasted = "123 456 789 012";
        assert!(pasted.len() <= CODE_INPUT_MAX as usize);
        assert!(code_complete(&clean_code(pasted)));
    }

    #[test]
    fn password_validation_waits_for_both_fields() {
        assert_eq!(password_problem("short", ""), None);
        assert_eq!(
            password_problem("short", "short"),
            Some(PasswordProblem::TooShort)
        );
        assert_eq!(
            password_problem("long-enough", "long-enougH"),
            Some(PasswordProblem::Mismatch)
        );
        assert_eq!(password_problem("long-enough", "long-enough"), None);
        assert!(password_ok("long-enough", "long-enough"));
        assert!(!password_ok("", ""));
        // Eight characters, not eight bytes.
        assert_eq!(
            password_problem("ééééééé", "ééééééé"),
            Some(PasswordProblem::TooShort)
        );
        assert!(password_ok("éééééééé", "éééééééé"));
    }

    #[test]
    fn resend_countdown() {
        assert_eq!(resend_wait_secs(None, 5), 0);
        assert_eq!(resend_wait_secs(Some(0), 0), 60);
        assert_eq!(resend_wait_secs(Some(0), 59_001), 1);
        assert_eq!(resend_wait_secs(Some(0), 60_000), 0);
        assert_eq!(resend_wait_secs(Some(0), 90_000), 0);
        assert_eq!(mm_ss(65), "1:05");
        assert_eq!(mm_ss(-3), "0:00");
    }

    #[test]
    fn register_answers_are_classified() {
        assert_eq!(
            RegisterFailure::from_error(rejected("Email is not valid.")),
            RegisterFailure::InvalidEmail
        );
        let taken = RegisterFailure::from_error(rejected(
            "An account is already registered with this email address.",
        ));
        assert_eq!(taken, RegisterFailure::AlreadyRegistered);
        assert!(taken.offers_login());
        assert_eq!(
            RegisterFailure::from_error(rejected("error_email")),
            RegisterFailure::NotRegistered
        );
        let limited = RegisterFailure::from_error(ApiError::TooManyRequests(
            "Too many requests. Try again later.".into(),
        ));
        assert_eq!(limited, RegisterFailure::TooManyRequests);
        assert!(!RegisterFailure::InvalidEmail.offers_login());
    }

    #[test]
    fn a_code_is_used_up_after_the_fourth_wrong_try_or_when_old() {
        let h = 3_600_000;
        assert!(!code_used_up(Some(0), 0, 0));
        assert!(!code_used_up(Some(0), 10, 3), "7 + 7 + 7 h: still accepted");
        assert!(
            code_used_up(Some(0), 10, 4),
            "28 h: even the right code is refused"
        );
        assert!(
            code_used_up(Some(0), 4 * h, 3),
            "an older code survives fewer tries"
        );
        assert!(code_used_up(Some(0), 25 * h, 0));
        assert!(!code_used_up(None, 0, 3));
        assert!(code_used_up(None, 0, 4));
        // A clock that went backwards does not make a code younger than new.
        assert!(!code_used_up(Some(10 * h), 0, 3));
    }

    #[test]
    fn code_wear_counts_refusals_and_a_new_code_starts_over() {
        let h = 3_600_000;
        let mut wear = CodeWear::sent(0);
        for _ in 0..3 {
            assert_eq!(wear.refused(10), CodeFailure::InvalidCode);
        }
        assert_eq!(
            wear.refused(10),
            CodeFailure::CodeUsedUp,
            "the fourth wrong try uses it up"
        );
        assert_eq!(wear.refused(10), CodeFailure::CodeUsedUp, "and it stays so");
        assert_eq!(wear.wears(), 5);
        wear = CodeWear::sent(20);
        assert_eq!(wear.wears(), 0);
        assert!(!wear.used_up(20));
        assert_eq!(wear.refused(20), CodeFailure::InvalidCode);
        // Successful confirmCode checks wear it too (change e-mail's old code).
        let mut old = CodeWear::sent(0);
        old.wear();
        old.wear();
        old.wear();
        assert!(!old.used_up(10));
        assert_eq!(old.refused(10), CodeFailure::CodeUsedUp);
        // Age counts: a code sent 4 h ago survives only two wrong tries.
        let mut aged = CodeWear::sent(0);
        assert_eq!(aged.refused(4 * h), CodeFailure::InvalidCode);
        assert_eq!(aged.refused(4 * h), CodeFailure::InvalidCode);
        assert_eq!(aged.refused(4 * h), CodeFailure::CodeUsedUp);
        // A code from an earlier visit: only the tries are known.
        let mut unknown = CodeWear::default();
        assert_eq!(unknown.sent_at(), None);
        for _ in 0..3 {
            assert_eq!(unknown.refused(0), CodeFailure::InvalidCode);
        }
        assert_eq!(unknown.refused(0), CodeFailure::CodeUsedUp);
    }

    #[test]
    fn code_answers_are_classified() {
        assert_eq!(
            CodeFailure::from_error(rejected("error_token")),
            CodeFailure::InvalidCode
        );
        assert_eq!(
            CodeFailure::from_error(ApiError::Api {
                status: 400,
                code: 112,
                message: "enter password with at least 8 symbols".into()
            }),
            CodeFailure::PasswordTooShort
        );
        assert!(matches!(
            CodeFailure::from_error(ApiError::Network("x".into())),
            CodeFailure::Other(_)
        ));
    }
}
