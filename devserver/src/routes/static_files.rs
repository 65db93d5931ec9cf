//! `--dist`: the built app under `/map/` with an SPA fallback to `index.html`.

use std::path::Path;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, HeaderValue, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use tower::ServiceExt;
use tower_http::services::{ServeDir, ServeFile};

use crate::AppState;

pub fn routes(dist: &Path) -> Router<AppState> {
    let serve = ServeDir::new(dist).fallback(ServeFile::new(dist.join("index.html")));
    let under_map = move |req: Request| {
        let svc = serve.clone();
        async move { serve_under_map(svc, req).await }
    };
    Router::new()
        .route("/", get(|| async { Redirect::to("/map/") }))
        .route("/map", get(|| async { Redirect::to("/map/") }))
        .route("/map/", get(under_map.clone()))
        .route("/map/{*rest}", get(under_map))
}

/// `--gallery`: the designers' gallery under `/gallery/` (built with `--public-url /gallery/`).
pub fn gallery_routes(dir: &Path) -> Router<AppState> {
    let serve = ServeDir::new(dir).fallback(ServeFile::new(dir.join("index.html")));
    let under = move |req: Request| {
        let svc = serve.clone();
        async move { serve_under(svc, "/gallery", req).await }
    };
    Router::new()
        .route("/gallery", get(|| async { Redirect::to("/gallery/") }))
        .route("/gallery/", get(under.clone()))
        .route("/gallery/{*rest}", get(under))
}

/// Serves `/map/<path>` from `<dist>/<path>`; unknown paths get `index.html` (200).
async fn serve_under_map(svc: ServeDir<ServeFile>, req: Request) -> Response {
    serve_under(svc, "/map", req).await
}

/// Serves `<prefix>/<path>` from the directory; unknown paths get `index.html` (200).
async fn serve_under(svc: ServeDir<ServeFile>, prefix: &str, req: Request) -> Response {
    let (mut parts, body) = req.into_parts();
    let path = parts.uri.path().strip_prefix(prefix).unwrap_or("/");
    let path = if path.is_empty() { "/" } else { path };
    let rewritten = match parts.uri.query() {
        Some(q) => format!("{path}?{q}"),
        None => path.to_owned(),
    };
    match rewritten.parse::<Uri>() {
        Ok(uri) => parts.uri = uri,
        Err(_) => return axum::http::StatusCode::BAD_REQUEST.into_response(),
    }
    let res = match svc.oneshot(Request::from_parts(parts, body)).await {
        Ok(res) => res,
        Err(never) => match never {},
    };
    let mut res = res.map(Body::new);
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    res
}
