//! Endpoints under `/mapapi/auth/` (mapapi.md §3, §4, §10, §11).

use super::build::*;
use super::{Client, CodeAction};
use crate::error::ApiError;
use crate::http::{decode_text, expect_status_ok, snippet, Transport};
use crate::models::AuthInfo;

impl<T: Transport> Client<T> {
    /// Who is logged in; `None` when the server answers `null` (logged out).
    pub async fn auth_info(&self) -> Result<Option<AuthInfo>, ApiError> {
        let resp = self.send(build_auth_info()).await?;
        let text = decode_text(&resp);
        AuthInfo::from_body(&text)
            .map_err(|e| ApiError::Decode(format!("auth info: {e}; body: {}", snippet(&text))))
    }

    /// Logs in (sets the session cookie). Rejections: `error_email`, `error_password`.
    pub async fn login(&self, username: &str, password: &str, lang: &str) -> Result<(), ApiError> {
        let resp = self.send(build_login(username, password, lang)).await?;
        expect_status_ok(&resp)
    }

    /// Ends the session (fine when not logged in).
    pub async fn logout(&self) -> Result<(), ApiError> {
        expect_status_ok(&self.send(build_logout()).await?)
    }

    /// Sends a code to `email`: sign-up (`is_new`), resend or password reset (`!is_new`).
    pub async fn register(&self, email: &str, lang: &str, is_new: bool) -> Result<(), ApiError> {
        expect_status_ok(&self.send(build_register(email, lang, is_new)).await?)
    }

    /// Checks an e-mailed code (`error_email`, `error_token`).
    pub async fn validate_token(&self, email: &str, token: &str) -> Result<(), ApiError> {
        expect_status_ok(&self.send(build_validate_token(email, token)).await?)
    }

    /// Sets the web password with a code; does not log in.
    pub async fn activate(
        &self,
        email: &str,
        password: &str,
        token: &str,
        lang: &str,
    ) -> Result<(), ApiError> {
        let resp = self
            .send(build_activate(email, password, token, lang))
            .await?;
        expect_status_ok(&resp)
    }

    /// Sends a code to the logged-in user's e-mail.
    pub async fn send_code(&self, action: CodeAction, lang: &str) -> Result<(), ApiError> {
        expect_status_ok(&self.send(build_send_code(action, lang)).await?)
    }

    /// Change e-mail step 2: proves the old code and sends a code to `new_email`.
    pub async fn send_code_to_new_email(
        &self,
        new_email: &str,
        old_code: &str,
        lang: &str,
    ) -> Result<(), ApiError> {
        let resp = self
            .send(build_send_code_to_new_email(new_email, old_code, lang))
            .await?;
        expect_status_ok(&resp)
    }

    /// Change e-mail step 3; the server ends the session on success.
    pub async fn change_email(
        &self,
        new_email: &str,
        new_code: &str,
        lang: &str,
    ) -> Result<(), ApiError> {
        let resp = self
            .send(build_change_email(new_email, new_code, lang))
            .await?;
        expect_status_ok(&resp)
    }

    /// Deletes the account; returns the server's confirmation text. Any other 200 body (a proxy's
    /// page, a cut answer) is a [`ApiError::Decode`]: the account may well still exist, so the app
    /// must not say it was deleted.
    pub async fn delete_account(&self, token: &str) -> Result<String, ApiError> {
        let resp = self.send(build_delete_account(token)).await?;
        let text = decode_text(&resp).trim().to_string();
        if text.starts_with(DELETED_PREFIX) {
            Ok(text)
        } else {
            Err(ApiError::Decode(format!(
                "delete-account: not the confirmation text: {}",
                text.chars().take(80).collect::<String>()
            )))
        }
    }
}

impl<T: Transport> Client<T> {
    /// Cancels a support login link (`{"status":"ok"}`; 400 [`LINK_NOT_VALID`] when the link is
    /// unknown, for another address or already cancelled).
    pub async fn cancel_login_link(&self, email: &str, cancel_code: &str) -> Result<(), ApiError> {
        expect_status_ok(
            &self
                .send(build_cancel_login_link(email, cancel_code))
                .await?,
        )
    }
}

/// The server's answer to a cancel code it does not know (`MapApiController`, mapapi.md §8).
pub const LINK_NOT_VALID: &str = "Link is not valid or already cancelled";

/// How the server's delete-account confirmation begins (mapapi.md §1, row 10).
const DELETED_PREFIX: &str = "Account has been successfully deleted";
