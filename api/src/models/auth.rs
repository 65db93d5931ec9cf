//! `GET /mapapi/auth/info`.

use serde::{Deserialize, Serialize};

/// Who is logged in (`{"username","roles"}`); the endpoint answers JSON `null` when nobody is.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AuthInfo {
    /// The e-mail as typed at login.
    pub username: String,
    /// Spring roles, e.g. `ROLE_PRO_USER`, `ROLE_ADMIN`, `ROLE_SUPPORT` (any order).
    #[serde(default, deserialize_with = "super::lenient::null_default")]
    pub roles: Vec<String>,
}

impl AuthInfo {
    /// Whether the user has `role` (e.g. `"ROLE_ADMIN"`).
    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r == role)
    }

    /// Admin or support: the reference client shows a developer area for them.
    pub fn is_staff(&self) -> bool {
        self.has_role("ROLE_ADMIN") || self.has_role("ROLE_SUPPORT")
    }

    /// Decodes an `auth/info` body: `null`, an object without (or with an empty) `username`
    /// → `None` (logged out); a user → `Some`. Anything else (an array, a string) is an error.
    pub(crate) fn from_body(text: &str) -> Result<Option<Self>, serde_json::Error> {
        #[derive(Deserialize)]
        struct Raw {
            #[serde(default, deserialize_with = "super::lenient::opt_string")]
            username: Option<String>,
            #[serde(default, deserialize_with = "super::lenient::null_default")]
            roles: Vec<String>,
        }
        let raw = serde_json::from_str::<Option<super::lenient::Object<Raw>>>(text)?;
        Ok(raw.and_then(|super::lenient::Object(raw)| {
            raw.username
                .filter(|u| !u.trim().is_empty())
                .map(|username| AuthInfo {
                    username,
                    roles: raw.roles,
                })
        }))
    }
}
