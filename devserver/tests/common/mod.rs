//! Test harness: drives the real router in-process with `tower::ServiceExt::oneshot`.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{header, HeaderMap, Method, Request, StatusCode};
use axum::Router;
use devserver::{app, AppState, Config};
use serde_json::Value;
use tower::ServiceExt;

pub const JSON: &str = "application/json";
pub const TEXT: &str = "text/plain;charset=UTF-8";

pub fn config(dev: bool) -> Config {
    Config {
        cookie_name: "JSESSIONID".to_owned(),
        bcrypt_cost: 4,
        dev,
        dist: None,
        gallery: None,
        switches: Default::default(),
        archive_ms_per_file: 0,
        delete_ms_per_file: 0,
    }
}

/// One server (fresh in-memory database) plus a cookie jar of one browser.
#[derive(Clone)]
pub struct Server {
    pub state: AppState,
    pub router: Router,
    pub cookie: Option<String>,
    /// Sent as `X-Forwarded-For` when set.
    pub ip: Option<String>,
}

#[derive(Debug)]
pub struct Resp {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn content_type(&self) -> &str {
        self.headers
            .get(header::CONTENT_TYPE)
            .map(|v| v.to_str().unwrap())
            .unwrap_or("")
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).map(|v| v.to_str().unwrap())
    }

    pub fn set_cookie(&self) -> Option<&str> {
        self.header("set-cookie")
    }

    /// Asserts status, content type and exact body.
    #[track_caller]
    pub fn assert(&self, status: u16, content_type: &str, body: &str) {
        assert_eq!(self.status.as_u16(), status, "status; body: {}", self.body);
        assert_eq!(
            self.content_type(),
            content_type,
            "content type; body: {}",
            self.body
        );
        assert_eq!(self.body, body);
    }

    #[track_caller]
    pub fn assert_ok_json(&self) {
        self.assert(200, JSON, r#"{"status":"ok"}"#);
    }

    #[track_caller]
    pub fn assert_text(&self, status: u16, body: &str) {
        self.assert(status, TEXT, body);
    }

    /// Spring Boot's default error JSON.
    #[track_caller]
    pub fn assert_spring(&self, status: u16, path: &str) {
        assert_eq!(self.status.as_u16(), status, "body: {}", self.body);
        assert_eq!(self.content_type(), JSON);
        let v = self.json();
        assert_eq!(v["status"], status);
        assert_eq!(v["path"], path);
        assert_eq!(v["error"], self.status.canonical_reason().unwrap());
        assert!(v["timestamp"].is_string());
    }
}

impl Server {
    pub fn with_config(config: Config) -> Self {
        let state = AppState::in_memory(config).unwrap();
        Self::from_state(state)
    }

    pub fn from_state(state: AppState) -> Self {
        let router = app(state.clone());
        Self {
            state,
            router,
            cookie: None,
            ip: None,
        }
    }

    /// Empty database, `--dev` on.
    pub fn new() -> Self {
        Self::with_config(config(true))
    }

    /// Demo data loaded, `--dev` on.
    pub fn seeded() -> Self {
        let s = Self::new();
        s.state.seed_demo().unwrap();
        s
    }

    /// A second browser on the same server (no cookie).
    pub fn browser(&self) -> Self {
        let mut b = self.clone();
        b.cookie = None;
        b
    }

    pub async fn request(
        &mut self,
        method: Method,
        uri: &str,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> Resp {
        let mut req = Request::builder().method(method).uri(uri);
        if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
            req = req.header(header::HOST, "localhost:8080");
        }
        if let Some(c) = &self.cookie {
            req = req.header(header::COOKIE, format!("JSESSIONID={c}"));
        }
        if let Some(ip) = &self.ip {
            req = req.header("x-forwarded-for", ip.as_str());
        }
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let res = self
            .router
            .clone()
            .oneshot(req.body(Body::from(body)).unwrap())
            .await
            .unwrap();
        let status = res.status();
        let headers = res.headers().clone();
        let bytes = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        let resp = Resp {
            status,
            headers,
            body: String::from_utf8_lossy(&bytes).into_owned(),
        };
        // The jar: remember a new session cookie, forget a cleared one.
        if let Some(sc) = resp.set_cookie() {
            let value = sc
                .split(';')
                .next()
                .unwrap()
                .trim_start_matches("JSESSIONID=");
            self.cookie = if value.is_empty() {
                None
            } else {
                Some(value.to_owned())
            };
        }
        resp
    }

    pub async fn get(&mut self, uri: &str) -> Resp {
        self.request(Method::GET, uri, &[], Vec::new()).await
    }

    pub async fn delete(&mut self, uri: &str) -> Resp {
        self.request(Method::DELETE, uri, &[], Vec::new()).await
    }

    /// POST with a JSON body and `Content-Type: application/json`.
    pub async fn post_json(&mut self, uri: &str, body: Value) -> Resp {
        self.request(
            Method::POST,
            uri,
            &[("content-type", JSON)],
            body.to_string().into_bytes(),
        )
        .await
    }

    /// POST with an empty `text/plain` body (how the web client calls query-param endpoints).
    pub async fn post_empty(&mut self, uri: &str) -> Resp {
        self.request(
            Method::POST,
            uri,
            &[("content-type", "text/plain")],
            Vec::new(),
        )
        .await
    }

    pub async fn login(&mut self, email: &str, password: &str) -> Resp {
        self.post_json(
            "/mapapi/auth/login",
            serde_json::json!({"username": email, "password": password, "lang": "en"}),
        )
        .await
    }

    pub async fn login_demo(&mut self) {
        self.login("demo@example.com", "demo-password")
            .await
            .assert_ok_json();
    }

    /// The newest code mailed to `to`.
    pub async fn last_code(&mut self, to: &str) -> String {
        let mails = self.get(&format!("/dev/outbox?to={to}")).await.json();
        mails[0]["code"].as_str().unwrap().to_owned()
    }

    pub async fn dump(&mut self, email: &str) -> Value {
        let r = self.get(&format!("/dev/accounts/{email}")).await;
        assert_eq!(r.status, 200, "{}", r.body);
        r.json()
    }

    pub async fn create_account(
        &mut self,
        email: &str,
        password: &str,
        pro: bool,
        files: &str,
    ) -> i64 {
        let r = self
            .post_json(
                "/dev/accounts",
                serde_json::json!({"email": email, "password": password, "pro": pro, "files": files}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        r.json()["id"].as_i64().unwrap()
    }

    pub fn advance(&self, ms: i64) {
        self.state.clock.advance_ms(ms);
    }
}

pub const HOUR: i64 = 3_600_000;
pub const DAY: i64 = 24 * HOUR;
