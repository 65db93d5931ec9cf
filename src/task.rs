//! Async work tied to a page, without Leptos' resources and actions: the pages use neither
//! dependency tracking nor Suspense, and each loaded or submitted type cost several KB of wasm
//! there. Both primitives are `Copy` handles owned by the page; an answer that arrives after the
//! page is gone is dropped, and only the latest call's answer ever shows.
//!
//! The calls run outside the page's reactive owner: take contexts (`use_api()` and the like)
//! before the first `.await`, as every caller does.

use std::cell::Cell;
use std::future::Future;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

/// Numbers calls so that only the latest one's answer is kept.
#[derive(Clone, Default)]
struct Latest(Rc<Cell<u32>>);

impl Latest {
    fn next(&self) -> u32 {
        let call = self.0.get().wrapping_add(1);
        self.0.set(call);
        call
    }

    fn is(&self, call: u32) -> bool {
        self.0.get() == call
    }
}

/// A value loaded by one async call when the page opens, with a reload: `None` while it loads.
///
/// The pages load on opening and on "Try again", never because a signal changed, so they do not
/// need Leptos' `LocalResource` (dependency tracking, Suspense, ~8 KB of wasm per loaded type).
/// It is a [`Task`] without input that starts at once and forgets its answer on reload.
pub struct Loader<T: 'static>(Task<(), T>);

impl<T: 'static> Clone for Loader<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: 'static> Copy for Loader<T> {}

impl<T: Clone + 'static> Loader<T> {
    /// Starts `fetch` at once.
    pub fn new<Fut>(fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = T> + 'static,
    {
        let task = Task::new(move |_: &()| fetch());
        task.dispatch(());
        Loader(task)
    }

    /// The loaded value (tracked); `None` while loading (or once the page is gone).
    pub fn get(&self) -> Option<T> {
        self.0.value()
    }

    /// Loads again. Back to "loading" at once: the spinner replaces a stale error and its
    /// retry button until the new answer is in.
    pub fn reload(&self) {
        self.0.value.try_set(None);
        self.0.dispatch(());
    }
}

/// A submit: runs an async call per `dispatch`, tells whether one is out (`pending`) and holds
/// the latest call's answer (`value`). Forms also disable their button while pending, so a
/// second click does not send twice.
pub struct Task<I: 'static, O: 'static> {
    value: RwSignal<Option<O>, LocalStorage>,
    pending: Signal<bool>,
    start: StoredValue<Rc<dyn Fn(I)>, LocalStorage>,
}

impl<I: 'static, O: 'static> Clone for Task<I, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: 'static, O: 'static> Copy for Task<I, O> {}

impl<I: 'static, O: Clone + 'static> Task<I, O> {
    /// `run` builds the call from the dispatched input.
    pub fn new<Fut>(run: impl Fn(&I) -> Fut + 'static) -> Self
    where
        Fut: Future<Output = O> + 'static,
    {
        let value = RwSignal::new_local(None);
        let pending = RwSignal::new(false);
        let latest = Latest::default();
        let in_flight = Rc::new(Cell::new(0_u32));
        let start = move |input: I| {
            let call = latest.next();
            let answer = untrack(|| run(&input));
            in_flight.set(in_flight.get().saturating_add(1));
            pending.try_set(true);
            let (latest, in_flight) = (latest.clone(), Rc::clone(&in_flight));
            spawn_local(async move {
                let result = answer.await;
                in_flight.set(in_flight.get().saturating_sub(1));
                if in_flight.get() == 0 {
                    pending.try_set(false);
                }
                if latest.is(call) {
                    value.try_set(Some(result));
                }
            });
        };
        Task {
            value,
            pending: pending.into(),
            start: StoredValue::new_local(Rc::new(start)),
        }
    }

    /// Starts a call.
    pub fn dispatch(&self, input: I) {
        if let Some(start) = self.start.try_get_value() {
            start(input);
        }
    }

    /// The latest call's answer (tracked); `None` until one is in (or once the page is gone).
    pub fn value(&self) -> Option<O> {
        self.value.try_get().flatten()
    }

    /// [`Self::value`], untracked.
    pub fn value_untracked(&self) -> Option<O> {
        self.value.try_get_untracked().flatten()
    }

    /// Whether a call is out (a signal for views and props).
    pub fn pending(&self) -> Signal<bool> {
        self.pending
    }
}
