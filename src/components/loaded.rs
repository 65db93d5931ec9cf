//! A page body that loads one resource: a spinner while it loads, the error with a retry, then
//! the data. When the error means the session ended, nothing is shown: the session sends the user
//! to the login form.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use osmand_api::error::ApiError;

use crate::components::{ErrorBanner, Spinner};
use crate::errors::error_message;
use crate::i18n::use_i18n;
use crate::session::use_session;

/// A value loaded by one async call when the page opens, with a reload: `None` while it loads.
///
/// The pages load on opening and on "Try again", never because a signal changed, so they do not
/// need Leptos' `LocalResource` (dependency tracking, Suspense, ~8 KB of wasm per loaded type).
pub struct Loader<T: 'static> {
    value: RwSignal<Option<T>, LocalStorage>,
    start: StoredValue<Rc<dyn Fn()>, LocalStorage>,
}

impl<T: 'static> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Loader<T> {}

impl<T: Clone + 'static> Loader<T> {
    /// Starts `fetch` at once. Its result is kept only while it is the latest call and the
    /// page is still there.
    pub fn new<Fut>(fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = T> + 'static,
    {
        let value = RwSignal::new_local(None);
        let latest = Rc::new(Cell::new(0_u32));
        let start = move || {
            let call = latest.get().wrapping_add(1);
            latest.set(call);
            // Back to "loading": the spinner replaces a stale error and its retry button.
            value.try_set(None);
            let pending = untrack(&fetch);
            let latest = Rc::clone(&latest);
            spawn_local(async move {
                let result = pending.await;
                if latest.get() == call {
                    // A page closed meanwhile has dropped the signal: nothing to show then.
                    value.try_set(Some(result));
                }
            });
        };
        start();
        Loader {
            value,
            start: StoredValue::new_local(Rc::new(start)),
        }
    }

    /// The loaded value (tracked); `None` while loading.
    pub fn get(&self) -> Option<T> {
        self.value.get()
    }

    /// Loads again (the view shows "loading" until the new answer is in).
    pub fn reload(&self) {
        if let Some(start) = self.start.try_get_value() {
            start();
        }
    }
}

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
