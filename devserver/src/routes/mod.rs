//! The router: every route, the middleware stack, and the fallback.

pub mod account;
pub mod auth;
pub mod dev;
pub mod files;
pub mod login_link;
pub mod static_files;

use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::from_fn_with_state;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;

use crate::error::ApiError;
use crate::reply;
use crate::{error, faults, session, AppState};

/// The whole server. Middleware, outermost first: Spring error bodies → faults (/dev/faults)
/// → session gate (302 for protected paths) → routes.
pub fn app(state: AppState) -> Router {
    let mut router: Router<AppState> = Router::new()
        .route("/mapapi/auth/info", get(auth::info))
        .route("/mapapi/auth/login", post(auth::login))
        .route("/mapapi/auth/logout", post(auth::logout))
        .route("/mapapi/auth/register", post(auth::register))
        .route("/mapapi/auth/validate-token", post(auth::validate_token))
        .route("/mapapi/auth/activate", post(auth::activate))
        .route("/mapapi/auth/send-code", post(account::send_code))
        .route(
            "/mapapi/auth/send-code-to-new-email",
            post(account::send_code_to_new_email),
        )
        .route("/mapapi/auth/change-email", post(account::change_email))
        .route("/mapapi/auth/delete-account", post(account::delete_account))
        .route("/mapapi/get-account-info", get(account::get_account_info))
        .route("/mapapi/list-files", get(files::list_files))
        .route("/mapapi/download-backup", post(files::download_backup))
        .route("/mapapi/download-file", get(files::download_file))
        .route(
            "/mapapi/download-file-from-prev-version",
            get(files::download_prev),
        )
        .route(
            "/mapapi/delete-file-version",
            post(files::delete_file_version),
        )
        .route("/mapapi/delete-file", post(files::delete_file))
        .route(
            "/mapapi/delete-file-all-versions",
            get(files::delete_all_versions),
        )
        .route("/mapapi/restore-file", get(files::restore_file))
        .route("/mapapi/empty-trash", post(files::empty_trash))
        .route("/mapapi/auth/cancel-link", post(login_link::cancel_link));
    if state.config.dev {
        router = router.merge(dev::routes()).merge(login_link::dev_routes());
    }
    if let Some(dist) = &state.config.dist {
        router = router.merge(static_files::routes(dist));
    }
    if let Some(gallery) = &state.config.gallery {
        router = router.merge(static_files::gallery_routes(gallery));
    }
    router
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(from_fn_with_state(state.clone(), session::gate))
        .layer(from_fn_with_state(state.clone(), faults::apply))
        .layer(from_fn_with_state(
            state.clone(),
            error::spring_error_bodies,
        ))
        .layer(axum::middleware::from_fn(crate::security::headers))
        .with_state(state)
}

/// A known path with the wrong method: Spring's 405 JSON under /mapapi/.
async fn method_not_allowed(req: Request) -> Response {
    if req.uri().path().starts_with("/mapapi") {
        ApiError::Spring(StatusCode::METHOD_NOT_ALLOWED).into_response()
    } else {
        reply::plain(StatusCode::METHOD_NOT_ALLOWED, "Method Not Allowed")
    }
}

/// Unknown paths: Spring's 404 JSON under /mapapi/, plain text elsewhere.
async fn not_found(req: Request) -> Response {
    if req.uri().path().starts_with("/mapapi") {
        ApiError::Spring(StatusCode::NOT_FOUND).into_response()
    } else {
        reply::plain(StatusCode::NOT_FOUND, "Not Found")
    }
}
