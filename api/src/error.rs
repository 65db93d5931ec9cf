//! The one error type of every API call.

/// Everything that can go wrong with a `/mapapi/` call (mapapi.md §2.2).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ApiError {
    /// The request never got an answer: fetch failed, connection refused or dropped mid-body.
    #[error("network error: {0}")]
    Network(String),
    /// The server did not start answering within the transport's deadline (30 s in the browser).
    #[error("no answer in time")]
    TimedOut,
    /// The request was cancelled through our `AbortSignal`.
    #[error("request aborted")]
    Aborted,
    /// A redirect (Spring Security's 302 to `/map/account/?redirect=…`, or a browser
    /// `opaqueredirect`): the server session is gone. `redirect` is the page it wanted to show.
    #[error("session expired")]
    SessionExpired {
        /// The decoded `redirect` query value of the `Location`, when the transport could see it.
        redirect: Option<String>,
    },
    /// 401 `Unauthorized`: an `/mapapi/auth/*` handler that needs a session found none.
    #[error("unauthorized")]
    Unauthorized,
    /// 429, e.g. the register throttle: `Too many requests. Try again later.`
    #[error("too many requests: {0}")]
    TooManyRequests(String),
    /// `{"error":{"errorCode":…,"message":…}}` (`OsmAndPublicApiException`), e.g. code 112.
    #[error("{message} (error {code}, HTTP {status})")]
    Api {
        /// HTTP status (normally 400).
        status: u16,
        /// The server's `errorCode` (101…112).
        code: i64,
        /// The server's `message`.
        message: String,
    },
    /// A business error: a 400 (or 409) with a plain-text body (`error_email`, `error_token`, …)
    /// or Spring's default 400 JSON (then `text` is its `message`, or else its `error`).
    #[error("{text} (HTTP {status})")]
    Rejected {
        /// HTTP status (normally 400).
        status: u16,
        /// The text the server sent, trimmed.
        text: String,
    },
    /// A 5xx answer. `text` is the server's message, trimmed; empty for HTML pages and empty bodies.
    #[error("server error {status}: {text}")]
    Server {
        /// HTTP status.
        status: u16,
        /// The server's message, may be empty.
        text: String,
    },
    /// Any other status the API never promises (404, 405, 415, 1xx, status 0, HTML error pages).
    #[error("unexpected HTTP status {status}: {text}")]
    Http {
        /// HTTP status.
        status: u16,
        /// The body text (trimmed; empty for HTML).
        text: String,
    },
    /// A successful answer whose body is not what the endpoint promises.
    #[error("unexpected response: {0}")]
    Decode(String),
}

impl ApiError {
    /// The human-readable text the server sent, if any (never our own transport/decoder text).
    pub fn server_text(&self) -> Option<&str> {
        let text = match self {
            ApiError::TooManyRequests(text) => text.as_str(),
            ApiError::Api { message, .. } => message.as_str(),
            ApiError::Rejected { text, .. }
            | ApiError::Server { text, .. }
            | ApiError::Http { text, .. } => text.as_str(),
            ApiError::Network(_)
            | ApiError::TimedOut
            | ApiError::Aborted
            | ApiError::SessionExpired { .. }
            | ApiError::Unauthorized
            | ApiError::Decode(_) => return None,
        };
        let text = text.trim();
        (!text.is_empty()).then_some(text)
    }

    /// The answer never came (no answer in time, or the connection failed): the server may
    /// have done the work all the same, so a call that changes data must look before it says
    /// anything failed.
    pub fn answer_lost(&self) -> bool {
        matches!(self, ApiError::TimedOut | ApiError::Network(_))
    }

    /// Whether the server says there is no (longer a) session: a redirect or a 401.
    pub fn is_session_end(&self) -> bool {
        matches!(
            self,
            ApiError::SessionExpired { .. } | ApiError::Unauthorized
        )
    }

    /// Whether this is the business rejection `text` (e.g. `"error_email"`): a plain-text 4xx
    /// or an API-exception message that equals `text` (both trimmed).
    pub fn is_rejection(&self, text: &str) -> bool {
        match self {
            ApiError::Rejected { text: got, .. } | ApiError::Api { message: got, .. } => {
                got.trim() == text.trim()
            }
            _ => false,
        }
    }

    /// The HTTP status the server answered with, if there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Unauthorized => Some(401),
            ApiError::TooManyRequests(_) => Some(429),
            ApiError::Api { status, .. }
            | ApiError::Rejected { status, .. }
            | ApiError::Server { status, .. }
            | ApiError::Http { status, .. } => Some(*status),
            ApiError::Network(_)
            | ApiError::TimedOut
            | ApiError::Aborted
            | ApiError::SessionExpired { .. }
            | ApiError::Decode(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        let e = ApiError::Rejected {
            status: 400,
            text: "error_email".into(),
        };
        assert!(e.is_rejection("error_email"));
        assert!(!e.is_rejection("error_password"));
        assert_eq!(e.server_text(), Some("error_email"));
        assert_eq!(e.status(), Some(400));
        assert!(!e.is_session_end());

        let api = ApiError::Api {
            status: 400,
            code: 112,
            message: "short".into(),
        };
        assert!(api.is_rejection("short"));
        assert_eq!(api.to_string(), "short (error 112, HTTP 400)");

        assert!(ApiError::Unauthorized.is_session_end());
        assert!(ApiError::SessionExpired { redirect: None }.is_session_end());
        assert_eq!(ApiError::Network("x".into()).server_text(), None);
        assert_eq!(
            ApiError::Server {
                status: 502,
                text: " ".into()
            }
            .server_text(),
            None
        );
        assert!(!ApiError::Server {
            status: 400,
            text: "error_email".into()
        }
        .is_rejection("error_email"));
    }
}
