//! A page body that loads one resource: a spinner while it loads, the error with a retry, then
//! the data. When the error means the session ended, nothing is shown: the session sends the user
//! to the login form.

use leptos::prelude::*;
use osmand_api::error::ApiError;

use crate::components::{ErrorBanner, Spinner};
use crate::errors::error_message;
use crate::i18n::use_i18n;
use crate::session::use_session;
use crate::task::Loader;

/// The view of `data`; `ready` renders the loaded value, `error_id` names the error banner.
pub fn loaded_view<T, F>(
    data: Loader<Result<T, ApiError>>,
    error_id: &'static str,
    ready: F,
) -> impl Fn() -> AnyView + 'static
where
    T: Clone + 'static,
    F: Fn(T) -> AnyView + 'static,
{
    let i18n = use_i18n();
    let session = use_session();
    move || match data.get() {
        None => view! { <Spinner label=Signal::derive(move || i18n.t().loading.to_string())/> }
            .into_any(),
        Some(Err(e)) => {
            if session.end_if_expired(&e) {
                return ().into_any();
            }
            let msg = Signal::derive(move || Some(error_message(&e, i18n.t())));
            view! { <ErrorBanner message=msg on_retry=Callback::new(move |_| data.reload()) id=error_id/> }
                .into_any()
        }
        Some(Ok(value)) => ready(value),
    }
}
