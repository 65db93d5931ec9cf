//! A page body that loads one resource: a spinner while it loads, the error with a retry, then
//! the data. An answer that ended the session shows nothing here: the session has already sent
//! the user to the login form ([`crate::call::Call`]).

use leptos::prelude::*;

use crate::call::Call;
use crate::components::{ErrorBanner, Spinner};
use crate::i18n::use_i18n;

/// The view of `data`; `ready` renders the loaded value, `error_id` names the error banner.
pub fn loaded_view<T, F>(
    data: Call<(), T>,
    error_id: &'static str,
    ready: F,
) -> impl Fn() -> AnyView + 'static
where
    T: Clone + 'static,
    F: Fn(T) -> AnyView + 'static,
{
    let i18n = use_i18n();
    let message = data.message();
    move || {
        if let Some(value) = data.value() {
            return ready(value);
        }
        if data.error().is_some() {
            return view! { <ErrorBanner message=message on_retry=Callback::new(move |_| data.reload()) id=error_id/> }
                .into_any();
        }
        view! { <Spinner label=Signal::derive(move || i18n.t().loading.to_string())/> }.into_any()
    }
}
